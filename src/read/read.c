/* read: articles in, whatever the format.
 *
 * Each format is a small parser that finds candidate articles in the bytes
 * of one input; one gate, reader_deliver(), checks every candidate (real
 * date, non-empty, no NUL bytes, under the size limit) and numbers articles
 * and errors in one sequence, so all formats fail the same way.  The text
 * formats (seed, plain, TABARI) and JSON Lines live here; the markup formats
 * (HTML, PETRARCH XML) in read_markup.c.
 *
 * Threads: read_buffer() keeps all its state on its stack and in its own
 * arenas, so several threads may read different inputs at once.  The one
 * piece of process-wide set-up (libxml2's xmlInitParser, Jansson's hash
 * seed) runs exactly once under pthread_once before any parsing; after that
 * both libraries are safe for concurrent use on separate documents
 * (libxml2 keeps its error state per thread).  Nobody may call
 * xmlCleanupParser() while a reader may still run. */
#include "read_internal.h"

#include <errno.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* ---- names ---- */

static const char *const format_names[] = {
    [READ_FORMAT_AUTO] = "auto",   [READ_FORMAT_SEED] = "seed",
    [READ_FORMAT_PLAIN] = "plain", [READ_FORMAT_JSONL] = "jsonl",
    [READ_FORMAT_HTML] = "html",   [READ_FORMAT_TABARI] = "tabari",
    [READ_FORMAT_PETRARCH] = "petrarch",
};
#define FORMAT_COUNT (sizeof format_names / sizeof format_names[0])

const char *read_format_name(read_format f)
{
    if ((unsigned)f >= FORMAT_COUNT)
        return NULL;
    return format_names[f];
}

bool read_format_parse(const char *name, read_format *out)
{
    if (!name)
        return false;
    for (size_t i = 0; i < FORMAT_COUNT; i++) {
        if (strcasecmp(name, format_names[i]) == 0) {
            if (out)
                *out = (read_format)i;
            return true;
        }
    }
    return false;
}

/* ---- small byte helpers ---- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_space(s[i]))
            return false;
    return true;
}

static size_t bom_length(const char *s, size_t n)
{
    return n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

/* One line starting at *pos: its bytes without "\n" or "\r\n"; *pos moves
 * past the line break.  False at the end of the input. */
static bool next_line(const char *s, size_t n, size_t *pos, const char **line, size_t *line_len)
{
    if (*pos >= n)
        return false;
    const char *start = s + *pos;
    const char *newline = memchr(start, '\n', n - *pos);
    size_t len = newline ? (size_t)(newline - start) : n - *pos;
    *pos += len + (newline ? 1 : 0);
    if (len > 0 && start[len - 1] == '\r')
        len--;
    *line = start;
    *line_len = len;
    return true;
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && memcmp(s, prefix, k) == 0;
}

static bool starts_with_nocase(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix);
    return n >= k && strncasecmp(s, prefix, k) == 0;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    return k <= n && memmem(s, n, needle, k) != NULL;
}

/* "2020-01-13": the shape only, not whether the day exists. */
static bool iso_date_shape(const char *s, size_t n)
{
    if (n < 10)
        return false;
    for (int i = 0; i < 10; i++) {
        if (i == 4 || i == 7) {
            if (s[i] != '-')
                return false;
        } else if (!is_digit(s[i])) {
            return false;
        }
    }
    return true;
}

bool reader_iso_date_prefix(const char *s, size_t n)
{
    int32_t days;
    if (n < 10 || !iso_date_shape(s, n) || !date_parse_iso(s, 10, &days))
        return false;
    return n == 10 || s[10] == 'T' || s[10] == 't' || s[10] == ' ';
}

static bool is_real_date(const char *s)
{
    int32_t days;
    return date_parse_iso(s, strlen(s), &days);
}

/* ---- the gate ---- */

