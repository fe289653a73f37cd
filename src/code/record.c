/* record: from pending events to event records.  Compounds give one
 * event per pair, dates, places, casualties and attribution are attached,
 * roles are settled, and the article's memory learns what later references
 * ("the deal", "the attack", "followed suit") stand for. */
#include "internal.h"
#include "casualty.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* What later references stand for: "the deal" for the parties of the last
 * agreement or talks, "the attack" for the author of the last use of force. */
static void remember_event(sentence_state *s, const lex_code_info *info, const pending_event *ev, const mention *src,
                           const mention *const *targets, size_t nt)
{
    memory *mem = s->memory;
    if (ev->negated || ev->intent || !src->code[0]) return;
    const char *c = info->code;
    /* "al Shabaab claimed responsibility": the author of the attack */
    if (strcmp(c, "015") == 0) {
        mem->deed = *src;
        mem->has_deed = true;
    }
    if (strncmp(c, "11", 2) == 0 || strncmp(c, "12", 2) == 0) {
        mem->accuser = *src;
        mem->has_accuser = true;
    }
    if (info->quad_class == 4) {
        /* "the attack" is force, coercion or assault, not a protest or a sanction */
        if (strncmp(c, "17", 2) == 0 || strcmp(c, "181") == 0) {
            mem->coercion = *src;
            mem->has_coercion = true;
        } else if ((strncmp(c, "18", 2) == 0 || strncmp(c, "19", 2) == 0 || strncmp(c, "20", 2) == 0) &&
                   strcmp(c, "192") != 0) {   /* taking a town is no "attack" */
            mem->deed = *src;
            mem->has_deed = true;
        }
        return;
    }
    bool agreement = strcmp(c, "057") == 0 || strncmp(c, "087", 3) == 0 || strcmp(c, "046") == 0;
    const mention *a = NULL, *b = NULL;
    if (agreement && nt >= 1) { a = src; b = targets[0]; }
    else if (strcmp(c, "045") == 0 && nt >= 2) { a = targets[0]; b = targets[1]; }   /* the mediated */
    if (!a || !b || !a->code[0] || !b->code[0] || strcmp(a->code, b->code) == 0) return;
    /* the parties to an agreement are governments, forces and movements, not
     * the prisoners or civilians it concerns */
    if (!code_is_party(a->code) || !code_is_party(b->code)) return;
    mem->deal[0] = *a;
    mem->deal[1] = *b;
    mem->has_deal = true;
}

static void push_event(code_result *out, arena *a, const code_event *e)
{
    /* the same event twice in one sentence ("raided homes and looted them"
     * gives one accusation) is one event */
    for (size_t i = out->count; i > 0; i--) {
        const code_event *o = &out->events[i - 1];
        if (o->sentence_index != e->sentence_index) break;
        if (o->cameo == e->cameo && strcmp(o->source.code, e->source.code) == 0 && o->has_target == e->has_target &&
            (!e->has_target || strcmp(o->target.code, e->target.code) == 0) && o->negated == e->negated)
            return;
    }
    if (out->count == out->capacity) {
        size_t cap = out->capacity ? out->capacity * 2 : 32;
        code_event *events = arena_alloc_raw(a, cap * sizeof *events);   /* written before read */
        if (out->count) memcpy(events, out->events, out->count * sizeof *events);
        out->events = events;
        out->capacity = cap;
    }
    out->events[out->count++] = *e;
}

/* A country named as the actor of a state act is its government, or its
 * military when the act is force ("Azerbaijan recaptured the region"). */
static bool force_code(const char *code)
{
    return strncmp(code, "15", 2) == 0 || strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 ||
           strncmp(code, "20", 2) == 0;
}

static void state_role(code_actor *a, const mention *m, const lex_code_info *info, bool is_source)
{
    /* "brokered by Saudi and American mediators": an adjective that acts is its state */
    if (strlen(a->code) != 3 || m->kind != MENTION_COUNTRY || (m->adjectival && !is_source) || m->place ||
        !code_is_state(a->code))
        return;
    bool force = force_code(info->code);
    /* force against a country named as such is against its territory and
     * people: "attacked Israel" is ... 190 ISR (as "captured Sirte" is LBY) */
    if (!is_source && force) return;
    code_copy_text(a->code + 3, sizeof a->code - 3, is_source && force ? "MIL" : "GOV");
}

