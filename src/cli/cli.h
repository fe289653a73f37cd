/* cli: one file per verb; each a thin shell over the library.  Only the cli
 * prints and exits. */
#ifndef PARLEY_CLI_H
#define PARLEY_CLI_H

#include "../util/util.h"
#include "../lex/lex.h"

int cmd_code(int argc, char **argv);
int cmd_dict(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* Dictionary folders: the default one (PARLEY_DICT in the environment, else
 * the folder compiled in), then the `dict = DIR` lines of the config file,
 * then every --dict DIR given. */
typedef struct cli_dicts {
    const char *folders[16];
    size_t      count;
    bool        no_default;
    const char *config;      /* --config FILE of the command, or NULL: see cli_config_path */
} cli_dicts;

void      cli_dicts_init(cli_dicts *d);
bool      cli_dicts_add(cli_dicts *d, const char *folder);
/* The config file to read: the command's --config FILE, else $PARLEY_CONFIG
 * (which `parley --config FILE COMMAND` sets), else
 * $XDG_CONFIG_HOME/parley/config or ~/.config/parley/config when that
 * exists; NULL when none.  *required is set when the file was asked for and
 * so must exist. */
const char *cli_config_path(const cli_dicts *d, char *buf, size_t cap, bool *required);
/* Loads the dictionaries; prints errors (and, with verbose, every diagnostic). */
lex_dict *cli_load_dicts(cli_dicts *d, bool print_diagnostics);

/* Collects input files: folders are walked recursively in name order. */
typedef struct cli_inputs { char **paths; size_t count, cap; } cli_inputs;
bool cli_inputs_add(cli_inputs *in, const char *path, error *err);
void cli_inputs_free(cli_inputs *in);

/* Parses a non-negative integer option value; false when malformed. */
bool cli_parse_size(const char *s, size_t *out);

#endif
