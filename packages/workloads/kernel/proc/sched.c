/* Preemptive round-robin scheduling: the PIT tick (TIMER_HZ) takes the CPU from a process running
 * in user mode; processes in the kernel run until they sleep or return (the kernel runs with
 * interrupts off, except in the idle loop). */
#include "../arch/pv_ops.h"

extern void swtch(u32 *old_esp, u32 new_esp); /* arch/entry.asm */

struct proc *cur;
volatile u32 ticks;
static u8 loaded_iobitmap[IOBITMAP_PORTS / 8];
static int loaded_iobitmap_valid;

/* Make `next` the running process: its ring-0 stack, address space and I/O permissions. */
void switch_to(struct proc *next) {
  struct proc *prev = cur;
  next->state = P_RUNNING;
  if (!loaded_iobitmap_valid || memcmp(loaded_iobitmap, next->iobitmap, sizeof loaded_iobitmap)) {
    memcpy(loaded_iobitmap, next->iobitmap, sizeof loaded_iobitmap);
    loaded_iobitmap_valid = 1;
    pv->set_io_bitmap(next->iobitmap);
  }
  if (next == prev) return;
  cur = next;
  pv->load_kernel_stack((u32)next->kstack + KSTACK_SIZE);
  vm_activate(next->pgdir);
  swtch(&prev->ctx, next->ctx);
}

/* Pick the next runnable process after the current one; halt until an interrupt makes one. The
 * caller has already set cur->state. */
static void schedule(void) {
  struct proc *table = proc_table();
  for (;;) {
    int start = (int)(cur - table);
    for (int i = 1; i <= NPROC; i++) {
      struct proc *p = &table[(start + i) % NPROC];
      if (p->state == P_RUNNABLE) {
        switch_to(p);
        return;
      }
    }
    pv->safe_halt();
  }
}

void sched_yield(void) {
  cur->state = P_RUNNABLE;
  schedule();
}

void sched_exit(void) {
  schedule();
  panic("a zombie was scheduled");
}

void sleep_on(const void *chan) {
  cur->chan = chan;
  cur->state = P_SLEEPING;
  schedule();
  cur->chan = NULL;
}

void wakeup(const void *chan) {
  struct proc *table = proc_table();
  for (int i = 0; i < NPROC; i++)
    if (table[i].state == P_SLEEPING && table[i].chan == chan) table[i].state = P_RUNNABLE;
}

void timer_tick(int from_user) {
  ticks++;
  wakeup((const void *)&ticks);
  if (from_user && cur->state == P_RUNNING) sched_yield();
}

/* ioperm changed the current process's bitmap: load it now. */
void io_bitmap_reload(void) {
  memcpy(loaded_iobitmap, cur->iobitmap, sizeof loaded_iobitmap);
  loaded_iobitmap_valid = 1;
  pv->set_io_bitmap(cur->iobitmap);
}
