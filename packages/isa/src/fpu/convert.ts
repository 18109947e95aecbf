// Conversions between the 80-bit stack format and the memory formats: single and double
// precision (FLD/FST m32fp/m64fp), 16/32/64-bit integers (FILD/FIST/FISTP/FISTTP) and rounding
// to an integral value (FRNDINT). Memory results leave in R.lo (low dword) and R.hi (high dword).

import { CW, F80Class, SW } from "./float80";
import { A, IN, screen1, unpack } from "./operand";
import { R, T, roundPack, roundSignificand, setResult, setT, shiftRightJam96 } from "./round";

// Memory operands come in through IN (operand.ts): IN[0] is the low dword, IN[1] the high one.

/** R <- the 80-bit value of the single-precision pattern IN[0] (exact; DE for denormals; SNaNs stay signaling). */
export function f80FromF32(): void {
  const bits = IN[0]!;
  const sign = bits >>> 31;
  const exp = (bits >>> 23) & 0xff;
  const frac = bits & 0x7fffff;
  if (exp === 0xff) {
    if (frac === 0) {
      setResult((sign << 15) | 0x7fff, 0x80000000, 0);
      return;
    }
    // NaNs keep their kind: quieting (and IE) is up to the instruction, which must first
    // apply the SNaN-versus-QNaN propagation rule against the other operand.
    setResult((sign << 15) | 0x7fff, (0x80000000 | (frac << 8)) >>> 0, 0);
    return;
  }
  if (exp === 0) {
    if (frac === 0) {
      setResult(sign << 15, 0, 0);
      return;
    }
    R.flags |= SW.DE;
    const z = Math.clz32(frac);
    // frac * 2^(-149): normalize so bit 31 is the J bit.
    setResult((sign << 15) | (16383 - 149 + 31 - z), (frac << z) >>> 0, 0);
    return;
  }
  setResult((sign << 15) | (exp - 127 + 16383), (0x80000000 | (frac << 8)) >>> 0, 0);
}

/** R <- the 80-bit value of the double-precision pattern IN[1]:IN[0]. */
export function f80FromF64(): void {
  const lo = IN[0]!;
  const hi = IN[1]!;
  const sign = hi >>> 31;
  const exp = (hi >>> 20) & 0x7ff;
  const fh = hi & 0xfffff;
  if (exp === 0x7ff) {
    if (fh === 0 && lo === 0) {
      setResult((sign << 15) | 0x7fff, 0x80000000, 0);
      return;
    }
    setResult((sign << 15) | 0x7fff, (0x80000000 | (fh << 11) | (lo >>> 21)) >>> 0, (lo << 11) >>> 0);
    return;
  }
  if (exp === 0) {
    if (fh === 0 && lo === 0) {
      setResult(sign << 15, 0, 0);
      return;
    }
    R.flags |= SW.DE;
    // frac * 2^(-1074), frac = fh:lo (52 bits).
    let h = fh, l = lo, e = 16383 - 1074 + 63;
    if (h === 0) {
      h = l;
      l = 0;
      e -= 32;
    }
    const z = Math.clz32(h);
    if (z > 0) {
      h = (h << z) | (l >>> (32 - z));
      l = l << z;
    }
    setResult((sign << 15) | (e - z), h, l);
    return;
  }
  setResult((sign << 15) | (exp - 1023 + 16383), (0x80000000 | (fh << 11) | (lo >>> 21)) >>> 0, (lo << 11) >>> 0);
}

/** R <- the exact 80-bit value of the signed 64-bit integer IN[1]:IN[0] (two's complement). */
export function f80FromInt64(): void {
  let lo = IN[0]!;
  let hi = IN[1]!;
  const sign = hi >>> 31;
  if (sign) {
    lo = (~lo + 1) >>> 0;
    hi = (~hi + (lo === 0 ? 1 : 0)) >>> 0;
  }
  if (hi === 0 && lo === 0) {
    setResult(0, 0, 0);
    return;
  }
  let e = 16383 + 63;
  if (hi === 0) {
    hi = lo;
    lo = 0;
    e -= 32;
  }
  const z = Math.clz32(hi);
  if (z > 0) {
    hi = (hi << z) | (lo >>> (32 - z));
    lo = lo << z;
  }
  setResult((sign << 15) | (e - z), hi, lo);
}

/** R <- the signed 32-bit integer IN[0] (a 16-bit one must arrive sign-extended). */
export function f80FromInt32(): void {
  IN[1] = IN[0]! & 0x80000000 ? 0xffffffff : 0;
  f80FromInt64();
}

/**
 * Round an 80-bit value to a signed integer of `size` bits (16, 32 or 64) in direction `rc`
 * (FIST/FISTP use CW.RC; FISTTP passes RC.Zero). R.lo:R.hi <- the two's-complement result.
 * Out of range, NaN, infinity or an unsupported encoding: IE and the integer indefinite
 * (the most negative value). The operand is IN[0..2].
 */
