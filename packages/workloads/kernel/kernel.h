/* strata-kernel: declarations shared by every kernel file. One header keeps the teaching kernel
 * readable in an afternoon; each .c file holds one concept (see README "strata-kernel"). */
#ifndef STRATA_KERNEL_H
#define STRATA_KERNEL_H

typedef unsigned int u32;
typedef int i32;
typedef unsigned short u16;
typedef unsigned char u8;
typedef unsigned long long u64;
typedef long long i64;

#define NULL ((void *)0)
#define PAGE_SIZE 4096u
#define PAGE_ROUND_DOWN(a) ((u32)(a) & ~(PAGE_SIZE - 1))
#define PAGE_ROUND_UP(a) (((u32)(a) + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1))

/* Linux errno values (asm-generic/errno-base.h, errno.h). */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EFAULT 14
#define EEXIST 17
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EPIPE 32
#define ENAMETOOLONG 36
#define ENOSYS 38
#define ENOTEMPTY 39

/* Signals (asm/signal.h, i386). */
#define SIGILL 4
#define SIGFPE 8
#define SIGKILL 9
#define SIGSEGV 11
#define SIGPIPE 13
#define SIGTERM 15
#define SIGCHLD 17
#define NSIG 32

/* ---- lib ---- */
void *memset(void *d, int c, u32 n);
void *memcpy(void *d, const void *s, u32 n);
int memcmp(const void *a, const void *b, u32 n);
u32 strlen(const char *s);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, u32 n);
void kprintf(const char *fmt, ...);
void panic(const char *fmt, ...) __attribute__((noreturn));

/* ---- dev ---- */
void serial_init(void);
void serial_putc(char c);
int serial_getc_nonblock(void); /* -1 when the receive buffer is empty */
void serial_irq(void);
void pic_init(void);
void pic_unmask(int irq);
void pic_eoi(int irq);
void pit_init(u32 hz);
#define TIMER_HZ 100u
void debug_exit(u32 code) __attribute__((noreturn));

/* ---- mm ---- */
#define KERNEL_MAP_LIMIT 0x04000000u /* 64 MiB identity-mapped, supervisor only */
#define USER_BASE 0x08000000u
#define USER_TOP 0xC0000000u
#define USER_STACK_SIZE 0x00800000u /* 8 MiB reserved, populated on demand */
#define MMAP_BASE 0x40000000u

/* PTE bits (SDM Vol. 3 §4.3) and our software bits 9-11, free for the OS in every PTE. */
#define PTE_P 0x001u
#define PTE_W 0x002u
#define PTE_U 0x004u
#define PTE_COW 0x200u  /* present, logically writable, shared: copy on the write fault */
#define PTE_LAZY 0x400u /* not present, reserved: a zero page appears on first touch */
#define PTE_NONE 0x800u /* not present but owns a frame: PROT_NONE */
#define PTE_FRAME(p) ((p) & ~0xFFFu)

void frames_init(u32 first_free, u32 mem_end);
u32 frame_alloc(void); /* zeroed frame, refcount 1; 0 when memory is exhausted */
void frame_ref(u32 pa);
void frame_unref(u32 pa);
u32 frame_refcount(u32 pa);
u32 frames_free_count(void);
extern u32 frames_at_boot; /* free frames once paging is on, before the initrd is copied */

void vm_init(void);
u32 vm_new_pgdir(void);
u32 *vm_pte(u32 pgdir, u32 va, int create); /* NULL if the page table is absent */
int vm_set_pte(u32 pgdir, u32 va, u32 pte); /* -ENOMEM if a page table cannot be allocated */
int vm_resolve(u32 pgdir, u32 va, int write); /* 0 when the access may proceed */
u32 vm_fork(u32 pgdir);                       /* 0 on ENOMEM */
void vm_free_user(u32 pgdir);
void vm_free_pgdir(u32 pgdir);
void vm_activate(u32 pgdir);
int vm_reserve(u32 pgdir, u32 start, u32 end, int writable); /* lazy pages */
void vm_unmap(u32 pgdir, u32 start, u32 end);
int vm_protect(u32 pgdir, u32 start, u32 end, int prot);
int vm_range_free(u32 pgdir, u32 start, u32 end);
u32 vm_first_used(u32 pgdir, u32 start, u32 end); /* 0 if every PTE of the range is zero */
int vm_copy_out(u32 pgdir, u32 va, const void *src, u32 n); /* into another address space */
int uaccess_ok(u32 va, u32 n, int write);                   /* current process */
int copy_from_user(void *dst, u32 src, u32 n);
int copy_to_user(u32 dst, const void *src, u32 n);
int strncpy_from_user(char *dst, u32 src, u32 max);

