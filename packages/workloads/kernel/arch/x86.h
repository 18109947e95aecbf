/* IA-32 structures the kernel shares with the hardware (SDM Vol. 3 §3.4.5, §6.11, §7.2.1). */
#ifndef STRATA_X86_H
#define STRATA_X86_H
#include "../kernel.h"

#define SEG_KCODE 0x08
#define SEG_KDATA 0x10
#define SEG_UCODE 0x1B /* GDT entry 3, RPL 3 */
#define SEG_UDATA 0x23 /* GDT entry 4, RPL 3 */
#define SEG_TSS 0x28

#define EFLAGS_IF 0x200u

/* The frame the entry stubs (arch/entry.asm) build: pusha, segment registers, vector, error code,
 * then what the CPU pushed (esp/ss only on a ring change). */
struct trapframe {
  u32 edi, esi, ebp, oesp, ebx, edx, ecx, eax;
  u32 gs, fs, es, ds;
  u32 trapno, err;
  u32 eip, cs, eflags;
  u32 esp, ss;
};

struct gdt_entry {
  u16 limit_lo, base_lo;
  u8 base_mid, access, flags_limit_hi, base_hi;
} __attribute__((packed));

struct idt_gate {
  u16 offset_lo, selector;
  u8 zero, type_attr;
  u16 offset_hi;
} __attribute__((packed));

/* 32-bit TSS (SDM Vol. 3 Figure 7-2) followed by the I/O permission bitmap (§18.5.2): bits for
 * ports 0..IOBITMAP_PORTS-1 and the mandatory all-ones byte; ports past the limit fault. */
struct tss {
  u32 link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
  u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
  u32 es, cs, ss, ds, fs, gs, ldt;
  u16 trap, iomap_base;
  u8 iomap[IOBITMAP_PORTS / 8];
  u8 iomap_end;
} __attribute__((packed));

void gdt_init(void);
void idt_init(void);
void trap(struct trapframe *tf);
#endif
