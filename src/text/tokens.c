/* tokens: cut text into words, numbers and punctuation, each with its folded
 * form and the exact byte span it came from.
 *
 * The idea: a word is a run of letters, digits and marks, and every
 * character that may sit *inside* a word (dot, comma, colon, hyphen,
 * apostrophe) is decided by looking one character back and one ahead only:
 * "3.5" and "U.N." keep their dots, "2,000" drops its comma, "00:00" and
 * "2020-01-06" stay whole, "cease-fire" splits, "Haftar's" and "didn't" give
 * up their clitics.  One look back and one ahead keeps the work linear
 * whatever the input. */
#include "internal.h"

#include <assert.h>
#include <string.h>

/* Folded forms longer than this are cut into several tokens (fold_len is
 * 16 bits); a word takes another character while its folded form is at
 * most WORD_FOLD_LIMIT bytes long, so that any one step still fits. */
enum { TOKEN_FOLD_LIMIT = 65535, WORD_FOLD_LIMIT = TOKEN_FOLD_LIMIT - TEXT_FOLD_MAX - 8 };

typedef struct scanner {
    arena *arena;
    const char *s;
    size_t n;
    text_tokens *out;
} scanner;

/* ---- growing arrays in the arena: the old copy is abandoned, which costs
 * at most as much again as the final size ---- */

static void grow_folded(scanner *sc, size_t extra);

static inline void reserve_folded(scanner *sc, size_t extra)
{
    if (sc->out->folded_len + extra > sc->out->folded_capacity) grow_folded(sc, extra);
}

static void grow_folded(scanner *sc, size_t extra)
{
    text_tokens *t = sc->out;
    size_t capacity = t->folded_capacity ? t->folded_capacity * 2 : 64;
    while (capacity < t->folded_len + extra) capacity *= 2;
    char *grown = arena_alloc_raw(sc->arena, capacity);
    if (t->folded_len) memcpy(grown, t->folded, t->folded_len);
    t->folded = grown;
    t->folded_capacity = capacity;
}

static void append_folded(scanner *sc, const char *bytes, size_t len)
{
    reserve_folded(sc, len + 1);
    memcpy(sc->out->folded + sc->out->folded_len, bytes, len);
    sc->out->folded_len += len;
}

static text_token *last_token(scanner *sc)
{
    return sc->out->count ? &sc->out->tokens[sc->out->count - 1] : NULL;
}

/* Closes the folded form begun at fold_start and records the token. */
static inline void emit(scanner *sc, size_t start, size_t end, size_t fold_start, unsigned flags)
{
    text_tokens *t = sc->out;
    if (t->count == t->capacity) {
        size_t capacity = t->capacity ? t->capacity * 2 : 256;
        text_token *grown = arena_alloc_raw(sc->arena, capacity * sizeof *grown);
        if (t->count) memcpy(grown, t->tokens, t->count * sizeof *grown);
        t->tokens = grown;
        t->capacity = capacity;
    }
    size_t fold_len = t->folded_len - fold_start;
    assert(fold_len <= TOKEN_FOLD_LIMIT);   /* words are cut before */
    reserve_folded(sc, 1);
    t->folded[t->folded_len++] = '\0';
    text_token *token = &t->tokens[t->count++];
    token->start = (uint32_t)start;
    token->end = (uint32_t)end;
    token->fold = (uint32_t)fold_start;
    token->fold_len = (uint16_t)fold_len;
    token->flags = (uint16_t)flags;
}

/* Emits a token whose folded form is given. */
static void emit_literal(scanner *sc, size_t start, size_t end, const char *fold, unsigned flags)
{
    size_t fold_start = sc->out->folded_len;
    append_folded(sc, fold, strlen(fold));
    emit(sc, start, end, fold_start, flags);
}

/* ---- looking around ---- */

static inline bool is_ascii_alnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

