/* Unit tests for src/read: every format, detection, every message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../src/read/read.h"

/* ---- a sink that keeps copies of everything it is handed ---- */

enum { MAX_RESULTS = 64 };

typedef struct kept_article {
    char *id, *title, *url, *date, *text, *origin;
    size_t text_len, sequence;
} kept_article;

typedef struct results {
    kept_article articles[MAX_RESULTS];
    size_t article_count;
    char *messages[MAX_RESULTS];
    size_t message_sequence[MAX_RESULTS];
    size_t message_count;
    size_t returned;
} results;

static char *copy_or_null(const char *s) { return s ? strdup(s) : NULL; }

static void keep_article(void *context, const read_article *a)
{
    results *r = context;
    assert_true(r->article_count < MAX_RESULTS);
    assert_non_null(a->id);
    assert_non_null(a->date);
    assert_non_null(a->text);
    assert_non_null(a->origin);
    /* The text is NUL-terminated at text_len (readers promise it). */
    assert_int_equal(a->text[a->text_len], '\0');
    kept_article *k = &r->articles[r->article_count++];
    k->id = strdup(a->id);
    k->title = copy_or_null(a->title);
    k->url = copy_or_null(a->url);
    k->date = strdup(a->date);
    k->text = malloc(a->text_len + 1);
    memcpy(k->text, a->text, a->text_len);
    k->text[a->text_len] = '\0';
    k->text_len = a->text_len;
    k->origin = strdup(a->origin);
    k->sequence = a->sequence;
}

static void keep_message(void *context, size_t sequence, const char *message)
{
    results *r = context;
    assert_true(r->message_count < MAX_RESULTS);
    r->message_sequence[r->message_count] = sequence;
    r->messages[r->message_count++] = strdup(message);
}

static void results_free(results *r)
{
    for (size_t i = 0; i < r->article_count; i++) {
        kept_article *k = &r->articles[i];
        free(k->id); free(k->title); free(k->url); free(k->date); free(k->text); free(k->origin);
    }
    for (size_t i = 0; i < r->message_count; i++)
        free(r->messages[i]);
    free(r);
}

static results *read_with(const char *name, const char *bytes, size_t len, read_format format,
                          const char *default_date, size_t max_bytes)
{
    results *r = calloc(1, sizeof *r);
    read_options options = { .format = format, .default_date = default_date,
                             .max_article_bytes = max_bytes };
    read_sink sink = { .context = r, .article = keep_article, .skipped = keep_message };
    r->returned = read_buffer(name, bytes, len, &options, &sink);
    assert_int_equal(r->returned, r->article_count);
    /* Articles and errors share one gap-free sequence. */
    size_t total = r->article_count + r->message_count;
    for (size_t s = 0; s < total; s++) {
        int seen = 0;
        for (size_t i = 0; i < r->article_count; i++)
            seen += r->articles[i].sequence == s;
        for (size_t i = 0; i < r->message_count; i++)
            seen += r->message_sequence[i] == s;
        assert_int_equal(seen, 1);
    }
    return r;
}

static results *read_text(const char *name, const char *text, const char *default_date)
{
    return read_with(name, text, strlen(text), READ_FORMAT_AUTO, default_date, 0);
}

/* ---- names and detection ---- */

static void test_format_names(void **state)
{
    (void)state;
    const char *names[] = { "seed", "plain", "jsonl", "html", "tabari", "petrarch" };
    for (int i = 0; i < 6; i++) {
        read_format f = READ_FORMAT_AUTO;
        assert_true(read_format_parse(names[i], &f));
        assert_int_equal(f, (read_format)(i + 1));
        assert_string_equal(read_format_name(f), names[i]);
    }
    read_format f = READ_FORMAT_HTML;
    assert_true(read_format_parse("auto", &f));
    assert_int_equal(f, READ_FORMAT_AUTO);
    f = READ_FORMAT_HTML;
    assert_false(read_format_parse("pdf", &f));
    assert_int_equal(f, READ_FORMAT_HTML);
    assert_false(read_format_parse(NULL, &f));
    assert_false(read_format_parse("", &f));
    assert_null(read_format_name((read_format)99));
}

static void test_detect(void **state)
{
    (void)state;
#define DETECT(name, text) read_detect(name, text, strlen(text))
    assert_int_equal(DETECT("a.txt", " date 2020-01-13 Talks open\n\nText."), READ_FORMAT_SEED);
    assert_int_equal(DETECT("a.txt", "date 2020-01-13 Talks open\n\nText."), READ_FORMAT_SEED);
    assert_int_equal(DETECT("a.txt", "\xEF\xBB\xBF date 2020-01-13 Talks\n\nText."), READ_FORMAT_SEED);
    assert_int_equal(DETECT("a.txt", "\n\n date 2020-01-13\n\nText."), READ_FORMAT_SEED);
    assert_int_equal(DETECT("a.txt", "date 2020-01-13T10:00 no\n"), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", "The date 2020-01-13 was quiet.\n"), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", "Troops moved north on Monday."), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", ""), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT(NULL, "Troops moved north."), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", "{\"id\":\"a\"}\n"), READ_FORMAT_JSONL);
    assert_int_equal(DETECT("a.txt", "  \n{\"id\":\"a\"}\n"), READ_FORMAT_JSONL);
    assert_int_equal(DETECT("a.txt", "<!DOCTYPE html><html><body>x</body></html>"), READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.txt", "<html><body>x</body></html>"), READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.txt", "<p>one</p>"), READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.txt", "Intro <b>one</b> <i>two</i> <b>three</b> <i>four</i> <br/>"),
                     READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.html", "Intro <b>one</b> text"), READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.txt", "Intro <b>one</b> text"), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", "<?xml version=\"1.0\"?>\n<Sentences><Sentence date=\"20200113\">"),
                     READ_FORMAT_PETRARCH);
    assert_int_equal(DETECT("a.txt", "<Sentences>\n<Sentence id=\"x\">"), READ_FORMAT_PETRARCH);
    assert_int_equal(DETECT("a.txt", "<?xml version=\"1.0\"?>\n<feed><entry/></feed>"), READ_FORMAT_HTML);
    assert_int_equal(DETECT("a.txt", "200113 LBY-0001-01\nText.\n"), READ_FORMAT_TABARI);
    assert_int_equal(DETECT("a.txt", "20200113 LBY-0001-01\nText.\n"), READ_FORMAT_TABARI);
    assert_int_equal(DETECT("a.txt", "2001130 LBY-0001-01\nText.\n"), READ_FORMAT_PLAIN);
    assert_int_equal(DETECT("a.txt", "200113\nText.\n"), READ_FORMAT_PLAIN);
    assert_int_equal(read_detect("a.txt", NULL, 10), READ_FORMAT_PLAIN);
