/* events: step 4 of the coder.  Each verb-pattern head that matches finds
 * its source and target by position (clause subject, pattern slot, "by"
 * agent of a passive), then negation, modality and complements apply. */
#include "internal.h"
#include "../lex/places.h"

#include <stdio.h>
#include <stdlib.h>

typedef struct match_result {
    const lex_pattern *pattern;
    size_t last;            /* last token matched */
    size_t slot_first;      /* where the slot region starts (token after the word before `_`) */
    bool   has_slot_region;
    size_t slot_end;        /* token of the word after `_` (exclusive bound), or n */
    size_t first_literal;   /* token of the first pattern word after the head, or 0 when none */
} match_result;

/* "exercises" for "exercise", "militias" for "militia", "parties" for "party" */
static bool is_plural_of(const char *word, const char *singular)
{
    if (word[0] != singular[0]) return false;
    size_t n = strlen(singular), w = strlen(word);
    if (w == n + 1 && word[n] == 's' && strncmp(word, singular, n) == 0) return true;
    if (w == n + 2 && strncmp(word, singular, n) == 0 && strcmp(word + n, "es") == 0) return true;
    if (n > 1 && singular[n - 1] == 'y' && w == n + 2 && strncmp(word, singular, n - 1) == 0 && strcmp(word + n - 1, "ies") == 0)
        return true;
    return false;
}

/* A pattern word matches its other number: "hold elections" matches "hold a
 * new election", "release prisoner" matches "released prisoners".  Words of
 * one or two letters never vary ("as" is not the plural of "a"). */
static bool same_word_other_number(const char *word, const char *pattern_word)
{
    if (word[0] != pattern_word[0] || !word[1] || !word[2] || !pattern_word[1] || !pattern_word[2]) return false;
    return is_plural_of(word, pattern_word) || is_plural_of(pattern_word, word);
}

static bool match_pattern(sentence_state *s, size_t head, const lex_pattern *p, match_result *r)
{
    size_t pos = head;
    uint16_t clause = s->clause[head];
    r->pattern = p;
    r->has_slot_region = false;
    r->slot_end = s->n;
    r->first_literal = 0;
    for (size_t w = 0; w < p->word_count; w++) {
        if ((int)w == p->slot_index) {
            r->has_slot_region = true;
            r->slot_first = pos + 1;
            /* the slot holds a mention: the next word may be further away */
            continue;
        }
        bool after_slot = w > 0 && (int)w - 1 == p->slot_index;
        size_t gap = after_slot ? 12 : PATTERN_GAP;
        uint32_t want = p->word_hashes[w];
        size_t found = 0;
        bool ok = false;
        for (size_t k = pos + 1; k < s->n && k <= pos + 1 + gap; k++) {
            /* ("called the move \"unjustified\"": a quote opened after the slot goes on) */
            if (s->clause[k] != clause && !(s->tokens[k].flags & TEXT_QUOTE) &&
                !(after_slot && k > pos + 1 && (s->tokens[k - 1].flags & TEXT_QUOTE)))
                break;
            /* a count does not widen the distance: "fired more than a dozen
             * ballistic missiles", "freed at least 300 prisoners" */
            if (gap < 10 && ((s->cls[k] & WORD_QUANTITY) || (s->tokens[k].flags & TEXT_NUMBER))) gap++;
            /* words compare by hash first: most candidates differ there */
            if ((s->hash[k] == want && strcmp(s->words[k], p->words[w]) == 0) ||
                (s->words[k][0] == p->words[w][0] && ((p->noun_head && is_plural_of(s->words[k], p->words[w])) ||
                                                      same_word_other_number(s->words[k], p->words[w])))) {
                /* "send troops to help it": a word after a skipped "to" is the
                 * verb of a purpose, not the pattern's noun ("send help") */
                if (!after_slot && k > pos + 2 && is(s, k - 1, "to") && s->mention_at[k - 2] >= 0 &&
                    !(w > 0 && strcmp(p->words[w - 1], "to") == 0))
                    break;
                /* "called Zelenskiy on Monday" is no "call on": a particle
                 * of the head's own verb has no actor before it */
                static const char *const particles[] = { "on", "off", "up", "out", "down", "back", "over", NULL };
                if (w == 0 && (int)w != p->slot_index && k > pos + 1 && is_any(s, k, particles)) {
                    bool named = false;
                    for (size_t q = pos + 1; q < k && !named; q++) named = s->mention_at[q] >= 0;
                    if (named) break;
                }
                found = k;
                ok = true;
                break;
            }
            /* an apposition after the slot's actor is passed over: "ordered
             * the French ambassador, Joel Meyer, to leave", "asked the CSTO, a
             * Moscow-led alliance, for help" */
            if (after_slot && is(s, k, ",") && k > 0 && s->mention_at[k - 1] >= 0 && k + 2 < s->n &&
                (word_is_capitalized(s, k + 1) || is(s, k + 1, "a") || is(s, k + 1, "an") || is(s, k + 1, "the"))) {
                size_t close = 0;
                for (size_t q = k + 1; q < s->n && q < k + 8; q++) {
                    if (is(s, q, ",")) { close = q; break; }
                    if ((s->tokens[q].flags & TEXT_PUNCT) && !(s->tokens[q].flags & TEXT_HYPHEN_NEXT) && !is(s, q, "-")) break;
                    if (is(s, q, "and") || is(s, q, "who") || is(s, q, "which") || is(s, q, "but") || s->tag[q] == TAG_REPORT ||
                        (s->is_head[q] && s->mention_at[q] < 0 && !word_is_capitalized(s, q) &&
                         !(s->tokens[q - 1].flags & TEXT_HYPHEN_NEXT)))   /* ("Moscow-led") */
                        break;
                }
                if (close > k + 1) { k = close; continue; }
            }
            /* a comma or a full stop ends the phrase, and so does "between",
             * whose pair is no object: "killed in clashes between
             * demonstrators and police" */
            if ((s->cls[k] & WORD_STOP) || is(s, k, "between")) break;
            /* (and a second complement: "agreed to a ceasefire and to pull
             * back troops" is no "agree to pull back" over the first) */
            if (!after_slot && k + 1 < s->n && is(s, k, "and") && is(s, k + 1, "to") && (int)w != p->slot_index) break;
            /* a noun's phrase ends at the sentence's verb: "An Israeli air
             * strike killed three Palestinians on Tuesday" is no "air strike on" */
            /* (and any pattern's gap at a verb joined by "and": "before leaving and
             * asked for weapons" is no "leave for") */
            if ((p->noun_head || is(s, k - 1, "and")) && s->is_head[k] && !after_slot) {
                size_t wl = strlen(s->words[k]);
                if (wl > 4 && strcmp(s->words[k] + wl - 2, "ed") == 0 && !is_any(s, k - 1, determiners)) break;
            }
        }
        if (!ok) return false;
        if (after_slot) r->slot_end = found;
        if (!r->first_literal) r->first_literal = found;
        pos = found;
    }
    /* "in a phone call on Sunday", "an attack on Monday": "on" before a
     * day or month names no one */
    if (p->word_count && strcmp(p->words[p->word_count - 1], "on") == 0 && pos + 1 < s->n &&
        date_is_month_or_weekday(s->words[pos + 1]))
        return false;
    /* "asked for weapons to fight the militants": a pattern ending in "to"
     * before a verb is a purpose, not a recipient ("arms to the rebels") */
    if (p->noun_head && p->word_count && strcmp(p->words[p->word_count - 1], "to") == 0 && pos + 1 < s->n && s->is_head[pos + 1] &&
        s->mention_at[pos + 1] < 0 && !word_is_capitalized(s, pos + 1) && !is_any(s, pos + 1, determiners))
        return false;
    r->last = pos;
    return true;
}

/* Is the verb form at head used as a noun?  "the attack", "its fighting",
 * "a French demand", "during raids", "Russian airstrikes". */
static bool noun_usage(const sentence_state *s, size_t head, uint8_t forms)
{
    if (head == 0) return false;
    size_t b = head - 1;
    /* a 'welcome' first step: the quotation mark is no word */
    if ((s->tokens[b].flags & TEXT_QUOTE) && b > 0) b--;
    /* ("Armenia and Azerbaijan each blamed the other", "both said": a
     * floating quantifier after its subject, before a verb in the past) */
    bool floating = (is(s, b, "each") || is(s, b, "both") || is(s, b, "all")) && b > 0 && s->mention_at[b - 1] >= 0 &&
                    (forms & (LEX_FORM_PAST | LEX_FORM_THIRD));
    if ((is_any(s, b, determiners) && !floating) || (s->tokens[b].flags & TEXT_POSSESSIVE)) return true;
    if (s->mention_at[b] >= 0 && s->mentions[s->mention_at[b]].adjectival) return true;
    if (s->mention_at[b] >= 0 && s->mentions[s->mention_at[b]].modifier) return true;
    /* "the U.S. killing of Soleimani", "the Saudi Arabia bombing of ...": a
     * country named between a determiner and an -ing form modifies it, a
     * noun, as an adjective would; the country is no subject of a verb */
    if (s->mention_at[b] >= 0 && (forms & LEX_FORM_GERUND)) {
        const mention *m = &s->mentions[s->mention_at[b]];
        if (m->kind == MENTION_COUNTRY && m->first > 0 && is_any(s, m->first - 1, determiners)) return true;
    }
    if (is_any(s, b, prepositions) && !is(s, b, "to") && !(forms & LEX_FORM_GERUND)) return true;
    /* "five weeks of fighting", "days of shelling": a span of time of it */
    if (is(s, b, "of") && b > 0) {
        static const char *const spans[] = { "hours", "days", "weeks", "months", "years", "nights", "decades", NULL };
        if (is_any(s, b - 1, spans)) return true;
    }
    if (b > 0 && is_any(s, b - 1, determiners) && s->tag[b] == TAG_NONE && !s->is_head[b] && !(s->tokens[b].flags & TEXT_PUNCT) &&
        !be_word(s, b) && !(forms & (LEX_FORM_PAST | LEX_FORM_THIRD)))
        return true;   /* "a major offensive", "the fierce fighting" */
    /* "turned to Russia for military support", "with financial aid": a
     * preposition and an adjective before it */
    if (b > 0 && is_any(s, b - 1, prepositions) && !is(s, b - 1, "to") && (s->tag[b] == TAG_NONE || s->tag[b] == TAG_AGENT) &&
        !s->is_head[b] &&
        !(s->tokens[b].flags & (TEXT_PUNCT | TEXT_CAPITALIZED | TEXT_NUMBER)) && !be_word(s, b) && !(s->cls[b] & WORD_STOP) &&
        !(forms & (LEX_FORM_PAST | LEX_FORM_THIRD | LEX_FORM_GERUND)))
        return true;
    /* "amounted to support for terrorism": "to" and a bare form with "for"
     * after it is a noun, no infinitive */
    if (is(s, b, "to") && is(s, head + 1, "for") && !(forms & (LEX_FORM_PAST | LEX_FORM_THIRD | LEX_FORM_GERUND)) && b > 0 &&
        !s->is_head[b - 1] && s->tag[b - 1] != TAG_MODAL)
        return true;
    /* "the first direct talks", "the new peace talks": a plural after a
     * determiner and words that are not actors or verbs */
    if ((forms & LEX_FORM_THIRD) && !(forms & LEX_FORM_PAST)) {
        for (size_t k = head, words = 0; k > 0 && words < 3; k--, words++) {
            size_t w = k - 1;
            if (is_any(s, w, determiners) || (s->tokens[w].flags & TEXT_POSSESSIVE)) return words > 0;
            if (s->tag[w] != TAG_NONE || s->is_head[w] || s->mention_at[w] >= 0 || (s->tokens[w].flags & TEXT_PUNCT) ||
                be_word(s, w) || word_is_capitalized(s, w))
                return false;
        }
    }
    return false;
}

/* A word that is a noun or a verb ("talks", "strikes") is a noun where a
 * verb cannot be: first in a sentence with no subject before it ("Talks
 * began in 2012"), or before "between" ("talks between A and B"). */
static bool noun_by_position(const sentence_state *s, size_t head)
{
    if (is(s, head + 1, "between")) return true;
    size_t k = 0;
    while (k < head && (s->dateline[k] || (s->tokens[k].flags & TEXT_PUNCT))) k++;
    return k == head && word_is_capitalized(s, head);
}

/* A future said after a noun event: "talks between A and B are due to
 * begin", "negotiations will resume next week".  The modal phrase, or NULL. */
static const char *modal_after(const sentence_state *s, size_t from, size_t head)
{
    static const char *const starts[] = { "begin", "start", "resume", "open", "reopen", "take", "be", "get",
                                          "convene", "continue", "restart", NULL };
    for (size_t k = from; k < s->n && k < from + 12 && s->clause[k] == s->clause[head]; k++) {
        if (s->cls[k] & WORD_STOP) return NULL;
        if (s->tag[k] == TAG_MODAL) {
            const lex_entry *e = s->tag_entry[k];
            if (!e || strcmp(e->value, "intent") != 0) return NULL;
            size_t q = k;
            while (q + 1 < s->n && s->tag[q + 1] == TAG_MODAL && s->tag_entry[q + 1] == e) q++;
            return is_any(s, q + 1, starts) ? e->phrase : NULL;
        }
        /* another verb ends the noun's phrase; "talks on a cease-fire" does not */
        if (s->is_head[k] && !s->consumed[k] && s->mention_at[k] < 0 && !is_any(s, k - 1, determiners) &&
            !is_any(s, k - 1, prepositions) && !(s->tokens[k - 1].flags & TEXT_HYPHEN_NEXT))
            return NULL;
    }
    return NULL;
}

/* "the first direct talks with Ukraine": a third-person form that is also
 * a plural noun, after an adjective that follows a determiner, a number or
 * a preposition, is the noun (a verb there would want a subject). */
static bool noun_after_adjective(const sentence_state *s, size_t head, const lex_head_pattern *heads, size_t hc)
{
    bool plural = false;
    for (size_t q = 0; q < hc && !plural; q++) plural = heads[q].pattern->noun_head && (heads[q].forms & (LEX_FORM_PLURAL | LEX_FORM_NOUN));
    if (!plural || head < 2) return false;
    size_t b = head - 1;
    if (s->tag[b] != TAG_NONE || s->mention_at[b] >= 0 || (s->tokens[b].flags & TEXT_PUNCT) ||
        word_is_capitalized(s, b) || is_any(s, b, determiners) || is_any(s, b, prepositions) || be_word(s, b) ||
        is(s, b, "who") || is(s, b, "which") || is(s, b, "that") || is(s, b, "also") || is(s, b, "still") ||
        is(s, b, "now") || is(s, b, "often") || is(s, b, "never") || is(s, b, "then") || is(s, b, "and") || is(s, b, "or"))
        return false;
    size_t len = strlen(s->words[b]);
    if (len > 2 && strcmp(s->words[b] + len - 2, "ly") == 0) return false;   /* "regularly talks" */
    /* the adjective follows a determiner or a number: "the first direct talks", "two rounds" */
    for (size_t k = b; k > 0 && b - k < 3; k--)
        if (is_any(s, k - 1, determiners) || (s->tokens[k - 1].flags & TEXT_NUMBER) || is_any(s, k - 1, prepositions))
            return true;
    return false;
}

