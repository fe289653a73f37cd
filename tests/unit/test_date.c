/* Unit tests: date expressions (code/date), on sentences folded exactly as
 * the coder folds them.  Each check names the publication date, the
 * sentence, the date expected (YYYY-MM-DD, YYYY-MM or YYYY: the precision
 * is part of the answer) and the words that gave it. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "../../src/text/text.h"
#include "../../src/code/code.h"
#include "../../src/code/date.h"

typedef struct found {
    arena            a;
    const char      *words[128];
    size_t           word_count;
    date_expression  dates[8];
    size_t           count;
} found;

static void find_dates(found *f, const char *publication, const char *sentence)
{
    arena_init(&f->a);
    char *folded = text_fold_phrase(&f->a, sentence, strlen(sentence));
    f->word_count = 0;
    for (char *w = strtok(folded, " "); w && f->word_count < 128; w = strtok(NULL, " ")) f->words[f->word_count++] = w;
    int32_t pub;
    assert_true(date_parse_iso(publication, strlen(publication), &pub));
    f->count = date_find(f->words, f->word_count, 0, f->word_count, pub, f->dates, 8);
}

/* "2020-01-06", "2020-01" or "2020" as the precision says */
static void format(int32_t days, int precision, char out[11])
{
    date_format_iso(days, out);
    if (precision == CODE_DATE_MONTH) out[7] = 0;
    else if (precision == CODE_DATE_YEAR) out[4] = 0;
}

static void span(const found *f, const date_expression *e, char *out, size_t size)
{
    out[0] = 0;
    for (uint32_t k = e->first; k <= e->last && k < f->word_count; k++) {
        if (k > e->first) strncat(out, " ", size - strlen(out) - 1);
        strncat(out, f->words[k], size - strlen(out) - 1);
    }
}

static void dump(const found *f)
{
    for (size_t d = 0; d < f->count; d++) {
        char date[11], until[11], words[256];
        format(f->dates[d].days, f->dates[d].precision, date);
        format(f->dates[d].until, f->dates[d].until_precision, until);
        span(f, &f->dates[d], words, sizeof words);
        fprintf(stderr, "  %s..%s%s \"%s\"\n", date, until, f->dates[d].is_range ? " (range)" : "", words);
    }
}

/* The n-th expression of the sentence resolves to date (and, for a range,
 * runs until until) from the words expected. */
static void check(const char *publication, const char *sentence, size_t n, const char *date, const char *until,
                  const char *words)
{
    found f;
    find_dates(&f, publication, sentence);
    if (f.count <= n) { dump(&f); fail_msg("%s: no date expression %zu in \"%s\"", publication, n, sentence); }
    const date_expression *e = &f.dates[n];
    char got[11], got_until[11], got_words[256];
    format(e->days, e->precision, got);
    format(e->until, e->until_precision, got_until);
    span(&f, e, got_words, sizeof got_words);
    if (strcmp(got, date) != 0 || strcmp(got_words, words) != 0 || (until != NULL) != e->is_range ||
        (until && strcmp(got_until, until) != 0)) {
        dump(&f);
        fail_msg("%s: \"%s\": expected %s%s%s from \"%s\", got %s%s%s from \"%s\"", publication, sentence, date,
                 until ? ".." : "", until ? until : "", words, got, e->is_range ? ".." : "", e->is_range ? got_until : "",
                 got_words);
    }
    arena_free(&f.a);
}

#define DATE(pub, sentence, date, words) check(pub, sentence, 0, date, NULL, words)
#define RANGE(pub, sentence, date, until, words) check(pub, sentence, 0, date, until, words)

static void none(const char *publication, const char *sentence)
{
    found f;
    find_dates(&f, publication, sentence);
    if (f.count) { dump(&f); fail_msg("\"%s\" has no date, got %zu", sentence, f.count); }
    arena_free(&f.a);
}

/* Monday 2020-01-13, as in the Moscow talks story */
#define PUB "2020-01-13"

