/* parley dict: check and query the dictionaries.
 *   lint    malformed lines, unknown codes, shadowed entries, duplicates
 *   stats   counts by kind, codes without patterns, countries without a
 *           government person, thinly covered states (--verbose: which)
 *   lookup  how a phrase resolves on a date
 *   import  a TABARI or PETRARCH actor dictionary converted to our format */
#include "cli.h"
#include "../text/text.h"
#include "../lex/places.h"
#include "../lex/import.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void dict_usage(FILE *f)
{
    fputs("usage: parley dict lint [--dict DIR] [--config FILE]\n"
          "       parley dict stats [--verbose] [--dict DIR] [--config FILE]\n"
          "       parley dict lookup [--date YYYY-MM-DD] [--json] [--dict DIR] [--config FILE] TEXT\n"
          "       parley dict import --from tabari|petrarch [--kind person|group|organization|country] [-o OUT] FILE\n"
          "       parley dict compile-places [--admin1 ADMIN1CODES.txt] [--regions STATES.json] [--towns TOWNS.tsv]\n"
          "                                  [--words WORDS]... CITIES15000.txt COUNTRYINFO.txt COUNTRIES.json OUT.tsv\n", f);
}

static int dict_lint(lex_dict *d)
{
    size_t errors = 0, warnings = 0;
    for (size_t i = 0; i < lex_diagnostic_count(d); i++) {
        const lex_diagnostic *g = lex_diagnostic_at(d, i);
        printf("%s: %s\n", g->is_error ? "error" : "warning", g->message);
        if (g->is_error) errors++; else warnings++;
    }
    /* codes of the CAMEO table that no pattern produces */
    for (size_t c = 0; c < lex_code_count(d); c++) {
        const lex_code_info *info = lex_code_at(d, c);
        if (strlen(info->code) < 3) continue;
        bool found = false;
        for (size_t p = 0; p < lex_pattern_count(d) && !found; p++) found = strcmp(lex_pattern_at(d, p)->code, info->code) == 0;
        if (!found) { printf("warning: CAMEO code %s (%s) has no verb pattern\n", info->code, info->name); warnings++; }
    }
    printf("%zu error%s, %zu warning%s\n", errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s");
    return errors ? 1 : 0;
}

/* The sovereign states: the 193 members of the United Nations, its two
 * observer states (the Holy See, Palestine), Kosovo and Taiwan.  The other
 * country codes are CAMEO's regions (dict/countries-extra.txt) and
 * dependencies, which may have no government of their own. */
static const char sovereign_states[] =
    "AFG AGO ALB AND ARE ARG ARM ATG AUS AUT AZE BDI BEL BEN BFA BGD BGR BHR BHS BIH BLR BLZ BOL BRA "
    "BRB BRN BTN BWA CAF CAN CHE CHL CHN CIV CMR COD COG COL COM CPV CRI CUB CYP CZE DEU DJI DMA DNK "
    "DOM DZA ECU EGY ERI ESP EST ETH FIN FJI FRA FSM GAB GBR GEO GHA GIN GMB GNB GNQ GRC GRD GTM GUY "
    "HND HRV HTI HUN IDN IND IRL IRN IRQ ISL ISR ITA JAM JOR JPN KAZ KEN KGZ KHM KIR KNA KOR KWT LAO "
    "LBN LBR LBY LCA LIE LKA LSO LTU LUX LVA MAR MCO MDA MDG MDV MEX MHL MKD MLI MLT MMR MNE MNG MOZ "
    "MRT MUS MWI MYS NAM NER NGA NIC NLD NOR NPL NRU NZL OMN PAK PAN PER PHL PLW PNG POL PRK PRT PRY "
    "PSE QAT ROU RUS RWA SAU SDN SEN SGP SLB SLE SLV SMR SOM SRB SSD STP SUR SVK SVN SWE SWZ SYC SYR "
    "TCD TGO THA TJK TKM TLS TON TTO TUN TUV TWN TZA UGA UKR URY USA UZB VAT VCT VEN VNM VUT WSM "
    "XKX YEM ZAF ZMB ZWE ";

static const char cameo_regions[] =
    "AFR NAF WAF EAF CFR SAF ASA CAS SAS SEA EUR EEU CEU BLK CAU SCN LAM SAM NMR CRB MEA WST PGS MDT ";

static bool code_listed(const char *list, const char *country)
{
    for (const char *s = list; *s; s += 4)
        if (strncmp(s, country, 3) == 0) return true;
    return false;
}

/* Does any person entry hold COUNTRY's government role (XXXGOV) at some time? */
static bool has_government_person(lex_dict *d, const char *country)
{
    for (size_t k = 0; k < lex_entry_count(d); k++) {
        const lex_entry *o = lex_entry_at(d, k);
        if (o->kind != LEX_PERSON) continue;
        for (size_t c = 0; c < o->code_count; c++)
            if (strncmp(o->codes[c].code, country, 3) == 0 && strcmp(o->codes[c].code + 3, "GOV") == 0) return true;
    }
    return false;
}

/* How many people (dictionary lines of kind person; each phrase of a line
 * is an entry of its own, and the phrases of a line are consecutive) hold
 * COUNTRY's government role (XXXGOV) at some time: heads of state and
 * government and ministers, for finding the states whose government is
 * thinly covered. */
static size_t government_people(lex_dict *d, const char *country)
{
    size_t people = 0;
    const char *last = NULL;
    for (size_t k = 0; k < lex_entry_count(d); k++) {
        const lex_entry *o = lex_entry_at(d, k);
        if (o->kind != LEX_PERSON || (last && strcmp(o->source, last) == 0)) continue;
        bool holds = false;
        for (size_t c = 0; c < o->code_count && !holds; c++)
            holds = strncmp(o->codes[c].code, country, 3) == 0 && strcmp(o->codes[c].code + 3, "GOV") == 0;
        if (holds) { people++; last = o->source; }
    }
    return people;
}

/* Sovereign states with fewer government people than this are listed by
 * `stats --verbose` as thinly covered. */
enum { FEW_GOVERNMENT_PEOPLE = 8 };

/* verbose lists the countries without a government person, one a line:
 * code, "sovereign", "region" or "territory", the name; then the sovereign
 * states with fewer than FEW_GOVERNMENT_PEOPLE government people. */
static int dict_stats(lex_dict *d, bool verbose)
{
    lex_stats st;
    lex_get_stats(d, &st);
    printf("%-14s %8s %8s\n", "kind", "entries", "phrases");
    for (int k = 0; k < LEX_KIND_COUNT; k++) {
        if (k == LEX_VERB) continue;
        if (!st.entries[k] && !st.phrases[k]) continue;
        printf("%-14s %8zu %8zu\n", lex_kind_name((lex_kind)k), st.entries[k], st.phrases[k]);
    }
    printf("%-14s %8s %8zu\n", "verb patterns", "", st.patterns);
    printf("CAMEO codes: %zu, without patterns: %zu\n", lex_code_count(d), st.codes_without_patterns);
    size_t countries = 0, without = 0, sovereign_without = 0, regions_without = 0;
    for (size_t i = 0; i < lex_entry_count(d); i++) {
        const lex_entry *e = lex_entry_at(d, i);
        if (e->kind != LEX_COUNTRY || !e->code_count || strlen(e->codes[0].code) != 3) continue;
        bool first = true;
        for (size_t k = 0; k < i && first; k++) {
            const lex_entry *o = lex_entry_at(d, k);
            if (o->kind == LEX_COUNTRY && o->code_count && strcmp(o->codes[0].code, e->codes[0].code) == 0) first = false;
        }
        if (!first) continue;
        countries++;
        if (has_government_person(d, e->codes[0].code)) continue;
        without++;
        const char *status = "territory";
        if (code_listed(sovereign_states, e->codes[0].code)) { status = "sovereign"; sovereign_without++; }
        else if (code_listed(cameo_regions, e->codes[0].code)) { status = "region"; regions_without++; }
        if (verbose) printf("  %s %-9s %s\n", e->codes[0].code, status, e->phrase);
    }
    printf("countries: %zu, without a dated government person: %zu (%zu sovereign states, %zu territories, %zu regions)\n",
           countries, without, sovereign_without, without - sovereign_without - regions_without, regions_without);
    size_t few = 0;
    for (size_t i = 0; i < lex_entry_count(d); i++) {
        const lex_entry *e = lex_entry_at(d, i);
        if (e->kind != LEX_COUNTRY || !e->code_count || !code_listed(sovereign_states, e->codes[0].code)) continue;
        bool first = true;
        for (size_t k = 0; k < i && first; k++) {
            const lex_entry *o = lex_entry_at(d, k);
            if (o->kind == LEX_COUNTRY && o->code_count && strcmp(o->codes[0].code, e->codes[0].code) == 0) first = false;
        }
        if (!first) continue;
        size_t people = government_people(d, e->codes[0].code);
        if (people >= FEW_GOVERNMENT_PEOPLE) continue;
        few++;
        if (verbose) printf("  %s %zu government people  %s\n", e->codes[0].code, people, e->phrase);
    }
    printf("sovereign states with fewer than %d government people: %zu\n", FEW_GOVERNMENT_PEOPLE, few);
    return 0;
}

static void print_date(int32_t days, bool is_end)
{
    if (days == LEX_DATE_MIN || days == LEX_DATE_MAX) { (void)is_end; return; }
    char s[11];
    date_format_iso(days, s);
    fputs(s, stdout);
}

static void json_str(const char *s)
{
    buf b;
    buf_init(&b);
    buf_json_escape(&b, s, strlen(s));
    printf("\"%s\"", b.data ? b.data : "");
    buf_free(&b);
}

/* A country word before an agent ("Iraqi police", "Iraq's police", "the
 * Ukrainian parliament") is one actor to the coder: the country's code with
 * the agent's role (IRQCOP).  Lookup shows that actor first, as a line of
 * kind "actor" naming both phrases, before the words it is made of. */
static size_t dict_lookup_compounds(lex_dict *d, const char **words, const bool *caps, size_t n, int32_t date, bool json)
{
    size_t shown = 0;
    const lex_entry *country = NULL;   /* the country word just before, if any */
    bool possessive = false;           /* "Iraq's police" */
    for (size_t i = 0; i < n;) {
        lex_match m;
        if (!lex_match_phrase(d, words, caps, n, i, &m) || !m.count) {
            /* the possessive "'s" may stand between the country and the agent */
            possessive = country && !possessive && strcmp(words[i], "'s") == 0;
            if (!possessive) country = NULL;
            i++;
            continue;
        }
        const lex_entry *e = m.entries[0];
        if (e->kind == LEX_AGENT && country) {
            char code[16] = "";
            lex_actor_code(country, date, code);
            if (strlen(code) >= 3 && strlen(e->value) == 3) {
                char actor[16];
                snprintf(actor, sizeof actor, "%.3s%s", code, e->value);
                if (json) {
                    printf("{\"kind\":\"actor\",\"code\":");
                    json_str(actor);
                    printf(",\"name\":");
                    char name[256];
                    snprintf(name, sizeof name, "%s%s %s", country->phrase, possessive ? "'s" : "", e->phrase);
                    json_str(name);
                    printf(",\"from\":null,\"to\":null,\"source\":");
                    json_str(e->source);
                    printf("}\n");
                } else {
                    printf("%-10s %-8s %s%s %s  (%s + %s)\n", "actor", actor, country->phrase, possessive ? "'s" : "",
                           e->phrase, country->source, e->source);
                }
                shown++;
            }
        }
        bool is_country = e->kind == LEX_COUNTRY || e->kind == LEX_DEMONYM || e->kind == LEX_CAPITAL;
        country = is_country ? e : NULL;
        possessive = false;
        i += m.token_count;
    }
    return shown;
}

static int dict_lookup(lex_dict *d, const char *text, int32_t date, bool json)
{
    arena a;
    arena_init(&a);
    const char *folded = text_fold_phrase(&a, text, strlen(text));
    /* tokens of the folded phrase */
    const char *words[64];
    bool caps[64];
    size_t n = 0;
    char *copy = arena_strdup(&a, folded), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w && n < 64; w = strtok_r(NULL, " ", &save)) {
        words[n] = w;
        caps[n] = true;
        n++;
    }
    size_t shown = dict_lookup_compounds(d, words, caps, n, date, json);
    for (size_t i = 0; i < n;) {
        lex_match m;
        if (!lex_match_phrase(d, words, caps, n, i, &m)) {
            size_t hc;
            const lex_head_pattern *heads = lex_heads(d, words[i], &hc);
            for (size_t k = 0; k < hc; k++) {
                const lex_pattern *p = heads[k].pattern;
                const lex_code_info *info = lex_code(d, p->code);
                if (json) {
                    printf("{\"kind\":\"verb\",\"code\":");
                    json_str(p->code);
                    printf(",\"name\":");
                    json_str(p->text);
                    printf(",\"event\":");
                    json_str(info ? info->name : "");
                    printf(",\"from\":null,\"to\":null,\"source\":");
                    json_str(p->source);
                    printf("}\n");
                } else {
                    printf("%-10s %-8s %s  (%s)  %s\n", p->noun_head ? "noun" : "verb", p->code, p->text, info ? info->name : "", p->source);
                }
                shown++;
            }
            i++;
            continue;
        }
        for (size_t k = 0; k < m.count; k++) {
            const lex_entry *e = m.entries[k];
            char code[16] = "";
            if (lex_kind_is_actor(e->kind) || e->kind == LEX_REGION || e->kind == LEX_FACILITY) lex_actor_code(e, date, code);
            else snprintf(code, sizeof code, "%s", e->value);
            int32_t from = LEX_DATE_MIN, to = LEX_DATE_MAX;
            for (size_t c = 0; c < e->code_count; c++)
                if (e->codes[c].from <= date && date <= e->codes[c].to) { from = e->codes[c].from; to = e->codes[c].to; break; }
            if (json) {
                printf("{\"kind\":\"%s\",\"code\":", lex_kind_name(e->kind));
                json_str(code);
                printf(",\"name\":");
                json_str(e->phrase);
                printf(",\"from\":");
                if (from == LEX_DATE_MIN) printf("null"); else { printf("\""); print_date(from, false); printf("\""); }
                printf(",\"to\":");
                if (to == LEX_DATE_MAX) printf("null"); else { printf("\""); print_date(to, true); printf("\""); }
                printf(",\"source\":");
                json_str(e->source);
                printf("}\n");
            } else {
                printf("%-10s %-8s %s", lex_kind_name(e->kind), code, e->phrase);
                if (from != LEX_DATE_MIN || to != LEX_DATE_MAX) {
                    printf("  [");
                    print_date(from, false);
                    printf("..");
                    print_date(to, true);
                    printf("]");
                }
                printf("  %s\n", e->source);
            }
            shown++;
        }
        i += m.token_count;
    }
    arena_free(&a);
    if (!shown) {
        if (!json) printf("no dictionary entry for \"%s\"\n", text);
        return 1;
    }
    return 0;
}

