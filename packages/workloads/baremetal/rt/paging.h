/* Two-level 32-bit paging (SDM Vol. 3 §4.3): one page directory, identity-mapped low 4 MiB. */
#ifndef STRATA_BAREMETAL_PAGING_H
#define STRATA_BAREMETAL_PAGING_H
#include "rt.h"

#define PTE_P 0x001u
#define PTE_W 0x002u
#define PTE_U 0x004u
#define PTE_A 0x020u
#define PTE_D 0x040u
#define PDE_PS 0x080u
#define CR0_WP 0x00010000u
#define CR0_PG 0x80000000u
#define CR4_PSE 0x00000010u

/* volatile: the CPU writes A/D bits behind the compiler's back. */
extern volatile u32 page_directory[1024];
/* Identity-maps 0-4 MiB with 4 KiB pages (P|W|U) and loads CR3; paging stays off. */
void paging_init(void);
void paging_enable(void);
/* The PTE for a linear address, making its page table (a zeroed frame) if absent. */
volatile u32 *pte_of(u32 va);
/* A zeroed 4 KiB frame from a pool at 2-3 MiB (identity mapped, so usable at once). */
u32 alloc_frame(void);
#endif
