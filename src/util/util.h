/* util: the small pieces every stage shares.
 *
 * An arena hands out memory that lives as long as one article (or one
 * dictionary) and is freed in one call, so the coder never frees piecemeal
 * and cannot leak per sentence.  A buf is a growable byte string.  An error
 * is a value: a message a user can act on, never a print or an exit. */
#ifndef PARLEY_UTIL_H
#define PARLEY_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdarg.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

/* ---- arena ---- */
typedef struct arena_block arena_block;
typedef struct arena {
    arena_block *head;
    size_t total;     /* bytes handed out, for limits and statistics */
} arena;

void  arena_init(arena *a);
void *arena_alloc(arena *a, size_t size);          /* zeroed, 16-byte aligned; aborts only on OOM */
void *arena_alloc_raw(arena *a, size_t size);      /* the same, not zeroed: for large scratch the caller fills */
char *arena_strndup(arena *a, const char *s, size_t n);
char *arena_strdup(arena *a, const char *s);
char *arena_printf(arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The count strings given, one after another: arena_printf with only "%s",
 * without parsing a format (rules are built for every event). */
char *arena_concat(arena *a, size_t count, ...);
void  arena_reset(arena *a);                       /* keeps the first block */
/* A point to come back to: arena_rewind frees all that was allocated
 * after arena_mark_of(a) was taken (scratch work whose result is copied
 * out before), as if it never was. */
typedef struct arena_mark {
    arena_block *head, *next;   /* the current block then, and the one after it */
    size_t used, total;
} arena_mark;
arena_mark arena_mark_of(const arena *a);
void  arena_rewind(arena *a, arena_mark mark);
void  arena_free(arena *a);

/* ---- growable byte string ---- */
typedef struct buf {
    char  *data;      /* always NUL-terminated when len > 0 or after buf_init */
    size_t len, cap;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_reserve(buf *b, size_t extra);
/* The appends are inline: output is written a few bytes at a time. */
static inline void buf_append(buf *b, const void *data, size_t n)
{
    if (b->len + n + 1 > b->cap) buf_reserve(b, n);
    if (n) memcpy(b->data + b->len, data, n);
    b->len += n;
    b->data[b->len] = 0;
}
static inline void buf_puts(buf *b, const char *s) { buf_append(b, s, strlen(s)); }
static inline void buf_putc(buf *b, char c) { buf_append(b, &c, 1); }
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(buf *b, const char *fmt, va_list ap);
void buf_clear(buf *b);
/* Appends s as the body of a JSON string (no surrounding quotes). */
void buf_json_escape(buf *b, const char *s, size_t n);

#ifdef __SSE2__
/* The bytes of x that a JSON string must escape (a control byte, '"' or
 * '\\'), one bit each. */
static inline unsigned json_escape_mask16(__m128i x)
{
    const __m128i quote = _mm_set1_epi8('"'), backslash = _mm_set1_epi8('\\'), control = _mm_set1_epi8(0x1f);
    __m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, quote), _mm_cmpeq_epi8(x, backslash)),
                               _mm_cmpeq_epi8(_mm_max_epu8(x, control), control));   /* x <= 0x1f */
    return (unsigned)_mm_movemask_epi8(hit);
}
#endif

/* The first index from i on whose byte a JSON string must escape, looking
 * sixteen bytes at a time where the machine can: when there is none, it
 * stops with fewer than sixteen bytes left before n (at i or later), whose
 * bytes the caller reads. */
static inline size_t json_plain_until(const char *s, size_t i, size_t n)
{
#ifdef __SSE2__
    while (i + 16 <= n) {
        unsigned mask = json_escape_mask16(_mm_loadu_si128((const __m128i *)(const void *)(s + i)));
        if (mask) return i + (size_t)__builtin_ctz(mask);
        i += 16;
    }
#else
    (void)s;
    (void)n;
#endif
    return i;
}
/* Appends s as a JSON string, in quotes. */
void buf_json_string(buf *b, const char *s, size_t n);

/* ---- errors as values ---- */
typedef struct error {
    char message[512];   /* "articles.jsonl:17: missing field \"date\"" */
} error;

/* Sets the message (printf style) and returns false, so callers can write
 * `return error_set(err, "...")`.  err may be NULL. */
