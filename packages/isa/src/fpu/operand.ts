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

/** Unpacked operands: sign, biased exponent of the normalized significand (may be < 1), h, l. */
export const A = { cls: 0 as Cls, sign: 0, exp: 0, h: 0, l: 0 };
export const B = { cls: 0 as Cls, sign: 0, exp: 0, h: 0, l: 0 };

type Unpacked = typeof A;

export function unpack(u: Unpacked, se: number, hi: number, lo: number): void {
  const cls = classifyF80(se, hi, lo);
  u.cls = cls;
  u.sign = se >>> 15;
  let exp = se & 0x7fff;
  hi >>>= 0;
  lo >>>= 0;
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
      hi = ((hi << z) | (lo >>> (32 - z))) >>> 0;
      lo = (lo << z) >>> 0;
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

/** Deliver a NaN operand, quieted; IE when it was signaling. */
export function propagateNaN1(se: number, hi: number, lo: number, cls: Cls): void {
  if (cls === F80Class.SNaN) R.flags |= SW.IE;
  setResult(se, (hi | 0x40000000) >>> 0, lo);
}

/**
 * Screen two operands. Returns true when the result is already decided (invalid encoding, NaN,
 * or an unmasked denormal-operand exception that stops the instruction). Leaves A and B unpacked.
 */
export function screen2(aSe: number, aHi: number, aLo: number, bSe: number, bHi: number, bLo: number, cw: number, invalidFirst = 0): boolean {
  unpack(A, aSe, aHi, aLo);
  unpack(B, bSe, bHi, bLo);
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
      const ma = (aHi & 0x3fffffff) >>> 0;
      const mb = (bHi & 0x3fffffff) >>> 0;
      if (ma !== mb) pickA = ma > mb;
      else if (aLo >>> 0 !== bLo >>> 0) pickA = aLo >>> 0 > bLo >>> 0;
      else pickA = (aSe & 0xffff) <= (bSe & 0xffff);
    } else if (nanA && nanB) {
      // An SNaN and a QNaN: the QNaN (SDM Vol. 1, Table 4-7).
      pickA = !sA;
    } else {
      pickA = nanA;
    }
    if (pickA) setResult(aSe, (aHi | 0x40000000) >>> 0, aLo);
    else setResult(bSe, (bHi | 0x40000000) >>> 0, bLo);
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

/** Screen one operand, like screen2. */
export function screen1(se: number, hi: number, lo: number, cw: number): boolean {
  unpack(A, se, hi, lo);
  const c = A.cls;
  if (c === F80Class.Unsupported) {
    R.flags |= SW.IE;
    setIndefinite();
    return true;
  }
  if (c === F80Class.QNaN || c === F80Class.SNaN) {
    propagateNaN1(se, hi, lo, c);
    return true;
  }
  if (c === F80Class.Denormal) {
    R.flags |= SW.DE;
    if (!(cw & CW.DM)) return true;
  }
  return false;
}
