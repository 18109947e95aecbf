/* The shared runtime of the bare-metal test kernels: port I/O, COM1 output, PASS/FAIL lines,
   the GDT/IDT/TSS the runtime installs, interrupt dispatch, and exit through isa-debug-exit. */
#ifndef STRATA_BAREMETAL_RT_H
#define STRATA_BAREMETAL_RT_H

typedef unsigned char u8;
typedef unsigned short u16;
typedef unsigned int u32;
typedef unsigned long long u64;
typedef int i32;

#define NULL ((void *)0)

/* Selectors of the runtime GDT (rt.c). Tests own the descriptors from GDT_FREE on. */
#define SEL_KCODE 0x08
#define SEL_KDATA 0x10
#define SEL_UCODE 0x1B
#define SEL_UDATA 0x23
#define SEL_TSS   0x28
#define GDT_FREE  6
#define GDT_ENTRIES 32

/* EFLAGS bits (SDM Vol. 1 §3.4.3). */
#define EFL_CF 0x00000001u
#define EFL_FIXED 0x00000002u
#define EFL_PF 0x00000004u
#define EFL_ZF 0x00000040u
#define EFL_TF 0x00000100u
#define EFL_IF 0x00000200u
#define EFL_DF 0x00000400u
#define EFL_OF 0x00000800u
#define EFL_IOPL3 0x00003000u
#define EFL_NT 0x00004000u
#define EFL_RF 0x00010000u
#define EFL_VM 0x00020000u
#define EFL_AC 0x00040000u

