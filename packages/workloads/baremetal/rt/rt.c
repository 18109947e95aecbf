/* The shared runtime: GDT, IDT, TSS, interrupt dispatch, COM1 output, the PIC, user mode,
   fault capture and the exit through qemu's isa-debug-exit device (port 0xf4). */
#include <stdarg.h>
#include "rt.h"

#define COM1 0x3F8
#define DEBUG_EXIT_PORT 0xf4

u64 rt_gdt[GDT_ENTRIES] __attribute__((aligned(8)));
u64 rt_idt[256] __attribute__((aligned(8)));
struct tss_io rt_tss_io __attribute__((aligned(128)));
static isr_handler handlers[256];
static u32 passed, failed;

u8 rt_ring0_stack[8192] __attribute__((aligned(16)));
static u8 user_stack[8192] __attribute__((aligned(16)));

void *memset(void *d, int c, u32 n) {
  u8 *p = d;
  while (n--) *p++ = (u8)c;
  return d;
}

void *memcpy(void *d, const void *s, u32 n) {
  u8 *p = d;
  const u8 *q = s;
  while (n--) *p++ = *q++;
  return d;
}

/* 16550A: 115200 baud 8N1, FIFOs on (datasheet: DLAB in LCR bit 7 exposes the divisor latch). */
void serial_init(void) {
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x80);
  outb(COM1 + 0, 0x01);
  outb(COM1 + 1, 0x00);
  outb(COM1 + 3, 0x03);
  outb(COM1 + 2, 0xC7);
  outb(COM1 + 4, 0x03);
}

void putc(char c) {
  while (!(inb(COM1 + 5) & 0x20)) {} /* LSR.THRE: the holding register can take a byte */
  outb(COM1, (u8)c);
}

void puts(const char *s) {
  while (*s) putc(*s++);
}

static void put_num(u32 v, unsigned base, int width, char pad, int negative) {
  char buf[12];
  int n = 0;
  do {
    buf[n++] = "0123456789abcdef"[v % base];
    v /= base;
  } while (v);
  if (negative) buf[n++] = '-';
  while (n < width) putc(pad), width--;
  while (n) putc(buf[--n]);
}

static void vprintf(const char *fmt, va_list ap) {
  for (; *fmt; fmt++) {
    if (*fmt != '%') {
      putc(*fmt);
      continue;
    }
    fmt++;
    char pad = ' ';
    int width = 0;
    if (*fmt == '0') pad = '0', fmt++;
    while (*fmt >= '0' && *fmt <= '9') width = width * 10 + (*fmt++ - '0');
    switch (*fmt) {
      case 'd': {
        i32 v = va_arg(ap, i32);
        put_num(v < 0 ? (u32)-v : (u32)v, 10, width, pad, v < 0);
        break;
      }
      case 'u': put_num(va_arg(ap, u32), 10, width, pad, 0); break;
      case 'x': put_num(va_arg(ap, u32), 16, width, pad, 0); break;
      case 'c': putc((char)va_arg(ap, int)); break;
      case 's': puts(va_arg(ap, const char *)); break;
      case '%': putc('%'); break;
      default: putc('?'); break;
    }
  }
}

void printf(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vprintf(fmt, ap);
  va_end(ap);
}

void pass(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  puts("PASS ");
  vprintf(fmt, ap);
  putc('\n');
  va_end(ap);
  passed++;
}

void fail(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  puts("FAIL ");
  vprintf(fmt, ap);
  putc('\n');
  va_end(ap);
  failed++;
}

void check(int cond, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  puts(cond ? "PASS " : "FAIL ");
  vprintf(fmt, ap);
  putc('\n');
  va_end(ap);
  if (cond) passed++;
  else failed++;
}

/* isa-debug-exit: a write of v makes qemu exit with status (v << 1) | 1. */
void exit(u32 code) {
  printf("DONE %s: %u passed, %u failed\n", test_name, passed, failed);
  outl(DEBUG_EXIT_PORT, failed && !code ? 1 : code);
  for (;;) {
    cli();
    hlt();
  }
}

u64 make_desc(u32 base, u32 limit, u8 access, u8 flags) {
  u64 d = limit & 0xFFFF;
  d |= (u64)(base & 0xFFFFFF) << 16;
  d |= (u64)access << 40;
  d |= (u64)((limit >> 16) & 0xF) << 48;
  d |= (u64)(flags & 0xF) << 52;
  d |= (u64)(base >> 24) << 56;
  return d;
}

void gdt_set(int index, u32 base, u32 limit, u8 access, u8 flags) {
  rt_gdt[index] = make_desc(base, limit, access, flags);
}

void gdt_load(void) {
  struct __attribute__((packed)) { u16 limit; u32 base; } gdtr = { sizeof rt_gdt - 1, (u32)rt_gdt };
  __asm__ volatile("lgdt %0" : : "m"(gdtr));
}

void idt_set_gate(int vector, u32 offset, u16 selector, u8 type, u8 dpl, int present) {
  u64 g = offset & 0xFFFF;
  g |= (u64)selector << 16;
  g |= (u64)((present ? 0x80 : 0) | (dpl << 5) | type) << 40;
  g |= (u64)(offset >> 16) << 48;
  rt_idt[vector] = g;
}