const char *reader_quote(reader *r, const char *s, size_t n)
{
    enum { shown = 60 };
    size_t take = n;
    if (take > shown) {
        take = shown;
        while (take > 0 && ((unsigned char)s[take] & 0xC0) == 0x80)
            take--;      /* do not cut a UTF-8 sequence in two */
    }
    char *out = arena_alloc(&r->scratch, take * 4 + 8);
    size_t k = 0;
    out[k++] = '"';
    for (size_t i = 0; i < take; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            out[k++] = '\\';
            out[k++] = (char)c;
        } else if (c < 0x20 || c == 0x7F) {
            k += (size_t)snprintf(out + k, 5, "\\x%02x", c);
        } else {
            out[k++] = (char)c;
        }
    }
    out[k++] = '"';
    if (take < n) {
        memcpy(out + k, "...", 3);
        k += 3;
    }
    out[k] = '\0';
    return out;
}

void reader_skip(reader *r, const char *fmt, ...)
{
    buf message;
    buf_init(&message);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&message, fmt, ap);
    va_end(ap);
    /* Messages quote names and library text that may hold control bytes;
     * keep them safe to print on a terminal. */
    for (size_t i = 0; i < message.len; i++) {
        unsigned char c = (unsigned char)message.data[i];
        if (c < 0x20 || c == 0x7F)
            message.data[i] = '?';
    }
    size_t sequence = r->sequence++;
    if (r->sink && r->sink->skipped)
        r->sink->skipped(r->sink->context, sequence, message.len ? message.data : "");
    buf_free(&message);
    arena_reset(&r->scratch);
}

void reader_deliver(reader *r, const read_candidate *c)
{
    const char *origin = c->origin ? c->origin : r->name;
    if (c->text_len > r->max_bytes) {
        reader_skip(r, "%s: article text is over the limit of %zu bytes", origin, r->max_bytes);
        return;
    }
    if (is_blank(c->text, c->text_len)) {
        reader_skip(r, "%s: empty article", origin);
        return;
    }
    const char *nul = memchr(c->text, '\0', c->text_len);
    if (nul) {
        size_t at = (size_t)(nul - c->text);
        if (c->input_offset != READ_NOT_IN_INPUT)
            at += c->input_offset + r->base;
        reader_skip(r, "%s: binary data at byte %zu", origin, at);
        return;
    }
    if (!c->date) {
        reader_skip(r, "%s: no date: give --date YYYY-MM-DD", origin);
        return;
    }
    if (!is_real_date(c->date)) {
        reader_skip(r, "%s: %s is not a date", origin, reader_quote(r, c->date, strlen(c->date)));
        return;
    }
    /* Slices of the input are copied so every text is NUL-terminated. */
    const char *text = c->text;
    if (c->input_offset != READ_NOT_IN_INPUT)
        text = arena_strndup(&r->scratch, c->text, c->text_len);
    read_article article = {
        .id = c->id && c->id[0] ? c->id : r->stem,
        .title = c->title && c->title[0] ? c->title : NULL,
        .url = c->url && c->url[0] ? c->url : NULL,
        .date = c->date,
        .text = text,
        .text_len = c->text_len,
        .origin = origin,
        .sequence = r->sequence++,
    };
    r->delivered++;
    if (r->sink && r->sink->article)
        r->sink->article(r->sink->context, &article);
    arena_reset(&r->scratch);
}

/* ---- detection ---- */

/* " date 2020-01-13 Title" (any leading blanks): the date and the title. */
static bool seed_header(const char *s, size_t n, const char **date,
                        const char **title, size_t *title_len)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (!starts_with(s + i, n - i, "date"))
        return false;
    i += 4;
    if (i >= n || (s[i] != ' ' && s[i] != '\t'))
        return false;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    if (!iso_date_shape(s + i, n - i))
        return false;
    const char *d = s + i;
    i += 10;
    if (i < n && !is_space(s[i]))
        return false;
    while (i < n && is_space(s[i]))
        i++;
    size_t end = n;
    while (end > i && is_space(s[end - 1]))
        end--;
    if (date)
        *date = d;
    if (title) {
        *title = s + i;
        *title_len = end - i;
    }
    return true;
}

