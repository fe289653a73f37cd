/* Unit tests: util (arena, buf, dates, errors). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../src/util/util.h"

static void test_dates_round_trip(void **state)
{
    (void)state;
    for (int32_t d = -800000; d < 800000; d += 97) {
        int y, m, day;
        date_from_days(d, &y, &m, &day);
        assert_int_equal(date_to_days(y, m, day), d);
    }
    assert_int_equal(date_to_days(1970, 1, 1), 0);
    assert_int_equal(date_to_days(2020, 1, 13), 18274);
    char s[11];
    date_format_iso(18274, s);
    assert_string_equal(s, "2020-01-13");
}

static void test_date_parse_iso(void **state)
{
    (void)state;
    int32_t d;
    assert_true(date_parse_iso("2020-02-29", 10, &d));
    assert_false(date_parse_iso("2019-02-29", 10, &d));
    assert_false(date_parse_iso("2020-13-01", 10, &d));
    assert_false(date_parse_iso("2020-1-01", 9, &d));
    assert_false(date_parse_iso("abcd-ef-gh", 10, &d));
    assert_false(date_parse_iso("2020-01-00", 10, &d));
    assert_int_equal(date_days_in_month(2000, 2), 29);
    assert_int_equal(date_days_in_month(1900, 2), 28);
}

static void test_arena(void **state)
{
    (void)state;
    arena a;
    arena_init(&a);
    char *p = arena_alloc(&a, 10);
    for (int i = 0; i < 10; i++) assert_int_equal(p[i], 0);
    char *big = arena_alloc(&a, 1 << 20);
    big[(1 << 20) - 1] = 1;
    assert_string_equal(arena_printf(&a, "%s-%d", "x", 5), "x-5");
    /* longer than what is left of the block: formatted a second time */
    char *long_text = arena_printf(&a, "%070000d", 7);
    assert_int_equal(strlen(long_text), 70000);
    assert_int_equal(long_text[69999], '7');
    assert_int_equal(hash_bytes_more(hash_bytes("ab", 2), "cd", 2), hash_bytes("abcd", 4));
    assert_int_equal(hash_bytes_more(HASH_BYTES_START, "x", 1), hash_bytes("x", 1));
    assert_string_equal(arena_strndup(&a, "hello", 3), "hel");
    assert_int_equal(((uintptr_t)arena_alloc(&a, 3)) % 16, 0);
    arena_reset(&a);
    assert_int_equal(a.total, 0);
    arena_free(&a);
}

/* Rewinding to a mark gives back what came after it, whatever blocks that
 * took (more standard blocks, big requests' own blocks behind the current
 * one), and leaves what came before it as it was; the next allocation
 * starts where the mark was.  ASan finds any block freed twice or lost. */
static void test_arena_rewind(void **state)
{
    (void)state;
    static const size_t sizes[][4] = {
        { 16, 0, 0, 0 },                   /* within the block */
        { 40000, 40000, 0, 0 },            /* into a second standard block */
        { 1 << 20, 0, 0, 0 },              /* a big request, behind the current block */
        { 1 << 20, 1 << 17, 48, 0 },       /* two of them, then a small one */
        { 60000, 1 << 20, 30000, 1 << 18 },
    };
    for (int empty = 0; empty < 2; empty++) {
        for (size_t c = 0; c < sizeof sizes / sizeof *sizes; c++) {
            arena a;
            arena_init(&a);
            char *kept = NULL;
            if (!empty) {
                kept = arena_alloc(&a, 100);
                memcpy(kept, "kept", 5);
            }
            size_t total = a.total;
            arena_mark mark = arena_mark_of(&a);
            char *first = NULL;
            for (int k = 0; k < 4 && sizes[c][k]; k++) {
                char *p = arena_alloc_raw(&a, sizes[c][k]);
                memset(p, 'x', sizes[c][k]);
                if (k == 0) first = p;
            }
            arena_rewind(&a, mark);
            assert_int_equal(a.total, total);
            if (kept) assert_string_equal(kept, "kept");
            char *again = arena_alloc_raw(&a, 16);
            if (!empty) assert_ptr_equal(again, kept + 112);   /* right after the 100 bytes, rounded to 16 */
            if (!empty && sizes[c][0] <= 16) assert_ptr_equal(again, first);
            memset(again, 'y', 16);
            arena_free(&a);
        }
    }
}

