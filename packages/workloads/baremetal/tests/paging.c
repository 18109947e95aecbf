/* Paging with a #PF handler doing demand paging (SDM Vol. 3 §4.7, §6.15 Interrupt 14): CR2 holds
   the faulting linear address, the error code's bits are P (protection vs not present), W/R,
   U/S; the faulting instruction restarts once the handler has mapped the page. CR0.WP makes
   supervisor writes honour read-only pages (§4.6); INVLPG drops a stale translation (§4.10.4). */
#include "paging.h"

const char test_name[] = "paging";

#define DEMAND_BASE 0x00400000u
#define DEMAND_END 0x00800000u
static volatile u32 faults, fault_cr2[8], fault_err[8];

static void pf_handler(struct frame *f) {
  u32 cr2 = read_cr2();
  if (cr2 < DEMAND_BASE || cr2 >= DEMAND_END || (f->err & PTE_P) || faults >= 8) {
    rt_unhandled(f);
    return;
  }
  fault_cr2[faults] = cr2;
  fault_err[faults] = f->err;
  faults++;
  *pte_of(cr2) = alloc_frame() | PTE_P | PTE_W | PTE_U;
}

static volatile u32 *const user_ro = (volatile u32 *)0x00900000u;
static volatile u32 *const super_page = (volatile u32 *)0x00901000u;
static void user_write_super(void) { *super_page = 1; user_exit(0); }
static void user_read_absent(void) { (void)*(volatile u32 *)0x00A00000u; user_exit(0); }
static void user_write_ro(void) { *user_ro = 1; user_exit(0); }
static void kernel_write_ro(void) { *user_ro = 0x5a5a; }
static void kernel_fetch_absent(void) { ((void (*)(void))0x00C00000u)(); }
static void run_write_super(void) { run_user(user_write_super, EFL_FIXED); }
static void run_read_absent(void) { run_user(user_read_absent, EFL_FIXED); }
static void run_write_ro(void) { run_user(user_write_ro, EFL_FIXED); }

int test_main(void) {
  paging_init();
  set_handler(14, pf_handler);
  paging_enable();
  check((read_cr0() & CR0_PG) && read_cr3() == (u32)page_directory,
        "paging: enabled, cr0=0x%08x", read_cr0());

  /* Demand paging: three writes and a read, each in a page not yet mapped. */
  volatile u32 *p = (volatile u32 *)DEMAND_BASE;
  p[0] = 0x11111111;
  p[0x1000 / 4 + 1] = 0x22222222;
  p[0x2000 / 4 + 2] = 0x33333333;
  u32 r = p[0x3000 / 4 + 3];
  for (u32 i = 0; i < faults; i++)
    check(fault_err[i] == (i < 3 ? PTE_W : 0), "pf: demand fault %u cr2=0x%08x err=0x%08x", i,
          fault_cr2[i], fault_err[i]);
  u32 frame1 = *pte_of(DEMAND_BASE + 0x1000) & ~0xFFFu;
  check(faults == 4 && r == 0 && p[0] == 0x11111111 && *(u32 *)(frame1 + 4) == 0x22222222,
        "pf: demand-paged %u pages, data reads back through the frames", faults);

  /* Protection faults, from ring 3 and from ring 0. */
  *pte_of((u32)user_ro) = alloc_frame() | PTE_P | PTE_U;  /* user, read-only */
  *pte_of((u32)super_page) = alloc_frame() | PTE_P | PTE_W; /* supervisor, writable */
  struct fault f;
  int faulted = catch_fault(run_write_super, &f);
  check(faulted && f.vector == 14 && f.err == 7 && f.cr2 == (u32)super_page,
        "pf: user write to a supervisor page -> vector %d err=0x%08x cr2=0x%08x", f.vector, f.err,
        f.cr2);
  faulted = catch_fault(run_read_absent, &f);
  check(faulted && f.vector == 14 && f.err == 4 && f.cr2 == 0x00A00000u,
        "pf: user read of a not-present page -> vector %d err=0x%08x cr2=0x%08x", f.vector, f.err,
        f.cr2);
  faulted = catch_fault(run_write_ro, &f);
  check(faulted && f.vector == 14 && f.err == 7 && f.cr2 == (u32)user_ro,
        "pf: user write to a read-only page -> vector %d err=0x%08x cr2=0x%08x", f.vector, f.err,
        f.cr2);
  faulted = catch_fault(kernel_write_ro, &f);
  check(!faulted && *user_ro == 0x5a5a,
        "pf: supervisor write to a read-only page with CR0.WP=0 succeeds");
  write_cr0(read_cr0() | CR0_WP);
  faulted = catch_fault(kernel_write_ro, &f);
  write_cr0(read_cr0() & ~CR0_WP);
  check(faulted && f.vector == 14 && f.err == 3 && f.cr2 == (u32)user_ro,
        "pf: supervisor write to a read-only page with CR0.WP=1 -> vector %d err=0x%08x", f.vector,
        f.err);
  faulted = catch_fault(kernel_fetch_absent, &f);
  check(faulted && f.vector == 14 && f.err == 0 && f.cr2 == 0x00C00000u && f.eip == 0x00C00000u,
        "pf: fetch from a not-present page -> vector %d err=0x%08x cr2=0x%08x eip=0x%08x",
        f.vector, f.err, f.cr2, f.eip);

  /* INVLPG: remap a page to another frame; after INVLPG the new frame is seen. */
  volatile u32 *v = (volatile u32 *)0x00B00000u;
  u32 fa = alloc_frame(), fb = alloc_frame();
  *(u32 *)fa = 0xAAAA0001;
  *(u32 *)fb = 0xBBBB0002;
  *pte_of((u32)v) = fa | PTE_P | PTE_W;
  u32 first = *v;
  *pte_of((u32)v) = fb | PTE_P | PTE_W;
  invlpg((u32)v);
  u32 second = *v;
  check(first == 0xAAAA0001 && second == 0xBBBB0002, "pf: invlpg after remap: 0x%08x then 0x%08x",
        first, second);
  /* Reloading CR3 flushes every non-global translation (§4.10.4.1). */
  *pte_of((u32)v) = fa | PTE_P | PTE_W;
  write_cr3(read_cr3());
  check(*v == 0xAAAA0001, "pf: mov to cr3 flushes the TLB: 0x%08x", *v);
  return 0;
}
