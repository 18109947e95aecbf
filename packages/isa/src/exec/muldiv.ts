/**
 * MUL, IMUL (one-, two- and three-operand forms), DIV, IDIV (SDM Vol. 2). 32x32 products are
 * formed exactly from 16-bit halves; 64/32 divisions use doubles while the dividend fits in 53
 * bits and BigInt beyond. Divide errors (#DE) are faults raised before any register changes.
 * MUL/IMUL leave SF/ZF/AF/PF undefined; we derive SF/ZF/PF from the low half (as QEMU does).
 * DIV/IDIV leave all six flags undefined; we leave them unchanged.
 */
import type { Cpu } from "../cpu/cpu";
import { CC_MUL } from "../cpu/flags";
import { raise, VEC_DE } from "../cpu/exceptions";
import { EAX, EDX, S_CC_DST, S_CC_OP, S_CC_SRC } from "../cpu/state";
import { type ExecFn, type Insn, OK_MEM } from "./insn";
import { ea, read0, read1, setReg, signExtend } from "./operands";

/** High dword of the unsigned 64-bit product of two uint32 (low dword is Math.imul). */
export function mulHighU32(a: number, b: number): number {
  const a0 = a & 0xffff;
  const a1 = a >>> 16;
  const b0 = b & 0xffff;
  const b1 = b >>> 16;
  const lo = a0 * b0;
  const m1 = a1 * b0;
  const m2 = a0 * b1;
  const mid = (lo >>> 16) + (m1 & 0xffff) + (m2 & 0xffff);
  return (a1 * b1 + (m1 >>> 16) + (m2 >>> 16) + Math.floor(mid / 65536)) | 0;
}

/** High dword of the signed 64-bit product of two int32. */
export function mulHighS32(a: number, b: number): number {
  let h = mulHighU32(a, b);
  if (a < 0) h = (h - b) | 0;
  if (b < 0) h = (h - a) | 0;
  return h;
}

function recordMul(s: Int32Array, sz: number, low: number, overflow: boolean): void {
  s[S_CC_OP] = (CC_MUL << 2) | sz;
  s[S_CC_DST] = low;
  s[S_CC_SRC] = overflow ? 1 : 0;
}

function operand(cpu: Cpu, i: Insn): number {
  return read0(cpu, i, i.size, i.k0 === OK_MEM ? ea(cpu, i) : 0);
}

export const execMul: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const v = operand(cpu, i);
  switch (i.size) {
    case 1: {
      const p = cpu.r8[0]! * v;
      cpu.r16[0] = p;
      recordMul(s, 0, p & 0xff, p > 0xff);
      break;
    }
    case 2: {
      const p = cpu.r16[0]! * v;
      cpu.r16[0] = p;
      cpu.r16[EDX << 1] = p >>> 16;
      recordMul(s, 1, p & 0xffff, p > 0xffff);
      break;
    }
    default: {
      const a = s[EAX]!;
      const hi = mulHighU32(a, v);
      const lo = Math.imul(a, v);
      s[EAX] = lo;
      s[EDX] = hi;
      recordMul(s, 2, lo, hi !== 0);
    }
  }
};

/** IMUL r/m (one operand): AX, DX:AX or EDX:EAX = accumulator * operand, signed. */
export const execImul1: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const v = signExtend(operand(cpu, i), i.size);
  switch (i.size) {
    case 1: {
      const p = ((cpu.r8[0]! << 24) >> 24) * v;
      cpu.r16[0] = p;
      recordMul(s, 0, p & 0xff, p !== (p << 24) >> 24);
      break;
    }
    case 2: {
      const p = ((cpu.r16[0]! << 16) >> 16) * v;
      cpu.r16[0] = p;
      cpu.r16[EDX << 1] = p >> 16;
      recordMul(s, 1, p & 0xffff, p !== (p << 16) >> 16);
      break;
    }
    default: {
      const a = s[EAX]!;
      const hi = mulHighS32(a, v);
      const lo = Math.imul(a, v);
      s[EAX] = lo;
      s[EDX] = hi;
      recordMul(s, 2, lo, hi !== lo >> 31);
    }
  }
};

