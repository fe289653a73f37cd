/* lex: loading and looking up the dictionaries (format: dict/FORMAT.md).
 *
 * The one idea: one open-addressing hash table holds every folded phrase
 * and every proper prefix of one, so the longest match at a token costs one
 * probe per token and stops as soon as nothing can continue.  All memory of
 * a loaded dictionary sits in one arena and nothing changes after loading,
 * so any number of threads may share it. */
#include "lex.h"
#include "../text/text.h"
#include "places.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <ctype.h>
#include <errno.h>

/* Longest text of a phrase a match can reach (bytes, with the spaces and a NUL). */
enum { LEX_KEY_MAX = 512 };

/* ---- small vectors ---- */

typedef struct ptr_vec { void **items; size_t count, cap; } ptr_vec;

static void ptr_vec_push(ptr_vec *v, void *p)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 8;
        void **items = realloc(v->items, cap * sizeof *items);
        if (!items) { fputs("parley: out of memory\n", stderr); abort(); }
        v->items = items;
        v->cap = cap;
    }
    v->items[v->count++] = p;
}

/* ---- the phrase table ---- */

typedef struct phrase_slot {
    const char *key;             /* folded phrase; NULL = empty slot */
    uint64_t    hash;
    ptr_vec     entries;         /* lex_entry*, every kind */
    ptr_vec     lower_entries;   /* the entries that also match text not in capitals */
    int         layer;           /* folder index of the latest entry */
} phrase_slot;

typedef struct phrase_table {
    phrase_slot *slots;
    size_t       cap, used;
} phrase_table;

typedef struct head_slot {
    const char *key;
    uint64_t    hash;
    lex_head_pattern *items;
    uint32_t    count, cap;       /* 32 bits: the slot keeps to 48 bytes with verb_forms */
    uint64_t   *stem_bits;        /* items[i].stem_bits side by side (built after loading): the scan that
                                   * rejects most patterns reads an eighth of the memory */
    uint8_t     verb_forms;       /* the forms of its patterns that are no noun heads, together */
} head_slot;

typedef struct head_table {
    head_slot *slots;
    size_t     cap, used;
} head_table;

/* A word's slot holds its first eight bytes (zero-padded) and its length,
 * so that finding a word of up to eight bytes reads nothing else. */
typedef struct word_slot {
    uint32_t hash, id;
    uint64_t head;                /* the first eight bytes, zero-padded */
    uint32_t len;
} word_slot;

typedef struct lex_word_info {
    const char      *word;
    uint32_t         len;
    const head_slot *heads;       /* the patterns with this head word, or NULL */
    bool             starts;      /* the first word of a phrase: a match can begin here */
} lex_word_info;

/* A phrase as its last word after the phrase of its other words: the
 * phrases form a tree (every prefix of a phrase is one too), kept in one
 * open-addressed table of small nodes, so that a step of a match reads one
 * node and nothing else. */
typedef struct phrase_node {
    uint32_t parent;      /* node index + 1 of the phrase without its last word; 0 for a first word */
    uint32_t word;        /* id of the last word; 0 = an empty node */
    uint32_t slot;        /* index + 1 in the phrase table; 0 none */
    uint8_t  has;         /* PHRASE_ENTRIES, PHRASE_LOWER_ENTRIES: whether slot_result would find entries */
} phrase_node;

enum { PHRASE_ENTRIES = 1, PHRASE_LOWER_ENTRIES = 2, PHRASE_LONGER = 4 /* some phrase goes on from here */ };

typedef struct word_index {
    word_slot     *slots;         /* open addressing by lex_word_hash; id 0 = empty */
    size_t         cap;
    lex_word_info *words;         /* by id; [0] is no word */
    size_t         count, alloc;
    phrase_node   *nodes;         /* open addressing by (parent, word) */
    size_t         node_cap;
    uint64_t      *starts;        /* bit by id: the first word of a phrase (a few kilobytes: stays in cache) */
    uint32_t      *roots;         /* by id: the node of the one-word phrase (index + 1), 0 none */
} word_index;

struct lex_dict {
    arena         memory;
    phrase_table  phrases;
    head_table    heads;
    lex_code_info *codes;
    size_t        code_count;
    bool          codes_sorted;
    uint16_t      *code_index;    /* by lex_code_slot of an all-digit code: index in codes + 1, 0 none */
    ptr_vec       patterns;       /* lex_pattern* */
    ptr_vec       entries;        /* lex_entry* (all, including replaced ones) */
    ptr_vec       diagnostics;    /* lex_diagnostic* */
    text_abbreviations *abbreviations;
    places        *gazetteer;     /* NULL when no compiled gazetteer was found */
    const lex_pattern **pattern_set;  /* open addressing by text_hash: each pattern text once */
    size_t        pattern_set_cap, pattern_set_count;
    word_index    words;          /* every word of a phrase or a head, by id (built after loading) */
};

/* The pattern already loaded with this text and head kind, or NULL; else
 * remembers p. */
static const lex_pattern *pattern_seen(lex_dict *d, const lex_pattern *p)
{
    if (2 * (d->pattern_set_count + 1) > d->pattern_set_cap) {
        size_t cap = d->pattern_set_cap ? d->pattern_set_cap * 2 : 8192;
        const lex_pattern **set = calloc(cap, sizeof *set);
        if (!set) { fputs("parley: out of memory\n", stderr); abort(); }
        for (size_t i = 0; i < d->pattern_set_cap; i++) {
            const lex_pattern *q = d->pattern_set[i];
            if (!q) continue;
            size_t k = q->text_hash & (cap - 1);
            while (set[k]) k = (k + 1) & (cap - 1);
            set[k] = q;
        }
        free(d->pattern_set);
        d->pattern_set = set;
        d->pattern_set_cap = cap;
    }
    size_t mask = d->pattern_set_cap - 1;
    for (size_t k = p->text_hash & mask;; k = (k + 1) & mask) {
        const lex_pattern *q = d->pattern_set[k];
        if (!q) { d->pattern_set[k] = p; d->pattern_set_count++; return NULL; }
        if (q->text_hash == p->text_hash && q->noun_head == p->noun_head && strcmp(q->text, p->text) == 0) return q;
    }
}

static phrase_slot *phrase_find(const phrase_table *t, const char *key, size_t n, uint64_t h)
{
    if (!t->cap) return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        phrase_slot *s = &t->slots[i];
        if (!s->key) return NULL;
        if (s->hash == h && strncmp(s->key, key, n) == 0 && s->key[n] == 0) return s;
    }
}

static void phrase_grow(phrase_table *t)
{
    size_t cap = t->cap ? t->cap * 2 : 4096;
    phrase_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) { fputs("parley: out of memory\n", stderr); abort(); }
    for (size_t i = 0; i < t->cap; i++) {
        phrase_slot *s = &t->slots[i];
        if (!s->key) continue;
        size_t j = s->hash & (cap - 1);
        while (slots[j].key) j = (j + 1) & (cap - 1);
        slots[j] = *s;
    }
    free(t->slots);
    t->slots = slots;
    t->cap = cap;
}

static phrase_slot *phrase_insert(phrase_table *t, arena *a, const char *key)
{
    size_t n = strlen(key);
    uint64_t h = hash_bytes(key, n);
    phrase_slot *s = phrase_find(t, key, n, h);
    if (s) return s;
    if ((t->used + 1) * 4 >= t->cap * 3) phrase_grow(t);
    size_t mask = t->cap - 1, i = h & mask;
    while (t->slots[i].key) i = (i + 1) & mask;
    s = &t->slots[i];
    s->key = arena_strndup(a, key, n);
    s->hash = h;
    s->layer = -1;
    t->used++;
    return s;
}

static head_slot *head_find(const head_table *t, const char *key, uint64_t h)
{
    if (!t->cap) return NULL;
    size_t mask = t->cap - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
        head_slot *s = &t->slots[i];
        if (!s->key) return NULL;
        if (s->hash == h && strcmp(s->key, key) == 0) return s;
    }
}

static head_slot *head_insert(head_table *t, arena *a, const char *key)
{
    uint64_t h = hash_bytes(key, strlen(key));
    head_slot *s = head_find(t, key, h);
    if (s) return s;
    if ((t->used + 1) * 4 >= t->cap * 3) {
        size_t cap = t->cap ? t->cap * 2 : 2048;
        head_slot *slots = calloc(cap, sizeof *slots);
        if (!slots) { fputs("parley: out of memory\n", stderr); abort(); }
        for (size_t i = 0; i < t->cap; i++) {
            if (!t->slots[i].key) continue;
            size_t j = t->slots[i].hash & (cap - 1);
            while (slots[j].key) j = (j + 1) & (cap - 1);
            slots[j] = t->slots[i];
        }
        free(t->slots);
        t->slots = slots;
        t->cap = cap;
    }
    size_t mask = t->cap - 1, i = h & mask;
    while (t->slots[i].key) i = (i + 1) & mask;
    s = &t->slots[i];
    s->key = arena_strdup(a, key);
    s->hash = h;
    t->used++;
    return s;
}

