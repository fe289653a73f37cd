/* Unit tests: the gazetteer compiled from small sources of our own (cities,
 * division names, divisions with coordinates, towns, a word list), then the
 * coder choosing among its places: a city before the division of the same
 * name unless the text names the division, towns, and the article's
 * countries before population. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../src/lex/places.h"
#include "../../src/lex/lex.h"
#include "../../src/code/code.h"

static char sources[64], folder[64];   /* temporary: the source files; a dictionary folder with generated/places.tsv */
static char out_path[160];

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

/* A GeoNames cities15000 line: id, name, ascii name, alternate names, lat,
 * lon, feature code, country, admin1, population (the other columns empty). */
static void city_line(char *out, size_t n, long id, const char *name, const char *alternates, double lat, double lon,
                      const char *feature, const char *cc, const char *admin1, long population)
{
    snprintf(out, n, "%ld\t%s\t%s\t%s\t%.4f\t%.4f\tP\t%s\t%s\t\t%s\t\t\t\t%ld\t\t0\tEurope/X\t2020-01-01\n", id, name, name,
             alternates, lat, lon, feature, cc, admin1, population);
}

static const char country_info[] =
    "# ISO\tISO3\tISO-Numeric\tfips\tCountry\n"
    "SY\tSYR\t760\tSY\tSyria\n"
    "UA\tUKR\t804\tUP\tUkraine\n"
    "DE\tDEU\t276\tGM\tGermany\n"
    "RU\tRUS\t643\tRS\tRussia\n"
    "FR\tFRA\t250\tFR\tFrance\n"
    "LY\tLBY\t434\tLY\tLibya\n"
    "CD\tCOD\t180\tCG\tDR Congo\n"
    "AF\tAFG\t004\tAF\tAfghanistan\n";

static const char countries_json[] =
    "[{\"cca3\":\"SYR\",\"name\":{\"common\":\"Syria\"},\"latlng\":[35,38]},"
    "{\"cca3\":\"UKR\",\"name\":{\"common\":\"Ukraine\"},\"latlng\":[49,32]},"
    "{\"cca3\":\"RUS\",\"name\":{\"common\":\"Russia\"},\"latlng\":[60,100]},"
    "{\"cca3\":\"DEU\",\"name\":{\"common\":\"Germany\"},\"latlng\":[51,9]},"
    "{\"cca3\":\"LBY\",\"name\":{\"common\":\"Libya\"},\"latlng\":[25,17]}]";

static const char admin1[] =
    "SY.12\tIdlib\tIdlib\t169388\n"
    "UA.05\tDonetsk\tDonetsk\t709716\n"
    "FR.84\tAin\tAin\t3038422\n"
    "CD.11\tNord Kivu\tNord Kivu\t205413\n"
    "AF.10\tHelmand\tHelmand\t1140025\n"
    "AF.99\tCentral\tCentral\t1\n"
    "MC.00\t\tCommune de Monaco\t3319178\n";   /* an empty name: the ASCII name stands in (Monaco is not a country here) */

static const char states_json[] =
    "[{\"name\":\"Idlib Governorate\",\"isoCode\":\"ID\",\"countryCode\":\"SY\",\"latitude\":\"35.8269\",\"longitude\":\"36.6957\"},"
    /* a centre far outside the country: the seat stands in */
    "{\"name\":\"Helmand\",\"isoCode\":\"HEL\",\"countryCode\":\"AF\",\"latitude\":\"39.2989\",\"longitude\":\"-76.6160\"},"
    "{\"name\":\"Tigray Region\",\"isoCode\":\"TI\",\"countryCode\":\"ET\",\"latitude\":\"14.03\",\"longitude\":\"38.31\"},"
    "{\"name\":\"Luhanska oblast\",\"isoCode\":\"09\",\"countryCode\":\"UA\",\"latitude\":\"48.574\",\"longitude\":\"39.308\"}]";

