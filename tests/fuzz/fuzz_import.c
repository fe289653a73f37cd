/* Fuzz target: arbitrary bytes as a TABARI or PETRARCH actor dictionary.
 * Converting must never crash, and whatever it writes must load as our
 * dictionary without a single error (lex/import.h promises it). */
#include "../../src/lex/import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef PARLEY_DICT_DIR
#define PARLEY_DICT_DIR "dict"
#endif

static char *cameo;
static size_t cameo_len;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    error err;
    if (!file_read_all(PARLEY_DICT_DIR "/cameo.tsv", 1u << 20, &cameo, &cameo_len, &err)) {
        fprintf(stderr, "%s\n", err.message);
        abort();
    }
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *bytes, size_t size)
{
    /* the length picks the format and the kind, so every input tries each over a corpus */
    static const lex_kind kinds[] = { LEX_PERSON, LEX_GROUP, LEX_ORGANIZATION, LEX_COUNTRY };
    lex_import_format format = size % 2 ? LEX_IMPORT_PETRARCH : LEX_IMPORT_TABARI;
    lex_import_result r;
    lex_import((const char *)bytes, size, format, kinds[(size / 2) % 4], "fuzz.txt", &r);
    for (size_t i = 0; i < r.problem_count; i++)
        if (!r.problems[i].message || !r.problems[i].line) abort();

    lex_source src[2] = { { "cameo.tsv", cameo, cameo_len }, { "imported.txt", r.text.data, r.text.len } };
    error err;
    lex_dict *d = lex_load_ex(NULL, 0, src, 2, &err);
    if (!d) { fprintf(stderr, "converted dictionary does not load: %s\n", err.message); abort(); }
    for (size_t i = 0; i < lex_diagnostic_count(d); i++) {
        const lex_diagnostic *g = lex_diagnostic_at(d, i);
        if (g->is_error) {
            fprintf(stderr, "converted dictionary has an error: %s\n--- output:\n%s", g->message, r.text.data);
            abort();
        }
    }
    lex_free(d);
    lex_import_result_free(&r);
    return 0;
}
