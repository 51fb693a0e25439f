/*
 * uclint_import (the text importers of `uclint collect`) and uclint_diff (`uclint diff`), from C:
 * real exported samples, line errors, NULL and invalid UTF-8 for every argument.
 *
 * Usage: test_import_diff EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR
 *   (the same arguments as test_api)
 *   SCRATCH_DIR  this test writes a renamed copy of acme.toml there (acme-renamed.toml, with the
 *                files it refers to) and leaves ipconfig-win10.json and acme-diff.json for the
 *                Rust side to compare with what the core gives
 *   IMPORT_DIR   core/tests/fixtures/import: ipconfig-win10.txt, ipconfig-win10-french.txt, ...
 */
#define _POSIX_C_SOURCE 200809L

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_harness.h"

static char sentinel;
#define NOT_NULL_SENTINEL ((void *)&sentinel)

static const char *examples_dir;
static const char *scratch_dir;
static const char *import_dir;

/* `dir/name`, malloc'ed. */
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

/* The whole of dir/name, malloc'ed and NUL-terminated (the NUL is not counted in *len). */
static char *read_file(const char *dir, const char *name, size_t *len) {
  char *path = path_in(dir, name);
  FILE *f = fopen(path, "rb");
  if (f == NULL || fseek(f, 0, SEEK_END) != 0) {
    perror(path);
    exit(2);
  }
  long size = ftell(f);
  rewind(f);
  char *bytes = malloc((size_t)size + 1);
  if (bytes == NULL || fread(bytes, 1, (size_t)size, f) != (size_t)size) {
    perror(path);
    exit(2);
  }
  bytes[size] = '\0';
  *len = (size_t)size;
  fclose(f);
  free(path);
  return bytes;
}

/* Write `len` bytes to dir/name. */
static void write_file(const char *dir, const char *name, const char *bytes, size_t len) {
  char *path = path_in(dir, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL || fwrite(bytes, 1, len, f) != len || fclose(f) != 0) {
    perror(path);
    exit(2);
  }
  free(path);
}

/* Free a string the library returned, unless a failing call left the sentinel. */
static void free_json(char *json) {
  if (json != NOT_NULL_SENTINEL) {
    uclint_string_free(json);
  }
}

/* Import the sample `name` of IMPORT_DIR as `kind` for the client profile "hq-pc" (a CUPC). */
static UclintStatus import_sample(UclintImportKind kind, const char *name, char **json, size_t *line) {
  size_t len = 0;
  char *bytes = read_file(import_dir, name, &len);
  UclintStatus status = uclint_import(kind, bytes, len, name, "hq-pc", UCLINT_CLIENT_KIND_CUPC, json, line);
  free(bytes);
  return status;
}

/* A real `ipconfig /all` of Windows 10: the profile's suffixes, addresses and DNS servers. */
static void test_ipconfig(void) {
  char *json = NOT_NULL_SENTINEL;
  size_t line = 99;
  CHECK_STATUS(import_sample(UCLINT_IMPORT_IPCONFIG, "ipconfig-win10.txt", &json, &line), UCLINT_STATUS_OK);
  CHECK(line == 0);
  CHECK(uclint_last_error() == NULL);
  CHECK_CONTAINS(json, "\"kind\": \"ipconfig\"");
  CHECK_CONTAINS(json, "\"origin\": \"ipconfig-win10.txt\"");
  CHECK_CONTAINS(json, "\"id\": \"hq-pc\"");
  CHECK_CONTAINS(json, "\"kind\": \"cupc\"");
  CHECK_CONTAINS(json, "\"dns_suffixes\": [\n        \"acme.com\",\n        \"emea.acme.com\"\n      ]");
  CHECK_CONTAINS(json, "\"192.168.50.12\"");
  CHECK_CONTAINS(json, "\"fd00:10:1:1::53\"");
  /* Link-local addresses never reach an ACL: not in the profile. */
  CHECK(json != NULL && strstr(json, "fe80::") == NULL);
  /* The Wi-Fi is disconnected: its suffix is not searched. */
  CHECK(json != NULL && strstr(json, "guest.acme.com") == NULL);
  if (json != NULL && json != NOT_NULL_SENTINEL) {
    write_file(scratch_dir, "ipconfig-win10.json", json, strlen(json));
  }

  /* The same text as PowerShell's `ipconfig /all > file` writes it (UTF-16 with a byte order
   * mark): the same answer. The sample is ASCII, so each byte widens to one code unit. */
  size_t len = 0;
  char *ascii = read_file(import_dir, "ipconfig-win10.txt", &len);
  size_t wide_len = 2 + 2 * len;
  char *wide = malloc(wide_len);
  if (wide == NULL) {
    perror("malloc");
    exit(2);
  }
  wide[0] = (char)0xFF;
  wide[1] = (char)0xFE;
  for (size_t i = 0; i < len; i++) {
    wide[2 + 2 * i] = ascii[i];
    wide[3 + 2 * i] = 0;
  }
  char *from_utf16 = NULL;
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_IPCONFIG, wide, wide_len, "ipconfig-win10.txt", "hq-pc",
                             UCLINT_CLIENT_KIND_CUPC, &from_utf16, NULL),
               UCLINT_STATUS_OK);
  CHECK(json != NULL && from_utf16 != NULL && strcmp(json, from_utf16) == 0);
  free_json(from_utf16);
  free(wide);
  free(ascii);
  free_json(json);
}