#undef DETECT
}

/* ---- seed ---- */

static const char seed_article[] =
    " date 2021-03-02 Border talks resume in Geneva\n"
    "\n"
    "GENEVA\n"
    "\n"
    "Delegations from the two neighbours met on Tuesday, officials said.\n";

static void test_seed(void **state)
{
    (void)state;
    results *r = read_text("stories/border-talks-2021-03-02.txt", seed_article, NULL);
    assert_int_equal(r->article_count, 1);
    assert_int_equal(r->message_count, 0);
    kept_article *a = &r->articles[0];
    assert_string_equal(a->id, "border-talks-2021-03-02");
    assert_string_equal(a->date, "2021-03-02");
    assert_string_equal(a->title, "Border talks resume in Geneva");
    assert_null(a->url);
    assert_string_equal(a->origin, "stories/border-talks-2021-03-02.txt");
    assert_string_equal(a->text, "GENEVA\n\nDelegations from the two neighbours met on Tuesday, officials said.\n");
    assert_int_equal(a->sequence, 0);
    results_free(r);
}

static void test_seed_variants(void **state)
{
    (void)state;
    /* No leading space, CRLF, several blank lines, no title, a BOM. */
    results *r = read_text("a.txt", "\xEF\xBB\xBF" "date 2021-03-02\r\n\r\n  \r\n\r\nFirst line.\r\n", NULL);
    assert_int_equal(r->article_count, 1);
    assert_null(r->articles[0].title);
    assert_string_equal(r->articles[0].text, "First line.\r\n");
    results_free(r);

    /* The header date wins over --date. */
    r = read_text("a.txt", "date 2021-03-02 T\n\nText.", "1999-01-01");
    assert_string_equal(r->articles[0].date, "2021-03-02");
    results_free(r);

    r = read_text("a.txt", " date 2021-02-30 Bad day\n\nText.\n", NULL);
    assert_int_equal(r->article_count, 0);
    assert_int_equal(r->message_count, 1);
    assert_string_equal(r->messages[0], "a.txt: \"2021-02-30\" is not a date");
    results_free(r);

    r = read_text("a.txt", " date 2021-03-02 Only a title\n\n\n", NULL);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "a.txt: empty article");
    results_free(r);

    r = read_with("a.txt", "No header here.\n", 16, READ_FORMAT_SEED, NULL, 0);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0],
                        "a.txt: not a seed article: the first line must be \" date YYYY-MM-DD Title\"");
    results_free(r);
}

/* ---- plain ---- */

static void test_plain(void **state)
{
    (void)state;
    const char *text = "Rebels and government forces clashed near the border on Monday.\n";
    results *r = read_text("in/notes.v2.txt", text, "2021-03-01");
    assert_int_equal(r->article_count, 1);
    assert_string_equal(r->articles[0].id, "notes.v2");
    assert_string_equal(r->articles[0].date, "2021-03-01");
    assert_string_equal(r->articles[0].text, text);
    assert_null(r->articles[0].title);
    results_free(r);

    r = read_text("in/notes.txt", text, NULL);
    assert_int_equal(r->article_count, 0);
    assert_int_equal(r->message_count, 1);
    assert_string_equal(r->messages[0], "in/notes.txt: no date: give --date YYYY-MM-DD");
    assert_int_equal(r->message_sequence[0], 0);
    results_free(r);

    r = read_text("in/notes.txt", text, "2021-13-01");
    assert_string_equal(r->messages[0], "in/notes.txt: --date \"2021-13-01\" is not a date");
    results_free(r);

    r = read_text(NULL, text, "2021-03-01");
    assert_string_equal(r->articles[0].id, "stdin");
    assert_string_equal(r->articles[0].origin, "stdin");
    results_free(r);

    r = read_text("-", text, "2021-03-01");
    assert_string_equal(r->articles[0].id, "stdin");
    results_free(r);

    r = read_text("notes", "  \n\t\n", "2021-03-01");
    assert_string_equal(r->messages[0], "notes: empty article");
    results_free(r);

    r = read_with("notes", NULL, 5, READ_FORMAT_AUTO, "2021-03-01", 0);
    assert_string_equal(r->messages[0], "notes: empty article");
    results_free(r);
}

/* ---- JSON Lines ---- */

