/* The nanobenchmarks of Adams & Agesen (ASPLOS 2006), adapted to i386 user programs:
 *   nanobench <syscall|in|callret|pgfault|divzero|ptemod|forkwait> <iterations>
 * Each prints its iteration count, never a time: the levels that run this kernel measure (counts of
 * instructions, exits, faults), and the output stays deterministic. */
#include "../lib/sys.h"

static u32 parse_u32(const char *s) {
  u32 v = 0;
  for (; *s >= '0' && *s <= '9'; s++) v = v * 10 + (u32)(*s - '0');
  return v;
}

/* syscall: a cheap system call (getpid), the cost of the ring 3 -> 0 -> 3 round trip. */
static int bench_syscall(u32 n) {
  int pid = getpid();
  for (u32 i = 0; i < n; i++)
    if (getpid() != pid) return 1;
  printf("syscall: %u getpid calls\n", n);
  return 0;
}

/* in: a port read in user mode, allowed by the TSS I/O bitmap (ioperm), so no trap natively. */
static int bench_in(u32 n) {
  const u32 port = 0x80; /* the POST diagnostic port the paper used */
  int r = ioperm(port, 1, 1);
  if (r < 0) {
    printf("in: ioperm(0x80) failed: error %d\n", r);
    return 1;
  }
  for (u32 i = 0; i < n; i++) {
    u8 v;
    __asm__ volatile("inb %w1, %0" : "=a"(v) : "Nd"(port));
  }
  printf("in: %u reads of port 0x80\n", n);
  return 0;
}

/* call/ret: no privileged work at all; BT pays for indirect control flow. */
__attribute__((noinline)) static u32 leaf(u32 x) {
  __asm__ volatile("" : "+r"(x));
  return x + 1;
}
static int bench_callret(u32 n) {
  u32 x = 0;
  for (u32 i = 0; i < n; i++) x = leaf(x);
  printf("callret: %u calls, result %u\n", n, x);
  return x != n;
}

/* pgfault: first touches of fresh demand-zero pages, 64 pages per mmap. */
static int bench_pgfault(u32 n) {
  const u32 batch = 64;
  u32 touched = 0;
  while (touched < n) {
    u32 pages = n - touched < batch ? n - touched : batch;
    u8 *p = mmap(NULL, pages * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if ((u32)p >= 0xFFFFF000u) {
      printf("pgfault: mmap failed: error %d\n", (int)p);
      return 1;
    }
    for (u32 i = 0; i < pages; i++) {
      if (p[i * 4096] != 0) return 1; /* demand-zero */
      p[i * 4096] = (u8)i;
    }
    munmap(p, pages * 4096);
    touched += pages;
  }
  printf("pgfault: %u pages touched\n", touched);
  return 0;
}

/* divzero: a #DE in a child, which the kernel turns into SIGFPE (no handler: the child dies). */
static int bench_divzero(u32 n) {
  u32 killed = 0;
  for (u32 i = 0; i < n; i++) {
    int pid = fork();
    if (pid == 0) {
      /* DIV by zero, in assembly: gcc folds some C divisions (1 / x) into compares */
      u32 quotient, remainder;
      __asm__ volatile("divl %2" : "=a"(quotient), "=d"(remainder) : "r"(0u), "a"(1u), "d"(0u));
      sys_exit((int)quotient);
    }
    int status;
    if (waitpid(pid, &status, 0) != pid) return 1;
    if (WIFSIGNALED(status) && WTERMSIG(status) == 8) killed++;
  }
  printf("divzero: %u children killed by SIGFPE\n", killed);
  return killed != n;
}

/* ptemod: each mprotect rewrites one PTE (and flushes its TLB entry). */
static int bench_ptemod(u32 n) {
  u8 *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if ((u32)p >= 0xFFFFF000u) return 1;
  p[0] = 1;
  for (u32 i = 0; i < n; i++) {
    if (mprotect(p, 4096, PROT_READ) < 0 || mprotect(p, 4096, PROT_READ | PROT_WRITE) < 0) return 1;
    p[0]++;
  }
  printf("ptemod: %u read-only/read-write flips, page value %u\n", n, p[0]);
  munmap(p, 4096);
  return 0;
}

/* forkwait: process creation and teardown (the paper's 40,000 fork+waitpid). */
static int bench_forkwait(u32 n) {
  for (u32 i = 0; i < n; i++) {
    int pid = fork();
    if (pid == 0) sys_exit(0);
    int status;
    if (pid < 0 || waitpid(pid, &status, 0) != pid || status != 0) return 1;
  }
  printf("forkwait: %u fork+wait\n", n);
  return 0;
}

static u32 now_ms(void) {
  i32 t[2];
  syscall3(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (u32)t, 0);
  return (u32)t[0] * 1000u + (u32)t[1] / 1000000u;
}

static int run(const char *t, u32 n) {
  if (!strcmp(t, "syscall")) return bench_syscall(n);
  if (!strcmp(t, "in")) return bench_in(n);
  if (!strcmp(t, "callret")) return bench_callret(n);
  if (!strcmp(t, "pgfault")) return bench_pgfault(n);
  if (!strcmp(t, "divzero")) return bench_divzero(n);
  if (!strcmp(t, "ptemod")) return bench_ptemod(n);
  if (!strcmp(t, "forkwait")) return bench_forkwait(n);
  printf("nanobench: unknown test %s\n", t);
  return 2;
}

/* A third argument "time" adds the elapsed CLOCK_MONOTONIC milliseconds (the bench mode of
 * scripts/record-kernel.ts); the recorded transcript never uses it. */
int main(int argc, char **argv) {
  if (argc < 3) {
    printf("usage: nanobench <syscall|in|callret|pgfault|divzero|ptemod|forkwait> <iterations> [time]\n");
    return 2;
  }
  u32 n = parse_u32(argv[2]);
  int timed = argc > 3 && !strcmp(argv[3], "time");
  u32 t0 = timed ? now_ms() : 0;
  int r = run(argv[1], n);
  if (timed) printf("time %s %u ms\n", argv[1], now_ms() - t0);
  return r;
}