static inline text_class class_at(const scanner *sc, size_t p, int32_t *cp_out, int *len_out)
{
    if (p < sc->n && (unsigned char)sc->s[p] < 0x80) {
        if (cp_out) *cp_out = (unsigned char)sc->s[p];
        if (len_out) *len_out = 1;
        return text_classify((unsigned char)sc->s[p]);
    }
    if (p >= sc->n) {
        if (cp_out) *cp_out = -1;
        if (len_out) *len_out = 0;
        return TC_SPACE;   /* the end of the text reads like white space */
    }
    int32_t cp;
    int len = text_utf8_next(sc->s, sc->n, p, &cp);
    if (cp_out) *cp_out = cp;
    if (len_out) *len_out = len;
    return text_classify(cp);
}

static bool is_word_at(const scanner *sc, size_t p)
{
    return p < sc->n && text_class_is_word(class_at(sc, p, NULL, NULL));
}

static bool is_ascii_digit_at(const scanner *sc, size_t p)
{
    return p < sc->n && sc->s[p] >= '0' && sc->s[p] <= '9';
}

/* Letters from p on, counting at most limit + 1. */
static int letters_ahead(const scanner *sc, size_t p, int limit)
{
    int count = 0;
    while (count <= limit && p < sc->n) {
        int32_t cp;
        int len;
        text_class c = class_at(sc, p, &cp, &len);
        if (c == TC_MARK) { p += (size_t)len; continue; }
        if (c != TC_LETTER) break;
        count++;
        p += (size_t)len;
    }
    return count;
}

static bool ascii_lower_equals(const char *s, size_t n, const char *word)
{
    size_t i = 0;
    for (; i < n && word[i]; i++) {
        char c = s[i];
        if (c >= 'A' && c <= 'Z') c = (char)(c + 32);
        if (c != word[i]) return false;
    }
    return i == n && word[i] == '\0';
}

/* Length of a clitic at p ("s", "re", "ll", "ve", "m", "d" after an
 * apostrophe), followed by a non-word character; 0 if none. */
static size_t clitic_at(const scanner *sc, size_t p, bool *possessive_s)
{
    static const char *const clitics[] = { "s", "re", "ll", "ve", "m", "d" };
    *possessive_s = false;
    for (size_t i = 0; i < sizeof clitics / sizeof *clitics; i++) {
        size_t len = strlen(clitics[i]);
        if (p + len > sc->n) continue;
        if (!ascii_lower_equals(sc->s + p, len, clitics[i])) continue;
        if (is_word_at(sc, p + len)) continue;
        *possessive_s = i == 0;
        return len;
    }
    return 0;
}

/* Words after which "'s" is "is"/"has"/"us", not a possessive, and after
 * which "'m" and "'d" are clitics at all. */
static bool is_pronoun(const char *fold, size_t n)
{
    static const char *const pronouns[] = {
        "i", "you", "he", "she", "it", "we", "they", "that", "there", "here",
        "what", "who", "where", "how", "let",
    };
    for (size_t i = 0; i < sizeof pronouns / sizeof *pronouns; i++)
        if (strlen(pronouns[i]) == n && memcmp(pronouns[i], fold, n) == 0) return true;
    return false;
}

/* TEXT_CAPITALIZED and TEXT_ALLCAPS from the original bytes of a token
 * (words count their letters as they scan them; this is for clitics). */
static unsigned case_flags(const scanner *sc, size_t start, size_t end)
{
    unsigned flags = 0;
    bool first = true;
    size_t upper = 0, other = 0;
    for (size_t p = start; p < end;) {
        int32_t cp;
        p += (size_t)text_utf8_next(sc->s, sc->n, p, &cp);
        int letter_case = text_letter_case(cp);
        if (first && letter_case == 1) flags |= TEXT_CAPITALIZED;
        if (letter_case == 1) upper++;
        else if (letter_case != 0) other++;
        first = false;
    }
    if (upper > 0 && other == 0) flags |= TEXT_ALLCAPS;
    return flags;
}

/* ---- words ---- */

/* What the ASCII letters and digits at the start of eight bytes hold:
 * bytewise tests on one 64-bit word (each byte's high bit says "yes"),
 * counted by multiplying, so that a word of ordinary text costs a few
 * steps instead of a few per byte. */
typedef struct ascii_run {
    uint64_t folded;          /* the eight bytes, upper case lowered in the run */
    unsigned length;          /* bytes of the run, 0-8 */
    uint64_t upper, lower, digits;   /* the high bit of each byte of the run that is one */
} ascii_run;

