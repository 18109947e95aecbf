/* Exception vectors, error codes and saved EIPs (SDM Vol. 3 §6.13 and §6.15): faults report the
   faulting instruction, traps the next one; segment faults carry the selector (RPL bits replaced
   by EXT/IDT/TI), gate faults the vector*8 + 2 (IDT bit), and a contributory fault while
   delivering another becomes #DF(0) (Table 6-5). Segment-limit and read-only checks on data
   accesses are architectural too but qemu's TCG does not perform them, and it lets CR0 take PG
   without PE (the SDM's #GP(0)), so those are not here. */
#include "rt.h"

const char test_name[] = "errcode";

#define SEL_BAD_LIMIT 0x100 /* beyond the 32-entry GDT */
#define SEL_NP ((GDT_FREE + 0) * 8)
#define SEL_XONLY ((GDT_FREE + 1) * 8)

/* Each case is a function in assembly with labels at the instruction expected to fault (a
   fault's saved EIP) or after it (a trap's). It returns normally only if nothing was raised. */
#define CASE(name, body) \
  extern char name##_insn[], name##_next[]; \
  void name(void); \
  __asm__(".text\n.globl " #name "\n" #name ":\n.globl " #name "_insn\n" #name "_insn:\n" body \
          "\n.globl " #name "_next\n" #name "_next:\nret\n");

CASE(de, "xor %edx, %edx; mov $1, %eax; xor %ecx, %ecx\n.globl de_div\nde_div: divl %ecx")
CASE(bp, "int3")
CASE(of, "mov $0x7fffffff, %eax; add $1, %eax\n.globl of_into\nof_into: into")
CASE(ud, "ud2")
CASE(lock, ".byte 0xf0, 0x01, 0xc8")
CASE(toolong, ".fill 15, 1, 0x66; nop")
CASE(nm, "fninit")
CASE(gp_limit, "mov $0x100, %eax; mov %eax, %fs")
CASE(gp_system, "mov $0x28, %eax; mov %eax, %fs")
CASE(gp_xonly, "mov $0x38, %eax; mov %eax, %fs")
CASE(np_seg, "mov $0x30, %eax; mov %eax, %fs")
CASE(gp_ss_dpl, "mov $0x23, %eax; mov %eax, %ss")
CASE(np_gate, "int $0x41")
CASE(gp_idt_limit, "int $0x90")
CASE(df, "int $0x41")
CASE(jmp_data, "ljmp $0x10, $0")
CASE(call_np, "lcall $0x50, $0")
CASE(mov_cr1, ".byte 0x0f, 0x22, 0xc8")
CASE(int_gate_data, "int $0x42")
CASE(bound, "push $10; push $0; mov $11, %eax\n.globl bound_insn2\nbound_insn2: bound %eax, (%esp); add $8, %esp")

extern char de_div[], of_into[], bound_insn2[];

struct dtr { u16 limit; u32 base; } __attribute__((packed));

struct expect {
  const char *what;
  void (*fn)(void);
  int vector;
  u32 err;
  const char *at_name;
  const char *at;
};

int test_main(void) {
  gdt_set(GDT_FREE + 0, 0, 0xFFFFF, 0x12, 0xC); /* data, not present */
  gdt_set(GDT_FREE + 1, 0, 0xFFFFF, 0x98, 0xC); /* code, execute-only */
  gdt_set(GDT_FREE + 4, 0, 0xFFFFF, 0x1A, 0xC); /* code, not present */
  idt_set_gate(0x41, rt_isr_table[0x41], SEL_KCODE, 0xE, 0, 0); /* not present */
  idt_set_gate(0x42, rt_isr_table[0x42], SEL_KDATA, 0xE, 0, 1); /* gate to a data segment */

  const struct expect cases[] = {
    { "div by zero (#DE, fault)", de, 0, 0, "div", de_div },
    { "int3 (#BP, trap)", bp, 3, 0, "next", bp_next },
    { "into with OF=1 (#OF, trap)", of, 4, 0, "next", of_next },
    { "bound out of range (#BR, fault)", bound, 5, 0, "bound", bound_insn2 },
    { "ud2 (#UD)", ud, 6, 0, "insn", ud_insn },
    { "lock add with a register destination (#UD)", lock, 6, 0, "insn", lock_insn },
    { "16-byte instruction (#GP)", toolong, 13, 0, "insn", toolong_insn },
    { "fninit with CR0.TS=1 (#NM)", nm, 7, 0, "insn", nm_insn },
    { "selector beyond the GDT limit", gp_limit, 13, SEL_BAD_LIMIT, NULL, NULL },
    { "TSS selector into FS", gp_system, 13, SEL_TSS, NULL, NULL },
    { "execute-only code into FS", gp_xonly, 13, SEL_XONLY, NULL, NULL },
    { "not-present segment into FS (#NP)", np_seg, 11, SEL_NP, NULL, NULL },
    { "DPL 3 data into SS at CPL 0", gp_ss_dpl, 13, SEL_UDATA & ~3u, NULL, NULL },
    { "far jmp to a data segment selector", jmp_data, 13, SEL_KDATA, "insn", jmp_data_insn },
    { "far call to a not-present code segment (#NP)", call_np, 11, 0x50, "insn", call_np_insn },
    { "mov to cr1 (#UD)", mov_cr1, 6, 0, "insn", mov_cr1_insn },
    { "int 0x42 through a gate to a data segment", int_gate_data, 13, SEL_KDATA, "insn", int_gate_data_insn },
    { "int 0x41 through a not-present gate (#NP)", np_gate, 11, 0x41 * 8 + 2, "insn", np_gate_insn },
    { "int 0x90 beyond the IDT limit", gp_idt_limit, 13, 0x90 * 8 + 2, "insn", gp_idt_limit_insn },
  };
  struct dtr idtr_full = { sizeof rt_idt - 1, (u32)rt_idt };
  struct dtr idtr_short = { 0x80 * 8 - 1, (u32)rt_idt };
  for (u32 i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const struct expect *c = &cases[i];
    struct fault f;
    if (c->fn == nm) write_cr0(read_cr0() | 0x8);
    if (c->fn == gp_idt_limit) __asm__ volatile("lidt %0" : : "m"(idtr_short));
    u32 esp;
    __asm__ volatile("mov %%esp, %0" : "=r"(esp));
    int faulted = catch_fault(c->fn, &f);
    __asm__ volatile("mov %0, %%esp" : : "r"(esp)); /* bound pushed two words */
    if (c->fn == gp_idt_limit) __asm__ volatile("lidt %0" : : "m"(idtr_full));
    if (c->fn == nm) __asm__ volatile("clts");
    int ok = faulted && f.vector == c->vector && f.err == c->err && f.cs == SEL_KCODE &&
             (!c->at || f.eip == (u32)c->at);
    if (!c->at)
      check(ok, "errcode: %s -> vector %d err=0x%04x", c->what, f.vector, f.err);
    else if (f.eip == (u32)c->at)
      check(ok, "errcode: %s -> vector %d err=0x%04x eip=%s", c->what, f.vector, f.err, c->at_name);
    else
      check(ok, "errcode: %s -> vector %d err=0x%04x eip=0x%08x, not %s", c->what, f.vector,
            f.err, f.eip, c->at_name);
  }

  /* #NP while delivering #NP is a contributory fault during a contributory fault: #DF(0). The
     saved CS:EIP of a double fault is undefined (SDM Vol. 3 §6.15, Interrupt 8), so not shown. */
  idt_set_gate(11, rt_isr_table[11], SEL_KCODE, 0xE, 0, 0);
  struct fault f;
  int faulted = catch_fault(df, &f);
  idt_set_gate(11, rt_isr_table[11], SEL_KCODE, 0xE, 0, 1);
  check(faulted && f.vector == 8 && f.err == 0,
        "errcode: int 0x41 with the #NP gate also absent -> vector %d err=0x%04x", f.vector, f.err);

  /* IRET with NT=1 returns to the TSS in the back link; one in the LDT is #TS(selector). */
  rt_tss.link = 0x000C;
  u32 esp;
  __asm__ volatile("mov %%esp, %0" : "=r"(esp));
  extern void nt_iret(void);
  faulted = catch_fault(nt_iret, &f);
  __asm__ volatile("mov %0, %%esp" : : "r"(esp));
  rt_tss.link = 0;
  check(faulted && f.vector == 10 && f.err == 0x000C,
        "errcode: iret with NT=1 to back link 0x000c (TI=1) -> vector %d err=0x%04x", f.vector,
        f.err);
  return 0;
}

__asm__(".globl nt_iret\nnt_iret:\n"
        "  pushfl\n  orl $0x4000, (%esp)\n  popfl\n  iretl\n");
