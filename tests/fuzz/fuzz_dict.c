/* Fuzz target: arbitrary bytes as a dictionary file.  Loading must never
 * crash; every problem must become a diagnostic. */
#include "../../src/lex/lex.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PARLEY_DICT_DIR
#define PARLEY_DICT_DIR "dict"
#endif

static char folder[64];

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc; (void)argv;
    /* a folder with only the CAMEO table, so each input loads fast */
    snprintf(folder, sizeof folder, "/tmp/parley-fuzz-dict-XXXXXX");
    if (!mkdtemp(folder)) abort();
    char *data; size_t len; error err;
    if (!file_read_all(PARLEY_DICT_DIR "/cameo.tsv", 1u << 20, &data, &len, &err)) { fprintf(stderr, "%s\n", err.message); abort(); }
    char path[128];
    snprintf(path, sizeof path, "%s/cameo.tsv", folder);
    FILE *f = fopen(path, "wb");
    if (!f) abort();
    fwrite(data, 1, len, f);
    fclose(f);
    free(data);
    return 0;
}

int LLVMFuzzerTestOneInput(const unsigned char *bytes, size_t size)
{
    const char *folders[] = { folder };
    lex_source src = { "fuzz.txt", (const char *)bytes, size };
    error err;
    lex_dict *d = lex_load_ex(folders, 1, &src, 1, &err);
    if (!d) return 0;
    /* exercise lookups on whatever was loaded */
    for (size_t i = 0; i < lex_entry_count(d) && i < 16; i++) {
        lex_match m;
        lex_lookup(d, lex_entry_at(d, i)->folded, &m);
        char code[16];
        lex_actor_code(lex_entry_at(d, i), 18000, code);
    }
    lex_free(d);
    return 0;
}
