/*
 * Every function of libuclint, its answers and every error path, from C.
 *
 * Usage: test_api EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR
 *   EXAMPLES_DIR       the repository's examples/ (acme.toml and the files beside it)
 *   SCRATCH_DIR        an empty folder this test may write to; it leaves acme.json and
 *                      acme.sarif there for the Rust side to compare with the core's renderers,
 *                      and routes.toml with route-*.json for the routing comparisons
 *   EXPECTED_FINDINGS  how many findings the Rust core gives for acme.toml
 *   VERSION            the crate version uclint_version() must return
 *   PLUGINS_DIR        the built plugins (unused here: test_plugins.c runs them)
 *   IMPORT_DIR         exported samples for the importers (unused here: test_import_diff.c
 *                      reads them)
 *
 * Plugins (uclint_check_with_plugins) are tested in test_plugins.c.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "test_harness.h"

static char sentinel;
#define NOT_NULL_SENTINEL ((void *)&sentinel)

static const char *examples_dir;
static const char *scratch_dir;

/* `dir/name` in a static buffer (one at a time is enough here). */
static const char *path_in(const char *dir, const char *name) {
  static char buffer[4096];
  snprintf(buffer, sizeof buffer, "%s/%s", dir, name);
  return buffer;
}

/* Write `len` bytes to SCRATCH_DIR/name and return its path. */
static const char *scratch_file(const char *name, const char *bytes, size_t len) {
  const char *path = path_in(scratch_dir, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  fwrite(bytes, 1, len, f);
  fclose(f);
  return path;
}

/* A count of non-overlapping occurrences of `needle` in `s`. */
static size_t count_occurrences(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(s, needle); p != NULL; p = strstr(p + strlen(needle), needle)) {
    n++;
  }
  return n;
}

static const char MINI_TOML[] =
    "name = \"mini\"\n"
    "[[servers]]\n"
    "node_name = \"cups-1\"\n"
    "hostname = \"cups-1\"\n"
    "addresses = [\"10.0.0.1\"]\n"
    "roles = [\"cups\"]\n"
    "\n"
    "[[users]]\n"
    "cucm_id = \"jdoe\"\n"
    "home_node = \"cups-9\"\n";

static const char MINI_JSON[] =
    "{\"name\": \"mini\", \"servers\": [{\"node_name\": \"cups-1\", \"hostname\": \"cups-1\","
    " \"addresses\": [\"10.0.0.1\"], \"roles\": [\"cups\"]}]}";

static const char MINI_YAML[] =
    "name: mini\n"
    "servers:\n"
    "  - node_name: cups-1\n"
    "    hostname: cups-1\n"
    "    addresses: [10.0.0.1]\n"
    "    roles: [cups]\n";

/* SIP routing's deployment: static routes with weights, a block route, a next hop that does not
 * resolve, and inline DNS records (A for the gateways, SRV for another domain). */
static const char ROUTES_TOML[] =
    "name = \"routes\"\n"
    "domain = \"acme.com\"\n"
    "\n"
    "[[servers]]\n"
    "node_name = \"cups-1.acme.com\"\n"
    "hostname = \"cups-1\"\n"
    "addresses = [\"10.0.0.1\"]\n"
    "roles = [\"cups\"]\n"
    "\n"
    "[sip_proxy]\n"
    "proxy_domain = \"acme.com\"\n"
    "\n"
    "[[sip_proxy.static_routes]]\n"
    "pattern = \".com.partner.*\"\n"
    "next_hop = \"gw1.partner.com\"\n"
    "transport = \"tcp\"\n"
    "weight = 30\n"
    "\n"
    "[[sip_proxy.static_routes]]\n"
    "pattern = \".com.partner.*\"\n"
    "next_hop = \"gw2.partner.com\"\n"
    "port = 5080\n"
    "transport = \"tcp\"\n"
    "weight = 70\n"
    "\n"
    "[[sip_proxy.static_routes]]\n"
    "pattern = \".com.spam.*\"\n"
    "block = true\n"
    "\n"
    "[[sip_proxy.static_routes]]\n"
    "pattern = \".org.lost.*\"\n"
    "next_hop = \"ghost.lost.org\"\n"
    "port = 5062\n"
    "transport = \"tls\"\n"
    "\n"
    "[dns]\n"
    "records = [\n"
    "  { name = \"gw1.partner.com.\", type = \"A\", value = \"192.0.2.1\" },\n"
    "  { name = \"gw2.partner.com.\", type = \"A\", value = \"192.0.2.2\" },\n"
    "  { name = \"_sip._udp.other.net.\", type = \"SRV\", value = \"10 60 5070 sip1.other.net.\" },\n"
    "  { name = \"_sip._udp.other.net.\", type = \"SRV\", value = \"20 0 5071 sip2.other.net.\" },\n"
    "  { name = \"sip1.other.net.\", type = \"A\", value = \"198.51.100.1\" },\n"
    "]\n";

static void test_version_and_last_error(const char *version) {
  CHECK_STR(uclint_version(), version);
  CHECK(uclint_version() == uclint_version());
  CHECK(uclint_last_error() == NULL);
}

