/* The process table: creation of the first process, fork (copy-on-write address spaces), exit
 * (zombies keep their page directory and kernel stack until reaped) and wait4. */
#include "../arch/pv_ops.h"

static struct proc procs[NPROC];
static u8 kstacks[NPROC][KSTACK_SIZE] __attribute__((aligned(16)));
static int next_pid = 1;

void switch_to(struct proc *next);
void sched_exit(void) __attribute__((noreturn));

struct proc *proc_table(void) { return procs; }

/* A new process's kernel stack: a trap frame at the top and, below it, the frame swtch pops so
 * that the first switch to it "returns" into forkret, which leaves for user mode. */
static struct proc *proc_alloc(void) {
  for (int i = 0; i < NPROC; i++) {
    struct proc *p = &procs[i];
    if (p->state != P_UNUSED) continue;
    memset(p, 0, sizeof *p);
    p->state = P_SLEEPING; /* not yet runnable */
    p->pid = next_pid++;
    p->kstack = kstacks[i];
    memset(p->iobitmap, 0xFF, sizeof p->iobitmap);
    u32 sp = (u32)p->kstack + KSTACK_SIZE - sizeof(struct trapframe);
    p->tf = (struct trapframe *)sp;
    sp -= 4;
    *(u32 *)sp = (u32)forkret;
    sp -= 16; /* edi, esi, ebx, ebp */
    memset((void *)sp, 0, 16);
    p->ctx = sp;
    return p;
  }
  return NULL;
}

void forkret(void) { pv->iret(cur->tf); }

static struct proc *proc_find(int pid) {
  for (int i = 0; i < NPROC; i++)
    if (procs[i].state != P_UNUSED && procs[i].pid == pid) return &procs[i];
  return NULL;
}

void proc_set_name(struct proc *p, const char *path) {
  const char *base = path;
  for (const char *s = path; *s; s++)
    if (*s == '/') base = s + 1;
  u32 i = 0;
  for (; base[i] && i < sizeof p->name - 1; i++) p->name[i] = base[i];
  p->name[i] = 0;
}

/* Boot: make process 1 from an executable of the ramdisk and leave for user mode. */
void proc_start_init(const char *path) {
  struct proc *p = proc_alloc();
  p->pgdir = vm_new_pgdir();
  proc_set_name(p, path);
  for (int fd = 0; fd < 3; fd++) {
    p->files[fd] = console_file();
    file_dup(p->files[fd]);
  }
  cur = p;
  switch_to(p); /* same process: loads nothing but its I/O bitmap */
  pv->load_kernel_stack((u32)p->kstack + KSTACK_SIZE);
  vm_activate(p->pgdir);
  char *argv[] = {(char *)path, NULL};
  int r = exec(path, argv, 1, NULL, 0);
  if (r < 0) panic("cannot execute %s: error %d", path, r);
  pv->iret(p->tf);
}

int proc_fork(void) {
  struct proc *p = proc_alloc();
  if (!p) return -EAGAIN;
  p->pgdir = vm_fork(cur->pgdir);
  if (!p->pgdir) {
    p->state = P_UNUSED;
    return -ENOMEM;
  }
  *p->tf = *cur->tf;
  p->tf->eax = 0; /* the child's fork() returns 0 */
  p->ppid = cur->pid;
  memcpy(p->name, cur->name, sizeof p->name);
  p->brk_start = cur->brk_start;
  p->brk = cur->brk;
  memcpy(p->iobitmap, cur->iobitmap, sizeof p->iobitmap);
  for (int fd = 0; fd < NOFILE; fd++)
    if ((p->files[fd] = cur->files[fd])) file_dup(p->files[fd]);
  p->state = P_RUNNABLE;
  return p->pid;
}

/* wstatus is already in wait(2) form: (code << 8) for exit, the signal number for a kill. */
void proc_exit(int wstatus) {
  if (cur->pid == 1) {
    /* What init held goes back first; then every frame not free must be a page of the RAM file
     * system or init's page directory. Two separate books (the free stack and the inodes' page
     * lists) have to agree, or the run leaked. */
    for (int fd = 0; fd < NOFILE; fd++)
      if (cur->files[fd]) file_close(cur->files[fd]);
    vm_free_user(cur->pgdir);
    int leaked = (int)frames_at_boot - (int)frames_free_count() - (int)ramfs_pages() - 1;
    if ((wstatus & 0x7F) == 0) {
      kprintf("[kernel] init exited with status %d; %d frames leaked; powering off\n", (wstatus >> 8) & 0xFF, leaked);
      debug_exit((u32)(wstatus >> 8) & 0xFF);
    }
    kprintf("[kernel] init killed by signal %d; %d frames leaked; powering off\n", wstatus & 0x7F, leaked);
    debug_exit(0x7E);
  }
  for (int fd = 0; fd < NOFILE; fd++)
    if (cur->files[fd]) {
      file_close(cur->files[fd]);
      cur->files[fd] = NULL;
    }
  vm_free_user(cur->pgdir);
  struct proc *init = proc_find(1);
  for (int i = 0; i < NPROC; i++)
    if (procs[i].state != P_UNUSED && procs[i].ppid == cur->pid) {
      procs[i].ppid = 1; /* orphans go to init (pid_namespaces(7)) */
      if (procs[i].state == P_ZOMBIE) wakeup(init);
    }
  cur->status = wstatus;
  cur->state = P_ZOMBIE;
  struct proc *parent = proc_find(cur->ppid);
  if (parent) wakeup(parent); /* SIGCHLD's default action is to ignore it */
  sched_exit();
}

#define WNOHANG 1

int proc_wait4(int pid, u32 ustatus, int options) {
  if (ustatus && !uaccess_ok(ustatus, 4, 1)) return -EFAULT;
  for (;;) {
    int have = 0;
    for (int i = 0; i < NPROC; i++) {
      struct proc *p = &procs[i];
      if (p->state == P_UNUSED || p->ppid != cur->pid) continue;
      if (pid > 0 && p->pid != pid) continue;
      have = 1;
      if (p->state != P_ZOMBIE) continue;
      int r = p->pid;
      if (ustatus) *(u32 *)ustatus = (u32)p->status;
      vm_free_pgdir(p->pgdir);
      p->state = P_UNUSED;
      return r;
    }
    if (!have) return -ECHILD;
    if (options & WNOHANG) return 0;
    if (signal_fatal_pending()) return -EINTR;
    sleep_on(cur);
  }
}

/* Default actions only: SIGCHLD is ignored, every other signal terminates. */
#define FATAL_SIGNALS (~((1u << SIGCHLD) | 1u))

int proc_kill(int pid, int sig) {
  if (sig < 0 || sig >= NSIG) return -EINVAL;
  struct proc *p = proc_find(pid);
  if (!p) return -ESRCH;
  if (sig == 0 || sig == SIGCHLD || p->state == P_ZOMBIE) return 0; /* a zombie accepts and ignores */
  /* init has no handlers, so it ignores every signal, SIGKILL included (pid_namespaces(7)) */
  if (p->pid == 1) return 0;
  p->pending |= 1u << sig;
  if (p->state == P_SLEEPING) p->state = P_RUNNABLE; /* interrupt the sleep: it returns -EINTR */
  return 0;
}

int signal_fatal_pending(void) { return (cur->pending & FATAL_SIGNALS) != 0; }

void signal_check(void) {
  u32 fatal = cur->pending & FATAL_SIGNALS;
  if (!fatal) return;
  int sig = (fatal & (1u << SIGKILL)) ? SIGKILL : __builtin_ctz(fatal);
  proc_exit(sig);
}
