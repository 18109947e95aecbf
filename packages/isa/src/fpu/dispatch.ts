// The x87 escape opcodes D8..DF decoded by ModRM (SDM Vol. 2, Appendix A.4, Tables)
// onto the per-instruction functions of ops.ts. The interpreter fetches the memory operand
// (x87MemOperand says how many bytes and in which direction), calls x87Execute, and writes back
// the bytes when the result says so.

import { X87EnvFormat, x87LoadEnv, x87Restore, x87Save, x87StoreEnv } from "./env";
import {
  X87Arith,
  type X87Const,
  X87Mem,
  X87Store,
  X87Unary,
  x87Arith,
  x87ArithMem,
  x87Compare,
  x87Fbld,
  x87Fbstp,
  x87Fcmov,
  x87Ffree,
  x87Ffreep,
  x87Fild,
  x87FldConst,
  x87FldFloat,
  x87FldM80,
  x87FldSt,
  x87Fldcw,
  x87Fincstp,
  x87Fnclex,
  x87Fninit,
  x87Fprem,
  x87Fscale,
  x87FstSt,
  x87Fstp1,
  x87Ftst,
  x87Fxam,
  x87Fxch,
  x87Fxtract,
  x87Store,
  x87Unary,
} from "./ops";
import { R } from "./round";
import { type X87State, x87StatusWord } from "./state";
import { X87Transcendental, x87Transcendental } from "./transcendental";

/** What x87Execute did besides changing the FPU state. */
export const X87Exec = {
  /** The memory operand bytes were written (size per x87MemOperand). */
  MemWritten: 1,
  /** ZF, PF, CF are in fpu.eflags: merge them into EFLAGS and clear OF, SF, AF (FCOMI family). */
  Eflags: 2,
  /** AX <- fpu.ax (FNSTSW AX). */
  Ax: 4,
  /** Not an x87 instruction: raise #UD. */
  Undefined: 8,
} as const;

/** Mode bits for x87Execute and x87MemOperand. */
export const X87Mode = {
  /** 16-bit operand size (affects FSTENV/FLDENV/FSAVE/FRSTOR images). */
  OperandSize16: 1,
  /** Real or virtual-8086 mode (the real-mode environment layout). */
  Real: 2,
} as const;

function envFormat(mode: number): X87EnvFormat {
  const o16 = (mode & X87Mode.OperandSize16) !== 0;
  if (mode & X87Mode.Real) return o16 ? X87EnvFormat.Real16 : X87EnvFormat.Real32;
  return o16 ? X87EnvFormat.Protected16 : X87EnvFormat.Protected32;
}

// Memory operand sizes by opcode (D8..DF) and /reg: positive = read, negative = written.
const MEM_SIZE: readonly (readonly number[])[] = [
  [4, 4, 4, 4, 4, 4, 4, 4],
  [4, 0, -4, -4, 28, 2, -28, -2],
  [4, 4, 4, 4, 4, 4, 4, 4],
  [4, -4, -4, -4, 0, 10, 0, -10],
  [8, 8, 8, 8, 8, 8, 8, 8],
  [8, -8, -8, -8, 108, 0, -108, -2],
  [2, 2, 2, 2, 2, 2, 2, 2],
  [2, -2, -2, -2, 10, 8, -10, -8],
];

/**
 * The memory operand of an x87 instruction with a memory ModRM: its size in bytes (0 when the
 * encoding is undefined), negative when the instruction writes it instead of reading it.
 * FSTENV/FLDENV/FSAVE/FRSTOR sizes follow the operand size (14/28, 94/108).
 */
export function x87MemOperand(opcode: number, modrm: number, mode: number): number {
  const reg = (modrm >>> 3) & 7;
  const size = MEM_SIZE[opcode & 7]![reg]!;
  if (Math.abs(size) === 28 || Math.abs(size) === 108) {
    const o16 = (mode & X87Mode.OperandSize16) !== 0;
    const n = Math.abs(size) === 28 ? (o16 ? 14 : 28) : o16 ? 94 : 108;
    return size < 0 ? -n : n;
  }
  return size;
}

