/* utf8: validation and repair of UTF-8 bytes.
 *
 * One decoder serves everything (utf8_decode in util, shared with the
 * reader): it accepts exactly the well-formed sequences of Unicode, and when
 * a sequence breaks it reports the maximal prefix that could have been
 * valid, so repair replaces each broken sequence by one U+FFFD the way the
 * Unicode standard recommends. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

int32_t text_utf8_previous(const char *s, size_t p, size_t *start)
{
    size_t q = p - 1;
    /* At most three continuation bytes precede a lead byte. */
    while (q > 0 && p - q < 4 && ((unsigned char)s[q] & 0xC0) == 0x80) q--;
    int32_t cp;
    int len = utf8_decode((const unsigned char *)s + q, p - q, &cp);
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
    return utf8_valid(s, n, bad_offset);
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
        int len = utf8_decode(u + p, n - p, &cp);
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
