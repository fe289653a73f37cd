/* lex import: TABARI and PETRARCH actor dictionaries converted to ours.
 *
 * The two coders share one actor format, so one line reader serves both: it
 * strips comments ("#", ";" outside brackets, "<!-- -->" blocks), then sorts
 * each line by its first character: "+" is an alternative name, "[" a code
 * line, anything else the name line that starts the next actor.  An actor is
 * written when the next one starts, so only one is held at a time and the
 * work is one pass over the input.  Every name and code is checked against
 * the rules lex.c loads by (codes of 3-15 capitals, real calendar dates, no
 * "=" in a name, a name that folds to words), so the output loads without
 * errors; what fails a check is a problem with its line, never a guess. */
#include "import.h"
#include "../text/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { IMPORT_MAX_CODES = 32, IMPORT_MAX_WORDS = 64, IMPORT_QUOTE = 60 };

/* The actor being gathered. */
typedef struct import_actor {
    bool   open;            /* a name line was read */
    bool   skipped;         /* its name line was bad: its other lines go with it */
    size_t line;            /* of the name line */
    buf    phrases;         /* "Fayez Al-Sarraj; Sarraj" */
    size_t phrase_count;
    buf    codes;           /* "LBYGOV 2016-03-30..2021-03-15, LBY" */
    size_t code_count;
} import_actor;

typedef struct importer {
    lex_import_result *out;
    lex_kind           kind;
    import_actor       actor;
    arena              scratch;   /* folding, reset per name */
    buf                line;      /* the current line, NUL-terminated */
    buf                phrase;    /* one converted name */
    buf                line_codes;/* the codes of the current line, committed when all are good */
    size_t             line_code_count;
} importer;

bool lex_import_format_parse(const char *name, lex_import_format *out)
{
    if (strcmp(name, "tabari") == 0) { *out = LEX_IMPORT_TABARI; return true; }
    if (strcmp(name, "petrarch") == 0) { *out = LEX_IMPORT_PETRARCH; return true; }
    return false;
}

const char *lex_import_format_name(lex_import_format format)
{
    return format == LEX_IMPORT_PETRARCH ? "petrarch" : "tabari";
}

bool lex_import_kind_parse(const char *name, lex_kind *out)
{
    static const lex_kind kinds[] = { LEX_PERSON, LEX_GROUP, LEX_ORGANIZATION, LEX_COUNTRY };
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(name, lex_kind_name(kinds[i])) == 0) { *out = kinds[i]; return true; }
    return false;
}

static void problem(importer *im, size_t line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void problem(importer *im, size_t line, const char *fmt, ...)
{
    lex_import_result *r = im->out;
    if (r->problem_count == r->problem_capacity) {
        r->problem_capacity = r->problem_capacity ? r->problem_capacity * 2 : 16;
        lex_import_problem *p = realloc(r->problems, r->problem_capacity * sizeof *p);
        if (!p) abort();
        r->problems = p;
    }
    va_list ap;
    va_start(ap, fmt);
    buf b;
    buf_init(&b);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    r->problems[r->problem_count].line = line;
    r->problems[r->problem_count].message = arena_strndup(&r->memory, b.data ? b.data : "", b.len);
    r->problem_count++;
    buf_free(&b);
}

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

static char *trim(char *s)
{
    while (is_space(*s)) s++;
    size_t n = strlen(s);
    while (n && is_space(s[n - 1])) s[--n] = 0;
    return s;
}

/* ---- names ---- */

/* "FAYEZ_AL-SARRAJ_" -> "Fayez Al-Sarraj" in im->phrase.  Underscores and
 * spaces become one space (the trailing underscore, TABARI's "whole word",
 * goes: our phrases always match whole tokens).  A name in capitals is
 * written in title case, except an acronym, which stays in capitals so that
 * it matches only capitals (dict/FORMAT.md) and "us" stays a pronoun: a
 * word of two capitals ("US", "UN"), or of three outside people ("LNA",
 * "CIA"; a person's "ALI" or "KIM" is a name).  Returns NULL with *why set
 * when the name cannot be written. */
static const char *convert_name(importer *im, const char *s, size_t n, char *why, size_t why_size)
{
    buf *b = &im->phrase;
    buf_clear(b);
    bool pending_space = false, lower = false;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == '_' || is_space(c)) { pending_space = b->len > 0; continue; }
        if (strchr("=[]{}<>|", c)) {
            snprintf(why, why_size, "\"%c\" cannot be part of a name", c);
            return NULL;
        }
        if (pending_space) buf_putc(b, ' ');
        pending_space = false;
        buf_putc(b, c);
        if (c >= 'a' && c <= 'z') lower = true;
    }
    if (!b->len) { snprintf(why, why_size, "empty name"); return NULL; }
    char *p = b->data;
    if (p[0] == '@') { snprintf(why, why_size, "a name cannot start with \"@\""); return NULL; }
    bool acronym = b->len <= (im->kind == LEX_PERSON ? 2u : 3u);
    for (size_t i = 0; i < b->len && acronym; i++) acronym = p[i] >= 'A' && p[i] <= 'Z';
    if (!lower && !acronym) {
        /* title case: a capital after a space, hyphen or period, small letters elsewhere */
        for (size_t i = 0; i < b->len; i++) {
            bool starts_word = i == 0 || p[i - 1] == ' ' || p[i - 1] == '-' || p[i - 1] == '.';
            if (!starts_word && p[i] >= 'A' && p[i] <= 'Z') p[i] = (char)(p[i] - 'A' + 'a');
        }
    }
    arena_reset(&im->scratch);
    const char *folded = text_fold_phrase(&im->scratch, p, b->len);
    bool word = false;   /* a letter or digit, not only punctuation ("---") */
    for (const char *f = folded; folded && *f && !word; f++)
        word = (unsigned char)*f >= 0x80 || (*f >= 'a' && *f <= 'z') || (*f >= 'A' && *f <= 'Z') || (*f >= '0' && *f <= '9');
    if (!word) { snprintf(why, why_size, "name \"%.*s\" has no words", IMPORT_QUOTE, p); return NULL; }
    size_t words = 1;
    for (const char *f = folded; *f; f++) if (*f == ' ') words++;
    if (words > IMPORT_MAX_WORDS) { snprintf(why, why_size, "name has more than %d words", IMPORT_MAX_WORDS); return NULL; }
    return p;
}

