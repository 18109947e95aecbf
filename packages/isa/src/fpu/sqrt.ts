// FSQRT core: digit-by-digit square root, two radicand bits per step, yielding 65 root bits
// (64 kept plus a guard bit) and an exact remainder for the sticky bit. Precision control
// applies (SDM Vol. 1, 8.1.5.2).

import { F80Class, SW } from "./float80";
import { A, IN, screen1, setIndefinite } from "./operand";
import { R, precisionBits, roundPack, setResult, setT } from "./round";

/** R <- sqrt(IN[0..2]), rounded per `cw`. */
export function f80Sqrt(cw: number): void {
  const se = IN[0]!, hi = IN[1]!, lo = IN[2]!;
  // A negative operand is invalid before it is a denormal (IE outranks DE).
  const neg = (se & 0x8000) !== 0 && (se & 0x7fff) !== 0x7fff && ((se & 0x7fff) !== 0 || hi !== 0 || lo !== 0);
  if (neg && (se & 0x7fff) === 0) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  if (screen1(cw)) return;
  const c = A.cls;
  if (c === F80Class.Zero) {
    setResult(se & 0x8000, 0, 0);
    return;
  }
  if (A.sign) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  if (c === F80Class.Infinity) {
    setResult(0x7fff, 0x80000000, 0);
    return;
  }
  const e = A.exp - 16383;
  const k = (e & 1) !== 0 ? 66 : 65;
  const mh = A.h, ml = A.l;
  // rem and root as three limbs each: [2] holds the bits above 64.
  let rem2 = 0, rem1 = 0, rem0 = 0;
  let rt2 = 0, rt1 = 0, rt0 = 0;
  for (let p = 64; p >= 0; p--) {
    // Radicand bits 2p+1 and 2p are bits 2p+1-k and 2p-k of m.
    const j = 2 * p - k;
    const pair = (mbit(mh, ml, j + 1) << 1) | mbit(mh, ml, j);
    rem2 = rem2 * 4 + (rem1 >>> 30);
    rem1 = ((rem1 << 2) | (rem0 >>> 30)) >>> 0;
    rem0 = ((rem0 << 2) | pair) >>> 0;
    // trial = root * 4 + 1
    const t2 = rt2 * 4 + (rt1 >>> 30);
    const t1 = ((rt1 << 2) | (rt0 >>> 30)) >>> 0;
    const t0 = ((rt0 << 2) | 1) >>> 0;
    // root <<= 1
    rt2 = rt2 * 2 + (rt1 >>> 31);
    rt1 = ((rt1 << 1) | (rt0 >>> 31)) >>> 0;
    rt0 = (rt0 << 1) >>> 0;
    if (rem2 > t2 || (rem2 === t2 && (rem1 > t1 || (rem1 === t1 && rem0 >= t0)))) {
      let d0 = rem0 - t0;
      let b = 0;
      if (d0 < 0) {
        d0 += 0x100000000;
        b = 1;
      }
      let d1 = rem1 - t1 - b;
      b = 0;
      if (d1 < 0) {
        d1 += 0x100000000;
        b = 1;
      }
      rem2 = rem2 - t2 - b;
      rem1 = d1;
      rem0 = d0;
      rt0 = (rt0 | 1) >>> 0;
    }
  }
  // root is 65 bits: rt2 (bit 64), rt1, rt0.
  const guard = rt0 & 1;
  const h = ((rt2 << 31) | (rt1 >>> 1)) >>> 0;
  const l = ((rt1 << 31) | (rt0 >>> 1)) >>> 0;
  const sticky = (rem2 | rem1 | rem0) !== 0 ? 1 : 0;
  const exp = 64 + (e - 63 - k) / 2 + 16383;
  setT(h, l, (guard << 31) | sticky);
  roundPack(0, exp, precisionBits(cw), cw, 0x7fff, 24576);
}

function mbit(h: number, l: number, j: number): number {
  if (j < 0 || j > 63) return 0;
  return j >= 32 ? (h >>> (j - 32)) & 1 : (l >>> j) & 1;
}
