/* code/date: date expressions in a sentence, resolved against the
 * publication date ("on Jan. 6", "last April", "on Sunday", "yesterday",
 * "two weeks ago", "from March 3 to 5", "since 2014"). */
#ifndef PARLEY_CODE_DATE_H
#define PARLEY_CODE_DATE_H

#include "../util/util.h"

/* Days count from 1970-01-01; at month or year precision a date is the first
 * day of its month or year. */
typedef struct date_expression {
    uint32_t first, last;      /* token indexes (inclusive) of the expression */
    int32_t  days;             /* resolved date (a range's start) */
    int      precision;        /* CODE_DATE_DAY / MONTH / YEAR */
    bool     is_range;         /* "from March 3 to 5", "since last April", "over the past week" */
    int32_t  until;            /* a range's end ("since": the publication date); else days */
    int      until_precision;  /* its precision; else precision */
    bool     future;           /* it starts after the publication: "next week", "will meet on Sunday" */
    bool     opens_clause;     /* "a day after rebels attacked": it dates the clause its last word opens */
    bool     modifier;         /* "last year's election": it describes the noun after it, not its clause */
    bool     from_told_time;   /* "two days later", "the next day": counted from a time told before, it dates
                                * the one deed it follows, not others of its clause */
} date_expression;

/* Finds the date expressions whose head word (a month, weekday, year, unit
 * such as "week", or "yesterday") lies among words[first, first+count) of a
 * sentence of word_count folded words, and resolves them against publication
 * (days).  The words around that range are read too: modifiers before the
 * head ("last April", "since", "the past three"), what completes it after
 * ("6, 2020", "ago", "to March 5") and the tense of its clause ("will meet on
 * Sunday" looks forward).  Returns how many were written (at most max), in
 * sentence order. */
size_t date_find(const char *const *words, size_t word_count, size_t first, size_t count,
                 int32_t publication, date_expression *out, size_t max);

/* The same, in a text that named told_day before the sentence (NULL: no
 * day): "two days later", "a day earlier", "the next day" with no day of
 * their own sentence to count from count from it.  heads[i], when not
 * NULL, says whether words[i] may start a date expression (a number or a
 * word of date_head_words), as a caller that classes its words knows
 * already; NULL: worked out here. */
size_t date_find_told(const char *const *words, size_t word_count, size_t first, size_t count, int32_t publication,
                      const int32_t *told_day, const bool *heads, date_expression *out, size_t max);

/* The words besides numbers that may start a date expression (months,
 * weekdays, day words, units of time), NULL-terminated. */
extern const char *const date_head_words[];

/* Whether a folded word names a month or a weekday ("march", "sept", "sunday"). */
bool date_is_month_or_weekday(const char *word);

#endif