/**
 * True for the no-wait forms (FNINIT, FNCLEX, FNSTENV, FNSTCW, FNSAVE, FNSTSW): they run even
 * with an exception pending. Every other x87 instruction (and WAIT) first checks
 * x87PendingException and raises #MF instead when it is set.
 */
export function x87IsNoWait(opcode: number, modrm: number): boolean {
  const reg = (modrm >>> 3) & 7;
  const mem = modrm < 0xc0;
  switch (opcode & 0xff) {
    case 0xd9:
      return mem && (reg === 6 || reg === 7);
    case 0xdb:
      return !mem && (modrm === 0xe2 || modrm === 0xe3);
    case 0xdd:
      return mem && (reg === 6 || reg === 7);
    case 0xdf:
      return modrm === 0xe0;
    default:
      return false;
  }
}

function r16(m: Uint8Array): number {
  return m[0]! | (m[1]! << 8);
}
function w32(m: Uint8Array, o: number, v: number): void {
  m[o] = v & 0xff;
  m[o + 1] = (v >>> 8) & 0xff;
  m[o + 2] = (v >>> 16) & 0xff;
  m[o + 3] = (v >>> 24) & 0xff;
}

/** Write R to memory for a store of `bytes` bytes. */
function putR(m: Uint8Array, bytes: number): number {
  if (bytes === 2) {
    m[0] = R.lo & 0xff;
    m[1] = (R.lo >>> 8) & 0xff;
  } else {
    w32(m, 0, R.lo);
    if (bytes >= 8) w32(m, 4, R.hi);
    if (bytes === 10) {
      m[8] = R.se & 0xff;
      m[9] = (R.se >>> 8) & 0xff;
    }
  }
  return X87Exec.MemWritten;
}

function storeTo(fpu: X87State, m: Uint8Array, fmt: X87Store, pop: boolean, bytes: number): number {
  return x87Store(fpu, fmt, pop) ? putR(m, bytes) : 0;
}

// EFLAGS conditions of FCMOVcc: B (CF), E (ZF), BE (CF|ZF), U (PF).
function fcmovCondition(sub: number, eflags: number): boolean {
  switch (sub) {
    case 0:
      return (eflags & 0x01) !== 0;
    case 1:
      return (eflags & 0x40) !== 0;
    case 2:
      return (eflags & 0x41) !== 0;
    default:
      return (eflags & 0x04) !== 0;
  }
}

/**
 * The DC and DE register forms by /reg: the SDM lists DC E0+i as FSUBR ST(i), ST(0) and DC E8+i
 * as FSUB ST(i), ST(0) (likewise for the divides), the reverse of the D8 forms.
 */
const REVERSED: readonly X87Arith[] = [
  X87Arith.FADD,
  X87Arith.FMUL,
  X87Arith.FCOM,
  X87Arith.FCOMP,
  X87Arith.FSUBR,
  X87Arith.FSUB,
  X87Arith.FDIVR,
  X87Arith.FDIV,
];

const D9_E0: readonly number[] = [X87Unary.FCHS, X87Unary.FABS, -1, -1, -2, -3, -1, -1];

/**
 * Execute one x87 instruction. `opcode` is D8..DF, `modrm` its ModRM byte; for memory forms
 * `mem` holds the operand bytes (read before, written after when the result has MemWritten),
 * `eflags` is read by FCMOVcc, `mode` is a set of X87Mode bits. Returns X87Exec bits.
 */