static const char jsonl_input[] =
    "{\"id\":\"wire-1\",\"date\":\"2021-03-02\",\"title\":\"Ministers meet\","
    "\"text\":\"The ministers met on Tuesday.\",\"url\":\"https://example.org/1\"}\n"   /* 1 */
    "\n"                                                                            /* 2 */
    "{\"id\":\"wire-2\",\"date\":\"2021-03-03T08:00:00Z\",\"text\":\"Police arrested 12.\"}\n" /* 3 */
    "{\"id\":\"wire-3\",\"text\":\"No date.\"}\n"                                   /* 4 */
    "{\"id\":\"wire-4\",\"date\":\"2020-13-45\",\"text\":\"Bad date.\"}\n"          /* 5 */
    "{\"id\":\"wire-5\",\"date\":\"2021-03-02\",\"text\":\"cut\n"                   /* 6 */
    "{\"date\":\"2021-03-02\",\"text\":\"No id.\"}\n"                               /* 7 */
    "{\"id\":\"wire-6\",\"date\":\"2021-03-02\"}\n"                                 /* 8 */
    "[1,2]\n"                                                                       /* 9 */
    "{\"id\":7,\"date\":\"2021-03-04\",\"text\":\"Numeric id.\",\"title\":5}\r\n"   /* 10 */
    "{\"id\":\"wire-8\",\"date\":20210304,\"text\":\"x\"}\n"                        /* 11 */
    "{\"id\":\"wire-9\",\"date\":\"2021-03-04\",\"text\":[\"x\"]}\n"                /* 12 */
    "{\"id\":\"wire-10\",\"date\":\"2021-03-04\",\"text\":\"a\\u0000b\"}\n"         /* 13 */
    "{\"id\":\"wire-11\",\"date\":\"2021-03-04\",\"text\":\"  \"}\n"                /* 14 */
    "{\"id\":\"\",\"date\":\"2021-03-04\",\"text\":\"x\"}\n"                        /* 15 */
    "{\"id\":\"wire-12\",\"date\":\"2021-03-04xyz\",\"text\":\"x\"}\n"             /* 16 */
    "{\"id\":\"wire-13\",\"date\":\"2021-03-05\",\"text\":\"Last one.\"}";          /* 17, no newline */

static void test_jsonl(void **state)
{
    (void)state;
    results *r = read_text("feeds/articles.jsonl", jsonl_input, NULL);
    assert_int_equal(r->article_count, 4);
    kept_article *a = r->articles;
    assert_string_equal(a[0].id, "wire-1");
    assert_string_equal(a[0].title, "Ministers meet");
    assert_string_equal(a[0].url, "https://example.org/1");
    assert_string_equal(a[0].text, "The ministers met on Tuesday.");
    assert_string_equal(a[0].origin, "feeds/articles.jsonl:1");
    assert_int_equal(a[0].sequence, 0);
    assert_string_equal(a[1].id, "wire-2");
    assert_string_equal(a[1].date, "2021-03-03");
    assert_null(a[1].title);
    assert_null(a[1].url);
    assert_string_equal(a[1].origin, "feeds/articles.jsonl:3");
    assert_int_equal(a[1].sequence, 1);
    assert_string_equal(a[2].id, "7");
    assert_null(a[2].title);
    assert_string_equal(a[2].origin, "feeds/articles.jsonl:10");
    assert_string_equal(a[3].id, "wire-13");
    assert_string_equal(a[3].origin, "feeds/articles.jsonl:17");

    const char *expected[] = {
        "feeds/articles.jsonl:4: missing field \"date\"",
        "feeds/articles.jsonl:5: field \"date\" is not a date: \"2020-13-45\"",
        NULL, /* line 6: invalid JSON, checked below */
        "feeds/articles.jsonl:7: missing field \"id\"",
        "feeds/articles.jsonl:8: missing field \"text\"",
        "feeds/articles.jsonl:9: not a JSON object",
        "feeds/articles.jsonl:11: field \"date\" is not a string",
        "feeds/articles.jsonl:12: field \"text\" is not a string",
        "feeds/articles.jsonl:13: binary data at byte 1",
        "feeds/articles.jsonl:14: empty article",
        "feeds/articles.jsonl:15: field \"id\" is empty",
        "feeds/articles.jsonl:16: field \"date\" is not a date: \"2021-03-04xyz\"",
    };
    assert_int_equal(r->message_count, sizeof expected / sizeof expected[0]);
    for (size_t i = 0; i < r->message_count; i++)
        if (expected[i])
            assert_string_equal(r->messages[i], expected[i]);
    const char *bad = r->messages[2];
    const char *prefix = "feeds/articles.jsonl:6: invalid JSON: ";
    assert_memory_equal(bad, prefix, strlen(prefix));
    assert_non_null(strstr(bad, " at column "));
    /* Errors take their place in the sequence: line 4 is the third record. */
    assert_int_equal(r->message_sequence[0], 2);
    results_free(r);
}

/* Records of the usual shape are scanned without Jansson; escapes decode as
 * Jansson decodes them, and a repeated field (Jansson keeps the last one)
 * or a value of another type still reads as before. */
static void test_jsonl_escapes_and_fallbacks(void **state)
{
    (void)state;
    const char *input =
        "{\"id\":\"e\\u0301-1\",\"date\":\"2020-01-13\",\"text\":\"Caf\\u00e9 \\ud83d\\ude00 a\\/b \\\"q\\\" \\\\ tab\\tline\\nend\"}\n"
        "{\"id\":\"dup\",\"date\":\"2020-01-13\",\"text\":\"first\",\"text\":\"second\"}\n"
        "{\"text\":\"t\", \"id\" : \"spaced\" ,\t\"date\":\"2020-01-13T10:00:00Z\" , \"url\":\"u\",\"title\":\"\"}\r\n"
        "{\"id\":\"n\",\"date\":\"2020-01-13\",\"text\":\"x\",\"extra\":[1,{\"a\":null}]}\n"
        "{\"id\":\"lone\",\"date\":\"2020-01-13\",\"text\":\"\\ud83d alone\"}\n";
    results *r = read_text("esc.jsonl", input, NULL);
    assert_int_equal(r->article_count, 4);
    assert_string_equal(r->articles[0].id, "e\xCC\x81-1");
    assert_string_equal(r->articles[0].text, "Caf\xC3\xA9 \xF0\x9F\x98\x80 a/b \"q\" \\ tab\tline\nend");
    assert_string_equal(r->articles[1].text, "second");
    assert_string_equal(r->articles[2].id, "spaced");
    assert_string_equal(r->articles[2].date, "2020-01-13");
    assert_string_equal(r->articles[2].url, "u");
    assert_null(r->articles[2].title);
    assert_string_equal(r->articles[3].id, "n");
    assert_int_equal(r->message_count, 1);
    assert_non_null(strstr(r->messages[0], "esc.jsonl:5: invalid JSON: "));
    results_free(r);
}