static void test_absolute(void **state)
{
    (void)state;
    DATE(PUB, "Haftar's forces on Jan. 6 captured Sirte.", "2020-01-06", "jan . 6");
    DATE(PUB, "The deal was signed on 6 January 2020 in Moscow.", "2020-01-06", "6 january 2020");
    DATE(PUB, "The talks opened on January 6th.", "2020-01-06", "january 6th");
    DATE(PUB, "The ministry said on 2020-01-06 that the port was closed.", "2020-01-06", "2020-01-06");
    DATE(PUB, "Troops entered the town on Jan. 6, 2019, the army said.", "2019-01-06", "jan . 6 , 2019");
    DATE(PUB, "The truce took effect on the 6th of January.", "2020-01-06", "the 6th of january");
    DATE(PUB, "Fighting broke out in March.", "2019-03", "march");
    DATE(PUB, "Rebels seized the town in March 2019.", "2019-03", "march 2019");
    DATE(PUB, "Rebels seized the town in March of 2019.", "2019-03", "march of 2019");
    DATE(PUB, "The civil war began in 2012.", "2012", "2012");
    DATE("2020-05-01", "Clashes erupted in mid-March near the border.", "2020-03", "mid march");
    DATE(PUB, "The militia was formed late last year.", "2019", "late last year");
    DATE(PUB, "Elections are planned for early 2021.", "2021", "early 2021");
    DATE(PUB, "The group was founded in the summer of 2014.", "2014", "summer of 2014");
    RANGE(PUB, "Cholera spread in the 1990s.", "1990", "1999", "the 1990s");
    /* a day a few days after publication is an announced date of this year */
    DATE(PUB, "The conference opens on Jan. 19 in Berlin.", "2020-01-19", "jan . 19");
    /* a month and day well after publication, told in the past, was last year's */
    DATE(PUB, "The rebels took the airport on Sept. 14.", "2019-09-14", "sept . 14");
}

static void test_relative(void **state)
{
    (void)state;
    DATE(PUB, "Turkey's president said yesterday that talks would go on.", "2020-01-12", "yesterday");
    DATE(PUB, "The two leaders meet today in Moscow.", "2020-01-13", "today");
    DATE(PUB, "The council votes tonight.", "2020-01-13", "tonight");
    DATE(PUB, "Drones struck the airport overnight.", "2020-01-13", "overnight");   /* the night that ends on the publication day */
    DATE(PUB, "Rebels shelled the capital on Sunday.", "2020-01-12", "sunday");
    DATE(PUB, "Rebels shelled the capital on Monday.", "2020-01-13", "monday");   /* the publication day itself */
    DATE(PUB, "The army attacked on Monday night.", "2020-01-13", "monday night");
    DATE(PUB, "The army attacked late on Thursday.", "2020-01-09", "late on thursday");
    DATE(PUB, "Protesters gathered last night outside parliament.", "2020-01-12", "last night");
    DATE(PUB, "Envoys met last week in Geneva.", "2020-01", "last week");
    DATE("2020-01-03", "Envoys met last week in Geneva.", "2019-12", "last week");
    /* a week spanning two months is told by its Thursday: Feb. 28 - March 6, 2022 */
    DATE("2022-03-10", "Envoys met last week in Geneva.", "2022-03", "last week");
    DATE("2022-05-26", "Envoys will meet next week in Geneva.", "2022-06", "next week");   /* May 30 - June 5 */
    DATE(PUB, "Envoys met last month in Geneva.", "2019-12", "last month");
    DATE(PUB, "The offensive began last April.", "2019-04", "last april");
    DATE("2020-04-20", "The offensive began last April.", "2019-04", "last april");
    DATE(PUB, "The army said earlier this month that it had withdrawn.", "2020-01", "earlier this month");
    DATE("2020-06-02", "Prices rose earlier this year.", "2020", "earlier this year");
    DATE(PUB, "Gunmen kidnapped two engineers two days ago.", "2020-01-11", "two days ago");
    DATE(PUB, "Gunmen kidnapped two engineers three weeks ago.", "2019-12", "three weeks ago");
    DATE(PUB, "A day earlier, gunmen kidnapped two engineers.", "2020-01-12", "a day earlier");
    DATE(PUB, "Gunmen had kidnapped two engineers the day before.", "2020-01-12", "the day before");
    DATE(PUB, "Gunmen had kidnapped two engineers the day before yesterday.", "2020-01-11", "the day before yesterday");
    DATE(PUB, "The envoy has visited Tripoli twice this week.", "2020-01", "this week");
    DATE("2020-01-30", "The envoy will visit Tripoli next week.", "2020-02", "next week");
    DATE("2020-12-15", "The envoy will visit Tripoli next month.", "2021-01", "next month");
    DATE(PUB, "Troops left the base last year.", "2019", "last year");
    DATE(PUB, "The envoy arrives tomorrow.", "2020-01-14", "tomorrow");
    DATE(PUB, "Talks collapsed at the end of last month.", "2019-12", "the end of last month");
    DATE(PUB, "Attacks on aid workers rose in recent years.", "2020", "in recent years");
    DATE(PUB, "Earlier on Monday, rebels attacked.", "2020-01-13", "earlier on monday");
    DATE(PUB, "Monday, Jan. 6, was quiet in Tripoli.", "2020-01-06", "monday , jan . 6");
    /* "a day earlier" counts from the day the sentence gave before */
    check(PUB, "Rebels attacked on Sunday, a day earlier than planned.", 0, "2020-01-12", NULL, "sunday");
    check(PUB, "The talks failed on Sunday; a day earlier, rebels had shelled the port.", 1, "2020-01-11", NULL,
          "a day earlier");
}

