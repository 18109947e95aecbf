/**
 * Interrupts, processor identification and system instructions (SDM Vol. 2 and Vol. 3 Ch. 2).
 * Software interrupts and exceptions go to the host through cpu/interrupts.ts. Privileged
 * instructions fault with #GP(0) above CPL 0; at CPL 0 the ones a user-level machine can meet are
 * implemented, the rest of the system architecture (task switches, far calls through gates,
 * SYSENTER) arrives with the protected-mode work and raises #UD until then.
 */
import type { Cpu } from "../cpu/cpu";
import { STOP_HALT } from "../cpu/cpu";
import { cpuid } from "../cpu/cpuid";
import { computeOSZAPC, writeStatusFlags } from "../cpu/flags";
import { raise, VEC_BP, VEC_BR, VEC_DB, VEC_GP, VEC_OF, VEC_UD } from "../cpu/exceptions";
import { softwareInterrupt } from "../cpu/interrupts";
import { loadSegment, readDescriptor, desc, descriptorLimit } from "../cpu/segments";
import {
  CR0_TS,
  CS,
  EAX,
  EBX,
  ECX,
  EDX,
  S_CPL,
  S_CR0,
  S_CR4,
  S_EFLAGS,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_HALTED,
  S_IDTR_BASE,
  S_IDTR_LIMIT,
  S_LDTR_SEL,
  S_SEL,
  S_TR_SEL,
} from "../cpu/state";
import { OF, ZF } from "../table/flags";
import { type ExecFn, OK_IMM, OK_MEM, OK_REG } from "./insn";
import { ea, getReg, pop, push, read0, read1, readMem, setReg, signExtend, writeMem } from "./operands";

export const execNop: ExecFn = () => undefined;
export const execUd: ExecFn = () => raise(VEC_UD);

export const execInt: ExecFn = (cpu, i) => softwareInterrupt(cpu, i.v0 & 0xff, i);
export const execInt3: ExecFn = (cpu, i) => softwareInterrupt(cpu, VEC_BP, i);
export const execInt1: ExecFn = (cpu, i) => softwareInterrupt(cpu, VEC_DB, i);
export const execInto: ExecFn = (cpu, i) => {
  if ((computeOSZAPC(cpu.s) & OF) !== 0) softwareInterrupt(cpu, VEC_OF, i);
};

/** BOUND: #BR (a fault) when the signed index is outside [lower, upper]. */
export const execBound: ExecFn = (cpu, i) => {
  const size = i.size;
  const a = ea(cpu, i);
  const lower = signExtend(readMem(cpu, a, size), size);
  const upper = signExtend(readMem(cpu, (a + size) | 0, size), size);
  const v = signExtend(getReg(cpu, i.v0, size), size);
  if (v < lower || v > upper) raise(VEC_BR);
};

const CPUID_OUT = new Int32Array(4);
export const execCpuid: ExecFn = (cpu) => {
  const s = cpu.s;
  cpuid(s[EAX]!, CPUID_OUT);
  s[EAX] = CPUID_OUT[0]!;
  s[EBX] = CPUID_OUT[1]!;
  s[ECX] = CPUID_OUT[2]!;
  s[EDX] = CPUID_OUT[3]!;
};

/**
 * RDTSC: the time-stamp counter counts retired instructions (deterministic: the same program
 * reads the same values on every run and on both engines). CR4.TSD makes it privileged.
 */
export const execRdtsc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if ((s[S_CR4]! & 4) !== 0 && s[S_CPL] !== 0) raise(VEC_GP, 0);
  const t = cpu.retired + i.blockIndex;
  s[EAX] = t % 4294967296;
  s[EDX] = Math.floor(t / 4294967296);
};

function requireCpl0(cpu: Cpu): void {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
}

export const execHlt: ExecFn = (cpu) => {
  requireCpl0(cpu);
  cpu.s[S_HALTED] = 1;
  cpu.stop = STOP_HALT;
};