/* read_file reads JSON Lines a chunk at a time: lines longer than a chunk,
 * a byte order mark, CRLF, no final line break, a line over the limit. */
static void test_read_file_streams_jsonl(void **state)
{
    (void)state;
    char path[] = "/tmp/parley-test-read-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "wb");
    fputs("\xEF\xBB\xBF{\"id\":\"a\",\"date\":\"2020-01-13\",\"text\":\"short\"}\r\n\n", f);
    fputs("{\"id\":\"long\",\"date\":\"2020-01-13\",\"text\":\"", f);
    for (int i = 0; i < 150000; i++) fputc('w', f);
    fputs("\"}\n{\"id\":\"over\",\"date\":\"2020-01-13\",\"text\":\"", f);
    for (int i = 0; i < 400000; i++) fputc('x', f);
    fputs("\"}\n{\"id\":\"last\",\"date\":\"2020-01-13\",\"text\":\"end\"}", f);
    fclose(f);

    results *r = calloc(1, sizeof *r);
    read_options options = { .format = READ_FORMAT_AUTO };
    read_sink sink = { .context = r, .article = keep_article, .skipped = keep_message };
    size_t delivered = 0;
    error err;
    assert_true(read_file(path, 300000, &options, &sink, &delivered, &err));
    assert_int_equal(delivered, 3);
    assert_int_equal(r->article_count, 3);
    assert_string_equal(r->articles[0].id, "a");
    assert_string_equal(r->articles[0].text, "short");
    assert_string_equal(r->articles[1].id, "long");
    assert_int_equal(r->articles[1].text_len, 150000);
    assert_string_equal(r->articles[2].id, "last");
    char origin[256];
    snprintf(origin, sizeof origin, "%s:5", path);
    assert_string_equal(r->articles[2].origin, origin);
    assert_int_equal(r->message_count, 1);
    char message[300];
    snprintf(message, sizeof message, "%s:4: line longer than the limit of 300000 bytes", path);
    assert_string_equal(r->messages[0], message);
    assert_int_equal(r->message_sequence[0], 2);
    results_free(r);

    /* other formats are read whole, within the limit */
    f = fopen(path, "wb");
    fputs(" date 2020-01-13 Title\n\nThe ministers met.\n", f);
    fclose(f);
    r = calloc(1, sizeof *r);
    sink.context = r;
    assert_true(read_file(path, 1000, &options, &sink, &delivered, &err));
    assert_int_equal(delivered, 1);
    assert_string_equal(r->articles[0].text, "The ministers met.\n");
    assert_false(read_file(path, 10, &options, &sink, &delivered, &err));
    assert_non_null(strstr(err.message, "larger than the limit of 10 bytes"));
    results_free(r);
    unlink(path);
    assert_false(read_file(path, 1000, &options, &sink, &delivered, &err));
    assert_non_null(strstr(err.message, path));
}

static void test_jsonl_one_bad_line_leaves_the_others(void **state)
{
    (void)state;
    const char *input =
        "{\"id\":\"a\",\"date\":\"2021-03-02\",\"text\":\"One.\"}\n"
        "{\"id\":\"b\",\"date\":\"2021-03-02\",\"text\":\"Tw\n"
        "{\"id\":\"c\",\"date\":\"2021-03-02\",\"text\":\"Three.\"}\n";
    results *r = read_text("x.jsonl", input, NULL);
    assert_int_equal(r->article_count, 2);
    assert_string_equal(r->articles[0].id, "a");
    assert_string_equal(r->articles[1].id, "c");
    assert_int_equal(r->articles[1].sequence, 2);
    assert_int_equal(r->message_count, 1);
    assert_int_equal(r->message_sequence[0], 1);
    assert_memory_equal(r->messages[0], "x.jsonl:2: invalid JSON: ", 25);
    results_free(r);

    /* A broken object with a trailing value, and garbage after an object. */
    r = read_text("x.jsonl", "{\"id\":\"a\"} trailing\n", NULL);
    assert_int_equal(r->article_count, 0);
    assert_memory_equal(r->messages[0], "x.jsonl:1: invalid JSON: ", 25);
    results_free(r);

    /* Forcing JSONL on something else gives one error a line, no crash. */
    r = read_with("x.txt", "plain\nwords\n", 12, READ_FORMAT_JSONL, NULL, 0);
    assert_int_equal(r->article_count, 0);
    assert_int_equal(r->message_count, 2);
    results_free(r);
}

/* ---- HTML ---- */

static const char html_page[] =
    "<!DOCTYPE html>\n"
    "<html><head><title>Rebels shell port city | Example Wire</title>\n"
    "<meta property=\"og:title\" content=\"Rebels shell port city\">\n"
    "<meta name=\"date\" content=\"2021-03-05\">\n"
    "<meta property=\"article:published_time\" content=\"2021-03-04T10:15:00+00:00\">\n"
    "<link rel=\"canonical\" href=\"https://example.org/world/port-city\">\n"
    "<script>var tracking = 'ignore me';</script><style>p { color: red }</style></head>\n"
    "<body><nav><a href=\"/\">Home</a></nav><header>Example Wire</header>\n"
    "<p>Subscribe to our newsletter.</p>\n"
    "<article><h1>Rebels shell\n port city</h1>\n"
    "<p>Rebel forces   shelled the port on Wednesday, killing <b>three</b>\n civilians,"
    " the ministry&nbsp;said &amp; added more.</p>\n"
    "<figure><img src=\"x.jpg\"><figcaption>Smoke rises.</figcaption></figure>\n"
    "<p>The government accused the rebels.<br>A rebel spokesman denied it.</p>\n"
    "<aside>Related: Earlier talks collapse</aside><form>Comment</form>"
    "<noscript>Enable scripts</noscript>\n"
    "<ul><li>First point</li><li>Second point</li></ul>"
    "<blockquote>We will respond</blockquote>"
    "</article>\n"
    "<footer>&copy; Example Wire</footer></body></html>\n";

