/**
 * The CPUID identity of Strata's IA-32 processor (SDM Vol. 2 "CPUID"): a P6-family (i686) part
 * with an on-chip x87 FPU, 4 MiB pages (PSE) and global pages (PGE), TSC, model-specific registers (RDMSR/WRMSR, as every P6 has), CMPXCHG8B
 * and CMOV, and deliberately nothing of MMX, FXSR, SSE*,
 * SEP or PAE: software (glibc's ifunc selection among them) must pick plain IA-32 code paths, and
 * those instructions raise #UD here. The vendor string is our own, so vendor-specific probing
 * (Intel cache descriptors in leaf 2/4, AMD extended leaves) is skipped by well-behaved software.
 */

export const CPUID_VENDOR = "Strata IA-32";
/** Highest basic leaf. */
export const CPUID_MAX_LEAF = 1;
/** Leaf 1 EAX: family 6, model 3, stepping 3 (a Pentium II-class signature). */
export const CPUID_SIGNATURE = 0x633;
/** Leaf 1 EDX feature bits. */
export const FEATURE_FPU = 1 << 0;
/** Page-size extension: 4 MiB pages (CR4.PSE, memory/paging.ts). */
export const FEATURE_PSE = 1 << 3;
export const FEATURE_TSC = 1 << 4;
export const FEATURE_MSR = 1 << 5;
export const FEATURE_CX8 = 1 << 8;
/** Global pages (CR4.PGE, PTE.G survive CR3 loads: memory/tlb.ts). */
export const FEATURE_PGE = 1 << 13;
export const FEATURE_CMOV = 1 << 15;
export const CPUID_FEATURES_EDX = FEATURE_FPU | FEATURE_PSE | FEATURE_TSC | FEATURE_MSR | FEATURE_CX8 | FEATURE_PGE | FEATURE_CMOV;

function vendorWord(k: number): number {
  let v = 0;
  for (let b = 0; b < 4; b++) v |= CPUID_VENDOR.charCodeAt(k * 4 + b) << (b * 8);
  return v;
}

/** Writes the four result registers for leaf `eax` (subleaf ignored: no leaf we report has any). */
export function cpuid(leaf: number, out: Int32Array): void {
  out.fill(0);
  const l = leaf >>> 0;
  if (l === 0) {
    out[0] = CPUID_MAX_LEAF;
    out[1] = vendorWord(0); // EBX
    out[3] = vendorWord(1); // EDX
    out[2] = vendorWord(2); // ECX
  } else if (l === 1) {
    out[0] = CPUID_SIGNATURE;
    out[3] = CPUID_FEATURES_EDX;
  } else if (l === 0x80000000) {
    out[0] = 0x80000000; // no extended leaves
  }
}
