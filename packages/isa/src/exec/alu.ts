/**
 * ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST, INC, DEC, NEG, NOT (SDM Vol. 2, each instruction's
 * "Operation" section). Results are computed at the operation size and the flags are recorded
 * lazily (cpu/flags.ts); CMP and TEST store nothing but the record.
 */
import type { Cpu } from "../cpu/cpu";
import {
  CC_ADC,
  CC_ADD,
  CC_DEC,
  CC_INC,
  CC_LOGIC,
  CC_SBB,
  CC_SUB,
  computeCF,
  SIZE_MASK,
  sizeIndex,
} from "../cpu/flags";
import { S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2 } from "../cpu/state";
import { type ExecFn, type Insn, OK_MEM, OK_REG } from "./insn";
import { ea, getReg, read0, read1, readMem, rmwAddress, setReg, writeMem } from "./operands";

export const ALU_ADD = 0;
export const ALU_OR = 1;
export const ALU_ADC = 2;
export const ALU_SBB = 3;
export const ALU_AND = 4;
export const ALU_SUB = 5;
export const ALU_XOR = 6;
export const ALU_CMP = 7;
export const ALU_TEST = 8;

/** a OP b at size index sz, recording flags; returns the result masked to the size. */
export function aluOp(s: Int32Array, op: number, a: number, b: number, sz: number): number {
  const mask = SIZE_MASK[sz]!;
  let r: number;
  switch (op) {
    case ALU_ADD:
      r = (a + b) & mask;
      s[S_CC_OP] = (CC_ADD << 2) | sz;
      s[S_CC_SRC] = b;
      break;
    case ALU_OR:
      r = (a | b) & mask;
      s[S_CC_OP] = (CC_LOGIC << 2) | sz;
      break;
    case ALU_ADC: {
      const c = computeCF(s);
      r = (a + b + c) & mask;
      s[S_CC_OP] = (CC_ADC << 2) | sz;
      s[S_CC_SRC] = b;
      s[S_CC_SRC2] = c;
      break;
    }
    case ALU_SBB: {
      const c = computeCF(s);
      r = (a - b - c) & mask;
      s[S_CC_OP] = (CC_SBB << 2) | sz;
      s[S_CC_SRC] = b;
      s[S_CC_SRC2] = c;
      break;
    }
    case ALU_AND:
    case ALU_TEST:
      r = a & b & mask;
      s[S_CC_OP] = (CC_LOGIC << 2) | sz;
      break;
    case ALU_XOR:
      r = (a ^ b) & mask;
      s[S_CC_OP] = (CC_LOGIC << 2) | sz;
      break;
    default: // SUB, CMP
      r = (a - b) & mask;
      s[S_CC_OP] = (CC_SUB << 2) | sz;
      s[S_CC_SRC] = b;
  }
  s[S_CC_DST] = r;
  return r;
}

/** Handler of a two-operand ALU instruction (destination = operand 0). */
function binop(op: number): ExecFn {
  const store = op !== ALU_CMP && op !== ALU_TEST;
  return (cpu: Cpu, i: Insn): void => {
    const size = i.size;
    const sz = sizeIndex(size);
    if (i.k0 === OK_REG) {
      const r = aluOp(cpu.s, op, getReg(cpu, i.v0, size), read1(cpu, i, size), sz);
      if (store) setReg(cpu, i.v0, size, r);
    } else {
      const a = store ? rmwAddress(cpu, i, size) : ea(cpu, i);
      const src = i.k1 === OK_REG ? getReg(cpu, i.v1, size) : i.v1;
      const old = readMem(cpu, a, size);
      const r = aluOp(cpu.s, op, old, src, sz);
      if (store) writeMem(cpu, a, size, r);
    }
  };
}

export const execAdd = binop(ALU_ADD);
export const execOr = binop(ALU_OR);
export const execAdc = binop(ALU_ADC);
export const execSbb = binop(ALU_SBB);
export const execAnd = binop(ALU_AND);
export const execSub = binop(ALU_SUB);
export const execXor = binop(ALU_XOR);
export const execCmp = binop(ALU_CMP);
export const execTest = binop(ALU_TEST);

function incdec(kind: number, delta: number): ExecFn {
  return (cpu: Cpu, i: Insn): void => {
    const size = i.size;
    const sz = sizeIndex(size);
    const s = cpu.s;
    const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
    const r = (read0(cpu, i, size, a) + delta) & SIZE_MASK[sz]!;
    const cf = computeCF(s);
    if (i.k0 === OK_REG) setReg(cpu, i.v0, size, r);
    else writeMem(cpu, a, size, r);
    s[S_CC_SRC2] = cf;
    s[S_CC_DST] = r;
    s[S_CC_OP] = (kind << 2) | sz;
  };
}

export const execInc = incdec(CC_INC, 1);
export const execDec = incdec(CC_DEC, -1);

export const execNeg: ExecFn = (cpu, i) => {
  const size = i.size;
  const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
  const v = read0(cpu, i, size, a);
  const r = aluOp(cpu.s, ALU_SUB, 0, v, sizeIndex(size));
  if (i.k0 === OK_REG) setReg(cpu, i.v0, size, r);
  else writeMem(cpu, a, size, r);
};

export const execNot: ExecFn = (cpu, i) => {
  const size = i.size;
  const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
  const r = ~read0(cpu, i, size, a);
  if (i.k0 === OK_REG) setReg(cpu, i.v0, size, r & SIZE_MASK[sizeIndex(size)]!);
  else writeMem(cpu, a, size, r);
};