/* ---- word ids ----
 *
 * After loading, every distinct word of a phrase (or of a prefix of one)
 * and every head word gets a number, and every phrase is indexed again by
 * its sequence of numbers.  The coder looks each token up once (by the
 * lex_word_hash it computes anyway); from then on a phrase match is a
 * walk over integers, and a token no phrase contains stops it at once. */

static inline size_t node_hash(uint32_t parent, uint32_t word)
{
    uint64_t h = ((uint64_t)parent << 32 | word) * 0x9E3779B97F4A7C15ull;
    return (size_t)(h ^ (h >> 31));
}

static inline uint64_t word_head(const char *word, size_t n)
{
    /* The first min(n, 8) bytes in one number, zero above (heads are only
     * compared with heads): every token of every article is looked up. */
    return load_upto8(word, n);
}

static inline uint32_t word_find(const word_index *w, const char *word, size_t n, uint32_t hash)
{
    if (!w->cap) return 0;
    size_t mask = w->cap - 1;
    uint64_t head = word_head(word, n);
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        const word_slot *slot = &w->slots[i];
        if (!slot->id) return 0;
        if (slot->hash != hash || slot->len != n || slot->head != head) continue;
        if (n <= 8) return slot->id;
        const char *known = w->words[slot->id].word;
        size_t k = 8;   /* words are short: a loop beats a call */
        while (k < n && known[k] == word[k]) k++;
        if (k == n) return slot->id;
    }
}

static void word_slots_resize(word_index *w, size_t cap)
{
    word_slot *slots = calloc(cap, sizeof *slots);
    if (!slots) { fputs("parley: out of memory\n", stderr); abort(); }
    for (size_t i = 0; i < w->cap; i++) {
        if (!w->slots[i].id) continue;
        size_t j = w->slots[i].hash & (cap - 1);
        while (slots[j].id) j = (j + 1) & (cap - 1);
        slots[j] = w->slots[i];
    }
    free(w->slots);
    w->slots = slots;
    w->cap = cap;
}

/* The id of a word (n bytes at word, not NUL-terminated), added if new. */
static uint32_t word_intern(word_index *w, arena *a, const char *word, size_t n)
{
    uint32_t hash = 2166136261u;   /* lex_word_hash of the n bytes */
    for (size_t i = 0; i < n; i++) { hash ^= (unsigned char)word[i]; hash *= 16777619u; }
    uint32_t id = word_find(w, word, n, hash);
    if (id) return id;
    char *copy = arena_strndup(a, word, n);
    if (2 * (w->count + 1) >= w->cap) word_slots_resize(w, w->cap ? w->cap * 2 : 4096);
    if (w->count + 1 >= w->alloc) {
        size_t alloc = w->alloc ? w->alloc * 2 : 4096;
        lex_word_info *words = realloc(w->words, alloc * sizeof *words);
        if (!words) { fputs("parley: out of memory\n", stderr); abort(); }
        if (!w->alloc) memset(&words[0], 0, sizeof *words);   /* id 0: no word */
        w->words = words;
        w->alloc = alloc;
    }
    id = (uint32_t)++w->count;
    w->words[id] = (lex_word_info){ .word = copy, .len = (uint32_t)n, .heads = NULL, .starts = false };
    size_t mask = w->cap - 1, i = hash & mask;
    while (w->slots[i].id) i = (i + 1) & mask;
    w->slots[i] = (word_slot){ .hash = hash, .id = id, .head = word_head(word, n), .len = (uint32_t)n };
    return id;
}

/* The node of the phrase parent + word (index + 1), or 0. */
static inline uint32_t node_find(const word_index *w, uint32_t parent, uint32_t word)
{
    size_t mask = w->node_cap - 1;
    for (size_t i = node_hash(parent, word) & mask;; i = (i + 1) & mask) {
        const phrase_node *node = &w->nodes[i];
        if (!node->word) return 0;
        if (node->word == word && node->parent == parent) return (uint32_t)i + 1;
    }
}

/* The node of parent + word, added (without a phrase yet) if new. */
static uint32_t node_add(word_index *w, uint32_t parent, uint32_t word)
{
    uint32_t found = node_find(w, parent, word);
    if (found) return found;
    size_t mask = w->node_cap - 1, i = node_hash(parent, word) & mask;
    while (w->nodes[i].word) i = (i + 1) & mask;
    w->nodes[i] = (phrase_node){ .parent = parent, .word = word, .slot = 0, .has = 0 };
    return (uint32_t)i + 1;
}

static void build_word_index(lex_dict *d)
{
    word_index *w = &d->words;
    /* about as many distinct words as heads and phrases of two words:
     * sized once rather than grown through every smaller table */
    size_t words_cap = 4096;
    while (words_cap < 2 * (d->heads.used + d->phrases.used / 2)) words_cap *= 2;
    word_slots_resize(w, words_cap);
    size_t cap = 1024;
    while (cap < 2 * d->phrases.used + 2) cap *= 2;   /* at most one node per phrase: half full at most */
    w->nodes = calloc(cap, sizeof *w->nodes);
    if (!w->nodes) { fputs("parley: out of memory\n", stderr); abort(); }
    w->node_cap = cap;
    uint32_t ids[256];
    for (size_t i = 0; i < d->phrases.cap; i++) {
        const phrase_slot *s = &d->phrases.slots[i];
        if (!s->key) continue;
        size_t count = 0;
        for (const char *p = s->key;; ) {
            const char *space = strchr(p, ' ');
            size_t n = space ? (size_t)(space - p) : strlen(p);
            if (count == sizeof ids / sizeof *ids) { count = 0; break; }   /* longer than any match */
            ids[count++] = word_intern(w, &d->memory, p, n);
            if (!space) break;
            p = space + 1;
        }
        /* a key longer than lex_match_phrase's key buffer admits is never
         * matched there (the first word alone up to 510 bytes, more words
         * up to 511): leave it out, so that matching by ids needs no length */
        if (!count || strlen(s->key) > (count == 1 ? LEX_KEY_MAX - 2 : LEX_KEY_MAX - 1)) continue;
        w->words[ids[0]].starts = true;
        uint32_t node = 0;
        for (size_t k = 0; k < count; k++) node = node_add(w, node, ids[k]);   /* its prefixes are phrases too */
        phrase_node *leaf = &w->nodes[node - 1];
        leaf->slot = (uint32_t)i + 1;
        leaf->has = (s->entries.count ? PHRASE_ENTRIES : 0) | (s->lower_entries.count ? PHRASE_LOWER_ENTRIES : 0);
    }
    for (size_t i = 0; i < d->heads.cap; i++) {
        head_slot *s = &d->heads.slots[i];
        if (!s->key) continue;
        uint32_t id = word_intern(w, &d->memory, s->key, strlen(s->key));
        w->words[id].heads = s;
        s->stem_bits = arena_alloc(&d->memory, (s->count + 1) * sizeof *s->stem_bits);   /* and a 0 after them */
        for (size_t k = 0; k < s->count; k++) s->stem_bits[k] = s->items[k].stem_bits;
    }
    w->starts = calloc(w->count / 64 + 1, sizeof *w->starts);
    w->roots = calloc(w->count + 1, sizeof *w->roots);
    if (!w->starts || !w->roots) { fputs("parley: out of memory\n", stderr); abort(); }
    for (size_t i = 0; i < w->node_cap; i++) {
        const phrase_node *node = &w->nodes[i];
        if (!node->word) continue;
        if (node->parent) w->nodes[node->parent - 1].has |= PHRASE_LONGER;
        else w->roots[node->word] = (uint32_t)i + 1;
    }
    for (size_t id = 1; id <= w->count; id++)
        if (w->words[id].starts) w->starts[id / 64] |= 1ull << (id % 64);
}

/* ---- names ---- */

static const char *const kind_names[LEX_KIND_COUNT] = {
    "person", "country", "capital", "demonym", "organization", "group", "agent",
    "pronoun", "modal", "negation", "report", "locative", "abbreviation", "verb", "irregular", "weapon",
    "region", "facility",
};

const char *lex_kind_name(lex_kind k) { return k < LEX_KIND_COUNT ? kind_names[k] : "?"; }

static bool kind_parse(const char *s, lex_kind *out)
{
    for (int k = 0; k < LEX_KIND_COUNT; k++)
        if (strcmp(s, kind_names[k]) == 0) { *out = (lex_kind)k; return true; }
    return false;
}

/* ---- diagnostics ---- */

