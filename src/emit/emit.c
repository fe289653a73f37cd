/* emit: formats events.  The JSON field names and meanings are a contract
 * (DESIGN.md, "The event record"): other tools read them. */
#include "emit.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool emit_format_parse(const char *name, emit_format *out)
{
    if (strcmp(name, "json") == 0 || strcmp(name, "jsonl") == 0) *out = EMIT_JSON;
    else if (strcmp(name, "tsv") == 0) *out = EMIT_TSV;
    else if (strcmp(name, "table") == 0) *out = EMIT_TABLE;
    else return false;
    return true;
}

static const char *precision_name(int p)
{
    return p == CODE_DATE_YEAR ? "year" : p == CODE_DATE_MONTH ? "month" : "day";
}

static void date_text(const code_event *e, char out[11])
{
    date_format_iso(e->date, out);
    if (e->date_precision == CODE_DATE_MONTH) out[7] = 0;
    else if (e->date_precision == CODE_DATE_YEAR) out[4] = 0;
}

/* Appends a string literal (its length known at compile time). */
#define PUT(b, literal) buf_append((b), literal, sizeof literal - 1)

static void put_uint(buf *b, uint32_t v)
{
    char digits[10];
    size_t k = sizeof digits;
    do { digits[--k] = (char)('0' + v % 10); v /= 10; } while (v);
    buf_append(b, digits + k, sizeof digits - k);
}

static void put_int(buf *b, int32_t v)
{
    if (v < 0) { buf_putc(b, '-'); put_uint(b, 0u - (uint32_t)v); }
    else put_uint(b, (uint32_t)v);
}

static void json_string(buf *b, const char *s)
{
    if (!s) { PUT(b, "null"); return; }
    buf_json_string(b, s, strlen(s));
}

static void json_actor(buf *b, const code_actor *a)
{
    PUT(b, "{\"code\":");
    json_string(b, a->code);
    PUT(b, ",\"text\":");
    json_string(b, a->text);
    buf_putc(b, '}');
}

/* What printf's "%.6g" writes for v, when v is the double nearest to a
 * decimal of at most six significant digits in fixed notation (Goldstein
 * weights, coordinates: nearly every number we print).  Such a decimal is
 * exactly what "%.6g" rounds v to.  False for any other v. */
static bool short_decimal(double v, char out[32], size_t *len)
{
    double magnitude = fabs(v);
    if (!(magnitude >= 1e-4 && magnitude < 1e6)) return false;
    /* the fewest decimals that give v back, as digits / 10^decimals */
    uint32_t n;
    int decimals;
    double digits = nearbyint(magnitude * 1e4);
    if (digits < 1e6 && digits / 1e4 == magnitude) {
        /* four decimals or fewer, as nearly every number we print has
         * (coordinates, Goldstein weights): the trailing zeros of the four
         * are the decimals it has not, since a decimal with fewer is the
         * same number, and so the same double */
        n = (uint32_t)digits;
        decimals = 4;
        while (decimals > 0 && n % 10 == 0) { n /= 10; decimals--; }
    } else {
        double scale = 1;
        for (decimals = 0;; decimals++, scale *= 10) {
            if (decimals > 10) return false;
            digits = nearbyint(magnitude * scale);
            if (digits >= 1e6) return false;   /* more than six significant digits */
            if (digits / scale == magnitude) break;
        }
        n = (uint32_t)digits;
    }
    char reversed[24];
    size_t k = 0;
    for (int d = 0; d < decimals; d++) { reversed[k++] = (char)('0' + n % 10); n /= 10; }
    if (decimals) reversed[k++] = '.';
    do { reversed[k++] = (char)('0' + n % 10); n /= 10; } while (n);
    size_t o = 0;
    if (v < 0) out[o++] = '-';
    while (k) out[o++] = reversed[--k];
    *len = o;
    return true;
}

static void json_number(buf *b, double v)
{
    if (isnan(v)) { PUT(b, "null"); return; }
    char text[32];
    size_t len;
    if (!short_decimal(v, text, &len)) {
        int n = snprintf(text, sizeof text, "%.6g", v);
        len = n > 0 ? (size_t)n : 0;
    }
    buf_append(b, text, len);
}

