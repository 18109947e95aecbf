#include "paging.h"

volatile u32 page_directory[1024] __attribute__((aligned(4096)));
static u32 low_table[1024] __attribute__((aligned(4096)));
#define POOL_BASE 0x200000u
#define POOL_END 0x300000u
static u32 next_frame = POOL_BASE;

u32 alloc_frame(void) {
  if (next_frame >= POOL_END) {
    fail("paging: frame pool exhausted");
    exit(1);
  }
  u32 f = next_frame;
  next_frame += 4096;
  memset((void *)f, 0, 4096);
  return f;
}

void paging_init(void) {
  for (u32 i = 0; i < 1024; i++) low_table[i] = (i << 12) | PTE_P | PTE_W | PTE_U;
  page_directory[0] = (u32)low_table | PTE_P | PTE_W | PTE_U;
  write_cr3((u32)page_directory);
}

void paging_enable(void) { write_cr0(read_cr0() | CR0_PG); }

volatile u32 *pte_of(u32 va) {
  volatile u32 *pde = &page_directory[va >> 22];
  if (!(*pde & PTE_P)) *pde = alloc_frame() | PTE_P | PTE_W | PTE_U;
  volatile u32 *table = (volatile u32 *)(*pde & ~0xFFFu);
  return &table[(va >> 12) & 0x3FF];
}
