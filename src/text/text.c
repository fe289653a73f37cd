/* text: the stage's two entry points, text_analyze (tokens and sentences of
 * an article) and text_fold_phrase (a dictionary phrase folded the same way,
 * so that entries and text always agree). */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

void text_analyze(arena *a, const char *text, size_t n,
                  const text_abbreviations *abbreviations, text_doc *out)
{
    memset(out, 0, sizeof *out);
    out->text = text;
    out->text_len = n;
    text_tokens tokens;
    text_tokenize(a, text ? text : "", text ? n : 0, &tokens);
    out->folded = tokens.folded;
    out->folded_len = tokens.folded_len;
    out->tokens = tokens.tokens;
    out->token_count = tokens.count;
    if (!text) out->text = "", out->text_len = 0;
    text_split_sentences(a, out, abbreviations);
}

char *text_fold_phrase(arena *a, const char *s, size_t n)
{
    /* The tokens are scratch, given back once the phrase is joined: a
     * dictionary's arena keeps the phrase only (tokenizing reserves room
     * for many tokens and their folds). */
    arena_mark mark = arena_mark_of(a);
    text_tokens tokens;
    text_tokenize(a, s ? s : "", s ? n : 0, &tokens);
    size_t length = 0;
    for (size_t i = 0; i < tokens.count; i++) length += tokens.tokens[i].fold_len + 1;
    char small[256];
    char *joined = length + 1 <= sizeof small ? small : malloc(length + 1);
    if (!joined) abort();
    size_t o = 0;
    for (size_t i = 0; i < tokens.count; i++) {
        if (i > 0) joined[o++] = ' ';
        memcpy(joined + o, tokens.folded + tokens.tokens[i].fold, tokens.tokens[i].fold_len);
        o += tokens.tokens[i].fold_len;
    }
    joined[o] = '\0';
    arena_rewind(a, mark);
    char *phrase = arena_alloc_raw(a, o + 1);
    memcpy(phrase, joined, o + 1);
    if (joined != small) free(joined);
    return phrase;
}