static void test_ranges(void **state)
{
    (void)state;
    RANGE("2020-04-01", "Talks were held from March 3 to 5 in Geneva.", "2020-03-03", "2020-03-05", "from march 3 to 5");
    RANGE("2020-04-01", "Talks were held on March 3-5 in Geneva.", "2020-03-03", "2020-03-05", "march 3-5");
    RANGE("2020-04-01", "Talks were held from March 30 to April 2.", "2020-03-30", "2020-04-02",
          "from march 30 to april 2");
    RANGE(PUB, "The coalition struck rebels between 2016 and 2021.", "2016", "2021", "between 2016 and 2021");
    RANGE(PUB, "The coalition struck rebels from 2016 to 2021.", "2016", "2021", "from 2016 to 2021");
    RANGE(PUB, "The capital has been under attack since last April.", "2019-04", "2020-01-13", "since last april");
    RANGE(PUB, "Turkey has hosted refugees since 2014.", "2014", "2020-01-13", "since 2014");
    RANGE(PUB, "Airstrikes intensified over the past week.", "2020-01", "2020-01-13", "over the past week");
    RANGE(PUB, "Airstrikes killed 40 people in the past three days.", "2020-01-10", "2020-01-13",
          "in the past three days");
    RANGE(PUB, "Fighting has raged for three days.", "2020-01-10", "2020-01-13", "for three days");
    RANGE(PUB, "Protesters gathered from Monday to Wednesday.", "2020-01-13", "2020-01-15",
          "from monday to wednesday");
    /* a duration after a day extends that day */
    RANGE(PUB, "The envoys met on Jan. 6 for three days.", "2020-01-06", "2020-01-08", "jan . 6");
    RANGE(PUB, "The envoys met on Jan. 6 for five hours.", "2020-01-06", "2020-01-06", "jan . 6");
}

static void test_tense(void **state)
{
    (void)state;
    DATE(PUB, "The two leaders will meet on Sunday.", "2020-01-19", "sunday");
    DATE(PUB, "Talks are due to begin on March 10 in Geneva.", "2020-03-10", "march 10");
    DATE("2020-01-15", "The envoy is expected to arrive on Monday.", "2020-01-20", "monday");
    DATE("2020-01-12", "Voters go to the polls next Sunday.", "2020-01-19", "next sunday");
    DATE(PUB, "The talks scheduled for Thursday were cancelled.", "2020-01-16", "thursday");
    DATE(PUB, "Parliament will hold a vote in March.", "2020-03", "march");
    /* the future of one clause does not reach the report of another */
    DATE(PUB, "\"We will retaliate,\" Kanunu said on Sunday.", "2020-01-12", "sunday");
    DATE(PUB, "Haftar said on Sunday he will attend.", "2020-01-12", "sunday");
}

/* Whether the n-th expression of the sentence points past the publication. */
static bool future_at(const char *publication, const char *sentence, size_t n)
{
    found f;
    find_dates(&f, publication, sentence);
    if (f.count <= n) { dump(&f); fail_msg("no date expression %zu in \"%s\"", n, sentence); }
    bool future = f.dates[n].future;
    arena_free(&f.a);
    return future;
}

