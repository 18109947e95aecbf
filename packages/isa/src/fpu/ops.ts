// Per-instruction semantics of the x87 (SDM Vol. 2, the F* pages). Each function takes the FPU
// state plus already-fetched operands; memory operands arrive as their raw little-endian bytes
// (a Uint8Array holding the 2, 4, 8 or 10 bytes at offset 0) and memory results leave in R.lo
// (bytes 0..3), R.hi (bytes 4..7) and R.se (bytes 8..9), with a boolean saying whether the
// store happens (an unmasked exception suppresses it).
//
// Exceptions: every function ORs the raised flags into the status word. An unmasked exception
// sets ES and B; for IE, DE and ZE the destination and TOP stay unchanged (SDM Vol. 1, 8.7).
// The interpreter checks x87PendingException() before the next waiting instruction and raises #MF.

import { f80Add } from "./add";
import { f80FromBcd, f80ToBcd } from "./bcd";
import { Relation, RELATION_CC, RELATION_EFLAGS, f80Compare, FXAM_EMPTY, fxamClass } from "./compare";
import { f80FromF32, f80FromF64, f80FromInt32, f80FromInt64, f80RoundToInt, f80ToF32, f80ToF64, f80ToInt } from "./convert";
import { f80Div } from "./div";
import { CW, INDEFINITE_HI, INDEFINITE_LO, INDEFINITE_SE, PRE_EXCEPTIONS, RC, SW } from "./float80";
import { f80Mul } from "./mul";
import { Q, f80Rem } from "./remainder";
import { IN, MemOperand } from "./operand";
import { R } from "./round";
import { X, f80Extract, f80Scale } from "./scale";
import { f80Sqrt } from "./sqrt";
import { type X87State, copyReg, isEmpty, setTagEmpty, stPhys, writeReg, x87Init } from "./state";

/** Arithmetic operations, numbered like the /reg field of D8 and the memory forms of D8-DE. */
export const X87Arith = { FADD: 0, FMUL: 1, FCOM: 2, FCOMP: 3, FSUB: 4, FSUBR: 5, FDIV: 6, FDIVR: 7 } as const;
export type X87Arith = (typeof X87Arith)[keyof typeof X87Arith];

/** Memory operand formats of the arithmetic and compare instructions. */
export const X87Mem = { m32fp: 0, m32int: 1, m64fp: 2, m16int: 3 } as const;
export type X87Mem = (typeof X87Mem)[keyof typeof X87Mem];

const ES_B = SW.ES | SW.B;
const CC_ALL = SW.C0 | SW.C1 | SW.C2 | SW.C3;

function pop(fpu: X87State): void {
  setTagEmpty(fpu, fpu.top);
  fpu.top = (fpu.top + 1) & 7;
}

/** Raise flags (IE..PE, SF) and set ES/B when any raised exception is unmasked. */
function raise(fpu: X87State, flags: number): void {
  const exc = flags & 0x7f;
  fpu.sw |= exc;
  if (exc & ~fpu.cw & 0x3f) fpu.sw |= ES_B;
}

/** An unmasked exception stops the instruction: C1 is cleared (as the host does). */
function stop(fpu: X87State, flags: number): void {
  fpu.sw &= ~SW.C1;
  raise(fpu, flags);
}

/** True when IE is unmasked. */
function imUnmasked(fpu: X87State): boolean {
  return (fpu.cw & CW.IM) === 0;
}

/**
 * Stack underflow (SDM Vol. 1, 8.5.1.1): IE and SF with C1 = 0. Returns true when masked (the
 * caller then delivers the real indefinite).
 */
function underflow(fpu: X87State): boolean {
  fpu.sw &= ~SW.C1;
  raise(fpu, SW.IE | SW.SF);
  return !imUnmasked(fpu);
}

/**
 * Make room for a push. Returns the physical register to write, or -1 when the push was a stack
 * overflow (IE, SF, C1 = 1): masked, the indefinite has already been pushed.
 */
