/* code/casualty: see casualty.h.  The one idea: a count is a number, a few
 * words of description, an optional "were/have been", and a casualty word
 * ("2,000 fighters have been killed"), or a casualty verb and then the
 * number ("killing at least 50 civilians"). */
#include "casualty.h"
#include "../util/util.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* A word list indexed by first byte: a lookup compares only the words
 * that start as the word does (most words start as none does).  Gives the
 * index in the list of the word, the first one when a word is there twice. */
enum { LETTER_INDEX_MAX = 64 };
typedef struct letter_index {
    uint8_t     start[257];                 /* the words starting with byte c are at start[c] .. start[c + 1] - 1 */
    const char *word[LETTER_INDEX_MAX];     /* by first byte, in list order within a byte */
    uint8_t     position[LETTER_INDEX_MAX]; /* each one's index in the list */
    char        second[LETTER_INDEX_MAX];   /* each one's second byte: most words of a first byte differ there */
} letter_index;

static void letter_index_build(letter_index *x, const char *const *words, size_t n)
{
    size_t count[256] = { 0 };
    for (size_t k = 0; k < n; k++) count[(unsigned char)words[k][0]]++;
    x->start[0] = 0;
    for (size_t c = 0; c < 256; c++) x->start[c + 1] = (uint8_t)(x->start[c] + count[c]);
    size_t next[256];
    for (size_t c = 0; c < 256; c++) next[c] = x->start[c];
    for (size_t k = 0; k < n; k++) {
        size_t at = next[(unsigned char)words[k][0]]++;
        x->word[at] = words[k];
        x->position[at] = (uint8_t)k;
        x->second[at] = words[k][0] ? words[k][1] : 0;
    }
}

static int letter_index_find(const letter_index *x, const char *w)
{
    unsigned char c = (unsigned char)w[0];
    char second = c ? w[1] : 0;
    for (size_t j = x->start[c]; j < x->start[c + 1]; j++)
        if (x->second[j] == second && str_same(w, x->word[j])) return x->position[j];
    return -1;
}

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

/* The word lists below, indexed once (build_indexes). */
static letter_index number_index, kind_index, drive_index;
static pthread_once_t indexes_once = PTHREAD_ONCE_INIT;
static void build_indexes(void);

/* No number word starts otherwise ("one" ... "hundreds", "a", "dozen");
 * the empty word goes on to the lists, as it always has. */
static bool may_start_number_word(char c)
{
    switch (c) {
    case 'o': case 'a': case 't': case 'f': case 's': case 'e': case 'n': case 'h': case 'd': case 0: return true;
    default: return false;
    }
}