static void test_future_flag(void **state)
{
    (void)state;
    /* "next week" is ahead although its month is the publication's */
    assert_true(future_at("2023-03-17", "Xi plans to visit Russia next week, the ministry said on Friday.", 0));
    assert_false(future_at("2023-03-17", "Xi plans to visit Russia next week, the ministry said on Friday.", 1));
    assert_true(future_at(PUB, "The two leaders will meet on Sunday.", 0));
    assert_true(future_at(PUB, "The conference opens on Jan. 19 in Berlin.", 0));
    assert_true(future_at(PUB, "The vote is scheduled for 2020-02-01.", 0));
    assert_false(future_at(PUB, "Rebels shelled the capital on Monday.", 0));
    assert_false(future_at(PUB, "Envoys met this week.", 0));
    assert_false(future_at(PUB, "Turkey has hosted refugees since 2014.", 0));
    /* a span ahead of the publication: what is to happen in it */
    assert_true(future_at(PUB, "He said he would convene a summit in the coming days.", 0));
    assert_true(future_at(PUB, "Talks will resume in the next two weeks.", 0));
    assert_false(future_at(PUB, "Fighting has eased over the past week.", 0));
}

/* The n-th expression of the sentence, copied out (its flags) */
static date_expression nth(const char *publication, const char *sentence, size_t n)
{
    found f;
    find_dates(&f, publication, sentence);
    if (f.count <= n) { dump(&f); fail_msg("no date expression %zu in \"%s\"", n, sentence); }
    date_expression e = f.dates[n];
    arena_free(&f.a);
    return e;
}

static void test_clause_distance(void **state)
{
    (void)state;
    /* PUB is Monday 2020-01-13: what the clause after "after" tells happened
     * that long before the day the sentence named first */
    const char *a = "The president sacked the army chief on Sunday, a day after rebels attacked a base.";
    check(PUB, a, 1, "2020-01-11", NULL, "a day after");
    assert_true(nth(PUB, a, 1).opens_clause);
    assert_false(nth(PUB, a, 0).opens_clause);
    check(PUB, "Keita resigned late on Friday, hours after soldiers detained him.", 1, "2020-01-10", NULL, "hours after");
    check(PUB, "Troops withdrew on Saturday, three days after rebels captured the airport.", 1, "2020-01-08", NULL,
          "three days after");
    check(PUB, "Missiles struck the port on Sunday, less than 24 hours after the two sides signed a deal.", 1,
          "2020-01-11", NULL, "24 hours after");
    check(PUB, "The minister resigned on Friday, the day after police raided a newspaper.", 1, "2020-01-09", NULL,
          "the day after");
    /* before: the clause is that long after the day */
    check(PUB, "Rebels attacked a base on Sunday, two days before troops withdrew.", 1, "2020-01-14", NULL,
          "two days before");
    /* with no day named before, the distance counts from nothing the text gives */
    none(PUB, "Troops withdrew three days after rebels captured the airport.");
    none(PUB, "Rebels attacked a base two days before the vote.");
    /* a possessive describes its noun */
    assert_true(nth(PUB, "The leader, who lost last year's election, resigned.", 0).modifier);
    assert_false(nth(PUB, "The leader resigned last year.", 0).modifier);
}

static void test_rollover(void **state)
{
    (void)state;
    /* Sunday 2021-01-03 */
    DATE("2021-01-03", "Militants attacked a checkpoint on Friday.", "2021-01-01", "friday");
    DATE("2021-01-03", "Militants attacked a checkpoint on Monday.", "2020-12-28", "monday");
    DATE("2021-01-03", "Militants attacked a checkpoint last December.", "2020-12", "last december");
    DATE("2021-01-03", "Militants attacked a checkpoint in December.", "2020-12", "december");
    DATE("2021-01-03", "Militants attacked a checkpoint on Dec. 30.", "2020-12-30", "dec . 30");
    DATE("2021-01-03", "Militants attacked a checkpoint last month.", "2020-12", "last month");
    DATE("2021-01-03", "Militants attacked a checkpoint last year.", "2020", "last year");
    DATE("2021-01-03", "Militants attacked a checkpoint two days ago.", "2021-01-01", "two days ago");
    DATE("2021-01-03", "The envoys will meet on Friday.", "2021-01-08", "friday");
    DATE("2020-12-28", "The envoys will meet on Jan. 4.", "2021-01-04", "jan . 4");
    DATE("2021-03-01", "Troops withdrew on Feb. 28.", "2021-02-28", "feb . 28");
    DATE("2020-03-01", "Troops withdrew on Feb. 29.", "2020-02-29", "feb . 29");
}

