/* The 8254 PIT, counter 0 in mode 2 (rate generator) on IRQ 0: the scheduler's tick and the
 * clock behind clock_gettime and nanosleep. */
#include "../arch/pv_ops.h"

#define PIT_CH0 0x40
#define PIT_CMD 0x43
#define PIT_HZ 1193182u

void pit_init(u32 hz) {
  u32 divisor = (PIT_HZ + hz / 2) / hz;
  pv->outb(PIT_CMD, 0x34); /* counter 0, lobyte/hibyte, mode 2, binary */
  pv->outb(PIT_CH0, (u8)(divisor & 0xFF));
  pv->outb(PIT_CH0, (u8)(divisor >> 8));
  pic_unmask(0);
}
