/* parley eval: accuracy against our gold set (format: eval/FORMAT.md).
 * Codes every article of ARTICLES, matches each emitted event to at most
 * one gold line of GOLD/NAME.tsv, and prints precision, recall and F1 at
 * root-plus-actors level and at full-code level, and how often the date of
 * a matched event is right. */
#include "cli.h"
#include "../read/read.h"
#include "../code/code.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

typedef struct gold {
    char *evidence, *source, *code, *target, *date, *place, *casualties;
    bool  matched_root, matched_full;
    int   root_event;   /* the emitted event it matched at root level, or -1 */
} gold;

typedef struct gold_set { gold *items; size_t count; } gold_set;

static bool load_gold(const char *path, gold_set *g, error *err)
{
    char *data;
    size_t len;
    memset(g, 0, sizeof *g);
    if (!file_read_all(path, 16u << 20, &data, &len, err)) return false;
    size_t cap = 64;
    g->items = calloc(cap, sizeof *g->items);
    char *line = data;
    for (size_t number = 1; line && *line; number++) {
        char *next = strchr(line, '\n');
        if (next) *next++ = 0;
        char *s = line;
        line = next;
        size_t n = strlen(s);
        if (n && s[n - 1] == '\r') s[--n] = 0;
        if (!n || s[0] == '#') continue;
        char *f[7] = { 0 };
        size_t nf = split_tabs(s, f, 7);
        if (nf < 4) {
            free(data);
            return error_set(err, "%s:%zu: expected at least 4 tab-separated fields (evidence source code target)", path, number);
        }
        if (g->count == cap) { cap *= 2; g->items = realloc(g->items, cap * sizeof *g->items); }
        gold *x = &g->items[g->count++];
        memset(x, 0, sizeof *x);
        x->evidence = strdup(f[0]);
        x->source = strdup(f[1]);
        x->code = strdup(f[2]);
        x->target = strdup(f[3]);
        x->date = strdup(nf > 4 ? f[4] : "-");
        x->place = strdup(nf > 5 ? f[5] : "-");
        x->casualties = strdup(nf > 6 ? f[6] : "-");
        x->root_event = -1;
    }
    free(data);
    return true;
}

static void free_gold(gold_set *g)
{
    for (size_t i = 0; i < g->count; i++) {
        gold *x = &g->items[i];
        free(x->evidence); free(x->source); free(x->code); free(x->target); free(x->date); free(x->place); free(x->casualties);
    }
    free(g->items);
}

typedef struct totals {
    size_t emitted, gold, root_matched, full_matched, root_events_matched, full_events_matched;
    size_t dates_right, dates_checked;
    size_t dates_consistent;   /* right, or a coarser date that contains the gold one ("2020-03" for "2020-03-01") */
    size_t places_right, places_checked;
    size_t counts_right, counts_checked;
} totals;

typedef struct eval_context {
    const lex_dict *dict;
    const char *gold_folder;
    totals *t;
    bool verbose, where;
    bool show_dates;   /* --dates: each matched event whose date is wrong, gold against emitted */
    bool show_counts;  /* --casualties: each gold count parley misses or gets wrong, and each count gold lacks */
    int status;
} eval_context;

static bool same_target(const code_event *e, const char *target)
{
    if (strcmp(target, "-") == 0) return !e->has_target;
    return e->has_target && strcmp(e->target.code, target) == 0;
}

static bool evidence_in(const char *text, const code_event *e, const char *evidence)
{
    size_t n = strlen(evidence), len = e->end - e->start;
    if (n > len) return false;
    const char *s = text + e->start;
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, evidence, n) == 0) return true;
    return false;
}

static void event_date(const code_event *e, char out[11])
{
    date_format_iso(e->date, out);
    if (e->date_precision == CODE_DATE_MONTH) out[7] = 0;
    else if (e->date_precision == CODE_DATE_YEAR) out[4] = 0;
}