/* ---- fs ---- */
#define RAMFS_MAX_PAGES 64
#define NAME_MAX 59
enum inode_type { I_FREE = 0, I_FILE, I_DIR };
struct inode {
  enum inode_type type;
  int parent; /* -1 once unlinked */
  int opens;  /* open files on it: an unlinked inode lives until the last is closed */
  char name[NAME_MAX + 1];
  u32 size;
  u32 pages[RAMFS_MAX_PAGES];
};
void ramfs_init(void);
int ramfs_lookup(const char *path);                   /* inode number or -errno */
int ramfs_create(const char *path, enum inode_type t); /* inode number or -errno */
int ramfs_unlink(const char *path, int want_dir);
int ramfs_read(int ino, u32 off, void *dst, u32 n);
int ramfs_write(int ino, u32 off, const void *src, u32 n);
void ramfs_truncate(int ino);
u32 ramfs_pages(void); /* frames holding file data */
void ramfs_open(int ino);
void ramfs_close(int ino);
struct inode *ramfs_inode(int ino);
int ramfs_child(int dir, int after); /* next inode whose parent is dir, after index `after` */
void initrd_load(const u8 *data, u32 size);

struct pipe;
enum file_type { F_NONE = 0, F_CONSOLE, F_INODE, F_PIPE_READ, F_PIPE_WRITE };
struct file {
  enum file_type type;
  int refs;
  int ino;
  u32 off;
  u32 flags;
  struct pipe *pipe;
};
struct file *file_alloc(void);
void file_dup(struct file *f);
void file_close(struct file *f);
int file_read(struct file *f, u32 ubuf, u32 n);
int file_write(struct file *f, u32 ubuf, u32 n);
struct file *console_file(void);
int pipe_new(struct file **r, struct file **w);
int pipe_read(struct pipe *p, u32 ubuf, u32 n);
int pipe_write(struct pipe *p, u32 ubuf, u32 n);
void pipe_close(struct pipe *p, int writer);

/* ---- proc ---- */
#define NPROC 32
#define NOFILE 16
#define KSTACK_SIZE 8192
#define IOBITMAP_PORTS 1024 /* ioperm covers ports 0..1023, as on Linux */
enum proc_state { P_UNUSED = 0, P_RUNNABLE, P_RUNNING, P_SLEEPING, P_ZOMBIE };

struct trapframe;
struct proc {
  enum proc_state state;
  int pid, ppid;
  char name[16];
  u32 pgdir;
  u8 *kstack;
  u32 ctx; /* saved kernel esp (see arch/switch.asm) */
  struct trapframe *tf;
  const void *chan; /* what a sleeping process waits for */
  u32 wake_tick;    /* nanosleep deadline, 0 if none */
  u32 pending;      /* pending signal mask */
  int status;       /* wait status once a zombie */
  u32 brk_start, brk;
  struct file *files[NOFILE];
  u8 iobitmap[IOBITMAP_PORTS / 8];
};
extern struct proc *cur;
extern volatile u32 ticks;
void proc_init(void);
struct proc *proc_first(const char *path);
void sched_yield(void);
void sleep_on(const void *chan); /* returns with the process runnable again */
void wakeup(const void *chan);
void timer_tick(int from_user);
int proc_fork(void);
void proc_exit(int status) __attribute__((noreturn));
int proc_wait4(int pid, u32 ustatus, int options);
int proc_kill(int pid, int sig);
void signal_check(void); /* called before returning to user mode */
int signal_fatal_pending(void);
struct proc *proc_table(void);
void forkret(void);

int exec(const char *path, char *const kargv[], int argc, char *const kenvp[], int envc);
int elf_load(u32 pgdir, int ino, u32 *entry, u32 *image_end);

/* ---- sys ---- */
int syscall_dispatch(struct trapframe *tf);

#endif
