/* clauses: step 3 of the coder.  A sentence is cut into clauses at
 * reporting verbs, subordinators, relative pronouns, semicolons and quotes,
 * and each clause knows its subject. */
#include "internal.h"

#include <stdio.h>

/* Is every pattern of this head an appeal or a demand (02x, 10x)? */
static bool appeal_head(const sentence_state *s, size_t i)
{
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[i], &hc);
    if (!hc) return false;
    for (size_t k = 0; k < hc; k++)
        if (strncmp(heads[k].pattern->code, "02", 2) != 0 && strncmp(heads[k].pattern->code, "10", 2) != 0) return false;
    return true;
}

/* Does this head name a speech act: an appeal, demand, criticism,
 * rejection, threat or praise (roots 02, 05, 10-13)? */
static bool speech_head(const sentence_state *s, size_t i)
{
    size_t hc = 0;
    const lex_head_pattern *heads = lex_heads_of(s->dict, s->word_id[i], &hc);
    for (size_t k = 0; k < hc; k++) {
        const char *c = heads[k].pattern->code;
        if (heads[k].pattern->noun_head) continue;
        if (strncmp(c, "02", 2) == 0 || strncmp(c, "05", 2) == 0 || strncmp(c, "10", 2) == 0 || strncmp(c, "11", 2) == 0 ||
            strncmp(c, "12", 2) == 0 || strncmp(c, "13", 2) == 0)
            return true;
    }
    return false;
}

/* A short quoted phrase inside a clause ("to wage \"total war\" on") is
 * no clause of its own: two quote marks with one to five words between,
 * no comma or stop inside, and the clause going on on both sides. */
static bool quote_pair(const sentence_state *s, size_t open, size_t close)
{
    if (close < open + 2 || close > open + 6 || open == 0 || close + 1 >= s->n) return false;
    if ((s->cls[open - 1] & WORD_STOP) || (s->cls[close + 1] & WORD_STOP)) return false;
    for (size_t k = open + 1; k < close; k++)
        if ((s->cls[k] & WORD_STOP) || is(s, k, ";") || is(s, k, ":") || (s->tokens[k].flags & TEXT_QUOTE)) return false;
    return true;
}

static bool scare_quote(const sentence_state *s, size_t i)
{
    for (size_t k = i + 1; k < s->n && k <= i + 6; k++)
        if (s->tokens[k].flags & TEXT_QUOTE) { if (quote_pair(s, i, k)) return true; break; }
    for (size_t k = i; k > 0 && i - k < 6; k--)
        if (s->tokens[k - 1].flags & TEXT_QUOTE) return quote_pair(s, k - 1, i);
    return false;
}

/* The words besides subordinators that open, close or join a clause below
 * (a word class: words.c). */
const char *const clause_cues[] = { ",", ";", "and", "but", "that", "how", "who", "whom", "which", "whose", "where", NULL };

/* A word that is no clause cue, no subordinator, no reporting or modal
 * word, not after a reporting word and no quote: one the tests of
 * code_cut_clauses pass over. */
static bool plain_word(const sentence_state *s, size_t i)
{
    /* (is_any of clause_cues and subordinators, and the tags, each in one test) */
    enum { CUTTING_TAGS = 1u << TAG_REPORT | 1u << TAG_MODAL };
    return i < s->n && !(s->cls[i] & (WORD_CLAUSE_CUE | WORD_SUBORDINATOR)) && !((CUTTING_TAGS >> s->tag[i]) & 1u) &&
           !(i > 0 && s->tag[i - 1] == TAG_REPORT) && !(s->tokens[i].flags & TEXT_QUOTE);
}