/* The byte at the lowest address is the least significant (x86, ARM):
 * elsewhere the byte loop does it all. */
#define WORDS_LITTLE_ENDIAN (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__)
#define BYTES_LOW  0x0101010101010101ull
#define BYTES_HIGH 0x8080808080808080ull

/* High bit of each byte below 0x80 that is at least c (c <= 0x80). */
static inline uint64_t bytes_at_least(uint64_t x, unsigned c) { return ((x | BYTES_HIGH) - BYTES_LOW * c) & BYTES_HIGH; }
static inline int bytes_counted(uint64_t high_bits) { return (int)(((high_bits >> 7) * BYTES_LOW) >> 56); }

static inline ascii_run ascii_run_of(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
    uint64_t ascii = ~x & BYTES_HIGH;
    uint64_t digit = bytes_at_least(x, '0') & ~bytes_at_least(x, '9' + 1) & ascii;
    /* with the case bit (0x20) set, a letter of either case is a lowercase
     * one; the case bit shifted up to the high bit tells which it was */
    uint64_t caseless = x | (BYTES_LOW * 0x20);
    uint64_t letter = bytes_at_least(caseless, 'a') & ~bytes_at_least(caseless, 'z' + 1) & ascii;
    uint64_t other = ~(digit | letter) & BYTES_HIGH;
    ascii_run r;
    r.length = other ? (unsigned)__builtin_ctzll(other) >> 3 : 8;
    uint64_t in_run = r.length == 8 ? ~0ull : (1ull << (8 * r.length)) - 1;
    letter &= in_run;
    r.digits = digit & in_run;
    r.upper = letter & ~(x << 2);
    r.lower = letter & (x << 2);
    r.folded = x | (r.upper >> 2);   /* 0x80 >> 2 is the case bit */
    return r;
}

/* Scans a word starting at p (a letter or digit: first_cp, of class
 * first_class) and returns where scanning goes on. */
