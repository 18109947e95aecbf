/**
 * Model-specific registers of a P6-family processor that an i686 kernel touches (SDM Vol. 4
 * Table 2-2 "IA-32 Architectural MSRs" and "MSRs in the P6 Family Processors"). Values after reset follow
 * qemu-system-i386, the reference a kernel is tested against: IA32_APIC_BASE reads 0xFEE00900 (the
 * bootstrap processor, APIC globally enabled), IA32_MISC_ENABLE reads 1 (fast strings),
 * IA32_BIOS_SIGN_ID reads 0x1_00000000, IA32_MTRRCAP reads 0: CPUID does not advertise MTRRs, so
 * there are no ranges to count (qemu's answer for such a CPU); the fixed and variable range MSRs
 * still hold what is written, as on qemu. Any other index, and writes to the read-only ones
 * (IA32_MTRRCAP, IA32_PLATFORM_ID), raise #GP(0).
 * PAT (0x277) is not provided because CPUID does not advertise it.
 *
 * The time-stamp counter is the retired-instruction count plus an offset (S_TSC_LO/HI) that a
 * WRMSR to IA32_TIME_STAMP_COUNTER sets: RDTSC and RDMSR 0x10 read the same deterministic clock.
 * Read/write values travel as (low, high) 32-bit halves, as EDX:EAX carry them.
 */
import { raise, VEC_GP } from "./exceptions";
import type { Cpu } from "./cpu";
import {
  S_APIC_BASE,
  S_MISC_ENABLE,
  S_MTRR_DEF_TYPE,
  S_MTRR_FIX,
  S_MTRR_PHYS,
  S_SYSENTER_CS,
  S_SYSENTER_EIP,
  S_SYSENTER_ESP,
  S_TSC_HI,
  S_TSC_LO,
} from "./state";

export const IA32_TIME_STAMP_COUNTER = 0x10;
export const IA32_PLATFORM_ID = 0x17;
export const IA32_APIC_BASE = 0x1b;
export const IA32_BIOS_SIGN_ID = 0x8b;
export const IA32_MTRRCAP = 0xfe;
export const IA32_SYSENTER_CS = 0x174;
export const IA32_SYSENTER_ESP = 0x175;
export const IA32_SYSENTER_EIP = 0x176;
export const IA32_MISC_ENABLE = 0x1a0;
export const IA32_MTRR_PHYSBASE0 = 0x200;
export const IA32_MTRR_PHYSMASK7 = 0x20f;
export const IA32_MTRR_DEF_TYPE = 0x2ff;
/** The fixed-range MTRRs in the order of their state words (SDM Vol. 3 §11.11.2.2). */
export const IA32_MTRR_FIX = [0x250, 0x258, 0x259, 0x268, 0x269, 0x26a, 0x26b, 0x26c, 0x26d, 0x26e, 0x26f] as const;

/** Power-on values (qemu-system-i386), stored XORed so that zero-filled state words read them. */
export const APIC_BASE_RESET = 0xfee00900 | 0;
export const MISC_ENABLE_RESET = 1;
/**
 * IA32_MTRRCAP: VCNT (bits 0-7), FIX (bit 8), WC (bit 10) — all 0 while CPUID.1:EDX.MTRR is not
 * advertised (a P6 that advertises MTRRs reports 0x508: 8 variable ranges, fixed ranges, WC).
 */
export const MTRRCAP_VALUE = 0;

/** The result of readMsr (EAX, EDX). Module-level: RDMSR allocates nothing. */
export const msrValue = { lo: 0, hi: 0 };

function fixedIndex(msr: number): number {
  return (IA32_MTRR_FIX as readonly number[]).indexOf(msr);
}

/**
 * Reads MSR `index` into msrValue; `now` is the retired-instruction count at this instruction
 * (the TSC's base). Raises #GP(0) for an MSR this processor does not have.
 */
