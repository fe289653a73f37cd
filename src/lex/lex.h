/* lex: the dictionaries, loaded once and then immutable.
 *
 * Every phrase of every kind (actors, agents, grammar words) goes into one
 * hash table keyed by its folded tokens joined with spaces; every proper
 * prefix of a phrase is in the table too, marked as a prefix, so a
 * longest-match scan over a sentence stops the moment no entry can continue.
 * Verb patterns are indexed by their inflected head word.  Threads share a
 * loaded lex_dict read-only.  Format: dict/FORMAT.md. */
#ifndef PARLEY_LEX_H
#define PARLEY_LEX_H

#include "../util/util.h"

#include <string.h>

typedef enum lex_kind {
    LEX_PERSON = 0, LEX_COUNTRY, LEX_CAPITAL, LEX_DEMONYM, LEX_ORGANIZATION, LEX_GROUP,
    LEX_AGENT,
    LEX_PRONOUN, LEX_MODAL, LEX_NEGATION, LEX_REPORT, LEX_LOCATIVE, LEX_ABBREVIATION,
    LEX_VERB, LEX_IRREGULAR, LEX_WEAPON,
    LEX_REGION,      /* a region with an armed movement of its own ("Tigray"): actor codes, never an actor alone */
    LEX_FACILITY,    /* a named site the gazetteer lacks ("Chernobyl", "Natanz"): its country */
    LEX_KIND_COUNT
} lex_kind;

const char *lex_kind_name(lex_kind k);
static inline bool lex_kind_is_actor(lex_kind k) { return k <= LEX_GROUP; }

#define LEX_DATE_MIN INT32_MIN
#define LEX_DATE_MAX INT32_MAX

typedef struct lex_code_range {
    char    code[16];       /* "LBYGOV" */
    int32_t from, to;       /* days since 1970-01-01, inclusive; LEX_DATE_MIN/MAX when open */
} lex_code_range;

typedef struct lex_entry {
    lex_kind        kind;
    const char     *phrase;      /* the phrase as written in the file */
    const char     *folded;      /* its folded form */
    const char     *value;       /* the text after '=' (trimmed) */
    const lex_code_range *codes; /* actor kinds: the codes with their ranges */
    uint16_t        code_count;
    uint16_t        token_count;
    bool            caps_only;   /* matches only text written in capitals */
    bool            plural_form; /* an agent's plural made by the loader ("rebels" from "rebel") */
    const char     *source;      /* "dict/people-africa.txt:12" */
    int             layer;       /* index of the dictionary folder it came from */
} lex_entry;

/* A matched phrase: all entries that share the folded phrase (one per kind at most). */
typedef struct lex_match {
    const lex_entry *const *entries;
    size_t           count;
    size_t           token_count;    /* tokens consumed */
} lex_match;

enum { LEX_ITEM_WORD = 0, LEX_ITEM_SLOT = 1 };

typedef struct lex_pattern {
    const char  *text;           /* as written: "accuse _ of war crimes" */
    const char  *code;           /* CAMEO event code "1124" */
    const struct lex_code_info *info; /* lex_code of code, found once at load; NULL in a pattern the
                                       * coder makes itself (lex_pattern_code looks that one up) */
    const char **words;          /* folded items after the head; "_" for the slot */
    const uint32_t *word_hashes; /* lex_word_hash of each word, to compare without strcmp */
    int8_t       slot_index;     /* index of "_" in words, or -1 */
    uint8_t      word_count;
    bool         noun_head;      /* "~attack by" */
    bool         passive_only;
    bool         undergoer;      /* "come > under fire": the subject suffers the deed, as in a passive */
    bool         has_slot;
    const char  *source;         /* "dict/verbs.txt:120" */
    const char  *rule;           /* "~attack by = 190 (dict/verbs.txt:12)": how an event's rule names the pattern,
                                  * written once at load (NULL in a pattern the coder makes itself) */
    uint64_t     text_hash;      /* of text: duplicates are found without comparing every text */
    uint64_t     stem_bits;      /* bit (lex_stem_hash & 63) of each word: a pattern whose bits are not all
                                  * among those of the words after the head cannot match */
    uint32_t     first_letters;  /* bit (byte & 31) of the first byte of each word but the slot: a word and
                                  * its other number start alike (0: not worked out, no test) */
} lex_pattern;