static void diagnose(lex_dict *d, bool is_error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void diagnose(lex_dict *d, bool is_error, const char *fmt, ...)
{
    lex_diagnostic *g = arena_alloc(&d->memory, sizeof *g);
    char tmp[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    g->is_error = is_error;
    g->message = arena_strdup(&d->memory, tmp);
    ptr_vec_push(&d->diagnostics, g);
}

size_t lex_diagnostic_count(const lex_dict *d) { return d->diagnostics.count; }
const lex_diagnostic *lex_diagnostic_at(const lex_dict *d, size_t i) { return d->diagnostics.items[i]; }

/* ---- dates ---- */

bool lex_parse_date_bound(const char *s, size_t n, bool is_end, int32_t *days)
{
    int y = 0, m = 0, dd = 0;
    for (size_t i = 0; i < n; i++)
        if (!(isdigit((unsigned char)s[i]) || s[i] == '-')) return false;
    if (n == 4) {
        y = atoi(s);
        m = is_end ? 12 : 1;
        dd = is_end ? 31 : 1;
    } else if (n == 7 && s[4] == '-') {
        y = atoi(s);
        m = atoi(s + 5);
        if (m < 1 || m > 12) return false;
        dd = is_end ? date_days_in_month(y, m) : 1;
    } else if (n == 10) {
        return date_parse_iso(s, n, days);
    } else {
        return false;
    }
    if (y < 1) return false;
    *days = date_to_days(y, m, dd);
    return true;
}

/* ---- inflection ---- */

static bool is_vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

/* Ends consonant-vowel-consonant (not w, x, y): the final consonant may double
 * ("ban" -> "banned", "admit" -> "admitted"; "visit" -> "visited" does not, so
 * both forms are produced and the one that never occurs costs nothing). */
static bool ends_cvc(const char *w, size_t n)
{
    if (n < 3) return false;
    char c3 = w[n - 1], c2 = w[n - 2], c1 = w[n - 3];
    return !is_vowel(c3) && c3 != 'w' && c3 != 'x' && c3 != 'y' && isalpha((unsigned char)c3) &&
           is_vowel(c2) && !is_vowel(c1) && isalpha((unsigned char)c1);
}

static size_t add_form(arena *a, const char **forms, uint8_t *bits, size_t count, size_t max,
                       const char *form, uint8_t bit)
{
    for (size_t i = 0; i < count; i++)
        if (strcmp(forms[i], form) == 0) { bits[i] |= bit; return count; }
    if (count >= max) return count;
    forms[count] = arena_strdup(a, form);
    bits[count] = bit;
    return count + 1;
}

/* "dict/verbs.txt:120", the source of an entry (built for every line at load). */
static const char *source_name(arena *a, const char *path, size_t number)
{
    char digits[24];
    size_t k = sizeof digits;
    do { digits[--k] = (char)('0' + number % 10); number /= 10; } while (number && k);
    size_t pl = strlen(path), dl = sizeof digits - k;
    char *out = arena_alloc_raw(a, pl + 1 + dl + 1);
    memcpy(out, path, pl);
    out[pl] = ':';
    memcpy(out + pl + 1, digits + k, dl);
    out[pl + 1 + dl] = 0;
    return out;
}

/* out = the first stem_len bytes of stem, then suffix (cut to fit cap):
 * word forms are built often at load, and snprintf cost more than the rest. */
static void affix(char *out, size_t cap, const char *stem, size_t stem_len, const char *suffix)
{
    size_t sl = strlen(suffix);
    if (stem_len + sl >= cap) {
        if (stem_len >= cap) stem_len = cap - 1;
        sl = cap - 1 - stem_len;
    }
    memcpy(out, stem, stem_len);
    memcpy(out + stem_len, suffix, sl);
    out[stem_len + sl] = 0;
}

static void plural_of(const char *w, char *out, size_t cap)
{
    size_t n = strlen(w);
    if (n >= 3 && strcmp(w + n - 3, "man") == 0 && !(n >= 5 && strcmp(w + n - 5, "human") == 0))
        affix(out, cap, w, n - 3, "men");
    else if (n >= 2 && w[n - 1] == 'y' && !is_vowel(w[n - 2]))
        affix(out, cap, w, n - 1, "ies");
    else if ((n >= 1 && (w[n - 1] == 's' || w[n - 1] == 'x' || w[n - 1] == 'z')) ||
             (n >= 2 && (strcmp(w + n - 2, "ch") == 0 || strcmp(w + n - 2, "sh") == 0)))
        affix(out, cap, w, n, "es");
    else
        affix(out, cap, w, n, "s");
}

size_t lex_inflect(arena *a, const char *lemma, bool noun, const char *irregular_past,
                   const char *irregular_participle, const char **forms, uint8_t *bits, size_t max)
{
    char tmp[256];
    size_t n = strlen(lemma), count = 0;
    if (n == 0 || n > 200) return 0;
    if (noun) {
        count = add_form(a, forms, bits, count, max, lemma, LEX_FORM_NOUN);
        plural_of(lemma, tmp, sizeof tmp);
        return add_form(a, forms, bits, count, max, tmp, LEX_FORM_PLURAL);
    }
    count = add_form(a, forms, bits, count, max, lemma, LEX_FORM_BASE);
    /* third person */
    char last = lemma[n - 1];
    if (n >= 2 && last == 'y' && !is_vowel(lemma[n - 2])) affix(tmp, sizeof tmp, lemma, n - 1, "ies");
    else if (last == 's' || last == 'x' || last == 'z' || last == 'o' ||
             (n >= 2 && (strcmp(lemma + n - 2, "ch") == 0 || strcmp(lemma + n - 2, "sh") == 0)))
        affix(tmp, sizeof tmp, lemma, n, "es");
    else affix(tmp, sizeof tmp, lemma, n, "s");
    count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_THIRD);
    /* past and participle */
    bool cvc = ends_cvc(lemma, n);
    if (irregular_past) {
        count = add_form(a, forms, bits, count, max, irregular_past, LEX_FORM_PAST);
        count = add_form(a, forms, bits, count, max, irregular_participle ? irregular_participle : irregular_past,
                         LEX_FORM_PARTICIPLE);
    } else {
        if (last == 'e') affix(tmp, sizeof tmp, lemma, n, "d");
        else if (n >= 2 && last == 'y' && !is_vowel(lemma[n - 2])) affix(tmp, sizeof tmp, lemma, n - 1, "ied");
        else affix(tmp, sizeof tmp, lemma, n, "ed");
        count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_PAST | LEX_FORM_PARTICIPLE);
        if (cvc) {
            affix(tmp, sizeof tmp, lemma, n, (const char[]){ last, 'e', 'd', 0 });
            count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_PAST | LEX_FORM_PARTICIPLE);
        }
        if (last == 'c') {  /* "panic" -> "panicked" */
            affix(tmp, sizeof tmp, lemma, n, "ked");
            count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_PAST | LEX_FORM_PARTICIPLE);
        }
    }
    /* gerund */
    if (n >= 2 && strcmp(lemma + n - 2, "ie") == 0) affix(tmp, sizeof tmp, lemma, n - 2, "ying");
    else if (last == 'e' && n >= 3 && lemma[n - 2] != 'e' && lemma[n - 2] != 'y' && lemma[n - 2] != 'o')
        affix(tmp, sizeof tmp, lemma, n - 1, "ing");
    else affix(tmp, sizeof tmp, lemma, n, "ing");
    count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_GERUND);
    if (cvc) {
        affix(tmp, sizeof tmp, lemma, n, (const char[]){ last, 'i', 'n', 'g', 0 });
        count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_GERUND);
    }
    if (last == 'c') {
        affix(tmp, sizeof tmp, lemma, n, "king");
        count = add_form(a, forms, bits, count, max, tmp, LEX_FORM_GERUND);
    }
    return count;
}

/* ---- parsing lines ---- */

typedef struct raw_line {
    lex_kind    kind;
    char       *phrases;    /* text before '=' */
    char       *value;      /* text after '=' */
    const char *source;     /* "file:line" */
    int         layer;
    bool        word_set;   /* "@set NAME = MEMBERS": phrases is the name, value the members */
} raw_line;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\r') s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n')) s[--n] = 0;
    return s;
}

