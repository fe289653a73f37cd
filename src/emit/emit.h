/* emit: events out, as JSON Lines (the contract in DESIGN.md), TSV in
 * GDELT-like columns, or a table for people. */
#ifndef PARLEY_EMIT_H
#define PARLEY_EMIT_H

#include "../util/util.h"
#include "../code/code.h"

typedef enum emit_format { EMIT_JSON = 0, EMIT_TSV, EMIT_TABLE } emit_format;

bool emit_format_parse(const char *name, emit_format *out);

/* Appends one event in the format to out (with the trailing newline).
 * doc is the article id; text the article text (for the sentence slice). */
void emit_event(buf *out, emit_format format, const char *doc, const char *text, const code_event *e, bool explain);

/* The JSON fields of each CAMEO code of a dictionary ("code" to "plover"),
 * written once, so that an event copies its code's rather than writing them
 * again: made after the dictionary is loaded, read by any number of threads,
 * freed before the dictionary. */
typedef struct emit_codes emit_codes;
emit_codes *emit_codes_new(const lex_dict *d);
void        emit_codes_free(emit_codes *codes);

/* emit_event, with the fields of the event's code from codes (NULL: written
 * out); the same bytes either way. */
void emit_event_using(buf *out, const emit_codes *codes, emit_format format, const char *doc, const char *text,
                      const code_event *e, bool explain);

/* emit_event_using for each of an article's events in turn (the same
 * bytes), copying what an event's line shares with the line before it. */
void emit_events(buf *out, const emit_codes *codes, emit_format format, const char *doc, const char *text,
                 const code_event *events, size_t count, bool explain);

/* The header line for TSV and table output ("" for JSON). */
void emit_header(buf *out, emit_format format);

#endif
