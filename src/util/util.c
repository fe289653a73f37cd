/* util: arena, growable strings, errors as values, whole-file reads, civil
 * dates and hashing.  See util.h. */
#include "util.h"

#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- arena ---- */

struct arena_block {
    arena_block *next;
    size_t size, used;
    _Alignas(16) unsigned char data[];
};

enum { ARENA_BLOCK = 64 * 1024 };

static void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p) {
        /* Out of memory is the one failure we cannot report as a value. */
        fputs("parley: out of memory\n", stderr);
        abort();
    }
    return p;
}

void arena_init(arena *a) { a->head = NULL; a->total = 0; }

void *arena_alloc(arena *a, size_t size)
{
    void *p = arena_alloc_raw(a, size);
    memset(p, 0, (size + 15u) & ~(size_t)15u);
    return p;
}

void *arena_alloc_raw(arena *a, size_t size)
{
    size = (size + 15u) & ~(size_t)15u;
    arena_block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t want = size > ARENA_BLOCK / 2 ? size : ARENA_BLOCK;
        arena_block *nb = xmalloc(sizeof *nb + want);
        nb->size = want;
        nb->used = 0;
        if (b && size > ARENA_BLOCK / 2) {
            /* A big request gets its own block behind the current one, so
             * the current block's free space is not thrown away. */
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    a->total += size;
    return p;
}

char *arena_strndup(arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

char *arena_strdup(arena *a, const char *s) { return arena_strndup(a, s, strlen(s)); }

char *arena_printf(arena *a, const char *fmt, ...)
{
    /* One pass when the text fits the free end of the current block (the
     * usual case: rules and explanations are short), two otherwise. */
    va_list ap, aq;
    va_start(ap, fmt);
    va_copy(aq, ap);
    arena_block *b = a->head;
    char *free_end = b ? (char *)b->data + b->used : NULL;
    size_t room = b ? b->size - b->used : 0;
    int n = vsnprintf(free_end, room, fmt, ap);
    va_end(ap);
    if (n < 0) n = 0;
    /* The block's free room is a multiple of 16, so what fits in it is
     * allocated from it, just where it was written. */
    char *p = arena_alloc_raw(a, (size_t)n + 1);
    if ((size_t)n < room) assert(p == free_end);
    else vsnprintf(p, (size_t)n + 1, fmt, aq);
    va_end(aq);
    return p;
}

char *arena_concat(arena *a, size_t count, ...)
{
    enum { MAX_PARTS = 16 };
    const char *parts[MAX_PARTS];
    size_t lengths[MAX_PARTS], total = 0;
    assert(count <= MAX_PARTS);
    va_list ap;
    va_start(ap, count);
    for (size_t i = 0; i < count; i++) {
        parts[i] = va_arg(ap, const char *);
        lengths[i] = strlen(parts[i]);
        total += lengths[i];
    }
    va_end(ap);
    char *p = arena_alloc_raw(a, total + 1), *o = p;
    for (size_t i = 0; i < count; i++) { memcpy(o, parts[i], lengths[i]); o += lengths[i]; }
    *o = '\0';
    return p;
}

void arena_reset(arena *a)
{
    arena_block *b = a->head;
    if (!b) return;
    /* Keep the most recent standard block, free the rest. */
    arena_block *keep = NULL;
    while (b) {
        arena_block *next = b->next;
        if (!keep && b->size == ARENA_BLOCK) keep = b;
        else free(b);
        b = next;
    }
    if (keep) { keep->next = NULL; keep->used = 0; }
    a->head = keep;
    a->total = 0;
}

arena_mark arena_mark_of(const arena *a)
{
    arena_block *b = a->head;
    return (arena_mark){ b, b ? b->next : NULL, b ? b->used : 0, a->total };
}

void arena_rewind(arena *a, arena_mark mark)
{
    /* Blocks begun since the mark stand before its block in the list; a
     * big request's own block stands right behind the block that was
     * current, so behind the mark's block too, before the one that
     * followed it then. */
    while (a->head != mark.head) {
        arena_block *next = a->head->next;
        free(a->head);
        a->head = next;
    }
    if (mark.head) {
        arena_block *b = mark.head->next;
        while (b != mark.next) {
            arena_block *next = b->next;
            free(b);
            b = next;
        }
        mark.head->next = mark.next;
        mark.head->used = mark.used;
    }
    a->total = mark.total;
}

void arena_free(arena *a)
{
    arena_block *b = a->head;
    while (b) { arena_block *next = b->next; free(b); b = next; }
    a->head = NULL;
    a->total = 0;
}

/* ---- buf ---- */

void buf_init(buf *b) { b->data = NULL; b->len = b->cap = 0; }
void buf_free(buf *b) { free(b->data); buf_init(b); }
void buf_clear(buf *b) { b->len = 0; if (b->data) b->data[0] = 0; }

void buf_reserve(buf *b, size_t extra)
{
    if (b->len + extra + 1 <= b->cap) return;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < b->len + extra + 1) cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) { fputs("parley: out of memory\n", stderr); abort(); }
    b->data = p;
    b->cap = cap;
}

