/* The default demo of `pnpm start`: a bare-metal kernel that greets, computes a table of primes
   and an integer Mandelbrot set, then counts down on PIT interrupts (IRQ0 through the 8259A).
   Everything it prints is computed, so qemu and Strata print the same bytes. */
#include "rt.h"

const char test_name[] = "demo";

static volatile u32 ticks;
static void timer(struct frame *f) {
  (void)f;
  ticks++;
  pic_eoi(0);
}

static void sleep_ticks(u32 n) {
  u32 until = ticks + n;
  while (ticks < until) {
    sti();
    hlt();
    cli();
  }
}

static u8 composite[1000];

int test_main(void) {
  puts("Hello from bare metal! An IA-32 kernel in protected mode, talking to a 16550 UART.\n\n");

  puts("The first 60 primes (sieve of Eratosthenes):\n");
  u32 shown = 0;
  for (u32 i = 2; i < sizeof composite && shown < 60; i++) {
    if (composite[i]) continue;
    for (u32 j = i * i; j < sizeof composite; j += i) composite[j] = 1;
    printf("%5u", i);
    if (++shown % 12 == 0) putc('\n');
  }

  /* Fixed point, 12 fractional bits: x in [-2.1, 0.7], y in [-1.1, 1.1]. */
  puts("\nThe Mandelbrot set in 16.12 fixed point:\n");
  static const char shades[] = " .:-=+*#%@";
  for (i32 row = 0; row < 16; row++) {
    i32 ci = -4506 + row * 601;
    for (i32 col = 0; col < 64; col++) {
      i32 cr = -8602 + col * 180;
      i32 zr = 0, zi = 0, n = 0;
      while (n < 36) {
        i32 zr2 = (zr * zr) >> 12, zi2 = (zi * zi) >> 12;
        if (zr2 + zi2 > 4 << 12) break;
        zi = ((2 * zr * zi) >> 12) + ci;
        zr = zr2 - zi2 + cr;
        n++;
      }
      putc(n >= 36 ? '@' : shades[n % 9]);
    }
    putc('\n');
  }

  /* PIT channel 0 at 100 Hz (1193182 / 11932), IRQ0 unmasked on the PIC. */
  set_handler(PIC_VECTOR, timer);
  outb(0x43, 0x34);
  outb(0x40, 11932 & 0xFF);
  outb(0x40, 11932 >> 8);
  pic_unmask(0);
  puts("\nCountdown on PIT interrupts:");
  for (int n = 5; n > 0; n--) {
    printf(" %d", n);
    sleep_ticks(20);
  }
  puts(" liftoff!\n");
  outb(0x21, 0xFF);
  pass("demo: 60 primes, a Mandelbrot set and a countdown of 100 timer ticks");
  return 0;
}