/* Does the truce noun's own verb say what became of it ("a truce between
 * A and B held", "broke down", "collapsed")? */
static bool truce_outcome_after(const sentence_state *s, size_t from, size_t head)
{
    static const char *const outcomes[] = { "held", "holds", "holding", "broke", "collapsed", "collapses", "expired",
                                            "expires", "ended", "faltered", "frayed", "crumbled", "unravelled",
                                            "unraveled", NULL };
    for (size_t k = from; k < s->n && k < from + 14 && s->clause[k] == s->clause[head]; k++) {
        if (s->cls[k] & WORD_STOP) return false;
        if (is_any(s, k, outcomes)) return true;
        if (s->is_head[k] && !s->consumed[k] && s->mention_at[k] < 0 && !is_any(s, k - 1, determiners) &&
            !is_any(s, k - 1, prepositions) && !(s->tokens[k - 1].flags & TEXT_HYPHEN_NEXT))
            return false;
    }
    return false;
}

static bool is_passive(const sentence_state *s, size_t head, uint8_t forms)
{
    if (!(forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST))) return false;
    for (size_t k = head, steps = 0; k > 0 && steps < 4; k--, steps++) {
        const char *w = s->words[k - 1];
        if (be_word(s, k - 1)) return true;
        if (s->tag[k - 1] == TAG_NEGATION || str_same(w, "reportedly") || str_same(w, "also") ||
            str_same(w, "allegedly") || str_same(w, "repeatedly") || str_same(w, "being") ||
            str_same(w, "been") || str_same(w, "later") || str_same(w, "reported"))
            continue;
        break;
    }
    return false;
}

/* A noun that names an event: "attack", "offensive", "strikes". */
static bool event_noun(const sentence_state *s, size_t k)
{
    if (!s->is_head[k]) return false;
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[k], &hc);
    for (size_t q = 0; q < hc; q++)
        if (heads[q].forms & (LEX_FORM_NOUN | LEX_FORM_PLURAL)) return true;
    return false;
}

/* The word before a mention starting at first, past its determiners, no
 * further back than from; SIZE_MAX when the mention starts at from. */
static size_t word_before(const sentence_state *s, size_t first, size_t from)
{
    if (first <= from) return SIZE_MAX;
    size_t k = first - 1;
    while (k > from && is_any(s, k, determiners)) k--;
    return k;
}

static int mention_after(const sentence_state *s, size_t from, size_t limit, bool allow_place_at, size_t place_ok_at,
                         int exclude_group, int exclude)
{
    if (from >= s->n) return -1;
    /* the object stands near its verb: not past a comma, a relative
     * pronoun or another verb, and not far away */
    for (size_t k = from; k < limit && k < s->n; k++) {
        /* "struck what New Delhi called a camp": the object goes on past "called" */
        if (s->is_head[k] && k >= 2 && s->mention_at[k - 1] >= 0 && s->mentions[s->mention_at[k - 1]].first > 0 &&
            is(s, s->mentions[s->mention_at[k - 1]].first - 1, "what"))
            continue;
        if (k >= from + 12 || is(s, k, ",") || is(s, k, ";") || is(s, k, "which") || is(s, k, "who") ||
            (is(s, k, "that") && k > from) ||
            /* "resigned and dissolved parliament": the next verb's object */
            (is(s, k, "and") && k + 1 < s->n && s->is_head[k + 1] && s->mention_at[k + 1] < 0 &&
             (s->tokens[k + 1].flags & TEXT_WORD) && !word_is_capitalized(s, k + 1) &&
             (strlen(s->words[k + 1]) > 3 && strcmp(s->words[k + 1] + strlen(s->words[k + 1]) - 2, "ed") == 0)) ||
            (s->is_head[k] && !s->consumed[k] && s->mention_at[k] < 0 && k > from + 1 && !is_any(s, k - 1, determiners) &&
             !is_any(s, k - 1, prepositions) && !(s->tokens[k - 1].flags & TEXT_POSSESSIVE))) {
            limit = k;
            break;
        }
    }
    uint16_t c = s->clause[from > 0 ? from - 1 : 0];
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->first < from) continue;
        if (x->first >= limit) break;
        if (s->clause[x->first] != c && !(s->tokens[from > 0 ? from - 1 : 0].flags & TEXT_QUOTE)) break;
        if ((int)m == exclude || (exclude_group >= 0 && x->compound == exclude_group)) continue;
        /* a weapon is no target unless someone's: "shot down an Indian jet" is India's military */
        if (!x->code[0] || x->modifier || (x->weapon && x->inferred_country)) continue;
        /* "struck what New Delhi called a training camp": the speaker of
         * "what X called" is not the object */
        if (x->first > from && is(s, x->first - 1, "what") && x->last + 1 < s->n &&
            (is(s, x->last + 1, "called") || is(s, x->last + 1, "described") || is(s, x->last + 1, "said") ||
             is(s, x->last + 1, "termed") || is(s, x->last + 1, "calls") || is(s, x->last + 1, "describes")))
            continue;
        /* "recalled its ambassador to Turkey": the source's own people are not the target */
        /* (or of one of a compound source's members: "Britain and the United
         * States urged their citizens") */
        bool own = exclude >= 0 && x->how && strcmp(x->how, "possessive pronoun") == 0 &&
                   strncmp(x->code, s->mentions[exclude].code, 3) == 0;
        for (size_t q = 0; !own && exclude_group >= 0 && x->how && strcmp(x->how, "possessive pronoun") == 0 && q < s->mention_count; q++)
            own = s->mentions[q].compound == exclude_group && strncmp(x->code, s->mentions[q].code, 3) == 0;
        if (own) {
            /* ("urged its citizens to leave Sudan": what one's own people are
             * asked to do names no one the appeal is aimed at) */
            size_t after = x->last + 1;
            if (after + 1 < s->n && is(s, after, "to") && s->mention_at[after + 1] < 0 && (s->tokens[after + 1].flags & TEXT_WORD) &&
                !word_is_capitalized(s, after + 1) && !is_any(s, after + 1, determiners))
                return -1;
            continue;
        }
        /* "an effort by Moscow": an agent, not the object; but "condemned
         * the attack by X": the author of the deed is what is condemned */
        size_t by = x->first > from && is(s, x->first - 1, "by") ? x->first - 1
                  : x->first > from + 1 && is(s, x->first - 2, "by") && is_any(s, x->first - 1, determiners) ? x->first - 2 : 0;
        /* ("condemned what it called a coup orchestrated by the United States") */
        static const char *const authored[] = { "orchestrated", "engineered", "masterminded", "instigated", "staged",
                                                "sponsored", "plotted", "organised", "organized", NULL };
        if (by && !(by > from && (event_noun(s, by - 1) || is_any(s, by - 1, authored)))) continue;
        /* "stormed a protest camp outside the army headquarters": where, not whom */
        size_t before = word_before(s, x->first, from);   /* the word before the mention, past determiners */
        if (before != SIZE_MAX && (is(s, before, "outside") || is(s, before, "near") || is(s, before, "inside") ||
                                   is(s, before, "beside") || is(s, before, "opposite")) &&
            x->last + 1 < s->n && (s->cls[x->last + 1] & WORD_MILITARY_SITE || is(s, x->last + 1, "headquarters") ||
                                    is(s, x->last + 1, "building") || is(s, x->last + 1, "compound")))
            continue;
        /* "a state of emergency along its border with Ecuador": the
         * neighbour named by a border is where, not whom */
        if (x->first >= from + 2 && is(s, x->first - 1, "with") &&
            (is(s, x->first - 2, "border") || is(s, x->first - 2, "frontier") || is(s, x->first - 2, "borders")))
            continue;
        /* "read an apology on state television": the medium, not whom */
        size_t ml = strlen(x->code);
        if (ml >= 6 && strcmp(x->code + ml - 3, "MED") == 0 && before != SIZE_MAX &&
            (is(s, before, "on") || is(s, before, "in") || is(s, before, "via") || is(s, before, "through")))
            continue;
        /* "will meet on the Belarusian border": a demonym of a border after
         * "on", "at", "near", "along" or "across" says where */
        if (x->adjectival && x->last + 1 < s->n &&
            (is(s, x->last + 1, "border") || is(s, x->last + 1, "frontier") || is(s, x->last + 1, "coast")) &&
            before != SIZE_MAX &&
            (is(s, before, "on") || is(s, before, "at") || is(s, before, "near") || is(s, before, "along") ||
             is(s, before, "across")))
            continue;
        /* "agreed to meet under U.N. auspices", "under the auspices of the
         * African Union": the sponsor, not the object */
        if (x->first > from && (is(s, x->first - 1, "under") ||
                                (x->first > from + 1 && is_any(s, x->first - 1, determiners) && is(s, x->first - 2, "under")) ||
                                (x->first > from + 1 && is(s, x->first - 1, "of") && is(s, x->first - 2, "auspices"))))
            continue;
        /* "fired rockets toward Jerusalem", "launched missiles at Kyiv": a place one
         * direction word after the deed */
        static const char *const directions[] = { "toward", "towards", "at", "into", "on", "across", "against", NULL };
        bool aimed = x->first >= 2 && x->first - 2 == place_ok_at && is_any(s, x->first - 1, directions);
        if (x->place && !(allow_place_at && (x->first == place_ok_at || x->first == place_ok_at + 1 || aimed))) continue;
        return (int)m;
    }
    return -1;
}

static int by_agent(const sentence_state *s, size_t from, bool allow_from)
{
    uint16_t c = s->clause[from > 0 ? from - 1 : 0];
    for (size_t k = from; k < s->n && k < from + 14; k++) {
        if (s->clause[k] != c) break;
        if (is(s, k, "by") || (allow_from && is(s, k, "from"))) {
            /* "by a panel of the African Union"; not past a place's
             * preposition ("destroyed by shelling in Khartoum": the shelling
             * is the agent, Khartoum where) */
            static const char *const where[] = { "in", "at", "near", "across", "outside", "inside", "around", "on",
                                                 "during", "over", "along", NULL };
            for (size_t q = k + 1; q < s->n && q < k + 7 && !(s->cls[q] & WORD_STOP); q++) {
                if (s->mention_at[q] >= 0) return s->mention_at[q];
                if (q > k + 1 && is_any(s, q, where)) break;
            }
            return -1;
        }
    }
    return -1;
}

/* The other side of a passive deed named by the fighting it happened in:
 * "were killed in clashes with the rebels", "died in fighting with X". */
static int fight_agent(const sentence_state *s, size_t from)
{
    for (size_t k = from; k + 2 < s->n && k < from + 3; k++) {
        if (!is(s, k, "in") && !is(s, k, "during")) continue;
        size_t q = k + 1;
        while (q < s->n && q < k + 5 && !event_noun(s, q)) q++;   /* ("in an Israeli air strike") */
        if (q >= s->n || !event_noun(s, q)) return -1;
        /* "were killed in an Israeli air strike": the doer named before the deed */
        if (!is(s, q + 1, "with") && !is(s, q + 1, "against")) {
            for (size_t r = q; r > k + 1; r--)
                if (s->mention_at[r - 1] >= 0 && s->mentions[s->mention_at[r - 1]].code[0] &&
                    (!s->mentions[s->mention_at[r - 1]].place || s->mentions[s->mention_at[r - 1]].last + 1 == q))
                    return s->mention_at[r - 1];   /* (an adjective right before the noun is no place) */
            return -1;
        }
        for (size_t r = q + 2; r < s->n && r < q + 5 && !(s->cls[r] & WORD_STOP); r++)
            if (s->mention_at[r] >= 0) return s->mention_at[r];
        return -1;
    }
    return -1;
}

static bool light_verb_before(const sentence_state *s, size_t head)
{

    for (size_t k = head, steps = 0; k > 0 && steps < 5; k--, steps++) {
        if (s->cls[k - 1] & WORD_LIGHT) return true;
        if (s->mention_at[k - 1] >= 0 || is(s, k - 1, ",")) return false;
    }
    return false;
}

static bool negated_before(const sentence_state *s, size_t head, size_t from)
{
    for (size_t k = head; k > from && head - k < 5; k--) {
        if (s->tag[k - 1] == TAG_NEGATION) return true;
        /* "did not disclose any casualties but accused": a verb joined by
         * "but" or "and" has its own polarity */
        if (is(s, k - 1, "but") || is(s, k - 1, "and") || is(s, k - 1, ",") || is(s, k - 1, ";")) return false;
    }
    return false;
}

/* Verbs that stop what follows: "suspend", "shelved", "halting", "stop" */
static bool stopping_word(const sentence_state *s, size_t k)
{
    static const char *const stems[] = { "suspend", "shelv", "abandon", "halt", "stop", "freez", "froze", "postpon",
                                         "cancel", "scrap", "renounc", "forgo", "forego", "cease", "ceasing", NULL };
    const char *w = s->words[k];
    for (size_t i = 0; stems[i]; i++)
        if (w[0] == stems[i][0] && strncmp(w, stems[i], strlen(stems[i])) == 0) return true;
    return is(s, k, "drop") || is(s, k, "drops") || is(s, k, "dropped") || is(s, k, "dropping") || is(s, k, "end") ||
           is(s, k, "ends") || is(s, k, "ended") || is(s, k, "ending");
}

