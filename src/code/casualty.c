/* code/casualty: see casualty.h.  The one idea: a count is a number, a few
 * words of description, an optional "were/have been", and a casualty word
 * ("2,000 fighters have been killed"), or a casualty verb and then the
 * number ("killing at least 50 civilians"). */
#include "casualty.h"
#include "../util/util.h"

#include <stdlib.h>
#include <string.h>

static const struct { const char *word; int64_t value; } number_words[] = {
    { "one", 1 }, { "a", 1 }, { "an", 1 }, { "two", 2 }, { "three", 3 }, { "four", 4 }, { "five", 5 },
    { "six", 6 }, { "seven", 7 }, { "eight", 8 }, { "nine", 9 }, { "ten", 10 }, { "eleven", 11 },
    { "twelve", 12 }, { "thirteen", 13 }, { "fourteen", 14 }, { "fifteen", 15 }, { "sixteen", 16 },
    { "seventeen", 17 }, { "eighteen", 18 }, { "nineteen", 19 }, { "twenty", 20 }, { "thirty", 30 },
    { "forty", 40 }, { "fifty", 50 }, { "sixty", 60 }, { "seventy", 70 }, { "eighty", 80 }, { "ninety", 90 },
    { "dozen", 12 }, { "dozens", 24 }, { "scores", 40 }, { "hundreds", 200 }, { "thousands", 2000 },
    { "tens", 20000 }, { NULL, 0 },
};

static const struct { const char *word; int64_t factor; } multipliers[] = {
    { "hundred", 100 }, { "thousand", 1000 }, { "million", 1000000 }, { "billion", 1000000000 },
    { "dozen", 12 }, { NULL, 0 },
};

int64_t casualty_number(const char *const *w, size_t n, size_t i, size_t *used)
{
    *used = 0;
    if (i >= n) return -1;
    int64_t value = -1;
    const char *s = w[i];
    size_t len = strlen(s);
    if (len && s[0] >= '0' && s[0] <= '9') {
        /* digits, maybe a decimal point: "2000", "1.5" */
        size_t k = 0;
        bool dot = false;
        while (k < len && ((s[k] >= '0' && s[k] <= '9') || (s[k] == '.' && !dot))) { dot |= s[k] == '.'; k++; }
        if (k != len || len > 12) return -1;
        double v = atof(s);
        value = (int64_t)v;
        *used = 1;
        if (i + 1 < n)
            for (size_t m = 0; multipliers[m].word; m++)
                if (strcmp(w[i + 1], multipliers[m].word) == 0) { value = (int64_t)(v * (double)multipliers[m].factor); *used = 2; }
        return value;
    }
    if (len > 9 || !strchr("oatfsenhd", s[0])) return -1;   /* no number word starts otherwise */
    for (size_t k = 0; number_words[k].word; k++)
        if (str_same(s, number_words[k].word)) { value = number_words[k].value; break; }
    if (value < 0) return -1;
    *used = 1;
    /* "a" and "an" only count before a multiplier: "a dozen", "an estimated" is not a number */
    bool article = strcmp(s, "a") == 0 || strcmp(s, "an") == 0;
    if (value < 100 && i + 1 < n) {
        /* "twenty five", "two dozen", "three hundred", "tens of thousands" */
        for (size_t m = 0; multipliers[m].word; m++)
            if (strcmp(w[i + 1], multipliers[m].word) == 0) { value *= multipliers[m].factor; *used = 2; return value; }
        if (value >= 20 && value % 10 == 0) {
            for (size_t k = 0; number_words[k].word && number_words[k].value < 10; k++)
                if (strcmp(w[i + 1], number_words[k].word) == 0 && number_words[k].value > 0 && k > 2) {
                    value += number_words[k].value; *used = 2; break;
                }
        }
    }
    if (article) { *used = 0; return -1; }
    if ((strcmp(s, "tens") == 0 || strcmp(s, "hundreds") == 0) && i + 2 < n && strcmp(w[i + 1], "of") == 0 &&
        strcmp(w[i + 2], "thousands") == 0) {
        value = strcmp(s, "tens") == 0 ? 20000 : 200000;
        *used = 3;
    }
    return value;
}

/* The words a count hangs on, and what each counts. */
static const char *const kind_words[] = {
    "killed", "dead", "died", "killing", "kills", "kill",
    "wounded", "injured", "hurt", "wounding", "injuring",
    "displaced", "displacing", "uprooted",
    "arrested", "detained", "arresting", "detaining", "rounded",
    "abducted", "kidnapped", "abducting", "kidnapping",
    "missing", NULL,
};
static const int kind_of_word[] = {
    CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED,
    CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED,
    CASUALTY_DISPLACED, CASUALTY_DISPLACED, CASUALTY_DISPLACED,
    CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED,
    CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED,
    CASUALTY_MISSING,
};