void buf_vprintf(buf *b, const char *fmt, va_list ap)
{
    /* one pass when the text fits the room reserved, two when it does not */
    buf_reserve(b, 128);
    va_list aq;
    va_copy(aq, ap);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, aq);
    va_end(aq);
    if (n <= 0) { b->data[b->len] = 0; return; }
    if ((size_t)n >= room) {
        buf_reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void buf_printf(buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(b, fmt, ap);
    va_end(ap);
}

/* Bytes that JSON strings cannot hold as they are: the quote, the
 * backslash and the control characters. */
static bool json_needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }

/* The high bit of each byte of w that JSON must escape (a byte below 0x20,
 * or a zero byte once the quote or the backslash is xored away); the lowest
 * bit set is exact, the ones above it may not be. */
static inline uint64_t json_escape_hits(uint64_t w)
{
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t quote = w ^ (ones * '"'), backslash = w ^ (ones * '\\');
    return ((w - ones * 0x20) | (quote - ones) | (backslash - ones)) & ~w & highs;
}

void buf_json_escape(buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    /* Most text has no byte to escape: room for all of it (and for one
     * eight-byte store past its end) is made once, and sixteen bytes at a
     * time (with SSE2), then eight, are checked and stored straight into
     * the buffer; the last bytes of a text of eight or more are read as the
     * end of its last eight, shifted down so that zero bytes, which are
     * escaped, follow them.  An escape makes room again for what is left. */
    if (b->len + n + 9 > b->cap) buf_reserve(b, n + 8);
    char *out = b->data;
    size_t len = b->len, i = 0;
    for (;;) {
        bool hit = false;
#ifdef __SSE2__
        while (i + 16 <= n) {   /* sixteen at a time where the machine can */
            __m128i x = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            _mm_storeu_si128((__m128i *)(void *)(out + len), x);
            unsigned mask = json_escape_mask16(x);
            size_t plain = mask ? (size_t)__builtin_ctz(mask) : 16;
            len += plain;
            i += plain;
            if (plain < 16) { hit = true; break; }
        }
#endif
        while (i + 8 <= n && !hit) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            memcpy(out + len, &w, 8);
            uint64_t hits = json_escape_hits(w);
            size_t plain = hits ? (size_t)__builtin_ctzll(hits) >> 3 : 8;
            len += plain;
            i += plain;
            hit = plain < 8;
        }
        if (!hit && i < n) {   /* fewer than eight bytes left */
            if (n >= 8) {
                uint64_t w;
                memcpy(&w, s + n - 8, 8);
                w >>= 8 * (i + 8 - n);
                memcpy(out + len, &w, 8);
                uint64_t hits = json_escape_hits(w);   /* never 0: the shifted-in bytes are zero */
                size_t plain = (size_t)__builtin_ctzll(hits) >> 3;
                if (plain > n - i) plain = n - i;
                len += plain;
                i += plain;
            } else {
                while (i < n && !json_needs_escape((unsigned char)s[i])) out[len++] = s[i++];
            }
        }
        if (i >= n) break;
        /* s[i] needs escaping */
        b->len = len;
        unsigned char c = (unsigned char)s[i++];
        switch (c) {
        case '"':  buf_append(b, "\\\"", 2); break;
        case '\\': buf_append(b, "\\\\", 2); break;
        case '\n': buf_append(b, "\\n", 2); break;
        case '\r': buf_append(b, "\\r", 2); break;
        case '\t': buf_append(b, "\\t", 2); break;
        default: {
            char u[6] = { '\\', 'u', '0', '0', hex[c >> 4], hex[c & 15] };
            buf_append(b, u, 6);
        }
        }
        buf_reserve(b, n - i + 8);
        out = b->data;
        len = b->len;
    }
    b->len = len;
    out[len] = 0;
}

