/* parley code: articles in, events out.
 *
 * The main thread reads inputs and hands articles, a batch at a time, to a
 * bounded ring of jobs; N workers code them; a writer prints results
 * strictly in input order.  The ring bounds memory whatever the input size,
 * and skipped articles travel through the ring too, so their messages keep
 * their place.  Batches (up to JOB_ARTICLES articles or JOB_BYTES of text)
 * keep the threads' hand-offs rare next to the coding itself. */
#include "cli.h"
#include "../read/read.h"
#include "../text/text.h"
#include "../code/code.h"
#include "../emit/emit.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>
#include <sys/resource.h>

enum { JOB_EMPTY = 0, JOB_READY, JOB_CODING, JOB_DONE };
enum { JOB_ARTICLES = 64, JOB_BYTES = 256 * 1024 };

/* One article of a batch, or the message of one that was skipped. */
typedef struct item {
    char  *id, *date, *text, *origin;
    char  *storage;           /* one allocation holding the text, id, date and origin as read */
    size_t text_len;
    char  *skip_message;      /* set when the article is skipped */
    char  *warning;           /* printed but the article is coded */
    size_t output_end;        /* its events end here in the job's output */
    size_t events, sentences;
} item;

typedef struct job {
    int    state;
    size_t seq;
    item   items[JOB_ARTICLES];
    size_t count;
    size_t text_bytes;
    buf    output;            /* the events of all items, in order */
} job;

typedef struct pipeline {
    pthread_mutex_t lock;
    pthread_cond_t  changed;
    job    *ring;
    size_t  ring_size;
    size_t  submitted;        /* jobs handed in */
    size_t  next_to_code;
    size_t  next_to_write;
    bool    reading_done;
    /* settings */
    const lex_dict *dict;
    const emit_codes *codes;  /* the JSON of each CAMEO code, written once */
    code_options options;
    emit_format format;
    bool    explain;
    bool    lenient;
    FILE   *out;
    /* results */
    size_t  articles, skipped, events, sentences, bytes;
    /* -j 1: the reading thread codes and writes each article itself, with
     * no hand-offs between threads */
    bool    inline_mode;
    job     inline_job;
    arena   inline_arena;
    job    *filling;          /* the batch the reader is adding to, or NULL */
} pipeline;

static void write_job(pipeline *p, job *j);
static void code_job(pipeline *p, job *j, arena *a);

static double now_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static job *slot(pipeline *p, size_t seq) { return &p->ring[seq % p->ring_size]; }

static job *claim_slot(pipeline *p)
{
    pthread_mutex_lock(&p->lock);
    job *j = slot(p, p->submitted);
    while (j->state != JOB_EMPTY) pthread_cond_wait(&p->changed, &p->lock);
    pthread_mutex_unlock(&p->lock);
    return j;
}

static void submit(pipeline *p, job *j, int state)
{
    pthread_mutex_lock(&p->lock);
    j->seq = p->submitted++;
    j->state = state;
    pthread_cond_broadcast(&p->changed);
    pthread_mutex_unlock(&p->lock);
}

/* The batch to add an article or message to: the one being filled, or a
 * fresh slot of the ring. */
static job *filling(pipeline *p)
{
    if (p->inline_mode) return &p->inline_job;
    if (!p->filling) p->filling = claim_slot(p);
    return p->filling;
}

/* Hands the batch being filled to the workers (or, with -j 1, codes and
 * writes it at once). */
static void flush_batch(pipeline *p)
{
    if (p->inline_mode) {
        job *j = &p->inline_job;
        if (!j->count) return;
        code_job(p, j, &p->inline_arena);
        write_job(p, j);
        return;
    }
    if (!p->filling) return;
    submit(p, p->filling, JOB_READY);
    p->filling = NULL;
}

static void added(pipeline *p, job *j)
{
    /* with -j 1 nothing is gained by waiting */
    if (p->inline_mode || j->count == JOB_ARTICLES || j->text_bytes >= JOB_BYTES) flush_batch(p);
}

static void submit_skip(pipeline *p, const char *message)
{
    job *j = filling(p);
    item *it = &j->items[j->count++];
    memset(it, 0, sizeof *it);
    it->skip_message = strdup(message);
    added(p, j);
}

typedef struct read_context { pipeline *p; } read_context;

