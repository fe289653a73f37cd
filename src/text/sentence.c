/* sentence: where sentences and paragraphs end.
 *
 * The idea: decide at each gap between two tokens, looking only at the
 * tokens on either side and at the white space in between, so the work is
 * linear.  A sentence ends at terminal punctuation (with its closing quotes
 * and brackets) before a capital, digit, quote or bracket, unless the word
 * before the period is an abbreviation, an acronym or an initial; at a blank
 * line; and at a single line break when the line was clearly meant to end
 * (a headline, a dateline, a line that ends a quotation).  Whether a line
 * break was meant is judged against the longest line of the text: in
 * hard-wrapped text a break is a wrap when the next word would not have fit
 * on the line. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

/* ---- abbreviations: a small open-addressing hash set of strings ---- */

struct text_abbreviations {
    char **slots;
    size_t capacity;   /* a power of two */
    size_t count;
};

text_abbreviations *text_abbreviations_new(void)
{
    text_abbreviations *set = calloc(1, sizeof *set);
    if (!set) return NULL;
    set->capacity = 64;
    set->slots = calloc(set->capacity, sizeof *set->slots);
    if (!set->slots) {
        free(set);
        return NULL;
    }
    return set;
}

/* Normal form of a key: ASCII lower case, without one final dot. */
static size_t key_length(const char *s, size_t n)
{
    return n > 0 && s[n - 1] == '.' ? n - 1 : n;
}

static bool key_equals(const char *key, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (key[i] != c) return false;
    }
    return key[n] == '\0';
}

static uint64_t key_hash(const char *s, size_t n)
{
    uint64_t hash = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        hash = (hash ^ (unsigned char)c) * 1099511628211ull;
    }
    return hash;
}

static char **find_slot(char **slots, size_t capacity, const char *s, size_t n)
{
    size_t i = (size_t)key_hash(s, n) & (capacity - 1);
    while (slots[i] && !key_equals(slots[i], s, n)) i = (i + 1) & (capacity - 1);
    return &slots[i];
}

static bool grow_set(text_abbreviations *set)
{
    size_t capacity = set->capacity * 2;
    char **slots = calloc(capacity, sizeof *slots);
    if (!slots) return false;
    for (size_t i = 0; i < set->capacity; i++) {
        char *key = set->slots[i];
        if (key) *find_slot(slots, capacity, key, strlen(key)) = key;
    }
    free(set->slots);
    set->slots = slots;
    set->capacity = capacity;
    return true;
}