typedef struct lex_code_info {
    char        code[5];         /* "0871" */
    char        root[3];         /* "08" */
    const char *name;
    double      goldstein;
    int         quad_class;
    const char *plover;
    char        intent_code[5];  /* "" when it stays the same */
} lex_code_info;

/* How a head word was met: which verb form. */
enum { LEX_FORM_BASE = 1, LEX_FORM_THIRD = 2, LEX_FORM_PAST = 4, LEX_FORM_PARTICIPLE = 8,
       LEX_FORM_GERUND = 16, LEX_FORM_NOUN = 32, LEX_FORM_PLURAL = 64 };

typedef struct lex_head_pattern {
    const lex_pattern *pattern;
    uint64_t           stem_bits;  /* pattern->stem_bits, here so that the test that rejects most patterns
                                    * reads no pattern */
    uint32_t           first_hash; /* lex_word_hash of the first literal word after the head, 0 when none */
    uint32_t           first_stem; /* lex_stem_hash of that word: its other number shares it */
    uint8_t            forms;    /* LEX_FORM_* bits this surface word is */
    bool               noun_head; /* pattern->noun_head, here for the same reason as stem_bits */
    uint8_t            literal_words; /* pattern words other than the slot, and whether it has one: */
    bool               has_slot;      /* the order of a head's patterns, read without the pattern */
} lex_head_pattern;

typedef struct lex_diagnostic {
    bool  is_error;
    char *message;               /* "dict/verbs.txt:12: unknown CAMEO code \"9999\"" */
} lex_diagnostic;

typedef struct lex_dict lex_dict;

/* Loads every *.txt below each folder (recursively; later folders extend or
 * override earlier ones: the same phrase in the same kind is replaced) and
 * cameo.tsv from the first folder that has one.  Problems in single lines
 * become diagnostics and the line is skipped; a missing cameo.tsv or an
 * unreadable folder is fatal (returns NULL with err set). */
lex_dict *lex_load(const char *const *folders, size_t folder_count, error *err);
void      lex_free(lex_dict *d);

/* Dictionary text given in memory (tests, fuzzing, embedding): loaded after
 * the folders, as a layer of its own. */
typedef struct lex_source { const char *name; const char *bytes; size_t len; } lex_source;
lex_dict *lex_load_ex(const char *const *folders, size_t folder_count, const lex_source *extra, size_t extra_count,
                      error *err);

size_t                lex_diagnostic_count(const lex_dict *d);
const lex_diagnostic *lex_diagnostic_at(const lex_dict *d, size_t i);

/* Longest phrase match starting at token `first` of folded tokens
 * (tokens[i] is a NUL-terminated folded word, caps[i] whether the original
 * token was all capitals).  Returns false when no phrase starts there. */
bool lex_match_phrase(const lex_dict *d, const char *const *tokens, const bool *caps,
                      size_t count, size_t first, lex_match *out);

/* The same by word ids: every word the dictionaries' phrases and heads
 * contain has an id (lex_word_id; 0 for any other word), so that a
 * sentence's words are looked up once and its phrases matched over
 * integers.  Gives what lex_match_phrase gives on the same words. */
uint32_t lex_word_id(const lex_dict *d, const char *folded_word, size_t length, uint32_t word_hash /* lex_word_hash(folded_word) */);
bool lex_match_ids(const lex_dict *d, const uint32_t *ids, const bool *caps,
                   size_t count, size_t first, lex_match *out);
/* lex_heads of the word with this id (none for 0). */
const lex_head_pattern *lex_heads_of(const lex_dict *d, uint32_t word_id, size_t *count);
/* The stem_bits of those patterns, side by side (NULL when none), then a
 * 0, which any test of bits passes, so that a scan ends there without
 * counting: the first test of a head's patterns reads only these. */
const uint64_t *lex_heads_stem_bits(const lex_dict *d, uint32_t word_id);
/* The LEX_FORM_* bits of those patterns that are no noun heads ("~attack"),
 * together: how the word may be met as a verb (0 when none). */
uint8_t lex_heads_verb_forms(const lex_dict *d, uint32_t word_id);

/* Exact lookup of a folded phrase ("foreign minister"). */
bool lex_lookup(const lex_dict *d, const char *folded, lex_match *out);
/* The entry of a kind within a match, or NULL. */
const lex_entry *lex_match_kind(const lex_match *m, lex_kind kind);

/* Patterns whose head is this folded word, longest patterns first. */
const lex_head_pattern *lex_heads(const lex_dict *d, const char *folded_word, size_t *count);

