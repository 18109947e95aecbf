/* proctest <path of this program>: the process and memory ABI, with output that is the same on
 * strata-kernel and on Linux: copy-on-write after fork, getppid, brk, PROT_NONE then mprotect,
 * wait4 WNOHANG, SIGKILL of a sleeping child, nanosleep against clock_gettime, execve with
 * arguments and environment into a pipe (dup2), and the errors Linux returns for bad calls. */
#include "../lib/sys.h"

static int global = 1;
static u32 big[4096]; /* 16 KiB of bss: demand-zero pages, shared copy-on-write after fork */

struct timespec32 {
  i32 sec, nsec;
};

static u32 now_ms(void) {
  struct timespec32 t;
  syscall3(SYS_clock_gettime, 1 /* CLOCK_MONOTONIC */, (u32)&t, 0);
  return (u32)t.sec * 1000u + (u32)t.nsec / 1000000u;
}

static int child_echo(int argc, char **argv, char **envp) {
  printf("argc %d:", argc);
  for (int i = 1; i < argc; i++) printf(" [%s]", argv[i]);
  printf("\n");
  for (char **e = envp; *e; e++)
    if ((*e)[0] == 'S' && (*e)[1] == 'T') printf("env %s\n", *e);
  return 7;
}

int main(int argc, char **argv, char **envp) {
  if (argc >= 2 && !strcmp(argv[1], "child-echo")) return child_echo(argc, argv, envp);
  if (argc < 2) {
    printf("usage: proctest <path of proctest>\n");
    return 2;
  }
  const char *self = argv[1];
  int me = getpid(), status = 0;

  for (u32 i = 0; i < 4096; i++) big[i] = i * 3;
  int pid = fork();
  if (pid == 0) {
    global = 2;
    big[100] = 0;
    sys_exit(getppid() == me ? global * 10 + (big[100] == 0) : 1);
  }
  waitpid(pid, &status, 0);
  printf("cow: parent sees global %d and big[100] %u; child exited with %d\n", global, big[100],
         WEXITSTATUS(status));

  u32 b0 = (u32)syscall3(45 /* brk */, 0, 0, 0);
  u32 b1 = (u32)syscall3(45, b0 + 20000, 0, 0);
  u8 *heap = (u8 *)b0;
  for (u32 i = 0; i < 20000; i++) heap[i] = (u8)(i * 7);
  u32 h = fnv1a(FNV_OFFSET, heap, 20000);
  u32 b2 = (u32)syscall3(45, b0, 0, 0);
  printf("brk: grew by %u, heap fnv1a 0x%8x, shrank back: %s\n", b1 - b0, h, b2 == b0 ? "yes" : "no");

  u8 *p = mmap(NULL, 8192, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  int r1 = mprotect(p, 8192, PROT_READ | PROT_WRITE);
  p[4096] = 42;
  int r2 = mprotect(p, 4096, PROT_READ);
  u32 value = p[4096];
  int r3 = munmap(p, 8192);
  printf("mprotect: %d %d, value %u, munmap %d\n", r1, r2, value, r3);

  pid = fork();
  if (pid == 0) {
    struct timespec32 ten = {10, 0};
    syscall3(SYS_nanosleep, (u32)&ten, 0, 0);
    sys_exit(0);
  }
  int nohang = wait4(pid, &status, 1 /* WNOHANG */, NULL);
  int k = kill(pid, SIGKILL);
  waitpid(pid, &status, 0);
  printf("wait4 WNOHANG on a sleeping child: %d; kill %d; it died of signal %d\n", nohang, k, WTERMSIG(status));

  u32 t0 = now_ms();
  struct timespec32 nap = {0, 30000000};
  int s = syscall3(SYS_nanosleep, (u32)&nap, 0, 0);
  u32 t1 = now_ms();
  printf("nanosleep 30 ms: %d, the monotonic clock advanced %s\n", s, t1 - t0 >= 30 ? "at least 30 ms" : "less");

  int fds[2];
  pipe(fds);
  pid = fork();
  if (pid == 0) {
    dup2(fds[1], 1);
    close(fds[0]);
    close(fds[1]);
    char *cargv[] = {"proctest", "child-echo", "one", "two words", "", NULL};
    char *cenvp[] = {"STRATA=kernel", "OTHER=x", "STAGE=2", NULL};
    int e = execve(self, cargv, cenvp);
    sys_exit(100 - e);
  }
  close(fds[1]);
  static char buf[512];
  int n = 0, r;
  while ((r = read(fds[0], buf + n, sizeof buf - 1 - (u32)n)) > 0) n += r;
  buf[n] = 0;
  close(fds[0]);
  waitpid(pid, &status, 0);
  printf("execve through a pipe printed:\n%sand exited with %d\n", buf, WEXITSTATUS(status));

  pipe(fds);
  close(fds[0]);
  pid = fork();
  if (pid == 0) sys_exit(write(fds[1], "x", 1) == -32 ? 50 : 51); /* EPIPE, if SIGPIPE did not kill */
  close(fds[1]);
  waitpid(pid, &status, 0);
  printf("write to a pipe without readers: killed by signal %d\n", WIFSIGNALED(status) ? WTERMSIG(status) : 0);

  char *nargv[] = {"missing", NULL};
  printf("errors: execve missing %d, write bad buffer %d, read bad fd %d, syscall 500 %d, lseek pipe %d, "
         "wait no child %d, open missing dir %d\n",
         execve("/nonexistent/missing", nargv, nargv + 1), write(1, (void *)16, 4), read(99, buf, 1),
         syscall3(500, 0, 0, 0), (pipe(fds), lseek(fds[0], 0, SEEK_SET)), waitpid(-1, &status, 0),
         open("/nonexistent/x", O_RDONLY, 0));
  return 0;
}
