/* Unit tests: the coder's mechanisms, each on a small dictionary of its own
 * so that a failure points at the mechanism, not at dictionary contents. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../src/lex/lex.h"
#include "../../src/code/code.h"
#include "../../src/code/internal.h"

static const char cameo[] =
    "020\tMake an appeal or request\t3.0\t1\tREQUEST\t-\n"
    "036\tExpress intent to meet or negotiate\t4.0\t1\tCONSULT\t-\n"
    "040\tConsult\t1.0\t1\tCONSULT\t036\n"
    "042\tMake a visit\t1.9\t1\tCONSULT\t036\n"
    "0871\tDeclare truce, ceasefire\t9.0\t2\tRETREAT\t0356\n"
    "0356\tExpress intent to de-escalate military engagement\t7.0\t1\tRETREAT\t-\n"
    "112\tAccuse\t-2.0\t3\tACCUSE\t-\n"
    "138\tThreaten with military force\t-7.0\t3\tTHREATEN\t-\n"
    "173\tArrest, detain\t-5.0\t4\tCOERCE\t137\n"
    "137\tThreaten with repression\t-5.8\t3\tTHREATEN\t-\n"
    "190\tUse conventional military force\t-10.0\t4\tASSAULT\t138\n"
    "192\tOccupy territory\t-9.5\t4\tASSAULT\t138\n"
    "196\tViolate ceasefire\t-9.5\t4\tASSAULT\t138\n";

static const char words[] =
    "@kind person\nKhalifa Haftar; Haftar = LBYMIL\nFayez al-Sarraj; al-Sarraj; Sarraj = LBYGOV 2016-03-30..2021-03-15\n"
    "Sergey Lavrov; Lavrov = RUSGOV 2004-03-09..\nMohammed Kanunu; Kanunu = LBYGOV\n"
    "@kind country\nRussia = RUS\nTurkey = TUR\nLibya = LBY\nKenya = KEN\n"
    "@kind capital\nMoscow = RUS\nAnkara = TUR\n"
    "@kind demonym\nRussian; Russians = RUS\nTurkish = TUR\nLibyan; Libyans = LBY\nKenyan = KEN\n"
    "@kind agent\nforces; troops = MIL\npolice = COP\nforeign minister; foreign ministry; government; spokeswoman; official = GOV\n"
    "civilian = CVL\nprotester = OPP\n"
    "@kind pronoun\nhe; him; his; she; her = person\nthey; them; their = plural\nwe; our = speaker\n"
    "@kind modal\nwill; ready to; plans to = intent\nif = conditional\n"
    "@kind negation\nnot; never; n't = not\n"
    "@kind report\nsaid; says; added; told = report\n"
    "@kind locative\nin; at; near; south of = place\n"
    "@kind abbreviation\nJan\n"
    "@kind irregular\nmeet = met met\n"
    "@kind verb\nvisit; arrive in = 042\nmeet with; meet = 040\naccept ceasefire; accept cease fire = 0871\n"
    "attack; kill = 190\n~attack by = 190\ncapture = 192\nviolate ceasefire; violate cease fire = 196\n"
    "arrest = 173\ncall on _ to = 020\naccuse = 112\n";

static lex_dict *dict;

static int setup(void **state)
{
    (void)state;
    lex_source src[2] = { { "cameo.tsv", cameo, sizeof cameo - 1 }, { "test.txt", words, sizeof words - 1 } };
    error err;
    dict = lex_load_ex(NULL, 0, src, 2, &err);
    if (!dict) { fprintf(stderr, "%s\n", err.message); return -1; }
    for (size_t i = 0; i < lex_diagnostic_count(dict); i++)
        if (lex_diagnostic_at(dict, i)->is_error) { fprintf(stderr, "%s\n", lex_diagnostic_at(dict, i)->message); return -1; }
    return 0;
}

static int teardown(void **state) { (void)state; lex_free(dict); return 0; }

typedef struct coded { arena a; code_result r; const char *text; } coded;

static void code_text(coded *c, const char *text, bool keep_negated)
{
    arena_init(&c->a);
    code_options o = { keep_negated, true, true };
    c->text = text;
    code_article(&c->a, dict, &o, text, strlen(text), date_to_days(2020, 1, 13), &c->r);
}

static const code_event *find(const coded *c, const char *source, const char *code, const char *target)
{
    for (size_t i = 0; i < c->r.count; i++) {
        const code_event *e = &c->r.events[i];
        if (strcmp(e->source.code, source) != 0 || strcmp(e->cameo->code, code) != 0) continue;
        if (target == NULL ? e->has_target : (!e->has_target || strcmp(e->target.code, target) != 0)) continue;
        return e;
    }
    return NULL;
}

static void dump(const coded *c)
{
    for (size_t i = 0; i < c->r.count; i++) {
        const code_event *e = &c->r.events[i];
        fprintf(stderr, "  %s %s %s  %s\n", e->source.code, e->cameo->code, e->has_target ? e->target.code : "-",
                e->explanation ? e->explanation : "");
    }
}

#define EXPECT(c, s, k, t) do { if (!find(c, s, k, t)) { dump(c); fail_msg("missing %s %s %s", s, k, t ? t : "-"); } } while (0)
#define REJECT(c, s, k, t) do { if (find(c, s, k, t)) { dump(c); fail_msg("unexpected %s %s %s", s, k, t ? t : "-"); } } while (0)

static void test_title_and_name(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Russian Foreign Minister Sergey Lavrov visited Ankara on Tuesday.", false);
    EXPECT(&c, "RUSGOV", "042", "TUR");   /* a visit is to the country (DESIGN: "arrived in Moscow" is 042 RUS) */
    const code_event *e = find(&c, "RUSGOV", "042", "TUR");
    char d[11];
    date_format_iso(e->date, d);
    assert_string_equal(d, "2020-01-07");   /* the Tuesday before Monday 2020-01-13 */
    assert_int_equal(e->start, 0);
    assert_int_equal(e->end, strlen(c.text));
    arena_free(&c.a);
}