/* ipconfig in French is refused at its header line, with the likely cause. */
static void test_french_ipconfig(void) {
  char *json = NOT_NULL_SENTINEL;
  size_t line = 99;
  CHECK_STATUS(import_sample(UCLINT_IMPORT_IPCONFIG, "ipconfig-win10-french.txt", &json, &line),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK(json == NULL);
  CHECK(line == 2);
  CHECK_STR(uclint_last_error(),
            "ipconfig ipconfig-win10-french.txt: line 2: expected \"Windows IP Configuration\", "
            "found \"Configuration IP de Windows\" (is this `ipconfig /all` in English?)");
}

/* The other importers: users need no client profile, so client_id may be NULL. */
static void test_other_kinds(void) {
  char *json = NULL;
  size_t len = 0;
  char *ldif = read_file(import_dir, "ad-ldapsearch.ldif", &len);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_LDIF, ldif, len, "ad.ldif", NULL, 12345, &json, NULL), UCLINT_STATUS_OK);
  CHECK_CONTAINS(json, "\"kind\": \"ldif\"");
  CHECK_CONTAINS(json, "\"users\": [");
  free_json(json);
  free(ldif);

  char *resolv = read_file(import_dir, "resolv-networkmanager.conf", &len);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, resolv, len, "resolv.conf", "desk-phone", UCLINT_CLIENT_KIND_IP_PHONE,
                             &json, NULL),
               UCLINT_STATUS_OK);
  CHECK_CONTAINS(json, "\"id\": \"desk-phone\"");
  CHECK_CONTAINS(json, "\"kind\": \"ip-phone\"");
  free_json(json);
  free(resolv);
}

/* Every argument: NULL, invalid UTF-8, empty, unknown, too long. Errors, never crashes. */
static void test_import_errors(void) {
  static const char text[] = "nameserver 10.1.1.53\n";
  static const char bad_utf8[] = "caf\xE9";
  static const char bad_text[] = "nameserver 10.1.1.53\nsearch acme.com \xFF\xFE\n";
  const size_t len = sizeof text - 1;
  char *json = NOT_NULL_SENTINEL;
  size_t line = 99;

  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, NULL, len, "r", "pc", 0, &json, &line), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL && line == 0);
  CHECK_STR(uclint_last_error(), "argument `bytes` is NULL");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, NULL, 0, "r", "pc", 0, &json, &line), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, NULL, "pc", 0, &json, &line),
               UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`origin`");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "r", NULL, 0, &json, &line),
               UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`client_id`");
  line = 99;
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "r", "pc", 0, NULL, &line), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(line == 0);
  CHECK_CONTAINS(uclint_last_error(), "`out_json`");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, NULL, 0, NULL, NULL, 99, NULL, NULL), UCLINT_STATUS_NULL_ARGUMENT);

  json = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, bad_utf8, "pc", 0, &json, &line),
               UCLINT_STATUS_INVALID_UTF8);
  CHECK(json == NULL && line == 0);
  CHECK_CONTAINS(uclint_last_error(), "argument `origin` is not valid UTF-8");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "r", bad_utf8, 0, &json, &line),
               UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "argument `client_id` is not valid UTF-8");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, bad_text, sizeof bad_text - 1, "r.conf", "pc", 0, &json, &line),
               UCLINT_STATUS_INVALID_UTF8);
  CHECK(line == 2);
  CHECK_CONTAINS(uclint_last_error(), "resolv r.conf: line 2: expected UTF-8 text");
  /* Bytes that are not text: the length counts, a NUL inside is not an end. */
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, "a\0b\n", 4, "r.conf", "pc", 0, &json, &line),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK(line == 1);
  CHECK_CONTAINS(uclint_last_error(), "binary data");

  CHECK_STATUS(uclint_import(6, text, len, "r", "pc", 0, &json, &line), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "unknown import kind 6");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "r", "pc", 9, &json, &line),
               UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "unknown client kind 9");
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "", "pc", 0, &json, &line),
               UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, len, "r", "", 0, &json, &line),
               UCLINT_STATUS_INVALID_ARGUMENT);
  /* Checked before anything is read: the short buffer is never overrun. */
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, UCLINT_MAX_INPUT_BYTES + 1, "r", "pc", 0, &json, &line),
               UCLINT_STATUS_TOO_LARGE);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_RESOLV, text, SIZE_MAX, "r", "pc", 0, &json, &line),
               UCLINT_STATUS_TOO_LARGE);
  CHECK_STATUS(uclint_import(UCLINT_IMPORT_HOSTS, text, 0, "hosts", "pc", 0, &json, &line), UCLINT_STATUS_PARSE_ERROR);
  CHECK(json == NULL && line == 1);
  CHECK_CONTAINS(uclint_last_error(), "the input is empty");
}

