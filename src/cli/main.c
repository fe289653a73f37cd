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
    fputs("usage: parley <command> [options]\n"
          "\n"
          "commands:\n"
          "  code [OPTIONS] [FILE|DIR|-]...   code news articles into CAMEO events\n"
          "  dict lint|stats|lookup|import ...  check, query and import dictionaries\n"
          "  eval ARTICLES GOLD               precision, recall and F1 against a gold set\n"
          "  help                             this text; `parley code --help` for a command's options\n"
          "  version\n", f);
}

int main(int argc, char **argv)
{
    if (argc < 2) { usage(stderr); return 2; }
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

lex_dict *cli_load_dicts(cli_dicts *d, bool print_diagnostics)
{
    const char *folders[17];
    size_t n = 0;
    if (!d->no_default) {
        const char *env = getenv("PARLEY_DICT");
        folders[n++] = env && *env ? env : PARLEY_DICT_DIR;
    }
    for (size_t i = 0; i < d->count; i++) {
        bool dup = false;
        for (size_t k = 0; k < n && !dup; k++) dup = same_folder(d->folders[i], folders[k]);
        if (!dup) folders[n++] = d->folders[i];
    }
    error err;
    lex_dict *dict = lex_load(folders, n, &err);
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
    qsort(names, count, sizeof *names, compare_paths);
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
