/* code/date: date expressions in a sentence, resolved against the
 * publication date ("on Jan. 6", "last April", "on Sunday", "yesterday"). */
#ifndef PARLEY_CODE_DATE_H
#define PARLEY_CODE_DATE_H

#include "../util/util.h"

typedef struct date_expression {
    uint32_t first, last;      /* token indexes (inclusive) of the expression */
    int32_t  days;             /* resolved date, days since 1970-01-01 (first day of a month/year) */
    int      precision;        /* CODE_DATE_DAY / MONTH / YEAR */
} date_expression;

/* Finds date expressions among folded tokens [first, first+count) and
 * resolves them against publication (days).  Returns how many were written
 * (at most max).  future_tense tells weekday resolution to look forward. */
size_t date_find(const char *const *tokens, size_t first, size_t count, int32_t publication,
                 date_expression *out, size_t max);

#endif