static void test_possessive_and_affiliation(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Haftar's forces on Jan. 6 captured the city.\n\nForces loyal to Haftar attacked Libyan police.", false);
    EXPECT(&c, "LBYMIL", "192", "LBY");   /* no place named: the article's country */
    const code_event *e = find(&c, "LBYMIL", "192", "LBY");
    char d[11];
    date_format_iso(e->date, d);
    assert_string_equal(d, "2020-01-06");
    EXPECT(&c, "LBYMIL", "190", "LBYCOP");
    arena_free(&c.a);
}

static void test_compound_and_reciprocal(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Russia and Turkey attacked Libya.\n\nRussia and Turkey met in Moscow.", false);
    EXPECT(&c, "RUSMIL", "190", "LBY");   /* the actor of force is its military; the country attacked, itself */
    EXPECT(&c, "TURMIL", "190", "LBY");
    EXPECT(&c, "RUSGOV", "040", "TURGOV");
    EXPECT(&c, "TURGOV", "040", "RUSGOV");
    REJECT(&c, "RUSGOV", "040", "RUSGOV");
    arena_free(&c.a);
}

static void test_passive_by(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "At least one civilian was killed in an attack by forces loyal to Haftar.", false);
    EXPECT(&c, "LBYMIL", "190", "LBYCVL");
    REJECT(&c, "LBYCVL", "190", "LBYMIL");
    assert_int_equal(c.r.count, 1);
    arena_free(&c.a);
}

static void test_negation(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Russia did not attack Turkey.", false);
    assert_int_equal(c.r.count, 0);
    arena_free(&c.a);
    code_text(&c, "Russia did not attack Turkey.", true);
    EXPECT(&c, "RUSMIL", "190", "TUR");
    assert_true(c.r.events[0].negated);
    arena_free(&c.a);
}

static void test_modality(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Turkey will attack Russia. Lavrov plans to visit Ankara.", false);
    EXPECT(&c, "TURGOV", "138", "RUSGOV");
    REJECT(&c, "TURMIL", "190", "RUSGOV");
    EXPECT(&c, "RUSGOV", "036", "TURGOV");
    REJECT(&c, "RUSGOV", "042", "TURGOV");
    arena_free(&c.a);
}

static void test_reported_speech_accusation(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Kanunu said Haftar's forces violated the cease-fire in Ain Zara, south of Tripoli.", false);
    EXPECT(&c, "LBYMIL", "196", NULL);
    EXPECT(&c, "LBYGOV", "112", "LBYMIL");
    const code_event *e = find(&c, "LBYMIL", "196", NULL);
    assert_non_null(e->attribution);
    assert_string_equal(e->attribution, "Kanunu");
    arena_free(&c.a);
}

static void test_pronouns(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Fayez al-Sarraj spoke on Monday. He said his government accepted a cease-fire with Haftar.", false);
    EXPECT(&c, "LBYGOV", "0871", "LBYMIL");
    arena_free(&c.a);
}