/* "killed=3,wounded=12": every count given must be the one parley found */
static bool casualties_agree(const code_casualties *c, const char *gold)
{
    char copy[256];
    snprintf(copy, sizeof copy, "%s", gold);
    char *save = NULL;
    for (char *part = strtok_r(copy, ",", &save); part; part = strtok_r(NULL, ",", &save)) {
        char *eq = strchr(part, '=');
        if (!eq) return false;
        *eq = 0;
        long want = strtol(eq + 1, NULL, 10);
        int32_t got = strcmp(part, "killed") == 0 ? c->killed : strcmp(part, "wounded") == 0 ? c->wounded :
                      strcmp(part, "displaced") == 0 ? c->displaced : strcmp(part, "arrested") == 0 ? c->arrested :
                      strcmp(part, "abducted") == 0 ? c->abducted : strcmp(part, "missing") == 0 ? c->missing : -2;
        if (got != want) return false;
    }
    return true;
}

/* "killed=3,wounded=12" as the gold files write counts; "-" for none */
static void format_counts(const code_event *ev, char *out, size_t size)
{
    snprintf(out, size, "-");
    if (!ev->has_casualties) return;
    const code_casualties *k = &ev->casualties;
    const int32_t value[] = { k->killed, k->wounded, k->displaced, k->arrested, k->abducted, k->missing };
    const char *const name[] = { "killed", "wounded", "displaced", "arrested", "abducted", "missing" };
    size_t used = 0;
    for (size_t i = 0; i < 6; i++)
        if (value[i] >= 0 && used < size)
            used += (size_t)snprintf(out + used, size - used, "%s%s=%d", used ? "," : "", name[i], (int)value[i]);
}

/* --where: for a matched event, the gold place and counts beside parley's */
static void print_where(const char *doc, const gold *x, const code_event *ev, bool place_right, bool counts_right)
{
    char counts[160];
    format_counts(ev, counts, sizeof counts);
    printf("%s %-28s %s %-4s %s place %s | %s%s%s\n", place_right && counts_right ? "ok   " : "WRONG", doc, x->source,
           x->code, x->target, x->place, ev->has_place && ev->place.name ? ev->place.name : "-",
           ev->has_place && ev->place.precision ? " " : "", ev->has_place && ev->place.precision ? ev->place.precision : "");
    printf("      %-28s counts %s | %s   \"%s\"\n", "", x->casualties, counts, x->evidence);
}

/* --casualties: every gold line with counts that parley gets wrong or does
 * not match ("missed", with the counts of parley's events in its sentence),
 * and every event of parley's with counts where gold gives none ("extra") */
static void print_count_misses(const read_article *a, const gold_set *g, const code_result *r, const bool *used_root)
{
    char got[160];
    for (size_t i = 0; i < g->count; i++) {
        const gold *x = &g->items[i];
        if (strcmp(x->casualties, "-") == 0) continue;
        if (x->root_event >= 0) {
            const code_event *ev = &r->events[x->root_event];
            if (ev->has_casualties && casualties_agree(&ev->casualties, x->casualties)) continue;
            format_counts(ev, got, sizeof got);
            printf("   counts  %s: wrong  %s %s %s: gold %s got %s  \"%s\"\n", a->id, x->source, x->code, x->target,
                   x->casualties, got, x->evidence);
            continue;
        }
        printf("   counts  %s: missed %s %s %s: gold %s  \"%s\"\n", a->id, x->source, x->code, x->target, x->casualties,
               x->evidence);
        for (size_t e = 0; e < r->count; e++) {
            const code_event *ev = &r->events[e];
            if (!ev->has_casualties || !evidence_in(a->text, ev, x->evidence)) continue;
            format_counts(ev, got, sizeof got);
            printf("           in its sentence: %s %s %s got %s\n", ev->source.code, ev->cameo->code,
                   ev->has_target ? ev->target.code : "-", got);
        }
    }
    for (size_t e = 0; e < r->count; e++) {
        const code_event *ev = &r->events[e];
        if (!ev->has_casualties) continue;
        bool gold_counts = false;
        for (size_t i = 0; i < g->count && !gold_counts; i++)
            gold_counts = g->items[i].root_event == (int)e && strcmp(g->items[i].casualties, "-") != 0;
        if (gold_counts) continue;
        format_counts(ev, got, sizeof got);
        printf("   counts  %s: extra  %s %s %s: got %s%s  \"%.*s\"\n", a->id, ev->source.code, ev->cameo->code,
               ev->has_target ? ev->target.code : "-", got, used_root[e] ? " (gold gives none)" : " (no gold event)",
               (int)(ev->end - ev->start > 90 ? 90 : ev->end - ev->start), a->text + ev->start);
    }
}

