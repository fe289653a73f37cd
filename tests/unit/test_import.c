/* Unit tests: lex import (TABARI and PETRARCH actor dictionaries to ours).
 * Every input here is made up for the test. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "../../src/lex/import.h"

static const char cameo[] =
    "# code\tname\tgoldstein\tquad\tplover\tintent\n"
    "01\tMake public statement\t0\t1\tOTHER\t-\n";

/* The output without its first (comment) line. */
static const char *body(const lex_import_result *r)
{
    const char *nl = strchr(r->text.data, '\n');
    assert_non_null(nl);
    return nl + 1;
}

static lex_import_result convert(const char *input, lex_import_format format, lex_kind kind)
{
    lex_import_result r;
    lex_import(input, strlen(input), format, kind, "test.txt", &r);
    return r;
}

/* Loads the converted text as a dictionary: it must load without errors. */
static lex_dict *load_output(const lex_import_result *r)
{
    lex_source src[2] = { { "cameo.tsv", cameo, sizeof cameo - 1 }, { "imported.txt", r->text.data, r->text.len } };
    error err;
    lex_dict *d = lex_load_ex(NULL, 0, src, 2, &err);
    assert_non_null(d);
    for (size_t i = 0; i < lex_diagnostic_count(d); i++) {
        const lex_diagnostic *g = lex_diagnostic_at(d, i);
        if (g->is_error) fail_msg("converted dictionary does not load: %s", g->message);
    }
    return d;
}

static void assert_code(const lex_dict *d, const char *folded, int year, int month, int day, const char *expected)
{
    lex_match m;
    if (!lex_lookup(d, folded, &m)) fail_msg("\"%s\" is not in the converted dictionary", folded);
    char code[16];
    lex_actor_code(m.entries[0], date_to_days(year, month, day), code);
    assert_string_equal(code, expected);
}

static bool has_problem(const lex_import_result *r, size_t line, const char *needle)
{
    for (size_t i = 0; i < r->problem_count; i++)
        if (r->problems[i].line == line && strstr(r->problems[i].message, needle)) return true;
    return false;
}

static void test_tabari_actors(void **state)
{
    (void)state;
    lex_import_result r = convert(
        "; made-up TABARI actors\n"
        "FAYEZ_AL-SARRAJ_ [LBYGOV 160330-210315]   ; in-line range\n"
        "+SARRAJ_\n"
        "KHALIFA_HAFTAR_\n"
        "+HIFTER_\n"
        "\t[LBYMIL >140516]\n"
        "\t[LBYCVL <140515]\n"
        "US_ [USA]  # stays in capitals\n"
        "Ahmed Maiteeq_ [LBYGOV]\n"
        "OMAR_HASSAN_AL-BASHIR_ [SDNGOV 890630-190411; SDN]\n",
        LEX_IMPORT_TABARI, LEX_PERSON);
    assert_int_equal(r.problem_count, 0);
    assert_string_equal(body(&r),
        "@kind person\n"
        "Fayez Al-Sarraj; Sarraj = LBYGOV 2016-03-30..2021-03-15\n"
        "Khalifa Haftar; Hifter = LBYMIL 2014-05-16.., LBYCVL ..2014-05-15\n"
        "US = USA\n"
        "Ahmed Maiteeq = LBYGOV\n"
        "Omar Hassan Al-Bashir = SDNGOV 1989-06-30..2019-04-11, SDN\n");
    assert_int_equal(r.actors, 5);
    assert_int_equal(r.phrases, 7);
    assert_non_null(strstr(r.text.data, "TABARI"));
    assert_non_null(strstr(r.text.data, "test.txt"));

    lex_dict *d = load_output(&r);
    assert_code(d, "fayez al sarraj", 2020, 1, 13, "LBYGOV");
    assert_code(d, "sarraj", 2022, 1, 1, "LBY");          /* out of office */
    assert_code(d, "hifter", 2019, 4, 4, "LBYMIL");
    assert_code(d, "khalifa haftar", 2010, 1, 1, "LBYCVL");
    assert_code(d, "omar hassan al bashir", 2020, 1, 1, "SDN");
    lex_match m;
    assert_true(lex_lookup(d, "us", &m));
    assert_true(m.entries[0]->caps_only);                  /* "us" in lower case stays a pronoun */
    lex_free(d);
    lex_import_result_free(&r);
}