static const char *modal_before_form(const sentence_state *s, size_t head, size_t from, bool finite)
{
    /* "agreed to a ceasefire and to pull back troops": a second infinitive
     * shares the modal of the first, whatever event lies between */
    static const char *const intents[] = { "vow", "vows", "vowed", "pledge", "pledges", "pledged", "promise",
                                           "promises", "promised", "threaten", "threatens", "threatened", "plan",
                                           "plans", "planned", "intend", "intends", "intended", "agreed", "decided",
                                           "offered", NULL };
    if (head >= 3 && is(s, head - 1, "to") && is(s, head - 2, "and"))
        for (size_t k = head - 2; k > 0 && head - k < 14 && s->clause[k - 1] == s->clause[head]; k--) {
            if (is(s, k - 1, ",") || is(s, k - 1, ";")) break;
            if (s->tag[k - 1] == TAG_MODAL) {
                const lex_entry *e = s->tag_entry[k - 1];
                return e ? e->phrase : "modal";
            }
            if (is_any(s, k - 1, intents)) return s->words[k - 1];
        }
    for (size_t k = head; k > from && head - k < 7; k--) {
        if (s->tag[k - 1] == TAG_MODAL) {
            const lex_entry *e = s->tag_entry[k - 1];
            return e ? e->phrase : "modal";
        }
        if (is(s, k - 1, ",") || is(s, k - 1, ";")) break;
        /* "threatened to attack Syria and expelled the ambassador": a verb
         * in the past joined by "and" is done, not threatened ("threatened to
         * attack and invade" goes on with the infinitive) */
        if (finite && (is(s, k - 1, "and") || is(s, k - 1, "but") || is(s, k - 1, "or"))) break;
    }
    /* "vowed on Sunday to wage war", "pledged again to withdraw": a verb of
     * intent with a date or adverb between it and its "to" */
    if (head >= 3 && is(s, head - 1, "to")) {
        for (size_t k = head - 1, gap = 0; k > from && gap < 4; k--, gap++) {
            size_t w = k - 1;
            if (is_any(s, w, intents)) return s->words[w];
            if (s->mention_at[w] >= 0 || s->is_head[w] || is(s, w, ";")) break;
        }
    }
    /* "will travel to the region next week to meet", "was sending his
     * ministers to Harare to meet": a purpose after a journey still to come
     * is still to come */
    if (head >= 3 && is(s, head - 1, "to")) {
        static const char *const journeys[] = { "travel", "travels", "traveling", "travelling", "fly", "flies", "flying",
                                                "head", "heads", "heading", "go", "goes", "going", "send", "sends",
                                                "sending", "dispatch", "dispatches", "dispatching", "visit", "visits",
                                                "visiting", NULL };
        for (size_t k = head - 1; k > from && head - k < 14 && s->clause[k - 1] == s->clause[head]; k--) {
            size_t w = k - 1;
            if (is(s, w, ";") || (s->cls[w] & WORD_STOP && !is(s, w, ","))) break;
            if (!is_any(s, w, journeys)) continue;
            const char *m = modal_before_form(s, w, from, false);
            if (m) return m;
            size_t wl = strlen(s->words[w]);
            if (w > 0 && wl > 4 && str_same(s->words[w] + wl - 3, "ing") && be_word(s, w - 1)) return s->words[w - 1];
            break;
        }
    }
    /* a conditional clause: "if", "unless", "in case of" */
    uint16_t c = s->clause[head];
    for (size_t k = 0; k < head; k++)
        if (s->clause[k] == c && s->tag[k] == TAG_MODAL && s->tag_entry[k] && strcmp(s->tag_entry[k]->value, "conditional") == 0)
            return s->tag_entry[k]->phrase;
    return NULL;
}

static bool has_verb_reading(const lex_head_pattern *heads, size_t hc)
{
    for (size_t k = 0; k < hc; k++)
        if (!heads[k].noun_head && (heads[k].forms & ~(LEX_FORM_NOUN | LEX_FORM_PLURAL))) return true;
    return false;
}

/* The first usable mention in [first, limit): the implicit object of
 * "asked Russia for military assistance". */
static int mention_in(const sentence_state *s, size_t first, size_t limit)
{
    for (size_t k = first; k < limit && k < s->n; k++) {
        int m = s->mention_at[k];
        if (m >= 0 && s->mentions[m].code[0] && !s->mentions[m].modifier && !s->mentions[m].place &&
            !(s->mentions[m].weapon && s->mentions[m].inferred_country))
            return m;
    }
    return -1;
}

/* Taking or entering a town the text names is occupying it (192): "took
 * Sirte", "entered Damascus", "retook the town of Lyman".  Patterns cannot
 * name "any place", so the coder checks the gazetteer. */
static const lex_pattern host_meeting = { .text = "meet <at the host's seat>", .code = "043",
                                          .source = "the coder: a meeting at one side's seat of government" };
static const lex_pattern visit_meeting = { .text = "meet <at the host's seat>", .code = "042",
                                           .source = "the coder: a meeting at one side's seat of government" };

/* "Netanyahu met Trump at the White House", "met Putin at the Kremlin": a
 * meeting at one side's seat of government is the other's visit (042, ev)
 * and that side's hosting of it (043, *host).  False when no seat is named. */
static bool hosted_at_seat(const sentence_state *s, pending_event *ev, pending_event *host)
{
    if (ev->source < 0 || ev->target < 0 || strcmp(ev->pattern->code, "040") != 0) return false;
    for (size_t k = ev->last + 1; k + 1 < s->n && k <= ev->last + 8 && s->clause[k] == s->clause[ev->head]; k++) {
        if (!is(s, k, "at")) continue;
        size_t q = k + 1;
        while (q < s->n && is_any(s, q, determiners)) q++;
        int m = q < s->n ? s->mention_at[q] : -1;
        if (m < 0 || !s->mentions[m].how || strcmp(s->mentions[m].how, "capital") != 0) return false;
        const char *seat = s->mentions[m].code;
        if (strncmp(seat, s->mentions[ev->source].code, 3) == 0 && strncmp(seat, s->mentions[ev->target].code, 3) != 0) {
            int visitor = ev->target;
            ev->target = ev->source;
            ev->source = visitor;
        } else if (strncmp(seat, s->mentions[ev->target].code, 3) != 0) {
            return false;
        }
        ev->pattern = &visit_meeting;
        *host = *ev;
        host->pattern = &host_meeting;
        host->source = ev->target;
        host->target = ev->source;
        return true;
    }
    return false;
}

static const lex_pattern take_place = { .text = "take <place>", .code = "192", .source = "the coder: a taking verb before a place" };

/* (a word class: words.c) */
const char *const taking_verbs[] = { "take", "takes", "took", "taken", "taking", "retake", "retakes", "retook",
                                     "retaken", "retaking", "enter", "enters", "entered", "entering", NULL };

static bool takes_place(const sentence_state *s, size_t h)
{
    if (!is_any(s, h, taking_verbs)) return false;
    size_t k = h + 1;
    if (is(s, k, "the") && (is(s, k + 1, "town") || is(s, k + 1, "city") || is(s, k + 1, "village")) && is(s, k + 2, "of"))
        k += 3;
    /* "entered the centre of Goma", "the outskirts of Kharkiv" */
    else if (is(s, k, "the") && (is(s, k + 1, "centre") || is(s, k + 1, "center") || is(s, k + 1, "outskirts") ||
                                 is(s, k + 1, "suburbs") || is(s, k + 1, "heart")) && is(s, k + 2, "of"))
        k += 3;
    if (!word_is_capitalized(s, k)) return false;
    if (s->tag[k] == TAG_ACTOR && !(s->tag_entry[k] && (s->tag_entry[k]->kind == LEX_CAPITAL || s->tag_entry[k]->kind == LEX_COUNTRY)))
        return false;
    const places *g = lex_places(s->dict);
    if (!g) return false;
    char key[128];
    size_t end = k;
    while (end + 1 < s->n && end < k + 2 && word_is_capitalized(s, end + 1) && s->tag[end + 1] == s->tag[k]) end++;
    /* (troops that enter a country take its territory: "Senegalese troops entered Gambia";
     * taking a country is said otherwise) */
    bool entering = s->words[h][0] == 'e';
    for (;; end--) {
        place_info found[4];
        if (code_join_words(s, k, end, key, sizeof key) && code_places_lookup(s, key, found, 4) && (found[0].kind != 'n' || entering))
            return true;
        if (end == k) return false;
    }
}

/* ---- an object named before its verb ----
 * "the truce was signed by A and B", "talks hosted by the U.N. mission",
 * "the accord the two men signed", "a dialogue that the U.N. plans to
 * convene": a pattern's words may stand before its head.  The words of the
 * noun phrase before the verb are matched in order against the pattern's
 * words after its head. */

typedef struct fronted {
    size_t first, last;     /* the noun phrase holding the pattern's words */
    int    subject;         /* the relative clause's subject mention, or -1 (passive) */
    bool   passive;
} fronted;

/* A noun phrase of up to five words ending at end: back to its determiner,
 * a possessive, punctuation, a preposition or a verb.  A reference ("the
 * truce") or an adjective ("U.S.-brokered") may be part of it, another
 * actor not. */
static bool noun_phrase_ending(const sentence_state *s, size_t end, size_t *first)
{
    if (end >= s->n || !(s->tokens[end].flags & TEXT_WORD) || (s->tokens[end].flags & TEXT_NUMBER) ||
        is_any(s, end, determiners) || is_any(s, end, prepositions) || be_word(s, end) ||
        s->tag[end] == TAG_MODAL || s->tag[end] == TAG_REPORT || s->tag[end] == TAG_NEGATION)
        return false;
    /* "the prisoners the rebels released": the object may be an actor, not an agent of the verb */
    if (s->mention_at[end] >= 0 && !s->mentions[s->mention_at[end]].reference &&
        s->mentions[s->mention_at[end]].kind != MENTION_AGENT)
        return false;
    size_t k = end;
    while (k > 0 && end - k < 4) {
        size_t b = k - 1;
        if (is_any(s, b, determiners) || (s->tokens[b].flags & TEXT_POSSESSIVE) || (s->tokens[b].flags & TEXT_PUNCT) ||
            is_any(s, b, prepositions) || is_any(s, b, subordinators) || be_word(s, b) || s->tag[b] == TAG_MODAL ||
            s->tag[b] == TAG_REPORT || is(s, b, "that") || is(s, b, "which") || is(s, b, "and"))
            break;
        if (s->mention_at[b] >= 0 && !s->mentions[s->mention_at[b]].reference && !s->mentions[s->mention_at[b]].modifier &&
            !s->mentions[s->mention_at[b]].adjectival)
            break;
        k = b;
    }
    *first = k;
    return true;
}

/* Where the object of head h stands before it, if anywhere: the subject of a
 * passive, the noun a reduced passive with its "by" agent describes, or the
 * antecedent of a relative clause whose subject comes right before h. */
static bool find_fronted(const sentence_state *s, size_t h, uint8_t forms, fronted *out)
{
    out->subject = -1;
    out->passive = false;
    if (h == 0) return false;
    /* a passive: "the truce was (formally) signed by", "has been signed" */
    if (forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST)) {
        size_t k = h;
        bool be = false;
        while (k > 0 && h - k < 4 && (be_word(s, k - 1) || is(s, k - 1, "has") || is(s, k - 1, "have") || is(s, k - 1, "had") ||
                                      is(s, k - 1, "also") || is(s, k - 1, "formally") || is(s, k - 1, "later") ||
                                      is(s, k - 1, "reportedly") || is(s, k - 1, "officially"))) {
            if (be_word(s, k - 1)) be = true;
            k--;
        }
        if (be && k > 0 && noun_phrase_ending(s, k - 1, &out->first)) {
            out->last = k - 1;
            out->passive = true;
            /* "a joint declaration of peace and friendship was signed": the
             * noun the "of" phrase hangs on */
            size_t first = out->first;
            while (first >= 2 && (is(s, first - 1, "of") || is(s, first - 1, "and")) && out->last - first < 8) {
                size_t before;
                if (!noun_phrase_ending(s, first - 2, &before)) break;
                if (is(s, first - 1, "of")) out->last = first - 2;
                first = before;
            }
            out->first = first;
            return true;
        }
        /* a reduced passive with its agent: "talks hosted by X", "the
         * agreement, signed in Doha by A and B" */
        bool by_near = false;
        for (size_t k = h + 1; k < s->n && k < h + 10 && !(s->cls[k] & WORD_STOP) && !by_near; k++) by_near = is(s, k, "by");
        if (!be && (forms & LEX_FORM_PARTICIPLE) && by_near && by_agent(s, h + 1, false) >= 0) {
            size_t end = is(s, h - 1, ",") && h > 1 ? h - 2 : h - 1;
            /* "talks in Ankara hosted by Erdogan": the noun before the place */
            if (s->mention_at[end] >= 0 && s->mentions[s->mention_at[end]].place) {
                size_t f = s->mentions[s->mention_at[end]].first;
                while (f > 0 && is_any(s, f - 1, determiners)) f--;
                if (f >= 2 && (is(s, f - 1, "in") || is(s, f - 1, "at"))) end = f - 2;
            }
            if (noun_phrase_ending(s, end, &out->first)) {
                out->last = end;
                out->passive = true;
                return true;
            }
        }
    }
    /* a relative clause with no object: "the accord (that) the two men signed",
     * "a dialogue that the U.N. plans to convene" */
    size_t k = h;
    while (k > 0 && h - k < 4 && (s->tag[k - 1] == TAG_MODAL || is(s, k - 1, "has") || is(s, k - 1, "have") ||
                                  is(s, k - 1, "had") || is(s, k - 1, "also") || is(s, k - 1, "to")))
        k--;
    if (k == 0 || s->mention_at[k - 1] < 0) return false;
    int subject = s->mention_at[k - 1];
    /* "the agreement Russia and Ukraine reached": from the compound's first member */
    while (subject > 0 && s->mentions[subject].compound >= 0 &&
           s->mentions[subject - 1].compound == s->mentions[subject].compound)
        subject--;
    const mention *m = &s->mentions[subject];
    if (!m->code[0] || m->place || m->modifier || m->first == 0) return false;
    size_t end = m->first - 1;
    while (end > 0 && is_any(s, end, determiners)) end--;
    bool relative = is(s, end, "that") || is(s, end, "which");
    if (relative) {
        if (end == 0) return false;
        end--;
    }
    if (!noun_phrase_ending(s, end, &out->first)) return false;
    /* ... nor a verb after "to": "is to move its fighters back" */
    if (!relative && out->first == end && end > 0 && is(s, end - 1, "to")) return false;
    /* without "that" the noun must not be a verb of its own: "the rebels said Russia backed" */
    if (!relative && s->is_head[end] && !s->consumed[end] && out->first == end && !(end > 0 && is_any(s, end - 1, determiners)))
        return false;
    out->last = end;
    out->subject = subject;
    return true;
}

/* The pattern of head h whose words are all in the fronted noun phrase,
 * the longest one; NULL when none. */