/* Parses dictionary text (modified in place). */
static void parse_buffer(lex_dict *d, const char *path, char *data, size_t len, int layer, ptr_vec *lines)
{
    size_t bad;
    if (memchr(data, 0, len)) {
        diagnose(d, true, "%s: binary data (NUL byte at %zu); file skipped", path, (size_t)((char *)memchr(data, 0, len) - data));
        return;
    }
    if (!text_utf8_valid(data, len, &bad)) {
        diagnose(d, true, "%s: invalid UTF-8 at byte %zu; file skipped", path, bad);
        return;
    }
    lex_kind kind = LEX_KIND_COUNT;
    char *line = data;
    for (size_t number = 1; line && *line; number++) {
        char *next = strchr(line, '\n');
        if (next) *next++ = 0;
        char *hash = strchr(line, '#');
        if (hash) *hash = 0;
        char *s = trim(line);
        line = next;
        if (!*s) continue;
        if (strncmp(s, "@set", 4) == 0 && (s[4] == ' ' || s[4] == '\t')) {
            /* a word set for verb patterns; it does not change the current kind */
            char *eq = strchr(s, '=');
            if (!eq) {
                diagnose(d, true, "%s:%zu: missing \"=\" (expected \"@set NAME = WORD; WORD...\")", path, number);
                continue;
            }
            *eq = 0;
            raw_line *r = arena_alloc(&d->memory, sizeof *r);
            r->kind = LEX_VERB;
            r->word_set = true;
            r->phrases = arena_strdup(&d->memory, trim(s + 4));
            r->value = arena_strdup(&d->memory, trim(eq + 1));
            r->source = source_name(&d->memory, path, number);
            r->layer = layer;
            ptr_vec_push(lines, r);
            continue;
        }
        if (*s == '@') {
            char name[64];
            if (sscanf(s, "@kind %63s", name) != 1 || !kind_parse(name, &kind)) {
                diagnose(d, true, "%s:%zu: unknown directive \"%s\" (expected \"@kind NAME\")", path, number, s);
                kind = LEX_KIND_COUNT;
            }
            continue;
        }
        if (kind == LEX_KIND_COUNT) {
            diagnose(d, true, "%s:%zu: entry before any \"@kind\" line", path, number);
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq && kind != LEX_ABBREVIATION) {
            diagnose(d, true, "%s:%zu: missing \"=\" (expected \"PHRASES = VALUE\")", path, number);
            continue;
        }
        raw_line *r = arena_alloc(&d->memory, sizeof *r);
        r->kind = kind;
        if (eq) {
            *eq = 0;
            r->value = arena_strdup(&d->memory, trim(eq + 1));
        } else {
            r->value = arena_strdup(&d->memory, "");
        }
        r->phrases = arena_strdup(&d->memory, trim(s));
        r->source = source_name(&d->memory, path, number);
        r->layer = layer;
        if (!*r->phrases) {
            diagnose(d, true, "%s: empty phrase", r->source);
            continue;
        }
        ptr_vec_push(lines, r);
    }
}

static void parse_file(lex_dict *d, const char *path, int layer, ptr_vec *lines)
{
    char *data = NULL;
    size_t len = 0;
    error err;
    if (!file_read_all(path, 64u << 20, &data, &len, &err)) {
        diagnose(d, true, "%s", err.message);
        return;
    }
    parse_buffer(d, path, data, len, layer, lines);
    free(data);
}

static int compare_strings(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Collects *.txt files below folder, sorted, so loading is deterministic. */
static bool collect_files(const char *folder, ptr_vec *out, int depth, error *err)
{
    DIR *dir = opendir(folder);
    if (!dir) return error_set(err, "%s: cannot open dictionary folder: %s", folder, strerror(errno));
    ptr_vec names = { 0 };
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') continue;
        size_t n = strlen(e->d_name);
        char *path = malloc(strlen(folder) + n + 2);
        if (!path) abort();
        sprintf(path, "%s/%s", folder, e->d_name);
        ptr_vec_push(&names, path);
    }
    closedir(dir);
    qsort(names.items, names.count, sizeof *names.items, compare_strings);
    for (size_t i = 0; i < names.count; i++) {
        char *path = names.items[i];
        struct stat st;
        size_t n = strlen(path);
        if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 8) collect_files(path, out, depth + 1, NULL);
            free(path);
        } else if (n > 4 && strcmp(path + n - 4, ".txt") == 0) {
            ptr_vec_push(out, path);
        } else {
            free(path);
        }
    }
    free(names.items);
    return true;
}

/* ---- the CAMEO table ---- */

static bool parse_cameo(lex_dict *d, const char *path, char *data, error *err);
static int compare_code_info(const void *a, const void *b);
static void index_codes(lex_dict *d);

static bool load_cameo(lex_dict *d, const char *path, error *err)
{
    char *data;
    size_t len;
    if (!file_read_all(path, 1u << 20, &data, &len, err)) return false;
    bool ok = parse_cameo(d, path, data, err);
    free(data);
    return ok;
}

/* Parses the CAMEO table (data is modified in place, not freed). */
static bool parse_cameo(lex_dict *d, const char *path, char *data, error *err)
{
    size_t cap = 512;
    d->codes = arena_alloc(&d->memory, cap * sizeof *d->codes);
    char *line = data;
    for (size_t number = 1; line && *line; number++) {
        char *next = strchr(line, '\n');
        if (next) *next++ = 0;
        char *s = line;
        line = next;
        if (*s == '#' || !*trim(s)) continue;
        char *fields[6] = { 0 };
        size_t nf = split_tabs(s, fields, 6);
        if (nf < 5) {
            diagnose(d, true, "%s:%zu: expected 6 tab-separated fields: code name goldstein quad_class plover intent_code", path, number);
            continue;
        }
        size_t cl = strlen(fields[0]);
        if (cl < 2 || cl > 4 || strspn(fields[0], "0123456789") != cl) {
            diagnose(d, true, "%s:%zu: bad CAMEO code \"%s\"", path, number, fields[0]);
            continue;
        }
        if (d->code_count == cap) {
            diagnose(d, true, "%s: more than %zu codes", path, cap);
            break;
        }
        lex_code_info *c = &d->codes[d->code_count++];
        memcpy(c->code, fields[0], cl + 1);
        memcpy(c->root, fields[0], 2);
        c->name = arena_strdup(&d->memory, trim(fields[1]));
        c->goldstein = atof(fields[2]);
        c->quad_class = atoi(fields[3]);
        c->plover = arena_strdup(&d->memory, trim(fields[4]));
        const char *intent = nf >= 6 ? trim(fields[5]) : "-";
        if (strcmp(intent, "-") != 0 && strlen(intent) <= 4) memcpy(c->intent_code, intent, strlen(intent) + 1);
    }
    qsort(d->codes, d->code_count, sizeof *d->codes, compare_code_info);
    d->codes_sorted = true;
    index_codes(d);
    for (size_t i = 0; i < d->code_count; i++)
        if (d->codes[i].intent_code[0] && !lex_code(d, d->codes[i].intent_code))
            diagnose(d, true, "%s: code %s: unknown intent code %s", path, d->codes[i].code, d->codes[i].intent_code);
    if (d->code_count == 0) return error_set(err, "%s: no CAMEO codes", path);
    return true;
}

static int compare_code_info(const void *a, const void *b)
{
    return strcmp(((const lex_code_info *)a)->code, ((const lex_code_info *)b)->code);
}

int lex_code_slot(const char *code)
{
    static const int first_of_length[5] = { 0, 0, 10, 110, 1110 };
    int value = 0, length = 0;
    for (; code[length]; length++) {
        if (length == 4 || code[length] < '0' || code[length] > '9') return -1;
        value = value * 10 + (code[length] - '0');
    }
    return length ? first_of_length[length] + value : -1;
}

static void index_codes(lex_dict *d)
{
    d->code_index = calloc(LEX_CODE_SLOTS, sizeof *d->code_index);
    if (!d->code_index) { fputs("parley: out of memory\n", stderr); abort(); }
    for (size_t i = 0; i < d->code_count && i < UINT16_MAX; i++) {
        int slot = lex_code_slot(d->codes[i].code);
        if (slot >= 0 && !d->code_index[slot]) d->code_index[slot] = (uint16_t)(i + 1);
    }
}

const lex_code_info *lex_code(const lex_dict *d, const char *code)
{
    if (!code) return NULL;
    if (d->code_index) {
        int slot = lex_code_slot(code);
        if (slot >= 0) return d->code_index[slot] ? &d->codes[d->code_index[slot] - 1] : NULL;
    }
    if (strlen(code) > 4) return NULL;
    if (!d->codes_sorted) {
        /* while loading, before the table is sorted */
        for (size_t i = 0; i < d->code_count; i++)
            if (strcmp(d->codes[i].code, code) == 0) return &d->codes[i];
        return NULL;
    }
    lex_code_info key;
    memset(&key, 0, sizeof key);
    memcpy(key.code, code, strlen(code) + 1);
    return bsearch(&key, d->codes, d->code_count, sizeof *d->codes, compare_code_info);
}
size_t lex_code_count(const lex_dict *d) { return d->code_count; }
const lex_code_info *lex_code_at(const lex_dict *d, size_t i) { return &d->codes[i]; }

/* ---- building entries ---- */

static bool actor_code_valid(const char *c, size_t n)
{
    if (n < 3 || n > 15 || n % 3 != 0) return false;
    for (size_t i = 0; i < n; i++) if (c[i] < 'A' || c[i] > 'Z') return false;
    return true;
}

