/* Unit tests of the text stage: UTF-8, folding, tokens, sentences. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/text/text.h"

/* ---- helpers ---- */

static int setup_arena(void **state)
{
    arena *a = malloc(sizeof *a);
    if (!a) return -1;
    arena_init(a);
    *state = a;
    return 0;
}

static int teardown_arena(void **state)
{
    arena_free(*state);
    free(*state);
    return 0;
}

/* Invariants every analysis must hold, whatever the input. */
static void check_invariants(const text_doc *d)
{
    uint32_t previous_end = 0;
    for (size_t i = 0; i < d->token_count; i++) {
        const text_token *t = &d->tokens[i];
        assert_true(t->start < t->end);
        assert_true(t->end <= d->text_len);
        assert_true(t->start >= previous_end);
        previous_end = t->end;
        assert_true(t->fold + t->fold_len < d->folded_len);
        assert_int_equal(d->folded[t->fold + t->fold_len], '\0');
        assert_int_equal(strlen(text_token_fold(d, i)), t->fold_len);
        assert_null(memchr(text_token_fold(d, i), ' ', t->fold_len));
    }
    size_t next_token = 0;
    uint32_t paragraph = 0;
    for (size_t s = 0; s < d->sentence_count; s++) {
        const text_sentence *sentence = &d->sentences[s];
        assert_int_equal(sentence->first_token, next_token);
        assert_true(sentence->token_count > 0);
        next_token += sentence->token_count;
        assert_int_equal(sentence->start, d->tokens[sentence->first_token].start);
        assert_int_equal(sentence->end, d->tokens[next_token - 1].end);
        assert_true(sentence->paragraph >= paragraph);
        paragraph = sentence->paragraph;
        for (size_t k = sentence->first_token; k < next_token; k++)
            assert_int_equal((d->tokens[k].flags & TEXT_SENTENCE_START) != 0, k == sentence->first_token);
    }
    assert_int_equal(next_token, d->token_count);
}

static text_doc analyze_with(void **state, const char *s, const text_abbreviations *set)
{
    text_doc d;
    text_analyze(*state, s, strlen(s), set, &d);
    check_invariants(&d);
    return d;
}

static text_doc analyze(void **state, const char *s)
{
    return analyze_with(state, s, NULL);
}

static void assert_fold(void **state, const char *input, const char *expected)
{
    char *folded = text_fold_phrase(*state, input, strlen(input));
    if (strcmp(folded, expected) != 0)
        fail_msg("fold of \"%s\": got \"%s\", expected \"%s\"", input, folded, expected);
}

/* The sentence as it stands in the text. */
static char *sentence_text(void **state, const text_doc *d, size_t i)
{
    assert_true(i < d->sentence_count);
    const text_sentence *s = &d->sentences[i];
    return arena_strndup(*state, d->text + s->start, s->end - s->start);
}

static void assert_sentences(void **state, const char *text, size_t count, ...)
{
    text_doc d = analyze(state, text);
    if (d.sentence_count != count) {
        for (size_t i = 0; i < d.sentence_count; i++)
            print_message("  [%zu] %s\n", i, sentence_text(state, &d, i));
        fail_msg("expected %zu sentences, got %zu", count, d.sentence_count);
    }
    va_list ap;
    va_start(ap, count);
    for (size_t i = 0; i < count; i++) {
        const char *expected = va_arg(ap, const char *);
        assert_string_equal(sentence_text(state, &d, i), expected);
    }
    va_end(ap);
}

/* Finds the token whose folded form is fold (the n-th such, 0-based). */
static const text_token *find_token(const text_doc *d, const char *fold, int nth)
{
    for (size_t i = 0; i < d->token_count; i++)
        if (strcmp(text_token_fold(d, i), fold) == 0 && nth-- == 0) return &d->tokens[i];
    fail_msg("no token \"%s\"", fold);
    return NULL;
}

/* ---- words read eight bytes at a time ---- */

/* ASCII words of every length from 1 to 24 (so that runs end at every
 * place of an eight-byte chunk, and at the end of the text), in mixed case
 * and with digits: each token's fold and case flags match what a reading
 * one character at a time gives. */
