/* Fuzz target of the text stage: arbitrary bytes through UTF-8 validation
 * and repair, then (valid UTF-8 only) through text_analyze and
 * text_fold_phrase, checking the invariants every analysis must hold. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../src/text/text.h"

#define CHECK(condition) do { if (!(condition)) abort(); } while (0)

static void check_doc(const text_doc *d)
{
    uint32_t previous_end = 0;
    for (size_t i = 0; i < d->token_count; i++) {
        const text_token *t = &d->tokens[i];
        CHECK(t->start < t->end && t->end <= d->text_len && t->start >= previous_end);
        previous_end = t->end;
        CHECK(t->fold + t->fold_len < d->folded_len);
        CHECK(strlen(text_token_fold(d, i)) == t->fold_len);
        CHECK(memchr(text_token_fold(d, i), ' ', t->fold_len) == NULL);
    }
    size_t next = 0;
    for (size_t s = 0; s < d->sentence_count; s++) {
        const text_sentence *sentence = &d->sentences[s];
        CHECK(sentence->first_token == next && sentence->token_count > 0);
        next += sentence->token_count;
        CHECK(sentence->start == d->tokens[sentence->first_token].start);
        CHECK(sentence->end == d->tokens[next - 1].end);
        CHECK(d->tokens[sentence->first_token].flags & TEXT_SENTENCE_START);
    }
    CHECK(next == d->token_count);
}

static void analyze(const char *text, size_t n)
{
    arena a;
    arena_init(&a);
    text_doc d;
    text_analyze(&a, text, n, NULL, &d);
    check_doc(&d);
    char *phrase = text_fold_phrase(&a, text, n);
    CHECK(phrase != NULL);
    arena_free(&a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *bytes = (const char *)data;
    size_t bad = 0;
    bool valid = text_utf8_valid(bytes, size, &bad);
    CHECK(valid || bad < size);

    size_t repaired_len = 0, replaced = 0;
    char *repaired = text_utf8_repair(bytes, size, &repaired_len, &replaced);
    CHECK(repaired != NULL);
    CHECK(text_utf8_valid(repaired, repaired_len, NULL));
    CHECK(valid == (replaced == 0));
    if (valid) CHECK(repaired_len == size && memcmp(repaired, bytes, size) == 0);
    /* the valid prefix survives repair unchanged */
    if (!valid) CHECK(memcmp(repaired, bytes, bad) == 0);

    if (valid) analyze(bytes, size);
    else analyze(repaired, repaired_len);
    free(repaired);
    return 0;
}
