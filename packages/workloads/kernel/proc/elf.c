/* Loads the PT_LOAD segments of a static ELF32 i386 executable (System V ABI, Intel386
 * supplement) from the RAM file system into a new address space. */
#include "../arch/pv_ops.h"

struct elf32_ehdr {
  u8 e_ident[16];
  u16 e_type, e_machine;
  u32 e_version, e_entry, e_phoff, e_shoff, e_flags;
  u16 e_ehsize, e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx;
};

struct elf32_phdr {
  u32 p_type, p_offset, p_vaddr, p_paddr, p_filesz, p_memsz, p_flags, p_align;
};

#define ET_EXEC 2
#define EM_386 3
#define PT_LOAD 1
#define PF_W 2

int elf_load(u32 pgdir, int ino, u32 *entry, u32 *image_end) {
  struct elf32_ehdr eh;
  if (ramfs_read(ino, 0, &eh, sizeof eh) != (int)sizeof eh) return -ENOEXEC;
  if (eh.e_ident[0] != 0x7F || eh.e_ident[1] != 'E' || eh.e_ident[2] != 'L' || eh.e_ident[3] != 'F')
    return -ENOEXEC;
  if (eh.e_ident[4] != 1 || eh.e_ident[5] != 1 || eh.e_type != ET_EXEC || eh.e_machine != EM_386 ||
      eh.e_phentsize != sizeof(struct elf32_phdr))
    return -ENOEXEC;
  u32 end = 0;
  for (u32 i = 0; i < eh.e_phnum; i++) {
    struct elf32_phdr ph;
    if (ramfs_read(ino, eh.e_phoff + i * sizeof ph, &ph, sizeof ph) != (int)sizeof ph) return -ENOEXEC;
    if (ph.p_type != PT_LOAD) continue;
    u32 seg_end = ph.p_vaddr + ph.p_memsz;
    if (ph.p_memsz < ph.p_filesz || ph.p_vaddr < USER_BASE || seg_end < ph.p_vaddr ||
        seg_end > USER_TOP - USER_STACK_SIZE)
      return -ENOEXEC;
    for (u32 va = PAGE_ROUND_DOWN(ph.p_vaddr); va < seg_end; va += PAGE_SIZE) {
      u32 *pte = vm_pte(pgdir, va, 1);
      if (!pte) return -ENOMEM;
      u32 w = (ph.p_flags & PF_W) ? PTE_W : 0;
      if (*pte & PTE_P) { /* a page two segments share */
        pv->set_pte(pte, *pte | w);
        continue;
      }
      u32 f = frame_alloc();
      if (!f) return -ENOMEM;
      pv->set_pte(pte, f | PTE_P | PTE_U | w);
    }
    for (u32 off = 0; off < ph.p_filesz;) {
      u32 va = ph.p_vaddr + off;
      u32 chunk = PAGE_SIZE - (va & 0xFFF);
      if (chunk > ph.p_filesz - off) chunk = ph.p_filesz - off;
      u32 *pte = vm_pte(pgdir, va, 0);
      if (ramfs_read(ino, ph.p_offset + off, (void *)(PTE_FRAME(*pte) + (va & 0xFFF)), chunk) != (int)chunk)
        return -ENOEXEC;
      off += chunk;
    }
    if (seg_end > end) end = seg_end;
  }
  if (!end) return -ENOEXEC;
  *entry = eh.e_entry;
  *image_end = end;
  return 0;
}