static void test_ascii_words_by_chunks(void **state)
{
    static const char alphabet[] = "aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789";
    char text[4096];
    size_t n = 0;
    uint32_t seed = 12345;
    for (int w = 0; w < 200; w++) {
        size_t len = 1 + (size_t)w % 24;
        int style = w / 24 % 4;   /* all lower, all upper, capitalized, mixed with digits */
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            char c = alphabet[(seed >> 16) % 26];
            if (style == 0 || (style == 2 && k > 0)) c = (char)(c | 0x20);
            else if (style == 1 || (style == 2 && k == 0)) c = (char)(c & ~0x20);
            else if ((seed >> 8) % 3 == 0) c = alphabet[26 + (seed >> 4) % 10];
            text[n++] = c;
        }
        if (w < 199) text[n++] = ' ';
    }
    text[n] = 0;
    text_doc d = analyze(state, text);
    assert_int_equal(d.token_count, 200);
    for (size_t i = 0; i < d.token_count; i++) {
        const text_token *t = &d.tokens[i];
        size_t upper = 0, lower = 0;
        char fold[32];
        for (size_t k = t->start; k < t->end; k++) {
            char c = text[k];
            upper += c >= 'A' && c <= 'Z';
            lower += c >= 'a' && c <= 'z';
            fold[k - t->start] = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        }
        fold[t->end - t->start] = 0;
        assert_string_equal(text_token_fold(&d, i), fold);
        assert_int_equal((t->flags & TEXT_ALLCAPS) != 0, upper > 0 && lower == 0);
        assert_int_equal((t->flags & TEXT_CAPITALIZED) != 0, text[t->start] >= 'A' && text[t->start] <= 'Z');
        assert_int_equal((t->flags & TEXT_NUMBER) != 0, text[t->start] >= '0' && text[t->start] <= '9');
    }
    /* thousands: groups of at most three digits before the first comma, in a number */
    d = analyze(state, "123,456,789 and 12345678,123 and 1234,567 and abcdefgh12,345 and 99999999999,999.");
    assert_non_null(find_token(&d, "123456789", 0));
    assert_non_null(find_token(&d, "12345678", 0));
    assert_non_null(find_token(&d, "1234", 0));
    assert_non_null(find_token(&d, "abcdefgh12", 0));
    assert_non_null(find_token(&d, "99999999999", 0));
    /* acronyms after eight letters of a word are not acronyms; "U.N." is */
    d = analyze(state, "Peacekeepers of the U.N. met.");
    assert_non_null(find_token(&d, "u.n.", 0));
    assert_non_null(find_token(&d, "peacekeepers", 0));
}

/* The folded tokens of a text joined by '|'. */
static char *joined_folds(void **state, const char *text)
{
    text_doc d = analyze(state, text);
    size_t length = 1;
    for (size_t i = 0; i < d.token_count; i++) length += d.tokens[i].fold_len + 1;
    char *out = arena_alloc(*state, length);
    size_t o = 0;
    for (size_t i = 0; i < d.token_count; i++) {
        if (i) out[o++] = '|';
        memcpy(out + o, text_token_fold(&d, i), d.tokens[i].fold_len);
        o += d.tokens[i].fold_len;
    }
    out[o] = 0;
    return out;
}

/* A word of ASCII letters and digits is read in one go unless what ends it
 * may carry it on: each such ending, at every place of an eight-byte chunk,
 * reads as the general rules say. */
static void test_plain_word_endings(void **state)
{
    static const struct { const char *word_end, *expected; } cases[] = {
        { "abc. Next", "abc|.|next" },          /* a period after three letters ends the word */
        { "ab.", "ab|." },
        { "U.N. team", "u.n.|team" },            /* an acronym goes on past its dots */
        { "a1. x", "a1|.|x" },
        { "x86.5", "x86.5" },
        { "35.5 km", "35.5|km" },
        { "35.x", "35|.|x" },
        { "35.\xd9\xa5", "35.\xd9\xa5" },       /* a digit of another script after the dot */
        { "2,000 men", "2000|men" },
        { "ab,000", "ab|,|000" },
        { "10:30 GMT", "10:30|gmt" },
        { "abc:def", "abc|:|def" },
        { "cease-fire", "cease|fire" },
        { "rivals' men", "rivals|'|men" },
        { "Haftar's men", "haftar|'s|men" },
        { "caf\xc3\xa9s", "cafes" },             /* a letter past ASCII continues the word */
        { "word;", "word|;" },
        { "word)", "word|)" },
        { "word\"", "word|\"" },
        { "word", "word" },
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        for (size_t prefix = 0; prefix < 9; prefix++) {
            /* "xxx " words of 1 to 9 letters before the case move it along the chunks */
            char text[128], expected[160];
            size_t n = 0;
            if (prefix) {
                memset(text, 'x', prefix);
                n = prefix;
                text[n++] = ' ';
            }
            snprintf(text + n, sizeof text - n, "%s", cases[c].word_end);
            snprintf(expected, sizeof expected, "%.*s%s%s", (int)prefix, "xxxxxxxxx", prefix ? "|" : "", cases[c].expected);
            assert_string_equal(joined_folds(state, text), expected);
        }
    }
    /* words longer than any one step: one token each, whatever their length */
    char text[2200];
    for (size_t length = 1016; length <= 1032; length += 8) {
        memset(text, 'q', length);
        text[length] = ' ';
        memset(text + length + 1, 'Z', length);
        text[2 * length + 1] = 0;
        text_doc d = analyze(state, text);
        assert_int_equal(d.token_count, 2);
        assert_int_equal(d.tokens[0].fold_len, length);
        assert_int_equal(d.tokens[1].fold_len, length);
        assert_true(d.tokens[1].flags & TEXT_ALLCAPS);
    }
}

/* ---- UTF-8 ---- */