static void on_article(void *context, const read_article *a)
{
    eval_context *c = context;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.tsv", c->gold_folder, a->id);
    gold_set g;
    error err;
    if (!load_gold(path, &g, &err)) {
        fprintf(stderr, "parley eval: %s\n", err.message);
        c->status = 1;
        return;
    }
    int32_t date;
    date_parse_iso(a->date, strlen(a->date), &date);
    arena mem;
    arena_init(&mem);
    code_options options = { false, false, false };
    code_result r;
    code_article(&mem, c->dict, &options, a->text, a->text_len, date, &r);
    size_t root = 0, full = 0;
    bool *used_root = calloc(r.count + 1, sizeof *used_root), *used_full = calloc(r.count + 1, sizeof *used_full);
    /* full-code matches first, then root matches, each gold line once; the
     * root match is the full match's event when it has one, so that the
     * date, place and counts scored are those of the event coded for it */
    for (size_t i = 0; i < g.count; i++) {
        gold *x = &g.items[i];
        size_t full_event = r.count;
        for (size_t e = 0; e < r.count; e++) {
            const code_event *ev = &r.events[e];
            if (used_full[e] || strcmp(ev->cameo->code, x->code) != 0 || strcmp(ev->source.code, x->source) != 0 ||
                !same_target(ev, x->target) || !evidence_in(a->text, ev, x->evidence))
                continue;
            used_full[e] = true;
            x->matched_full = true;
            full++;
            full_event = e;
            break;
        }
        for (size_t k = 0; k <= r.count; k++) {
            size_t e = k == 0 ? full_event : k - 1;
            if (e >= r.count || (k > 0 && e == full_event)) continue;
            const code_event *ev = &r.events[e];
            if (used_root[e] || strncmp(ev->cameo->code, x->code, 2) != 0 || strcmp(ev->source.code, x->source) != 0 ||
                !same_target(ev, x->target) || !evidence_in(a->text, ev, x->evidence))
                continue;
            used_root[e] = true;
            x->matched_root = true;
            x->root_event = (int)e;
            root++;
            if (strcmp(x->date, "-") != 0) {
                char d[11];
                event_date(ev, d);
                c->t->dates_checked++;
                if (strcmp(d, x->date) == 0) c->t->dates_right++;
                if (strncmp(d, x->date, strlen(d)) == 0) c->t->dates_consistent++;
                if (strcmp(d, x->date) != 0 && c->show_dates)
                    printf("   date    %s: gold %-10s got %-10s from %s  \"%s\"\n", a->id, x->date, d,
                           ev->date_evidence ? ev->date_evidence : "(publication)", x->evidence);
            }
            bool place_right = true, counts_right = true;
            if (strcmp(x->place, "-") != 0) {
                /* the place is right when the names agree (one contains the other, ignoring case) */
                c->t->places_checked++;
                place_right = ev->has_place && ev->place.name &&
                              (strcasestr(ev->place.name, x->place) || strcasestr(x->place, ev->place.name));
                if (place_right) c->t->places_right++;
            }
            if (strcmp(x->casualties, "-") != 0) {
                c->t->counts_checked++;
                counts_right = ev->has_casualties && casualties_agree(&ev->casualties, x->casualties);
                if (counts_right) c->t->counts_right++;
            }
            if (c->where && (strcmp(x->place, "-") != 0 || strcmp(x->casualties, "-") != 0 || ev->has_casualties))
                print_where(a->id, x, ev, place_right, counts_right);
            break;
        }
    }
    if (c->show_counts) print_count_misses(a, &g, &r, used_root);
    if (c->verbose) {
        printf("== %s: %zu gold, %zu emitted, %zu root matches, %zu full matches\n", a->id, g.count, r.count, root, full);
        for (size_t i = 0; i < g.count; i++)
            if (!g.items[i].matched_root)
                printf("   missed  %-10s %-5s %-10s  \"%s\"\n", g.items[i].source, g.items[i].code, g.items[i].target, g.items[i].evidence);
        for (size_t e = 0; e < r.count; e++)
            if (!used_root[e]) {
                const code_event *ev = &r.events[e];
                printf("   extra   %-10s %-5s %-10s  \"%.*s\"  [%s]\n", ev->source.code, ev->cameo->code,
                       ev->has_target ? ev->target.code : "-", (int)(ev->end - ev->start > 90 ? 90 : ev->end - ev->start),
                       a->text + ev->start, ev->rule);
            }
    }
    c->t->emitted += r.count;
    c->t->gold += g.count;
    c->t->root_matched += root;
    c->t->full_matched += full;
    free(used_root);
    free(used_full);
    arena_free(&mem);
    free_gold(&g);
}

