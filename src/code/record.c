/* record: from pending events to event records.  Compounds give one
 * event per pair, dates, places, casualties and attribution are attached,
 * roles are settled, and the article's memory learns what later references
 * ("the deal", "the attack", "followed suit") stand for. */
#include "internal.h"
#include "casualty.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* The paragraphs of a story's lead (0-based: the first three), whose
 * undated deeds are the news of the day. */
enum { LEAD_PARAGRAPHS = 2 };

/* An accusation to remember, by whom and against whom. */
static void note_accusation(memory *mem, const mention *by, const char *against)
{
    mem->accuser = *by;
    mem->has_accuser = true;
    if (mem->accusation_count == sizeof mem->accusations / sizeof mem->accusations[0]) {
        memmove(mem->accusations, mem->accusations + 1, (mem->accusation_count - 1) * sizeof mem->accusations[0]);
        mem->accusation_count--;
    }
    mem->accusations[mem->accusation_count].by = *by;
    code_copy_text(mem->accusations[mem->accusation_count].against, sizeof mem->accusations[0].against, against ? against : "");
    mem->accusation_count++;
}

/* Whom a denial by `denier` answers: the last accuser of the denier's
 * country, else the last accuser other than the denier. */
static const mention *accuser_of(const memory *mem, const char *denier)
{
    /* "Kiir accused Machar of plotting a coup ... Machar denied the charge":
     * an accusation of the denier himself, by anyone else */
    for (size_t k = mem->accusation_count; k > 0; k--)
        if (strcmp(mem->accusations[k - 1].against, denier) == 0 && strcmp(mem->accusations[k - 1].by.code, denier) != 0)
            return &mem->accusations[k - 1].by;
    for (size_t k = mem->accusation_count; k > 0; k--)
        if (mem->accusations[k - 1].against[0] && strncmp(mem->accusations[k - 1].against, denier, 3) == 0 &&
            strncmp(mem->accusations[k - 1].by.code, denier, 3) != 0)
            return &mem->accusations[k - 1].by;
    for (size_t k = mem->accusation_count; k > 0; k--)
        if (strncmp(mem->accusations[k - 1].by.code, denier, 3) != 0) return &mem->accusations[k - 1].by;
    return NULL;
}


/* Whether a deed is what an accusation charges: "accused Iran of arming
 * the group" (the accusation's own pattern), or "accused Indian forces of
 * using excessive force" (a deed after "of" whose doer is the accused). */
static bool charged(const pending_event *ev, const pending_event *events, size_t event_count, const sentence_state *s)
{
    if (ev->charge) return true;
    if (ev->head < 1 || ev->source < 0) return false;
    size_t of = ev->head - 1;
    while (of > 0 && ev->head - of < 4 && !is(s, of, "of")) of--;
    if (!is(s, of, "of")) return false;
    for (size_t a = 0; a < event_count; a++)
        if (!events[a].dropped && events[a].head < ev->head && events[a].target == ev->source &&
            strncmp(events[a].pattern->code, "112", 3) == 0)
            return true;
    return false;
}

/* Adds a deed or act to a list of recent ones with the words that told
 * it, newest last, dropping the oldest when full: "the attacks", "the
 * seizure", "the declaration" find theirs by stem. */
static void remember_told(told_by *list, size_t *count, size_t cap, const mention *src, const pending_event *ev)
{
    if (*count == cap) {
        memmove(list, list + 1, (cap - 1) * sizeof *list);
        (*count)--;
    }
    list[*count].by = *src;
    list[*count].pattern = ev->pattern->text;
    (*count)++;
}

static bool perfect_of_a_span(const sentence_state *s, size_t head);

/* What later references stand for: "the deal" for the parties of the last
 * agreement or talks, "the attack" for the author of the last use of force. */
