/* reports: who says what.  Reporting verbs and their speakers give each
 * event its attribution; "we" and "our" are the speaker. */
#include "internal.h"

#include <stdio.h>

size_t code_find_reports(sentence_state *s, report *out, size_t max)
{
    size_t count = 0;
    for (size_t i = 0; i < s->n && count < max; i++) {
        if (s->tag[i] != TAG_REPORT || (i > 0 && s->tag[i - 1] == TAG_REPORT && s->tag_entry[i - 1] == s->tag_entry[i])) continue;
        report r = { i, -1, s->clause[i], s->tag_entry[i] && strcmp(s->tag_entry[i]->value, "source") == 0, NULL, NULL };
        /* "denied that", "alleged that": a code of its own; what a denial
         * reports is not asserted */
        if (s->tag_entry[i] && s->tag_entry[i]->value[0] >= '0' && s->tag_entry[i]->value[0] <= '9') {
            r.code = lex_code(s->dict, s->tag_entry[i]->value);
            r.rule = s->tag_entry[i]->source;
            size_t k = i;
            while (k < s->n && s->tag[k] == TAG_REPORT) k++;
            if (r.code && strcmp(r.code->code, "016") == 0 && k < s->n) s->clause_denied[s->clause[k]] = true;
        }
        /* "X said", "X told Y": the subject before; ", said Dengov": after; "according to X" */
        bool according = is(s, i, "according");
        if (!according) {
            int best = -1;
            for (size_t m = 0; m < s->mention_count; m++) {
                const mention *x = &s->mentions[m];
                if (x->last >= i) break;
                if (i - x->last > 12) continue;
                if (x->prepositional || x->place || x->modifier) continue;
                /* ("China, North Korea's main ally, said": an owner is no speaker) */
                if (ends_possessive(s, x->last)) continue;
                /* the nearest non-prepositional mention before the verb, in the
                 * stretch after the previous clause boundary of the report */
                best = (int)m;
            }
            /* only when it stands in the report's own clause or right before it */
            if (best >= 0) {
                const mention *x = &s->mentions[best];
                bool own = s->clause[x->last] + 1 >= s->clause[i] && s->clause[x->last] <= s->clause[i];
                bool quote_between = false;
                for (size_t k = x->last + 1; k < i; k++) if (s->tokens[k].flags & TEXT_QUOTE) quote_between = true;
                if (!own || quote_between) best = -1;
                /* ", she said" with no one for "she" to be: not the mention before her */
                if (s->tag[i - 1] == TAG_PRONOUN && s->mention_at[i - 1] < 0) best = -1;
                /* "X said that Y attacked": fine.  "Y attacked, X said": X is right before. */
            }
            /* "Putin criticized Biden on Monday, his spokesman said": the
             * spokesman of the sentence's subject, not of the last one named */
            {
                size_t b = i;
                while (b > 0 && i - b < 3 && s->mention_at[b - 1] < 0 && s->tag[b - 1] == TAG_NONE &&
                       (s->tokens[b - 1].flags & TEXT_WORD) && !is(s, b - 1, "his") && !is(s, b - 1, "her") && !is(s, b - 1, "its"))
                    b--;
                if (b >= 2 && b < i && (is(s, b - 1, "his") || is(s, b - 1, "her") || is(s, b - 1, "its")) && is(s, b - 2, ",")) {
                    best = -1;
                    for (size_t m = 0; m < s->mention_count && best < 0; m++) {
                        const mention *x = &s->mentions[m];
                        if (x->first >= b) break;
                        if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || s->dateline[x->first])
                            continue;
                        best = (int)m;
                    }
                }
            }
            /* "Vucic blamed Kurti for the violence and said": a report joined
             * by "and" has the subject of the verb before it, not its object;
             * "Netanyahu said the army had won, and warned": the speaker of
             * the report before */
            size_t and = and_before(s, i);
            if (and >= 2 && best >= 0 && s->mentions[best].last < and) {
                int earlier = -1;
                for (size_t q = count; q > 0 && earlier < 0; q--)
                    if (out[q - 1].speaker >= 0 && out[q - 1].verb < s->mentions[best].first) earlier = out[q - 1].speaker;
                size_t v = SIZE_MAX;   /* the verb the mention is the object of */
                for (size_t k = s->mentions[best].first; k > 0 && s->clause[k - 1] == s->clause[s->mentions[best].first]; k--)
                    if (s->is_head[k - 1] && s->mention_at[k - 1] < 0 && s->tag[k - 1] == TAG_NONE) { v = k - 1; break; }
                int subject = v != SIZE_MAX ? code_clause_subject(s, v) : -1;
                if (earlier >= 0) best = earlier;
                else if (subject >= 0 && s->mentions[subject].last < v && s->mentions[subject].code[0] &&
                         !ends_possessive(s, s->mentions[subject].last))
                    best = subject;
            }
            if (best < 0 || (i > 0 && (is(s, i - 1, ",") || (s->tokens[i - 1].flags & TEXT_QUOTE)))) {
                /* ", said Dengov" / "\" Kanunu added" is handled above; ", said X" here */
                size_t k = i;
                while (k < s->n && s->tag[k] == TAG_REPORT) k++;
                if (k < s->n && s->mention_at[k] >= 0 && best < 0) best = s->mention_at[k];
            }
            r.speaker = best;
        } else {
            size_t k = i;
            while (k < s->n && s->tag[k] == TAG_REPORT) k++;
            for (size_t q = k; q < s->n && q < k + 4; q++) if (s->mention_at[q] >= 0) { r.speaker = s->mention_at[q]; break; }
        }
        out[count++] = r;
        while (i + 1 < s->n && s->tag[i + 1] == TAG_REPORT) i++;
    }
    return count;
}

/* A speaker whose report of another's violence is an accusation: a named
 * party (a government, an armed force, a movement, a country), not an
 * unnamed official, a hospital, the media or a monitor. */
bool code_speaker_is_party(const mention *m)
{
    if (m->inferred_country || !m->code[0]) return false;
    /* (the code first: the words are searched only for a party's) */
    if (!code_is_state(m->code) || !code_is_party(m->code)) return false;
    /* "Gaza's health ministry said": a source of figures, not a party's charge */
    static const char *const neutral[] = { "health", "hospital", "medical", "rescue", "civil defense", "civil defence",
                                           "red cross", "red crescent", "monitor", "observatory", NULL };
    return !m->text || !code_text_has_any(m->text, neutral);
}

/* "we", "our forces": the speaker of this sentence, or of the quote that
 * runs on from the sentence before. */
void code_fill_speaker_refs(sentence_state *s, const report *reports, size_t report_count)
{
    const mention *speaker = NULL;
    for (size_t r = 0; r < report_count && !speaker; r++)
        if (reports[r].speaker >= 0) speaker = &s->mentions[reports[r].speaker];
    mention copy;
    if (speaker) {
        copy = *speaker;
        if (!copy.speaker_ref) { s->memory->last_speaker = copy; s->memory->has_speaker = true; }
    } else if (s->quoted && s->memory->has_speaker) {
        copy = s->memory->last_speaker;
        speaker = &copy;
    }
    if (!speaker || speaker->speaker_ref || !speaker->code[0]) return;
    for (size_t m = 0; m < s->mention_count; m++) {
        mention *x = &s->mentions[m];
        if (!x->speaker_ref) continue;
        if (x->kind == MENTION_AGENT) {
            char role[4];
            code_copy_text(role, sizeof role, x->code);
            code_owned(x->code, speaker->code, role);
        } else {
            code_copy_text(x->code, sizeof x->code, speaker->code);
            x->text = speaker->text;
        }
    }
}