/** IMUL Gv, Ev[, imm]: destination = truncated signed product. */
export const execImul: ExecFn = (cpu, i) => {
  const size = i.size;
  let a: number;
  let b: number;
  if (i.k2 !== 0) {
    a = signExtend(read1(cpu, i, size), size);
    b = signExtend(i.v2, size);
  } else {
    a = signExtend(getDst(cpu, i), size);
    b = signExtend(read1(cpu, i, size), size);
  }
  const s = cpu.s;
  if (size === 4) {
    const lo = Math.imul(a, b);
    const hi = mulHighS32(a, b);
    s[i.v0] = lo;
    recordMul(s, 2, lo, hi !== lo >> 31);
  } else {
    const p = a * b;
    const lo = p & 0xffff;
    setReg(cpu, i.v0, 2, lo);
    recordMul(s, 1, lo, p !== (p << 16) >> 16);
  }
};

function getDst(cpu: Cpu, i: Insn): number {
  return i.size === 4 ? cpu.s[i.v0]! : cpu.r16[i.v0]!;
}

export const execDiv: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const d = operand(cpu, i);
  if (d === 0) raise(VEC_DE);
  switch (i.size) {
    case 1: {
      const n = cpu.r16[0]!;
      const q = Math.floor(n / d);
      if (q > 0xff) raise(VEC_DE);
      cpu.r8[0] = q;
      cpu.r8[1] = n - q * d;
      break;
    }
    case 2: {
      const n = cpu.r16[EDX << 1]! * 65536 + cpu.r16[0]!;
      const q = Math.floor(n / d);
      if (q > 0xffff) raise(VEC_DE);
      cpu.r16[0] = q;
      cpu.r16[EDX << 1] = n - q * d;
      break;
    }
    default: {
      const du = d >>> 0;
      const hi = s[EDX]! >>> 0;
      const lo = s[EAX]! >>> 0;
      if (hi >= du) raise(VEC_DE);
      if (hi < 0x200000) {
        const n = hi * 4294967296 + lo;
        const q = Math.floor(n / du);
        s[EAX] = q;
        s[EDX] = n - q * du;
      } else {
        const n = (BigInt(hi) << 32n) | BigInt(lo);
        const bd = BigInt(du);
        s[EAX] = Number(n / bd);
        s[EDX] = Number(n % bd);
      }
    }
  }
};

export const execIdiv: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const d = signExtend(operand(cpu, i), i.size);
  if (d === 0) raise(VEC_DE);
  switch (i.size) {
    case 1: {
      const n = (cpu.r16[0]! << 16) >> 16;
      const q = Math.trunc(n / d);
      if (q > 127 || q < -128) raise(VEC_DE);
      cpu.r8[0] = q;
      cpu.r8[1] = n - q * d;
      break;
    }
    case 2: {
      const nn = ((s[EDX]! << 16) >> 16) * 65536 + cpu.r16[0]!;
      const q = Math.trunc(nn / d);
      if (q > 32767 || q < -32768) raise(VEC_DE);
      cpu.r16[0] = q;
      cpu.r16[EDX << 1] = nn - q * d;
      break;
    }
    default: {
      const hi = s[EDX]!;
      const lo = s[EAX]! >>> 0;
      if ((hi === 0 && lo < 0x80000000) || (hi === -1 && lo >= 0x80000000)) {
        // The dividend is a sign-extended dword: exact in doubles.
        const n = lo | 0;
        const q = Math.trunc(n / d);
        if (q > 2147483647) raise(VEC_DE); // -2^31 / -1
        s[EAX] = q;
        s[EDX] = n - Math.imul(q, d);
      } else {
        const n = (BigInt(hi) << 32n) | BigInt(lo);
        const bd = BigInt(d);
        const q = n / bd;
        if (q > 2147483647n || q < -2147483648n) raise(VEC_DE);
        s[EAX] = Number(q);
        s[EDX] = Number(n - q * bd);
      }
    }
  }
};