export function readMsr(cpu: Cpu, index: number, now: number): void {
  const s = cpu.s;
  let lo = 0;
  let hi = 0;
  const msr = index >>> 0;
  switch (msr) {
    case IA32_TIME_STAMP_COUNTER:
      tsc(s, now);
      return;
    case IA32_PLATFORM_ID:
      break;
    case IA32_APIC_BASE:
      lo = s[S_APIC_BASE]! ^ APIC_BASE_RESET;
      hi = s[S_APIC_BASE + 1]!;
      break;
    case IA32_BIOS_SIGN_ID:
      hi = 1;
      break;
    case IA32_MTRRCAP:
      lo = MTRRCAP_VALUE;
      break;
    case IA32_SYSENTER_CS:
      lo = s[S_SYSENTER_CS]!;
      break;
    case IA32_SYSENTER_ESP:
      lo = s[S_SYSENTER_ESP]!;
      break;
    case IA32_SYSENTER_EIP:
      lo = s[S_SYSENTER_EIP]!;
      break;
    case IA32_MISC_ENABLE:
      lo = s[S_MISC_ENABLE]! ^ MISC_ENABLE_RESET;
      hi = s[S_MISC_ENABLE + 1]!;
      break;
    case IA32_MTRR_DEF_TYPE:
      lo = s[S_MTRR_DEF_TYPE]!;
      hi = s[S_MTRR_DEF_TYPE + 1]!;
      break;
    default: {
      const w = msrWords(msr);
      if (w < 0) raise(VEC_GP, 0);
      lo = s[w]!;
      hi = s[w + 1]!;
    }
  }
  msrValue.lo = lo;
  msrValue.hi = hi;
}

/** State words (lo at w, hi at w + 1) of a fixed or variable MTRR, or -1. */
function msrWords(msr: number): number {
  if (msr >= IA32_MTRR_PHYSBASE0 && msr <= IA32_MTRR_PHYSMASK7) return S_MTRR_PHYS + 2 * (msr - IA32_MTRR_PHYSBASE0);
  const f = fixedIndex(msr);
  return f < 0 ? -1 : S_MTRR_FIX + 2 * f;
}

/** msrValue = the TSC at retired count `now` (now + offset, modulo 2^64). */
function tsc(s: Int32Array, now: number): void {
  const nowLo = now % 4294967296;
  const nowHi = Math.floor(now / 4294967296);
  const lo = nowLo + (s[S_TSC_LO]! >>> 0);
  msrValue.lo = lo | 0;
  msrValue.hi = (nowHi + s[S_TSC_HI]! + (lo >= 4294967296 ? 1 : 0)) | 0;
}

/** Reads the time-stamp counter (RDTSC) into msrValue. */
export function readTsc(cpu: Cpu, now: number): void {
  tsc(cpu.s, now);
}

/**
 * Writes EDX:EAX = (hi, lo) to MSR `index`; #GP(0) for an MSR this processor does not have or
 * cannot write (MTRRCAP, PLATFORM_ID).
 */
export function writeMsr(cpu: Cpu, index: number, lo: number, hi: number, now: number): void {
  const s = cpu.s;
  const msr = index >>> 0;
  switch (msr) {
    case IA32_TIME_STAMP_COUNTER: {
      // offset = value - now (mod 2^64)
      const nowLo = now % 4294967296;
      const nowHi = Math.floor(now / 4294967296);
      const dLo = (lo >>> 0) - nowLo;
      s[S_TSC_LO] = dLo | 0;
      s[S_TSC_HI] = (hi - nowHi - (dLo < 0 ? 1 : 0)) | 0;
      return;
    }
    case IA32_APIC_BASE:
      s[S_APIC_BASE] = lo ^ APIC_BASE_RESET;
      s[S_APIC_BASE + 1] = hi;
      return;
    case IA32_BIOS_SIGN_ID:
      // Writing 0 before CPUID leaf 1 asks for the microcode signature; there is no update to load.
      return;
    case IA32_SYSENTER_CS:
      s[S_SYSENTER_CS] = lo & 0xffff;
      return;
    case IA32_SYSENTER_ESP:
      s[S_SYSENTER_ESP] = lo;
      return;
    case IA32_SYSENTER_EIP:
      s[S_SYSENTER_EIP] = lo;
      return;
    case IA32_MISC_ENABLE:
      s[S_MISC_ENABLE] = lo ^ MISC_ENABLE_RESET;
      s[S_MISC_ENABLE + 1] = hi;
      return;
    case IA32_MTRR_DEF_TYPE:
      s[S_MTRR_DEF_TYPE] = lo;
      s[S_MTRR_DEF_TYPE + 1] = hi;
      return;
    default: {
      const w = msrWords(msr);
      if (w < 0) raise(VEC_GP, 0);
      s[w] = lo;
      s[w + 1] = hi;
    }
  }
}
