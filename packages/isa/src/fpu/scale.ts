// FSCALE and FXTRACT: exponent manipulation (SDM Vol. 2, FSCALE and FXTRACT). FSCALE rounds at
// 64 bits regardless of precision control, which applies only to the basic arithmetic.

import { CW, F80Class, SW } from "./float80";
import { A, B, IN, propagateNaN1, screen2, setIndefinite, unpack } from "./operand";
import { R, roundPack, setResult, setT } from "./round";

/** R <- st0 * 2^trunc(st1), with st0 = IN[0..2] and st1 = IN[3..5]. */
export function f80Scale(cw: number): void {
  if (screen2(cw, 0)) return;
  const ca = A.cls;
  const cb = B.cls;
  if (cb === F80Class.Infinity) {
    if (B.sign) {
      if (ca === F80Class.Infinity) {
        R.flags |= SW.IE;
        setIndefinite();
      } else setResult(A.sign << 15, 0, 0);
    } else if (ca === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
    } else setResult((A.sign << 15) | 0x7fff, 0x80000000, 0);
    return;
  }
  if (ca === F80Class.Zero || ca === F80Class.Infinity) {
    R.se = IN[0]!;
    R.hi = IN[1]!;
    R.lo = IN[2]!;
    return;
  }
  // trunc(st1), saturated: anything beyond +-2^20 overflows or underflows every operand anyway.
  let n = 0;
  if (cb !== F80Class.Zero) {
    const e = B.exp - 16383;
    if (e >= 20) n = 1 << 20;
    else if (e >= 0) n = B.h >>> (31 - e);
    if (B.sign) n = -n;
  }
  setT(A.h, A.l, 0);
  roundPack(A.sign, A.exp + n, 64, cw, 0x7fff, 24576);
}

/** FXTRACT: R <- significand (st0 with exponent 0); X <- the unbiased exponent as a value. */
export const X = { se: 0, hi: 0, lo: 0 };

/**
 * Returns false when the operation stops on an unmasked exception. Otherwise the new ST(1)
 * (the exponent) is in X and the new ST(0) (the significand) in R.
 */
export function f80Extract(cw: number): boolean {
  const se = IN[0]!;
  unpack(A, 0);
  const c = A.cls;
  if (c === F80Class.Unsupported) {
    R.flags |= SW.IE;
    setIndefinite();
  } else if (c === F80Class.QNaN || c === F80Class.SNaN) {
    propagateNaN1(0, c);
  } else if (c === F80Class.Zero) {
    // The exponent of zero is -infinity, signalled as a division by zero.
    R.flags |= SW.ZE;
    if (!(cw & CW.ZM)) return false;
    X.se = 0xffff;
    X.hi = 0x80000000;
    X.lo = 0;
    setResult(se, 0, 0);
    return true;
  } else if (c === F80Class.Infinity) {
    X.se = 0x7fff;
    X.hi = 0x80000000;
    X.lo = 0;
    setResult(se, 0x80000000, 0);
    return true;
  } else {
    if (c === F80Class.Denormal) {
      R.flags |= SW.DE;
      if (!(cw & CW.DM)) return false;
    }
    let e = A.exp - 16383;
    const sign = e < 0 ? 1 : 0;
    if (sign) e = -e;
    if (e === 0) {
      X.se = sign << 15;
      X.hi = 0;
      X.lo = 0;
    } else {
      const z = Math.clz32(e);
      X.se = (sign << 15) | (16383 + 31 - z);
      X.hi = (e << z) >>> 0;
      X.lo = 0;
    }
    setResult((A.sign << 15) | 16383, A.h, A.l);
    return true;
  }
  if (R.flags & ~cw & SW.IE) return false;
  X.se = R.se;
  X.hi = R.hi;
  X.lo = R.lo;
  return true;
}

