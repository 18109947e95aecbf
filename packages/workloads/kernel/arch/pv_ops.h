/* The seam: every privileged or sensitive operation of the kernel goes through this one table,
 * as Linux's pv_ops do. arch/native.c fills it with the instructions themselves; a paravirtual
 * build fills it with hypercalls instead, and nothing else in the kernel changes. No other kernel
 * file may contain a privileged instruction or inline assembly (test/kernel.test.ts checks). */
#ifndef STRATA_PV_OPS_H
#define STRATA_PV_OPS_H
#include "x86.h"

struct pv_ops {
  const char *name;
  /* CPU tables (LGDT + segment reloads, LIDT, LTR) and the ring-0 stack in the TSS. */
  void (*load_gdt)(const struct gdt_entry *gdt, u32 entries);
  void (*load_idt)(const struct idt_gate *idt, u32 entries);
  void (*load_tr)(u16 selector);
  void (*load_kernel_stack)(u32 esp0);
  void (*set_io_bitmap)(const u8 *bitmap); /* IOBITMAP_PORTS bits, 1 = denied */
  /* MMU: CR0.PG/WP, CR3, INVLPG, PTE writes, CR2. */
  void (*enable_paging)(u32 pgdir);
  void (*write_cr3)(u32 pgdir);
  u32 (*read_cr2)(void);
  void (*invlpg)(u32 va);
  void (*set_pte)(u32 *pte, u32 val);
  /* Interrupt flag: CLI, STI, PUSHF/POPF, STI;HLT. */
  void (*irq_disable)(void);
  void (*irq_enable)(void);
  u32 (*save_flags)(void);
  void (*restore_flags)(u32 flags);
  void (*safe_halt)(void);  /* wait for the next interrupt with interrupts enabled */
  void (*halt)(void) __attribute__((noreturn));
  /* Port I/O: IN/OUT. */
  u8 (*inb)(u16 port);
  void (*outb)(u16 port, u8 val);
  /* Leave the kernel: restore a trap frame and IRET (to ring 3 or back into the kernel). */
  void (*iret)(struct trapframe *tf) __attribute__((noreturn));
};

extern const struct pv_ops *pv;
#endif