void buf_json_string(buf *b, const char *s, size_t n)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n < 8 && b->len + 11 <= b->cap) {
        /* A short string (a code, "city"): its bytes in one word, zero
         * above them, read with loads of fixed size (one memcpy of
         * variable length costs more than the rest), checked at once and
         * stored with one store.  The zero after them is a hit: the string
         * is plain when no hit comes before it. */
        uint64_t w = load_upto8(s, n);   /* (n < 8 here) */
        if ((size_t)__builtin_ctzll(json_escape_hits(w)) >> 3 >= n) {
            char *out = b->data + b->len;
            out[0] = '"';
            memcpy(out + 1, &w, 8);
            out[1 + n] = '"';
            b->len += n + 2;
            b->data[b->len] = 0;
            return;
        }
    }
#endif
    buf_putc(b, '"');
    buf_json_escape(b, s, n);
    buf_putc(b, '"');
}

/* ---- errors ---- */

bool error_set(error *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->message, sizeof err->message, fmt, ap);
        va_end(ap);
    }
    return false;
}

/* ---- fields ---- */

size_t split_tabs(char *line, char **fields, size_t max)
{
    size_t n = 0;
    for (char *p = line; n < max;) {
        fields[n++] = p;
        char *tab = strchr(p, '\t');
        if (!tab || n == max) break;
        *tab = 0;
        p = tab + 1;
    }
    return n;
}

/* ---- files ---- */

bool file_read_all(const char *path, size_t limit, char **out, size_t *out_len, error *err)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    if (!f) return error_set(err, "%s: %s", path, strerror(errno));
    buf b;
    buf_init(&b);
    buf_reserve(&b, 4096);
    for (;;) {
        buf_reserve(&b, 65536);
        size_t n = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
        b.len += n;
        b.data[b.len] = 0;
        if (b.len > limit) {
            if (f != stdin) fclose(f);
            buf_free(&b);
            return error_set(err, "%s: larger than the limit of %zu bytes", path, limit);
        }
        if (n == 0) break;
    }
    bool failed = ferror(f);
    if (f != stdin) fclose(f);
    if (failed) {
        buf_free(&b);
        return error_set(err, "%s: read error", path);
    }
    *out = b.data;
    *out_len = b.len;
    return true;
}

/* ---- dates (civil calendar, days since 1970-01-01) ---- */