static void test_html(void **state)
{
    (void)state;
    results *r = read_text("pages/port-city.html", html_page, NULL);
    assert_int_equal(r->message_count, 0);
    assert_int_equal(r->article_count, 1);
    kept_article *a = &r->articles[0];
    assert_string_equal(a->id, "port-city");
    assert_string_equal(a->title, "Rebels shell port city | Example Wire");
    assert_string_equal(a->url, "https://example.org/world/port-city");
    assert_string_equal(a->date, "2021-03-04");
    assert_string_equal(a->text,
                        "Rebels shell port city\n\n"
                        "Rebel forces shelled the port on Wednesday, killing three civilians,"
                        " the ministry said & added more.\n\n"
                        "The government accused the rebels.\n\n"
                        "A rebel spokesman denied it.\n\n"
                        "First point\n\nSecond point\n\nWe will respond");
    results_free(r);

    /* --date wins over the page's metadata. */
    r = read_text("p.html", html_page, "2021-01-01");
    assert_string_equal(r->articles[0].date, "2021-01-01");
    results_free(r);
}

static void test_html_body_and_metadata(void **state)
{
    (void)state;
    /* No <article>: the body, less its navigation; og:title when <title>
     * is missing; meta name="date" before <time>. */
    const char *page =
        "<html><head><meta property=\"og:title\" content=\"Ceasefire holds\">"
        "<meta name=\"DC.date\" content=\"2021-04-01\"></head>"
        "<body><nav>Menu</nav><h2>Ceasefire holds</h2><div>Calm   returned.</div>"
        "<time datetime=\"2021-04-02\">April 2</time></body></html>";
    results *r = read_text("p.html", page, NULL);
    assert_int_equal(r->article_count, 1);
    assert_string_equal(r->articles[0].title, "Ceasefire holds");
    assert_string_equal(r->articles[0].date, "2021-04-01");
    assert_null(r->articles[0].url);
    assert_string_equal(r->articles[0].text, "Ceasefire holds\n\nCalm returned.\n\nApril 2");
    results_free(r);

    /* Only <time>; the first usable one counts. */
    r = read_text("p.html", "<html><body><p>Shelling resumed.</p><time datetime=\"14:00\">x</time>"
                  "<time datetime=\"2021-04-03T14:00Z\">y</time><time datetime=\"2021-04-09\">z</time>"
                  "</body></html>", NULL);
    assert_string_equal(r->articles[0].date, "2021-04-03");
    results_free(r);

    /* A metadata date that is no date is passed over. */
    r = read_text("p.html", "<html><head><meta name=\"pubdate\" content=\"2021-02-30\">"
                  "<meta name=\"publishdate\" content=\"2021-05-06\"></head>"
                  "<body><p>Talks ended.</p></body></html>", NULL);
    assert_string_equal(r->articles[0].date, "2021-05-06");
    results_free(r);

    r = read_text("p.html", "<html><body><p>Talks ended.</p></body></html>", NULL);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "p.html: no date: give --date YYYY-MM-DD");
    results_free(r);

    r = read_text("p.html", "<html><body><nav>Only a menu</nav></body></html>", "2021-01-01");
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "p.html: empty article");
    results_free(r);

    r = read_with("p.html", "", 0, READ_FORMAT_HTML, "2021-01-01", 0);
    assert_string_equal(r->messages[0], "p.html: empty article");
    results_free(r);

    r = read_with("p.html", "<p>x</p>", 8, READ_FORMAT_HTML, "2021-31-01", 0);
    assert_string_equal(r->messages[0], "p.html: --date \"2021-31-01\" is not a date");
    results_free(r);
}

static void test_html_article_choice(void **state)
{
    (void)state;
    /* itemprop="articleBody" counts as an article; the largest outermost
     * candidate wins; teasers inside <aside> are never candidates. */
    const char *page =
        "<html><body>"
        "<aside><article><p>A much longer teaser about another story entirely, "
        "which must not be chosen even though it is long.</p></article></aside>"
        "<article><p>Short teaser.</p></article>"
        "<div itemprop=\"articleBody\"><p>The army said it repelled an attack.</p>"
        "<p>Two soldiers were wounded.</p></div>"
        "</body></html>";
    results *r = read_text("p.html", page, "2021-01-01");
    assert_string_equal(r->articles[0].text,
                        "The army said it repelled an attack.\n\nTwo soldiers were wounded.");
    results_free(r);

    r = read_text("p.html", "<html><body><p>Outside.</p><div role=\"article\"><p>Inside.</p></div>"
                  "</body></html>", "2021-01-01");
    assert_string_equal(r->articles[0].text, "Inside.");
    results_free(r);

    /* An empty <article> falls back to the body. */
    r = read_text("p.html", "<html><body><article></article><p>Body text.</p></body></html>",
                  "2021-01-01");
    assert_string_equal(r->articles[0].text, "Body text.");
    results_free(r);

    /* og:url when there is no canonical link. */
    r = read_text("p.html", "<html><head><meta property=\"og:url\" content=\"https://example.org/a\">"
                  "</head><body><p>x y</p></body></html>", "2021-01-01");
    assert_string_equal(r->articles[0].url, "https://example.org/a");
    results_free(r);
}

/* ---- TABARI ---- */