static const char towns[] =
    "# geonameid\tname\tcountry\tadmin1\tfeature\tpopulation\tlat\tlon\n"
    "708251\tHostomel\tUA\t13\tPPL\t12450\t50.56841\t30.26510\n"
    "900001\tAlong\tDE\t01\tPPL\t5000\t50.0\t10.0\n"          /* a common word */
    "900002\tTinyville\tDE\t01\tPPL\t400\t50.1\t10.1\n"      /* too small */
    "169389\tIdlib\tSY\t12\tPPLA\t128840\t35.93062\t36.63393\n"  /* already a city */
    "900003\tBerlin\tRU\t13\tPPL\t1500\t54.0\t61.0\n"        /* a village named like a capital */
    "900004\tAinville\tFR\t84\tPPL\t2000\t46.2\t5.3\n"
    "704184\tShchastia\tUA\t09\tPPL\t11000\t48.74\t39.23\n";   /* Ukraine's towns now reach Luhansk */

static const char words[] = "along\nliberty\nReading\ncentral\n";

static int setup(void **state)
{
    (void)state;
    strcpy(sources, "/tmp/parley-places-XXXXXX");
    strcpy(folder, "/tmp/parley-placesdict-XXXXXX");
    if (!mkdtemp(sources) || !mkdtemp(folder)) return -1;
    char cities[4096], line[512];
    cities[0] = 0;
    city_line(line, sizeof line, 169389, "Idlib", "Idleb,إدلب", 35.9306, 36.6339, "PPLA", "SY", "12", 128840);
    strcat(cities, line);
    city_line(line, sizeof line, 709717, "Donetsk", "Donetska", 48.023, 37.8022, "PPLA", "UA", "05", 1024700);
    strcat(cities, line);
    city_line(line, sizeof line, 2950159, "Berlin", "Berlino", 52.5244, 13.4105, "PPLC", "DE", "16", 3426354);
    strcat(cities, line);
    city_line(line, sizeof line, 2210247, "Tripoli", "Tarabulus", 32.8752, 13.1875, "PPLC", "LY", "77", 1150989);
    strcat(cities, line);
    city_line(line, sizeof line, 216281, "Goma", "", -1.6741, 29.2285, "PPLA", "CD", "11", 144124);
    strcat(cities, line);
    city_line(line, sizeof line, 1138336, "Lashkar Gah", "", 31.5938, 64.3716, "PPLA", "AF", "10", 43934);
    strcat(cities, line);
    city_line(line, sizeof line, 1138958, "Kabul", "", 34.5281, 69.1723, "PPLC", "AF", "13", 3043532);
    strcat(cities, line);
    city_line(line, sizeof line, 3038354, "Bourg-en-Bresse", "", 46.2052, 5.2255, "PPLA2", "FR", "84", 41248);
    strcat(cities, line);
    write_file(sources, "cities15000.txt", cities);
    write_file(sources, "countryInfo.txt", country_info);
    write_file(sources, "countries.json", countries_json);
    write_file(sources, "admin1Codes.txt", admin1);
    write_file(sources, "state.json", states_json);
    write_file(sources, "towns.tsv", towns);
    write_file(sources, "words", words);
    char generated[128];
    snprintf(generated, sizeof generated, "%s/generated", folder);
    if (mkdir(generated, 0755) != 0) return -1;
    snprintf(out_path, sizeof out_path, "%s/places.tsv", generated);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    const char *names[] = { "cities15000.txt", "countryInfo.txt", "countries.json", "admin1Codes.txt", "state.json",
                            "towns.tsv", "words", "bad.tsv", NULL };
    char path[256];
    for (size_t i = 0; names[i]; i++) { snprintf(path, sizeof path, "%s/%s", sources, names[i]); unlink(path); }
    unlink(out_path);
    snprintf(path, sizeof path, "%s/generated", folder);
    rmdir(path);
    rmdir(folder);
    rmdir(sources);
    return 0;
}