/* ---- codes and dates ---- */

/* YYMMDD or YYYYMMDD into "YYYY-MM-DD".  A two-digit year of 00-30 is 20xx,
 * 31-99 is 19xx: the rule of PETRARCH's dstr_to_ordate, which kept it from
 * KEDS and TABARI, so a dictionary means here what it meant there. */
static bool parse_date(const char *s, size_t n, char iso[11], int32_t *days)
{
    if (n != 6 && n != 8) return false;
    for (size_t i = 0; i < n; i++) if (s[i] < '0' || s[i] > '9') return false;
    int year, month, day;
    if (n == 6) {
        year = (s[0] - '0') * 10 + (s[1] - '0');
        year += year <= 30 ? 2000 : 1900;
    } else {
        year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
    }
    s += n - 4;
    month = (s[0] - '0') * 10 + (s[1] - '0');
    day = (s[2] - '0') * 10 + (s[3] - '0');
    if (year < 1 || month < 1 || month > 12 || day < 1 || day > date_days_in_month(year, month)) return false;
    *days = date_to_days(year, month, day);
    date_format_iso(*days, iso);
    return true;
}

static bool actor_code_valid(const char *c, size_t n)
{
    if (n < 3 || n > 15 || n % 3 != 0) return false;
    for (size_t i = 0; i < n; i++) if (c[i] < 'A' || c[i] > 'Z') return false;
    return true;
}

/* One "CODE [DATES]" (the text inside brackets) appended to im->line_codes. */
static bool parse_code(importer *im, char *spec, char *why, size_t why_size)
{
    spec = trim(spec);
    if (!*spec) { snprintf(why, why_size, "empty code \"[]\""); return false; }
    size_t cl = strcspn(spec, " \t");
    if (!actor_code_valid(spec, cl)) {
        if (spec[0] == '-' || spec[0] == '~')
            snprintf(why, why_size, "code \"%.*s\" (no actor or an agent) has no equivalent in parley", (int)(cl < IMPORT_QUOTE ? cl : IMPORT_QUOTE), spec);
        else
            snprintf(why, why_size, "bad actor code \"%.*s\" (expected 3-15 capital letters in groups of three)",
                     (int)(cl < IMPORT_QUOTE ? cl : IMPORT_QUOTE), spec);
        return false;
    }
    char *dates = trim(spec + cl);
    char from[11] = "", to[11] = "";
    int32_t from_days = 0, to_days = 0;
    bool bad = false;
    if (*dates == '>' || *dates == '<') {
        char *d = trim(dates + 1);
        bad = !parse_date(d, strlen(d), *dates == '>' ? from : to, *dates == '>' ? &from_days : &to_days);
    } else if (*dates) {
        char *dash = strchr(dates, '-');
        if (!dash) bad = true;
        else {
            *dash = 0;
            char *a = trim(dates), *b = trim(dash + 1);
            bad = !parse_date(a, strlen(a), from, &from_days) || !parse_date(b, strlen(b), to, &to_days);
            *dash = '-';
            if (!bad && to_days < from_days) {
                snprintf(why, why_size, "date range \"%.*s\" ends before it starts", IMPORT_QUOTE, dates);
                return false;
            }
        }
    }
    if (bad) {
        snprintf(why, why_size, "bad date restriction \"%.*s\" (expected >YYMMDD, <YYMMDD or YYMMDD-YYMMDD)", IMPORT_QUOTE, dates);
        return false;
    }
    if (im->actor.code_count + im->line_code_count >= IMPORT_MAX_CODES) {
        snprintf(why, why_size, "more than %d codes for one actor", IMPORT_MAX_CODES);
        return false;
    }
    buf *b = &im->line_codes;
    if (b->len) buf_puts(b, ", ");
    buf_append(b, spec, cl);
    if (*from || *to) buf_printf(b, " %s..%s", from, to);
    im->line_code_count++;
    return true;
}