static void test_utf8_valid(void **state)
{
    (void)state;
    size_t bad = 99;
    assert_true(text_utf8_valid("", 0, &bad));
    assert_true(text_utf8_valid("plain ASCII text", 16, &bad));
    const char *multi = "Çavuşoğlu – “ok” € 𝄞 \xF4\x8F\xBF\xBF";   /* up to U+10FFFF */
    assert_true(text_utf8_valid(multi, strlen(multi), &bad));
    assert_true(text_utf8_valid("a\0b", 3, NULL));   /* NUL is a valid character */

    struct { const char *bytes; size_t len, offset; } cases[] = {
        { "ab\x80", 3, 2 },                        /* lone continuation */
        { "\xC0\xAF", 2, 0 },                      /* overlong '/' */
        { "x\xC1\xBF", 3, 1 },                     /* overlong */
        { "xy\xE0\x80\xAF", 5, 2 },                /* overlong three-byte */
        { "\xF0\x80\x80\xAF", 4, 0 },              /* overlong four-byte */
        { "ok \xED\xA0\x80", 6, 3 },               /* surrogate U+D800 */
        { "\xED\xBF\xBF", 3, 0 },                  /* surrogate U+DFFF */
        { "abcd\xF4\x90\x80\x80", 8, 4 },          /* U+110000 */
        { "\xF5\x80\x80\x80", 4, 0 },
        { "\xFF", 1, 0 },
        { "abc\xC3", 4, 3 },                       /* truncated at the end */
        { "abc\xE2\x82", 5, 3 },
        { "\xE2\x82z", 3, 0 },                     /* truncated before ASCII */
        { "0123456789abcdefghij\xC3(", 22, 20 },   /* after the 8-byte fast path */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        bad = 12345;
        if (text_utf8_valid(cases[i].bytes, cases[i].len, &bad))
            fail_msg("case %zu accepted", i);
        assert_int_equal(bad, cases[i].offset);
    }
}

static void test_utf8_repair(void **state)
{
    (void)state;
    size_t len = 0, replaced = 99;
    char *out = text_utf8_repair("fine ü", 7, &len, &replaced);
    assert_string_equal(out, "fine ü");
    assert_int_equal(len, 7);
    assert_int_equal(replaced, 0);
    free(out);

    /* C0 and 80 are each a broken sequence of their own; E2 82 is one
     * (the maximal prefix of a valid sequence). */
    out = text_utf8_repair("a\xC0\x80" "b\xE2\x82z\xED\xA0\x80", 10, &len, &replaced);
    assert_string_equal(out, "a\uFFFD\uFFFDb\uFFFDz\uFFFD\uFFFD\uFFFD");
    assert_int_equal(replaced, 6);
    assert_int_equal(len, strlen(out));
    size_t bad;
    assert_true(text_utf8_valid(out, len, &bad));
    free(out);

    out = text_utf8_repair("end\xF0\x9F", 5, &len, NULL);
    assert_string_equal(out, "end\uFFFD");
    free(out);

    out = text_utf8_repair("", 0, &len, &replaced);
    assert_string_equal(out, "");
    assert_int_equal(len, 0);
    free(out);
}

/* ---- folding ---- */

static void test_fold_diacritics_and_case(void **state)
{
    assert_fold(state, "Çavuşoğlu", "cavusoglu");
    assert_fold(state, "ERDOĞAN", "erdogan");
    assert_fold(state, "Mevlüt Çavuşoğlu", "mevlut cavusoglu");
    /* NFD input (combining cedilla, breve) folds like NFC */
    assert_fold(state, "C\xCC\xA7" "avus\xCC\xA7" "og\xCC\x86" "lu", "cavusoglu");
    assert_fold(state, "İstanbul", "istanbul");
    assert_fold(state, "Diyarbakır", "diyarbakir");
    assert_fold(state, "Straße", "strasse");
    assert_fold(state, "Wałęsa", "walesa");
    assert_fold(state, "Søren Ørsted", "soren orsted");
    assert_fold(state, "ﬁre", "fire");                    /* ligature (compatibility) */
    assert_fold(state, "ＧＮＡ", "gna");                   /* full width */
    assert_fold(state, "Ελλάδα", "ελλαδα");
    assert_fold(state, "МОСКВА", "москва");
    assert_fold(state, "القاهرة", "القاهرة");
    assert_fold(state, "", "");
    assert_fold(state, "   ", "");
}

static void test_fold_punctuation_variants(void **state)
{
    assert_fold(state, "Haftar’s", "haftar 's");
    assert_fold(state, "Haftar‘s", "haftar 's");
    assert_fold(state, "Haftar`s", "haftar 's");
    assert_fold(state, "Haftar′s", "haftar 's");
    assert_fold(state, "“calm”", "\" calm \"");
    assert_fold(state, "«calm»", "\" calm \"");
    assert_fold(state, "„calm“", "\" calm \"");
    assert_fold(state, "\"calm\"", "\" calm \"");
    assert_fold(state, "war – peace — truce", "war - peace - truce");
    assert_fold(state, "troops -- in", "troops - - in");
    assert_fold(state, "wait…", "wait ...");
}

