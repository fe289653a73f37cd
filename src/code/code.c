/* code: the event coder (see code.h for the shape).
 *
 * Per sentence: (1) tag tokens with the longest dictionary phrases and (2)
 * assemble actor mentions from the tags (mentions.c); (3) cut clauses at
 * reporting verbs, subordinators and semicolons (clauses.c); (4) for each
 * verb-pattern head, find source and target by position: clause subject,
 * pattern slot, "by" agent of a passive; then negation, modality and
 * complements (events.c); attribution from reporting verbs (reports.c);
 * places (place.c); and (5) the records, with what the article's memory
 * learns for later sentences (record.c).  Positions, not parse trees: the
 * whole article is a few linear passes.  This file runs them over an
 * article. */
#include "internal.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* Clears an article's memory but for its lists, which are read only below
 * their counts: most of the struct is lists, and most articles fill few of
 * them.  Any other field, one added later too, is zeroed. */
static void memory_clear(memory *m)
{
    typedef struct { size_t at, size; } range;
    range keep[] = {
        { offsetof(memory, groups), sizeof m->groups },   { offsetof(memory, people), sizeof m->people },
        { offsetof(memory, titles), sizeof m->titles },   { offsetof(memory, tally), sizeof m->tally },
        { offsetof(memory, accusations), sizeof m->accusations }, { offsetof(memory, deferred), sizeof m->deferred },
        { offsetof(memory, places), sizeof m->places },   { offsetof(memory, acts), sizeof m->acts },
        { offsetof(memory, lookups), sizeof m->lookups },
    };
    size_t n = sizeof keep / sizeof keep[0];
    for (size_t i = 1; i < n; i++)   /* by offset */
        for (size_t k = i; k > 0 && keep[k].at < keep[k - 1].at; k--) { range t = keep[k]; keep[k] = keep[k - 1]; keep[k - 1] = t; }
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
        memset((char *)m + from, 0, keep[i].at - from);
        from = keep[i].at + keep[i].size;
    }
    memset((char *)m + from, 0, sizeof *m - from);
}

static void main_country(const lex_dict *dict, const text_doc *doc, const uint32_t *ids, const bool *caps,
                         memory *mem, int32_t publication)
{
    char *out = mem->country;
    /* the most frequent country among actor phrases of the article */
    typedef struct { char code[4]; int count, by_name; } tally;
    tally t[64];
    size_t n = 0;
    out[0] = 0;
    for (size_t i = 0; i < doc->token_count;) {
        if (!(doc->tokens[i].flags & TEXT_CAPITALIZED)) { i++; continue; }
        lex_match m;
        if (!lex_match_ids(dict, ids, caps, doc->token_count, i, &m)) { i++; continue; }
        for (size_t k = 0; k < m.count; k++) {
            if (!lex_kind_is_actor(m.entries[k]->kind)) continue;
            char code[16];
            lex_actor_code(m.entries[k], publication, code);
            if (!code_is_state(code) || !code_length_at_least(code, 3)) break;
            /* (a news agency in the dateline, "(Reuters)", is no side of the story) */
            if (code_role_is(code, "MED")) break;
            size_t x = 0;
            while (x < n && !str_same_n(t[x].code, code, 3)) x++;
            if (x == n && n < 64) { memcpy(t[n].code, code, 3); t[n].code[3] = 0; t[n].count = t[n].by_name = 0; n++; }
            if (x < 64) {
                t[x].count++;
                /* (not by a capital, nor by a one-word name alone, which may be another's) */
                t[x].by_name += m.entries[k]->kind != LEX_CAPITAL && !(m.entries[k]->kind == LEX_PERSON && m.token_count == 1);
            }
            break;
        }
        i += m.token_count;
    }
    int best = 0;
    for (size_t x = 0; x < n; x++) if (t[x].count > best) { best = t[x].count; memcpy(out, t[x].code, 4); }
    for (size_t x = 0; x < n && x < sizeof mem->countries / sizeof mem->countries[0]; x++) {
        memcpy(mem->countries[x].code, t[x].code, 4);
        mem->countries[x].count = t[x].by_name;
        mem->country_count = x + 1;
    }
}