static places_sources all_sources(char paths[7][256])
{
    const char *names[] = { "cities15000.txt", "countryInfo.txt", "countries.json", "admin1Codes.txt", "state.json",
                            "towns.tsv", "words" };
    for (size_t i = 0; i < 7; i++) snprintf(paths[i], 256, "%s/%s", sources, names[i]);
    places_sources s = { paths[0], paths[1], paths[2], paths[3], paths[4], paths[5], { paths[6], NULL, NULL, NULL } };
    return s;
}

static places *compile_and_load(places_counts *counts)
{
    char paths[7][256];
    places_sources s = all_sources(paths);
    error err;
    size_t rows = places_compile(&s, out_path, counts, &err);
    if (!rows) fail_msg("%s", err.message);
    places *p = places_load(out_path, &err);
    if (!p) fail_msg("%s", err.message);
    assert_int_equal(places_count(p), rows);
    return p;
}

static const place_info *kind_of(const place_info *found, size_t n, char kind)
{
    for (size_t i = 0; i < n; i++) if (found[i].kind == kind) return &found[i];
    return NULL;
}

static void test_compile_counts(void **state)
{
    (void)state;
    places_counts counts;
    places *p = compile_and_load(&counts);
    assert_int_equal(counts.cities, 8);
    assert_int_equal(counts.towns, 4);        /* Hostomel, the Russian Berlin, Ainville, Shchastia */
    assert_int_equal(counts.countries, 5);
    /* Idlib, Donetsk, Ain, Nord Kivu, Helmand and Luhanska (country-state-city's own); Monaco and
     * Ethiopia are not in countryInfo here, and "Central" has no town to stand on */
    assert_int_equal(counts.regions, 6);
    assert_int_equal(counts.rows[1], 4);
    assert_int_equal(counts.rows[3], 5);
    places_free(p);
}

static void test_regions(void **state)
{
    (void)state;
    places *p = compile_and_load(NULL);
    place_info found[8];
    /* the city and the governorate; the governorate at country-state-city's centre */
    size_t n = places_lookup(p, "idlib", found, 8);
    assert_int_equal(n, 2);
    const place_info *city = kind_of(found, n, 'c'), *region = kind_of(found, n, 'r');
    assert_non_null(city);
    assert_non_null(region);
    assert_string_equal(region->country, "SYR");
    assert_true(fabs(region->lat - 35.8269) < 1e-3 && fabs(region->lon - 36.6957) < 1e-3);
    assert_int_equal(region->population, 128840);   /* its cities added up */
    /* the source's own name, and without its division word */
    n = places_lookup(p, "idlib governorate", found, 8);
    assert_int_equal(n, 1);
    assert_int_equal(found[0].kind, 'r');
    n = places_lookup(p, "tigray", found, 8);
    assert_int_equal(n, 0);   /* Ethiopia is not in this countryInfo */
    n = places_lookup(p, "luhanska", found, 8);
    assert_int_equal(n, 1);
    /* Helmand's centre lies in America: the seat (Lashkar Gah) stands in */
    n = places_lookup(p, "helmand", found, 8);
    assert_int_equal(n, 1);
    assert_true(fabs(found[0].lat - 31.5938) < 1e-3 && fabs(found[0].lon - 64.3716) < 1e-3);
    /* English compass words: "Nord Kivu" is also "North Kivu"; no seat of its own, Goma is the seat */
    assert_int_equal(places_lookup(p, "nord kivu", found, 8), 1);
    assert_int_equal(places_lookup(p, "north kivu", found, 8), 1);
    assert_true(fabs(found[0].lat - -1.6741) < 1e-3);
    /* a division named by a common word is left out */
    assert_int_equal(places_lookup(p, "central", found, 8), 0);
    /* Ain has no seat among these cities: its most populous one stands in */
    n = places_lookup(p, "ain", found, 8);
    assert_int_equal(n, 1);
    assert_true(fabs(found[0].lat - 46.2052) < 1e-3);
    places_free(p);
}

