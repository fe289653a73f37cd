/* Fuzz target for src/read: arbitrary bytes through read_buffer in every
 * format, AUTO included.  The first byte picks a small article limit now
 * and then, so the limit paths get exercised too.  Checks what the
 * contract promises: the count returned matches the articles delivered,
 * sequences are 0, 1, 2, ... without gaps, every article has an id, a real
 * date and non-empty NUL-free text no longer than the limit. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/read/read.h"

typedef struct tally {
    size_t articles, next_sequence, limit;
} tally;

static void check_article(void *context, const read_article *a)
{
    tally *t = context;
    int32_t days;
    if (a->sequence != t->next_sequence++ || !a->id || !a->date || !a->text || !a->origin ||
        !date_parse_iso(a->date, strlen(a->date), &days) || a->text_len == 0 ||
        a->text_len > t->limit || memchr(a->text, '\0', a->text_len) || a->text[a->text_len] != '\0')
        abort();
    t->articles++;
}

static void check_skipped(void *context, size_t sequence, const char *message)
{
    tally *t = context;
    if (sequence != t->next_sequence++ || !message || !message[0])
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t limit = size > 0 && data[0] < 16 ? (size_t)data[0] * 8 + 1 : READ_DEFAULT_MAX_ARTICLE;
    static const read_format formats[] = {
        READ_FORMAT_AUTO, READ_FORMAT_SEED, READ_FORMAT_PLAIN, READ_FORMAT_JSONL,
        READ_FORMAT_HTML, READ_FORMAT_TABARI, READ_FORMAT_PETRARCH,
    };
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        /* Odd formats with a --date, even ones without, so both paths run. */
        read_options options = {
            .format = formats[i],
            .default_date = i % 2 ? "2020-01-13" : NULL,
            .max_article_bytes = limit,
        };
        tally t = { .limit = limit };
        read_sink sink = { .context = &t, .article = check_article, .skipped = check_skipped };
        size_t delivered = read_buffer("fuzz/input.txt", (const char *)data, size, &options, &sink);
        if (delivered != t.articles)
            abort();
    }
    return 0;
}
