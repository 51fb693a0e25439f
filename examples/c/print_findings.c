/*
 * print_findings: check a deployment with libuclint and print one line per finding,
 *   file:line:col: SEVERITY CODE message
 *
 * Build (from the repository root, after `cargo build -p uclint-c`):
 *   cc -std=c11 -Wall -Wextra -I bindings-c/include examples/c/print_findings.c \
 *      target/debug/libuclint.a -lpthread -ldl -lm -o print_findings
 * Run:
 *   ./print_findings examples/acme.toml
 *   ./print_findings examples/acme.toml target/plugins/naming-policy.wasm   (with rule plugins)
 * Without an argument it reads ../examples/acme.toml (run from a folder beside examples/, such
 * as bindings-c/). Further arguments are rule plugins (WebAssembly components, see
 * plugins/README.md), run in a sandbox after the built-in rules; a plugin that cannot run is
 * reported as a PLUGIN finding. Findings without a location print as PATH:0:0.
 * Exits 1 when the deployment cannot be loaded or checked, 0 otherwise.
 */
#include <stdint.h>
#include <stdio.h>

#include "uclint.h"

/* Print the library's message for a failed call and return the exit status. */
static int fail(const char *what, UclintStatus status) {
  const char *message = uclint_last_error();
  fprintf(stderr, "%s failed (status %d): %s\n", what, (int)status, message ? message : "no message");
  return 1;
}

int main(int argc, char **argv) {
  const char *path = argc > 1 ? argv[1] : "../examples/acme.toml";

  UclintDeployment *deployment = NULL;
  UclintStatus status = uclint_deployment_load(path, &deployment);
  if (status != UCLINT_STATUS_OK) {
    return fail("loading the deployment", status);
  }

  UclintReport *report = NULL;
  if (argc > 2) {
    status = uclint_check_with_plugins(deployment, (const char *const *)(argv + 2), (size_t)(argc - 2), &report);
  } else {
    status = uclint_check(deployment, &report);
  }
  /* The report owns everything it says; the deployment is no longer needed. */
  uclint_deployment_free(deployment);
  if (status != UCLINT_STATUS_OK) {
    return fail("checking the deployment", status);
  }

  size_t count = 0;
  uclint_report_finding_count(report, &count);
  for (size_t i = 0; i < count; i++) {
    const char *file = NULL, *severity = NULL, *code = NULL, *message = NULL;
    uint32_t line = 0, column = 0;
    /* An index below the count on a live report cannot fail: the statuses are not checked. */
    uclint_report_finding_file(report, i, &file);
    uclint_report_finding_line(report, i, &line);
    uclint_report_finding_column(report, i, &column);
    uclint_report_finding_severity_name(report, i, &severity);
    uclint_report_finding_code(report, i, &code);
    uclint_report_finding_message(report, i, &message);
    printf("%s:%u:%u: %s %s %s\n", file ? file : path, (unsigned)line, (unsigned)column, severity, code, message);
  }

  uclint_report_free(report);
  return 0;
}