static size_t scan_word(scanner *sc, size_t p, int32_t first_cp, text_class first_class)
{
    const size_t start = p;
    const size_t fold_start = sc->out->folded_len;
    unsigned flags = TEXT_WORD;
    text_class last = TC_SPACE;       /* class of the last letter/digit taken */
    size_t last_start = p;            /* where that code point began */
    size_t fold_before_last = fold_start;
    int segment = 0;                  /* letters since the last inner dot */
    int group_digits = 0;             /* digits since the last thousands comma */
    int inner_dots = 0;               /* dots between letters: an acronym */
    bool letters_only = true;         /* no digits: may be an acronym */
    size_t end = p;
    size_t next = p;                  /* where scanning resumes */
    unsigned trailing_flags = 0;      /* TEXT_HYPHEN_NEXT when a hyphen split us */
    bool cut_nt = false;
    size_t apostrophe_end = 0;        /* with cut_nt: just after the apostrophe */
    char fold[TEXT_FOLD_MAX];
    /* letters taken, by case, for TEXT_CAPITALIZED and TEXT_ALLCAPS (what
     * case_flags would find over the token's bytes, counted on the way) */
    size_t upper = 0, other = 0;

    if (first_class == TC_DIGIT) flags |= TEXT_NUMBER;
    unsigned capitalized = text_letter_case(first_cp) == 1 ? TEXT_CAPITALIZED : 0;

    for (;;) {
        /* A run of ASCII letters and digits, the bulk of any English text:
         * the same steps as for any word character below, without the
         * decoding and the general folding, eight bytes at a time. */
        size_t taken = sc->out->folded_len - fold_start;
        size_t allowed = taken <= WORD_FOLD_LIMIT ? WORD_FOLD_LIMIT + 1 - taken : 0;
        size_t limit = sc->n - p < allowed ? sc->n : p + allowed;
        size_t run_end = p;
        while (WORDS_LITTLE_ENDIAN && run_end + 8 <= limit) {
            ascii_run r = ascii_run_of(sc->s + run_end);
            if (r.length) {
                reserve_folded(sc, 8);
                memcpy(sc->out->folded + sc->out->folded_len, &r.folded, 8);   /* bytes past the run are overwritten later */
                sc->out->folded_len += r.length;
                uint64_t letters = r.upper | r.lower;
                upper += (size_t)bytes_counted(r.upper);
                other += (size_t)bytes_counted(r.lower);
                segment += bytes_counted(letters);
                if (r.digits) letters_only = false;
                /* digits after the run's last letter, or the count goes on */
                group_digits = letters ? (int)r.length - 1 - ((63 - __builtin_clzll(letters)) >> 3)
                                       : group_digits + (int)r.length;
                run_end += r.length;
            }
            if (r.length < 8) break;
        }
        if (run_end + 8 > limit) {
            size_t tail_end = run_end;
            while (tail_end < limit && is_ascii_alnum(sc->s[tail_end])) tail_end++;
            if (tail_end > run_end) {
                reserve_folded(sc, tail_end - run_end);
                char *out = sc->out->folded + sc->out->folded_len;
                for (size_t k = run_end; k < tail_end; k++) {
                    char byte = sc->s[k];
                    if (byte <= '9') { group_digits++; letters_only = false; }
                    else { segment++; group_digits = 0; }
                    upper += byte <= 'Z' && byte >= 'A';
                    other += byte >= 'a';
                    *out++ = text_fold_ascii(byte);
                }
                sc->out->folded_len += tail_end - run_end;
                run_end = tail_end;
            }
        }
        if (run_end > p) {
            fold_before_last = sc->out->folded_len - 1;
            last_start = run_end - 1;
            last = sc->s[last_start] <= '9' ? TC_DIGIT : TC_LETTER;
            p = end = run_end;
        }
        int32_t cp;
        int len;
        text_class c = class_at(sc, p, &cp, &len);
        if (p >= sc->n) break;
        /* Cut an overlong word while any one step still fits. */
        if (sc->out->folded_len - fold_start > WORD_FOLD_LIMIT) break;
        if (text_class_is_word(c)) {
            size_t fold_len = text_fold_codepoint(cp, fold);
            if (c != TC_MARK) {
                fold_before_last = sc->out->folded_len;
                last = c;
                last_start = p;
                if (c == TC_LETTER) {
                    segment++;
                    int letter_case = text_letter_case(cp);
                    if (letter_case == 1) upper++;
                    else if (letter_case != 0) other++;
                }
                if (c == TC_DIGIT) { group_digits++; letters_only = false; }
                else group_digits = 0;
                if (c == TC_NUMERAL) letters_only = false;
            }
            append_folded(sc, fold, fold_len);
            p += (size_t)len;
            end = p;
            continue;
        }
        /* only these may join what follows to the word: white space, the
         * commonest end of a word, needs no look further */
        if (c != TC_JOINER && c != TC_DOT && c != TC_COMMA && c != TC_COLON && c != TC_HYPHEN && c != TC_EN_DASH &&
            c != TC_APOSTROPHE)
            break;
        size_t after = p + (size_t)len;
        int32_t next_cp;
        text_class next_class = class_at(sc, after, &next_cp, NULL);
        bool next_is_word = after < sc->n && text_class_is_word(next_class) && next_class != TC_MARK;
        if (c == TC_JOINER && next_is_word) {
            p = after;            /* invisible inside a word */
            continue;
        }
        if (c == TC_DOT) {
            if (last == TC_DIGIT && next_class == TC_DIGIT) {            /* 3.5 */
                append_folded(sc, ".", 1);
                p = after;
                segment = 0;
                group_digits = 0;
                continue;
            }
            if (last == TC_LETTER && next_class == TC_LETTER && letters_only &&
                segment <= 2 && letters_ahead(sc, after, 2) <= 2) {      /* U.N */
                append_folded(sc, ".", 1);
                inner_dots++;
                segment = 0;
                p = after;
                continue;
            }
            if (inner_dots > 0 && last == TC_LETTER && letters_only && segment <= 2) {
                append_folded(sc, ".", 1);                               /* U.N. */
                end = after;
                next = after;
                int hyphen_len;
                if (class_at(sc, after, NULL, &hyphen_len) == TC_HYPHEN &&
                    after < sc->n && is_word_at(sc, after + (size_t)hyphen_len)) {
                    trailing_flags = TEXT_HYPHEN_NEXT;                   /* U.N.-backed */
                    next = after + (size_t)hyphen_len;
                }
                goto done;
            }
            break;
        }
        if (c == TC_COMMA) {                                             /* 2,000 */
            if (last == TC_DIGIT && group_digits >= 1 && group_digits <= 3 &&
                is_ascii_digit_at(sc, after) && is_ascii_digit_at(sc, after + 1) &&
                is_ascii_digit_at(sc, after + 2) && !is_ascii_digit_at(sc, after + 3) &&
                (flags & TEXT_NUMBER)) {
                p = after;
                group_digits = 0;
                continue;
            }
            break;
        }
        if (c == TC_COLON) {                                             /* 00:00 */
            if (last == TC_DIGIT && next_class == TC_DIGIT) {
                append_folded(sc, ":", 1);
                p = after;
                group_digits = 0;
                continue;
            }
            break;
        }
        if (c == TC_HYPHEN || c == TC_EN_DASH) {
            if (last == TC_DIGIT && next_class == TC_DIGIT) {            /* 2020-01-06 */
                append_folded(sc, "-", 1);
                p = after;
                group_digits = 0;
                continue;
            }
            if (c == TC_HYPHEN && next_is_word) {                        /* cease-fire */
                trailing_flags = TEXT_HYPHEN_NEXT;
                next = after;
                goto done;
            }
            break;
        }
        if (c == TC_APOSTROPHE) {
            /* didn't -> did n't: the "n" goes with the clitic */
            if (last == TC_LETTER && last_start > start &&
                (sc->s[last_start] == 'n' || sc->s[last_start] == 'N') &&
                after < sc->n && (sc->s[after] == 't' || sc->s[after] == 'T') &&
                !is_word_at(sc, after + 1)) {
                cut_nt = true;
                apostrophe_end = after;
                break;
            }
            if (next_is_word) {
                bool possessive;
                size_t clitic = clitic_at(sc, after, &possessive);
                /* "'m" and "'d" are clitics only after pronouns: Sa'd is a name */
                if (clitic == 1 && !possessive &&
                    !is_pronoun(sc->out->folded + fold_start, sc->out->folded_len - fold_start))
                    clitic = 0;
                if (clitic == 0) {
                    append_folded(sc, "'", 1);                           /* O'Brien */
                    p = after;
                    segment = 0;
                    continue;
                }
            }
            break;
        }
        break;
    }
    next = end;
done:
    if (cut_nt) {
        /* The word ends before its final "n"; "n't" is a token of its own. */
        sc->out->folded_len = fold_before_last;
        if (sc->s[last_start] == 'N') upper--;
        else other--;
        emit(sc, start, last_start, fold_start, flags | capitalized | (upper > 0 && other == 0 ? TEXT_ALLCAPS : 0));
        size_t nt_end = apostrophe_end + 1;   /* the "t" */
        emit_literal(sc, last_start, nt_end, "n't", TEXT_WORD);
        return nt_end;
    }
    emit(sc, start, end, fold_start, flags | trailing_flags | capitalized | (upper > 0 && other == 0 ? TEXT_ALLCAPS : 0));
    return next;
}

