/* sort: heapsort and an iterative quicksort over 20000 pseudo-random words, argv[1] times
 * (default 2); checks both orders agree and prints a checksum. Compares, swaps, recursion-free
 * stacks and signed/unsigned arithmetic. */
#include "rt.h"

#define N 20000
static i32 a[N], b[N];
static i32 stack[128];

static void heapsort(i32 *v, int n) {
  for (int start = n / 2 - 1; start >= 0; start--) {
    for (int root = start;;) {
      int child = 2 * root + 1;
      if (child >= n) break;
      if (child + 1 < n && v[child] < v[child + 1]) child++;
      if (v[root] >= v[child]) break;
      i32 t = v[root]; v[root] = v[child]; v[child] = t;
      root = child;
    }
  }
  for (int end = n - 1; end > 0; end--) {
    i32 t = v[0]; v[0] = v[end]; v[end] = t;
    for (int root = 0;;) {
      int child = 2 * root + 1;
      if (child >= end) break;
      if (child + 1 < end && v[child] < v[child + 1]) child++;
      if (v[root] >= v[child]) break;
      i32 u = v[root]; v[root] = v[child]; v[child] = u;
      root = child;
    }
  }
}

static void quicksort(i32 *v, int n) {
  int sp = 0;
  stack[sp++] = 0;
  stack[sp++] = n - 1;
  while (sp) {
    int hi = stack[--sp], lo = stack[--sp];
    while (lo < hi) {
      i32 pivot = v[lo + (hi - lo) / 2];
      int i = lo, j = hi;
      while (i <= j) {
        while (v[i] < pivot) i++;
        while (v[j] > pivot) j--;
        if (i <= j) { i32 t = v[i]; v[i] = v[j]; v[j] = t; i++; j--; }
      }
      /* Push the larger part, loop on the smaller: the stack stays O(log n). */
      if (j - lo < hi - i) { stack[sp++] = i; stack[sp++] = hi; hi = j; }
      else { stack[sp++] = lo; stack[sp++] = j; lo = i; }
    }
  }
}

int main(int argc, char **argv) {
  u32 rounds = arg_u32(argc, argv, 1, 2);
  u32 seed = 12345, sum = 0;
  int ok = 1;
  for (u32 r = 0; r < rounds; r++) {
    for (int i = 0; i < N; i++) {
      seed = seed * 1103515245u + 12345u;
      a[i] = b[i] = (i32)(seed ^ (seed >> 16));
    }
    heapsort(a, N);
    quicksort(b, N);
    for (int i = 0; i < N; i++) {
      if (a[i] != b[i] || (i && a[i - 1] > a[i])) ok = 0;
      sum = sum * 33 + (u32)a[i];
    }
  }
  put_str(ok ? "sort: ok, checksum " : "sort: MISMATCH, checksum ");
  put_hex(sum);
  put_str("\n");
  return ok ? 0 : 1;
}