static void casualties_json(buf *b, const code_casualties *c)
{
    const struct { const char *name; int32_t value; } f[] = {
        { "killed", c->killed }, { "wounded", c->wounded }, { "displaced", c->displaced },
        { "arrested", c->arrested }, { "abducted", c->abducted }, { "missing", c->missing },
    };
    buf_putc(b, '{');
    bool first = true;
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        if (f[i].value < 0) continue;
        if (!first) buf_putc(b, ',');
        buf_putc(b, '"');
        buf_puts(b, f[i].name);
        PUT(b, "\":");
        put_int(b, f[i].value);
        first = false;
    }
    /* "at least 50 killed": {"killed":50,"qualifiers":{"killed":"at least"}} */
    bool any = false;
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        if (f[i].value < 0 || !c->qualifier[i]) continue;
        buf_puts(b, any ? ",\"" : ",\"qualifiers\":{\"");
        buf_puts(b, f[i].name);
        PUT(b, "\":");
        json_string(b, c->qualifier[i]);
        any = true;
    }
    if (any) buf_putc(b, '}');
    buf_putc(b, '}');
}

void emit_header(buf *out, emit_format format)
{
    if (format == EMIT_TSV)
        buf_puts(out, "date\tactor1\tactor2\tevent_code\tbase_code\troot_code\tquad_class\tgoldstein\tplace\tcountry\tlat\tlon\tdoc\n");
    else if (format == EMIT_TABLE)
        buf_printf(out, "%-10s  %-12s  %-4s  %-12s  %-34s  %s\n", "date", "source", "code", "target", "event", "evidence");
}

/* The fields of an event's CAMEO code, from ,"code" to "plover". */
static void code_fields(buf *b, const lex_code_info *c)
{
    PUT(b, ",\"code\":");
    json_string(b, c->code);
    PUT(b, ",\"root\":");
    json_string(b, c->root);
    PUT(b, ",\"name\":");
    json_string(b, c->name);
    PUT(b, ",\"quad_class\":");
    put_int(b, c->quad_class);
    PUT(b, ",\"goldstein\":");
    json_number(b, c->goldstein);
    PUT(b, ",\"plover\":");
    json_string(b, c->plover);
}

typedef struct code_json {
    const lex_code_info *info;   /* whose fields these are (NULL: the slot is empty) */
    uint32_t at, len;            /* in emit_codes.json */
} code_json;

struct emit_codes {
    code_json *slots;            /* by lex_code_slot, LEX_CODE_SLOTS of them */
    buf        json;
};

emit_codes *emit_codes_new(const lex_dict *d)
{
    emit_codes *codes = calloc(1, sizeof *codes);
    if (!codes) abort();
    codes->slots = calloc(LEX_CODE_SLOTS, sizeof *codes->slots);
    if (!codes->slots) abort();
    buf_init(&codes->json);
    for (size_t i = 0; i < lex_code_count(d); i++) {
        const lex_code_info *c = lex_code_at(d, i);
        int slot = lex_code_slot(c->code);
        if (slot < 0) continue;
        size_t at = codes->json.len;
        code_fields(&codes->json, c);
        codes->slots[slot] = (code_json){ c, (uint32_t)at, (uint32_t)(codes->json.len - at) };
    }
    return codes;
}

void emit_codes_free(emit_codes *codes)
{
    if (!codes) return;
    free(codes->slots);
    buf_free(&codes->json);
    free(codes);
}

/* The written fields of c, when the table has them. */
static const code_json *known_code(const emit_codes *codes, const lex_code_info *c)
{
    int slot = lex_code_slot(c->code);
    return slot >= 0 && codes->slots[slot].info == c ? &codes->slots[slot] : NULL;
}

void emit_event(buf *b, emit_format format, const char *doc, const char *text, const code_event *e, bool explain)
{
    emit_event_using(b, NULL, format, doc, text, e, explain);
}

/* An event as JSON is written piece by piece rather than through printf:
 * this runs for every event and printf's parsing of the format dominated
 * it.  The pieces: */

/* '{"doc":...,"sentence_index":', the same for every event of an article */
static void json_event_doc(buf *b, const char *doc)
{
    PUT(b, "{\"doc\":");
    json_string(b, doc);
    PUT(b, ",\"sentence_index\":");
}

