/*
 * Strata conformance runner: executes IA-32 test cases natively (gcc -m32 -static) and dumps the
 * architectural state after each one. It is the reference side of the differential harness in
 * src/testing (wire format: harness/wire.h, mirrored by src/testing/wire.ts).
 *
 * One case = instruction bytes at CODE_BASE (the rest of the code page is INT3), data pages at
 * the addresses the case names, all eight GPRs and EFLAGS loaded exactly, FS and GS loaded with
 * an LDT data segment whose base is LDT_SEGMENT_BASE (so FS:/GS: overrides and 16-bit
 * addressing reach mapped memory), x87 state from an FNSAVE image or FNINIT.
 * The case ends at the first exception: normally the INT3 after the instruction (vector 3),
 * otherwise the instruction's own fault. Every exception reaches us as a signal; the kernel puts
 * the real vector in REG_TRAPNO, the error code in REG_ERR, the linear fault address in cr2,
 * and the complete register state in the ucontext. We copy that state out and longjmp back.
 */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/ucontext.h>
#include <unistd.h>

#include "wire.h"

/* Read by name from enter_guest's asm, hence external linkage. */
uint32_t guest_block[9]; /* EFLAGS, then POPAD order: EDI ESI EBP ESP EBX EDX ECX EAX */
uint32_t guest_esp;
uint32_t guest_eip = CODE_BASE;
uint16_t guest_seg = LDT_SELECTOR;
static uint16_t host_gs, host_fs;
static jmp_buf host_env;
static uint8_t fpu_image[FPU_IMAGE_SIZE];
static int fpu_image_valid;
static uint8_t fx_image[FXSAVE_IMAGE_SIZE] __attribute__((aligned(16)));
static int fx_image_valid;
/* The final FXSAVE image from the signal frame (after the FNSAVE part, magic 0 = FXSR data). */
static uint8_t fx_result[FXSAVE_IMAGE_SIZE];
static const uint32_t default_mxcsr = 0x1f80;

static struct wire_result result;

static void die(const char *msg) {
  fprintf(stderr, "strata-conformance-runner: %s\n", msg);
  exit(2);
}

/*
 * The guest may leave any value in GS/FS, EFLAGS.AC or DF, and ESP points into guest memory.
 * The handler runs on the alternate stack; it restores GS first because glibc (TLS, pointer
 * mangling in longjmp) reads %gs, then copies the ucontext and jumps back to the host frame.
 */
static void on_signal(int signo, siginfo_t *info, void *ctx_) {
  /* Linux clears DF on signal delivery; qemu-user does not, and memcpy would run backwards. */
  __asm__ volatile("cld\n\tmovw %0, %%gs\n\tmovw %1, %%fs" : : "r"(host_gs), "r"(host_fs));
  ucontext_t *ctx = (ucontext_t *)ctx_;
  greg_t *g = ctx->uc_mcontext.gregs;
  result.regs[0] = g[REG_EAX];
  result.regs[1] = g[REG_ECX];
  result.regs[2] = g[REG_EDX];
  result.regs[3] = g[REG_EBX];
  result.regs[4] = g[REG_UESP];
  result.regs[5] = g[REG_EBP];
  result.regs[6] = g[REG_ESI];
  result.regs[7] = g[REG_EDI];
  result.eflags = g[REG_EFL];
  result.eip = g[REG_EIP];
  result.trapno = (uint32_t)g[REG_TRAPNO];
  result.err = g[REG_ERR];
  result.signo = signo;
  result.cr2 = ctx->uc_mcontext.cr2;
  result.fault_addr = (uint32_t)(uintptr_t)info->si_addr;
  result.si_code = (uint32_t)info->si_code;
  result.segs[0] = g[REG_CS] & 0xffff;
  result.segs[1] = g[REG_SS] & 0xffff;
  result.segs[2] = g[REG_DS] & 0xffff;
  result.segs[3] = g[REG_ES] & 0xffff;
  result.segs[4] = g[REG_FS] & 0xffff;
  result.segs[5] = g[REG_GS] & 0xffff;
  if (ctx->uc_mcontext.fpregs) {
    const uint8_t *f = (const uint8_t *)ctx->uc_mcontext.fpregs;
    memcpy(result.fpu, f, FPU_IMAGE_SIZE);
    /* Linux's 32-bit frame (struct _fpstate_32): FNSAVE part, u16 status, u16 magic, then the
     * FXSAVE image when magic is 0 (X86_FXSR_MAGIC). */
    uint16_t magic;
    memcpy(&magic, f + 110, 2);
    if (magic == 0)
      memcpy(fx_result, f + 112, FXSAVE_IMAGE_SIZE);
    else
      memset(fx_result, 0, FXSAVE_IMAGE_SIZE);
  } else {
    memset(result.fpu, 0, FPU_IMAGE_SIZE);
    memset(fx_result, 0, FXSAVE_IMAGE_SIZE);
  }
  longjmp(host_env, 1);
}

