/* parley: the command-line tool.  main dispatches to one cmd_<verb> per
 * file, git style; shared option helpers live here too. */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef PARLEY_DICT_DIR
#define PARLEY_DICT_DIR "dict"
#endif
#ifndef PARLEY_VERSION
#define PARLEY_VERSION "0.1.0"
#endif

static void usage(FILE *f)
{
    fputs("usage: parley [--config FILE] <command> [options]\n"
          "\n"
          "commands:\n"
          "  code [OPTIONS] [FILE|DIR|-]...   code news articles into CAMEO events\n"
          "  dict lint|stats|lookup|import ...  check, query and import dictionaries\n"
          "  eval ARTICLES GOLD               precision, recall and F1 against a gold set\n"
          "  help                             this text; `parley code --help` for a command's options\n"
          "  version\n"
          "\n"
          "--config FILE: a config file of `dict = DIR` lines (default $PARLEY_CONFIG, else\n"
          "$XDG_CONFIG_HOME/parley/config or ~/.config/parley/config when it exists)\n", f);
}

int main(int argc, char **argv)
{
    /* `parley --config FILE COMMAND ...` is `PARLEY_CONFIG=FILE parley COMMAND ...` */
    while (argc >= 3 && strcmp(argv[1], "--config") == 0) {
        if (setenv("PARLEY_CONFIG", argv[2], 1) != 0) { fprintf(stderr, "parley: --config: %s\n", strerror(errno)); return 2; }
        argc -= 2;
        argv += 2;
    }
    if (argc < 2 || strcmp(argv[1], "--config") == 0) { usage(stderr); return 2; }
    const char *verb = argv[1];
    if (strcmp(verb, "code") == 0) return cmd_code(argc - 1, argv + 1);
    if (strcmp(verb, "dict") == 0) return cmd_dict(argc - 1, argv + 1);
    if (strcmp(verb, "eval") == 0) return cmd_eval(argc - 1, argv + 1);
    if (strcmp(verb, "help") == 0 || strcmp(verb, "--help") == 0 || strcmp(verb, "-h") == 0) { usage(stdout); return 0; }
    if (strcmp(verb, "version") == 0 || strcmp(verb, "--version") == 0) { printf("parley %s\n", PARLEY_VERSION); return 0; }
    fprintf(stderr, "parley: unknown command \"%s\"\n", verb);
    usage(stderr);
    return 2;
}

void cli_dicts_init(cli_dicts *d)
{
    memset(d, 0, sizeof *d);
}

/* Do two paths name the same folder? */
static bool same_folder(const char *x, const char *y)
{
    char a[PATH_MAX], b[PATH_MAX];
    return realpath(x, a) && realpath(y, b) && strcmp(a, b) == 0;
}

bool cli_dicts_add(cli_dicts *d, const char *folder)
{
    if (d->count == sizeof d->folders / sizeof *d->folders) return false;
    for (size_t i = 0; i < d->count; i++)
        if (same_folder(folder, d->folders[i])) return true;
    d->folders[d->count++] = folder;
    return true;
}

const char *cli_config_path(const cli_dicts *d, char *buf, size_t cap, bool *required)
{
    *required = true;
    if (d->config) return d->config;
    const char *env = getenv("PARLEY_CONFIG");
    if (env && *env) return env;
    *required = false;
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg) n = snprintf(buf, cap, "%s/parley/config", xdg);
    else if (home && *home) n = snprintf(buf, cap, "%s/.config/parley/config", home);
    else return NULL;
    struct stat st;
    if (n < 0 || (size_t)n >= cap || stat(buf, &st) != 0) return NULL;
    return buf;
}

enum { CONFIG_MAX_FOLDERS = 16 };

/* Reads the `dict = DIR` lines of a config file into folders (from *n on;
 * each a malloc'd path, a relative DIR taken from the file's own folder).
 * Blank lines and `#` comments are skipped; anything else is an error that
 * names the file and line. */
static bool read_config(const char *path, char **folders, size_t *n, error *err)
{
    char *data;
    size_t len;
    if (!file_read_all(path, (size_t)1 << 20, &data, &len, err)) return false;
    const char *slash = strrchr(path, '/');
    int base_len = slash ? (int)(slash - path) : 1;
    const char *base = slash ? path : ".";
    bool ok = true;
    size_t line = 0;
    for (char *s = data, *next; ok && s < data + len; s = next) {
        char *end = memchr(s, '\n', (size_t)(data + len - s));
        next = end ? end + 1 : data + len;
        if (end) *end = 0;
        else data[len] = 0;   /* file_read_all leaves room for the terminator */
        line++;
        char *hash = strchr(s, '#');
        if (hash) *hash = 0;
        s += strspn(s, " \t\r");
        size_t l = strlen(s);
        while (l && strchr(" \t\r", s[l - 1])) s[--l] = 0;
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (!eq) { ok = error_set(err, "%s:%zu: expected \"dict = DIR\", got \"%s\"", path, line, s); break; }
        char *key = s, *value = eq + 1;
        for (char *k = eq; k > key && (k[-1] == ' ' || k[-1] == '\t'); k--) k[-1] = 0;
        *eq = 0;
        value += strspn(value, " \t");
        if (strcmp(key, "dict") != 0) { ok = error_set(err, "%s:%zu: unknown setting \"%s\" (the one setting is dict = DIR)", path, line, key); break; }
        if (!*value) { ok = error_set(err, "%s:%zu: no folder after \"dict =\"", path, line); break; }
        if (*n == CONFIG_MAX_FOLDERS) { ok = error_set(err, "%s:%zu: more than %d dict folders", path, line, CONFIG_MAX_FOLDERS); break; }
        size_t need = strlen(value) + (size_t)base_len + 2;
        char *folder = malloc(need);
        if (!folder) abort();
        if (value[0] == '/') snprintf(folder, need, "%s", value);
        else snprintf(folder, need, "%.*s/%s", base_len, base, value);
        struct stat st;
        if (stat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
            ok = error_set(err, "%s:%zu: dict folder \"%s\" %s", path, line, folder,
                           stat(folder, &st) != 0 ? strerror(errno) : "is not a folder");
            free(folder);
            break;
        }
        folders[(*n)++] = folder;
    }
    free(data);
    return ok;
}