static bool parse_actor_value(lex_dict *d, const raw_line *r, lex_entry *e)
{
    lex_code_range ranges[32];
    size_t count = 0;
    char *copy = arena_strdup(&d->memory, r->value);
    char *save = NULL;
    for (char *part = strtok_r(copy, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
        part = trim(part);
        if (!*part) continue;
        if (count == 32) { diagnose(d, true, "%s: more than 32 codes", r->source); return false; }
        char *space = strpbrk(part, " \t");
        size_t cl = space ? (size_t)(space - part) : strlen(part);
        if (!actor_code_valid(part, cl)) {
            diagnose(d, true, "%s: bad actor code \"%.*s\" (expected 3-15 capital letters in groups of three)", r->source, (int)cl, part);
            return false;
        }
        lex_code_range *g = &ranges[count];
        memcpy(g->code, part, cl);
        g->code[cl] = 0;
        g->from = LEX_DATE_MIN;
        g->to = LEX_DATE_MAX;
        if (space) {
            char *range = trim(space);
            char *dots = strstr(range, "..");
            if (!dots) { diagnose(d, true, "%s: bad date range \"%s\" (expected FROM..TO)", r->source, range); return false; }
            size_t fl = (size_t)(dots - range), tl = strlen(dots + 2);
            if (fl && !lex_parse_date_bound(range, fl, false, &g->from)) {
                diagnose(d, true, "%s: bad date \"%.*s\"", r->source, (int)fl, range); return false;
            }
            if (tl && !lex_parse_date_bound(dots + 2, tl, true, &g->to)) {
                diagnose(d, true, "%s: bad date \"%s\"", r->source, dots + 2); return false;
            }
            if (g->from > g->to) { diagnose(d, true, "%s: date range \"%s\" ends before it starts", r->source, range); return false; }
        }
        count++;
    }
    if (!count) { diagnose(d, true, "%s: no actor code after \"=\"", r->source); return false; }
    /* Two ranges of one code may touch (the day one office ends, the next
     * begins) or nest (a president who is also his own defence minister):
     * the same code holds either way.  Ranges that cross, or repeat, are
     * a mistake in the dates. */
    for (size_t i = 0; i < count; i++)
        for (size_t j = i + 1; j < count; j++) {
            const lex_code_range *x = &ranges[i], *y = &ranges[j];
            if (strcmp(x->code, y->code) != 0) continue;
            int32_t first_end = x->to < y->to ? x->to : y->to, last_start = x->from > y->from ? x->from : y->from;
            if (last_start > first_end) continue;                 /* apart */
            if (last_start == first_end) continue;                /* touching on the handover day */
            bool same = x->from == y->from && x->to == y->to;
            bool nested = (x->from <= y->from && y->to <= x->to) || (y->from <= x->from && x->to <= y->to);
            if (nested && !same) continue;
            diagnose(d, false, "%s: %s date ranges for %s", r->source, same ? "repeated" : "overlapping", x->code);
        }
    lex_code_range *stored = arena_alloc(&d->memory, count * sizeof *stored);
    memcpy(stored, ranges, count * sizeof *stored);
    e->codes = stored;
    e->code_count = (uint16_t)count;
    return true;
}

static bool caps_phrase(const char *p)
{
    size_t letters = 0;
    for (const char *s = p; *s; s++) {
        if (*s >= 'A' && *s <= 'Z') letters++;
        else return false;
    }
    return letters >= 1 && letters <= 5;
}

static size_t count_tokens(const char *folded)
{
    size_t n = *folded ? 1 : 0;
    for (const char *s = folded; *s; s++) if (*s == ' ') n++;
    return n;
}

static void remove_entry(ptr_vec *v, const lex_entry *e)
{
    for (size_t i = 0; i < v->count; i++)
        if (v->items[i] == e) { memmove(&v->items[i], &v->items[i + 1], (v->count - i - 1) * sizeof *v->items); v->count--; return; }
}

static void add_phrase(lex_dict *d, lex_entry *e)
{
    phrase_slot *s = phrase_insert(&d->phrases, &d->memory, e->folded);
    /* The same phrase in the same kind: a later folder (a user's) overrides
     * ours; within one folder the first wins and lint reports the other. */
    for (size_t i = 0; i < s->entries.count; i++) {
        lex_entry *old = s->entries.items[i];
        if (old->kind != e->kind) continue;
        if (old->layer < e->layer) {
            remove_entry(&s->entries, old);
            remove_entry(&s->lower_entries, old);
            break;
        }
        if (old->source == e->source) return;   /* two spellings of one line that fold alike */
        if (strcmp(old->value, e->value) == 0)
            diagnose(d, false, "%s: duplicate %s \"%s\" (also %s)", e->source, lex_kind_name(e->kind), e->phrase, old->source);
        else
            diagnose(d, false, "%s: %s \"%s\" = %s is shadowed by %s (= %s)", e->source, lex_kind_name(e->kind),
                     e->phrase, e->value, old->source, old->value);
        return;
    }
    ptr_vec_push(&s->entries, e);
    if (!e->caps_only) ptr_vec_push(&s->lower_entries, e);
    s->layer = e->layer;
    /* every proper prefix, so the scan knows to continue */
    char *tmp = arena_strdup(&d->memory, e->folded);
    for (char *sp = strrchr(tmp, ' '); sp; sp = strrchr(tmp, ' ')) {
        *sp = 0;
        phrase_insert(&d->phrases, &d->memory, tmp);
    }
}

/* Splits "a; b; c" and adds one entry per phrase. */
static void build_entries(lex_dict *d, const raw_line *r)
{
    lex_entry proto = { 0 };
    proto.kind = r->kind;
    proto.value = r->value;
    proto.source = r->source;
    proto.layer = r->layer;
    if (lex_kind_is_actor(r->kind) || r->kind == LEX_REGION || r->kind == LEX_FACILITY) {
        if (!parse_actor_value(d, r, &proto)) return;
    } else if (r->kind == LEX_AGENT) {
        size_t n = strlen(r->value);
        if (n != 3 || !actor_code_valid(r->value, 3)) {
            diagnose(d, true, "%s: bad agent role \"%s\" (expected one 3-letter role code such as MIL)", r->source, r->value);
            return;
        }
    } else if (r->kind == LEX_WEAPON && !lex_code(d, r->value)) {
        diagnose(d, true, "%s: unknown CAMEO code \"%s\" for a weapon", r->source, r->value);
        return;
    } else if (r->kind != LEX_ABBREVIATION && !*r->value) {
        diagnose(d, true, "%s: empty value after \"=\"", r->source);
        return;
    }
    char *copy = arena_strdup(&d->memory, r->phrases);
    char *save = NULL;
    for (char *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
        p = trim(p);
        if (!*p) { diagnose(d, true, "%s: empty phrase between \";\"", r->source); continue; }
        const char *folded = text_fold_phrase(&d->memory, p, strlen(p));
        if (!folded || !*folded) { diagnose(d, true, "%s: phrase \"%s\" has no words", r->source, p); continue; }
        if (r->kind == LEX_ABBREVIATION) {
            text_abbreviations_add(d->abbreviations, folded);
            continue;
        }
        lex_entry *e = arena_alloc(&d->memory, sizeof *e);
        *e = proto;
        e->phrase = p;
        e->folded = folded;
        e->token_count = (uint16_t)count_tokens(folded);
        e->caps_only = caps_phrase(p);
        ptr_vec_push(&d->entries, e);
        add_phrase(d, e);
        if (r->kind == LEX_AGENT || r->kind == LEX_WEAPON) {
            /* plural of the last word: "police officer" -> "police officers" */
            const char *last = strrchr(folded, ' ');
            last = last ? last + 1 : folded;
            char plural[256];
            plural_of(last, plural, sizeof plural);
            if (strcmp(plural, last) == 0 || strlen(folded) > 200) continue;
            lex_entry *pl = arena_alloc(&d->memory, sizeof *pl);
            *pl = *e;
            pl->folded = arena_printf(&d->memory, "%.*s%s", (int)(last - folded), folded, plural);
            pl->caps_only = false;
            pl->plural_form = true;
            /* an explicit entry for the plural (listed by hand) wins quietly */
            phrase_slot *s = phrase_find(&d->phrases, pl->folded, strlen(pl->folded), hash_bytes(pl->folded, strlen(pl->folded)));
            bool exists = false;
            for (size_t i = 0; s && i < s->entries.count; i++)
                if (((lex_entry *)s->entries.items[i])->kind == r->kind) exists = true;
            if (!exists) add_phrase(d, pl);
        }
    }
}

typedef struct irregular { const char *lemma, *past, *participle; } irregular;

static int compare_irregular(const void *a, const void *b)
{
    return strcmp((*(const irregular *const *)a)->lemma, (*(const irregular *const *)b)->lemma);
}

/* irregulars is sorted by lemma */
static const irregular *find_irregular(const ptr_vec *irregulars, const char *lemma)
{
    irregular key = { lemma, NULL, NULL };
    const irregular *k = &key;
    const irregular *const *found = irregulars->count
        ? bsearch(&k, irregulars->items, irregulars->count, sizeof *irregulars->items, compare_irregular) : NULL;
    return found ? *found : NULL;
}

static void build_pattern(lex_dict *d, const raw_line *r, const char *text, const ptr_vec *irregulars)
{
    const lex_code_info *info = lex_code(d, r->value);
    if (!info) {
        diagnose(d, true, "%s: unknown CAMEO code \"%s\"", r->source, r->value);
        return;
    }
    lex_pattern *p = arena_alloc(&d->memory, sizeof *p);
    p->text = text;
    p->text_hash = hash_bytes(text, strlen(text));
    p->code = info->code;
    p->info = info;
    p->source = r->source;
    const char *words[64];
    size_t count = 0;
    const char *head = NULL;
    char *copy = arena_strdup(&d->memory, text);
    char *save = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (!head && *w == '~') { p->noun_head = true; w++; }
        if (strcmp(w, "_") == 0) {
            if (!head) { diagnose(d, true, "%s: pattern \"%s\" starts with \"_\"; the head word comes first", r->source, text); return; }
            if (p->has_slot) { diagnose(d, true, "%s: pattern \"%s\" has two \"_\"", r->source, text); return; }
            p->has_slot = true;
            if (count < 64) words[count++] = "_";
            continue;
        }
        if (strcmp(w, "<") == 0) { p->passive_only = true; continue; }
        if (strcmp(w, ">") == 0) { p->undergoer = true; continue; }
        const char *folded = text_fold_phrase(&d->memory, w, strlen(w));
        if (!folded || !*folded) continue;
        /* a word may fold into several tokens ("cease-fire" -> "cease fire") */
        char *parts = arena_strdup(&d->memory, folded), *save2 = NULL;
        for (char *t = strtok_r(parts, " ", &save2); t; t = strtok_r(NULL, " ", &save2)) {
            if (!head) head = t;
            else if (count < 64) words[count++] = t;
        }
    }
    if (!head) { diagnose(d, true, "%s: empty pattern", r->source); return; }
    if (count > 12) { diagnose(d, true, "%s: pattern \"%s\" has more than 12 words", r->source, text); return; }
    p->words = arena_alloc(&d->memory, (count ? count : 1) * sizeof *p->words);
    memcpy(p->words, words, count * sizeof *words);
    p->word_count = (uint8_t)count;
    uint32_t *hashes = arena_alloc(&d->memory, (count ? count : 1) * sizeof *hashes);
    p->slot_index = -1;
    for (size_t i = 0; i < count; i++) {
        hashes[i] = lex_word_hash(words[i]);
        if (strcmp(words[i], "_") == 0) p->slot_index = (int8_t)i;
        else {
            p->stem_bits |= 1ull << (lex_stem_hash(words[i]) & 63);
            p->first_letters |= 1u << ((unsigned char)words[i][0] & 31);
        }
    }
    p->word_hashes = hashes;
    p->rule = arena_concat(&d->memory, 7, p->noun_head && text[0] != '~' ? "~" : "", text, " = ", p->code, " (", p->source,
                           ")");
    ptr_vec_push(&d->patterns, p);
    const lex_pattern *seen = pattern_seen(d, p);
    if (seen) {
        if (strcmp(seen->code, p->code) != 0)
            diagnose(d, true, "%s: pattern \"%s\" = %s also has code %s (%s)", r->source, text, p->code, seen->code, seen->source);
        else
            diagnose(d, false, "%s: duplicate pattern \"%s\" (also %s)", r->source, text, seen->source);
        return;
    }

    const irregular *g = p->noun_head ? NULL : find_irregular(irregulars, head);
    const char *forms[16];
    uint8_t bits[16];
    size_t n = lex_inflect(&d->memory, head, p->noun_head, g ? g->past : NULL, g ? g->participle : NULL, forms, bits, 16);
    for (size_t i = 0; i < n; i++) {
        head_slot *s = head_insert(&d->heads, &d->memory, forms[i]);
        /* two forms of one head can be the same word ("cut" past and base) */
        if (s->count && s->items[s->count - 1].pattern == p) continue;
        if (s->count == s->cap) {
            size_t cap = s->cap ? (size_t)s->cap * 2 : 4;
            lex_head_pattern *items = cap <= UINT32_MAX ? realloc(s->items, cap * sizeof *items) : NULL;
            if (!items) abort();
            s->items = items;
            s->cap = (uint32_t)cap;
        }
        s->items[s->count].pattern = p;
        s->items[s->count].stem_bits = p->stem_bits;
        s->items[s->count].noun_head = p->noun_head;
        s->items[s->count].literal_words = (uint8_t)(p->word_count - (p->has_slot ? 1 : 0));
        s->items[s->count].has_slot = p->has_slot;
        s->items[s->count].forms = bits[i];
        if (!p->noun_head) s->verb_forms |= bits[i];
        s->items[s->count].first_hash = 0;
        s->items[s->count].first_stem = 0;
        for (size_t w = 0; w < p->word_count; w++)
            if ((int)w != p->slot_index) {
                s->items[s->count].first_hash = p->word_hashes[w] ? p->word_hashes[w] : 1;
                s->items[s->count].first_stem = lex_stem_hash(p->words[w]);
                break;
            }
        s->count++;
    }
}

