/* Unit tests: lex (dictionary loading, matching, inflection, dates, overrides). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../src/lex/lex.h"

static const char cameo[] =
    "# code\tname\tgoldstein\tquad\tplover\tintent\n"
    "01\tMake public statement\t0\t1\tOTHER\t-\n"
    "042\tMake a visit\t1.9\t1\tCONSULT\t036\n"
    "036\tExpress intent to meet or negotiate\t4.0\t1\tCONSULT\t-\n"
    "112\tAccuse, not specified below\t-2.0\t3\tACCUSE\t-\n"
    "1124\tAccuse of war crimes\t-2.0\t3\tACCUSE\t-\n"
    "057\tSign formal agreement\t8.0\t2\tCOOPERATE\t-\n"
    "0873\tDemobilize armed forces\t9.0\t2\tCONCEDE\t-\n"
    "190\tUse conventional military force\t-10.0\t4\tASSAULT\t-\n";

static lex_dict *load(const char *text, const char *second)
{
    lex_source src[3] = { { "cameo.tsv", cameo, sizeof cameo - 1 }, { "a.txt", text, strlen(text) },
                          { "b.txt", second ? second : "", second ? strlen(second) : 0 } };
    error err;
    lex_dict *d = lex_load_ex(NULL, 0, src, second ? 3 : 2, &err);
    assert_non_null(d);
    return d;
}

static bool has_diagnostic(const lex_dict *d, const char *needle)
{
    for (size_t i = 0; i < lex_diagnostic_count(d); i++)
        if (strstr(lex_diagnostic_at(d, i)->message, needle)) return true;
    return false;
}

static void test_actor_dates(void **state)
{
    (void)state;
    lex_dict *d = load("@kind person\nFayez al-Sarraj; Sarraj = LBYGOV 2016-03-30..2021-03-15\n"
                       "Vladimir Putin = RUSGOV 2000-05..2008-05-07, RUSGOV 2012..\n", NULL);
    lex_match m;
    assert_true(lex_lookup(d, "al sarraj", &m) == false);   /* only the listed phrases */
    assert_true(lex_lookup(d, "fayez al sarraj", &m));
    const lex_entry *e = lex_match_kind(&m, LEX_PERSON);
    assert_non_null(e);
    char code[16];
    lex_actor_code(e, date_to_days(2020, 1, 13), code);
    assert_string_equal(code, "LBYGOV");
    lex_actor_code(e, date_to_days(2022, 1, 1), code);
    assert_string_equal(code, "LBY");      /* out of office: the country only */
    assert_true(lex_lookup(d, "vladimir putin", &m));
    lex_actor_code(m.entries[0], date_to_days(2010, 1, 1), code);
    assert_string_equal(code, "RUS");
    lex_actor_code(m.entries[0], date_to_days(2000, 5, 1), code);
    assert_string_equal(code, "RUSGOV");   /* "2000-05" starts on the first of May */
    lex_free(d);
}

static void test_longest_match_and_caps(void **state)
{
    (void)state;
    lex_dict *d = load("@kind country\nUS; United States = USA\n@kind agent\nforeign minister = GOV\nminister = GOV\n", NULL);
    const char *words[] = { "the", "foreign", "minister", "us" };
    bool caps[] = { false, false, false, false };
    lex_match m;
    assert_false(lex_match_phrase(d, words, caps, 4, 0, &m));
    assert_true(lex_match_phrase(d, words, caps, 4, 1, &m));
    assert_int_equal(m.token_count, 2);
    assert_false(lex_match_phrase(d, words, caps, 4, 3, &m));   /* "us" in lower case is a pronoun */
    caps[3] = true;
    assert_true(lex_match_phrase(d, words, caps, 4, 3, &m));     /* "US" is the country */
    /* the plural is generated */
    assert_true(lex_lookup(d, "foreign ministers", &m));
    lex_free(d);
}

/* The id matcher gives what the string matcher gives, at every start, in
 * both cases, for words in no phrase, and for phrases too long for the
 * string matcher's key (which neither reaches). */
