// Operand screening shared by the arithmetic cores: invalid encodings, NaN propagation
// (SDM Vol. 1, 4.8.3.5 and Table 4-7) and the denormal-operand check (8.5.2), in the priority
// order of SDM Vol. 1, 8.7: invalid operands and SNaNs, then QNaNs, then the denormal check.

import { CW, F80Class, INDEFINITE_HI, INDEFINITE_LO, INDEFINITE_SE, SW, classifyF80, type F80Class as Cls } from "./float80";
import { R, setResult } from "./round";

/**
 * Set when the second operand came from a single- or double-precision denormal in memory: the
 * conversion normalized it, but DE still belongs to the operation's denormal check, after the
 * higher-priority invalid-operand and NaN checks (SDM Vol. 1, 8.7).
 */
export const MemOperand = { denormal: false };

/**
 * An unpacked operand: class, sign, biased exponent of the normalized significand (may be < 1)
 * and the significand halves, kept in a typed array so that no store boxes a number.
 */
class Unpacked {
  cls: Cls = F80Class.Zero;
  sign = 0;
  exp = 0;
  private readonly w = new Uint32Array(2);
  get h(): number {
    return this.w[0]!;
  }
  set h(v: number) {
    this.w[0] = v;
  }
  get l(): number {
    return this.w[1]!;
  }
  set l(v: number) {
    this.w[1] = v;
  }
}

export const A = new Unpacked();
export const B = new Unpacked();

/**
 * The operand registers of the core operations: IN[0..2] = se, hi, lo of the first operand,
 * IN[3..5] of the second. Callers fill them from the FPU registers or memory (typed to typed,
 * so no number is boxed on the way).
 */
export const IN = new Uint32Array(6);

/** Load IN from explicit values (for callers off the hot path). */
export function setIn(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number): void {
  IN[0] = aSe;
  IN[1] = aHi;
  IN[2] = aLo;
  IN[3] = bSe;
  IN[4] = bHi;
  IN[5] = bLo;
}

/** Unpack the operand at IN[base..base+2] into u. */
export function unpack(u: Unpacked, base: number): void {
  const se = IN[base]!;
  let hi = IN[base + 1]!;
  let lo = IN[base + 2]!;
  const cls = classifyF80(se, hi, lo);
  u.cls = cls;
  u.sign = (se >>> 15) & 1;
  let exp = se & 0x7fff;
  if (cls === F80Class.Denormal) {
    // Denormals and pseudo-denormals both have the value sig * 2^(1 - 16383 - 63).
    exp = 1;
    if (hi === 0) {
      hi = lo;
      lo = 0;
      exp -= 32;
    }
    const z = Math.clz32(hi);
    if (z > 0) {
      hi = (hi << z) | (lo >>> (32 - z));
      lo = lo << z;
      exp -= z;
    }
  }
  u.exp = exp;
  u.h = hi;
  u.l = lo;
}

export function setIndefinite(): void {
  setResult(INDEFINITE_SE, INDEFINITE_HI, INDEFINITE_LO);
}

/** Deliver the NaN operand at IN[base], quieted; IE when it was signaling. */
export function propagateNaN1(base: number, cls: Cls): void {
  if (cls === F80Class.SNaN) R.flags |= SW.IE;
  R.se = IN[base]!;
  R.hi = IN[base + 1]! | 0x40000000;
  R.lo = IN[base + 2]!;
}

/**
 * Screen two operands. Returns true when the result is already decided (invalid encoding, NaN,
 * or an unmasked denormal-operand exception that stops the instruction). Leaves A and B unpacked.
 */
export function screen2(cw: number, invalidFirst: number): boolean {
  unpack(A, 0);
  unpack(B, 3);
  const ca = A.cls;
  const cb = B.cls;
  if (ca === F80Class.Unsupported || cb === F80Class.Unsupported) {
    R.flags |= SW.IE;
    setIndefinite();
    return true;
  }
  const nanA = ca === F80Class.QNaN || ca === F80Class.SNaN;
  const nanB = cb === F80Class.QNaN || cb === F80Class.SNaN;
  if (nanA || nanB) {
    const sA = ca === F80Class.SNaN;
    const sB = cb === F80Class.SNaN;
    if (sA || sB) R.flags |= SW.IE;
    let pickA: boolean;
    if (nanA && nanB && sA === sB) {
      // Two NaNs of the same kind: the larger significand wins (equal: the positive one).
      const ma = IN[1]! & 0x3fffffff;
      const mb = IN[4]! & 0x3fffffff;
      if (ma !== mb) pickA = ma > mb;
      else if (IN[2] !== IN[5]) pickA = IN[2]! > IN[5]!;
      else pickA = IN[0]! <= IN[3]!;
    } else if (nanA && nanB) {
      // An SNaN and a QNaN: the QNaN (SDM Vol. 1, Table 4-7).
      pickA = !sA;
    } else {
      pickA = nanA;
    }
    propagateNaN1(pickA ? 0 : 3, F80Class.QNaN);
    return true;
  }
  // A zero divisor (FDIV, FPREM: invalidFirst >= 1) and an infinite dividend (FPREM:
  // invalidFirst = 2) outrank the denormal check: ZE or IE, never DE.
  if (invalidFirst >= 1 && cb === F80Class.Zero) return false;
  if (invalidFirst === 2 && ca === F80Class.Infinity) return false;
  if (ca === F80Class.Denormal || cb === F80Class.Denormal || MemOperand.denormal) {
    R.flags |= SW.DE;
    if (!(cw & CW.DM)) return true;
  }
  return false;
}

/** Screen the operand at IN[0..2], like screen2. */
export function screen1(cw: number): boolean {
  unpack(A, 0);
  const c = A.cls;
  if (c === F80Class.Unsupported) {
    R.flags |= SW.IE;
    setIndefinite();
    return true;
  }
  if (c === F80Class.QNaN || c === F80Class.SNaN) {
    propagateNaN1(0, c);
    return true;
  }
  if (c === F80Class.Denormal) {
    R.flags |= SW.DE;
    if (!(cw & CW.DM)) return true;
  }
  return false;
}