/* "[LBYGOV >160330] [LBY]" (the rest of a line) into im->line_codes. */
static bool parse_brackets(importer *im, char *s, char *why, size_t why_size)
{
    buf_clear(&im->line_codes);
    im->line_code_count = 0;
    for (;;) {
        while (is_space(*s)) s++;
        if (!*s) return true;
        if (*s != '[') { snprintf(why, why_size, "unexpected text \"%.*s\" after the codes", IMPORT_QUOTE, s); return false; }
        char *close = strchr(s, ']');
        if (!close) { snprintf(why, why_size, "missing \"]\""); return false; }
        *close = 0;
        /* the older in-line form may list several codes in one bracket, separated by ";" */
        char *spec = s + 1;
        for (char *semi; (semi = strchr(spec, ';')); spec = semi + 1) {
            *semi = 0;
            if (!parse_code(im, spec, why, why_size)) return false;
        }
        if (!parse_code(im, spec, why, why_size)) return false;
        s = close + 1;
    }
}

/* ---- actors ---- */

static void actor_reset(import_actor *a)
{
    a->open = a->skipped = false;
    a->line = 0;
    buf_clear(&a->phrases);
    buf_clear(&a->codes);
    a->phrase_count = a->code_count = 0;
}

static void actor_add_phrase(import_actor *a, const char *p)
{
    if (a->phrases.len) buf_puts(&a->phrases, "; ");
    buf_puts(&a->phrases, p);
    a->phrase_count++;
}

static void actor_add_codes(importer *im)
{
    import_actor *a = &im->actor;
    if (!im->line_code_count) return;
    if (a->codes.len) buf_puts(&a->codes, ", ");
    buf_append(&a->codes, im->line_codes.data, im->line_codes.len);
    a->code_count += im->line_code_count;
}

static void actor_flush(importer *im)
{
    import_actor *a = &im->actor;
    if (a->open && !a->skipped) {
        if (!a->code_count) {
            const char *first = a->phrases.data ? a->phrases.data : "";
            size_t n = strcspn(first, ";");
            problem(im, a->line, "no code for \"%.*s\"; entry skipped", (int)(n < IMPORT_QUOTE ? n : IMPORT_QUOTE), first);
        } else {
            buf *t = &im->out->text;
            buf_append(t, a->phrases.data, a->phrases.len);
            buf_puts(t, " = ");
            buf_append(t, a->codes.data, a->codes.len);
            buf_putc(t, '\n');
            im->out->actors++;
            im->out->phrases += a->phrase_count;
        }
    }
    actor_reset(a);
}

/* A name with optional codes after it: "HAFTAR_ [LBYMIL]" or "+HIFTER_". */
static bool name_and_codes(importer *im, char *s, char *why, size_t why_size)
{
    char *bracket = strchr(s, '[');
    size_t n = bracket ? (size_t)(bracket - s) : strlen(s);
    const char *name = convert_name(im, s, n, why, why_size);
    if (!name) return false;
    if (bracket && !parse_brackets(im, bracket, why, why_size)) return false;
    if (!bracket) { buf_clear(&im->line_codes); im->line_code_count = 0; }
    actor_add_phrase(&im->actor, name);
    actor_add_codes(im);
    return true;
}

static void import_line(importer *im, char *s, size_t number)
{
    char why[256];
    import_actor *a = &im->actor;
    if (*s != '+' && *s != '[') {
        actor_flush(im);
        a->open = true;
        a->line = number;
        if (!name_and_codes(im, s, why, sizeof why)) {
            problem(im, number, "%s; entry skipped", why);
            a->skipped = true;
        }
        return;
    }
    if (!a->open) {
        problem(im, number, "%s before any actor name; line skipped", *s == '+' ? "alternative name" : "code line");
        return;
    }
    if (a->skipped) return;   /* reported at its name line */
    bool ok;
    if (*s == '+') ok = name_and_codes(im, s + 1, why, sizeof why);
    else if ((ok = parse_brackets(im, s, why, sizeof why))) actor_add_codes(im);
    if (!ok) problem(im, number, "%s; line skipped", why);
}

