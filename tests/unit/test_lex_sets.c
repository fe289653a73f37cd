/* Unit tests: lex word sets ("@set weapons = weapons; arms" and "&weapons" in verb patterns). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "../../src/lex/lex.h"

static const char cameo[] =
    "# code\tname\tgoldstein\tquad\tplover\tintent\n"
    "057\tSign formal agreement\t8.0\t2\tCOOPERATE\t-\n"
    "0873\tDemobilize armed forces\t9.0\t2\tCONCEDE\t-\n"
    "112\tAccuse, not specified below\t-2.0\t3\tACCUSE\t-\n"
    "1124\tAccuse of war crimes\t-2.0\t3\tACCUSE\t-\n"
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

static bool has_diagnostic(const lex_dict *d, bool is_error, const char *needle)
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
    assert_true(has_diagnostic(d, true, "a.txt:2: unknown word set \"&targets\" in pattern \"hit &targets\""));
    assert_true(has_diagnostic(d, true, "a.txt:3: empty member"));
    assert_true(has_diagnostic(d, true, "a.txt:5: word set \"arms\" defined twice (also a.txt:4)"));
    assert_true(has_diagnostic(d, true, "a.txt:6: bad word set name"));
    assert_true(has_diagnostic(d, true, "a.txt:7: word set \"slotty\": member \"_ weapons\""));
    assert_true(has_diagnostic(d, false, "a.txt:8: word set \"unused\" is never used"));
    assert_true(has_diagnostic(d, true, "a.txt:9: missing \"=\""));
    assert_true(has_diagnostic(d, true, "a.txt:10: word set \"empty\" has no members"));
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
    assert_true(has_diagnostic(d, true, "a.txt:3: pattern \"sign &s &s &s\" expands into more than 1024 patterns"));
    /* an expansion that repeats a pattern with another code is an error naming both lines */
    assert_true(has_diagnostic(d, true, "a.txt:5: pattern \"sign a1\" = 112 also has code 057 (a.txt:4)"));
    assert_int_equal(lex_pattern_count(d), 12);
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
        cmocka_unit_test(test_expands_one_pattern_per_member),
        cmocka_unit_test(test_several_sets_slot_and_noun_head),
        cmocka_unit_test(test_set_from_another_file_and_override),
        cmocka_unit_test(test_set_diagnostics),
        cmocka_unit_test(test_expansion_limit_and_duplicates),
        cmocka_unit_test(test_stem_hash_shares_numbers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
