/* Unit tests: emit.  The JSON record is a contract (DESIGN.md): every field,
 * its name and its type are checked by parsing the output with Jansson. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <string.h>
#include <jansson.h>

#include "../../src/emit/emit.h"

static const char text[] = "Intro.\nKanunu said Haftar\xe2\x80\x99s forces violated the \"cease-fire\".";

static code_event sample(lex_code_info *info)
{
    memset(info, 0, sizeof *info);
    strcpy(info->code, "196");
    strcpy(info->root, "19");
    info->name = "Violate ceasefire";
    info->goldstein = -9.5;
    info->quad_class = 4;
    info->plover = "ASSAULT";
    code_event e;
    memset(&e, 0, sizeof e);
    e.sentence_index = 1;
    e.start = 7;
    e.end = (uint32_t)strlen(text);
    e.date = date_to_days(2020, 1, 12);
    e.date_precision = CODE_DATE_DAY;
    e.date_evidence = "on \"Sunday\"";
    strcpy(e.source.code, "LBYMIL");
    e.source.text = "Haftar\xe2\x80\x99s forces";
    strcpy(e.target.code, "LBYGOV");
    e.has_target = true;
    e.cameo = info;
    e.attribution = "Kanunu";
    e.rule = "violate ceasefire = 196 (dict/verbs.txt:1)";
    e.has_place = true;
    e.place.name = "Ain Zara";
    strcpy(e.place.country, "LBY");
    e.place.lat = 32.8;
    e.place.lon = 13.2;
    e.place.precision = "city";
    e.has_casualties = true;
    e.casualties = (code_casualties){ 1, -1, -1, -1, -1, -1, { NULL } };
    return e;
}

/* Numbers read as printf's %.6g writes them, whether printed directly
 * (short decimals) or through printf. */
static void test_json_numbers(void **state)
{
    (void)state;
    lex_code_info info;
    code_event e = sample(&info);
    const double values[] = { -9.5, 32.8872, 0.0001, 0.00001234, 123456.7, 999999.6, 1e6, 0, -0.25, 3.14159265 };
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        e.place.lat = values[i];
        buf b;
        buf_init(&b);
        emit_event(&b, EMIT_JSON, "d", text, &e, false);
        char expected[64];
        snprintf(expected, sizeof expected, "\"lat\":%.6g,", values[i]);
        assert_non_null(strstr(b.data, expected));
        buf_free(&b);
    }
}