/* A capital (PPLC) by its country's code, a country's centroid by its code */
static void test_capitals_and_countries(void **state)
{
    (void)state;
    places *p = compile_and_load(NULL);
    place_info found = { 0 };
    assert_true(places_capital(p, "LBY", &found));
    assert_memory_equal(found.name, "Tripoli", found.name_len);
    assert_true(fabs(found.lat - 32.8752) < 1e-3);
    assert_true(places_capital(p, "AFG", &found));
    assert_memory_equal(found.name, "Kabul", found.name_len);
    assert_false(places_capital(p, "SYR", &found));   /* Idlib is a seat of a division, not the capital */
    assert_false(places_capital(p, "XYZ", &found));
    assert_true(places_country(p, "UKR", &found));
    assert_int_equal(found.kind, 'n');
    assert_true(fabs(found.lat - 49) < 1e-9 && fabs(found.lon - 32) < 1e-9);
    assert_false(places_country(p, "AFG", &found));   /* no centroid for it in these sources */
    /* the capital's second row is under a key no name folds to */
    place_info rows[8];
    size_t n = places_lookup(p, "tripoli", rows, 8);
    for (size_t i = 0; i < n; i++) assert_int_not_equal(rows[i].kind, 'k');
    places_free(p);
}

static void test_towns(void **state)
{
    (void)state;
    places *p = compile_and_load(NULL);
    place_info found[8];
    assert_int_equal(places_lookup(p, "hostomel", found, 8), 1);
    assert_int_equal(found[0].kind, 't');
    assert_string_equal(found[0].country, "UKR");
    assert_int_equal(places_lookup(p, "along", found, 8), 0);       /* a common word */
    assert_int_equal(places_lookup(p, "tinyville", found, 8), 0);   /* 400 people */
    size_t n = places_lookup(p, "berlin", found, 8);
    assert_int_equal(n, 2);
    assert_string_equal(found[0].country, "DEU");                  /* most populous first */
    assert_int_equal(found[1].kind, 't');
    /* Idlib the town is Idlib the city already */
    n = places_lookup(p, "idlib", found, 8);
    assert_null(kind_of(found, n, 't'));
    places_free(p);
}

static void test_bad_sources(void **state)
{
    (void)state;
    char paths[7][256], bad[256];
    places_sources s = all_sources(paths);
    snprintf(bad, sizeof bad, "%s/bad.tsv", sources);
    error err;
    FILE *f = fopen(bad, "w");
    fputs("# header\n708251\tHostomel\tUA\n", f);
    fclose(f);
    s.towns = bad;
    assert_int_equal(places_compile(&s, out_path, NULL, &err), 0);
    assert_non_null(strstr(err.message, "bad.tsv:2:"));
    s = all_sources(paths);
    s.admin1 = bad;
    assert_int_equal(places_compile(&s, out_path, NULL, &err), 0);
    assert_non_null(strstr(err.message, "bad.tsv:2:"));
    f = fopen(bad, "w");
    fputs("[{\"name\":\"X\",\n \"countryCode\": }]", f);
    fclose(f);
    s = all_sources(paths);
    s.regions_json = bad;
    assert_int_equal(places_compile(&s, out_path, NULL, &err), 0);
    assert_non_null(strstr(err.message, "bad.tsv:2:"));
    f = fopen(bad, "w");
    fputs("[{\"name\":\"X\"}]", f);
    fclose(f);
    assert_int_equal(places_compile(&s, out_path, NULL, &err), 0);
    assert_non_null(strstr(err.message, "division 1"));
    s = all_sources(paths);
    s.words[0] = "/nonexistent/words";
    assert_int_equal(places_compile(&s, out_path, NULL, &err), 0);
    assert_non_null(strstr(err.message, "/nonexistent/words"));
}

/* ---- the coder choosing among the places ---- */