const char *const *casualty_words(void) { return kind_words; }

int casualty_kind(const char *w)
{
    for (size_t k = 0; kind_words[k]; k++)
        if (str_same(w, kind_words[k])) return kind_of_word[k];
    return -1;
}

static bool is_qualifier(const char *const *w, size_t n, size_t i, size_t *used)
{
    static const char *const two[][2] = { { "at", "least" }, { "more", "than" }, { "less", "than" }, { "fewer", "than" },
                                          { "up", "to" }, { "as", "many" }, { "an", "estimated" }, { "close", "to" } };
    for (size_t k = 0; k < sizeof two / sizeof *two; k++)
        if (i + 1 < n && strcmp(w[i], two[k][0]) == 0 && strcmp(w[i + 1], two[k][1]) == 0) {
            *used = 2;
            if (k == 5 && i + 2 < n && strcmp(w[i + 2], "as") == 0) *used = 3;   /* "as many as" */
            return true;
        }
    static const char *const one[] = { "about", "around", "nearly", "almost", "some", "over", "roughly", "approximately",
                                       "another", "least", NULL };
    for (size_t k = 0; one[k]; k++) if (strcmp(w[i], one[k]) == 0) { *used = 1; return true; }
    return false;
}

static bool is_be(const char *w)
{
    static const char *const be[] = { "were", "was", "are", "is", "been", "have", "has", "had", "be", "being",
                                      "reportedly", "also", "later", NULL };
    for (size_t k = 0; be[k]; k++) if (strcmp(w, be[k]) == 0) return true;
    return false;
}

size_t casualty_find(const char *const *w, size_t n, casualty *out, size_t max)
{
    size_t count = 0;
    /* every count hangs on a casualty word: without one, nothing to read */
    bool any = false;
    for (size_t i = 0; i < n && !any; i++) any = casualty_kind(w[i]) >= 0;
    if (!any) return 0;
    for (size_t i = 0; i < n && count < max; i++) {
        size_t used;
        int64_t value = casualty_number(w, n, i, &used);
        if (value <= 0 || used == 0) continue;
        /* a year is not a count: "in 2011", "since 2014" */
        if (value >= 1900 && value <= 2100 && strlen(w[i]) == 4 && i > 0 &&
            (strcmp(w[i - 1], "in") == 0 || strcmp(w[i - 1], "since") == 0 || strcmp(w[i - 1], "of") == 0 ||
             strcmp(w[i - 1], ",") == 0))
            continue;
        size_t first = i;
        while (first > 0) {
            size_t q = 0;
            if (first >= 2 && is_qualifier(w, n, first - 2, &q) && q == 2) { first -= 2; continue; }
            if (first >= 1 && is_qualifier(w, n, first - 1, &q) && q == 1) { first -= 1; continue; }
            break;
        }
        /* form B: a casualty verb before the number: "killing at least 50", "arrested 16 journalists" */
        if (first > 0 && casualty_kind(w[first - 1]) >= 0 && strcmp(w[first - 1], "missing") != 0 &&
            strcmp(w[first - 1], "dead") != 0) {
            casualty c = { casualty_kind(w[first - 1]), value, (uint32_t)(first - 1), (uint32_t)(first - 1), (uint32_t)(i + used - 1) };
            out[count++] = c;
            i += used - 1;
            continue;
        }
        /* form A: number, a few words, maybe "were"/"have been", a casualty word;
         * numbers joined by "and" share the word: "280 civilians and 2,000 fighters have been killed" */
        int64_t total = value;
        size_t k = i + used, words = 0;
        while (k < n && words < 8) {
            if (casualty_kind(w[k]) >= 0 && strcmp(w[k], "killing") != 0 && strcmp(w[k], "wounding") != 0 &&
                strcmp(w[k], "injuring") != 0 && strcmp(w[k], "kill") != 0 && strcmp(w[k], "kills") != 0)
                break;
            if (strcmp(w[k], ",") == 0 || strcmp(w[k], ".") == 0 || strcmp(w[k], ";") == 0) { k = n; break; }
            if (strcmp(w[k], "and") == 0) {
                size_t u2, q = 0, j = k + 1;
                while (j < n && is_qualifier(w, n, j, &q)) j += q;
                int64_t more = casualty_number(w, n, j, &u2);
                if (more > 0 && u2) { total += more; k = j + u2; words++; continue; }
            }
            if (is_be(w[k])) { k++; continue; }
            k++;
            words++;
        }
        if (k < n && casualty_kind(w[k]) >= 0) {
            casualty c = { casualty_kind(w[k]), total, (uint32_t)k, (uint32_t)first, (uint32_t)k };
            out[count++] = c;
            i = k;
        }
    }
    return count;
}