static void test_json_contract(void **state)
{
    (void)state;
    lex_code_info info;
    code_event e = sample(&info);
    buf b;
    buf_init(&b);
    emit_event(&b, EMIT_JSON, "libya-1", text, &e, false);
    assert_int_equal(b.data[b.len - 1], '\n');
    json_error_t err;
    json_t *o = json_loads(b.data, 0, &err);
    assert_non_null(o);
    assert_string_equal(json_string_value(json_object_get(o, "doc")), "libya-1");
    assert_int_equal(json_integer_value(json_object_get(o, "sentence_index")), 1);
    const char *sentence = json_string_value(json_object_get(o, "sentence"));
    assert_memory_equal(sentence, text + 7, strlen(text) - 7);   /* byte-exact slice */
    assert_int_equal(json_integer_value(json_object_get(o, "start")), 7);
    assert_int_equal(json_integer_value(json_object_get(o, "end")), strlen(text));
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2020-01-12");
    assert_string_equal(json_string_value(json_object_get(o, "date_precision")), "day");
    assert_string_equal(json_string_value(json_object_get(o, "date_text")), "on \"Sunday\"");   /* escaped */
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "source"), "code")), "LBYMIL");
    assert_string_equal(json_string_value(json_object_get(json_object_get(o, "target"), "code")), "LBYGOV");
    assert_string_equal(json_string_value(json_object_get(o, "code")), "196");
    assert_string_equal(json_string_value(json_object_get(o, "root")), "19");
    assert_string_equal(json_string_value(json_object_get(o, "name")), "Violate ceasefire");
    assert_int_equal(json_integer_value(json_object_get(o, "quad_class")), 4);
    assert_true(fabs(json_number_value(json_object_get(o, "goldstein")) + 9.5) < 1e-9);
    assert_string_equal(json_string_value(json_object_get(o, "plover")), "ASSAULT");
    json_t *place = json_object_get(o, "place");
    assert_string_equal(json_string_value(json_object_get(place, "name")), "Ain Zara");
    assert_string_equal(json_string_value(json_object_get(place, "country")), "LBY");
    assert_true(json_is_number(json_object_get(place, "lat")));
    assert_string_equal(json_string_value(json_object_get(o, "attribution")), "Kanunu");
    assert_true(json_is_false(json_object_get(o, "negated")));
    assert_int_equal(json_integer_value(json_object_get(json_object_get(o, "casualties"), "killed")), 1);
    assert_null(json_object_get(json_object_get(o, "casualties"), "wounded"));
    assert_null(json_object_get(json_object_get(o, "casualties"), "qualifiers"));   /* a plain count */
    assert_non_null(json_string_value(json_object_get(o, "rule")));
    json_decref(o);

    /* qualified counts: {"killed":50,"wounded":12,"qualifiers":{"killed":"at least"}} */
    e.casualties.killed = 50;
    e.casualties.wounded = 12;
    e.casualties.qualifier[0] = "at least";
    buf_clear(&b);
    emit_event(&b, EMIT_JSON, "d", text, &e, false);
    o = json_loads(b.data, 0, &err);
    assert_non_null(o);
    json_t *counts = json_object_get(o, "casualties");
    assert_int_equal(json_integer_value(json_object_get(counts, "killed")), 50);
    assert_int_equal(json_integer_value(json_object_get(counts, "wounded")), 12);
    assert_string_equal(json_string_value(json_object_get(json_object_get(counts, "qualifiers"), "killed")), "at least");
    assert_null(json_object_get(json_object_get(counts, "qualifiers"), "wounded"));
    json_decref(o);

    /* nulls where there is nothing */
    e.has_target = false;
    e.has_place = false;
    e.has_casualties = false;
    e.attribution = NULL;
    e.date_precision = CODE_DATE_MONTH;
    e.date_evidence = NULL;   /* the article's date */
    buf_clear(&b);
    emit_event(&b, EMIT_JSON, "d", text, &e, false);
    o = json_loads(b.data, 0, &err);
    assert_non_null(o);
    assert_true(json_is_null(json_object_get(o, "target")));
    assert_true(json_is_null(json_object_get(o, "place")));
    assert_true(json_is_null(json_object_get(o, "casualties")));
    assert_true(json_is_null(json_object_get(o, "attribution")));
    assert_true(json_is_null(json_object_get(o, "date_text")));
    assert_string_equal(json_string_value(json_object_get(o, "date")), "2020-01");
    json_decref(o);

    /* strings of every length up to past eight, short ones copied in one
     * pass, each with a byte to escape anywhere or none, read back whole */
    static const char specials[] = { 'x', '"', '\\', '\n', '\x01' };
    for (size_t length = 1; length <= 10; length++) {
        for (size_t at = 0; at < length; at++) {
            for (size_t k = 0; k < sizeof specials; k++) {
                char attribution[16];
                memset(attribution, 'a', length);
                attribution[at] = specials[k];
                attribution[length] = 0;
                e.attribution = attribution;
                buf_clear(&b);
                emit_event(&b, EMIT_JSON, "d", text, &e, false);
                o = json_loads(b.data, 0, &err);
                assert_non_null(o);
                assert_string_equal(json_string_value(json_object_get(o, "attribution")), attribution);
                json_decref(o);
            }
        }
    }
    buf_free(&b);
}

static void test_tsv_columns(void **state)
{
    (void)state;
    lex_code_info info;
    code_event e = sample(&info);
    buf b;
    buf_init(&b);
    emit_header(&b, EMIT_TSV);
    emit_event(&b, EMIT_TSV, "doc\tid", text, &e, false);
    char *second = strchr(b.data, '\n') + 1;
    size_t tabs_header = 0, tabs_row = 0;
    for (char *p = b.data; p < second; p++) tabs_header += *p == '\t';
    for (char *p = second; *p; p++) tabs_row += *p == '\t';
    assert_int_equal(tabs_header, 12);
    assert_int_equal(tabs_row, 12);   /* a tab inside the doc id is replaced */
    assert_non_null(strstr(second, "20200112\tLBYMIL\tLBYGOV\t196\t196\t19\t4\t-9.5\tAin Zara\tLBY\t"));
    buf_free(&b);
}

static void test_table(void **state)
{
    (void)state;
    lex_code_info info;
    code_event e = sample(&info);
    e.explanation = "verb \"violated\"";
    buf b;
    buf_init(&b);
    emit_event(&b, EMIT_TABLE, "d", text, &e, true);
    assert_non_null(strstr(b.data, "2020-01-12"));
    assert_non_null(strstr(b.data, "rule: violate ceasefire"));
    buf_free(&b);
    emit_format f;
    assert_true(emit_format_parse("tsv", &f));
    assert_int_equal(f, EMIT_TSV);
    assert_false(emit_format_parse("xml", &f));
}

