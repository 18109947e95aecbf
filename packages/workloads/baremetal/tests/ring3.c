/* Ring 3 code calls the kernel through interrupt and trap gates (SDM Vol. 3 §6.12.1): the CPU
   switches to the TSS's SS0:ESP0 stack, pushes SS, ESP, EFLAGS, CS, EIP, clears IF only for an
   interrupt gate, and a gate whose DPL is below CPL raises #GP(vector*8 + 2). */
#include "rt.h"

const char test_name[] = "ring3";

static volatile u32 seen_cs, seen_ss, seen_esp_delta, seen_if, seen_args[3], calls;
static volatile u32 trap_if, user_cs, user_ss;

static void kcall_handler(struct frame *f) {
  calls++;
  seen_cs = f->cs;
  seen_ss = f->ss;
  /* The CPU pushed 5 dwords below ESP0; the frame's EIP slot is where that push ended. */
  seen_esp_delta = rt_tss.esp0 - (u32)&f->eip;
  seen_if = read_eflags() & EFL_IF;
  seen_args[0] = f->ebx;
  seen_args[1] = f->ecx;
  seen_args[2] = f->edx;
  f->eax = f->ebx + f->ecx + f->edx; /* the call's return value */
}

static void trap_handler(struct frame *f) {
  (void)f;
  trap_if = read_eflags() & EFL_IF;
}

static void user_calls(void) {
  u32 r, cs, ss;
  __asm__ volatile("mov %%cs, %0; mov %%ss, %1" : "=r"(cs), "=r"(ss));
  user_cs = cs;
  user_ss = ss;
  __asm__ volatile("int $0x40" : "=a"(r) : "b"(0x1000), "c"(0x200), "d"(0x30));
  __asm__ volatile("int $0x41");
  user_exit(r);
}

static void user_int_dpl0(void) {
  __asm__ volatile("int $0x42");
  user_exit(0);
}

static struct fault fault;
static void run_user_int_dpl0(void) { run_user(user_int_dpl0, EFL_FIXED | EFL_IF); }

int test_main(void) {
  idt_route(0x40, kcall_handler, 0xE, 3); /* interrupt gate, DPL 3 */
  idt_route(0x41, trap_handler, 0xF, 3);  /* trap gate, DPL 3 */
  idt_route(0x42, trap_handler, 0xE, 0);  /* DPL 0: not callable from ring 3 */
  u32 r = run_user(user_calls, EFL_FIXED | EFL_IF);
  check(user_cs == SEL_UCODE && user_ss == SEL_UDATA, "ring3: running at cs=0x%04x ss=0x%04x",
        user_cs, user_ss);
  check(calls == 1 && r == 0x1230, "ring3: int 0x40 returned 0x%x from args 0x%x 0x%x 0x%x", r,
        seen_args[0], seen_args[1], seen_args[2]);
  check(seen_cs == SEL_UCODE && seen_ss == SEL_UDATA,
        "ring3: gate frame holds the caller's cs=0x%04x ss=0x%04x", seen_cs, seen_ss);
  check(seen_esp_delta == 20, "ring3: stack switched to esp0, %u bytes pushed", seen_esp_delta);
  check(seen_if == 0, "ring3: interrupt gate cleared IF (IF=%u)", seen_if >> 9);
  check(trap_if == EFL_IF, "ring3: trap gate kept IF (IF=%u)", trap_if >> 9);
  int faulted = catch_fault(run_user_int_dpl0, &fault);
  check(faulted && fault.vector == 13 && fault.err == (0x42 * 8 + 2) && fault.cs == SEL_UCODE,
        "ring3: int 0x42 through a DPL 0 gate -> vector %d err=0x%04x from cs=0x%04x",
        fault.vector, fault.err, fault.cs);
  return 0;
}
