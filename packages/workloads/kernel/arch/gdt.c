/* The flat GDT (SDM Vol. 3 §3.4.5): kernel and user code/data over 4 GiB, and one TSS that holds
 * the ring-0 stack for ring changes and the I/O permission bitmap (§7.2.1, §18.5.2). */
#include "pv_ops.h"

struct tss kernel_tss;
static struct gdt_entry gdt[6];

static void gdt_set(int i, u32 base, u32 limit, u8 access, u8 flags) {
  gdt[i].limit_lo = (u16)(limit & 0xFFFF);
  gdt[i].base_lo = (u16)(base & 0xFFFF);
  gdt[i].base_mid = (u8)((base >> 16) & 0xFF);
  gdt[i].access = access;
  gdt[i].flags_limit_hi = (u8)((flags << 4) | ((limit >> 16) & 0x0F));
  gdt[i].base_hi = (u8)(base >> 24);
}

void gdt_init(void) {
  gdt_set(1, 0, 0xFFFFF, 0x9A, 0xC); /* ring-0 code: present, DPL 0, execute/read; G=1, D=1 */
  gdt_set(2, 0, 0xFFFFF, 0x92, 0xC); /* ring-0 data */
  gdt_set(3, 0, 0xFFFFF, 0xFA, 0xC); /* ring-3 code */
  gdt_set(4, 0, 0xFFFFF, 0xF2, 0xC); /* ring-3 data */
  kernel_tss.ss0 = SEG_KDATA;
  kernel_tss.iomap_base = (u16)__builtin_offsetof(struct tss, iomap);
  memset(kernel_tss.iomap, 0xFF, sizeof kernel_tss.iomap);
  kernel_tss.iomap_end = 0xFF;
  gdt_set(5, (u32)&kernel_tss, sizeof kernel_tss - 1, 0x89, 0x0); /* available 32-bit TSS */
  pv->load_gdt(gdt, 6);
  pv->load_tr(SEG_TSS);
}