/* Copy EXAMPLES_DIR/name into SCRATCH_DIR. */
static void copy_example(const char *name) {
  size_t len = 0;
  char *bytes = read_file(examples_dir, name, &len);
  write_file(scratch_dir, name, bytes, len);
  free(bytes);
}

/* acme.toml against a copy whose cups-1 node is renamed: its users now point nowhere. */
static void test_diff(void) {
  size_t len = 0;
  char *acme_text = read_file(examples_dir, "acme.toml", &len);
  char *node = strstr(acme_text, "node_name = \"cups-1\"");
  CHECK(node != NULL);
  if (node == NULL) {
    free(acme_text);
    return;
  }
  node[strlen("node_name = \"cups-")] = '9';
  write_file(scratch_dir, "acme-renamed.toml", acme_text, len);
  free(acme_text);
  copy_example("acme-users.csv");
  copy_example("acme.zone");

  char *old_path = path_in(examples_dir, "acme.toml");
  char *new_path = path_in(scratch_dir, "acme-renamed.toml");
  UclintDeployment *old_d = NULL, *new_d = NULL;
  CHECK_STATUS(uclint_deployment_load(old_path, &old_d), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_deployment_load(new_path, &new_d), UCLINT_STATUS_OK);
  free(old_path);
  free(new_path);

  char *json = NOT_NULL_SENTINEL;
  size_t new_errors = 0;
  CHECK_STATUS(uclint_diff(old_d, new_d, &json, &new_errors), UCLINT_STATUS_OK);
  CHECK(new_errors > 0);
  CHECK_CONTAINS(json, "\"key\": \"cups-9\"");
  CHECK_CONTAINS(json, "\"kind\": \"added\"");
  CHECK_CONTAINS(json, "\"appeared\": [");
  CHECK_CONTAINS(json, "\"severity\": \"error\"");
  if (json != NULL && json != NOT_NULL_SENTINEL) {
    write_file(scratch_dir, "acme-diff.json", json, strlen(json));
  }
  free_json(json);

  /* A deployment against itself: nothing changed, nothing new. */
  new_errors = 99;
  CHECK_STATUS(uclint_diff(old_d, old_d, &json, &new_errors), UCLINT_STATUS_OK);
  CHECK(new_errors == 0);
  CHECK_CONTAINS(json, "\"changes\": []");
  free_json(json);

  /* NULL for each pointer: an error naming it, and the outs reset. */
  json = NOT_NULL_SENTINEL;
  new_errors = 99;
  CHECK_STATUS(uclint_diff(NULL, new_d, &json, &new_errors), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL && new_errors == 0);
  CHECK_STR(uclint_last_error(), "argument `old_deployment` is NULL");
  CHECK_STATUS(uclint_diff(old_d, NULL, &json, &new_errors), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `new_deployment` is NULL");
  new_errors = 99;
  CHECK_STATUS(uclint_diff(old_d, new_d, NULL, &new_errors), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(new_errors == 0);
  CHECK_STR(uclint_last_error(), "argument `out_json` is NULL");
  json = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_diff(old_d, new_d, &json, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL);
  CHECK_STR(uclint_last_error(), "argument `out_new_errors` is NULL");
  CHECK_STATUS(uclint_diff(NULL, NULL, NULL, NULL), UCLINT_STATUS_NULL_ARGUMENT);

  uclint_deployment_free(new_d);
  uclint_deployment_free(old_d);
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR\n",
            argv[0]);
    return 2;
  }
  examples_dir = argv[1];
  scratch_dir = argv[2];
  import_dir = argv[6];

  test_ipconfig();
  test_french_ipconfig();
  test_other_kinds();
  test_import_errors();
  test_diff();
  return finish("test_import_diff");
}
