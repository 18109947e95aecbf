/* The PC devices as a driver sees them through IN/OUT, end to end: the 16550A (scratch, divisor
   latch, FIFO identification, loopback, trigger level, overrun), the MC146818A (time written
   under SET and read back in BCD and 12-hour form, register D, RAM), the 8259A (IMR, poll, OCW3
   reads), the 8254 (read-back of the programmed mode, counter 2 through port 0x61) and port 0x92.
   COM1 is borrowed for loopback while nothing is printed, then set up again. Only values that
   do not depend on timing, and that qemu models as the datasheets say, are printed. */
#include "rt.h"

const char test_name[] = "devices";

#define COM1 0x3F8

static u8 cmos_read(u8 reg) {
  outb(0x70, reg);
  return inb(0x71);
}
static void cmos_write(u8 reg, u8 v) {
  outb(0x70, reg);
  outb(0x71, v);
}

int test_main(void) {
  /* 16550A, with output suspended. */
  u8 scr, ier_mask, dll, dlm, iir_fifo, msr_rts_out2, msr_dtr_out1, lsr_byte, rbr, lsr_empty;
  u8 iir_trigger, rx[4], lsr_overrun, lsr_after, rbr_overrun, iir_nofifo;
  outb(COM1 + 7, 0xA5);
  scr = inb(COM1 + 7);
  outb(COM1 + 1, 0xFF);
  ier_mask = inb(COM1 + 1);
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x80);
  outb(COM1 + 0, 0x0C);
  outb(COM1 + 1, 0x01);
  dll = inb(COM1 + 0);
  dlm = inb(COM1 + 1);
  outb(COM1 + 1, 0x00);
  outb(COM1 + 0, 0x01);
  outb(COM1 + 3, 0x03);
  outb(COM1 + 2, 0x00);
  iir_nofifo = inb(COM1 + 2);
  outb(COM1 + 2, 0x01);
  iir_fifo = inb(COM1 + 2);
  outb(COM1 + 4, 0x1A);
  msr_rts_out2 = inb(COM1 + 6) & 0xF0;
  outb(COM1 + 4, 0x15);
  msr_dtr_out1 = inb(COM1 + 6) & 0xF0;
  outb(COM1 + 0, 0x5A);
  lsr_byte = inb(COM1 + 5);
  rbr = inb(COM1 + 0);
  lsr_empty = inb(COM1 + 5);
  /* The slowest divisor makes a character time about 5.7 s, so the FIFO's character timeout
     (4 character times), which qemu reports ahead of "data available", cannot race the reads
     however the host schedules qemu. */
  outb(COM1 + 3, 0x83);
  outb(COM1 + 0, 0xFF);
  outb(COM1 + 1, 0xFF);
  outb(COM1 + 3, 0x03);
  outb(COM1 + 2, 0x47); /* FIFO on, cleared, trigger 4 */
  outb(COM1 + 1, 0x01);
  for (u8 i = 0; i < 4; i++) outb(COM1, (u8)('w' + i));
  iir_trigger = inb(COM1 + 2);
  for (int i = 0; i < 4; i++) rx[i] = inb(COM1);
  outb(COM1 + 1, 0x00);
  outb(COM1 + 2, 0x00);
  outb(COM1, 0x41);
  outb(COM1, 0x42);
  lsr_overrun = inb(COM1 + 5);
  lsr_after = inb(COM1 + 5);
  rbr_overrun = inb(COM1);
  serial_init();
  check(scr == 0xA5 && ier_mask == 0x0F, "uart: scratch=0x%02x, IER keeps 0x%02x of 0xff", scr, ier_mask);
  check(dll == 0x0C && dlm == 0x01, "uart: divisor latch 0x%02x%02x through DLAB", dlm, dll);
  check(iir_nofifo == 0x01 && (iir_fifo & 0xC0) == 0xC0, "uart: IIR 0x%02x without FIFOs, 0x%02x with (16550A)",
        iir_nofifo, iir_fifo);
  check(msr_rts_out2 == 0x90 && msr_dtr_out1 == 0x60,
        "uart: loopback MSR 0x%02x from RTS|OUT2, 0x%02x from DTR|OUT1", msr_rts_out2, msr_dtr_out1);
  check(lsr_byte == 0x61 && rbr == 0x5A && lsr_empty == 0x60,
        "uart: loopback byte: LSR 0x%02x, RBR 0x%02x, then LSR 0x%02x", lsr_byte, rbr, lsr_empty);
  check(iir_trigger == 0xC4 && rx[0] == 'w' && rx[3] == 'z',
        "uart: 4 bytes reach trigger level 4: IIR 0x%02x, read %c%c%c%c", iir_trigger, rx[0], rx[1], rx[2], rx[3]);
  check(lsr_overrun == 0x63 && lsr_after == 0x61 && rbr_overrun == 0x42,
        "uart: overrun without FIFO: LSR 0x%02x then 0x%02x, RBR holds 0x%02x", lsr_overrun, lsr_after,
        rbr_overrun);

  /* MC146818A: set 2024-02-29 23:59:58 under SET, read it back; 12-hour form. */
  u8 b0 = cmos_read(0x0B);
  cmos_write(0x0B, 0x82);
  static const u8 regs[] = { 0x00, 0x02, 0x04, 0x07, 0x08, 0x09 };
  static const u8 vals[] = { 0x58, 0x59, 0x23, 0x29, 0x02, 0x24 };
  for (int i = 0; i < 6; i++) cmos_write(regs[i], vals[i]);
  u8 back[6];
  for (int i = 0; i < 6; i++) back[i] = cmos_read(regs[i]);
  cmos_write(0x0B, 0x80);
  cmos_write(0x04, 0x91); /* 11 PM in 12-hour BCD */
  u8 hour12 = cmos_read(0x04);
  cmos_write(0x0B, 0x92);
  u8 b_set_uie = cmos_read(0x0B);
  cmos_write(0x2A, 0x3C);
  u8 ram = cmos_read(0x2A);
  u8 d = cmos_read(0x0D);
  cmos_write(0x0B, b0 & ~0x80);
  outb(0x70, 0x00);
  check(back[0] == 0x58 && back[1] == 0x59 && back[2] == 0x23 && back[3] == 0x29 && back[4] == 0x02 &&
            back[5] == 0x24,
        "cmos: time under SET reads back 20%02x-%02x-%02x %02x:%02x:%02x", back[5], back[4], back[3], back[2],
        back[1], back[0]);
  check(hour12 == 0x91 && b_set_uie == 0x82 && ram == 0x3C && d == 0x80,
        "cmos: 12h hour 0x%02x, B=0x%02x (SET clears UIE), RAM 0x%02x, D=0x%02x", hour12, b_set_uie, ram, d);

  /* 8259A: the runtime left both chips initialized and masked. */
  outb(0x20, 0x0C);
  u8 poll = inb(0x20);
  outb(0x20, 0x0B);
  u8 isr = inb(0x20);
  outb(0x21, 0x5A);
  u8 imr = inb(0x21);
  outb(0x21, 0xFF);
  outb(0x20, 0x0A);
  check(poll == 0x00 && isr == 0x00 && imr == 0x5A, "pic: poll 0x%02x, ISR 0x%02x, IMR 0x%02x", poll, isr, imr);

  /* 8254: status bits 5-0 echo the control word; counter 2 through port 0x61. */
  static const u8 cws[] = { 0x30, 0x12, 0x24, 0x36, 0x7A, 0xBE };
  for (u32 i = 0; i < sizeof cws; i++) {
    u8 c = cws[i] >> 6;
    outb(0x43, cws[i]);
    outb(0x40 + c, 0x00);
    outb(0x40 + c, 0x40);
    outb(0x43, 0xE0 | (2 << c));
    u8 st = inb(0x40 + c) & 0x3F;
    check(st == (cws[i] & 0x3F), "pit: control word 0x%02x, read-back status bits 0x%02x", cws[i], st);
  }
  outb(0x61, 0x00);
  outb(0x43, 0xB0);
  outb(0x42, 0x00);
  outb(0x42, 0x02);
  outb(0x61, 0x01);
  u32 spins = 0;
  while (!(inb(0x61) & 0x20) && spins < 100000000) spins++;
  u8 p61 = inb(0x61) & 0x23;
  outb(0x61, 0x00);
  check(p61 == 0x21, "pit: counter 2 reached terminal count: port 0x61 & 0x23 = 0x%02x", p61);

  u8 p92 = inb(0x92) & 0x02;
  check(p92 == 0x02, "port92: A20 enabled (bit 1 = %u)", p92 >> 1);
  return 0;
}