static void test_tabari(void **state)
{
    (void)state;
    const char *input =
        "210302 GEN-0001-01\n"            /* 1 */
        "The foreign ministers met in Geneva on Tuesday\n"
        "to resume border talks.\n"
        "\n"
        "\n"                              /* 5 */
        "300101 OLD-1\n"                  /* 6 */
        "Two-digit year 30 is 2030.\n"
        "\n"
        "310101 OLD-2 extra fields\n"     /* 9 */
        "Two-digit year 31 is 1931.\n"
        "\n"
        "20210303 GEN-0002-01\r\n"        /* 12 */
        "Police arrested twelve protesters.\r\n"
        "\r\n"
        "Not a header at all\n"           /* 15 */
        "Some text.\n"
        "\n"
        "210230 GEN-0003-01\n"            /* 18 */
        "February has no 30th.\n"
        "\n"
        "210304 GEN-0004-01\n";           /* 21 */
    results *r = read_text("wire.txt", input, NULL);
    assert_int_equal(r->article_count, 4);
    kept_article *a = r->articles;
    assert_string_equal(a[0].id, "GEN-0001-01");
    assert_string_equal(a[0].date, "2021-03-02");
    assert_string_equal(a[0].text, "The foreign ministers met in Geneva on Tuesday\nto resume border talks.");
    assert_string_equal(a[0].origin, "wire.txt:1");
    assert_string_equal(a[1].date, "2030-01-01");
    assert_string_equal(a[1].origin, "wire.txt:6");
    assert_string_equal(a[2].id, "OLD-2");
    assert_string_equal(a[2].date, "1931-01-01");
    assert_string_equal(a[3].id, "GEN-0002-01");
    assert_string_equal(a[3].date, "2021-03-03");
    assert_string_equal(a[3].text, "Police arrested twelve protesters.");
    assert_string_equal(a[3].origin, "wire.txt:12");
    assert_int_equal(r->message_count, 3);
    assert_string_equal(r->messages[0], "wire.txt:15: not a TABARI record: the first line must be "
                                        "\"YYMMDD ID\", not \"Not a header at all\"");
    assert_string_equal(r->messages[1], "wire.txt:18: record \"GEN-0003-01\": \"210230\" is not a date");
    assert_string_equal(r->messages[2], "wire.txt:21: empty article");
    assert_int_equal(r->message_sequence[2], 6);
    results_free(r);
}

/* ---- PETRARCH ---- */

