/* The user runtime of strata-kernel's programs: raw int 0x80 system calls with the numbers of
 * Linux's syscall_32.tbl, so each static binary runs on strata-kernel and natively on Linux.
 * Results are Linux's: a value, or -errno. */
#ifndef STRATA_USER_SYS_H
#define STRATA_USER_SYS_H

typedef unsigned int u32;
typedef int i32;
typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned long long u64;

#define NULL ((void *)0)

#define SYS_exit 1
#define SYS_fork 2
#define SYS_read 3
#define SYS_write 4
#define SYS_open 5
#define SYS_close 6
#define SYS_unlink 10
#define SYS_execve 11
#define SYS_lseek 19
#define SYS_getpid 20
#define SYS_kill 37
#define SYS_mkdir 39
#define SYS_rmdir 40
#define SYS_pipe 42
#define SYS_dup2 63
#define SYS_getppid 64
#define SYS_munmap 91
#define SYS_ioperm 101
#define SYS_wait4 114
#define SYS_mprotect 125
#define SYS_nanosleep 162
#define SYS_mmap2 192
#define SYS_getdents64 220
#define SYS_clock_gettime 265

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_DIRECTORY 0200000
#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define PROT_NONE 0
#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20
#define SIGKILL 9
#define SIGTERM 15
#define EEXIST 17

#define WIFEXITED(s) (((s) & 0x7F) == 0)
#define WEXITSTATUS(s) (((s) >> 8) & 0xFF)
#define WIFSIGNALED(s) (((s) & 0x7F) != 0 && ((s) & 0x7F) != 0x7F)
#define WTERMSIG(s) ((s) & 0x7F)

static inline int syscall3(int nr, u32 a, u32 b, u32 c) {
  int r;
  __asm__ volatile("int $0x80" : "=a"(r) : "a"(nr), "b"(a), "c"(b), "d"(c) : "memory");
  return r;
}
static inline int syscall6(int nr, u32 a, u32 b, u32 c, u32 d, u32 e, u32 f) {
  /* EBP is the frame pointer and cannot be an asm operand: load EDI and EBP from memory */
  u32 args[2] = {e, f};
  int r;
  __asm__ volatile("push %%ebp\n push %%edi\n movl 4(%%edi), %%ebp\n movl (%%edi), %%edi\n"
                   "int $0x80\n pop %%edi\n pop %%ebp"
                   : "=a"(r)
                   : "a"(nr), "b"(a), "c"(b), "d"(c), "S"(d), "D"(args)
                   : "memory");
  return r;
}

static inline void sys_exit(int code) {
  syscall3(SYS_exit, (u32)code, 0, 0);
  __builtin_unreachable();
}
static inline int fork(void) { return syscall3(SYS_fork, 0, 0, 0); }
static inline int read(int fd, void *buf, u32 n) { return syscall3(SYS_read, (u32)fd, (u32)buf, n); }
static inline int write(int fd, const void *buf, u32 n) { return syscall3(SYS_write, (u32)fd, (u32)buf, n); }
static inline int open(const char *path, int flags, int mode) {
  return syscall3(SYS_open, (u32)path, (u32)flags, (u32)mode);
}
static inline int close(int fd) { return syscall3(SYS_close, (u32)fd, 0, 0); }
static inline int unlink(const char *path) { return syscall3(SYS_unlink, (u32)path, 0, 0); }
static inline int mkdir(const char *path, int mode) { return syscall3(SYS_mkdir, (u32)path, (u32)mode, 0); }
static inline int rmdir(const char *path) { return syscall3(SYS_rmdir, (u32)path, 0, 0); }
static inline int execve(const char *path, char *const argv[], char *const envp[]) {
  return syscall3(SYS_execve, (u32)path, (u32)argv, (u32)envp);
}
static inline int lseek(int fd, int off, int whence) { return syscall3(SYS_lseek, (u32)fd, (u32)off, (u32)whence); }
static inline int getpid(void) { return syscall3(SYS_getpid, 0, 0, 0); }
static inline int getppid(void) { return syscall3(SYS_getppid, 0, 0, 0); }
static inline int kill(int pid, int sig) { return syscall3(SYS_kill, (u32)pid, (u32)sig, 0); }
static inline int pipe(int fds[2]) { return syscall3(SYS_pipe, (u32)fds, 0, 0); }
static inline int dup2(int a, int b) { return syscall3(SYS_dup2, (u32)a, (u32)b, 0); }
static inline int wait4(int pid, int *status, int options, void *rusage) {
  return syscall6(SYS_wait4, (u32)pid, (u32)status, (u32)options, (u32)rusage, 0, 0);
}
static inline int waitpid(int pid, int *status, int options) { return wait4(pid, status, options, NULL); }
static inline void *mmap(void *addr, u32 len, int prot, int flags, int fd, u32 pgoff) {
  return (void *)syscall6(SYS_mmap2, (u32)addr, len, (u32)prot, (u32)flags, (u32)fd, pgoff);
}
static inline int munmap(void *addr, u32 len) { return syscall3(SYS_munmap, (u32)addr, len, 0); }
static inline int mprotect(void *addr, u32 len, int prot) { return syscall3(SYS_mprotect, (u32)addr, len, (u32)prot); }
static inline int ioperm(u32 from, u32 num, int on) { return syscall3(SYS_ioperm, from, num, (u32)on); }
static inline int getdents64(int fd, void *buf, u32 n) { return syscall3(SYS_getdents64, (u32)fd, (u32)buf, n); }

/* lib.c */
void *memset(void *d, int c, u32 n);
void *memcpy(void *d, const void *s, u32 n);
u32 strlen(const char *s);
int strcmp(const char *a, const char *b);
void printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
u32 fnv1a(u32 h, const void *p, u32 n);
#define FNV_OFFSET 0x811C9DC5u
#endif
