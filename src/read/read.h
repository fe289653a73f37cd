/* read: articles in, whatever the format.
 *
 * A reader takes the bytes of one input (a file or stdin) and hands each
 * article it finds to a callback, and each article it cannot read to an
 * error callback with a message naming the input and the line or record.
 * One bad record never stops the others.  The format is detected from the
 * content unless the caller forces one. */
#ifndef PARLEY_READ_H
#define PARLEY_READ_H

#include "../util/util.h"

typedef enum read_format {
    READ_FORMAT_AUTO = 0,
    READ_FORMAT_SEED,      /* " date YYYY-MM-DD Title" first line, blank line, paragraphs */
    READ_FORMAT_PLAIN,     /* plain text; date from options.default_date */
    READ_FORMAT_JSONL,     /* one JSON object a line: {"id","date","title","text","url"} */
    READ_FORMAT_HTML,      /* an HTML page (libxml2's HTML parser) */
    READ_FORMAT_TABARI,    /* TABARI text records: "YYMMDD ID" header line, text lines, blank line */
    READ_FORMAT_PETRARCH,  /* PETRARCH XML: <Sentences><Sentence date= id=><Text>..</Text></Sentence> */
} read_format;

/* "seed", "plain", "jsonl", "html", "tabari", "petrarch"; NULL for unknown. */
const char *read_format_name(read_format f);
bool        read_format_parse(const char *name, read_format *out);

/* Detects the format from the first bytes (and the name's extension as a hint). */
read_format read_detect(const char *name, const char *bytes, size_t len);

typedef struct read_article {
    const char *id;         /* doc id: file name without folder and extension, the JSONL "id", or the record id */
    const char *title;      /* NULL when none */
    const char *url;        /* NULL when none */
    const char *date;       /* "YYYY-MM-DD" publication date, validated as a real date */
    const char *text;       /* the article body; event offsets are byte offsets into this */
    size_t      text_len;
    const char *origin;     /* where it came from, for messages: "dir/a.txt" or "articles.jsonl:17" */
    size_t      sequence;   /* 0-based position among all articles of this input, errors included */
} read_article;
/* All strings above are owned by the reader and valid only during the callback. */

typedef struct read_options {
    read_format format;          /* READ_FORMAT_AUTO to detect */
    const char *default_date;    /* "YYYY-MM-DD" for formats without a date (plain, html without metadata), or NULL */
    size_t      max_article_bytes; /* an article longer than this is an error (READ_DEFAULT_MAX_ARTICLE) */
} read_options;

#define READ_DEFAULT_MAX_ARTICLE (4u * 1024u * 1024u)  /* 4 MiB of text per article */

typedef struct read_sink {
    void *context;
    /* Called for each article in input order. */
    void (*article)(void *context, const read_article *article);
    /* Called for each article or record that was skipped; message names
     * the input and line/record: "articles.jsonl:17: missing field \"date\"".
     * sequence is the position it would have had. */
    void (*skipped)(void *context, size_t sequence, const char *message);
} read_sink;

/* Reads every article in bytes.  name is used for messages and for ids
 * (file name without folder and extension).  Returns the number of articles
 * delivered; errors go to sink->skipped.  Never crashes on any input. */
size_t read_buffer(const char *name, const char *bytes, size_t len,
                   const read_options *options, const read_sink *sink);

/* Reads every article of a file ("-" for standard input) as read_buffer
 * does, with the path as the name.  JSON Lines are read a line at a time,
 * so memory stays bounded by the longest line whatever the file's size (a
 * line over limit bytes is skipped with a message); other formats are read
 * whole, at most limit bytes.  Returns false with err set when the file
 * cannot be opened or read or is over the limit; articles read before a
 * read error have been delivered.  *delivered (may be NULL) counts them. */
bool read_file(const char *path, size_t limit, const read_options *options, const read_sink *sink,
               size_t *delivered, error *err);

#endif