static void test_fold_phrase_splits(void **state)
{
    assert_fold(state, "al-Sarraj", "al sarraj");
    assert_fold(state, "Fayez al-Sarraj", "fayez al sarraj");
    assert_fold(state, "Haftar's forces", "haftar 's forces");
    assert_fold(state, "cease-fire", "cease fire");
    assert_fold(state, "U.N.-recognized", "u.n. recognized");
    assert_fold(state, "U.N.", "u.n.");
    assert_fold(state, "U.S.", "u.s.");
    assert_fold(state, "a.m.", "a.m.");
    assert_fold(state, "Ph.D.", "ph.d.");
    assert_fold(state, "didn't", "did n't");
    assert_fold(state, "won't", "wo n't");
    assert_fold(state, "can’t", "ca n't");
    assert_fold(state, "DON'T", "do n't");
    assert_fold(state, "rivals'", "rivals '");
    assert_fold(state, "it's", "it 's");
    assert_fold(state, "they're", "they 're");
    assert_fold(state, "O'Brien", "o'brien");
    assert_fold(state, "Sa'd", "sa'd");
    assert_fold(state, "2,000", "2000");
    assert_fold(state, "146,000", "146000");
    assert_fold(state, "1,234,567", "1234567");
    assert_fold(state, "1,2", "1 , 2");
    assert_fold(state, "1,2345", "1 , 2345");
    assert_fold(state, "3.5", "3.5");
    assert_fold(state, "00:00", "00:00");
    assert_fold(state, "2020-01-06", "2020-01-06");
    assert_fold(state, "2019–2020", "2019-2020");
    assert_fold(state, "F-16", "f 16");
    assert_fold(state, "Jan.", "jan .");
    assert_fold(state, "Jan. 13's talks", "jan . 13 's talks");
    assert_fold(state, "St.Petersburg", "st . petersburg");
    assert_fold(state, "1990s", "1990s");
    assert_fold(state, "(AP Photo/Pavel Golovkin, Pool)",
                "( ap photo / pavel golovkin , pool )");
    assert_fold(state, "soft\xC2\xAD" "hyphen", "softhyphen");
}

/* ---- tokens ---- */

static void test_tokens_offsets_and_flags(void **state)
{
    const char *text = "Haftar’s forces didn't take U.N.-backed Sirte, the GNA said.";
    text_doc d = analyze(state, text);
    struct { const char *fold, *original; unsigned flags; } expected[] = {
        { "haftar", "Haftar", TEXT_WORD | TEXT_CAPITALIZED | TEXT_SENTENCE_START },
        { "'s", "’s", TEXT_WORD | TEXT_POSSESSIVE },
        { "forces", "forces", TEXT_WORD },
        { "did", "did", TEXT_WORD },
        { "n't", "n't", TEXT_WORD },
        { "take", "take", TEXT_WORD },
        { "u.n.", "U.N.", TEXT_WORD | TEXT_CAPITALIZED | TEXT_ALLCAPS | TEXT_HYPHEN_NEXT },
        { "backed", "backed", TEXT_WORD },
        { "sirte", "Sirte", TEXT_WORD | TEXT_CAPITALIZED },
        { ",", ",", TEXT_PUNCT },
        { "the", "the", TEXT_WORD },
        { "gna", "GNA", TEXT_WORD | TEXT_CAPITALIZED | TEXT_ALLCAPS },
        { "said", "said", TEXT_WORD },
        { ".", ".", TEXT_PUNCT },
    };
    size_t count = sizeof expected / sizeof *expected;
    assert_int_equal(d.token_count, count);
    for (size_t i = 0; i < count; i++) {
        const text_token *t = &d.tokens[i];
        assert_string_equal(text_token_fold(&d, i), expected[i].fold);
        size_t len = strlen(expected[i].original);
        assert_int_equal(t->end - t->start, len);
        assert_memory_equal(text + t->start, expected[i].original, len);
        if (t->flags != expected[i].flags)
            fail_msg("token %zu \"%s\": flags %#x, expected %#x", i, expected[i].fold,
                     t->flags, expected[i].flags);
    }
}

static void test_tokens_offsets_multibyte(void **state)
{
    /* NFD text: the marks belong to their letters' token */
    const char *text = "Mevlu\xCC\x88t C\xCC\xA7" "avus\xCC\xA7" "og\xCC\x86" "lu met ERDOĞAN.";
    text_doc d = analyze(state, text);
    assert_int_equal(d.token_count, 5);
    assert_string_equal(text_token_fold(&d, 0), "mevlut");
    assert_int_equal(d.tokens[0].start, 0);
    assert_int_equal(d.tokens[0].end, 8);
    assert_string_equal(text_token_fold(&d, 1), "cavusoglu");
    assert_int_equal(d.tokens[1].start, 9);
    assert_int_equal(d.tokens[1].end, 9 + 15);
    assert_string_equal(text_token_fold(&d, 3), "erdogan");
    assert_int_equal(d.tokens[3].end - d.tokens[3].start, strlen("ERDOĞAN"));
    assert_true(d.tokens[3].flags & TEXT_ALLCAPS);
    assert_true(d.tokens[1].flags & TEXT_CAPITALIZED);
    assert_false(d.tokens[1].flags & TEXT_ALLCAPS);
}

