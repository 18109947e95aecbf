/* The physical frame allocator: a stack of free 4 KiB frames and a reference count per frame,
 * so copy-on-write pages shared after fork are freed by their last user. */
#include "../kernel.h"

#define MAX_FRAMES (KERNEL_MAP_LIMIT / PAGE_SIZE)

static u8 refs[MAX_FRAMES];
static u32 free_stack[MAX_FRAMES];
static u32 nfree;
u32 frames_at_boot;

void frames_init(u32 first_free, u32 mem_end) {
  if (mem_end > KERNEL_MAP_LIMIT) mem_end = KERNEL_MAP_LIMIT;
  first_free = PAGE_ROUND_UP(first_free);
  /* Pushed from the top so that allocation hands out low frames first: a stable order keeps the
   * run deterministic. */
  for (u32 pa = PAGE_ROUND_DOWN(mem_end) - PAGE_SIZE; pa >= first_free && pa != 0; pa -= PAGE_SIZE)
    free_stack[nfree++] = pa;
}

u32 frame_alloc(void) {
  if (!nfree) return 0;
  u32 pa = free_stack[--nfree];
  refs[pa / PAGE_SIZE] = 1;
  memset((void *)pa, 0, PAGE_SIZE);
  return pa;
}

void frame_ref(u32 pa) { refs[pa / PAGE_SIZE]++; }

void frame_unref(u32 pa) {
  u8 *r = &refs[pa / PAGE_SIZE];
  if (*r == 0) panic("frame 0x%x freed twice", pa);
  if (--*r == 0) free_stack[nfree++] = pa;
}

u32 frame_refcount(u32 pa) { return refs[pa / PAGE_SIZE]; }
u32 frames_free_count(void) { return nfree; }
