/* Two-level IA-32 paging (SDM Vol. 3 §4.3), one page directory per process. The low 64 MiB are
 * identity-mapped for the kernel (supervisor only, page 0 left out to catch null pointers) by page
 * tables every directory shares; user space is USER_BASE..USER_TOP. Every PTE store goes through
 * pv->set_pte. Software bits describe pages that are reserved but not yet present: demand-zero
 * (PTE_LAZY), copy-on-write (PTE_COW) and PROT_NONE (PTE_NONE). */
#include "../arch/pv_ops.h"

#define PDE_INDEX(va) ((va) >> 22)
#define PTE_INDEX(va) (((va) >> 12) & 1023)
#define KERNEL_PDES (KERNEL_MAP_LIMIT >> 22)

static u32 kernel_pgdir;
static u32 active_pgdir;

/* Does this PTE hold a frame (present, or PROT_NONE with its frame kept)? */
static int pte_has_frame(u32 e) { return (e & PTE_P) || ((e & PTE_NONE) && !(e & PTE_LAZY)); }

/* The TLB caches only present translations (SDM Vol. 3 §4.10.2.3), so only a PTE that was present
 * needs an INVLPG: reserving lazy pages costs no flush. */
static void pte_write(u32 pgdir, u32 *pte, u32 va, u32 val) {
  u32 old = *pte;
  pv->set_pte(pte, val);
  if ((old & PTE_P) && pgdir == active_pgdir) pv->invlpg(va);
}

/* The first page in [start, end) with a non-zero PTE, or 0; absent page tables are skipped whole. */
u32 vm_first_used(u32 pgdir, u32 start, u32 end) {
  for (u32 va = start; va < end && va >= start;) {
    if (!(((u32 *)pgdir)[PDE_INDEX(va)] & PTE_P)) {
      va = (va & ~0x3FFFFFu) + 0x400000u;
      continue;
    }
    if (*vm_pte(pgdir, va, 0)) return va;
    va += PAGE_SIZE;
  }
  return 0;
}

void vm_init(void) {
  kernel_pgdir = frame_alloc();
  u32 *pd = (u32 *)kernel_pgdir;
  for (u32 i = 0; i < KERNEL_PDES; i++) {
    u32 pt = frame_alloc();
    for (u32 j = 0; j < 1024; j++) {
      u32 pa = (i * 1024 + j) * PAGE_SIZE;
      pv->set_pte(&((u32 *)pt)[j], pa ? pa | PTE_P | PTE_W : 0);
    }
    pv->set_pte(&pd[i], pt | PTE_P | PTE_W);
  }
  active_pgdir = kernel_pgdir;
  pv->enable_paging(kernel_pgdir);
}

void vm_activate(u32 pgdir) {
  if (pgdir == active_pgdir) return;
  active_pgdir = pgdir;
  pv->write_cr3(pgdir);
}

u32 vm_new_pgdir(void) {
  u32 pgdir = frame_alloc();
  if (!pgdir) return 0;
  for (u32 i = 0; i < KERNEL_PDES; i++) pv->set_pte(&((u32 *)pgdir)[i], ((u32 *)kernel_pgdir)[i]);
  return pgdir;
}

u32 *vm_pte(u32 pgdir, u32 va, int create) {
  u32 *pde = &((u32 *)pgdir)[PDE_INDEX(va)];
  if (!(*pde & PTE_P)) {
    if (!create) return NULL;
    u32 pt = frame_alloc();
    if (!pt) return NULL;
    pv->set_pte(pde, pt | PTE_P | PTE_W | PTE_U);
  }
  return &((u32 *)PTE_FRAME(*pde))[PTE_INDEX(va)];
}

int vm_resolve(u32 pgdir, u32 va, int write) {
  va = PAGE_ROUND_DOWN(va);
  if (va < USER_BASE || va >= USER_TOP) return -1;
  u32 *pte = vm_pte(pgdir, va, 0);
  if (!pte) return -1;
  u32 e = *pte;
  if (e & PTE_P) {
    if (!write || (e & PTE_W)) return 0;
    if (!(e & PTE_COW)) return -1;
    u32 pa = PTE_FRAME(e);
    if (frame_refcount(pa) == 1) { /* the other sharers are gone: take the page over */
      pte_write(pgdir, pte, va, (e & ~PTE_COW) | PTE_W);
      return 0;
    }
    u32 copy = frame_alloc();
    if (!copy) return -1;
    memcpy((void *)copy, (void *)pa, PAGE_SIZE);
    frame_unref(pa);
    pte_write(pgdir, pte, va, copy | ((e & 0xFFF) & ~PTE_COW) | PTE_W);
    return 0;
  }
  if ((e & PTE_LAZY) && !(e & PTE_NONE)) {
    if (write && !(e & PTE_W)) return -1;
    u32 f = frame_alloc();
    if (!f) return -1;
    pte_write(pgdir, pte, va, f | PTE_P | PTE_U | (e & PTE_W));
    return 0;
  }
  return -1;
}

int vm_reserve(u32 pgdir, u32 start, u32 end, int writable) {
  for (u32 va = start; va < end; va += PAGE_SIZE) {
    u32 *pte = vm_pte(pgdir, va, 1);
    if (!pte) return -ENOMEM;
    pte_write(pgdir, pte, va, PTE_LAZY | PTE_U | (writable ? PTE_W : 0));
  }
  return 0;
}

