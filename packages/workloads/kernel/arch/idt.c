/* The IDT (SDM Vol. 3 §6.10-6.11): exceptions 0-31, the remapped PIC lines 32-47 and the Linux
 * system-call gate 0x80. All are interrupt gates, so the kernel always runs with IF clear and is
 * never preempted; only the gate for int 0x80 may be reached from ring 3 (DPL 3). */
#include "pv_ops.h"

extern const u32 trap_vectors[49]; /* arch/entry.asm: 0..47, then 0x80 */
static struct idt_gate idt[256];

static void idt_set(int v, u32 handler, u8 dpl) {
  idt[v].offset_lo = (u16)(handler & 0xFFFF);
  idt[v].selector = SEG_KCODE;
  idt[v].zero = 0;
  idt[v].type_attr = (u8)(0x80 | (dpl << 5) | 0x0E); /* present, 32-bit interrupt gate */
  idt[v].offset_hi = (u16)(handler >> 16);
}

void idt_init(void) {
  for (int v = 0; v < 48; v++) idt_set(v, trap_vectors[v], 0);
  idt_set(0x80, trap_vectors[48], 3);
  pv->load_idt(idt, 256);
}