/* the presence address golden table, all eight rows. */
static void test_presence_golden_table(void) {
  static const struct {
    const char *domain, *node, *address, *codes;
    UclintVerdict verdict;
    UclintPresenceMethod method;
  } rows[] = {
      {"cisco.com", "cup1", "cup1.cisco.com", "", UCLINT_VERDICT_USABLE, UCLINT_PRESENCE_METHOD_APPENDED},
      {"cisco.com", "cup1.cisco.com", "cup1.cisco.com", "", UCLINT_VERDICT_USABLE,
       UCLINT_PRESENCE_METHOD_AS_CONFIGURED},
      {"cisco.com", "10.11.12.13", "10.11.12.13", "", UCLINT_VERDICT_USABLE, UCLINT_PRESENCE_METHOD_IP},
      {"10.11.12.13", "10.11.12.13", "10.11.12.13", "PRS002", UCLINT_VERDICT_USABLE, UCLINT_PRESENCE_METHOD_IP},
      {"10.11.12.13", "cup1", "cup1.10.11.12.13", "PRS001,PRS002", UCLINT_VERDICT_UNUSABLE,
       UCLINT_PRESENCE_METHOD_APPENDED},
      {"10.11.12.13", "cup1.cisco.com", "cup1.cisco.com.10.11.12.13", "PRS001,PRS002", UCLINT_VERDICT_UNUSABLE,
       UCLINT_PRESENCE_METHOD_APPENDED},
      {"PROXY_DOMAIN_NOT_SET", "cup1.cisco.com", "cup1.cisco.com.PROXY_DOMAIN_NOT_SET", "PRS001,PRS003",
       UCLINT_VERDICT_UNUSABLE, UCLINT_PRESENCE_METHOD_APPENDED},
      {"CISCO.COM", "cup1.cisco.com", "cup1.cisco.com.CISCO.COM", "PRS001,PRS004", UCLINT_VERDICT_UNUSABLE,
       UCLINT_PRESENCE_METHOD_APPENDED},
  };
  for (size_t row = 0; row < sizeof rows / sizeof rows[0]; row++) {
    UclintPresence *p = NULL;
    CHECK_STATUS(uclint_presence_address(rows[row].node, rows[row].domain, "jdoe", &p), UCLINT_STATUS_OK);
    if (p == NULL) {
      continue;
    }
    CHECK(uclint_last_error() == NULL);
    const char *address = NULL, *uri = NULL;
    CHECK_STATUS(uclint_presence_address_str(p, &address), UCLINT_STATUS_OK);
    CHECK_STR(address, rows[row].address);
    CHECK_STATUS(uclint_presence_uri(p, &uri), UCLINT_STATUS_OK);
    char want_uri[256];
    snprintf(want_uri, sizeof want_uri, "jdoe@%s", rows[row].address);
    CHECK_STR(uri, want_uri);

    UclintVerdict verdict = UCLINT_VERDICT_UNRESOLVED;
    CHECK_STATUS(uclint_presence_verdict(p, &verdict), UCLINT_STATUS_OK);
    CHECK(verdict == rows[row].verdict);
    UclintPresenceMethod method = UCLINT_PRESENCE_METHOD_IP;
    CHECK_STATUS(uclint_presence_method(p, &method), UCLINT_STATUS_OK);
    CHECK(method == rows[row].method);

    size_t count = 99;
    CHECK_STATUS(uclint_presence_code_count(p, &count), UCLINT_STATUS_OK);
    char codes[256] = "";
    for (size_t i = 0; i < count; i++) {
      const char *code = NULL;
      CHECK_STATUS(uclint_presence_code(p, i, &code), UCLINT_STATUS_OK);
      if (code != NULL) {
        if (i > 0) {
          strcat(codes, ",");
        }
        strncat(codes, code, sizeof codes - strlen(codes) - 1);
      }
    }
    if (strcmp(codes, rows[row].codes) != 0) {
      fprintf(stderr, "row %zu (%s, %s): codes \"%s\", expected \"%s\"\n", row + 1, rows[row].domain,
              rows[row].node, codes, rows[row].codes);
    }
    CHECK(strcmp(codes, rows[row].codes) == 0);

    size_t steps = 0;
    CHECK_STATUS(uclint_presence_step_count(p, &steps), UCLINT_STATUS_OK);
    CHECK(steps >= 3);
    for (size_t i = 0; i < steps; i++) {
      const char *step = NULL;
      CHECK_STATUS(uclint_presence_step(p, i, &step), UCLINT_STATUS_OK);
      CHECK(step != NULL && strlen(step) > 0);
    }
    /* The last step states the verdict. */
    const char *last = NULL;
    CHECK_STATUS(uclint_presence_step(p, steps - 1, &last), UCLINT_STATUS_OK);
    CHECK_CONTAINS(last, rows[row].verdict == UCLINT_VERDICT_USABLE ? "Usable" : "Unusable (PRS001)");

    /* Past the end: NOT_FOUND, the out pointer NULL, a message naming the index. */
    const char *none = NOT_NULL_SENTINEL;
    CHECK_STATUS(uclint_presence_code(p, count, &none), UCLINT_STATUS_NOT_FOUND);
    CHECK(none == NULL);
    CHECK_CONTAINS(uclint_last_error(), "out of range");
    none = NOT_NULL_SENTINEL;
    CHECK_STATUS(uclint_presence_step(p, steps, &none), UCLINT_STATUS_NOT_FOUND);
    CHECK(none == NULL);
    CHECK_STATUS(uclint_presence_step(p, SIZE_MAX, &none), UCLINT_STATUS_NOT_FOUND);

    uclint_presence_free(p);
  }
}

