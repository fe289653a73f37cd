/* utf8: validation and repair of UTF-8 bytes.
 *
 * One decoder serves everything: it accepts exactly the well-formed
 * sequences of Unicode (no overlongs, no surrogates, nothing past U+10FFFF)
 * by narrowing the range allowed for the second byte after the lead byte,
 * and when a sequence breaks it reports the maximal prefix that could have
 * been valid, so repair replaces each broken sequence by one U+FFFD the way
 * the Unicode standard recommends. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int text_utf8_decode(const unsigned char *s, size_t n, int32_t *cp)
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

int32_t text_utf8_previous(const char *s, size_t p, size_t *start)
{
    size_t q = p - 1;
    /* At most three continuation bytes precede a lead byte. */
    while (q > 0 && p - q < 4 && ((unsigned char)s[q] & 0xC0) == 0x80) q--;
    int32_t cp;
    int len = text_utf8_decode((const unsigned char *)s + q, p - q, &cp);
    if (len < 0 || (size_t)len != p - q) {
        /* Not a whole sequence ending at p: read the last byte alone. */
        q = p - 1;
        cp = 0xFFFD;
    }
    if (start) *start = q;
    return cp;
}

bool text_utf8_valid(const char *s, size_t n, size_t *bad_offset)
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
        int len = text_utf8_decode(u + p, n - p, &cp);
        if (len < 0) {
            if (bad_offset) *bad_offset = p;
            return false;
        }
        p += (size_t)len;
    }
    return true;
}

char *text_utf8_repair(const char *s, size_t n, size_t *out_len, size_t *replaced)
{
    /* Worst case every byte becomes the three bytes of U+FFFD. */
    if (n > (SIZE_MAX - 1) / 3) return NULL;
    char *out = malloc(3 * n + 1);
    if (!out) return NULL;
    const unsigned char *u = (const unsigned char *)s;
    size_t p = 0, o = 0, count = 0;
    while (p < n) {
        if (u[p] < 0x80) {
            out[o++] = (char)u[p++];
            continue;
        }
        int32_t cp;
        int len = text_utf8_decode(u + p, n - p, &cp);
        if (len > 0) {
            memcpy(out + o, u + p, (size_t)len);
            o += (size_t)len;
            p += (size_t)len;
        } else {
            memcpy(out + o, "\xEF\xBF\xBD", 3);
            o += 3;
            p += (size_t)-len;
            count++;
        }
    }
    out[o] = '\0';
    char *shrunk = realloc(out, o + 1);
    if (shrunk) out = shrunk;
    if (out_len) *out_len = o;
    if (replaced) *replaced = count;
    return out;
}