/* Fighting is mutual: "clashed with", "fought", "battled", "clashes with". */
static bool mutual_with(const sentence_state *s, const pending_event *ev, const mention *tg)
{
    const char *t = ev->pattern->text;
    if (t[0] == '~') t++;
    if (strncmp(t, "clash", 5) != 0 && strncmp(t, "fight", 5) != 0 && strncmp(t, "battle", 6) != 0 &&
        strncmp(t, "skirmish", 8) != 0 && strncmp(t, "exchange fire", 13) != 0 && strncmp(t, "trade fire", 10) != 0)
        return false;
    size_t k = tg->first;
    while (k > 0 && is_any(s, k - 1, determiners)) k--;
    return k > 0 && (is(s, k - 1, "with") || is(s, k - 1, "against"));
}

/* Force between the police and a crowd is repression and riot, not war:
 * "police clashed with protesters" is COP 175 OPP and OPP 145 COP. */
static const lex_code_info *crowd_force(const sentence_state *s, const lex_code_info *info, const code_event *e)
{
    if (!e->has_target || strlen(e->source.code) < 6 || strlen(e->target.code) < 6) return info;
    if (strcmp(info->code, "190") != 0 && strcmp(info->code, "193") != 0) return info;
    const char *a = e->source.code + 3, *b = e->target.code + 3;
    bool crowd_b = strncmp(b, "OPP", 3) == 0 || strncmp(b, "CVL", 3) == 0 || strncmp(b, "EDU", 3) == 0 ||
                   strncmp(b, "LAB", 3) == 0;
    bool crowd_a = strncmp(a, "OPP", 3) == 0 || strncmp(a, "CVL", 3) == 0 || strncmp(a, "EDU", 3) == 0 ||
                   strncmp(a, "LAB", 3) == 0;
    const char *code = NULL;
    if (strncmp(a, "COP", 3) == 0 && crowd_b) code = "175";
    else if (crowd_a && strncmp(b, "COP", 3) == 0) code = "145";
    const lex_code_info *c = code ? lex_code(s->dict, code) : NULL;
    return c ? c : info;
}

static void actor_of(const mention *m, code_actor *out)
{
    memset(out, 0, sizeof *out);
    code_copy_text(out->code, sizeof out->code, m->code);
    out->text = m->text;
    out->start = m->start;
    out->end = m->end;
}