static void assert_matchers_agree(const lex_dict *d, const char *const *words, const bool *caps, size_t n)
{
    uint32_t ids[32];
    for (size_t i = 0; i < n; i++) ids[i] = lex_word_id(d, words[i], strlen(words[i]), lex_word_hash(words[i]));
    for (size_t first = 0; first <= n; first++) {
        lex_match a, b;
        bool found_a = lex_match_phrase(d, words, caps, n, first, &a);
        bool found_b = lex_match_ids(d, ids, caps, n, first, &b);
        assert_int_equal(found_a, found_b);
        if (!found_a) continue;
        assert_int_equal(a.token_count, b.token_count);
        assert_int_equal(a.count, b.count);
        assert_ptr_equal(a.entries, b.entries);
    }
}

static void test_word_ids(void **state)
{
    (void)state;
    char long_word[300];
    memset(long_word, 'x', sizeof long_word - 1);
    long_word[sizeof long_word - 1] = 0;
    char text[1200];
    snprintf(text, sizeof text, "@kind country\nUS; United States = USA\n@kind agent\nforeign minister = GOV\n"
             "minister = GOV\nthe foreign minister of the united states = USAGOV\n%s %s = GOV\n%s = GOV\n",
             long_word, long_word, long_word);
    lex_dict *d = load(text, NULL);
    const char *words[] = { "the", "foreign", "minister", "of", "the", "united", "states", "us", "met", "him" };
    bool caps[10] = { false };
    assert_matchers_agree(d, words, caps, 10);
    caps[7] = true;
    assert_matchers_agree(d, words, caps, 10);
    /* a word in no phrase has no id; one that is has */
    assert_int_equal(lex_word_id(d, "met", 3, lex_word_hash("met")), 0);
    assert_int_not_equal(lex_word_id(d, "minister", 8, lex_word_hash("minister")), 0);
    /* 299 + 1 + 299 bytes: longer than any key the string matcher builds, so neither matches it */
    const char *two_long[] = { long_word, long_word };
    bool no_caps[2] = { false, false };
    assert_matchers_agree(d, two_long, no_caps, 2);
    lex_match m;
    uint32_t ids[2];
    for (size_t i = 0; i < 2; i++) ids[i] = lex_word_id(d, long_word, strlen(long_word), lex_word_hash(long_word));
    assert_true(lex_match_ids(d, ids, no_caps, 2, 0, &m));
    assert_int_equal(m.token_count, 1);
    lex_free(d);
}

static void test_verb_patterns(void **state)
{
    (void)state;
    lex_dict *d = load("@kind irregular\nmeet = met met\n@kind verb\naccuse = 112\naccuse _ of war crimes = 1124\n"
                       "visit; meet with = 042\n~visit to = 042\n", NULL);
    size_t n;
    const lex_head_pattern *h = lex_heads(d, "accused", &n);
    assert_int_equal(n, 2);
    assert_string_equal(h[0].pattern->code, "1124");   /* longest first */
    assert_true(h[0].pattern->has_slot);
    assert_true(h[0].forms & LEX_FORM_PAST);
    h = lex_heads(d, "met", &n);
    assert_int_equal(n, 1);
    h = lex_heads(d, "visits", &n);
    assert_int_equal(n, 2);   /* the verb (third person) and the noun (plural) */
    assert_null(lex_heads(d, "meeted", &n));
    /* by word id: the same patterns, their stem bits side by side, then a 0 */
    uint32_t id = lex_word_id(d, "accused", 7, lex_word_hash("accused"));
    h = lex_heads_of(d, id, &n);
    assert_int_equal(n, 2);
    const uint64_t *bits = lex_heads_stem_bits(d, id);
    for (size_t k = 0; k < n; k++) assert_true(bits[k] == h[k].stem_bits);
    assert_true(bits[n] == 0);
    assert_null(lex_heads_stem_bits(d, 0));
    lex_free(d);
}