function pushSlot(fpu: X87State): number {
  const p = (fpu.top - 1) & 7;
  if (!isEmpty(fpu, p)) {
    fpu.sw |= SW.C1;
    raise(fpu, SW.IE | SW.SF);
    if (!imUnmasked(fpu)) {
      fpu.top = p;
      writeReg(fpu, p, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    }
    return -1;
  }
  return p;
}

/**
 * Deliver R to a register: on an unmasked pre-computation exception nothing changes; otherwise
 * write, set C1 from the rounding direction, and pop when asked. Returns whether R was written.
 */
function commit(fpu: X87State, dst: number, popAfter: boolean): boolean {
  const f = R.flags;
  if (f & ~fpu.cw & PRE_EXCEPTIONS) {
    stop(fpu, f);
    return false;
  }
  if (dst >= 0) writeR(fpu, dst);
  fpu.sw = (fpu.sw & ~SW.C1) | (f & SW.C1);
  raise(fpu, f);
  if (popAfter) pop(fpu);
  return true;
}

/** Deliver R to physical register p (typed to typed) and mark it in use. */
function writeR(fpu: X87State, p: number): void {
  fpu.se[p] = R.se;
  fpu.hi[p] = R.hi;
  fpu.lo[p] = R.lo;
  fpu.tw &= ~(3 << (p * 2));
}

/** IN[base..base+2] <- physical register p. */
function loadIn(fpu: X87State, base: number, p: number): void {
  IN[base] = fpu.se[p]!;
  IN[base + 1] = fpu.hi[p]!;
  IN[base + 2] = fpu.lo[p]!;
}

/** IN[3..5] <- R (a converted memory operand). */
function rToIn2(): void {
  IN[3] = R.se;
  IN[4] = R.hi;
  IN[5] = R.lo;
}

/** IN[0..2] <- the memory bytes: dwords 0..3, 4..7 and the word at 8..9, as present. */
function memToIn(m: Uint8Array, bytes: number): void {
  IN[0] = bytes >= 4 ? m[0]! | (m[1]! << 8) | (m[2]! << 16) | (m[3]! << 24) : m[0]! | (m[1]! << 8);
  IN[1] = bytes >= 8 ? m[4]! | (m[5]! << 8) | (m[6]! << 16) | (m[7]! << 24) : 0;
  IN[2] = bytes >= 10 ? m[8]! | (m[9]! << 8) : 0;
}

/** The core operation `op` on a = IN[0..2] and b = IN[3..5]. */
function arithCore(op: number, cw: number): void {
  switch (op) {
    case X87Arith.FADD:
      f80Add(false, cw);
      break;
    case X87Arith.FMUL:
      f80Mul(cw);
      break;
    case X87Arith.FSUB:
      f80Add(true, cw);
      break;
    case X87Arith.FSUBR:
      swapIn();
      f80Add(true, cw);
      break;
    case X87Arith.FDIV:
      f80Div(cw);
      break;
    default:
      swapIn();
      f80Div(cw);
  }
}

function swapIn(): void {
  for (let i = 0; i < 3; i++) {
    const t = IN[i]!;
    IN[i] = IN[i + 3]!;
    IN[i + 3] = t;
  }
}

/**
 * Register forms: ST(dst) <- ST(dst) op ST(src), then pop when `popAfter` (FADDP and friends).
 * `op` is the mnemonic (for DC/DE register forms the decoder maps /4../7 to FSUBR, FSUB, FDIVR,
 * FDIV as the SDM lists them). FCOM/FCOMP go to x87Compare.
 */
export function x87Arith(fpu: X87State, op: X87Arith, dst: number, src: number, popAfter: boolean): void {
  if (op === X87Arith.FCOM || op === X87Arith.FCOMP) {
    x87Compare(fpu, src, false, op === X87Arith.FCOMP ? 1 : 0, false);
    return;
  }
  const d = stPhys(fpu, dst);
  const s = stPhys(fpu, src);
  if (isEmpty(fpu, d) || isEmpty(fpu, s)) {
    if (underflow(fpu)) {
      writeReg(fpu, d, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
      if (popAfter) pop(fpu);
    }
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, d);
  loadIn(fpu, 3, s);
  arithCore(op, fpu.cw);
  commit(fpu, d, popAfter);
}

/** Convert the memory operand in `mem` to R (exact; a 16-bit integer is sign-extended). */
function loadMem(fmt: X87Mem, mem: Uint8Array): void {
  switch (fmt) {
    case X87Mem.m32fp:
      memToIn(mem, 4);
      f80FromF32();
      break;
    case X87Mem.m64fp:
      memToIn(mem, 8);
      f80FromF64();
      break;
    case X87Mem.m32int:
      memToIn(mem, 4);
      f80FromInt32();
      break;
    default:
      IN[0] = ((mem[0]! | (mem[1]! << 8)) << 16) >> 16;
      f80FromInt32();
  }
}

/**
 * Memory forms (D8, DA, DC, DE /r): ST(0) <- ST(0) op m; FCOM/FCOMP/FICOM/FICOMP compare.
 * `mem` holds the operand's bytes (4 for m32fp/m32int, 8 for m64fp, 2 for m16int).
 */
export function x87ArithMem(fpu: X87State, op: X87Arith, fmt: X87Mem, mem: Uint8Array): void {
  const t = fpu.top;
  if (isEmpty(fpu, t)) {
    if (op === X87Arith.FCOM || op === X87Arith.FCOMP) {
      fpu.sw &= ~CC_ALL;
      const masked = underflow(fpu);
      fpu.sw |= RELATION_CC[Relation.Unordered];
      if (masked && op === X87Arith.FCOMP) pop(fpu);
    } else if (underflow(fpu)) writeReg(fpu, t, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  R.flags = 0;
  loadMem(fmt, mem);
  rToIn2();
  loadIn(fpu, 0, t);
  // A memory denormal's DE is decided by the operation's own operand checks.
  MemOperand.denormal = (R.flags & SW.DE) !== 0;
  R.flags &= ~SW.DE;
  if (op === X87Arith.FCOM || op === X87Arith.FCOMP) {
    const rel = f80Compare(false);
    MemOperand.denormal = false;
    finishCompare(fpu, rel, op === X87Arith.FCOMP ? 1 : 0, false);
    return;
  }
  arithCore(op, fpu.cw);
  MemOperand.denormal = false;
  commit(fpu, t, false);
}

function finishCompare(fpu: X87State, rel: Relation, pops: number, toEflags: boolean): void {
  const f = R.flags;
  if (toEflags) fpu.eflags = RELATION_EFLAGS[rel];
  else fpu.sw = (fpu.sw & ~CC_ALL) | RELATION_CC[rel];
  raise(fpu, f);
  if (f & ~fpu.cw & PRE_EXCEPTIONS) return;
  for (let i = 0; i < pops; i++) pop(fpu);
}

/**
 * FCOM/FCOMP/FCOMPP (quiet = false) and FUCOM/FUCOMP/FUCOMPP (quiet = true) with ST(i);
 * FCOMI/FCOMIP/FUCOMI/FUCOMIP when `toEflags`: the ZF/PF/CF result is then left in fpu.eflags
 * (the interpreter merges it into EFLAGS and clears OF, SF and AF) and C1 is left alone.
 * The condition codes (or EFLAGS) are set even when an unmasked exception suppresses the pop.
 * Returns whether EFLAGS must be updated.
 */
export function x87Compare(fpu: X87State, src: number, quiet: boolean, pops: number, toEflags: boolean): boolean {
  const a = fpu.top;
  const b = stPhys(fpu, src);
  if (isEmpty(fpu, a) || isEmpty(fpu, b)) {
    if (!toEflags) fpu.sw &= ~CC_ALL;
    const masked = underflow(fpu);
    if (toEflags) fpu.eflags = RELATION_EFLAGS[Relation.Unordered];
    else fpu.sw |= RELATION_CC[Relation.Unordered];
    if (masked) for (let i = 0; i < pops; i++) pop(fpu);
    return toEflags;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  loadIn(fpu, 3, b);
  const rel = f80Compare(quiet);
  finishCompare(fpu, rel, pops, toEflags);
  return toEflags;
}

/** FTST: compare ST(0) with +0.0. */
export function x87Ftst(fpu: X87State): void {
  const a = fpu.top;
  if (isEmpty(fpu, a)) {
    fpu.sw &= ~CC_ALL;
    underflow(fpu);
    fpu.sw |= RELATION_CC[Relation.Unordered];
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  IN[3] = 0;
  IN[4] = 0;
  IN[5] = 0;
  const rel = f80Compare(false);
  finishCompare(fpu, rel, 0, false);
}

/** FXAM: classify ST(0) into C3/C2/C0, its sign into C1. */
export function x87Fxam(fpu: X87State): void {
  const a = fpu.top;
  const sign = fpu.se[a]! & 0x8000 ? SW.C1 : 0;
  const cls = isEmpty(fpu, a) ? FXAM_EMPTY : fxamClass(fpu.se[a]!, fpu.hi[a]!, fpu.lo[a]!);
  fpu.sw = (fpu.sw & ~CC_ALL) | cls | sign;
}

/** One-operand operations on ST(0). */
export const X87Unary = { FCHS: 0, FABS: 1, FSQRT: 2, FRNDINT: 3 } as const;
export type X87Unary = (typeof X87Unary)[keyof typeof X87Unary];

export function x87Unary(fpu: X87State, op: X87Unary): void {
  const a = fpu.top;
  if (isEmpty(fpu, a)) {
    if (underflow(fpu)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  if (op === X87Unary.FCHS || op === X87Unary.FABS) {
    // Sign manipulation only: no exceptions, even for SNaNs and unsupported encodings.
    const se = fpu.se[a]!;
    fpu.se[a] = op === X87Unary.FCHS ? se ^ 0x8000 : se & 0x7fff;
    fpu.sw &= ~SW.C1;
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  if (op === X87Unary.FSQRT) f80Sqrt(fpu.cw);
  else f80RoundToInt(fpu.cw);
  commit(fpu, a, false);
}

/** FSCALE: ST(0) <- ST(0) * 2^trunc(ST(1)). */
export function x87Fscale(fpu: X87State): void {
  const a = fpu.top;
  const b = stPhys(fpu, 1);
  if (isEmpty(fpu, a) || isEmpty(fpu, b)) {
    if (underflow(fpu)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  loadIn(fpu, 3, b);
  f80Scale(fpu.cw);
  commit(fpu, a, false);
}

/** FPREM (ieee = false) and FPREM1 (ieee = true). */
export function x87Fprem(fpu: X87State, ieee: boolean): void {
  const a = fpu.top;
  const b = stPhys(fpu, 1);
  if (isEmpty(fpu, a) || isEmpty(fpu, b)) {
    fpu.sw &= ~SW.C2;
    if (underflow(fpu)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  loadIn(fpu, 3, b);
  f80Rem(ieee, fpu.cw);
  if (R.flags & ~fpu.cw & PRE_EXCEPTIONS) {
    fpu.sw &= ~(SW.C1 | SW.C2);
    raise(fpu, R.flags);
    return;
  }
  writeR(fpu, a);
  if (Q.special) fpu.sw &= ~(SW.C1 | SW.C2);
  else fpu.sw = (fpu.sw & ~CC_ALL) | Q.cc;
  raise(fpu, R.flags);
}

/** FXTRACT: ST(0) <- exponent, then push the significand. */
export function x87Fxtract(fpu: X87State): void {
  const a = fpu.top;
  if (isEmpty(fpu, a)) {
    // Masked stack underflow: both results are the indefinite, pushed even over an occupied
    // register (as FLD ST(i) does).
    if (underflow(fpu)) {
      writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
      const p = (fpu.top - 1) & 7;
      fpu.top = p;
      writeReg(fpu, p, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    }
    return;
  }
  const p = (fpu.top - 1) & 7;
  if (!isEmpty(fpu, p)) {
    // Masked stack overflow: both results are the indefinite.
    if (pushSlot(fpu) < 0 && !imUnmasked(fpu)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  R.flags = 0;
  loadIn(fpu, 0, a);
  if (!f80Extract(fpu.cw)) {
    stop(fpu, R.flags);
    return;
  }
  writeReg(fpu, a, X.se, X.hi, X.lo);
  fpu.top = p;
  writeR(fpu, p);
  fpu.sw &= ~SW.C1;
  raise(fpu, R.flags);
}

/** Push an 80-bit value already in R (after a conversion that may have raised flags). */
function pushR(fpu: X87State): void {
  if (R.flags & ~fpu.cw & PRE_EXCEPTIONS) {
    stop(fpu, R.flags);
    return;
  }
  const f = R.flags;
  const p = pushSlot(fpu);
  if (p < 0) return;
  fpu.top = p;
  writeR(fpu, p);
  fpu.sw &= ~SW.C1;
  raise(fpu, f);
}

/** FLD ST(i). */
export function x87FldSt(fpu: X87State, i: number): void {
  const s = stPhys(fpu, i);
  if (isEmpty(fpu, s)) {
    // Stack underflow only: masked, the indefinite is pushed even over an occupied register
    // (no overflow is reported on top of the underflow; the host does the same).
    if (underflow(fpu)) {
      const p = (fpu.top - 1) & 7;
      fpu.top = p;
      writeReg(fpu, p, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    }
    return;
  }
  R.flags = 0;
  R.se = fpu.se[s]!;
  R.hi = fpu.hi[s]!;
  R.lo = fpu.lo[s]!;
  pushR(fpu);
}

/** FLD m32fp, FLD m64fp: `mem` holds the 4 or 8 bytes. */
export function x87FldFloat(fpu: X87State, fmt: X87Mem, mem: Uint8Array): void {
  if (!isEmpty(fpu, (fpu.top - 1) & 7)) {
    pushSlot(fpu);
    return;
  }
  R.flags = 0;
  loadMem(fmt, mem);
  if ((R.se & 0x7fff) === 0x7fff && (R.hi & 0x40000000) === 0 && (R.hi & 0x3fffffff || R.lo)) {
    // An SNaN is quieted on the way in.
    R.flags |= SW.IE;
    R.hi = R.hi | 0x40000000;
  }
  // A denormal operand does not stop the load even when DE is unmasked (the host pushes the
  // normalized value and leaves #MF pending).
  const de = R.flags & SW.DE;
  R.flags &= ~SW.DE;
  pushR(fpu);
  if (de) raise(fpu, de);
}

/** FLD m80fp: the 10 bytes loaded as they are, without exceptions (SDM Vol. 2, FLD). */
export function x87FldM80(fpu: X87State, mem: Uint8Array): void {
  R.flags = 0;
  memToIn(mem, 10);
  R.lo = IN[0]!;
  R.hi = IN[1]!;
  R.se = IN[2]!;
  pushR(fpu);
}

/** FILD m16int/m32int/m64int: `bytes` (2, 4 or 8) little-endian two's-complement bytes in `mem`. */
export function x87Fild(fpu: X87State, mem: Uint8Array, bytes: number): void {
  R.flags = 0;
  if (bytes === 8) {
    memToIn(mem, 8);
    f80FromInt64();
  } else {
    IN[0] = bytes === 4 ? mem[0]! | (mem[1]! << 8) | (mem[2]! << 16) | (mem[3]! << 24) : ((mem[0]! | (mem[1]! << 8)) << 16) >> 16;
    f80FromInt32();
  }
  pushR(fpu);
}

/** FLD1, FLDL2T, FLDL2E, FLDPI, FLDLG2, FLDLN2, FLDZ: D9 E8..EE. */
export const X87Const = { FLD1: 0, FLDL2T: 1, FLDL2E: 2, FLDPI: 3, FLDLG2: 4, FLDLN2: 5, FLDZ: 6 } as const;
export type X87Const = (typeof X87Const)[keyof typeof X87Const];

// The constants to 96 bits: exponent, significand hi, lo, and the next 32 bits, which decide
// the rounding under CW.RC (the x87 rounds these constants but never signals PE).
const CONSTS = [
  [0x3fff, 0x80000000, 0x00000000, 0],
  [0x4000, 0xd49a784b, 0xcd1b8afe, 0x492bf6ff],
  [0x3fff, 0xb8aa3b29, 0x5c17f0bb, 0xbe87fed0],
  [0x4000, 0xc90fdaa2, 0x2168c234, 0xc4c6628b],
  [0x3ffd, 0x9a209a84, 0xfbcff798, 0x8f8959ac],
  [0x3ffe, 0xb17217f7, 0xd1cf79ab, 0xc9e3b398],
  [0, 0, 0, 0],
] as const;

export function x87FldConst(fpu: X87State, which: X87Const): void {
  const c = CONSTS[which];
  const rc = (fpu.cw >>> CW.RC_SHIFT) & 3;
  let lo: number = c[2];
  const extra: number = c[3];
  const up = rc === RC.Nearest ? extra >= 0x80000000 : rc === RC.Up && extra !== 0;
  if (up) lo = (lo + 1) >>> 0;
  R.flags = 0;
  R.se = c[0];
  R.hi = c[1];
  R.lo = lo;
  pushR(fpu);
}

/**
 * FST/FSTP ST(i): ST(i) <- ST(0), then pop when `popAfter`.
 */
export function x87FstSt(fpu: X87State, i: number, popAfter: boolean): void {
  const a = fpu.top;
  const d = stPhys(fpu, i);
  if (isEmpty(fpu, a)) {
    if (underflow(fpu)) {
      writeReg(fpu, d, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
      if (popAfter) pop(fpu);
    }
    return;
  }
  copyReg(fpu, d, a);
  fpu.sw &= ~SW.C1;
  if (popAfter) pop(fpu);
}

/** Memory destinations of FST/FSTP/FIST/FISTP/FISTTP/FBSTP. */
export const X87Store = { m32fp: 0, m64fp: 1, m80fp: 2, m16int: 3, m32int: 4, m64int: 5, m16intTrunc: 6, m32intTrunc: 7, m64intTrunc: 8 } as const;
export type X87Store = (typeof X87Store)[keyof typeof X87Store];

/**
 * Store ST(0) to memory in format `fmt`, popping when `popAfter`. Returns true when the store
 * happens; the bytes are then R.lo (bits 31..0), R.hi (bits 63..32) and, for m80fp, R.se.
 */
export function x87Store(fpu: X87State, fmt: X87Store, popAfter: boolean): boolean {
  const a = fpu.top;
  R.flags = 0;
  if (isEmpty(fpu, a)) {
    if (!underflow(fpu)) return false;
    // Masked stack underflow stores the indefinite of the destination format.
    switch (fmt) {
      case X87Store.m32fp:
        R.lo = 0xffc00000;
        break;
      case X87Store.m64fp:
        R.lo = 0;
        R.hi = 0xfff80000;
        break;
      case X87Store.m80fp:
        R.lo = INDEFINITE_LO;
        R.hi = INDEFINITE_HI;
        R.se = INDEFINITE_SE;
        break;
      default:
        IN[0] = 0x7fff;
        IN[1] = 0;
        IN[2] = 0;
        f80ToInt(fmt === X87Store.m16int || fmt === X87Store.m16intTrunc ? 16 : fmt === X87Store.m32int || fmt === X87Store.m32intTrunc ? 32 : 64, 0);
    }
    if (popAfter) pop(fpu);
    return true;
  }
  loadIn(fpu, 0, a);
  const rc = (fpu.cw >>> CW.RC_SHIFT) & 3;
  switch (fmt) {
    case X87Store.m32fp:
      f80ToF32(fpu.cw);
      break;
    case X87Store.m64fp:
      f80ToF64(fpu.cw);
      break;
    case X87Store.m80fp:
      R.se = IN[0]!;
      R.hi = IN[1]!;
      R.lo = IN[2]!;
      break;
    case X87Store.m16int:
      f80ToInt(16, rc);
      break;
    case X87Store.m32int:
      f80ToInt(32, rc);
      break;
    case X87Store.m64int:
      f80ToInt(64, rc);
      break;
    case X87Store.m16intTrunc:
      f80ToInt(16, RC.Zero);
      break;
    case X87Store.m32intTrunc:
      f80ToInt(32, RC.Zero);
      break;
    default:
      f80ToInt(64, RC.Zero);
  }
  const f = R.flags;
  // Memory destinations: an unmasked IE suppresses the store, and so does an unmasked OE or UE,
  // which then reports no PE (the host's behaviour).
  if (f & ~fpu.cw & PRE_EXCEPTIONS) {
    stop(fpu, f);
    return false;
  }
  if (f & ~fpu.cw & (SW.OE | SW.UE)) {
    stop(fpu, f & ~SW.PE);
    return false;
  }
  fpu.sw = (fpu.sw & ~SW.C1) | (f & SW.C1);
  raise(fpu, f);
  if (popAfter) pop(fpu);
  return true;
}

/** FXCH ST(i). */
export function x87Fxch(fpu: X87State, i: number): void {
  const a = fpu.top;
  const b = stPhys(fpu, i);
  if (isEmpty(fpu, a) || isEmpty(fpu, b)) {
    if (!underflow(fpu)) return;
    if (isEmpty(fpu, a)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    if (isEmpty(fpu, b)) writeReg(fpu, b, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
  } else {
    fpu.sw &= ~SW.C1;
  }
  loadIn(fpu, 0, a);
  copyReg(fpu, a, b);
  fpu.se[b] = IN[0]!;
  fpu.hi[b] = IN[1]!;
  fpu.lo[b] = IN[2]!;
}

/** FFREE ST(i): tag empty; C1 cleared (as the host does; the SDM leaves it undefined). */
export function x87Ffree(fpu: X87State, i: number): void {
  setTagEmpty(fpu, stPhys(fpu, i));
  fpu.sw &= ~SW.C1;
}

/** FFREEP ST(i) (DF C0+i, undocumented): FFREE ST(i), then pop. */
export function x87Ffreep(fpu: X87State, i: number): void {
  x87Ffree(fpu, i);
  pop(fpu);
}

/**
 * FSTP1 ST(i) (D9 D8+i, the undocumented alias of FSTP ST(i)): like FSTP ST(i), except that an
 * empty ST(0) is no stack underflow: the host just pops.
 */
export function x87Fstp1(fpu: X87State, i: number): void {
  if (isEmpty(fpu, fpu.top)) {
    fpu.sw &= ~SW.C1;
    pop(fpu);
    return;
  }
  x87FstSt(fpu, i, true);
}

/** FINCSTP / FDECSTP: rotate TOP without touching tags; C1 cleared. */
export function x87Fincstp(fpu: X87State, delta: 1 | -1): void {
  fpu.top = (fpu.top + delta) & 7;
  fpu.sw &= ~SW.C1;
}

/**
 * FCMOVcc: ST(0) <- ST(i) when the condition (evaluated by the interpreter) holds. C1 is left
 * alone; a masked stack underflow delivers the indefinite whatever the condition (as the host does).
 */
export function x87Fcmov(fpu: X87State, i: number, condition: boolean): void {
  const a = fpu.top;
  const s = stPhys(fpu, i);
  if (isEmpty(fpu, a) || isEmpty(fpu, s)) {
    if (underflow(fpu)) writeReg(fpu, a, INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
    return;
  }
  if (condition) copyReg(fpu, a, s);
}

/** FNINIT. */
export function x87Fninit(fpu: X87State): void {
  x87Init(fpu);
}

/** FNCLEX: clear the exception flags, SF, ES and B. */
export function x87Fnclex(fpu: X87State): void {
  fpu.sw &= ~(0x7f | ES_B);
}

/** FLDCW: a newly unmasked pending exception sets ES (and #MF follows at the next waiting insn). */
export function x87Fldcw(fpu: X87State, cw: number): void {
  fpu.cw = (cw & 0x1f3f) | 0x40;
  x87UpdateES(fpu);
}

/** Recompute ES and B from the flags and masks (after FLDCW, FLDENV, FRSTOR). */
export function x87UpdateES(fpu: X87State): void {
  if (fpu.sw & ~fpu.cw & 0x3f) fpu.sw |= ES_B;
  else fpu.sw &= ~ES_B;
}

/** FBLD m80bcd: the 10 bytes in `mem`. */
export function x87Fbld(fpu: X87State, mem: Uint8Array): void {
  R.flags = 0;
  memToIn(mem, 10);
  f80FromBcd(IN[0]!, IN[1]!, IN[2]!);
  pushR(fpu);
}

/** FBSTP m80bcd: returns whether the store happens; the bytes are R.lo, R.hi, R.se (bytes 8..9). */
export function x87Fbstp(fpu: X87State): boolean {
  const a = fpu.top;
  R.flags = 0;
  if (isEmpty(fpu, a)) {
    if (!underflow(fpu)) return false;
    R.lo = 0;
    R.hi = 0xc0000000;
    R.se = 0xffff;
    pop(fpu);
    return true;
  }
  loadIn(fpu, 0, a);
  f80ToBcd((fpu.cw >>> CW.RC_SHIFT) & 3);
  const f = R.flags;
  if (f & ~fpu.cw & PRE_EXCEPTIONS) {
    stop(fpu, f);
    return false;
  }
  fpu.sw = (fpu.sw & ~SW.C1) | (f & SW.C1);
  raise(fpu, f);
  pop(fpu);
  return true;
}
