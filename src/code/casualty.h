/* code/casualty: counts of the killed, wounded, displaced, arrested,
 * abducted and missing in a sentence ("more than 280 civilians and about
 * 2,000 fighters have been killed", "killing at least 50", "146,000 Libyans
 * displaced", "arrested more than 200 demonstrators", "the death toll rose
 * to 30"). */
#ifndef PARLEY_CODE_CASUALTY_H
#define PARLEY_CODE_CASUALTY_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

enum { CASUALTY_KILLED = 0, CASUALTY_WOUNDED, CASUALTY_DISPLACED, CASUALTY_ARRESTED, CASUALTY_ABDUCTED,
       CASUALTY_MISSING, CASUALTY_KINDS };

typedef struct casualty {
    int      kind;          /* CASUALTY_* */
    int64_t  count;         /* vague plurals give their lower bound: "dozens" 24, "hundreds" 200 */
    uint32_t anchor;        /* token of the casualty word ("killed", "killing") */
    uint32_t first, last;   /* tokens of the whole expression */
    const char *qualifier;  /* "at least", "about", "more than" ... (static), NULL when plain */
    bool     of_noun;       /* "the abduction of 276 schoolgirls": a count of the deed that noun names only */
    bool     toll;          /* "put the death toll at 100": the whole count of a deed told before, not a part */
} casualty;

/* A number written in digits or words at token i ("2000", "1.5 million",
 * "two dozen", "hundreds"); *used is how many tokens it took. -1 if none. */
int64_t casualty_number(const char *const *words, size_t n, size_t i, size_t *used);

/* The casualty word's kind, or -1: "killed", "dead", "wounded", "injured",
 * "displaced", "arrested", "detained", "abducted", "kidnapped", "missing". */
int casualty_kind(const char *word);

/* The casualty words ("killed", "wounded", ...), NULL-terminated: a count is
 * read only in a sentence that has one. */
const char *const *casualty_words(void);

/* The qualifier of the sum of two counts qualified a and b (either NULL):
 * the one they share, a lower bound kept ("at least 3 and 5"), else "about". */
const char *casualty_joined_qualifier(const char *a, const char *b);

size_t casualty_find(const char *const *words, size_t n, casualty *out, size_t max);

#endif
