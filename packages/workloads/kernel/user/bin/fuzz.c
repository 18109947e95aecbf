/* fuzz <seed> <calls>: system calls with random arguments from a seeded generator (xorshift32),
 * confined so that the fuzzer itself survives and never blocks: pointers aim at an arena it mapped
 * (or at random addresses anywhere), descriptors are >= 3 (never the console), pipes are closed at
 * once, memory calls stay in the arena.
 * The kernel must answer every call with a result or -errno and never panic. The printed checksum
 * of all results is deterministic for a kernel (a level that diverges from it differs in some
 * result). Not run natively: random unlink/mkdir/brk calls are not for a real host. */
#include "../lib/sys.h"

static u32 state;
static u32 rnd(void) {
  state ^= state << 13;
  state ^= state >> 17;
  state ^= state << 5;
  return state;
}

#define ARENA_PAGES 16
static u8 *arena;

/* A pointer argument: mostly into the arena (valid or at its edges), sometimes anywhere. */
static u32 ptr(void) {
  switch (rnd() % 4) {
  case 0: return rnd();                                       /* anywhere: kernel, unmapped, ... */
  case 1: return (u32)arena + ARENA_PAGES * 4096 - rnd() % 64; /* straddles the arena's end */
  default: return (u32)arena + rnd() % (ARENA_PAGES * 4096);
  }
}
static u32 fd(void) { return 3 + rnd() % 14; }
static u32 len(void) { return rnd() % 3 ? rnd() % 8192 : rnd(); }
static u32 arena_page(void) { return (u32)arena + (rnd() % ARENA_PAGES) * 4096; }

int main(int argc, char **argv) {
  if (argc < 3) {
    printf("usage: fuzz <seed> <calls>\n");
    return 2;
  }
  state = 0;
  for (const char *s = argv[1]; *s; s++) state = state * 10 + (u32)(*s - '0');
  if (!state) state = 1;
  u32 calls = 0;
  for (const char *s = argv[2]; *s; s++) calls = calls * 10 + (u32)(*s - '0');
  arena = mmap(NULL, ARENA_PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if ((u32)arena >= 0xFFFFF000u) return 1;
  for (u32 i = 0; i < ARENA_PAGES * 4096; i++) arena[i] = (u8)rnd();
  mkdir("/tmp/fuzz", 0755);
  static const char *const paths[] = {"/tmp/fuzz/a", "/tmp/fuzz/b", "/tmp/fuzz", "/tmp/fuzz/a/x", "/", "/tmp/fuzz/"};
  u32 sum = 0, errors = 0;
  for (u32 i = 0; i < calls; i++) {
    int r;
    const char *path = paths[rnd() % 6];
    u32 pick = rnd() % 20;
    switch (pick) {
    case 0: r = read((int)fd(), (void *)ptr(), len()); break;
    case 1: r = write((int)fd(), (void *)ptr(), len()); break;
    case 2: r = open(rnd() % 4 ? path : (const char *)ptr(), (int)(rnd() & 0203103), 0644); break;
    case 3: r = close((int)fd()); break;
    case 4: r = lseek((int)fd(), (int)(rnd() % 10000) - 100, (int)(rnd() % 4)); break;
    case 5: r = syscall3(41 /* dup */, fd(), 0, 0); break;
    case 6: r = dup2((int)fd(), (int)fd()); break;
    case 7: { /* a pipe left open would block a later read or write for ever, as on Linux */
      int p[2];
      r = rnd() % 2 ? pipe((int *)(rnd() % 0x08000000u)) : pipe(p);
      if (r == 0) close(p[0]), close(p[1]);
      break;
    }
    case 8: r = getdents64((int)fd(), (void *)ptr(), len()); break;
    case 9: r = rnd() % 2 ? mkdir(path, 0755) : rmdir(path); break;
    case 10: r = unlink(rnd() % 4 ? path : (const char *)ptr()); break;
    case 11: r = syscall3(122 /* uname */, ptr(), 0, 0); break;
    case 12: r = syscall3(SYS_clock_gettime, rnd() % 9, ptr(), 0); break;
    case 13: r = mprotect((void *)arena_page(), 4096 * (1 + rnd() % 2), (int)(rnd() % 4)); break;
    case 14: r = munmap((void *)arena_page(), 4096); break;
    case 15: r = (int)mmap((void *)arena_page(), 4096, (int)(rnd() % 4), MAP_PRIVATE | MAP_ANONYMOUS | 0x10, -1, 0);
      break;
    case 16: r = (int)mmap(NULL, len(), (int)(rnd() % 4), (int)(rnd() & 0x33), (int)fd(), 0); break;
    case 17: r = syscall3(45 /* brk */, rnd() % 2 ? rnd() : 0x08100000u + rnd() % 0x100000u, 0, 0); break;
    case 18: r = wait4(-1, (int *)ptr(), 1 /* WNOHANG */, (void *)(rnd() % 2 ? ptr() : 0)); break;
    default: r = syscall3(SYS_getpid, 0, 0, 0) == getpid() ? 0 : -1; break;
    }
    /* memory calls may have made arena pages inaccessible: put them back for the pointer args */
    if (pick >= 13 && pick <= 15)
      mmap((void *)arena, ARENA_PAGES * 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | 0x10, -1, 0);
    if (r < 0 && r > -4096) errors++;
    sum = (sum ^ (u32)r) * 0x01000193u;
  }
  for (int f = 3; f < 17; f++) close(f);

  /* A fork storm: more children than the process table holds (zombies keep their slots until
   * reaped, so how many forks succeed does not depend on scheduling); each child writes to
   * copy-on-write pages, moves its break and exits with its index. */
  int forked = 0, refused = 0, reaped = 0, codes = 0, st;
  for (int i = 0; i < 40; i++) {
    int pid = fork();
    if (pid == 0) {
      for (u32 k = 0; k < ARENA_PAGES; k++) arena[k * 4096] ^= (u8)rnd();
      syscall3(45 /* brk */, 0x08100000u + rnd() % 0x100000u, 0, 0);
      sys_exit(i);
    }
    if (pid > 0) forked++;
    else if (pid == -11) refused++; /* EAGAIN */
  }
  for (int pid; (pid = waitpid(-1, &st, 0)) > 0; reaped++) codes += WIFEXITED(st) ? WEXITSTATUS(st) : 1000;
  printf("fuzz: fork storm: %d forked, %d refused with EAGAIN, %d reaped, exit codes sum %d\n", forked, refused,
         reaped, codes);
  /* leave nothing behind: "a" and "a/x" may each be a file or a directory */
  rmdir("/tmp/fuzz/a/x");
  for (u32 i = 0; i < 6; i++) unlink(paths[i]);
  rmdir("/tmp/fuzz/a");
  rmdir("/tmp/fuzz/b");
  int left = rmdir("/tmp/fuzz");
  if (left < 0 && left != -2 /* ENOENT: a fuzzed rmdir got there first */)
    printf("fuzz: /tmp/fuzz is left behind: error %d\n", left);
  printf("fuzz: %u calls with seed %s, %u errors, results fnv1a 0x%8x\n", calls, argv[1], errors, sum);
  return 0;
}
