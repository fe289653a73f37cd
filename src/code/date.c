/* code/date: finds date expressions among folded tokens and resolves them
 * against the publication date.  The one idea: news dates are nearly always
 * in the past relative to publication, so a month or weekday without a year
 * resolves to its latest occurrence on or before the publication date
 * (a week of slack for announced dates such as "on Jan. 20" in a Jan. 13 story
 * stays in the same year). */
#include "date.h"
#include "code.h"

#include <stdlib.h>
#include <string.h>

static const char *const month_names[12][3] = {
    { "january", "jan", NULL }, { "february", "feb", NULL }, { "march", "mar", NULL },
    { "april", "apr", NULL }, { "may", NULL, NULL }, { "june", "jun", NULL },
    { "july", "jul", NULL }, { "august", "aug", NULL }, { "september", "sep", "sept" },
    { "october", "oct", NULL }, { "november", "nov", NULL }, { "december", "dec", NULL },
};

static const char *const weekday_names[7] = { "thursday", "friday", "saturday", "sunday", "monday", "tuesday", "wednesday" };
/* 1970-01-01 was a Thursday: (days % 7) indexes this table. */

static int month_of(const char *w)
{
    size_t n = strlen(w);
    if (n < 3 || n > 9 || !strchr("jfmasond", w[0])) return 0;
    for (int m = 0; m < 12; m++)
        for (int k = 0; k < 3 && month_names[m][k]; k++)
            if (strcmp(w, month_names[m][k]) == 0) return m + 1;
    return 0;
}

static int weekday_of(const char *w)
{
    if (strlen(w) < 6 || !strchr("mtwfs", w[0])) return -1;
    for (int k = 0; k < 7; k++) if (strcmp(w, weekday_names[k]) == 0) return k;
    return -1;
}

static int number_of(const char *w, int lo, int hi)
{
    size_t n = strlen(w);
    /* "6", "6th", "21st", "2nd", "3rd" */
    size_t digits = strspn(w, "0123456789");
    if (digits == 0 || digits > 4) return -1;
    if (digits != n && !(n == digits + 2 && (strcmp(w + digits, "th") == 0 || strcmp(w + digits, "st") == 0 ||
                                              strcmp(w + digits, "nd") == 0 || strcmp(w + digits, "rd") == 0)))
        return -1;
    int v = atoi(w);
    return v >= lo && v <= hi ? v : -1;
}

static const char *tok(const char *const *t, size_t i, size_t end) { return i < end ? t[i] : ""; }

/* The latest (year, month) on or before the publication month, or in the
 * year before when `strictly_before` ("last April" said in April means a
 * year ago). */
static int year_for_month(int pub_year, int pub_month, int month, bool strictly_before)
{
    if (month < pub_month || (month == pub_month && !strictly_before)) return pub_year;
    return pub_year - 1;
}