/* Removes "<!-- ... -->" (PETRARCH's XML-style comments, which may span
 * lines) from s in place; *open carries an unfinished one to the next line. */
static void strip_xml_comments(char *s, bool *open)
{
    char *w = s, *r = s;
    while (*r) {
        if (*open) {
            char *end = strstr(r, "-->");
            if (!end) break;
            r = end + 3;
            *open = false;
        } else if (strncmp(r, "<!--", 4) == 0) {
            r += 4;
            *open = true;
        } else {
            *w++ = *r++;
        }
    }
    *w = 0;
}

/* Cuts a "#" or ";" comment that is not inside brackets. */
static void strip_comment(char *s)
{
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '[') depth++;
        else if (*p == ']' && depth) depth--;
        else if ((*p == '#' || *p == ';') && !depth) { *p = 0; return; }
    }
}

void lex_import(const char *bytes, size_t len, lex_import_format format, lex_kind kind, const char *origin,
                lex_import_result *out)
{
    memset(out, 0, sizeof *out);
    buf_init(&out->text);
    arena_init(&out->memory);
    importer im = { .out = out, .kind = kind };
    arena_init(&im.scratch);
    buf_init(&im.line);
    buf_init(&im.phrase);
    buf_init(&im.line_codes);
    buf_init(&im.actor.phrases);
    buf_init(&im.actor.codes);

    buf_printf(&out->text, "# converted from a %s actor dictionary", format == LEX_IMPORT_PETRARCH ? "PETRARCH" : "TABARI");
    if (origin) {
        /* a file name is any bytes; the output must stay one valid UTF-8 comment line */
        size_t bad;
        bool utf8 = text_utf8_valid(origin, strlen(origin), &bad);
        buf_puts(&out->text, " (");
        for (const unsigned char *o = (const unsigned char *)origin; *o; o++)
            buf_putc(&out->text, *o < 0x20 || *o == 0x7f || (*o >= 0x80 && !utf8) ? '?' : (char)*o);
        buf_puts(&out->text, ")");
    }
    buf_printf(&out->text, " by `parley dict import`\n@kind %s\n", lex_kind_name(kind));

    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) { bytes += 3; len -= 3; }
    bool xml_comment = false;
    size_t number = 0, comment_opened = 0;
    for (size_t pos = 0; pos < len;) {
        number++;
        const char *nl = memchr(bytes + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (bytes + pos)) : len - pos;
        buf_clear(&im.line);
        buf_append(&im.line, bytes + pos, n);
        pos += n + 1;
        char *s = im.line.data;
        bool has_nul = memchr(s, 0, n) != NULL;
        if (!has_nul) {
            bool was_open = xml_comment;
            strip_xml_comments(s, &xml_comment);
            if (!was_open && xml_comment) comment_opened = number;
            if (strstr(s, "---STOP---")) break;   /* PETRARCH's end of the dictionary */
            strip_comment(s);
        }
        s = trim(s);
        if (!*s && !has_nul) continue;
        size_t bad;
        const char *what = NULL;
        if (has_nul) what = "NUL byte";
        else if (!text_utf8_valid(s, strlen(s), &bad)) what = "invalid UTF-8 (convert the file to UTF-8 first)";
        for (const char *c = s; *c && !what; c++)
            if ((unsigned char)*c < 0x20 && *c != '\t') what = "control character";
        if (what) {
            if (*s != '+' && *s != '[') {
                actor_flush(&im);
                im.actor.open = im.actor.skipped = true;
                im.actor.line = number;
                problem(&im, number, "%s; entry skipped", what);
            } else if (!im.actor.open) {
                problem(&im, number, "%s before any actor name; line skipped", *s == '+' ? "alternative name" : "code line");
            } else if (!im.actor.skipped) {
                problem(&im, number, "%s; line skipped", what);
            }
            continue;
        }
        import_line(&im, s, number);
    }
    actor_flush(&im);
    if (xml_comment) problem(&im, comment_opened, "\"<!--\" is never closed by \"-->\"; the rest of the file was skipped");

    arena_free(&im.scratch);
    buf_free(&im.line);
    buf_free(&im.phrase);
    buf_free(&im.line_codes);
    buf_free(&im.actor.phrases);
    buf_free(&im.actor.codes);
}

void lex_import_result_free(lex_import_result *r)
{
    buf_free(&r->text);
    free(r->problems);
    arena_free(&r->memory);
    memset(r, 0, sizeof *r);
}
