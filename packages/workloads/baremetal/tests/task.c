/* Hardware task switching (SDM Vol. 3 §7.3-7.4): CALL or INT through a task gate nests (the new
   TSS's back link gets the old TR, EFLAGS.NT is set, the old task stays busy); IRET with NT=1
   returns to the back-linked task and marks the nested one available again; JMP does not nest
   and frees the old task. The outgoing state is saved in the old TSS, and every switch sets
   CR0.TS (§2.5). */
#include "rt.h"

const char test_name[] = "task";

#define SEL_TSS_B (GDT_FREE * 8)
#define TSS_TYPE(sel) ((u32)(rt_gdt[(sel) >> 3] >> 40) & 0xFF)

static struct tss tss_b __attribute__((aligned(128)));
static u8 stack_b[4096] __attribute__((aligned(16)));

/* What task B saw, per entry. */
static volatile u32 b_runs, b_link, b_eflags, b_type_a, b_type_b, b_tr, b_a_eax, b_a_eip;
static volatile int jump_back;

extern char after_call[], after_int[], np_load[];

#define SEL_TSS_C ((GDT_FREE + 1) * 8)
#define SEL_NP_DATA ((GDT_FREE + 2) * 8)
static struct tss tss_c __attribute__((aligned(128)));
static u8 stack_c[4096] __attribute__((aligned(16)));
static volatile u32 c_runs, c_err, c_link, c_eflags, c_a_eip;
void task_c_entry(void);

/* Task C's body: the error code was popped by task_c_entry. */
void task_c_body(u32 err) {
  c_runs++;
  c_err = err;
  c_link = tss_c.link;
  c_eflags = read_eflags();
  c_a_eip = rt_tss.eip;
  rt_gdt[SEL_NP_DATA >> 3] |= (u64)0x80 << 40; /* make the segment present */
}

__asm__(".globl task_c_entry\ntask_c_entry:\n"
        "  pop %eax\n  push %eax\n  call task_c_body\n  add $4, %esp\n  iret\n  jmp task_c_entry\n");

static void task_b(void) {
  for (;;) {
    u32 tr;
    b_runs++;
    b_link = tss_b.link;
    b_eflags = read_eflags();
    b_type_a = TSS_TYPE(SEL_TSS);
    b_type_b = TSS_TYPE(SEL_TSS_B);
    __asm__ volatile("str %0" : "=r"(tr));
    b_tr = tr & 0xFFFF;
    b_a_eax = rt_tss.eax;
    b_a_eip = rt_tss.eip;
    if (jump_back) __asm__ volatile("ljmp $0x28, $0" ::: "memory");
    else __asm__ volatile("iret" ::: "memory");
  }
}

static void reset_b(void) {
  memset(&tss_b, 0, sizeof tss_b);
  tss_b.eip = (u32)task_b;
  tss_b.eflags = EFL_FIXED;
  tss_b.esp = (u32)stack_b + sizeof stack_b;
  tss_b.cs = SEL_KCODE;
  tss_b.ss = tss_b.ds = tss_b.es = tss_b.fs = tss_b.gs = SEL_KDATA;
  tss_b.cr3 = read_cr3();
  tss_b.iomap_base = sizeof tss_b;
  gdt_set(GDT_FREE, (u32)&tss_b, sizeof tss_b - 1, 0x89, 0x0);
}