function checkIo(cpu: Cpu): void {
  if (cpu.s[S_CPL]! > ((cpu.s[S_EFLAGS]! >> 12) & 3)) raise(VEC_GP, 0);
}

/** IN AL/eAX, imm8/DX. */
export const execIn: ExecFn = (cpu, i) => {
  checkIo(cpu);
  const port = i.k1 === OK_IMM ? i.v1 & 0xff : cpu.r16[EDX << 1]!;
  setReg(cpu, i.v0, i.size, cpu.ports.read(port, i.size));
};

/** OUT imm8/DX, AL/eAX. */
export const execOut: ExecFn = (cpu, i) => {
  checkIo(cpu);
  const port = i.k0 === OK_IMM ? i.v0 & 0xff : cpu.r16[EDX << 1]!;
  cpu.ports.write(port, i.size, getReg(cpu, i.v1, i.size));
};

// --- segment registers ---

export const execMovToSreg: ExecFn = (cpu, i) => {
  if (i.v0 === CS) raise(VEC_UD);
  const sel = read1(cpu, i, 2);
  loadSegment(cpu, i.v0, sel);
};

export const execMovFromSreg: ExecFn = (cpu, i) => {
  const sel = cpu.s[S_SEL + i.v1]! & 0xffff;
  // To a register with 32-bit operand size the selector is zero-extended (P6 and later).
  if (i.k0 === OK_REG) setReg(cpu, i.v0, i.size, sel);
  else writeMem(cpu, ea(cpu, i), 2, sel);
};

export const execPushSreg: ExecFn = (cpu, i) => {
  const sel = cpu.s[S_SEL + i.v0]! & 0xffff;
  push(cpu, i.osize, sel);
};

export const execPopSreg: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const esp = s[4]!;
  const v = pop(cpu, i.osize) & 0xffff;
  try {
    loadSegment(cpu, i.v0, v);
  } catch (e) {
    s[4] = esp;
    throw e;
  }
};

/** LDS/LES/LFS/LGS/LSS r, m16:16/32 (the segment is in imm2, set at bind). */
export const execLfp: ExecFn = (cpu, i) => {
  const a = ea(cpu, i);
  const off = readMem(cpu, a, i.osize);
  const sel = readMem(cpu, (a + i.osize) | 0, 2);
  loadSegment(cpu, i.imm2, sel);
  setReg(cpu, i.v0, i.size, off);
};

