/* code/date: finds date expressions among a sentence's folded words and
 * resolves them against the publication date.
 *
 * The one idea: every expression has a head word (a month, a weekday, a
 * year, a unit such as "week", or "yesterday") and is read outward from it:
 * the modifiers before it ("since late last", "the past three") and what
 * completes it after ("6, 2020", "ago", "to March 5").  A month or weekday
 * without a year is resolved in the direction of its clause's tense: news
 * reports the past, so by default its latest occurrence on or before the
 * publication date (with a week of slack, so "on Jan. 20" in a Jan. 13 story
 * stays in the same year), and the next one when the clause speaks of the
 * future ("will meet on Sunday", "due to begin on March 10").  A bare number
 * is a year only where English puts a year ("in 2012", "since 2014", "March
 * 2019"), so counts, distances, times and resolution numbers never become
 * dates.
 *
 * Precision follows the words: weekdays and day numbers give the day;
 * "last week", "last month" and "in June" the month; "last year", "in 2012"
 * and vague background ("in recent years") the year. */
#include "date.h"
#include "code.h"

#include <assert.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct scanner {
    const char *const *words;
    size_t  count;
    size_t  floor;          /* modifiers are read back to here, never into the previous expression */
    int32_t publication;
    int32_t reference;      /* what a date without a year is seen from: the publication, or a range's start */
    bool    range_end;      /* reading the end of "from March 3 to May 5": no context needed, look forward */
    const int32_t *told_day; /* the last day the text named before the sentence, or NULL */
} scanner;

typedef enum { LOOK_BACK, LOOK_FORWARD } direction;

enum { FOUND_NONE, FOUND_NEW, FOUND_EXTENDED };

static const char *const month_names[12][3] = {
    { "january", "jan", NULL }, { "february", "feb", NULL }, { "march", "mar", NULL },
    { "april", "apr", NULL }, { "may", NULL, NULL }, { "june", "jun", NULL },
    { "july", "jul", NULL }, { "august", "aug", NULL }, { "september", "sep", "sept" },
    { "october", "oct", NULL }, { "november", "nov", NULL }, { "december", "dec", NULL },
};