static void test_inflection(void **state)
{
    (void)state;
    arena a;
    arena_init(&a);
    const char *forms[16];
    uint8_t bits[16];
    size_t n = lex_inflect(&a, "ban", false, NULL, NULL, forms, bits, 16);
    bool banned = false, bans = false, banning = false;
    for (size_t i = 0; i < n; i++) {
        banned |= strcmp(forms[i], "banned") == 0;
        bans |= strcmp(forms[i], "bans") == 0;
        banning |= strcmp(forms[i], "banning") == 0;
    }
    assert_true(banned && bans && banning);
    n = lex_inflect(&a, "deny", false, NULL, NULL, forms, bits, 16);
    bool denied = false, denies = false;
    for (size_t i = 0; i < n; i++) { denied |= strcmp(forms[i], "denied") == 0; denies |= strcmp(forms[i], "denies") == 0; }
    assert_true(denied && denies);
    n = lex_inflect(&a, "policeman", true, NULL, NULL, forms, bits, 16);
    assert_int_equal(n, 2);
    assert_string_equal(forms[1], "policemen");
    n = lex_inflect(&a, "seize", false, NULL, NULL, forms, bits, 16);
    bool seizing = false;
    for (size_t i = 0; i < n; i++) seizing |= strcmp(forms[i], "seizing") == 0;
    assert_true(seizing);
    arena_free(&a);
}

static void test_diagnostics(void **state)
{
    (void)state;
    lex_dict *d = load("Orphan = LBY\n@kind person\nNo value here\nX = lbygov\nY = LBYGOV 2020-01-01..2019-01-01\n"
                       "@kind verb\nfrobnicate = 9999\n@kind bogus\n", NULL);
    assert_true(has_diagnostic(d, "a.txt:1: entry before any \"@kind\" line"));
    assert_true(has_diagnostic(d, "a.txt:3: missing \"=\""));
    assert_true(has_diagnostic(d, "a.txt:4: bad actor code"));
    assert_true(has_diagnostic(d, "a.txt:5: date range"));
    assert_true(has_diagnostic(d, "a.txt:7: unknown CAMEO code \"9999\""));
    assert_true(has_diagnostic(d, "a.txt:8: unknown directive"));
    lex_free(d);
}

static void test_overlapping_ranges(void **state)
{
    (void)state;
    lex_dict *d = load("@kind person\n"
                       "Touching = AAAGOV 2001-01-01..2005-06-01, AAAGOV 2005-06-01..2010-01-01\n"
                       "Nested = BBBGOV 2001-01-01..2010-01-01, BBBGOV 2003-01-01..2004-01-01\n"
                       "Crossing = CCCGOV 2001-01-01..2005-06, CCCGOV 2005-06-10..\n"
                       "Repeated = DDDGOV 2001..2002, DDDGOV 2001..2002\n"
                       "Other codes = EEEGOV 2001..2005, EEEMIL 2003..2004\n", NULL);
    assert_false(has_diagnostic(d, "a.txt:2:"));   /* one role ends the day the next begins */
    assert_false(has_diagnostic(d, "a.txt:3:"));   /* a second office held during the first */
    assert_true(has_diagnostic(d, "a.txt:4: overlapping date ranges for CCCGOV"));
    assert_true(has_diagnostic(d, "a.txt:5: repeated date ranges for DDDGOV"));
    assert_false(has_diagnostic(d, "a.txt:6:"));
    lex_free(d);
}

static void test_override_and_shadow(void **state)
{
    (void)state;
    lex_dict *d = load("@kind person\nSmith = USAGOV\nSmith = GBRGOV\n", "@kind person\nSmith = CANGOV\n");
    lex_match m;
    assert_true(lex_lookup(d, "smith", &m));
    char code[16];
    lex_actor_code(lex_match_kind(&m, LEX_PERSON), 0, code);
    assert_string_equal(code, "CANGOV");   /* the later layer overrides */
    assert_true(has_diagnostic(d, "shadowed"));
    lex_free(d);
}

static void test_missing_cameo(void **state)
{
    (void)state;
    lex_source src = { "a.txt", "@kind person\nX = LBY\n", 20 };
    error err;
    assert_null(lex_load_ex(NULL, 0, &src, 1, &err));
    assert_non_null(strstr(err.message, "cameo.tsv"));
}

/* ---- word sets in verb patterns ("@set weapons = weapons; arms", "&weapons") ---- */

static bool has_diagnostic_of(const lex_dict *d, bool is_error, const char *needle)
{
    for (size_t i = 0; i < lex_diagnostic_count(d); i++) {
        const lex_diagnostic *g = lex_diagnostic_at(d, i);
        if (g->is_error == is_error && strstr(g->message, needle)) return true;
    }
    return false;
}

static size_t error_count(const lex_dict *d)
{
    size_t n = 0;
    for (size_t i = 0; i < lex_diagnostic_count(d); i++) n += lex_diagnostic_at(d, i)->is_error;
    return n;
}