static void test_buf_json(void **state)
{
    (void)state;
    buf b;
    buf_init(&b);
    buf_json_escape(&b, "a\"b\\c\n\x01", 7);
    assert_string_equal(b.data, "a\\\"b\\\\c\\n\\u0001");
    buf_clear(&b);
    buf_printf(&b, "%d-%s", 42, "x");
    assert_string_equal(b.data, "42-x");
    /* long runs are scanned sixteen or eight bytes at a time: escapes anywhere */
    char text[64], expected[128];
    for (size_t at = 0; at < 40; at++) {
        memset(text, 'a', 40);
        text[at] = at % 3 == 0 ? '"' : at % 3 == 1 ? '\\' : '\x1f';
        const char *escape = at % 3 == 0 ? "\\\"" : at % 3 == 1 ? "\\\\" : "\\u001f";
        snprintf(expected, sizeof expected, "%.*s%s%.*s", (int)at, text, escape, (int)(39 - at), text + at + 1);
        buf_clear(&b);
        buf_json_escape(&b, text, 40);
        assert_string_equal(b.data, expected);
    }
    /* every length (the last bytes of a text are read as a shifted word),
     * with UTF-8, NUL and other bytes to escape anywhere, after text already
     * in the buffer: the same as escaping byte by byte */
    static const char alphabet[] = { 'a', 'Z', ' ', '"', '\\', '\n', '\0', '\x1f', '\xc3', '\xa9', '\x7f', '/' };
    unsigned seed = 7;
    for (size_t n = 0; n <= 72; n++) {
        for (int round = 0; round < 30; round++) {
            char bytes[72];
            for (size_t i = 0; i < n; i++) {
                seed = seed * 1103515245u + 12345u;
                bytes[i] = round < 10 ? 'x' : alphabet[(seed >> 16) % sizeof alphabet];
            }
            if (round < 10 && n) bytes[(size_t)round % n] = alphabet[3 + round % 5];
            /* json_plain_until: the first byte to escape, or (none in
             * sixteen-byte steps) a place fewer than sixteen from the end */
            size_t first = 0;
            while (first < n && !(bytes[first] == '"' || bytes[first] == '\\' || (unsigned char)bytes[first] < 0x20)) first++;
            size_t until = json_plain_until(bytes, 0, n);
            assert_true(until <= first);
            assert_true(until == first || until + 16 > n);
            buf reference;
            buf_init(&reference);
            buf_append(&reference, "prefix", 6);
            for (size_t i = 0; i < n; i++) {
                unsigned char c = (unsigned char)bytes[i];
                if (c == '"' || c == '\\') { buf_putc(&reference, '\\'); buf_putc(&reference, (char)c); }
                else if (c == '\n') buf_append(&reference, "\\n", 2);
                else if (c < 0x20) buf_printf(&reference, "\\u%04x", c);
                else buf_putc(&reference, (char)c);
            }
            buf_clear(&b);
            buf_append(&b, "prefix", 6);
            buf_json_escape(&b, bytes, n);
            assert_int_equal(b.len, reference.len);
            assert_memory_equal(b.data, reference.data, reference.len + 1);
            /* and in quotes (buf_json_string, which checks a short string in
             * one word and stores it at once when the buffer has room), after
             * text filling the buffer to each of its last bytes */
            for (size_t fill = 240; fill < 257; fill++) {
                buf quoted, expected;
                buf_init(&quoted);
                buf_init(&expected);
                for (size_t i = 0; i < fill; i++) { buf_putc(&quoted, 'p'); buf_putc(&expected, 'p'); }
                buf_putc(&expected, '"');
                buf_append(&expected, reference.data + 6, reference.len - 6);
                buf_putc(&expected, '"');
                buf_json_string(&quoted, bytes, n);
                assert_int_equal(quoted.len, expected.len);
                assert_memory_equal(quoted.data, expected.data, expected.len + 1);
                buf_free(&quoted);
                buf_free(&expected);
            }
            buf_free(&reference);
        }
    }
    buf_free(&b);
}

static void test_error(void **state)
{
    (void)state;
    error e;
    assert_false(error_set(&e, "%s:%d: bad", "f.jsonl", 17));
    assert_string_equal(e.message, "f.jsonl:17: bad");
    assert_false(error_set(NULL, "ignored"));
    char *data; size_t len;
    assert_false(file_read_all("/nonexistent/file", 100, &data, &len, &e));
    assert_non_null(strstr(e.message, "/nonexistent/file"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_dates_round_trip), cmocka_unit_test(test_date_parse_iso),
        cmocka_unit_test(test_arena), cmocka_unit_test(test_arena_rewind), cmocka_unit_test(test_buf_json), cmocka_unit_test(test_error),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
