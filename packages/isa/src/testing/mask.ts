/**
 * What a comparison must not look at. Two sources:
 * 1. the table's `fu` mask: EFLAGS bits the SDM leaves undefined after the instruction (checked
 *    against iced-x86's `rflagsUndefined` by test/conformance-mask.test.ts);
 * 2. value-dependent rules the table cannot express, listed in VALUE_RULES below, each with the
 *    SDM text it implements. They can also make flags *defined* that `fu` marks undefined (a
 *    shift by 0 changes no flag at all, so every flag is compared).
 * Plus fixed rules for the whole harness (FIXED_RULES): bits of EFLAGS and of the #PF error code
 * that the user-mode reference cannot report architecturally.
 */
import { AF, CF, OF, OSZAPC, PF, SF, ZF } from "../table/flags";
import type { OpDef } from "../table/types";
import type { CaseMask } from "./case";

/** EFLAGS bits compared: status flags, TF, IF, DF, IOPL, NT, AC, ID. */
export const EFLAGS_COMPARED = OSZAPC | (1 << 8) | (1 << 9) | (1 << 10) | (3 << 12) | (1 << 14) | (1 << 18) | (1 << 21);
/** #PF error-code bits compared: P, W/R, U/S. */
export const PF_ERROR_COMPARED = 0x7;

export const FIXED_RULES: readonly string[] = [
  "EFLAGS.RF (bit 16) is not compared: the host reports the EFLAGS image of the exception frame, where the CPU sets RF for faults (SDM Vol. 3 §18.3.1.1); VM, VIF, VIP and the reserved bits cannot change at CPL 3.",
  "#PF error code: only P, W/R and U/S (bits 0-2) are compared; the host runs with EFER.NXE paging and sets I/D (bit 4) on fetch faults, which 32-bit legacy paging does not define.",
  "CR2 is compared only when the vector is #PF.",
];

/** Values of the operands that decide whether a result is defined (filled by the generator). */
export interface MaskInput {
  readonly def: OpDef;
  /** Operand size of the instruction (16 or 32; byte instructions report 8 here). */
  readonly opBits: number;
  /** Shift/rotate count as encoded (CL or imm8 or 1), before masking to 5 bits. */
  readonly count?: number;
  /** Source operand value of BSF/BSR. */
  readonly source?: number;
  /** Register number of the destination, when it is a register. */
  readonly destReg?: number;
  /** An x87 instruction: the FPU state is compared. */
  readonly x87?: boolean;
  /** XMM register written with an approximation (RCPPS/RSQRTPS and scalar forms). */
  readonly xmmDest?: number;
  /** Initial ST(0) (sign/exponent, significand high and low), for the x87 value rules. */
  readonly st0?: readonly [number, number, number];
  /** Linear address and length of the destination, when it is memory. */
  readonly destMem?: { readonly address: number; readonly length: number };
}

export interface MaskRule {
  readonly name: string;
  /** SDM reference and text paraphrase. */
  readonly sdm: string;
  readonly applies: (m: MaskInput) => boolean;
  /** Returns the replacement undefined-EFLAGS mask, given the table's. */
  readonly flags?: (m: MaskInput, fu: number) => number;
  /** The destination is undefined: mask it (register bits, or the memory bytes). */
  readonly dest?: (m: MaskInput) => number;
}

const SHIFTS = new Set(["shl", "shr", "sar", "sal"]);
const ROTATES = new Set(["rol", "ror", "rcl", "rcr"]);
const maskedCount = (m: MaskInput): number => (m.count ?? 0) & 0x1f;

