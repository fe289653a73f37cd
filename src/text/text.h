/* text: from raw article bytes to sentences of tokens.
 *
 * The one idea: matching happens on a *folded* copy of the text (case folded,
 * diacritics stripped, punctuation variants unified), but every token keeps
 * the byte offsets of its original bytes, so evidence is always an exact
 * slice of the input.  Folding is done code point by code point through
 * utf8proc's decomposition, which also makes matching independent of
 * whether the input was NFC or NFD.  */
#ifndef PARLEY_TEXT_H
#define PARLEY_TEXT_H

#include "../util/util.h"

/* Token flags. */
enum {
    TEXT_WORD        = 1u << 0,  /* letters/digits (possibly with inner dots: "u.n."); numbers too, and the clitics "'s" "n't" "'re" */
    TEXT_NUMBER      = 1u << 1,  /* starts with a digit: "2,000", "6", "2020-01-06" */
    TEXT_PUNCT       = 1u << 2,  /* one punctuation character: , ; : ( ) . ! ? */
    TEXT_QUOTE       = 1u << 3,  /* a quotation mark of any style, folded to '"' (also single quotes used as quotation marks, and `` ''); always with TEXT_PUNCT */
    TEXT_CAPITALIZED = 1u << 4,  /* original starts with an uppercase letter */
    TEXT_ALLCAPS     = 1u << 5,  /* every letter uppercase, at least one letter ("US", "GNA", "U.N.") */
    TEXT_POSSESSIVE  = 1u << 6,  /* the token "'s" or a lone "'" after a plural ("Haftar's" -> "haftar" + "'s") */
    TEXT_HYPHEN_NEXT = 1u << 7,  /* joined to the next token by a hyphen in the original ("cease-fire") */
    TEXT_SENTENCE_START = 1u << 8, /* first token of its sentence */
    TEXT_QUOTE_OPEN  = 1u << 9,  /* with TEXT_QUOTE: an opening quotation mark (by its shape, or for " and ' by position) */
};

typedef struct text_token {
    uint32_t start, end;       /* byte offsets of the original token in the article text */
    uint32_t fold;             /* offset of the folded form in text_doc.folded */
    uint16_t fold_len;         /* length of the folded form (no NUL inside the doc buffer; folded forms are separated by NUL bytes) */
    uint16_t flags;
} text_token;

typedef struct text_sentence {
    uint32_t start, end;       /* byte offsets in the article text (end exclusive), trimmed of surrounding white space */
    uint32_t first_token;      /* index into text_doc.tokens */
    uint32_t token_count;
    uint32_t paragraph;        /* 0-based paragraph number (blank-line or newline separated blocks) */
    bool     quoted;           /* the whole sentence sits inside quotation marks */
} text_sentence;

typedef struct text_doc {
    const char    *text;       /* the article text (not owned) */
    size_t         text_len;
    char          *folded;     /* folded token forms, each NUL-terminated, concatenated */
    size_t         folded_len;
    text_token    *tokens;
    size_t         token_count;
    text_sentence *sentences;
    size_t         sentence_count;
} text_doc;

/* Abbreviations that do not end a sentence ("jan", "gen", "mr", "st", "no", "a.m").
 * Given as folded forms without the final dot.  The caller owns the set; it
 * is built once (from the dictionaries) and shared read-only by threads. */
typedef struct text_abbreviations text_abbreviations;
text_abbreviations *text_abbreviations_new(void);
void text_abbreviations_add(text_abbreviations *set, const char *folded_without_dot);
bool text_abbreviations_has(const text_abbreviations *set, const char *folded, size_t n);
void text_abbreviations_free(text_abbreviations *set);

/* Checks that bytes are valid UTF-8.  On failure sets *bad_offset to the byte
 * offset of the first invalid sequence and returns false. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* Returns a copy (malloc'd, NUL-terminated) with every invalid sequence
 * replaced by U+FFFD; *replaced counts them. */
char *text_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *replaced);

/* Folds one phrase the way text_analyze folds tokens: returns the folded
 * tokens joined by single spaces (hyphen and apostrophe splits as in text).
 * Used to build dictionaries so that entries and text fold identically.
 * Result is allocated in the arena. */
char *text_fold_phrase(arena *a, const char *s, size_t n);

/* Splits a valid UTF-8 text into tokens and sentences.  All memory comes
 * from the arena.  Never fails on valid UTF-8 (bounded: linear in n).
 * abbreviations may be NULL: a built-in list of common English
 * abbreviations (months, titles, "st", "no" ...) is used.  Texts longer
 * than UINT32_MAX / 16 bytes are analyzed up to that length only. */
void text_analyze(arena *a, const char *text, size_t n,
                  const text_abbreviations *abbreviations, text_doc *out);

/* Convenience: the folded form of token i. */
static inline const char *text_token_fold(const text_doc *d, size_t i) { return d->folded + d->tokens[i].fold; }

#endif
