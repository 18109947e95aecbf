/**
 * Descriptor-table and selector instructions (SDM Vol. 2): LGDT/LIDT, SGDT/SIDT, LLDT/SLDT,
 * LTR/STR, LAR, LSL, VERR, VERW and ARPL, with the SDM's descriptor-type tables and privilege rules.
 *
 * Modes: LAR, LSL, VERR, VERW, SLDT, STR, LLDT, LTR and ARPL are not recognized in real-address
 * and virtual-8086 mode (#UD). LGDT/LIDT/LLDT/LTR are privileged (#GP(0) at CPL > 0; in real mode
 * CPL is 0). SGDT/SIDT/SLDT/STR are not privileged (no UMIP on a P6).
 * Register forms of SLDT/STR with a 32-bit operand size zero-extend the selector (P6 and later);
 * SGDT/SIDT with a 16-bit operand size store a 24-bit base and a zero high byte, LGDT/LIDT load a
 * 24-bit base (SDM "LGDT/LIDT", "SGDT").
 */
import type { Cpu } from "../cpu/cpu";
import { writeStatusFlags } from "../cpu/flags";
import { raise, VEC_GP, VEC_NP, VEC_UD } from "../cpu/exceptions";
import { ATTR_P, ATTR_S, descriptorBase, descriptorLimit, desc, readDescriptor } from "../cpu/segments";
import {
  CR0_PE,
  CS,
  S_CPL,
  S_CR0,
  S_EFLAGS,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_IDTR_BASE,
  S_IDTR_LIMIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_TR_ATTR,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
} from "../cpu/state";
import { VM, ZF } from "../table/flags";
import { type ExecFn, type Insn, OK_MEM, OK_REG } from "./insn";
import { ea, getReg, read0, readMem, setReg, writeMem } from "./operands";

/** Protected mode outside virtual-8086 mode: where the selector instructions exist. */
function requireProtectedMode(cpu: Cpu): void {
  const s = cpu.s;
  if ((s[S_CR0]! & CR0_PE) === 0 || (s[S_EFLAGS]! & VM) !== 0) raise(VEC_UD);
}

function requireCpl0(cpu: Cpu): void {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
}

/** The 16-bit selector operand (r/m16) of operand 0. */
function selectorOperand0(cpu: Cpu, i: Insn): number {
  return read0(cpu, i, 2, i.k0 === OK_MEM ? ea(cpu, i) : 0) & 0xffff;
}

/** The 16-bit selector operand (r/m16) of operand 1 (LAR/LSL). */
function selectorOperand1(cpu: Cpu, i: Insn): number {
  return (i.k1 === OK_REG ? getReg(cpu, i.v1, 2) : readMem(cpu, ea(cpu, i), 2)) & 0xffff;
}

/**
 * The register form of an "r16/r32/m16" destination (SLDT, STR, SMSW): bind resolves the Ew
 * register as a word register (its index into r16, number * 2); with a 32-bit operand size the
 * whole dword register is written.
 */
export function setRm16Register(cpu: Cpu, i: Insn, v: number): void {
  if (i.osize === 4) cpu.s[i.v0 >> 1] = v;
  else cpu.r16[i.v0] = v;
}

// --- LAR, LSL, VERR, VERW ---

/** System descriptor types LAR accepts (SDM Vol. 2 "LAR", its table of valid types): TSSs, LDT, call and task gates. */
const LAR_SYSTEM_TYPES = (1 << 0x1) | (1 << 0x2) | (1 << 0x3) | (1 << 0x4) | (1 << 0x5) | (1 << 0x9) | (1 << 0xb) | (1 << 0xc);
/** System descriptor types LSL accepts: TSSs and LDT (gates have no limit). */
const LSL_SYSTEM_TYPES = (1 << 0x1) | (1 << 0x2) | (1 << 0x3) | (1 << 0x9) | (1 << 0xb);

/**
 * Fetches the descriptor of `sel` into `desc` and applies the LAR/LSL rules: a null selector or
 * one beyond its table's limit fails; a system descriptor must be of a type in `systemTypes`;
 * anything but a conforming code segment must have DPL >= CPL and DPL >= RPL.
 */