static const lex_pattern *fronted_pattern(const sentence_state *s, const lex_head_pattern *heads, size_t hc,
                                          const fronted *fr)
{
    const lex_pattern *best = NULL;
    /* the first bytes of the phrase's words: a pattern with a word that
     * starts otherwise has no token to match it */
    uint32_t letters = 0;
    for (size_t k = fr->first; k <= fr->last; k++) letters |= 1u << ((unsigned char)s->words[k][0] & 31);
    for (size_t q = 0; q < hc; q++) {
        const lex_pattern *p = heads[q].pattern;
        if (p->noun_head || p->word_count == 0 || (heads[q].forms & (LEX_FORM_NOUN | LEX_FORM_PLURAL))) continue;
        if (p->first_letters & ~letters) continue;
        /* agreements, talks, mediation and their like: what is done to a
         * deal or a meeting, not to a person */
        const lex_code_info *info = lex_pattern_code(s->dict, p);
        if (!info || info->quad_class > 2) continue;
        if (best && p->word_count <= best->word_count) continue;
        size_t pos = fr->first, literal = 0;
        bool ok = true;
        for (size_t w = 0; w < p->word_count && ok; w++) {
            if ((int)w == p->slot_index) continue;
            ok = false;
            for (size_t k = pos; k <= fr->last; k++)
                if ((s->hash[k] == p->word_hashes[w] && strcmp(s->words[k], p->words[w]) == 0) ||
                    same_word_other_number(s->words[k], p->words[w])) {
                    ok = true;
                    pos = k + 1;
                    literal++;
                    break;
                }
        }
        /* the noun phrase ends in the pattern's last word: "the cease-fire
         * agreement", not "the agreement's critics" */
        if (ok && literal && pos == fr->last + 1) best = p;
    }
    return best;
}

/* The first of a head's patterns from k on whose words may all stand
 * after the head (stem_bits: each pattern's bits of its words; absent: the
 * bits of no word after the head): most patterns need a word the sentence
 * lacks, and are passed over in this one tight loop. */
static size_t next_candidate(const uint64_t *stem_bits, size_t k, size_t hc, uint64_t absent)
{
    if (k >= hc) return hc;
    while (stem_bits[k] & absent) k++;   /* stem_bits[hc] is 0: the scan ends there at the latest */
    return k;
}

/* Words before a participle that make it an adjective: "other detained
 * officials", "the captured pilot" (a word class: words.c). */
const char *const before_adjective_words[] = { "other", "the", "all", "several", "some", "many", "those", "these",
                                               "two", "three", "his", "her", "their", "its", NULL };
/* What a deed sets off, not done by its doer: "arrested Khan, sparking
 * violent protests" (a word class: words.c). */
const char *const causing_verbs[] = { "sparking", "triggering", "prompting", "provoking", "fueling", "fuelling",
                                      "igniting", "causing", "setting", "unleashing", NULL };

/* A Bloom filter of 256 bits over words' hashes: of the 16 words after a
 * head, where a pattern's first word must be, it says "not there" for
 * nearly every other word in one test. */
static inline void bloom_add(uint64_t bloom[4], uint32_t hash) { bloom[(hash >> 6) & 3] |= 1ull << (hash & 63); }
static inline bool bloom_may_hold(const uint64_t bloom[4], uint32_t hash)
{
    return bloom[(hash >> 6) & 3] & (1ull << (hash & 63));
}

/* The first head word from h on that no pattern has taken (s->n when none). */
static size_t next_head(const sentence_state *s, size_t h)
{
    while (h < s->n && (s->consumed[h] || !s->is_head[h])) h++;
    return h;
}

/* "respond", "hit back", "strike back" with no words of their own: force
 * only as a threat */
static bool bare_response(const lex_pattern *p)
{
    return !p->noun_head && (str_same(p->text, "respond") || str_same(p->text, "hit back") || str_same(p->text, "strike back"));
}

/* A deed's author remembered from an earlier sentence as a mention of
 * this one, for an event to aim at; its index, or -1 when there is no room.
 * (Mentions stay in the order of the text: it stands at the sentence's
 * end, as no subject of anything.) */
static int add_deed_author(sentence_state *s, const mention *by)
{
    if (s->mention_count == MAX_MENTIONS || s->n == 0) return -1;
    mention *m = &s->mentions[s->mention_count];
    *m = *by;
    m->first = m->last = (uint32_t)(s->n - 1);
    m->prepositional = true;
    m->how = "the author of the deed named before";
    m->reference = true;
    m->compound = -1;
    return (int)s->mention_count++;
}

/* A threat told as what a deed would meet ("warned that any renewed
 * rocket fire would be met with force"): the source is who warns or says
 * it (the subject before the reporting word), the target the doer of the
 * deed named before the head, by "by X" ("any intervention by ECOWAS") or
 * as the author of the last deed told by a word of the same stem ("rocket
 * fire" after "fired rockets"). */
static void threat_of_response(sentence_state *s, size_t h, pending_event *ev)
{
    static const char *const warning[] = { "warned", "warns", "warn", "warning", NULL };
    size_t said = SIZE_MAX;
    for (size_t q = h; q > 1 && said == SIZE_MAX; q--)
        if ((s->tag[q - 1] == TAG_REPORT || is_any(s, q - 1, warning)) && s->clause[q - 1] != s->clause[h]) said = q - 1;
    if (said == SIZE_MAX) return;
    while (said > 1 && (s->tag[said - 1] == TAG_REPORT || is_any(s, said - 1, warning))) said--;   /* ("warned that") */
    int speaker = s->mention_at[said - 1] >= 0 ? s->mention_at[said - 1] : code_clause_subject(s, said - 1);
    if (speaker < 0 || s->mentions[speaker].first > said) return;
    ev->source = speaker;
    if (ev->target == speaker) ev->target = -1;
    /* the doer after "by" ("any intervention by ECOWAS"); else one named to
     * suffer it ("Iran ... would pay for it") */
    for (size_t q = said + 1; q < h; q++) {
        if (is(s, q, "by") && q + 1 < h) {
            int m = mention_in(s, q + 1, q + 4 < h ? q + 4 : h);
            if (m >= 0 && m != speaker) { ev->target = m; break; }
        }
    }
    for (size_t q = said + 1; q < h && ev->target < 0; q++) {
        if (!s->is_head[q]) continue;
        const mention *by = code_told_by_stem(s->memory->deeds, s->memory->deed_count, s->words[q]);
        if (!by || strncmp(by->code, s->mentions[speaker].code, 3) == 0) continue;
        ev->target = add_deed_author(s, by);
    }
}

/* "Britain said the seizure was unacceptable", "the measures were a
 * violation of its sovereignty, Qatar said": what one says a deed, a deal or
 * an actor is judges it as calling it so would ("call _ unacceptable"): the
 * patterns of "call" with their target first are read after "is", "was",
 * "were" or "are", the mention before it is the target and the speaker of
 * the sentence's report the source. */
static void evaluations_said(sentence_state *s, pending_event *out, size_t *count)
{
    size_t report = SIZE_MAX;
    for (size_t k = 1; k < s->n && report == SIZE_MAX; k++)
        if (s->tag[k] == TAG_REPORT && s->tag[k - 1] != TAG_REPORT) report = k;
    if (report == SIZE_MAX) return;
    uint32_t call = 0;
    for (size_t b = 1; b + 1 < s->n && *count < MAX_EVENTS_PER_SENTENCE; b++) {
        if (!be_word(s, b) || is(s, b, "be") || is(s, b, "been") || is(s, b, "being") || (s->tokens[b].flags & TEXT_POSSESSIVE))
            continue;
        /* ("Russia's position was unacceptable": the owner of what is judged) */
        int target = s->mention_at[b - 1];
        if (target < 0 && b >= 3 && s->tag[b - 1] == TAG_NONE && !(s->tokens[b - 1].flags & (TEXT_PUNCT | TEXT_CAPITALIZED))) {
            size_t owner = b - 2;
            if (is(s, owner, "'s") || is(s, owner, "'")) owner--;
            if (s->mention_at[owner] >= 0 && (owner + 1 < b - 1 || (s->tokens[owner].flags & TEXT_POSSESSIVE)))
                target = s->mention_at[owner];
        }
        if (target < 0) continue;
        if (s->tag[b + 1] == TAG_NEGATION || s->clause[b] == s->clause[report]) continue;
        if (s->mentions[target].place || !s->mentions[target].code[0]) continue;
        int speaker = s->mention_at[report - 1] >= 0 ? s->mention_at[report - 1] : code_clause_subject(s, report - 1);
        if (speaker < 0 || speaker == target || s->clause[s->mentions[speaker].first] == s->clause[b]) continue;
        if (!call) call = lex_word_id(s->dict, "call", 4, lex_word_hash("call"));
        size_t hc = 0;
        const lex_head_pattern *heads = lex_heads_of(s->dict, call, &hc);
        match_result best = { 0 };
        bool found = false;
        /* (a pattern with a word that is not after b cannot match: the test
         * code_find_events makes, which passes over most of call's 1,200) */
        const uint64_t absent = ~s->after_bits[b + 1];
        const uint64_t *stem_bits = lex_heads_stem_bits(s->dict, call);
        for (size_t k = next_candidate(stem_bits, 0, hc, absent); k < hc; k = next_candidate(stem_bits, k + 1, hc, absent)) {
            if (heads[k].noun_head) continue;
            const lex_pattern *p = heads[k].pattern;
            if (p->slot_index != 0 || p->word_count < 2 || (p->first_letters & ~s->after_letters[b + 1])) continue;
            match_result r;
            if (!match_pattern(s, b, p, &r)) continue;
            /* (nothing but words of the judgement between: "was a blatant violation") */
            bool plain = true;
            for (size_t q = b + 1; q < r.last && plain; q++)
                plain = s->mention_at[q] < 0 && !s->is_head[q] &&
                        (!(s->tokens[q].flags & TEXT_PUNCT) || (s->tokens[q].flags & TEXT_QUOTE));
            if (plain && (!found || r.pattern->word_count > best.pattern->word_count)) { best = r; found = true; }
        }
        if (!found) continue;
        pending_event ev = { best.pattern, b, best.last, speaker, target, false, false, false, false, false, false, -1, NULL, NULL, false, NULL };
        for (size_t k = b; k <= best.last; k++) s->consumed[k] = true;
        out[(*count)++] = ev;
    }
}

