/*
 * uclint_check_with_plugins: rule plugins (WebAssembly components built from source by
 * plugins/build.sh) run beside the built-in rules; a misbehaving or missing plugin is a PLUGIN
 * finding, never an error status; every argument error path.
 *
 * Usage: test_plugins EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR
 *   (the same arguments as test_api)
 *   SCRATCH_DIR  this test leaves acme-plugins.json and acme-plugins.sarif there for the Rust
 *                side to compare with what the core and the plugin host give
 *   PLUGINS_DIR  the built plugins: naming-policy.wasm, hostile-trap.wasm, ...
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_harness.h"

static char sentinel;
#define NOT_NULL_SENTINEL ((void *)&sentinel)

static const char *scratch_dir;

/* `dir/name`, malloc'ed: several paths are alive at once here. */
static char *path_in(const char *dir, const char *name) {
  size_t size = strlen(dir) + strlen(name) + 2;
  char *path = malloc(size);
  if (path == NULL) {
    perror("malloc");
    exit(2);
  }
  snprintf(path, size, "%s/%s", dir, name);
  return path;
}

/* Write `text` to SCRATCH_DIR/name. */
static void save(const char *name, const char *text) {
  char *path = path_in(scratch_dir, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  fwrite(text, 1, strlen(text), f);
  fclose(f);
  free(path);
}

static size_t count_occurrences(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + strlen(needle), needle)) {
    n++;
  }
  return n;
}

static int starts_with(const char *s, const char *prefix) {
  return s != NULL && strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The index of the only finding with `code` in `r`, or SIZE_MAX (and a failed check). */
static size_t only_finding(const UclintReport *r, const char *code) {
  size_t count = 0, found = SIZE_MAX, seen = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  for (size_t i = 0; i < count; i++) {
    const char *c = NULL;
    CHECK_STATUS(uclint_report_finding_code(r, i, &c), UCLINT_STATUS_OK);
    if (c != NULL && strcmp(c, code) == 0) {
      found = i;
      seen++;
    }
  }
  if (seen != 1) {
    fprintf(stderr, "%zu findings with code %s, expected 1\n", seen, code);
  }
  CHECK(seen == 1);
  return seen == 1 ? found : SIZE_MAX;
}

/* A PLUGIN finding about `plugin` (its file name): subject and message name it. */
static void check_plugin_finding(const UclintReport *r, const char *code, const char *plugin, const char *reason) {
  size_t i = only_finding(r, code);
  if (i == SIZE_MAX) {
    return;
  }
  const char *s = NULL;
  char want[256];
  CHECK_STATUS(uclint_report_finding_subject(r, i, &s), UCLINT_STATUS_OK);
  snprintf(want, sizeof want, "plugin %s", plugin);
  CHECK_STR(s, want);
  CHECK_STATUS(uclint_report_finding_message(r, i, &s), UCLINT_STATUS_OK);
  snprintf(want, sizeof want, "plugin `%s`: ", plugin);
  CHECK(starts_with(s, want));
  CHECK_CONTAINS(s, reason);
  /* Plugins given as paths have no place in the deployment file. */
  s = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_report_finding_file(r, i, &s), UCLINT_STATUS_OK);
  CHECK(s == NULL);
}

/* The built-in findings' codes, in order, as one comma-separated string (malloc'ed). */
static char *builtin_codes(const UclintReport *r) {
  size_t count = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  size_t size = count * 16 + 1;
  char *codes = calloc(1, size);
  if (codes == NULL) {
    perror("calloc");
    exit(2);
  }
  for (size_t i = 0; i < count; i++) {
    const char *c = NULL;
    CHECK_STATUS(uclint_report_finding_code(r, i, &c), UCLINT_STATUS_OK);
    if (c != NULL && !starts_with(c, "X-") && !starts_with(c, "PLUGIN")) {
      strncat(codes, c, size - strlen(codes) - 1);
      strncat(codes, ",", size - strlen(codes) - 1);
    }
  }
  return codes;
}