void text_abbreviations_add(text_abbreviations *set, const char *folded_without_dot)
{
    if (!set || !folded_without_dot) return;
    size_t n = key_length(folded_without_dot, strlen(folded_without_dot));
    if (n == 0) return;
    if ((set->count + 1) * 2 > set->capacity && !grow_set(set)) return;
    char **slot = find_slot(set->slots, set->capacity, folded_without_dot, n);
    if (*slot) return;
    char *key = malloc(n + 1);
    if (!key) return;
    for (size_t i = 0; i < n; i++) {
        char c = folded_without_dot[i];
        key[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
    }
    key[n] = '\0';
    *slot = key;
    set->count++;
}

bool text_abbreviations_has(const text_abbreviations *set, const char *folded, size_t n)
{
    if (!set || !folded) return false;
    n = key_length(folded, n);
    if (n == 0) return false;
    return *find_slot(set->slots, set->capacity, folded, n) != NULL;
}

void text_abbreviations_free(text_abbreviations *set)
{
    if (!set) return;
    for (size_t i = 0; i < set->capacity; i++) free(set->slots[i]);
    free(set->slots);
    free(set);
}

/* Used when the caller passes no set: common English abbreviations of
 * months, titles and places. */
static const char *const default_abbreviations[] = {
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "adm",
    "sgt", "cpl", "pvt", "brig", "rep", "sen", "gov", "pres", "rev", "fr", "sr", "jr",
    "st", "mt", "ft", "no", "nos", "vol", "art", "sec", "dept", "corp", "inc", "ltd",
    "co", "bros", "vs", "approx", "est", "fig", "gens", "govt", "sheikh",
};

static bool is_abbreviation(const text_abbreviations *set, const char *fold, size_t n)
{
    if (set) return text_abbreviations_has(set, fold, n);
    n = key_length(fold, n);
    for (size_t i = 0; i < sizeof default_abbreviations / sizeof *default_abbreviations; i++)
        if (key_equals(default_abbreviations[i], fold, n)) return true;
    return false;
}

/* Capitalized words that begin sentences and hardly ever follow an
 * abbreviation inside one: "... in the U.S. The talks ..." ends at "U.S.". */
static bool is_sentence_opener(const char *fold, size_t n)
{
    static const char *const openers[] = {
        "the", "he", "she", "it", "they", "we", "but", "however", "meanwhile",
        "this", "these", "there", "his", "their", "its", "our",
    };
    for (size_t i = 0; i < sizeof openers / sizeof *openers; i++)
        if (strlen(openers[i]) == n && memcmp(openers[i], fold, n) == 0) return true;
    return false;
}

/* ---- the tokens around a gap ---- */

static int32_t first_codepoint(const text_doc *doc, const text_token *t)
{
    int32_t cp;
    text_utf8_next(doc->text, doc->text_len, t->start, &cp);
    return cp;
}

static const char *fold_of(const text_doc *doc, const text_token *t)
{
    return doc->folded + t->fold;
}

static bool is_period(const text_doc *doc, const text_token *t)
{
    return (t->flags & TEXT_PUNCT) && t->fold_len == 1 && fold_of(doc, t)[0] == '.';
}

/* An acronym with inner dots that ends in its own period: "u.n." */
static bool is_dotted_acronym(const text_doc *doc, const text_token *t)
{
    return (t->flags & TEXT_WORD) && t->fold_len >= 2 && fold_of(doc, t)[t->fold_len - 1] == '.' &&
           !(t->flags & TEXT_NUMBER);
}

static bool is_terminal(const text_doc *doc, const text_token *t)
{
    if (is_period(doc, t) || is_dotted_acronym(doc, t)) return true;
    return (t->flags & TEXT_PUNCT) && text_classify(first_codepoint(doc, t)) == TC_TERMINAL;
}

static bool is_closer(const text_doc *doc, const text_token *t)
{
    if (t->flags & TEXT_QUOTE) return !(t->flags & TEXT_QUOTE_OPEN);
    return (t->flags & TEXT_PUNCT) && text_classify(first_codepoint(doc, t)) == TC_CLOSE;
}

static bool is_opening_bracket(const text_doc *doc, const text_token *t)
{
    return (t->flags & TEXT_PUNCT) && text_classify(first_codepoint(doc, t)) == TC_OPEN;
}

/* Can this token begin a sentence? */
static bool is_starter(const text_doc *doc, const text_token *t)
{
    if (t->flags & (TEXT_CAPITALIZED | TEXT_NUMBER | TEXT_QUOTE)) return true;
    if (is_opening_bracket(doc, t)) return true;
    /* Scripts without case cannot show a capital. */
    return (t->flags & TEXT_WORD) && text_letter_case(first_codepoint(doc, t)) == 2;
}

/* Tokens that say a line goes on: "," ";" ":" "-" "(". */
static bool continues_line(const text_doc *doc, const text_token *t)
{
    if (!(t->flags & TEXT_PUNCT) || t->fold_len != 1) {
        return is_opening_bracket(doc, t);
    }
    char c = fold_of(doc, t)[0];
    return c == ',' || c == ';' || c == ':' || c == '-' || is_opening_bracket(doc, t);
}

/* Does the terminal token at index terminal (possibly followed by closing
 * quotes and brackets) end its sentence, given the token after the gap? */
static bool terminal_ends_sentence(const text_doc *doc, size_t terminal, const text_token *next,
                                   const text_abbreviations *abbreviations)
{
    if (!is_starter(doc, next)) return false;
    const text_token *t = &doc->tokens[terminal];
    const char *next_fold = fold_of(doc, next);
    bool opener = (next->flags & TEXT_CAPITALIZED) && is_sentence_opener(next_fold, next->fold_len);
    if (is_dotted_acronym(doc, t)) return opener;           /* "U.N. officials", "U.S. The" */
    if (!is_period(doc, t) || terminal == 0) return true;   /* ! ? … */
    const text_token *word = &doc->tokens[terminal - 1];
    if (word->end != t->start || !(word->flags & TEXT_WORD)) return true;
    /* A single capital is an initial: "J. Smith" (but "... said I. The ..."). */
    if (word->fold_len <= 4 && (word->flags & TEXT_CAPITALIZED) && word->end - word->start <= 4) {
        int32_t cp;
        int len = text_utf8_next(doc->text, doc->text_len, word->start, &cp);
        size_t rest = word->start + (size_t)len;
        while (rest < word->end) {   /* combining marks after the letter */
            int32_t mark;
            int mark_len = text_utf8_next(doc->text, doc->text_len, rest, &mark);
            if (text_classify(mark) != TC_MARK) break;
            rest += (size_t)mark_len;
        }
        if (rest == word->end) return opener;
    }
    if (is_abbreviation(abbreviations, fold_of(doc, word), word->fold_len)) return opener;
    return true;
}

/* What the white space of a gap holds. */
typedef struct gap {
    size_t line_breaks;
    bool paragraph;     /* a blank line or a paragraph separator */
} gap;

static gap read_gap(const char *s, size_t from, size_t to)
{
    gap g = { 0, false };
    for (size_t p = from; p < to; p++) {
        unsigned char c = (unsigned char)s[p];
        if (c == '\n' || c == '\v' || c == '\f') {
            g.line_breaks++;
        } else if (c == '\r') {
            if (p + 1 < to && s[p + 1] == '\n') p++;
            g.line_breaks++;
        } else if (c == 0xC2 && p + 1 < to && (unsigned char)s[p + 1] == 0x85) {
            g.line_breaks++;   /* U+0085 */
        } else if (c == 0xE2 && p + 2 < to && (unsigned char)s[p + 1] == 0x80) {
            unsigned char third = (unsigned char)s[p + 2];
            if (third == 0xA8) g.line_breaks++;        /* U+2028 */
            else if (third == 0xA9) g.paragraph = true; /* U+2029 */
        }
    }
    if (g.line_breaks >= 2) g.paragraph = true;
    return g;
}

/* The longest line, in bytes: the wrap width of hard-wrapped text. */
static size_t longest_line(const char *s, size_t n)
{
    size_t longest = 0, p = 0;
    while (p < n) {
        const char *newline = memchr(s + p, '\n', n - p);
        size_t end = newline ? (size_t)(newline - s) : n;
        if (end - p > longest) longest = end - p;
        p = end + 1;
    }
    return longest;
}

/* Lines longer than this are paragraphs, not wrapped lines. */
enum { WRAP_WIDTH_MAX = 250, SHORT_LINE = 60 };

typedef struct splitter {
    arena *arena;
    text_doc *doc;
    size_t capacity;
} splitter;

static void add_sentence(splitter *sp, size_t first, size_t last, uint32_t paragraph, bool quoted)
{
    text_doc *doc = sp->doc;
    if (doc->sentence_count == sp->capacity) {
        size_t capacity = sp->capacity ? sp->capacity * 2 : 64;
        text_sentence *grown = arena_alloc(sp->arena, capacity * sizeof *grown);
        if (doc->sentence_count) memcpy(grown, doc->sentences, doc->sentence_count * sizeof *grown);
        doc->sentences = grown;
        sp->capacity = capacity;
    }
    text_sentence *sentence = &doc->sentences[doc->sentence_count++];
    sentence->start = doc->tokens[first].start;
    sentence->end = doc->tokens[last].end;
    sentence->first_token = (uint32_t)first;
    sentence->token_count = (uint32_t)(last - first + 1);
    sentence->paragraph = paragraph;
    sentence->quoted = quoted;
    doc->tokens[first].flags |= TEXT_SENTENCE_START;
}

void text_split_sentences(arena *a, text_doc *doc, const text_abbreviations *abbreviations)
{
    doc->sentences = NULL;
    doc->sentence_count = 0;
    size_t n = doc->token_count;
    if (n == 0) return;
    splitter sp = { a, doc, 0 };
    const text_token *tokens = doc->tokens;

    size_t wrap_width = longest_line(doc->text, doc->text_len);
    bool hard_wrapped = wrap_width <= WRAP_WIDTH_MAX;

    size_t first = 0;              /* first token of the current sentence */
    uint32_t paragraph = 0;
    unsigned quote_depth = 0;      /* open quotations in this paragraph */
    bool quoted = false;           /* the current sentence began inside a quotation */
    size_t line_start = tokens[0].start;
    long terminal = -1;            /* the terminal punctuation the current token closes, if any */

    for (size_t k = 0; k < n; k++) {
        const text_token *t = &tokens[k];
        if (k == first) quoted = quote_depth > 0 || (t->flags & TEXT_QUOTE_OPEN) != 0;
        if (t->flags & TEXT_QUOTE) {
            if (t->flags & TEXT_QUOTE_OPEN) quote_depth++;
            else if (quote_depth > 0) quote_depth--;
        }
        if (is_terminal(doc, t)) terminal = (long)k;
        else if (!(terminal >= 0 && is_closer(doc, t) && tokens[k - 1].end == t->start))
            terminal = -1;   /* closing quotes and brackets right after it extend it */

        if (k + 1 == n) {
            add_sentence(&sp, first, k, paragraph, quoted);
            break;
        }
        const text_token *next = &tokens[k + 1];
        if (next->start == t->end) continue;   /* nothing between: no boundary */
        /* one space, and no terminal before it: no boundary (most gaps) */
        if (terminal < 0 && next->start == t->end + 1 && doc->text[t->end] == ' ') continue;

        gap g = read_gap(doc->text, t->end, next->start);
        bool boundary = false, new_paragraph = false;
        if (g.paragraph) {
            boundary = new_paragraph = true;
        } else {
            size_t line_length = t->end - line_start;
            bool meant = !hard_wrapped ||
                         line_length + 1 + (next->end - next->start) <= wrap_width;
            if (terminal >= 0 && terminal_ends_sentence(doc, (size_t)terminal, next, abbreviations)) {
                boundary = true;
                new_paragraph = g.line_breaks > 0 && meant;
            } else if (g.line_breaks > 0) {
                if (is_closer(doc, t) && (t->flags & TEXT_QUOTE) && is_starter(doc, next)) {
                    boundary = true;              /* a line that closes a quotation */
                    new_paragraph = meant;
                } else if (line_length < SHORT_LINE && meant && !continues_line(doc, t)) {
                    boundary = new_paragraph = true;   /* headline, dateline, subhead */
                }
            }
        }
        if (g.line_breaks > 0 || g.paragraph) line_start = next->start;
        if (boundary) {
            add_sentence(&sp, first, k, paragraph, quoted);
            first = k + 1;
            terminal = -1;
            if (new_paragraph) {
                paragraph++;
                quote_depth = 0;
            }
        }
    }
}