void code_emit_sentence(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                          pending_event *events, size_t event_count, const report *reports, size_t report_count,
                          const date_expression *dates, size_t date_count, code_result *out)
{
    /* casualty counts go to the event that caused them: the one whose verb
     * they hang on ("were killed"), and ", killing 50" belongs to the deed
     * before it rather than being a deed of its own */
    casualty cas[16];
    size_t cas_count = 0;
    for (size_t i = 0; i < s->n; i++)
        if (s->cls[i] & WORD_CASUALTY) {
            for (size_t k = 0; k < s->n; k++)
                if ((s->cls[k] & WORD_NUMBER) || (s->tokens[k].flags & TEXT_NUMBER)) { cas_count = casualty_find(s->words, s->n, cas, 16); break; }
            break;
        }
    int cas_event[16];
    for (size_t c = 0; c < cas_count; c++) {
        cas_event[c] = -1;
        for (size_t e = 0; e < event_count; e++)
            if (events[e].head <= cas[c].anchor && cas[c].anchor <= events[e].last) cas_event[c] = (int)e;
        if (cas_event[c] >= 0) {
            pending_event *g = &events[cas_event[c]];
            const char *w = s->words[g->head];
            size_t wl = strlen(w);
            bool gerund = wl > 4 && strcmp(w + wl - 3, "ing") == 0;
            if (gerund && g->head > 0 && is(s, g->head - 1, ",")) {
                for (size_t e = (size_t)cas_event[c]; e > 0; e--)
                    if (!events[e - 1].dropped && events[e - 1].source >= 0) {
                        g->dropped = true;
                        g->merged_into = (int)(e - 1);
                        cas_event[c] = (int)(e - 1);
                        /* "struck a crowd ..., killing 13 U.S. troops and scores of
                         * Afghans": the killed are the deed's victims */
                        if (g->target >= 0 && g->target != events[e - 1].source && !s->mentions[g->target].inferred_country &&
                            (events[e - 1].target < 0 || s->mentions[events[e - 1].target].kind == MENTION_AGENT))
                            events[e - 1].target = g->target;
                        break;
                    }
            }
            continue;
        }
        size_t best = SIZE_MAX;
        for (int pass = 0; pass < 2 && cas_event[c] < 0; pass++)
            for (size_t e = 0; e < event_count; e++) {
                if (events[e].dropped || events[e].source < 0) continue;
                if (pass == 0 && s->clause[events[e].head] != s->clause[cas[c].anchor]) continue;
                size_t h = events[e].head, a = cas[c].anchor;
                size_t dist = h < a ? a - h : h - a;
                if (dist < best) { best = dist; cas_event[c] = (int)e; }
            }
    }
    /* each date expression belongs to the nearest event head or reporting
     * verb of its clause ("captured Sirte on Jan. 6"; "reported on Jan. 12") */
    int anchor_of[16];
    for (size_t d = 0; d < date_count; d++) {
        anchor_of[d] = -1;   /* -1 none; event index; or -2 - report index */
        size_t best_distance = SIZE_MAX;
        for (int pass = 0; pass < 2 && anchor_of[d] == -1; pass++) {
            for (size_t e = 0; e < event_count; e++) {
                size_t h = events[e].head;
                if (pass == 0 && s->clause[h] != s->clause[dates[d].first]) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) {
                    best_distance = dist;
                    anchor_of[d] = events[e].merged_into >= 0 ? events[e].merged_into : (int)e;
                }
            }
            for (size_t r = 0; r < report_count; r++) {
                size_t h = reports[r].verb;
                if (pass == 0 && s->clause[h] != s->clause[dates[d].first]) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) { best_distance = dist; anchor_of[d] = -2 - (int)r; }
            }
        }
    }
    place_candidate places_found[8];
    size_t place_count = code_find_places(s, places_found, 8);

    for (size_t e = 0; e < event_count; e++) {
        pending_event *ev = &events[e];
        /* "after ten days of talks": talks with no one named are between
         * the parties of the agreement the article is about */
        /* "after ten days of talks", "talks began": not "the talks", which
         * refers back to talks already coded */
        bool implicit_pair = ev->source < 0 && !ev->dropped && ev->pattern->noun_head &&
                             strcmp(ev->pattern->code, "046") == 0 && s->memory->has_deal &&
                             !(ev->head > 0 && (is(s, ev->head - 1, "the") || is(s, ev->head - 1, "these") ||
                                                is(s, ev->head - 1, "those")));
        if (ev->dropped || (ev->source < 0 && !implicit_pair)) continue;
        if (ev->negated && !s->options->keep_negated) continue;
        const lex_code_info *info = lex_code(s->dict, ev->pattern->code);
        if (!info) continue;
        const char *rule_extra = "";
        if (ev->intent && info->intent_code[0]) {
            const lex_code_info *intent = lex_code(s->dict, info->intent_code);
            if (intent) { info = intent; rule_extra = arena_printf(s->a, "; modal \"%s\" -> %s", ev->modal, intent->code); }
        }
        /* force used with a weapon is coded by the weapon: "warplanes
         * struck" 195, "shelled" stays 194, "fired a ballistic missile" 195 */
        if (strcmp(info->code, "190") == 0 || strcmp(info->code, "193") == 0) {
            size_t from = ev->source >= 0 && s->mentions[ev->source].first < ev->head ? s->mentions[ev->source].first : ev->head;
            size_t to = ev->last + 6 < s->n ? ev->last + 6 : s->n - 1;
            if (ev->source >= 0 && s->mentions[ev->source].last > to) to = s->mentions[ev->source].last;
            for (size_t k = from; k <= to; k++) {
                if (s->clause[k] != s->clause[ev->head] && !(ev->source >= 0 && k >= s->mentions[ev->source].first &&
                                                             k <= s->mentions[ev->source].last))
                    continue;
                if (s->weapon[k] && strcmp(s->weapon[k], info->code) != 0) {
                    const lex_code_info *w = lex_code(s->dict, s->weapon[k]);
                    if (w && (strcmp(info->code, "190") == 0 || strcmp(w->code, "193") != 0)) {
                        rule_extra = arena_printf(s->a, "%s; weapon \"%s\" -> %s", rule_extra, s->words[k], w->code);
                        info = w;
                    }
                    break;
                }
            }
        }
        /* the date: its own expression; else one of another event of its
         * clause that was not folded away; else the date of the report;
         * else the publication date */
        int32_t date = s->publication;
        int precision = CODE_DATE_MONTH;   /* no date in the text: the article's, no finer than its month */
        const char *date_words = NULL;
        int chosen = -1;
        /* its own expression: one of its clause first ("took Sirte on Jan. 6,
         * and they have besieged Tripoli since last April") */
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] == (int)e && s->clause[dates[d].first] == s->clause[ev->head]) chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] == (int)e) chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] >= 0 && !events[anchor_of[d]].dropped && s->clause[events[anchor_of[d]].head] == s->clause[ev->head])
                chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] <= -2) chosen = (int)d;
        if (chosen >= 0) {
            date = dates[chosen].days;
            precision = dates[chosen].precision;
            date_words = code_slice(s, dates[chosen].first, dates[chosen].last, NULL, NULL);
        }
        /* attribution: a report in another clause of the sentence */
        const mention *speaker = NULL;
        bool sourcing = false;
        for (size_t r = 0; r < report_count; r++) {
            if (reports[r].speaker < 0) continue;
            if ((int)reports[r].speaker == ev->source) continue;
            if (reports[r].clause == s->clause[ev->head]) continue;
            /* "X struck Y, and Pakistan said ...": a report in a clause joined
             * after the event speaks of what follows it, not of the event */
            const mention *sp = &s->mentions[reports[r].speaker];
            if (sp->first > ev->head && sp->first > 0 &&
                (is(s, sp->first - 1, "and") || is(s, sp->first - 1, "but") || is(s, sp->first - 1, "while")))
                continue;
            speaker = &s->mentions[reports[r].speaker];
            sourcing = reports[r].sourcing;
            break;
        }
        /* the place: the nearest in the event's clause, else in the sentence */
        const place_candidate *where = NULL;
        size_t where_distance = SIZE_MAX;
        for (int pass = 0; pass < 2 && !where; pass++)
            for (size_t p = 0; p < place_count; p++) {
                if (pass == 0 && s->clause[places_found[p].first] != s->clause[ev->head]) continue;
                size_t a = places_found[p].first, h = ev->head;
                size_t dist = a > h ? a - h : h - a;
                if (dist < where_distance && dist < 25) { where_distance = dist; where = &places_found[p]; }
            }
        code_casualties counts = { -1, -1, -1, -1, -1, -1 };
        bool has_counts = false;
        for (size_t c = 0; c < cas_count; c++) {
            if (cas_event[c] != (int)e) continue;
            int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                              &counts.abducted, &counts.missing };
            int32_t value = cas[c].count > INT32_MAX ? INT32_MAX : (int32_t)cas[c].count;
            *slot[cas[c].kind] = *slot[cas[c].kind] < 0 ? value : *slot[cas[c].kind] + value;
            has_counts = true;
        }
        if (!has_counts && ev->target >= 0 && !ev->intent && !ev->negated) {
            /* "killed a Palestinian man": one */
            int kind = -1;
            for (size_t k = ev->head; k <= ev->last && kind < 0; k++) kind = casualty_kind(s->words[k]);
            const mention *t = &s->mentions[ev->target];
            bool one = t->first > 0 && (is(s, t->first - 1, "a") || is(s, t->first - 1, "an") || is(s, t->first - 1, "one"));
            if (kind >= 0 && (one || t->kind == MENTION_PERSON) && !t->plural && t->compound < 0) {
                int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                                  &counts.abducted, &counts.missing };
                *slot[kind] = 1;
                has_counts = true;
            }
        }
        const mention *src = implicit_pair ? &s->memory->deal[0] : &s->mentions[ev->source];
        /* compounds: one event per member on each side */
        const mention *sources[16], *targets[16];
        size_t ns = 0, nt = 0;
        if (implicit_pair) {
            sources[ns++] = &s->memory->deal[0];
            sources[ns++] = &s->memory->deal[1];
        } else if (src->compound >= 0) {
            for (size_t m = 0; m < s->mention_count && ns < 16; m++)
                if (s->mentions[m].compound == src->compound) sources[ns++] = &s->mentions[m];
        } else {
            sources[ns++] = src;
        }
        if (ev->target >= 0 && !implicit_pair) {
            const mention *tg = &s->mentions[ev->target];
            if (tg->compound >= 0 && tg->compound != src->compound) {
                for (size_t m = 0; m < s->mention_count && nt < 16; m++)
                    if (s->mentions[m].compound == tg->compound) targets[nt++] = &s->mentions[m];
            } else {
                targets[nt++] = tg;
            }
        }
        /* "Russia and Turkey met": each side to the other, for the events
         * that take two sides (consult, cooperate, fight, exchange) */
        const char *base = ev->pattern->code;   /* before modality: "will meet" is as mutual as "met" */
        bool symmetric = strcmp(base, "036") == 0 ||   /* "the two sides agreed to meet again" */
                         (strncmp(base, "04", 2) == 0 && strcmp(base, "042") != 0 &&
                          strcmp(base, "043") != 0 && strcmp(base, "045") != 0) ||
                         strncmp(base, "05", 2) == 0 || strncmp(base, "06", 2) == 0 ||
                         strncmp(base, "19", 2) == 0 || strcmp(base, "0871") == 0 ||
                         strncmp(ev->pattern->text, "exchange", 8) == 0 ||
                         strncmp(ev->pattern->text, "swap", 4) == 0;
        /* mediation with no one named mediates the agreement the article is
         * about: "talks mediated by the African Union" */
        if (nt == 0 && strcmp(ev->pattern->code, "045") == 0 && s->memory->has_deal)
            for (int k = 0; k < 2; k++)
                if (strcmp(s->memory->deal[k].code, src->code) != 0) targets[nt++] = &s->memory->deal[k];
        /* mediation and calls for restraint with no one named are aimed at the
         * two sides the article is about: "China and Russia called for restraint" */
        mention sides[2];
        if (nt == 0 && (strcmp(info->code, "0256") == 0 || strcmp(ev->pattern->code, "045") == 0) &&
            code_most_named(s->memory, 2, sides))
            for (int k = 0; k < 2; k++)
                if (strcmp(sides[k].code, src->code) != 0) targets[nt++] = &sides[k];
        /* a side that disarms, withdraws, accepts a truce or ends an action
         * with no one named does so towards the other side: "the separatist
         * units would disarm and withdraw" */
        bool towards_other = strcmp(info->code, "0356") == 0 || strncmp(info->code, "087", 3) == 0 ||
                             strcmp(ev->pattern->code, "0871") == 0 ||
                             /* and so does a side that fights, coerces, threatens or rejects:
                              * "Azerbaijan launched an offensive", "the army shelled its bases" */
                             (info->quad_class >= 3 && strncmp(info->code, "14", 2) != 0 && strcmp(info->code, "015") != 0 &&
                              strcmp(info->code, "192") != 0) ||   /* territory taken is the country's (below) */
                             /* or intends to meet, negotiate or cooperate: "Khamenei agreed to the negotiations" */
                             strcmp(info->code, "036") == 0 || strcmp(info->code, "030") == 0 ||
                             strncmp(info->code, "02", 2) == 0 || strncmp(info->code, "05", 2) == 0;
        if (nt == 0 && ns == 1 && towards_other && code_most_named(s->memory, 2, sides)) {
            for (int k = 0; k < 2; k++)
                if (strcmp(sides[k].code, src->code) == 0) { targets[nt++] = &sides[1 - k]; break; }
        }
        /* "Pakistan denied it": the accusation, that is its author */
        if (nt == 1 && strcmp(info->code, "016") == 0 && targets[0]->how && strcmp(targets[0]->how, "pronoun") == 0 &&
            (is(s, targets[0]->first, "it") || is(s, targets[0]->first, "this")))
            nt = 0;
        /* a denial without a target answers the last accusation: "which Asmara denies" */
        if (nt == 0 && strcmp(info->code, "016") == 0 && s->memory->has_accuser &&
            strcmp(s->memory->accuser.code, src->code) != 0)
            targets[nt++] = &s->memory->accuser;
        bool reciprocal = nt == 0 && ns > 1 && symmetric;
        bool remembered = false;
        for (size_t a = 0; a < ns; a++) {
            size_t tcount = reciprocal ? ns : (nt ? nt : 1);
            /* a target that is the source itself is dropped; if it was the
             * only one the event has no target */
            size_t others = 0;
            for (size_t b = 0; b < nt; b++) if (strcmp(targets[b]->code, sources[a]->code) != 0) others++;
            for (size_t b = 0; b < tcount; b++) {
                const mention *tg = reciprocal ? sources[b] : (nt ? targets[b] : NULL);
                if (reciprocal && tg == sources[a]) continue;
                if (tg && strcmp(tg->code, sources[a]->code) == 0) {
                    if (!reciprocal && others) continue;
                    if (reciprocal) continue;
                    tg = NULL;
                }
                code_event out_event;
                memset(&out_event, 0, sizeof out_event);
                out_event.sentence_index = (uint32_t)sentence_index;
                out_event.start = ts->start;
                out_event.end = ts->end;
                out_event.date = date;
                out_event.date_precision = precision;
                out_event.date_evidence = date_words;
                actor_of(sources[a], &out_event.source);
                state_role(&out_event.source, sources[a], info, true);
                if (tg) {
                    actor_of(tg, &out_event.target);
                    state_role(&out_event.target, tg, info, false);
                    /* "entered Damascus": territory taken is the country's, not its government */
                    if (strcmp(info->code, "192") == 0 && tg->how && strcmp(tg->how, "capital") == 0 &&
                        strlen(out_event.target.code) == 6)
                        out_event.target.code[3] = 0;
                    out_event.has_target = true;
                    /* the same actor on both sides after the roles are settled: no target */
                    if (strcmp(out_event.target.code, out_event.source.code) == 0) {
                        memset(&out_event.target, 0, sizeof out_event.target);
                        out_event.has_target = false;
                        tg = NULL;
                    }
                }
                if (!where && s->memory->has_dateline) {
                    /* no place in the sentence: the dateline's */
                    out_event.has_place = true;
                    out_event.place = s->memory->dateline;
                }
                if (where) {
                    out_event.has_place = true;
                    out_event.place = where->place;
                    /* fighting with no named target is against the place's
                     * country: "captured Sirte" is LBYMIL 192 LBY */
                    if (!tg && info->quad_class == 4 && where->place.country[0] && strncmp(info->code, "14", 2) != 0) {
                        code_copy_text(out_event.target.code, sizeof out_event.target.code, where->place.country);
                        out_event.target.text = NULL;
                        out_event.has_target = true;
                    }
                }
                /* territory taken where the sentence names no place is in the
                 * article's country: "recaptured large parts of the region" */
                if (!tg && !out_event.has_target && strcmp(info->code, "192") == 0 && s->memory->country[0]) {
                    code_copy_text(out_event.target.code, sizeof out_event.target.code, s->memory->country);
                    out_event.target.text = NULL;
                    out_event.has_target = true;
                }
                /* civilians who protest are protesters: "hundreds of people
                 * protested" is OPP */
                if (strncmp(info->code, "14", 2) == 0 && strlen(out_event.source.code) == 6 &&
                    strcmp(out_event.source.code + 3, "CVL") == 0)
                    memcpy(out_event.source.code + 3, "OPP", 4);
                /* a protest with no named target is against the protesters'
                 * own government: "demonstrators blocked roads" is OPP 144 GOV */
                if ((!out_event.has_target || strlen(out_event.target.code) == 3) &&
                    (strncmp(info->code, "14", 2) == 0 || strcmp(info->code, "133") == 0) &&
                    strlen(out_event.source.code) >= 6 && code_is_state(out_event.source.code) &&
                    strncmp(out_event.source.code + 3, "GOV", 3) != 0) {
                    const char *home = out_event.has_target ? out_event.target.code : out_event.source.code;
                    char government[16];
                    snprintf(government, sizeof government, "%.3sGOV", home);
                    code_copy_text(out_event.target.code, sizeof out_event.target.code, government);
                    out_event.target.text = NULL;
                    out_event.has_target = true;
                }
                if (has_counts) { out_event.has_casualties = true; out_event.casualties = counts; }
                out_event.cameo = crowd_force(s, info, &out_event);
                out_event.attribution = speaker ? speaker->text : NULL;
                out_event.negated = ev->negated;
                out_event.verb_start = s->tokens[ev->head].start;
                out_event.verb_end = s->tokens[ev->last].end;
                out_event.rule = arena_concat(s->a, 9, ev->pattern->noun_head && ev->pattern->text[0] != '~' ? "~" : "",
                                              ev->pattern->text, " = ", ev->pattern->code, " (", ev->pattern->source, ")",
                                              ev->passive ? "; passive" : "", rule_extra);
                if (s->options->explain) {
                    out_event.explanation = arena_printf(
                        s->a, "verb \"%s\" matched \"%s\"; source \"%s\" = %s (%s)%s%s%s%s; date %s%s",
                        code_slice(s, ev->head, ev->last, NULL, NULL), ev->pattern->text, sources[a]->text, sources[a]->code,
                        sources[a]->how ? sources[a]->how : "",
                        tg ? arena_printf(s->a, "; target \"%s\" = %s (%s)", tg->text, tg->code, tg->how ? tg->how : "") : "; no target",
                        ev->negated ? "; negated" : "", ev->modal ? arena_printf(s->a, "; modal \"%s\"", ev->modal) : "",
                        speaker ? arena_printf(s->a, "; said by \"%s\"", speaker->text) : "",
                        date_words ? arena_printf(s->a, "from \"%s\"", date_words) : "of publication", "");
                }
                size_t before = out->count;
                push_event(out, s->a, &out_event);
                if (out->count > before) { s->memory->last_event = before; s->memory->has_last_event = true; }
                if (tg && !reciprocal && mutual_with(s, ev, tg)) {
                    /* "A clashed with B": B fought A as well */
                    code_event back = out_event;
                    back.source = out_event.target;
                    back.target = out_event.source;
                    back.has_casualties = false;
                    back.cameo = crowd_force(s, info, &back);
                    push_event(out, s->a, &back);
                }
                if (!remembered) {
                    remember_event(s, info, ev, sources[a], reciprocal ? sources + 1 : targets, reciprocal ? ns - 1 : nt);
                    remembered = true;
                }

                /* reported conflict by another actor: the speaker accuses */
                if (speaker && a == 0 && b == 0 && info->quad_class == 4 && !ev->intent && !ev->negated &&
                    strcmp(speaker->code, sources[a]->code) != 0 && code_speaker_is_party(speaker) && !sourcing) {
                    const lex_code_info *accuse = lex_code(s->dict, "112");
                    if (accuse) {
                        code_event acc = out_event;
                        actor_of(speaker, &acc.source);
                        actor_of(sources[a], &acc.target);
                        acc.has_target = true;
                        acc.cameo = accuse;
                        acc.attribution = speaker->text;
                        acc.date = s->publication;
                        acc.date_precision = CODE_DATE_DAY;
                        acc.date_evidence = NULL;
                        for (size_t d = 0; d < date_count; d++)
                            if (s->clause[dates[d].first] != s->clause[ev->head]) {
                                acc.date = dates[d].days; acc.date_precision = dates[d].precision;
                                acc.date_evidence = code_slice(s, dates[d].first, dates[d].last, NULL, NULL);
                            }
                        acc.rule = arena_printf(s->a, "reported conflict: speaker accuses the actor (%s)", out_event.rule);
                        s->memory->accuser = *speaker;
                        s->memory->has_accuser = true;
                        if (s->options->explain)
                            acc.explanation = arena_printf(s->a, "\"%s\" reports a conflict event by \"%s\": coded as an accusation",
                                                           speaker->text, sources[a]->text);
                        push_event(out, s->a, &acc);
                    }
                }
            }
        }
    }
    /* the speaker's own event of a reporting verb with a code: "the Kremlin
     * denied that ..." (016, to the accuser), "X alleged that Y ..." (112, to Y) */
    for (size_t r = 0; r < report_count; r++) {
        if (!reports[r].code || reports[r].speaker < 0) continue;
        const mention *sp = &s->mentions[reports[r].speaker];
        if (!sp->code[0]) continue;
        code_event e;
        memset(&e, 0, sizeof e);
        e.sentence_index = (uint32_t)sentence_index;
        e.start = ts->start;
        e.end = ts->end;
        e.date = s->publication;
        e.date_precision = CODE_DATE_DAY;
        actor_of(sp, &e.source);
        state_role(&e.source, sp, reports[r].code, true);
        const mention *tg = NULL;
        size_t k = reports[r].verb;
        while (k < s->n && s->tag[k] == TAG_REPORT) k++;
        if (strcmp(reports[r].code->code, "016") == 0) {
            if (s->memory->has_accuser && strncmp(s->memory->accuser.code, sp->code, 3) != 0) tg = &s->memory->accuser;
        } else if (k < s->n) {
            size_t end = k;
            while (end + 1 < s->n && s->clause[end + 1] == s->clause[k]) end++;
            int m = code_clause_subject(s, end);
            if (m >= 0 && strncmp(s->mentions[m].code, sp->code, 3) != 0) tg = &s->mentions[m];
        }
        if (tg) {
            actor_of(tg, &e.target);
            state_role(&e.target, tg, reports[r].code, false);
            e.has_target = strcmp(e.target.code, e.source.code) != 0;
            if (!e.has_target) memset(&e.target, 0, sizeof e.target);
        }
        e.cameo = reports[r].code;
        e.verb_start = s->tokens[reports[r].verb].start;
        e.verb_end = s->tokens[k > 0 ? k - 1 : 0].end;
        e.rule = arena_printf(s->a, "reporting verb \"%s\" = %s (%s)", code_slice(s, reports[r].verb, k > 0 ? k - 1 : 0, NULL, NULL),
                              reports[r].code->code, reports[r].rule ? reports[r].rule : "grammar");
        if (s->options->explain)
            e.explanation = arena_printf(s->a, "\"%s\" %s", sp->text, e.rule);
        push_event(out, s->a, &e);
        if (strncmp(reports[r].code->code, "11", 2) == 0) { s->memory->accuser = *sp; s->memory->has_accuser = true; }
    }
}

