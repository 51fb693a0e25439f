/*
 * Jabber and Webex App service discovery from C: on premises inside, MRA outside, manual entry
 * for a domain nothing answers for, and every error path.
 *
 * Usage: test_jabber EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR
 * (the same arguments as test_api; only SCRATCH_DIR is used). It leaves jabber.toml and the
 * JSON of each discovery there (jabber-office.json, jabber-travel.json, jabber-other.json) for
 * the Rust side to compare with the core's.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_harness.h"

static char sentinel;
#define NOT_NULL_SENTINEL ((void *)&sentinel)

static const char *scratch_dir;

/* ex.com: one CUCM node, one IM and Presence node, an Expressway pair. Inside, `_cisco-uds`
 * answers; on public DNS only `_collab-edge` does. */
static const char JABBER_TOML[] =
    "domain = \"ex.com\"\n"
    "\n"
    "[sip_proxy]\n"
    "proxy_domain = \"ex.com\"\n"
    "\n"
    "[[servers]]\n"
    "node_name = \"cucm1.ex.com\"\n"
    "roles = [\"cucm\"]\n"
    "certificate = { san_dns = [\"cucm1.ex.com\"] }\n"
    "\n"
    "[[servers]]\n"
    "node_name = \"imp1.ex.com\"\n"
    "roles = [\"cups\"]\n"
    "\n"
    "[[servers]]\n"
    "node_name = \"expe.ex.com\"\n"
    "roles = [\"expressway-e\"]\n"
    "certificate = { san_dns = [\"expe.ex.com\", \"collab-edge.ex.com\"] }\n"
    "\n"
    "[[servers]]\n"
    "node_name = \"expc.ex.com\"\n"
    "roles = [\"expressway-c\"]\n"
    "unified_cm_domains = [\"ex.com\"]\n"
    "\n"
    "[[users]]\n"
    "cucm_id = \"jdoe\"\n"
    "last_name = \"Doe\"\n"
    "home_node = \"imp1.ex.com\"\n"
    "\n"
    "[dns]\n"
    "records = [\n"
    "  { name = \"_cisco-uds._tcp.ex.com.\", type = \"SRV\", value = \"1 10 8443 cucm1.ex.com.\" },\n"
    "  { name = \"cucm1.ex.com.\", type = \"A\", value = \"10.0.0.11\" },\n"
    "  { name = \"imp1.ex.com.\", type = \"A\", value = \"10.0.0.21\" },\n"
    "]\n"
    "\n"
    "[dns.public]\n"
    "records = [\n"
    "  { name = \"_collab-edge._tls.ex.com.\", type = \"SRV\", value = \"10 10 8443 expe.ex.com.\" },\n"
    "  { name = \"expe.ex.com.\", type = \"A\", value = \"192.0.2.10\" },\n"
    "]\n"
    "\n"
    "[[clients]]\n"
    "id = \"office\"\n"
    "kind = \"jabber-windows\"\n"
    "on_corporate_network = true\n"
    "\n"
    "[[clients]]\n"
    "id = \"travel\"\n"
    "kind = \"jabber-mac\"\n"
    "on_corporate_network = false\n";

/* Write `text` to SCRATCH_DIR/name. */
static void write_scratch(const char *name, const char *text) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", scratch_dir, name);
  FILE *f = fopen(path, "wb");
  if (f == NULL) {
    perror(path);
    exit(2);
  }
  fputs(text, f);
  fclose(f);
}

/* Leave the discovery's JSON in SCRATCH_DIR/name for the Rust side. */
static void leave_json(const UclintJabber *jabber, const char *name) {
  char *json = NULL;
  CHECK_STATUS(uclint_jabber_to_json(jabber, &json), UCLINT_STATUS_OK);
  if (json != NULL) {
    write_scratch(name, json);
  }
  uclint_string_free(json);
}

static UclintDeployment *load(void) {
  UclintDeployment *deployment = NULL;
  CHECK_STATUS(uclint_deployment_from_text(JABBER_TOML, strlen(JABBER_TOML), UCLINT_FORMAT_TOML, "jabber.toml",
                                           &deployment),
               UCLINT_STATUS_OK);
  write_scratch("jabber.toml", JABBER_TOML);
  return deployment;
}