static const char petrarch_input[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"                                   /* 1 */
    "<Sentences>\n"                                                                 /* 2 */
    "<Sentence date=\"20210302\" id=\"GEN-0001-01\" source=\"wire\" sentence=\"true\">\n" /* 3 */
    "<Text>\n  The ministers met in Geneva.\n</Text>\n"
    "<Parse>(ROOT (S (NP (NNS ministers)) (VP (VBD met))))</Parse>\n"
    "</Sentence>\n"
    "<Sentence date=\"2021-03-03\" id=\"GEN-0002-01\"><Text>Police &amp; troops "   /* 9 */
    "<![CDATA[arrested <twelve>]]> people.</Text></Sentence>\n"
    "<Sentence id=\"GEN-0003-01\"><Text>No date.</Text></Sentence>\n"               /* 10 */
    "<Sentence date=\"20210304\"><Text>No id or text element</Text></Sentence>\n"   /* 11 */
    "<Sentence date=\"20210230\" id=\"GEN-0005-01\"><Text>x</Text></Sentence>\n"    /* 12 */
    "<Sentence date=\"20210305\" id=\"GEN-0006-01\"><Parse>(ROOT)</Parse></Sentence>\n" /* 13 */
    "<Sentence date=\"March 5\" id=\"GEN-0007-01\"><Text>x</Text></Sentence>\n"     /* 14 */
    "<Sentence date=\"20210306\" id=\"GEN-0008-01\"><Text>   </Text></Sentence>\n"  /* 15 */
    "<Sentence><Text>Nothing at all.</Text></Sentence>\n"                           /* 16 */
    "</Sentences>\n";

static void test_petrarch(void **state)
{
    (void)state;
    results *r = read_text("in/sentences.xml", petrarch_input, NULL);
    assert_int_equal(r->article_count, 3);
    kept_article *a = r->articles;
    assert_string_equal(a[0].id, "GEN-0001-01");
    assert_string_equal(a[0].date, "2021-03-02");
    assert_string_equal(a[0].text, "The ministers met in Geneva.");
    assert_string_equal(a[0].origin, "in/sentences.xml:3");
    assert_string_equal(a[1].id, "GEN-0002-01");
    assert_string_equal(a[1].date, "2021-03-03");
    assert_string_equal(a[1].text, "Police & troops arrested <twelve> people.");
    assert_string_equal(a[2].id, "sentences-4");     /* no id: stem and ordinal */
    assert_string_equal(a[2].text, "No id or text element");
    const char *expected[] = {
        "in/sentences.xml:10: sentence \"GEN-0003-01\" has no date",
        "in/sentences.xml:12: sentence \"GEN-0005-01\": \"20210230\" is not a date",
        "in/sentences.xml:13: sentence \"GEN-0006-01\" has no text",
        "in/sentences.xml:14: sentence \"GEN-0007-01\": \"March 5\" is not a date",
        "in/sentences.xml:15: empty article",
        "in/sentences.xml:16: sentence has no date",
    };
    assert_int_equal(r->message_count, 6);
    for (size_t i = 0; i < 6; i++)
        assert_string_equal(r->messages[i], expected[i]);
    results_free(r);
}

static void test_petrarch_malformed(void **state)
{
    (void)state;
    const char *input =
        "<Sentences>\n"
        "<Sentence date=\"20210302\" id=\"A\"><Text>One.</Text></Sentence>\n"
        "<Sentence date=\"20210302\" id=\"B\"><Text>Two.</Txt></Sentence>\n"
        "</Sentences>\n";
    results *r = read_text("s.xml", input, NULL);
    assert_int_equal(r->article_count, 0);
    assert_int_equal(r->message_count, 1);
    const char *prefix = "s.xml:3: malformed XML: ";
    assert_memory_equal(r->messages[0], prefix, strlen(prefix));
    results_free(r);

    r = read_with("s.xml", "", 0, READ_FORMAT_PETRARCH, NULL, 0);
    assert_int_equal(r->message_count, 1);
    assert_memory_equal(r->messages[0], "s.xml:", 6);
    assert_non_null(strstr(r->messages[0], "malformed XML"));
    results_free(r);

    r = read_with("s.xml", "<Other/>", 8, READ_FORMAT_PETRARCH, NULL, 0);
    assert_string_equal(r->messages[0], "s.xml: no <Sentence> elements");
    results_free(r);
}

static void test_petrarch_entities_are_not_expanded(void **state)
{
    (void)state;
    /* A "billion laughs" document, and an external entity: neither is
     * expanded or fetched; the text keeps only its literal parts. */
    const char *input =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE Sentences [\n"
        " <!ENTITY a \"haha\">\n"
        " <!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
        " <!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">\n"
        " <!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">\n"
        " <!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">\n"
        " <!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">\n"
        " <!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">\n"
        " <!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">\n"
        " <!ENTITY x SYSTEM \"file:///etc/passwd\">\n"
        "]>\n"
        "<Sentences><Sentence date=\"20210302\" id=\"A\"><Text>Start &h; &x; end.</Text></Sentence>"
        "</Sentences>\n";
    results *r = read_text("s.xml", input, NULL);
    if (r->article_count == 1) {
        assert_string_equal(r->articles[0].text, "Start   end.");
    } else {
        /* libxml2 may refuse the document outright; that is fine too. */
        assert_int_equal(r->message_count, 1);
        assert_non_null(strstr(r->messages[0], "malformed XML"));
    }
    results_free(r);
}

/* Inputs libxml2 would choke on are refused up front, with a reason. */
static void test_markup_guards(void **state)
{
    (void)state;
    buf page;
    buf_init(&page);
    buf_puts(&page, "<html><body>\n<p");
    for (int i = 0; i < 300; i++)
        buf_printf(&page, " a%d=\"x\"", i);
    buf_puts(&page, ">Text</p></body></html>");
    results *r = read_with("p.html", page.data, page.len, READ_FORMAT_AUTO, "2021-01-01", 0);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "p.html:2: a tag with more than 256 attributes");
    results_free(r);

    buf_clear(&page);
    buf_puts(&page, "<Sentences>\n<Sentence date=\"20210101\"");
    for (int i = 0; i < 300; i++)
        buf_printf(&page, " a%d = 'x'", i);
    buf_puts(&page, "><Text>x</Text></Sentence></Sentences>");
    r = read_with("s.xml", page.data, page.len, READ_FORMAT_AUTO, NULL, 0);
    assert_string_equal(r->messages[0], "s.xml:2: a tag with more than 256 attributes");
    results_free(r);

    /* Words after a "<" in scripts, comments and CDATA are not attributes. */
    buf_clear(&page);
    buf_puts(&page, "<html><head><script>if (a<b");
    for (int i = 0; i < 300; i++)
        buf_puts(&page, " x");
    buf_puts(&page, ";</script><!-- <c");
    for (int i = 0; i < 300; i++)
        buf_puts(&page, " y");
    buf_puts(&page, " --></head><body><p>Shelling resumed.</p></body></html>");
    r = read_with("p.html", page.data, page.len, READ_FORMAT_AUTO, "2021-01-01", 0);
    assert_int_equal(r->article_count, 1);
    assert_string_equal(r->articles[0].text, "Shelling resumed.");
    results_free(r);

    /* Past libxml2's depth limit the parser stops; half a page is refused. */
    buf_clear(&page);
    buf_puts(&page, "<html><body>");
    for (int i = 0; i < 300; i++)
        buf_puts(&page, "<div>");
    buf_puts(&page, "Deep.</body></html>");
    r = read_with("p.html", page.data, page.len, READ_FORMAT_AUTO, "2021-01-01", 0);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "p.html:1: elements nested more than 256 deep");
    results_free(r);
    buf_free(&page);
}

/* ---- checks every format shares ---- */

static void test_limits(void **state)
{
    (void)state;
    results *r = read_with("a.txt", "0123456789", 10, READ_FORMAT_PLAIN, "2021-01-01", 10);
    assert_int_equal(r->article_count, 1);
    results_free(r);

    r = read_with("a.txt", "0123456789A", 11, READ_FORMAT_PLAIN, "2021-01-01", 10);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "a.txt: article text is over the limit of 10 bytes");
    results_free(r);

    const char *jsonl =
        "{\"id\":\"a\",\"date\":\"2021-01-01\",\"text\":\"short\"}\n"
        "{\"id\":\"b\",\"date\":\"2021-01-01\",\"text\":\"far too long for it\"}\n";
    r = read_with("a.jsonl", jsonl, strlen(jsonl), READ_FORMAT_AUTO, NULL, 10);
    assert_int_equal(r->article_count, 1);
    assert_string_equal(r->messages[0], "a.jsonl:2: article text is over the limit of 10 bytes");
    results_free(r);

    const char *html = "<html><body><p>Far too long for the limit.</p></body></html>";
    r = read_with("a.html", html, strlen(html), READ_FORMAT_AUTO, "2021-01-01", 10);
    assert_string_equal(r->messages[0], "a.html: article text is over the limit of 10 bytes");
    results_free(r);

    /* The default limit applies when none is given. */
    size_t big = READ_DEFAULT_MAX_ARTICLE + 1;
    char *text = malloc(big);
    memset(text, 'a', big);
    r = read_with("big.txt", text, big, READ_FORMAT_PLAIN, "2021-01-01", 0);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "big.txt: article text is over the limit of 4194304 bytes");
    results_free(r);
    r = read_with("big.txt", text, big - 1, READ_FORMAT_PLAIN, "2021-01-01", 0);
    assert_int_equal(r->article_count, 1);
    results_free(r);
    free(text);
}

