/**
 * Interrupts, processor identification and system instructions (SDM Vol. 2 and Vol. 3 Ch. 2).
 * Software interrupts and exceptions go to the host through cpu/interrupts.ts. Privileged
 * instructions fault with #GP(0) above CPL 0; at CPL 0 the ones a user-level machine can meet are
 * implemented, the rest of the system architecture (task switches, far calls through gates,
 * SYSENTER) arrives with the protected-mode work and raises #UD until then.
 */
import { cpuid } from "../cpu/cpuid";
import { raise, VEC_BR, VEC_GP, VEC_UD } from "../cpu/exceptions";
import {
  EAX,
  EBX,
  ECX,
  EDX,
  S_CPL,
  S_CR4,
  S_SEL,
} from "../cpu/state";
import { type ExecFn, OK_REG } from "./insn";
import { ea, getReg, push, readMem, setReg, signExtend, writeMem } from "./operands";

export const execNop: ExecFn = () => undefined;
export const execUd: ExecFn = () => raise(VEC_UD);

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

// --- segment registers ---

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

// --- privileged (CPL 0) ---

/** RDPMC: #GP(0) unless CR4.PCE or CPL 0; there are no counters to read. */
export const execRdpmc: ExecFn = (cpu) => {
  if ((cpu.s[S_CR4]! & 0x100) === 0 && cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
  raise(VEC_GP, 0);
};