static void on_article(void *context, const read_article *a)
{
    pipeline *p = ((read_context *)context)->p;
    job *j = filling(p);
    item *it = &j->items[j->count++];
    memset(it, 0, sizeof *it);
    /* (one allocation for the four: every article of a stream passes here) */
    const char *id = a->id ? a->id : "", *origin = a->origin ? a->origin : id;
    size_t id_len = strlen(id), date_len = strlen(a->date), origin_len = strlen(origin);
    it->storage = malloc(a->text_len + id_len + date_len + origin_len + 4);
    if (!it->storage) abort();
    it->text = it->storage;
    memcpy(it->text, a->text, a->text_len);
    it->text[a->text_len] = 0;
    it->id = it->text + a->text_len + 1;
    memcpy(it->id, id, id_len + 1);
    it->date = it->id + id_len + 1;
    memcpy(it->date, a->date, date_len + 1);
    it->origin = it->date + date_len + 1;
    memcpy(it->origin, origin, origin_len + 1);
    it->text_len = a->text_len;
    j->text_bytes += a->text_len;
    added(p, j);
}

static void on_skipped(void *context, size_t sequence, const char *message)
{
    (void)sequence;
    submit_skip(((read_context *)context)->p, message);
}

static void code_item(pipeline *p, item *j, buf *output, arena *a)
{
    size_t bad;
    if (!text_utf8_valid(j->text, j->text_len, &bad)) {
        if (!p->lenient) {
            char msg[600];
            snprintf(msg, sizeof msg, "%s: invalid UTF-8 at byte %zu of the article text (use --lenient to replace invalid bytes)", j->origin, bad);
            j->skip_message = strdup(msg);
            return;
        }
        size_t replaced = 0, len = 0;
        char *fixed = text_utf8_repair(j->text, j->text_len, &len, &replaced);
        j->text = fixed;   /* (freed with the item; the text as read is in its storage) */
        j->text_len = len;
        char msg[600];
        snprintf(msg, sizeof msg, "%s: warning: replaced %zu invalid UTF-8 sequence%s (first at byte %zu)", j->origin,
                 replaced, replaced == 1 ? "" : "s", bad);
        j->warning = strdup(msg);
    }
    int32_t date;
    if (!date_parse_iso(j->date, strlen(j->date), &date)) {
        char msg[600];
        snprintf(msg, sizeof msg, "%s: bad date \"%s\"", j->origin, j->date);
        j->skip_message = strdup(msg);
        return;
    }
    code_result result;
    arena_reset(a);
    code_article(a, p->dict, &p->options, j->text, j->text_len, date, &result);
    emit_events(output, p->codes, p->format, j->id, j->text, result.events, result.count, p->explain);
    j->events = result.count;
    j->sentences = result.sentences;
}

static void code_job(pipeline *p, job *j, arena *a)
{
    buf_clear(&j->output);   /* a slot keeps its buffer from batch to batch */
    for (size_t i = 0; i < j->count; i++) {
        item *it = &j->items[i];
        if (!it->skip_message) code_item(p, it, &j->output, a);
        it->output_end = j->output.len;
    }
}

