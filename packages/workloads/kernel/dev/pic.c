/* The two cascaded 8259A PICs, remapped to vectors 32-47 (the BIOS default 8-15 collides with
 * CPU exceptions). ICW/OCW names from the 8259A datasheet. */
#include "../arch/pv_ops.h"

#define PIC1_CMD 0x20
#define PIC1_DATA 0x21
#define PIC2_CMD 0xA0
#define PIC2_DATA 0xA1
#define OCW2_EOI 0x20

static u16 mask = 0xFFFF & ~(1u << 2); /* everything masked except the cascade line */

static void pic_write_mask(void) {
  pv->outb(PIC1_DATA, (u8)mask);
  pv->outb(PIC2_DATA, (u8)(mask >> 8));
}

void pic_init(void) {
  pv->outb(PIC1_CMD, 0x11); /* ICW1: edge triggered, cascade, ICW4 follows */
  pv->outb(PIC2_CMD, 0x11);
  pv->outb(PIC1_DATA, 32); /* ICW2: vector offset */
  pv->outb(PIC2_DATA, 40);
  pv->outb(PIC1_DATA, 0x04); /* ICW3: slave on IRQ 2 */
  pv->outb(PIC2_DATA, 0x02);
  pv->outb(PIC1_DATA, 0x01); /* ICW4: 8086 mode */
  pv->outb(PIC2_DATA, 0x01);
  pic_write_mask();
}

void pic_unmask(int irq) {
  mask &= (u16) ~(1u << irq);
  pic_write_mask();
}

void pic_eoi(int irq) {
  if (irq >= 8) pv->outb(PIC2_CMD, OCW2_EOI);
  pv->outb(PIC1_CMD, OCW2_EOI);
}