/* Whether a date is the day a story is at: a day, the publication's or the
 * one before (the news); an earlier day, a month or a year frames
 * background. */
bool code_is_story_day(const date_expression *d, int32_t publication)
{
    return d->precision == CODE_DATE_DAY && !d->is_range && publication - d->days <= 1;
}

/* Verbs of a reaction, "Maduro responded by ..." (a word class: words.c). */
const char *const reacting_verbs[] = { "responded", "retaliated", "reacted", NULL };

/* A sentence that tells what came right after the one before: "Within
 * minutes, ...", "Hours later, ...", "Maduro responded by ..." (or right
 * before it: "Hours earlier, ...").  It stays at the day the story is at,
 * though it opens a paragraph. */
static bool continues_story(const sentence_state *s)
{
    static const char *const soon[] = { "minutes", "hours", "moments", NULL };
    static const char *const opening[] = { "shortly", "soon", "later", "then", "afterwards", "immediately", NULL };
    if (s->n < 2) return false;
    if (is(s, 0, "within") && is_any(s, 1, soon)) return true;
    if (is_any(s, 0, soon) && s->n > 2 && (is(s, 1, "later") || is(s, 1, "earlier"))) return true;
    if (is_any(s, 0, opening)) return true;
    for (size_t i = 1; i < s->n && i < 12; i++) {
        if (s->cls[i] & WORD_STOP) break;
        if (is_any(s, i, reacting_verbs)) return true;
    }
    return false;
}