export function x87Execute(fpu: X87State, opcode: number, modrm: number, mem: Uint8Array, eflags: number, mode: number): number {
  const reg = (modrm >>> 3) & 7;
  const rm = modrm & 7;
  const op = opcode & 7;
  if (modrm < 0xc0) {
    switch (op) {
      case 0:
        x87ArithMem(fpu, reg as X87Arith, X87Mem.m32fp, mem);
        return 0;
      case 2:
        x87ArithMem(fpu, reg as X87Arith, X87Mem.m32int, mem);
        return 0;
      case 4:
        x87ArithMem(fpu, reg as X87Arith, X87Mem.m64fp, mem);
        return 0;
      case 6:
        x87ArithMem(fpu, reg as X87Arith, X87Mem.m16int, mem);
        return 0;
      case 1:
        switch (reg) {
          case 0:
            x87FldFloat(fpu, X87Mem.m32fp, mem);
            return 0;
          case 2:
          case 3:
            return storeTo(fpu, mem, X87Store.m32fp, reg === 3, 4);
          case 4:
            x87LoadEnv(fpu, mem, 0, envFormat(mode));
            return 0;
          case 5:
            x87Fldcw(fpu, r16(mem));
            return 0;
          case 6:
            x87StoreEnv(fpu, mem, 0, envFormat(mode));
            return X87Exec.MemWritten;
          case 7:
            R.lo = fpu.cw;
            return putR(mem, 2);
          default:
            return X87Exec.Undefined;
        }
      case 3:
        switch (reg) {
          case 0:
            x87Fild(fpu, mem, 4);
            return 0;
          case 1:
            return storeTo(fpu, mem, X87Store.m32intTrunc, true, 4);
          case 2:
          case 3:
            return storeTo(fpu, mem, X87Store.m32int, reg === 3, 4);
          case 5:
            x87FldM80(fpu, mem);
            return 0;
          case 7:
            return storeTo(fpu, mem, X87Store.m80fp, true, 10);
          default:
            return X87Exec.Undefined;
        }
      case 5:
        switch (reg) {
          case 0:
            x87FldFloat(fpu, X87Mem.m64fp, mem);
            return 0;
          case 1:
            return storeTo(fpu, mem, X87Store.m64intTrunc, true, 8);
          case 2:
          case 3:
            return storeTo(fpu, mem, X87Store.m64fp, reg === 3, 8);
          case 4:
            x87Restore(fpu, mem, 0, envFormat(mode));
            return 0;
          case 6:
            x87Save(fpu, mem, 0, envFormat(mode));
            return X87Exec.MemWritten;
          case 7:
            R.lo = x87StatusWord(fpu);
            return putR(mem, 2);
          default:
            return X87Exec.Undefined;
        }
      default:
        switch (reg) {
          case 0:
            x87Fild(fpu, mem, 2);
            return 0;
          case 1:
            return storeTo(fpu, mem, X87Store.m16intTrunc, true, 2);
          case 2:
          case 3:
            return storeTo(fpu, mem, X87Store.m16int, reg === 3, 2);
          case 4:
            x87Fbld(fpu, mem);
            return 0;
          case 5:
            x87Fild(fpu, mem, 8);
            return 0;
          case 6:
            return x87Fbstp(fpu) ? putR(mem, 10) : 0;
          default:
            return storeTo(fpu, mem, X87Store.m64int, true, 8);
        }
    }
  }
  switch (op) {
    case 0:
      x87Arith(fpu, reg as X87Arith, 0, rm, false);
      return 0;
    case 1:
      return executeD9(fpu, reg, rm);
    case 2:
      if (reg < 4) {
        x87Fcmov(fpu, rm, fcmovCondition(reg, eflags));
        return 0;
      }
      if (modrm === 0xe9) {
        x87Compare(fpu, 1, true, 2, false);
        return 0;
      }
      return X87Exec.Undefined;
    case 3:
      if (reg < 4) {
        x87Fcmov(fpu, rm, !fcmovCondition(reg, eflags));
        return 0;
      }
      if (reg === 5 || reg === 6) return x87Compare(fpu, rm, reg === 5, 0, true) ? X87Exec.Eflags : 0;
      if (modrm === 0xe2) x87Fnclex(fpu);
      else if (modrm === 0xe3) x87Fninit(fpu);
      else if (modrm === 0xe0 || modrm === 0xe1 || modrm === 0xe4) return 0; // FENI/FDISI/FSETPM: no-ops since the 80387.
      else return X87Exec.Undefined;
      return 0;
    case 4:
      // DC register forms: ST(i) <- ST(i) op ST(0); /4../7 are FSUBR, FSUB, FDIVR, FDIV.
      if (reg === 2 || reg === 3) {
        x87Arith(fpu, reg, 0, rm, false);
        return 0;
      }
      x87Arith(fpu, REVERSED[reg]!, rm, 0, false);
      return 0;
    case 5:
      switch (reg) {
        case 0:
          x87Ffree(fpu, rm);
          return 0;
        case 1:
          x87Fxch(fpu, rm);
          return 0;
        case 2:
        case 3:
          x87FstSt(fpu, rm, reg === 3);
          return 0;
        case 4:
        case 5:
          x87Compare(fpu, rm, true, reg === 5 ? 1 : 0, false);
          return 0;
        default:
          return X87Exec.Undefined;
      }
    case 6: {
      if (reg === 3) {
        if (rm !== 1) return X87Exec.Undefined;
        x87Compare(fpu, 1, false, 2, false);
        return 0;
      }
      if (reg === 2) {
        x87Compare(fpu, rm, false, 1, false);
        return 0;
      }
      x87Arith(fpu, REVERSED[reg]!, rm, 0, true);
      return 0;
    }
    default:
      if (modrm === 0xe0) {
        fpu.ax = x87StatusWord(fpu);
        return X87Exec.Ax;
      }
      if (reg === 5 || reg === 6) return x87Compare(fpu, rm, reg === 5, 1, true) ? X87Exec.Eflags : 0;
      if (reg === 0) {
        x87Ffreep(fpu, rm);
        return 0;
      }
      if (reg === 1) {
        x87Fxch(fpu, rm); // FXCH7
        return 0;
      }
      if (reg === 2 || reg === 3) {
        x87FstSt(fpu, rm, true); // FSTP8, FSTP9
        return 0;
      }
      return X87Exec.Undefined;
  }
}