/*
 * Load the guest state and jump. After POPAD no general register is free, so ESP and the
 * target come from absolute memory operands (the binary is static and not PIE).
 */
static void __attribute__((noinline, noreturn)) enter_guest(void) {
  __asm__ volatile(
      "movw guest_seg, %%ax\n\t"
      "movw %%ax, %%fs\n\t"
      "movw %%ax, %%gs\n\t"
      "movl $guest_block, %%esp\n\t"
      "popfl\n\t"
      "popal\n\t"
      "movl guest_esp, %%esp\n\t"
      "jmp *guest_eip\n\t"
      :
      :
      : "memory");
  __builtin_unreachable();
}

static void install_handlers(void) {
  static uint8_t alt_stack[256 * 1024];
  stack_t ss = {.ss_sp = alt_stack, .ss_size = sizeof alt_stack, .ss_flags = 0};
  if (sigaltstack(&ss, NULL) != 0) die("sigaltstack failed");
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = on_signal;
  /* NODEFER: we leave the handler by longjmp, so the signal must not stay blocked. */
  sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_NODEFER;
  sigemptyset(&sa.sa_mask);
  int sigs[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGTRAP, SIGALRM};
  for (unsigned i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
    if (sigaction(sigs[i], &sa, NULL) != 0) die("sigaction failed");
}

static void install_ldt_segment(void) {
  struct user_desc d;
  memset(&d, 0, sizeof d);
  d.entry_number = 0;
  d.base_addr = LDT_SEGMENT_BASE;
  d.limit = 0xfffff;
  d.seg_32bit = 1;
  d.limit_in_pages = 1;
  d.contents = 0; /* data, expand-up, writable */
  d.read_exec_only = 0;
  d.useable = 1;
  if (syscall(SYS_modify_ldt, 1, &d, sizeof d) != 0) die("modify_ldt failed");
}

static int read_exact(void *buf, size_t n) {
  uint8_t *p = buf;
  size_t got = 0;
  while (got < n) {
    ssize_t r = read(0, p + got, n - got);
    if (r < 0) die("read failed");
    if (r == 0) {
      if (got == 0) return 0;
      die("truncated case record");
    }
    got += (size_t)r;
  }
  return 1;
}

static uint8_t out_buf[1 << 20];
static size_t out_len;

static void flush_out(void) {
  size_t off = 0;
  while (off < out_len) {
    ssize_t w = write(1, out_buf + off, out_len - off);
    if (w <= 0) die("write failed");
    off += (size_t)w;
  }
  out_len = 0;
}

static void emit(const void *p, size_t n) {
  if (out_len + n > sizeof out_buf) flush_out();
  memcpy(out_buf + out_len, p, n);
  out_len += n;
}

struct region {
  uint32_t address, length;
  uint8_t *initial;
};

int main(void) {
  __asm__ volatile("movw %%gs, %0\n\tmovw %%fs, %1" : "=r"(host_gs), "=r"(host_fs));
  install_handlers();
  install_ldt_segment();
  uint8_t *code = mmap((void *)CODE_BASE, PAGE_SIZE, PROT_READ | PROT_WRITE | PROT_EXEC,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  if (code != (uint8_t *)CODE_BASE) die("cannot map the code page");

  static uint8_t region_data[MAX_REGION_BYTES];
  struct region regions[MAX_REGIONS];
  struct wire_case_header h;
  uint32_t index = 0;
  while (read_exact(&h, sizeof h)) {
    if (h.magic != WIRE_CASE_MAGIC) die("bad case magic");
    if (h.code_len > MAX_CODE || h.n_regions > MAX_REGIONS) die("case too large");
    memset(code, 0xcc, PAGE_SIZE);
    uint32_t padded = (h.code_len + 3) & ~3u;
    uint8_t codebuf[MAX_CODE + 4];
    read_exact(codebuf, padded);
    memcpy(code, codebuf, h.code_len);
    fpu_image_valid = (h.flags & WIRE_FLAG_FPU) != 0;
    if (fpu_image_valid) read_exact(fpu_image, FPU_IMAGE_SIZE);
    fx_image_valid = (h.flags & WIRE_FLAG_FXSAVE) != 0;
    if (fx_image_valid) read_exact(fx_image, FXSAVE_IMAGE_SIZE);
    size_t used = 0;
    for (uint32_t i = 0; i < h.n_regions; i++) {
      uint32_t ad[2];
      read_exact(ad, sizeof ad);
      if ((ad[0] & (PAGE_SIZE - 1)) || (ad[1] & (PAGE_SIZE - 1)) || ad[1] == 0 ||
          ad[0] < DATA_WINDOW_LO || ad[0] + ad[1] > DATA_WINDOW_HI || ad[0] + ad[1] < ad[0])
        die("region outside the data window or not page aligned");
      if (used + ad[1] > sizeof region_data) die("regions too large");
      regions[i].address = ad[0];
      regions[i].length = ad[1];
      regions[i].initial = region_data + used;
      read_exact(regions[i].initial, ad[1]);
      used += ad[1];
      void *m = mmap((void *)(uintptr_t)ad[0], ad[1], PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
      if (m != (void *)(uintptr_t)ad[0]) die("cannot map a data region");
      memcpy(m, regions[i].initial, ad[1]);
    }
    guest_block[0] = h.eflags;
    guest_block[1] = h.regs[7];
    guest_block[2] = h.regs[6];
    guest_block[3] = h.regs[5];
    guest_block[4] = h.regs[4];
    guest_block[5] = h.regs[3];
    guest_block[6] = h.regs[2];
    guest_block[7] = h.regs[1];
    guest_block[8] = h.regs[0];
    guest_esp = h.regs[4];

    struct itimerval watchdog = {{0, 0}, {0, WATCHDOG_US}};
    setitimer(ITIMER_REAL, &watchdog, NULL);
    if (setjmp(host_env) == 0) {
      if (fx_image_valid) {
        __asm__ volatile("fxrstor %0" : : "m"(fx_image));
      } else {
        __asm__ volatile("ldmxcsr %0" : : "m"(default_mxcsr));
        if (fpu_image_valid)
          __asm__ volatile("frstor %0" : : "m"(fpu_image));
        else
          __asm__ volatile("fninit");
      }
      enter_guest();
    }
    /* Back from the handler: the guest may have left AC or DF set, which the C ABI forbids. */
    __asm__ volatile("pushfl\n\tandl $~0x40400, (%%esp)\n\tpopfl" : : : "memory", "cc");
    struct itimerval off = {{0, 0}, {0, 0}};
    setitimer(ITIMER_REAL, &off, NULL);

    result.magic = WIRE_RESULT_MAGIC;
    /* cr2 is only written for #PF; do not let an earlier case's address leak into this one. */
    if (result.trapno != 14) result.cr2 = 0;
    result.index = index++;
    result.n_changed = 0;
    result.fx_len = fx_image_valid ? FXSAVE_IMAGE_SIZE : 0;
    for (uint32_t i = 0; i < h.n_regions; i++) {
      const uint8_t *now = (const uint8_t *)(uintptr_t)regions[i].address;
      for (uint32_t j = 0; j < regions[i].length; j++)
        if (now[j] != regions[i].initial[j]) result.n_changed++;
    }
    emit(&result, sizeof result);
    for (uint32_t i = 0; i < h.n_regions; i++) {
      const uint8_t *now = (const uint8_t *)(uintptr_t)regions[i].address;
      for (uint32_t j = 0; j < regions[i].length; j++)
        if (now[j] != regions[i].initial[j]) {
          uint32_t rec[2] = {regions[i].address + j, now[j]};
          emit(rec, sizeof rec);
        }
      munmap((void *)(uintptr_t)regions[i].address, regions[i].length);
    }
    if (result.fx_len) emit(fx_result, FXSAVE_IMAGE_SIZE);
  }
  flush_out();
  return 0;
}
