/* The sensitive but unprivileged instructions at CPL 3 (Robin & Irvine 2000; SDM Vol. 2): they
   run without trapping and reveal or silently ignore privileged state, which is why a classic
   trap-and-emulate monitor cannot virtualize IA-32. POPF keeps IF and IOPL when CPL > IOPL
   (SDM Vol. 2 POPF "Operation"), SGDT/SIDT/SLDT/STR/SMSW read system registers, PUSH CS and
   MOV from SS expose the CPL, LAR/LSL/VERR/VERW check DPL against CPL. CLI and HLT do trap. */
#include "rt.h"

const char test_name[] = "sensitive";

struct dtr { u16 limit; u32 base; } __attribute__((packed));
static volatile struct dtr u_gdtr, u_idtr;
static volatile u32 u_flags_before, u_flags_after, u_cs, u_ss, u_tr, u_ldtr, u_msw;
static volatile u32 u_lar_ucode, u_lar_kcode_zf, u_lsl_udata, u_verr_kdata, u_verw_udata, u_verw_ucode;

static void user_probe(void) {
  u32 f0, f1, v, zf;
  /* Try to clear IF and raise IOPL to 3: both writes are silently dropped at CPL 3 > IOPL 0. */
  __asm__ volatile("pushfl; popl %0; pushl %2; popfl; pushfl; popl %1"
                   : "=&r"(f0), "=&r"(f1)
                   : "r"((u32)EFL_FIXED | EFL_IOPL3 | EFL_CF));
  u_flags_before = f0;
  u_flags_after = f1;
  __asm__ volatile("sgdt %0" : "=m"(u_gdtr));
  __asm__ volatile("sidt %0" : "=m"(u_idtr));
  __asm__ volatile("str %0" : "=r"(v));
  u_tr = v & 0xFFFF;
  __asm__ volatile("sldt %0" : "=r"(v));
  u_ldtr = v & 0xFFFF;
  __asm__ volatile("smsw %0" : "=r"(v));
  u_msw = v & 0xFFFF;
  __asm__ volatile("pushl %%cs; popl %0" : "=r"(v));
  u_cs = v & 0xFFFF;
  __asm__ volatile("mov %%ss, %0" : "=r"(v));
  u_ss = v & 0xFFFF;
  __asm__ volatile("lar %1, %0" : "=r"(v) : "r"((u32)SEL_UCODE));
  u_lar_ucode = v;
  __asm__ volatile("xor %0, %0; lar %2, %0; setz %b1" : "=&r"(v), "=&q"(zf) : "r"((u32)SEL_KCODE));
  u_lar_kcode_zf = zf & 1;
  __asm__ volatile("lsl %1, %0" : "=r"(v) : "r"((u32)SEL_UDATA));
  u_lsl_udata = v;
  __asm__ volatile("xor %0, %0; verr %w1; setz %b0" : "=&q"(zf) : "r"((u32)SEL_KDATA));
  u_verr_kdata = zf & 1;
  __asm__ volatile("xor %0, %0; verw %w1; setz %b0" : "=&q"(zf) : "r"((u32)SEL_UDATA));
  u_verw_udata = zf & 1;
  __asm__ volatile("xor %0, %0; verw %w1; setz %b0" : "=&q"(zf) : "r"((u32)SEL_UCODE));
  u_verw_ucode = zf & 1;
  user_exit(0);
}

static void user_cli(void) { __asm__ volatile("cli"); user_exit(0); }
static void user_hlt(void) { __asm__ volatile("hlt"); user_exit(0); }
static void user_lgdt(void) { __asm__ volatile("lgdt %0" : : "m"(u_gdtr)); user_exit(0); }
static void user_mov_cr3(void) { u32 v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); user_exit(v); }
static void (*trapping)(void);
static void run_trapping(void) { run_user(trapping, EFL_FIXED | EFL_IF); }

int test_main(void) {
  /* An LDT so SLDT has something to show (SDM Vol. 3 §3.5.1). */
  static u64 ldt[2];
  gdt_set(GDT_FREE, (u32)ldt, sizeof ldt - 1, 0x82, 0x0);
  __asm__ volatile("lldt %w0" : : "r"(GDT_FREE * 8));
  run_user(user_probe, EFL_FIXED | EFL_IF);
  check((u_flags_before & (EFL_IF | EFL_IOPL3)) == EFL_IF, "sensitive: eflags at cpl3 = 0x%08x",
        u_flags_before);
  check((u_flags_after & (EFL_IF | EFL_IOPL3 | EFL_CF)) == (EFL_IF | EFL_CF),
        "sensitive: popf 0x%08x at cpl3 kept IF and IOPL=0, took CF: eflags = 0x%08x",
        EFL_FIXED | EFL_IOPL3 | EFL_CF, u_flags_after);
  check(u_gdtr.base == (u32)rt_gdt && u_gdtr.limit == sizeof rt_gdt - 1,
        "sensitive: sgdt at cpl3 = base 0x%08x limit 0x%04x", u_gdtr.base, u_gdtr.limit);
  check(u_idtr.base == (u32)rt_idt && u_idtr.limit == sizeof rt_idt - 1,
        "sensitive: sidt at cpl3 = base 0x%08x limit 0x%04x", u_idtr.base, u_idtr.limit);
  check(u_tr == SEL_TSS, "sensitive: str at cpl3 = 0x%04x", u_tr);
  check(u_ldtr == GDT_FREE * 8, "sensitive: sldt at cpl3 = 0x%04x", u_ldtr);
  check(u_msw == (read_cr0() & 0xFFFF), "sensitive: smsw at cpl3 = 0x%04x (cr0 low word)", u_msw);
  check(u_cs == SEL_UCODE, "sensitive: push cs at cpl3 = 0x%04x (rpl 3 reveals cpl)", u_cs);
  check(u_ss == SEL_UDATA, "sensitive: mov from ss at cpl3 = 0x%04x", u_ss);
  /* LAR masks the descriptor's high dword with 00FxFF00H: bits 19:16 are undefined. */
  check((u_lar_ucode & ~0xF0000u) == 0x00c0fa00, "sensitive: lar 0x%04x at cpl3 = 0x%08x (bits 19:16 masked)",
        SEL_UCODE, u_lar_ucode & ~0xF0000u);
  check(u_lar_kcode_zf == 0, "sensitive: lar 0x%04x at cpl3 fails (zf=%u, dpl 0 < cpl)", SEL_KCODE,
        u_lar_kcode_zf);
  check(u_lsl_udata == 0xFFFFFFFF, "sensitive: lsl 0x%04x at cpl3 = 0x%08x", SEL_UDATA, u_lsl_udata);
  check(u_verr_kdata == 0 && u_verw_udata == 1 && u_verw_ucode == 0,
        "sensitive: verr kdata=%u verw udata=%u verw ucode=%u", u_verr_kdata, u_verw_udata,
        u_verw_ucode);
  static const struct { const char *name; void (*fn)(void); } traps[] = {
    { "cli", user_cli }, { "hlt", user_hlt }, { "lgdt", user_lgdt }, { "mov from cr3", user_mov_cr3 },
  };
  for (u32 i = 0; i < sizeof traps / sizeof traps[0]; i++) {
    struct fault f;
    trapping = traps[i].fn;
    int faulted = catch_fault(run_trapping, &f);
    check(faulted && f.vector == 13 && f.err == 0 && f.cs == SEL_UCODE,
          "sensitive: %s at cpl3 traps: vector %d err=0x%04x", traps[i].name, f.vector, f.err);
  }
  return 0;
}