static void test_inside_on_premises(const UclintDeployment *deployment) {
  UclintJabber *jabber = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe@ex.com", &jabber), UCLINT_STATUS_OK);
  CHECK(uclint_last_error() == NULL);
  if (jabber == NULL) {
    return;
  }
  UclintJabberPath path = UCLINT_JABBER_PATH_WEBEX;
  CHECK_STATUS(uclint_jabber_path(jabber, &path), UCLINT_STATUS_OK);
  CHECK(path == UCLINT_JABBER_PATH_ON_PREMISES);
  bool signs_in = false;
  CHECK_STATUS(uclint_jabber_signs_in(jabber, &signs_in), UCLINT_STATUS_OK);
  CHECK(signs_in);
  const char *text = NULL;
  CHECK_STATUS(uclint_jabber_message(jabber, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "Signed in");
  CHECK_STATUS(uclint_jabber_id(jabber, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "jdoe@ex.com");

  size_t count = 0;
  CHECK_STATUS(uclint_jabber_connection_count(jabber, &count), UCLINT_STATUS_OK);
  CHECK(count >= 2);
  CHECK_STATUS(uclint_jabber_connection_host(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "cucm1.ex.com");
  uint16_t port = 0;
  CHECK_STATUS(uclint_jabber_connection_port(jabber, 0, &port), UCLINT_STATUS_OK);
  CHECK(port == 8443);
  CHECK_STATUS(uclint_jabber_connection_url(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "https://cucm1.ex.com:8443/cucm-uds/clusterUser?username=jdoe");
  CHECK_STATUS(uclint_jabber_connection_address(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "10.0.0.11");
  UclintConnectionOutcome outcome = UCLINT_CONNECTION_OUTCOME_FAILS;
  CHECK_STATUS(uclint_jabber_connection_outcome(jabber, 0, &outcome), UCLINT_STATUS_OK);
  CHECK(outcome == UCLINT_CONNECTION_OUTCOME_CONNECTS);
  /* The last connection is XMPP to the IM and Presence node: no URL, status OK. */
  text = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_connection_url(jabber, count - 1, &text), UCLINT_STATUS_OK);
  CHECK(text == NULL);
  CHECK_STATUS(uclint_jabber_connection_host(jabber, count - 1, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "imp1.ex.com");
  CHECK_STATUS(uclint_jabber_connection_port(jabber, count - 1, &port), UCLINT_STATUS_OK);
  CHECK(port == 5222);

  CHECK_STATUS(uclint_jabber_code_count(jabber, &count), UCLINT_STATUS_OK);
  CHECK(count == 0);
  CHECK_STATUS(uclint_jabber_step_count(jabber, &count), UCLINT_STATUS_OK);
  CHECK(count > 2);
  CHECK_STATUS(uclint_jabber_step(jabber, count - 1, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "The user sees: \"Signed in\".");
  leave_json(jabber, "jabber-office.json");
  uclint_jabber_free(jabber);
}

static void test_outside_mra(const UclintDeployment *deployment) {
  UclintJabber *jabber = NULL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "travel", "jdoe@ex.com", &jabber), UCLINT_STATUS_OK);
  if (jabber == NULL) {
    return;
  }
  UclintJabberPath path = UCLINT_JABBER_PATH_ON_PREMISES;
  CHECK_STATUS(uclint_jabber_path(jabber, &path), UCLINT_STATUS_OK);
  CHECK(path == UCLINT_JABBER_PATH_MRA);
  const char *text = NULL;
  CHECK_STATUS(uclint_jabber_connection_host(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "expe.ex.com");
  CHECK_STATUS(uclint_jabber_connection_url(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "https://expe.ex.com:8443/ZXguY29t/get_edge_config?service_name=_cisco-uds&service_name=_cuplogin");
  CHECK_STATUS(uclint_jabber_connection_address(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "192.0.2.10");
  bool signs_in = false;
  CHECK_STATUS(uclint_jabber_signs_in(jabber, &signs_in), UCLINT_STATUS_OK);
  CHECK(signs_in);
  leave_json(jabber, "jabber-travel.json");
  uclint_jabber_free(jabber);
}

/* A domain nothing answers for: manual entry, no connection, JAB002. */
static void test_no_record_is_manual(const UclintDeployment *deployment) {
  UclintJabber *jabber = NULL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "travel", "jdoe@other.com", &jabber), UCLINT_STATUS_OK);
  if (jabber == NULL) {
    return;
  }
  UclintJabberPath path = UCLINT_JABBER_PATH_ON_PREMISES;
  CHECK_STATUS(uclint_jabber_path(jabber, &path), UCLINT_STATUS_OK);
  CHECK(path == UCLINT_JABBER_PATH_MANUAL);
  bool signs_in = true;
  CHECK_STATUS(uclint_jabber_signs_in(jabber, &signs_in), UCLINT_STATUS_OK);
  CHECK(!signs_in);
  const char *text = NULL;
  CHECK_STATUS(uclint_jabber_message(jabber, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "Cannot find your services automatically");
  text = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_id(jabber, &text), UCLINT_STATUS_OK);
  CHECK(text == NULL);
  size_t count = 99;
  CHECK_STATUS(uclint_jabber_connection_count(jabber, &count), UCLINT_STATUS_OK);
  CHECK(count == 0);
  text = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_connection_host(jabber, 0, &text), UCLINT_STATUS_NOT_FOUND);
  CHECK(text == NULL);
  CHECK_CONTAINS(uclint_last_error(), "index 0 is out of range: there are 0 connections");
  uint16_t port = 1;
  CHECK_STATUS(uclint_jabber_connection_port(jabber, 0, &port), UCLINT_STATUS_NOT_FOUND);
  CHECK(port == 0);
  CHECK_STATUS(uclint_jabber_code_count(jabber, &count), UCLINT_STATUS_OK);
  CHECK(count == 1);
  CHECK_STATUS(uclint_jabber_code(jabber, 0, &text), UCLINT_STATUS_OK);
  CHECK_STR(text, "JAB002");
  CHECK_STATUS(uclint_jabber_code(jabber, 1, &text), UCLINT_STATUS_NOT_FOUND);
  CHECK(text == NULL);
  leave_json(jabber, "jabber-other.json");
  uclint_jabber_free(jabber);
}

static void test_bad_addresses_and_clients(const UclintDeployment *deployment) {
  UclintJabber *jabber = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe", &jabber), UCLINT_STATUS_PARSE_ERROR);
  CHECK(jabber == NULL);
  CHECK_STR(uclint_last_error(), "`jdoe` is not a sign-in address: expected user@domain, such as jdoe@ex.com");
  jabber = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe@ex..com", &jabber), UCLINT_STATUS_PARSE_ERROR);
  CHECK(jabber == NULL);
  CHECK_CONTAINS(uclint_last_error(), "`jdoe@ex..com`: ");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "@ex.com", &jabber), UCLINT_STATUS_PARSE_ERROR);
  CHECK_CONTAINS(uclint_last_error(), "has no user before the `@`");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "", &jabber), UCLINT_STATUS_INVALID_ARGUMENT);
  CHECK_CONTAINS(uclint_last_error(), "argument `address` is empty");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "nope", "jdoe@ex.com", &jabber), UCLINT_STATUS_NOT_FOUND);
  CHECK(jabber == NULL);
  CHECK_STR(uclint_last_error(), "no client profile `nope` in the deployment; expected one of: office, travel");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe@caf\xe9.com", &jabber),
               UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "argument `address` is not valid UTF-8");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "caf\xe9", "jdoe@ex.com", &jabber), UCLINT_STATUS_INVALID_UTF8);
  CHECK_CONTAINS(uclint_last_error(), "argument `client` is not valid UTF-8");
}

