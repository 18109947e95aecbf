/*
 * x87bench: native x87 timings for harness/fpu/bench.mjs (the reference side of the FPU bench).
* Build: gcc -m32 -O2 -fno-pie -no-pie. Usage: x87bench <op> <iterations>; prints nanoseconds per instruction. Each loop is a
 * dependency chain on ST(0) with operands that stay normal for any iteration count.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Global so the inline asm can address it directly (build with -no-pie). */
double x87bench_slot = 1.5;

/* Integer time only: the C code must not use the x87 while the loops own it. */
static unsigned long long now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (unsigned long long)t.tv_sec * 1000000000ull + (unsigned long long)t.tv_nsec;
}

#define LOOP(setup, body)                                                   \
  do {                                                                       \
    __asm__ volatile("fninit\n\t" setup ::: "memory");                       \
    t0 = now();                                                              \
    for (long i = 0; i < n; i += 8)                                          \
      __asm__ volatile(body body body body body body body body ::: "memory"); \
    t1 = now();                                                              \
    __asm__ volatile("fninit" ::: "memory");                                 \
  } while (0)

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: x87bench <fadd|fmul|fdiv|fsqrt|fsin|fldfstp> <iterations>\n");
    return 2;
  }
  const char *op = argv[1];
  long n = atol(argv[2]);
  unsigned long long t0 = 0, t1 = 0;
  if (!strcmp(op, "fadd")) LOOP("fld1\n\tfld1\n\t", "fadd %%st(1), %%st\n\t");
  else if (!strcmp(op, "fmul")) LOOP("fld1\n\tfld1\n\t", "fmul %%st(1), %%st\n\t");
  else if (!strcmp(op, "fdiv")) LOOP("fld1\n\tfld1\n\t", "fdiv %%st(1), %%st\n\t");
  else if (!strcmp(op, "fsqrt")) LOOP("fldpi\n\t", "fsqrt\n\t");
  else if (!strcmp(op, "fsin")) LOOP("fld1\n\t", "fsin\n\t");
  else if (!strcmp(op, "fldfstp")) LOOP("", "fldl x87bench_slot\n\tfstpl x87bench_slot\n\t");
  else {
    fprintf(stderr, "x87bench: unknown op %s\n", op);
    return 2;
  }
  unsigned long long ps = (t1 - t0) * 1000ull / (unsigned long long)n;
  printf("%llu.%03llu\n", ps / 1000ull, ps % 1000ull);
  return 0;
}