lex_dict *cli_load_dicts(cli_dicts *d, bool print_diagnostics)
{
    const char *folders[1 + CONFIG_MAX_FOLDERS + 16];
    char *config_folders[CONFIG_MAX_FOLDERS];
    size_t n = 0, config_count = 0;
    error err;
    char buf[PATH_MAX];
    bool required;
    const char *config = cli_config_path(d, buf, sizeof buf, &required);
    if (config && !read_config(config, config_folders, &config_count, &err)) {
        fprintf(stderr, "parley: %s\n", err.message);
        for (size_t i = 0; i < config_count; i++) free(config_folders[i]);
        return NULL;
    }
    if (!d->no_default) {
        const char *env = getenv("PARLEY_DICT");
        folders[n++] = env && *env ? env : PARLEY_DICT_DIR;
    }
    /* the config file's folders, then --dict: each layer overrides the ones before it */
    for (size_t i = 0; i < config_count + d->count; i++) {
        const char *folder = i < config_count ? config_folders[i] : d->folders[i - config_count];
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++) dup = same_folder(folder, folders[k]);
        if (!dup) folders[n++] = folder;
    }
    lex_dict *dict = lex_load(folders, n, &err);
    for (size_t i = 0; i < config_count; i++) free(config_folders[i]);
    if (!dict) {
        fprintf(stderr, "parley: %s\n", err.message);
        return NULL;
    }
    size_t errors = 0;
    for (size_t i = 0; i < lex_diagnostic_count(dict); i++) {
        const lex_diagnostic *g = lex_diagnostic_at(dict, i);
        if (g->is_error) errors++;
        if (print_diagnostics) fprintf(stderr, "%s: %s\n", g->is_error ? "error" : "warning", g->message);
    }
    if (errors && !print_diagnostics)
        fprintf(stderr, "parley: %zu dictionary line%s skipped (run `parley dict lint`)\n", errors, errors == 1 ? "" : "s");
    return dict;
}

static int compare_paths(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void inputs_push(cli_inputs *in, const char *path)
{
    if (in->count == in->cap) {
        in->cap = in->cap ? in->cap * 2 : 64;
        char **p = realloc(in->paths, in->cap * sizeof *p);
        if (!p) abort();
        in->paths = p;
    }
    in->paths[in->count++] = strdup(path);
}

static bool walk(cli_inputs *in, const char *path, int depth, error *err)
{
    DIR *dir = opendir(path);
    if (!dir) return error_set(err, "%s: %s", path, strerror(errno));
    char **names = NULL;
    size_t count = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir))) {
        if (e->d_name[0] == '.') continue;
        if (count == cap) {
            cap = cap ? cap * 2 : 64;
            char **p = realloc(names, cap * sizeof *p);
            if (!p) abort();
            names = p;
        }
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        names[count] = malloc(n);
        snprintf(names[count], n, "%s/%s", path, e->d_name);
        count++;
    }
    closedir(dir);
    if (count > 1) qsort(names, count, sizeof *names, compare_paths);   /* (an empty folder has no list at all) */
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        struct stat st;
        if (stat(names[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (depth < 32 && !walk(in, names[i], depth + 1, err)) ok = false;
        } else if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
            inputs_push(in, names[i]);
        }
        free(names[i]);
    }
    free(names);
    return ok;
}

bool cli_inputs_add(cli_inputs *in, const char *path, error *err)
{
    if (strcmp(path, "-") == 0) { inputs_push(in, path); return true; }
    struct stat st;
    if (stat(path, &st) != 0) return error_set(err, "%s: %s", path, strerror(errno));
    if (S_ISDIR(st.st_mode)) return walk(in, path, 0, err);
    inputs_push(in, path);
    return true;
}

void cli_inputs_free(cli_inputs *in)
{
    for (size_t i = 0; i < in->count; i++) free(in->paths[i]);
    free(in->paths);
    memset(in, 0, sizeof *in);
}

bool cli_parse_size(const char *s, size_t *out)
{
    if (!s || !*s) return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno || *end || s[0] == '-') return false;
    *out = (size_t)v;
    return true;
}
