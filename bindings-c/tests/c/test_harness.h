/* A tiny test harness for the C tests of libuclint: CHECK macros that count and report. */
#ifndef UCLINT_TEST_HARNESS_H
#define UCLINT_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

#include "uclint.h"

static int checks_run = 0;
static int checks_failed = 0;

/* The last error as printable text. */
static const char *last_error_text(void) {
  const char *message = uclint_last_error();
  return message ? message : "(null)";
}

#define CHECK(cond)                                                              \
  do {                                                                           \
    checks_run++;                                                                \
    if (!(cond)) {                                                               \
      checks_failed++;                                                           \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #cond);   \
    }                                                                            \
  } while (0)

/* Run `call`, expect `expected`; on a mismatch print both and the last error. */
#define CHECK_STATUS(call, expected)                                             \
  do {                                                                           \
    UclintStatus status_ = (call);                                               \
    checks_run++;                                                                \
    if (status_ != (expected)) {                                                 \
      checks_failed++;                                                           \
      fprintf(stderr, "%s:%d: %s returned %d, expected %s (%d); last error: %s\n", \
              __FILE__, __LINE__, #call, (int)status_, #expected, (int)(expected), \
              last_error_text());                                                \
    }                                                                            \
  } while (0)

/* Expect `s` (may be NULL) to equal `want`. */
#define CHECK_STR(s, want)                                                       \
  do {                                                                           \
    const char *s_ = (s);                                                        \
    checks_run++;                                                                \
    if (s_ == NULL || strcmp(s_, (want)) != 0) {                                 \
      checks_failed++;                                                           \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__,        \
              __LINE__, #s, s_ ? s_ : "(null)", (want));                         \
    }                                                                            \
  } while (0)

/* Expect `s` (may be NULL) to contain `needle`. */
#define CHECK_CONTAINS(s, needle)                                                \
  do {                                                                           \
    const char *s_ = (s);                                                        \
    checks_run++;                                                                \
    if (s_ == NULL || strstr(s_, (needle)) == NULL) {                            \
      checks_failed++;                                                           \
      fprintf(stderr, "%s:%d: %s is \"%s\", expected it to contain \"%s\"\n",     \
              __FILE__, __LINE__, #s, s_ ? s_ : "(null)", (needle));             \
    }                                                                            \
  } while (0)

/* Print the tally and return the process exit status. */
static int finish(const char *name) {
  printf("%s: %d checks, %d failed\n", name, checks_run, checks_failed);
  return checks_failed == 0 ? 0 : 1;
}

#endif /* UCLINT_TEST_HARNESS_H */