/* Exit status: 0 converted, 1 converted with lines skipped, 2 nothing done. */
static int dict_import(int argc, char **argv)
{
    const char *usage = "usage: parley dict import --from tabari|petrarch [--kind person|group|organization|country] [-o OUT] FILE\n";
    const char *path = NULL, *output = NULL, *from = NULL;
    lex_import_format format = LEX_IMPORT_TABARI;
    lex_kind kind = LEX_PERSON;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        bool has_value = i + 1 < argc;
        if (strcmp(a, "--from") == 0 && has_value) {
            from = argv[++i];
            if (!lex_import_format_parse(from, &format)) {
                fprintf(stderr, "parley dict import: --from: \"%s\" is not tabari or petrarch\n", from);
                return 2;
            }
        } else if (strcmp(a, "--kind") == 0 && has_value) {
            if (!lex_import_kind_parse(argv[++i], &kind)) {
                fprintf(stderr, "parley dict import: --kind: \"%s\" is not person, group, organization or country\n", argv[i]);
                return 2;
            }
        } else if (strcmp(a, "-o") == 0 && has_value) {
            output = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "parley dict import: unknown option \"%s\"\n%s", a, usage);
            return 2;
        } else if (!path) {
            path = a;
        } else {
            fprintf(stderr, "parley dict import: one FILE only\n%s", usage);
            return 2;
        }
    }
    if (!from || !path) { fputs(usage, stderr); return 2; }
    char *data;
    size_t len;
    error err;
    if (!file_read_all(path, (size_t)1 << 30, &data, &len, &err)) {
        fprintf(stderr, "parley dict import: %s\n", err.message);
        return 2;
    }
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
    lex_import_result result;
    lex_import(data, len, format, kind, name, &result);
    free(data);
    for (size_t i = 0; i < result.problem_count; i++)
        fprintf(stderr, "%s:%zu: %s\n", name, result.problems[i].line, result.problems[i].message);
    FILE *f = output ? fopen(output, "wb") : stdout;
    if (!f) {
        fprintf(stderr, "parley dict import: %s: %s\n", output, strerror(errno));
        lex_import_result_free(&result);
        return 2;
    }
    bool written = fwrite(result.text.data, 1, result.text.len, f) == result.text.len;
    written = (output ? fclose(f) : fflush(f)) == 0 && written;
    if (!written) fprintf(stderr, "parley dict import: %s: write error\n", output ? output : "<stdout>");
    fprintf(stderr, "parley dict import: %zu actor%s (%zu name%s), %zu line%s skipped\n", result.actors,
            result.actors == 1 ? "" : "s", result.phrases, result.phrases == 1 ? "" : "s", result.problem_count,
            result.problem_count == 1 ? "" : "s");
    int status = !written ? 2 : result.problem_count ? 1 : 0;
    lex_import_result_free(&result);
    return status;
}

