/* lex/places: compiling and searching the gazetteer (see places.h).
 * File format, one row a line, sorted by key then population (descending):
 *   folded-key TAB display-name TAB ISO3 TAB lat TAB lon TAB population TAB kind */
#include "places.h"
#include "../text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct places {
    char   *data;
    size_t  len;
    const char **rows;     /* start of each row */
    size_t  count;
};

places *places_load(const char *path, error *err)
{
    places *p = calloc(1, sizeof *p);
    if (!p) abort();
    if (!file_read_all(path, 256u << 20, &p->data, &p->len, err)) { free(p); return NULL; }
    size_t cap = 1024;
    p->rows = malloc(cap * sizeof *p->rows);
    for (char *line = p->data; line < p->data + p->len;) {
        char *next = memchr(line, '\n', (size_t)(p->data + p->len - line));
        if (!next) next = p->data + p->len;
        *next = 0;
        if (next > line && *line != '#') {
            if (!memchr(line, '\t', (size_t)(next - line))) {
                error_set(err, "%s: row %zu has no tab: not a compiled gazetteer", path, p->count + 1);
                places_free(p);
                return NULL;
            }
            if (p->count == cap) { cap *= 2; p->rows = realloc(p->rows, cap * sizeof *p->rows); }
            p->rows[p->count++] = line;
        }
        line = next + 1;
    }
    for (size_t i = 1; i < p->count; i++) {
        /* keys must ascend for the bisection (equal keys are fine) */
        size_t k1 = strcspn(p->rows[i - 1], "\t"), k2 = strcspn(p->rows[i], "\t");
        int c = memcmp(p->rows[i - 1], p->rows[i], k1 < k2 ? k1 : k2);
        if (c > 0 || (c == 0 && k1 > k2)) {
            error_set(err, "%s: rows %zu and %zu are out of order", path, i, i + 1);
            places_free(p);
            return NULL;
        }
    }
    return p;
}

void places_free(places *p)
{
    if (!p) return;
    free(p->data);
    free(p->rows);
    free(p);
}

size_t places_count(const places *p) { return p ? p->count : 0; }

static int compare_key(const char *row, const char *key)
{
    size_t kl = strcspn(row, "\t"), n = strlen(key);
    size_t m = kl < n ? kl : n;
    int c = memcmp(row, key, m);
    if (c) return c;
    return kl < n ? -1 : kl > n ? 1 : 0;
}

static bool parse_row(const char *row, place_info *out)
{
    const char *f[7];
    const char *q = row;
    for (int i = 0; i < 7; i++) {
        f[i] = q;
        const char *tab = strchr(q, '\t');
        if (!tab && i < 6) return false;
        q = tab ? tab + 1 : q + strlen(q);
    }
    out->name = f[1];
    out->name_len = strcspn(f[1], "\t");
    size_t cl = strcspn(f[2], "\t");
    if (cl != 3) return false;
    memcpy(out->country, f[2], 3);
    out->country[3] = 0;
    out->lat = strtod(f[3], NULL);
    out->lon = strtod(f[4], NULL);
    out->population = strtol(f[5], NULL, 10);
    out->kind = f[6][0] ? f[6][0] : 'c';
    return true;
}

size_t places_lookup(const places *p, const char *folded, place_info *out, size_t max)
{
    if (!p || !p->count) return 0;
    size_t lo = 0, hi = p->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_key(p->rows[mid], folded) < 0) lo = mid + 1;
        else hi = mid;
    }
    size_t n = 0;
    for (size_t i = lo; i < p->count && n < max && compare_key(p->rows[i], folded) == 0; i++)
        if (parse_row(p->rows[i], &out[n])) n++;
    return n;
}

/* ---- compiling ---- */

typedef struct row { char *key; char *line; long population; } row;

static int compare_rows(const void *a, const void *b)
{
    const row *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    if (c) return c;
    if (x->population != y->population) return x->population > y->population ? -1 : 1;
    return strcmp(x->line, y->line);
}

static bool latin_name(const char *s)
{
    /* Alternate names in Latin script only: other scripts fold to keys no
     * English text will contain, and would only cost memory. */
    size_t letters = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p >= 0x80) {
            if (*p >= 0xC3 && *p <= 0xC9) continue;   /* Latin-1 and Latin Extended-A/B lead bytes */
            if ((*p & 0xC0) == 0x80) continue;
            return false;
        }
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')) letters++;
        else if (!(*p == ' ' || *p == '-' || *p == '\'' || *p == '.')) return false;
    }
    return letters >= 3;
}

static void add_row(row **rows, size_t *count, size_t *cap, arena *a, const char *name, const char *display,
                    const char *iso3, double lat, double lon, long population, char kind)
{
    const char *key = text_fold_phrase(a, name, strlen(name));
    if (!key || strlen(key) < 2 || strlen(key) > 60) return;
    if (*count == *cap) { *cap = *cap ? *cap * 2 : 65536; *rows = realloc(*rows, *cap * sizeof **rows); }
    row *r = &(*rows)[(*count)++];
    r->key = (char *)key;
    r->population = population;
    r->line = arena_printf(a, "%s\t%s\t%s\t%.4f\t%.4f\t%ld\t%c", key, display, iso3, lat, lon, population, kind);
}

