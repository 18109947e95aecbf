/* I/O permission bitmap denial (SDM Vol. 1 §19.5): at CPL > IOPL an IN/OUT is allowed only if
   the bits of every port it touches are clear in the TSS's bitmap; a set bit, or a bit beyond the
   TSS limit, is #GP(0). At CPL <= IOPL the bitmap is not consulted. */
#include "rt.h"

const char test_name[] = "iobitmap";

static void allow(u16 port) { rt_tss_io.iomap[port / 8] &= (u8) ~(1 << (port % 8)); }

static void user_serial(void) {
  /* Ring 3 drives COM1 itself through the ports the bitmap grants. */
  static const char msg[] = "ring 3 writes COM1 through the I/O bitmap\n";
  for (const char *p = msg; *p; p++) {
    while (!(inb(0x3FD) & 0x20)) {}
    outb(0x3F8, (u8)*p);
  }
  outb(0x80, 0x55);
  user_exit(0x600D);
}
static void user_out_81(void) { outb(0x81, 0); user_exit(0); }
static void user_inw_80(void) { (void)inw(0x80); user_exit(0); }
static void user_in_dx_3ff(void) { (void)inb(0x3FF); user_exit(0); }
static void user_out_beyond(void) { outb(0x0F4, 0); user_exit(0); }
static void user_in_8000(void) { __asm__ volatile("inb %%dx, %%al" : : "d"(0x8000) : "eax"); user_exit(0); }

static void (*user_fn)(void);
static u32 user_flags;
static void run(void) { run_user(user_fn, user_flags); }

static void reload_tr(u32 limit) {
  gdt_set(5, (u32)&rt_tss, limit, 0x89, 0x0); /* available again, new limit */
  __asm__ volatile("ltr %w0" : : "r"(SEL_TSS));
}

int test_main(void) {
  memset(rt_tss_io.iomap, 0xFF, sizeof rt_tss_io.iomap);
  for (u16 p = 0x3F8; p <= 0x3FD; p++) allow(p);
  allow(0x80);
  rt_tss.iomap_base = sizeof rt_tss;
  /* The limit covers the bitmap for ports 0-0x3FF plus the terminating byte; 0xF4 is denied. */
  reload_tr(sizeof rt_tss_io - 1);

  u32 r = run_user(user_serial, EFL_FIXED);
  check(r == 0x600D, "iobitmap: ring 3 used COM1 and port 0x80 at IOPL 0");

  static const struct { const char *what; void (*fn)(void); } denied[] = {
    { "out 0x81 (bit set)", user_out_81 },
    { "in ax, 0x80 (0x80 clear, 0x81 set)", user_inw_80 },
    { "in al, 0x3ff (bit set)", user_in_dx_3ff },
    { "out 0xf4 (isa-debug-exit, bit set)", user_out_beyond },
    { "in al, dx=0x8000 (beyond the TSS limit)", user_in_8000 },
  };
  for (u32 i = 0; i < sizeof denied / sizeof denied[0]; i++) {
    struct fault f;
    user_fn = denied[i].fn;
    user_flags = EFL_FIXED;
    int faulted = catch_fault(run, &f);
    check(faulted && f.vector == 13 && f.err == 0 && f.cs == SEL_UCODE,
          "iobitmap: %s at cpl3 -> vector %d err=0x%04x", denied[i].what, f.vector, f.err);
  }

  /* IOPL 3: the bitmap is not consulted. */
  struct fault f;
  user_fn = user_out_81;
  user_flags = EFL_FIXED | EFL_IOPL3;
  int faulted = catch_fault(run, &f);
  check(!faulted, "iobitmap: out 0x81 at cpl3 with IOPL=3 is allowed");

  /* With the bitmap base beyond the limit, every port is denied at IOPL 0. */
  rt_tss.iomap_base = 0xFFFF;
  reload_tr(sizeof rt_tss_io - 1);
  user_fn = user_serial;
  user_flags = EFL_FIXED;
  faulted = catch_fault(run, &f);
  check(faulted && f.vector == 13 && f.err == 0,
        "iobitmap: bitmap base 0xffff -> COM1 denied too: vector %d err=0x%04x", f.vector, f.err);
  return 0;
}