/* the index, the sentence and its offsets, the same for every event of a
 * sentence */
static void json_event_sentence(buf *b, const char *text, const code_event *e)
{
    put_uint(b, e->sentence_index);
    PUT(b, ",\"sentence\":\"");
    buf_json_escape(b, text + e->start, e->end - e->start);
    PUT(b, "\",\"start\":");
    put_uint(b, e->start);
    PUT(b, ",\"end\":");
    put_uint(b, e->end);
}

/* Appends again the n bytes of b from byte at (written before). */
static void buf_repeat(buf *b, size_t at, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->data + b->len, b->data + at, n);
    b->len += n;
    b->data[b->len] = 0;
}

/* What the last event written had: its place and where the place's JSON
 * is in the buffer, and its date as text.  The events of a sentence, and
 * of a story, are often at one place and on one day, which are then
 * copied rather than written again. */
typedef struct written_before {
    bool       placed;
    code_place place;
    size_t     at, len;
    bool       dated;
    int32_t    days;
    int        precision;
    char       date[11];
} written_before;

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Whether two places write the same JSON (coordinates compared bit for bit). */
static bool same_place(const code_place *a, const code_place *b)
{
    return memcmp(&a->lat, &b->lat, sizeof a->lat) == 0 && memcmp(&a->lon, &b->lon, sizeof a->lon) == 0 &&
           strcmp(a->country, b->country) == 0 && same_text(a->name, b->name) && same_text(a->precision, b->precision) &&
           same_text(a->near, b->near);
}

static void json_place(buf *b, const code_place *place)
{
    PUT(b, "{\"name\":");
    json_string(b, place->name);
    PUT(b, ",\"country\":");
    json_string(b, place->country[0] ? place->country : NULL);
    PUT(b, ",\"lat\":");
    json_number(b, place->lat);
    PUT(b, ",\"lon\":");
    json_number(b, place->lon);
    PUT(b, ",\"precision\":");
    json_string(b, place->precision);
    if (place->near) {
        PUT(b, ",\"near\":");
        json_string(b, place->near);
    }
    buf_putc(b, '}');
}

/* the rest, from the date on, and the newline (last: what was written
 * before in b, or NULL) */
static void json_event_rest(buf *b, const emit_codes *codes, const code_event *e, bool explain, written_before *last)
{
    char date[11];
    if (last && last->dated && last->days == e->date && last->precision == e->date_precision) {
        memcpy(date, last->date, sizeof date);
    } else {
        date_text(e, date);
        if (last) {
            last->dated = true;
            last->days = e->date;
            last->precision = e->date_precision;
            memcpy(last->date, date, sizeof date);
        }
    }
    const lex_code_info *c = e->cameo;
    PUT(b, ",\"date\":\"");
    buf_puts(b, date);
    PUT(b, "\",\"date_precision\":\"");
    buf_puts(b, precision_name(e->date_precision));
    /* the words that gave the date ("on Jan. 6"), or null: the article's date */
    PUT(b, "\",\"date_text\":");
    if (e->date_evidence) json_string(b, e->date_evidence); else PUT(b, "null");
    PUT(b, ",\"source\":");
    json_actor(b, &e->source);
    PUT(b, ",\"target\":");
    if (e->has_target) json_actor(b, &e->target); else PUT(b, "null");
    const code_json *known = codes ? known_code(codes, c) : NULL;
    if (known) buf_append(b, codes->json.data + known->at, known->len);
    else code_fields(b, c);
    PUT(b, ",\"place\":");
    if (e->has_place && last && last->placed && same_place(&last->place, &e->place)) {
        buf_repeat(b, last->at, last->len);
    } else if (e->has_place) {
        size_t at = b->len;
        json_place(b, &e->place);
        if (last) {
            last->placed = true;
            last->place = e->place;
            last->at = at;
            last->len = b->len - at;
        }
    } else {
        PUT(b, "null");
    }
    PUT(b, ",\"attribution\":");
    json_string(b, e->attribution);
    if (e->negated) PUT(b, ",\"negated\":true,\"casualties\":");
    else PUT(b, ",\"negated\":false,\"casualties\":");
    if (e->has_casualties) casualties_json(b, &e->casualties); else PUT(b, "null");
    PUT(b, ",\"rule\":");
    json_string(b, e->rule);
    if (explain) {
        PUT(b, ",\"explain\":");
        json_string(b, e->explanation);
    }
    PUT(b, "}\n");
}

