/*
 * Wire format between src/testing/native (TypeScript) and the native runner. Mirrored field
 * for field by src/testing/wire.ts; every field is a little-endian u32.
 *
 * Input, repeated until EOF:
 *   wire_case_header, code bytes padded to 4, [FPU_IMAGE_SIZE bytes if WIRE_FLAG_FPU],
 *   [FXSAVE_IMAGE_SIZE bytes if WIRE_FLAG_FXSAVE],
 *   n_regions x { u32 address, u32 length, length bytes }   (page aligned, inside the data window)
 * Output, one per case in order:
 *   wire_result, n_changed x { u32 address, u32 byte }       (bytes that differ from the input),
 *   fx_len bytes of the final FXSAVE image (fx_len is 0 or FXSAVE_IMAGE_SIZE)
 */
#ifndef STRATA_CONFORMANCE_WIRE_H
#define STRATA_CONFORMANCE_WIRE_H
#include <stdint.h>

#define PAGE_SIZE 4096u
#define CODE_BASE 0x10000000u
#define DATA_WINDOW_LO 0x20000000u
#define DATA_WINDOW_HI 0x30000000u
#define LDT_SEGMENT_BASE 0x20000000u
/* LDT entry 0, table indicator 1, RPL 3. */
#define LDT_SELECTOR 0x0007u
#define MAX_CODE 64u
#define MAX_REGIONS 16u
#define MAX_REGION_BYTES (64u * PAGE_SIZE)
#define FPU_IMAGE_SIZE 108u
#define WATCHDOG_US 200000

#define WIRE_CASE_MAGIC 0x53414353u   /* "SCAS" */
#define WIRE_RESULT_MAGIC 0x53455253u /* "SRES" */
#define WIRE_FLAG_FPU 1u
/* An FXSAVE image (x87, MMX, XMM0-7, MXCSR) follows instead: loaded with FXRSTOR, and the result
 * carries the final FXSAVE image after its changed bytes. */
#define WIRE_FLAG_FXSAVE 2u
#define FXSAVE_IMAGE_SIZE 512u
/* REG_TRAPNO when the signal did not come from an exception (qemu-user leaves it unset too). */
#define WIRE_NO_TRAPNO 0xffffffffu

struct wire_case_header {
  uint32_t magic;
  uint32_t code_len;
  uint32_t flags;
  uint32_t n_regions;
  uint32_t regs[8]; /* EAX ECX EDX EBX ESP EBP ESI EDI */
  uint32_t eflags;
};

struct wire_result {
  uint32_t magic;
  uint32_t index;
  uint32_t regs[8];
  uint32_t eflags;
  uint32_t eip;
  uint32_t trapno; /* exception vector from REG_TRAPNO, or WIRE_NO_TRAPNO */
  uint32_t err;
  uint32_t signo; /* SIGALRM: the watchdog stopped a case that did not end */
  uint32_t si_code;
  uint32_t cr2;
  uint32_t fault_addr;
  uint32_t segs[6]; /* CS SS DS ES FS GS */
  uint8_t fpu[FPU_IMAGE_SIZE]; /* FNSAVE layout */
  uint32_t fx_len;
  uint32_t n_changed;
};

#endif