export function f80ToInt(size: number, rc: number): void {
  unpack(A, 0);
  const c = A.cls;
  if (c === F80Class.Zero) {
    R.lo = 0;
    R.hi = 0;
    return;
  }
  if (c !== F80Class.Normal && c !== F80Class.Denormal) {
    integerIndefinite(size);
    return;
  }
  const e = A.exp - 16383;
  if (e > 63) {
    integerIndefinite(size);
    return;
  }
  setT(A.h, A.l, 0);
  shiftRightJam96(63 - e);
  roundSignificand(A.sign, 64, rc);
  const inexact = T.inexact;
  const up = T.up;
  let h = T.h, l = T.l;
  if (T.carry) {
    integerIndefinite(size);
    return;
  }
  // Magnitude limits: 2^(size-1) - 1, or 2^(size-1) for negative values.
  let ok: boolean;
  if (size === 64) ok = h < 0x80000000 || (A.sign === 1 && h === 0x80000000 && l === 0);
  else {
    const lim = size === 32 ? 0x7fffffff : 0x7fff;
    ok = h === 0 && (l <= lim || (A.sign === 1 && l === lim + 1));
  }
  if (!ok) {
    integerIndefinite(size);
    return;
  }
  if (inexact) R.flags |= SW.PE;
  if (up) R.flags |= SW.C1;
  if (A.sign) {
    l = (~l + 1) >>> 0;
    h = (~h + (l === 0 ? 1 : 0)) >>> 0;
  }
  if (size === 16) {
    R.lo = l & 0xffff;
    R.hi = 0;
  } else if (size === 32) {
    R.lo = l >>> 0;
    R.hi = 0;
  } else {
    R.lo = l >>> 0;
    R.hi = h >>> 0;
  }
}

function integerIndefinite(size: number): void {
  R.flags |= SW.IE;
  R.lo = size === 16 ? 0x8000 : size === 32 ? 0x80000000 : 0;
  R.hi = size === 64 ? 0x80000000 : 0;
}

/** FRNDINT: R <- the value rounded to an integer per CW.RC (precision control does not apply). */
export function f80RoundToInt(cw: number): void {
  if (screen1(cw)) return;
  const c = A.cls;
  const e = A.exp - 16383;
  if (c === F80Class.Zero || c === F80Class.Infinity || e >= 63) {
    R.se = IN[0]!;
    R.hi = IN[1]!;
    R.lo = IN[2]!;
    return;
  }
  setT(A.h, A.l, 0);
  shiftRightJam96(63 - e);
  roundSignificand(A.sign, 64, (cw >>> CW.RC_SHIFT) & 3);
  if (T.inexact) R.flags |= SW.PE;
  if (T.up) R.flags |= SW.C1;
  let h = T.h, l = T.l;
  if (T.carry) {
    // Only possible from 0.5..1 with e = 63 - 64; cannot happen since e < 63 keeps h < 2^63.
    setResult((A.sign << 15) | (16383 + 64), 0x80000000, 0);
    return;
  }
  if (h === 0 && l === 0) {
    setResult(A.sign << 15, 0, 0);
    return;
  }
  let ex = 16383 + 63;
  if (h === 0) {
    h = l;
    l = 0;
    ex -= 32;
  }
  const z = Math.clz32(h);
  if (z > 0) {
    h = (h << z) | (l >>> (32 - z));
    l = l << z;
  }
  setResult((A.sign << 15) | (ex - z), h, l);
}

/**
 * FST/FSTP m32fp: R.lo <- the value rounded to single precision per CW.RC, with the single
 * format's overflow and underflow (precision control does not apply to stores).
 */
export function f80ToF32(cw: number): void {
  const hi = IN[1]!;
  unpack(A, 0);
  const c = A.cls;
  const sign = A.sign;
  switch (c) {
    case F80Class.Zero:
      R.lo = (sign << 31) >>> 0;
      return;
    case F80Class.Infinity:
      R.lo = ((sign << 31) | 0x7f800000) >>> 0;
      return;
    case F80Class.Unsupported:
      R.flags |= SW.IE;
      R.lo = 0xffc00000;
      return;
    case F80Class.QNaN:
    case F80Class.SNaN:
      if (c === F80Class.SNaN) R.flags |= SW.IE;
      R.lo = ((sign << 31) | 0x7fc00000 | ((hi >>> 8) & 0x3fffff)) >>> 0;
      return;
  }
  setT(A.h, A.l, 0);
  roundPack(sign, A.exp - 16383 + 127, 24, cw, 0xff, 0);
  R.lo = ((sign << 31) | ((R.se & 0xff) << 23) | ((R.hi >>> 8) & 0x7fffff)) >>> 0;
}

/** FST/FSTP m64fp: R.lo:R.hi <- the value rounded to double precision per CW.RC. */
export function f80ToF64(cw: number): void {
  const hi = IN[1]!, lo = IN[2]!;
  unpack(A, 0);
  const c = A.cls;
  const sign = A.sign;
  switch (c) {
    case F80Class.Zero:
      R.lo = 0;
      R.hi = (sign << 31) >>> 0;
      return;
    case F80Class.Infinity:
      R.lo = 0;
      R.hi = ((sign << 31) | 0x7ff00000) >>> 0;
      return;
    case F80Class.Unsupported:
      R.flags |= SW.IE;
      R.lo = 0;
      R.hi = 0xfff80000;
      return;
    case F80Class.QNaN:
    case F80Class.SNaN: {
      if (c === F80Class.SNaN) R.flags |= SW.IE;
      const q = (hi | 0x40000000) >>> 0;
      R.hi = ((sign << 31) | 0x7ff00000 | ((q >>> 11) & 0xfffff)) >>> 0;
      R.lo = ((q << 21) | (lo >>> 11)) >>> 0;
      return;
    }
  }
  setT(A.h, A.l, 0);
  roundPack(sign, A.exp - 16383 + 1023, 53, cw, 0x7ff, 0);
  const h = R.hi, l = R.lo;
  R.hi = ((sign << 31) | ((R.se & 0x7ff) << 20) | ((h >>> 11) & 0xfffff)) >>> 0;
  R.lo = ((h << 21) | (l >>> 11)) >>> 0;
}