static const char cameo[] = "190\tUse conventional military force\t-10.0\t4\tASSAULT\t-\n"
                            "195\tEmploy aerial weapons\t-9.5\t4\tASSAULT\t-\n"
                            "040\tConsult\t1.0\t1\tCONSULT\t-\n";

static const char dictionary[] =
    "@kind country\nSyria = SYR\nUkraine = UKR\nRussia = RUS\nLibya = LBY\nGermany = DEU\n"
    "@kind demonym\nSyrian = SYR\nUkrainian = UKR\nRussian = RUS\nLibyan = LBY\n"
    "@kind group\nAinville Brigade = SYRREB\n"
    "@kind agent\nforces; troops; army = MIL\nrebel = REB\nofficial = GOV\n"
    "@kind locative\nin; at; near; south of = place\n"
    "@kind verb\nattack; shell = 190\nbomb = 195\nmeet = 040\n";

static const code_event *place_event(arena *a, lex_dict *d, const char *text, code_result *r)
{
    arena_init(a);
    code_options o = { false, true, true };
    code_article(a, d, &o, text, strlen(text), date_to_days(2022, 3, 10), r);
    for (size_t i = 0; i < r->count; i++) if (r->events[i].has_place) return &r->events[i];
    return NULL;
}

static void expect_place(lex_dict *d, const char *text, const char *name, const char *country, const char *precision)
{
    arena a;
    code_result r;
    const code_event *e = place_event(&a, d, text, &r);
    if (!e) fail_msg("no place in \"%s\"", text);
    if (strcmp(e->place.name, name) != 0 || strcmp(e->place.country, country) != 0 ||
        strcmp(e->place.precision ? e->place.precision : "(none)", precision) != 0)
        fail_msg("\"%s\": got %s %s %s, expected %s %s %s", text, e->place.name, e->place.country,
                 e->place.precision ? e->place.precision : "(none)", name, country, precision);
    arena_free(&a);
}

static void test_choosing(void **state)
{
    (void)state;
    places_free(compile_and_load(NULL));
    const char *folders[] = { folder };
    lex_source src[2] = { { "cameo.tsv", cameo, sizeof cameo - 1 }, { "test.txt", dictionary, sizeof dictionary - 1 } };
    error err;
    lex_dict *d = lex_load_ex(folders, 1, src, 2, &err);
    if (!d) fail_msg("%s", err.message);
    assert_non_null(lex_places(d));
    /* the city unless the text names the division */
    expect_place(d, "Syrian forces bombed rebels in Idlib on Monday.", "Idlib", "SYR", "city");
    expect_place(d, "Syrian forces bombed rebels in Idlib province on Monday.", "Idlib province", "SYR", "region");
    expect_place(d, "Syrian forces bombed rebels in the province of Idlib on Monday.", "Idlib", "SYR", "region");
    expect_place(d, "Syrian forces bombed rebels in Idlib Governorate on Monday.", "Idlib Governorate", "SYR", "region");
    expect_place(d, "Russian forces attacked Ukrainian troops in the Donetsk region.", "Donetsk region", "UKR", "region");
    expect_place(d, "Russian forces attacked Ukrainian troops in Donetsk Oblast.", "Donetsk Oblast", "UKR", "region");
    /* a division no city shares a name with */
    expect_place(d, "Ukrainian forces attacked Russian troops in Luhanska.", "Luhanska", "UKR", "region");
    /* a town, with coordinates */
    expect_place(d, "Russian forces shelled Ukrainian troops in Hostomel.", "Hostomel", "UKR", "city");
    /* a village of the article's country does not beat a capital a thousand times larger */
    expect_place(d, "Russian forces attacked Ukrainian officials in Berlin.", "Berlin", "DEU", "city");
    /* part of a longer name is a division only in the article's countries: "Ain" is French */
    expect_place(d, "Libyan forces attacked rebels in Ain Zara, south of Tripoli.", "Ain Zara", "LBY", "near");
    lex_free(d);
}