bool error_set(error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- fields ---- */
/* Splits line in place at each tab into at most max fields (the last field
 * keeps any further tabs); returns how many. */
size_t split_tabs(char *line, char **fields, size_t max);

/* ---- files ---- */
/* Reads a whole file; limit bounds memory (a larger file is an error). */
bool file_read_all(const char *path, size_t limit, char **out, size_t *out_len, error *err);

/* ---- dates ---- */
/* Days since 1970-01-01 for a proleptic Gregorian date; used for comparisons and arithmetic. */
int32_t date_to_days(int year, int month, int day);
void    date_from_days(int32_t days, int *year, int *month, int *day);
/* Parses exactly "YYYY-MM-DD" (a real calendar date); returns false otherwise. */
bool    date_parse_iso(const char *s, size_t n, int32_t *days);
/* Writes "YYYY-MM-DD" into out (at least 11 bytes). */
void    date_format_iso(int32_t days, char out[11]);
int     date_days_in_month(int year, int month);

/* ---- UTF-8 ---- */
/* Decodes the sequence at s[0..n) (n >= 1).  Returns its length (1..4) and
 * sets *cp; if the bytes are not valid UTF-8, sets *cp to U+FFFD and returns
 * the negated length (>= 1) of the maximal prefix of a valid sequence. */
int  utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Whether bytes are well-formed UTF-8; if not, *bad_offset (may be NULL) is
 * the offset of the first invalid sequence. */
bool utf8_valid(const char *s, size_t n, size_t *bad_offset);

/* ---- hashing ---- */
/* strcmp(a, b) == 0 without a call, for the short words the coder
 * compares many times a sentence: the first byte settles almost every
 * comparison. */
static inline bool str_same(const char *a, const char *b)
{
    if (a[0] != b[0]) return false;
    for (size_t k = 0; a[k] == b[k]; k++)
        if (!a[k]) return true;
    return false;
}

/* strncmp(a, b, n) == 0 without a call (reading no byte after a NUL of
 * either): codes are compared by their first three bytes, the country,
 * many times an article. */
/* The first min(n, 8) bytes of s in one number (little-endian), zero above,
 * read with loads of fixed size: one for eight bytes or more, two
 * overlapping for four to seven, three single bytes for fewer.  A memcpy of
 * variable length costs a score of instructions; this runs for every token
 * (word lookup) and every short string written (JSON). */
static inline uint64_t load_upto8(const char *s, size_t n)
{
    uint64_t w = 0;
    if (n >= 8) {
        memcpy(&w, s, 8);
    } else if (n >= 4) {
        uint32_t low, high;
        memcpy(&low, s, 4);
        memcpy(&high, s + n - 4, 4);
        w = (uint64_t)low | (uint64_t)high << (8 * (n - 4));
    } else if (n > 0) {
        const unsigned char *p = (const unsigned char *)s;
        w = (uint64_t)p[0] | (uint64_t)p[n / 2] << (8 * (n / 2)) | (uint64_t)p[n - 1] << (8 * (n - 1));
    }
    return w;
}

static inline bool str_same_n(const char *a, const char *b, size_t n)
{
    for (size_t k = 0; k < n; k++) {
        if (a[k] != b[k]) return false;
        if (!a[k]) return true;
    }
    return true;
}

/* A word's first two bytes as one bit of 64 (pairs may share one): OR them
 * over a list of words, and a word whose bit is not set is in no list, which
 * one test tells without reading the list. */
static inline uint64_t str_start_bit(const char *w)
{
    unsigned first = (unsigned char)w[0], second = first ? (unsigned char)w[1] : 0;
    return 1ull << ((first * 7 + second) & 63);
}

/* Words' first three letters, one bit each of 26 * 26 * 26: a word of
 * three lowercase letters or more whose bit is not set begins as none of
 * the words added does, which one test tells without reading them. */
typedef struct prefix_set { uint8_t bits[(26 * 26 * 26 + 7) / 8]; } prefix_set;

/* The index of w's first three letters, or -1 if it does not start with
 * three lowercase letters. */
static inline int prefix_index(const char *w)
{
    if (!(w[0] >= 'a' && w[0] <= 'z') || !(w[1] >= 'a' && w[1] <= 'z') || !(w[2] >= 'a' && w[2] <= 'z')) return -1;
    return ((w[0] - 'a') * 26 + (w[1] - 'a')) * 26 + (w[2] - 'a');
}

static inline bool prefix_set_has(const prefix_set *set, int index) { return set->bits[index / 8] & (1u << (index % 8)); }

/* Adds the words of a NULL-terminated list that start with three lowercase
 * letters (a caller tests the others itself). */
void prefix_set_add(prefix_set *set, const char *const *list);

uint64_t hash_bytes(const void *data, size_t n);   /* FNV-1a 64 */
/* The hash of bytes that follow those hashed to h: hash_bytes(ab) ==
 * hash_bytes_more(hash_bytes(a), b), and hash_bytes(x) ==
 * hash_bytes_more(HASH_BYTES_START, x). */
#define HASH_BYTES_START 1469598103934665603ull
static inline uint64_t hash_bytes_more(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) { h ^= p[i]; h *= 1099511628211ull; }
    return h;
}

#endif
