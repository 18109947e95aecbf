/* Process system calls: exit, fork, execve, wait, pids, kill, uname. */
#include "syscall.h"

SYSCALL_DEFINE(exit) { proc_exit((int)((a1 & 0xFF) << 8)); }
SYSCALL_DEFINE(exit_group) { proc_exit((int)((a1 & 0xFF) << 8)); }
SYSCALL_DEFINE(fork) { return proc_fork(); }
SYSCALL_DEFINE(getpid) { return cur->pid; }
SYSCALL_DEFINE(gettid) { return cur->pid; }
SYSCALL_DEFINE(getppid) { return cur->ppid; }
SYSCALL_DEFINE(sched_yield) {
  sched_yield();
  return 0;
}

SYSCALL_DEFINE(wait4) {
  if (a4 && copy_to_user(a4, (const u8[72]){0}, 72) < 0) return -EFAULT; /* struct rusage */
  return proc_wait4((int)a1, a2, (int)a3);
}
SYSCALL_DEFINE(waitpid) { return proc_wait4((int)a1, a2, (int)a3); }

SYSCALL_DEFINE(kill) {
  if ((int)a1 <= 0) return -EINVAL; /* process groups are not implemented */
  return proc_kill((int)a1, (int)a2);
}

#define MAX_ARGS 32

/* Copies a NULL-terminated user array of strings into the kernel page at *area. */
static int copy_strings(u32 uarr, char **out, char **area, char *limit) {
  int n = 0;
  if (!uarr) return 0;
  for (;; n++) {
    u32 p;
    if (copy_from_user(&p, uarr + 4 * (u32)n, 4) < 0) return -EFAULT;
    if (!p) return n;
    if (n == MAX_ARGS) return -E2BIG;
    int len = strncpy_from_user(*area, p, (u32)(limit - *area));
    if (len == -ENAMETOOLONG) return -E2BIG;
    if (len < 0) return len;
    out[n] = *area;
    *area += len + 1;
  }
}

SYSCALL_DEFINE(execve) {
  u32 page = frame_alloc();
  if (!page) return -ENOMEM;
  char *path = (char *)page;
  char **argv = (char **)(page + 256), **envp = argv + MAX_ARGS + 1;
  char *area = (char *)(envp + MAX_ARGS + 1), *limit = (char *)(page + PAGE_SIZE);
  int r = strncpy_from_user(path, a1, 256), argc = 0, envc = 0;
  if (r >= 0) r = argc = copy_strings(a2, argv, &area, limit);
  if (r >= 0) r = envc = copy_strings(a3, envp, &area, limit);
  if (r >= 0) r = exec(path, argv, argc, envp, envc);
  frame_unref(page);
  return r;
}

SYSCALL_DEFINE(uname) {
  static const char fields[6][65] = {"Strata", "strata", "0.1.0-strata-kernel", "#1", "i686", "(none)"};
  return copy_to_user(a1, fields, sizeof fields);
}
