/*
 * route: where a deployment's SIP proxy sends a request URI (docs/derivations/sip-routing.md), with libuclint; prints
 * what `uclint route URI -c DEPLOYMENT` shows, laid out more simply:
 *   URI -> DECISION
 *   next hops, in order: host, address, port, transport, priority, weight, share
 *   the trace, one step per line, then the rule codes
 *
 * Build (from the repository root, after `cargo build -p uclint-c`):
 *   cc -std=c11 -Wall -Wextra -I bindings-c/include examples/c/route.c \
 *      target/debug/libuclint.a -lpthread -ldl -lm -o route
 * Run:
 *   ./route examples/acme.toml sip:bob@partner.com
 *   ./route examples/acme.toml sip:bob@partner.com 42      (a seed: one weighted order)
 * Exits 1 when the deployment cannot be loaded or the URI parsed, 2 on a usage error.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "uclint.h"

/* Print the library's message for a failed call and return the exit status. */
static int fail(const char *what, UclintStatus status) {
  const char *message = uclint_last_error();
  fprintf(stderr, "%s failed (status %d): %s\n", what, (int)status, message ? message : "no message");
  return 1;
}

static const char *decision_name(UclintDecision decision) {
  switch (decision) {
    case UCLINT_DECISION_LOCAL:
      return "local";
    case UCLINT_DECISION_STATIC:
      return "static";
    case UCLINT_DECISION_DNS:
      return "dns";
    case UCLINT_DECISION_BLOCKED:
      return "blocked";
    case UCLINT_DECISION_UNROUTABLE:
      return "unroutable";
  }
  return "?";
}

static const char *transport_name(UclintTransport transport) {
  switch (transport) {
    case UCLINT_TRANSPORT_UDP:
      return "udp";
    case UCLINT_TRANSPORT_TCP:
      return "tcp";
    case UCLINT_TRANSPORT_TLS:
      return "tls";
  }
  return "?";
}

int main(int argc, char **argv) {
  if (argc < 3 || argc > 4) {
    fprintf(stderr, "usage: %s DEPLOYMENT URI [SEED]\n", argv[0]);
    return 2;
  }
  uint64_t seed = 0;
  if (argc == 4) {
    char *end = NULL;
    seed = strtoull(argv[3], &end, 10);
    if (end == argv[3] || *end != '\0') {
      fprintf(stderr, "the seed must be a number, not `%s`\n", argv[3]);
      return 2;
    }
  }

  UclintDeployment *deployment = NULL;
  UclintStatus status = uclint_deployment_load(argv[1], &deployment);
  if (status != UCLINT_STATUS_OK) {
    return fail("loading the deployment", status);
  }
  UclintRouting *routing = NULL;
  status = uclint_route(deployment, argv[2], argc == 4 ? &seed : NULL, &routing);
  /* The routing owns everything it says; the deployment is no longer needed. */
  uclint_deployment_free(deployment);
  if (status != UCLINT_STATUS_OK) {
    return fail("routing", status);
  }

  /* A handle from a successful call and an index below the count cannot fail: the statuses of
   * the accessors are not checked. */
  UclintDecision decision = UCLINT_DECISION_UNROUTABLE;
  uclint_routing_decision(routing, &decision);
  printf("%s -> %s\n", argv[2], decision_name(decision));

  size_t targets = 0;
  uclint_routing_target_count(routing, &targets);
  if (targets > 0) {
    printf("\nnext hops, in order\n");
  }
  for (size_t i = 0; i < targets; i++) {
    const char *host = NULL, *address = NULL;
    uint16_t port = 0, priority = 0, weight = 0;
    UclintTransport transport = UCLINT_TRANSPORT_UDP;
    double share = 0;
    bool fallback = false;
    uclint_routing_target_host(routing, i, &host);
    uclint_routing_target_address(routing, i, &address);
    uclint_routing_target_port(routing, i, &port);
    uclint_routing_target_transport(routing, i, &transport);
    uclint_routing_target_priority(routing, i, &priority);
    uclint_routing_target_weight(routing, i, &weight);
    uclint_routing_target_share(routing, i, &share);
    uclint_routing_target_fallback(routing, i, &fallback);
    printf("  %zu. %s  %s  port %u %s priority %u weight %u (%.0f%%)%s\n", i + 1, host,
           address ? address : "(does not resolve)", (unsigned)port, transport_name(transport),
           (unsigned)priority, (unsigned)weight, share * 100.0, fallback ? "  fallback" : "");
  }

  size_t steps = 0;
  uclint_routing_step_count(routing, &steps);
  printf("\ntrace\n");
  for (size_t i = 0; i < steps; i++) {
    const char *step = NULL;
    uclint_routing_step(routing, i, &step);
    printf("  %zu. %s\n", i + 1, step);
  }

  size_t codes = 0;
  uclint_routing_code_count(routing, &codes);
  if (codes > 0) {
    printf("\nrules:");
    for (size_t i = 0; i < codes; i++) {
      const char *code = NULL;
      uclint_routing_code(routing, i, &code);
      printf("%s %s", i > 0 ? "," : "", code);
    }
    printf(" (uclint explain CODE)\n");
  }

  uclint_routing_free(routing);
  return 0;
}
