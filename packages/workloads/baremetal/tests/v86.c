/* Virtual-8086 mode (SDM Vol. 3 §20.2-20.3): IRET with EFLAGS.VM=1 enters V86 (popping ES, DS,
   FS, GS too); addresses are segment*16 + offset; an interrupt or exception leaves V86 for a
   ring 0 handler, pushing GS, FS, DS, ES, SS, ESP, EFLAGS, CS, EIP and loading null data
   segments. At IOPL 3, CLI/STI/PUSHF/POPF/INT n/IRET run natively (INT n through a DPL 3 gate);
   at IOPL < 3 they are #GP(0), and IN/OUT consult only the I/O bitmap (§20.2.8.1). */
#include "rt.h"

const char test_name[] = "v86";

#define V86_BASE 0x7000
#define V86_CS (V86_BASE >> 4)
#define V86_SS 0x0800
#define V86_SP 0x1000

extern char v86_start[], v86_end[];
extern char phase1_off[], p1_after_int_off[], phase2_off[], p2_cli_off[], p2_sti_off[];
extern char p2_pushf_off[], p2_popf_off[], p2_int_off[], p2_iret_off[], p2_in_off[], p2_hlt_off[];
#define OFF(sym) ((u32)(sym))

static struct jmpbuf v86_jb;
static struct frame report;
static u32 traps, trap_ip[8], trap_err[8], trap_op[8];

static void __attribute__((noreturn)) enter_v86(u32 ip, u32 eflags) {
  rt_tss.esp0 = RING0_STACK_TOP;
  __asm__ volatile(
      "push $0\n push $0\n push %[ds]\n push $0\n" /* GS FS DS ES */
      "push %[ss]\n push %[sp]\n push %[fl]\n push %[cs]\n push %[ip]\n iret"
      :
      : [ds] "r"((u32)V86_CS), [ss] "r"((u32)V86_SS), [sp] "r"((u32)V86_SP), [fl] "r"(eflags),
        [cs] "r"((u32)V86_CS), [ip] "r"(ip)
      : "memory");
  __builtin_unreachable();
}

static void report_handler(struct frame *f) { report = *f; }
static void end_handler(struct frame *f) {
  (void)f;
  rt_longjmp(&v86_jb, 1);
}

/* The monitor: emulate nothing, record and skip the trapping instruction. */
static void gp_handler(struct frame *f) {
  if (!(f->eflags & EFL_VM) || traps >= 8) {
    rt_unhandled(f);
    return;
  }
  u8 *ip = (u8 *)(f->cs * 16 + f->eip);
  trap_ip[traps] = f->eip;
  trap_err[traps] = f->err;
  trap_op[traps] = ip[0];
  traps++;
  if (ip[0] == 0xF4) rt_longjmp(&v86_jb, 1); /* hlt: the program is done */
  f->eip += (ip[0] == 0xCD || ip[0] == 0xE4) ? 2 : 1;
}

int test_main(void) {
  memcpy((void *)V86_BASE, v86_start, (u32)(v86_end - v86_start));
  idt_route(0x30, report_handler, 0xE, 3);
  idt_route(0x31, end_handler, 0xE, 3);
  set_handler(13, gp_handler);

  if (!rt_setjmp(&v86_jb)) enter_v86(OFF(phase1_off), EFL_VM | EFL_IOPL3 | EFL_IF | EFL_FIXED);
  rt_load_segments(SEL_KCODE, SEL_KDATA);
  check(*(volatile u16 *)0x12350 == 0xBEEF && (report.ebx & 0xFFFF) == 0xBEEF,
        "v86: 1234:0010 and 1235:0000 are linear 0x12350 (read 0x%04x)", report.ebx & 0xFFFF);
  check(report.cs == V86_CS && report.eip == OFF(p1_after_int_off) && (report.edx & 0xFFFF) == V86_SS,
        "v86: int 0x30 at IOPL 3 reached ring 0 from %04x:%04x (ss=0x%04x)", report.cs, report.eip,
        report.edx & 0xFFFF);
  check((report.ecx & 0xFFFF) == 0x3202, "v86: pushf in V86 = 0x%04x", report.ecx & 0xFFFF);
  check(report.eflags == (EFL_VM | EFL_IOPL3 | EFL_IF | EFL_FIXED | 0x55),
        "v86: eflags pushed by the interrupt = 0x%08x (VM, IOPL 3, CF PF AF ZF)", report.eflags);
  check(report.esp == V86_SP && report.ss == V86_SS,
        "v86: frame holds ss:sp = %04x:%04x", report.ss, report.esp);
  check(report.v86_es == 0x1234 && report.v86_ds == V86_CS && report.v86_fs == 0x1235 &&
            report.v86_gs == 0,
        "v86: frame holds es=0x%04x ds=0x%04x fs=0x%04x gs=0x%04x", report.v86_es, report.v86_ds,
        report.v86_fs, report.v86_gs);
  check(report.ds == 0 && report.es == 0 && report.fs == 0 && report.gs == 0,
        "v86: data segment registers were null in the handler");

  if (!rt_setjmp(&v86_jb)) enter_v86(OFF(phase2_off), EFL_VM | EFL_IF | EFL_FIXED);
  rt_load_segments(SEL_KCODE, SEL_KDATA);
  static const char *const names[] = { "cli", "sti", "pushf", "popf", "int 0x30", "iret", "in al, 0x80", "hlt" };
  const u32 expect_ip[] = { OFF(p2_cli_off), OFF(p2_sti_off), OFF(p2_pushf_off), OFF(p2_popf_off),
                            OFF(p2_int_off), OFF(p2_iret_off), OFF(p2_in_off), OFF(p2_hlt_off) };
  for (u32 i = 0; i < 8; i++)
    check(i < traps && trap_ip[i] == expect_ip[i] && trap_err[i] == 0,
          "v86: %s at IOPL 0 -> #GP err=0x%04x at %04x:%04x (opcode 0x%02x)", names[i], trap_err[i],
          V86_CS, trap_ip[i], trap_op[i]);
  return 0;
}