/* The hash the coder compares pattern words by (32-bit FNV-1a). */
static inline uint32_t lex_word_hash(const char *w)
{
    uint32_t h = 2166136261u;
    for (const unsigned char *p = (const unsigned char *)w; *p; p++) { h ^= *p; h *= 16777619u; }
    return h;
}

/* The hash of a word without a plural ending, the same for both numbers of
 * most nouns ("hideouts"/"hideout", "parties"/"party", "crosses"/"cross"):
 * a quick test before the coder compares a pattern word with its other
 * number.  Different words may share it; the exact comparison decides. */
static inline uint32_t lex_stem_hash(const char *w)
{
    size_t n = strlen(w);
    if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's') n--;
    if (n > 3 && w[n - 1] == 'e') n--;
    if (n > 3 && (w[n - 1] == 'i' || w[n - 1] == 'y')) n--;
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) { h ^= (unsigned char)w[i]; h *= 16777619u; }
    return h;
}

/* lex_word_hash and lex_stem_hash of one word of n bytes in a single
 * pass: the stem's length is known from the word's end, so the stem's hash
 * is the word's hash part of the way. */
static inline void lex_word_hashes(const char *w, size_t n, uint32_t *hash, uint32_t *stem)
{
    size_t k = n;   /* the stem's length, as lex_stem_hash cuts it */
    if (k > 3 && w[k - 1] == 's' && w[k - 2] != 's') k--;
    if (k > 3 && w[k - 1] == 'e') k--;
    if (k > 3 && (w[k - 1] == 'i' || w[k - 1] == 'y')) k--;
    const unsigned char *p = (const unsigned char *)w;
    uint32_t h = 2166136261u;
    size_t i = 0;
    for (; i < k; i++) { h ^= p[i]; h *= 16777619u; }
    *stem = h;
    for (; i < n; i++) { h ^= p[i]; h *= 16777619u; }
    *hash = h;
}

const lex_code_info *lex_code(const lex_dict *d, const char *code);
/* Codes of one to four digits ("19", "0871") each have a slot of their own
 * below LEX_CODE_SLOTS, so that looking one up (for every event) is a few
 * steps; -1 for any other code. */
enum { LEX_CODE_SLOTS = 10 + 100 + 1000 + 10000 };
int lex_code_slot(const char *code);
/* lex_code of a pattern's code, without the lookup for a loaded pattern. */
static inline const lex_code_info *lex_pattern_code(const lex_dict *d, const lex_pattern *p)
{
    return p->info ? p->info : lex_code(d, p->code);
}
size_t               lex_code_count(const lex_dict *d);
const lex_code_info *lex_code_at(const lex_dict *d, size_t i);

/* The code of an actor entry valid on a date (days since 1970-01-01); see
 * FORMAT.md for the fall-backs.  Writes into out (16 bytes). */
void lex_actor_code(const lex_entry *e, int32_t date, char out[16]);

/* Statistics for `parley dict stats`. */
typedef struct lex_stats {
    size_t entries[LEX_KIND_COUNT];
    size_t phrases[LEX_KIND_COUNT];
    size_t patterns;
    size_t codes_without_patterns;
} lex_stats;
void lex_get_stats(const lex_dict *d, lex_stats *out);
size_t lex_pattern_count(const lex_dict *d);
const lex_pattern *lex_pattern_at(const lex_dict *d, size_t i);
size_t lex_entry_count(const lex_dict *d);
const lex_entry *lex_entry_at(const lex_dict *d, size_t i);

/* The gazetteer (lex/places.h), or NULL when none was compiled. */
struct places;
const struct places *lex_places(const lex_dict *d);

/* Abbreviations for the sentence splitter, built from @kind abbreviation. */
struct text_abbreviations;
const struct text_abbreviations *lex_abbreviations(const lex_dict *d);

/* Parses a date bound "YYYY", "YYYY-MM" or "YYYY-MM-DD"; is_end picks the
 * last day of a year/month.  Returns false when malformed. */
bool lex_parse_date_bound(const char *s, size_t n, bool is_end, int32_t *days);

/* Inflected forms of a verb lemma or a noun (for tests and lint): writes up
 * to max forms into arena strings with their LEX_FORM_* bits. */
size_t lex_inflect(arena *a, const char *lemma, bool noun, const char *irregular_past,
                   const char *irregular_participle, const char **forms, uint8_t *bits, size_t max);

#endif