/* The commonest word: ASCII letters and digits that end where nothing
 * can carry the word on (white space, most punctuation, a comma after a
 * word that is no number, a period after three or more characters ending
 * in a letter).  Emits it and returns where scanning goes on, or returns
 * 0 having written nothing, and scan_word, which settles every case, reads
 * it. */
static size_t scan_plain_word(scanner *sc, size_t p)
{
    enum { PLAIN_MAX = 1024 };   /* far below WORD_FOLD_LIMIT: no cut to make */
    const size_t limit = sc->n - p < PLAIN_MAX ? sc->n : p + PLAIN_MAX;
    reserve_folded(sc, (limit - p) + 8);
    char *out = sc->out->folded + sc->out->folded_len;
    size_t q = p;
    bool upper = false, lower = false;
    while (WORDS_LITTLE_ENDIAN && q + 8 <= limit) {
        ascii_run r = ascii_run_of(sc->s + q);
        memcpy(out + (q - p), &r.folded, 8);   /* bytes past the run are overwritten later */
        upper |= r.upper != 0;
        lower |= r.lower != 0;
        q += r.length;
        if (r.length < 8) break;
    }
    if (!WORDS_LITTLE_ENDIAN || q + 8 > limit) {
        for (; q < limit && is_ascii_alnum(sc->s[q]); q++) {
            char byte = sc->s[q];
            upper |= byte >= 'A' && byte <= 'Z';
            lower |= byte >= 'a';
            out[q - p] = text_fold_ascii(byte);
        }
    }
    if (q == limit && q < sc->n) return 0;   /* a long word */
    if (q < sc->n) {
        unsigned char next = (unsigned char)sc->s[q];
        bool last_digit = sc->s[q - 1] <= '9';
        switch (next) {   /* one test for the bytes that cannot carry a word on (white space, most punctuation) */
        case '-': case '\'': case '`':
            return 0;
        case ',':
            if (sc->s[p] <= '9') return 0;                            /* 2,000 */
            break;
        case ':':
            if (last_digit) return 0;                                 /* 00:00 */
            break;
        case '.': {
            unsigned char after = q + 1 < sc->n ? (unsigned char)sc->s[q + 1] : ' ';
            if (last_digit && (after >= 0x80 || (after >= '0' && after <= '9'))) return 0;   /* 3.5 */
            if (!last_digit && q - p < 3) return 0;                   /* U.N. */
            break;
        }
        default:
            if (next >= 0x80) return 0;
        }
    }
    size_t fold_start = sc->out->folded_len;
    sc->out->folded_len += q - p;
    unsigned flags = TEXT_WORD;
    if (sc->s[p] <= '9') flags |= TEXT_NUMBER;
    if (sc->s[p] >= 'A' && sc->s[p] <= 'Z') flags |= TEXT_CAPITALIZED;
    if (upper && !lower) flags |= TEXT_ALLCAPS;
    emit(sc, p, q, fold_start, flags);
    return q;
}