static void test_tokens_hyphens(void **state)
{
    text_doc d = analyze(state, "a cease-fire with al-Sarraj on 2020-01-06 -- and pre- war");
    const text_token *cease = find_token(&d, "cease", 0);
    assert_true(cease->flags & TEXT_HYPHEN_NEXT);
    assert_false(find_token(&d, "fire", 0)->flags & TEXT_HYPHEN_NEXT);
    assert_int_equal(find_token(&d, "fire", 0)->start, cease->end + 1);
    assert_true(find_token(&d, "al", 0)->flags & TEXT_HYPHEN_NEXT);
    const text_token *date = find_token(&d, "2020-01-06", 0);
    assert_true(date->flags & TEXT_NUMBER);
    assert_int_equal(date->end - date->start, 10);
    /* a dash between spaces, or a hyphen before a space, is punctuation */
    assert_true(find_token(&d, "-", 0)->flags & TEXT_PUNCT);
    assert_true(find_token(&d, "-", 1)->flags & TEXT_PUNCT);
    assert_false(find_token(&d, "pre", 0)->flags & TEXT_HYPHEN_NEXT);
    assert_true(find_token(&d, "-", 2)->flags & TEXT_PUNCT);
}

static void test_tokens_numbers(void **state)
{
    text_doc d = analyze(state, "about 2,000 fighters, 3.5 km at 00:00 (Jan. 11 2200 GMT), 146,000 displaced.");
    const text_token *two_thousand = find_token(&d, "2000", 0);
    assert_int_equal(two_thousand->end - two_thousand->start, 5);
    assert_int_equal(two_thousand->flags, TEXT_WORD | TEXT_NUMBER);
    assert_true(find_token(&d, "3.5", 0)->flags & TEXT_NUMBER);
    assert_true(find_token(&d, "00:00", 0)->flags & TEXT_NUMBER);
    assert_true(find_token(&d, "2200", 0)->flags & TEXT_NUMBER);
    assert_true(find_token(&d, "146000", 0)->flags & TEXT_NUMBER);
    assert_false(find_token(&d, "gmt", 0)->flags & TEXT_NUMBER);
    /* the comma after "fighters" stays punctuation */
    assert_true(find_token(&d, ",", 0)->flags & TEXT_PUNCT);
}

static void test_tokens_possessives_and_contractions(void **state)
{
    text_doc d = analyze(state, "the rivals' bases, Jan. 13's talks, it's over, they won't go");
    const text_token *apostrophe = find_token(&d, "'", 0);
    assert_int_equal(apostrophe->flags, TEXT_POSSESSIVE);
    assert_int_equal(apostrophe->start, find_token(&d, "rivals", 0)->end);
    const text_token *s13 = find_token(&d, "'s", 0);
    assert_true(s13->flags & TEXT_POSSESSIVE);
    assert_int_equal(s13->start, find_token(&d, "13", 0)->end);
    const text_token *its = find_token(&d, "'s", 1);   /* it's: not a possessive */
    assert_false(its->flags & TEXT_POSSESSIVE);
    const text_token *nt = find_token(&d, "n't", 0);
    const text_token *wo = find_token(&d, "wo", 0);
    assert_int_equal(wo->end, nt->start);
    assert_int_equal(nt->end - nt->start, 3);
}

static void test_tokens_quotes(void **state)
{
    text_doc d = analyze(state, "He said “calm” and \"peace\" and GNA 'accepts truce' today.");
    const text_token *open1 = find_token(&d, "\"", 0);
    const text_token *close1 = find_token(&d, "\"", 1);
    assert_true(open1->flags & TEXT_QUOTE);
    assert_true(open1->flags & TEXT_QUOTE_OPEN);
    assert_true(close1->flags & TEXT_QUOTE);
    assert_false(close1->flags & TEXT_QUOTE_OPEN);
    assert_int_equal(close1->end - close1->start, 3);   /* ” is three bytes */
    assert_true(find_token(&d, "\"", 2)->flags & TEXT_QUOTE_OPEN);
    assert_false(find_token(&d, "\"", 3)->flags & TEXT_QUOTE_OPEN);
    /* single quotes used as quotation marks */
    assert_true(find_token(&d, "\"", 4)->flags & TEXT_QUOTE_OPEN);
    const text_token *close3 = find_token(&d, "\"", 5);
    assert_false(close3->flags & TEXT_QUOTE_OPEN);
    assert_int_equal(close3->start, find_token(&d, "truce", 0)->end);
    /* '' closes like a double quote */
    text_doc e = analyze(state, "was “calm except for incidents.''");
    const text_token *last = &e.tokens[e.token_count - 1];
    assert_string_equal(text_token_fold(&e, e.token_count - 1), "\"");
    assert_int_equal(last->end - last->start, 2);
    assert_false(last->flags & TEXT_QUOTE_OPEN);
}

