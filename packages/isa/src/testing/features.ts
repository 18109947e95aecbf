/**
 * Which CPUID feature flags an opcode-table entry needs (SDM Vol. 2 "CPUID", Table 3-10/3-11 and
 * each instruction's "CPUID Feature Flag" column), and whether the engine under test advertises
 * them. The answer comes from the engine's own CPUID (src/cpu/cpuid.ts), read the way software
 * reads it: the maximum basic and extended leaves first, then the feature bits — never from the
 * interpreter's dispatch, so the classification is independent of what the interpreter executes.
 */
import { cpuid } from "../cpu/cpuid";
import type { OpDef } from "../table/types";

/** A CPUID feature flag, named as in the SDM's CPUID feature tables. */
export interface CpuidFeature {
  readonly name: string;
  readonly leaf: number;
  /** Result register: 0 EAX, 1 EBX, 2 ECX, 3 EDX. */
  readonly reg: 0 | 1 | 2 | 3;
  readonly bit: number;
}

const EBX = 1;
const ECX = 2;
const EDX = 3;

export const CPUID_FLAGS = {
  FPU: { name: "FPU", leaf: 1, reg: EDX, bit: 0 },
  TSC: { name: "TSC", leaf: 1, reg: EDX, bit: 4 },
  MSR: { name: "MSR", leaf: 1, reg: EDX, bit: 5 },
  CX8: { name: "CX8", leaf: 1, reg: EDX, bit: 8 },
  SEP: { name: "SEP", leaf: 1, reg: EDX, bit: 11 },
  CMOV: { name: "CMOV", leaf: 1, reg: EDX, bit: 15 },
  CLFSH: { name: "CLFSH", leaf: 1, reg: EDX, bit: 19 },
  MMX: { name: "MMX", leaf: 1, reg: EDX, bit: 23 },
  FXSR: { name: "FXSR", leaf: 1, reg: EDX, bit: 24 },
  SSE: { name: "SSE", leaf: 1, reg: EDX, bit: 25 },
  SSE2: { name: "SSE2", leaf: 1, reg: EDX, bit: 26 },
  SSE3: { name: "SSE3", leaf: 1, reg: ECX, bit: 0 },
  MONITOR: { name: "MONITOR", leaf: 1, reg: ECX, bit: 3 },
  SSSE3: { name: "SSSE3", leaf: 1, reg: ECX, bit: 9 },
  SSE4_1: { name: "SSE4_1", leaf: 1, reg: ECX, bit: 19 },
  SSE4_2: { name: "SSE4_2", leaf: 1, reg: ECX, bit: 20 },
  POPCNT: { name: "POPCNT", leaf: 1, reg: ECX, bit: 23 },
  XSAVE: { name: "XSAVE", leaf: 1, reg: ECX, bit: 26 },
  BMI1: { name: "BMI1", leaf: 7, reg: EBX, bit: 3 },
  RTM: { name: "RTM", leaf: 7, reg: EBX, bit: 11 },
  CET_SS: { name: "CET_SS", leaf: 7, reg: ECX, bit: 7 },
  CET_IBT: { name: "CET_IBT", leaf: 7, reg: EDX, bit: 20 },
  LZCNT: { name: "LZCNT", leaf: 0x8000_0001, reg: ECX, bit: 5 },
} as const satisfies Record<string, CpuidFeature>;

const F = CPUID_FLAGS;

/** The feature flags an entry needs (all of them); empty for the base IA-32 set. */
export function requiredFeatures(e: OpDef): readonly CpuidFeature[] {
  switch (e.sem) {
    case "cmovcc":
      return [F.CMOV];
    case "fcmovcc":
    case "fcomi":
    case "fcomip":
      return [F.FPU, F.CMOV]; // SDM FCMOVcc/FCOMI: "CPUID.1:EDX.FPU and CMOV"
    case "cmpxchg8b":
      return [F.CX8];
    case "rdtsc":
      return [F.TSC];
    case "rdmsr":
    case "wrmsr":
      return [F.MSR];
    case "sysenter":
    case "sysexit":
      return [F.SEP];
    case "fxsave":
    case "fxrstor":
      return [F.FXSR];
    case "clflush":
      return [F.CLFSH];
    case "monitor":
    case "mwait":
      return [F.MONITOR];
    case "popcnt":
      return [F.POPCNT];
    case "prefetch":
    case "pause":
      // The SDM gives PREFETCHh and PAUSE no CPUID flag: both are hints that every IA-32 processor
      // executes (PREFETCHh's only #UD is LOCK; PAUSE is REP NOP, "backward compatible with all
      // IA-32 processors"), so the host is their reference whatever the table's `ext` says.
      return [];
    default:
      break;
  }
  if (e.mn === "fisttp") return [F.FPU, F.SSE3];
  switch (e.ext) {
    case "x87":
      return [F.FPU];
    case "mmx":
      return [F.MMX];
    case "sse":
      return [F.SSE];
    case "sse2":
      return [F.SSE2];
    case "sse3":
      return [F.SSE3];
    case "ssse3":
      return [F.SSSE3];
    case "sse41":
      return [F.SSE4_1];
    case "sse42":
      return [F.SSE4_2];
    case "bmi1":
      return [F.BMI1];
    case "lzcnt":
      return [F.LZCNT];
    case "rtm":
      return [F.RTM];
    case "xsave":
      return [F.XSAVE];
    case "cet":
      return e.mn.startsWith("endbr") ? [F.CET_IBT] : [F.CET_SS];
    default:
      // i386/i486 and the P6 additions without a flag of their own (UD0-2, the hint NOPs 0F 18-1F, RDPMC)
      return [];
  }
}

/** Reads a CPUID implementation's feature flags the way software does (max leaf first). */
export type CpuidFunction = (leaf: number, out: Int32Array) => void;

/**
 * A CPUID that advertises every flag: for an engine that, like the host, implements the whole
 * table (qemu-i386 runs with its "max" CPU model), so every entry is compared with the host.
 */
export const ADVERTISE_ALL: CpuidFunction = (leaf, out) => {
  out.fill(-1);
  if (leaf === 0) out[0] = 0x7fff_ffff;
  if (leaf >>> 0 === 0x8000_0000) out[0] = -1;
};

export function isAdvertised(f: CpuidFeature, fn: CpuidFunction = cpuid): boolean {
  const out = new Int32Array(4);
  const base = f.leaf >= 0x8000_0000 ? 0x8000_0000 : 0;
  fn(base, out);
  if (f.leaf >>> 0 > out[0]! >>> 0) return false; // leaf beyond the maximum: the feature is absent
  fn(f.leaf, out);
  return ((out[f.reg]! >>> f.bit) & 1) === 1;
}

/** The first feature `e` needs that the engine's CPUID does not advertise, or undefined. */
export function missingFeature(e: OpDef, fn: CpuidFunction = cpuid): CpuidFeature | undefined {
  return requiredFeatures(e).find((f) => !isAdvertised(f, fn));
}