/* ---- apostrophes and quotes ---- */

/* Whether a quotation mark at [start, end) opens a quotation: by its shape,
 * or for the straight ones by what stands around it. */
static bool quote_opens(const scanner *sc, size_t start, size_t end, int32_t cp)
{
    int direction = text_quote_direction(cp);
    if (direction != 0) return direction > 0;
    text_class before = TC_SPACE;
    if (start > 0) before = text_classify(text_utf8_previous(sc->s, start, NULL));
    text_class after = class_at(sc, end, NULL, NULL);
    bool open_before = before == TC_SPACE || before == TC_BREAK || before == TC_PARAGRAPH ||
                       before == TC_OPEN || before == TC_DASH || before == TC_QUOTE ||
                       before == TC_EN_DASH || before == TC_IGNORE;
    bool space_after = end >= sc->n || after == TC_SPACE || after == TC_BREAK ||
                       after == TC_PARAGRAPH;
    return open_before && !space_after;
}

static void emit_quote(scanner *sc, size_t start, size_t end, int32_t cp)
{
    unsigned flags = TEXT_PUNCT | TEXT_QUOTE;
    if (quote_opens(sc, start, end, cp)) flags |= TEXT_QUOTE_OPEN;
    emit_literal(sc, start, end, "\"", flags);
}