export const VALUE_RULES: readonly MaskRule[] = [
  {
    name: "shift/rotate by 0",
    sdm: "SAL/SAR/SHL/SHR, RCL/RCR/ROL/ROR (Vol. 2B): if the masked count is 0, the flags are not affected.",
    applies: (m) => (SHIFTS.has(m.def.sem) || ROTATES.has(m.def.sem) || m.def.sem === "shld" || m.def.sem === "shrd") && maskedCount(m) === 0,
    flags: () => 0,
  },
  {
    name: "shift: OF only for count 1, AF undefined",
    sdm: "SAL/SAR/SHL/SHR: the OF flag is affected only on 1-bit shifts; for non-zero counts AF is undefined.",
    applies: (m) => SHIFTS.has(m.def.sem) && maskedCount(m) !== 0,
    flags: (m) => (maskedCount(m) === 1 ? AF : AF | OF),
  },
  {
    name: "SHL/SHR count >= operand size: CF undefined",
    sdm: "SAL/SAR/SHL/SHR: CF is undefined for SHL and SHR where the count is greater than or equal to the size in bits of the destination operand.",
    applies: (m) => (m.def.sem === "shl" || m.def.sem === "shr" || m.def.sem === "sal") && maskedCount(m) >= m.opBits,
    flags: (m, fu) => fu | (maskedCount(m) === 1 ? AF : AF | OF) | CF,
  },
  {
    name: "rotate: OF only for count 1",
    sdm: "RCL/RCR/ROL/ROR: the OF flag is defined only for the 1-bit rotates; it is undefined in all other cases (except zero-bit rotates, which affect no flags).",
    // Also when RCL/RCR's effective count (mod size + 1) is 0, which the SDM calls a zero-bit
    // rotate that "affects no flags": hosts (AMD Zen, observed) still write OF then.
    applies: (m) => ROTATES.has(m.def.sem) && maskedCount(m) !== 0,
    flags: (m) => (maskedCount(m) === 1 ? 0 : OF),
  },
  {
    name: "SHLD/SHRD: OF only for count 1",
    sdm: "SHLD/SHRD: for a 1-bit shift OF is set on a sign change, for other non-zero counts OF is undefined; AF is undefined.",
    applies: (m) => (m.def.sem === "shld" || m.def.sem === "shrd") && maskedCount(m) !== 0,
    flags: (m) => (maskedCount(m) === 1 ? AF : AF | OF),
  },
  {
    name: "SHLD/SHRD count > operand size: result and flags undefined",
    sdm: "SHLD/SHRD: if the count is greater than the operand size, the result is undefined (and so are the flags).",
    applies: (m) => (m.def.sem === "shld" || m.def.sem === "shrd") && maskedCount(m) > m.opBits,
    flags: () => OSZAPC,
    dest: (m) => (m.opBits === 16 ? 0xffff : 0xffffffff),
  },
  {
    name: "BSF/BSR source 0: destination undefined",
    sdm: "BSF/BSR: if the content of the source operand is 0, the content of the destination operand is undefined (ZF = 1 is defined).",
    applies: (m) => (m.def.sem === "bsf" || m.def.sem === "bsr") && ((m.source ?? 1) & (m.opBits === 16 ? 0xffff : 0xffffffff)) === 0,
    dest: (m) => (m.opBits === 16 ? 0xffff : 0xffffffff),
  },
  {
    name: "BSWAP of a 16-bit register: undefined",
    sdm: "BSWAP: when the BSWAP instruction references a 16-bit register, the result is undefined.",
    applies: (m) => m.def.sem === "bswap" && m.opBits === 16,
    dest: () => 0xffffffff,
  },
];

/** x87 condition codes in the status word (SDM Vol. 1 §8.1.3). */
const C0 = 0x0100, C1 = 0x0200, C2 = 0x0400, C3 = 0x4000;

/**
 * x87 status-word bits the SDM leaves undefined, per operation ("FPU Flags Affected" of each
 * instruction): most operations leave C0, C2 and C3 undefined; comparisons, FXAM, FPREM and the
 * state loads define them; the control instructions leave all four undefined; the trigonometric
 * ones define C2 (and C1).
 */
export function x87StatusMask(sem: string): number {
  switch (sem) {
    case "fcom": case "fcomp": case "fcompp": case "fucompp": case "ficom": case "ficomp": case "ftst": case "fxam":
    case "fprem": case "fprem1": case "fldenv": case "frstor": case "fninit": case "fnsave": case "fcomi": case "fcomip":
      return 0;
    case "fsin": case "fcos": case "fptan": case "fsincos":
      return C0 | C3;
    case "fnclex": case "fldcw": case "fnstcw": case "fnstsw": case "fnstenv": case "fwait": case "fnop": case "ffree": case "ffreep":
      return C0 | C1 | C2 | C3;
    default:
      return C0 | C2 | C3;
  }
}

/**
 * The transcendental instructions: the SDM specifies their accuracy (within 1 ulp, Vol. 1 §8.3.10),
 * not their exact bits, and implementations differ in the last place and in rounding direction
 * (hence C1 too).
 */
const X87_TRANSCENDENTAL = new Set(["fsin", "fcos", "fsincos", "fptan", "fpatan", "f2xm1", "fyl2x", "fyl2xp1"]);

/** |value| of an 80-bit operand as a double (Infinity for infinities, NaN for NaNs). */
function f80Magnitude([se, hi, lo]: readonly [number, number, number]): number {
  const exp = se & 0x7fff;
  if (exp === 0x7fff) return (hi & 0x7fffffff) === 0 && lo === 0 ? Infinity : NaN;
  return ((hi >>> 0) * 2 ** 32 + (lo >>> 0)) * 2 ** (exp === 0 ? -16382 - 63 : exp - 16383 - 63);
}