/* "200113 LBY-0001-01" or "20200113 LBY-0001-01": the date digits and the id. */
static bool tabari_header(const char *s, size_t n, const char **digits, size_t *digit_count,
                          const char **id, size_t *id_len)
{
    size_t i = 0;
    while (i < n && is_digit(s[i]))
        i++;
    if (i != 6 && i != 8)
        return false;
    size_t count = i;
    if (i >= n || (s[i] != ' ' && s[i] != '\t'))
        return false;
    while (i < n && (s[i] == ' ' || s[i] == '\t'))
        i++;
    size_t start = i;
    while (i < n && !is_space(s[i]))
        i++;
    if (i == start)
        return false;
    if (digits) {
        *digits = s;
        *digit_count = count;
        *id = s + start;
        *id_len = i - start;
    }
    return true;
}

static size_t count_tags(const char *s, size_t n)
{
    size_t tags = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        if (s[i] != '<')
            continue;
        char c = s[i + 1];
        if (c == '/' || c == '!' || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            tags++;
    }
    return tags;
}

static const char *extension_of(const char *name)
{
    if (!name)
        return "";
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? dot + 1 : "";
}

read_format read_detect(const char *name, const char *bytes, size_t len)
{
    if (!bytes) {
        bytes = "";
        len = 0;
    }
    size_t pos = bom_length(bytes, len);
    while (pos < len && is_space(bytes[pos]))
        pos++;
    const char *s = bytes + pos;
    size_t n = len - pos;
    /* Only the start of the input is looked at: detection is O(1) in size. */
    size_t window = n < 65536 ? n : 65536;
    const char *ext = extension_of(name);

    if (n > 0 && s[0] == '<') {
        /* "<?xml", "<Sentences", a comment: PETRARCH if it has sentences;
         * any other markup is read as a web page. */
        if (!starts_with_nocase(s, n, "<!doctype html") && !starts_with_nocase(s, n, "<html") &&
            contains(s, window, "<Sentence"))
            return READ_FORMAT_PETRARCH;
        return READ_FORMAT_HTML;
    }
    if (n > 0 && s[0] == '{')
        return READ_FORMAT_JSONL;

    const char *line;
    size_t line_len, at = 0;
    if (next_line(s, n, &at, &line, &line_len)) {
        if (seed_header(line, line_len, NULL, NULL, NULL))
            return READ_FORMAT_SEED;
        if (tabari_header(line, line_len, NULL, NULL, NULL, NULL))
            return READ_FORMAT_TABARI;
    }
    size_t tags = count_tags(s, window < 4096 ? window : 4096);
    if (strcasecmp(ext, "xml") == 0 && contains(s, window, "<Sentence"))
        return READ_FORMAT_PETRARCH;
    if ((strcasecmp(ext, "html") == 0 || strcasecmp(ext, "htm") == 0 ||
         strcasecmp(ext, "xhtml") == 0) && tags > 0)
        return READ_FORMAT_HTML;
    if (tags >= 8 || starts_with_nocase(s, n, "<!doctype html"))
        return READ_FORMAT_HTML;
    return READ_FORMAT_PLAIN;
}

/* ---- seed ---- */

static void read_seed(reader *r, const char *s, size_t n)
{
    size_t pos = 0;
    const char *line = NULL;
    size_t line_len = 0;
    bool found = false;
    while (next_line(s, n, &pos, &line, &line_len))
        if (!is_blank(line, line_len)) {
            found = true;
            break;
        }
    const char *date = NULL, *title = NULL;
    size_t title_len = 0;
    if (!found || !seed_header(line, line_len, &date, &title, &title_len)) {
        reader_skip(r, "%s: not a seed article: the first line must be \" date YYYY-MM-DD Title\"",
                    r->name);
        return;
    }
    /* The text starts after the blank lines that follow the header. */
    size_t text_start = pos;
    while (next_line(s, n, &pos, &line, &line_len) && is_blank(line, line_len))
        text_start = pos;
    read_candidate c = {
        .date = arena_strndup(&r->scratch, date, 10),
        .title = arena_strndup(&r->scratch, title, title_len),
        .text = s + text_start,
        .text_len = n - text_start,
        .origin = r->name,
        .input_offset = text_start,
    };
    reader_deliver(r, &c);
}

