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
import { computeOSZAPC } from "../cpu/flags";
import { raise, VEC_BP, VEC_BR, VEC_DB, VEC_GP, VEC_OF, VEC_UD } from "../cpu/exceptions";
import { softwareInterrupt } from "../cpu/interrupts";
import { loadSegment } from "../cpu/segments";
import {
  CS,
  EAX,
  EBX,
  ECX,
  EDX,
  S_CPL,
  S_CR4,
  S_HALTED,
  S_SEL,
} from "../cpu/state";
import { OF } from "../table/flags";
import { type ExecFn, OK_REG } from "./insn";
import { ea, getReg, pop, push, read1, readMem, setReg, signExtend, writeMem } from "./operands";

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

function requireCpl0(cpu: Cpu): void {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
}

export const execHlt: ExecFn = (cpu) => {
  requireCpl0(cpu);
  cpu.s[S_HALTED] = 1;
  cpu.stop = STOP_HALT;
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

// --- privileged (CPL 0) ---

/** RDPMC: #GP(0) unless CR4.PCE or CPL 0; there are no counters to read. */
export const execRdpmc: ExecFn = (cpu) => {
  if ((cpu.s[S_CR4]! & 0x100) === 0 && cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
  raise(VEC_GP, 0);
};