void code_article(arena *a, const lex_dict *dict, const code_options *options,
                  const char *text, size_t text_len, int32_t publication_date, code_result *out)
{
    code_words_init();
    memset(out, 0, sizeof *out);
    text_doc doc;
    text_analyze(a, text, text_len, lex_abbreviations(dict), &doc);
    /* each token's hashes and dictionary word id, once for the article */
    uint32_t *hash = arena_alloc_raw(a, (doc.token_count + 1) * 3 * sizeof *hash);
    uint32_t *stem = hash + doc.token_count + 1, *word_id = stem + doc.token_count + 1;
    bool *caps = arena_alloc_raw(a, doc.token_count + 1);
    for (size_t i = 0; i < doc.token_count; i++) {
        const char *w = text_token_fold(&doc, i);
        lex_word_hashes(w, doc.tokens[i].fold_len, &hash[i], &stem[i]);
        word_id[i] = lex_word_id(dict, w, doc.tokens[i].fold_len, hash[i]);
        caps[i] = doc.tokens[i].flags & TEXT_ALLCAPS;
        /* "anti-tank weapons", "anti-government protesters": the word after
         * "anti-" says what is opposed; it names no actor and heads no verb */
        if (i > 0 && (doc.tokens[i - 1].flags & TEXT_HYPHEN_NEXT) && doc.tokens[i - 1].fold_len == 4 &&
            memcmp(text_token_fold(&doc, i - 1), "anti", 4) == 0) {
            word_id[i] = 0;
            hash[i] ^= 0x9e3779b9u;
            stem[i] ^= 0x9e3779b9u;
        }
    }
    memory mem;
    memory_clear(&mem);
    main_country(dict, &doc, word_id, caps, &mem, publication_date);
    /* large scratch, filled per sentence for the tokens it uses: not zeroed */
    sentence_state *s = arena_alloc_raw(a, sizeof *s);
    pending_event *events = arena_alloc_raw(a, MAX_EVENTS_PER_SENTENCE * sizeof *events);   /* written before read */
    out->sentences = doc.sentence_count;
    for (size_t si = 0; si < doc.sentence_count; si++) {
        const text_sentence *ts = &doc.sentences[si];
        /* reset only what this sentence uses: the state is large and most
         * sentences are short */
        s->span_count = 0;
        s->mention_count = 0;
        s->dict = dict;
        s->options = options;
        s->a = a;
        s->doc = &doc;
        s->text = text;
        s->publication = publication_date;
        s->memory = &mem;
        s->quoted = ts->quoted;
        s->tokens = doc.tokens + ts->first_token;
        s->n = ts->token_count < MAX_SENTENCE_TOKENS ? ts->token_count : MAX_SENTENCE_TOKENS;
        const uint32_t *sentence_stem = stem + ts->first_token;
        s->stem = sentence_stem;
        for (size_t i = 0; i < s->n; i++) {
            s->words[i] = text_token_fold(&doc, ts->first_token + i);
            s->caps[i] = caps[ts->first_token + i];
            s->word_id[i] = word_id[ts->first_token + i];
            s->hash[i] = hash[ts->first_token + i];
            size_t length = doc.tokens[ts->first_token + i].fold_len;
            s->word8[i] = load_upto8(s->words[i], length < 8 ? length : 8);
            s->mention_at[i] = -1;
            s->tag[i] = TAG_NONE;
            s->tag_entry[i] = NULL;
            s->clause[i] = 0;
            s->consumed[i] = false;
            s->is_head[i] = false;
            s->dateline[i] = false;
            s->weapon[i] = NULL;
            s->region[i] = NULL;
            s->facility[i] = NULL;
            s->cls[i] = code_word_class_of(s->words[i], s->hash[i], s->word8[i]);
            /* (the word's first byte is word8's lowest) */
            s->date_start[i] = (s->cls[i] & WORD_DATE_HEAD) || (uint8_t)(s->word8[i] - '0') <= 9;
            s->clause_conditional[i] = false;
            s->clause_denied[i] = false;
            s->subject_from[i] = -1;
            s->date_head[i] = -1;
        }
        s->after_bits[s->n] = 0;
        s->after_letters[s->n] = 0;
        for (size_t i = s->n; i > 0; i--) {
            s->after_bits[i - 1] = s->after_bits[i] | (1ull << (sentence_stem[i - 1] & 63));
            s->after_letters[i - 1] = s->after_letters[i] | (1u << (s->word8[i - 1] & 31));
        }
        code_tag_sentence(s);
        if (si < 3) code_find_dateline(s);
        code_sentence_place_country(s);
        /* "In Yerevan, thousands of protesters gathered ... Some protesters
         * threw stones at police": the place a paragraph has named holds
         * for the police and crowds of the sentences after it in that
         * paragraph (see build_mention) */
        s->place_carried = false;
        if (s->place_country[0]) {
            memcpy(mem.paragraph_place, s->place_country, sizeof mem.paragraph_place);
            mem.place_paragraph = ts->paragraph;
        } else if (mem.paragraph_place[0] && mem.place_paragraph == ts->paragraph) {
            memcpy(s->place_country, mem.paragraph_place, sizeof s->place_country);
            s->place_carried = true;
        }
        code_build_mentions(s);
        code_cut_clauses(s);
        report reports[16];
        size_t report_count = code_find_reports(s, reports, 16);
        code_fill_speaker_refs(s, reports, report_count);
        size_t event_count = 0;
        code_find_events(s, events, &event_count);
        /* the sentence's subject, if a person, for "he" and "she" in what follows */
        mem.subject_age++;
        for (size_t m = 0; m < s->mention_count; m++) {
            const mention *x = &s->mentions[m];
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || s->dateline[x->first]) continue;
            if (x->kind == MENTION_PERSON && !x->speaker_ref) { mem.last_subject = *x; mem.has_subject = true; mem.subject_age = 0; }
            break;
        }
        /* "The militants set fire to a cathedral, residents said. They
         * seized a priest": "they" is the subject, not those who told it */
        for (size_t m = 0; m < s->mention_count; m++) {
            const mention *x = &s->mentions[m];
            if (x->prepositional || x->place || x->modifier || x->adjectival || !x->code[0] || s->dateline[x->first]) continue;
            bool subject_plural = x->plural || x->kind == MENTION_GROUP;
            for (size_t r = 0; r < report_count && subject_plural; r++) {
                if (reports[r].speaker < 0 || reports[r].speaker == (int)m) continue;
                const mention *who = &s->mentions[reports[r].speaker];
                if (who->first > x->first && who->plural && who->kind == MENTION_AGENT && x->compound < 0 &&
                    !(who->how && strstr(who->how, "pronoun")) && mem.has_plural && mem.last_plural.first == who->first) {
                    mem.last_plural = *x;
                    mem.plural_is_pair = false;
                }
            }
            break;
        }
        /* "..., AU Commission chairman Moussa Faki said. He condemned": a
         * person who speaks at the end of a sentence is its subject too */
        for (size_t r = 0; r < report_count && mem.subject_age > 0; r++) {
            if (reports[r].speaker < 0 || reports[r].sourcing) continue;
            const mention *x = &s->mentions[reports[r].speaker];
            if (x->kind == MENTION_PERSON && x->code[0] && !x->speaker_ref && x->first > 0) {
                mem.last_subject = *x;
                mem.has_subject = true;
                mem.subject_age = 0;
            }
        }
        date_expression dates[16];
        size_t date_count = 0,
               found = date_find_told(s->words, s->n, 0, s->n, publication_date, mem.has_told_day ? &mem.told_day : NULL,
                                      s->date_start, dates, 16);
        /* a date after publication is when an announced act is to happen;
         * what is coded (the announcement, the intent) happened by then */
        /* (the dateline's date, "ISLAMABAD, Jan 15 (Reuters) -", is the
         * story's, not an event's) */
        for (size_t d = 0; d < found; d++)
            if (!dates[d].future && !s->dateline[dates[d].first]) dates[date_count++] = dates[d];
        size_t coded_before = out->count;
        if (continues_story(s)) mem.narrative_paragraph = ts->paragraph;
        s->paragraph = ts->paragraph;
        s->story_begun = out->count > 0;
        int first_date = code_emit_sentence(s, si, ts, events, event_count, reports, report_count, dates, date_count, out);
        /* the first date the sentence names (of its own clauses) is the day
         * the story is at, while that is the news of the publication day or
         * the day before; an earlier day, a month or a year frames background
         * ("The crisis began when ... on Feb. 14", "Talks began in 2012"),
         * whose undated events in the paragraph take it no finer than its
         * month */
        if (first_date >= 0) {
            const date_expression *d = &dates[first_date];
            mem.has_narrative_day = code_is_story_day(d, publication_date);
            /* (a span up to now, "since Tuesday", frames nothing) */
            mem.has_frame = !mem.has_narrative_day && d->until < publication_date - 1;
            mem.frame_precision = d->precision > CODE_DATE_MONTH ? d->precision : CODE_DATE_MONTH;
            mem.frame_paragraph = ts->paragraph;
            mem.narrative_day = d->days;
            mem.narrative_paragraph = ts->paragraph;
            mem.narrative_words = code_slice(s, d->first, d->last, NULL, NULL);
        }
        /* the last day the text has named: what "two days later" in a
         * sentence after it counts from */
        for (size_t d = 0; d < date_count; d++)
            if (dates[d].precision == CODE_DATE_DAY && !dates[d].is_range && !dates[d].opens_clause) {
                mem.told_day = dates[d].days;
                mem.has_told_day = true;
            }
        if (out->count == coded_before) code_repeat_for_ellipsis(s, si, ts, dates, date_count, out);
    }
    code_resolve_deferred(&mem, out, a);
    /* an event is who did what to whom: one whose target the text does not
     * give ("X condemned the violence") is left out unless asked for */
    if (!options->keep_untargeted) {
        size_t kept = 0;
        for (size_t i = 0; i < out->count; i++)
            if (out->events[i].has_target) out->events[kept++] = out->events[i];
        out->count = kept;
    }
}