int64_t casualty_number(const char *const *w, size_t n, size_t i, size_t *used)
{
    *used = 0;
    if (i >= n) return -1;
    int64_t value = -1;
    const char *s = w[i];
    /* (most words start with neither a digit nor a number word's letter:
     * they are passed over before their length is counted) */
    if (!(s[0] >= '0' && s[0] <= '9') && !may_start_number_word(s[0])) return -1;
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
    if (len > 9 || !may_start_number_word(s[0])) return -1;
    pthread_once(&indexes_once, build_indexes);
    int found = letter_index_find(&number_index, s);
    if (found >= 0) value = number_words[found].value;
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

/* The words a count hangs on, and what each counts (kind_of_word, in order). */
#define CASUALTY_KIND_WORDS \
    "killed", "dead", "died", "killing", "kills", "kill", "deaths", "killings", \
    "wounded", "injured", "hurt", "wounding", "injuring", \
    "displaced", "displacing", "uprooted", "fled", "flee", "fleeing", "displacement", \
    "arrested", "detained", "arresting", "detaining", "rounded", "arrests", "arrest", "detention", \
    "abducted", "kidnapped", "abducting", "kidnapping", "abduction", "abductions", \
    "missing"
static const char *const kind_words[] = { CASUALTY_KIND_WORDS, NULL };
static const int kind_of_word[] = {
    CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED, CASUALTY_KILLED,
    CASUALTY_KILLED, CASUALTY_KILLED,
    CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED, CASUALTY_WOUNDED,
    CASUALTY_DISPLACED, CASUALTY_DISPLACED, CASUALTY_DISPLACED, CASUALTY_DISPLACED, CASUALTY_DISPLACED, CASUALTY_DISPLACED,
    CASUALTY_DISPLACED,
    CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED, CASUALTY_ARRESTED,
    CASUALTY_ARRESTED, CASUALTY_ARRESTED,
    CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED, CASUALTY_ABDUCTED,
    CASUALTY_MISSING,
};
_Static_assert(sizeof kind_of_word / sizeof *kind_of_word + 1 == sizeof kind_words / sizeof *kind_words,
               "one kind for each casualty word");

/* Nouns that count only before "of": "the abduction of 276 schoolgirls",
 * "the arrest of 40 protesters", "the deaths of 34 soldiers" */
static bool noun_before_of(const char *w)
{
    static const char *const nouns[] = { "deaths", "death", "killing", "killings", "displacement", "arrest", "arrests",
                                         "detention", "abduction", "abductions", "kidnapping", NULL };
    for (size_t k = 0; nouns[k]; k++) if (str_same(w, nouns[k])) return true;
    return false;
}

/* A noun that is no verb form: "arrest", "deaths" (not "killing") */
static bool noun_only(const char *w)
{
    size_t n = strlen(w);
    return noun_before_of(w) && !(n > 4 && str_same(w + n - 3, "ing"));
}

/* Verbs that drive people from their homes: "drove 700,000 people into
 * Bangladesh", "forced 10,000 residents from their homes" */
static const char *const drive_verbs[] = { "drove", "driven", "drive", "driving", "forced", "forcing", "pushed", NULL };

static bool drives_out(const char *const *w, size_t n, size_t verb, size_t after)
{
    pthread_once(&indexes_once, build_indexes);
    if (letter_index_find(&drive_index, w[verb]) < 0) return false;
    for (size_t k = after; k < n && k < after + 6; k++)
        if (str_same(w[k], "from") || str_same(w[k], "into") || str_same(w[k], "out") || str_same(w[k], "across"))
            return true;
    return false;
}

/* The words that let a sentence hold a count: the casualty words and the
 * verbs that drive people out */
static const char *const trigger_words[] = {
    CASUALTY_KIND_WORDS, "drove", "driven", "forced", "forcing", "pushed", "toll", NULL,
};

const char *const *casualty_words(void) { return trigger_words; }

int casualty_kind(const char *w)
{
    pthread_once(&indexes_once, build_indexes);
    int k = letter_index_find(&kind_index, w);
    return k < 0 ? -1 : kind_of_word[k];
}

/* A qualifier before a number; *phrase is how the record writes it ("as
 * many as"), NULL for words that qualify nothing ("another 5", "a further 9"). */
static bool qualifier_phrase(const char *const *w, size_t n, size_t i, size_t *used, const char **phrase)
{
    static const char *const two[][3] = { { "at", "least", "at least" }, { "more", "than", "more than" },
                                          { "less", "than", "less than" }, { "fewer", "than", "fewer than" },
                                          { "up", "to", "up to" }, { "as", "many", "as many as" },
                                          { "an", "estimated", "an estimated" }, { "close", "to", "close to" },
                                          { "a", "further", "" } };
    for (size_t k = 0; k < sizeof two / sizeof *two; k++)
        if (i + 1 < n && str_same(w[i], two[k][0]) && str_same(w[i + 1], two[k][1])) {
            *used = 2;
            *phrase = two[k][2][0] ? two[k][2] : NULL;   /* "a further 9" is 9, no qualifier */
            if (k == 5 && i + 2 < n && str_same(w[i + 2], "as")) *used = 3;   /* "as many as" */
            return true;
        }
    static const char *const one[] = { "about", "around", "nearly", "almost", "some", "over", "roughly", "approximately",
                                       "another", "further", "least", NULL };
    for (size_t k = 0; one[k]; k++)
        if (str_same(w[i], one[k])) {
            *used = 1;
            *phrase = strcmp(one[k], "another") == 0 || strcmp(one[k], "further") == 0 ? NULL
                    : strcmp(one[k], "least") == 0 ? "at least" : one[k];
            return true;
        }
    return false;
}

/* The qualifier of a sum of counts: the one they share; "about" when they
 * differ ("more than 280 civilians and about 2,000 fighters"). */
static bool lower_bound(const char *q)
{
    return strcmp(q, "at least") == 0 || strcmp(q, "more than") == 0 || strcmp(q, "over") == 0;
}

/* "dozens", "scores", "hundreds": a vague plural counts its lower bound */
static bool vague(const char *w)
{
    return str_same(w, "dozens") || str_same(w, "scores") || str_same(w, "hundreds") || str_same(w, "thousands") ||
           str_same(w, "tens");
}

const char *casualty_joined_qualifier(const char *a, const char *b)
{
    if (a == b || (a && b && strcmp(a, b) == 0)) return a;
    /* "at least 3 soldiers and 5 civilians" is at least 8 */
    if (!a) return lower_bound(b) ? b : "about";
    if (!b) return lower_bound(a) ? a : "about";
    return "about";
}

static bool is_be(const char *w)
{
    static const char *const be[] = { "were", "was", "are", "is", "been", "have", "has", "had", "be", "being",
                                      "reportedly", "also", "later", NULL };
    for (size_t k = 0; be[k]; k++) if (str_same(w, be[k])) return true;
    return false;
}

/* The casualty words a count before them hangs on: "50 were killed",
 * "12 dead", "30 deaths", "700,000 fled" (not "killing", "arrest") */
static bool ends_a_count(const char *w)
{
    if (casualty_kind(w) < 0) return false;
    if (str_same(w, "killing") || str_same(w, "wounding") || str_same(w, "injuring") || str_same(w, "kill") ||
        str_same(w, "kills"))
        return false;
    return !noun_only(w) || str_same(w, "deaths") || str_same(w, "killings");
}

static size_t list_length(const char *const *list)
{
    size_t n = 0;
    while (list[n]) n++;
    return n;
}

static void build_indexes(void)
{
    const char *numbers[LETTER_INDEX_MAX];
    size_t n = 0;
    while (number_words[n].word) { numbers[n] = number_words[n].word; n++; }
    letter_index_build(&number_index, numbers, n);
    letter_index_build(&kind_index, kind_words, list_length(kind_words));
    letter_index_build(&drive_index, drive_verbs, list_length(drive_verbs));
}
_Static_assert(sizeof number_words / sizeof *number_words <= LETTER_INDEX_MAX &&
               sizeof kind_words / sizeof *kind_words <= LETTER_INDEX_MAX &&
               sizeof drive_verbs / sizeof *drive_verbs <= LETTER_INDEX_MAX, "word lists fit a letter index");

/* The count after "and" at k that joins the count before it ("and five
 * civilians", "and about 30 others"; "and a police officer" one, when the
 * count before is a few words back: "two soldiers and a police officer"):
 * its value, or 0 when none follows; *next is the token after it. */
static int64_t count_after_and(const char *const *w, size_t n, size_t k, size_t words_between, size_t *next,
                               const char **qualifier)
{
    size_t used, q = 0, j = k + 1;
    const char *phrase = NULL;
    *qualifier = NULL;
    while (j < n && qualifier_phrase(w, n, j, &q, &phrase)) { if (!*qualifier || q > 1) *qualifier = phrase; j += q; }
    int64_t more = casualty_number(w, n, j, &used);
    if (!*qualifier && more > 0 && used && vague(w[j])) *qualifier = "at least";
    if ((more <= 0 || !used) && !*qualifier && words_between <= 2 && j + 1 < n &&
        (str_same(w[j], "a") || str_same(w[j], "an")) && casualty_kind(w[j + 1]) < 0) {
        more = 1;
        used = 1;
    }
    if (more <= 0 || !used) return 0;
    *next = j + used;
    return more;
}

/* "a"/"an" that counts one of the killed or wounded: after a casualty verb
 * ("killing a child and wounding six"), or before a singular casualty a few
 * words on ("A soldier was killed"); not "a number of", "a total of" */
static bool one_person(const char *const *w, size_t n, size_t i)
{
    static const char *const not_one[] = { "number", "total", "few", "handful", "lot", "further", "third", "quarter",
                                           "half", NULL };
    if (i + 1 >= n || !(str_same(w[i], "a") || str_same(w[i], "an"))) return false;
    for (size_t k = 0; not_one[k]; k++) if (str_same(w[i + 1], not_one[k])) return false;
    /* (the killed and wounded only: what is detained or seized may be a ship) */
    if (i > 0 && (casualty_kind(w[i - 1]) == CASUALTY_KILLED || casualty_kind(w[i - 1]) == CASUALTY_WOUNDED) &&
        !noun_only(w[i - 1]) && !str_same(w[i - 1], "dead"))
        return true;
    for (size_t k = i + 2; k < n && k < i + 6; k++) {
        if (str_same(w[k], ",") || str_same(w[k], ".") || str_same(w[k], ";")) return false;
        if (ends_a_count(w[k]))
            return (casualty_kind(w[k]) == CASUALTY_KILLED || casualty_kind(w[k]) == CASUALTY_WOUNDED) &&
                   (str_same(w[k - 1], "was") || (str_same(w[k - 1], "been") && str_same(w[k - 2], "has")));
    }
    return false;
}

/* A casualty word whose count follows it ("killing at least 50", "arrested
 * 16 journalists", "shot dead two men"), not one whose count comes before
 * ("12 dead", "700,000 fled", "30 died", "the arrest of"): "dead" takes
 * one only after "shot" */
static bool takes_count_after(const char *const *w, size_t k)
{
    const char *v = w[k];
    if (casualty_kind(v) < 0 || noun_only(v) || str_same(v, "missing") || str_same(v, "fled") || str_same(v, "flee") ||
        str_same(v, "fleeing") || str_same(v, "died"))
        return false;
    if (str_same(v, "dead"))
        return k > 0 && (str_same(w[k - 1], "shot") || str_same(w[k - 1], "shoot") || str_same(w[k - 1], "shoots") ||
                         str_same(w[k - 1], "shooting"));
    return true;
}

/* A verb's past participle, roughly: "shot", "stabbed", "beaten" (not
 * "children", "women") */
static bool participle(const char *w)
{
    static const char *const irregular[] = { "shot", "hit", "beaten", "struck", "hurt", "run", "caught", "taken",
                                             "driven", "stolen", "seen", "down", NULL };
    size_t len = strlen(w);
    if (len > 3 && str_same(w + len - 2, "ed")) return true;
    for (size_t k = 0; irregular[k]; k++) if (str_same(w, irregular[k])) return true;
    return false;
}

/* A span of time, no count: "two days after", "three weeks ago", "for 10
 * hours" (not "a 3-year-old", written as one word) */
static bool time_span(const char *const *w, size_t n, size_t after)
{
    static const char *const units[] = { "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                                         "night", "nights", "week", "weeks", "month", "months", "year", "years",
                                         "decade", "decades", NULL };
    if (after >= n) return false;
    for (size_t k = 0; units[k]; k++)
        if (str_same(w[after], units[k])) return !(after + 1 < n && str_same(w[after + 1], "old"));
    return false;
}

/* The count a casualty verb at k takes after it, qualifiers skipped ("killed
 * at least 26 villagers", "killing a child"): the verb acts on its own
 * victims, so a number before it is not theirs ("torched 40 houses and
 * killed three people", "two days after gunmen killed 26 villagers") */
static bool count_follows(const char *const *w, size_t n, size_t k)
{
    if (!takes_count_after(w, k)) return false;
    size_t j = k + 1, q;
    const char *phrase;
    while (j < n && qualifier_phrase(w, n, j, &q, &phrase)) j += q;
    size_t used;
    int64_t value = casualty_number(w, n, j, &used);
    return (value > 0 && used > 0 && !time_span(w, n, j + used)) || one_person(w, n, j);
}

/* A month's name or its abbreviation: "on March 31 after jihadists killed
 * 98 soldiers" counts 98, not 31 */
static bool month_word(const char *w)
{
    static const char *const months[] = { "january", "february", "march", "april", "may", "june", "july", "august",
                                          "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                                          "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", NULL };
    for (size_t k = 0; months[k]; k++) if (str_same(w, months[k])) return true;
    return false;
}

size_t casualty_find(const char *const *w, size_t n, casualty *out, size_t max)
{
    size_t count = 0;
    /* every count hangs on a casualty word: without one, nothing to read */
    bool any = false;
    for (size_t i = 0; i < n && !any; i++)
        any = casualty_kind(w[i]) >= 0 || str_same(w[i], "toll") || (i + 1 < n && drives_out(w, n, i, i + 1));
    if (!any) return 0;
    for (size_t i = 0; i < n && count < max; i++) {
        size_t used;
        int64_t value = casualty_number(w, n, i, &used);
        if ((value <= 0 || !used) && one_person(w, n, i)) { value = 1; used = 1; }
        if (value <= 0 || used == 0) continue;
        /* a year is not a count: "in 2011", "since 2014" */
        if (value >= 1900 && value <= 2100 && strlen(w[i]) == 4 && i > 0 &&
            (str_same(w[i - 1], "in") || str_same(w[i - 1], "since") || str_same(w[i - 1], "of") ||
             str_same(w[i - 1], ",") || str_same(w[i - 1], "from") || str_same(w[i - 1], "to") ||
             str_same(w[i - 1], "until") || str_same(w[i - 1], "between") || str_same(w[i - 1], "and") ||
             str_same(w[i - 1], "by") || str_same(w[i - 1], "after") || str_same(w[i - 1], "before") ||
             (i + 1 < n && (str_same(w[i + 1], "to") || str_same(w[i + 1], "and")))))
            continue;   /* ... "from 1998 to 2000", "between 2014 and 2016" */
        /* a day is not a count: "on March 31", "on Sept. 26" */
        if (value <= 31 && w[i][0] >= '0' && w[i][0] <= '9' && i > 0 &&
            (month_word(w[i - 1]) || (i > 1 && str_same(w[i - 1], ".") && month_word(w[i - 2]))))
            continue;
        if (time_span(w, n, i + used)) { i += used - 1; continue; }
        size_t first = i;
        const char *qualifier = NULL;
        while (first > 0) {
            size_t q = 0;
            const char *phrase = NULL;
            if (first >= 3 && qualifier_phrase(w, n, first - 3, &q, &phrase) && q == 3) { first -= 3; qualifier = phrase; continue; }
            if (first >= 2 && qualifier_phrase(w, n, first - 2, &q, &phrase) && q == 2) { first -= 2; qualifier = phrase; continue; }
            if (first >= 1 && qualifier_phrase(w, n, first - 1, &q, &phrase) && q == 1) {
                first -= 1;
                if (!qualifier) qualifier = phrase;   /* "at least" stands, not its "least" */
                continue;
            }
            break;
        }
        if (!qualifier && vague(w[i])) qualifier = "at least";
        /* form B: a casualty verb before the number: "killing at least 50", "arrested 16 journalists";
         * a casualty noun and "of": "the abduction of 276 schoolgirls" */
        size_t verb = SIZE_MAX;
        if (first > 1 && str_same(w[first - 1], "of") && noun_before_of(w[first - 2])) verb = first - 2;
        else if (first > 0 && takes_count_after(w, first - 1))
            verb = first - 1;
        /* "put the death toll at more than 100", "the toll rose to 30",
         * "a death toll of 50": the whole number of the killed */
        size_t toll = SIZE_MAX;
        if (verb == SIZE_MAX && first > 1 &&
            (str_same(w[first - 1], "at") || str_same(w[first - 1], "to") || str_same(w[first - 1], "of") ||
             str_same(w[first - 1], "reached") || str_same(w[first - 1], "past")))
            for (size_t k = first - 1; k > 0 && k + 4 > first && toll == SIZE_MAX; k--)
                if (str_same(w[k - 1], "toll")) toll = k - 1;
        if (toll != SIZE_MAX) {
            casualty c = { CASUALTY_KILLED, value, (uint32_t)toll, (uint32_t)toll, (uint32_t)(i + used - 1), qualifier, false, true };
            out[count++] = c;
            i += used - 1;
            continue;
        }
        if (verb == SIZE_MAX && first > 0 && drives_out(w, n, first - 1, i + used)) {
            casualty c = { CASUALTY_DISPLACED, value, (uint32_t)(first - 1), (uint32_t)(first - 1), (uint32_t)(i + used - 1), qualifier,
                           false, false };
            out[count++] = c;
            i += used - 1;
            continue;
        }
        if (verb != SIZE_MAX) {
            /* "killing at least 12 soldiers and five civilians": the numbers
             * joined by "and" within a few words are one count */
            int64_t total = value;
            size_t end = i + used - 1;
            for (size_t k = end + 1, words = 0; k < n && words < 4; k++, words++) {
                if (str_same(w[k], ",") || str_same(w[k], ".") || str_same(w[k], ";") || casualty_kind(w[k]) >= 0) break;
                if (!str_same(w[k], "and")) continue;
                size_t next;
                const char *more_qualifier;
                int64_t more = count_after_and(w, n, k, words, &next, &more_qualifier);
                if (more <= 0) break;
                total += more;
                qualifier = casualty_joined_qualifier(qualifier, more_qualifier);
                end = next - 1;
                k = end;
                words = 0;
            }
            casualty c = { casualty_kind(w[verb]), total, (uint32_t)verb, (uint32_t)verb, (uint32_t)end, qualifier,
                           verb + 1 < first, false };
            out[count++] = c;
            i = end;
            continue;
        }
        /* form A: number, a few words, maybe "were"/"have been", a casualty word;
         * numbers joined by "and" share the word: "280 civilians and 2,000 fighters have been killed" */
        int64_t total = value;
        const char *total_qualifier = qualifier;
        size_t k = i + used, words = 0;
        bool passive = false;   /* "were", "have been" on the way (not "had killed") */
        while (k < n && words < 8) {
            if (ends_a_count(w[k])) break;
            if (str_same(w[k], ",") && k + 1 < n && (str_same(w[k + 1], "including") || str_same(w[k + 1], "among"))) {
                /* "232 people, including 65 children, were killed": the aside is part of the count */
                size_t close = k + 2;
                while (close < n && close < k + 10 && !str_same(w[close], ",") && !str_same(w[close], ".")) close++;
                if (close < n && str_same(w[close], ",")) { k = close + 1; continue; }
            }
            if (str_same(w[k], ",") || str_same(w[k], ".") || str_same(w[k], ";")) { k = n; break; }
            if (str_same(w[k], "and")) {
                size_t next;
                const char *more_qualifier;
                int64_t more = count_after_and(w, n, k, words, &next, &more_qualifier);
                if (more > 0) {
                    total += more;
                    total_qualifier = casualty_joined_qualifier(total_qualifier, more_qualifier);
                    k = next;
                    words++;
                    continue;
                }
            }
            if (is_be(w[k])) {
                passive |= !str_same(w[k], "have") && !str_same(w[k], "has") && !str_same(w[k], "had") &&
                           !str_same(w[k], "reportedly") && !str_same(w[k], "also") && !str_same(w[k], "later");
                k++;
                continue;
            }
            k++;
            words++;
        }
        /* (not the count of another verb's object: "torched 40 houses and
         * killed three people", "burned dozens of homes and killed villagers";
         * but "five people were shot and killed", "two men shot and killed",
         * "three people gunned down and killed") */
        bool joined_verb = k > i + used + 1 && str_same(w[k - 1], "and") && !participle(w[k - 2]);
        bool another_object = k < n && !passive && takes_count_after(w, k) && (count_follows(w, n, k) || joined_verb);
        if (k < n && ends_a_count(w[k]) && !another_object) {
            casualty c = { casualty_kind(w[k]), total, (uint32_t)k, (uint32_t)first, (uint32_t)k, total_qualifier, false, false };
            out[count++] = c;
            i = k;
        }
    }
    return count;
}
