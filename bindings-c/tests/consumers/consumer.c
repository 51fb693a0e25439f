/*
 * A program using an installed libuclint as C programs use a library: <uclint.h> from the
 * prefix, linked by CMake (find_package, CMakeLists.txt here) or with pkg-config's flags.
 * tests/install.rs builds it each way and checks what it prints for a deployment file:
 *   version <uclint_version()>
 *   findings <the number of findings>
 * Exits 1, with the library's message, when the deployment cannot be loaded or checked.
 */
#include <stddef.h>
#include <stdio.h>

#include <uclint.h>

static int fail(const char *what) {
  const char *message = uclint_last_error();
  fprintf(stderr, "%s: %s\n", what, message ? message : "no message");
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: %s DEPLOYMENT\n", argv[0]);
    return 2;
  }
  UclintDeployment *deployment = NULL;
  if (uclint_deployment_load(argv[1], &deployment) != UCLINT_STATUS_OK) {
    return fail("loading the deployment");
  }
  UclintReport *report = NULL;
  UclintStatus status = uclint_check(deployment, &report);
  uclint_deployment_free(deployment);
  if (status != UCLINT_STATUS_OK) {
    return fail("checking the deployment");
  }
  size_t count = 0;
  uclint_report_finding_count(report, &count);
  uclint_report_free(report);
  printf("version %s\nfindings %zu\n", uclint_version(), count);
  return 0;
}