/**
 * Operands the processor reads or writes as several accesses (environment and state images,
 * far pointers are single here): when one crosses into a not-present page, which byte faults
 * first is not architectural (the host's FLDENV faults at offset 0x13 of the new page).
 */
const MULTI_PART = new Set(["fldenv", "fnstenv", "frstor", "fnsave", "fxsave", "fxrstor"]);

/** The mask of one case: table `fu`, then the value rules in order. */
export function caseMask(m: MaskInput): CaseMask {
  let flags = m.def.fu ?? 0;
  const notes: string[] = [];
  let regs: number[] | undefined;
  const memory: { address: number; length: number }[] = [];
  if (flags) notes.push(`table: undefined ${flagNames(flags)}`);
  for (const rule of VALUE_RULES) {
    if (!rule.applies(m)) continue;
    if (rule.flags) flags = rule.flags(m, flags);
    if (rule.dest) {
      const bits = rule.dest(m);
      if (m.destReg !== undefined) {
        regs ??= [0, 0, 0, 0, 0, 0, 0, 0];
        regs[m.destReg] = (regs[m.destReg] ?? 0) | bits;
      } else if (m.destMem) {
        memory.push({ ...m.destMem });
      }
    }
    notes.push(rule.name);
  }
  let fpuStatus: number | undefined;
  let fpuUlps: number | undefined;
  let fpuRegs: number | undefined;
  let cr2Page: boolean | undefined;
  if (MULTI_PART.has(m.def.sem)) {
    cr2Page = true;
    notes.push("multi-part memory image: CR2 compared to the page");
  }
  if (m.x87 && m.def.sem === "f2xm1" && m.st0) {
    // SDM F2XM1: "If the source value is outside this range (-1.0 to +1.0), the result is undefined."
    const [se, hi, lo] = m.st0;
    const exp = se & 0x7fff;
    if (exp !== 0x7fff && (exp > 0x3fff || (exp === 0x3fff && (hi !== 0x80000000 || lo !== 0)))) {
      fpuRegs = 0xff; // as for FYL2XP1 below: with unmasked exceptions nothing is defined
      fpuStatus = 0xffff;
      notes.push("F2XM1 outside [-1, 1]: result undefined, x87 state not compared");
    }
  }
  if (m.x87 && m.def.sem === "fyl2xp1" && m.st0) {
    // SDM FYL2XP1: ST(0) must lie within ±(1 - √2/2); "if it does not, the result is undefined".
    // (A finite operand beyond the double range has magnitude Infinity here: outside too.)
    const x = f80Magnitude(m.st0);
    if ((m.st0[0] & 0x7fff) !== 0x7fff && x > 1 - Math.SQRT2 / 2) {
      // An undefined result raises undefined exceptions: with some unmasked, whether the
      // instruction stores and pops is undefined too. Nothing of the x87 state is compared.
      fpuRegs = 0xff;
      fpuStatus = 0xffff;
      notes.push("FYL2XP1 outside ±(1 - √2/2): result undefined, x87 state not compared");
    }
  }
  if (m.x87) {
    fpuStatus = (fpuStatus ?? 0) | x87StatusMask(m.def.sem);
    if (X87_TRANSCENDENTAL.has(m.def.sem)) {
      fpuStatus |= C1;
      fpuUlps = 1;
      notes.push("x87 transcendental: 1 ulp, C1 not compared");
    }
    if (fpuStatus) notes.push(`x87: undefined ${[[C0, "C0"], [C1, "C1"], [C2, "C2"], [C3, "C3"]].filter(([b]) => fpuStatus! & (b as number)).map(([, n]) => n).join(" ")}`);
  }
  let xmmRegs: number | undefined;
  if (m.xmmDest !== undefined) {
    // SDM RCPPS/RSQRTPS: "relative error <= 1.5 * 2^-12"; the exact bits are implementation-specific
    xmmRegs = 1 << m.xmmDest;
    notes.push("RCP/RSQRT approximation: destination not compared");
  }
  return { eflags: flags, regs, memory: memory.length ? memory : undefined, fpuStatus, fpuUlps, fpuRegs, xmmRegs, cr2Page, notes };
}

const FLAG_NAMES: readonly [number, string][] = [
  [OF, "OF"], [SF, "SF"], [ZF, "ZF"], [AF, "AF"], [PF, "PF"], [CF, "CF"],
];

export function flagNames(mask: number): string {
  const names = FLAG_NAMES.filter(([bit]) => mask & bit).map(([, n]) => n);
  return names.length ? names.join(" ") : "none";
}