static void test_dates(void **state)
{
    (void)state;
    lex_import_result r = convert(
        "A_ONE_ [AAAGOV 300101-310101]\n"       /* 30 is 2030, 31 is 1931: ends before it starts */
        "A_TWO_ [AAAGOV 310101-301231]\n"
        "A_THREE_ [AAAGOV 20200229-20210228]\n" /* eight digits, a leap day */
        "A_FOUR_ [AAAGOV 210229-220101]\n"      /* no 29 February in 2021 */
        "A_FIVE_ [AAAGOV > 000101]\n"
        "A_SIX_ [AAAGOV 0101]\n"
        "A_SEVEN_ [AAAGOV since 2001]\n",
        LEX_IMPORT_TABARI, LEX_PERSON);
    assert_string_equal(body(&r),
        "@kind person\n"
        "A Two = AAAGOV 1931-01-01..2030-12-31\n"
        "A Three = AAAGOV 2020-02-29..2021-02-28\n"
        "A Five = AAAGOV 2000-01-01..\n");
    assert_int_equal(r.problem_count, 4);
    assert_true(has_problem(&r, 1, "ends before it starts"));
    assert_true(has_problem(&r, 4, "bad date restriction \"210229-220101\""));
    assert_true(has_problem(&r, 6, "bad date restriction"));
    assert_true(has_problem(&r, 7, "expected >YYMMDD"));
    lex_free(load_output(&r));
    lex_import_result_free(&r);
}

static void test_problems_are_reported_and_skipped(void **state)
{
    (void)state;
    lex_import_result r = convert(
        "+STRAY_ALTERNATIVE_\n"                 /* 1: before any name */
        "\t[USAGOV]\n"                          /* 2: before any name */
        "JOHN_DOE_ [USAGOV]\n"                  /* 3: kept */
        "+J._DOE_\n"                            /* 4: kept */
        "\t[USAGOV >1999]\n"                    /* 5: bad date, line skipped, the entry kept */
        "\t[usagov]\n"                          /* 6: bad code, line skipped */
        "BAD=NAME_ [USA]\n"                     /* 7: entry skipped ... */
        "+BAD_ALTERNATIVE_\n"                   /* 8: ... with its lines, silently */
        "\t[USAGOV]\n"                          /* 9 */
        "NO_CODE_\n"                            /* 10: no code */
        "NULL_ACTOR_ [---]\n"                   /* 11: no equivalent */
        "UNCLOSED_ [USA\n"                      /* 12 */
        "TRAILING_ [USA] JUNK\n"                /* 13 */
        "LATIN1_\xE9T\xC9_ [FRA]\n"             /* 14: not UTF-8 */
        "@KIND_ [USA]\n"                        /* 15: would read as a directive */
        "--- [USA]\n"                           /* 16: no words */
        "JANE_ROE_\n"                           /* 17 */
        "+ROE_ [GBRGOV 100511-160713]\n"        /* 18: codes on an alternative line */
        "\t[]\n"                                /* 19 */
        "\t[GBR]\n"                             /* 20 */
        "ALI_ [IRQGOV]\n",                       /* 21: a person's three letters are a name */
        LEX_IMPORT_TABARI, LEX_PERSON);
    assert_string_equal(body(&r),
        "@kind person\n"
        "John Doe; J. Doe = USAGOV\n"
        "Jane Roe; Roe = GBRGOV 2010-05-11..2016-07-13, GBR\n"
        "Ali = IRQGOV\n");
    assert_true(has_problem(&r, 1, "alternative name before any actor name"));
    assert_true(has_problem(&r, 2, "code line before any actor name"));
    assert_true(has_problem(&r, 5, "line skipped"));
    assert_true(has_problem(&r, 6, "bad actor code \"usagov\""));
    assert_true(has_problem(&r, 7, "\"=\" cannot be part of a name; entry skipped"));
    assert_true(has_problem(&r, 10, "no code for \"No Code\""));
    assert_true(has_problem(&r, 11, "no equivalent"));
    assert_true(has_problem(&r, 12, "missing \"]\""));
    assert_true(has_problem(&r, 13, "unexpected text \"JUNK\""));
    assert_true(has_problem(&r, 14, "invalid UTF-8"));
    assert_true(has_problem(&r, 15, "cannot start with \"@\""));
    assert_true(has_problem(&r, 16, "has no words"));
    assert_true(has_problem(&r, 19, "empty code"));
    assert_int_equal(r.problem_count, 13);
    for (size_t i = 1; i < r.problem_count; i++) assert_true(r.problems[i - 1].line < r.problems[i].line);
    lex_free(load_output(&r));
    lex_import_result_free(&r);
}