/** ARPL r/m16, r16: raise the RPL of the destination to that of the source. */
export const execArpl: ExecFn = (cpu, i) => {
  const a = i.k0 === OK_MEM ? ea(cpu, i) : 0;
  const d = read0(cpu, i, 2, a);
  const src = getReg(cpu, i.v1, 2);
  if ((d & 3) < (src & 3)) {
    const r = (d & ~3) | (src & 3);
    if (i.k0 === OK_REG) setReg(cpu, i.v0, 2, r);
    else writeMem(cpu, a, 2, r);
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

/** LAR/LSL/VERR/VERW: ZF = 1 when the descriptor is valid and visible at CPL and RPL. */
function visibleDescriptor(cpu: Cpu, sel: number): boolean {
  if ((sel & 0xfffc) === 0 || !readDescriptor(cpu, sel)) return false;
  const attr = (desc.hi >>> 8) & 0xffff;
  const dpl = (attr >> 5) & 3;
  const conformingCode = (attr & 0x1c) === 0x1c;
  if (!conformingCode && (cpu.s[S_CPL]! > dpl || (sel & 3) > dpl)) return false;
  if ((attr & 0x10) === 0) {
    // System descriptors valid for LAR/LSL: TSS, LDT (and gates for LAR); keep TSS and LDT.
    const t = attr & 0xf;
    return t === 1 || t === 2 || t === 3 || t === 9 || t === 11;
  }
  return true;
}

export const execLar: ExecFn = (cpu, i) => {
  const sel = read1(cpu, i, 2);
  if (visibleDescriptor(cpu, sel)) {
    setReg(cpu, i.v0, i.size, i.size === 4 ? desc.hi & 0x00ffff00 : desc.hi & 0xff00);
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

export const execLsl: ExecFn = (cpu, i) => {
  const sel = read1(cpu, i, 2);
  if (visibleDescriptor(cpu, sel)) {
    const lim = descriptorLimit(desc.lo, desc.hi);
    setReg(cpu, i.v0, i.size, i.size === 4 ? lim : lim & 0xffff);
    writeStatusFlags(cpu.s, ZF, ZF);
  } else writeStatusFlags(cpu.s, 0, ZF);
};

function verify(write: boolean): ExecFn {
  return (cpu, i) => {
    const sel = read0(cpu, i, 2, i.k0 === OK_MEM ? ea(cpu, i) : 0);
    let ok = visibleDescriptor(cpu, sel) && (desc.hi & 0x1000) !== 0;
    if (ok) {
      const type = (desc.hi >>> 8) & 0xf;
      ok = write ? (type & 0xa) === 0x2 : (type & 8) === 0 || (type & 2) !== 0;
    }
    writeStatusFlags(cpu.s, ok ? ZF : 0, ZF);
  };
}
export const execVerr = verify(false);
export const execVerw = verify(true);

/** SGDT/SIDT: 6-byte pseudo-descriptor (limit, then base). Not privileged without UMIP. */
function storeTable(baseIdx: number, limitIdx: number): ExecFn {
  return (cpu, i) => {
    const a = ea(cpu, i);
    cpu.mmu.probeWrite(a, 6);
    writeMem(cpu, a, 2, cpu.s[limitIdx]!);
    writeMem(cpu, (a + 2) | 0, 4, cpu.s[baseIdx]!);
  };
}
export const execSgdt = storeTable(S_GDTR_BASE, S_GDTR_LIMIT);
export const execSidt = storeTable(S_IDTR_BASE, S_IDTR_LIMIT);

function storeWord(value: (cpu: Cpu) => number): ExecFn {
  return (cpu, i) => {
    const v = value(cpu) & 0xffff;
    if (i.k0 === OK_REG) setReg(cpu, i.v0, i.size, v);
    else writeMem(cpu, ea(cpu, i), 2, v);
  };
}
export const execSldt = storeWord((cpu) => cpu.s[S_LDTR_SEL]!);
export const execStr = storeWord((cpu) => cpu.s[S_TR_SEL]!);
export const execSmsw = storeWord((cpu) => cpu.s[S_CR0]!);

// --- privileged (CPL 0) ---

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

export const execClts: ExecFn = (cpu) => {
  requireCpl0(cpu);
  cpu.s[S_CR0] = cpu.s[S_CR0]! & ~CR0_TS;
};

/** LMSW: loads CR0 bits 0-3; PE can be set but not cleared. */
export const execLmsw: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  const v = read0(cpu, i, 2, i.k0 === OK_MEM ? ea(cpu, i) : 0);
  const cr0 = cpu.s[S_CR0]!;
  cpu.s[S_CR0] = (cr0 & ~0xe) | (v & 0xf) | (cr0 & 1);
};

/** Debug registers are not modelled yet: writes are dropped, reads give 0 (DR6/DR7 reset values aside). */
export const execMovToDr: ExecFn = (cpu) => requireCpl0(cpu);
export const execMovFromDr: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  cpu.s[i.v0] = 0;
};

/** RDMSR/WRMSR: no MSRs are modelled; #GP(0) at CPL > 0 and for every MSR index. */
export const execMsr: ExecFn = (cpu) => {
  requireCpl0(cpu);
  raise(VEC_GP, 0);
};

/** RDPMC: #GP(0) unless CR4.PCE or CPL 0; there are no counters to read. */
export const execRdpmc: ExecFn = (cpu) => {
  if ((cpu.s[S_CR4]! & 0x100) === 0 && cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
  raise(VEC_GP, 0);
};

/** LLDT/LTR: privileged; the system-descriptor loads arrive with protected mode (isa II). */
export const execLldtLtr: ExecFn = (cpu) => {
  requireCpl0(cpu);
  raise(VEC_UD);
};