void code_find_events(sentence_state *s, pending_event *out, size_t *count)
{
    *count = 0;
    /* (from head to head: a loop over every word here costs more than the
     * words between heads are worth) */
    for (size_t h = next_head(s, 0); h < s->n && *count < MAX_EVENTS_PER_SENTENCE; h = next_head(s, h + 1)) {
        uint8_t t = s->tag[h];
        size_t hc = 0;
        const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[h], &hc);
        const uint64_t *head_stem_bits = lex_heads_stem_bits(s->dict, s->word_id[h]);   /* heads[k].stem_bits */
        match_result best = { 0 };
        uint8_t forms = 0;
        bool found = false;
        bool verb_reading = has_verb_reading(heads, hc);
        /* the words that may follow the head: a pattern whose first word is
         * not among them cannot match, and is skipped without touching it */
        uint32_t window[16], stems[16];
        size_t wn = 0;
        bool windowed = false, stemmed = false;   /* (made when a candidate first asks: often none does) */
        uint64_t window_bits[4] = { 0 };   /* a Bloom filter of the window (bloom_add): most patterns fail it */
        uint64_t stem_bits[4] = { 0 };
        /* every word of the pattern must be somewhere after the head */
        const uint64_t absent = ~s->after_bits[h + 1];
        const uint32_t letters_after = s->after_letters[h + 1];
        for (size_t k = next_candidate(head_stem_bits, 0, hc, absent); k < hc && !found;
             k = next_candidate(head_stem_bits, k + 1, hc, absent)) {
            if (heads[k].first_hash) {
                if (!windowed) {
                    for (size_t q = h + 1; q < s->n && wn < 16; q++) {
                        window[wn++] = s->hash[q];
                        bloom_add(window_bits, s->hash[q]);
                    }
                    windowed = true;
                }
                /* (the Bloom filters answer "not there" for sure: the
                 * window is searched only where they may be wrong) */
                bool word_maybe = bloom_may_hold(window_bits, heads[k].first_hash);
                if (!word_maybe) {
                    /* not the word itself: perhaps its other number ("election" for "elections") */
                    if (!stemmed) {
                        for (size_t q = 0; q < wn; q++) {
                            stems[q] = s->stem[h + 1 + q];
                            bloom_add(stem_bits, stems[q]);
                        }
                        stemmed = true;
                    }
                    if (!bloom_may_hold(stem_bits, heads[k].first_stem)) continue;
                }
                bool present = false;
                for (size_t q = 0; q < wn && !present && word_maybe; q++) present = window[q] == heads[k].first_hash;
                /* "hold elections" may meet "election": its other number shares the stem */
                if (!present && !stemmed) {
                    for (size_t q = 0; q < wn; q++) {
                        stems[q] = s->stem[h + 1 + q];
                        bloom_add(stem_bits, stems[q]);
                    }
                    stemmed = true;
                }
                bool stem_maybe = bloom_may_hold(stem_bits, heads[k].first_stem);
                for (size_t q = 0; q < wn && !present && stem_maybe; q++) present = stems[q] == heads[k].first_stem;
                if (!present) continue;
            }
            const lex_pattern *p = heads[k].pattern;
            /* (nor can one with a word whose first byte starts no word after the head) */
            if (p->first_letters & ~letters_after) continue;
            /* "Yemen's internationally recognized government": a participle
             * after an adverb, before its noun, is an adjective */
            if ((heads[k].forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST)) && h > 0 && h + 1 < s->n && !p->noun_head) {
                size_t al = strlen(s->words[h - 1]);
                if (al > 4 && str_same(s->words[h - 1] + al - 2, "ly") && !word_is_capitalized(s, h - 1) && h >= 2 &&
                    (is_any(s, h - 2, determiners) || (s->tokens[h - 2].flags & TEXT_POSSESSIVE) || is(s, h - 2, "'s")) &&
                    (s->tag[h + 1] == TAG_AGENT || s->tag[h + 1] == TAG_ACTOR))
                    continue;
                /* "other detained officials", "the captured pilot" */
                if (!(heads[k].forms & LEX_FORM_THIRD) && is_any(s, h - 1, before_adjective_words) &&
                    (s->tag[h + 1] == TAG_AGENT || (s->tokens[h - 1].flags & TEXT_NUMBER)))
                    continue;
            }
            bool noun_form = heads[k].forms & (LEX_FORM_NOUN | LEX_FORM_PLURAL);
            if (heads[k].noun_head != noun_form) continue;
            bool as_noun = noun_usage(s, h, heads[k].forms);
            if (!p->noun_head && as_noun) continue;
            /* "the first direct talks with Ukraine": a form that is also a
             * plural noun, after an adjective rather than a subject */
            if (!p->noun_head && (heads[k].forms & LEX_FORM_THIRD) && !(heads[k].forms & (LEX_FORM_PAST | LEX_FORM_PARTICIPLE)) &&
                noun_after_adjective(s, h, heads, hc))
                continue;
            if (p->noun_head && verb_reading && !as_noun && !(h > 0 && s->mention_at[h - 1] >= 0) && !noun_by_position(s, h) &&
                !noun_after_adjective(s, h, heads, hc))
                continue;
            /* a bare form in a list of nouns is a noun: "restore electricity,
             * telephone and banking services" */
            if (!p->noun_head && !(heads[k].forms & (LEX_FORM_THIRD | LEX_FORM_PAST | LEX_FORM_PARTICIPLE | LEX_FORM_GERUND)) &&
                h > 1 && (is(s, h - 1, ",") || ((is(s, h - 1, "and") || is(s, h - 1, "or")) && !s->is_head[h - 2] &&
                                                 s->tag[h - 2] == TAG_NONE && !word_is_capitalized(s, h - 2))))
                continue;
            /* a reporting verb is an event only with its pattern's words: "announce a ceasefire" */
            if (t == TAG_REPORT && p->word_count == 0) continue;
            /* "withdrew his candidacy", "withdrew the accreditation": a bare
             * "withdraw" with an object that no pattern names (troops, forces,
             * its ambassador) is no retreat */
            if (str_same(p->text, "withdraw") && is_any(s, h + 1, determiners)) continue;
            /* "Iran would face attacks", "will pay a heavy price": a threat
             * told of the one to suffer it is a threat only with a modal
             * ("Kyiv faced attacks overnight" is none) */
            if (p->undergoer && p->code[0] == '1' && p->code[1] == '3') {
                bool modal = false;
                for (size_t k = h; k > 0 && h - k < 4 && !modal; k--) modal = s->tag[k - 1] == TAG_MODAL;
                if (!modal) continue;
            }
            /* a bare response ("vowed to respond", "will hit back") only after a
             * modal: "responded by breaking off relations" is the deed after "by" */
            if (bare_response(p) && !(h >= 1 && s->tag[h - 1] == TAG_MODAL) && !(h >= 2 && s->tag[h - 2] == TAG_MODAL))
                continue;
            match_result r = { 0 };
            if (match_pattern(s, h, p, &r)) {
                /* "called the sanctions imposed on Niger illegal": "call ...
                 * on" across an object of "call" is no appeal ("called on
                 * Monday for" is) */
                if (r.first_literal > h + 1 &&
                    (strncmp(p->text, "call on", 7) == 0 || strncmp(p->text, "call for", 8) == 0 ||
                     strncmp(p->text, "call upon", 9) == 0)) {
                    bool object = false;
                    for (size_t k = h + 1; k < r.first_literal && !object; k++)
                        object = is_any(s, k, determiners) || s->tag[k] == TAG_PRONOUN;
                    if (object) continue;
                }
                /* "claimed the attack was carried out by ...", "denied the strike
                 * hit ...": the object begins a clause; no claim of it */
                if ((str_same(p->code, "015") || str_same(p->code, "016")) && r.last > h && r.last + 1 < s->n &&
                    (be_word(s, r.last + 1) || is(s, r.last + 1, "had") || is(s, r.last + 1, "has") ||
                     is(s, r.last + 1, "killed") || is(s, r.last + 1, "hit")))
                    continue;
                /* "freed Guzman": the bare slot patterns of release take a
                 * person named, not whatever actor follows ("free the pilot"
                 * has a pattern of its own) */
                /* "suspended Mali", "suspended all three countries": the bare
                 * slot of "suspend" takes an actor right after it, not one
                 * inside what is suspended ("suspended all flights to Egypt") */
                if (str_same(p->text, "suspend _")) {
                    size_t k = h + 1;
                    while (k < r.slot_end && s->mention_at[k] < 0 && (is_any(s, k, determiners) || is(s, k, "all")))
                        k++;
                    if (k >= r.slot_end || s->mention_at[k] < 0) continue;
                }
                if (str_same(p->text, "release _") || str_same(p->text, "free _")) {
                    int named = mention_in(s, r.slot_first, r.slot_end);
                    if (named < 0 || s->mentions[named].kind != MENTION_PERSON ||
                        s->tag[s->mentions[named].first] == TAG_PRONOUN || !word_is_capitalized(s, s->mentions[named].first))
                        continue;
                }
                best = r;
                forms = heads[k].forms;
                found = true;
            }
        }
        if (!found && hc && takes_place(s, h)) {
            /* "took Sirte", "rebel forces entered Damascus": taking a named town */
            best.pattern = &take_place;
            best.last = h;
            best.has_slot_region = false;
            best.slot_end = s->n;
            best.first_literal = 0;
            forms = heads[0].forms;
            found = true;
        }
        /* the object before the verb: "the truce was signed by A and B",
         * "talks hosted by X" (045, where "host" alone is 043) */
        fronted fr = { 0 };
        bool use_fronted = false;
        if ((!found || best.pattern->word_count == 0) && verb_reading && !s->consumed[h]) {
            uint8_t vforms = lex_heads_verb_forms(s->dict, s->word_id[h]);   /* forms of the patterns not noun heads */
            const lex_pattern *fp = find_fronted(s, h, vforms, &fr) ? fronted_pattern(s, heads, hc, &fr) : NULL;
            if (fp && (!found || strcmp(fp->code, best.pattern->code) != 0)) {
                best.pattern = fp;
                best.last = h;
                best.has_slot_region = false;
                best.slot_end = s->n;
                best.first_literal = 0;
                forms = vforms;
                found = true;
                use_fronted = true;
            }
        }
        if (!found) continue;
        const lex_pattern *p = best.pattern;
        pending_event ev = { p, h, best.last, -1, -1, false, false, false, false, false, false, -1, NULL, NULL, false, NULL };
        /* the clause's subject, used by several of the choices below; it
         * depends only on the mentions and clauses, not on this event */
        int subject_guess = code_clause_subject(s, h);
        ev.passive = !p->noun_head && is_passive(s, h, forms);
        /* a reduced passive: "the truce, brokered by the United States",
         * "rebels backed by Rwanda", "talks mediated by the African Union" */
        bool reduced = false;
        if (!ev.passive && !p->noun_head && p->word_count == 0 && is(s, h + 1, "by") &&
            (forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST)) && h > 0 &&
            (is(s, h - 1, ",") || (s->tag[h - 1] == TAG_NONE && !(s->tokens[h - 1].flags & TEXT_PUNCT) && !is_any(s, h - 1, determiners)) ||
             s->mention_at[h - 1] >= 0) &&
            (is(s, best.last + 1, "by") || (is(s, best.last + 2, "by") && !is(s, best.last + 1, ",")))) {
            size_t by = is(s, best.last + 1, "by") ? best.last + 1 : best.last + 2;
            for (size_t q = by + 1; q < s->n && q < by + 5; q++)
                if (s->mention_at[q] >= 0) { reduced = true; break; }
            /* "Haftar's forces attacked by land" has no agent after "by"; an
             * active past with its subject right before is not reduced */
            if (reduced && s->mention_at[h - 1] >= 0 && !is(s, h - 1, ",") && subject_guess == s->mention_at[h - 1] &&
                s->mentions[s->mention_at[h - 1]].first == 0)
                reduced = false;
        }
        /* "the Saudi-led coalition fighting in Yemen said", "backs the rebel
         * factions fighting in Idlib": an -ing form after a noun, with only a
         * place after it, describes the noun; the sentence's verb is another */
        if (!p->noun_head && (forms & LEX_FORM_GERUND) && p->word_count == 0 && h > 0 &&
            (s->mention_at[h - 1] >= 0 || (s->tag[h - 1] == TAG_NONE && !s->is_head[h - 1] && !(s->cls[h - 1] & WORD_STOP) &&
                                           !(s->tokens[h - 1].flags & TEXT_PUNCT) && !is_any(s, h - 1, prepositions) &&
                                           !is_any(s, h - 1, determiners) && !be_word(s, h - 1))) &&
            (p->code[0] == '1' && (p->code[1] == '8' || p->code[1] == '9')) && h + 1 < s->n &&
            (is(s, h + 1, "in") || is(s, h + 1, "across") || is(s, h + 1, "near") || is(s, h + 1, "inside") ||
             is(s, h + 1, "along") || is(s, h + 1, "around"))) {
            bool other_verb = false;
            for (size_t k = 0; k < s->n && !other_verb; k++)
                other_verb = k != h && (s->tag[k] == TAG_REPORT || (s->is_head[k] && s->mention_at[k] < 0 && k + 1 != h &&
                                                                    !(s->cls[k] & WORD_STOP)));
            if (other_verb) continue;
        }
        /* "sanctions on officials accused of corruption": "accused" with
         * no object before its "of" describes the noun before it (a
         * reduced passive), no one's accusation */
        if (!ev.passive && !p->noun_head && is(s, h + 1, "of") && h > 0 && s->mention_at[h - 1] >= 0 &&
            (forms & (LEX_FORM_PARTICIPLE | LEX_FORM_PAST)) && strncmp(p->text, "accuse", 6) == 0)
            reduced = true;
        /* "schoolboys abducted from their school last week have been freed":
         * a participle after a noun, a preposition after it and the
         * sentence's own verb later describes the noun, which suffered it */
        if (!ev.passive && !reduced && !p->noun_head && p->word_count == 0 && h > 0 && s->mention_at[h - 1] >= 0 &&
            (forms & LEX_FORM_PARTICIPLE) && s->mentions[s->mention_at[h - 1]].plural &&
            h + 1 < s->n && is_any(s, h + 1, prepositions) && !is(s, h + 1, "by")) {
            static const char *const finite[] = { "have", "has", "had", "were", "was", "are", "is", "will", "would", NULL };
            /* (or the noun is itself an object: "the remains of American
             * soldiers killed during the Korean War") */
            if (s->mentions[s->mention_at[h - 1]].prepositional) reduced = true;
            /* (or the object of a verb before it: "released 137 pupils abducted
             * from a school": the pupils were abducted, by no one named here) */
            {
                size_t b = s->mentions[s->mention_at[h - 1]].first;
                while (b > 0 && (is_any(s, b - 1, determiners) || (s->tokens[b - 1].flags & TEXT_NUMBER) ||
                                 (s->cls[b - 1] & WORD_QUANTITY)))
                    b--;
                if (b > 0 && (s->consumed[b - 1] || s->is_head[b - 1]) && s->mention_at[b - 1] < 0) reduced = true;
            }
            for (size_t k = h + 2; k < s->n && !reduced; k++) {
                if (is(s, k, ",") || is(s, k, ";") || s->tag[k] == TAG_REPORT) break;
                if (is_any(s, k, finite) && k + 1 < s->n && !(s->tokens[k + 1].flags & TEXT_PUNCT)) reduced = true;
            }
        }
        if (reduced || p->undergoer) ev.passive = true;
        if (p->passive_only && !ev.passive) continue;
        bool under = p->noun_head && h > 0 && (is(s, h - 1, "under") || (h > 1 && is(s, h - 2, "under")));

        /* target: the pattern's slot, else a mention between the head and
         * its first word ("asked Russia for military assistance") */
        if (p->has_slot && best.has_slot_region) {
            /* a slot at the pattern's end holds a mention of the verb's own
             * clause: "hit the tower because Hamas ...": not Hamas */
            if (p->slot_index == (int)p->word_count - 1)
                for (size_t k = best.slot_first; k < best.slot_end && k < s->n; k++)
                    if (s->clause[k] != s->clause[h] && !(s->tokens[k].flags & TEXT_QUOTE)) { best.slot_end = k; break; }
            ev.target = mention_in(s, best.slot_first, best.slot_end);
            /* "release jailed activists": the pattern's own noun is the target,
             * unless both sides trade it ("Russia and Ukraine exchanged prisoners") */
            /* (not "called Burhan a criminal": there the noun is what he is called) */
            if (ev.target < 0 && best.slot_end < s->n && s->mention_at[best.slot_end] >= 0 && strncmp(p->code, "11", 2) != 0) {
                if (subject_guess < 0 || s->mentions[subject_guess].compound < 0) ev.target = s->mention_at[best.slot_end];
            }
        }
        else if (!p->has_slot && best.first_literal > h + 1) {
            ev.target = mention_in(s, h + 1, best.first_literal);
            /* "adopt the EU's sanctions against Russia": the owner of the
             * pattern's noun is no target when "against" or "on" names one
             * ("suspended Mali's membership" is Mali's) */
            if (ev.target >= 0 && s->mentions[ev.target].last + 1 < s->n &&
                (s->tokens[s->mentions[ev.target].last + 1].flags & TEXT_POSSESSIVE) && best.last + 2 < s->n &&
                (is(s, best.last + 1, "against") || is(s, best.last + 1, "on"))) {
                size_t at = best.last + 2;
                if (at + 1 < s->n && is_any(s, at, determiners)) at++;
                int named = s->mention_at[at];
                if (named >= 0 && !s->mentions[named].place) ev.target = named;
            }
            /* "accepted an Egyptian proposal for a truce": a state's adjective
             * there names who proposed or brokered it, not the other party */
            if (ev.target >= 0 && s->mentions[ev.target].adjectival && strncmp(p->code, "08", 2) == 0) ev.target = -1;
            /* "launched large-scale military drills": a role word right before
             * the pattern's noun describes the noun, it is no object */
            if (ev.target >= 0 && s->mentions[ev.target].kind == MENTION_AGENT &&
                s->mentions[ev.target].last + 1 == best.first_literal && s->mentions[ev.target].inferred_country)
                ev.target = -1;
        }
        /* "seized power": a coup takes no territory (CAMEO has no code of its
         * own; the arrests and curfews that go with it are coded) */
        if (strcmp(p->code, "192") == 0 && best.last + 1 < s->n && is(s, best.last + 1, "power")) continue;
        /* "recaptured the town of Shire from Tigrayan forces": taken from them */
        if (strcmp(p->code, "192") == 0 && !ev.passive)
            for (size_t k = best.last + 1; k + 1 < s->n && k < best.last + 9 && s->clause[k] == s->clause[h]; k++) {
                if (is(s, k, ",") || is(s, k, ";")) break;
                if (!is(s, k, "from")) continue;
                int from = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
                if (from >= 0 && !s->mentions[from].place && s->mentions[from].kind != MENTION_COUNTRY) ev.target = from;
                break;
            }
        /* "extradited a drug lord to the United States": cooperation is with
         * the state the person is handed to, not with the person */
        if (strcmp(p->code, "063") == 0 && best.last > h && is(s, best.last, "to")) {
            int partner = mention_in(s, best.last + 1, best.last + 4 < s->n ? best.last + 4 : s->n);
            if (partner >= 0) ev.target = partner;
        }
        /* "fired at demonstrators", "freed hostages": the pattern's own last
         * word names the target */
        /* (not "sent troops": one's own forces, mobilized, are no target) */
        if (ev.target < 0 && best.first_literal && best.last > h && s->mention_at[best.last] >= 0 &&
            strncmp(p->code, "15", 2) != 0 &&
            s->mentions[s->mention_at[best.last]].kind == MENTION_AGENT && s->mentions[s->mention_at[best.last]].plural &&
            (subject_guess < 0 || s->mentions[subject_guess].compound < 0))
            ev.target = s->mention_at[best.last];
        /* "send tanks and armoured vehicles", "provide armoured vehicles": in
         * aid the pattern's own things are what is given, not whom to */
        if (ev.target >= 0 && (strncmp(p->code, "03", 2) == 0 || strncmp(p->code, "07", 2) == 0) &&
            s->mentions[ev.target].kind == MENTION_AGENT && s->mentions[ev.target].inferred_country &&
            s->mentions[ev.target].first > h && s->mentions[ev.target].last <= best.last) {
            ev.target = -1;
            int after = mention_after(s, best.last + 1, s->n, true, best.last, -1, -1);
            if (after >= 0 && s->mentions[after].first > 0 && is(s, s->mentions[after].first - 1, "to")) ev.target = after;
        }
        /* source */
        if (ev.target >= 0 && subject_guess >= 0 && s->mentions[ev.target].how &&
            strcmp(s->mentions[ev.target].how, "possessive pronoun") == 0 &&
            strncmp(s->mentions[ev.target].code, s->mentions[subject_guess].code, 3) == 0 &&
            /* (protesters "demanding his resignation" want another's: the roles differ) */
            (strlen(s->mentions[ev.target].code) <= 3 || strlen(s->mentions[subject_guess].code) <= 3 ||
             strcmp(s->mentions[ev.target].code + 3, s->mentions[subject_guess].code + 3) == 0))
            ev.target = -1;   /* "recalled its ambassador": the source's own */
        if (ev.passive || under) {
            int by = by_agent(s, best.last + 1, under || p->undergoer);   /* "came under fire from X" */
            if (by < 0 && !under) by = fight_agent(s, best.last + 1);
            /* "killed in an attack by X": the noun is part of this event */
            if (by >= 0) for (size_t k = best.last + 1; k < s->mentions[by].first; k++) s->consumed[k] = true;
            int subject = subject_guess;
            if (reduced) {
                /* the noun it describes: "rebels, backed by Rwanda" */
                size_t b = is(s, h - 1, ",") ? h - 1 : h;
                subject = b > 0 && s->mention_at[b - 1] >= 0 ? s->mention_at[b - 1] : -1;
            }
            ev.source = by;
            if (!p->has_slot) ev.target = subject;
            else if (ev.target < 0) ev.target = subject;
            /* "warned that any renewed rocket fire would be met with force",
             * "any intervention by ECOWAS will be met with a response": the
             * one who warns threatens whoever would do the deed */
            if (p->undergoer && p->code[0] == '1' && p->code[1] == '3' && ev.source < 0)
                threat_of_response(s, h, &ev);
        } else if (p->noun_head) {
            /* "against any attack", "any new offensive": a hypothetical deed */
            if ((h > 0 && is(s, h - 1, "any")) || (h > 1 && is(s, h - 2, "any"))) ev.dropped = true;
            /* "Russian airstrikes", "Haftar's offensive", "an attack by X" */
            /* (but "Drone attacks on Saudi oil facilities": a weapon whose owner
             * the text does not give names no doer) */
            if (h > 0 && s->mention_at[h - 1] >= 0 && !s->mentions[s->mention_at[h - 1]].place &&
                !(s->mentions[s->mention_at[h - 1]].weapon && s->mentions[s->mention_at[h - 1]].inferred_country &&
                  s->mentions[s->mention_at[h - 1]].first + 1 == h))
                ev.source = s->mention_at[h - 1];
            else if (h > 1 && s->mention_at[h - 2] >= 0 && (s->tokens[h - 1].flags & TEXT_POSSESSIVE)) ev.source = s->mention_at[h - 2];
            else {
                /* "the army's 2017 crackdown", "Russia's months-long blockade" */
                /* (and "a Russian missile attack": a weapon's word between) */
                size_t b = h;
                while (b > 0 && h - b < 3 && !(s->tokens[b - 1].flags & TEXT_POSSESSIVE) && s->mention_at[b - 1] < 0 &&
                       s->tag[b - 1] == TAG_NONE && (!s->is_head[b - 1] || s->weapon[b - 1]) && !(s->cls[b - 1] & WORD_STOP) &&
                       ((s->tokens[b - 1].flags & TEXT_NUMBER) || !word_is_capitalized(s, b - 1)))
                    b--;
                if (b < h && b > 1 && (s->tokens[b - 1].flags & TEXT_POSSESSIVE) && s->mention_at[b - 2] >= 0)
                    ev.source = s->mention_at[b - 2];
                else if (b < h && b > 0 && s->weapon[b] && s->mention_at[b - 1] >= 0 && !s->mentions[s->mention_at[b - 1]].place &&
                         !s->mentions[s->mention_at[b - 1]].prepositional)
                    ev.source = s->mention_at[b - 1];
            }
                /* "an attack by X", not "talks mediated by X" (the mediator) */
            if (ev.source < 0 && (is(s, best.last + 1, "by") || (is(s, best.last + 2, "by") && !s->is_head[best.last + 1])))
                ev.source = by_agent(s, best.last + 1, false);
            /* "In a phone call with Lukashenko, Putin pledged support": a deed
             * named in an opening phrase is the main clause's subject's */
            size_t opening = 0;
            while (opening < s->n && s->dateline[opening]) opening++;   /* (after "MOSCOW (Reuters) -") */
            if (ev.source < 0 && opening < s->n && (is(s, opening, "in") || is(s, opening, "during")) && h < opening + 6) {
                size_t c = best.last + 1;
                while (c < s->n && c < best.last + 12 && !is(s, c, ",")) c++;
                if (c < s->n && is(s, c, ",")) {
                    int subject = c + 1 < s->n ? mention_in(s, c + 1, c + 4 < s->n ? c + 4 : s->n) : -1;
                    if (subject >= 0 && !s->mentions[subject].prepositional && s->mentions[subject].first <= c + 2)
                        ev.source = subject;
                }
            }
            /* "X launched an attack": the subject of a light verb */
            if (ev.source < 0 && light_verb_before(s, h)) ev.source = subject_guess;
            /* "ready for a second round of talks": the subject of the intent */
            for (size_t k = h; ev.source < 0 && k > 0 && h - k < 7; k--) {
                if (s->mention_at[k - 1] >= 0 || is(s, k - 1, ",")) break;
                if (s->tag[k - 1] == TAG_MODAL && s->tag_entry[k - 1] && str_same(s->tag_entry[k - 1]->value, "intent") &&
                    is(s, k - 1, "for"))
                    ev.source = subject_guess;
            }
        } else if ((forms & LEX_FORM_GERUND) && h > 0 && (is(s, h - 1, "for") || is(s, h - 1, "of")) && *count > 0 &&
                   out[*count - 1].target >= 0 && h - out[*count - 1].last < 10) {
            /* "criticized NATO for holding exercises", "accused Russia of
             * shelling": the one criticized did it */
            ev.source = out[*count - 1].target;
        } else if ((forms & LEX_FORM_GERUND) && h > 1 && s->mention_at[h - 1] >= 0 && s->mention_at[h - 1] != subject_guess &&
                   s->mentions[s->mention_at[h - 1]].prepositional && !s->mentions[s->mention_at[h - 1]].place &&
                   (s->mentions[s->mention_at[h - 1]].kind == MENTION_AGENT || s->mentions[s->mention_at[h - 1]].kind == MENTION_GROUP) &&
                   s->mentions[s->mention_at[h - 1]].plural) {
            /* "fired tear gas at students demanding an end to quotas": the
             * students demand */
            ev.source = s->mention_at[h - 1];
        } else {
            ev.source = subject_guess;
            /* "condemned Russian drone strikes", "after a Russian missile
             * attack": a verb's word at the end of a noun phrase that is the
             * object of another verb or of a preposition names a deed, done
             * by the state or group named inside the phrase */
            int owner = -1;
            size_t b = h;
            while (b > 0 && h - b < 4) {
                size_t q = b - 1;
                if (s->mention_at[q] >= 0) {
                    const mention *x = &s->mentions[s->mention_at[q]];
                    if (x->place || owner >= 0) break;
                    owner = s->mention_at[q];
                    b = x->first;
                    continue;
                }
                if (!s->weapon[q] && (s->tag[q] != TAG_NONE || s->is_head[q] || (s->cls[q] & WORD_STOP) || word_is_capitalized(s, q) ||
                                      (s->tokens[q].flags & (TEXT_PUNCT | TEXT_NUMBER))))
                    break;
                b = q;
            }
            if (b > 0 && is_any(s, b - 1, determiners) && !is(s, b - 1, "that")) b--;
            /* (a noun's form, with a weapon or a demonym right before it: not
             * "welcomed the agreement and urged") */
            bool noun_form = h > 0 && !(forms & (LEX_FORM_PAST | LEX_FORM_PARTICIPLE | LEX_FORM_GERUND)) &&
                             (s->weapon[h - 1] || (s->mention_at[h - 1] >= 0 && s->mentions[s->mention_at[h - 1]].kind == MENTION_COUNTRY &&
                                                   s->mentions[s->mention_at[h - 1]].adjectival));
            if (noun_form && owner >= 0 && owner != subject_guess && b > 0 && b < h &&
                ((s->is_head[b - 1] && s->mention_at[b - 1] < 0 && s->tag[b - 1] != TAG_REPORT && !be_word(s, b - 1)) ||
                 is_any(s, b - 1, prepositions)))
                ev.source = owner;
        }
        /* "Hospitals have been hit by shelling": a deed named after the "by"
         * of a passive is the agent of that passive; what the clause's
         * subject suffered is not its own deed */
        if (!ev.passive && h > 1 && ev.source >= 0 && ev.source == subject_guess && s->mentions[ev.source].last < h &&
            (p->noun_head || (forms & LEX_FORM_GERUND))) {
            size_t by = is(s, h - 1, "by") ? h - 1 : is(s, h - 2, "by") && s->mention_at[h - 1] < 0 ? h - 2 : 0;
            if (by >= 3 && (be_word(s, by - 2) || be_word(s, by - 3)) && s->mention_at[by - 1] < 0 && !(s->cls[by - 1] & WORD_STOP))
                ev.source = -1;
        }
        if (!ev.passive && h > 0) {
            /* "arrested Khan, sparking violent protests": what a deed set off
             * is not done by its doer */
            size_t k = h;
            while (k > 0 && h - k < 4 && !is_any(s, k - 1, causing_verbs) && !(s->tokens[k - 1].flags & TEXT_PUNCT) &&
                   s->mention_at[k - 1] < 0 && !s->is_head[k - 1])
                k--;
            if (k > 0 && is_any(s, k - 1, causing_verbs)) ev.source = -1;
            /* "ruled that his arrest was illegal", "Khan's detention": the
             * owner of an arrest, abduction or release is the one it befell;
             * with no "by" it is told, not done by the clause's subject */
            static const char *const patient_nouns[] = { "arrest", "detention", "abduction", "kidnapping", "release",
                                                         "killing", "assassination", "expulsion", "deportation", "capture",
                                                         "imprisonment", "jailing", "execution", NULL };
            bool owned = is(s, h - 1, "his") || is(s, h - 1, "her") || is(s, h - 1, "their") ||
                         (s->tokens[h - 1].flags & TEXT_POSSESSIVE);
            if (p->noun_head && owned && !is(s, best.last + 1, "by")) {
                /* (the nouns are read only then: this runs for every event) */
                const char *pt = p->text[0] == '~' ? p->text + 1 : p->text;
                bool befalls = false;
                for (size_t q = 0; patient_nouns[q] && !befalls; q++)
                    befalls = strncmp(pt, patient_nouns[q], strlen(patient_nouns[q])) == 0;
                if (befalls) ev.source = -1;
            }
        }
        /* "trying to halt the rebel advance": stopping another side's
         * advance or offensive is no de-escalation of one's own */
        if (strncmp(p->code, "087", 3) == 0 && best.last > h + 1 && ev.source >= 0 &&
            (strstr(p->text, "advance") || strstr(p->text, "offensive") || strstr(p->text, "push") ||
             strstr(p->text, "assault")))
            for (size_t k = h + 1; k < best.last; k++) {
                int o = s->mention_at[k];
                if (o < 0 || o == ev.source || !s->mentions[o].code[0]) continue;
                if (strcmp(s->mentions[o].code, s->mentions[ev.source].code) != 0 &&
                    !(s->mentions[o].how && strncmp(s->mentions[o].how, "possessive pronoun", 18) == 0)) {
                    ev.dropped = true;
                    break;
                }
            }
        if (use_fronted) {
            ev.passive = fr.passive;
            if (fr.passive) {
                ev.source = by_agent(s, h + 1, false);
                /* the subject is the object itself ("the truce", a reference to
                 * the deal): the agents are the parties */
                if (ev.target >= 0 && s->mentions[ev.target].first >= fr.first && s->mentions[ev.target].last <= fr.last &&
                    s->mentions[ev.target].reference)
                    ev.target = -1;
            } else {
                ev.source = fr.subject;
                /* "the prisoners the rebels released": the antecedent is the object */
                int object = s->mention_at[fr.last];
                ev.target = object >= 0 && !s->mentions[object].reference ? object : -1;
            }
        }
        /* "protests led by the M5-RFP coalition", "an offensive launched by X" */
        if (!ev.passive && best.last + 2 < s->n && is(s, best.last + 2, "by")) {
            static const char *const doers[] = { "led", "organized", "organised", "staged", "launched", "mounted",
                                                 "called", "waged", "spearheaded", "conducted", NULL };
            int doer = is_any(s, best.last + 1, doers) ? by_agent(s, best.last + 2, false) : -1;
            if (doer >= 0) {
                /* "Bashir faced protests led by the opposition": the protests are the opposition's */
                if (ev.source >= 0 && ev.target < 0 && ev.source != doer) ev.target = ev.source;
                ev.source = doer;
            }
        }
        const lex_code_info *pinfo = lex_pattern_code(s->dict, p);
        if (ev.target < 0 && !(ev.passive || under) && pinfo && pinfo->quad_class <= 2) {
            /* cooperation has a partner: "shared intelligence about X with the United States" */
            for (size_t k = best.last + 1; k + 1 < s->n && k < best.last + 16 && s->clause[k] == s->clause[h]; k++)
                if (is(s, k, "with")) {
                    int m = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
                    if (m >= 0 && m != ev.source) ev.target = m;
                    break;
                }
        }
        /* "whose followers Ankara accuses of building a parallel state in the
         * police": the one accused stands before the verb, not inside the charge */
        bool charge_follows = !p->has_slot && best.last == h && strncmp(p->code, "112", 3) == 0 && h + 1 < s->n &&
                              is(s, h + 1, "of");
        if (ev.target < 0 && !(ev.passive || under) && !use_fronted && !charge_follows) {
            int group = ev.source >= 0 ? s->mentions[ev.source].compound : -1;
            ev.target = mention_after(s, best.last + 1, s->n, true, best.last, group, ev.source);
        }
        if (ev.target < 0 && !ev.passive) {
            /* ", whom Russian officials meet with": the object is the antecedent */
            size_t k = 0;
            while (k < h && s->clause[k] != s->clause[h]) k++;
            if (k < h && (is(s, k, "whom") || is(s, k, "which")) && k >= 2 && is(s, k - 1, ",") && s->mention_at[k - 2] >= 0 &&
                s->mention_at[k - 2] != ev.source)
                ev.target = s->mention_at[k - 2];
        }
        /* "talks between the Taliban and Afghan leaders", "mediating
         * between the two sides": the pair after "between" */
        bool pair_event = p->noun_head || strncmp(p->code, "04", 2) == 0 ||
                          ev.source < 0;   /* "killed in clashes between", "Clashes between A and B" */
        /* (the pattern itself may end in "between": "~truce between") */
        for (size_t k = best.last; pair_event && k + 1 < s->n &&
                                   k <= best.last + 4 && s->clause[k] == s->clause[h];
             k++) {
            if (!is(s, k, "between")) continue;
            /* (a verb's object before "between" owns the pair: "attacked two
             * border posts between Kosovo and Serbia") */
            if (!p->noun_head && strncmp(p->code, "04", 2) != 0 && k > best.last + 1) break;
            int m = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
            if (m < 0 || s->mentions[m].compound < 0) break;
            if (ev.source < 0 && strcmp(p->code, "045") == 0) {
                /* "announced the deal after weeks of shuttle diplomacy between
                 * the two camps": the pair is mediated, by the subject when it
                 * is neither of them */
                ev.target = m;
                int subject = subject_guess;
                if (subject < 0) {
                    /* "the U.N. envoy announced the deal after weeks of shuttle
                     * diplomacy": a phrase with no verb of its own takes the
                     * subject of the clause before, when it is an international
                     * body (a state there is as often one of the sides) */
                    size_t c0 = h;
                    while (c0 > 0 && s->clause[c0 - 1] == s->clause[h]) c0--;
                    if (c0 > 0) subject = code_clause_subject(s, c0 - 1);
                    if (subject >= 0 && strncmp(s->mentions[subject].code, "IGO", 3) != 0) subject = -1;
                }
                for (size_t q = 0; subject >= 0 && q < s->mention_count; q++)
                    if (s->mentions[q].compound == s->mentions[m].compound &&
                        strncmp(s->mentions[q].code, s->mentions[subject].code, 3) == 0)
                        subject = -1;
                if (subject >= 0 && s->mentions[subject].last < h) ev.source = subject;
                break;
            }
            if (ev.source < 0) {
                ev.source = m;                         /* the two sides act on each other */
                if (ev.target >= 0 && s->mentions[ev.target].compound == s->mentions[m].compound) ev.target = -1;
            }
            else if (ev.target < 0 && s->mentions[m].compound != s->mentions[ev.source].compound)
                ev.target = m;                         /* a third party acts on both */
            break;
        }
        for (size_t k = h; k <= best.last; k++) s->consumed[k] = true;
        if (ev.source >= 0 && ev.target >= 0 && ev.target == ev.source) ev.target = -1;
        size_t from = ev.source >= 0 && s->mentions[ev.source].last < h ? s->mentions[ev.source].last : 0;
        ev.negated = negated_before(s, h, from) || s->clause_denied[s->clause[h]];
        if (ev.passive && ev.target >= 0) {
            /* "No American or Iraqi personnel were killed": the sufferers are denied */
            size_t f = s->mentions[ev.target].first;
            for (size_t m = 0; m < s->mention_count; m++)
                if (s->mentions[ev.target].compound >= 0 && s->mentions[m].compound == s->mentions[ev.target].compound &&
                    s->mentions[m].first < f)
                    f = s->mentions[m].first;
            if (f > 0 && is(s, f - 1, "no")) ev.negated = true;
        }
        ev.modal = modal_before_form(s, h, from, !p->noun_head && !(forms & LEX_FORM_BASE) &&
                                                     (forms & (LEX_FORM_PAST | LEX_FORM_THIRD)));
        /* "was due to travel" is a plan, "was due to fighting" a cause */
        if (ev.modal && strstr(ev.modal, "due to") && (p->noun_head || !(forms & LEX_FORM_BASE))) ev.modal = NULL;
        if (!ev.modal && p->noun_head && strncmp(p->code, "04", 2) == 0) ev.modal = modal_after(s, best.last + 1, h);
        /* "a cease-fire between A and B held on Friday", "the truce broke
         * down": what became of a truce told before, not its declaration */
        if (p->noun_head && strncmp(p->code, "087", 3) == 0 && truce_outcome_after(s, best.last + 1, h)) ev.outcome = true;
        /* "vowed to respond", "will hit back": a response is force only as
         * a threat; with no one named it is aimed at the author of the
         * last deed, whom it answers */
        if (bare_response(p)) {
            if (!ev.modal) continue;
            const memory *mem = s->memory;
            if (ev.target < 0 && ev.source >= 0 && mem->has_deed && mem->deed.code[0] &&
                strncmp(mem->deed.code, s->mentions[ev.source].code, 3) != 0) {
                /* (a government answers a state's forces by threatening that state) */
                mention author = mem->deed;
                const char *source = s->mentions[ev.source].code;
                if ((strlen(source) == 3 || (strlen(source) == 6 && strcmp(source + 3, "GOV") == 0)) && strlen(author.code) == 6 &&
                    strcmp(author.code + 3, "MIL") == 0 && code_is_state(author.code)) {
                    char state[4] = { author.code[0], author.code[1], author.code[2], 0 };
                    code_set(author.code, state, "GOV");
                }
                ev.target = add_deed_author(s, &author);
            }
        }
        /* "The deal commits Rwanda to withdraw its troops", "requires both
         * sides to free prisoners": what an agreement binds a party to do is
         * that party's promise, not a deed of the agreement's parties */
        if (!ev.modal && h >= 3 && is(s, h - 1, "to") && s->mention_at[h - 2] >= 0) {
            static const char *const binding[] = { "commits", "committed", "requires", "required", "obliges", "obliged",
                                                   "obligates", "obligated", "binds", NULL };
            int bound = s->mention_at[h - 2];
            size_t b = s->mentions[bound].first;
            while (b > 0 && s->mention_at[b - 1] >= 0 && s->mentions[s->mention_at[b - 1]].compound >= 0 &&
                   s->mentions[s->mention_at[b - 1]].compound == s->mentions[bound].compound)
                b = s->mentions[s->mention_at[b - 1]].first;
            if (b > 0 && is_any(s, b - 1, binding)) {
                /* (the first of a pair bound: "commits Congo and Rwanda to") */
                int first = s->mention_at[b];
                ev.source = first >= 0 ? first : bound;
                if (ev.target >= 0 && (ev.target == ev.source || (s->mentions[ev.target].compound >= 0 &&
                                                                  s->mentions[ev.target].compound == s->mentions[ev.source].compound)))
                    ev.target = -1;
                if (ev.target >= 0 && (s->mentions[ev.target].reference ||
                                       strncmp(s->mentions[ev.target].code, s->mentions[ev.source].code, 3) == 0))
                    ev.target = -1;   /* (nor "its troops": the party's own) */
                /* (aimed, when nothing else is named, at the agreement's other party) */
                for (size_t m = 0; m < s->mention_count && ev.target < 0; m++)
                    if (s->mentions[m].reference && s->mentions[m].first < b && s->mentions[m].code[0] &&
                        strncmp(s->mentions[m].code, s->mentions[ev.source].code, 3) != 0)
                        ev.target = (int)m;
                ev.modal = arena_printf(s->a, "%s _ to", s->words[b - 1]);
            }
        }
        /* "agreed on Thursday not to use force", "pledged last week never to
         * attack": a time between the promise and "not to" leaves it one */
        if (ev.negated && !s->clause_denied[s->clause[h]] && h >= 4 && is(s, h - 1, "to") &&
            (is(s, h - 2, "not") || is(s, h - 2, "never"))) {
            static const char *const promising[] = { "agreed", "agree", "agrees", "pledged", "pledge", "pledges", "promised",
                                                     "promise", "promises", "vowed", "vow", "vows", "committed",
                                                     "undertook", "decided", "resolved", NULL };
            static const char *const time_words[] = { "on", "last", "this", "week", "month", "earlier", "later", "again",
                                                      "today", "yesterday", ",", NULL };
            size_t k = h - 2;
            while (k > 0 && h - k < 7 && (is_any(s, k - 1, time_words) || date_is_month_or_weekday(s->words[k - 1]) ||
                                          (s->tokens[k - 1].flags & TEXT_NUMBER)))
                k--;
            if (k > 0 && k < h - 2 && is_any(s, k - 1, promising)) {
                ev.modal = arena_printf(s->a, "%s ... %s to", s->words[k - 1], s->words[h - 2]);
                ev.refrain = true;
                ev.negated = false;
            }
        }
        ev.intent = ev.modal != NULL;
        if (ev.intent) {
            /* "pledged not to attack": one modal phrase says it */
            for (size_t k = h; k > from && h - k < 7; k--)
                if (s->tag[k - 1] == TAG_MODAL) {
                    if (s->tag_entry[k - 1] && strcmp(s->tag_entry[k - 1]->value, "refrain") == 0) ev.refrain = true;
                    break;
                }
        }
        if (ev.negated && ev.intent && !s->clause_denied[s->clause[h]]) {
            /* "pledged not to attack", "vowed never to use force": the
             * negation stands between the intent and the deed */
            size_t k = h, negation = SIZE_MAX;
            while (k > from && h - k < 7 && s->tag[k - 1] != TAG_MODAL) {
                if (s->tag[k - 1] == TAG_NEGATION) negation = k - 1;
                k--;
            }
            if (negation != SIZE_MAX && k > from && s->tag[k - 1] == TAG_MODAL && s->tag_entry[k - 1] &&
                strcmp(s->tag_entry[k - 1]->value, "intent") == 0 && !(k >= 2 && s->tag[k - 2] == TAG_NEGATION)) {
                ev.refrain = true;
                ev.negated = false;
                /* "We will not let them kill us again": the deed would be
                 * theirs, and the subject refuses it, refrains from nothing */
                static const char *const permit[] = { "let", "allow", "permit", NULL };
                for (size_t q = negation + 1; q < h; q++)
                    if (is_any(s, q, permit)) { ev.dropped = true; break; }
            }
        }
        /* "will suspend its plan to annex", "agreed to stop further
         * annexation": force or coercion that is stopped is not done */
        if (p->code[0] == '1' && p->code[1] >= '3') {
            bool planned = false;   /* a plan or "further" stands between: not "ending a battle" */
            size_t low = p->noun_head ? (h > 7 ? h - 7 : 0) : from;   /* "stop further Israeli annexation" */
            for (size_t k = h; k > low && h - k < 7; k--) {
                if (is(s, k - 1, ",") || is(s, k - 1, ";")) break;
                if (s->tag[k - 1] == TAG_MODAL || is(s, k - 1, "further") || is(s, k - 1, "plan") || is(s, k - 1, "plans"))
                    planned = true;
                if (planned && stopping_word(s, k - 1)) { ev.dropped = true; break; }
            }
        }
        /* "would have condemned": it did not happen */
        for (size_t k = h; k > from && h - k < 5; k--)
            if (s->tag[k - 1] == TAG_MODAL && s->tag_entry[k - 1] && strcmp(s->tag_entry[k - 1]->value, "counterfactual") == 0)
                ev.dropped = true;
        /* a hypothetical clause ("if the United States attacks") is no event */
        if (s->clause_conditional[s->clause[h]]) ev.dropped = true;
        /* "any request from Washington to detain him", "an attempt by rival
         * groups to push into the city": what a request or an attempt is for
         * has not been done */
        if (!p->noun_head && !ev.modal && h >= 3 && is(s, h - 1, "to")) {
            static const char *const asking[] = { "request", "requests", "demand", "demands", "plea", "pleas", "appeal",
                                                  "appeals", "bid", "attempt", "attempts", "effort", "efforts", NULL };
            for (size_t k = h - 1; k > 0 && h - k < 9 && s->clause[k - 1] == s->clause[h]; k--) {
                if (s->is_head[k - 1] && s->mention_at[k - 1] < 0 && !is_any(s, k - 1, asking)) break;
                if (is_any(s, k - 1, asking) && k >= 2 && (is_any(s, k - 2, determiners) || is(s, k - 2, "any") ||
                                                            is(s, k - 2, "no") || s->mention_at[k - 2] >= 0)) {
                    ev.dropped = true;
                    break;
                }
            }
        }
        /* "banned Russian airlines from flying to Georgia", "barred them from
         * entering": what is prevented is not done */
        if (!p->noun_head && (forms & LEX_FORM_GERUND) && h >= 3 && is(s, h - 1, "from")) {
            static const char *const preventing[] = { "banned", "bans", "ban", "barred", "bars", "bar", "prevented", "prevents",
                                                      "prevent", "blocked", "blocks", "block", "stopped", "stops", "stop",
                                                      "prohibited", "prohibits", "prohibit", "forbade", "forbids", "kept",
                                                      "keep", "deterred", "deter", NULL };
            for (size_t k = h - 1; k > 0 && h - k < 8; k--)
                if (is_any(s, k - 1, preventing)) { ev.dropped = true; break; }
        }
        /* "optimistic that Russia would agree", "concerned that the truce
         * could collapse": what is hoped or feared is not an event */
        if (str_same(p->code, "012") || str_same(p->code, "013"))
            for (size_t k = best.last + 1; k + 1 < s->n && k < best.last + 4; k++)
                if (is(s, k, "that")) {
                    s->clause_conditional[s->clause[k + 1]] = true;
                    break;
                }
        /* "denied that its troops shelled": the next clause is not asserted */
        if (str_same(p->code, "016"))
            for (size_t k = best.last + 1; k < s->n && k < best.last + 8; k++)
                if (is(s, k, "that") && k + 1 < s->n) {
                    uint16_t denied = s->clause[k + 1];
                    s->clause_denied[denied] = true;
                    /* "... and blamed Ukrainian forces": back to the denier */
                    for (size_t q = k + 2; q + 1 < s->n && s->clause[q] == denied; q++)
                        if (is(s, q, "and") && s->is_head[q + 1] && s->mention_at[q + 1] < 0 &&
                            s->clause_count < MAX_SENTENCE_TOKENS) {
                            uint16_t fresh = s->clause_count++;
                            s->clause_denied[fresh] = false;
                            s->clause_conditional[fresh] = false;
                            for (size_t r = q; r < s->n && s->clause[r] == denied; r++) s->clause[r] = fresh;
                            s->subject_from[fresh] = (int16_t)s->clause[h];
                            break;
                        }
                    break;
                }
        /* "a diplomat, who asked not to be named": a wish about oneself, no appeal */
        if (ev.target < 0 && strncmp(best.pattern->code, "02", 2) == 0 && best.pattern->word_count &&
            is(s, best.last, "to") && best.last + 1 < s->n && is(s, best.last + 1, "be"))
            continue;
        /* "asked for Russian weapons", "appealed for U.S. help": a state's
         * adjective on the aid asked for names the one asked */
        if (strncmp(p->code, "02", 2) == 0 && best.last > h + 1)
            for (size_t k = h + 1; k < best.last; k++) {
                int m = s->mention_at[k];
                if (m >= 0 && s->mentions[m].adjectival && s->mentions[m].kind == MENTION_COUNTRY &&
                    code_is_state(s->mentions[m].code) && s->mentions[m].last < best.last &&
                    !is(s, s->mentions[m].last + 1, "to")) {   /* (not "asked South Sudanese to forgive") */
                    ev.target = m;
                    break;
                }
            }
        /* "criticized a U.S. plan to impose sanctions on Iran", "condemned
         * Iran's decision to expel two diplomats": a deed after a noun of
         * intent is its owner's; one with no owner named ("supported efforts
         * to release the hostages") is no one's, unless the subject makes
         * the plan its own ("announced a plan to build homes") */
        static const char *const plan_nouns[] = { "plan", "plans", "decision", "effort", "efforts", "bid", "attempt",
                                                  "attempts", "proposal", "move", "threat", "threats", "push", "order",
                                                  "campaign", "drive", "offer", NULL };
        if (!p->noun_head && h >= 3 && is(s, h - 1, "to") && is_any(s, h - 2, plan_nouns)) {
            size_t b = h - 2;
            while (b > 0 && h - 2 - b < 3 && s->mention_at[b - 1] < 0 && !is_any(s, b - 1, determiners) &&
                   s->tag[b - 1] == TAG_NONE && !s->is_head[b - 1] && !(s->tokens[b - 1].flags & TEXT_PUNCT))
                b--;   /* "a U.S. peace plan", "Iran's sudden decision" */
            int owner = b > 0 ? s->mention_at[b - 1] : -1;
            if (owner >= 0 && s->mentions[owner].code[0] && !s->mentions[owner].place) {
                ev.source = owner;
            } else {
                static const char *const own[] = { "announce", "unveil", "approve", "adopt", "agree", "propose", "present",
                                                   "launch", "draw", "outline", "put", "make", "made", "pledge", "vow",
                                                   "declare", "step", "revive", "renew", NULL };
                bool theirs = false;
                for (size_t k = b; k > 0 && b - k < 4 && !theirs; k--) {
                    if (!s->is_head[k - 1] && !(s->cls[k - 1] & WORD_LIGHT)) continue;
                    for (const char *const *o = own; *o && !theirs; o++)
                        theirs = strncmp(s->words[k - 1], *o, strlen(*o)) == 0;
                    break;
                }
                if (!theirs) continue;
            }
        }
        /* "sent police officers to help Haiti's police fight gangs", "a
         * frigate to help evacuate civilians": what one goes to help do is a
         * purpose, not a deed done */
        if (!p->noun_head && h >= 2) {
            size_t k = h - 1;
            if (is(s, k, "to") && k >= 1) k--;
            if (s->mention_at[k] >= 0) k = s->mentions[s->mention_at[k]].first > 0 ? s->mentions[s->mention_at[k]].first - 1 : 0;
            while (k > 0 && is_any(s, k, determiners)) k--;
            if (k >= 1 && k < h && (is(s, k, "help") || is(s, k, "helping")) && (is(s, k - 1, "to") || is(s, k, "helping")))
                continue;
        }
        /* "a regulation allowing its officers to detain foreigners",
         * "authorized the army to attack": a deed one is allowed to do has
         * not been done */
        if (!p->noun_head && h >= 3 && is(s, h - 1, "to") && s->mention_at[h - 2] >= 0) {
            size_t b = s->mentions[s->mention_at[h - 2]].first;
            while (b > 0 && is_any(s, b - 1, determiners)) b--;
            static const char *const allow[] = { "allow", "authoriz", "authoris", "permit", "empower", "enabl", NULL };
            bool allowed = false;
            for (const char *const *w = allow; b > 0 && *w && !allowed; w++) allowed = strncmp(s->words[b - 1], *w, strlen(*w)) == 0;
            if (allowed) continue;
        }
        /* "missiles at two military bases in Iraq housing U.S. troops": the
         * forces a struck site houses are struck */
        if (strncmp(p->code, "19", 2) == 0 && !ev.passive) {
            size_t from_k = ev.target >= 0 && s->mentions[ev.target].last > best.last ? s->mentions[ev.target].last + 1 : best.last + 1;
            for (size_t k = from_k; k + 1 < s->n && k <= from_k + 7; k++) {
                if (is(s, k, "housing") || is(s, k, "hosting")) {
                    int housed = mention_in(s, k + 1, k + 4 < s->n ? k + 4 : s->n);
                    if (housed >= 0 && s->mentions[housed].kind == MENTION_AGENT) {
                        ev.target = housed;
                        s->consumed[k] = true;   /* no hosting of a visit (043) */
                    }
                    break;
                }
                if ((s->cls[k] & WORD_STOP) || s->tag[k] == TAG_REPORT || s->clause[k] != s->clause[h]) break;
            }
        }
        pending_event host;
        bool hosted = hosted_at_seat(s, &ev, &host);
        /* keep even events without a source: they anchor dates and complements */
        out[(*count)++] = ev;
        if (hosted && *count < MAX_EVENTS_PER_SENTENCE) out[(*count)++] = host;
    }

    /* "a Russian-brokered cease-fire", "U.N.-sponsored talks": the adjective
     * mediates (045) the truce or talks it names */
    for (size_t k = 1; k + 1 < s->n && *count < MAX_EVENTS_PER_SENTENCE; k++) {
        if (!(s->tokens[k - 1].flags & TEXT_HYPHEN_NEXT) || s->mention_at[k - 1] < 0 || s->mention_at[k] >= 0) continue;
        int source = s->mention_at[k - 1];
        if (!s->mentions[source].modifier || !s->mentions[source].code[0] || s->clause_conditional[s->clause[k]]) continue;
        size_t hc = 0;
        const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[k], &hc);
        for (size_t q = 0; q < hc; q++) {
            const lex_pattern *p = heads[q].pattern;
            match_result r;
            if (p->noun_head || p->has_slot || p->word_count == 0 || !(heads[q].forms & LEX_FORM_PARTICIPLE) ||
                strncmp(p->code, "04", 2) != 0 || !match_pattern(s, k, p, &r) || r.last > k + 3)
                continue;
            pending_event ev = { p, k, r.last, source, -1, false, false, false, false, false, false, -1, NULL, NULL, false, NULL };
            ev.adjective = true;
            out[(*count)++] = ev;
            break;
        }
    }

    /* "expelled India's ambassador and suspended bilateral trade": a
     * verb joined to the one before, with no object of its own that is an
     * actor, acts on the same one */
    for (size_t y = 1; y < *count; y++) {
        pending_event *Y = &out[y], *X = &out[y - 1];
        size_t h = Y->head;
        if (Y->target >= 0 || X->target < 0 || X->dropped || Y->passive || X->passive || h < 2 || !is(s, h - 1, "and") ||
            X->last + 4 < h || X->last >= h || s->clause[X->head] != s->clause[h] || Y->source != X->source)
            continue;
        if (strncmp(Y->pattern->code, "16", 2) != 0 && strncmp(X->pattern->code, "16", 2) != 0) continue;
        Y->target = X->target;
    }

    /* complements: "threatened to impose sanctions" (one threat, 1312),
     * "called on X to declare a truce" (the appeal only), "refused to
     * withdraw" (the refusal only) */
    for (size_t y = 0; y < *count; y++) {
        pending_event *Y = &out[y];
        size_t h = Y->head;
        /* "called on them to stop the fighting and return to talks": the
         * second complement goes where the first went */
        const pending_event *before = y > 0 ? &out[y - 1] : NULL;
        bool after_complement = before && before->dropped && before->merged_into < 0;
        bool after_appeal = before && !before->dropped && strstr(before->pattern->text, " to ") &&
                            (strncmp(before->pattern->code, "02", 2) == 0 || strncmp(before->pattern->code, "10", 2) == 0);
        /* (not an appeal of its own in the past, "urged all sides to allow
         * access and called on Eritrea to withdraw": a second act) */
        size_t hl = strlen(s->words[h]);
        bool own_act = (strncmp(Y->pattern->code, "02", 2) == 0 || strncmp(Y->pattern->code, "10", 2) == 0 ||
                        strncmp(Y->pattern->code, "11", 2) == 0 || strncmp(Y->pattern->code, "12", 2) == 0) &&
                       hl > 3 && strcmp(s->words[h] + hl - 2, "ed") == 0;
        if (before && h > 0 && (is(s, h - 1, "and") || is(s, h - 1, "or")) && (after_complement || after_appeal) &&
            s->clause[before->head] == s->clause[h] && h - before->last <= 6 && !own_act) {
            Y->dropped = true;
            continue;
        }
        size_t to = h;
        while (to > 0 && h - to < 3 && !is(s, to - 1, "to")) to--;
        if (to == 0 || !is(s, to - 1, "to")) continue;
        for (size_t x = y; x > 0; x--) {
            pending_event *X = &out[x - 1];
            if (X->dropped || s->clause[X->head] != s->clause[h] || h - X->last > 12) continue;
            const char *xc = X->pattern->code;
            if (strncmp(xc, "13", 2) == 0 || strncmp(xc, "03", 2) == 0) {
                /* the complement says what is threatened or intended */
                Y->intent = true;
                Y->modal = X->pattern->text;
                if (Y->source < 0 || s->mentions[Y->source].first > X->head) Y->source = X->source;
                if (Y->target < 0) Y->target = X->target;
                /* "invited Trump to visit Pyongyang": the invitation is to Trump */
                if (strncmp(X->pattern->text, "invite", 6) == 0 && X->target >= 0) Y->target = X->target;
                X->dropped = true;
                X->merged_into = (int)y;
            } else if (strncmp(xc, "02", 2) == 0 || strncmp(xc, "10", 2) == 0 || strncmp(xc, "12", 2) == 0) {
                Y->dropped = true;
            } else if (strncmp(xc, "04", 2) == 0 && Y->target < 0 && X->target >= 0 && Y->source == X->source &&
                       /* (not when the purpose has an object of its own: "to condemn the attempt") */
                       !(Y->last + 1 < s->n && (is_any(s, Y->last + 1, determiners) || s->mention_at[Y->last + 1] >= 0))) {
                /* "phoned Putin to apologize", "met X to discuss": the purpose
                 * is aimed at whom the contact was with */
                Y->target = X->target;
            }
            break;
        }
    }

    /* "Iran will close the strait if the United States attacks": the threat
     * is aimed at the conditional clause's subject */
    for (size_t e = 0; e < *count; e++) {
        pending_event *ev = &out[e];
        if (ev->dropped || !ev->intent || ev->target >= 0 || s->clause_conditional[s->clause[ev->head]]) continue;
        for (size_t m = 0; m < s->mention_count; m++) {
            const mention *x = &s->mentions[m];
            if (s->clause_conditional[s->clause[x->first]] && !x->prepositional && !x->place && x->code[0] &&
                (ev->source < 0 || strcmp(x->code, s->mentions[ev->source].code) != 0)) {
                ev->target = (int)m;
                break;
            }
        }
    }
    /* "Rwanda denied supporting the M23": what is denied is not done */
    for (size_t d = 0; d < *count; d++) {
        const pending_event *denial = &out[d];
        if (denial->dropped || strcmp(denial->pattern->code, "016") != 0) continue;
        for (size_t e = 0; e < *count; e++) {
            pending_event *deed = &out[e];
            size_t wl = strlen(s->words[deed->head]);
            if (e != d && deed->head == denial->last + 1 && wl > 4 && strcmp(s->words[deed->head] + wl - 3, "ing") == 0)
                deed->dropped = true;
        }
    }
    evaluations_said(s, out, count);
    /* "accused Tajik troops of shelling the town": the accusation's pattern
     * holds the deed's word; the deed is coded too, by the accused */
    size_t accusations = *count;
    for (size_t e = 0; e < accusations && *count < MAX_EVENTS_PER_SENTENCE; e++) {
        const pending_event *acc = &out[e];
        if (acc->dropped || acc->negated || acc->target < 0 || strncmp(acc->pattern->code, "112", 3) != 0) continue;
        for (size_t g = acc->head + 1; g <= acc->last; g++) {
            size_t wl = strlen(s->words[g]);
            if (!(wl > 4 && str_same(s->words[g] + wl - 3, "ing")) || !is(s, g - 1, "of")) continue;
            size_t hc = 0;
            const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[g], &hc);
            for (size_t k = 0; k < hc; k++) {
                const lex_pattern *p = heads[k].pattern;
                if (p->noun_head || !(heads[k].forms & LEX_FORM_GERUND)) continue;
                /* ("of arming the Houthi rebels": "arm _ rebels", a pattern of more words) */
                match_result r;
                if (p->word_count && !match_pattern(s, g, p, &r)) continue;
                const lex_code_info *info = lex_pattern_code(s->dict, p);
                /* (force, and arming: "accused Iran of arming the Houthis") */
                if (!info || (info->quad_class != 4 && strncmp(info->code, "07", 2) != 0)) break;
                pending_event deed = { p, g, g, acc->target, -1, false, false, false, false, false, false, -1, NULL, NULL, false, NULL };
                deed.target = mention_after(s, g + 1, s->n, true, g, -1, acc->target);
                deed.charge = acc;
                out[(*count)++] = deed;
                break;
            }
            break;
        }
    }
}

