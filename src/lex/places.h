/* lex/places: the gazetteer.  GeoNames cities (Debian's
 * libtimezonemap-data ships cities15000 with alternate names and
 * population) and country centroids (npm world-countries) are compiled at
 * build time into one sorted file, dict/generated/places.tsv, keyed by the
 * folded name; at run time it is read once and searched by bisection, so
 * tens of thousands of names cost no start-up parsing. */
#ifndef PARLEY_PLACES_H
#define PARLEY_PLACES_H

#include "../util/util.h"

typedef struct place_info {
    const char *name;        /* display name (points into the loaded file; not NUL-terminated: use name_len) */
    size_t      name_len;
    char        country[4];  /* ISO alpha-3 */
    double      lat, lon;
    long        population;
    char        kind;        /* 'c' city, 'r' region, 'n' country */
} place_info;

typedef struct places places;

/* Reads a compiled gazetteer (NULL with err set when unreadable or malformed). */
places *places_load(const char *path, error *err);
void    places_free(places *p);
size_t  places_count(const places *p);

/* Candidates for a folded name ("tripoli"), most populous first; returns how
 * many were written (at most max). */
size_t places_lookup(const places *p, const char *folded, place_info *out, size_t max);

/* Compiles GeoNames cities15000.txt + countryInfo.txt (for alpha-2 -> alpha-3)
 * + world-countries countries.json (country centroids, may be NULL) into the
 * sorted file at out_path.  Returns the number of rows, or 0 with err set. */
size_t places_compile(const char *cities_path, const char *country_info_path, const char *countries_json_path,
                      const char *out_path, error *err);

#endif