/* The pattern of a head whose text is exactly `text`, or NULL. */
static const lex_pattern *pattern_at_head(const lex_dict *d, const char *head, const char *text)
{
    size_t n;
    const lex_head_pattern *h = lex_heads(d, head, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(h[i].pattern->text, text) == 0) return h[i].pattern;
    return NULL;
}

static void test_expands_one_pattern_per_member(void **state)
{
    (void)state;
    lex_dict *d = load("@set weapons = weapons; arms; heavy weapons\n"
                       "@kind verb\n"
                       "hand over &weapons; lay down &weapons = 0873\n"
                       "@kind irregular\nlay = laid laid\n", NULL);
    assert_int_equal(error_count(d), 0);
    assert_int_equal(lex_pattern_count(d), 6);
    size_t n;
    assert_non_null(lex_heads(d, "handed", &n));
    assert_int_equal(n, 3);
    const lex_pattern *p = pattern_at_head(d, "laid", "lay down heavy weapons");
    assert_non_null(p);
    assert_string_equal(p->code, "0873");
    assert_int_equal(p->word_count, 3);        /* a member of two words gives two pattern words */
    assert_string_equal(p->words[1], "heavy");
    assert_string_equal(p->source, "a.txt:3"); /* the line the set pattern was written on */
    assert_non_null(pattern_at_head(d, "hand", "hand over arms"));
    assert_null(pattern_at_head(d, "hand", "hand over &weapons"));
    lex_free(d);
}

static void test_several_sets_slot_and_noun_head(void **state)
{
    (void)state;
    lex_dict *d = load("@kind verb\n"
                       "sign &deal with &truce = 057\n"
                       "accuse _ of &crimes = 1124\n"
                       "~&attack on = 190\n"
                       "@set deal = deal; accord\n"
                       "@set truce = truce; cease-fire; ceasefire\n"
                       "@set crimes = war crimes; atrocities\n"
                       "@set attack = attack; raid\n", NULL);
    assert_int_equal(error_count(d), 0);
    assert_int_equal(lex_pattern_count(d), 2 * 3 + 2 + 2);   /* sets may be defined after their use */
    const lex_pattern *p = pattern_at_head(d, "signed", "sign accord with cease-fire");
    assert_non_null(p);
    assert_int_equal(p->word_count, 4);        /* "accord with cease fire" */
    assert_string_equal(p->words[3], "fire");
    p = pattern_at_head(d, "accused", "accuse _ of war crimes");
    assert_non_null(p);
    assert_true(p->has_slot);
    assert_int_equal(p->slot_index, 0);
    p = pattern_at_head(d, "raids", "~raid on");
    assert_non_null(p);
    assert_true(p->noun_head);
    assert_null(pattern_at_head(d, "raided", "~raid on"));   /* a noun head is not inflected as a verb */
    lex_free(d);
}

static void test_set_from_another_file_and_override(void **state)
{
    (void)state;
    /* b.txt is a later layer (a user's folder): its set replaces ours */
    lex_dict *d = load("@set arms = weapons; arms\n@kind verb\nsurrender &arms = 0873\n",
                       "@set arms = rifles\n@kind verb\ngive up &arms = 0873\n");
    assert_int_equal(error_count(d), 0);
    assert_int_equal(lex_pattern_count(d), 2);
    assert_non_null(pattern_at_head(d, "surrender", "surrender rifles"));
    assert_non_null(pattern_at_head(d, "give", "give up rifles"));
    lex_free(d);
}