static void *worker(void *arg)
{
    pipeline *p = arg;
    arena a;
    arena_init(&a);
    for (;;) {
        pthread_mutex_lock(&p->lock);
        job *j = NULL;
        for (;;) {
            if (p->next_to_code < p->submitted) {
                job *c = slot(p, p->next_to_code);
                p->next_to_code++;
                c->state = JOB_CODING;
                j = c;
                break;
            }
            if (p->reading_done) break;
            pthread_cond_wait(&p->changed, &p->lock);
        }
        pthread_mutex_unlock(&p->lock);
        if (!j) break;
        code_job(p, j, &a);
        pthread_mutex_lock(&p->lock);
        j->state = JOB_DONE;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    arena_free(&a);
    return NULL;
}

/* Prints a coded batch (events and messages in input order) and frees
 * what it holds; the slot's state is left to the caller. */
static void write_job(pipeline *p, job *j)
{
    size_t output_start = 0;
    for (size_t i = 0; i < j->count; i++) {
        item *it = &j->items[i];
        if (it->warning) fprintf(stderr, "%s\n", it->warning);
        if (it->skip_message) {
            fprintf(stderr, "%s; article skipped\n", it->skip_message);
            p->skipped++;
        } else {
            if (it->output_end > output_start)
                fwrite(j->output.data + output_start, 1, it->output_end - output_start, p->out);
            p->articles++;
            p->events += it->events;
            p->sentences += it->sentences;
            p->bytes += it->text_len;
        }
        output_start = it->output_end;
        if (it->text != it->storage) free(it->text);   /* (a repaired text) */
        free(it->storage); free(it->skip_message); free(it->warning);
    }
    buf_clear(&j->output);
    j->count = 0;
    j->text_bytes = 0;
}

static void *writer(void *arg)
{
    pipeline *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        job *j = NULL;
        for (;;) {
            if (p->next_to_write < p->submitted) {
                job *c = slot(p, p->next_to_write);
                if (c->state == JOB_DONE) { j = c; break; }
            } else if (p->reading_done) {
                break;
            }
            pthread_cond_wait(&p->changed, &p->lock);
        }
        pthread_mutex_unlock(&p->lock);
        if (!j) break;
        write_job(p, j);
        /* the slot becomes free only under the lock: the reader may refill
         * it the moment it sees JOB_EMPTY */
        pthread_mutex_lock(&p->lock);
        buf kept = j->output;
        memset(j, 0, sizeof *j);
        j->output = kept;
        p->next_to_write++;
        j->state = JOB_EMPTY;
        pthread_cond_broadcast(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
    fflush(p->out);
    return NULL;
}

static void code_usage(FILE *f)
{
    fputs("usage: parley code [OPTIONS] [FILE|DIR|-]...\n"
          "Codes news articles into CAMEO events (JSON Lines by default). Folders are read\n"
          "recursively; with no input, standard input is read.\n"
          "\n"
          "  --format json|tsv|table      output format (default json)\n"
          "  --explain                    say which words and dictionary entries gave each event\n"
          "  --input-format FMT           auto (default), seed, plain, jsonl, html, tabari, petrarch\n"
          "  --date YYYY-MM-DD            publication date for input without one (plain text, HTML)\n"
          "  --dict DIR                   add a dictionary folder (extends or overrides the default)\n"
          "  --config FILE                a config file of `dict = DIR` lines (default: $PARLEY_CONFIG,\n"
          "                               else ~/.config/parley/config when it exists)\n"
          "  -j N                         code on N threads (default: all cores)\n"
          "  --lenient                    replace invalid UTF-8 with U+FFFD instead of skipping\n"
          "  --keep-negated               emit negated events with \"negated\":true\n"
          "  --keep-untargeted            also emit events whose target the text does not give (\"target\":null)\n"
          "  --max-article-bytes N        skip longer articles (default 4194304)\n"
          "  --summary                    print counts to standard error at the end\n"
          "exit status: 0 when every article was coded, 1 when any was skipped, 2 on usage errors\n", f);
}

int cmd_code(int argc, char **argv)
{
    cli_dicts dicts;
    cli_dicts_init(&dicts);
    read_options ropt = { READ_FORMAT_AUTO, NULL, READ_DEFAULT_MAX_ARTICLE };
    pipeline p;
    memset(&p, 0, sizeof p);
    p.format = EMIT_JSON;
    p.out = stdout;
    long threads = sysconf(_SC_NPROCESSORS_ONLN);
    if (threads < 1) threads = 1;
    bool summary = false;
    cli_inputs inputs = { 0 };
    int status = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *value = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) { code_usage(stdout); return 0; }
        else if (strcmp(a, "--format") == 0 && value) {
            if (!emit_format_parse(value, &p.format)) { fprintf(stderr, "parley code: unknown format \"%s\" (json, tsv, table)\n", value); return 2; }
            i++;
        } else if (strcmp(a, "--explain") == 0) { p.explain = true; p.options.explain = true; }
        else if (strcmp(a, "--input-format") == 0 && value) {
            if (!read_format_parse(value, &ropt.format)) { fprintf(stderr, "parley code: unknown input format \"%s\"\n", value); return 2; }
            i++;
        } else if (strcmp(a, "--date") == 0 && value) {
            if (!date_parse_iso(value, strlen(value), NULL)) { fprintf(stderr, "parley code: --date: \"%s\" is not a YYYY-MM-DD date\n", value); return 2; }
            ropt.default_date = value;
            i++;
        } else if (strcmp(a, "--dict") == 0 && value) { cli_dicts_add(&dicts, value); i++; }
        else if (strcmp(a, "--config") == 0 && value) { dicts.config = value; i++; }
        else if (strcmp(a, "-j") == 0 && value) {
            size_t n;
            if (!cli_parse_size(value, &n) || n < 1 || n > 256) { fprintf(stderr, "parley code: -j takes a number from 1 to 256\n"); return 2; }
            threads = (long)n;
            i++;
        } else if (strncmp(a, "-j", 2) == 0 && a[2]) {
            size_t n;
            if (!cli_parse_size(a + 2, &n) || n < 1 || n > 256) { fprintf(stderr, "parley code: -j takes a number from 1 to 256\n"); return 2; }
            threads = (long)n;
        } else if (strcmp(a, "--lenient") == 0) p.lenient = true;
        else if (strcmp(a, "--keep-negated") == 0) p.options.keep_negated = true;
        else if (strcmp(a, "--keep-untargeted") == 0) p.options.keep_untargeted = true;
        else if (strcmp(a, "--summary") == 0) summary = true;
        else if (strcmp(a, "--max-article-bytes") == 0 && value) {
            if (!cli_parse_size(value, &ropt.max_article_bytes) || !ropt.max_article_bytes) {
                fprintf(stderr, "parley code: --max-article-bytes takes a positive number\n");
                return 2;
            }
            i++;
        } else if (a[0] == '-' && a[1]) {
            fprintf(stderr, "parley code: unknown option \"%s\"\n", a);
            code_usage(stderr);
            return 2;
        } else {
            error err;
            if (!cli_inputs_add(&inputs, a, &err)) { fprintf(stderr, "parley code: %s\n", err.message); status = 1; }
        }
    }
    if (inputs.count == 0 && status == 0) {
        if (isatty(0)) { code_usage(stderr); return 2; }
        error err;
        cli_inputs_add(&inputs, "-", &err);
    }
    double load_started = now_seconds();
    lex_dict *dict = cli_load_dicts(&dicts, false);
    if (!dict) { cli_inputs_free(&inputs); return 2; }
    double load_ms = (now_seconds() - load_started) * 1000.0;
    double started = now_seconds();
    p.dict = dict;
    emit_codes *codes = emit_codes_new(dict);
    p.codes = codes;
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.changed, NULL);
    p.inline_mode = threads == 1;
    arena_init(&p.inline_arena);
    p.ring_size = (size_t)threads * 2 + 2;   /* batches: enough to keep every worker busy */
    p.ring = calloc(p.ring_size, sizeof *p.ring);
    pthread_t *workers = calloc((size_t)threads, sizeof *workers), writer_thread;
    if (!p.inline_mode) {
        for (long t = 0; t < threads; t++) pthread_create(&workers[t], NULL, worker, &p);
        pthread_create(&writer_thread, NULL, writer, &p);
    }

    {
        buf header;
        buf_init(&header);
        emit_header(&header, p.format);
        if (header.len) fwrite(header.data, 1, header.len, stdout);
        buf_free(&header);
    }
    read_context rc = { &p };
    read_sink sink = { &rc, on_article, on_skipped };
    for (size_t f = 0; f < inputs.count; f++) {
        error err;
        if (!read_file(inputs.paths[f], (size_t)1 << 32, &ropt, &sink, NULL, &err))
            submit_skip(&p, err.message);
    }
    flush_batch(&p);
    pthread_mutex_lock(&p.lock);
    p.reading_done = true;
    pthread_cond_broadcast(&p.changed);
    pthread_mutex_unlock(&p.lock);
    if (!p.inline_mode) {
        for (long t = 0; t < threads; t++) pthread_join(workers[t], NULL);
        pthread_join(writer_thread, NULL);
    }
    arena_free(&p.inline_arena);
    buf_free(&p.inline_job.output);
    for (size_t r = 0; r < p.ring_size; r++) buf_free(&p.ring[r].output);
    if (summary) {
        double seconds = now_seconds() - started;
        struct rusage ru;
        getrusage(RUSAGE_SELF, &ru);
        fprintf(stderr, "parley: %zu article%s coded, %zu event%s, %zu skipped\n", p.articles, p.articles == 1 ? "" : "s",
                p.events, p.events == 1 ? "" : "s", p.skipped);
        fprintf(stderr, "parley: threads %ld, dictionaries loaded in %.1f ms, %.1f MB of text in %.2f s: %.1f MB/s, "
                        "%.0f sentences/s, %.0f articles/s; peak memory %.1f MB\n",
                threads, load_ms, (double)p.bytes / 1e6, seconds, seconds > 0 ? (double)p.bytes / 1e6 / seconds : 0,
                seconds > 0 ? (double)p.sentences / seconds : 0, seconds > 0 ? (double)p.articles / seconds : 0,
                (double)ru.ru_maxrss / 1024.0);
    }
    if (p.skipped) status = 1;
    free(workers);
    free(p.ring);
    pthread_mutex_destroy(&p.lock);
    pthread_cond_destroy(&p.changed);
    emit_codes_free(codes);
    lex_free(dict);
    cli_inputs_free(&inputs);
    if (fflush(stdout) != 0) { fprintf(stderr, "parley code: error writing output\n"); return 1; }
    return status;
}
