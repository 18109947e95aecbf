// FMUL core: the exact 128-bit product of two 64-bit significands from 16-bit pieces (every
// partial sum stays below 2^53, so plain numbers hold it exactly), then one rounding.

import { F80Class, SW } from "./float80";
import { A, B, screen2, setIndefinite } from "./operand";
import { precisionBits, roundPack, setResult, setT } from "./round";
import { R } from "./round";

/** The 128-bit product limbs P[3] (most significant) .. P[0]. */
export const P = new Float64Array(4);

/** P <- (A.h:A.l) * (B.h:B.l), four unsigned 32-bit limbs. */
function mul64x64(): void {
  const ah = A.h, al = A.l, bh = B.h, bl = B.l;
  const a0 = al & 0xffff, a1 = al >>> 16, a2 = ah & 0xffff, a3 = ah >>> 16;
  const b0 = bl & 0xffff, b1 = bl >>> 16, b2 = bh & 0xffff, b3 = bh >>> 16;
  // Column sums in 16-bit digit positions 0..6; each below 4 * 2^32.
  let c = a0 * b0;
  const d0 = c % 0x10000;
  c = (c - d0) / 0x10000 + a0 * b1 + a1 * b0;
  const d1 = c % 0x10000;
  c = (c - d1) / 0x10000 + a0 * b2 + a1 * b1 + a2 * b0;
  const d2 = c % 0x10000;
  c = (c - d2) / 0x10000 + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
  const d3 = c % 0x10000;
  c = (c - d3) / 0x10000 + a1 * b3 + a2 * b2 + a3 * b1;
  const d4 = c % 0x10000;
  c = (c - d4) / 0x10000 + a2 * b3 + a3 * b2;
  const d5 = c % 0x10000;
  c = (c - d5) / 0x10000 + a3 * b3;
  const d6 = c % 0x10000;
  const d7 = (c - d6) / 0x10000;
  P[0] = d1 * 0x10000 + d0;
  P[1] = d3 * 0x10000 + d2;
  P[2] = d5 * 0x10000 + d4;
  P[3] = d7 * 0x10000 + d6;
}

/** R <- IN[0..2] * IN[3..5], rounded per `cw`. */
export function f80Mul(cw: number): void {
  if (screen2(cw, 0)) return;
  const ca = A.cls;
  const cb = B.cls;
  const sign = A.sign ^ B.sign;
  if (ca === F80Class.Infinity || cb === F80Class.Infinity) {
    if (ca === F80Class.Zero || cb === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult((sign << 15) | 0x7fff, 0x80000000, 0);
    return;
  }
  if (ca === F80Class.Zero || cb === F80Class.Zero) {
    setResult(sign << 15, 0, 0);
    return;
  }
  mul64x64();
  let h = P[3]!, l = P[2]!, x = P[1]!;
  const sticky = P[0] !== 0 ? 1 : 0;
  let exp = A.exp + B.exp - 16383;
  if (h >= 0x80000000) {
    exp += 1;
    x = x | sticky;
  } else {
    h = h * 2 + (l >>> 31);
    l = ((l << 1) | (x >>> 31)) >>> 0;
    x = (x << 1) | sticky;
  }
  setT(h, l, x);
  roundPack(sign, exp, precisionBits(cw), cw, 0x7fff, 24576);
}
