/* fold: what a code point is, and how it reads once folded.
 *
 * Folding works one code point at a time through utf8proc's decomposition
 * (case fold, compatibility decomposition, combining marks stripped), so a
 * precomposed "Ç" and "C" + combining cedilla both come out as "c" and
 * matching does not care whether the input was NFC or NFD.  A few Latin
 * letters have no decomposition but an obvious base letter ("ł", "ø",
 * dotless "ı"); they get one by hand so "Wałęsa" matches "Walesa". */
#include "internal.h"

#include <utf8proc.h>

text_class text_classify_unicode(int32_t cp)
{
    switch (cp) {
    case 0x0085: case 0x2028: return TC_BREAK;
    case 0x2029: return TC_PARAGRAPH;
    case 0x00AD: case 0x200C: case 0x200D: case 0x2060: return TC_JOINER;
    case 0x2019: case 0x2018: case 0x2032: case 0xFF07: return TC_APOSTROPHE;
    case 0x201C: case 0x201D: case 0x00AB: case 0x00BB: case 0x201E:
    case 0x201F: case 0x2039: case 0x203A: case 0x201A: case 0x2033:
    case 0xFF02: case 0x301D: case 0x301E: case 0x301F:
        return TC_QUOTE;
    case 0x2010: case 0x2011: case 0xFE63: case 0xFF0D: return TC_HYPHEN;
    case 0x2013: return TC_EN_DASH;
    case 0x2012: case 0x2014: case 0x2015: case 0x2212: case 0xFE58: return TC_DASH;
    case 0xFF0E: return TC_DOT;
    case 0xFF0C: return TC_COMMA;
    case 0xFF1A: return TC_COLON;
    case 0x2026: case 0x203C: case 0x2047: case 0x2048: case 0x2049:
    case 0xFF01: case 0xFF1F: case 0x3002: case 0x061F: case 0x06D4:
    case 0x0964: case 0x0965:
        return TC_TERMINAL;
    default: break;
    }
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO:
        return TC_LETTER;
    case UTF8PROC_CATEGORY_MN: case UTF8PROC_CATEGORY_MC: case UTF8PROC_CATEGORY_ME:
        return TC_MARK;
    case UTF8PROC_CATEGORY_ND: return TC_DIGIT;
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: return TC_NUMERAL;
    case UTF8PROC_CATEGORY_ZS: return TC_SPACE;
    case UTF8PROC_CATEGORY_ZL: return TC_BREAK;
    case UTF8PROC_CATEGORY_ZP: return TC_PARAGRAPH;
    case UTF8PROC_CATEGORY_CC: case UTF8PROC_CATEGORY_CF:
    case UTF8PROC_CATEGORY_CS:
        return TC_IGNORE;
    case UTF8PROC_CATEGORY_PS: return TC_OPEN;
    case UTF8PROC_CATEGORY_PE: return TC_CLOSE;
    case UTF8PROC_CATEGORY_PD: return TC_DASH;
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: return TC_QUOTE;
    default: return TC_PUNCT;  /* other punctuation, symbols, private use, unassigned */
    }
}

int text_quote_direction(int32_t cp)
{
    switch (cp) {
    case 0x201C: case 0x00AB: case 0x201E: case 0x201F: case 0x2039:
    case 0x201A: case 0x2018: case 0x301D:
        return 1;
    case 0x201D: case 0x00BB: case 0x203A: case 0x2019: case 0x301E: case 0x301F:
        return -1;
    default:
        return 0;
    }
}

int text_letter_case_unicode(int32_t cp)
{
    switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LT: return 1;
    case UTF8PROC_CATEGORY_LL: return -1;
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: return 2;
    default: return 0;
    }
}

/* Letters that decompose to nothing simpler but are read as a base letter. */
static const char *fold_by_hand(int32_t cp)
{
    switch (cp) {
    case 0x0131: return "i";                   /* dotless i */
    case 0x0141: case 0x0142: return "l";      /* Ł ł */
    case 0x00D8: case 0x00F8: return "o";      /* Ø ø */
    case 0x0110: case 0x0111: return "d";      /* Đ đ */
    case 0x00D0: case 0x00F0: return "d";      /* Ð ð */
    case 0x0126: case 0x0127: return "h";      /* Ħ ħ */
    case 0x00C6: case 0x00E6: return "ae";
    case 0x0152: case 0x0153: return "oe";
    case 0x00DE: case 0x00FE: return "th";
    default: return NULL;
    }
}

static size_t put_utf8(int32_t cp, char *out)
{
    utf8proc_uint8_t *u = (utf8proc_uint8_t *)out;
    utf8proc_ssize_t n = utf8proc_encode_char(cp, u);
    return n > 0 ? (size_t)n : 0;
}

size_t text_fold_codepoint(int32_t cp, char out[TEXT_FOLD_MAX])
{
    if (cp < 0x80) {
        out[0] = text_fold_ascii((char)cp);
        return 1;
    }
    const char *by_hand = fold_by_hand(cp);
    if (by_hand) {
        size_t i = 0;
        for (; by_hand[i]; i++) out[i] = by_hand[i];
        return i;
    }
    utf8proc_int32_t decomposed[24];
    int boundclass = UTF8PROC_BOUNDCLASS_START;
    utf8proc_ssize_t count = utf8proc_decompose_char(
        cp, decomposed, 24,
        UTF8PROC_CASEFOLD | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_COMPAT,
        &boundclass);
    size_t len = 0;
    if (count > 0 && count <= 24) {
        for (utf8proc_ssize_t i = 0; i < count; i++) {
            int32_t d = decomposed[i];
            /* Compatibility forms may bring spaces (U+FDFA) or bare marks
             * (U+00A8 is space + diaeresis): never let them into a token. */
            if (d <= 0x20 || d == 0x7F || (d >= 0x80 && d < 0xA0)) continue;
            text_class c = text_classify(d);
            if (c == TC_SPACE || c == TC_BREAK || c == TC_PARAGRAPH || c == TC_IGNORE) continue;
            const char *hand = fold_by_hand(d);
            if (hand) {
                for (size_t k = 0; hand[k]; k++) out[len++] = hand[k];
            } else {
                len += put_utf8(d, out + len);
            }
        }
    }
    if (len == 0 && text_classify(cp) != TC_MARK) {
        /* Nothing left (or utf8proc refused): keep the character itself. */
        len = put_utf8(cp, out);
    }
    return len;
}