void set_handler(int vector, isr_handler handler) { handlers[vector] = handler; }

void idt_route(int vector, isr_handler handler, u8 type, u8 dpl) {
  idt_set_gate(vector, rt_isr_table[vector], SEL_KCODE, type, dpl, 1);
  handlers[vector] = handler;
}

static struct jmpbuf *fault_jb;
static struct fault *fault_out;
static struct jmpbuf user_jb;
static u32 user_value;

void rt_isr_dispatch(struct frame *f) {
  isr_handler h = handlers[f->vector];
  if (h) h(f);
  else rt_unhandled(f);
}

void rt_unhandled(struct frame *f) {
  if (f->vector < 32 && fault_jb) {
    struct jmpbuf *jb = fault_jb;
    fault_jb = NULL;
    fault_out->vector = (int)f->vector;
    fault_out->err = f->err;
    fault_out->eip = f->eip;
    fault_out->cs = f->cs;
    fault_out->cr2 = f->vector == 14 ? read_cr2() : 0;
    rt_longjmp(jb, 1);
  }
  fail("unexpected vector %u err=0x%08x at %04x:%08x eflags=0x%08x", f->vector, f->err, f->cs,
       f->eip, f->eflags);
  exit(1);
}

int catch_fault(void (*fn)(void), struct fault *out) {
  struct jmpbuf jb;
  out->vector = -1;
  out->err = out->eip = out->cs = out->cr2 = 0;
  fault_out = out;
  fault_jb = &jb;
  if (rt_setjmp(&jb)) return 1;
  fn();
  fault_jb = NULL;
  return 0;
}

/* int 0x80 from ring 3: EAX=0 exit(EBX), EAX=1 puts(EBX). */
static void syscall_handler(struct frame *f) {
  if (f->eax == 0) {
    user_value = f->ebx;
    rt_longjmp(&user_jb, 1);
  }
  if (f->eax == 1) puts((const char *)f->ebx);
}

u32 run_user(void (*fn)(void), u32 eflags) {
  rt_tss.esp0 = RING0_STACK_TOP;
  if (rt_setjmp(&user_jb)) {
    rt_load_segments(SEL_KCODE, SEL_KDATA);
    return user_value;
  }
  rt_enter_user((u32)fn, (u32)user_stack + sizeof user_stack, eflags, SEL_UCODE, SEL_UDATA);
}

void user_exit(u32 value) {
  __asm__ volatile("int $0x80" : : "a"(0), "b"(value));
  __builtin_unreachable();
}

void pic_init(void) {
  /* ICW1 edge + ICW4 needed, ICW2 vector base, ICW3 cascade on IR2, ICW4 8086 mode
     (8259A datasheet, "Initialization Command Words"); then OCW1 masks every line. */
  outb(0x20, 0x11);
  outb(0xA0, 0x11);
  outb(0x21, PIC_VECTOR);
  outb(0xA1, PIC_VECTOR + 8);
  outb(0x21, 0x04);
  outb(0xA1, 0x02);
  outb(0x21, 0x01);
  outb(0xA1, 0x01);
  outb(0x21, 0xFF);
  outb(0xA1, 0xFF);
}

void pic_unmask(int irq) {
  if (irq >= 8) {
    outb(0xA1, inb(0xA1) & ~(1 << (irq - 8)));
    irq = 2;
  }
  outb(0x21, inb(0x21) & ~(1 << irq));
}

void pic_eoi(int irq) {
  if (irq >= 8) outb(0xA0, 0x20);
  outb(0x20, 0x20);
}

void rt_main(void) {
  serial_init();
  printf("== strata bare-metal test: %s ==\n", test_name);
  /* Flat 4 GiB segments: kernel code/data (DPL 0), user code/data (DPL 3), one 32-bit TSS. */
  gdt_set(1, 0, 0xFFFFF, 0x9A, 0xC);
  gdt_set(2, 0, 0xFFFFF, 0x92, 0xC);
  gdt_set(3, 0, 0xFFFFF, 0xFA, 0xC);
  gdt_set(4, 0, 0xFFFFF, 0xF2, 0xC);
  rt_tss.ss0 = SEL_KDATA;
  rt_tss.esp0 = RING0_STACK_TOP;
  rt_tss.iomap_base = sizeof rt_tss; /* no I/O bitmap: IN/OUT at CPL > IOPL fault */
  gdt_set(5, (u32)&rt_tss, sizeof rt_tss - 1, 0x89, 0x0);
  gdt_load();
  rt_load_segments(SEL_KCODE, SEL_KDATA);
  __asm__ volatile("ltr %w0" : : "r"(SEL_TSS));
  for (int v = 0; v < 256; v++) idt_set_gate(v, rt_isr_table[v], SEL_KCODE, 0xE, 0, 1);
  idt_set_gate(0x80, rt_isr_table[0x80], SEL_KCODE, 0xE, 3, 1);
  handlers[0x80] = syscall_handler;
  struct __attribute__((packed)) { u16 limit; u32 base; } idtr = { sizeof rt_idt - 1, (u32)rt_idt };
  __asm__ volatile("lidt %0" : : "m"(idtr));
  pic_init();
  exit((u32)test_main());
}
