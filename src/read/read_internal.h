/* read_internal: what the reader's files share, not part of the contract.
 *
 * Every format parser finds candidate articles and hands each one to
 * reader_deliver(), which applies the checks every article must pass
 * (a real date, non-empty text, no NUL bytes, under the size limit) and
 * numbers articles and errors in one sequence.  A parser never calls the
 * sink itself, so the checks and the numbering cannot drift apart. */
#ifndef PARLEY_READ_INTERNAL_H
#define PARLEY_READ_INTERNAL_H

#include "read.h"

typedef struct reader {
    const char         *name;       /* the input as given, for messages ("dir/a.txt") */
    const char         *stem;       /* file name without folder and extension, for ids */
    const read_options *options;
    size_t              max_bytes;  /* options->max_article_bytes or the default */
    const read_sink    *sink;
    size_t              sequence;   /* next sequence number, articles and errors alike */
    size_t              delivered;
    size_t              base;       /* bytes skipped before the parser's view (a UTF-8 BOM) */
    arena               scratch;    /* strings of the current article; reset after each */
    arena               keep;       /* strings that live as long as the input (the stem) */
} reader;

/* One candidate article; fields are as in read_article.  date may be NULL
 * (then "no date" is the error).  input_offset is where text starts in the
 * input when text is a slice of it, so "binary data at byte N" can point
 * into the file; (size_t)-1 when the text was decoded (JSON, markup) and N
 * counts from the start of the text. */
typedef struct read_candidate {
    const char *id, *title, *url, *date;
    const char *text;
    size_t      text_len;
    const char *origin;
    size_t      input_offset;
} read_candidate;

#define READ_NOT_IN_INPUT ((size_t)-1)

/* Checks and delivers (or skips) one article, then resets the scratch arena. */
void reader_deliver(reader *r, const read_candidate *c);
/* Reports one skipped record, then resets the scratch arena. */
void reader_skip(reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* A short, terminal-safe quotation of untrusted bytes for messages:
 * "2020-13-45" with quotes, control bytes escaped, cut at 60 bytes with "...". */
const char *reader_quote(reader *r, const char *s, size_t n);

/* A date value as found in metadata: "YYYY-MM-DD", optionally followed by a
 * time ("2020-01-13T08:00:00Z" or "2020-01-13 08:00").  True when the first
 * ten bytes are a real calendar date; they are then the date. */
bool reader_iso_date_prefix(const char *s, size_t n);

void read_html(reader *r, const char *bytes, size_t len);
void read_petrarch(reader *r, const char *bytes, size_t len);

#endif