static void test_null_arguments(const UclintDeployment *deployment) {
  UclintJabber *jabber = NOT_NULL_SENTINEL;
  CHECK_STATUS(uclint_jabber_discovery(NULL, "office", "jdoe@ex.com", &jabber), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(jabber == NULL);
  CHECK_STR(uclint_last_error(), "argument `deployment` is NULL");
  CHECK_STATUS(uclint_jabber_discovery(deployment, NULL, "jdoe@ex.com", &jabber), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `client` is NULL");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", NULL, &jabber), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `address` is NULL");
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe@ex.com", NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `out` is NULL");

  /* Every accessor refuses a NULL handle and a NULL out pointer. */
  const char *text = NOT_NULL_SENTINEL;
  size_t count = 7;
  uint16_t port = 7;
  bool flag = true;
  char *json = NOT_NULL_SENTINEL;
  UclintJabberPath path = UCLINT_JABBER_PATH_WEBEX;
  UclintConnectionOutcome outcome = UCLINT_CONNECTION_OUTCOME_FAILS;
  CHECK_STATUS(uclint_jabber_path(NULL, &path), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(path == UCLINT_JABBER_PATH_ON_PREMISES);
  CHECK_STR(uclint_last_error(), "argument `jabber` is NULL");
  CHECK_STATUS(uclint_jabber_signs_in(NULL, &flag), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(!flag);
  CHECK_STATUS(uclint_jabber_message(NULL, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(text == NULL);
  CHECK_STATUS(uclint_jabber_id(NULL, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_connection_count(NULL, &count), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(count == 0);
  CHECK_STATUS(uclint_jabber_connection_host(NULL, 0, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_connection_port(NULL, 0, &port), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(port == 0);
  CHECK_STATUS(uclint_jabber_connection_url(NULL, 0, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_connection_address(NULL, 0, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_connection_outcome(NULL, 0, &outcome), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(outcome == UCLINT_CONNECTION_OUTCOME_CONNECTS);
  CHECK_STATUS(uclint_jabber_code_count(NULL, &count), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_code(NULL, 0, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_step_count(NULL, &count), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_step(NULL, 0, &text), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_to_json(NULL, &json), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK(json == NULL);

  UclintJabber *jabber_ok = NULL;
  CHECK_STATUS(uclint_jabber_discovery(deployment, "office", "jdoe@ex.com", &jabber_ok), UCLINT_STATUS_OK);
  CHECK_STATUS(uclint_jabber_path(jabber_ok, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STR(uclint_last_error(), "argument `out` is NULL");
  CHECK_STATUS(uclint_jabber_message(jabber_ok, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_connection_host(jabber_ok, 0, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  CHECK_STATUS(uclint_jabber_to_json(jabber_ok, NULL), UCLINT_STATUS_NULL_ARGUMENT);
  uclint_jabber_free(jabber_ok);
  uclint_jabber_free(NULL);
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR ...\n", argv[0]);
    return 2;
  }
  scratch_dir = argv[2];
  UclintDeployment *deployment = load();
  if (deployment == NULL) {
    return finish("test_jabber");
  }
  test_inside_on_premises(deployment);
  test_outside_mra(deployment);
  test_no_record_is_manual(deployment);
  test_bad_addresses_and_clients(deployment);
  test_null_arguments(deployment);
  uclint_deployment_free(deployment);
  return finish("test_jabber");
}