size_t places_compile(const char *cities_path, const char *country_info_path, const char *countries_json_path,
                      const char *out_path, error *err)
{
    char *info, *cities;
    size_t info_len, cities_len;
    if (!file_read_all(country_info_path, 16u << 20, &info, &info_len, err)) return 0;
    if (!file_read_all(cities_path, 256u << 20, &cities, &cities_len, err)) { free(info); return 0; }
    /* alpha-2 -> alpha-3 */
    char map[26 * 26][4];
    memset(map, 0, sizeof map);
    for (char *line = strtok(info, "\n"); line; line = strtok(NULL, "\n")) {
        if (line[0] == '#' || strlen(line) < 7 || line[2] != '\t' || line[6] != '\t') continue;
        if (line[0] < 'A' || line[0] > 'Z' || line[1] < 'A' || line[1] > 'Z') continue;
        memcpy(map[(line[0] - 'A') * 26 + (line[1] - 'A')], line + 3, 3);
    }
    free(info);
    arena a;
    arena_init(&a);
    row *rows = NULL;
    size_t count = 0, cap = 0, number = 0;
    char *save = NULL;
    for (char *line = strtok_r(cities, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        number++;
        char *f[19];
        size_t nf = split_tabs(line, f, 19);
        if (nf < 15) {
            error_set(err, "%s:%zu: expected the GeoNames columns (19 tab-separated fields)", cities_path, number);
            free(cities); free(rows); arena_free(&a);
            return 0;
        }
        const char *cc = f[8];
        if (strlen(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') continue;
        const char *iso3 = map[(cc[0] - 'A') * 26 + (cc[1] - 'A')];
        if (!iso3[0]) continue;
        double lat = atof(f[4]), lon = atof(f[5]);
        long population = atol(f[14]);
        char iso[4];
        memcpy(iso, iso3, 3);
        iso[3] = 0;
        if (strcmp(iso, "XKX") != 0 && strcmp(cc, "XK") == 0) memcpy(iso, "XKX", 4);
        add_row(&rows, &count, &cap, &a, f[1], f[1], iso, lat, lon, population, 'c');
        if (strcmp(f[2], f[1]) != 0) add_row(&rows, &count, &cap, &a, f[2], f[1], iso, lat, lon, population, 'c');
        char *alt_save = NULL;
        for (char *alt = strtok_r(f[3], ",", &alt_save); alt; alt = strtok_r(NULL, ",", &alt_save))
            if (latin_name(alt) && strcmp(alt, f[1]) != 0 && strcmp(alt, f[2]) != 0)
                add_row(&rows, &count, &cap, &a, alt, f[1], iso, lat, lon, population, 'c');
    }
    free(cities);
    if (countries_json_path) {
        json_error_t jerr;
        json_t *all = json_load_file(countries_json_path, 0, &jerr);
        if (!all || !json_is_array(all)) {
            error_set(err, "%s:%d: %s", countries_json_path, jerr.line, all ? "expected an array" : jerr.text);
            json_decref(all); free(rows); arena_free(&a);
            return 0;
        }
        size_t i;
        json_t *c;
        json_array_foreach(all, i, c) {
            const char *iso = json_string_value(json_object_get(c, "cca3"));
            const char *name = json_string_value(json_object_get(json_object_get(c, "name"), "common"));
            json_t *ll = json_object_get(c, "latlng");
            if (!iso || !name || !json_is_array(ll) || json_array_size(ll) != 2 || strlen(iso) != 3) continue;
            /* a country outranks any city of the same name */
            add_row(&rows, &count, &cap, &a, name, name, iso, json_number_value(json_array_get(ll, 0)),
                    json_number_value(json_array_get(ll, 1)), 2000000000L, 'n');
        }
        json_decref(all);
    }
    qsort(rows, count, sizeof *rows, compare_rows);
    FILE *out = fopen(out_path, "w");
    if (!out) { error_set(err, "%s: cannot write", out_path); free(rows); arena_free(&a); return 0; }
    fputs("# parley gazetteer, compiled from GeoNames cities15000 and world-countries: key name iso3 lat lon population kind\n", out);
    size_t written = 0;
    for (size_t k = 0; k < count; k++) {
        /* one row per key and place: alternate spellings of one city may fold alike */
        if (k > 0 && strcmp(rows[k].line, rows[k - 1].line) == 0) continue;
        fputs(rows[k].line, out);
        fputc('\n', out);
        written++;
    }
    bool failed = fclose(out) != 0;
    free(rows);
    arena_free(&a);
    if (failed) { error_set(err, "%s: write error", out_path); return 0; }
    return written;
}