void code_cut_clauses(sentence_state *s)
{
    /* "Lavrov told reporters in Moscow, accusing Kiev": whom one tells is
     * no subject, of the telling or of what follows it */
    static const char *const tell[] = { "told", "tell", "tells", "telling", NULL };
    for (size_t m = 0; m < s->mention_count; m++) {
        size_t f = s->mentions[m].first;
        size_t after = s->mentions[m].last + 1;
        /* ("told Congolese soldiers to surrender": those told to act do it) */
        if (after < s->n && (is(s, after, "to") || is(s, after, "not"))) continue;
        if (f > 0 && s->tag[f - 1] == TAG_REPORT && is_any(s, f - 1, tell)) s->mentions[m].prepositional = true;
    }
    uint16_t c = 0;
    bool relative[MAX_SENTENCE_TOKENS + 1];   /* clauses a relative word opened: "in which ..." (by clause: at most n) */
    memset(relative, 0, s->n + 1);
    bool subordinate_open = false;
    int relative_parent = -1;
    int speaker_clause = -1;   /* the clause before the first reporting verb */
    for (size_t i = 0; i < s->n; i++) {
        if (plain_word(s, i)) {
            /* most words: none of the tests below applies, and the word is
             * in the clause of the word before (passed over in a loop of its own) */
            if (i == 0) s->clause_conditional[c] = false;
            while (i < s->n && plain_word(s, i)) s->clause[i++] = c;
            s->clause_count = (uint16_t)(c + 1);
            if (i == s->n) break;
        }
        bool boundary = false, conditional = false, shares_gerund = false;
        if (s->tag[i] == TAG_REPORT && speaker_clause < 0 && i > 0) speaker_clause = c;
        /* "Guterres said Gaza needed aid and urged both sides to ...": a
         * speech act joined by "and" after what was said is the speaker's */
        int speech_subject = -1;
        /* (", and called for new protests" too, after a relative clause) */
        if ((is(s, i, "and") || is(s, i, "but")) && i > 0 && speaker_clause >= 0 && c > speaker_clause + 1) {
            size_t v = i + 1;
            if (is(s, v, "also") || is(s, v, "then") || is(s, v, "later")) v++;
            /* (not a verb that shares a modal or "to" with the one before "and":
             * "said the separatist units would disarm and withdraw") */
            bool shared_modal = i >= 2 && s->is_head[i - 1] && s->mention_at[i - 1] < 0 &&
                                (s->tag[i - 2] == TAG_MODAL || is(s, i - 2, "to"));
            /* (so is a vow or threat told by its verb: "said the truce was
             * fragile and vowed to destroy Hamas") */
            bool vow = v < s->n && s->tag[v] == TAG_MODAL && strlen(s->words[v]) > 4 &&
                       strcmp(s->words[v] + strlen(s->words[v]) - 2, "ed") == 0;
            if (v < s->n && s->mention_at[v] < 0 && ((s->is_head[v] && speech_head(s, v)) || vow) && !shared_modal) {
                boundary = true;
                speech_subject = speaker_clause;
            }
        }
        if (is(s, i, ";")) boundary = true;
        if (s->tag[i] == TAG_REPORT && (i == 0 || s->tag[i - 1] != TAG_REPORT)) boundary = true;
        if (i > 0 && s->tag[i - 1] == TAG_REPORT && s->tag[i] != TAG_REPORT) boundary = true;
        bool relative_that = false;
        if (is(s, i, "that") && i + 1 < s->n &&
            (s->tag[i + 1] == TAG_MODAL || s->tag[i + 1] == TAG_NEGATION || be_word(s, i + 1) ||
             is(s, i + 1, "has") || is(s, i + 1, "have") || is(s, i + 1, "had"))) {
            boundary = true;   /* "a resolution that would have condemned" */
            /* "Al Shabaab, the group that has fought the government for years,
             * claimed ...": after a noun, a relative clause the comma closes */
            relative_that = i > 0 && s->tag[i - 1] != TAG_REPORT && !s->is_head[i - 1] && !(s->cls[i - 1] & WORD_STOP) &&
                            relative_parent < 0;
        }
        /* "claimed that attack.": a determiner before a last noun */
        bool pointing = is(s, i, "that") && i + 2 < s->n && !(s->tokens[i + 1].flags & TEXT_PUNCT) &&
                        (s->tokens[i + 2].flags & TEXT_PUNCT) && !is(s, i + 2, "\"");
        if (is(s, i, "that") && !pointing && !(i + 1 < s->n && s->tag[i + 1] == TAG_AGENT)) {
            /* "said that", "told Anadolu Agency that", "denied that" */
            for (size_t k = i; k > 0 && i - k < 7; k--) {
                if (s->tag[k - 1] == TAG_REPORT) { boundary = true; break; }
                if (s->is_head[k - 1]) {
                    /* "demanded that Russia release": the demand's own pattern spans it */
                    if (!appeal_head(s, k - 1)) boundary = true;
                    break;
                }
            }
        }
        if (s->tag[i] == TAG_REPORT && (i == 0 || s->tag[i - 1] != TAG_REPORT) && is(s, i, "according"))
            subordinate_open = true;   /* "According to X, ..." ends at the comma */
        if (s->tag[i] == TAG_MODAL && s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "conditional") == 0 &&
            (is(s, i, "if") || is(s, i, "unless") || is(s, i, "in") || is(s, i, "provided") || is(s, i, "on") ||
             is(s, i, "as") || is(s, i, "whether"))) {
            /* "if the United States attacks": a hypothetical clause of its own */
            boundary = true;
            conditional = true;
            /* (also at the start of a quote: "\"If they attack, we will respond\"") */
            subordinate_open = i == 0 || is(s, i - 1, ",") || (s->tokens[i - 1].flags & TEXT_QUOTE);
        } else if (is(s, i, "how") && i > 0 &&
                   (is(s, i - 1, "on") || is(s, i - 1, "about") || is(s, i - 1, "over") || is(s, i - 1, "of"))) {
            /* "few details on how Pyongyang would give up its weapons": a
             * question, not something told as done or intended */
            boundary = true;
            conditional = true;
        } else if (is_any(s, i, subordinators)) {
            /* "after a powerful earthquake killed": a clause with its own
             * subject; "since last April", "as part of": not a clause */
            bool clause_like = true;
            if (is(s, i, "as") || is(s, i, "since") || is(s, i, "before") || is(s, i, "after") || is(s, i, "until")) {
                clause_like = false;
                for (size_t k = i + 1; k < s->n && k < i + 14 && !is(s, k, ","); k++)
                    if (s->is_head[k] || be_word(s, k)) { clause_like = true; break; }
                /* (but "as tens of thousands rallied": a crowd that is its own subject) */
                static const char *const crowds[] = { "tens", "thousands", "hundreds", "dozens", "scores", "crowds", NULL };
                /* (and "as Israeli warplanes struck targets": a subject named and its verb) */
                size_t q = i + 1;
                while (q < s->n && is_any(s, q, determiners)) q++;
                int named = q < s->n ? s->mention_at[q] : -1;
                size_t v = named >= 0 ? s->mentions[named].last + 1 : s->n;
                bool subject_verb = named >= 0 && !s->mentions[named].place && v < s->n &&
                                    !(s->tokens[s->mentions[named].last].flags & TEXT_POSSESSIVE) && !is(s, v, "'s") &&
                                    ((s->is_head[v] && s->mention_at[v] < 0) || s->tag[v] == TAG_MODAL || be_word(s, v) ||
                                     is(s, v, "has") || is(s, v, "have") || is(s, v, "had"));
                if (is(s, i, "as") && !(i == 0 || is(s, i - 1, ",")) && !is_any(s, i + 1, crowds) && !subject_verb)
                    clause_like = false;
                /* "have since captured": an adverb after an auxiliary */
                if (i > 0 && (is(s, i - 1, "has") || is(s, i - 1, "have") || is(s, i - 1, "had") || be_word(s, i - 1)))
                    clause_like = false;
            }
            if (clause_like) {
                boundary = true;
                subordinate_open = i == 0 || is(s, i - 1, ",") || (s->tokens[i].flags & TEXT_SENTENCE_START);
                /* "Modi flew home after meeting Putin": a gerund right after the
                 * subordinator has the subject of the clause it hangs on */
                size_t gl = i + 1 < s->n ? strlen(s->words[i + 1]) : 0;
                if (i > 0 && !subordinate_open && s->is_head[i + 1] && s->mention_at[i + 1] < 0 && gl > 4 &&
                    strcmp(s->words[i + 1] + gl - 3, "ing") == 0)
                    shares_gerund = true;
                /* "Hours after it began, ...", "Two days before the vote, ..." */
                if (i <= 3) {
                    bool opening = true;
                    for (size_t k = 0; k < i; k++)
                        if (s->mention_at[k] >= 0 || s->is_head[k] || s->tag[k] != TAG_NONE) opening = false;
                    if (opening) subordinate_open = true;
                }
            }
        }
        if (is(s, i, ",") && subordinate_open) { boundary = true; subordinate_open = false; }
        /* "..., a source in Ukraine's SBU security service told Reuters": a
         * trailing speaker is a clause of its own, no object of the verb before */
        if (is(s, i, ",") && i > 0 && !boundary) {
            bool named = false;
            for (size_t k = i + 1; k < s->n && k < i + 12; k++) {
                if (s->tag[k] == TAG_REPORT) { if (k > i + 1) boundary = true; break; }
                if (is(s, k, "'s") || is(s, k, "'")) continue;   /* (a possessive, no "is") */
                /* (a name in apposition: "..., the governor, Oleh Syniehubov, said") */
                if (is(s, k, ",") && k + 1 < s->n && (word_is_capitalized(s, k + 1) || (named && s->tag[k + 1] == TAG_REPORT))) {
                    named = true;
                    continue;
                }
                if ((s->tokens[k].flags & TEXT_PUNCT) || be_word(s, k) ||
                    s->tag[k] == TAG_MODAL || (s->is_head[k] && s->mention_at[k] < 0 && !word_is_capitalized(s, k)))
                    break;
            }
        }
        /* ", and imposed a state of emergency": a clause whose verb comes
         * right after "and" has the subject of the clause before */
        bool shares_subject = false;
        if (is(s, i, ",") && (is(s, i + 1, "and") || is(s, i + 1, "but") || is(s, i + 1, "while"))) {
            boundary = true;
            size_t v = i + 2;
            if (is(s, v, "also") || is(s, v, "then") || is(s, v, "later")) v++;
            shares_subject = !is(s, i + 1, "while") && v < s->n && s->mention_at[v] < 0 &&
                             (s->is_head[v] || s->tag[v] == TAG_MODAL || s->tag[v] == TAG_NEGATION ||
                              is(s, v, "has") || is(s, v, "had") || is(s, v, "have"));
        }
        if (is(s, i, "and") && i + 1 < s->n && s->mention_at[i + 1] >= 0 && i > 0 && s->mention_at[i - 1] < 0) {
            /* "... captured Sirte and the army said": "and" + new subject + verb */
            size_t m = (size_t)s->mention_at[i + 1];
            size_t after = s->mentions[m].last + 1;
            if (after < s->n && (s->is_head[after] || s->tag[after] == TAG_MODAL || s->tag[after] == TAG_REPORT ||
                                 s->tag[after] == TAG_NEGATION || be_word(s, after) ||
                                 is(s, after, "has") || is(s, after, "have") || is(s, after, "had")))
                boundary = true;
        }
        /* ", a charge Kigali denies": an apposition with a clause of its own,
         * whose subject follows the noun */
        if (is(s, i, ",") && i + 4 < s->n && (is(s, i + 1, "a") || is(s, i + 1, "an") || is(s, i + 1, "the"))) {
            static const char *const claims[] = { "charge", "charges", "claim", "claims", "accusation", "accusations",
                                                  "allegation", "allegations", NULL };
            if (is_any(s, i + 2, claims) && s->mention_at[i + 3] >= 0) boundary = true;
        }
        if ((s->tokens[i].flags & TEXT_QUOTE) && !scare_quote(s, i)) boundary = true;
        /* ", who ...", ", whom ...", ", which ...": a relative clause; the
         * comma that closes it goes back to the clause it interrupted
         * ("Wennesland, who mediated, urged calm") */
        bool back_to_parent = false;
        if (is(s, i, ",") && relative_parent >= 0 && !is(s, i + 1, "and") && !is(s, i + 1, "but") &&
            !is(s, i + 1, "who") && !is(s, i + 1, "which")) {
            boundary = true;
            back_to_parent = true;
        }
        if ((is(s, i, "who") || is(s, i, "whom") || is(s, i, "which") || is(s, i, "whose")) && i > 0 && is(s, i - 1, ",")) {
            boundary = true;
            /* (the clause of the antecedent, before the comma: that comma may
             * have opened a clause of its own) */
            relative_parent = i >= 2 ? (int)s->clause[i - 2] : (int)c;
        }
        /* "a week in which troops fought", ", where fighting ...": a clause of its own */
        if ((is(s, i, "which") || is(s, i, "whom")) && i > 0 && is_any(s, i - 1, prepositions)) boundary = true;
        if (is(s, i, "where") && i > 0 && is(s, i - 1, ",")) boundary = true;
        /* "demonstrators who blocked roads": a restrictive relative clause
         * with its antecedent as subject */
        if (is(s, i, "who") && i > 0 && s->mention_at[i - 1] >= 0) boundary = true;
        if (relative_that) relative_parent = c;
        bool opens_relative = ((is(s, i, "who") || is(s, i, "whom") || is(s, i, "which") || is(s, i, "whose")) && i > 0 &&
                               (is(s, i - 1, ",") || is_any(s, i - 1, prepositions))) ||
                              (is(s, i, "where") && i > 0 && is(s, i - 1, ",")) ||
                              (is(s, i, "who") && i > 0 && s->mention_at[i - 1] >= 0);
        if (boundary && i > 0) c++;
        if (boundary && opens_relative) relative[c] = true;
        if (shares_gerund && c > 0 && s->subject_from[c] < 0) s->subject_from[c] = (int16_t)(c - 1);
        if (shares_subject && c > 0 && s->subject_from[c] < 0) {
            /* "ECOWAS threatened to use force if the junta did not ..., and
             * imposed sanctions": the clause before the condition */
            int16_t from = (int16_t)(c - 1);
            /* (or before a relative clause: "crushed a coup in which 161 people
             * were killed, and rounded up thousands") */
            while (from > 0 && (s->clause_conditional[from] || relative[from])) from--;
            s->subject_from[c] = from;
        }
        if (speech_subject >= 0) s->subject_from[c] = (int16_t)speech_subject;
        /* (what follows whom one tells, with no subject of its own, is the teller's) */
        /* (the clause before the telling verb's own) */
        if (boundary && c > 1 && i > 0 && s->tag[i - 1] == TAG_REPORT && is_any(s, i - 1, tell) && s->mention_at[i] >= 0 &&
            s->mentions[s->mention_at[i]].prepositional && s->subject_from[c] < 0 && s->clause[i - 1] == c - 1)
            s->subject_from[c] = (int16_t)(c - 2);
        if (back_to_parent) {
            s->subject_from[c] = (int16_t)relative_parent;
            /* (a report inside the relative clause, "X, which reported that ...,
             * welcomed ... but urged": no speaker of what follows it) */
            if (speaker_clause > relative_parent) speaker_clause = -1;
            relative_parent = -1;
        }
        s->clause[i] = c;
        s->clause_count = (uint16_t)(c + 1);
        if (boundary || i == 0) s->clause_conditional[c] = conditional;
    }
}