/* ---- plain ---- */

static bool default_date_usable(reader *r)
{
    const char *date = r->options->default_date;
    if (date && !is_real_date(date)) {
        reader_skip(r, "%s: --date %s is not a date", r->name, reader_quote(r, date, strlen(date)));
        return false;
    }
    return true;
}

static void read_plain(reader *r, const char *s, size_t n)
{
    if (!default_date_usable(r))
        return;
    read_candidate c = {
        .date = r->options->default_date,
        .text = s,
        .text_len = n,
        .origin = r->name,
        .input_offset = 0,
    };
    reader_deliver(r, &c);
}

/* ---- TABARI ---- */

static void read_tabari(reader *r, const char *s, size_t n)
{
    size_t pos = 0, line_number = 0;
    const char *line;
    size_t line_len;
    while (next_line(s, n, &pos, &line, &line_len)) {
        line_number++;
        if (is_blank(line, line_len))
            continue;
        size_t header_line = line_number;
        const char *header = line;
        size_t header_len = line_len;
        /* The record's text: the following lines up to a blank line. */
        size_t text_start = pos, text_end = pos;
        while (next_line(s, n, &pos, &line, &line_len)) {
            line_number++;
            if (is_blank(line, line_len))
                break;
            text_end = (size_t)(line - s) + line_len;
        }
        const char *origin = arena_printf(&r->scratch, "%s:%zu", r->name, header_line);
        const char *digits, *id;
        size_t digit_count, id_len;
        if (!tabari_header(header, header_len, &digits, &digit_count, &id, &id_len)) {
            reader_skip(r, "%s: not a TABARI record: the first line must be \"YYMMDD ID\", not %s",
                        origin, reader_quote(r, header, header_len));
            continue;
        }
        char *date = arena_alloc(&r->scratch, 11);
        if (digit_count == 6) {
            int two_digit_year = (digits[0] - '0') * 10 + (digits[1] - '0');
            memcpy(date, two_digit_year <= 30 ? "20" : "19", 2);   /* TABARI and PETRARCH: 00-30 are 20xx */
            memcpy(date + 2, digits, 2);
            digits += 2;
        } else {
            memcpy(date, digits, 4);
            digits += 4;
        }
        date[4] = '-';
        memcpy(date + 5, digits, 2);
        date[7] = '-';
        memcpy(date + 8, digits + 2, 2);
        date[10] = '\0';
        const char *id_text = arena_strndup(&r->scratch, id, id_len);
        if (!is_real_date(date)) {
            reader_skip(r, "%s: record %s: %s is not a date", origin,
                        reader_quote(r, id_text, id_len), reader_quote(r, header, digit_count));
            continue;
        }
        read_candidate c = {
            .id = id_text,
            .date = date,
            .text = s + text_start,
            .text_len = text_end - text_start,
            .origin = origin,
            .input_offset = text_start,
        };
        reader_deliver(r, &c);
    }
}

/* ---- JSON Lines ----
 *
 * Nearly every record is a flat object of string fields.  Those are read
 * by a small scanner straight into the scratch arena (Jansson built a tree
 * of every record and was a sixth of the coding time); anything else (other
 * value types, nesting, escapes the scanner does not take, duplicate
 * fields, missing fields, invalid JSON of any kind) goes to Jansson, which
 * decides and words the error.  So the scanner only ever accepts records
 * Jansson reads the same way, and every message comes from one place. */

/* The fields of one record, decoded; lengths count bytes. */
typedef struct jsonl_fields {
    const char *id, *date, *text, *title, *url;
    size_t      id_len, date_len, text_len;
} jsonl_fields;

static bool json_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