/* Exit status: 0 compiled, 1 a source unreadable or malformed, 2 usage. */
static int dict_compile_places(int argc, char **argv)
{
    const char *usage = "usage: parley dict compile-places [--admin1 ADMIN1CODES.txt] [--regions STATES.json] "
                        "[--towns TOWNS.tsv] [--words WORDS]...\n"
                        "                                  CITIES15000.txt COUNTRYINFO.txt COUNTRIES.json OUT.tsv\n";
    places_sources src = { 0 };
    const char *positional[4];
    size_t count = 0, words = 0;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i];
        const char **option = strcmp(a, "--admin1") == 0 ? &src.admin1 : strcmp(a, "--regions") == 0 ? &src.regions_json :
                              strcmp(a, "--towns") == 0 ? &src.towns : NULL;
        if (option && i + 1 < argc) *option = argv[++i];
        else if (strcmp(a, "--words") == 0 && i + 1 < argc && words < sizeof src.words / sizeof *src.words)
            src.words[words++] = argv[++i];
        else if (a[0] == '-' && a[1]) { fprintf(stderr, "parley dict compile-places: unknown option \"%s\"\n%s", a, usage); return 2; }
        else if (count < 4) positional[count++] = a;
        else { fputs(usage, stderr); return 2; }
    }
    if (count != 4) { fputs(usage, stderr); return 2; }
    src.cities = positional[0];
    src.country_info = positional[1];
    src.countries_json = positional[2];
    error err;
    places_counts counts = { 0 };   /* set by places_compile; zero keeps -flto's flow analysis quiet */
    size_t rows = places_compile(&src, positional[3], &counts, &err);
    if (!rows) { fprintf(stderr, "parley dict: %s\n", err.message); return 1; }
    fprintf(stderr, "parley dict: %zu gazetteer rows -> %s (%zu cities, %zu towns, %zu regions, %zu countries; "
            "rows: %zu city, %zu town, %zu region, %zu country)\n", rows, positional[3], counts.cities, counts.towns,
            counts.regions, counts.countries, counts.rows[0], counts.rows[1], counts.rows[2], counts.rows[3]);
    return 0;
}