function executeD9(fpu: X87State, reg: number, rm: number): number {
  switch (reg) {
    case 0:
      x87FldSt(fpu, rm);
      return 0;
    case 1:
      x87Fxch(fpu, rm);
      return 0;
    case 2:
      return rm === 0 ? 0 : X87Exec.Undefined; // FNOP
    case 3:
      x87Fstp1(fpu, rm);
      return 0;
    case 4: {
      const u = D9_E0[rm]!;
      if (u >= 0) x87Unary(fpu, u as X87Unary);
      else if (u === -2) x87Ftst(fpu);
      else if (u === -3) x87Fxam(fpu);
      else return X87Exec.Undefined;
      return 0;
    }
    case 5:
      if (rm === 7) return X87Exec.Undefined;
      x87FldConst(fpu, rm as X87Const);
      return 0;
    case 6:
      switch (rm) {
        case 0:
          x87Transcendental(fpu, X87Transcendental.F2XM1);
          return 0;
        case 1:
          x87Transcendental(fpu, X87Transcendental.FYL2X);
          return 0;
        case 2:
          x87Transcendental(fpu, X87Transcendental.FPTAN);
          return 0;
        case 3:
          x87Transcendental(fpu, X87Transcendental.FPATAN);
          return 0;
        case 4:
          x87Fxtract(fpu);
          return 0;
        case 5:
          x87Fprem(fpu, true);
          return 0;
        case 6:
          x87Fincstp(fpu, -1);
          return 0;
        default:
          x87Fincstp(fpu, 1);
          return 0;
      }
    default:
      switch (rm) {
        case 0:
          x87Fprem(fpu, false);
          return 0;
        case 1:
          x87Transcendental(fpu, X87Transcendental.FYL2XP1);
          return 0;
        case 2:
          x87Unary(fpu, X87Unary.FSQRT);
          return 0;
        case 3:
          x87Transcendental(fpu, X87Transcendental.FSINCOS);
          return 0;
        case 4:
          x87Unary(fpu, X87Unary.FRNDINT);
          return 0;
        case 5:
          x87Fscale(fpu);
          return 0;
        case 6:
          x87Transcendental(fpu, X87Transcendental.FSIN);
          return 0;
        default:
          x87Transcendental(fpu, X87Transcendental.FCOS);
          return 0;
      }
  }
}