static void test_petrarch_and_kinds(void **state)
{
    (void)state;
    lex_import_result r = convert(
        "\xEF\xBB\xBF<!-- made-up PETRARCH groups\r\n"
        "     spanning lines -->\r\n"
        "LIBYAN_NATIONAL_ARMY_ <!-- inline --> # the LNA\r\n"
        "+LNA_\r\n"
        "\t[LBYMIL]\r\n"
        "ALI_ [IRQREB]\r\n"                     /* outside people, three capitals are an acronym */
        "Misrata brigades\r\n"
        "\t[LBYREB >110301]\r\n"
        "---STOP---\r\n"
        "AFTER_STOP_ [USA]\r\n",
        LEX_IMPORT_PETRARCH, LEX_GROUP);
    assert_int_equal(r.problem_count, 0);
    assert_string_equal(body(&r),
        "@kind group\n"
        "Libyan National Army; LNA = LBYMIL\n"
        "ALI = IRQREB\n"
        "Misrata brigades = LBYREB 2011-03-01..\n");
    assert_non_null(strstr(r.text.data, "PETRARCH"));
    lex_dict *d = load_output(&r);
    lex_match m;
    assert_true(lex_lookup(d, "misrata brigades", &m));
    assert_int_equal(m.entries[0]->kind, LEX_GROUP);
    lex_free(d);
    lex_import_result_free(&r);

    lex_import_format f;
    assert_true(lex_import_format_parse("tabari", &f) && f == LEX_IMPORT_TABARI);
    assert_true(lex_import_format_parse("petrarch", &f) && f == LEX_IMPORT_PETRARCH);
    assert_false(lex_import_format_parse("keds", &f));
    lex_kind k;
    assert_true(lex_import_kind_parse("organization", &k) && k == LEX_ORGANIZATION);
    assert_true(lex_import_kind_parse("country", &k) && k == LEX_COUNTRY);
    assert_false(lex_import_kind_parse("verb", &k));
}

static void test_limits_and_empty_input(void **state)
{
    (void)state;
    /* more codes than an entry holds: the extra line is skipped, the entry kept */
    buf in;
    buf_init(&in);
    buf_puts(&in, "MANY_ROLES_\n");
    for (int i = 0; i < 33; i++) buf_printf(&in, "\t[USAGOV %02d0101-%02d1231]\n", i, i);
    lex_import_result r = convert(in.data, LEX_IMPORT_TABARI, LEX_PERSON);
    assert_int_equal(r.actors, 1);
    assert_int_equal(r.problem_count, 1);
    assert_true(has_problem(&r, 34, "more than 32 codes"));
    lex_free(load_output(&r));
    lex_import_result_free(&r);

    /* a name of too many words */
    buf_clear(&in);
    for (int i = 0; i < 65; i++) buf_puts(&in, "W_");
    buf_puts(&in, " [USA]\nNUL\n");
    in.data[in.len - 3] = 0;   /* "N\0L" */
    lex_import(in.data, in.len, LEX_IMPORT_TABARI, LEX_PERSON, NULL, &r);
    assert_true(has_problem(&r, 1, "more than 64 words"));
    assert_true(has_problem(&r, 2, "NUL byte"));
    assert_int_equal(r.actors, 0);
    lex_free(load_output(&r));
    lex_import_result_free(&r);
    buf_free(&in);

    /* a comment never closed swallows the rest: said, not silent */
    r = convert("A_B_ [USA]\n<!-- open\nC_D_ [USA]\n", LEX_IMPORT_PETRARCH, LEX_PERSON);
    assert_int_equal(r.actors, 1);
    assert_true(has_problem(&r, 2, "never closed"));
    lex_import_result_free(&r);

    /* a file name that is not UTF-8 must not make the output unloadable */
    lex_import("A_B_ [USA]\n", 11, LEX_IMPORT_TABARI, LEX_PERSON, "caf\xE9\n.txt", &r);
    assert_non_null(strstr(r.text.data, "(caf??.txt)"));
    lex_free(load_output(&r));
    lex_import_result_free(&r);

    lex_import("", 0, LEX_IMPORT_TABARI, LEX_COUNTRY, NULL, &r);
    assert_string_equal(body(&r), "@kind country\n");
    assert_int_equal(r.problem_count, 0);
    lex_import_result_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_tabari_actors), cmocka_unit_test(test_dates),
        cmocka_unit_test(test_problems_are_reported_and_skipped), cmocka_unit_test(test_petrarch_and_kinds),
        cmocka_unit_test(test_limits_and_empty_input),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