function accessible(cpu: Cpu, sel: number, systemTypes: number): boolean {
  if ((sel & 0xfffc) === 0 || !readDescriptor(cpu, sel)) return false;
  const attr = (desc.hi >>> 8) & 0xff;
  const type = attr & 0xf;
  if ((attr & ATTR_S) === 0) {
    if (((systemTypes >>> type) & 1) === 0) return false;
  } else if ((type & 0xc) === 0xc) return true; // conforming code: no privilege check
  const dpl = (attr >> 5) & 3;
  return dpl >= cpu.s[S_CPL]! && dpl >= (sel & 3);
}

/**
 * LAR r16/r32, r/m16: the access rights, bits 8-23 of the descriptor's high dword (limit 19:16
 * included, as the reference host returns them; the SDM leaves those bits undefined), FF00h for 16.
 */
export const execLar: ExecFn = (cpu, i) => {
  requireProtectedMode(cpu);
  const sel = selectorOperand1(cpu, i);
  if (accessible(cpu, sel, LAR_SYSTEM_TYPES)) {
    setReg(cpu, i.v0, i.size, i.size === 4 ? desc.hi & 0x00ffff00 : desc.hi & 0xff00);
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

/** LSL r16/r32, r/m16: the byte-granular segment limit (scaled by G). */
export const execLsl: ExecFn = (cpu, i) => {
  requireProtectedMode(cpu);
  const sel = selectorOperand1(cpu, i);
  if (accessible(cpu, sel, LSL_SYSTEM_TYPES)) {
    const limit = descriptorLimit(desc.lo, desc.hi);
    setReg(cpu, i.v0, i.size, i.size === 4 ? limit : limit & 0xffff);
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

/**
 * VERR/VERW r/m16: ZF = 1 when the segment is readable (data, or readable code) / writable (data
 * with W) from CPL with the selector's RPL. System descriptors never verify; conforming code
 * segments skip the privilege check (VERR only: code is never writable).
 */
function verify(write: boolean): ExecFn {
  return (cpu, i) => {
    requireProtectedMode(cpu);
    const sel = selectorOperand0(cpu, i);
    let ok = false;
    if ((sel & 0xfffc) !== 0 && readDescriptor(cpu, sel)) {
      const attr = (desc.hi >>> 8) & 0xff;
      const type = attr & 0xf;
      const code = (type & 8) !== 0;
      const dpl = (attr >> 5) & 3;
      const privileged = dpl >= cpu.s[S_CPL]! && dpl >= (sel & 3);
      if ((attr & ATTR_S) === 0) ok = false;
      else if (write) ok = !code && (type & 2) !== 0 && privileged;
      else if (code) ok = (type & 2) !== 0 && ((type & 4) !== 0 || privileged);
      else ok = privileged;
    }
    writeStatusFlags(cpu.s, ok ? ZF : 0, ZF);
  };
}
export const execVerr = verify(false);
export const execVerw = verify(true);

// --- ARPL ---

/**
 * ARPL r/m16, r16: raises the destination selector's RPL to the source's (ZF = 1), else ZF = 0
 * and nothing is written. A write through a CS override faults (#GP(0): code is not writable)
 * only when ARPL actually writes, as the processor does.
 */
export const execArpl: ExecFn = (cpu, i) => {
  requireProtectedMode(cpu);
  const a = i.k0 === OK_MEM ? ea(cpu, i) : 0;
  const d = read0(cpu, i, 2, a);
  const src = getReg(cpu, i.v1, 2);
  if ((d & 3) < (src & 3)) {
    const r = (d & ~3) | (src & 3);
    if (i.k0 === OK_REG) setReg(cpu, i.v0, 2, r);
    else {
      if (i.seg === CS) raise(VEC_GP, 0);
      writeMem(cpu, a, 2, r);
    }
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

// --- GDTR/IDTR ---

/** SGDT/SIDT m: limit (16 bits), then the base (24 bits and a zero byte with a 16-bit operand size). */
function storeTable(baseIdx: number, limitIdx: number): ExecFn {
  return (cpu, i) => {
    const a = ea(cpu, i);
    cpu.mmu.probeWrite(a, 6);
    const base = cpu.s[baseIdx]!;
    writeMem(cpu, a, 2, cpu.s[limitIdx]!);
    writeMem(cpu, (a + 2) | 0, 4, i.osize === 2 ? base & 0xffffff : base);
  };
}
export const execSgdt = storeTable(S_GDTR_BASE, S_GDTR_LIMIT);
export const execSidt = storeTable(S_IDTR_BASE, S_IDTR_LIMIT);

/** LGDT/LIDT m: loads the 6-byte pseudo-descriptor (a 24-bit base with a 16-bit operand size). */
function loadTable(baseIdx: number, limitIdx: number): ExecFn {
  return (cpu, i) => {
    requireCpl0(cpu);
    const a = ea(cpu, i);
    const limit = readMem(cpu, a, 2);
    let base = readMem(cpu, (a + 2) | 0, 4);
    if (i.osize === 2) base &= 0xffffff;
    cpu.s[limitIdx] = limit;
    cpu.s[baseIdx] = base;
  };
}
export const execLgdt = loadTable(S_GDTR_BASE, S_GDTR_LIMIT);
export const execLidt = loadTable(S_IDTR_BASE, S_IDTR_LIMIT);

// --- LDTR and TR ---

/** SLDT/STR r/m16 (a register of the operand size, zero-extended; a word in memory). */
function storeSelector(index: number): ExecFn {
  return (cpu, i) => {
    requireProtectedMode(cpu);
    const v = cpu.s[index]! & 0xffff;
    if (i.k0 === OK_REG) setRm16Register(cpu, i, v);
    else writeMem(cpu, ea(cpu, i), 2, v);
  };
}
export const execSldt = storeSelector(S_LDTR_SEL);
export const execStr = storeSelector(S_TR_SEL);

/** Descriptor types (S = 0) LLDT and LTR accept. */
const TYPE_LDT = 0x2;
const TYPE_TSS16_AVAILABLE = 0x1;
const TYPE_TSS32_AVAILABLE = 0x9;
const TYPE_BUSY = 0x2;

/**
 * Fetches the GDT descriptor named by `sel` for LLDT/LTR: #GP(selector) when it points into the
 * LDT or beyond the GDT limit. Returns the attribute byte.
 */
function gdtSystemDescriptor(cpu: Cpu, sel: number): number {
  const err = sel & 0xfffc;
  if ((sel & 4) !== 0 || !readDescriptor(cpu, sel)) raise(VEC_GP, err);
  return (desc.hi >>> 8) & 0xff;
}

/**
 * LLDT r/m16 (SDM "LLDT"): a null selector leaves LDTR invalid (later LDT references #GP);
 * otherwise the GDT descriptor must be an LDT (#GP(selector)) and present (#NP(selector)).
 */
export const execLldt: ExecFn = (cpu, i) => {
  requireProtectedMode(cpu);
  requireCpl0(cpu);
  const sel = selectorOperand0(cpu, i);
  const s = cpu.s;
  if ((sel & 0xfffc) === 0) {
    s[S_LDTR_SEL] = sel;
    s[S_LDTR_BASE] = 0;
    s[S_LDTR_LIMIT] = 0;
    return;
  }
  const attr = gdtSystemDescriptor(cpu, sel);
  if ((attr & 0x1f) !== TYPE_LDT) raise(VEC_GP, sel & 0xfffc);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, sel & 0xfffc);
  s[S_LDTR_SEL] = sel;
  s[S_LDTR_BASE] = descriptorBase(desc.lo, desc.hi);
  s[S_LDTR_LIMIT] = descriptorLimit(desc.lo, desc.hi);
};

/**
 * LTR r/m16 (SDM "LTR"): the GDT descriptor must be an available TSS (16- or 32-bit; a busy one
 * is #GP(selector)) and present (#NP(selector)); a null selector is #GP(0). LTR marks the TSS
 * busy in the GDT and loads TR; it does not switch tasks.
 */
export const execLtr: ExecFn = (cpu, i) => {
  requireProtectedMode(cpu);
  requireCpl0(cpu);
  const sel = selectorOperand0(cpu, i);
  if ((sel & 0xfffc) === 0) raise(VEC_GP, 0);
  const attr = gdtSystemDescriptor(cpu, sel);
  const type = attr & 0x1f;
  if (type !== TYPE_TSS16_AVAILABLE && type !== TYPE_TSS32_AVAILABLE) raise(VEC_GP, sel & 0xfffc);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, sel & 0xfffc);
  const hi = desc.hi | (TYPE_BUSY << 8);
  cpu.mmu.writeSupervisor32((desc.addr + 4) | 0, hi);
  const s = cpu.s;
  s[S_TR_SEL] = sel;
  s[S_TR_BASE] = descriptorBase(desc.lo, hi);
  s[S_TR_LIMIT] = descriptorLimit(desc.lo, hi);
  s[S_TR_ATTR] = (hi >>> 8) & 0xffff;
};
