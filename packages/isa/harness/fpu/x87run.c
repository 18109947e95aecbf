/*
 * x87run: the host x87 as the oracle for the @strata/isa software FPU.
 *
 * Each stdin line is one case:   <insn hex> <fsave image hex, 108 bytes> <memory hex> <eflags hex>
 * and produces one stdout line:  <fsave image hex after> <memory hex after> <eflags hex after> <ax hex>
 *
 * The instruction bytes are copied into an executable buffer followed by RET. A memory operand
 * must be encoded as [EBX] (ModRM mod=00 rm=011), which points at the case's memory bytes. The
 * FPU state is loaded with FRSTOR and read back with FNSAVE: FNSAVE is a no-wait instruction, so
 * an unmasked exception left pending by the instruction is captured in the image (ES/B set) and
 * never delivered, and FNSAVE's implicit FNINIT discards it before the next case.
 * EFLAGS are loaded with POPF (arithmetic flags only) for FCMOVcc and read back for FCOMI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static unsigned char img[108] __attribute__((aligned(16)));
static unsigned char mem[128] __attribute__((aligned(16)));

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int parse_hex(const char *s, unsigned char *out, int max) {
  int n = 0;
  while (s[0] && s[1] && hexval(s[0]) >= 0) {
    if (n >= max) return -1;
    out[n++] = (unsigned char)(hexval(s[0]) * 16 + hexval(s[1]));
    s += 2;
  }
  return n;
}

static void put_hex(const unsigned char *p, int n) {
  static const char d[] = "0123456789abcdef";
  for (int i = 0; i < n; i++) {
    putchar(d[p[i] >> 4]);
    putchar(d[p[i] & 15]);
  }
}

int main(void) {
  unsigned char *code = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (code == MAP_FAILED) {
    perror("mmap");
    return 2;
  }
  static char line[4096];
  char insn[64], imgh[512], memh[512];
  unsigned int efl;
  while (fgets(line, sizeof line, stdin)) {
    if (sscanf(line, "%63s %511s %511s %x", insn, imgh, memh, &efl) != 4) {
      fprintf(stderr, "x87run: bad line: %s", line);
      return 2;
    }
    int n = parse_hex(insn, code, 32);
    if (n <= 0 || parse_hex(imgh, img, 108) != 108) {
      fprintf(stderr, "x87run: bad instruction or image: %s", line);
      return 2;
    }
    code[n] = 0xc3;
    memset(mem, 0, sizeof mem);
    int memlen = strcmp(memh, "-") == 0 ? 0 : parse_hex(memh, mem, 128);
    if (memlen < 0) {
      fprintf(stderr, "x87run: bad memory: %s", line);
      return 2;
    }
    unsigned int flags = (efl & 0x8d5) | 0x202;
    unsigned int ax = 0;
    __asm__ volatile(
        "frstor (%%esi)\n\t"
        "pushl %%ecx\n\t"
        "popfl\n\t"
        "call *%%edx\n\t"
        "pushfl\n\t"
        "popl %%ecx\n\t"
        "fnsave (%%esi)\n\t"
        : "+c"(flags), "+a"(ax)
        : "S"(img), "d"(code), "b"(mem)
        : "memory", "cc", "edi");
    put_hex(img, 108);
    putchar(' ');
    if (memlen) put_hex(mem, memlen); else putchar('-');
    printf(" %08x %04x\n", flags, ax & 0xffff);
  }
  return 0;
}