static void test_apposition(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Maria Zakharova, the spokeswoman for the Russian Foreign Ministry, accused Turkey.", false);
    EXPECT(&c, "RUSGOV", "112", "TURGOV");
    arena_free(&c.a);
}

static void test_agent_article_country(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Kenya braced for protests. Police arrested dozens of protesters in Nairobi.", false);
    EXPECT(&c, "KENCOP", "173", "KENOPP");
    arena_free(&c.a);
}

static void test_place_not_actor(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "In Moscow, Lavrov accused Turkey.", false);
    EXPECT(&c, "RUSGOV", "112", "TURGOV");
    REJECT(&c, "RUS", "112", "TURGOV");
    arena_free(&c.a);
}

static void test_slot_pattern(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "Lavrov called on Turkey to withdraw.", false);
    EXPECT(&c, "RUSGOV", "020", "TURGOV");
    arena_free(&c.a);
}

static void test_no_actor_no_event(void **state)
{
    (void)state;
    coded c;
    code_text(&c, "The weather attacked nobody and the sky was captured by nothing.", false);
    assert_int_equal(c.r.count, 0);
    arena_free(&c.a);
}

/* code_is_region bisects its list: every region is found, states are not */
static void test_regions(void **state)
{
    (void)state;
    static const char *const regions[] = { "AFR", "ASA", "BLK", "BLT", "CAS", "CAU", "CEU", "CFR", "CRB", "EAF",
                                           "EEU", "EIN", "EUR", "LAM", "MDT", "MEA", "NAF", "NMR", "PGS", "SAF",
                                           "SAM", "SAS", "SCN", "SEA", "SOT", "WAF", "WEU", "WST" };
    for (size_t i = 0; i < sizeof regions / sizeof regions[0]; i++) assert_true(code_is_region(regions[i]));
    assert_true(code_is_region("WAFREB"));
    static const char *const others[] = { "AAA", "AFG", "RUS", "UKR", "ZWE", "IGOUNO", "EU", "", "WSTGOVX" };
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) assert_false(code_is_region(others[i]));
}

/* code_text_has_any is strcasestr for each needle; and the inline code
 * tests are strlen and strcmp */
static void test_text_and_code_tests(void **state)
{
    (void)state;
    static const char *const needles[] = { "health", "red cross", "monitor", NULL };
    static const char *const texts[] = { "Gaza's Health Ministry", "the RED CROSS", "the Red Cro", "war monitors",
                                         "monito", "", "hEaLtH", "Sant\xc3\xa9 health", "the army", "cross red" };
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
        bool any = false;
        for (size_t k = 0; needles[k]; k++) any = any || strcasestr(texts[i], needles[k]);
        assert_int_equal(code_text_has_any(texts[i], needles), any);
    }
    static const char *const codes[] = { "", "A", "AF", "AFG", "AFGI", "AFGINS", "AFGINSX", "AFGMIL", "IGOUNO" };
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        const char *c = codes[i];
        for (size_t n = 0; n <= 7; n++) {
            assert_int_equal(code_length_is(c, n), strlen(c) == n);
            assert_int_equal(code_length_at_least(c, n), strlen(c) >= n);
        }
        assert_int_equal(code_role_is(c, "INS"), strlen(c) == 6 && strcmp(c + 3, "INS") == 0);
        assert_int_equal(code_is_state(c), !(strncmp(c, "IGO", 3) == 0 || strncmp(c, "NGO", 3) == 0 || strncmp(c, "IMG", 3) == 0));
    }
    assert_false(code_is_state("NGOX"));
    assert_false(code_is_state("IMG"));
    assert_true(code_is_state("IM"));
    assert_true(code_is_state("NG"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_title_and_name), cmocka_unit_test(test_possessive_and_affiliation),
        cmocka_unit_test(test_compound_and_reciprocal), cmocka_unit_test(test_passive_by),
        cmocka_unit_test(test_negation), cmocka_unit_test(test_modality),
        cmocka_unit_test(test_reported_speech_accusation), cmocka_unit_test(test_pronouns),
        cmocka_unit_test(test_apposition), cmocka_unit_test(test_agent_article_country),
        cmocka_unit_test(test_place_not_actor), cmocka_unit_test(test_slot_pattern),
        cmocka_unit_test(test_no_actor_no_event), cmocka_unit_test(test_regions),
        cmocka_unit_test(test_text_and_code_tests),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
