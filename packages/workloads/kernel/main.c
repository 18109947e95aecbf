/* kmain: from the Multiboot hand-off to the first user process. */
#include "arch/pv_ops.h"

#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002u
#define MBI_FLAG_MEM (1u << 0)
#define MBI_FLAG_MODS (1u << 3)

/* Multiboot Specification 0.6.96 §3.3 (the fields we use). */
struct multiboot_info {
  u32 flags, mem_lower, mem_upper, boot_device, cmdline, mods_count, mods_addr;
};
struct multiboot_module {
  u32 mod_start, mod_end, string, reserved;
};

extern u8 kernel_end[]; /* kernel.ld */
void proc_start_init(const char *path) __attribute__((noreturn));

/* A seam that leaves an operation out would jump to address 0 on first use; say so at boot. */
static void check_seam(void) {
  const void *const *op = (const void *const *)&pv->load_gdt;
  const void *const *end = (const void *const *)(pv + 1);
  for (; op < end; op++)
    if (!*op) panic("the %s seam leaves operation %u of struct pv_ops empty", pv->name, (u32)(op - (const void *const *)&pv->load_gdt));
}

void kmain(u32 magic, const struct multiboot_info *mbi) {
  pv->irq_disable(); /* Multiboot promises IF = 0; the kernel runs so until its first process */
  serial_init();
  check_seam();
  kprintf("strata-kernel: booting with the %s seam\n", pv->name);
  if (magic != MULTIBOOT_BOOTLOADER_MAGIC) panic("not loaded by a Multiboot loader (magic 0x%x)", magic);
  if (!(mbi->flags & MBI_FLAG_MEM)) panic("the loader gave no memory size");
  if (!(mbi->flags & MBI_FLAG_MODS) || mbi->mods_count < 1) panic("no initrd module (qemu -initrd)");
  const struct multiboot_module *mod = (const struct multiboot_module *)mbi->mods_addr;
  u32 first_free = (u32)kernel_end;
  if (mod->mod_end > first_free) first_free = mod->mod_end;
  /* Frames start at the next MiB, so the counts below do not move with every byte of the initrd. */
  first_free = (first_free + 0xFFFFFu) & ~0xFFFFFu;
  u32 mem_end = 0x100000u + mbi->mem_upper * 1024u;
  gdt_init();
  idt_init();
  pic_init();
  frames_init(first_free, mem_end);
  vm_init();
  frames_at_boot = frames_free_count();
  kprintf("strata-kernel: %u KiB of RAM, %u free frames, paging on\n", mem_end / 1024, frames_at_boot);
  ramfs_init();
  initrd_load((const u8 *)mod->mod_start, mod->mod_end - mod->mod_start);
  pit_init(TIMER_HZ);
  pic_unmask(4); /* COM1 receive */
  proc_start_init("/sbin/init");
}