void vm_unmap(u32 pgdir, u32 start, u32 end) {
  for (u32 va = vm_first_used(pgdir, start, end); va; va = vm_first_used(pgdir, va + PAGE_SIZE, end)) {
    u32 *pte = vm_pte(pgdir, va, 0);
    if (pte_has_frame(*pte)) frame_unref(PTE_FRAME(*pte));
    pte_write(pgdir, pte, va, 0);
  }
}

int vm_range_free(u32 pgdir, u32 start, u32 end) { return vm_first_used(pgdir, start, end) == 0; }

/* prot: bit 0 PROT_READ, bit 1 PROT_WRITE (PROT_EXEC is implied by read on IA-32 without NX). */
int vm_protect(u32 pgdir, u32 start, u32 end, int prot) {
  for (u32 va = start; va < end; va += PAGE_SIZE) {
    u32 *pte = vm_pte(pgdir, va, 0);
    if (!pte || !*pte) return -ENOMEM; /* Linux: part of the range is not mapped */
  }
  for (u32 va = start; va < end; va += PAGE_SIZE) {
    u32 *pte = vm_pte(pgdir, va, 0);
    u32 e = *pte, n;
    if (pte_has_frame(e)) {
      u32 f = PTE_FRAME(e);
      if (!(prot & 3)) n = f | PTE_NONE | PTE_U;
      else if (!(prot & 2)) n = f | PTE_P | PTE_U;
      else if (frame_refcount(f) > 1) n = f | PTE_P | PTE_U | PTE_COW; /* still shared */
      else n = f | PTE_P | PTE_U | PTE_W;
    } else {
      n = PTE_LAZY | PTE_U | (!(prot & 3) ? PTE_NONE : (prot & 2) ? PTE_W : 0);
    }
    if (n != e) pte_write(pgdir, pte, va, n);
  }
  return 0;
}

u32 vm_fork(u32 pgdir) {
  u32 child = vm_new_pgdir();
  if (!child) return 0;
  u32 *pd = (u32 *)pgdir, *cpd = (u32 *)child;
  for (u32 i = PDE_INDEX(USER_BASE); i < PDE_INDEX(USER_TOP); i++) {
    if (!(pd[i] & PTE_P)) continue;
    u32 npt = frame_alloc();
    if (!npt) {
      vm_free_user(child);
      vm_free_pgdir(child);
      return 0;
    }
    pv->set_pte(&cpd[i], npt | PTE_P | PTE_W | PTE_U);
    u32 *pt = (u32 *)PTE_FRAME(pd[i]);
    for (u32 j = 0; j < 1024; j++) {
      u32 e = pt[j];
      if (!e) continue;
      if (pte_has_frame(e)) {
        frame_ref(PTE_FRAME(e));
        if (e & PTE_W) {
          e = (e & ~PTE_W) | PTE_COW;
          pv->set_pte(&pt[j], e);
        }
      }
      pv->set_pte(&((u32 *)npt)[j], e);
    }
  }
  /* The parent's writable pages just became read-only: flush its stale TLB entries. */
  if (pgdir == active_pgdir) pv->write_cr3(pgdir);
  return child;
}

void vm_free_user(u32 pgdir) {
  u32 *pd = (u32 *)pgdir;
  for (u32 i = PDE_INDEX(USER_BASE); i < PDE_INDEX(USER_TOP); i++) {
    if (!(pd[i] & PTE_P)) continue;
    u32 *pt = (u32 *)PTE_FRAME(pd[i]);
    for (u32 j = 0; j < 1024; j++)
      if (pte_has_frame(pt[j])) frame_unref(PTE_FRAME(pt[j]));
    frame_unref((u32)pt);
    pv->set_pte(&pd[i], 0);
  }
  if (pgdir == active_pgdir) pv->write_cr3(pgdir);
}

void vm_free_pgdir(u32 pgdir) { frame_unref(pgdir); }

int vm_copy_out(u32 pgdir, u32 va, const void *src, u32 n) {
  const u8 *s = src;
  while (n) {
    if (vm_resolve(pgdir, va, 1)) return -EFAULT;
    u32 *pte = vm_pte(pgdir, va, 0);
    u32 chunk = PAGE_SIZE - (va & 0xFFF);
    if (chunk > n) chunk = n;
    memcpy((void *)(PTE_FRAME(*pte) + (va & 0xFFF)), s, chunk);
    va += chunk, s += chunk, n -= chunk;
  }
  return 0;
}

/* The kernel reaches user memory directly (the process's directory is loaded); these checks make
 * every page of the range present and, for writes, privately writable first. */
int uaccess_ok(u32 va, u32 n, int write) {
  if (n == 0) return 1;
  if (va < USER_BASE || va + n < va || va + n > USER_TOP) return 0;
  for (u32 p = PAGE_ROUND_DOWN(va); p < va + n && p >= PAGE_ROUND_DOWN(va); p += PAGE_SIZE)
    if (vm_resolve(cur->pgdir, p, write)) return 0;
  return 1;
}

int copy_from_user(void *dst, u32 src, u32 n) {
  if (!uaccess_ok(src, n, 0)) return -EFAULT;
  memcpy(dst, (const void *)src, n);
  return 0;
}

int copy_to_user(u32 dst, const void *src, u32 n) {
  if (!uaccess_ok(dst, n, 1)) return -EFAULT;
  memcpy((void *)dst, src, n);
  return 0;
}

int strncpy_from_user(char *dst, u32 src, u32 max) {
  for (u32 i = 0; i < max; i++) {
    if (i == 0 || ((src + i) & 0xFFF) == 0)
      if (!uaccess_ok(src + i, 1, 0)) return -EFAULT;
    dst[i] = *(const char *)(src + i);
    if (!dst[i]) return (int)i;
  }
  return -ENAMETOOLONG;
}