/* A compiled gazetteer of the rows tsv, written as sources/name and loaded */
static places *load_rows(const char *name, const char *tsv)
{
    char path[160];
    snprintf(path, sizeof path, "%s/%s", sources, name);
    write_file(sources, name, tsv);
    error err = { 0 };
    places *p = places_load(path, &err);
    assert_non_null(p);
    return p;
}

/* Numbers in a compiled gazetteer read exactly as strtod reads them, in
 * the plain form the compiler writes and in any other. */
static void test_row_numbers(void **state)
{
    (void)state;
    static const char *const numbers[][3] = {
        { "31.3416", "34.3459", "5984" }, { "-33.8688", "-151.2093", "0" }, { "0.1", "-0", "7" },
        { "1e1", "+2.5", " 12" }, { "12345678901234567", "0.1234567890123456789", "123456789012345678901" },
        { ".5", "5.", "-3" },
    };
    char tsv[2048] = "# test rows\n";
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        char row[256];
        snprintf(row, sizeof row, "place%zu\tPlace %zu\tSYR\t%s\t%s\t%s\tc\n", i, i, numbers[i][0], numbers[i][1], numbers[i][2]);
        strcat(tsv, row);
    }
    places *p = load_rows("numbers.tsv", tsv);
    for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
        char key[16];
        snprintf(key, sizeof key, "place%zu", i);
        place_info found[2];
        assert_int_equal(places_lookup(p, key, found, 2), 1);
        double lat = strtod(numbers[i][0], NULL), lon = strtod(numbers[i][1], NULL);
        assert_memory_equal(&found[0].lat, &lat, sizeof lat);
        assert_memory_equal(&found[0].lon, &lon, sizeof lon);
        assert_int_equal(found[0].population, strtol(numbers[i][2], NULL, 10));
    }
    places_free(p);
}

/* The bisection compares keys' first eight bytes as numbers, then the
 * rest: keys that begin others, keys of eight bytes and longer ones that
 * share them, and names the file lacks find the rows a scan of the file
 * finds. */
static void test_lookup_by_key_start(void **state)
{
    (void)state;
    static const char *const keys[] = { "a", "ab", "ab", "abcdefg", "abcdefgh", "abcdefgh", "abcdefgh a", "abcdefgha",
                                        "abcdefghij", "abcdefgz", "abd", "b", "zzzzzzzzzzzz" };
    size_t count = sizeof keys / sizeof *keys;
    char tsv[2048] = "";
    for (size_t i = 0; i < count; i++) {
        char row[128];
        snprintf(row, sizeof row, "%s\tPlace %zu\tSYR\t1.5\t2.5\t%zu\tc\n", keys[i], i, 1000 - i);
        strcat(tsv, row);
    }
    places *p = load_rows("keys.tsv", tsv);
    static const char *const asked[] = { "a", "ab", "abc", "abcdefg", "abcdefgh", "abcdefgh a", "abcdefgha", "abcdefghi",
                                         "abcdefghij", "abcdefghijk", "abcdefgz", "abd", "aa", "b", "c", "",
                                         "zzzzzzzzzzzz", "zzzzzzzzzzz", "zzzzzzzzzzzzz" };
    for (size_t q = 0; q < sizeof asked / sizeof *asked; q++) {
        size_t expected = 0, first = count;
        for (size_t i = 0; i < count; i++)
            if (strcmp(keys[i], asked[q]) == 0) { expected++; if (first == count) first = i; }
        place_info found[4];
        assert_int_equal(places_lookup(p, asked[q], found, 4), expected);
        if (expected) assert_int_equal(found[0].population, (long)(1000 - first));
    }
    places_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_compile_counts), cmocka_unit_test(test_regions), cmocka_unit_test(test_towns),
        cmocka_unit_test(test_capitals_and_countries),
        cmocka_unit_test(test_bad_sources), cmocka_unit_test(test_choosing), cmocka_unit_test(test_row_numbers),
        cmocka_unit_test(test_lookup_by_key_start),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
