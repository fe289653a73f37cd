/* lex import: TABARI and PETRARCH actor dictionaries converted to ours.
 *
 * Both coders write an actor as a name line ("FAYEZ_AL-SARRAJ_ [LBYGOV]")
 * followed by optional alternative names ("+SARRAJ_") and code lines
 * ("[LBYGOV 160330-210315]", "[LBYGOV >160330]", "[LBYGOV <210315]").  The
 * converter reads such a file line by line, gathers one actor at a time and
 * writes it as one line of our format (dict/FORMAT.md):
 * "Fayez Al-Sarraj; Sarraj = LBYGOV 2016-03-30..2021-03-15".  A line it
 * cannot read becomes a problem (line number + message) and is skipped; a
 * name line that cannot be read takes its alternative names and code lines
 * with it.  Everything written loads without errors.  Never prints. */
#ifndef PARLEY_LEX_IMPORT_H
#define PARLEY_LEX_IMPORT_H

#include "lex.h"

typedef enum lex_import_format { LEX_IMPORT_TABARI = 0, LEX_IMPORT_PETRARCH } lex_import_format;

typedef struct lex_import_problem {
    size_t      line;       /* 1-based line of the input */
    const char *message;    /* "bad date \"160231\" (expected YYMMDD); line skipped" */
} lex_import_problem;

typedef struct lex_import_result {
    buf                 text;           /* the converted dictionary, ready to save as NAME.txt */
    size_t              actors;         /* entries written */
    size_t              phrases;        /* names and alternative names written */
    lex_import_problem *problems;       /* in input order */
    size_t              problem_count, problem_capacity;
    arena               memory;         /* the problem messages */
} lex_import_result;

/* "tabari" or "petrarch". */
bool lex_import_format_parse(const char *name, lex_import_format *out);
const char *lex_import_format_name(lex_import_format format);
/* The kinds an actor dictionary can be imported as: person, group,
 * organization, country. */
bool lex_import_kind_parse(const char *name, lex_kind *out);

/* Converts bytes (the whole input file).  origin names the input in the
 * output's header comment (may be NULL).  Initialises *out; free it with
 * lex_import_result_free.  Work and memory are linear in len. */
void lex_import(const char *bytes, size_t len, lex_import_format format, lex_kind kind, const char *origin,
                lex_import_result *out);
void lex_import_result_free(lex_import_result *r);

#endif