/* The subject of the clause before the head: the first mention of the
 * clause that is not after a preposition and not a place. */
int code_clause_subject(const sentence_state *s, size_t head)
{
    uint16_t c = s->clause[head];
    int best = -1;
    /* "X praised the two leaders ... and urged them": the second verb has
     * the first one's subject, not its object */
    size_t and = and_before(s, head);
    /* (a place before "and" is no compound: "hit a hospital in Kyiv and killed") */
    if (and > 0 && (s->mention_at[and - 1] < 0 || s->mentions[s->mention_at[and - 1]].prepositional))
        for (size_t p = and; p > 0; p--) {
            size_t v = p - 1;
            if (s->clause[v] != c) break;
            /* (a relative "that" opening the clause is no determiner: "an attack that hit a hospital and killed") */
            bool relative_that = v >= 2 && is(s, v - 1, "that") && s->clause[v - 2] != s->clause[v - 1];
            if (s->is_head[v] && v > 0 && (!is_any(s, v - 1, determiners) || relative_that) && s->mention_at[v] < 0 &&
                !(s->tokens[v - 1].flags & TEXT_POSSESSIVE) && !word_is_capitalized(s, v)) {
                /* "for making compromises": a gerund after a preposition is no main verb */
                size_t wl = strlen(s->words[v]);
                if (wl > 4 && strcmp(s->words[v] + wl - 3, "ing") == 0 && is_any(s, v - 1, prepositions)) continue;
                /* ", some waving Russian flags, and attacked": a participial aside */
                if (wl > 4 && strcmp(s->words[v] + wl - 3, "ing") == 0 &&
                    (is(s, v - 1, ",") || (v > 1 && is(s, v - 2, ",")))) continue;
                bool object_between = false;
                for (size_t q = v + 1; q < and; q++) if (s->mention_at[q] >= 0) object_between = true;
                if (object_between) return code_clause_subject(s, v);
                break;
            }
        }
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->last >= head) break;
        if (s->clause[x->first] != c) continue;
        if (x->prepositional || x->place || x->modifier || !x->code[0]) continue;
        /* ", some waving Russian flags, and attacked": an adjective of a
         * thing in an aside is no doer */
        if (x->adjectival && x->last + 1 <= head && x->last + 2 < s->n && s->tag[x->last + 1] == TAG_NONE &&
            !word_is_capitalized(s, x->last + 1) && !(s->tokens[x->last + 1].flags & TEXT_PUNCT) &&
            is(s, x->last + 2, ","))
            continue;
        /* a relative clause's own subject: "X, which Y backs, attacked": keep the first */
        if (best < 0) best = (int)m;
    }
    if (best >= 0) return best;
    /* ", who launched an offensive": the relative pronoun stands for the
     * mention before the comma */
    {
        size_t k = 0;
        while (k < head && s->clause[k] != c) k++;
        int near = -1;   /* the last mention before the comma, a few words back at most */
        for (size_t q = k >= 2 ? k - 2 : 0; k >= 2 && q + 6 > k && near < 0; q--) {
            if (s->mention_at[q] >= 0) near = s->mention_at[q];
            if (q == 0) break;
        }
        if (k < head && is(s, k, "who") && k >= 1 && s->mention_at[k - 1] >= 0 && s->mentions[s->mention_at[k - 1]].code[0])
            return s->mention_at[k - 1];
        /* "a Russian missile attack that hit a hospital": the thing before
         * "that" did it, a deed by its author named inside it */
        bool complement = false;   /* ("warned its allies that ...": what is said) */
        for (size_t q = k; q > 0 && k - q < 7 && !complement; q--) complement = s->tag[q - 1] == TAG_REPORT;
        /* (a relative "that" is followed by its verb: "that hit", "that has fought") */
        bool verb_next = k + 1 < s->n && (s->is_head[k + 1] || s->tag[k + 1] == TAG_MODAL || be_word(s, k + 1) ||
                                          is(s, k + 1, "has") || is(s, k + 1, "have") || is(s, k + 1, "had"));
        if (k < head && is(s, k, "that") && k >= 1 && !complement && verb_next && !is(s, k - 1, ","))
            for (size_t q = k; q > 0 && k - q < 4; q--) {
                if (s->tokens[q - 1].flags & TEXT_PUNCT) break;
                int m = s->mention_at[q - 1];
                if (m >= 0 && s->mentions[m].code[0] && !s->mentions[m].place && !s->mentions[m].prepositional &&
                    !s->mentions[m].modifier)
                    return m;
                if (m >= 0 || is_any(s, q - 1, determiners)) break;   /* (the noun phrase begins) */
            }
        if (k < head && (is(s, k, "who") || is(s, k, "which")) && k >= 2 && is(s, k - 1, ",") && near >= 0) {
            int m = near;
            /* "threw stones at police, who detained dozens": the object of
             * "at", "on", "against", "with" is the antecedent itself */
            size_t b = s->mentions[near].first;
            while (b > 0 && is_any(s, b - 1, determiners)) b--;
            bool object = b > 0 && (is(s, b - 1, "at") || is(s, b - 1, "on") || is(s, b - 1, "against") ||
                                    is(s, b - 1, "with"));
            /* "Williams, the U.N. envoy for Libya, who mediated": not the
             * owner inside an apposition but the person it describes */
            while (!object && m > 0 && (s->mentions[m].prepositional || s->mentions[m].place) && s->mentions[m].first > 0 &&
                   !is(s, s->mentions[m].first - 1, "who"))
                m--;
            if (s->mentions[m].prepositional || s->mentions[m].place) m = near;
            if (s->mentions[m].code[0]) return m;
        }
    }
    /* "Russia denied that ... and blamed Ukraine": the subject of the clause
     * this one continues */
    if (s->subject_from[c] >= 0) {
        size_t k = 0;
        while (k < s->n && s->clause[k] != (uint16_t)s->subject_from[c]) k++;
        size_t end = k;
        while (end < s->n && s->clause[end] == (uint16_t)s->subject_from[c]) end++;
        if (end > k) {
            int m = code_clause_subject(s, end - 1 > k ? end - 1 : k);
            if (m >= 0) return m;
            /* a clause that is only its subject: "Guterres | said ..." */
            for (size_t q = 0; q < s->mention_count; q++) {
                const mention *x = &s->mentions[q];
                if (s->clause[x->first] == (uint16_t)s->subject_from[c] && !x->prepositional && !x->place && !x->modifier &&
                    x->code[0])
                    return (int)q;
            }
        }
    }
    /* "anti-aircraft guns of the Haftar forces violated": the owner of an
     * unlisted noun is the actor */
    for (size_t m = 0; m < s->mention_count; m++) {
        const mention *x = &s->mentions[m];
        if (x->last >= head) break;
        if (s->clause[x->first] == c && x->after_of && !x->place && !x->modifier && x->code[0]) return (int)m;
    }
    /* a clause opened by a subordinator or "and" with no subject of its own
     * shares the previous clause's subject: "X captured Y and killed Z" */
    return -1;
}