static void test_tokens_case_flags(void **state)
{
    text_doc d = analyze(state, "US iPhone I 2020 Moscow MOSCOW U.N. a.m. Çavuşoğlu ÇAVUŞOĞLU القاهرة");
    assert_int_equal(d.tokens[0].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED | TEXT_ALLCAPS);
    assert_int_equal(d.tokens[1].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), 0);
    assert_int_equal(d.tokens[2].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED | TEXT_ALLCAPS);
    assert_int_equal(d.tokens[3].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), 0);
    assert_int_equal(d.tokens[4].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED);
    assert_int_equal(d.tokens[5].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED | TEXT_ALLCAPS);
    assert_int_equal(d.tokens[6].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED | TEXT_ALLCAPS);
    assert_int_equal(d.tokens[7].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), 0);
    assert_int_equal(d.tokens[8].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED);
    assert_int_equal(d.tokens[9].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), TEXT_CAPITALIZED | TEXT_ALLCAPS);
    assert_int_equal(d.tokens[10].flags & (TEXT_CAPITALIZED | TEXT_ALLCAPS), 0);
}

static void test_tokens_odd_characters(void **state)
{
    /* symbols, emoji, controls, stray marks, a BOM */
    const char *text = "\xEF\xBB\xBF$5 (100%) \xCC\x81 x\xCC\x81 \x01 😀 a\xE2\x80\x8D" "b #tag";
    text_doc d = analyze(state, text);
    assert_string_equal(text_token_fold(&d, 0), "$");
    assert_int_equal(d.tokens[0].start, 3);
    assert_string_equal(text_token_fold(&d, 1), "5");
    assert_string_equal(text_token_fold(&d, 3), "100");
    assert_string_equal(text_token_fold(&d, 4), "%");
    assert_int_equal(find_token(&d, "x", 0)->end - find_token(&d, "x", 0)->start, 3);
    assert_int_equal(find_token(&d, "ab", 0)->end - find_token(&d, "ab", 0)->start, 5);
    assert_true(find_token(&d, "#", 0)->flags & TEXT_PUNCT);
}

/* ---- sentences ---- */

static void test_sentences_basic(void **state)
{
    assert_sentences(state, "", 0);
    assert_sentences(state, " \n\n \t", 0);
    assert_sentences(state, "One sentence without a period", 1, "One sentence without a period");
    assert_sentences(state, "  The army advanced.  The rebels fled!  Why?  ", 3,
                     "The army advanced.", "The rebels fled!", "Why?");
    assert_sentences(state, "Talks failed. then they resumed.", 1, "Talks failed. then they resumed.");
    assert_sentences(state, "It rose 5%. 12 people died. (Reuters) Police came.", 3,
                     "It rose 5%.", "12 people died.", "(Reuters) Police came.");
}

static void test_sentences_abbreviations(void **state)
{
    assert_sentences(state,
        "Gen. Haftar met Mr. Smith on Jan. 6 in St. Petersburg. The talks ended.", 2,
        "Gen. Haftar met Mr. Smith on Jan. 6 in St. Petersburg.", "The talks ended.");
    assert_sentences(state, "Rebels shelled the base on Feb. 3's eve. No. 2 was hit.", 2,
                     "Rebels shelled the base on Feb. 3's eve.", "No. 2 was hit.");
    /* initials */
    assert_sentences(state, "J. R. Smith arrived. He left.", 2, "J. R. Smith arrived.", "He left.");
    /* dotted acronyms do not end a sentence before an ordinary capital ... */
    assert_sentences(state, "The U.S. Army and the U.N. Security Council met at 9 a.m. Monday.", 1,
                     "The U.S. Army and the U.N. Security Council met at 9 a.m. Monday.");
    assert_sentences(state, "Libya's U.N.-recognized government agreed.", 1,
                     "Libya's U.N.-recognized government agreed.");
    /* ... but do before a word that opens sentences */
    assert_sentences(state, "Envoys flew to the U.S. The talks start today.", 2,
                     "Envoys flew to the U.S.", "The talks start today.");
    /* and at the end of a paragraph */
    assert_sentences(state, "About 900 people fled, according to the U.N.\n\nThe truce holds.", 2,
                     "About 900 people fled, according to the U.N.", "The truce holds.");
}