static void on_skipped(void *context, size_t sequence, const char *message)
{
    (void)sequence;
    eval_context *c = context;
    fprintf(stderr, "parley eval: %s\n", message);
    c->status = 1;
}

static void print_scores(const char *level, size_t matched, size_t emitted, size_t gold)
{
    double p = emitted ? (double)matched / (double)emitted : 0, r = gold ? (double)matched / (double)gold : 0;
    double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    printf("%-22s precision %.3f  recall %.3f  F1 %.3f  (%zu matched, %zu emitted, %zu gold)\n", level, p, r, f, matched,
           emitted, gold);
}

int cmd_eval(int argc, char **argv)
{
    cli_dicts dicts;
    cli_dicts_init(&dicts);
    const char *articles = NULL, *gold_folder = NULL;
    bool verbose = false, show_dates = false, where = false, show_counts = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--dict") == 0 && i + 1 < argc) cli_dicts_add(&dicts, argv[++i]);
        else if (strcmp(argv[i], "--config") == 0 && i + 1 < argc) dicts.config = argv[++i];
        else if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "--verbose") == 0) verbose = true;
        else if (strcmp(argv[i], "--dates") == 0) show_dates = true;
        else if (strcmp(argv[i], "--where") == 0) where = true;
        else if (strcmp(argv[i], "--casualties") == 0) show_counts = true;
        else if (argv[i][0] == '-') { fprintf(stderr, "parley eval: unknown option \"%s\"\n", argv[i]); return 2; }
        else if (!articles) articles = argv[i];
        else if (!gold_folder) gold_folder = argv[i];
    }
    if (!articles || !gold_folder) {
        fputs("usage: parley eval [-v] [--dates] [--where] [--casualties] [--dict DIR] [--config FILE] ARTICLES-FOLDER GOLD-FOLDER\n", stderr);
        return 2;
    }
    lex_dict *dict = cli_load_dicts(&dicts, false);
    if (!dict) return 2;
    cli_inputs inputs = { 0 };
    error err;
    if (!cli_inputs_add(&inputs, articles, &err)) { fprintf(stderr, "parley eval: %s\n", err.message); lex_free(dict); return 2; }
    totals t = { 0 };
    eval_context c = { dict, gold_folder, &t, verbose, where, show_dates, show_counts, 0 };
    read_options ro = { READ_FORMAT_AUTO, NULL, 0 };
    read_sink sink = { &c, on_article, on_skipped };
    size_t articles_read = 0;
    for (size_t i = 0; i < inputs.count; i++) {
        char *data;
        size_t len;
        if (!file_read_all(inputs.paths[i], 64u << 20, &data, &len, &err)) { fprintf(stderr, "parley eval: %s\n", err.message); c.status = 1; continue; }
        articles_read += read_buffer(inputs.paths[i], data, len, &ro, &sink);
        free(data);
    }
    printf("parley eval: %zu articles, %zu gold events, %zu emitted\n", articles_read, t.gold, t.emitted);
    print_scores("root code + actors:", t.root_matched, t.emitted, t.gold);
    print_scores("full code + actors:", t.full_matched, t.emitted, t.gold);
    if (t.dates_checked)
        printf("%-22s %.3f of matched events (%zu of %zu)\n", "date right:", (double)t.dates_right / (double)t.dates_checked,
               t.dates_right, t.dates_checked);
    if (t.dates_checked)
        printf("%-22s %.3f of matched events (%zu of %zu): right, or coarser and containing the gold date\n", "date consistent:",
               (double)t.dates_consistent / (double)t.dates_checked, t.dates_consistent, t.dates_checked);
    if (t.places_checked)
        printf("%-22s %.3f of matched events with a gold place (%zu of %zu)\n", "place right:",
               (double)t.places_right / (double)t.places_checked, t.places_right, t.places_checked);
    if (t.counts_checked)
        printf("%-22s %.3f of matched events with gold counts (%zu of %zu)\n", "casualties right:",
               (double)t.counts_right / (double)t.counts_checked, t.counts_right, t.counts_checked);
    cli_inputs_free(&inputs);
    lex_free(dict);
    return c.status;
}