static void test_set_diagnostics(void **state)
{
    (void)state;
    lex_dict *d = load("@kind verb\n"
                       "attack; hit &targets = 190\n"
                       "@set arms = weapons; ; arms\n"
                       "@set arms = guns\n"
                       "@set arms = rifles\n"
                       "@set bad name = x\n"
                       "@set slotty = _ weapons\n"
                       "@set unused = deal\n"
                       "@set no equals sign\n"
                       "@set empty =\n"
                       "lay down &arms = 0873\n", NULL);
    assert_true(has_diagnostic_of(d, true, "a.txt:2: unknown word set \"&targets\" in pattern \"hit &targets\""));
    assert_true(has_diagnostic_of(d, true, "a.txt:3: empty member"));
    assert_true(has_diagnostic_of(d, true, "a.txt:5: word set \"arms\" defined twice (also a.txt:4)"));
    assert_true(has_diagnostic_of(d, true, "a.txt:6: bad word set name"));
    assert_true(has_diagnostic_of(d, true, "a.txt:7: word set \"slotty\": member \"_ weapons\""));
    assert_true(has_diagnostic_of(d, false, "a.txt:8: word set \"unused\" is never used"));
    assert_true(has_diagnostic_of(d, true, "a.txt:9: missing \"=\""));
    assert_true(has_diagnostic_of(d, true, "a.txt:10: word set \"empty\" has no members"));
    /* the other pattern of the line with the unknown set still loads; the
     * first good definition of "arms" is the one used */
    assert_non_null(pattern_at_head(d, "attacked", "attack"));
    assert_non_null(pattern_at_head(d, "lay", "lay down guns"));
    assert_null(pattern_at_head(d, "lay", "lay down rifles"));
    assert_int_equal(lex_pattern_count(d), 2);
    lex_free(d);
}

static void test_expansion_limit_and_duplicates(void **state)
{
    (void)state;
    /* 11^3 = 1331 combinations: over the limit, refused as a whole */
    lex_dict *d = load("@set s = a1; a2; a3; a4; a5; a6; a7; a8; a9; a10; a11\n"
                       "@kind verb\nsign &s &s &s = 057\nsign &s = 057\nsign a1 = 112\n", NULL);
    assert_true(has_diagnostic_of(d, true, "a.txt:3: pattern \"sign &s &s &s\" expands into more than 1024 patterns"));
    /* an expansion that repeats a pattern with another code is an error naming both lines */
    assert_true(has_diagnostic_of(d, true, "a.txt:5: pattern \"sign a1\" = 112 also has code 057 (a.txt:4)"));
    assert_int_equal(lex_pattern_count(d), 12);
    lex_free(d);
    /* an expansion longer than 1023 bytes is refused; one just shorter loads */
    char member[520], text[1200];
    memset(member, 'y', sizeof member - 1);
    member[sizeof member - 1] = 0;
    snprintf(text, sizeof text, "@set long = %s\n@kind verb\nsign &long &long = 057\nsign &long = 057\n", member);
    d = load(text, NULL);
    assert_true(has_diagnostic_of(d, true, "a.txt:3: pattern \"sign &long &long\" expands into a pattern longer than 1023 bytes"));
    assert_int_equal(lex_pattern_count(d), 1);
    lex_free(d);
}

static void test_stem_hash_shares_numbers(void **state)
{
    (void)state;
    assert_int_equal(lex_stem_hash("hideouts"), lex_stem_hash("hideout"));
    assert_int_equal(lex_stem_hash("parties"), lex_stem_hash("party"));
    assert_int_equal(lex_stem_hash("crosses"), lex_stem_hash("cross"));
    assert_int_equal(lex_stem_hash("elections"), lex_stem_hash("election"));
    assert_int_not_equal(lex_stem_hash("election"), lex_stem_hash("elector"));
    /* a head pattern carries the stem of its first literal word for the coder's quick test */
    lex_dict *d = load("@set elections = elections\n@kind verb\nhold _ &elections = 057\n@kind irregular\nhold = held held\n", NULL);
    size_t n;
    const lex_head_pattern *h = lex_heads(d, "held", &n);
    assert_int_equal(n, 1);
    assert_int_equal(h[0].first_hash, lex_word_hash("elections"));
    assert_int_equal(h[0].first_stem, lex_stem_hash("election"));
    lex_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_actor_dates), cmocka_unit_test(test_longest_match_and_caps), cmocka_unit_test(test_word_ids),
        cmocka_unit_test(test_verb_patterns), cmocka_unit_test(test_inflection),
        cmocka_unit_test(test_diagnostics), cmocka_unit_test(test_overlapping_ranges),
        cmocka_unit_test(test_override_and_shadow),
        cmocka_unit_test(test_missing_cameo),
            cmocka_unit_test(test_expands_one_pattern_per_member),
        cmocka_unit_test(test_several_sets_slot_and_noun_head),
        cmocka_unit_test(test_set_from_another_file_and_override),
        cmocka_unit_test(test_set_diagnostics),
        cmocka_unit_test(test_expansion_limit_and_duplicates),
        cmocka_unit_test(test_stem_hash_shares_numbers),
};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