size_t date_find(const char *const *t, size_t first, size_t count, int32_t publication,
                 date_expression *out, size_t max)
{
    size_t found = 0, end = first + count;
    int py, pm, pd;
    date_from_days(publication, &py, &pm, &pd);
    for (size_t i = first; i < end && found < max; i++) {
        const char *w = t[i];
        /* every date expression starts with a digit or one of these letters */
        if (!((w[0] >= '0' && w[0] <= '9') || strchr("jfmasondtwylei", w[0]))) continue;
        date_expression e = { (uint32_t)i, (uint32_t)i, publication, CODE_DATE_DAY };
        bool ok = false;
        int month = month_of(w);
        size_t j = i + 1;
        if (month) {
            if (strcmp(tok(t, j, end), ".") == 0) j++;          /* "Jan." */
            int day = number_of(tok(t, j, end), 1, 31);
            if (day > 0) {
                size_t k = j + 1;
                int year = -1;
                if (strcmp(tok(t, k, end), ",") == 0 && number_of(tok(t, k + 1, end), 1900, 2100) > 0) k++;
                year = number_of(tok(t, k, end), 1900, 2100);
                if (year > 0) e.last = (uint32_t)k;
                else {
                    e.last = (uint32_t)j;
                    year = py;
                    /* a date more than a week after publication is last year's */
                    if (date_to_days(year, month, day > date_days_in_month(year, month) ? 1 : day) > publication + 7) year--;
                }
                if (day <= date_days_in_month(year, month)) {
                    e.days = date_to_days(year, month, day);
                    ok = true;
                }
            } else if (month != 5 || (i > first && (strcmp(t[i - 1], "in") == 0 || strcmp(t[i - 1], "last") == 0 ||
                                                     strcmp(t[i - 1], "since") == 0 || strcmp(t[i - 1], "early") == 0 ||
                                                     strcmp(t[i - 1], "late") == 0 || strcmp(t[i - 1], "mid") == 0))) {
                /* "in March", "last April", "March 2019"; "may" alone is a verb */
                int year = number_of(tok(t, j, end), 1900, 2100);
                bool last = i > first && strcmp(t[i - 1], "last") == 0;
                if (year > 0) e.last = (uint32_t)j;
                else year = year_for_month(py, pm, month, last);
                if (last || (i > first && strcmp(t[i - 1], "since") == 0)) e.first = (uint32_t)(i - 1);
                e.days = date_to_days(year, month, 1);
                e.precision = CODE_DATE_MONTH;
                ok = true;
            }
        } else if (number_of(w, 1, 31) > 0 && month_of(tok(t, j, end))) {
            /* "6 January 2020" */
            int day = number_of(w, 1, 31);
            month = month_of(t[j]);
            int year = number_of(tok(t, j + 1, end), 1900, 2100);
            if (year > 0) e.last = (uint32_t)(j + 1);
            else {
                e.last = (uint32_t)j;
                year = py;
                if (date_to_days(year, month, 1) > publication + 7) year--;
            }
            if (day <= date_days_in_month(year, month)) {
                e.days = date_to_days(year, month, day);
                ok = true;
            }
        } else if (strlen(w) == 10 && date_parse_iso(w, 10, &e.days)) {
            ok = true;
        } else if (weekday_of(w) >= 0) {
            int target = weekday_of(w);
            int today = (int)(((publication % 7) + 7) % 7);
            int back = (today - target + 7) % 7;
            bool next = i > first && (strcmp(t[i - 1], "next") == 0 || strcmp(t[i - 1], "coming") == 0);
            if (next) e.days = publication + ((target - today + 7) % 7 ? (target - today + 7) % 7 : 7);
            else e.days = publication - back;
            ok = true;
        } else if (strcmp(w, "yesterday") == 0) {
            e.days = publication - 1;
            ok = true;
        } else if (strcmp(w, "today") == 0 || strcmp(w, "tonight") == 0) {
            ok = true;
        } else if (strcmp(w, "tomorrow") == 0) {
            e.days = publication + 1;
            ok = true;
        } else if (strcmp(w, "overnight") == 0) {
            e.days = publication - 1;
            ok = true;
        } else if (number_of(w, 1, 400) > 0 && strcmp(tok(t, j, end), "days") == 0 && strcmp(tok(t, j + 1, end), "ago") == 0) {
            e.days = publication - number_of(w, 1, 400);
            e.last = (uint32_t)(j + 1);
            ok = true;
        } else if ((strcmp(w, "in") == 0 || strcmp(w, "since") == 0) && number_of(tok(t, j, end), 1900, 2100) > 0 &&
                   month_of(tok(t, j + 1, end)) == 0) {
            /* "in 2019" */
            e.days = date_to_days(number_of(t[j], 1900, 2100), 1, 1);
            e.precision = CODE_DATE_YEAR;
            e.last = (uint32_t)j;
            ok = true;
        } else if (strcmp(w, "last") == 0 && (strcmp(tok(t, j, end), "month") == 0)) {
            int y = pm == 1 ? py - 1 : py, m = pm == 1 ? 12 : pm - 1;
            e.days = date_to_days(y, m, 1);
            e.precision = CODE_DATE_MONTH;
            e.last = (uint32_t)j;
            ok = true;
        } else if (strcmp(w, "last") == 0 && strcmp(tok(t, j, end), "year") == 0) {
            e.days = date_to_days(py - 1, 1, 1);
            e.precision = CODE_DATE_YEAR;
            e.last = (uint32_t)j;
            ok = true;
        } else if ((strcmp(w, "earlier") == 0 || strcmp(w, "this") == 0) && strcmp(tok(t, j, end), "month") == 0) {
            e.days = date_to_days(py, pm, 1);
            e.precision = CODE_DATE_MONTH;
            e.last = (uint32_t)j;
            ok = true;
        } else if (strcmp(w, "earlier") == 0 && strcmp(tok(t, j, end), "this") == 0 && strcmp(tok(t, j + 1, end), "month") == 0) {
            e.days = date_to_days(py, pm, 1);
            e.precision = CODE_DATE_MONTH;
            e.last = (uint32_t)(j + 1);
            ok = true;
        }
        if (ok) {
            out[found++] = e;
            i = e.last;
        }
    }
    return found;
}
