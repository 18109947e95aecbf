/* Protected-mode entry with a GDT: the runtime loaded its GDT and segments after the Multiboot
   entry; this test checks what that left (selectors, CR0, the descriptors' accessed bits, which
   the CPU sets when it loads a descriptor, SDM Vol. 3 §3.4.5), then leaves protected mode for
   real mode and comes back (pmode.asm), checking real-mode addressing on the way. */
#include "rt.h"

const char test_name[] = "pmode";

#define RESULTS ((volatile u16 *)0x6000)
extern char tramp_start[], tramp_end[];
void pmode_roundtrip(void);

static u32 access_byte(int index) { return (u32)(rt_gdt[index] >> 40) & 0xFF; }

int test_main(void) {
  u32 cs, ds, ss, es;
  __asm__ volatile("mov %%cs, %0; mov %%ds, %1; mov %%ss, %2; mov %%es, %3"
                   : "=r"(cs), "=r"(ds), "=r"(ss), "=r"(es));
  check((cs & 0xFFFF) == SEL_KCODE && (ds & 0xFFFF) == SEL_KDATA && (ss & 0xFFFF) == SEL_KDATA &&
            (es & 0xFFFF) == SEL_KDATA,
        "pmode: cs=0x%04x ds=0x%04x ss=0x%04x es=0x%04x", cs & 0xFFFF, ds & 0xFFFF, ss & 0xFFFF,
        es & 0xFFFF);
  check(read_cr0() == 0x00000011, "pmode: cr0=0x%08x (PE, ET)", read_cr0());
  /* Only data segments: qemu's TCG does not set the accessed bit when a far transfer loads CS,
     so that architectural detail cannot come from the reference. */
  check(access_byte(2) == 0x93 && access_byte(4) == 0xF2,
        "pmode: loaded kdata descriptor accessed=0x%02x, unused udata=0x%02x", access_byte(2),
        access_byte(4));
  check(access_byte(5) == 0x8B, "pmode: ltr marked the TSS busy: type=0x%02x", access_byte(5));

  /* The trampoline's segments: 16-bit code at 0x7000, 16-bit data at 0, both 64 KiB. */
  gdt_set(GDT_FREE + 0, 0x7000, 0xFFFF, 0x9A, 0x0);
  gdt_set(GDT_FREE + 1, 0, 0xFFFF, 0x92, 0x0);
  memcpy((void *)0x7000, tramp_start, (u32)(tramp_end - tramp_start));
  u32 before = access_byte(GDT_FREE + 1);
  pmode_roundtrip();
  u32 after = access_byte(GDT_FREE + 1);
  check(RESULTS[0] == 0x0700, "pmode: real mode ran at cs=0x%04x", RESULTS[0]);
  check(RESULTS[1] == 0x0010, "pmode: smsw in real mode = 0x%04x (PE clear)", RESULTS[1]);
  check(RESULTS[2] == 0xBEEF, "pmode: 1234:0010 read back through 1235:0000 = 0x%04x", RESULTS[2]);
  check(RESULTS[3] == 0x0042, "pmode: int 0x55 through the real-mode IVT returned 0x%04x", RESULTS[3]);
  u32 unreal = RESULTS[4] | (u32)RESULTS[5] << 16;
  check(unreal == 0x1BADB002,
        "pmode: gs kept its 4 GiB limit in real mode, read 0x%08x at 1 MiB (Multiboot magic)", unreal);
  check(before == 0x92 && after == 0x93, "pmode: data16 descriptor accessed bit 0x%02x -> 0x%02x",
        before, after);
  __asm__ volatile("mov %%cs, %0" : "=r"(cs));
  check(read_cr0() == 0x00000011 && (cs & 0xFFFF) == SEL_KCODE,
        "pmode: back in protected mode, cr0=0x%08x cs=0x%04x", read_cr0(), cs & 0xFFFF);
  return 0;
}