static void test_sentences_custom_abbreviations(void **state)
{
    text_abbreviations *set = text_abbreviations_new();
    assert_non_null(set);
    text_abbreviations_add(set, "Gen.");
    text_abbreviations_add(set, "col");
    text_abbreviations_add(set, "col");
    assert_true(text_abbreviations_has(set, "gen", 3));
    assert_true(text_abbreviations_has(set, "gen.", 4));
    assert_true(text_abbreviations_has(set, "COL", 3));
    assert_false(text_abbreviations_has(set, "ge", 2));
    assert_false(text_abbreviations_has(set, "jan", 3));
    for (int i = 0; i < 200; i++) {   /* forces the table to grow */
        char word[16];
        snprintf(word, sizeof word, "abbr%d", i);
        text_abbreviations_add(set, word);
    }
    assert_true(text_abbreviations_has(set, "abbr150", 7));
    assert_true(text_abbreviations_has(set, "gen", 3));

    text_doc d = analyze_with(state, "Gen. Haftar attacked on Jan. 6 the port.", set);
    assert_int_equal(d.sentence_count, 2);   /* "jan" is not in this set */
    d = analyze_with(state, "Col. Smith and Gen. Haftar met.", set);
    assert_int_equal(d.sentence_count, 1);
    text_abbreviations_free(set);
    text_abbreviations_free(NULL);
}

static void test_sentences_quotes(void **state)
{
    assert_sentences(state,
        "\"We will retaliate,\" he said. \"They lied.\" The army denied it.", 3,
        "\"We will retaliate,\" he said.", "\"They lied.\"", "The army denied it.");
    assert_sentences(state,
        "He urged them to \"move towards stability and peace\". Fighting went on.", 2,
        "He urged them to \"move towards stability and peace\".", "Fighting went on.");
    assert_sentences(state,
        "“Hands on the trigger. We will strike back,” the spokesman added. Nobody replied.", 3,
        "“Hands on the trigger.", "We will strike back,” the spokesman added.", "Nobody replied.");
    assert_sentences(state, "The ministry said it was “calm except for one incident.''\n\nLater, shelling resumed.", 2,
                     "The ministry said it was “calm except for one incident.''", "Later, shelling resumed.");
    assert_sentences(state, "(The talks ended.) Both sides left.", 2, "(The talks ended.)", "Both sides left.");

    text_doc d = analyze(state,
        "“Hands on the trigger. We will strike back,” he said. Nobody replied.\n\n"
        "\"Our patience has limits,\" she said.");
    assert_int_equal(d.sentence_count, 4);
    assert_true(d.sentences[0].quoted);
    assert_true(d.sentences[1].quoted);    /* still inside the quotation */
    assert_false(d.sentences[2].quoted);
    assert_true(d.sentences[3].quoted);
}

static void test_sentences_paragraphs_and_lines(void **state)
{
    /* a dateline on a line of its own, a caption, a paragraph ending without
     * a period, a blank line */
    const char *text =
        "CAIRO\n"
        "\n"
        "Envoys of Egypt and Greece met to prepare Feb. 3's summit between the U.N.-backed "
        "government and its rivals in the Egyptian capital. (AP Photo/Jane Doe, Pool)\n"
        "\n"
        "At least two fighters were wounded in clashes near the airport, the agency reported on Feb. 2\n"
        "\n"
        "A spokesman said the truce was holding.";
    assert_sentences(state, text, 5,
        "CAIRO",
        "Envoys of Egypt and Greece met to prepare Feb. 3's summit between the U.N.-backed "
        "government and its rivals in the Egyptian capital.",
        "(AP Photo/Jane Doe, Pool)",
        "At least two fighters were wounded in clashes near the airport, the agency reported on Feb. 2",
        "A spokesman said the truce was holding.");
    text_doc d = analyze(state, text);
    assert_int_equal(d.sentences[0].paragraph, 0);
    assert_int_equal(d.sentences[1].paragraph, 1);
    assert_int_equal(d.sentences[2].paragraph, 1);
    assert_int_equal(d.sentences[3].paragraph, 2);
    assert_int_equal(d.sentences[4].paragraph, 3);

    /* single line breaks: a headline and a dateline end their line; a
     * paragraph per line; CRLF */
    assert_sentences(state,
        "Truce declared in Tripoli\r\nTRIPOLI, Libya\r\nThe rival governments of Libya agreed on Sunday "
        "to halt all fighting around the capital, officials said in a joint statement\r\n"
        "The truce took effect at midnight.", 3,
        "Truce declared in Tripoli", "TRIPOLI, Libya",
        "The rival governments of Libya agreed on Sunday to halt all fighting around the capital, "
        "officials said in a joint statement\r\nThe truce took effect at midnight.");
    /* a line that closes a quotation ends its sentence */
    assert_sentences(state, "The minister called it \"a new page\"\nRebels rejected it.", 2,
                     "The minister called it \"a new page\"", "Rebels rejected it.");
    /* a short line ending in a comma goes on */
    assert_sentences(state, "In Tripoli,\nshelling resumed.", 1, "In Tripoli,\nshelling resumed.");
}

