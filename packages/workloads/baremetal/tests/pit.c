/* PIT timer interrupts through the PIC. 8254 datasheet: the control word selects channel,
   access (lobyte/hibyte) and mode; the read-back command latches a status byte whose low six bits
   echo the programmed control word; channel 2 is gated by port 0x61 bit 0 and its OUT is seen at
   port 0x61 bit 5 (PC/AT). 8259A datasheet: an edge on a masked IR line is still latched in IRR,
   ISR holds the line being serviced until EOI, OCW3 selects IRR/ISR for reading; IRQ8-15 come
   through the slave cascaded on IR2. Only timing-independent facts are printed. */
#include "rt.h"

const char test_name[] = "pit";

#define PIT_CH0 0x40
#define PIT_CH2 0x42
#define PIT_CMD 0x43
#define PIT_DIVISOR 1193 /* 1.193182 MHz / 1193 = about 1 kHz */

static volatile u32 ticks, isr_in_handler, rtc_ticks, rtc_isr_slave, rtc_isr_master;

static u8 pic_read(u16 port, u8 ocw3) {
  outb(port, ocw3);
  return inb(port);
}

static void timer_handler(struct frame *f) {
  (void)f;
  if (ticks == 0) isr_in_handler = pic_read(0x20, 0x0B); /* OCW3: read ISR */
  ticks++;
  pic_eoi(0);
}

static void cmos_write(u8 reg, u8 v) {
  outb(0x70, 0x80 | reg); /* bit 7 keeps NMI masked */
  outb(0x71, v);
}
static u8 cmos_read(u8 reg) {
  outb(0x70, 0x80 | reg);
  return inb(0x71);
}

static void rtc_handler(struct frame *f) {
  (void)f;
  if (rtc_ticks == 0) {
    rtc_isr_slave = pic_read(0xA0, 0x0B);
    rtc_isr_master = pic_read(0x20, 0x0B);
  }
  rtc_ticks++;
  (void)cmos_read(0x0C); /* reading register C acknowledges the RTC interrupt */
  pic_eoi(8);
}

/* Preemption: IRQ 0 arrives while ring 3 spins; the frame shows the interrupted CPL 3 context. */
static volatile u32 pre_cs, pre_ss, pre_eflags, pre_esp_ok;
static struct jmpbuf preempt_jb;
extern u8 user_spin_stack[];
static void preempt_handler(struct frame *f) {
  pre_cs = f->cs;
  pre_ss = f->ss;
  pre_eflags = f->eflags;
  pre_esp_ok = f->esp > (u32)user_spin_stack && f->esp <= (u32)user_spin_stack + 4096;
  pic_eoi(0);
  rt_longjmp(&preempt_jb, 1);
}
u8 user_spin_stack[4096] __attribute__((aligned(16)));
static void user_spin(void) {
  for (;;) __asm__ volatile("pause");
}

static void wait_ticks(volatile u32 *counter, u32 n) {
  while (*counter < n) {
    sti();
    hlt();
    cli();
  }
}

