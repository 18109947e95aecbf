/**
 * Near control transfer: JMP, Jcc, CALL, RET, LOOP/LOOPE/LOOPNE, JCXZ/JECXZ (SDM Vol. 2). Every
 * one of them ends a decoded block, and the run loop has already set EIP to the fall-through
 * address, so a transfer not taken does nothing. Relative targets are resolved at bind time
 * (next EIP + displacement, masked to the operand size).
 */
import { testCC } from "../cpu/flags";
import { STOP_BRANCH } from "../cpu/cpu";
import { ECX, S_EIP } from "../cpu/state";
import { ZF } from "../table/flags";
import { computeOSZAPC } from "../cpu/flags";
import { type ExecFn, OK_IMM, OK_MEM } from "./insn";
import { adjustSp, ea, getReg, pop, push, readMem } from "./operands";

/** JMP rel / JMP r/m (an indirect target is truncated to 16 bits with a 16-bit operand size). */
export const execJmp: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if (i.k0 === OK_IMM) s[S_EIP] = i.v0;
  else {
    const t = i.k0 === OK_MEM ? readMem(cpu, ea(cpu, i), i.osize) : getReg(cpu, i.v0, i.osize);
    s[S_EIP] = t;
  }
};

/** Jcc does not end a decoded block: a taken branch is a side exit (cpu.ts STOP_BRANCH). */
export const execJcc: ExecFn = (cpu, i) => {
  if (testCC(cpu.s, i.cc)) {
    cpu.s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};

export const execCall: ExecFn = (cpu, i) => {
  const s = cpu.s;
  let t: number;
  if (i.k0 === OK_IMM) t = i.v0;
  else t = i.k0 === OK_MEM ? readMem(cpu, ea(cpu, i), i.osize) : getReg(cpu, i.v0, i.osize);
  push(cpu, i.osize, i.next);
  s[S_EIP] = t;
};

/** RET / RET imm16: pop the return address, then release imm16 bytes of parameters. */
export const execRet: ExecFn = (cpu, i) => {
  const t = pop(cpu, i.osize);
  if (i.k0 === OK_IMM) adjustSp(cpu, i.v0);
  cpu.s[S_EIP] = t;
};

/** LOOP family: the counter is CX or ECX by address size; decremented without touching flags. */
function loopOp(kind: 0 | 1 | 2): ExecFn {
  return (cpu, i) => {
    const s = cpu.s;
    let c: number;
    if (i.asize === 4) c = s[ECX] = (s[ECX]! - 1) | 0;
    else c = cpu.r16[ECX << 1] = (cpu.r16[ECX << 1]! - 1) & 0xffff;
    let take = c !== 0;
    if (take && kind !== 0) {
      const zf = (computeOSZAPC(s) & ZF) !== 0;
      take = kind === 1 ? zf : !zf;
    }
    if (take) s[S_EIP] = i.v0;
  };
}

export const execLoop = loopOp(0);
export const execLoope = loopOp(1);
export const execLoopne = loopOp(2);

export const execJcxz: ExecFn = (cpu, i) => {
  const c = i.asize === 4 ? cpu.s[ECX]! : cpu.r16[ECX << 1]!;
  if (c === 0) cpu.s[S_EIP] = i.v0;
};

