/* Fuzz target: arbitrary bytes as an article, coded with the real
 * dictionaries.  The coder must never crash, hang or read out of bounds,
 * and every event's offsets must lie inside the text. */
#include "../../src/lex/lex.h"
#include "../../src/code/code.h"
#include "../../src/text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PARLEY_DICT_DIR
#define PARLEY_DICT_DIR "dict"
#endif

static lex_dict *dict;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    const char *folders[] = { PARLEY_DICT_DIR };
    error err;
    dict = lex_load(folders, 1, &err);
    if (!dict) { fprintf(stderr, "%s\n", err.message); abort(); }
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *bytes, size_t size)
{
    size_t bad, len = size, replaced = 0;
    char *text;
    if (text_utf8_valid((const char *)bytes, size, &bad)) {
        text = malloc(size + 1);
        memcpy(text, bytes, size);
        text[size] = 0;
    } else {
        text = text_utf8_repair((const char *)bytes, size, &len, &replaced);
    }
    arena a;
    arena_init(&a);
    code_options options = { true, true, true };
    code_result r;
    code_article(&a, dict, &options, text, len, 18274 /* 2020-01-13 */, &r);
    for (size_t i = 0; i < r.count; i++) {
        const code_event *e = &r.events[i];
        if (e->start > e->end || e->end > len || !e->cameo || !e->rule) abort();
    }
    arena_free(&a);
    free(text);
    return 0;
}