static void test_sentences_hard_wrapped(void **state)
{
    const char *text =
        "The top diplomats and defense chiefs of the two countries gathered in\n"
        "the capital to assist the talks between the head of the internationally\n"
        "recognized government and the commander of the eastern forces. Talks\n"
        "went on late into the night, officials said. The commander left\n"
        "without signing.\n"
        "\n"
        "A second round is planned.";
    assert_sentences(state, text, 4,
        "The top diplomats and defense chiefs of the two countries gathered in\n"
        "the capital to assist the talks between the head of the internationally\n"
        "recognized government and the commander of the eastern forces.",
        "Talks\nwent on late into the night, officials said.",
        "The commander left\nwithout signing.",
        "A second round is planned.");
    text_doc d = analyze(state, text);
    assert_int_equal(d.sentences[2].paragraph, 0);
    assert_int_equal(d.sentences[3].paragraph, 1);
}

/* Fragments in the style of the example article (published wire copy,
 * quoted only in short pieces). */
static void test_sentences_wire_fragments(void **state)
{
    assert_sentences(state,
        "Ministers met to sponsor Jan. 13's talks between rival parties. Envoys arrived.", 2,
        "Ministers met to sponsor Jan. 13's talks between rival parties.", "Envoys arrived.");
    assert_sentences(state,
        "At least one civilian was killed in an attack by forces loyal to Haftar, "
        "Anadolu Agency reported on Jan. 12\n\nA spokesman denied it.", 2,
        "At least one civilian was killed in an attack by forces loyal to Haftar, "
        "Anadolu Agency reported on Jan. 12",
        "A spokesman denied it.");
    assert_sentences(state,
        "A ceasefire began at midnight (Jan. 12 00:00 local time, Jan. 11 2200 GMT) in line "
        "with a joint call. Ankara dispatched troops -- in a training capacity, it said -- to the GNA.", 2,
        "A ceasefire began at midnight (Jan. 12 00:00 local time, Jan. 11 2200 GMT) in line "
        "with a joint call.",
        "Ankara dispatched troops -- in a training capacity, it said -- to the GNA.");
}

/* ---- bounds ---- */

static void test_pathological_inputs(void **state)
{
    size_t n = 1 << 20;
    char *text = malloc(n + 1);
    assert_non_null(text);

    memset(text, '.', n);
    text[n] = '\0';
    text_doc d = analyze(state, text);
    assert_int_equal(d.token_count, n);
    assert_int_equal(d.sentence_count, 1);
    arena_reset(*state);

    /* one long word: cut into pieces that fit a 16-bit fold_len, covering
     * every byte */
    memset(text, 'a', n);
    d = analyze(state, text);
    assert_true(d.token_count >= n / 65535);
    size_t covered = 0;
    for (size_t i = 0; i < d.token_count; i++) {
        covered += d.tokens[i].end - d.tokens[i].start;
        assert_true(d.tokens[i].fold_len > 0);
    }
    assert_int_equal(covered, n);
    arena_reset(*state);

    /* a long word of two-byte letters that fold to one byte, and a letter
     * followed by a million combining marks */
    for (size_t i = 0; i + 1 < n; i += 2) memcpy(text + i, "Ç", 2);
    d = analyze(state, text);
    assert_true(d.token_count >= 1);
    arena_reset(*state);
    text[0] = 'a';
    for (size_t i = 1; i + 1 < n; i += 2) memcpy(text + i, "\xCC\x81", 2);
    text[n - 1] = ' ';
    d = analyze(state, text);
    assert_int_equal(d.token_count, 1);
    assert_string_equal(text_token_fold(&d, 0), "a");
    arena_reset(*state);

    /* dotted acronyms, apostrophes, brackets, newlines, digit groups */
    const char *patterns[] = { "a.", "'", ")", "\n", "1,000,", "-", "\"", "U.S. ", "Jan. ", "x'" };
    for (size_t p = 0; p < sizeof patterns / sizeof *patterns; p++) {
        size_t len = strlen(patterns[p]);
        for (size_t i = 0; i < n; i++) text[i] = patterns[p][i % len];
        d = analyze(state, text);
        arena_reset(*state);
    }
    free(text);
}

static void test_invalid_utf8_does_not_crash(void **state)
{
    /* text_analyze wants valid UTF-8, but must not misbehave without it */
    const char text[] = "ab\xC3 \xFF\xFE x\xE2\x82";
    text_doc d;
    text_analyze(*state, text, sizeof text - 1, NULL, &d);
    check_invariants(&d);
    assert_true(d.token_count >= 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_valid),
        cmocka_unit_test_setup_teardown(test_ascii_words_by_chunks, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_plain_word_endings, setup_arena, teardown_arena),
        cmocka_unit_test(test_utf8_repair),
        cmocka_unit_test_setup_teardown(test_fold_diacritics_and_case, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_fold_punctuation_variants, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_fold_phrase_splits, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_offsets_and_flags, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_offsets_multibyte, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_hyphens, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_numbers, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_possessives_and_contractions, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_quotes, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_case_flags, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_tokens_odd_characters, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_basic, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_abbreviations, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_custom_abbreviations, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_quotes, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_paragraphs_and_lines, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_hard_wrapped, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_sentences_wire_fragments, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_pathological_inputs, setup_arena, teardown_arena),
        cmocka_unit_test_setup_teardown(test_invalid_utf8_does_not_crash, setup_arena, teardown_arena),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