/* "Canada, Brazil and Peru quickly followed", "Britain followed suit",
 * "France did the same": the last event again, with these actors. */
void code_repeat_for_ellipsis(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                                const date_expression *dates, size_t date_count, code_result *out)
{
    if (!s->memory->has_last_event || s->memory->last_event >= out->count) return;
    size_t head = s->n;
    for (size_t i = 1; i < s->n && head == s->n; i++) {
        bool end = i + 1 >= s->n || (s->cls[i + 1] & WORD_STOP) || is(s, i + 1, "on") || is(s, i + 1, "later") ||
                   is(s, i + 1, "hours") || is(s, i + 1, "days") || is(s, i + 1, "shortly") || is(s, i + 1, "soon");
        if ((is(s, i, "followed") || is(s, i, "follow")) && (is(s, i + 1, "suit") || end)) head = i;
        if ((is(s, i, "did") || is(s, i, "do")) && is(s, i + 1, "the") && is(s, i + 2, "same")) head = i;
        if (is(s, i, "did") && is(s, i + 1, "likewise")) head = i;
    }
    if (head == s->n) return;
    int m = code_clause_subject(s, head);
    if (m < 0) return;
    code_event model = out->events[s->memory->last_event];
    const mention *members[16];
    size_t count = 0;
    if (s->mentions[m].compound >= 0) {
        for (size_t k = 0; k < s->mention_count && count < 16; k++)
            if (s->mentions[k].compound == s->mentions[m].compound) members[count++] = &s->mentions[k];
    } else {
        members[count++] = &s->mentions[m];
    }
    for (size_t k = 0; k < count; k++) {
        code_event e = model;
        e.sentence_index = (uint32_t)sentence_index;
        e.start = ts->start;
        e.end = ts->end;
        e.has_casualties = false;
        if (date_count) {   /* "followed suit on Monday"; else the model's: "quickly followed" */
            e.date = dates[0].days;
            e.date_precision = dates[0].precision;
            e.date_evidence = code_slice(s, dates[0].first, dates[0].last, NULL, NULL);
        }
        e.attribution = NULL;
        e.verb_start = s->tokens[head].start;
        e.verb_end = s->tokens[head].end;
        actor_of(members[k], &e.source);
        state_role(&e.source, members[k], e.cameo, true);
        if (e.has_target && strcmp(e.target.code, e.source.code) == 0) continue;
        e.rule = arena_printf(s->a, "ellipsis: \"%s\" repeats the event before (%s)", s->words[head], model.rule);
        if (s->options->explain)
            e.explanation = arena_printf(s->a, "\"%s\" follows the event before: %s does the same", s->words[head], members[k]->text);
        push_event(out, s->a, &e);
    }
}