int cmd_dict(int argc, char **argv)
{
    if (argc < 2) { dict_usage(stderr); return 2; }
    const char *sub = argv[1];
    if (strcmp(sub, "import") == 0) return dict_import(argc, argv);
    if (strcmp(sub, "compile-places") == 0) return dict_compile_places(argc, argv);
    cli_dicts dicts;
    cli_dicts_init(&dicts);
    bool json = false, verbose = false;
    int32_t date = LEX_DATE_MIN;
    const char *text = NULL;
    for (int i = 2; i < argc; i++) {
        if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) cli_dicts_add(&dicts, argv[++i]);
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) dicts.config = argv[++i];
        else if (strcmp(argv[i], "--json") == 0) json = true;
        else if (strcmp(argv[i], "--verbose") == 0 || strcmp(argv[i], "-v") == 0) verbose = true;
        else if (strcmp(argv[i], "--date") == 0 && i + 1 < argc) {
            if (!date_parse_iso(argv[i + 1], strlen(argv[i + 1]), &date)) {
                fprintf(stderr, "parley dict: --date: \"%s\" is not a YYYY-MM-DD date\n", argv[i + 1]);
                return 2;
            }
            i++;
        } else if (argv[i][0] == '-' && argv[i][1]) { fprintf(stderr, "parley dict: unknown option \"%s\"\n", argv[i]); return 2; }
        else if (!text) text = argv[i];
        else { fprintf(stderr, "parley dict: one TEXT only (quote a phrase)\n"); return 2; }
    }
    if (date == LEX_DATE_MIN) {
        /* today */
        time_t now = time(NULL);
        date = (int32_t)(now / 86400);
    }
    bool lint = strcmp(sub, "lint") == 0;
    if (!lint && strcmp(sub, "stats") != 0 && strcmp(sub, "lookup") != 0) { dict_usage(stderr); return 2; }
    lex_dict *d = cli_load_dicts(&dicts, false);
    if (!d) return 2;
    int status;
    if (lint) status = dict_lint(d);
    else if (strcmp(sub, "stats") == 0) status = dict_stats(d, verbose);
    else if (!text) { dict_usage(stderr); status = 2; }
    else status = dict_lookup(d, text, date, json);
    lex_free(d);
    return status;
}