static void test_presence_details_and_errors(void) {
  UclintPresence *p = NULL;

  /* No user: no URI, and the status is still OK. */
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.com", NULL, &p), UCLINT_STATUS_OK);
  const char *uri = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_presence_uri(p, &uri), UCLINT_STATUS_OK);
  CHECK(uri == NULL);

  /* JSON, as `uclint derive presence-address --format json` prints it. */
  char *json = NULL;
  CHECK_STATUS(uclint_presence_to_json(p, &json), UCLINT_STATUS_OK);
  CHECK_CONTAINS(json, "\"address\": \"cup1.cisco.com\"");
  CHECK_CONTAINS(json, "\"method\": \"appended\"");
  CHECK_CONTAINS(json, "\"uri\": null");
  uclint_string_free(json);

  /* Accessors: NULL handle, NULL out. */
  const char *s = NOT_NULL_SENTINEL;
  size_t n = 7;
  UclintVerdict verdict;
  UclintPresenceMethod method;
  CHECK_STATUS(uclint_presence_address_str(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(s == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`presence` is NULL");
  CHECK_STATUS(uclint_presence_address_str(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`out` is NULL");
  CHECK_STATUS(uclint_presence_uri(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_uri(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_method(NULL, &method), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_method(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_verdict(NULL, &verdict), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_verdict(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_code_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(n == 0);
  CHECK_STATUS(uclint_presence_code_count(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_code(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_code(p, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_step_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_step_count(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_step(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_step(p, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_to_json(NULL, &json), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL);
  CHECK_STATUS(uclint_presence_to_json(p, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  uclint_presence_free(p);

  /* A domain left empty or NULL is unset: CUPC appends PROXY_DOMAIN_NOT_SET. */
  const char *address = NULL;
  CHECK_STATUS(uclint_presence_address("cup1", "", NULL, &p), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_presence_address_str(p, &address), UCLINT_STATUS_OK);
  CHECK_STR(address, "cup1.PROXY_DOMAIN_NOT_SET");
  uclint_presence_free(p);
  CHECK_STATUS(uclint_presence_address("cup1", NULL, NULL, &p), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_presence_address_str(p, &address), UCLINT_STATUS_OK);
  CHECK_STR(address, "cup1.PROXY_DOMAIN_NOT_SET");
  uclint_presence_free(p);

  /* Creation errors: the out pointer is set to NULL. */
  p = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_presence_address(NULL, "cisco.com", NULL, &p), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(p == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`node` is NULL");
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.com", NULL, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  p = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_presence_address("cup\xff", "cisco.com", NULL, &p), UCLINT_STATUS_INVALID_UTF8);
  CHECK(p == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`node` is not valid UTF-8");
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.\xc3", NULL, &p), UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "`domain`");
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.com", "\xed\xa0\x80", &p), UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "`user`");
  CHECK_STATUS(uclint_presence_address("", "cisco.com", NULL, &p), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`node` is empty");
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.com", "", &p), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK(p == NULL);

  /* A string argument above the cap. */
  char *huge = malloc((size_t)UCLINT_MAX_INPUT_BYTES + 2);
  CHECK(huge != NULL);
  if (huge != NULL) {
    memset(huge, 'a', (size_t)UCLINT_MAX_INPUT_BYTES + 1);
    huge[(size_t)UCLINT_MAX_INPUT_BYTES + 1] = '\0';
    p = NOT_NULL_SENTINEL;
    CHECK_STATUS(uclint_presence_address(huge, "cisco.com", NULL, &p), UCLINT_STATUS_TOO_LARGE);
    CHECK(p == NULL);
    CHECK_CONTAINS(uclint_last_error(), "64 MiB");
    free(huge);
  }

  /* A success clears the last error. */
  CHECK(uclint_last_error() != NULL);
  CHECK_STATUS(uclint_presence_address("cup1", "cisco.com", NULL, &p), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  uclint_presence_free(p);
}

static void test_from_text(void) {
  static const struct {
    const char *text;
    UclintFormat format;
    const char *name;
  } formats[] = {
      {MINI_TOML, UCLINT_FORMAT_TOML, "mini.toml"},
      {MINI_JSON, UCLINT_FORMAT_JSON, "mini.json"},
      {MINI_YAML, UCLINT_FORMAT_YAML, "mini.yaml"},
  };
  for (size_t i = 0; i < 3; i++) {
    UclintDeployment *d = NULL;
    CHECK_STATUS(uclint_deployment_from_text(formats[i].text, strlen(formats[i].text), formats[i].format,
                                             formats[i].name, &d),
                 UCLINT_STATUS_OK);
    CHECK(d != NULL);
    UclintReport *r = NULL;
    CHECK_STATUS(uclint_check(d, &r), UCLINT_STATUS_OK);
    size_t count = 0;
    CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
    CHECK(count > 0);
    /* Locations carry the name given; deployment-wide findings (no DNS: SIP006) have none. */
    int named = 0, unlocated = 0;
    for (size_t j = 0; j < count; j++) {
      const char *file = NOT_NULL_SENTINEL;
      uint32_t line = 99, column = 99;
      CHECK_STATUS(uclint_report_finding_file(r, j, &file), UCLINT_STATUS_OK);
      CHECK_STATUS(uclint_report_finding_line(r, j, &line), UCLINT_STATUS_OK);
      CHECK_STATUS(uclint_report_finding_column(r, j, &column), UCLINT_STATUS_OK);
      named |= file != NULL && strcmp(file, formats[i].name) == 0;
      if (file == NULL) {
        unlocated++;
        CHECK(line == 0 && column == 0);
      }
    }
    CHECK(named);
    CHECK(unlocated > 0);
    uclint_report_free(r);
    uclint_deployment_free(d);
  }

  /* A dangling reference loads, and check reports it as TOPO003 at its line. */
  UclintDeployment *d = NULL;
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, "mini.toml", &d),
               UCLINT_STATUS_OK);
  UclintReport *r = NULL;
  CHECK_STATUS(uclint_check(d, &r), UCLINT_STATUS_OK);
  size_t count = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  int topo003 = 0;
  for (size_t j = 0; j < count; j++) {
    const char *code = NULL, *message = NULL;
    uint32_t line = 0;
    CHECK_STATUS(uclint_report_finding_code(r, j, &code), UCLINT_STATUS_OK);
    if (code != NULL && strcmp(code, "TOPO003") == 0) {
      topo003++;
      CHECK_STATUS(uclint_report_finding_message(r, j, &message), UCLINT_STATUS_OK);
      CHECK_CONTAINS(message, "no server `cups-9`");
      CHECK_STATUS(uclint_report_finding_line(r, j, &line), UCLINT_STATUS_OK);
      CHECK(line == 10);
    }
  }
  CHECK(topo003 == 1);
  uclint_report_free(r);
  uclint_deployment_free(d);

  /* The text need not be NUL-terminated: only `len` bytes are read. */
  size_t len = strlen(MINI_JSON);
  char *unterminated = malloc(len + 8);
  memcpy(unterminated, MINI_JSON, len);
  memcpy(unterminated + len, "garbage!", 8);
  CHECK_STATUS(uclint_deployment_from_text(unterminated, len, UCLINT_FORMAT_JSON, "u.json", &d), UCLINT_STATUS_OK);
  uclint_deployment_free(d);
  free(unterminated);

  /* Errors; each sets *out to NULL. */
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text(NULL, 0, UCLINT_FORMAT_TOML, "x.toml", &d), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(d == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`text` is NULL");
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, NULL, &d),
               UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(d == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`name` is NULL");
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, "x.toml", NULL),
               UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, "", &d),
               UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, "x\xff.toml", &d),
               UCLINT_STATUS_INVALID_UTF8);
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), 3, "x.toml", &d),
               UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK(d == NULL);
  CHECK_CONTAINS(uclint_last_error(), "unknown format 3");
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), 0xFFFFFFFFu, "x.toml", &d),
               UCLINT_STATUS_INVALID_ARGUMENT);

  /* Empty and blank text. */
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text("", 0, UCLINT_FORMAT_TOML, "empty.toml", &d), UCLINT_STATUS_PARSE_ERROR);
  CHECK(d == NULL);
  CHECK_STR(uclint_last_error(), "empty.toml:1:1: the deployment file is empty: expected at least a `servers` list");
  CHECK_STATUS(uclint_deployment_from_text("  \n# only a comment\n", 20, UCLINT_FORMAT_TOML, "blank.toml", &d),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK_STATUS(uclint_deployment_from_text("   ", 3, UCLINT_FORMAT_JSON, "blank.json", &d), UCLINT_STATUS_PARSE_ERROR);

  /* Invalid UTF-8 in the text: the location of the first bad byte. */
  static const char bad_utf8[] = "name = \"mini\"\n[[servers]]\nnode_name = \"cup\xff\"\n";
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text(bad_utf8, sizeof bad_utf8 - 1, UCLINT_FORMAT_TOML, "bad.toml", &d),
               UCLINT_STATUS_INVALID_UTF8);
  CHECK(d == NULL);
  CHECK_STR(uclint_last_error(), "bad.toml:3:17: the deployment text is not valid UTF-8");

  /* Syntax and schema errors name file:line:column, as the command line does. */
  static const char bad_key[] = "name = \"mini\"\n[[servers]]\nnod_name = \"x\"\n";
  CHECK_STATUS(uclint_deployment_from_text(bad_key, sizeof bad_key - 1, UCLINT_FORMAT_TOML, "bad.toml", &d),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "bad.toml:3:1: servers[0].nod_name: unknown key `nod_name`");
  CHECK_CONTAINS(uclint_last_error(), "(did you mean `node_name`?)");
  static const char bad_syntax[] = "name = \"mini\"\n[[servers]\n";
  CHECK_STATUS(uclint_deployment_from_text(bad_syntax, sizeof bad_syntax - 1, UCLINT_FORMAT_TOML, "syn.toml", &d),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "syn.toml:2:");
  CHECK_STATUS(uclint_deployment_from_text("{\"servers\": [", 13, UCLINT_FORMAT_JSON, "syn.json", &d),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "syn.json:1:");
  CHECK_STATUS(uclint_deployment_from_text("servers: [\n", 11, UCLINT_FORMAT_YAML, "syn.yaml", &d),
               UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "syn.yaml:");
  /* A NUL byte inside the text is just a bad character. */
  CHECK_STATUS(uclint_deployment_from_text("name = \"a\"\0\n", 12, UCLINT_FORMAT_TOML, "nul.toml", &d),
               UCLINT_STATUS_PARSE_ERROR);

  /* Text cannot bring the files it refers to. */
  static const char with_csv[] =
      "name = \"mini\"\nusers_csv = \"users.csv\"\n[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n";
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_from_text(with_csv, sizeof with_csv - 1, UCLINT_FORMAT_TOML, "csv.toml", &d),
               UCLINT_STATUS_IO_ERROR);
  CHECK(d == NULL);
  CHECK_CONTAINS(uclint_last_error(), "csv.toml:2:");
  CHECK_CONTAINS(uclint_last_error(), "no file `users.csv` was provided");

  /* Above the cap: refused before a byte is read (the buffer is never touched). */
  char *big = calloc(1, (size_t)UCLINT_MAX_INPUT_BYTES + 1);
  CHECK(big != NULL);
  if (big != NULL) {
    d = NOT_NULL_SENTINEL;
    CHECK_STATUS(uclint_deployment_from_text(big, (size_t)UCLINT_MAX_INPUT_BYTES + 1, UCLINT_FORMAT_TOML, "big.toml",
                                             &d),
                 UCLINT_STATUS_TOO_LARGE);
    CHECK(d == NULL);
    CHECK_CONTAINS(uclint_last_error(), "the deployment text is 67108865 bytes");
    free(big);
  }
  /* A length near SIZE_MAX must be refused too, whatever the buffer. */
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, SIZE_MAX, UCLINT_FORMAT_TOML, "max.toml", &d),
               UCLINT_STATUS_TOO_LARGE);
}

static void test_load(void) {
  UclintDeployment *d = NOT_NULL_SENTINEL;

  CHECK_STATUS(uclint_deployment_load(NULL, &d), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(d == NULL);
  CHECK_STATUS(uclint_deployment_load(path_in(examples_dir, "acme.toml"), NULL), UCLINT_STATUS_NULL_ARGUMENT);
  d = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_deployment_load("", &d), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK(d == NULL);
  CHECK_STATUS(uclint_deployment_load("acme\xff.toml", &d), UCLINT_STATUS_INVALID_UTF8);
  CHECK_STATUS(uclint_deployment_load(path_in(examples_dir, "acme.zone"), &d), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "cannot tell the format from the extension");

  d = NOT_NULL_SENTINEL;
  const char *missing = path_in(scratch_dir, "missing.toml");
  CHECK_STATUS(uclint_deployment_load(missing, &d), UCLINT_STATUS_IO_ERROR);
  CHECK(d == NULL);
  CHECK_CONTAINS(uclint_last_error(), "cannot read `");
  CHECK_CONTAINS(uclint_last_error(), "missing.toml`: No such file or directory");

  /* A folder is not a file. */
  const char *folder = path_in(scratch_dir, "folder.toml");
  mkdir(folder, 0700);
  CHECK_STATUS(uclint_deployment_load(folder, &d), UCLINT_STATUS_IO_ERROR);

  /* Empty, not UTF-8, a syntax error: the same messages as the command line. */
  const char *empty = scratch_file("empty.toml", "", 0);
  CHECK_STATUS(uclint_deployment_load(empty, &d), UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "empty.toml:1:1: the deployment file is empty");
  static const char bad_utf8[] = "name = \"mini\"\n[[servers]]\nnode_name = \"cup\xff\"\n";
  const char *latin1 = scratch_file("latin1.toml", bad_utf8, sizeof bad_utf8 - 1);
  CHECK_STATUS(uclint_deployment_load(latin1, &d), UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "latin1.toml:3:17: the file is not valid UTF-8");
  static const char bad_key[] = "[[servers]]\nnod_name = \"x\"\n";
  const char *typo = scratch_file("typo.yaml", "servers:\n  - nod_name: x\n", 25);
  CHECK_STATUS(uclint_deployment_load(typo, &d), UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "typo.yaml:2:5: servers[0].nod_name: unknown key `nod_name`");
  const char *typo_toml = scratch_file("typo.toml", bad_key, sizeof bad_key - 1);
  CHECK_STATUS(uclint_deployment_load(typo_toml, &d), UCLINT_STATUS_PARSE_ERROR);

  /* A referenced file that is missing: IO_ERROR, naming the reference's line. */
  static const char with_csv[] =
      "name = \"mini\"\nusers_csv = \"nobody.csv\"\n[[servers]]\nnode_name = \"cups-1\"\nroles = [\"cups\"]\n";
  const char *csv = scratch_file("csv.toml", with_csv, sizeof with_csv - 1);
  CHECK_STATUS(uclint_deployment_load(csv, &d), UCLINT_STATUS_IO_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "csv.toml:2:");
  CHECK_CONTAINS(uclint_last_error(), "cannot read `nobody.csv`");

  /* A file above the cap (sparse: no disk is spent) is refused without reading it. */
  const char *big = path_in(scratch_dir, "big.toml");
  FILE *f = fopen(big, "wb");
  CHECK(f != NULL);
  if (f != NULL) {
    fseek(f, (long)UCLINT_MAX_INPUT_BYTES, SEEK_SET);
    fputc('\n', f);
    fclose(f);
    d = NOT_NULL_SENTINEL;
    CHECK_STATUS(uclint_deployment_load(big, &d), UCLINT_STATUS_TOO_LARGE);
    CHECK(d == NULL);
    CHECK_CONTAINS(uclint_last_error(), "is 67108865 bytes");
    remove(big);
  }
}

static void test_resolve(const UclintDeployment *acme) {
  UclintResolution *r = NULL;

  /* Off-site CUPC: the ISP's suffix, nothing resolves (docs/derivations/name-resolution.md). */
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "vpn-cupc", &r), UCLINT_STATUS_OK);
  const char *s = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_resolution_address(r, &s), UCLINT_STATUS_OK);
  CHECK(s == NULL);
  CHECK_STATUS(uclint_resolution_name(r, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "cups-1");
  CHECK_STATUS(uclint_resolution_client(r, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "vpn-cupc");
  size_t attempts = 0;
  CHECK_STATUS(uclint_resolution_attempt_count(r, &attempts), UCLINT_STATUS_OK);
  CHECK(attempts == 3);
  static const char *const want[3][3] = {
      {"cups-1", "hosts file", "no entry"},
      {"cups-1.isp.com.", "DNS (deployment DNS data)", "no such name (NXDOMAIN)"},
      {"cups-1.", "DNS (deployment DNS data)", "no such name (NXDOMAIN)"},
  };
  for (size_t i = 0; i < attempts && i < 3; i++) {
    CHECK_STATUS(uclint_resolution_attempt_query(r, i, &s), UCLINT_STATUS_OK);
    CHECK_STR(s, want[i][0]);
    CHECK_STATUS(uclint_resolution_attempt_source(r, i, &s), UCLINT_STATUS_OK);
    CHECK_STR(s, want[i][1]);
    CHECK_STATUS(uclint_resolution_attempt_result(r, i, &s), UCLINT_STATUS_OK);
    CHECK_STR(s, want[i][2]);
  }
  s = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_resolution_attempt_query(r, attempts, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK(s == NULL);
  CHECK_CONTAINS(uclint_last_error(), "index 3 is out of range: there are 3 attempts");
  CHECK_STATUS(uclint_resolution_attempt_source(r, attempts, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_resolution_attempt_result(r, attempts, &s), UCLINT_STATUS_NOT_FOUND);
  char *json = NULL;
  CHECK_STATUS(uclint_resolution_to_json(r, &json), UCLINT_STATUS_OK);
  CHECK_CONTAINS(json, "\"client\": \"vpn-cupc\"");
  CHECK_CONTAINS(json, "\"address\": null");
  CHECK_CONTAINS(json, "\"status\": \"nx-domain\"");
  uclint_string_free(json);

  /* NULL handle or out for every accessor. */
  size_t n = 5;
  CHECK_STATUS(uclint_resolution_name(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_name(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_client(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_client(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_address(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_address(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(n == 0);
  CHECK_STATUS(uclint_resolution_attempt_count(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_query(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_query(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_source(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_source(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_result(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_attempt_result(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_to_json(NULL, &json), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolution_to_json(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  uclint_resolution_free(r);

  /* On site: the corporate suffix finds it. */
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "hq-cupc", &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_resolution_address(r, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "10.1.1.20");
  CHECK_STATUS(uclint_resolution_attempt_count(r, &attempts), UCLINT_STATUS_OK);
  CHECK(attempts == 2);
  CHECK_STATUS(uclint_resolution_attempt_result(r, 1, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "found 10.1.1.20");
  uclint_resolution_free(r);

  /* Errors. */
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "nobody", &r), UCLINT_STATUS_NOT_FOUND);
  CHECK(r == NULL);
  CHECK_CONTAINS(uclint_last_error(), "no client profile `nobody` in the deployment; expected one of: hq-cupc, vpn-cupc");
  CHECK_STATUS(uclint_resolve(NULL, "cups-1", "hq-cupc", &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`deployment` is NULL");
  CHECK_STATUS(uclint_resolve(acme, NULL, "hq-cupc", &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolve(acme, "cups-1", NULL, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "hq-cupc", NULL), UCLINT_STATUS_NULL_ARGUMENT);
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_resolve(acme, "", "hq-cupc", &r), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK(r == NULL);
  CHECK_STATUS(uclint_resolve(acme, "cups\xff", "hq-cupc", &r), UCLINT_STATUS_INVALID_UTF8);
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "hq\xff", &r), UCLINT_STATUS_INVALID_UTF8);
  CHECK_STATUS(uclint_resolve(acme, "cups-1", "", &r), UCLINT_STATUS_NOT_FOUND);
}

static void test_presence_resolved(const UclintDeployment *acme) {
  UclintPresence *p = NULL;
  UclintVerdict verdict = UCLINT_VERDICT_UNUSABLE;
  CHECK_STATUS(uclint_presence_address_resolved(acme, "cups-1", "acme.com", "jdoe", &p), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_presence_verdict(p, &verdict), UCLINT_STATUS_OK);
  CHECK(verdict == UCLINT_VERDICT_USABLE);
  size_t steps = 0;
  const char *last = NULL;
  CHECK_STATUS(uclint_presence_step_count(p, &steps), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_presence_step(p, steps - 1, &last), UCLINT_STATUS_OK);
  CHECK_CONTAINS(last, "resolves in deployment DNS data to 10.1.1.20");
  uclint_presence_free(p);

  CHECK_STATUS(uclint_presence_address_resolved(acme, "cups-9", "acme.com", NULL, &p), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_presence_verdict(p, &verdict), UCLINT_STATUS_OK);
  CHECK(verdict == UCLINT_VERDICT_UNRESOLVED);
  uclint_presence_free(p);

  p = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_presence_address_resolved(NULL, "cups-1", "acme.com", NULL, &p), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(p == NULL);
  CHECK_STATUS(uclint_presence_address_resolved(acme, NULL, "acme.com", NULL, &p), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_address_resolved(acme, "cups-1", "acme.com", NULL, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_presence_address_resolved(acme, "\xff", "acme.com", NULL, &p), UCLINT_STATUS_INVALID_UTF8);
  CHECK_STATUS(uclint_presence_address_resolved(acme, "", "acme.com", NULL, &p), UCLINT_STATUS_INVALID_ARGUMENT);
}

/* One next hop as expected. */
struct want_target {
  const char *host, *address; /* address NULL: does not resolve */
  uint16_t port;
  UclintTransport transport;
  uint16_t priority, weight;
  double share;
};

static void check_target(const UclintRouting *r, size_t i, const struct want_target *want) {
  const char *s = NOT_NULL_SENTINEL;
  uint16_t number = 0;
  UclintTransport transport = UCLINT_TRANSPORT_UDP;
  double share = -1.0;
  bool fallback = true;
  CHECK_STATUS(uclint_routing_target_host(r, i, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, want->host);
  s = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_target_address(r, i, &s), UCLINT_STATUS_OK);
  if (want->address == NULL) {
    CHECK(s == NULL);
  } else {
    CHECK_STR(s, want->address);
  }
  CHECK_STATUS(uclint_routing_target_port(r, i, &number), UCLINT_STATUS_OK);
  CHECK(number == want->port);
  CHECK_STATUS(uclint_routing_target_transport(r, i, &transport), UCLINT_STATUS_OK);
  CHECK(transport == want->transport);
  CHECK_STATUS(uclint_routing_target_priority(r, i, &number), UCLINT_STATUS_OK);
  CHECK(number == want->priority);
  CHECK_STATUS(uclint_routing_target_weight(r, i, &number), UCLINT_STATUS_OK);
  CHECK(number == want->weight);
  CHECK_STATUS(uclint_routing_target_share(r, i, &share), UCLINT_STATUS_OK);
  CHECK(share > want->share - 1e-9 && share < want->share + 1e-9);
  CHECK_STATUS(uclint_routing_target_fallback(r, i, &fallback), UCLINT_STATUS_OK);
  CHECK(!fallback);
}

/* The rule codes of `r`, comma-separated, in `buffer`. */
static const char *routing_codes(const UclintRouting *r, char *buffer, size_t size) {
  size_t count = 99;
  buffer[0] = '\0';
  CHECK_STATUS(uclint_routing_code_count(r, &count), UCLINT_STATUS_OK);
  for (size_t i = 0; i < count && i < 16; i++) {
    const char *code = NULL;
    CHECK_STATUS(uclint_routing_code(r, i, &code), UCLINT_STATUS_OK);
    if (code != NULL) {
      if (i > 0) {
        strncat(buffer, ",", size - strlen(buffer) - 1);
      }
      strncat(buffer, code, size - strlen(buffer) - 1);
    }
  }
  return buffer;
}

/* Route `uri` without a seed; expect OK, `decision` and `count` targets. */
static UclintRouting *route_ok(const UclintDeployment *d, const char *uri, UclintDecision decision, size_t count) {
  UclintRouting *r = NULL;
  CHECK_STATUS(uclint_route(d, uri, NULL, &r), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  UclintDecision got = UCLINT_DECISION_UNROUTABLE;
  size_t targets = 99;
  CHECK_STATUS(uclint_routing_decision(r, &got), UCLINT_STATUS_OK);
  if (got != decision) {
    fprintf(stderr, "%s: decision %d, expected %d\n", uri, (int)got, (int)decision);
  }
  CHECK(got == decision);
  CHECK_STATUS(uclint_routing_target_count(r, &targets), UCLINT_STATUS_OK);
  CHECK(targets == count);
  const char *s = NULL;
  CHECK_STATUS(uclint_routing_uri(r, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, uri);
  return r;
}

/* Write routing `r`'s JSON to SCRATCH_DIR/name for the Rust side; check its decision. */
static void save_route_json(const UclintRouting *r, const char *name, const char *decision) {
  char *json = NULL;
  CHECK_STATUS(uclint_routing_to_json(r, &json), UCLINT_STATUS_OK);
  CHECK(json != NULL);
  if (json != NULL) {
    char want[64];
    snprintf(want, sizeof want, "\"decision\": \"%s\"", decision);
    CHECK_CONTAINS(json, want);
    scratch_file(name, json, strlen(json));
    uclint_string_free(json);
  }
}

/* SIP routing against a deployment written here: every decision, target order, codes. */
static void test_route(void) {
  /* The Rust side routes the same URIs through the core and compares the JSON. */
  scratch_file("routes.toml", ROUTES_TOML, strlen(ROUTES_TOML));
  UclintDeployment *d = NULL;
  CHECK_STATUS(uclint_deployment_from_text(ROUTES_TOML, strlen(ROUTES_TOML), UCLINT_FORMAT_TOML, "routes.toml", &d),
               UCLINT_STATUS_OK);
  if (d == NULL) {
    return;
  }
  char codes[128];

  /* Two static routes of equal priority: the heavier first, shares by weight. */
  UclintRouting *r = route_ok(d, "sip:bob@partner.com", UCLINT_DECISION_STATIC, 2);
  static const struct want_target partner[2] = {
      {"gw2.partner.com", "192.0.2.2", 5080, UCLINT_TRANSPORT_TCP, 1, 70, 0.7},
      {"gw1.partner.com", "192.0.2.1", 5060, UCLINT_TRANSPORT_TCP, 1, 30, 0.3},
  };
  check_target(r, 0, &partner[0]);
  check_target(r, 1, &partner[1]);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "");
  size_t steps = 0;
  const char *s = NULL;
  CHECK_STATUS(uclint_routing_step_count(r, &steps), UCLINT_STATUS_OK);
  CHECK(steps == 5);
  CHECK_STATUS(uclint_routing_step(r, 0, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "parse the request URI: scheme sip, user `bob`, host `partner.com`");
  CHECK_STATUS(uclint_routing_step(r, 1, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "compare `partner.com` with the proxy domain `acme.com`: different: not local");
  CHECK_STATUS(uclint_routing_step(r, 2, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "most specific static routes: #1 `.com.partner.*`, #2 `.com.partner.*`: chosen");
  CHECK_STATUS(uclint_routing_step(r, 4, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "A/AAAA gw2.partner.com. (deployment DNS data): 192.0.2.2");
  save_route_json(r, "route-partner.json", "static");

  /* Past the end, for every indexed accessor: NOT_FOUND, the out value reset, a message. */
  const char *none = NOT_NULL_SENTINEL;
  uint16_t number = 42;
  UclintTransport transport = UCLINT_TRANSPORT_TLS;
  double share = 42.0;
  bool fallback = true;
  CHECK_STATUS(uclint_routing_target_host(r, 2, &none), UCLINT_STATUS_NOT_FOUND);
  CHECK(none == NULL);
  CHECK_STR(uclint_last_error(), "index 2 is out of range: there are 2 targets");
  none = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_target_address(r, 2, &none), UCLINT_STATUS_NOT_FOUND);
  CHECK(none == NULL);
  CHECK_STATUS(uclint_routing_target_port(r, 2, &number), UCLINT_STATUS_NOT_FOUND);
  CHECK(number == 0);
  number = 42;
  CHECK_STATUS(uclint_routing_target_priority(r, SIZE_MAX, &number), UCLINT_STATUS_NOT_FOUND);
  CHECK(number == 0);
  number = 42;
  CHECK_STATUS(uclint_routing_target_weight(r, 2, &number), UCLINT_STATUS_NOT_FOUND);
  CHECK(number == 0);
  CHECK_STATUS(uclint_routing_target_transport(r, 2, &transport), UCLINT_STATUS_NOT_FOUND);
  CHECK(transport == UCLINT_TRANSPORT_UDP);
  CHECK_STATUS(uclint_routing_target_share(r, 2, &share), UCLINT_STATUS_NOT_FOUND);
  CHECK(share == 0.0);
  CHECK_STATUS(uclint_routing_target_fallback(r, 2, &fallback), UCLINT_STATUS_NOT_FOUND);
  CHECK(!fallback);
  none = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_step(r, steps, &none), UCLINT_STATUS_NOT_FOUND);
  CHECK(none == NULL);
  CHECK_STR(uclint_last_error(), "index 5 is out of range: there are 5 steps");
  none = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_code(r, 0, &none), UCLINT_STATUS_NOT_FOUND);
  CHECK(none == NULL);
  CHECK_STR(uclint_last_error(), "index 0 is out of range: there are 0 rule codes");

  /* NULL handle or out for every accessor. */
  size_t n = 9;
  UclintDecision decision = UCLINT_DECISION_DNS;
  char *json = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_uri(NULL, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`routing` is NULL");
  CHECK_STATUS(uclint_routing_uri(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`out` is NULL");
  CHECK_STATUS(uclint_routing_decision(NULL, &decision), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(decision == UCLINT_DECISION_LOCAL);
  CHECK_STATUS(uclint_routing_decision(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(n == 0);
  CHECK_STATUS(uclint_routing_target_count(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_host(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_host(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_address(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_address(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_port(NULL, 0, &number), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_port(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_transport(NULL, 0, &transport), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_transport(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_priority(NULL, 0, &number), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_priority(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_weight(NULL, 0, &number), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_weight(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_share(NULL, 0, &share), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_share(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_fallback(NULL, 0, &fallback), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_target_fallback(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_step_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_step_count(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_step(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_step(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_code_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_code_count(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_code(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_code(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_routing_to_json(NULL, &json), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL);
  CHECK_STATUS(uclint_routing_to_json(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  uclint_routing_free(r);

  /* A seed draws one concrete weighted order: always the same for the same seed, and seed 1
   * puts the lighter gateway first. */
  uint64_t seed = 1;
  const char *first = NULL, *second = NULL;
  CHECK_STATUS(uclint_route(d, "sip:bob@partner.com", &seed, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_routing_target_host(r, 0, &first), UCLINT_STATUS_OK);
  CHECK_STR(first, "gw1.partner.com");
  CHECK_STATUS(uclint_routing_target_host(r, 1, &second), UCLINT_STATUS_OK);
  CHECK_STR(second, "gw2.partner.com");
  save_route_json(r, "route-partner-seed-1.json", "static");
  uclint_routing_free(r);
  for (int again = 0; again < 2; again++) {
    CHECK_STATUS(uclint_route(d, "sip:bob@partner.com", &seed, &r), UCLINT_STATUS_OK);
    CHECK_STATUS(uclint_routing_target_host(r, 0, &first), UCLINT_STATUS_OK);
    CHECK_STR(first, "gw1.partner.com");
    uclint_routing_free(r);
  }
  seed = 2;
  CHECK_STATUS(uclint_route(d, "sip:bob@partner.com", &seed, &r), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_routing_target_host(r, 0, &first), UCLINT_STATUS_OK);
  CHECK_STR(first, "gw2.partner.com");
  uclint_routing_free(r);

  /* A block route rejects: no targets, no codes, the last step says why. */
  r = route_ok(d, "sip:bob@spam.com", UCLINT_DECISION_BLOCKED, 0);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "");
  CHECK_STATUS(uclint_routing_step_count(r, &steps), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_routing_step(r, steps - 1, &s), UCLINT_STATUS_OK);
  CHECK_CONTAINS(s, "#3 `.com.spam.*` is a block route: the request is rejected");
  save_route_json(r, "route-spam.json", "blocked");
  uclint_routing_free(r);

  /* SRV records in the deployment's DNS data: by priority; a target that does not resolve has
   * no address. */
  r = route_ok(d, "sip:bob@other.net", UCLINT_DECISION_DNS, 2);
  static const struct want_target other[2] = {
      {"sip1.other.net.", "198.51.100.1", 5070, UCLINT_TRANSPORT_UDP, 10, 60, 1.0},
      {"sip2.other.net.", NULL, 5071, UCLINT_TRANSPORT_UDP, 20, 0, 1.0},
  };
  check_target(r, 0, &other[0]);
  check_target(r, 1, &other[1]);
  CHECK_STATUS(uclint_routing_step_count(r, &steps), UCLINT_STATUS_OK);
  CHECK(steps == 9);
  CHECK_STATUS(uclint_routing_step(r, 6, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "SRV _sip._udp.other.net. (deployment DNS data): 10 60 5070 sip1.other.net., 20 0 5071 "
               "sip2.other.net.");
  save_route_json(r, "route-other.json", "dns");
  uclint_routing_free(r);

  /* Nothing routes it: SIP002. */
  r = route_ok(d, "sip:bob@nowhere.org", UCLINT_DECISION_UNROUTABLE, 0);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "SIP002");
  none = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_routing_code(r, 1, &none), UCLINT_STATUS_NOT_FOUND);
  CHECK(none == NULL);
  CHECK_STR(uclint_last_error(), "index 1 is out of range: there are 1 rule codes");
  save_route_json(r, "route-nowhere.json", "unroutable");
  uclint_routing_free(r);
  r = route_ok(d, "tel:+15551234", UCLINT_DECISION_UNROUTABLE, 0);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "SIP002");
  uclint_routing_free(r);

  /* A static next hop that does not resolve: SIP003, TLS on its port. */
  r = route_ok(d, "sip:bob@lost.org", UCLINT_DECISION_STATIC, 1);
  static const struct want_target lost = {"ghost.lost.org", NULL, 5062, UCLINT_TRANSPORT_TLS, 1, 10, 1.0};
  check_target(r, 0, &lost);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "SIP003");
  save_route_json(r, "route-lost.json", "static");
  uclint_routing_free(r);

  /* The proxy's own domain, whatever its case. */
  r = route_ok(d, "sip:alice@ACME.com", UCLINT_DECISION_LOCAL, 0);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "");
  uclint_routing_free(r);

  /* Errors: the out pointer is set to NULL, the message is the command line's. */
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_route(d, "sip:bob@", NULL, &r), UCLINT_STATUS_PARSE_ERROR);
  CHECK(r == NULL);
  CHECK_STR(uclint_last_error(), "cannot parse the request URI `sip:bob@`: at character 9 (end of the URI): "
                                 "expected a host name, IPv4 address or [IPv6 reference]");
  CHECK_STATUS(uclint_route(d, "sip:bob@[::1", NULL, &r), UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "expected ']' to close the IPv6 reference opened at character 9");
  CHECK_STATUS(uclint_route(d, "", NULL, &r), UCLINT_STATUS_PARSE_ERROR);
  CHECK_STR(uclint_last_error(), "cannot parse the request URI ``: at character 1 (end of the URI): expected a "
                                 "URI scheme: sip:, sips: or tel:");
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_route(d, "sip:bob@partner\xff.com", NULL, &r), UCLINT_STATUS_INVALID_UTF8);
  CHECK(r == NULL);
  CHECK_CONTAINS(uclint_last_error(), "argument `uri` is not valid UTF-8 (invalid byte at offset 15)");
  r = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_route(NULL, "sip:bob@partner.com", NULL, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(r == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`deployment` is NULL");
  CHECK_STATUS(uclint_route(d, NULL, NULL, &r), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`uri` is NULL");
  CHECK_STATUS(uclint_route(d, "sip:bob@partner.com", &seed, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "`out` is NULL");
  CHECK_STATUS(uclint_route(d, "sip:bob@partner.com", NULL, &r), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);

  /* The routing does not borrow from its deployment. */
  uclint_deployment_free(d);
  CHECK_STATUS(uclint_routing_target_host(r, 1, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "gw1.partner.com");
  uclint_routing_free(r);

  /* Without DNS data there is no DNS step: what no static route takes is unroutable. */
  CHECK_STATUS(uclint_deployment_from_text(MINI_TOML, strlen(MINI_TOML), UCLINT_FORMAT_TOML, "mini.toml", &d),
               UCLINT_STATUS_OK);
  r = route_ok(d, "sip:bob@other.net", UCLINT_DECISION_UNROUTABLE, 0);
  CHECK_STR(routing_codes(r, codes, sizeof codes), "SIP002");
  CHECK_STATUS(uclint_routing_step_count(r, &steps), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_routing_step(r, steps - 1, &s), UCLINT_STATUS_OK);
  CHECK_STR(s, "DNS for `other.net`: no DNS in use in this deployment");
  uclint_routing_free(r);
  uclint_deployment_free(d);
}

static void test_check(const UclintDeployment *acme, size_t expected_findings) {
  UclintReport *r = NULL;
  CHECK_STATUS(uclint_check(acme, &r), UCLINT_STATUS_OK);
  size_t count = 0;
  CHECK_STATUS(uclint_report_finding_count(r, &count), UCLINT_STATUS_OK);
  if (count != expected_findings) {
    fprintf(stderr, "acme.toml: %zu findings, the Rust core gives %zu\n", count, expected_findings);
  }
  CHECK(count == expected_findings);

  size_t unlocated = 0, errors = 0;
  for (size_t i = 0; i < count; i++) {
    const char *code = NULL, *message = NULL, *subject = NULL, *file = NOT_NULL_SENTINEL, *name = NULL;
    UclintSeverity severity = UCLINT_SEVERITY_INFO;
    uint32_t line = 99, column = 99;
    CHECK_STATUS(uclint_report_finding_code(r, i, &code), UCLINT_STATUS_OK);
    CHECK(code != NULL && strlen(code) >= 5);
    CHECK_STATUS(uclint_report_finding_message(r, i, &message), UCLINT_STATUS_OK);
    CHECK(message != NULL && strlen(message) > 0);
    CHECK_STATUS(uclint_report_finding_subject(r, i, &subject), UCLINT_STATUS_OK);
    CHECK(subject != NULL && strlen(subject) > 0);
    CHECK_STATUS(uclint_report_finding_severity(r, i, &severity), UCLINT_STATUS_OK);
    CHECK_STATUS(uclint_report_finding_severity_name(r, i, &name), UCLINT_STATUS_OK);
    static const char *const names[] = {"info", "security", "warning", "error"};
    CHECK((int)severity >= 0 && (int)severity <= 3);
    CHECK_STR(name, names[severity]);
    errors += severity == UCLINT_SEVERITY_ERROR;
    CHECK_STATUS(uclint_report_finding_file(r, i, &file), UCLINT_STATUS_OK);
    CHECK_STATUS(uclint_report_finding_line(r, i, &line), UCLINT_STATUS_OK);
    CHECK_STATUS(uclint_report_finding_column(r, i, &column), UCLINT_STATUS_OK);
    if (file == NULL) {
      unlocated++;
      CHECK(line == 0 && column == 0);
    } else {
      CHECK(line >= 1 && column >= 1);
      CHECK_CONTAINS(file, "acme");
    }
  }
  CHECK(errors > 0);
  CHECK(unlocated < count);

  /* Past the end, for every per-finding accessor. */
  const char *s = NOT_NULL_SENTINEL;
  UclintSeverity severity;
  uint32_t number = 42;
  CHECK_STATUS(uclint_report_finding_code(r, count, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK(s == NULL);
  char want[128];
  snprintf(want, sizeof want, "index %zu is out of range: there are %zu findings", count, count);
  CHECK_STR(uclint_last_error(), want);
  CHECK_STATUS(uclint_report_finding_message(r, count, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_report_finding_subject(r, count, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_report_finding_file(r, count, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_report_finding_severity(r, count, &severity), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_report_finding_severity_name(r, count, &s), UCLINT_STATUS_NOT_FOUND);
  CHECK_STATUS(uclint_report_finding_line(r, count, &number), UCLINT_STATUS_NOT_FOUND);
  CHECK(number == 0);
  CHECK_STATUS(uclint_report_finding_column(r, SIZE_MAX, &number), UCLINT_STATUS_NOT_FOUND);

  /* NULL report or out for every accessor. */
  size_t n = 3;
  char *text = NULL;
  CHECK_STATUS(uclint_report_finding_count(NULL, &n), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(n == 0);
  CHECK_STATUS(uclint_report_finding_count(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_code(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_code(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_message(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_message(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_subject(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_subject(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_file(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_file(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_severity(NULL, 0, &severity), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_severity(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_severity_name(NULL, 0, &s), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_severity_name(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_line(NULL, 0, &number), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_line(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_column(NULL, 0, &number), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_finding_column(r, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  text = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_report_to_json(NULL, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(text == NULL);
  CHECK_STATUS(uclint_report_to_json(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_to_sarif(NULL, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_report_to_sarif(r, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  UclintReport *none = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_check(NULL, &none), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(none == NULL);
  CHECK_STATUS(uclint_check(acme, NULL), UCLINT_STATUS_NULL_ARGUMENT);

  /* JSON: one "severity" per finding; written out for the Rust side to compare byte for byte. */
  CHECK_STATUS(uclint_report_to_json(r, &text), UCLINT_STATUS_OK);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK(text[0] == '{');
    CHECK(count_occurrences(text, "\"severity\":") == count);
    CHECK_CONTAINS(text, "\"version\": 1");
    scratch_file("acme.json", text, strlen(text));
    uclint_string_free(text);
  }
  CHECK_STATUS(uclint_report_to_sarif(r, &text), UCLINT_STATUS_OK);
  CHECK(text != NULL);
  if (text != NULL) {
    CHECK_CONTAINS(text, "\"version\": \"2.1.0\"");
    CHECK(count_occurrences(text, "\"ruleId\":") == count);
    scratch_file("acme.sarif", text, strlen(text));
    uclint_string_free(text);
  }
  uclint_report_free(r);
}

static void test_free_functions_accept_null(void) {
  uclint_deployment_free(NULL);
  uclint_presence_free(NULL);
  uclint_resolution_free(NULL);
  uclint_report_free(NULL);
  uclint_routing_free(NULL);
  uclint_string_free(NULL);
  /* Free functions leave the last error alone. */
  UclintDeployment *d = NULL;
  CHECK_STATUS(uclint_deployment_load("", &d), UCLINT_STATUS_INVALID_ARGUMENT);
  uclint_report_free(NULL);
  CHECK(uclint_last_error() != NULL);
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR\n",
            argv[0]);
    return 2;
  }
  examples_dir = argv[1];
  scratch_dir = argv[2];
  size_t expected_findings = (size_t)strtoul(argv[3], NULL, 10);

  test_version_and_last_error(argv[4]);
  test_presence_golden_table();
  test_presence_details_and_errors();
  test_from_text();
  test_load();
  test_route();

  UclintDeployment *acme = NULL;
  CHECK_STATUS(uclint_deployment_load(path_in(examples_dir, "acme.toml"), &acme), UCLINT_STATUS_OK);
  if (acme != NULL) {
    test_resolve(acme);
    test_presence_resolved(acme);
    test_check(acme, expected_findings);
    uclint_deployment_free(acme);
  }
  test_free_functions_accept_null();
  return finish("test_api");
}