/* Most specific first: more literal words, then patterns without a slot
 * (a "_" matches more than a word does), then by text for determinism. */
static int compare_head_patterns(const void *a, const void *b)
{
    const lex_head_pattern *x = a, *y = b;
    int lx = x->literal_words, ly = y->literal_words;   /* word_count - has_slot, kept in the item */
    if (lx != ly) return ly - lx;
    if (x->has_slot != y->has_slot) return x->has_slot ? 1 : -1;
    return strcmp(x->pattern->text, y->pattern->text);
}

/* ---- word sets ----
 *
 * "@set weapons = weapons; arms; heavy weapons" names interchangeable words
 * once; a pattern word "&weapons" stands for each member in turn.  The
 * loader expands such a pattern into one pattern per member (one per
 * combination when a pattern names several sets), each keeping the line it
 * came from, so matching and --explain never see a set. */

typedef struct word_set {
    const char  *name;          /* without the "&" */
    const char **members;       /* phrases as written: "heavy weapons" */
    size_t       count;
    const char  *source;        /* "dict/verbs.txt:20" */
    int          layer;
    bool         used;
} word_set;

enum { WORD_SET_MAX_MEMBERS = 256, WORD_SET_MAX_EXPANSIONS = 1024, WORD_SET_MAX_WORDS = 32 };

static int compare_word_sets(const void *a, const void *b)
{
    return strcmp((*(const word_set *const *)a)->name, (*(const word_set *const *)b)->name);
}

static bool word_set_name_valid(const char *s)
{
    if (!*s) return false;
    for (; *s; s++)
        if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-') return false;
    return true;
}

/* sets is sorted by name */
static word_set *find_word_set(const ptr_vec *sets, const char *name)
{
    word_set key = { .name = name };
    const word_set *k = &key;
    word_set **found = sets->count ? bsearch(&k, sets->items, sets->count, sizeof *sets->items, compare_word_sets) : NULL;
    return found ? *found : NULL;
}

/* The @set lines of every file, sorted by name.  A set of a later folder
 * (a user's) replaces ours of the same name; two in one folder are an error. */
static void collect_word_sets(lex_dict *d, const ptr_vec *lines, ptr_vec *sets)
{
    for (size_t i = 0; i < lines->count; i++) {
        const raw_line *r = lines->items[i];
        if (!r->word_set) continue;
        const char *name = r->phrases[0] == '&' ? r->phrases + 1 : r->phrases;
        if (!word_set_name_valid(name)) {
            diagnose(d, true, "%s: bad word set name \"%s\" (letters, digits, \"-\" and \"_\")", r->source, r->phrases);
            continue;
        }
        const char *members[WORD_SET_MAX_MEMBERS];
        size_t count = 0;
        bool ok = true;
        char *copy = arena_strdup(&d->memory, r->value), *save = NULL;
        for (char *m = strtok_r(copy, ";", &save); m && ok; m = strtok_r(NULL, ";", &save)) {
            m = trim(m);
            if (!*m) {
                diagnose(d, true, "%s: empty member between \";\" in word set \"%s\"", r->source, name);
                ok = false;
            } else if (strpbrk(m, "&_~<=")) {
                diagnose(d, true, "%s: word set \"%s\": member \"%s\" may hold only words (no &, _, ~, <)", r->source, name, m);
                ok = false;
            } else if (count == WORD_SET_MAX_MEMBERS) {
                diagnose(d, true, "%s: word set \"%s\" has more than %d members", r->source, name, WORD_SET_MAX_MEMBERS);
                ok = false;
            } else {
                members[count++] = m;
            }
        }
        if (!ok) continue;
        if (!count) {
            diagnose(d, true, "%s: word set \"%s\" has no members", r->source, name);
            continue;
        }
        word_set *g = arena_alloc(&d->memory, sizeof *g);
        g->name = name;
        g->members = arena_alloc(&d->memory, count * sizeof *g->members);
        memcpy(g->members, members, count * sizeof *members);
        g->count = count;
        g->source = r->source;
        g->layer = r->layer;
        size_t k = 0;
        while (k < sets->count && strcmp(((word_set *)sets->items[k])->name, name) != 0) k++;
        if (k == sets->count) {
            ptr_vec_push(sets, g);
        } else if (((word_set *)sets->items[k])->layer < g->layer) {
            sets->items[k] = g;
        } else {
            diagnose(d, true, "%s: word set \"%s\" defined twice (also %s)", r->source, name,
                     ((word_set *)sets->items[k])->source);
        }
    }
    if (sets->count) qsort(sets->items, sets->count, sizeof *sets->items, compare_word_sets);
}

