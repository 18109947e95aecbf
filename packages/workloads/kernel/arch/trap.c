/* Every entry into the kernel lands here: system calls, hardware interrupts and exceptions. A
 * fault in user mode that paging cannot resolve kills the process with a report (vector, error
 * code, CR2) and the kernel goes on; a fault in the kernel is a panic. */
#include "pv_ops.h"

static const char *const exception_names[32] = {
    "#DE divide error", "#DB debug", "NMI", "#BP breakpoint", "#OF overflow", "#BR bound range",
    "#UD invalid opcode", "#NM device not available", "#DF double fault", "coprocessor overrun",
    "#TS invalid TSS", "#NP segment not present", "#SS stack fault", "#GP general protection",
    "#PF page fault", "reserved", "#MF x87 error", "#AC alignment check", "#MC machine check",
    "#XM SIMD error", "#VE virtualization", "#CP control protection",
};

static const char *signal_name(int sig) {
  switch (sig) {
  case SIGILL: return "SIGILL";
  case SIGFPE: return "SIGFPE";
  case SIGSEGV: return "SIGSEGV";
  default: return "signal";
  }
}

/* The POSIX mapping Linux uses (arch/x86/kernel/traps.c). */
static int exception_signal(u32 vector) {
  switch (vector) {
  case 0: return SIGFPE;  /* #DE */
  case 16: return SIGFPE; /* #MF */
  case 19: return SIGFPE; /* #XM */
  case 6: return SIGILL;  /* #UD */
  default: return SIGSEGV;
  }
}

static void exception(struct trapframe *tf, int from_user) {
  u32 v = tf->trapno;
  u32 cr2 = 0;
  const char *name = v < 32 && exception_names[v] ? exception_names[v] : "exception";
  if (v == 14) {
    cr2 = pv->read_cr2();
    /* Demand-zero pages, copy-on-write and the kernel touching user memory all resolve here. */
    if (cr2 >= USER_BASE && cr2 < USER_TOP && cur && vm_resolve(cur->pgdir, cr2, (tf->err & 2) != 0) == 0)
      return;
  }
  if (!from_user) {
    if (v == 14)
      panic("%s (vector %u) in the kernel: error 0x%x cr2 0x%x eip 0x%x", name, v, tf->err, cr2, tf->eip);
    panic("%s (vector %u) in the kernel: error 0x%x eip 0x%x", name, v, tf->err, tf->eip);
  }
  int sig = exception_signal(v);
  if (v == 14)
    kprintf("[kernel] pid %d (%s): %s, vector %u, error 0x%x, cr2 0x%x, eip 0x%x: killed by %s\n", cur->pid,
            cur->name, name, v, tf->err, cr2, tf->eip, signal_name(sig));
  else
    kprintf("[kernel] pid %d (%s): %s, vector %u, error 0x%x, eip 0x%x: killed by %s\n", cur->pid, cur->name,
            name, v, tf->err, tf->eip, signal_name(sig));
  proc_exit(sig); /* wait status of a signal death: the signal number */
}

void trap(struct trapframe *tf) {
  int from_user = (tf->cs & 3) == 3;
  if (from_user) cur->tf = tf;
  if (tf->trapno == 0x80) {
    tf->eax = (u32)syscall_dispatch(tf);
  } else if (tf->trapno >= 32 && tf->trapno < 48) {
    int irq = (int)tf->trapno - 32;
    if (irq == 7 || irq == 15) {
      /* possibly spurious (8259A datasheet): no EOI for a spurious IRQ 7 */
      if (irq == 15) pic_eoi(2);
    } else {
      pic_eoi(irq);
      if (irq == 0) timer_tick(from_user);
      else if (irq == 4) serial_irq();
    }
  } else {
    exception(tf, from_user);
  }
  if (from_user) signal_check();
  pv->iret(tf);
}