int32_t date_to_days(int year, int month, int day)
{
    /* Shift the year to start in March so the leap day is last. */
    int y = year - (month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int mp = (month + 9) % 12;
    int doy = (153 * mp + 2) / 5 + day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void date_from_days(int32_t days, int *year, int *month, int *day)
{
    int32_t z = days + 719468;
    int era = (z >= 0 ? z : z - 146096) / 146097;
    int doe = z - era * 146097;
    int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int mp = (5 * doy + 2) / 153;
    int d = doy - (153 * mp + 2) / 5 + 1;
    int m = mp < 10 ? mp + 3 : mp - 9;
    *year = yoe + era * 400 + (m <= 2);
    *month = m;
    *day = d;
}

int date_days_in_month(int year, int month)
{
    static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (month < 1 || month > 12) return 0;
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

bool date_parse_iso(const char *s, size_t n, int32_t *days)
{
    if (n != 10 || s[4] != '-' || s[7] != '-') return false;
    int v[8], k = 0;
    for (size_t i = 0; i < 10; i++) {
        if (i == 4 || i == 7) continue;
        if (s[i] < '0' || s[i] > '9') return false;
        v[k++] = s[i] - '0';
    }
    int year = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3];
    int month = v[4] * 10 + v[5];
    int day = v[6] * 10 + v[7];
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > date_days_in_month(year, month))
        return false;
    if (days) *days = date_to_days(year, month, day);
    return true;
}

void date_format_iso(int32_t days, char out[11])
{
    int y, m, d;
    date_from_days(days, &y, &m, &d);
    unsigned uy = (unsigned)y % 10000u, um = (unsigned)m % 100u, ud = (unsigned)d % 100u;
    out[0] = (char)('0' + uy / 1000); out[1] = (char)('0' + uy / 100 % 10);
    out[2] = (char)('0' + uy / 10 % 10); out[3] = (char)('0' + uy % 10);
    out[4] = '-'; out[5] = (char)('0' + um / 10); out[6] = (char)('0' + um % 10);
    out[7] = '-'; out[8] = (char)('0' + ud / 10); out[9] = (char)('0' + ud % 10);
    out[10] = 0;
}

/* ---- UTF-8 ----
 *
 * The decoder accepts exactly the well-formed sequences of Unicode (no
 * overlongs, no surrogates, nothing past U+10FFFF) by narrowing the range
 * allowed for the second byte after the lead byte. */

int utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
{
    unsigned lead = s[0];
    if (lead < 0x80) {
        *cp = (int32_t)lead;
        return 1;
    }
    int continuation;
    unsigned low = 0x80, high = 0xBF;   /* allowed range of the second byte */
    int32_t value;
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuation = 1;
        value = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuation = 2;
        value = lead & 0x0F;
        if (lead == 0xE0) low = 0xA0;        /* overlong */
        else if (lead == 0xED) high = 0x9F;  /* surrogates */
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuation = 3;
        value = lead & 0x07;
        if (lead == 0xF0) low = 0x90;        /* overlong */
        else if (lead == 0xF4) high = 0x8F;  /* past U+10FFFF */
    } else {
        *cp = 0xFFFD;                        /* C0, C1, F5..FF, lone continuation */
        return -1;
    }
    int i = 1;
    for (; i <= continuation; i++) {
        if ((size_t)i >= n) break;
        unsigned byte = s[i];
        if (byte < low || byte > high) break;
        value = (value << 6) | (int32_t)(byte & 0x3F);
        low = 0x80;
        high = 0xBF;
    }
    if (i == continuation + 1) {
        *cp = value;
        return i;
    }
    *cp = 0xFFFD;
    return -i;
}

bool utf8_valid(const char *s, size_t n, size_t *bad_offset)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t p = 0;
    while (p < n) {
        /* ASCII runs are the common case: skip them eight bytes at a time. */
        while (p + 8 <= n) {
            uint64_t word;
            memcpy(&word, u + p, 8);
            if (word & 0x8080808080808080ull) break;
            p += 8;
        }
        if (p >= n) break;
        if (u[p] < 0x80) {
            p++;
            continue;
        }
        int32_t cp;
        int len = utf8_decode(u + p, n - p, &cp);
        if (len < 0) {
            if (bad_offset) *bad_offset = p;
            return false;
        }
        p += (size_t)len;
    }
    return true;
}

/* ---- hashing ---- */

void prefix_set_add(prefix_set *set, const char *const *list)
{
    for (; *list; list++) {
        int index = prefix_index(*list);
        if (index >= 0) set->bits[index / 8] |= (uint8_t)(1u << (index % 8));
    }
}

uint64_t hash_bytes(const void *data, size_t n) { return hash_bytes_more(HASH_BYTES_START, data, n); }