int test_main(void) {
  set_handler(PIC_VECTOR + 0, timer_handler);
  set_handler(PIC_VECTOR + 8, rtc_handler);

  /* Channel 0, lobyte/hibyte, mode 2 (rate generator), binary. */
  outb(PIT_CMD, 0x34);
  outb(PIT_CH0, PIT_DIVISOR & 0xFF);
  outb(PIT_CH0, PIT_DIVISOR >> 8);
  outb(PIT_CMD, 0xE2); /* read-back: latch status of channel 0 */
  u8 status0 = inb(PIT_CH0) & 0x3F;
  check(status0 == 0x34, "pit: read-back status of channel 0 = 0x%02x (rw=3 mode=2 binary)", status0);

  /* Counter latch: the two reads return the latched count, low byte first. */
  outb(PIT_CMD, 0x00);
  u32 lo = inb(PIT_CH0), hi = inb(PIT_CH0);
  u32 count = lo | hi << 8;
  check(count >= 1 && count <= PIT_DIVISOR, "pit: latched count within 1..%u", PIT_DIVISOR);

  pic_unmask(0);
  wait_ticks(&ticks, 20);
  u8 isr_after = pic_read(0x20, 0x0B);
  /* Host scheduling can let one more edge in before CLI under qemu, so "at least". */
  check(ticks >= 20 && isr_in_handler == 0x01 && isr_after == 0x00,
        "pit: 20 IRQ0 interrupts at vector 0x%02x, ISR=0x%02x in the handler, 0x%02x after EOI",
        PIC_VECTOR, isr_in_handler, isr_after);

  /* Mask IRQ0: the next edge waits in IRR and is delivered when unmasked. */
  outb(0x21, inb(0x21) | 0x01);
  u32 before = ticks;
  while (!(pic_read(0x20, 0x0A) & 0x01)) {} /* OCW3: read IRR */
  u32 masked = ticks - before;
  u8 imr = inb(0x21);
  pic_unmask(0);
  sti();
  __asm__ volatile("nop");
  cli();
  check(masked == 0 && imr == 0xFF && ticks >= before + 1,
        "pit: masked IRQ0 latched in IRR (IMR=0x%02x), delivered once on unmask", imr);
  outb(0x21, 0xFF);

  /* A ring 3 loop with IF=1 is preempted by IRQ 0: the CPU switches to ESP0 and pushes the
     user SS:ESP (SDM Vol. 3 §6.12.1), exactly as for a gate called by INT n. */
  set_handler(PIC_VECTOR + 0, preempt_handler);
  pic_unmask(0);
  rt_tss.esp0 = RING0_STACK_TOP;
  if (!rt_setjmp(&preempt_jb))
    rt_enter_user((u32)user_spin, (u32)user_spin_stack + sizeof user_spin_stack, EFL_FIXED | EFL_IF,
                  SEL_UCODE, SEL_UDATA);
  rt_load_segments(SEL_KCODE, SEL_KDATA);
  outb(0x21, 0xFF);
  check(pre_cs == SEL_UCODE && pre_ss == SEL_UDATA && (pre_eflags & EFL_IF) && pre_esp_ok,
        "pit: IRQ0 preempted ring 3: frame cs=0x%04x ss=0x%04x IF=%u, user esp saved", pre_cs,
        pre_ss, (pre_eflags & EFL_IF) != 0);
  set_handler(PIC_VECTOR + 0, timer_handler);

  /* Channel 2, mode 0 (interrupt on terminal count), gated by port 0x61 bit 0. */
  outb(0x61, (inb(0x61) & ~0x02) | 0x01);
  outb(PIT_CMD, 0xB0);
  outb(PIT_CH2, 100);
  outb(PIT_CH2, 0);
  outb(PIT_CMD, 0xE8); /* read-back: latch status of channel 2 */
  u8 status2 = inb(PIT_CH2) & 0x3F;
  u32 spins = 0;
  while (!(inb(0x61) & 0x20) && spins < 100000000) spins++;
  check(status2 == 0x30 && (inb(0x61) & 0x20), "pit: channel 2 mode 0 status 0x%02x, OUT2 high at terminal count (port 0x61 bit 5)",
        status2);
  outb(0x61, inb(0x61) & ~0x03);

  /* The RTC's periodic interrupt (IRQ8) arrives through the slave PIC and the cascade. */
  cmos_write(0x0A, (cmos_read(0x0A) & 0xF0) | 0x06); /* rate 6: 1024 Hz */
  cmos_write(0x0B, cmos_read(0x0B) | 0x40);          /* PIE */
  (void)cmos_read(0x0C);
  pic_unmask(8);
  wait_ticks(&rtc_ticks, 4);
  cmos_write(0x0B, cmos_read(0x0B) & ~0x40);
  outb(0xA1, 0xFF);
  outb(0x21, 0xFF);
  outb(0x70, 0x00); /* NMI unmasked again, as the firmware left it */
  check(rtc_ticks >= 4 && rtc_isr_slave == 0x01 && rtc_isr_master == 0x04,
        "pic: 4 RTC interrupts at vector 0x%02x, slave ISR=0x%02x master ISR=0x%02x (cascade IR2)",
        PIC_VECTOR + 8, rtc_isr_slave, rtc_isr_master);
  return 0;
}
