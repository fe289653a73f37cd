/* text internals shared by the files of src/text/ (not part of the contract).
 *
 * utf8.c      decoding, validation, repair
 * fold.c      what a code point is (letter, digit, apostrophe, quote ...)
 *             and its folded form
 * tokens.c    the tokenizer: words, numbers, acronyms, clitics, punctuation
 * sentence.c  sentence and paragraph boundaries, abbreviations
 * text.c      text_analyze and text_fold_phrase, gluing the above */
#ifndef PARLEY_TEXT_INTERNAL_H
#define PARLEY_TEXT_INTERNAL_H

#include "text.h"

/* ---- utf8.c ---- */

/* Decoding is util's utf8_decode (shared with the reader); a broken
 * sequence's negated length is what one U+FFFD replaces. */
static inline int text_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) { return utf8_decode(s, n, cp); }

/* Like text_utf8_decode but always moves on: invalid bytes read as U+FFFD. */
static inline int text_utf8_next(const char *s, size_t n, size_t p, int32_t *cp)
{
    if ((unsigned char)s[p] < 0x80) {   /* most text is ASCII */
        *cp = (unsigned char)s[p];
        return 1;
    }
    int len = text_utf8_decode((const unsigned char *)s + p, n - p, cp);
    return len < 0 ? -len : len;
}

/* The code point that ends just before byte p (p > 0), its start in *start. */
int32_t text_utf8_previous(const char *s, size_t p, size_t *start);

/* ---- fold.c ---- */

typedef enum text_class {
    TC_SPACE,      /* white space that is not a line break */
    TC_BREAK,      /* line break: \n \r \v \f U+0085 U+2028 */
    TC_PARAGRAPH,  /* U+2029 paragraph separator */
    TC_IGNORE,     /* controls, format characters: skipped */
    TC_JOINER,     /* soft hyphen, ZWJ, ZWNJ, word joiner: invisible inside a word */
    TC_MARK,       /* combining marks */
    TC_LETTER,
    TC_DIGIT,      /* decimal digits */
    TC_NUMERAL,    /* other numerals (Roman, superscripts, fractions): word characters */
    TC_APOSTROPHE, /* ' ’ ‘ ` ′ */
    TC_HYPHEN,     /* - and Unicode hyphens: splits words, joins digits */
    TC_EN_DASH,    /* – : joins digits ("2019–2020"), otherwise a dash */
    TC_DASH,       /* — and other dashes */
    TC_DOT,
    TC_COMMA,
    TC_COLON,
    TC_QUOTE,      /* double and angle quotation marks */
    TC_OPEN,       /* opening bracket */
    TC_CLOSE,      /* closing bracket */
    TC_TERMINAL,   /* ! ? … and their CJK/Arabic forms (not the period) */
    TC_PUNCT,      /* everything else: symbols and other punctuation */
} text_class;

/* The classes below U+0080 are settled inline, the rest by utf8proc's
 * categories: tokenizing asks for a class at nearly every byte. */
text_class text_classify_unicode(int32_t cp);

/* The class of each ASCII character, found with one load. */
static const unsigned char text_ascii_classes[128] = {
    TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE,   /* 0x00 */
    TC_IGNORE, TC_SPACE, TC_BREAK, TC_BREAK, TC_BREAK, TC_BREAK, TC_IGNORE, TC_IGNORE,   /* 0x08 */
    TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE,   /* 0x10 */
    TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE, TC_IGNORE,   /* 0x18 */
    TC_SPACE, TC_TERMINAL, TC_QUOTE, TC_PUNCT, TC_PUNCT, TC_PUNCT, TC_PUNCT, TC_APOSTROPHE,   /* 0x20 */
    TC_OPEN, TC_CLOSE, TC_PUNCT, TC_PUNCT, TC_COMMA, TC_HYPHEN, TC_DOT, TC_PUNCT,   /* 0x28 */
    TC_DIGIT, TC_DIGIT, TC_DIGIT, TC_DIGIT, TC_DIGIT, TC_DIGIT, TC_DIGIT, TC_DIGIT,   /* 0x30 */
    TC_DIGIT, TC_DIGIT, TC_COLON, TC_PUNCT, TC_PUNCT, TC_PUNCT, TC_PUNCT, TC_TERMINAL,   /* 0x38 */
    TC_PUNCT, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x40 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x48 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x50 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_OPEN, TC_PUNCT, TC_CLOSE, TC_PUNCT, TC_PUNCT,   /* 0x58 */
    TC_APOSTROPHE, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x60 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x68 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER, TC_LETTER,   /* 0x70 */
    TC_LETTER, TC_LETTER, TC_LETTER, TC_OPEN, TC_PUNCT, TC_CLOSE, TC_PUNCT, TC_IGNORE,   /* 0x78 */
};

static inline text_class text_classify(int32_t cp)
{
    if ((uint32_t)cp >= 0x80) return text_classify_unicode(cp);
    return (text_class)text_ascii_classes[cp];
}

static inline bool text_class_is_word(text_class c)
{
    return c == TC_LETTER || c == TC_DIGIT || c == TC_NUMERAL || c == TC_MARK;
}

/* Longest folded form of one code point, in bytes (U+FDFA decomposes into 18
 * code points). */
enum { TEXT_FOLD_MAX = 96 };

/* Writes the folded form of one code point (case folded, compatibility
 * decomposed, marks stripped, no white space or controls) to out and returns
 * its length; never 0 for a letter, digit or punctuation character. */
size_t text_fold_codepoint(int32_t cp, char out[TEXT_FOLD_MAX]);

/* Letter case of a code point: 1 upper or title case, -1 lower case, 2 a
 * letter without case (Arabic, CJK), 0 not a letter. */
int text_letter_case_unicode(int32_t cp);

static inline int text_letter_case(int32_t cp)
{
    if ((uint32_t)cp >= 0x80) return text_letter_case_unicode(cp);
    if (cp >= 'A' && cp <= 'Z') return 1;
    if (cp >= 'a' && cp <= 'z') return -1;
    return 0;
}

/* The folded form of an ASCII character: itself, upper case lowered. */
static inline char text_fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c; }

/* Opening quotation marks by their shape (“ « „ ‹ ‚ ‘), closing (” » › ’),
 * or neither (" ' and friends, decided by context). */
int text_quote_direction(int32_t cp);   /* 1 opening, -1 closing, 0 ambiguous */

/* ---- tokens.c ---- */

typedef struct text_tokens {
    text_token *tokens;
    size_t count, capacity;
    char *folded;
    size_t folded_len, folded_capacity;
} text_tokens;

/* Tokenizes s[0..n) into out (all memory from the arena). */
void text_tokenize(arena *a, const char *s, size_t n, text_tokens *out);

/* ---- sentence.c ---- */

/* Fills doc->sentences (doc->tokens and doc->folded already set) and marks
 * the first token of each sentence with TEXT_SENTENCE_START. */
void text_split_sentences(arena *a, text_doc *doc, const text_abbreviations *abbreviations);

#endif