static inline void outb(u16 port, u8 v) { __asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outw(u16 port, u16 v) { __asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port)); }
static inline void outl(u16 port, u32 v) { __asm__ volatile("outl %0, %1" : : "a"(v), "Nd"(port)); }
static inline u8 inb(u16 port) { u8 v; __asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u16 inw(u16 port) { u16 v; __asm__ volatile("inw %1, %0" : "=a"(v) : "Nd"(port)); return v; }
static inline u32 read_eflags(void) { u32 f; __asm__ volatile("pushfl; popl %0" : "=r"(f)); return f; }
static inline void write_eflags(u32 f) { __asm__ volatile("pushl %0; popfl" : : "r"(f) : "cc", "memory"); }
static inline u32 read_cr0(void) { u32 v; __asm__ volatile("mov %%cr0, %0" : "=r"(v)); return v; }
static inline u32 read_cr2(void) { u32 v; __asm__ volatile("mov %%cr2, %0" : "=r"(v)); return v; }
static inline u32 read_cr3(void) { u32 v; __asm__ volatile("mov %%cr3, %0" : "=r"(v)); return v; }
static inline u32 read_cr4(void) { u32 v; __asm__ volatile("mov %%cr4, %0" : "=r"(v)); return v; }
static inline void write_cr0(u32 v) { __asm__ volatile("mov %0, %%cr0" : : "r"(v) : "memory"); }
static inline void write_cr3(u32 v) { __asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory"); }
static inline void write_cr4(u32 v) { __asm__ volatile("mov %0, %%cr4" : : "r"(v) : "memory"); }
static inline void invlpg(u32 va) { __asm__ volatile("invlpg (%0)" : : "r"(va) : "memory"); }
static inline void cli(void) { __asm__ volatile("cli" ::: "memory"); }
static inline void sti(void) { __asm__ volatile("sti" ::: "memory"); }
static inline void hlt(void) { __asm__ volatile("hlt" ::: "memory"); }
static inline void barrier(void) { __asm__ volatile("" ::: "memory"); }

/* What rt_isr_common pushes, lowest address first (boot.asm); the V86 segment slots exist only
   for interrupts from virtual-8086 mode, ESP/SS only on a privilege change (SDM Vol. 3 §6.12.1). */
struct frame {
  u32 gs, fs, es, ds;
  u32 edi, esi, ebp, esp_at_pushad, ebx, edx, ecx, eax;
  u32 vector, err;
  u32 eip, cs, eflags;
  u32 esp, ss;
  u32 v86_es, v86_ds, v86_fs, v86_gs;
};

typedef void (*isr_handler)(struct frame *f);

/* The 32-bit TSS (SDM Vol. 3 §7.2.1, Figure 7-2). */
struct tss {
  u32 link, esp0, ss0, esp1, ss1, esp2, ss2, cr3, eip, eflags;
  u32 eax, ecx, edx, ebx, esp, ebp, esi, edi;
  u32 es, cs, ss, ds, fs, gs, ldt;
  u16 trap, iomap_base;
} __attribute__((packed));

struct jmpbuf { u32 ebx, esi, edi, ebp, esp, eip; };
int rt_setjmp(struct jmpbuf *b) __attribute__((returns_twice));
void rt_longjmp(struct jmpbuf *b, int v) __attribute__((noreturn));

/* Runtime tables. */
extern u64 rt_gdt[GDT_ENTRIES];
extern u64 rt_idt[256];
/* The runtime TSS is followed by room for an I/O permission bitmap over ports 0-0x3FF and its
   terminating 0xFF byte (SDM Vol. 1 §19.5.2); the runtime leaves it outside the TSS limit. */
#define IOMAP_PORTS 0x400
struct tss_io {
  struct tss tss;
  u8 iomap[IOMAP_PORTS / 8 + 1];
} __attribute__((packed));
extern struct tss_io rt_tss_io;
#define rt_tss (rt_tss_io.tss)
extern const u32 rt_isr_table[256];
/* The stack the CPU switches to on entry from ring 3 or V86 mode (TSS.ESP0). */
extern u8 rt_ring0_stack[8192];
#define RING0_STACK_TOP ((u32)rt_ring0_stack + sizeof rt_ring0_stack)

/* Descriptor helpers: access byte and flags nibble as in SDM Vol. 3 §3.4.5 Figure 3-8. */
u64 make_desc(u32 base, u32 limit, u8 access, u8 flags);
void gdt_set(int index, u32 base, u32 limit, u8 access, u8 flags);
void gdt_load(void);
/* Gate: type 0xE interrupt gate, 0xF trap gate, 0x5 task gate (SDM Vol. 3 §6.11 Figure 6-2). */
void idt_set_gate(int vector, u32 offset, u16 selector, u8 type, u8 dpl, int present);
/* Points a vector at the runtime stub (which calls handler) through a gate of the given type. */
void idt_route(int vector, isr_handler handler, u8 type, u8 dpl);
void set_handler(int vector, isr_handler handler);
void rt_load_segments(u16 code, u16 data);
void rt_enter_user(u32 eip, u32 esp, u32 eflags, u32 cs, u32 ss) __attribute__((noreturn));

/* Runs fn at CPL 3 (user code/data, its own stack, the given EFLAGS). fn ends with user_exit(),
   a system call through int 0x80 that returns here. Returns the value passed to user_exit. */
u32 run_user(void (*fn)(void), u32 eflags);
void user_exit(u32 value) __attribute__((noreturn));

/* Fault capture: run fn; if an exception occurs, record it and abandon fn. A test's own handler
   passes faults it does not want to rt_unhandled, which captures them or fails the test. */
struct fault { int vector; u32 err; u32 eip; u32 cs; u32 cr2; };
int catch_fault(void (*fn)(void), struct fault *out); /* 1 if fn faulted */
void rt_unhandled(struct frame *f);

/* Output on COM1 (serial_init: 115200 8N1, FIFOs on, no interrupts). */
void serial_init(void);
void putc(char c);
void puts(const char *s);
void printf(const char *fmt, ...);
void pass(const char *fmt, ...);
void fail(const char *fmt, ...);
/* PASS or FAIL with the same text depending on cond. */
void check(int cond, const char *fmt, ...);
void exit(u32 code) __attribute__((noreturn));

/* 8259A PIC pair remapped to vectors 0x20 (master) and 0x28 (slave), all lines masked. */
#define PIC_VECTOR 0x20
void pic_init(void);
void pic_unmask(int irq);
void pic_eoi(int irq);

void *memset(void *d, int c, u32 n);
void *memcpy(void *d, const void *s, u32 n);

/* Each test kernel defines these. */
extern const char test_name[];
int test_main(void); /* returns the debug-exit value (0 when everything passed) */

#endif
