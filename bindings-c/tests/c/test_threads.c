/*
 * Handles are shared across threads for reading; the last error is per thread.
 *
 * Usage: test_threads EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR
 * (the same arguments as test_api; only EXAMPLES_DIR and EXPECTED_FINDINGS are used).
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_harness.h"

#define THREADS 4
#define ROUNDS 3

/* What one thread saw; checked on the main thread (the harness counters are not atomic). */
struct work {
  const UclintDeployment *deployment;
  const UclintReport *shared_report;
  int index;
  size_t findings[ROUNDS];
  int same_codes;
  int own_error_seen;
  int error_cleared;
  int resolved;
  int routed;
};

static void *worker(void *arg) {
  struct work *w = arg;
  w->same_codes = 1;
  for (int round = 0; round < ROUNDS; round++) {
    /* Each thread checks the shared deployment... */
    UclintReport *report = NULL;
    if (uclint_check(w->deployment, &report) != UCLINT_STATUS_OK) {
      return NULL;
    }
    uclint_report_finding_count(report, &w->findings[round]);
    /* ...and reads the report every thread shares, comparing it with its own. */
    size_t shared_count = 0;
    uclint_report_finding_count(w->shared_report, &shared_count);
    for (size_t i = 0; i < shared_count && i < w->findings[round]; i++) {
      const char *mine = NULL, *theirs = NULL;
      uclint_report_finding_code(report, i, &mine);
      uclint_report_finding_code(w->shared_report, i, &theirs);
      if (mine == NULL || theirs == NULL || strcmp(mine, theirs) != 0) {
        w->same_codes = 0;
      }
    }
    uclint_report_free(report);

    UclintResolution *resolution = NULL;
    if (uclint_resolve(w->deployment, "cups-1", "hq-cupc", &resolution) == UCLINT_STATUS_OK) {
      const char *address = NULL;
      uclint_resolution_address(resolution, &address);
      w->resolved += address != NULL && strcmp(address, "10.1.1.20") == 0;
      uclint_resolution_free(resolution);
    }

    /* ...and routes against it (acme.toml: the partner's static route, by its DNS data). */
    UclintRouting *routing = NULL;
    if (uclint_route(w->deployment, "sip:bob@partner.com", NULL, &routing) == UCLINT_STATUS_OK) {
      const char *address = NULL;
      UclintDecision decision = UCLINT_DECISION_UNROUTABLE;
      uclint_routing_decision(routing, &decision);
      uclint_routing_target_address(routing, 0, &address);
      w->routed += decision == UCLINT_DECISION_STATIC && address != NULL && strcmp(address, "198.51.100.40") == 0;
      uclint_routing_free(routing);
    }
  }

  /* Odd threads fail a call and must see their own message; even threads see none. */
  if (w->index % 2 == 1) {
    char client[32];
    snprintf(client, sizeof client, "ghost-%d", w->index);
    UclintResolution *r = NULL;
    uclint_resolve(w->deployment, "cups-1", client, &r);
    const char *message = uclint_last_error();
    w->own_error_seen = message != NULL && strstr(message, client) != NULL;
  } else {
    w->own_error_seen = uclint_last_error() == NULL;
  }
  /* A success on this thread clears this thread's message only. */
  size_t n = 0;
  uclint_report_finding_count(w->shared_report, &n);
  w->error_cleared = uclint_last_error() == NULL;
  return NULL;
}

int main(int argc, char **argv) {
  if (argc != 7) {
    fprintf(stderr, "usage: %s EXAMPLES_DIR SCRATCH_DIR EXPECTED_FINDINGS VERSION PLUGINS_DIR IMPORT_DIR\n",
            argv[0]);
    return 2;
  }
  size_t expected = (size_t)strtoul(argv[3], NULL, 10);
  char path[4096];
  snprintf(path, sizeof path, "%s/acme.toml", argv[1]);

  UclintDeployment *deployment = NULL;
  CHECK_STATUS(uclint_deployment_load(path, &deployment), UCLINT_STATUS_OK);
  if (deployment == NULL) {
    return finish("test_threads");
  }
  UclintReport *shared = NULL;
  CHECK_STATUS(uclint_check(deployment, &shared), UCLINT_STATUS_OK);

  /* The main thread's error stays while the workers fail and succeed on theirs. */
  UclintDeployment *none = NULL;
  CHECK_STATUS(uclint_deployment_load("", &none), UCLINT_STATUS_INVALID_ARGUMENT);
  const char *main_error = uclint_last_error();

  struct work work[THREADS];
  pthread_t threads[THREADS];
  memset(work, 0, sizeof work);
  for (int i = 0; i < THREADS; i++) {
    work[i].deployment = deployment;
    work[i].shared_report = shared;
    work[i].index = i;
    CHECK(pthread_create(&threads[i], NULL, worker, &work[i]) == 0);
  }
  for (int i = 0; i < THREADS; i++) {
    pthread_join(threads[i], NULL);
  }

  CHECK(uclint_last_error() == main_error);
  CHECK_CONTAINS(uclint_last_error(), "`path` is empty");
  for (int i = 0; i < THREADS; i++) {
    for (int round = 0; round < ROUNDS; round++) {
      CHECK(work[i].findings[round] == expected);
    }
    CHECK(work[i].same_codes);
    CHECK(work[i].resolved == ROUNDS);
    CHECK(work[i].routed == ROUNDS);
    CHECK(work[i].own_error_seen);
    CHECK(work[i].error_cleared);
  }

  uclint_report_free(shared);
  uclint_deployment_free(deployment);
  return finish("test_threads");
}