static void remember_event(sentence_state *s, const lex_code_info *info, const pending_event *ev, const mention *src,
                           const mention *const *targets, size_t nt)
{
    memory *mem = s->memory;
    if (ev->negated || !src->code[0]) return;
    const char *c = info->code;
    /* "Pakistan would free the pilot ... India welcomed the decision": an act, promised or done */
    static const char *const talk[] = { "01", "02", "10", "11", "12", "13", NULL };
    bool spoken = false;
    for (size_t k = 0; talk[k]; k++) spoken = spoken || (c[0] == talk[k][0] && c[1] == talk[k][1]);   /* the root */
    if (!spoken) {
        mem->act = *src;
        mem->has_act = true;
        remember_told(mem->acts, &mem->act_count, sizeof mem->acts / sizeof mem->acts[0], src, ev);
    }
    if (ev->intent) return;
    if (strncmp(c, "14", 2) == 0) mem->has_protest = true;
    /* "al Shabaab claimed responsibility": the author of the attack */
    if (strcmp(c, "015") == 0) {
        mem->deed = *src;
        mem->has_deed = true;
    }
    if (strncmp(c, "11", 2) == 0 || strncmp(c, "12", 2) == 0)
        note_accusation(mem, src, nt ? targets[0]->code : NULL);
    if ((strncmp(c, "10", 2) == 0 || strncmp(c, "02", 2) == 0) && nt > 0 && code_is_state(targets[0]->code) &&
        code_length_at_least(targets[0]->code, 3) && strncmp(targets[0]->code, src->code, 3) != 0) {
        mem->demander = *src;
        code_copy_text(mem->demanded_of, sizeof mem->demanded_of, targets[0]->code);
        mem->has_demand = true;
    }
    if (info->quad_class == 4) {
        /* "the attack" is force, coercion or assault, not a protest or a sanction */
        /* (restrictions and states of emergency, 172x, are no "attack" or "detention") */
        if ((strncmp(c, "17", 2) == 0 && strncmp(c, "172", 3) != 0) || strcmp(c, "181") == 0) {
            mem->coercion = *src;
            mem->has_coercion = true;
            remember_told(mem->deeds, &mem->deed_count, sizeof mem->deeds / sizeof mem->deeds[0], src, ev);   /* ("the seizure": the last deed told by a word of its stem) */
            if (strcmp(c, "173") == 0 || strcmp(c, "181") == 0) {   /* people held, not a curfew's */
                mem->held[0] = 0;
                mem->held_text = nt > 0 ? targets[0]->text : NULL;
                if (nt > 0) code_copy_text(mem->held, sizeof mem->held, targets[0]->code);
                mem->holder = *src;
            }
        } else if ((strncmp(c, "18", 2) == 0 || strncmp(c, "19", 2) == 0 || strncmp(c, "20", 2) == 0) &&
                   strcmp(c, "192") != 0 &&   /* taking a town is no "attack" */
                   !perfect_of_a_span(s, ev->head)) {   /* nor "a group that has fought the government for years" */
            mem->deed = *src;
            mem->has_deed = true;
            remember_told(mem->deeds, &mem->deed_count, sizeof mem->deeds / sizeof mem->deeds[0], src, ev);
            mem->has_victim = nt > 0 && targets[0]->code[0];
            if (mem->has_victim) mem->victim = *targets[0];
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
    /* "the deal" is the article's agreement, the one its lead tells: a later
     * accord ("a joint declaration") does not replace it; talks are
     * remembered until an agreement is coded */
    bool accord = strcmp(c, "057") == 0 || strncmp(c, "087", 3) == 0;
    if (mem->has_deal && (mem->deal_is_accord || !accord)) return;
    mem->deal[0] = *a;
    mem->deal[1] = *b;
    mem->has_deal = true;
    mem->deal_is_accord = accord;
}

/* The counts of one event told twice that the first telling lacks: "an
 * air strike killed 12 people" is the strike's deed, and "killed" holds
 * the count */
static void take_missing_counts(code_event *into, const code_event *from)
{
    if (!from->has_casualties) return;
    if (!into->has_casualties) {
        into->casualties = from->casualties;
        into->has_casualties = true;
        return;
    }
    int32_t *to[] = { &into->casualties.killed, &into->casualties.wounded, &into->casualties.displaced,
                      &into->casualties.arrested, &into->casualties.abducted, &into->casualties.missing };
    const int32_t by[] = { from->casualties.killed, from->casualties.wounded, from->casualties.displaced,
                           from->casualties.arrested, from->casualties.abducted, from->casualties.missing };
    for (size_t k = 0; k < sizeof by / sizeof *by; k++)
        if (*to[k] < 0 && by[k] >= 0) { *to[k] = by[k]; into->casualties.qualifier[k] = from->casualties.qualifier[k]; }
}

static void push_event(code_result *out, arena *a, const code_event *e)
{
    /* the same event twice in one sentence ("raided homes and looted them"
     * gives one accusation) is one event */
    for (size_t i = out->count; i > 0; i--) {
        code_event *o = &out->events[i - 1];
        if (o->sentence_index != e->sentence_index) break;
        if (o->cameo == e->cameo && strcmp(o->source.code, e->source.code) == 0 && o->has_target == e->has_target &&
            (!e->has_target || strcmp(o->target.code, e->target.code) == 0) && o->negated == e->negated) {
            take_missing_counts(o, e);
            return;
        }
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
    /* (a capital named as a place stands for its government in diplomacy:
     * "recalled its ambassador from Abu Dhabi") */
    bool seat = m->place && m->how && strcmp(m->how, "capital") == 0 && !force_code(info->code) &&
                strncmp(info->code, "04", 2) != 0;
    /* (a region has no government: "the West" stays WST) */
    if (!code_length_is(a->code, 3) || m->kind != MENTION_COUNTRY || (m->adjectival && !is_source) || (m->place && !seat) ||
        !code_is_state(a->code) || code_is_region(a->code))
        return;
    bool force = force_code(info->code);
    /* force against a country named as such is against its territory and
     * people: "attacked Israel" is ... 190 ISR (as "captured Sirte" is LBY) */
    if (!is_source && force) return;
    /* so are sanctions and suspensions of a country ("suspended Mali"),
     * not a break of relations, which is between governments */
    if (!is_source && strncmp(info->code, "16", 2) == 0 && strcmp(info->code, "161") != 0) return;
    code_copy_text(a->code + 3, sizeof a->code - 3, is_source && force ? "MIL" : "GOV");
}

/* Whether the clause of the word at h says "each other" or "one another" after it. */
static bool each_other(const sentence_state *s, size_t h)
{
    /* ("A and B each blamed the other") */
    bool each = h > 0 && is(s, h - 1, "each");
    for (size_t k = h + 1; k + 1 < s->n && s->clause[k] == s->clause[h]; k++)
        if ((is(s, k, "each") && (is(s, k + 1, "other") || is(s, k + 1, "other's"))) ||
            (is(s, k, "one") && (is(s, k + 1, "another") || is(s, k + 1, "another's"))) ||
            (each && is(s, k, "the") && (is(s, k + 1, "other") || is(s, k + 1, "other's"))))
            return true;
    return false;
}

/* Whether m is one of the sentence's own mentions (not one the memory holds). */
static bool in_sentence(const sentence_state *s, const mention *m) { return m >= s->mentions && m < s->mentions + s->mention_count; }

/* "seven Latin American countries, including Argentina and Chile": the
 * first state named after ", including" that follows a region's mention
 * (in its phrase), or NULL (also for a mention that is no region of
 * this sentence). */
static const mention *included_states(const sentence_state *s, const mention *region)
{
    if (!code_is_region(region->code) || !in_sentence(s, region)) return NULL;
    size_t k = region->last + 1;
    while (k < s->n && k < region->last + 8 && !is(s, k, ",") && !(s->tokens[k].flags & TEXT_PUNCT)) k++;
    size_t m = k + 2;
    if (m < s->n && is(s, m, "the")) m++;
    if (!(m < s->n && is(s, k, ",") && is(s, k + 1, "including") && s->mention_at[m] >= 0)) return NULL;
    const mention *first = &s->mentions[s->mention_at[m]];
    return code_is_state(first->code) && !code_is_region(first->code) ? first : NULL;
}

/* Which of the article's two sides a code is on: its own, else the one side
 * whose camp it shares ("AZEMIL" is with "AZEGOV"); -1 for neither or both. */
static int side_of(const mention sides[2], const char *code)
{
    for (int k = 0; k < 2; k++) if (strcmp(sides[k].code, code) == 0) return k;
    bool a = code_same_camp(sides[0].code, code), b = code_same_camp(sides[1].code, code);
    return a == b ? -1 : a ? 0 : 1;
}

/* Military force by a government, its leader or its capital is done by its
 * armed forces: "Abiy sent troops into Tigray", "Washington bombed its bases"
 * are ETHMIL, USAMIL.  A group or body coded GOV (a rival government and its
 * troops: Libya's GNA) stays GOV. */
static void force_by_government(code_actor *a, const mention *m, const lex_code_info *info)
{
    if (strncmp(info->code, "19", 2) != 0 && strncmp(info->code, "20", 2) != 0) return;
    if (strcmp(info->code, "191") == 0) return;   /* closing a border or a port is the government's */
    if (strlen(a->code) != 6 || strcmp(a->code + 3, "GOV") != 0 || !code_is_state(a->code)) return;
    if (m->kind == MENTION_GROUP || m->kind == MENTION_ORGANIZATION) return;
    memcpy(a->code + 3, "MIL", 4);
}

/* Whether t begins with p (strncmp over p's length, inline: most texts differ at once). */
static bool begins(const char *t, const char *p)
{
    for (; *p; t++, p++)
        if (*t != *p) return false;
    return true;
}

/* Fighting is mutual: "clashed with", "fought", "battled", "clashes with". */
static bool mutual_with(const sentence_state *s, const pending_event *ev, const mention *tg)
{
    const char *t = ev->pattern->text;
    if (t[0] == '~') t++;
    if (!begins(t, "clash") && !begins(t, "fight") && !begins(t, "battle") && !begins(t, "skirmish") &&
        !begins(t, "exchange fire") && !begins(t, "trade fire"))
        return false;
    size_t k = tg->first;
    while (k > 0 && is_any(s, k - 1, determiners)) k--;
    return k > 0 && (is(s, k - 1, "with") || is(s, k - 1, "against"));
}

/* Whether the words that named an actor name people in the street */
static bool protesters(const code_actor *a)
{
    static const char *const stems[] = { "protest", "demonstrat", "marcher", "rioter", "student", "striker", NULL };
    return a->text && code_text_has_any(a->text, stems);
}

/* Force between the police and a crowd is repression and riot, not war:
 * "police clashed with protesters" is COP 175 OPP and OPP 145 COP. */
static const lex_code_info *crowd_force(const sentence_state *s, const lex_code_info *info, const code_event *e)
{
    if (!e->has_target || !code_length_at_least(e->source.code, 6) || !code_length_at_least(e->target.code, 6)) return info;
    /* (a riot is the crowd's: "protesters clashed with police" back from the
     * police is 175) */
    bool riot = str_same(info->code, "145") && strncmp(e->source.code + 3, "COP", 3) == 0;
    /* "protesters set fire to police cars": a crowd that destroys is rioting */
    if (str_same(info->code, "1712") && (strncmp(e->source.code + 3, "OPP", 3) == 0 || strncmp(e->source.code + 3, "CVL", 3) == 0 ||
                                         strncmp(e->source.code + 3, "EDU", 3) == 0)) {
        const lex_code_info *c = lex_code(s->dict, "145");
        return c ? c : info;
    }
    if (!str_same(info->code, "190") && !str_same(info->code, "193") && !riot) return info;
    const char *a = e->source.code + 3, *b = e->target.code + 3;
    bool crowd_b = strncmp(b, "OPP", 3) == 0 || strncmp(b, "CVL", 3) == 0 || strncmp(b, "EDU", 3) == 0 ||
                   strncmp(b, "LAB", 3) == 0;
    bool crowd_a = strncmp(a, "OPP", 3) == 0 || strncmp(a, "CVL", 3) == 0 || strncmp(a, "EDU", 3) == 0 ||
                   strncmp(a, "LAB", 3) == 0;
    /* (soldiers against protesters too: "clashes between demonstrators and
     * soldiers"; not against civilians, whom armies also fight in wars, nor
     * against "dissidents", who may be armed) */
    bool protest_b = crowd_b && protesters(&e->target), protest_a = crowd_a && protesters(&e->source);
    const char *code = NULL;
    if ((strncmp(a, "COP", 3) == 0 && crowd_b) || (strncmp(a, "MIL", 3) == 0 && protest_b)) code = "175";
    else if ((crowd_a && strncmp(b, "COP", 3) == 0) || (protest_a && strncmp(b, "MIL", 3) == 0)) code = "145";
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

/* The words naming a speaker: "France, Germany, Britain and Italy" for any
 * member of a list that speaks together, else the speaker's own. */
static const char *speaker_words(sentence_state *s, const mention *speaker)
{
    if (!speaker || speaker->compound < 0 || !in_sentence(s, speaker)) return speaker ? speaker->text : NULL;
    size_t first = speaker->first, last = speaker->last;
    for (size_t m = 0; m < s->mention_count; m++)
        if (s->mentions[m].compound == speaker->compound) {
            if (s->mentions[m].first < first) first = s->mentions[m].first;
            if (s->mentions[m].last > last) last = s->mentions[m].last;
        }
    return first == speaker->first && last == speaker->last ? speaker->text : code_slice(s, first, last, NULL, NULL);
}

/* A person named by a dictionary name holds the role of the event's own
 * day, not the publication's: "had met Burhan and Hamdok on Sunday" in a
 * story of the Tuesday after Hamdok was ousted on Monday.  Changes out only
 * when the mention's code is the name's role at publication. */
static void person_role_on(const sentence_state *s, const mention *m, int32_t date, int precision, code_actor *out)
{
    if (precision != CODE_DATE_DAY || date == s->publication || m->kind != MENTION_PERSON || !in_sentence(s, m)) return;
    for (size_t k = m->first; k <= m->last && k < s->n; k++) {
        if (s->tag[k] != TAG_ACTOR || !s->tag_entry[k] || s->tag_entry[k]->kind != LEX_PERSON) continue;
        char now[16], then[16];
        lex_actor_code(s->tag_entry[k], s->publication, now);
        lex_actor_code(s->tag_entry[k], date, then);
        if (strcmp(out->code, now) == 0 && strcmp(now, then) != 0) code_copy_text(out->code, sizeof out->code, then);
        return;
    }
}

/* The word whose clause a date expression belongs to: its first, or for
 * "a day after rebels attacked" the word that opens the clause it dates. */
static size_t date_word(const date_expression *d) { return d->opens_clause ? d->last : d->first; }

/* Whether a date expression may be the date of the event or report whose
 * head is word h: one that opens a clause dates only what follows it, one
 * that describes a noun ("who lost last year's election") only that noun,
 * or after a preposition its own clause. */
static bool date_may_govern(const sentence_state *s, const date_expression *d, size_t h)
{
    if (d->opens_clause) return h > d->last;
    if (!d->modifier) return true;
    /* "seized rifles during Monday's confrontation": the time of its clause */
    static const char *const frames[] = { "during", "in", "at", "on", "since", "after", "before", "following", "amid", NULL };
    if (d->first > 0 && s->clause[h] == s->clause[d->first])
        for (const char *const *f = frames; *f; f++)
            if (is_string(s, d->first - 1, *f)) return true;
    if (h <= d->last + 1 || h > d->last + 4) return false;
    for (size_t k = d->last + 2; k < h; k++)
        if (s->cls[k] & WORD_STOP) return false;
    return true;
}

/* Whether a complement "of -ing" or "for -ing" stands between an event's
 * head and a date after it, in one clause. */
static bool gerund_between(const sentence_state *s, size_t head, size_t date)
{
    /* (nouns in -ing, no verbs: "signed a memorandum of understanding on Monday") */
    static const char *const ing_nouns[] = { "understanding", "meeting", "building", "funding", "training", "hearing",
                                             "briefing", "evening", "morning", "wedding", "uprising", "financing",
                                             "housing", "clothing", "spring", NULL };
    for (size_t k = head + 1; k + 1 < date; k++) {
        if (s->clause[k] != s->clause[head] || (s->cls[k] & WORD_STOP)) return false;
        size_t n = strlen(s->words[k + 1]);
        if ((is(s, k, "of") || is(s, k, "for")) && n > 5 && strcmp(s->words[k + 1] + n - 3, "ing") == 0 &&
            !is_any(s, k + 1, ing_nouns))
            return true;
        /* "offered condolences for the deaths of Turkish soldiers last week",
         * "apologised over the killing of": the date of the cause */
        static const char *const causes[] = { "deaths", "death", "killing", "killings", "loss", "losses", "attack",
                                              "attacks", "downing", "shooting", "arrest", "detention", NULL };
        if ((is(s, k, "for") || is(s, k, "over")) && k + 2 < date && is_any(s, k + 1, determiners) && is_any(s, k + 2, causes))
            return true;
    }
    return false;
}

/* The auxiliary of a perfect ("had shelled", "has imposed", "have
 * repeatedly accused", "has for years been accused"): its word, or
 * SIZE_MAX when the head is no perfect. */
static size_t perfect_auxiliary(const sentence_state *s, size_t head)
{
    for (size_t k = head, steps = 0; k > 0 && steps < 4; k--, steps++) {
        if (is(s, k - 1, "has") || is(s, k - 1, "have") || is(s, k - 1, "'ve") || is(s, k - 1, "had") || is(s, k - 1, "'d"))
            return k - 1;
        if ((s->cls[k - 1] & WORD_STOP) || s->mention_at[k - 1] >= 0 || s->clause[k - 1] != s->clause[head]) break;
    }
    /* "had destroyed several vehicles and captured dozens of soldiers": a
     * verb joined by "and" shares the auxiliary of the verb before it */
    if (head >= 2 && is(s, head - 1, "and"))
        for (size_t k = head - 1; k > 0 && head - k < 10; k--) {
            size_t v = k - 1;
            if ((s->cls[v] & WORD_STOP) || s->tag[v] == TAG_REPORT || (s->tokens[v].flags & TEXT_QUOTE)) break;
            if (s->is_head[v] && s->mention_at[v] < 0) return perfect_auxiliary(s, v);
        }
    return SIZE_MAX;
}

/* "had shelled": the past before the story's own time */
static bool past_perfect(const sentence_state *s, size_t head)
{
    size_t aux = perfect_auxiliary(s, head);
    return aux != SIZE_MAX && (is(s, aux, "had") || is(s, aux, "'d"));
}

/* "have repeatedly accused", "has for years been accused", "had spent
 * months mediating", "who has refused": a perfect that tells a span or a
 * standing state, which the text does not date closer than its year */
static bool perfect_of_a_span(const sentence_state *s, size_t head)
{
    static const char *const spans[] = { "long", "repeatedly", "continued", "always", "often", "frequently",
                                         "consistently", "previously", "years", "decades", "months", NULL };
    static const char *const relatives[] = { "which", "who", "where", "whom", NULL };
    size_t aux = perfect_auxiliary(s, head);
    if (aux == SIZE_MAX) return false;
    for (size_t k = aux + 1; k < head; k++) if (is_any(s, k, spans)) return true;
    /* ("for years", "for more than a decade") */
    static const char *const lengths[] = { "years", "decades", "decade", "months", NULL };
    for (size_t k = head + 1; k + 1 < s->n && s->clause[k] == s->clause[head]; k++)
        if (is(s, k, "for"))
            for (size_t q = k + 1; q < k + 5 && q < s->n && s->clause[q] == s->clause[head]; q++)
                if (is_any(s, q, lengths)) return true;
    /* a present perfect in a relative clause describes its noun's history
     * ("who has refused to meet"); a past one told within the story ("who
     * spoke with him during the conflict and had urged him") may not */
    if (past_perfect(s, head)) return false;
    size_t start = aux;
    while (start > 0 && s->clause[start - 1] == s->clause[head]) start--;
    return is_any(s, start, relatives);
}

/* "Saudi Arabia accuses Iran of arming the group", "which Asmara denies":
 * the simple present of a deed tells a standing position, not a day's act
 * (but a lead in the present, "Kabul accuses Islamabad of shelling", is a
 * headline's news) */
static bool present_simple(const sentence_state *s, const pending_event *ev)
{
    if (!s->story_begun || ev->pattern->noun_head || ev->passive || ev->intent || ev->modal) return false;
    size_t k = ev->head;
    while (k > 0 && s->mention_at[k - 1] < 0 && strlen(s->words[k - 1]) > 4 &&
           strcmp(s->words[k - 1] + strlen(s->words[k - 1]) - 2, "ly") == 0)
        k--;   /* "strongly denies" */
    if (k == 0) return false;
    /* "I call on", "we condemn": said in the saying, a performative act of the day */
    if (is(s, k - 1, "i") || is(s, k - 1, "we")) return false;
    if (!is(s, k - 1, "which") && !is(s, k - 1, "who")) {
        if (s->mention_at[k - 1] < 0) return false;
        const mention *subject = &s->mentions[s->mention_at[k - 1]];
        if (subject->prepositional || subject->place || subject->modifier || subject->adjectival || subject->weapon)
            return false;
    }
    /* the form last: finding it reads the head's patterns, hundreds for some words */
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[ev->head], &hc);
    uint8_t forms = 0;
    for (size_t q = hc; q > 0; q--)   /* the last entry of the pattern */
        if (heads[q - 1].pattern == ev->pattern) { forms = heads[q - 1].forms; break; }
    return !(forms & (LEX_FORM_PAST | LEX_FORM_PARTICIPLE | LEX_FORM_GERUND | LEX_FORM_NOUN)) &&
           (forms & (LEX_FORM_THIRD | LEX_FORM_BASE));
}

/* "after 10 days of talks", "after weeks of shuttle diplomacy": the event
 * at head is the length of time named before it, ending when its clause is
 * dated; returns that length in days, 0 when none is named. */
static int32_t span_length(const sentence_state *s, size_t head)
{
    size_t of = head;
    while (of > 0 && head - of < 4 && !is(s, of - 1, "of")) {
        if (s->mention_at[of - 1] >= 0 || (s->cls[of - 1] & WORD_STOP)) return 0;
        of--;
    }
    if (of < 2 || !is(s, of - 1, "of")) return 0;
    size_t u = of - 2;
    static const struct { const char *word; int32_t days; } units[] = {
        { "days", 1 }, { "weeks", 7 }, { "months", 30 }, { "years", 365 }, { NULL, 0 } };
    int32_t unit = 0;
    for (size_t k = 0; units[k].word; k++) if (is_string(s, u, units[k].word)) unit = units[k].days;
    if (!unit) return 0;
    int64_t count = 3;   /* "weeks of", "several months of" */
    size_t used;
    if (u > 0) {
        int64_t n = casualty_number(s->words, s->n, u - 1, &used);
        if (n > 0 && n < 100 && u - 1 + used == u) count = n;
        else if (u > 1 && (is(s, u - 1, "few") || is(s, u - 1, "couple"))) count = 2;
    }
    return (int32_t)(count * unit);
}

/* An event's date when no expression of the sentence is its own. */
typedef struct dating {
    int32_t     days;
    int         precision;
    const char *words;   /* the expression it comes from, or NULL */
    const char *note;    /* how, for --explain */
} dating;

/* The date of an event or report at word head (ev: the event, or NULL for
 * a report) that no expression of its own dates: the day the story is at,
 * named before it in the sentence or earlier in its paragraph; the year
 * of a span or a standing position; the time an earlier sentence of the
 * paragraph set; else the publication date, at day precision (the
 * caller keeps only the month for a deed or a past perfect). */
static dating date_from_context(sentence_state *s, size_t head, const pending_event *ev, const date_expression *dates,
                                int story_date)
{
    const memory *mem = s->memory;
    dating t = { s->publication, CODE_DATE_DAY, NULL, "" };
    if (story_date >= 0 && dates[story_date].last < head && !past_perfect(s, head)) {
        /* "held on Friday, as ... and Egypt sent mediators" */
        t.days = dates[story_date].days;
        t.precision = CODE_DATE_DAY;
        t.words = code_slice(s, dates[story_date].first, dates[story_date].last, NULL, NULL);
        t.note = " (the day the story is at, named before in the sentence)";
    } else if (mem->has_narrative_day && mem->narrative_paragraph == s->paragraph && !past_perfect(s, head)) {
        /* "took effect on Wednesday. ... also urged residents ..." */
        t.days = mem->narrative_day;
        t.precision = CODE_DATE_DAY;
        t.words = mem->narrative_words;
        t.note = " (the day the story is at, named in an earlier sentence)";
    } else if (perfect_of_a_span(s, ev && ev->charge ? ev->charge->head : head) ||
               (ev && present_simple(s, ev->charge ? ev->charge : ev))) {
        /* (a deed charged is dated as the charge: "Saudi Arabia accuses Iran of arming the group") */
        t.precision = CODE_DATE_YEAR;
        t.note = " (its year: the text tells a span or a standing position, not a day)";
    } else if (mem->has_frame && mem->frame_paragraph == s->paragraph && perfect_auxiliary(s, head) == SIZE_MAX &&
               !(ev && ev->modal && (strstr(ev->modal, "will") || strstr(ev->modal, "shall") || strstr(ev->modal, "'ll")))) {
        /* "were killed in an air strike on Feb. 27. Ankara blamed the
         * attack on the Syrian army": a day named there only frames what
         * follows, by its month */
        t.days = mem->narrative_day;
        t.precision = mem->frame_precision;
        t.words = mem->narrative_words;
        t.note = " (the time an earlier sentence of the paragraph set)";
    }
    return t;
}

/* Whether a report tells of the event at word head: one of another clause,
 * not one joined after it ("Rwanda has denied it, but a report last year
 * said ...", "X struck Y, and Pakistan said ..."), which speaks of what
 * follows. */
static bool report_covers(const sentence_state *s, const report *rep, size_t head)
{
    if (rep->clause == s->clause[head]) return false;
    /* "HRW, which reported in February that ..., welcomed the findings": a
     * report in a relative clause tells nothing after the comma closing it */
    if (head > rep->verb && rep->verb >= 2 && (is(s, rep->verb - 1, "which") || is(s, rep->verb - 1, "who")) &&
        is(s, rep->verb - 2, ","))
        for (size_t k = rep->verb + 1; k < head; k++)
            if (is(s, k, ",")) return false;
    for (size_t k = head + 1; k < rep->verb; k++)
        if (s->clause[k] != s->clause[k - 1] && (is(s, k, "and") || is(s, k, "but") || is(s, k, "while") ||
                                                 (is(s, k, ",") && (is(s, k + 1, "and") || is(s, k + 1, "but") ||
                                                                    is(s, k + 1, "while")))))
            return false;
    return true;
}

/* Which words gave a date, for --explain: "from \"on Sunday\"", "of publication". */
static const char *dating_explained(sentence_state *s, const dating *t)
{
    return t->words ? arena_printf(s->a, "from \"%s\"%s", t->words, t->note) : arena_printf(s->a, "of publication%s", t->note);
}

/* The date of a report (index r): the expression of its clause ("said on
 * Sunday"), else one of its sentence outside the reported clause, else its
 * context. */
static dating report_date(sentence_state *s, const report *rep, int r, const date_expression *dates, size_t date_count,
                          const int *anchor_of, int story_date)
{
    int chosen = -1;
    for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] == -2 - r) chosen = (int)d;
    for (size_t d = 0; d < date_count && chosen < 0; d++) if (s->clause[dates[d].first] == rep->clause) chosen = (int)d;
    if (chosen < 0) return date_from_context(s, rep->verb, NULL, dates, story_date);
    dating t = { dates[chosen].days, dates[chosen].precision, NULL, "" };
    t.words = code_slice(s, dates[chosen].first, dates[chosen].last, NULL, NULL);
    return t;
}

/* (a word class: words.c) */
const char *const told_participles[] = { "signed", "founded", "established", "elected", "re-elected", "reelected",
                                         "adopted", "born", "built", "created", "formed", "set", "drawn", "agreed",
                                         "reached", "concluded", "ratified", NULL };

/* "a security pact signed in 2001", "Keita, who was re-elected in 2018":
 * a date of what a participle tells that is no event of the sentence */
static bool told_by_participle(const sentence_state *s, const date_expression *d, const pending_event *events,
                               size_t event_count)
{
    size_t f = d->first;
    if (f < 2 || !(is(s, f - 1, "in") || is(s, f - 1, "on")) || !is_any(s, f - 2, told_participles)) return false;
    for (size_t e = 0; e < event_count; e++)
        if (events[e].head == f - 2 || events[e].last == f - 2) return false;
    return true;
}

/* The first date of the sentence's own story, or -1: not one that opens a
 * clause ("a day after rebels attacked"), describes a noun ("last year's
 * election"), tells a participle ("a pact signed in 2001") or belongs to a
 * relative clause ("Abiy, who flew to Khartoum last month, congratulated
 * both sides on Wednesday"). */
static int sentence_date(const sentence_state *s, const date_expression *dates, size_t date_count,
                         const pending_event *events, size_t event_count)
{
    static const char *const relatives[] = { "who", "whom", "whose", "which", "where", NULL };
    for (size_t d = 0; d < date_count; d++) {
        if (dates[d].opens_clause || dates[d].modifier || told_by_participle(s, &dates[d], events, event_count)) continue;
        size_t start = dates[d].first;
        while (start > 0 && s->clause[start - 1] == s->clause[dates[d].first]) start--;
        if (start > 0 && is_any(s, start, relatives)) continue;
        return (int)d;
    }
    return -1;
}

/* The date expression of the clause a clause of time ("when", "after",
 * "as", "while", "once") hangs on: the clause before it, or the one after a
 * sentence that opens with it ("When Hamas fired rockets, Israel struck
 * Gaza on Monday"); a clause of time inside another goes on up.  A
 * relative clause right after a date shares it.  -1 when there is none. */
static int date_of_time_clause(const sentence_state *s, size_t head, const date_expression *dates, size_t date_count)
{
    static const char *const time_words[] = { "when", "after", "as", "while", "once", NULL };
    uint16_t c = s->clause[head];
    for (int hops = 0; hops < 4; hops++) {
        size_t start = head;
        while (start > 0 && s->clause[start - 1] == c) start--;
        /* "a six-week war in 2020, which ended with a truce": a relative
         * clause on what a date closes */
        if (start >= 2 && is(s, start, "which") && is(s, start - 1, ","))
            for (size_t d = 0; d < date_count; d++)
                if (dates[d].last + 2 == start && !dates[d].modifier && !dates[d].opens_clause) return (int)d;
        if (!is_any(s, start, time_words)) return -1;
        uint16_t parent;
        if (start > 0) {
            parent = s->clause[start - 1];
        } else {
            size_t end = start;
            while (end < s->n && s->clause[end] == c) end++;
            if (end >= s->n) return -1;
            parent = s->clause[end];
        }
        for (size_t d = 0; d < date_count; d++)
            if (s->clause[date_word(&dates[d])] == parent && !dates[d].modifier && !dates[d].opens_clause) return (int)d;
        if (start == 0) return -1;
        head = start - 1;
        c = parent;
    }
    return -1;
}

/* "welcomed the decision to free the pilot", "criticized the move to expel
 * diplomats": a reaction to a decision told before is aimed at its author,
 * the source of the last event coded with the decided act's code (or its
 * intent, "would release").  The decided act itself is not coded again. */
static bool decision_author(sentence_state *s, const lex_code_info *info, pending_event *events, size_t e,
                            size_t event_count, const code_result *out, const mention *src, mention *author)
{
    static const char *const decisions[] = { "decision", "move", "offer", "plan", "announcement", "pledge",
                                             "promise", "commitment", "readiness", "willingness", NULL };
    if (strncmp(info->code, "05", 2) != 0 && strncmp(info->code, "11", 2) != 0 && strncmp(info->code, "12", 2) != 0)
        return false;
    size_t k = events[e].last + 1;
    if (is_any(s, k, determiners)) k++;
    if (!is_any(s, k, decisions) || !is(s, k + 1, "to")) return false;
    for (size_t y = e + 1; y < event_count; y++) {
        pending_event *decided = &events[y];
        if (decided->head < k + 2 || decided->head > k + 4) continue;
        decided->dropped = true;
        const lex_code_info *di = lex_pattern_code(s->dict, decided->pattern);
        for (size_t i = out->count; di && i > 0; i--) {
            const code_event *o = &out->events[i - 1];
            if (strcmp(o->cameo->code, di->code) != 0 && strcmp(o->cameo->code, di->intent_code) != 0) continue;
            if (strncmp(o->source.code, src->code, 3) == 0) return false;   /* one's own decision */
            memset(author, 0, sizeof *author);
            code_copy_text(author->code, sizeof author->code, o->source.code);
            author->text = o->source.text;
            author->kind = MENTION_GROUP;   /* its role is settled already */
            author->compound = -1;
            author->how = "the author of the decision named before";
            return true;
        }
        return false;
    }
    return false;
}

/* Which deeds a count of a kind can belong to: the killed, wounded and
 * missing to force (roots 18-20), violent protest (145) and repression
 * (175); the arrested and abducted to coercion and assault (17, 18); the
 * displaced to force, the destruction of homes (171), expulsion (174) and
 * repression (not to a state of emergency or troops sent in).  A truce, a
 * deal or an accusation in the sentence of a toll is not what took it. */
static bool counts_fit(const char *code, int kind)
{
    if (kind == CASUALTY_ARRESTED || kind == CASUALTY_ABDUCTED) return strncmp(code, "17", 2) == 0 || strncmp(code, "18", 2) == 0;
    if (kind == CASUALTY_DISPLACED)
        return strncmp(code, "171", 3) == 0 || strncmp(code, "174", 3) == 0 || strncmp(code, "175", 3) == 0 ||
               strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 || strncmp(code, "20", 2) == 0;
    return strncmp(code, "18", 2) == 0 || strncmp(code, "19", 2) == 0 || strncmp(code, "20", 2) == 0 ||
           strncmp(code, "145", 3) == 0 || strncmp(code, "175", 3) == 0;
}

/* "who", "which", "that" (perhaps after a comma) at token k: a relative
 * clause about the words before */
static bool relative_after(const sentence_state *s, size_t k)
{
    if (k < s->n && is(s, k, ",")) k++;
    return k < s->n && (is(s, k, "who") || is(s, k, "which") || is(s, k, "that"));
}

/* One of the event's sides is at home in the place's country */
static bool at_home(const code_place *p, const code_event *e)
{
    return strncmp(p->country, e->source.code, 3) == 0 || (e->has_target && strncmp(p->country, e->target.code, 3) == 0);
}

/* The same actor, a country's civilians and its protesters being one
 * ("police detained dozens of people" after "protesters threw stones") */
static bool same_people(const char *a, const char *b)
{
    if (strcmp(a, b) == 0) return true;
    if (strlen(a) != 6 || strlen(b) != 6 || strncmp(a, b, 3) != 0) return false;
    return (strcmp(a + 3, "CVL") == 0 || strcmp(a + 3, "OPP") == 0) && (strcmp(b + 3, "CVL") == 0 || strcmp(b + 3, "OPP") == 0);
}

/* ... and whether a deed found in the sentence can hold it: one done, not
 * one vowed or denied ("vowed to wage war after bombs killed 100") */
static bool pending_fits(const pending_event *e, int kind)
{
    return !e->intent && !e->negated && !e->refrain && counts_fit(e->code ? e->code : e->pattern->code, kind);
}

/* Who a count counts ("13 militants had been killed", "two soldiers and a
 * police officer were killed"): the code of the first actor named between
 * the number and the casualty word, or NULL. */
static const char *victims_of(const sentence_state *s, const casualty *c)
{
    for (size_t i = c->first; i < c->anchor && i < s->n; i++) {
        int m = s->mention_at[i];
        if (m >= 0 && s->mentions[m].code[0] && !s->mentions[m].adjectival) return s->mentions[m].code;
    }
    return NULL;
}

/* The victims are the deed's target: the same country, and the same role
 * when both give one ("Kyrgyz citizens" are struck by an attack on KGZ);
 * armed groups are one role here, as "militants" may be rebels or
 * insurgents */
static bool struck(const char *target, const char *victims)
{
    static const char *const armed[] = { "REB", "INS", "UAF", NULL };
    if (strncmp(target, victims, 3) != 0) return false;
    if (strlen(target) <= 3 || strlen(victims) <= 3 || strcmp(target + 3, victims + 3) == 0) return true;
    bool a = false, b = false;
    for (size_t k = 0; armed[k]; k++) { a |= strncmp(target + 3, armed[k], 3) == 0; b |= strncmp(victims + 3, armed[k], 3) == 0; }
    return a && b;
}

/* A locative and a name: the sentence tells where ("were killed near
 * Douentza"), so it is of a deed of its own place */
static bool names_a_place(const sentence_state *s)
{
    for (size_t i = 0; i + 1 < s->n; i++)
        if (s->tag[i] == TAG_LOCATIVE && word_is_capitalized(s, i + 1)) return true;
    return false;
}

/* "More than 10,000 people have been killed since 2020", "the total":
 * a sentence that counts over time, no deed's count */
static bool a_running_total(const sentence_state *s)
{
    for (size_t i = 0; i < s->n; i++) if (is(s, i, "since") || is(s, i, "total") || is(s, i, "so")) return true;
    return false;
}

/* "80 soldiers have been killed", "the fighting has driven 400,000 from
 * their homes": the present perfect tells a running total */
static bool counts_a_total(const sentence_state *s, const casualty *c)
{
    for (size_t k = c->first > 0 ? c->first - 1 : 0; k < c->anchor; k++) if (is(s, k, "have") || is(s, k, "has")) return true;
    return false;
}

/* A count of the lead's sentences that no deed took, and whom it counts
 * (a state's people: "24 Kyrgyz citizens"; a count joined to it by "and"
 * counts them too): kept for the first deed after it that struck them,
 * within eight sentences (later ones tell of other days). */
static void keep_stranded_counts(sentence_state *s, size_t sentence_index, const casualty *cas, size_t cas_count,
                                 const int *cas_event, const bool *taken)
{
    memory *m = s->memory;
    /* (taken, or told too long ago to be what a deed now told took) */
    if (m->stranded_taken_in || (m->has_stranded && sentence_index > m->stranded_sentence + 8)) {
        m->has_stranded = false;
        m->stranded_taken_in = 0;
    }
    if (sentence_index > 2 || cas_count == 0 || a_running_total(s)) return;
    const char *victims = NULL;
    for (size_t c = 0; c < cas_count && c < 16; c++) {
        bool joined = victims && cas[c].first > 0 && is(s, cas[c].first - 1, "and");
        if (!joined) victims = NULL;
        if (cas_event[c] >= 0 || taken[c] || cas[c].of_noun || cas[c].anchor < cas[c].first || counts_a_total(s, &cas[c]) ||
            (cas[c].kind != CASUALTY_KILLED && cas[c].kind != CASUALTY_WOUNDED))
            continue;
        if (!joined) {
            victims = victims_of(s, &cas[c]);
            if (!victims || strlen(victims) < 3 || !code_is_state(victims)) { victims = NULL; continue; }
            if (!m->has_stranded || strcmp(m->stranded_victims, victims) != 0) {
                code_casualties none = { -1, -1, -1, -1, -1, -1, { NULL } };
                m->stranded = none;
                code_copy_text(m->stranded_victims, sizeof m->stranded_victims, victims);
                m->has_stranded = true;
                m->stranded_sentence = sentence_index;
            }
        }
        int32_t *slot[CASUALTY_KINDS] = { &m->stranded.killed, &m->stranded.wounded, &m->stranded.displaced,
                                          &m->stranded.arrested, &m->stranded.abducted, &m->stranded.missing };
        if (*slot[cas[c].kind] >= 0) continue;
        *slot[cas[c].kind] = cas[c].count > INT32_MAX ? INT32_MAX : (int32_t)cas[c].count;
        m->stranded.qualifier[cas[c].kind] = cas[c].qualifier;
    }
}

/* "Army spokesman X said 52 soldiers had been killed": only a speaker and a
 * reporting verb before the count; or "The attack left 12 dead": the deed
 * told before and a verb */
static bool after_a_report(const sentence_state *s, size_t first)
{
    static const char *const deeds[] = { "attack", "bombing", "strike", "raid", "assault", "blast", "explosion", "shelling",
                                         "ambush", "fighting", "clashes", NULL };
    if (first == 3 && is(s, 0, "the") && is_any(s, 1, deeds)) return true;
    size_t i = is(s, 0, "the") ? 1 : 0;
    if (i < s->n && s->mention_at[i] >= 0) i = s->mentions[s->mention_at[i]].last + 1;
    else return false;
    if (i >= s->n || s->tag[i] != TAG_REPORT) return false;
    i++;
    if (i < s->n && is(s, i, "that")) i++;
    return i == first;
}

/* "Police fired rubber bullets at protesters. At least 20 people were
 * hurt.": a short sentence that opens with a count (perhaps after "X
 * said") and codes no deed adds it to the deeds of the sentence before
 * (force for the killed and wounded, arrests for the arrested), unless it
 * counts a total ("since").  When it says whom it counts, it goes to the
 * latest deed of the three sentences before that struck them ("troops
 * raided a house. Gunmen fought the soldiers. Two soldiers were killed.
 * The army said 13 militants had been killed."). */
static void counts_for_the_sentence_before(const sentence_state *s, size_t sentence_index, const casualty *cas, size_t cas_count,
                                           const int *cas_event, bool *takes, code_result *out)
{
    if (sentence_index == 0 || s->n > 24 || cas_count == 0 || a_running_total(s)) return;
    for (size_t c = 0; c < cas_count && c < 16; c++) {
        if (cas_event[c] >= 0 || cas[c].anchor < cas[c].first) continue;
        /* "... were killed and 12 soldiers wounded": a count joined to one that goes back goes with it */
        bool joined = c > 0 && takes[c - 1] && cas[c].first > 0 && is(s, cas[c].first - 1, "and");
        if (!joined && !cas[c].toll && cas[c].first > 2 && !after_a_report(s, cas[c].first)) continue;
        if (counts_a_total(s, &cas[c])) continue;
        takes[c] = true;
        const char *victims = victims_of(s, &cas[c]);
        /* the sentence of the latest deed that struck them, else the sentence
         * before; further back only for victims named by their role
         * ("militants", "soldiers"; not "people") in a sentence that names
         * no place of its own ("two soldiers were killed near Douentza" is
         * another deed) */
        bool role = victims && strlen(victims) > 3 && strcmp(victims + 3, "CVL") != 0 && !names_a_place(s);
        size_t into = sentence_index - 1;
        bool by_victims = false;
        for (size_t e = out->count; e > 0 && victims && !by_victims; e--) {
            const code_event *ev = &out->events[e - 1];
            if (ev->sentence_index + (role ? 3 : 1) < sentence_index) break;
            if (ev->has_target && counts_fit(ev->cameo->code, cas[c].kind) && struck(ev->target.code, victims)) {
                into = ev->sentence_index;
                by_victims = true;
            }
        }
        for (size_t e = out->count; e > 0; e--) {
            code_event *ev = &out->events[e - 1];
            if (ev->sentence_index < into) break;
            if (ev->sentence_index != into) continue;
            if (!counts_fit(ev->cameo->code, cas[c].kind)) continue;
            if (by_victims && !(ev->has_target && struck(ev->target.code, victims))) continue;
            int32_t *slot[CASUALTY_KINDS] = { &ev->casualties.killed, &ev->casualties.wounded, &ev->casualties.displaced,
                                              &ev->casualties.arrested, &ev->casualties.abducted, &ev->casualties.missing };
            if (!ev->has_casualties) {
                code_casualties none = { -1, -1, -1, -1, -1, -1, { NULL } };
                ev->casualties = none;
            }
            if (*slot[cas[c].kind] >= 0 && !cas[c].toll) continue;   /* a toll is the whole count: it replaces */
            *slot[cas[c].kind] = cas[c].count > INT32_MAX ? INT32_MAX : (int32_t)cas[c].count;
            ev->casualties.qualifier[cas[c].kind] = cas[c].qualifier;
            ev->has_casualties = true;
        }
    }
}

int code_emit_sentence(sentence_state *s, size_t sentence_index, const text_sentence *ts,
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
            /* "11 people were killed when police opened fire": a deed with
             * no one behind it gives its counts to the nearest deed that has */
            int into = cas_event[c];
            for (size_t hops = 0; into >= 0 && events[into].dropped && hops < event_count; hops++) into = events[into].merged_into;
            if (into >= 0 && events[into].dropped) into = -1;
            cas_event[c] = into >= 0 && events[into].source >= 0 && pending_fits(&events[into], cas[c].kind) ? into : -1;
            if (cas_event[c] >= 0) continue;
        }
        if (cas[c].of_noun) continue;   /* "recalling the abduction of 276 schoolgirls": another deed */
        /* "..., and more than 400 were wounded": a count of no deed of its
         * own joins the count before it */
        if (c > 0 && cas_event[c - 1] >= 0 && cas[c].first > 0 && pending_fits(&events[cas_event[c - 1]], cas[c].kind) &&
            (is(s, cas[c].first - 1, "and") || is(s, cas[c].first - 1, "while") || is(s, cas[c].first - 1, "with"))) {
            cas_event[c] = cas_event[c - 1];
            continue;
        }
        size_t best = SIZE_MAX;
        for (int pass = 0; pass < 2 && cas_event[c] < 0; pass++)
            for (size_t e = 0; e < event_count; e++) {
                if (events[e].dropped || events[e].source < 0 || !pending_fits(&events[e], cas[c].kind)) continue;
                if (pass == 0 && s->clause[events[e].head] != s->clause[cas[c].anchor]) continue;
                size_t h = events[e].head, a = cas[c].anchor;
                size_t dist = h < a ? a - h : h - a;
                if (dist < best) { best = dist; cas_event[c] = (int)e; }
            }
    }
    bool taken[16] = { false };
    counts_for_the_sentence_before(s, sentence_index, cas, cas_count, cas_event, taken, out);
    keep_stranded_counts(s, sentence_index, cas, cas_count, cas_event, taken);
    /* each date expression belongs to the nearest event head or reporting
     * verb of its clause ("captured Sirte on Jan. 6"; "reported on Jan. 12");
     * "a day after rebels attacked" to a head of the clause it opens, and
     * "last year's election" only to the noun it describes */
    int anchor_of[16];
    for (size_t d = 0; d < date_count; d++) {
        anchor_of[d] = -1;   /* -1 none; event index; or -2 - report index */
        size_t best_distance = SIZE_MAX;
        size_t at = date_word(&dates[d]);
        /* "seized Goma once before, in 2012, and withdrew": a date set off
         * by a comma after a clause adds to that clause */
        size_t opening = dates[d].first > 0 && (s->cls[dates[d].first - 1] & WORD_PREPOSITION) ? dates[d].first - 1 : dates[d].first;
        bool afterthought = opening > 0 && is(s, opening - 1, ",") && !dates[d].opens_clause;
        if (told_by_participle(s, &dates[d], events, event_count)) continue;
        /* "said on Sunday that rebels attacked ... on Friday": a date
         * between a reporting verb and its "that" is the report's */
        if (is(s, dates[d].last + 1, "that"))
            for (size_t r = 0; r < report_count && anchor_of[d] == -1; r++) {
                size_t v = reports[r].verb;
                if (v >= dates[d].first || dates[d].first - v > 4) continue;
                bool head_between = false;
                for (size_t k = v + 1; k < dates[d].first; k++) head_between |= s->is_head[k];
                if (!head_between) anchor_of[d] = -2 - (int)r;
            }
        /* "Burkina Faso's junta, which seized power in September, has
         * expelled French troops": a date of a relative clause set off by
         * commas dates only that clause */
        size_t clause_start = at;
        while (clause_start > 0 && s->clause[clause_start - 1] == s->clause[at]) clause_start--;
        bool relative = clause_start > 0 && is(s, clause_start - 1, ",") &&
                        (is(s, clause_start, "which") || is(s, clause_start, "who") || is(s, clause_start, "whose") ||
                         is(s, clause_start, "whom"));
        for (int pass = 0; pass < 3 && anchor_of[d] == -1; pass++) {
            if (pass > 0 && relative) break;
            if (pass == 1 && !afterthought) continue;
            for (size_t e = 0; e < event_count; e++) {
                size_t h = events[e].head;
                if (pass == 0 && s->clause[h] != s->clause[at]) continue;
                if (pass == 1 && h > dates[d].first) continue;
                if (!date_may_govern(s, &dates[d], h)) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) {
                    best_distance = dist;
                    anchor_of[d] = events[e].merged_into >= 0 ? events[e].merged_into : (int)e;
                }
            }
            for (size_t r = 0; r < report_count; r++) {
                size_t h = reports[r].verb;
                if (pass == 0 && s->clause[h] != s->clause[at]) continue;
                if (pass == 1 && h > dates[d].first) continue;
                if (!date_may_govern(s, &dates[d], h) || dates[d].modifier) continue;
                size_t dist = h < dates[d].first ? dates[d].first - h : h - dates[d].last;
                if (dist < best_distance) { best_distance = dist; anchor_of[d] = -2 - (int)r; }
            }
        }
    }
    /* the sentence's first date, when it is the day the story is at */
    int own_date = sentence_date(s, dates, date_count, events, event_count);
    int story_date = own_date >= 0 && code_is_story_day(&dates[own_date], s->publication) ? own_date : -1;
    place_candidate places_found[8];
    size_t place_count = code_find_places(s, places_found, 8);
    /* where the sentence's events that name no place of their own happen:
     * the place of the phrase it opens with ("In Yerevan, thousands gathered
     * ..., demanding his resignation"; "Speaking at the White House, Trump
     * said ..."), else the one its paragraph named before */
    const code_place *frame = NULL, *carried = NULL;
    size_t opening = 0;   /* the comma that ends an opening phrase with no deed or report ("Speaking at the White House hours later,") */
    /* (one opened by a participle, "Speaking in Paris, Macron said ...", is
     * where the speaker speaks: it places the deeds of the speaker's side only) */
    bool participle = s->n > 0 && s->is_head[0] && strlen(s->words[0]) > 4 && strcmp(s->words[0] + strlen(s->words[0]) - 3, "ing") == 0;
    while (opening < s->n && opening < 10 && !is(s, opening, ",") && s->tag[opening] != TAG_REPORT &&
           (!s->is_head[opening] || (opening == 0 && participle)))
        opening++;
    if (opening >= s->n || opening >= 10 || !is(s, opening, ",")) opening = 0;
    if (!opening) participle = false;
    for (size_t p = 0; p < place_count && !frame && opening; p++)
        if (places_found[p].first > 0 && places_found[p].last < opening && !places_found[p].actor_object && !places_found[p].topic)
            frame = &places_found[p].place;
    code_place paragraph_place;
    if (!frame && s->memory->has_place_frame && s->memory->place_frame_paragraph == s->paragraph) {
        paragraph_place = s->memory->paragraph_frame;
        carried = &paragraph_place;
    }

    /* a clause with a deed or a report of its own keeps its places to its
     * actor ("Russia attacked the ports while Erdogan met Zelensky in
     * Istanbul"; but "praised the deal in Washington and said he would meet") */
    const char *clause_actor[MAX_SENTENCE_TOKENS];
    for (size_t k = 0; k < s->n; k++) clause_actor[k] = NULL;
    for (size_t e = 0; e < event_count; e++)
        if (!events[e].dropped && events[e].source >= 0 && s->clause[events[e].head] < MAX_SENTENCE_TOKENS)
            clause_actor[s->clause[events[e].head]] = s->mentions[events[e].source].code;
    for (size_t r = 0; r < report_count; r++)
        if (reports[r].speaker >= 0 && reports[r].clause < MAX_SENTENCE_TOKENS)
            clause_actor[reports[r].clause] = s->mentions[reports[r].speaker].code;

    for (size_t e = 0; e < event_count; e++) {
        pending_event *ev = &events[e];
        /* "after ten days of talks": talks with no one named are between
         * the parties of the agreement the article is about */
        /* "after ten days of talks", "talks began": not "the talks", which
         * refers back to talks already coded */
        /* (not "negotiations between Afghans": they name their own sides) */
        bool implicit_pair = ev->source < 0 && !is(s, ev->last + 1, "between") && !ev->dropped && ev->pattern->noun_head &&
                             strcmp(ev->pattern->code, "046") == 0 && s->memory->has_deal &&
                             !(ev->head > 0 && (is(s, ev->head - 1, "the") || is(s, ev->head - 1, "these") ||
                                                is(s, ev->head - 1, "those")));
        /* a deed of war with no doer named, done to one of the two sides the
         * article is about, is the other side's: "a patrol came under fire"
         * in a war between the army and a rebel group */
        mention adversary;
        bool by_adversary = false;
        /* "About 80 soldiers have been killed in Israel": a toll over time
         * has no doer to infer (a count without an actor is no event) */
        bool toll = ev->head >= 2 && is(s, ev->head - 1, "been") && (is(s, ev->head - 2, "have") || is(s, ev->head - 2, "has"));
        /* (only for a subject that suffers an attack, "came under fire":
         * inferring the doer of any passive killing was right once in 16) */
        if (ev->source < 0 && !ev->dropped && !implicit_pair && ev->target >= 0 && !ev->intent && !toll && ev->pattern->undergoer) {
            const lex_code_info *deed = lex_pattern_code(s->dict, ev->pattern);
            mention sides[2];
            const char *victim = s->mentions[ev->target].code;
            if (deed && deed->quad_class == 4 && force_code(deed->code) && code_most_named(s->memory, 2, sides))
            {
                int k = side_of(sides, victim);
                if (k >= 0) {
                    adversary = sides[1 - k];
                    adversary.how = "the other side";
                    /* a state fights with its forces (unless they are the victim's) */
                    char forces[16];
                    code_set(forces, adversary.code, "MIL");
                    if (code_is_state(adversary.code) && (!adversary.code[3] || strcmp(adversary.code + 3, "GOV") == 0) &&
                        strcmp(forces, victim) != 0)
                        code_copy_text(adversary.code, sizeof adversary.code, forces);
                    by_adversary = true;
                }
            }
        }
        /* "Netanyahu said Iran would pay for it": a threat the speaker makes
         * against the one who is to suffer it */
        if (ev->source < 0 && !ev->dropped && !implicit_pair && !by_adversary && ev->target >= 0 && ev->pattern->undergoer &&
            strncmp(ev->pattern->code, "13", 2) == 0)
            for (size_t r = 0; r < report_count && !by_adversary; r++)
                if (reports[r].speaker >= 0 && !reports[r].sourcing && reports[r].clause != s->clause[ev->head] &&
                    s->mentions[reports[r].speaker].code[0] &&
                    strcmp(s->mentions[reports[r].speaker].code, s->mentions[ev->target].code) != 0) {
                    adversary = s->mentions[reports[r].speaker];
                    adversary.how = "the speaker who threatens";
                    by_adversary = true;
                }
        /* "schoolboys abducted from their school": no one named took them,
         * but a later claim of "the abduction" is aimed at them */
        if (!ev->dropped && ev->source < 0 && !implicit_pair && !by_adversary && ev->passive && ev->target >= 0 &&
            !ev->negated && !ev->intent && (str_same(ev->pattern->code, "181") || str_same(ev->pattern->code, "173")) &&
            s->mentions[ev->target].code[0])
        {
            code_copy_text(s->memory->held, sizeof s->memory->held, s->mentions[ev->target].code);
            s->memory->held_text = s->mentions[ev->target].text;
        }
        /* "two car bombs exploded, killing at least 100 people": no one named
         * did it, but a later claim of the attack is aimed at them (when no
         * deed told with its doer has named whom it struck; not a span, "has
         * fought the government for years"; also when the killing is folded
         * into the car bombing before it and dropped as an event) */
        if (ev->source < 0 && !implicit_pair && !by_adversary && ev->target >= 0 && !ev->negated &&
            !ev->intent && !ev->modal && !toll && !s->memory->has_victim && s->mentions[ev->target].code[0] &&
            !s->mentions[ev->target].reference && perfect_auxiliary(s, ev->head) == SIZE_MAX) {
            const lex_code_info *deed = lex_pattern_code(s->dict, ev->pattern);
            if (deed && deed->quad_class == 4 && force_code(deed->code) && strncmp(deed->code, "15", 2) != 0) {
                s->memory->victim = s->mentions[ev->target];
                s->memory->has_victim = true;
            }
        }
        /* "about 1,000 people had been detained": an arrest with no one named
         * is the police's, of the country of those held (not of a count of
         * a time: "have been arrested since", told by toll) */
        if (!ev->dropped && ev->source < 0 && !implicit_pair && !by_adversary && ev->passive && ev->target >= 0 &&
            !ev->negated && !ev->intent && !ev->modal && !toll && str_same(ev->pattern->code, "173")) {
            const char *held = s->mentions[ev->target].code;
            if (strlen(held) >= 3 && code_is_state(held) && !code_is_region(held) &&
                !(strlen(held) == 6 && (strcmp(held + 3, "COP") == 0 || strcmp(held + 3, "MIL") == 0))) {
                /* (the last arrests' authors in that country, "soldiers detained the
                 * president ... Several ministers were also detained", else its police) */
                const memory *mem = s->memory;
                if (mem->has_coercion && strncmp(mem->coercion.code, held, 3) == 0 && strcmp(mem->coercion.code, held) != 0) {
                    adversary = mem->coercion;
                    adversary.how = "the authors of the arrests told before";
                } else {
                    memset(&adversary, 0, sizeof adversary);
                    char state[4] = { held[0], held[1], held[2], 0 };
                    code_set(adversary.code, state, "COP");
                    adversary.kind = MENTION_AGENT;
                    adversary.text = "";
                    adversary.how = "the police of those held";
                }
                adversary.compound = -1;
                by_adversary = true;
            }
        }
        /* "the interior minister said Zuniga would be charged with
         * terrorism": an arrest or charge with no one named, told by an
         * official of the state of those held, is that state's */
        if (!ev->dropped && ev->source < 0 && !implicit_pair && !by_adversary && ev->passive && ev->target >= 0 &&
            !ev->negated && !toll && str_same(ev->pattern->code, "173")) {
            const char *held = s->mentions[ev->target].code;
            for (size_t r = 0; r < report_count && !by_adversary && code_length_at_least(held, 3) && code_is_state(held); r++) {
                if (reports[r].speaker < 0 || reports[r].clause == s->clause[ev->head]) continue;
                const mention *sp = &s->mentions[reports[r].speaker];
                if (!code_role_in(sp->code, (const char *const[]){ "GOV", "JUD", "COP", NULL }) ||
                    strncmp(sp->code, held, 3) != 0 || sp->place || sp->prepositional)
                    continue;
                adversary = *sp;
                adversary.compound = -1;
                adversary.how = "the official of the state of those held who tells of it";
                by_adversary = true;
            }
        }
        if (ev->dropped || (ev->source < 0 && !implicit_pair && !by_adversary)) continue;
        if (ev->outcome && ev->source >= 0) {
            /* what became of a truce is no event, but it names the truce's parties */
            const mention *pair[2];
            size_t np = 0;
            int group = s->mentions[ev->source].compound;
            for (size_t m = 0; group >= 0 && m < s->mention_count && np < 2; m++)
                if (s->mentions[m].compound == group) pair[np++] = &s->mentions[m];
            const lex_code_info *truce = lex_pattern_code(s->dict, ev->pattern);
            if (np == 2 && truce) remember_event(s, truce, ev, pair[0], &pair[1], 1);
            continue;
        }
        /* "the U.N.-brokered truce" with no parties known: nothing to say */
        mention known[2];
        if (ev->adjective && !s->memory->has_deal && !code_most_named(s->memory, 2, known)) continue;
        if (ev->negated && !s->options->keep_negated) continue;
        /* "sent advisers and drones to support the GNA": support as the
         * purpose of another deed is that deed, not praise */
        if (strcmp(ev->pattern->code, "051") == 0 && ev->head > 0 && is(s, ev->head - 1, "to") &&
            s->tag[ev->head - 1] != TAG_MODAL) {
            bool purpose = false;
            for (size_t a = 0; a < e && !purpose; a++)
                if (!events[a].dropped && events[a].head < ev->head && ev->head - events[a].head < 14) purpose = true;
            if (purpose) continue;
        }
        const lex_code_info *info = lex_pattern_code(s->dict, ev->pattern);
        if (!info) continue;
        /* "sent F-16 fighter jets to bomb Cambodian positions": what is sent
         * to use force on its target is that force, no aid to the target */
        if (strncmp(info->code, "07", 2) == 0 && !ev->intent) {
            bool force_purpose = false;
            for (size_t a = e + 1; a < event_count && !force_purpose; a++) {
                const pending_event *f = &events[a];
                if (f->dropped || f->head <= ev->head || f->head - ev->head > 10 || f->head < 1 || !is(s, f->head - 1, "to")) continue;
                force_purpose = f->pattern->code[0] == '1' && f->pattern->code[1] >= '8';
            }
            if (force_purpose) continue;
        }
        const char *rule_extra = "";
        /* "pulled their countries out of ECOWAS", "withdrew from the
         * Council of Europe", "quit ECOWAS": a retreat from an organization
         * (not from its peacekeepers), or quitting it, is a cut in
         * relations with it, not a military retreat or a resignation */
        size_t before_target = ev->target >= 0 ? s->mentions[ev->target].first : 0;
        if (before_target > 0 && is(s, before_target - 1, "the")) before_target--;
        bool leaves = (str_same(info->code, "0874") && before_target > 0 &&
                       (is(s, before_target - 1, "of") || is(s, before_target - 1, "from"))) ||
                      (str_same(ev->pattern->text, "quit") && before_target == ev->head + 1);
        /* "China expressed regret over the attacks" (of others): regret for
         * another's deed is a complaint about it, not an apology */
        if (str_same(info->code, "055") && ev->target >= 0 && s->mentions[ev->target].reference && ev->source >= 0 &&
            strncmp(s->mentions[ev->target].code, s->mentions[ev->source].code, 3) != 0 && strncmp(ev->pattern->text, "express", 7) == 0) {
            const lex_code_info *complaint = lex_code(s->dict, "111");
            if (complaint) {
                rule_extra = "; regret for another's deed -> 111";
                info = complaint;
            }
        }
        if (leaves && ev->target >= 0 && strncmp(s->mentions[ev->target].code, "IGO", 3) == 0 &&
            !strstr(s->mentions[ev->target].code, "PKO")) {
            const lex_code_info *cut = lex_code(s->dict, "160");
            if (cut) {
                rule_extra = "; a retreat from an organization -> 160";
                info = cut;
            }
        }
        if (ev->refrain) {
            /* an intent not to use force is an intent to de-escalate; not
             * to do anything else is no event */
            const lex_code_info *calm = force_code(info->code) ? lex_code(s->dict, "0356") : NULL;
            if (!calm) continue;
            rule_extra = arena_printf(s->a, "; \"%s ... not\" -> %s", ev->modal, calm->code);
            info = calm;
        } else if (ev->intent && ev->modal && strncmp(ev->modal, "agree", 5) == 0 && ev->source >= 0 &&
                   s->mentions[ev->source].compound >= 0 && (strncmp(info->code, "05", 2) == 0 || strncmp(info->code, "06", 2) == 0)) {
            /* "Saudi Arabia and Iran agreed to restore diplomatic relations":
             * two sides agreeing together on cooperation is an agreement */
            const lex_code_info *agreement = lex_code(s->dict, "057");
            if (agreement) {
                info = agreement;
                rule_extra = arena_printf(s->a, "; \"%s\" by two sides -> 057", ev->modal);
            }
        } else if (ev->intent && info->intent_code[0]) {
            const lex_code_info *intent = lex_code(s->dict, info->intent_code);
            if (intent) { info = intent; rule_extra = arena_printf(s->a, "; modal \"%s\" -> %s", ev->modal, intent->code); }
        }
        /* force used with a weapon is coded by the weapon: "warplanes
         * struck" 195, "shelled" stays 194, "fired a ballistic missile" 195 */
        /* ("Israeli air strikes destroyed dozens of buildings": property
         * destroyed by a weapon that is the doer is that weapon's force) */
        /* (and "Israeli warplanes bombarded Gaza City": artillery verbs with
         * aircraft as the doer are aerial force) */
        bool by_weapon = (str_same(info->code, "1712") || str_same(info->code, "194")) && ev->source >= 0 &&
                         s->mentions[ev->source].first < ev->head;
        if (str_same(info->code, "190") || str_same(info->code, "193") || by_weapon) {
            size_t from = ev->source >= 0 && s->mentions[ev->source].first < ev->head ? s->mentions[ev->source].first : ev->head;
            size_t to = ev->last + 6 < s->n ? ev->last + 6 : s->n - 1;
            if (ev->source >= 0 && s->mentions[ev->source].last > to) to = s->mentions[ev->source].last;
            for (size_t k = from; k <= to; k++) {
                if (s->clause[k] != s->clause[ev->head] && !(ev->source >= 0 && k >= s->mentions[ev->source].first &&
                                                             k <= s->mentions[ev->source].last))
                    continue;
                if (by_weapon && (k >= ev->head || k > s->mentions[ev->source].last + 2 ||
                                  (k > s->mentions[ev->source].last + 1 && s->is_head[k - 1])))
                    break;   /* the doer's own words, not an object of another verb ("fired missiles, setting ablaze") */
                if (s->weapon[k] && strcmp(s->weapon[k], info->code) != 0) {
                    const lex_code_info *w = lex_code(s->dict, s->weapon[k]);
                    if (w && str_same(info->code, "194") && !str_same(w->code, "195")) break;
                    if (w && (str_same(info->code, "190") || str_same(info->code, "1712") || !str_same(w->code, "193"))) {
                        rule_extra = arena_printf(s->a, "%s; weapon \"%s\" -> %s", rule_extra, s->words[k], w->code);
                        info = w;
                    }
                    break;
                }
            }
        }
        /* the date: its own expression; else one of another event of its
         * clause that was not folded away, or of the clause whose subject it
         * goes on with; else the date of the report; else the day the story
         * is at; else the publication date */
        int32_t date = s->publication;
        int precision = CODE_DATE_DAY;   /* (set below when no expression dates it) */
        const char *date_words = NULL, *date_note = "";
        int chosen = -1;
        /* "accused Islamabad of violating its airspace on Wednesday": that is
         * the day of what the accusation is about, not of the accusation */
        bool about[16];
        for (size_t d = 0; d < date_count; d++) about[d] = gerund_between(s, ev->head, dates[d].first);
        /* its own expression: one of its clause first ("took Sirte on Jan. 6,
         * and they have besieged Tripoli since last April") */
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] == (int)e && !about[d] && s->clause[date_word(&dates[d])] == s->clause[ev->head]) chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++) if (anchor_of[d] == (int)e && !about[d]) chosen = (int)d;
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] >= 0 && !about[d] && !events[anchor_of[d]].dropped && !dates[d].from_told_time &&
                s->clause[events[anchor_of[d]].head] == s->clause[ev->head])
                chosen = (int)d;
        /* "held talks on Saturday and agreed to meet again": a clause that
         * goes on with the subject of another goes on at its time */
        int shared = s->subject_from[s->clause[ev->head]];
        for (size_t d = 0; d < date_count && chosen < 0 && shared >= 0; d++)
            if (anchor_of[d] >= 0 && !about[d] && !events[anchor_of[d]].dropped &&
                s->clause[events[anchor_of[d]].head] == (uint16_t)shared)
                chosen = (int)d;
        /* "erupted on May 10 when Hamas fired rockets", "declared martial
         * law late on Tuesday after militants overran the city": a clause
         * of time shares the date of the clause it hangs on */
        if (chosen < 0) chosen = date_of_time_clause(s, ev->head, dates, date_count);
        for (size_t d = 0; d < date_count && chosen < 0; d++)
            if (anchor_of[d] <= -2 && !about[d] && report_covers(s, &reports[-2 - anchor_of[d]], ev->head)) chosen = (int)d;
        if (chosen >= 0) {
            date = dates[chosen].days;
            precision = dates[chosen].precision;
            date_words = code_slice(s, dates[chosen].first, dates[chosen].last, NULL, NULL);
            /* "have held near-daily rallies since July", "have been killed
             * since Tuesday": a span from then to the time of writing is dated
             * by the month or year that holds all of it */
            int from_year, until_year, from_month, until_month, d;
            date_from_days(dates[chosen].days, &from_year, &from_month, &d);
            date_from_days(s->publication, &until_year, &until_month, &d);
            if (is(s, dates[chosen].first, "since") && dates[chosen].is_range && precision != CODE_DATE_YEAR &&
                from_year == until_year && perfect_auxiliary(s, ev->head) != SIZE_MAX && !past_perfect(s, ev->head)) {
                bool one_month = from_month == until_month;
                date = date_to_days(from_year, one_month ? from_month : 1, 1);
                precision = one_month ? CODE_DATE_MONTH : CODE_DATE_YEAR;
                date_note = one_month ? " (its month: a span from then until the time of writing)"
                                      : " (its year: a span from then until the time of writing)";
            }
        } else {
            dating context = date_from_context(s, ev->head, ev, dates, story_date);
            date = context.days;
            precision = context.precision;
            date_words = context.words;
            date_note = context.note;
            /* no date in the text: what is said (appeals, praise, threats,
             * accusations) is news of the publication day, and so is a deed
             * told in the simple past in the story's first three paragraphs
             * (the lead tells the day's news); a deed told later, or
             * anything in a perfect ("had shelled", "have called on"), may
             * be older: only the publication's month is known */
            if (!context.words && context.precision == CODE_DATE_DAY) {
                bool perfect = perfect_auxiliary(s, ev->head) != SIZE_MAX;
                bool deed = info->quad_class == 2 || info->quad_class == 4;
                if (perfect || (deed && s->paragraph > LEAD_PARAGRAPHS)) {
                    precision = CODE_DATE_MONTH;
                    date_note = perfect ? " (its month: a perfect tells no day)" : " (its month: a deed told after the lead)";
                } else if (deed) {
                    date_note = " (a deed told in the lead: the news of the day)";
                }
            }
        }
        /* "announced the deal on Friday after weeks of shuttle diplomacy":
         * the diplomacy ran over the weeks before; it is dated by the month
         * (or year) around the middle of that time */
        int32_t span = ev->pattern->noun_head ? span_length(s, ev->head) : 0;
        if (span > 0 && precision != CODE_DATE_YEAR) {
            int32_t end = precision == CODE_DATE_DAY ? date : s->publication;
            int y, m, d;
            date_from_days(end - span / 2, &y, &m, &d);
            date = date_to_days(y, span >= 365 ? 1 : m, 1);
            precision = span >= 365 ? CODE_DATE_YEAR : CODE_DATE_MONTH;
            date_note = arena_printf(s->a, "%s (the middle of the span it names, %d days before)", date_note, (int)span);
        }
        /* attribution: a report in another clause of the sentence */
        const mention *speaker = NULL;
        int speaker_clause = -1, speaker_report = -1;
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
            /* "Kurti said the deal was good, while Vucic accused him": a clause
             * set against the report, with a subject of its own, is not said */
            if (reports[r].verb < ev->head && ev->source >= 0 && s->mentions[ev->source].first > reports[r].verb) {
                bool contrast = false;
                for (size_t k = reports[r].verb + 1; k < s->mentions[ev->source].first && !contrast; k++)
                    contrast = is(s, k, "while") || is(s, k, "whereas") || (is(s, k, "but") && is(s, k - 1, ","));
                if (contrast) continue;
            }
            speaker = &s->mentions[reports[r].speaker];
            speaker_clause = reports[r].clause;
            speaker_report = (int)r;
            sourcing = reports[r].sourcing;
            break;
        }
        /* the place: the nearest in the event's clause, else in the sentence */
        const place_candidate *where = NULL;
        size_t where_distance = SIZE_MAX;
        for (int pass = 0; pass < 2 && !where; pass++)
            for (size_t p = 0; p < place_count; p++) {
                if (pass == 0 && s->clause[places_found[p].first] != s->clause[ev->head]) continue;
                const char *other = pass == 1 ? clause_actor[s->clause[places_found[p].first]] : NULL;
                /* (the clause of the deed's target is the deed's too: "fired rubber
                 * bullets at Palestinians who threw stones at the mosque in Jerusalem") */
                if (other && ev->source >= 0 && strcmp(other, s->mentions[ev->source].code) != 0 &&
                    !(ev->target >= 0 && strcmp(other, s->mentions[ev->target].code) == 0 &&
                      relative_after(s, s->mentions[ev->target].last + 1)))
                    continue;
                /* a state as an object is the place of force (roots 18-20) and of a
                 * visit ("visited Paris"), when it is that deed's object */
                /* (and of what the visit is for: "flew to Banjul on Friday to meet
                 * Jammeh" met him in Banjul) */
                bool purpose = places_found[p].first > 0 && is(s, places_found[p].first - 1, "to") && ev->head > places_found[p].last &&
                               ev->head <= places_found[p].last + 8 && is(s, ev->head - 1, "to");
                if (places_found[p].actor_object && !purpose &&
                    ((strcmp(info->code, "18") < 0 && strncmp(info->code, "042", 3) != 0) ||
                     places_found[p].object_of > ev->last + 3 || places_found[p].object_of <= ev->head))
                    continue;
                if (places_found[p].topic && info->quad_class != 4) continue;
                /* "urged both sides to return to talks in Jeddah": a place in what
                 * an appeal asks for is not where it is made */
                if (strncmp(info->code, "02", 2) == 0 && places_found[p].first > ev->last) {
                    bool asked = false;
                    for (size_t k = ev->head + 1; k < places_found[p].first && !asked; k++)
                        asked = is(s, k, "to") && k + 1 < s->n && s->is_head[k + 1] && s->mention_at[k + 1] < 0;
                    if (asked) continue;
                }
                if (places_found[p].over && strncmp(info->code, "15", 2) != 0 && strcmp(info->code, "18") < 0) continue;
                /* "Speaking in Paris, Macron said Russian forces had attacked":
                 * the opening phrase's place is the speaker's, not the deed's */
                if (participle && places_found[p].last < opening && ev->source >= 0 &&
                    strncmp(places_found[p].place.country, s->mentions[ev->source].code, 3) != 0 &&
                    !(ev->target >= 0 && strncmp(places_found[p].place.country, s->mentions[ev->target].code, 3) == 0))
                    continue;
                /* a verb's places follow it: one before it counts double
                 * ("pushed them back from the capital and recaptured the town of X") */
                size_t a = places_found[p].first, h = ev->head;
                size_t dist = a > h ? a - h : 2 * (h - a);
                if (dist < where_distance && dist < 25) { where_distance = dist; where = &places_found[p]; }
            }
        /* "at the Ratchaprasong intersection in Bangkok's shopping district,
         * blocking traffic": the place named at the reference chosen is the
         * more exact one */
        for (size_t p = 0; p < place_count && where; p++)
            if (&places_found[p] != where && places_found[p].place.near && where->place.name && !places_found[p].actor_object &&
                !places_found[p].topic && places_found[p].last < where->first && where->first <= places_found[p].last + 4 &&
                strcmp(places_found[p].place.near, where->place.name) == 0)
                where = &places_found[p];
        /* "... in the Hiraan and Middle Shabelle regions, where troops have
         * retaken dozens of villages": a clause that opens with ", where"
         * happens at the place named just before it */
        for (size_t k = ev->head; k > 1 && k + 12 > ev->head && (!where || s->clause[where->first] != s->clause[ev->head]); k--) {
            if (!(is(s, k - 1, "where") && is(s, k - 2, ","))) continue;
            for (size_t p = place_count; p > 0; p--)
                if (places_found[p - 1].last < k - 2 && places_found[p - 1].last + 6 >= k - 2 && !places_found[p - 1].actor_object) {
                    where = &places_found[p - 1];
                    break;
                }
            break;
        }
        code_casualties counts = { -1, -1, -1, -1, -1, -1, { NULL } };
        bool has_counts = false;
        /* the counts of the deed, then a toll where the deed has none of that
         * kind ("killing 14 people and bringing the death toll to 40" is 14:
         * the toll is of more than this deed) */
        for (size_t pass = 0; pass < 2 * cas_count; pass++) {
            size_t c = pass % cas_count;
            if (cas_event[c] != (int)e || cas[c].toll != (pass >= cas_count)) continue;
            int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                              &counts.abducted, &counts.missing };
            if (cas[c].toll && *slot[cas[c].kind] >= 0) continue;
            int32_t value = cas[c].count > INT32_MAX ? INT32_MAX : (int32_t)cas[c].count;
            counts.qualifier[cas[c].kind] = *slot[cas[c].kind] < 0 ? cas[c].qualifier
                                            : casualty_joined_qualifier(counts.qualifier[cas[c].kind], cas[c].qualifier);
            int64_t sum = *slot[cas[c].kind] < 0 ? value : (int64_t)*slot[cas[c].kind] + value;   /* counts saturate */
            *slot[cas[c].kind] = sum > INT32_MAX ? INT32_MAX : (int32_t)sum;
            has_counts = true;
        }
        if (!has_counts && ev->target >= 0 && !ev->intent && !ev->negated) {
            /* "killed a Palestinian man": one */
            int kind = -1;
            for (size_t k = ev->head; k <= ev->last && kind < 0; k++) kind = casualty_kind(s->words[k]);
            /* "a drone strike killed commander X": the verb after the deed's noun */
            if (kind < 0 && ev->last + 1 < s->n && ev->last + 1 < s->mentions[ev->target].first)
                kind = casualty_kind(s->words[ev->last + 1]);
            const mention *t = &s->mentions[ev->target];
            bool one = t->first > 0 && (is(s, t->first - 1, "a") || is(s, t->first - 1, "an") || is(s, t->first - 1, "one"));
            /* "killed Iranian commander Qassem Soleimani": a title and a name are one person */
            if (t->kind == MENTION_AGENT && !t->plural && t->last + 2 < s->n && word_is_capitalized(s, t->last + 1) &&
                (s->mention_at[t->last + 1] < 0 ? word_is_capitalized(s, t->last + 2)
                                                 : s->mentions[s->mention_at[t->last + 1]].kind == MENTION_PERSON))
                one = true;
            /* (not "detained an Iranian supertanker": a country's adjective before
             * a noun that names no one is no person) */
            size_t after_target = t->last + 1;
            bool thing = t->kind == MENTION_COUNTRY && after_target < s->n && !word_is_capitalized(s, after_target) &&
                         s->tag[after_target] == TAG_NONE && !(s->tokens[after_target].flags & TEXT_PUNCT) &&
                         !(s->cls[after_target] & WORD_STOP) && !s->is_head[after_target];
            if (kind >= 0 && (one || t->kind == MENTION_PERSON) && !t->plural && t->compound < 0 && !t->adjectival && !thing) {
                int32_t *slot[CASUALTY_KINDS] = { &counts.killed, &counts.wounded, &counts.displaced, &counts.arrested,
                                                  &counts.abducted, &counts.missing };
                *slot[kind] = 1;
                has_counts = true;
            }
        }
        const mention *src = implicit_pair ? &s->memory->deal[0] : by_adversary ? &adversary : &s->mentions[ev->source];
        /* "Sisi warned that his army could intervene": the threat is the
         * speaker's, not the army's */
        if (ev->intent && strncmp(info->code, "13", 2) == 0 && speaker && !sourcing && !implicit_pair && !by_adversary &&
            src->kind == MENTION_AGENT && src->compound < 0 && strlen(src->code) == 6 && strcmp(src->code + 3, "MIL") == 0 &&
            code_is_state(speaker->code) && strncmp(speaker->code, src->code, 3) == 0 &&
            (speaker->kind == MENTION_PERSON || speaker->kind == MENTION_COUNTRY) && strlen(speaker->code) >= 3 &&
            (strlen(speaker->code) == 3 || strcmp(speaker->code + 3, "GOV") == 0))
            src = speaker;
        /* "The Israeli military said soldiers fired at people approaching
         * its lines": forces with no country of their own in a state's
         * forces' or government's report are that state's */
        mention tellers_own;
        if (src->kind == MENTION_AGENT && src->inferred_country && src->compound < 0 && speaker && !sourcing &&
            in_sentence(s, src) && strlen(src->code) == 6 && code_role_in(src->code, (const char *const[]){ "MIL", "COP", NULL }) &&
            strlen(speaker->code) == 6 && code_is_state(speaker->code) && !code_is_region(speaker->code) &&
            code_role_in(speaker->code, (const char *const[]){ "MIL", "GOV", NULL }) && strncmp(speaker->code, src->code, 3) != 0) {
            tellers_own = *src;
            char country[4] = { speaker->code[0], speaker->code[1], speaker->code[2], 0 };
            code_set(tellers_own.code, country, src->code + 3);
            tellers_own.how = "agent: the forces of the state that tells it";
            src = &tellers_own;
        }
        /* a region's adjective ("the two Central Asian countries", "West
         * African mediation efforts") describes a noun parley does not know;
         * it is no doer (a country's may be: "Saudi and American mediators") */
        if (src->adjectival && src->kind == MENTION_COUNTRY && !implicit_pair && !by_adversary && code_is_region(src->code))
            continue;
        /* compounds: one event per member on each side */
        const mention *sources[16], *targets[16], *included = NULL;
        size_t ns = 0, nt = 0;
        if (implicit_pair) {
            sources[ns++] = &s->memory->deal[0];
            sources[ns++] = &s->memory->deal[1];
        } else if (src->compound >= 0) {
            for (size_t m = 0; m < s->mention_count && ns < 16; m++)
                if (s->mentions[m].compound == src->compound) sources[ns++] = &s->mentions[m];
        } else if ((included = included_states(s, src)) != NULL) {
            /* "Thirteen Western governments, including the United States and
             * Britain, called for restraint": the states named */
            const mention *first = included;
            if (first->compound >= 0) {
                for (size_t m = 0; m < s->mention_count && ns < 16; m++)
                    if (s->mentions[m].compound == first->compound) sources[ns++] = &s->mentions[m];
            } else {
                sources[ns++] = first;
            }
        } else {
            sources[ns++] = src;
        }
        if (ev->target >= 0 && !implicit_pair) {
            const mention *tg = &s->mentions[ev->target];
            /* "seven Latin American countries, including Argentina and Chile":
             * the states named after "including" rather than their region */
            const mention *named = included_states(s, tg);
            if (named) tg = named;
            if (tg->compound >= 0 && tg->compound != src->compound) {
                for (size_t m = 0; m < s->mention_count && nt < 16; m++)
                    if (s->mentions[m].compound == tg->compound) targets[nt++] = &s->mentions[m];
            } else {
                targets[nt++] = tg;
            }
        }
        /* "marched to demand justice for protesters killed": those a protest
         * or a demand is for are not its target */
        if (nt == 1 && (strncmp(info->code, "14", 2) == 0 || strncmp(info->code, "10", 2) == 0) && in_sentence(s, targets[0]) &&
            targets[0]->first > 0 && is(s, targets[0]->first - 1, "for") && targets[0]->kind == MENTION_AGENT &&
            targets[0]->first > ev->last)
            nt = 0;
        /* "warned that anyone who harmed Turkish citizens would face
         * retaliation": the threat is against whoever harmed them, the
         * authors of the last coercion or force told, not the victims */
        if (nt == 1 && ev->pattern->undergoer && ev->pattern->code[0] == '1' && ev->pattern->code[1] == '3' &&
            in_sentence(s, targets[0]) && targets[0]->first >= 3) {
            size_t f = targets[0]->first;
            bool anyone = false;
            for (size_t k = f; k > 1 && f - k < 5 && !anyone; k--)
                anyone = (is(s, k - 1, "who") || is(s, k - 1, "that")) &&
                         (is(s, k - 2, "anyone") || is(s, k - 2, "those") || is(s, k - 2, "whoever") || is(s, k - 2, "anybody"));
            const memory *mem = s->memory;
            const mention *author = mem->has_coercion ? &mem->coercion : mem->has_deed ? &mem->deed : NULL;
            if (anyone && author && author->code[0] && strncmp(author->code, targets[0]->code, 3) != 0) targets[0] = author;
        }
        /* "Russia and Turkey met": each side to the other, for the events
         * that take two sides (consult, cooperate, fight, exchange) */
        const char *base = ev->pattern->code;   /* before modality: "will meet" is as mutual as "met" */
        bool symmetric = strcmp(base, "036") == 0 ||   /* "the two sides agreed to meet again" */
                         (strncmp(base, "04", 2) == 0 && strcmp(base, "042") != 0 &&
                          strcmp(base, "043") != 0 && strcmp(base, "045") != 0) ||
                         strncmp(base, "05", 2) == 0 || strncmp(base, "06", 2) == 0 ||
                         /* ("Egypt and Qatar threatened to retaliate": together, not at each other) */
                         (strncmp(base, "19", 2) == 0 && !ev->intent) || strcmp(base, "0871") == 0 ||
                         /* "both sides would withdraw heavy weapons": each towards the other */
                         strncmp(base, "087", 3) == 0 || strcmp(base, "0356") == 0 ||
                         strncmp(ev->pattern->text, "exchange", 8) == 0 || strncmp(ev->pattern->text, "trade", 5) == 0 ||
                         strncmp(ev->pattern->text, "swap", 4) == 0;
        /* "welcomed the decision to free the pilot": the one who decided it */
        /* "Yemen's government and the Maldives also cut ties": the same deed
         * as the last, on the same target */
        mention also;
        if (nt == 0 && ev->head > 0 && is(s, ev->head - 1, "also") && s->memory->has_last_event &&
            s->memory->last_event < out->count) {
            const code_event *le = &out->events[s->memory->last_event];
            bool own_default = strncmp(info->code, "02", 2) == 0 || strncmp(info->code, "04", 2) == 0 ||
                               strncmp(info->code, "05", 2) == 0;   /* (these have the article's two sides) */
            if (!own_default && le->has_target && strcmp(le->cameo->code, info->code) == 0 &&
                strncmp(le->target.code, src->code, 3) != 0) {
                memset(&also, 0, sizeof also);
                code_copy_text(also.code, sizeof also.code, le->target.code);
                also.text = le->target.text;
                also.kind = MENTION_COUNTRY;
                also.compound = -1;
                also.how = "the target of the same deed just told";
                targets[nt++] = &also;
            }
        }
        mention author;
        if (decision_author(s, info, events, e, event_count, out, src, &author)) {
            targets[0] = &author;
            nt = 1;
        }
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
        /* "sent troops to Saudi Arabia": forces sent to another state, at its
         * side, protect it (074); sent into one's own land they are mobilized */
        if (nt == 1 && str_same(info->code, "154") && targets[0]->first > 0 && is(s, targets[0]->first - 1, "to") &&
            strlen(targets[0]->code) >= 3 && code_is_state(targets[0]->code) && !code_is_region(targets[0]->code) &&
            (strlen(targets[0]->code) == 3 || strcmp(targets[0]->code + 3, "GOV") == 0) &&
            strncmp(targets[0]->code, src->code, 3) != 0) {
            const lex_code_info *protect = lex_code(s->dict, "074");
            if (protect) {
                info = protect;
                rule_extra = arena_printf(s->a, "%s; forces sent to another state -> 074", rule_extra);
            }
        }
        /* a side that disarms, withdraws, accepts a truce or ends an action
         * with no one named does so towards the other side: "the separatist
         * units would disarm and withdraw" */
        bool towards_other = strcmp(info->code, "0356") == 0 || strncmp(info->code, "087", 3) == 0 ||
                             strcmp(ev->pattern->code, "0871") == 0 ||
                             /* and so does a side that fights, coerces, threatens or rejects:
                              * "Azerbaijan launched an offensive", "the army shelled its bases" */
                             /* (a side that reduces relations or shows force does; one that
                              * accuses, demands, threatens, coerces or fights with no one named
                              * was right against the other side 5 times in 60 on eval/ and eval/dev/) */
                             strncmp(info->code, "15", 2) == 0 || strncmp(info->code, "16", 2) == 0 ||
                             /* or intends to meet, negotiate or cooperate: "Khamenei agreed to the negotiations" */
                             str_same(info->code, "036") || str_same(info->code, "030") ||
                             strncmp(info->code, "02", 2) == 0 || strncmp(info->code, "05", 2) == 0;
        /* (a party to the agreement the article is about acts towards the
         * other party: "Hezbollah is to pull its fighters back" after "a
         * cease-fire between Israel and Hezbollah", whoever else is named often) */
        bool by_deal = nt == 0 && ns == 1 && towards_other && s->memory->has_deal && side_of(s->memory->deal, src->code) >= 0;
        if (by_deal) memcpy(sides, s->memory->deal, sizeof sides);
        /* (asked only of such an act: the sides are read from the memory's tally) */
        bool other_side = nt == 0 && ns == 1 && towards_other;
        bool sides_known = by_deal || (other_side && code_most_named(s->memory, 2, sides));
        /* (before the story has named its sides, the act waits for them: the
         * end of the article settles it) */
        bool defer_other = other_side && !sides_known;
        if (other_side && sides_known) {
            /* "the army shelled their bases": the army is on the government's side */
            /* a side known only by its camp ("the army" for the government)
             * leaves force in a named place to the place's country (below) */
            int k = side_of(sides, src->code);
            bool place_decides = info->quad_class == 4 && strncmp(info->code, "14", 2) != 0 && where && where->place.country[0];
            if (k >= 0 && (strcmp(sides[k].code, src->code) == 0 || !place_decides)) targets[nt++] = &sides[1 - k];
        }
        /* "Brawner said Chinese coast guard officers seized seven rifles and
         * punctured the boats": force told by the other side, done to no one
         * named, was done to the side that tells it */
        if (nt == 0 && ns == 1 && info->quad_class == 4 && strncmp(info->code, "14", 2) != 0 && speaker && !sourcing &&
            /* (a place of the teller's own country says it better: "said Armenian
             * forces had shelled the town of Terter" is against Azerbaijan) */
            !(where && where->place.country[0] && strncmp(where->place.country, speaker->code, 3) == 0 && !where->over) &&
            !ev->intent && !ev->pattern->noun_head && code_is_state(speaker->code) && code_is_state(src->code) && !code_is_region(speaker->code) &&
            strncmp(speaker->code, src->code, 3) != 0 && code_speaker_is_party(speaker) &&
            /* (not the charge of an accusation: "accused Indian forces of using
             * excessive force" in Kashmir names no force against Pakistan) */
            !charged(ev, events, event_count, s))
            targets[nt++] = speaker;
        /* "the Syrian Democratic Forces said Turkish air strikes had killed
         * several civilians": civilians a state's forces struck, with no
         * country named, in a story of that state, are the teller's people */
        mention victims;
        if (nt == 1 && info->quad_class == 4 && speaker && !sourcing && in_sentence(s, targets[0]) && targets[0]->kind == MENTION_AGENT && targets[0]->inferred_country &&
            strlen(targets[0]->code) == 6 && strcmp(targets[0]->code + 3, "CVL") == 0 && strlen(src->code) == 6 &&
            strcmp(src->code + 3, "MIL") == 0 && strncmp(src->code, targets[0]->code, 3) == 0 &&
            strlen(speaker->code) >= 3 && code_is_state(speaker->code) && !code_is_region(speaker->code) &&
            strncmp(speaker->code, src->code, 3) != 0) {
            victims = *targets[0];
            char country[4] = { speaker->code[0], speaker->code[1], speaker->code[2], 0 };
            code_set(victims.code, country, "CVL");
            victims.how = "civilians of the side that tells it";
            targets[0] = &victims;
        }
        /* "Pakistan denied it": the accusation, that is its author */
        if (nt == 1 && strcmp(info->code, "016") == 0 && targets[0]->how && strcmp(targets[0]->how, "pronoun") == 0 &&
            (is(s, targets[0]->first, "it") || is(s, targets[0]->first, "this")))
            nt = 0;
        /* "denied backing the M23": the one backed is the deed's, not the denial's target */
        if (nt == 1 && strcmp(info->code, "016") == 0 && in_sentence(s, targets[0]) && targets[0]->first > ev->last)
            for (size_t k = ev->last + 1; k < targets[0]->first; k++) {
                size_t wl = strlen(s->words[k]);
                if (wl > 4 && strcmp(s->words[k] + wl - 3, "ing") == 0) { nt = 0; break; }
            }
        /* "Keita resigned" after soldiers detained him: stepping down yields
         * to those who forced it */
        /* (soldiers or rebels who held him; not the police's or courts' arrests of others) */
        if (nt == 0 && strcmp(info->code, "0831") == 0 && s->memory->has_coercion &&
            strcmp(s->memory->coercion.code, src->code) != 0 && strlen(s->memory->coercion.code) == 6 &&
            strcmp(s->memory->coercion.code + 3, "COP") != 0 && strcmp(s->memory->coercion.code + 3, "JUD") != 0)
            targets[nt++] = &s->memory->coercion;
        /* "demanded his immediate release": a call to free someone is aimed
         * at those who hold him */
        if (nt == 0 && (strcmp(info->code, "1053") == 0 || strcmp(info->code, "0253") == 0) && s->memory->has_coercion &&
            strcmp(s->memory->coercion.code, src->code) != 0)
            targets[nt++] = &s->memory->coercion;
        /* "called for Suu Kyi's release": at those who hold her, not at her */
        if (nt == 1 && (strcmp(info->code, "1053") == 0 || strcmp(info->code, "0253") == 0) && s->memory->has_coercion &&
            s->memory->held[0] &&
            (strcmp(targets[0]->code, s->memory->held) == 0 ||
             /* (a person held, named later under the date's role: "Hamdok" SDN for SDNGOV) */
             (targets[0]->kind == MENTION_PERSON && strlen(targets[0]->code) == 3 && strncmp(targets[0]->code, s->memory->held, 3) == 0)) &&
            (!strstr(ev->pattern->text, "_ to") || strstr(ev->pattern->text, "_ to be")) &&
            strcmp(s->memory->holder.code, src->code) != 0 && strcmp(s->memory->holder.code, s->memory->held) != 0)
            targets[0] = &s->memory->holder;
        /* "Jaish-e-Mohammad claimed the attack": a claim is aimed at whom
         * the attack struck */
        bool claims_force = strcmp(info->code, "015") == 0 && !strstr(ev->pattern->text, "abduct") &&
                            !strstr(ev->pattern->text, "kidnap");
        if (nt == 1 && claims_force && targets[0]->reference) nt = 0;   /* "the attack": its author */
        /* "claimed responsibility for the abduction": aimed at those taken */
        mention taken;
        if ((nt == 0 || (nt == 1 && targets[0]->reference)) && str_same(info->code, "015") && !claims_force &&
            s->memory->held[0] && strcmp(s->memory->held, src->code) != 0) {
            memset(&taken, 0, sizeof taken);
            code_copy_text(taken.code, sizeof taken.code, s->memory->held);
            taken.text = s->memory->held_text ? s->memory->held_text : nt ? targets[0]->text : "";
            taken.kind = MENTION_AGENT;
            taken.compound = -1;
            taken.how = "those the abduction took";
            targets[0] = &taken;
            nt = 1;
        }
        if (nt == 0 && claims_force && s->memory->has_victim &&
            strcmp(s->memory->victim.code, src->code) != 0)
            targets[nt++] = &s->memory->victim;
        /* "condemned the crackdown on protesters in Iran", "criticized the
         * detention of opposition leaders": criticism of a repression whose
         * author the text does not name is aimed at the government of those
         * repressed, not at them */
        mention repressors;
        static const char *const repressions[] = { "crackdown", "crackdowns", "detention", "detentions", "arrest", "arrests",
                                                   "repression", "persecution", "killing", "killings", "execution",
                                                   "executions", "jailing", "imprisonment", "torture", NULL };
        if (nt == 1 && strncmp(info->code, "11", 2) == 0 && in_sentence(s, targets[0]) && targets[0]->first >= 2 &&
            (is(s, targets[0]->first - 1, "on") || is(s, targets[0]->first - 1, "of") || is(s, targets[0]->first - 1, "against")) &&
            is_any(s, targets[0]->first - 2, repressions) && strlen(targets[0]->code) == 6 && code_is_state(targets[0]->code) &&
            code_role_in(targets[0]->code, (const char *const[]){ "OPP", "CVL", "EDU", "LAB", "MED", "REL", "HRI", NULL })) {
            repressors = *targets[0];
            char country[4] = { targets[0]->code[0], targets[0]->code[1], targets[0]->code[2], 0 };
            code_set(repressors.code, country, "GOV");
            repressors.how = "the government of those repressed";
            targets[0] = &repressors;
        }
        /* "Guterres called it \"heinous\"": what is condemned as a deed is
         * the last use of force, that is its author */
        if (nt == 1 && strncmp(info->code, "11", 2) == 0 && (begins(ev->pattern->text, "call _") ||
                                                             begins(ev->pattern->text, "describe _")) &&
            in_sentence(s, targets[0]) && targets[0]->how &&
            str_same(targets[0]->how, "pronoun") && is(s, targets[0]->first, "it") && s->memory->has_deed &&
            strcmp(s->memory->deed.code, src->code) != 0)
            targets[0] = &s->memory->deed;
        /* "denied that Tehran was behind the attack but praised it": "it"
         * that resolved to no actor, after a deed told, is that deed */
        if ((nt == 0 || (nt == 1 && (!targets[0]->code[0] ||
                                     (in_sentence(s, targets[0]) &&
                                      targets[0]->first == ev->last + 1 && strcmp(targets[0]->code, src->code) == 0)))) &&
            (strncmp(info->code, "11", 2) == 0 || strncmp(info->code, "05", 2) == 0) && ev->last + 1 < s->n &&
            is(s, ev->last + 1, "it") && s->memory->has_deed && strcmp(s->memory->deed.code, src->code) != 0) {
            targets[0] = &s->memory->deed;
            nt = 1;
        }
        /* "had nothing to do with the strike": the deed, not whom it answers */
        if (nt == 1 && strcmp(info->code, "016") == 0 && targets[0]->reference) nt = 0;
        /* "the militia, which Kampala denied": what is denied, not whom */
        if (nt == 1 && strcmp(info->code, "016") == 0 && in_sentence(s, targets[0]) && targets[0]->last < ev->head)
            for (size_t k = targets[0]->last + 1; k < ev->head; k++)
                if (is(s, k, "which")) { nt = 0; break; }
        /* "Saudi Arabia accuses Iran of arming the group, which Tehran
         * denies": the accusation of this sentence */
        for (size_t a = 0; nt == 0 && strcmp(info->code, "016") == 0 && a < e; a++)
            if (!events[a].dropped && events[a].source >= 0 && strncmp(events[a].pattern->code, "112", 3) == 0 &&
                strcmp(s->mentions[events[a].source].code, src->code) != 0)
                targets[nt++] = &s->mentions[events[a].source];
        /* a denial without a target answers the last accusation: "which Asmara denies" */
        if (nt == 0 && strcmp(info->code, "016") == 0) {
            const mention *accuser = accuser_of(s->memory, src->code);
            if (accuser) targets[nt++] = accuser;
            /* "rejected the accusations" of the states that accused it */
            const memory *mem = s->memory;
            for (size_t k = mem->accusation_count; accuser && k > 0 && nt < 4; k--) {
                const mention *by = &mem->accusations[k - 1].by;
                if (strncmp(mem->accusations[k - 1].against, src->code, 3) != 0 || strncmp(by->code, src->code, 3) == 0) continue;
                bool seen = false;
                for (size_t t = 0; t < nt; t++) seen = seen || strcmp(targets[t]->code, by->code) == 0;
                if (!seen) targets[nt++] = by;
            }
        }
        /* "ECOWAS demanded that Niger free Bazoum ... Tiani has refused": a
         * refusal with no target answers the last demand made of the
         * refuser's state */
        /* (a bare refusal: "has refused.", "refused the demand"; not
         * "refused to recognize the ruling") */
        static const char *const asks[] = { "demand", "demands", "request", "call", "calls", "appeal", NULL };
        bool bare_refusal = ev->last + 1 >= s->n || (s->tokens[ev->last + 1].flags & TEXT_PUNCT) ||
                            (ev->last + 2 < s->n && is(s, ev->last + 1, "the") && is_any(s, ev->last + 2, asks));
        if (nt == 0 && bare_refusal && strncmp(info->code, "12", 2) == 0 && s->memory->has_demand && code_length_at_least(src->code, 3) &&
            strncmp(s->memory->demanded_of, src->code, 3) == 0 && strncmp(s->memory->demander.code, src->code, 3) != 0)
            targets[nt++] = &s->memory->demander;
        /* "Vucic flew to Banja Luka": a visit to a city of another state
         * (no capital, so no government named) is to that state */
        mention visited;
        if (nt == 0 && str_same(info->code, "042") && code_length_at_least(src->code, 3) && code_is_state(src->code))
            for (size_t p = 0; p < place_count && nt == 0; p++) {
                const place_candidate *pc = &places_found[p];
                if (pc->first <= ev->last || pc->first > ev->last + 3 || !pc->place.country[0] || pc->actor_object ||
                    strncmp(pc->place.country, src->code, 3) == 0)
                    continue;
                memset(&visited, 0, sizeof visited);
                code_copy_text(visited.code, sizeof visited.code, pc->place.country);
                visited.kind = MENTION_COUNTRY;
                visited.text = pc->place.name ? pc->place.name : "";
                visited.how = "the state of the city visited";
                visited.compound = -1;
                targets[nt++] = &visited;
            }
        /* "Ghani and Esper issued a joint declaration committing Washington":
         * an object of one side's own country is no third party */
        /* (and agents the text gave no country: "the two leaders agreed to
         * restart military communication") */
        if (nt == 1 && ns > 1 && symmetric &&
            (strlen(targets[0]->code) == 3 || strcmp(targets[0]->code + 3, "GOV") == 0 ||
             (targets[0]->kind == MENTION_AGENT && targets[0]->inferred_country)))
            for (size_t a = 0; a < ns; a++)
                if (strncmp(sources[a]->code, targets[0]->code, 3) == 0) { nt = 0; break; }
        /* "agreed to pull back forces from the border": the forces are the
         * sides' own, not someone to withdraw from */
        /* ("units of both sides must pull back to their bases": whoever "their" names) */
        if (nt == 1 && (strncmp(ev->pattern->code, "087", 3) == 0 || strcmp(info->code, "0356") == 0) &&
            in_sentence(s, targets[0]) && targets[0]->first > ev->head &&
            ((targets[0]->kind == MENTION_AGENT && targets[0]->inferred_country && strlen(targets[0]->code) == 6 &&
              strcmp(targets[0]->code + 3, "MIL") == 0) ||
             (targets[0]->how && begins(targets[0]->how, "possessive pronoun"))))
            nt = 0;
        /* "A and B met on the sidelines of a Shanghai Cooperation
         * Organization summit": the summit is where, the two met each other */
        if (nt >= 1 && ns > 1 && symmetric && (strstr(ev->pattern->text, "sidelines") || strstr(ev->pattern->text, "margins")))
            nt = 0;
        /* "the two rivals pledged to respect each other's sovereignty": each to the other */
        /* ... and two sides named together ("A and B", not "the two sides",
         * whose agreements the lead has told) that pledge to cooperate
         * pledge it to each other ("Trump and Kim pledged to work toward ...") */
        /* (not "Senegal, Niger and Burkina Faso each pledged 500 soldiers":
         * each its own, of a thing the verb names) */
        bool each_own = (ev->head > 0 && is(s, ev->head - 1, "each")) ||
                        (ev->last + 1 < s->n && s->mention_at[ev->last + 1] < 0 &&
                         (s->tokens[ev->last + 1].flags & TEXT_NUMBER ||
                          (s->cls[ev->last + 1] & WORD_QUANTITY) || is_any(s, ev->last + 1, determiners)));
        bool together = ns > 1 && strncmp(info->code, "03", 2) == 0 && src->compound >= 0 && src->compound < 1000 && !each_own;
        /* "Russian and Syrian warplanes bombed the town": two demonyms
         * sharing one noun of force are allies in it, not each other's foes */
        bool allies = false;
        for (size_t a = 0; a < ns; a++)
            if (sources[a]->how && strcmp(sources[a]->how, "demonyms sharing an agent") == 0) allies = true;
        /* (but "Russian and Ukrainian forces clashed" and "Israeli and Hamas
         * officials met": deeds that take two sides) */
        const char *pt = ev->pattern->text + (ev->pattern->text[0] == '~');
        if (allies && (strncmp(base, "19", 2) != 0 || begins(pt, "clash") || begins(pt, "fight") || begins(pt, "battle") ||
                       begins(pt, "skirmish") || begins(pt, "exchange") || begins(pt, "trade") || begins(pt, "engage")))
            allies = false;
        /* "Ethiopia and Somalia agreed to resolve a dispute over Ethiopia's
         * plan": a target that is one of the two who pledge together is no
         * third party; each pledges it to the other */
        if (together && nt == 1)
            for (size_t a = 0; a < ns; a++)
                if (strcmp(sources[a]->code, targets[0]->code) == 0) { nt = 0; break; }
        /* "The United States, Britain, France and Turkey recognised the new
         * state": praise, support or recognition given to something the
         * verb names is not given to each other (an agreement signed is) */
        bool object_named = (strncmp(base, "05", 2) == 0 || strncmp(base, "06", 2) == 0) && strcmp(base, "057") != 0 &&
                            (ev->pattern->slot_index >= 0 ||   /* ("recognise _ state": the slot held no actor) */
                             (ev->last + 2 < s->n && s->mention_at[ev->last + 1] < 0 && is_any(s, ev->last + 1, determiners) &&
                              s->mention_at[ev->last + 2] < 0 && !(s->tokens[ev->last + 2].flags & TEXT_PUNCT)));
        /* ("Iraqi soldiers and police abandoned their posts": one state's
         * bodies, named by their nouns, act together, not towards each
         * other; "Sarraj and Haftar held talks" are two camps) */
        bool one_state = ns > 1;
        for (size_t a = 0; a < ns && one_state; a++) {
            const char *c = sources[a]->code;
            one_state = sources[a]->kind == MENTION_AGENT && strncmp(c, sources[0]->code, 3) == 0 &&
                        code_role_in(c, (const char *const[]){ "GOV", "MIL", "COP", "SPY", NULL });
        }
        /* (unless they are the two sides of the article's agreement: the
         * GNA's government and Haftar's army in Libya) */
        if (one_state && s->memory->has_deal) {
            int k0 = side_of(s->memory->deal, sources[0]->code), k1 = side_of(s->memory->deal, sources[1]->code);
            if (k0 >= 0 && k1 >= 0 && k0 != k1) one_state = false;
        }
        bool reciprocal = nt == 0 && ns > 1 &&
                          ((symmetric && !allies && !object_named && !one_state) || together || each_other(s, ev->head));
        /* hosting no one ("Erdogan, who hosted the ceremony") is no visit */
        if (nt == 0 && !reciprocal && strcmp(info->code, "043") == 0) continue;
        /* talking to reporters is no consultation */
        if (nt == 1 && strncmp(info->code, "04", 2) == 0 && strlen(targets[0]->code) >= 6 &&
            strcmp(targets[0]->code + strlen(targets[0]->code) - 3, "MED") == 0)
            continue;
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
                person_role_on(s, sources[a], date, precision, &out_event.source);
                state_role(&out_event.source, sources[a], info, true);
                force_by_government(&out_event.source, sources[a], info);
                if (tg) {
                    actor_of(tg, &out_event.target);
                    person_role_on(s, tg, date, precision, &out_event.target);
                    state_role(&out_event.target, tg, info, false);
                    /* "asked for Russian weapons": an appeal goes to the state's government */
                    if (strncmp(info->code, "02", 2) == 0 && tg->adjectival && in_sentence(s, tg) && tg->last + 1 < s->n &&
                        !is(s, tg->last + 1, "to") && (s->tokens[tg->last + 1].flags & TEXT_WORD) &&
                        strlen(out_event.target.code) == 3 && code_is_state(out_event.target.code) &&
                        !code_is_region(out_event.target.code))
                        code_set(out_event.target.code, out_event.target.code, "GOV");
                    /* "flew to Havana": a visit is to the country */
                    if (strcmp(info->code, "042") == 0 && tg->how && strcmp(tg->how, "capital") == 0 &&
                        code_is_state(out_event.target.code) && strlen(out_event.target.code) > 3)
                        out_event.target.code[3] = 0;
                    /* ("flew to Banjul on Friday to meet Jammeh": a visit made to meet
                     * that country's leaders is to them) */
                    if (strcmp(info->code, "042") == 0 && in_sentence(s, tg) && strlen(out_event.target.code) == 3 &&
                        code_is_state(out_event.target.code))
                        for (size_t k = tg->last + 1; k + 2 < s->n && k < tg->last + 8 && s->clause[k] == s->clause[tg->last]; k++) {
                            if (!is(s, k, "to") || !(is(s, k + 1, "meet") || is(s, k + 1, "see"))) continue;
                            int m = s->mention_at[k + 2] >= 0 ? s->mention_at[k + 2] : k + 3 < s->n ? s->mention_at[k + 3] : -1;
                            if (m >= 0 && strncmp(s->mentions[m].code, out_event.target.code, 3) == 0 &&
                                strlen(s->mentions[m].code) == 6 && strcmp(s->mentions[m].code + 3, "GOV") == 0)
                                code_copy_text(out_event.target.code, sizeof out_event.target.code, s->mentions[m].code);
                            break;
                        }
                    /* "the neighbors fought a war": each side fights the other's forces */
                    if (reciprocal) {
                        force_by_government(&out_event.target, tg, info);
                        if (strncmp(info->code, "19", 2) == 0 && strcmp(info->code, "191") != 0 &&
                            code_is_state(out_event.target.code) && strlen(out_event.target.code) == 3)
                            code_set(out_event.target.code, out_event.target.code, "MIL");
                    }
                    /* force against "Syrian government positions" is against its forces */
                    if (force_code(info->code) && in_sentence(s, tg) && tg->last + 1 < s->n && (s->cls[tg->last + 1] & WORD_MILITARY_SITE) &&
                        code_is_state(out_event.target.code) &&
                        (strlen(out_event.target.code) == 3 || strcmp(out_event.target.code + 3, "GOV") == 0))
                        code_set(out_event.target.code, tg->code, "MIL");
                    /* "entered Damascus", "seized the presidential palace", "Israeli warplanes
                     * struck the suburbs of Beirut": territory taken, or a capital struck by a
                     * foreign force, is the country's, not its government's (a capital besieged
                     * in a civil war stands for the government) */
                    bool force = strncmp(info->code, "18", 2) == 0 || strncmp(info->code, "19", 2) == 0 ||
                                 strncmp(info->code, "20", 2) == 0;
                    bool foreign = strncmp(out_event.source.code, out_event.target.code, 3) != 0;
                    if (code_is_state(out_event.target.code) && strlen(out_event.target.code) > 3 &&
                        ((strcmp(info->code, "192") == 0 && tg->kind != MENTION_PERSON &&
                          /* (not those it was taken from: "recaptured Shire from Tigrayan forces") */
                          !(in_sentence(s, tg) && tg->first > 0 &&
                            (is(s, tg->first - 1, "from") ||
                             (tg->first > 1 && is(s, tg->first - 2, "from") && is(s, tg->first - 1, "the"))))) ||
                         (force && foreign && tg->how && strcmp(tg->how, "capital") == 0)))
                        out_event.target.code[3] = 0;
                    out_event.has_target = true;
                    /* the same actor on both sides after the roles are settled: no
                     * target, unless there are other targets ("Trump praised the
                     * deal" is to the Taliban, not to Washington) */
                    if (strcmp(out_event.target.code, out_event.source.code) == 0 && !reciprocal && nt > 1) continue;
                    if (strcmp(out_event.target.code, out_event.source.code) == 0) {
                        memset(&out_event.target, 0, sizeof out_event.target);
                        out_event.has_target = false;
                        tg = NULL;
                    }
                }
                /* (an opening participle phrase only where one side is at home:
                 * "Speaking at the White House, Trump said Iran was standing down"
                 * does not place Iran's standing down) */
                const code_place *home = frame;
                if (home && participle && !at_home(home, &out_event)) home = NULL;
                if (!where && home) {
                    out_event.has_place = true;
                    out_event.place = *home;
                } else if (!where && s->memory->has_dateline) {
                    /* no place in the sentence: the dateline's; but fighting
                     * between others than the dateline's country ("GENEVA -"
                     * over a Libyan war) is at the last place the article
                     * named in their countries, else nowhere known */
                    const code_place *at = &s->memory->dateline;
                    bool theirs = strncmp(at->country, out_event.source.code, 3) == 0 ||
                                  (out_event.has_target && strncmp(at->country, out_event.target.code, 3) == 0);
                    if (strcmp(info->code, "18") >= 0 && !theirs) {   /* force: roots 18-20 */
                        at = NULL;
                        for (size_t q = s->memory->place_count; q > 0 && !at; q--) {
                            const code_place *r = &s->memory->places[q - 1].place;
                            if (r->precision && (strncmp(r->country, out_event.source.code, 3) == 0 ||
                                                 (out_event.has_target && strncmp(r->country, out_event.target.code, 3) == 0)))
                                at = r;
                        }
                        /* a place the gazetteer lacks ("the towns of Shire") was where
                         * its own deed happened; others are at its reference ("Tigray") */
                        for (size_t q = s->memory->place_count; at && at->near && q > 0; q--) {
                            const code_place *r = &s->memory->places[q - 1].place;
                            if (r->name && r->precision && strcmp(r->precision, "near") != 0 && strcmp(r->name, at->near) == 0) at = r;
                        }
                    }
                    if (at) {
                        out_event.has_place = true;
                        out_event.place = *at;
                    }
                }
                if (where) {
                    out_event.has_place = true;
                    out_event.place = where->place;
                    if (where->place.name) {   /* the place the paragraph's story is at */
                        s->memory->paragraph_frame = where->place;
                        s->memory->place_frame_paragraph = s->paragraph;
                        code_copy_text(s->memory->frame_actors[0], sizeof s->memory->frame_actors[0], out_event.source.code);
                        code_copy_text(s->memory->frame_actors[1], sizeof s->memory->frame_actors[1],
                                       out_event.has_target ? out_event.target.code : "");
                        s->memory->has_place_frame = true;
                    }
                    /* fighting with no named target is against the place's
                     * country: "captured Sirte" is LBYMIL 192 LBY */
                    if (!tg && info->quad_class == 4 && where->place.country[0] && strncmp(info->code, "14", 2) != 0 && !where->over) {
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
                /* a state of emergency, curfew or martial law with no one
                 * named is imposed on the country's people */
                if ((!out_event.has_target || (!tg && strlen(out_event.target.code) == 3)) && strncmp(info->code, "172", 3) == 0 &&
                    strlen(info->code) == 4 &&
                    code_is_state(out_event.source.code) && strlen(out_event.source.code) >= 3) {
                    code_set(out_event.target.code, out_event.has_target ? out_event.target.code : out_event.source.code, "CVL");
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
                /* (and so is the demand of people in the street: "students
                 * demanding an end to job quotas") */
                bool street_demand = strncmp(info->code, "10", 2) == 0 &&
                                     code_role_in(out_event.source.code, (const char *const[]){ "OPP", "EDU", "LAB", NULL });
                if ((!out_event.has_target || (strlen(out_event.target.code) == 3 && !street_demand)) &&
                    (strncmp(info->code, "14", 2) == 0 || strcmp(info->code, "133") == 0 || street_demand) &&
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
                /* the lead's toll to the first deed after it that struck its victims */
                else if (s->memory->has_stranded && (!s->memory->stranded_taken_in || s->memory->stranded_taken_in == sentence_index + 1) &&
                         !ev->negated && !ev->intent &&
                         out_event.has_target && strcmp(info->code, "18") >= 0 && strcmp(info->code, "21") < 0 &&
                         struck(out_event.target.code, s->memory->stranded_victims) &&
                         (s->memory->stranded.killed >= 0 || s->memory->stranded.wounded >= 0)) {
                    out_event.has_casualties = true;
                    out_event.casualties = s->memory->stranded;
                    s->memory->stranded_taken_in = sentence_index + 1;   /* (its other pairs take them too) */
                }
                out_event.cameo = crowd_force(s, info, &out_event);
                /* "Seoul has asked police to investigate", "the Guards called on
                 * the judiciary to prosecute": a state's instruction to its own
                 * organs is no appeal between actors */
                if (strncmp(out_event.cameo->code, "02", 2) == 0 && out_event.has_target &&
                    strlen(out_event.source.code) >= 3 && strlen(out_event.target.code) == 6 &&
                    code_is_state(out_event.source.code) &&
                    strncmp(out_event.source.code, out_event.target.code, 3) == 0 &&
                    (strlen(out_event.source.code) == 3 ||
                     code_role_in(out_event.source.code, (const char *const[]){ "GOV", "MIL", NULL })) &&
                    code_role_in(out_event.target.code, (const char *const[]){ "COP", "JUD", "SPY", NULL }))
                    continue;
                /* "Police warned that they might use live rounds" in a story of
                 * protests: repression with no one named is of the protesters */
                /* (the code first: the pattern's words are searched only for those) */
                if ((strncmp(out_event.cameo->code, "175", 3) == 0 || strcmp(out_event.cameo->code, "137") == 0) &&
                    (s->memory->has_protest || strstr(ev->pattern->text, "protest")) &&
                    (!out_event.has_target || strlen(out_event.target.code) == 3) &&
                    code_is_state(out_event.source.code) &&
                    code_role_in(out_event.source.code, (const char *const[]){ "COP", "MIL", NULL })) {
                    code_set(out_event.target.code, out_event.source.code, "OPP");
                    out_event.target.text = NULL;
                    out_event.has_target = true;
                }
                /* "Venezuelan authorities arrested an opposition activist": a
                 * state arrests or represses its own people, when the text does
                 * not say whose they are */
                if (tg && tg->kind == MENTION_AGENT && tg->inferred_country && out_event.has_target &&
                    strlen(out_event.target.code) == 6 && strlen(out_event.source.code) == 6 &&
                    code_is_state(out_event.source.code) && strncmp(out_event.source.code, out_event.target.code, 3) != 0 &&
                    strncmp(out_event.cameo->code, "171", 3) != 0 &&   /* (not property seized) */
                    (strncmp(out_event.cameo->code, "17", 2) == 0 || strncmp(out_event.cameo->code, "175", 3) == 0) &&
                    code_role_in(out_event.source.code, (const char *const[]){ "GOV", "COP", "MIL", "JUD", "SPY", NULL }) &&
                    code_role_in(out_event.target.code,
                                 (const char *const[]){ "CVL", "OPP", "EDU", "MED", "LAB", "REL", "BUS", "HRI", NULL }))
                    memcpy(out_event.target.code, out_event.source.code, 3);
                /* "Police detained hundreds of people" in a story of protests:
                 * the people are the protesters */
                size_t sl = s->memory->has_protest && out_event.has_target ? strlen(out_event.source.code) : 0,
                       tl = sl ? strlen(out_event.target.code) : 0;   /* (counted only in such a story) */
                if (s->memory->has_protest && out_event.has_target && (sl == 6 || sl == 3) &&
                    strcmp(out_event.source.code + sl - 3, "COP") == 0 && (tl == 6 || tl == 3) &&
                    strcmp(out_event.target.code + tl - 3, "CVL") == 0 &&
                    (strcmp(out_event.cameo->code, "173") == 0 || strncmp(out_event.cameo->code, "175", 3) == 0)) {
                    memcpy(out_event.target.code + tl - 3, "OPP", 4);
                    /* ... of the police's own country, when the text did not say */
                    if (tg && tg->inferred_country && sl == 6 && tl == 6) memcpy(out_event.target.code, out_event.source.code, 3);
                }
                /* "armored vehicles blocked roads": armed men who block roads
                 * restrict movement (191); protesters who do obstruct (144) */
                if (strcmp(out_event.cameo->code, "144") == 0 &&
                    code_role_in(out_event.source.code, (const char *const[]){ "MIL", "COP", "REB", "INS", NULL })) {
                    const lex_code_info *blockade = lex_code(s->dict, "191");
                    if (blockade) out_event.cameo = blockade;
                }
                /* "refugees entered Poland": only the armed take a place they enter */
                if (strcmp(ev->pattern->text, "take <place>") == 0 && strlen(out_event.source.code) == 6 &&
                    !code_role_in(out_event.source.code, (const char *const[]){ "MIL", "REB", "INS", "UAF", "GOV", NULL }))
                    continue;
                /* "Protesters attacked the embassies": a crowd's force is a riot (145) */
                if ((str_same(out_event.cameo->code, "190") || str_same(out_event.cameo->code, "193")) &&
                    sources[a]->kind == MENTION_AGENT && strlen(out_event.source.code) == 6 &&
                    code_role_in(out_event.source.code, (const char *const[]){ "OPP", "CVL", NULL })) {
                    const lex_code_info *riot = lex_code(s->dict, "145");
                    if (riot) {
                        out_event.cameo = riot;
                        rule_extra = arena_printf(s->a, "%s; a crowd's force -> 145", rule_extra);
                    }
                }
                /* "the army marched into the city": armed forces on the move do
                 * not demonstrate */
                if (strncmp(out_event.cameo->code, "14", 2) == 0 && code_is_state(out_event.source.code) &&
                    code_role_in(out_event.source.code, (const char *const[]){ "MIL", "COP", NULL }))
                    continue;
                /* "seized a priest and a dozen worshippers": people seized are
                 * taken hostage by an armed group, detained by a state */
                /* (and fighters taken, as the noun phrase's last word: "captured
                 * 30 Russian soldiers", "captured its pilot"; not "captured rebel
                 * positions", where the fighters only describe a place) */
                bool fighters_taken = tg && in_sentence(s, tg) && tg->kind == MENTION_AGENT && strlen(tg->code) == 6 &&
                                      tg->first > ev->last && !is(s, tg->first - 1, "from") &&
                                      !(tg->first >= 2 && is(s, tg->first - 2, "from")) &&
                                      code_role_in(tg->code, (const char *const[]){ "MIL", "REB", "INS", "COP", "UAF", NULL }) &&
                                      (tg->last + 1 >= s->n || (s->tokens[tg->last + 1].flags & TEXT_PUNCT) ||
                                       is_any(s, tg->last + 1, prepositions) || is(s, tg->last + 1, "and") ||
                                       (s->tokens[tg->last + 1].flags & TEXT_NUMBER));
                if (strcmp(out_event.cameo->code, "192") == 0 && tg && in_sentence(s, tg) &&
                    (tg->kind == MENTION_PERSON || fighters_taken ||
                     (tg->kind == MENTION_AGENT && strlen(tg->code) == 6 &&
                      (strcmp(tg->code + 3, "CVL") == 0 || strcmp(tg->code + 3, "REL") == 0 || strcmp(tg->code + 3, "EDU") == 0 ||
                       strcmp(tg->code + 3, "LAB") == 0 || strcmp(tg->code + 3, "OPP") == 0)))) {
                    const char *r = out_event.source.code + 3;
                    bool state = code_is_state(out_event.source.code) &&
                                 (strlen(out_event.source.code) == 3 || strncmp(r, "GOV", 3) == 0 || strncmp(r, "MIL", 3) == 0 ||
                                  strncmp(r, "COP", 3) == 0 || strncmp(r, "SPY", 3) == 0);
                    const lex_code_info *taken = lex_code(s->dict, state ? "173" : "181");
                    if (taken) {
                        out_event.cameo = taken;
                        /* the territory rule above made the target its country: the people again */
                        actor_of(tg, &out_event.target);
                    }
                }
                out_event.attribution = speaker_words(s, speaker);
                out_event.negated = ev->negated;
                out_event.verb_start = s->tokens[ev->head].start;
                out_event.verb_end = s->tokens[ev->last].end;
                const lex_pattern *pattern = ev->pattern;
                const char *rule = pattern->rule ? pattern->rule
                                                 : arena_concat(s->a, 7, pattern->noun_head && pattern->text[0] != '~' ? "~" : "",
                                                                pattern->text, " = ", pattern->code, " (", pattern->source, ")");
                /* (most events are the pattern's rule alone, and share its text) */
                out_event.rule = !ev->passive && !rule_extra[0] ? rule : arena_concat(s->a, 3, rule, ev->passive ? "; passive" : "", rule_extra);
                if (s->options->explain) {
                    out_event.explanation = arena_printf(
                        s->a, "verb \"%s\" matched \"%s\"; source \"%s\" = %s (%s)%s%s%s%s; date %s%s",
                        code_slice(s, ev->head, ev->last, NULL, NULL), ev->pattern->text, sources[a]->text, sources[a]->code,
                        sources[a]->how ? sources[a]->how : "",
                        tg ? arena_printf(s->a, "; target \"%s\" = %s (%s)", tg->text, tg->code, tg->how ? tg->how : "") : "; no target",
                        ev->negated ? "; negated" : "", ev->modal ? arena_printf(s->a, "; modal \"%s\"", ev->modal) : "",
                        speaker ? arena_printf(s->a, "; said by \"%s\"", speaker->text) : "",
                        dating_explained(s, &(dating){ date, precision, date_words, date_note }), "");
                }
                /* the paragraph's place, for a deed (not words: "Brawner spoke in
                 * Manila. China had rammed a boat at the shoal") that shares an
                 * actor with the deed placed there and has a side at home there
                 * (the storming of an embassy in Tehran does not place a Houthi
                 * strike on Saudi Arabia); judged on the actors as settled */
                if (!where && !frame && carried && info->quad_class == 4 && at_home(carried, &out_event)) {
                    const char *const *was = (const char *const[]){ s->memory->frame_actors[0], s->memory->frame_actors[1] };
                    if (same_people(out_event.source.code, was[0]) || same_people(out_event.source.code, was[1]) ||
                        (out_event.has_target && (same_people(out_event.target.code, was[0]) || same_people(out_event.target.code, was[1])))) {
                        out_event.has_place = true;
                        out_event.place = *carried;
                    }
                }
                size_t before = out->count;
                size_t count_before = out->count;
                push_event(out, s->a, &out_event);
                if (out->count > count_before && !out_event.has_target &&
                    (strcmp(out_event.cameo->code, "045") == 0 || defer_other) &&
                    s->memory->deferred_count < sizeof s->memory->deferred / sizeof s->memory->deferred[0]) {
                    s->memory->deferred[s->memory->deferred_count].at = out->count - 1;
                    s->memory->deferred[s->memory->deferred_count++].other = strcmp(out_event.cameo->code, "045") != 0;
                }
                if (out->count > before) { s->memory->last_event = before; s->memory->has_last_event = true; }
                /* "Iraq and Oman hosted talks between the two sides", "talks
                 * mediated by the AU": the two sides negotiated too (046) */
                if (a == 0 && b == 0 && nt == 2 && strcmp(info->code, "045") == 0 && !ev->intent && !ev->negated &&
                    (strstr(ev->pattern->text, "talks") || strstr(ev->pattern->text, "negotiat")) &&
                    strcmp(targets[0]->code, targets[1]->code) != 0) {
                    const lex_code_info *negotiate = lex_code(s->dict, "046");
                    for (int x = 0; negotiate && x < 2; x++) {
                        code_event talks = out_event;
                        actor_of(targets[x], &talks.source);
                        state_role(&talks.source, targets[x], negotiate, true);
                        actor_of(targets[1 - x], &talks.target);
                        state_role(&talks.target, targets[1 - x], negotiate, false);
                        talks.has_target = true;
                        talks.cameo = negotiate;
                        talks.has_casualties = false;
                        talks.rule = arena_concat(s->a, 2, out_event.rule, "; the two sides of the talks negotiated (046)");
                        if (out_event.explanation)
                            talks.explanation = arena_printf(s->a, "%s; the talks were between \"%s\" = %s and \"%s\" = %s",
                                                             out_event.explanation, targets[x]->text, targets[x]->code,
                                                             targets[1 - x]->text, targets[1 - x]->code);
                        push_event(out, s->a, &talks);
                    }
                }
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
                } else if (b == 0 && !ev->negated && !ev->intent && strncmp(info->code, "11", 2) == 0 && tg) {
                    /* each of several accusers is remembered ("Saudi Arabia and Bahrain accused Qatar") */
                    note_accusation(s->memory, sources[a], tg->code);
                }

                /* reported conflict by another actor: the speaker accuses */
                /* an accusation is against another side: a deed of the speaker's own
                 * country ("India said its aircraft shot down a Pakistani jet",
                 * "Deby said his army drove the militants out") accuses no one
                 * unless it was done to the speaker's side ("Kanunu said Haftar's
                 * forces violated the cease-fire" against his government) */
                const mention *doer = sources[a];
                /* the speaker's own country's forces, police or people, not a
                 * movement or leader of its own ("Haftar's forces") */
                bool own_side = speaker && code_is_state(speaker->code) && code_is_state(out_event.source.code) &&
                                strncmp(speaker->code, out_event.source.code, 3) == 0 &&
                                (doer->kind == MENTION_AGENT || doer->kind == MENTION_COUNTRY) &&
                                !(doer->how && strcmp(doer->how, "possessive + agent") == 0) &&
                                /* (rebels, insurgents and gunmen of the speaker's country are no side of his) */
                                !(strlen(out_event.source.code) >= 6 &&
                                  (strncmp(out_event.source.code + 3, "REB", 3) == 0 || strncmp(out_event.source.code + 3, "INS", 3) == 0 ||
                                   strncmp(out_event.source.code + 3, "UAF", 3) == 0 || strncmp(out_event.source.code + 3, "CRM", 3) == 0));
                /* done to the speaker, his government or his country's land and people */
                /* "Azerbaijan said its forces had captured villages": the
                 * speaker's own forces, whatever they did, are no accusation */
                bool speakers_own = own_side && doer->how && strcmp(doer->how, "possessive pronoun") == 0;
                bool against_speaker = !speakers_own && speaker && out_event.has_target &&
                                       strncmp(out_event.target.code, speaker->code, 3) == 0 &&
                                       (strcmp(out_event.target.code, speaker->code) == 0 || strlen(out_event.target.code) == 3 ||
                                        strcmp(out_event.target.code + 3, "GOV") == 0 || strcmp(out_event.target.code + 3, "CVL") == 0);
                /* a deed only named inside what is said is not what is told of
                 * it: "said it had provided air support to the Chadian offensive",
                 * "agreements with French forces fighting Islamist militants" */
                bool named_only = false;
                if (ev->pattern->noun_head) {
                    for (size_t k = ev->head; k > 0 && ev->head - k < 4 && !named_only; k--) {
                        if (is_any(s, k - 1, prepositions)) named_only = true;
                        else if (s->is_head[k - 1] && s->mention_at[k - 1] < 0) break;
                    }
                } else if (strlen(s->words[ev->head]) > 4 && strcmp(s->words[ev->head] + strlen(s->words[ev->head]) - 3, "ing") == 0 &&
                           ev->head > 0 && s->mention_at[ev->head - 1] >= 0 &&
                           s->mentions[s->mention_at[ev->head - 1]].prepositional) {
                    named_only = true;
                }
                if (speaker && a == 0 && b == 0 && info->quad_class == 4 && strncmp(info->code, "15", 2) != 0 && !named_only &&
                    strncmp(info->code, "16", 2) != 0 && !ev->intent && !ev->negated &&
                    strcmp(speaker->code, sources[a]->code) != 0 && code_speaker_is_party(speaker) && !sourcing &&
                    (!own_side || against_speaker)) {
                    const lex_code_info *accuse = lex_code(s->dict, "112");
                    /* (each member of a list that speaks together accuses:
                     * "France, Germany, Britain and Italy said") */
                    const mention *accusers[8];
                    size_t na = 0;
                    if (speaker->compound >= 0 && in_sentence(s, speaker))
                        for (size_t m = 0; m < s->mention_count && na < 8; m++) {
                            const mention *x = &s->mentions[m];
                            if (x->compound == speaker->compound && strcmp(x->code, sources[a]->code) != 0 && code_speaker_is_party(x))
                                accusers[na++] = x;
                        }
                    if (na == 0) accusers[na++] = speaker;
                    for (size_t q = 0; accuse && q < na; q++) {
                        const mention *accuser = accusers[q];
                        code_event acc = out_event;
                        actor_of(accuser, &acc.source);
                        state_role(&acc.source, accuser, accuse, true);   /* "Nigeria said": its government */
                        actor_of(sources[a], &acc.target);
                        acc.has_target = true;
                        acc.cameo = accuse;
                        acc.has_casualties = false;   /* the toll is the deed's, not the accusation's */
                        acc.attribution = speaker_words(s, speaker);
                        /* the accusation is made when the speaker speaks */
                        dating when = report_date(s, &reports[speaker_report], speaker_report, dates, date_count, anchor_of,
                                                  story_date);
                        acc.date = when.days;
                        acc.date_precision = when.precision;
                        acc.date_evidence = when.words;
                        /* the accusation is made where the speaker speaks: "said in Ankara" */
                        acc.has_place = s->memory->has_dateline;
                        if (acc.has_place) acc.place = s->memory->dateline;
                        for (size_t p = 0; p < place_count; p++)
                            if ((int)s->clause[places_found[p].first] == speaker_clause && !places_found[p].topic &&
                                !places_found[p].actor_object) {
                                acc.has_place = true;
                                acc.place = places_found[p].place;
                                break;
                            }
                        acc.rule = arena_printf(s->a, "reported conflict: speaker accuses the actor (%s)", out_event.rule);
                        note_accusation(s->memory, accuser, sources[a]->code);
                        if (s->options->explain)
                            acc.explanation = arena_printf(s->a, "\"%s\" reports a conflict event by \"%s\": coded as an accusation; date %s",
                                                           speaker->text, sources[a]->text, dating_explained(s, &when));
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
        dating when = report_date(s, &reports[r], (int)r, dates, date_count, anchor_of, story_date);
        e.date = when.days;
        e.date_precision = when.precision;
        e.date_evidence = when.words;
        actor_of(sp, &e.source);
        state_role(&e.source, sp, reports[r].code, true);
        const mention *tg = NULL;
        size_t k = reports[r].verb;
        while (k < s->n && s->tag[k] == TAG_REPORT) k++;
        if (strcmp(reports[r].code->code, "016") == 0) {
            tg = accuser_of(s->memory, sp->code);
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
            e.explanation = arena_printf(s->a, "\"%s\" %s; date %s", sp->text, e.rule, dating_explained(s, &when));
        push_event(out, s->a, &e);
        if (strncmp(reports[r].code->code, "11", 2) == 0) note_accusation(s->memory, sp, tg ? tg->code : NULL);
    }
    return own_date;
}

/* "Canada, Brazil and Peru quickly followed", "Britain followed suit",
 * "France did the same": the last event again, with these actors. */
void code_repeat_for_ellipsis(sentence_state *s, size_t sentence_index, const text_sentence *ts,
                                const date_expression *dates, size_t date_count, code_result *out)
{
    if (!s->memory->has_last_event || s->memory->last_event >= out->count) return;
    size_t head = s->n;
    for (size_t i = 1; i < s->n && head == s->n; i++) {
        if (is(s, i, "followed") || is(s, i, "follow")) {
            bool end = i + 1 >= s->n || (s->cls[i + 1] & WORD_STOP) || is(s, i + 1, "on") || is(s, i + 1, "later") ||
                       is(s, i + 1, "hours") || is(s, i + 1, "days") || is(s, i + 1, "shortly") || is(s, i + 1, "soon");
            if (is(s, i + 1, "suit") || end) head = i;
        }
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


/* Mediation coded before the story had named its sides gets them once the
 * whole article is read: the two parties it names most, other than the
 * mediator ("talks hosted by Russia and Turkey" in a story about Libya's
 * government and Haftar's forces); so does a side's act towards the other
 * side with no one named ("RENAMO agreed to lay down its arms" in the
 * lead), when its doer is one of the two. */
void code_resolve_deferred(memory *mem, code_result *out, arena *a)
{
    mention sides[2];
    if (!mem->deferred_count || !code_most_named(mem, 2, sides)) return;
    for (size_t d = mem->deferred_count; d > 0; d--) {
        size_t i = mem->deferred[d - 1].at;
        if (i >= out->count || out->events[i].has_target) continue;
        const code_event original = out->events[i];
        code_event copy = original;
        size_t placed = 0;
        if (mem->deferred[d - 1].other) {
            /* a side's act with no one named: towards the other side */
            int k = side_of(sides, original.source.code);
            if (k < 0) continue;
            code_event *e = &out->events[i];
            memset(&e->target, 0, sizeof e->target);
            code_copy_text(e->target.code, sizeof e->target.code, sides[1 - k].code);
            if (strlen(e->target.code) == 3 && code_is_state(e->target.code))
                code_copy_text(e->target.code + 3, sizeof e->target.code - 3, "GOV");
            e->target.text = sides[1 - k].text;
            e->has_target = true;
            e->rule = arena_printf(a, "%s; target: the other side the article names most (settled at its end)", original.rule);
            if (original.explanation)
                e->explanation = arena_printf(a, "%s; target \"%s\" = %s (the other side the article names most, settled at its end)",
                                              original.explanation, sides[1 - k].text ? sides[1 - k].text : "", e->target.code);
            continue;
        }
        for (int k = 0; k < 2; k++) {
            if (code_same_camp(sides[k].code, original.source.code)) continue;
            code_event *e = placed == 0 ? &out->events[i] : &copy;
            memset(&e->target, 0, sizeof e->target);
            code_copy_text(e->target.code, sizeof e->target.code, sides[k].code);
            if (strlen(e->target.code) == 3 && code_is_state(e->target.code))
                code_copy_text(e->target.code + 3, sizeof e->target.code - 3, "GOV");
            e->target.text = sides[k].text;
            e->has_target = true;
            e->rule = arena_printf(a, "%s; target: a side the article names most (settled at its end)", original.rule);
            if (original.explanation)
                e->explanation = arena_printf(a, "%s; target \"%s\" = %s (a side the article names most, settled at its end)",
                                              original.explanation, sides[k].text ? sides[k].text : "", e->target.code);
            placed++;
        }
        if (placed < 2) continue;
        /* the second side goes right after the first */
        if (out->count == out->capacity) {
            size_t cap = out->capacity ? out->capacity * 2 : 32;
            code_event *events = arena_alloc_raw(a, cap * sizeof *events);
            memcpy(events, out->events, out->count * sizeof *events);
            out->events = events;
            out->capacity = cap;
        }
        memmove(out->events + i + 2, out->events + i + 1, (out->count - i - 1) * sizeof *out->events);
        out->events[i + 1] = copy;
        out->count++;
    }
}
