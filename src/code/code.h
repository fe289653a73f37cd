/* code: the event coder.  One sentence in, zero or more CAMEO events out.
 *
 * The coder never parses into a tree.  It tags each sentence with dictionary
 * matches (actors, agents, verb patterns, pronouns, modals, negations,
 * reporting verbs), cuts it into clauses at reporting verbs and clause
 * boundaries, and for each verb pattern finds its source (the clause's
 * subject, or the "by" agent of a passive) and its target (the pattern's `_`
 * slot or the first actor after it), then applies negation, modality and
 * attribution.  Everything it decides is recorded in the event's `rule` and
 * explanation, so a user can see why. */
#ifndef PARLEY_CODE_H
#define PARLEY_CODE_H

#include "../util/util.h"
#include "../text/text.h"
#include "../lex/lex.h"

typedef struct code_actor {
    char        code[16];    /* "LBYMIL"; "" when unknown */
    const char *text;        /* the words in the sentence that named it (arena), NULL if inferred */
    uint32_t    start, end;  /* byte offsets of those words, 0/0 when inferred */
} code_actor;

enum { CODE_DATE_DAY = 0, CODE_DATE_MONTH, CODE_DATE_YEAR };

typedef struct code_casualties {
    int32_t killed, wounded, displaced, arrested, abducted, missing;   /* -1 when not given */
    /* the qualifier of each count in the same order ("at least", "about",
     * "more than", as the text says), NULL when the count is plain */
    const char *qualifier[6];
} code_casualties;

typedef struct code_place {
    const char *name;        /* as in the text (arena) */
    char        country[4];  /* ISO alpha-3 or "" */
    double      lat, lon;    /* NAN when unknown */
    const char *precision;   /* "city", "region", "country", "near" (a place the gazetteer lacks, placed at its reference) or NULL */
    const char *near;        /* the reference of a "near" place ("Tripoli" in "Ain Zara, south of Tripoli"), or NULL */
} code_place;

typedef struct code_event {
    uint32_t    sentence_index;
    uint32_t    start, end;          /* the sentence's byte offsets in the article text */
    int32_t     date;                /* days since 1970-01-01 */
    int         date_precision;      /* CODE_DATE_* */
    const char *date_evidence;       /* the words that gave the date, or NULL (article date) */
    code_actor  source;
    code_actor  target;              /* target.code[0] == 0 means no target */
    bool        has_target;
    const lex_code_info *cameo;      /* code, name, goldstein, quad class, plover */
    bool        has_place;
    code_place  place;
    bool        has_casualties;
    code_casualties casualties;
    const char *attribution;         /* the speaker's words (arena) or NULL */
    bool        negated;
    const char *rule;                /* "verb: accuse _ of war crimes = 1124 (dict/verbs.txt:120)" (arena) */
    const char *explanation;         /* for --explain: words matched and steps taken (arena) */
    uint32_t    verb_start, verb_end;/* byte offsets of the pattern's words */
} code_event;

typedef struct code_result {
    code_event *events;
    size_t      count, capacity;
    size_t      sentences;          /* sentences coded (for throughput figures) */
} code_result;

typedef struct code_options {
    bool keep_negated;   /* emit negated events with "negated":true instead of dropping them */
    bool explain;        /* fill code_event.explanation */
    bool keep_untargeted;   /* also emit events whose target the text does not give ("target":null) */
} code_options;

/* Codes one article.  text must be valid UTF-8.  publication_date is days
 * since 1970-01-01.  All memory comes from the arena (the result too).
 * Deterministic, linear-ish in the article length, never fails. */
void code_article(arena *a, const lex_dict *dict, const code_options *options,
                  const char *text, size_t text_len, int32_t publication_date,
                  code_result *out);

#endif