static void test_not_dates(void **state)
{
    (void)state;
    none(PUB, "The government freed 5,000 prisoners.");
    none(PUB, "The No. 3 official of the group was killed.");
    none(PUB, "The two countries share a 1,200 km border.");
    none(PUB, "Iran breached Resolution 2231, the envoy said.");
    none(PUB, "The council met under Resolution 2016 of the Security Council.");
    none(PUB, "The curfew starts at 10 a.m. and ends at 4 p.m.");
    none(PUB, "Thousands of protesters march to parliament.");
    none(PUB, "The march was peaceful.");
    none(PUB, "Talks may resume.");
    none(PUB, "The 12 may be freed soon.");
    none(PUB, "The truce was extended until March.");
    none(PUB, "The vote was postponed to Monday.");
    none(PUB, "The country pledged to cut emissions by 2030.");
    none(PUB, "The country pledged to cut emissions by the end of 2030.");
    none(PUB, "After two days of talks the envoys left.");
    none(PUB, "Rebels attacked the day before the vote.");
    none(PUB, "Rebels held the town for three days.");
    none(PUB, "The envoys met a week later.");
    /* a count after a date is not its year */
    DATE(PUB, "On Jan. 6, 2,000 people marched in Tripoli.", "2020-01-06", "jan . 6");
    DATE(PUB, "Protesters march on Sunday.", "2020-01-12", "sunday");
    check(PUB, "The march in March was peaceful.", 0, "2019-03", NULL, "march");
}

static void test_word_range(void **state)
{
    (void)state;
    /* only heads among words[first, first+count) are found, but the words
     * around them are read: "in February" makes "February" a month */
    found f;
    find_dates(&f, PUB, "Talks resumed in February in Geneva.");
    int32_t pub = date_to_days(2020, 1, 13);
    date_expression e[2];
    assert_int_equal(date_find(f.words, f.word_count, 3, 1, pub, e, 2), 1);
    assert_int_equal(e[0].precision, CODE_DATE_MONTH);
    assert_int_equal(date_find(f.words, f.word_count, 4, 3, pub, e, 2), 0);
    assert_int_equal(date_find(f.words, f.word_count, 0, 0, pub, e, 2), 0);
    assert_int_equal(date_find(f.words, f.word_count, 3, 1000, pub, e, 2), 1);   /* count past the end is clamped */
    arena_free(&f.a);
    /* max bounds what is written */
    find_dates(&f, PUB, "On Monday, Tuesday and Wednesday, and again on Jan. 2, rebels attacked.");
    assert_int_equal(f.count, 4);
    assert_int_equal(date_find(f.words, f.word_count, 0, f.word_count, pub, e, 2), 2);
    arena_free(&f.a);
}

static void test_told_day(void **state)
{
    (void)state;
    /* "later", "earlier" and "the next day" with no day of their own
     * sentence count from the last day the text named before it */
    int32_t told = date_to_days(2019, 12, 27);
    struct { const char *sentence, *expected; } checks[] = {
        { "Washington struck its bases two days later.", "2019-12-29" },
        { "A day earlier, rebels had fired rockets.", "2019-12-26" },
        { "The next day, protesters stormed the embassy.", "2019-12-28" },
        { "The envoys met a week later.", "2020-01" },
    };
    for (size_t k = 0; k < sizeof checks / sizeof checks[0]; k++) {
        found f;
        find_dates(&f, PUB, checks[k].sentence);
        date_expression e[2];
        int32_t pub = date_to_days(2020, 1, 13);
        assert_int_equal(date_find_told(f.words, f.word_count, 0, f.word_count, pub, &told, NULL, e, 2), 1);
        char date[11];
        format(e[0].days, e[0].precision, date);
        assert_string_equal(date, checks[k].expected);
        assert_true(e[0].from_told_time);
        arena_free(&f.a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absolute), cmocka_unit_test(test_relative), cmocka_unit_test(test_ranges),
        cmocka_unit_test(test_tense),    cmocka_unit_test(test_rollover), cmocka_unit_test(test_not_dates),
        cmocka_unit_test(test_future_flag), cmocka_unit_test(test_word_range), cmocka_unit_test(test_clause_distance),
        cmocka_unit_test(test_told_day),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