/* A naming policy and a plugin that traps, beside the built-in rules. */
static void test_plugins_run(const UclintDeployment *acme, const char *plugins_dir, size_t expected_builtin) {
  UclintReport *builtin = NULL;
  CHECK_STATUS(uclint_check(acme, &builtin), UCLINT_STATUS_OK);
  char *want_codes = builtin_codes(builtin);
  uclint_report_free(builtin);

  char *naming = path_in(plugins_dir, "naming-policy.wasm");
  char *trap = path_in(plugins_dir, "hostile-trap.wasm");
  const char *paths[] = {naming, trap};
  UclintReport *r = NULL;
  CHECK_STATUS(uclint_check_with_plugins(acme, paths, 2, &r), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  if (r == NULL) {
    free(naming);
    free(trap);
    free(want_codes);
    return;
  }

  size_t count = 0, plugin_rules = 0, about_plugins = 0, others = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  for (size_t i = 0; i < count; i++) {
    const char *code = NULL, *file = NULL, *subject = NULL;
    CHECK_STATUS(uclint_report_finding_code(r, i, &code), UCLINT_STATUS_OK);
    if (starts_with(code, "X-")) {
      plugin_rules++;
      /* The naming policy's findings are about servers, located where each is written. */
      CHECK(starts_with(code, "X-ACME-NAME"));
      CHECK_STATUS(uclint_report_finding_subject(r, i, &subject), UCLINT_STATUS_OK);
      CHECK(starts_with(subject, "server "));
      CHECK_STATUS(uclint_report_finding_file(r, i, &file), UCLINT_STATUS_OK);
      CHECK_CONTAINS(file, "acme.toml");
    } else if (starts_with(code, "PLUGIN")) {
      about_plugins++;
    } else {
      others++;
    }
  }
  CHECK(plugin_rules > 0);
  CHECK(about_plugins == 1);
  /* The built-in findings are untouched: as many, in the same order. */
  if (others != expected_builtin) {
    fprintf(stderr, "%zu built-in findings beside plugins, the Rust core gives %zu\n", others, expected_builtin);
  }
  CHECK(others == expected_builtin);
  char *got_codes = builtin_codes(r);
  CHECK_STR(got_codes, want_codes);
  free(got_codes);
  check_plugin_finding(r, "PLUGIN002", "hostile-trap.wasm", "trapped");

  /* JSON and SARIF: the plugins' rules are described beside the built-in ones. */
  char *text = NULL;
  CHECK_STATUS(uclint_report_to_json(r, &text), UCLINT_STATUS_OK);
  if (text != NULL) {
    CHECK(count_occurrences(text, "\"severity\":") == count);
    CHECK_CONTAINS(text, "\"code\": \"PLUGIN002\"");
    save("acme-plugins.json", text);
    uclint_string_free(text);
  }
  CHECK_STATUS(uclint_report_to_sarif(r, &text), UCLINT_STATUS_OK);
  if (text != NULL) {
    CHECK(count_occurrences(text, "\"ruleId\":") == count);
    CHECK(count_occurrences(text, "\"id\": \"X-ACME-NAME1\"") == 1);
    CHECK(count_occurrences(text, "\"id\": \"X-ACME-NAME3\"") == 1);
    CHECK(count_occurrences(text, "\"id\": \"PLUGIN002\"") == 1);
    save("acme-plugins.sarif", text);
    uclint_string_free(text);
  }
  /* The report does not borrow from the plugins' files. */
  free(naming);
  free(trap);
  const char *code = NULL;
  CHECK_STATUS(uclint_report_finding_code(r, count - 1, &code), UCLINT_STATUS_OK);
  CHECK(code != NULL);
  uclint_report_free(r);

  /* uclint_check's SARIF describes no plugin rule. */
  CHECK_STATUS(uclint_check(acme, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_report_to_sarif(r, &text), UCLINT_STATUS_OK);
  if (text != NULL) {
    CHECK(strstr(text, "X-ACME") == NULL);
    uclint_string_free(text);
  }
  uclint_report_free(r);
  free(want_codes);
}

/* Plugins that cannot be loaded are findings too, and the check goes on. */
static void test_plugins_that_do_not_load(const UclintDeployment *acme, const char *examples_dir,
                                          const char *plugins_dir, size_t expected_builtin) {
  char *missing = path_in(plugins_dir, "no-such-plugin.wasm");
  const char *paths[] = {missing};
  UclintReport *r = NULL;
  CHECK_STATUS(uclint_check_with_plugins(acme, paths, 1, &r), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  size_t count = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  CHECK(count == expected_builtin + 1);
  check_plugin_finding(r, "PLUGIN001", "no-such-plugin.wasm", "no-such-plugin.wasm`: No such file or directory");
  uclint_report_free(r);
  free(missing);

  /* Not WebAssembly (the deployment file itself), and a folder. */
  char *not_wasm = path_in(examples_dir, "acme.toml");
  const char *more[] = {not_wasm, plugins_dir};
  CHECK_STATUS(uclint_check_with_plugins(acme, more, 2, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  CHECK(count == expected_builtin + 2);
  size_t plugin001 = 0;
  for (size_t i = 0; i < count; i++) {
    const char *code = NULL, *message = NULL;
    CHECK_STATUS(uclint_report_finding_code(r, i, &code), UCLINT_STATUS_OK);
    if (code != NULL && strcmp(code, "PLUGIN001") == 0) {
      plugin001++;
      CHECK_STATUS(uclint_report_finding_message(r, i, &message), UCLINT_STATUS_OK);
      CHECK(strstr(message, "plugin `acme.toml`: not a WebAssembly file") != NULL ||
            strstr(message, "Is a directory") != NULL);
    }
  }
  CHECK(plugin001 == 2);
  uclint_report_free(r);
  free(not_wasm);
}

/* The deployment's own `plugins` list runs in uclint_check too, relative to the deployment's
 * folder (here the one its name is in); a trapping plugin is an error finding that points at
 * where the deployment names it. */
static void test_listed_plugins_run(const char *plugins_dir) {
  const char *text =
      "[[servers]]\nnode_name = \"cups-1.acme.com\"\nroles = [\"cups\"]\n\n"
      "[sip_proxy]\nproxy_domain = \"acme.com\"\n\n"
      "[[plugins]]\npath = \"hostile-trap.wasm\"\n";
  char *name = path_in(plugins_dir, "listed.toml");
  UclintDeployment *d = NULL;
  CHECK_STATUS(uclint_deployment_from_text(text, strlen(text), UCLINT_FORMAT_TOML, name, &d), UCLINT_STATUS_OK);
  UclintReport *r = NULL;
  if (d != NULL) {
    CHECK_STATUS(uclint_check(d, &r), UCLINT_STATUS_OK);
  }
  if (r != NULL) {

    size_t i = only_finding(r, "PLUGIN002");
    if (i != SIZE_MAX) {
      const char *file = NULL;
      uint32_t line = 0;
      UclintSeverity severity = UCLINT_SEVERITY_INFO;
      CHECK_STATUS(uclint_report_finding_file(r, i, &file), UCLINT_STATUS_OK);
      CHECK_STR(file, name);
      CHECK_STATUS(uclint_report_finding_line(r, i, &line), UCLINT_STATUS_OK);
      CHECK(line == 8);
      CHECK_STATUS(uclint_report_finding_severity(r, i, &severity), UCLINT_STATUS_OK);
      CHECK(severity == UCLINT_SEVERITY_ERROR);
    }
    uclint_report_free(r);
  }
  uclint_deployment_free(d);
  free(name);
}

static void test_plugin_argument_errors(const UclintDeployment *acme, size_t expected_builtin) {
  UclintReport *r = NULL;
  size_t count = 0;

  /* No plugins: NULL with a count of 0 is uclint_check, and so is any pointer with 0. */
  CHECK_STATUS(uclint_check_with_plugins(acme, NULL, 0, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  CHECK(count == expected_builtin);
  uclint_report_free(r);
  const char *unused[] = {"ignored.wasm"};
  CHECK_STATUS(uclint_check_with_plugins(acme, unused, 0, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  CHECK(count == expected_builtin);
  uclint_report_free(r);

  /* Each error sets *out to NULL and names the argument. */
  const char *paths[] = {"a.wasm", NULL};
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(acme, NULL, 1, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(r == NULL);
  CHECK_STR(uclint_last_error(), "argument `plugin_paths` is NULL");
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(acme, paths, 2, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(r == NULL);
  CHECK_STR(uclint_last_error(), "argument `plugin_paths[1]` is NULL");
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(NULL, paths, 1, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(r == NULL);
  CHECK_STR(uclint_last_error(), "argument `deployment` is NULL");
  CHECK_STATUS(uclint_check_with_plugins(acme, paths, 1, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `out` is NULL");
  const char *bad_utf8[] = {"plugin\xff.wasm"};
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(acme, bad_utf8, 1, &r), UCLINT_STATUS_INVALID_UTF8);
  CHECK(r == NULL);
  CHECK_STR(uclint_last_error(), "argument `plugin_paths[0]` is not valid UTF-8 (invalid byte at offset 6)");
  const char *empty[] = {"a.wasm", ""};
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(acme, empty, 2, &r), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK(r == NULL);
  CHECK_CONTAINS(uclint_last_error(), "argument `plugin_paths[1]` is empty");
  /* A count whose pointers could not fit in memory is refused before any is read. */
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check_with_plugins(acme, unused, SIZE_MAX, &r), UCLINT_STATUS_TOO_LARGE);
  CHECK(r == NULL);
  CHECK_CONTAINS(uclint_last_error(), "plugin paths");
  CHECK_STATUS(uclint_check_with_plugins(acme, unused, (size_t)UCLINT_MAX_INPUT_BYTES, &r), UCLINT_STATUS_TOO_LARGE);

  /* A success clears the last error. */
  CHECK_STATUS(uclint_check_with_plugins(acme, NULL, 0, &r), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  uclint_report_free(r);
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR\n",
            argv[0]);
    return 2;
  }
  const char *examples_dir = argv[1];
  scratch_dir = argv[2];
  size_t expected = (size_t)strtoul(argv[3], NULL, 10);
  const char *plugins_dir = argv[5];

  char *acme_path = path_in(examples_dir, "acme.toml");
  UclintDeployment *acme = NULL;
  CHECK_STATUS(uclint_deployment_load(acme_path, &acme), UCLINT_STATUS_OK);
  free(acme_path);
  if (acme != NULL) {
    test_plugin_argument_errors(acme, expected);
    test_plugins_that_do_not_load(acme, examples_dir, plugins_dir, expected);
    test_plugins_run(acme, plugins_dir, expected);
    uclint_deployment_free(acme);
  }
  test_listed_plugins_run(plugins_dir);
  return finish("test_plugins");
}
