/* The native implementation of the seam (arch/pv_ops.h): the privileged instructions themselves.
 * This is the only kernel file with inline assembly or privileged instructions; a paravirtual
 * build replaces this file (and only this file) with one that makes hypercalls. */
#include "pv_ops.h"

extern struct tss kernel_tss; /* arch/gdt.c */

struct __attribute__((packed)) pseudo_descriptor {
  u16 limit;
  u32 base;
};

static void native_load_gdt(const struct gdt_entry *gdt, u32 entries) {
  struct pseudo_descriptor d = {(u16)(entries * 8 - 1), (u32)gdt};
  __asm__ volatile("lgdt %0\n"
                   "ljmp $0x08, $1f\n"
                   "1: movw $0x10, %%ax\n"
                   "movw %%ax, %%ds\n movw %%ax, %%es\n movw %%ax, %%ss\n"
                   "movw %%ax, %%fs\n movw %%ax, %%gs\n"
                   :
                   : "m"(d)
                   : "eax", "memory");
}

static void native_load_idt(const struct idt_gate *idt, u32 entries) {
  struct pseudo_descriptor d = {(u16)(entries * 8 - 1), (u32)idt};
  __asm__ volatile("lidt %0" : : "m"(d) : "memory");
}

static void native_load_tr(u16 selector) { __asm__ volatile("ltr %0" : : "r"(selector)); }

static void native_load_kernel_stack(u32 esp0) { kernel_tss.esp0 = esp0; }

static void native_set_io_bitmap(const u8 *bitmap) {
  memcpy(kernel_tss.iomap, bitmap, sizeof kernel_tss.iomap);
}

static void native_enable_paging(u32 pgdir) {
  u32 cr0;
  __asm__ volatile("movl %0, %%cr3" : : "r"(pgdir) : "memory");
  __asm__ volatile("movl %%cr0, %0" : "=r"(cr0));
  cr0 |= 0x80000000u | 0x00010000u; /* CR0.PG, and CR0.WP so ring 0 honours read-only (CoW) pages */
  __asm__ volatile("movl %0, %%cr0" : : "r"(cr0) : "memory");
}

static void native_write_cr3(u32 pgdir) { __asm__ volatile("movl %0, %%cr3" : : "r"(pgdir) : "memory"); }

static u32 native_read_cr2(void) {
  u32 v;
  __asm__ volatile("movl %%cr2, %0" : "=r"(v));
  return v;
}

static void native_invlpg(u32 va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }

/* A PTE store is an ordinary store natively; Xen validates it in mmu_update instead. */
static void native_set_pte(u32 *pte, u32 val) { *(volatile u32 *)pte = val; }

static void native_irq_disable(void) { __asm__ volatile("cli" : : : "memory"); }
static void native_irq_enable(void) { __asm__ volatile("sti" : : : "memory"); }

static u32 native_save_flags(void) {
  u32 f;
  __asm__ volatile("pushfl\n popl %0" : "=r"(f) : : "memory");
  return f;
}

static void native_restore_flags(u32 f) { __asm__ volatile("pushl %0\n popfl" : : "r"(f) : "memory", "cc"); }

/* STI's one-instruction interrupt shadow makes "sti; hlt" race-free (SDM Vol. 2 STI). */
static void native_safe_halt(void) { __asm__ volatile("sti\n hlt\n cli" : : : "memory"); }

static __attribute__((noreturn)) void native_halt(void) {
  for (;;) __asm__ volatile("cli\n hlt");
}

static u8 native_inb(u16 port) {
  u8 v;
  __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
  return v;
}

static void native_outb(u16 port, u8 val) { __asm__ volatile("outb %0, %1" : : "a"(val), "Nd"(port)); }

static __attribute__((noreturn)) void native_iret(struct trapframe *tf) {
  __asm__ volatile("movl %0, %%esp\n"
                   "popal\n"
                   "popl %%gs\n popl %%fs\n popl %%es\n popl %%ds\n"
                   "addl $8, %%esp\n" /* trapno, err */
                   "iret"
                   :
                   : "r"(tf)
                   : "memory");
  __builtin_unreachable();
}

static const struct pv_ops native_ops = {
    .name = "native",
    .load_gdt = native_load_gdt,
    .load_idt = native_load_idt,
    .load_tr = native_load_tr,
    .load_kernel_stack = native_load_kernel_stack,
    .set_io_bitmap = native_set_io_bitmap,
    .enable_paging = native_enable_paging,
    .write_cr3 = native_write_cr3,
    .read_cr2 = native_read_cr2,
    .invlpg = native_invlpg,
    .set_pte = native_set_pte,
    .irq_disable = native_irq_disable,
    .irq_enable = native_irq_enable,
    .save_flags = native_save_flags,
    .restore_flags = native_restore_flags,
    .safe_halt = native_safe_halt,
    .halt = native_halt,
    .inb = native_inb,
    .outb = native_outb,
    .iret = native_iret,
};

const struct pv_ops *pv = &native_ops;