int test_main(void) {
  reset_b();
  /* CALL to the TSS descriptor: a nested task switch. */
  __asm__ volatile("mov $0x12345678, %%eax\n lcall $0x30, $0\n.globl after_call\nafter_call:"
                   ::: "eax", "ecx", "edx", "memory");
  u32 cr0 = read_cr0();
  __asm__ volatile("clts");
  check(b_runs == 1 && b_tr == SEL_TSS_B, "task: call 0x%04x:0 ran task B (tr=0x%04x)", SEL_TSS_B, b_tr);
  check(b_link == SEL_TSS, "task: B's back link = 0x%04x", b_link);
  check((b_eflags & EFL_NT) != 0, "task: B runs with NT=1 (eflags=0x%08x)", b_eflags);
  check(b_type_a == 0x8B && b_type_b == 0x8B,
        "task: during the call A type=0x%02x B type=0x%02x (both busy)", b_type_a, b_type_b);
  check(b_a_eax == 0x12345678 && b_a_eip == (u32)after_call,
        "task: A's TSS saved eax=0x%08x and eip=after the call", b_a_eax);
  check(TSS_TYPE(SEL_TSS) == 0x8B && TSS_TYPE(SEL_TSS_B) == 0x89,
        "task: after B's iret A type=0x%02x B type=0x%02x (B available)", TSS_TYPE(SEL_TSS),
        TSS_TYPE(SEL_TSS_B));
  check((cr0 & 0x8) != 0 && !(read_eflags() & EFL_NT), "task: back in A with CR0.TS=1 and NT=0");

  /* INT through a task gate: also nested; B resumes after its IRET. */
  idt_set_gate(0x50, 0, SEL_TSS_B, 0x5, 0, 1);
  tss_b.link = 0;
  __asm__ volatile("int $0x50\n.globl after_int\nafter_int:" ::: "memory");
  __asm__ volatile("clts");
  check(b_runs == 2 && b_link == SEL_TSS && (b_eflags & EFL_NT) && b_a_eip == (u32)after_int,
        "task: int 0x50 through a task gate nested B (link=0x%04x)", b_link);

  /* JMP: no nesting, A becomes available while B runs; B jumps back. */
  tss_b.link = 0;
  jump_back = 1;
  __asm__ volatile("ljmp $0x30, $0\n1:" ::: "memory");
  __asm__ volatile("clts");
  check(b_runs == 3 && b_link == 0 && !(b_eflags & EFL_NT) && b_type_a == 0x89 && b_type_b == 0x8B,
        "task: jmp to B: link=0x%04x NT=%u, A type=0x%02x B type=0x%02x", b_link,
        (b_eflags & EFL_NT) != 0, b_type_a, b_type_b);
  check(TSS_TYPE(SEL_TSS) == 0x8B && TSS_TYPE(SEL_TSS_B) == 0x89,
        "task: after B's jmp back A type=0x%02x B type=0x%02x", TSS_TYPE(SEL_TSS),
        TSS_TYPE(SEL_TSS_B));

  /* An exception through a task gate (§7.3, §6.11.2): #NP runs in task C, which finds the
     error code on its own stack, makes the segment present and returns; A then retries the
     faulting instruction, whose EIP A's TSS saved. */
  memset(&tss_c, 0, sizeof tss_c);
  tss_c.eip = (u32)task_c_entry;
  tss_c.eflags = EFL_FIXED;
  tss_c.esp = (u32)stack_c + sizeof stack_c;
  tss_c.cs = SEL_KCODE;
  tss_c.ss = tss_c.ds = tss_c.es = tss_c.fs = tss_c.gs = SEL_KDATA;
  tss_c.cr3 = read_cr3();
  tss_c.iomap_base = sizeof tss_c;
  gdt_set(GDT_FREE + 1, (u32)&tss_c, sizeof tss_c - 1, 0x89, 0x0);
  gdt_set(GDT_FREE + 2, 0, 0xFFFFF, 0x12, 0xC); /* data, not present */
  idt_set_gate(11, 0, SEL_TSS_C, 0x5, 0, 1);
  u32 fs;
  __asm__ volatile(".globl np_load\nnp_load: mov %1, %%fs\n mov %%fs, %0" : "=r"(fs) : "r"((u32)SEL_NP_DATA) : "memory");
  __asm__ volatile("mov %0, %%fs" : : "r"((u32)SEL_KDATA));
  idt_set_gate(11, rt_isr_table[11], SEL_KCODE, 0xE, 0, 1);
  check(c_runs == 1 && c_err == SEL_NP_DATA && c_link == SEL_TSS && (c_eflags & EFL_NT),
        "task: #NP through a task gate ran task C with error code 0x%04x on its stack, link=0x%04x",
        c_err, c_link);
  check(c_a_eip == (u32)np_load && (fs & 0xFFFF) == SEL_NP_DATA,
        "task: A's TSS held the faulting EIP; the retried load gave fs=0x%04x", fs & 0xFFFF);

  /* A CALL to a busy task is #GP(selector) (§7.3 step 3). */
  struct fault f;
  extern void call_self(void);
  int faulted = catch_fault(call_self, &f);
  check(faulted && f.vector == 13 && f.err == SEL_TSS, "task: call to the busy current task -> vector %d err=0x%04x",
        f.vector, f.err);
  return 0;
}

__asm__(".globl call_self\ncall_self:\n lcall $0x28, $0\n ret\n");
