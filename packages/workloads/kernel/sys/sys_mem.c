/* Memory system calls: brk, mmap2 (anonymous), munmap, mprotect, and ioperm. */
#include "syscall.h"

#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_FIXED 0x10
#define MAP_ANONYMOUS 0x20
#define ENODEV 19

void io_bitmap_reload(void);

SYSCALL_DEFINE(brk) {
  u32 want = a1;
  if (want < cur->brk_start || want > MMAP_BASE) return (int)cur->brk; /* Linux returns the old break */
  u32 old_top = PAGE_ROUND_UP(cur->brk), new_top = PAGE_ROUND_UP(want);
  if (new_top > old_top) {
    if (!vm_range_free(cur->pgdir, old_top, new_top)) return (int)cur->brk;
    if (vm_reserve(cur->pgdir, old_top, new_top, 1) < 0) {
      vm_unmap(cur->pgdir, old_top, new_top);
      return (int)cur->brk;
    }
  } else if (new_top < old_top) {
    vm_unmap(cur->pgdir, new_top, old_top);
  }
  cur->brk = want;
  return (int)want;
}

static int range_ok(u32 addr, u32 len) {
  return (addr & 0xFFF) == 0 && addr >= USER_BASE && addr + len >= addr && addr + len <= USER_TOP;
}

SYSCALL_DEFINE(mmap2) {
  u32 addr = a1, len = PAGE_ROUND_UP(a2), prot = a3, flags = a4;
  if (!(flags & MAP_ANONYMOUS)) return -ENODEV; /* file mappings are not implemented */
  if (a2 == 0 || len < a2) return -EINVAL;
  if (flags & MAP_FIXED) {
    if (!range_ok(addr, len)) return -EINVAL;
    vm_unmap(cur->pgdir, addr, addr + len);
  } else {
    /* first fit above MMAP_BASE, below the stack */
    u32 limit = USER_TOP - USER_STACK_SIZE, a = MMAP_BASE, found = 0;
    while (!found && a + len <= limit && a + len > a) {
      u32 used = vm_first_used(cur->pgdir, a, a + len);
      if (used) a = used + PAGE_SIZE;
      else found = 1;
    }
    if (!found) return -ENOMEM;
    addr = a;
  }
  int r = vm_reserve(cur->pgdir, addr, addr + len, (prot & PROT_WRITE) != 0);
  if (r == 0 && !(prot & (PROT_READ | PROT_WRITE))) r = vm_protect(cur->pgdir, addr, addr + len, 0);
  if (r < 0) {
    vm_unmap(cur->pgdir, addr, addr + len);
    return r;
  }
  return (int)addr;
}

SYSCALL_DEFINE(munmap) {
  u32 len = PAGE_ROUND_UP(a2);
  if (!range_ok(a1, len) || a2 == 0) return -EINVAL;
  vm_unmap(cur->pgdir, a1, a1 + len);
  return 0;
}

SYSCALL_DEFINE(mprotect) {
  u32 len = PAGE_ROUND_UP(a2);
  if (!range_ok(a1, len) || (a3 & ~7u)) return -EINVAL;
  return vm_protect(cur->pgdir, a1, a1 + len, (int)(a3 & (PROT_READ | PROT_WRITE)));
}

SYSCALL_DEFINE(ioperm) {
  u32 from = a1, num = a2;
  if (from + num < from || from + num > IOBITMAP_PORTS) return -EINVAL;
  for (u32 port = from; port < from + num; port++) {
    if (a3) cur->iobitmap[port / 8] &= (u8) ~(1u << (port % 8));
    else cur->iobitmap[port / 8] |= (u8)(1u << (port % 8));
  }
  io_bitmap_reload();
  return 0;
}
