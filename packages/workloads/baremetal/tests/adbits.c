/* Accessed and dirty bits (SDM Vol. 3 §4.8): the page walk sets A in every paging entry it uses;
   the first write through a translation sets D in the entry that maps the page (the PTE, or the
   PDE of a 4 MiB page with CR4.PSE=1); D of a PDE that references a page table is left alone.
   Instruction fetches set A too. A and D are sticky: only software clears them (then INVLPG). */
#include "paging.h"

const char test_name[] = "adbits";

#define VA 0x00800000u
#define VA_CODE 0x00801000u
#define VA_BIG 0x01000000u

int test_main(void) {
  paging_init();
  u32 frame = alloc_frame();
  volatile u32 *pte = pte_of(VA);
  volatile u32 *pde = &page_directory[VA >> 22];
  *pte = frame | PTE_P | PTE_W;
  paging_enable();
  u32 pde0 = *pde, pte0 = *pte;
  check(!(pte0 & (PTE_A | PTE_D)), "adbits: fresh pte=0x%08x pde=0x%08x", pte0, pde0);
  (void)*(volatile u32 *)VA;
  u32 pte1 = *pte, pde1 = *pde;
  check((pte1 & (PTE_A | PTE_D)) == PTE_A && (pde1 & PTE_A),
        "adbits: after a read pte=0x%08x pde=0x%08x", pte1, pde1);
  *(volatile u32 *)VA = 1;
  u32 pte2 = *pte, pde2 = *pde;
  check((pte2 & (PTE_A | PTE_D)) == (PTE_A | PTE_D) && !(pde2 & PTE_D),
        "adbits: after a write pte=0x%08x pde=0x%08x (pde D untouched)", pte2, pde2);

  /* Cleared by software, with INVLPG, A comes back on the next read and D stays clear. */
  *pte = frame | PTE_P | PTE_W;
  invlpg(VA);
  (void)*(volatile u32 *)VA;
  check((*pte & (PTE_A | PTE_D)) == PTE_A, "adbits: cleared, invlpg, read: pte=0x%08x", *pte);

  /* A write to a read-only page at CPL 0 with CR0.WP=0 still marks it dirty. */
  *pte = frame | PTE_P;
  invlpg(VA);
  *(volatile u32 *)VA = 2;
  check((*pte & (PTE_A | PTE_D)) == (PTE_A | PTE_D), "adbits: write to read-only with WP=0: pte=0x%08x",
        *pte);

  /* Instruction fetch sets A, not D. */
  u32 code = alloc_frame();
  *(u8 *)code = 0xC3; /* ret */
  volatile u32 *cpte = pte_of(VA_CODE);
  *cpte = code | PTE_P | PTE_W;
  ((void (*)(void))VA_CODE)();
  check((*cpte & (PTE_A | PTE_D)) == PTE_A, "adbits: after executing there pte=0x%08x", *cpte);

  /* A 4 MiB page (CR4.PSE) over physical 0-4 MiB: A and D land in the PDE itself. */
  write_cr4(read_cr4() | CR4_PSE);
  volatile u32 *big = &page_directory[VA_BIG >> 22];
  *big = 0x00000000u | PDE_PS | PTE_P | PTE_W;
  (void)*(volatile u32 *)(VA_BIG + 0x1234);
  u32 big1 = *big;
  *(volatile u32 *)(VA_BIG + 0x3000) = 3;
  u32 big2 = *big;
  u32 alias = *(volatile u32 *)0x3000u; /* the same frame through the identity map */
  check((big1 & (PTE_A | PTE_D)) == PTE_A && (big2 & (PTE_A | PTE_D)) == (PTE_A | PTE_D) &&
            alias == 3,
        "adbits: 4 MiB page pde=0x%08x after a read, 0x%08x after a write", big1, big2);
  return 0;
}