/* Builds the patterns a pattern with "&set" words stands for: "hand over
 * &weapons" gives "hand over weapons", "hand over arms", ... */
static void build_set_patterns(lex_dict *d, const raw_line *r, const char *text, const ptr_vec *sets,
                               const ptr_vec *irregulars)
{
    const char *literal[WORD_SET_MAX_WORDS];   /* the word as written, or NULL for a set */
    const word_set *set[WORD_SET_MAX_WORDS];
    size_t index[WORD_SET_MAX_WORDS] = { 0 };
    size_t n = 0, combinations = 1;
    bool noun_head = false;
    char *copy = arena_strdup(&d->memory, text), *save = NULL;
    for (char *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
        if (n == WORD_SET_MAX_WORDS) {
            diagnose(d, true, "%s: pattern \"%s\" has more than %d words", r->source, text, WORD_SET_MAX_WORDS);
            return;
        }
        if (n == 0 && w[0] == '~' && w[1] == '&') { noun_head = true; w++; }
        if (w[0] != '&') { literal[n] = w; set[n++] = NULL; continue; }
        word_set *g = find_word_set(sets, w + 1);
        if (!g) {
            diagnose(d, true, "%s: unknown word set \"%s\" in pattern \"%s\"", r->source, w, text);
            return;
        }
        g->used = true;
        combinations *= g->count;
        if (combinations > WORD_SET_MAX_EXPANSIONS) {
            diagnose(d, true, "%s: pattern \"%s\" expands into more than %d patterns", r->source, text,
                     WORD_SET_MAX_EXPANSIONS);
            return;
        }
        literal[n] = NULL;
        set[n++] = g;
    }
    for (size_t c = 0; c < combinations; c++) {
        /* joined by hand: there are tens of thousands of these at each start */
        char buffer[1024];
        size_t len = 0;
        if (noun_head) buffer[len++] = '~';
        for (size_t i = 0; i < n && len < sizeof buffer; i++) {
            const char *piece = set[i] ? set[i]->members[index[i]] : literal[i];
            size_t piece_len = strlen(piece), need = (i ? 1 : 0) + piece_len;
            if (len + need >= sizeof buffer) { len += need; break; }   /* too long: reported below */
            if (i) buffer[len++] = ' ';
            memcpy(buffer + len, piece, piece_len);
            len += piece_len;
        }
        if (len < sizeof buffer) buffer[len] = '\0';
        if (len >= sizeof buffer) {
            diagnose(d, true, "%s: pattern \"%s\" expands into a pattern longer than %zu bytes", r->source, text,
                     sizeof buffer - 1);
            return;
        }
        build_pattern(d, r, arena_strdup(&d->memory, buffer), irregulars);
        /* the next combination: the last set varies fastest */
        for (size_t i = n; i-- > 0;) {
            if (!set[i]) continue;
            if (++index[i] < set[i]->count) break;
            index[i] = 0;
        }
    }
}

lex_dict *lex_load(const char *const *folders, size_t folder_count, error *err)
{
    return lex_load_ex(folders, folder_count, NULL, 0, err);
}

lex_dict *lex_load_ex(const char *const *folders, size_t folder_count, const lex_source *extra, size_t extra_count,
                      error *err)
{
    lex_dict *d = calloc(1, sizeof *d);
    if (!d) abort();
    arena_init(&d->memory);
    d->abbreviations = text_abbreviations_new();
    bool have_cameo = false;
    for (size_t i = 0; i < extra_count && !have_cameo; i++) {
        size_t n = strlen(extra[i].name);
        if (n >= 9 && strcmp(extra[i].name + n - 9, "cameo.tsv") == 0) {
            char *copy = arena_strndup(&d->memory, extra[i].bytes, extra[i].len);
            if (!parse_cameo(d, extra[i].name, copy, err)) { lex_free(d); return NULL; }
            have_cameo = true;
        }
    }
    for (size_t i = 0; i < folder_count && !have_cameo; i++) {
        char *path = arena_printf(&d->memory, "%s/cameo.tsv", folders[i]);
        struct stat st;
        if (stat(path, &st) == 0) {
            if (!load_cameo(d, path, err)) { lex_free(d); return NULL; }
            have_cameo = true;
        }
    }
    if (!have_cameo) {
        error_set(err, "%s: no cameo.tsv in the dictionary folder%s", folder_count ? folders[0] : "(none)",
                  folder_count > 1 ? "s" : "");
        lex_free(d);
        return NULL;
    }
    for (size_t i = 0; i < folder_count && !d->gazetteer; i++) {
        char *path = arena_printf(&d->memory, "%s/generated/places.tsv", folders[i]);
        struct stat st;
        if (stat(path, &st) != 0) continue;
        error perr;
        d->gazetteer = places_load(path, &perr);
        if (!d->gazetteer) diagnose(d, true, "%s", perr.message);
    }
    if (!d->gazetteer && folder_count)
        diagnose(d, false, "%s/generated/places.tsv: no gazetteer; places get no coordinates (run make)", folders[0]);
    ptr_vec lines = { 0 };
    for (size_t i = 0; i < folder_count; i++) {
        ptr_vec files = { 0 };
        if (!collect_files(folders[i], &files, 0, err)) {
            for (size_t k = 0; k < files.count; k++) free(files.items[k]);
            free(files.items);
            free(lines.items);
            lex_free(d);
            return NULL;
        }
        for (size_t k = 0; k < files.count; k++) {
            parse_file(d, arena_strdup(&d->memory, files.items[k]), (int)i, &lines);
            free(files.items[k]);
        }
        free(files.items);
    }
    for (size_t i = 0; i < extra_count; i++) {
        size_t nl = strlen(extra[i].name);
        if (nl >= 9 && strcmp(extra[i].name + nl - 9, "cameo.tsv") == 0) continue;
        char *copy = malloc(extra[i].len + 1);
        if (!copy) abort();
        memcpy(copy, extra[i].bytes, extra[i].len);
        copy[extra[i].len] = 0;
        parse_buffer(d, arena_strdup(&d->memory, extra[i].name), copy, extra[i].len, (int)(folder_count + i), &lines);
        free(copy);
    }
    ptr_vec irregulars = { 0 };
    for (size_t i = 0; i < lines.count; i++) {
        raw_line *r = lines.items[i];
        if (r->kind == LEX_IRREGULAR) {
            char *forms = arena_strdup(&d->memory, r->value), *save = NULL;
            char *past = strtok_r(forms, " \t", &save);
            char *participle = strtok_r(NULL, " \t", &save);
            if (!past) { diagnose(d, true, "%s: irregular verb without forms", r->source); continue; }
            irregular *g = arena_alloc(&d->memory, sizeof *g);
            g->lemma = text_fold_phrase(&d->memory, r->phrases, strlen(r->phrases));
            g->past = text_fold_phrase(&d->memory, past, strlen(past));
            g->participle = participle ? text_fold_phrase(&d->memory, participle, strlen(participle)) : g->past;
            ptr_vec_push(&irregulars, g);
        }
    }
    if (irregulars.count) qsort(irregulars.items, irregulars.count, sizeof *irregulars.items, compare_irregular);
    ptr_vec word_sets = { 0 };
    collect_word_sets(d, &lines, &word_sets);
    for (size_t i = 0; i < lines.count; i++) {
        raw_line *r = lines.items[i];
        if (r->kind == LEX_IRREGULAR || r->word_set) continue;
        if (r->kind == LEX_VERB) {
            char *copy = arena_strdup(&d->memory, r->phrases), *save = NULL;
            for (char *p = strtok_r(copy, ";", &save); p; p = strtok_r(NULL, ";", &save)) {
                p = trim(p);
                if (!*p) diagnose(d, true, "%s: empty pattern between \";\"", r->source);
                else if (strchr(p, '&')) build_set_patterns(d, r, p, &word_sets, &irregulars);
                else build_pattern(d, r, p, &irregulars);
            }
            continue;
        }
        build_entries(d, r);
    }
    for (size_t i = 0; i < word_sets.count; i++) {
        const word_set *g = word_sets.items[i];
        if (!g->used) diagnose(d, false, "%s: word set \"%s\" is never used", g->source, g->name);
    }
    free(word_sets.items);
    free(irregulars.items);
    free(lines.items);
    for (size_t i = 0; i < d->heads.cap; i++) {
        head_slot *s = &d->heads.slots[i];
        if (s->key && s->count > 1) qsort(s->items, s->count, sizeof *s->items, compare_head_patterns);
    }
    build_word_index(d);
    return d;
}