static void test_nul_bytes(void **state)
{
    (void)state;
    results *r = read_with("a.bin", "Troop\0movements", 15, READ_FORMAT_AUTO, "2021-01-01", 0);
    assert_int_equal(r->article_count, 0);
    assert_string_equal(r->messages[0], "a.bin: binary data at byte 5");
    results_free(r);

    /* In a seed file the byte counts from the start of the file. */
    const char seed[] = "date 2021-01-01 T\n\nAB\0C";
    r = read_with("s.txt", seed, sizeof seed - 1, READ_FORMAT_AUTO, NULL, 0);
    assert_string_equal(r->messages[0], "s.txt: binary data at byte 21");
    results_free(r);

    const char html[] = "<html><body><p>A\0B</p></body></html>";
    r = read_with("p.html", html, sizeof html - 1, READ_FORMAT_AUTO, "2021-01-01", 0);
    assert_string_equal(r->messages[0], "p.html: binary data at byte 16");
    results_free(r);

    const char xml[] = "<Sentences><Sentence>\0</Sentence></Sentences>";
    r = read_with("s.xml", xml, sizeof xml - 1, READ_FORMAT_AUTO, NULL, 0);
    assert_string_equal(r->messages[0], "s.xml: binary data at byte 21");
    results_free(r);

    const char tabari[] = "210101 A\nOne.\n\n210101 B\nT\0wo.\n\n210101 C\nThree.\n";
    r = read_with("t.txt", tabari, sizeof tabari - 1, READ_FORMAT_AUTO, NULL, 0);
    assert_int_equal(r->article_count, 2);
    assert_string_equal(r->messages[0], "t.txt:4: binary data at byte 25");
    assert_int_equal(r->message_sequence[0], 1);
    results_free(r);
}

static void test_invalid_utf8_never_crashes(void **state)
{
    (void)state;
    const char *inputs[] = {
        "<html><body><p>Caf\xE9 \xFF\xFE talks</p></body></html>",
        "<Sentences><Sentence date=\"20210101\" id=\"x\"><Text>Caf\xE9 \xC3</Text></Sentence></Sentences>",
        "{\"id\":\"a\",\"date\":\"2021-01-01\",\"text\":\"Caf\xE9\"}\n",
        " date 2021-01-01 Caf\xE9\n\n\xF0\x28\x8C\x28 talks\n",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
        results *r = read_text("u", inputs[i], "2021-01-01");
        assert_int_equal(r->article_count + r->message_count, 1);
        results_free(r);
    }
}

static void test_null_callbacks(void **state)
{
    (void)state;
    read_sink sink = { 0 };
    read_options options = { .default_date = "2021-01-01" };
    assert_int_equal(read_buffer("a.jsonl", jsonl_input, strlen(jsonl_input), &options, &sink), 4);
    assert_int_equal(read_buffer("a.txt", "x", 1, NULL, NULL), 0);   /* no date: skipped */
    options.format = (read_format)42;
    results r = { 0 };
    read_sink keep = { .context = &r, .skipped = keep_message };
    assert_int_equal(read_buffer("a.txt", "x", 1, &options, &keep), 0);
    assert_int_equal(r.message_count, 1);
    assert_string_equal(r.messages[0], "a.txt: unknown input format 42");
    free(r.messages[0]);
}

/* Readers share nothing: several threads read markup at once. */
static void *read_in_thread(void *unused)
{
    (void)unused;
    size_t total = 0;
    for (int i = 0; i < 50; i++) {
        read_options options = { 0 };
        read_sink sink = { 0 };
        total += read_buffer("p.html", html_page, strlen(html_page), &options, &sink);
        total += read_buffer("s.xml", petrarch_input, strlen(petrarch_input), &options, &sink);
        total += read_buffer("a.jsonl", jsonl_input, strlen(jsonl_input), &options, &sink);
    }
    return (void *)(uintptr_t)total;
}

static void test_threads(void **state)
{
    (void)state;
    pthread_t threads[4];
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_create(&threads[i], NULL, read_in_thread, NULL), 0);
    for (int i = 0; i < 4; i++) {
        void *total;
        assert_int_equal(pthread_join(threads[i], &total), 0);
        assert_int_equal((uintptr_t)total, 50 * (1 + 3 + 4));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_format_names),
        cmocka_unit_test(test_detect),
        cmocka_unit_test(test_seed),
        cmocka_unit_test(test_seed_variants),
        cmocka_unit_test(test_plain),
        cmocka_unit_test(test_jsonl),
        cmocka_unit_test(test_jsonl_one_bad_line_leaves_the_others),
        cmocka_unit_test(test_jsonl_escapes_and_fallbacks),
        cmocka_unit_test(test_read_file_streams_jsonl),
        cmocka_unit_test(test_html),
        cmocka_unit_test(test_html_body_and_metadata),
        cmocka_unit_test(test_html_article_choice),
        cmocka_unit_test(test_tabari),
        cmocka_unit_test(test_petrarch),
        cmocka_unit_test(test_petrarch_malformed),
        cmocka_unit_test(test_petrarch_entities_are_not_expanded),
        cmocka_unit_test(test_markup_guards),
        cmocka_unit_test(test_limits),
        cmocka_unit_test(test_nul_bytes),
        cmocka_unit_test(test_invalid_utf8_never_crashes),
        cmocka_unit_test(test_null_callbacks),
        cmocka_unit_test(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