static int hex_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Four hex digits at s[*i]; -1 if not. */
static int32_t hex4(const char *s, size_t n, size_t *i)
{
    if (*i + 4 > n) return -1;
    int32_t v = 0;
    for (int k = 0; k < 4; k++) {
        int h = hex_value(s[*i + (size_t)k]);
        if (h < 0) return -1;
        v = v * 16 + h;
    }
    *i += 4;
    return v;
}

static size_t put_utf8(char *out, int32_t cp)
{
    if (cp < 0x80) { out[0] = (char)cp; return 1; }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* The string whose opening quote is at s[*i - 1], decoded to out (NUL
 * added); *i moves past the closing quote.  False for what the scanner
 * leaves to Jansson: control bytes, unknown escapes, "\u0000", surrogates
 * that do not pair, or no closing quote. */
static bool scan_string(const char *s, size_t n, size_t *i, char *out, size_t *out_len)
{
    size_t o = 0, p = *i;
    for (;;) {
        size_t run = p;
        /* sixteen bytes at a time (json_plain_until), then eight, while
         * none is a quote, a backslash or a control byte (the test
         * buf_json_escape uses), then byte by byte */
        const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
        run = json_plain_until(s, run, n);
        while (run + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + run, 8);
            uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
            if (((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & highs) break;
            run += 8;
        }
        while (run < n && s[run] != '"' && s[run] != '\\' && (unsigned char)s[run] >= 0x20) run++;
        memcpy(out + o, s + p, run - p);
        o += run - p;
        p = run;
        if (p >= n || (unsigned char)s[p] < 0x20) return false;
        if (s[p] == '"') break;
        if (++p >= n) return false;   /* the backslash */
        char e = s[p++];
        switch (e) {
        case '"': case '\\': case '/': out[o++] = e; break;
        case 'b': out[o++] = '\b'; break;
        case 'f': out[o++] = '\f'; break;
        case 'n': out[o++] = '\n'; break;
        case 'r': out[o++] = '\r'; break;
        case 't': out[o++] = '\t'; break;
        case 'u': {
            int32_t cp = hex4(s, n, &p);
            if (cp <= 0 || (cp >= 0xDC00 && cp <= 0xDFFF)) return false;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                if (p + 2 > n || s[p] != '\\' || s[p + 1] != 'u') return false;
                p += 2;
                int32_t low = hex4(s, n, &p);
                if (low < 0xDC00 || low > 0xDFFF) return false;
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            o += put_utf8(out + o, cp);
            break;
        }
        default: return false;
        }
    }
    out[o] = '\0';
    *out_len = o;
    *i = p + 1;
    return true;
}

/* Reads a flat object of string fields with id, date and text; false when
 * the line is anything else (then Jansson reads it). */
static bool scan_jsonl_record(reader *r, const char *s, size_t n, jsonl_fields *f)
{
    if (!utf8_valid(s, n, NULL)) return false;
    /* decoded strings are never longer than their JSON form */
    char *out = arena_alloc_raw(&r->scratch, n + 1);
    size_t o = 0, i = 0;
    memset(f, 0, sizeof *f);
    while (i < n && json_space(s[i])) i++;
    if (i >= n || s[i++] != '{') return false;
    for (;;) {
        while (i < n && json_space(s[i])) i++;
        if (i >= n || s[i++] != '"') return false;
        size_t key_start = i;
        while (i < n && s[i] != '"' && s[i] != '\\' && (unsigned char)s[i] >= 0x20) i++;
        if (i >= n || s[i] != '"') return false;
        const char *key = s + key_start;
        size_t key_len = i - key_start;
        i++;
        while (i < n && json_space(s[i])) i++;
        if (i >= n || s[i++] != ':') return false;
        while (i < n && json_space(s[i])) i++;
        if (i >= n || s[i++] != '"') return false;
        char *value = out + o;
        size_t value_len;
        if (!scan_string(s, n, &i, value, &value_len)) return false;
        o += value_len + 1;
        const char **slot = NULL;
        size_t *len_slot = NULL;
        if (key_len == 2 && memcmp(key, "id", 2) == 0) slot = &f->id, len_slot = &f->id_len;
        else if (key_len == 4 && memcmp(key, "date", 4) == 0) slot = &f->date, len_slot = &f->date_len;
        else if (key_len == 4 && memcmp(key, "text", 4) == 0) slot = &f->text, len_slot = &f->text_len;
        else if (key_len == 5 && memcmp(key, "title", 5) == 0) slot = &f->title;
        else if (key_len == 3 && memcmp(key, "url", 3) == 0) slot = &f->url;
        if (slot) {
            if (*slot) return false;   /* a repeated field: Jansson keeps the last */
            *slot = value;
            if (len_slot) *len_slot = value_len;
        }
        while (i < n && json_space(s[i])) i++;
        if (i >= n) return false;
        if (s[i] == '}') { i++; break; }
        if (s[i++] != ',') return false;
    }
    while (i < n && json_space(s[i])) i++;
    return i == n && f->id && f->date && f->text;
}

/* The value of a required string field, or NULL after reporting why not. */
static const char *required_string(reader *r, json_t *object, const char *field,
                                   const char *origin, size_t *len)
{
    json_t *value = json_object_get(object, field);
    if (!value || json_is_null(value)) {
        reader_skip(r, "%s: missing field \"%s\"", origin, field);
        return NULL;
    }
    if (!json_is_string(value)) {
        reader_skip(r, "%s: field \"%s\" is not a string", origin, field);
        return NULL;
    }
    if (len)
        *len = json_string_length(value);
    return json_string_value(value);
}

/* Optional string fields of the wrong type are ignored rather than
 * costing the article: a numeric "url" says nothing about the text. */
static const char *optional_string(json_t *object, const char *field)
{
    json_t *value = json_object_get(object, field);
    return json_is_string(value) ? json_string_value(value) : NULL;
}

/* The checks every record passes, in this order, whoever read it. */
static bool jsonl_id_usable(reader *r, const char *id, const char *origin)
{
    if (id[0])
        return true;
    reader_skip(r, "%s: field \"id\" is empty", origin);
    return false;
}

static bool jsonl_date_usable(reader *r, const char *date, size_t date_len, const char *origin)
{
    if (reader_iso_date_prefix(date, date_len))
        return true;
    reader_skip(r, "%s: field \"date\" is not a date: %s", origin, reader_quote(r, date, date_len));
    return false;
}

static void jsonl_deliver(reader *r, const jsonl_fields *f, const char *origin)
{
    read_candidate c = {
        .id = f->id,
        .title = f->title,
        .url = f->url,
        .date = arena_strndup(&r->scratch, f->date, 10),
        .text = f->text,
        .text_len = f->text_len,
        .origin = origin,
        .input_offset = READ_NOT_IN_INPUT,
    };
    reader_deliver(r, &c);
}

/* A record the scanner read: it has every field, as strings. */
static void read_scanned_record(reader *r, const jsonl_fields *f, const char *origin)
{
    if (jsonl_id_usable(r, f->id, origin) && jsonl_date_usable(r, f->date, f->date_len, origin))
        jsonl_deliver(r, f, origin);
}

/* A record Jansson read: anything JSON. */
static void read_jansson_record(reader *r, json_t *root, const char *origin)
{
    if (!json_is_object(root)) {
        reader_skip(r, "%s: not a JSON object", origin);
        return;
    }
    jsonl_fields f;
    memset(&f, 0, sizeof f);
    json_t *id_value = json_object_get(root, "id");
    if (json_is_integer(id_value)) {
        /* Numeric ids are common in exported data sets; keep them. */
        f.id = arena_printf(&r->scratch, "%" JSON_INTEGER_FORMAT, json_integer_value(id_value));
    } else if (!(f.id = required_string(r, root, "id", origin, NULL)) || !jsonl_id_usable(r, f.id, origin)) {
        return;
    }
    if (!(f.date = required_string(r, root, "date", origin, &f.date_len)) ||
        !jsonl_date_usable(r, f.date, f.date_len, origin))
        return;
    if (!(f.text = required_string(r, root, "text", origin, &f.text_len)))
        return;
    f.title = optional_string(root, "title");
    f.url = optional_string(root, "url");
    jsonl_deliver(r, &f, origin);
}

/* One line of JSON Lines input (without its line break). */
static void read_jsonl_line(reader *r, const char *line, size_t line_len, size_t line_number)
{
    if (is_blank(line, line_len))
        return;
    /* "name:line", without printf's parsing of a format for every line */
    char number[24];
    size_t k = sizeof number, rest = line_number;
    number[--k] = 0;
    do { number[--k] = (char)('0' + rest % 10); rest /= 10; } while (rest && k > 0);
    const char *origin = arena_concat(&r->scratch, 3, r->name, ":", number + k);
    jsonl_fields fields;
    if (scan_jsonl_record(r, line, line_len, &fields)) {
        read_scanned_record(r, &fields, origin);
        return;
    }
    json_error_t json_error;
    /* JSON_ALLOW_NUL: a "\u0000" in the text is reported as binary
     * data, like a NUL byte in any other format. */
    json_t *root = json_loadb(line, line_len, JSON_ALLOW_NUL, &json_error);
    if (!root) {
        reader_skip(r, "%s: invalid JSON: %s at column %d", origin, json_error.text,
                    json_error.column > 0 ? json_error.column : 1);
        return;
    }
    read_jansson_record(r, root, origin);
    json_decref(root);
}

static void read_jsonl(reader *r, const char *s, size_t n)
{
    size_t pos = 0, line_number = 0;
    const char *line;
    size_t line_len;
    while (next_line(s, n, &pos, &line, &line_len))
        read_jsonl_line(r, line, line_len, ++line_number);
}

/* ---- the entry point ---- */

static pthread_once_t libraries_once = PTHREAD_ONCE_INIT;

static void libraries_init(void)
{
    xmlInitParser();
    json_object_seed(0);
}

static const char *stem_of(arena *a, const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    const char *dot = strrchr(base, '.');
    size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    return len ? arena_strndup(a, base, len) : "input";
}

static void reader_init(reader *r, const char *name, const read_options *options, const read_sink *sink)
{
    pthread_once(&libraries_once, libraries_init);
    memset(r, 0, sizeof *r);
    r->name = name && name[0] && strcmp(name, "-") != 0 ? name : "stdin";
    r->options = options;
    r->max_bytes = options->max_article_bytes ? options->max_article_bytes : READ_DEFAULT_MAX_ARTICLE;
    r->sink = sink;
    arena_init(&r->scratch);
    arena_init(&r->keep);
    r->stem = stem_of(&r->keep, r->name);
}

static size_t reader_finish(reader *r)
{
    arena_free(&r->scratch);
    arena_free(&r->keep);
    return r->delivered;
}

static const read_options default_options = { .format = READ_FORMAT_AUTO };

size_t read_buffer(const char *name, const char *bytes, size_t len,
                   const read_options *options, const read_sink *sink)
{
    if (!options)
        options = &default_options;
    if (!bytes) {
        bytes = "";
        len = 0;
    }
    reader r;
    reader_init(&r, name, options, sink);
    read_format format = options->format;
    if (format == READ_FORMAT_AUTO)
        format = read_detect(name, bytes, len);
    /* A UTF-8 byte order mark is not part of any article. */
    r.base = bom_length(bytes, len);
    const char *s = bytes + r.base;
    size_t n = len - r.base;
    switch (format) {
    case READ_FORMAT_SEED:     read_seed(&r, s, n); break;
    case READ_FORMAT_PLAIN:    read_plain(&r, s, n); break;
    case READ_FORMAT_JSONL:    read_jsonl(&r, s, n); break;
    case READ_FORMAT_HTML:     if (default_date_usable(&r)) read_html(&r, s, n); break;
    case READ_FORMAT_TABARI:   read_tabari(&r, s, n); break;
    case READ_FORMAT_PETRARCH: read_petrarch(&r, s, n); break;
    case READ_FORMAT_AUTO:
    default:
        reader_skip(&r, "%s: unknown input format %d", r.name, (int)format);
        break;
    }
    return reader_finish(&r);
}

/* ---- files ---- */

enum { READ_CHUNK = 64 * 1024 };

/* Appends up to READ_CHUNK bytes of f to b; 0 at the end or on an error. */
static size_t read_chunk(FILE *f, buf *b)
{
    buf_reserve(b, READ_CHUNK);
    size_t got = fread(b->data + b->len, 1, READ_CHUNK, f);
    b->len += got;
    b->data[b->len] = '\0';
    return got;
}

/* JSON Lines from f, a line at a time; b holds what was read so far. */
static void read_jsonl_stream(reader *r, FILE *f, buf *b, size_t limit)
{
    r->base = bom_length(b->data, b->len);
    size_t start = r->base;          /* the first byte not yet read as a line */
    size_t scanned = start;          /* no line break in [start, scanned) */
    size_t line_number = 0;
    bool at_end = false, too_long = false;
    for (;;) {
        char *newline = memchr(b->data + scanned, '\n', b->len - scanned);
        if (newline || (at_end && (start < b->len || too_long))) {
            size_t end = newline ? (size_t)(newline - b->data) : b->len;
            size_t len = end - start;
            if (len > 0 && b->data[start + len - 1] == '\r')
                len--;
            line_number++;
            if (too_long)
                reader_skip(r, "%s:%zu: line longer than the limit of %zu bytes", r->name, line_number, limit);
            else
                read_jsonl_line(r, b->data + start, len, line_number);
            too_long = false;
            start = scanned = newline ? end + 1 : b->len;
            continue;
        }
        if (at_end)
            break;
        /* Keep only the unfinished line; a line over the limit is read
         * to its end but not kept. */
        if (start > 0) {
            memmove(b->data, b->data + start, b->len - start);
            b->len -= start;
            start = 0;
        }
        if (b->len > limit) {
            too_long = true;
            b->len = 0;
        }
        scanned = b->len;
        if (read_chunk(f, b) == 0)
            at_end = true;
    }
}

bool read_file(const char *path, size_t limit, const read_options *options, const read_sink *sink,
               size_t *delivered, error *err)
{
    if (!options)
        options = &default_options;
    if (delivered)
        *delivered = 0;
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f)
        return error_set(err, "%s: %s", path, strerror(errno));
    buf b;
    buf_init(&b);
    /* Enough of the start to tell JSON Lines (the first byte after a byte
     * order mark and white space is "{"), which are read as they come. */
    size_t first = 0;
    bool at_end = false;
    for (;;) {
        size_t bom = bom_length(b.data, b.len);
        first = bom;
        while (first < b.len && is_space(b.data[first]))
            first++;
        if ((first < b.len && b.len >= 3) || at_end)
            break;
        if (read_chunk(f, &b) == 0)
            at_end = true;
    }
    read_format format = options->format;
    bool stream = format == READ_FORMAT_JSONL ||
                  (format == READ_FORMAT_AUTO && first < b.len && b.data[first] == '{');
    bool ok = true;
    if (stream) {
        reader r;
        reader_init(&r, path, options, sink);
        read_jsonl_stream(&r, f, &b, limit);
        size_t count = reader_finish(&r);
        if (delivered)
            *delivered = count;
    } else {
        while (!at_end && b.len <= limit)
            if (read_chunk(f, &b) == 0)
                at_end = true;
        if (b.len > limit)
            ok = error_set(err, "%s: larger than the limit of %zu bytes", path, limit);
    }
    if (ok && ferror(f))
        ok = error_set(err, "%s: read error", path);
    if (f != stdin)
        fclose(f);
    if (ok && !stream) {
        size_t count = read_buffer(path, b.data ? b.data : "", b.len, options, sink);
        if (delivered)
            *delivered = count;
    }
    buf_free(&b);
    return ok;
}