/* Monday first; 1970-01-01 was a Thursday (index 3). */
static const char *const weekday_names[7] = { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" };

/* ---- words ---- */

static const char *word(const scanner *sc, size_t i) { return i < sc->count ? sc->words[i] : ""; }

/* The first byte settles almost every comparison: test it before strcmp. */
static bool is(const scanner *sc, size_t i, const char *w)
{
    return i < sc->count && str_same(sc->words[i], w);
}

static bool is_one_of(const scanner *sc, size_t i, const char *const *list)
{
    if (i >= sc->count) return false;
    const char *w = sc->words[i];
    for (; *list; list++)
        if (str_same(w, *list)) return true;
    return false;
}

/* The str_start_bit of a word, and of all words of a list. */
static uint64_t letter_bit(const char *w) { return str_start_bit(w); }
static uint64_t first_letters(const char *const *list)
{
    uint64_t letters = 0;
    for (; *list; list++) letters |= letter_bit(*list);
    return letters;
}

/* Whether the word before i may still belong to the expression read at i. */
static bool has_before(const scanner *sc, size_t i) { return i > sc->floor && i - 1 < sc->count; }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The end of the sentence or a punctuation mark: where a clause can stop. */
static bool clause_break(const scanner *sc, size_t i)
{
    const char *w = word(sc, i);
    return w[0] == 0 || (w[1] == 0 && !is_digit(w[0]) && !(w[0] >= 'a' && w[0] <= 'z'));
}

static int month_of(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || n > 9) return 0;
    /* every name of a month begins with its first three letters: only the
     * month whose three letters w begins with can be its name */
    static const char starts[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    for (int m = 0; m < 12; m++) {
        if (w[0] != starts[3 * m] || w[1] != starts[3 * m + 1] || w[2] != starts[3 * m + 2]) continue;
        for (int k = 0; k < 3 && month_names[m][k]; k++)
            if (str_same(w, month_names[m][k])) return m + 1;
        return 0;
    }
    return 0;
}

static int weekday_of(const char *w)
{
    if (strlen(w) < 6 || !strchr("mtwfs", w[0])) return -1;
    for (int k = 0; k < 7; k++)
        if (str_same(w, weekday_names[k])) return k;
    return -1;
}

/* A number of one or two digits: "6"; with an ordinal suffix when ordinal
 * is allowed ("6th", "21st", "2nd", "3rd").  Returns -1 otherwise. */
static int small_number(const char *w, bool ordinal, const char **rest)
{
    size_t digits = strspn(w, "0123456789");
    if (digits == 0 || digits > 2) return -1;
    const char *tail = w + digits;
    if (ordinal && (strncmp(tail, "th", 2) == 0 || strncmp(tail, "st", 2) == 0 || strncmp(tail, "nd", 2) == 0 ||
                    strncmp(tail, "rd", 2) == 0))
        tail += 2;
    if (rest) *rest = tail;
    else if (*tail) return -1;
    return atoi(w);
}

/* A day of the month at word i: "6", "6th", or "3-5" (until gets 5, else the
 * day itself).  A time ("10 a.m.", "10 pm") is not a day. */
static bool day_at(const scanner *sc, size_t i, int *day, int *until)
{
    const char *rest;
    int d = small_number(word(sc, i), true, &rest);
    if (d < 1 || d > 31) return false;
    int u = d;
    if (*rest == '-') {
        const char *end;
        u = small_number(rest + 1, true, &end);
        if (u <= d || u > 31 || *end) return false;
    } else if (*rest) {
        return false;
    }
    static const char *const clock[] = { "a.m", "a.m.", "p.m", "p.m.", "am", "pm", "gmt", "utc", "hours", "hrs", NULL };
    if (is_one_of(sc, i + 1, clock)) return false;
    *day = d;
    *until = u;
    return true;
}

/* "6th", "21st": a day written as an ordinal */
static bool is_ordinal(const char *w)
{
    size_t n = strlen(w);
    return n > 2 && is_digit(w[0]) && !is_digit(w[n - 1]);
}

/* A year as written in news: four digits, 1900 to 2100. */
static int year_of(const char *w)
{
    if (strlen(w) != 4 || strspn(w, "0123456789") != 4) return 0;
    int y = atoi(w);
    return y >= 1900 && y <= 2100 ? y : 0;
}

/* The year completing a month or a day at word k ("Jan. 6, 2020", "March
 * 2019").  After a comma a number is a year only if the clause goes on as
 * after a date: "On Jan. 6, 2,000 people marched" counts people. */
static bool year_completes(const scanner *sc, size_t k, bool after_comma, int *year)
{
    int y = year_of(word(sc, k));
    if (!y) return false;
    static const char *const goes_on[] = { "and", "or", "but", "when", "while", "as", "in", "at", "on", "to", "until",
                                           "after", "before", "the", "that", "which", NULL };
    if (after_comma && !clause_break(sc, k + 1) && !is_one_of(sc, k + 1, goes_on)) return false;
    *year = y;
    return true;
}

/* How many units a count word gives: "a", "two", "24"; "few" and
 * "several" count as three and are vague. */
static int count_of(const char *w, bool *vague)
{
    static const char *const numbers[] = { "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
                                           "ten", "eleven", "twelve", NULL };
    *vague = false;
    if (is_digit(w[0])) {
        size_t digits = strspn(w, "0123456789");
        if (digits > 3 || w[digits]) return 0;
        return atoi(w);
    }
    if (str_same(w, "a") || str_same(w, "an")) return 1;
    for (int k = 0; numbers[k]; k++)
        if (str_same(w, numbers[k])) return k + 1;
    if (str_same(w, "fifteen")) return 15;
    if (str_same(w, "twenty")) return 20;
    if (str_same(w, "thirty")) return 30;
    if (str_same(w, "few") || str_same(w, "several")) { *vague = true; return 3; }
    return 0;
}

enum unit { UNIT_NONE, UNIT_MINUTE, UNIT_HOUR, UNIT_DAY, UNIT_NIGHT, UNIT_PART_OF_DAY, UNIT_WEEK, UNIT_WEEKEND, UNIT_MONTH,
            UNIT_YEAR, UNIT_DECADE };

static int unit_of(const char *w, bool *plural)
{
    static const struct { const char *singular, *plural; int unit; } units[] = {
        { "minute", "minutes", UNIT_MINUTE }, { "hour", "hours", UNIT_HOUR }, { "day", "days", UNIT_DAY }, { "night", "nights", UNIT_NIGHT },
        { "morning", "mornings", UNIT_PART_OF_DAY }, { "afternoon", "afternoons", UNIT_PART_OF_DAY },
        { "evening", "evenings", UNIT_PART_OF_DAY }, { "week", "weeks", UNIT_WEEK },
        { "weekend", "weekends", UNIT_WEEKEND }, { "month", "months", UNIT_MONTH }, { "year", "years", UNIT_YEAR },
        { "decade", "decades", UNIT_DECADE },
    };
    for (size_t k = 0; k < sizeof units / sizeof units[0]; k++) {
        if (str_same(w, units[k].singular)) { *plural = false; return units[k].unit; }
        if (str_same(w, units[k].plural)) { *plural = true; return units[k].unit; }
    }
    return UNIT_NONE;
}

/* The precision a unit supports: a count of days names a day, of weeks or
 * months a month, of years a year; a vague count ("a few days ago") one
 * step less. */
static int unit_precision(int unit, bool vague)
{
    int p = unit == UNIT_YEAR || unit == UNIT_DECADE                       ? CODE_DATE_YEAR
            : unit == UNIT_WEEK || unit == UNIT_WEEKEND || unit == UNIT_MONTH ? CODE_DATE_MONTH
                                                                              : CODE_DATE_DAY;
    return vague && p < CODE_DATE_YEAR ? p + 1 : p;
}

/* ---- calendar ---- */

static int floor_div(int a, int b) { return a / b - (a % b != 0 && (a < 0) != (b < 0)); }

/* The first day of a month given as a year and a month that may run past
 * either end of the year (month 0 is the December before). */
static int32_t month_start(int year, int month)
{
    int index = year * 12 + (month - 1);
    int y = floor_div(index, 12);
    return date_to_days(y, index - y * 12 + 1, 1);
}

bool date_is_month_or_weekday(const char *word) { return month_of(word) > 0 || weekday_of(word) >= 0; }

static int weekday_of_days(int32_t days) { return (int)(((days + 3) % 7 + 7) % 7); }

/* days moved by n units (calendar months and years keep the day, clamped
 * to the month's length). */
static int32_t shift(int32_t days, int unit, int n)
{
    int y, m, d;
    date_from_days(days, &y, &m, &d);
    switch (unit) {
    case UNIT_MINUTE: return days;
    case UNIT_HOUR: return days + (n >= 0 ? (n + 12) / 24 : -((12 - n) / 24));
    case UNIT_WEEK: case UNIT_WEEKEND: return days + 7 * n;
    case UNIT_MONTH: {
        int32_t first = month_start(y, m + n);
        int fy, fm, fd;
        date_from_days(first, &fy, &fm, &fd);
        int length = date_days_in_month(fy, fm);
        return first + (d < length ? d : length) - 1;
    }
    case UNIT_YEAR: case UNIT_DECADE: {
        int ny = y + (unit == UNIT_DECADE ? 10 * n : n);
        int length = date_days_in_month(ny, m);
        return date_to_days(ny, m, d < length ? d : length);
    }
    default: return days + n;
    }
}

/* The first day of the day, month or year that days falls in. */
static int32_t start_of(int32_t days, int precision)
{
    int y, m, d;
    date_from_days(days, &y, &m, &d);
    return precision == CODE_DATE_DAY ? days : date_to_days(y, precision == CODE_DATE_MONTH ? m : 1, 1);
}

/* Sets the date at its precision; whether it lies after the publication is
 * judged by the day itself ("next week" is ahead even when its month is
 * the publication's). */
static void set_date(const scanner *sc, date_expression *e, int32_t days, int precision)
{
    e->days = start_of(days, precision);
    e->precision = precision;
    e->future = days > sc->publication;
}

static void set_until(date_expression *e, int32_t days, int precision)
{
    e->is_range = true;
    e->until = start_of(days, precision);
    e->until_precision = precision;
}

/* The year of a month and day without one, seen from reference: looking
 * back, the latest occurrence no more than a week after it; looking
 * forward, the first on or after it. */
static int year_for_day(int32_t reference, int month, int day, direction look)
{
    int y, m, d;
    date_from_days(reference, &y, &m, &d);
    int32_t this_year = date_to_days(y, month, day);
    if (look == LOOK_BACK) return this_year > reference + 7 ? y - 1 : y;
    return this_year < reference ? y + 1 : y;
}

/* The year of a month without one: the latest such month up to the
 * reference's month (before it when strictly: "last April" said in April is
 * a year ago), or the first from it on when looking forward. */
static int year_for_month(int32_t reference, int month, direction look, bool strictly)
{
    int y, m, d;
    date_from_days(reference, &y, &m, &d);
    if (look == LOOK_BACK) return month < m || (month == m && !strictly) ? y : y - 1;
    return month > m || (month == m && !strictly) ? y : y + 1;
}

static int32_t weekday_date(int32_t reference, int weekday, direction look, bool strictly)
{
    int today = weekday_of_days(reference);
    if (look == LOOK_BACK) {
        int back = (today - weekday + 7) % 7;
        return reference - (back == 0 && strictly ? 7 : back);
    }
    int ahead = (weekday - today + 7) % 7;
    return reference + (ahead == 0 && strictly ? 7 : ahead);
}

/* ---- context ---- */

/* the words future_clause looks for */
static const char *const future_markers[] = { "will", "'ll", "shall", "wo", "due", "expected", "scheduled", "slated",
                                              "upcoming", "postponed", "rescheduled", "adjourned", "poised", NULL };
static const char *const future_before_to[] = { "set", "plan", "plans", "planned", "planning", "intend", "intends",
                                                "going", "about", "is", "are", NULL };
static const char *const future_stops[] = { "said", "says", "told", "after", "when", "because", "while", "although",
                                            "though", "but", "ago", NULL };
static const char *const future_intents[] = { "agreed", "agree", "agrees", "vowed", "vow", "vows", "pledged", "pledge",
                                              "pledges", "promised", "promise", "promises", "decided", "hope", "hopes",
                                              "hoped", "aim", "aims", "want", "wants", "offered", "offers", NULL };

/* the first two letters of each list's words as bits: most words are in
 * no list, and are passed over by one test (worked out once per process,
 * not per clause) */
static struct { uint64_t stops, markers, before_to, intents; } future_letters;
/* and their first three letters: a word of three letters or more whose
 * prefix is not among them is in no list; the few list words that do not
 * begin with three lowercase letters ("is", "wo", "'ll") are listed apart */
static prefix_set future_prefixes;
static const char *future_short[8];
static pthread_once_t future_letters_once = PTHREAD_ONCE_INIT;

static void build_future_letters(void)
{
    future_letters.stops = first_letters(future_stops);
    future_letters.markers = first_letters(future_markers);
    future_letters.before_to = first_letters(future_before_to);
    future_letters.intents = first_letters(future_intents);
    static const char *const would[] = { "would", NULL };
    const char *const *const lists[] = { future_stops, future_markers, future_before_to, future_intents, would };
    size_t shorts = 0;
    for (size_t k = 0; k < sizeof lists / sizeof *lists; k++) {
        prefix_set_add(&future_prefixes, lists[k]);
        for (const char *const *w = lists[k]; *w; w++)
            if (prefix_index(*w) < 0) {
                assert(shorts + 1 < sizeof future_short / sizeof *future_short);   /* room for the NULL after */
                future_short[shorts++] = *w;
            }
    }
}

/* Whether the clause before word i speaks of the future: "will meet on",
 * "talks are due to begin on", "is expected to arrive on".  Read back to
 * the clause's start (punctuation, a reporting verb, a subordinator), so
 * "said on Sunday" after "... will retaliate," stays in the past. */
static bool future_clause(const scanner *sc, size_t i)
{
    pthread_once(&future_letters_once, build_future_letters);
    uint64_t stop_letters = future_letters.stops, marker_letters = future_letters.markers,
             before_to_letters = future_letters.before_to, intent_letters = future_letters.intents;
    static const char *const articles[] = { "a", "an", "the", "its", "their", "his", "her", "this", "that", NULL };
    uint64_t any = stop_letters | marker_letters | before_to_letters | intent_letters | letter_bit("would");
    for (size_t steps = 0; i > 0 && steps < 12; steps++) {
        i--;
        if (!str_same(word(sc, i), ".") && clause_break(sc, i)) return false;
        if (i < sc->count) {
            int index = prefix_index(sc->words[i]);
            if (index >= 0 ? !prefix_set_has(&future_prefixes, index) : !is_one_of(sc, i, future_short)) continue;
        }
        uint64_t letter = i < sc->count ? letter_bit(sc->words[i]) : 0;
        if (!(letter & any)) continue;
        if ((letter & stop_letters) && is_one_of(sc, i, future_stops)) return false;
        if ((letter & marker_letters) && is_one_of(sc, i, future_markers)) return true;
        if (is(sc, i, "would") && !is(sc, i + 1, "have")) return true;
        if ((letter & before_to_letters) && is_one_of(sc, i, future_before_to) && (is(sc, i + 1, "to") || is(sc, i + 1, "for"))) return true;
        /* "agreed to meet again in August", "vowed to return in March": an
         * intent with its verb ("agreed to a truce in August" is done) */
        if ((letter & intent_letters) && is_one_of(sc, i, future_intents) && is(sc, i + 1, "to") && i + 2 < sc->count &&
            !is_one_of(sc, i + 2, articles))
            return true;
    }
    return false;
}

/* What stands before a head word, read backwards in the order English puts
 * it: [preposition] [early | late | the end of] [last | next | this] HEAD. */
typedef struct lead {
    size_t      first;         /* first word of the expression */
    const char *relative;      /* "last", "next", "this", "coming", "past" right before the head, or "" */
    bool        span;          /* "the past", "the last", "the coming": a span reaching the publication */
    bool        edge;          /* "early", "late", "mid", "earlier", "later", "the end of" ... */
    const char *preposition;   /* the word before all that ("in", "since", "until"), or "" */
} lead;

static lead read_lead(const scanner *sc, size_t head)
{
    static const char *const relatives[] = { "last", "next", "this", "coming", "past", NULL };
    static const char *const edges[] = { "early", "late", "mid", "earlier", "later", NULL };
    static const char *const parts[] = { "end", "start", "beginning", "middle", NULL };
    static const char *const prepositions[] = { "in", "on", "at", "since", "from", "between", "during", "throughout",
                                                "over", "for", "within", "until", "till", "through", "by",
                                                "before", "after", "to", "of", NULL };
    static const char *const spanning[] = { "since", "from", "between", NULL };
    lead l = { head, "", false, false, "" };
    size_t k = head;
    if (has_before(sc, k) && is_one_of(sc, k - 1, relatives)) {
        l.relative = sc->words[--k];
        if (strcmp(l.relative, "past") == 0) l.span = true;
        if (strcmp(l.relative, "this") != 0 && has_before(sc, k) && is(sc, k - 1, "the")) { l.span = true; k--; }
    }
    if (has_before(sc, k) && is_one_of(sc, k - 1, edges)) {
        l.edge = true;
        k--;
    } else if (has_before(sc, k) && has_before(sc, k - 1) && is(sc, k - 1, "of") && is_one_of(sc, k - 2, parts)) {
        l.edge = true;
        k -= 2;
        if (has_before(sc, k) && is(sc, k - 1, "the")) k--;
    }
    if (has_before(sc, k) && is_one_of(sc, k - 1, prepositions)) {
        l.preposition = sc->words[k - 1];
        if (is_one_of(sc, k - 1, spanning) || l.span) {
            k--;
        } else if (strcmp(l.preposition, "on") == 0 && has_before(sc, k - 1) && is_one_of(sc, k - 2, edges)) {
            l.edge = true;   /* "late on Thursday" */
            k -= 2;
        }
    }
    l.first = k;
    return l;
}

/* "until March", "by 2030", "postponed to Monday": an end or a deadline,
 * not when the clause's event happened. */
static bool is_deadline(const lead *l)
{
    static const char *const deadlines[] = { "until", "till", "through", "by", "to", NULL };
    for (const char *const *d = deadlines; *d; d++)
        if (str_same(l->preposition, *d)) return true;
    return false;
}

static direction look_of(const scanner *sc, const lead *l, bool *strictly)
{
    *strictly = strcmp(l->relative, "last") == 0 || strcmp(l->relative, "next") == 0;
    if (sc->range_end) return LOOK_FORWARD;
    if (strcmp(l->relative, "last") == 0) return LOOK_BACK;
    if (*l->relative && strcmp(l->relative, "past") != 0) return LOOK_FORWARD;   /* next, this, coming */
    return future_clause(sc, l->first) ? LOOK_FORWARD : LOOK_BACK;
}

/* ---- points: a month, a weekday, a year, a day word ---- */

static bool read_point(const scanner *sc, size_t i, date_expression *e);

/* "Jan. 6", "January 6th, 2020", "6 January 2020", "the 6th of January",
 * "March 3-5", "March 2019", "in March", "last April", "mid-March". */
static bool read_month(const scanner *sc, size_t i, date_expression *e)
{
    int month = month_of(word(sc, i));
    if (!month) return false;
    int day = 0, day_until = 0, year = 0;
    size_t first = i, last = i;
    size_t j = i + 1;
    if (is(sc, j, ".")) j++;
    if (day_at(sc, j, &day, &day_until)) {
        last = j;
        bool comma = is(sc, j + 1, ",");
        if (year_completes(sc, j + 1 + comma, comma, &year)) last = j + 1 + comma;
    } else if (has_before(sc, i) && day_at(sc, i - 1, &day, &day_until)) {
        first = i - 1;                                         /* "6 January" */
        if (year_completes(sc, i + 1, false, &year)) last = i + 1;
        /* "the 12 may be freed": "may" after a number is a verb unless a date ends there */
        if (month == 5 && !year && !clause_break(sc, i + 1)) return false;
    } else if (has_before(sc, i) && is(sc, i - 1, "of") && has_before(sc, i - 1) && is_ordinal(word(sc, i - 2)) &&
               day_at(sc, i - 2, &day, &day_until)) {
        first = i - 2;                                         /* "the 6th of January" */
        if (has_before(sc, first) && is(sc, first - 1, "the")) first--;
        if (year_completes(sc, i + 1, false, &year)) last = i + 1;
    } else {
        size_t k = is(sc, i + 1, "of") ? i + 2 : i + 1;      /* "March of 2019" */
        if (year_completes(sc, k, false, &year)) last = k;
    }
    /* "in April last year", "on May 5 this year" */
    if (!year && (is(sc, last + 1, "last") || is(sc, last + 1, "this") || is(sc, last + 1, "next")) && is(sc, last + 2, "year")) {
        int py, pm, pd;
        date_from_days(sc->publication, &py, &pm, &pd);
        year = py + (is(sc, last + 1, "last") ? -1 : is(sc, last + 1, "next") ? 1 : 0);
        last += 2;
    }
    lead l = read_lead(sc, first);
    if (!sc->range_end) {
        if (is_deadline(&l)) return false;
        /* a month alone needs a word that makes it one: "in March", "last
         * April", "mid-March"; "the march", "may" and "to march" are not */
        if (!day && !year && !*l.relative && !l.edge && !*l.preposition) return false;
    }
    bool strictly;
    direction look = look_of(sc, &l, &strictly);
    e->first = (uint32_t)l.first;
    e->last = (uint32_t)last;
    if (day) {
        int first_day = day > date_days_in_month(2000, month) ? 1 : day;
        /* "banned flights from July 8" in a story of June 22: a start told
         * with "from" is the nearer of the two, before or after */
        if (!year && !sc->range_end && str_same(l.preposition, "from") && !*l.relative) {
            int back = year_for_day(sc->reference, month, first_day, LOOK_BACK);
            int ahead = year_for_day(sc->reference, month, first_day, LOOK_FORWARD);
            int32_t before = date_to_days(back, month, first_day), after = date_to_days(ahead, month, first_day);
            year = after - sc->reference < sc->reference - before ? ahead : back;
        }
        if (!year) year = year_for_day(sc->reference, month, first_day, look);
        if (day > date_days_in_month(year, month)) return false;
        set_date(sc, e, date_to_days(year, month, day), CODE_DATE_DAY);
        if (day_until > day && day_until <= date_days_in_month(year, month))
            set_until(e, date_to_days(year, month, day_until), CODE_DATE_DAY);
    } else {
        if (!year) year = year_for_month(sc->reference, month, look, strictly);
        set_date(sc, e, month_start(year, month), CODE_DATE_MONTH);
    }
    return true;
}

/* "on Sunday", "late on Thursday", "on Monday night", "next Sunday",
 * "Monday, Jan. 6" (the explicit date wins). */
static bool read_weekday(const scanner *sc, size_t i, date_expression *e)
{
    int weekday = weekday_of(word(sc, i));
    if (weekday < 0) return false;
    lead l = read_lead(sc, i);
    if (!sc->range_end && is_deadline(&l)) return false;
    size_t j = i + 1 + is(sc, i + 1, ",");
    scanner explicit_date = *sc;
    explicit_date.floor = j;
    if (month_of(word(sc, j)) && read_month(&explicit_date, j, e) && e->precision == CODE_DATE_DAY) {
        e->first = (uint32_t)l.first;
        return true;
    }
    static const char *const parts[] = { "morning", "afternoon", "evening", "night", NULL };
    bool strictly;
    direction look = look_of(sc, &l, &strictly);
    set_date(sc, e, weekday_date(sc->reference, weekday, look, strictly), CODE_DATE_DAY);
    e->first = (uint32_t)l.first;
    e->last = (uint32_t)(i + is_one_of(sc, i + 1, parts));
    return true;
}

/* "yesterday", "today", "tonight", "tomorrow", "overnight" (the night that
 * ends on the publication day: a story of Thursday tells of the night into
 * Thursday), with "earlier", "since" and a part of the day ("yesterday
 * morning"). */
static bool read_day_word(const scanner *sc, size_t i, date_expression *e)
{
    static const struct { const char *word; int offset; } day_words[] = {
        { "yesterday", -1 }, { "today", 0 }, { "tonight", 0 }, { "tomorrow", 1 }, { "overnight", 0 },
    };
    static const char *const parts[] = { "morning", "afternoon", "evening", "night", NULL };
    for (size_t k = 0; k < sizeof day_words / sizeof day_words[0]; k++) {
        if (!is(sc, i, day_words[k].word)) continue;
        lead l = read_lead(sc, i);
        if (!sc->range_end && is_deadline(&l)) return false;
        set_date(sc, e, sc->publication + day_words[k].offset, CODE_DATE_DAY);
        e->first = (uint32_t)l.first;
        e->last = (uint32_t)(i + (day_words[k].offset != 0 && is_one_of(sc, i + 1, parts)));
        return true;
    }
    return false;
}

/* "in 2012", "since 2014", "early 2021", "mid-2019", "summer 2019",
 * "between 2016 and 2021", "2016-2021", "in the 1990s", "2020-01-06". */
static bool read_number(const scanner *sc, size_t i, date_expression *e)
{
    const char *w = word(sc, i);
    size_t n = strlen(w);
    int32_t iso;
    if (n == 10 && date_parse_iso(w, n, &iso)) {
        lead l = read_lead(sc, i);
        if (!sc->range_end && is_deadline(&l)) return false;
        set_date(sc, e, iso, CODE_DATE_DAY);
        e->first = (uint32_t)l.first;
        e->last = (uint32_t)i;
        return true;
    }
    int year = 0, until = 0;
    size_t first = i;
    char head[5] = { 0 };
    if (n == 4) {
        year = year_of(w);
    } else if (n == 5 && w[4] == 's' && w[3] == '0') {              /* "the 1990s" */
        memcpy(head, w, 4);
        year = year_of(head);
        until = year + 9;
        if (!has_before(sc, i) || !is(sc, i - 1, "the")) return false;
        first = i - 1;
    } else if (n == 9 && w[4] == '-') {                              /* "2016-2021" */
        memcpy(head, w, 4);
        year = year_of(head);
        until = year_of(w + 5);
        if (until <= year) return false;
    }
    if (!year) return false;
    static const char *const seasons[] = { "spring", "summer", "autumn", "fall", "winter", NULL };
    if (has_before(sc, first) && is_one_of(sc, first - 1, seasons)) first--;            /* "summer 2019" */
    else if (has_before(sc, first) && is(sc, first - 1, "of") && has_before(sc, first - 1) &&
             is_one_of(sc, first - 2, seasons))
        first -= 2;                                                                       /* "the summer of 2014" */
    lead l = read_lead(sc, first);
    if (!sc->range_end) {
        if (is_deadline(&l)) return false;
        static const char *const year_prepositions[] = { "in", "since", "from", "between", "during", "throughout",
                                                         "before", "after", NULL };
        bool context = l.edge || first < i;
        for (const char *const *p = year_prepositions; *p && !context; p++) context = str_same(l.preposition, *p);
        if (!context) return false;
    }
    set_date(sc, e, date_to_days(year, 1, 1), CODE_DATE_YEAR);
    if (until) set_until(e, date_to_days(until, 1, 1), CODE_DATE_YEAR);
    e->first = (uint32_t)l.first;
    e->last = (uint32_t)i;
    return true;
}

/* "from March 3 to 5", "from Monday to Wednesday", "between 2016 and 2021":
 * the end, resolved forward from the start. */
static void read_range_end(const scanner *sc, date_expression *e)
{
    static const char *const to[] = { "to", "until", "till", "through", "-", NULL };
    const char *opener = word(sc, e->first);
    size_t j = e->last + 1;
    if (!((strcmp(opener, "from") == 0 && is_one_of(sc, j, to)) || (strcmp(opener, "between") == 0 && is(sc, j, "and"))))
        return;
    date_expression end = { 0 };
    int day, day_until;
    if (e->precision == CODE_DATE_DAY && !e->is_range && day_at(sc, j + 1, &day, &day_until) &&
        !month_of(word(sc, j + 2))) {
        /* "from March 3 to 5": that month, or the next when the day is earlier */
        int y, m, d;
        date_from_days(e->days, &y, &m, &d);
        if (day <= d) m++;
        int32_t start = month_start(y, m);
        int sy, sm, sd;
        date_from_days(start, &sy, &sm, &sd);
        if (day > date_days_in_month(sy, sm)) return;
        set_date(sc, &end, start + day - 1, CODE_DATE_DAY);
        end.until = end.days;
        end.until_precision = CODE_DATE_DAY;
        end.last = (uint32_t)(j + 1);
    } else {
        scanner rest = *sc;
        rest.floor = j + 1;
        rest.reference = e->days;
        rest.range_end = true;
        if (!read_point(&rest, j + 1, &end)) return;
        if (!end.is_range) { end.until = end.days; end.until_precision = end.precision; }
    }
    if (end.until < e->days) return;
    e->is_range = true;
    e->until = end.until;
    e->until_precision = end.until_precision;
    e->last = end.last;
}

static bool read_point(const scanner *sc, size_t i, date_expression *e)
{
    *e = (date_expression){ 0 };
    const char *w = word(sc, i);
    bool found = is_digit(w[0]) ? read_number(sc, i, e)
                                : read_month(sc, i, e) || read_weekday(sc, i, e) || read_day_word(sc, i, e);
    if (!found || sc->range_end) return found;
    if (strcmp(word(sc, e->first), "since") == 0 && !e->is_range)
        set_until(e, sc->publication, CODE_DATE_DAY);
    else
        read_range_end(sc, e);
    return true;
}

/* ---- units: "last week", "two days ago", "over the past week" ---- */

/* The day a relative expression counts from: the day of the previous
 * expression of the sentence ("on Monday ... a day earlier"), else the
 * last day the text named before ("... on Dec. 27. Washington struck two
 * days later": "later" and "earlier" count from a time the text has set,
 * never from the moment of writing), else the publication date when
 * counting back. */
static bool anchor_of(const scanner *sc, const date_expression *previous, bool back, int32_t *anchor)
{
    if (previous && previous->precision == CODE_DATE_DAY) { *anchor = previous->days; return true; }
    if (sc->told_day) { *anchor = *sc->told_day; return true; }
    *anchor = sc->publication;
    return back;
}

/* "a day after rebels attacked", "hours after soldiers detained him",
 * "three days before the army withdrew": what the clause after "after"
 * tells happened that long before the day the sentence named first ("on
 * Wednesday, a day after ..."), and what follows "before" that long after
 * it.  The expression dates that clause, not its own.  "The announcement
 * came a week after the Houthis fired" counts from the last day the text
 * named before, the day of what came.  Without such a day the distance
 * counts from nothing the text gives, and nothing is read.  first is the
 * expression's first word, n its count (-1: read it before word i; "hours
 * after" is the same day, "days after" a vague few). */
static int read_opening(const scanner *sc, size_t i, int unit, bool plural, size_t first, int n,
                        date_expression *e, const date_expression *previous)
{
    bool after = is(sc, i + 1, "after");
    if (!(after || is(sc, i + 1, "before")) || clause_break(sc, i + 2)) return FOUND_NONE;
    bool named = previous && previous->precision == CODE_DATE_DAY && !previous->future && !previous->opens_clause;
    if (!named && !sc->told_day) return FOUND_NONE;
    bool vague = false;
    if (n < 0) {
        n = has_before(sc, i) ? count_of(word(sc, i - 1), &vague) : 0;
        if (n > 0 && (plural ? n >= 2 || vague : n == 1)) {
            first = i - 1;
            if (vague && has_before(sc, first) && is(sc, first - 1, "a")) first--;
        } else if (plural && (unit == UNIT_HOUR || unit == UNIT_MINUTE)) {
            n = 0;
        } else if (plural && unit != UNIT_PART_OF_DAY && unit != UNIT_NIGHT) {
            n = 3;
            vague = true;
        } else {
            return FOUND_NONE;
        }
    }
    static const char *const came[] = { "came", "comes", "come", NULL };
    if (!named && !(has_before(sc, first) && is_one_of(sc, first - 1, came))) return FOUND_NONE;
    set_date(sc, e, shift(named ? previous->days : *sc->told_day, unit, after ? -n : n), unit_precision(unit, vague));
    e->first = (uint32_t)first;
    e->last = (uint32_t)(i + 1);
    e->opens_clause = true;
    return FOUND_NEW;
}

/* "the day before", "the day before yesterday", "the previous day", "the
 * next day", "the following day". */
static int read_neighbour_day(const scanner *sc, size_t i, date_expression *e, const date_expression *previous)
{
    static const char *const neighbours[] = { "previous", "next", "following", NULL };
    int step = 0;
    size_t first = i, last = i;
    if (has_before(sc, i) && is_one_of(sc, i - 1, neighbours) && has_before(sc, i - 1) && is(sc, i - 2, "the")) {
        step = is(sc, i - 1, "previous") ? -1 : 1;
        first = i - 2;
    } else if (has_before(sc, i) && is(sc, i - 1, "the") && (is(sc, i + 1, "before") || is(sc, i + 1, "after"))) {
        step = is(sc, i + 1, "before") ? -1 : 1;
        first = i - 1;
        last = i + 1;
        if (is(sc, i + 2, step < 0 ? "yesterday" : "tomorrow")) {
            set_date(sc, e, sc->publication + 2 * step, CODE_DATE_DAY);
            e->first = (uint32_t)first;
            e->last = (uint32_t)(i + 2);
            return FOUND_NEW;
        }
        /* "the day after the rebels attacked"; "the day before the vote" counts from the vote */
        if (!clause_break(sc, i + 2)) return read_opening(sc, i, UNIT_DAY, false, first, 1, e, previous);
    }
    int32_t anchor;
    if (!step || !anchor_of(sc, previous, step < 0, &anchor)) return FOUND_NONE;
    set_date(sc, e, anchor + step, CODE_DATE_DAY);
    e->first = (uint32_t)first;
    e->last = (uint32_t)last;
    e->from_told_time = true;
    return FOUND_NEW;
}

/* Whether the clause before word i is in the present perfect ("has raged
 * for three days"): a span that runs up to the publication. */
static bool perfect_clause(const scanner *sc, size_t i)
{
    for (size_t steps = 0; i > 0 && steps < 8; steps++) {
        i--;
        if (clause_break(sc, i)) return false;
        if (is(sc, i, "has") || is(sc, i, "have") || is(sc, i, "'ve")) return true;
    }
    return false;
}

/* A counted unit: "two days ago", "a day earlier", "three weeks later",
 * "the past 24 hours", "the next two weeks", "for three days". */
static int read_counted(const scanner *sc, size_t i, int unit, date_expression *e, date_expression *previous)
{
    bool plural, vague;
    unit_of(word(sc, i), &plural);
    if (plural && (unit == UNIT_HOUR || unit == UNIT_MINUTE) && (is(sc, i + 1, "later") || is(sc, i + 1, "earlier")) &&
        !(has_before(sc, i) && count_of(word(sc, i - 1), &vague) > 0)) {
        /* "hours later", "minutes earlier": the day counted from */
        int32_t anchor;
        if (!anchor_of(sc, previous, is(sc, i + 1, "earlier"), &anchor)) return FOUND_NONE;
        set_date(sc, e, anchor, CODE_DATE_DAY);
        e->first = (uint32_t)i;
        e->last = (uint32_t)(i + 1);
        e->from_told_time = true;
        return FOUND_NEW;
    }
    if (!has_before(sc, i)) return FOUND_NONE;
    int n = count_of(word(sc, i - 1), &vague);
    if (n <= 0 || (plural ? n < 2 && !vague : n != 1)) return FOUND_NONE;
    size_t c = i - 1;
    if (vague && has_before(sc, c) && is(sc, c - 1, "a")) c--;
    int precision = unit_precision(unit, vague);
    const char *next = word(sc, i + 1);
    e->first = (uint32_t)c;
    e->last = (uint32_t)(i + 1);
    if (strcmp(next, "ago") == 0) {
        set_date(sc, e, shift(sc->publication, unit, -n), precision);
        return FOUND_NEW;
    }
    bool earlier = strcmp(next, "earlier") == 0 || strcmp(next, "before") == 0;
    bool later = strcmp(next, "later") == 0 || strcmp(next, "after") == 0;
    if (earlier || later) {
        /* "two days before the vote" counts from the vote, which we do not know */
        if ((strcmp(next, "before") == 0 || strcmp(next, "after") == 0) && !clause_break(sc, i + 2)) return FOUND_NONE;
        int32_t anchor;
        if (!anchor_of(sc, previous, earlier, &anchor)) return FOUND_NONE;
        set_date(sc, e, shift(anchor, unit, earlier ? -n : n), precision);
        e->from_told_time = true;
        return FOUND_NEW;
    }
    if (is(sc, i + 1, "of")) return FOUND_NONE;   /* "the past two weeks of talks" */
    e->last = (uint32_t)i;
    static const char *const around[] = { "over", "in", "during", "for", "within", NULL };
    static const char *const spans[] = { "past", "last", "next", "coming", NULL };
    if (has_before(sc, c) && is_one_of(sc, c - 1, spans) && has_before(sc, c - 1) && is(sc, c - 2, "the")) {
        /* "over the past three days", "in the next two weeks" */
        e->first = (uint32_t)(c - 2);
        if (has_before(sc, c - 2) && is_one_of(sc, c - 3, around)) e->first = (uint32_t)(c - 3);
        if (is(sc, c - 1, "past") || is(sc, c - 1, "last")) {
            set_date(sc, e, shift(sc->publication, unit, -n), precision);
            set_until(e, sc->publication, CODE_DATE_DAY);
        } else {
            set_date(sc, e, sc->publication, precision);
            set_until(e, shift(sc->publication, unit, n), precision);
            e->future = true;   /* "in the next two weeks": what is to happen then */
        }
        return FOUND_NEW;
    }
    if (has_before(sc, c) && is(sc, c - 1, "for")) {
        /* "on Monday ... for three days": the earlier day starts the span;
         * "has raged for three days": the span ends at publication */
        if (previous && previous->precision == CODE_DATE_DAY && !previous->is_range) {
            int32_t until = shift(previous->days, unit, n) - 1;
            previous->is_range = true;
            previous->until = until > previous->days ? until : previous->days;   /* "for five hours" */
            previous->until_precision = CODE_DATE_DAY;
            return FOUND_EXTENDED;
        }
        if (!perfect_clause(sc, c - 1)) return FOUND_NONE;
        e->first = (uint32_t)(c - 1);
        set_date(sc, e, shift(sc->publication, unit, -n), precision);
        set_until(e, sc->publication, CODE_DATE_DAY);
        return FOUND_NEW;
    }
    return FOUND_NONE;
}

/* "last week", "this month", "earlier this year", "late last year", "next
 * week", "last night", "this morning", "over the past week", "in recent
 * days", and the counted forms above. */
static int read_unit(const scanner *sc, size_t i, date_expression *e, date_expression *previous)
{
    bool plural;
    int unit = unit_of(word(sc, i), &plural);
    if (unit == UNIT_NONE) return FOUND_NONE;
    *e = (date_expression){ 0 };
    if (read_opening(sc, i, unit, plural, i, -1, e, previous) == FOUND_NEW) return FOUND_NEW;
    *e = (date_expression){ 0 };
    if (unit == UNIT_DAY && !plural) {
        int r = read_neighbour_day(sc, i, e, previous);
        if (r != FOUND_NONE) return r;
    }
    int r = read_counted(sc, i, unit, e, previous);
    if (r != FOUND_NONE) return r;
    *e = (date_expression){ 0 };
    if (is(sc, i + 1, "of")) return FOUND_NONE;     /* "the last week of March" is read at "March" */
    int32_t pub = sc->publication;
    int32_t monday = pub - weekday_of_days(pub);
    e->first = e->last = (uint32_t)i;
    if (has_before(sc, i) && is(sc, i - 1, "recent") && plural) {
        /* "in recent days", "in recent years": background around publication */
        e->first = (uint32_t)(i - 1 - (has_before(sc, i - 1) && is(sc, i - 2, "in")));
        set_date(sc, e, pub, unit == UNIT_YEAR || unit == UNIT_DECADE || unit == UNIT_MONTH ? CODE_DATE_YEAR : CODE_DATE_MONTH);
        return FOUND_NEW;
    }
    lead l = read_lead(sc, i);
    if (!*l.relative || is_deadline(&l)) return FOUND_NONE;
    e->first = (uint32_t)l.first;
    int precision = unit_precision(unit, false);
    bool last = strcmp(l.relative, "last") == 0, current = strcmp(l.relative, "this") == 0;
    if (l.span) {
        /* "over the past week", "in the coming days" */
        int n = plural ? 3 : 1;
        if (plural) precision = unit_precision(unit, true);
        if (last || strcmp(l.relative, "past") == 0) {
            set_date(sc, e, shift(pub, unit, -n), precision);
            set_until(e, pub, CODE_DATE_DAY);
        } else {
            set_date(sc, e, pub, precision);
            set_until(e, shift(pub, unit, n), precision);
            e->future = true;   /* "in the coming days" */
        }
        return FOUND_NEW;
    }
    if (plural) return FOUND_NONE;
    switch (unit) {
    case UNIT_NIGHT:
        if (current) set_date(sc, e, pub, CODE_DATE_DAY);
        else if (last) set_date(sc, e, pub - 1, CODE_DATE_DAY);
        else return FOUND_NONE;
        return FOUND_NEW;
    case UNIT_PART_OF_DAY:
        if (!current) return FOUND_NONE;
        set_date(sc, e, pub, CODE_DATE_DAY);
        return FOUND_NEW;
    case UNIT_WEEK:
        /* a week belongs to the month of its Thursday (as ISO 8601 weeks
         * belong to years), "this week" to the publication's month */
        set_date(sc, e, current ? pub : last ? monday - 4 : monday + 10, CODE_DATE_MONTH);
        return FOUND_NEW;
    case UNIT_WEEKEND:
        /* by the month of its Saturday */
        set_date(sc, e, current ? pub : last ? monday - 2 : monday + 5, CODE_DATE_MONTH);
        return FOUND_NEW;
    case UNIT_MONTH: case UNIT_YEAR: case UNIT_DECADE: {
        int step = current ? 0 : last ? -1 : 1;
        set_date(sc, e, shift(pub, unit, step), precision);
        return FOUND_NEW;
    }
    default:
        return FOUND_NONE;
    }
}

/* The words the readers start from (months, weekdays, day words, units),
 * by first letter; numbers start them too.  The coder makes them a word
 * class (WORD_DATE_HEAD), so that it tells a sentence's heads before
 * reading it. */
const char *const date_head_words[] = {
    "apr", "april", "aug", "august", "afternoon", "afternoons",
    "dec", "december", "day", "days", "decade", "decades",
    "evening", "evenings",
    "feb", "february", "friday",
    "hour", "hours",
    "jan", "january", "jun", "june", "jul", "july",
    "mar", "march", "may", "monday", "morning", "mornings", "month", "months", "minute", "minutes",
    "nov", "november", "night", "nights",
    "oct", "october", "overnight",
    "sep", "sept", "september", "saturday", "sunday",
    "tuesday", "thursday", "today", "tonight", "tomorrow",
    "wednesday", "week", "weeks", "weekend", "weekends",
    "yesterday", "year", "years",
    NULL
};

/* The first three letters of every head word, and where each letter's
 * heads start in date_head_words (worked out once per process): most
 * words of a sentence ("the", "said", "and") start as no head does, and are
 * passed over with one test. */
static prefix_set head_prefixes;
static size_t heads_from[27];   /* date_head_words[heads_from[c] .. heads_from[c + 1]) start with 'a' + c */
static pthread_once_t head_prefixes_once = PTHREAD_ONCE_INIT;

static void build_head_prefixes(void)
{
    size_t k = 0;
    for (size_t c = 0; c < 26; c++) {
        heads_from[c] = k;
        while (date_head_words[k] && (size_t)(date_head_words[k][0] - 'a') == c) {
            assert(prefix_index(date_head_words[k]) >= 0);
            k++;
        }
    }
    heads_from[26] = k;
    assert(!date_head_words[k]);   /* the list goes by first letter */
    prefix_set_add(&head_prefixes, date_head_words);
}

/* Could w head a date expression?  A number, or a head word (see above). */
static bool may_head(const char *w)
{
    if (is_digit(w[0])) return true;
    int index = prefix_index(w);
    if (index < 0 || !prefix_set_has(&head_prefixes, index)) return false;
    for (size_t k = heads_from[w[0] - 'a']; k < heads_from[w[0] - 'a' + 1]; k++)
        if (str_same(date_head_words[k], w)) return true;
    return false;
}

size_t date_find(const char *const *words, size_t word_count, size_t first, size_t count,
                 int32_t publication, date_expression *out, size_t max)
{
    return date_find_told(words, word_count, first, count, publication, NULL, NULL, out, max);
}

size_t date_find_told(const char *const *words, size_t word_count, size_t first, size_t count, int32_t publication,
                      const int32_t *told_day, const bool *heads, date_expression *out, size_t max)
{
    pthread_once(&head_prefixes_once, build_head_prefixes);
    scanner sc = { words, word_count, 0, publication, publication, false, told_day };
    size_t found = 0, end = first + count < word_count ? first + count : word_count;
    for (size_t i = first; i < end && found < max; i++) {
        if (heads ? !heads[i] : !may_head(words[i])) continue;
        date_expression e;
        int r = read_point(&sc, i, &e) ? FOUND_NEW : read_unit(&sc, i, &e, found ? &out[found - 1] : NULL);
        if (r == FOUND_NONE) continue;
        if (r == FOUND_NEW) {
            if (!e.is_range) { e.until = e.days; e.until_precision = e.precision; }
            e.modifier = e.last + 1 < word_count && strcmp(words[e.last + 1], "'s") == 0;   /* "last year's" */
            /* "the first such meeting since 2016", "the worst fighting since
             * 2014": a measure of how rare the deed is, not its time */
            if (strcmp(words[e.first], "since") == 0) {
                static const char *const rarest[] = { "first", "worst", "biggest", "largest", "deadliest", "heaviest",
                                                      "highest", "lowest", "fiercest", "bloodiest", "longest", "most",
                                                      "only", "strongest", "last", NULL };
                for (size_t k = e.first; k > 0 && e.first - k < 12 && !e.modifier; k--) {
                    if (strcmp(words[k - 1], ",") == 0 || strcmp(words[k - 1], ".") == 0) break;
                    for (size_t q = 0; rarest[q]; q++)
                        if (strcmp(words[k - 1], rarest[q]) == 0) { e.modifier = true; break; }
                }
            }
            out[found++] = e;
        }
        sc.floor = e.last + 1;
        i = e.last;
    }
    return found;
}