void emit_event_using(buf *b, const emit_codes *codes, emit_format format, const char *doc, const char *text,
                      const code_event *e, bool explain)
{
    if (format == EMIT_JSON) {
        json_event_doc(b, doc);
        json_event_sentence(b, text, e);
        json_event_rest(b, codes, e, explain, NULL);
        return;
    }
    char date[11];
    date_text(e, date);
    const lex_code_info *c = e->cameo;
    if (format == EMIT_TSV) {
        char compact[9];
        size_t k = 0;
        for (size_t i = 0; date[i] && k < 8; i++) if (date[i] != '-') compact[k++] = date[i];
        compact[k] = 0;
        char base[4];
        snprintf(base, sizeof base, "%.3s", c->code);
        buf_printf(b, "%s\t%s\t%s\t%s\t%s\t%s\t%d\t%.1f\t", compact, e->source.code, e->has_target ? e->target.code : "",
                   c->code, base, c->root, c->quad_class, c->goldstein);
        if (e->has_place) {
            buf_printf(b, "%s\t%s\t", e->place.name ? e->place.name : "", e->place.country);
            if (isnan(e->place.lat)) buf_puts(b, "\t\t");
            else buf_printf(b, "%.4f\t%.4f\t", e->place.lat, e->place.lon);
        } else {
            buf_puts(b, "\t\t\t\t");
        }
        for (const char *p = doc; *p; p++) buf_putc(b, (*p == '\t' || *p == '\n') ? ' ' : *p);
        buf_putc(b, '\n');
    } else {
        char evidence[120];
        size_t n = e->end - e->start, k = 0;
        for (size_t i = 0; i < n && k + 4 < sizeof evidence; i++) {
            char ch = text[e->start + i];
            evidence[k++] = (ch == '\n' || ch == '\t') ? ' ' : ch;
        }
        if (k + 4 >= sizeof evidence) {
            /* do not cut a UTF-8 sequence in half */
            while (k > 0 && ((unsigned char)evidence[k - 1] & 0xC0) == 0x80) k--;
            if (k > 0 && ((unsigned char)evidence[k - 1] & 0xC0) == 0xC0) k--;
            memcpy(evidence + k, "...", 3);
            k += 3;
        }
        evidence[k] = 0;
        char name[35];
        snprintf(name, sizeof name, "%s", c->name);
        buf_printf(b, "%-10s  %-12s  %-4s  %-12s  %-34s  %s\n", date, e->source.code, c->code,
                   e->has_target ? e->target.code : "-", name, evidence);
        if (explain && e->explanation) buf_printf(b, "%12s%s\n%12srule: %s\n", "", e->explanation, "", e->rule);
    }
}

void emit_events(buf *b, const emit_codes *codes, emit_format format, const char *doc, const char *text,
                 const code_event *events, size_t count, bool explain)
{
    if (format != EMIT_JSON) {
        for (size_t i = 0; i < count; i++) emit_event_using(b, codes, format, doc, text, &events[i], explain);
        return;
    }
    /* An event's line begins as the line before it when both are of the
     * article (up to the sentence index) or of the sentence (up to the
     * sentence's end): those bytes are copied, not written again. */
    size_t article_at = b->len, article_len = 0;   /* the first line's, up to the sentence index */
    size_t sentence_at = 0, sentence_len = 0;      /* the last line written, up to the sentence's end */
    written_before last = { 0 };
    for (size_t i = 0; i < count; i++) {
        const code_event *e = &events[i], *before = i ? &events[i - 1] : NULL;
        size_t at = b->len;
        if (before && before->sentence_index == e->sentence_index && before->start == e->start && before->end == e->end) {
            buf_repeat(b, sentence_at, sentence_len);
        } else {
            if (i == 0) {
                json_event_doc(b, doc);
                article_len = b->len - at;
            } else {
                buf_repeat(b, article_at, article_len);
            }
            json_event_sentence(b, text, e);
        }
        sentence_at = at;
        sentence_len = b->len - at;
        json_event_rest(b, codes, e, explain, &last);
    }
}