static size_t scan_apostrophe(scanner *sc, size_t p, int32_t cp, int len)
{
    size_t after = p + (size_t)len;
    /* `` and '' are double quotation marks written with two strokes. */
    if ((cp == '`' || cp == '\'') && after < sc->n && sc->s[after] == (char)cp) {
        emit_quote(sc, p, after + 1, cp == '`' ? 0x201C : (int32_t)'"');
        return after + 1;
    }
    text_token *previous = last_token(sc);
    bool after_word = previous && previous->end == p && (previous->flags & TEXT_WORD);
    if (after_word) {
        const char *word = sc->out->folded + previous->fold;
        size_t word_len = previous->fold_len;
        bool possessive_s;
        size_t clitic = clitic_at(sc, after, &possessive_s);
        if (clitic > 0) {
            bool pronoun = is_pronoun(word, word_len);
            char fold[4] = "'";
            for (size_t i = 0; i < clitic; i++) {
                char c = sc->s[after + i];
                fold[1 + i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            fold[1 + clitic] = '\0';
            bool needs_pronoun = fold[1] == 'm' || fold[1] == 'd';
            if (!needs_pronoun || pronoun) {
                unsigned flags = TEXT_WORD;
                if (possessive_s && !pronoun) flags |= TEXT_POSSESSIVE;
                size_t end = after + clitic;
                emit_literal(sc, p, end, fold, flags | case_flags(sc, p, end));
                return end;
            }
        }
        /* rivals' -> rivals + ' */
        if (word_len > 0 && word[word_len - 1] == 's' && !is_word_at(sc, after) &&
            !(previous->flags & TEXT_NUMBER)) {
            emit_literal(sc, p, after, "'", TEXT_POSSESSIVE);
            return after;
        }
    }
    /* Otherwise a single quotation mark. */
    emit_quote(sc, p, after, cp);
    return after;
}

/* ---- everything else ---- */

static size_t scan_punct(scanner *sc, size_t p, int32_t cp, int len, text_class c)
{
    size_t end = p + (size_t)len;
    if (c == TC_QUOTE) {
        emit_quote(sc, p, end, cp);
        return end;
    }
    if (c == TC_HYPHEN || c == TC_EN_DASH || c == TC_DASH) {
        emit_literal(sc, p, end, "-", TEXT_PUNCT);
        return end;
    }
    char fold[TEXT_FOLD_MAX];
    size_t fold_len = text_fold_codepoint(cp, fold);
    size_t fold_start = sc->out->folded_len;
    if (fold_len == 0 || cp == 0xFFFD) {
        /* Invalid bytes in the input (only when the caller skipped
         * validation) fold to U+FFFD. */
        fold_len = (size_t)(cp == 0xFFFD ? 3 : 0);
        memcpy(fold, "\xEF\xBF\xBD", 3);
    }
    append_folded(sc, fold, fold_len);
    emit(sc, p, end, fold_start, TEXT_PUNCT);
    return end;
}

void text_tokenize(arena *a, const char *s, size_t n, text_tokens *out)
{
    memset(out, 0, sizeof *out);
    /* Offsets are 32 bits; the folded buffer grows at most ~12x over its
     * input, so stop well before either could overflow. */
    if (n > UINT32_MAX / 16) n = UINT32_MAX / 16;
    scanner sc = { a, s, n, out };
    /* Sized for ordinary prose (a token every five bytes or so, folded
     * forms about as long as the text) so that it rarely has to grow. */
    out->capacity = n / 4 + 16;
    out->tokens = arena_alloc_raw(a, out->capacity * sizeof *out->tokens);
    reserve_folded(&sc, n + n / 8 + 64);
    size_t p = 0;
    while (p < n) {
        unsigned char byte = (unsigned char)s[p];
        if (byte == ' ') { p++; continue; }   /* the commonest byte between tokens, passed over at once */
        if (is_ascii_alnum((char)byte)) {
            /* the commonest token, a plain word, without classifying the byte
             * (scan_word settles any other word) */
            size_t next = scan_plain_word(&sc, p);
            p = next ? next : scan_word(&sc, p, byte, byte <= '9' ? TC_DIGIT : TC_LETTER);
            continue;
        }
        int32_t cp;
        int len;
        text_class c = class_at(&sc, p, &cp, &len);
        switch (c) {
        case TC_SPACE: case TC_BREAK: case TC_PARAGRAPH: case TC_IGNORE: case TC_JOINER:
            p += (size_t)len;
            break;
        case TC_MARK: {
            /* A mark belongs to the character before it; a mark after white
             * space has nothing to belong to and is dropped. */
            text_token *previous = last_token(&sc);
            if (previous && previous->end == p) previous->end = (uint32_t)(p + (size_t)len);
            p += (size_t)len;
            break;
        }
        case TC_LETTER: case TC_DIGIT: case TC_NUMERAL:   /* beyond ASCII */
            p = scan_word(&sc, p, cp, c);
            break;
        case TC_APOSTROPHE:
            p = scan_apostrophe(&sc, p, cp, len);
            break;
        default:
            p = scan_punct(&sc, p, cp, len, c);
            break;
        }
    }
}