/* The fields of each code written once (emit_codes) give the bytes written
 * for each event; an info that is not the dictionary's own is written out. */
static void test_codes_written_once(void **state)
{
    (void)state;
    static const char cameo[] = "# code\tname\tgoldstein\tquad_class\tplover\tintent_code\n"
                                "19\tFight\t-10.0\t4\tASSAULT\t-\n"
                                "196\tViolate \"ceasefire\"\t-9.5\t4\tASSAULT\t-\n"
                                "0871\tDeclare truce, ceasefire\t9.0\t1\tCEASEFIRE\t-\n";
    lex_source src[1] = { { "cameo.tsv", cameo, sizeof cameo - 1 } };
    error err;
    lex_dict *d = lex_load_ex(NULL, 0, src, 1, &err);
    assert_non_null(d);
    emit_codes *codes = emit_codes_new(d);
    lex_code_info own;
    code_event e = sample(&own);
    const char *const wanted[] = { "19", "196", "0871" };
    for (size_t i = 0; i <= sizeof wanted / sizeof *wanted; i++) {
        if (i < sizeof wanted / sizeof *wanted) e.cameo = lex_code(d, wanted[i]);
        else e.cameo = &own;   /* same code as the dictionary's 196, other fields */
        assert_non_null(e.cameo);
        buf plain, copied;
        buf_init(&plain);
        buf_init(&copied);
        emit_event(&plain, EMIT_JSON, "d", text, &e, true);
        emit_event_using(&copied, codes, EMIT_JSON, "d", text, &e, true);
        assert_string_equal(plain.data, copied.data);
        buf_free(&plain);
        buf_free(&copied);
    }
    emit_codes_free(codes);
    lex_free(d);
}

/* An article's events written together (emit_events, which copies what a
 * line shares with the one before it, and a place or date the same as
 * the last one's) give the bytes of each written alone, whether they share
 * a sentence, only the article, or follow text already in the buffer; at
 * the same place, at another, or at none; on the same day or another; in
 * every format. */
static void test_events_together(void **state)
{
    (void)state;
    lex_code_info info;
    enum { EVENTS = 13 };
    code_event events[EVENTS];
    for (size_t i = 0; i < EVENTS; i++) events[i] = sample(&info);
    events[1].has_target = false;                               /* the same sentence, another event */
    events[2].sentence_index = 0, events[2].start = 0, events[2].end = 6;   /* another sentence */
    events[3].sentence_index = 0, events[3].start = 0, events[3].end = 6;   /* and again */
    events[3].negated = true;
    events[4].rule = "another rule";                            /* back to the first sentence */
    char name[] = "Ain Zara";                                   /* the same place, its name elsewhere */
    events[5].place.name = name;
    events[6].place.lat = 32.9;                                 /* another point */
    events[6].date_precision = CODE_DATE_MONTH;                 /* the same day, another precision */
    events[7].has_place = false;                                /* none */
    events[7].date = date_to_days(2020, 1, 11);                 /* another day */
    events[8].place.lat = events[8].place.lon = NAN;            /* a place with no point, twice */
    events[9].place.lat = events[9].place.lon = NAN;
    events[10] = events[9];
    events[10].place.precision = "near";                        /* near another */
    events[10].place.near = "Tripoli";
    events[11] = events[10];
    events[11].place.near = "Misrata";
    events[12].place.country[0] = 0;                            /* no country */
    const emit_format formats[] = { EMIT_JSON, EMIT_TSV, EMIT_TABLE };
    for (size_t f = 0; f < 3; f++)
        for (size_t count = 0; count <= EVENTS; count++) {
            buf alone, together;
            buf_init(&alone);
            buf_init(&together);
            buf_puts(&alone, "before\n");
            buf_puts(&together, "before\n");
            for (size_t i = 0; i < count; i++) emit_event_using(&alone, NULL, formats[f], "doc \"1\"", text, &events[i], true);
            emit_events(&together, NULL, formats[f], "doc \"1\"", text, events, count, true);
            assert_string_equal(alone.data, together.data);
            assert_int_equal(alone.len, together.len);
            buf_free(&alone);
            buf_free(&together);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_json_contract), cmocka_unit_test(test_json_numbers), cmocka_unit_test(test_tsv_columns), cmocka_unit_test(test_table),
        cmocka_unit_test(test_codes_written_once), cmocka_unit_test(test_events_together),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