void lex_free(lex_dict *d)
{
    if (!d) return;
    for (size_t i = 0; i < d->phrases.cap; i++) {
        free(d->phrases.slots[i].entries.items);
        free(d->phrases.slots[i].lower_entries.items);
    }
    free(d->phrases.slots);
    for (size_t i = 0; i < d->heads.cap; i++) free(d->heads.slots[i].items);
    free(d->heads.slots);
    free(d->words.slots);
    free(d->words.words);
    free(d->words.nodes);
    free(d->words.roots);
    free(d->words.starts);
    free(d->code_index);
    free(d->patterns.items);
    free(d->pattern_set);
    free(d->entries.items);
    free(d->diagnostics.items);
    text_abbreviations_free(d->abbreviations);
    places_free(d->gazetteer);
    arena_free(&d->memory);
    free(d);
}

/* ---- lookups ---- */

static bool slot_result(const phrase_slot *s, bool all_caps, size_t tokens, lex_match *out)
{
    const ptr_vec *v = all_caps ? &s->entries : &s->lower_entries;
    if (!v->count) return false;
    out->entries = (const lex_entry *const *)v->items;
    out->count = v->count;
    out->token_count = tokens;
    return true;
}

bool lex_match_phrase(const lex_dict *d, const char *const *tokens, const bool *caps,
                      size_t count, size_t first, lex_match *out)
{
    char key[LEX_KEY_MAX];
    size_t len = 0;
    uint64_t hash = HASH_BYTES_START;   /* of key, grown word by word */
    bool all_caps = true, found = false;
    for (size_t i = first; i < count && i - first < 16; i++) {
        size_t n = strlen(tokens[i]);
        if (len + n + 2 > sizeof key) break;
        if (i > first) key[len++] = ' ';
        memcpy(key + len, tokens[i], n);
        hash = hash_bytes_more(hash, key + len - (i > first), n + (i > first));
        len += n;
        key[len] = 0;
        all_caps = all_caps && caps[i];
        const phrase_slot *s = phrase_find(&d->phrases, key, len, hash);
        if (!s) break;
        lex_match m;
        if (slot_result(s, all_caps, i - first + 1, &m)) { *out = m; found = true; }
    }
    return found;
}

uint32_t lex_word_id(const lex_dict *d, const char *folded_word, size_t length, uint32_t word_hash)
{
    return word_find(&d->words, folded_word, length, word_hash);
}

/* lex_match_ids from a word that starts a phrase: apart, so that the test
 * most words fail costs no saving and restoring of registers */
static __attribute__((noinline)) bool match_ids_from(const lex_dict *d, const uint32_t *ids, const bool *caps,
                                                     size_t count, size_t first, lex_match *out)
{
    const word_index *w = &d->words;
    bool all_caps = true, best_caps = false;
    uint32_t node = w->roots[ids[first]], best = 0;   /* there is one: the word starts a phrase */
    size_t best_tokens = 0;
    for (size_t i = first;;) {
        all_caps = all_caps && caps[i];
        const phrase_node *found = &w->nodes[node - 1];
        if (!found->slot) break;
        /* the phrase's entries are read only for the longest match found */
        if (found->has & (all_caps ? PHRASE_ENTRIES : PHRASE_LOWER_ENTRIES)) {
            best = node;
            best_caps = all_caps;
            best_tokens = i - first + 1;
        }
        if (!(found->has & PHRASE_LONGER)) break;   /* no phrase goes on: no need to look */
        i++;
        if (i >= count || i - first >= 16 || !ids[i]) break;   /* !ids[i]: a word in no phrase */
        node = node_find(w, node, ids[i]);
        if (!node) break;
    }
    if (!best) return false;
    return slot_result(&d->phrases.slots[w->nodes[best - 1].slot - 1], best_caps, best_tokens, out);
}

bool lex_match_ids(const lex_dict *d, const uint32_t *ids, const bool *caps,
                   size_t count, size_t first, lex_match *out)
{
    const word_index *w = &d->words;
    if (first >= count || !(w->starts[ids[first] / 64] & (1ull << (ids[first] % 64)))) return false;   /* [0] starts nothing */
    return match_ids_from(d, ids, caps, count, first, out);
}

const uint64_t *lex_heads_stem_bits(const lex_dict *d, uint32_t word_id)
{
    const head_slot *s = d->words.words[word_id].heads;
    return s ? s->stem_bits : NULL;
}

uint8_t lex_heads_verb_forms(const lex_dict *d, uint32_t word_id)
{
    const head_slot *s = d->words.words[word_id].heads;
    return s ? s->verb_forms : 0;
}

const lex_head_pattern *lex_heads_of(const lex_dict *d, uint32_t word_id, size_t *count)
{
    const head_slot *s = d->words.words[word_id].heads;   /* [0].heads is NULL */
    *count = s ? s->count : 0;
    return s ? s->items : NULL;
}

bool lex_lookup(const lex_dict *d, const char *folded, lex_match *out)
{
    size_t n = strlen(folded);
    const phrase_slot *s = phrase_find(&d->phrases, folded, n, hash_bytes(folded, n));
    return s && slot_result(s, true, count_tokens(folded), out);
}

const lex_entry *lex_match_kind(const lex_match *m, lex_kind kind)
{
    for (size_t i = 0; i < m->count; i++)
        if (m->entries[i]->kind == kind) return m->entries[i];
    return NULL;
}

const lex_head_pattern *lex_heads(const lex_dict *d, const char *folded_word, size_t *count)
{
    const head_slot *s = head_find(&d->heads, folded_word, hash_bytes(folded_word, strlen(folded_word)));
    *count = s ? s->count : 0;
    return s ? s->items : NULL;
}

void lex_actor_code(const lex_entry *e, int32_t date, char out[16])
{
    out[0] = 0;
    if (!e || !e->code_count) return;
    for (size_t i = 0; i < e->code_count; i++)
        if (e->codes[i].from <= date && date <= e->codes[i].to) { memcpy(out, e->codes[i].code, 16); return; }
    for (size_t i = 0; i < e->code_count; i++)
        if (e->codes[i].from == LEX_DATE_MIN && e->codes[i].to == LEX_DATE_MAX) { memcpy(out, e->codes[i].code, 16); return; }
    /* every role is dated and none holds: we know the country, not the role */
    if (e->codes[0].code[0] == 'I' || e->codes[0].code[0] == 'N') { memcpy(out, e->codes[0].code, 16); return; }
    memcpy(out, e->codes[0].code, 3);
    out[3] = 0;
}

void lex_get_stats(const lex_dict *d, lex_stats *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < d->entries.count; i++) {
        const lex_entry *e = d->entries.items[i];
        out->phrases[e->kind]++;
    }
    /* entries = lines (distinct source locations) per kind */
    const char *last = NULL;
    for (size_t i = 0; i < d->entries.count; i++) {
        const lex_entry *e = d->entries.items[i];
        if (!last || strcmp(last, e->source) != 0) out->entries[e->kind]++;
        last = e->source;
    }
    out->patterns = d->patterns.count;
    out->phrases[LEX_VERB] = d->patterns.count;
    for (size_t c = 0; c < d->code_count; c++) {
        bool found = false;
        for (size_t i = 0; i < d->patterns.count && !found; i++)
            found = strcmp(((lex_pattern *)d->patterns.items[i])->code, d->codes[c].code) == 0;
        if (!found && strlen(d->codes[c].code) > 2) out->codes_without_patterns++;
    }
}

size_t lex_pattern_count(const lex_dict *d) { return d->patterns.count; }
const lex_pattern *lex_pattern_at(const lex_dict *d, size_t i) { return d->patterns.items[i]; }
size_t lex_entry_count(const lex_dict *d) { return d->entries.count; }
const lex_entry *lex_entry_at(const lex_dict *d, size_t i) { return d->entries.items[i]; }
const struct text_abbreviations *lex_abbreviations(const lex_dict *d) { return d->abbreviations; }

const places *lex_places(const lex_dict *d) { return d->gazetteer; }
