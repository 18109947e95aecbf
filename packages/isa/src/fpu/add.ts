// FADD/FSUB core: exact alignment into a 96-bit h:l:x (guard bits plus sticky), then one
// rounding under the precision and rounding controls (SDM Vol. 1, 8.1.5.2).

import { F80Class, RC, SW } from "./float80";
import { A, B, screen2, setIndefinite } from "./operand";
import { R, T, normalize96, precisionBits, roundPack, setResult, setT, shiftRightJam96 } from "./round";

/**
 * R <- a + (negateB ? -b : b) for a = IN[0..2], b = IN[3..5], rounded per `cw`. Flags accumulate
 * in R.flags (clear it first).
 */
export function f80Add(negateB: boolean, cw: number): void {
  // NaNs propagate with their own sign: negate only after screening.
  if (screen2(cw, 0)) return;
  if (negateB) B.sign ^= 1;
  const ca = A.cls;
  const cb = B.cls;
  if (ca === F80Class.Infinity || cb === F80Class.Infinity) {
    if (ca === F80Class.Infinity && cb === F80Class.Infinity && A.sign !== B.sign) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult(((ca === F80Class.Infinity ? A.sign : B.sign) << 15) | 0x7fff, 0x80000000, 0);
    return;
  }
  const rc = (cw >>> 10) & 3;
  if (ca === F80Class.Zero && cb === F80Class.Zero) {
    // Exact zero sum: -0 only for (-0) + (-0), or for x - x when rounding down.
    const s = A.sign === B.sign ? A.sign : rc === RC.Down ? 1 : 0;
    setResult(s << 15, 0, 0);
    return;
  }
  const bits = precisionBits(cw);
  if (cb === F80Class.Zero) {
    setT(A.h, A.l, 0);
    roundPack(A.sign, A.exp, bits, cw, 0x7fff, 24576);
    return;
  }
  if (ca === F80Class.Zero) {
    setT(B.h, B.l, 0);
    roundPack(B.sign, B.exp, bits, cw, 0x7fff, 24576);
    return;
  }
  // Order by magnitude: X is the larger.
  let xs = A.sign, xe = A.exp, xh = A.h, xl = A.l;
  let ys = B.sign, ye = B.exp, yh = B.h, yl = B.l;
  if (ye > xe || (ye === xe && (yh > xh || (yh === xh && yl > xl)))) {
    xs = B.sign; xe = B.exp; xh = B.h; xl = B.l;
    ys = A.sign; ye = A.exp; yh = A.h; yl = A.l;
  }
  setT(yh, yl, 0);
  shiftRightJam96(xe - ye);
  yh = T.h;
  yl = T.l;
  const yx = T.x;
  let h: number, l: number, x: number;
  let exp = xe;
  if (xs === ys) {
    x = yx;
    l = xl + yl;
    h = xh + yh;
    if (l > 0xffffffff) {
      l -= 0x100000000;
      h += 1;
    }
    if (h > 0xffffffff) {
      // Carry out of bit 63: shift right one, keeping the lost bit sticky.
      h -= 0x100000000;
      const lost = x & 1;
      x = ((x >>> 1) | ((l & 1) << 31) | lost) >>> 0;
      l = ((l >>> 1) | ((h & 1) << 31)) >>> 0;
      h = ((h >>> 1) | 0x80000000) >>> 0;
      exp += 1;
    }
  } else {
    x = 0 - yx;
    let borrow = x < 0 ? 1 : 0;
    if (borrow) x += 0x100000000;
    l = xl - yl - borrow;
    borrow = l < 0 ? 1 : 0;
    if (borrow) l += 0x100000000;
    h = xh - yh - borrow;
    setT(h, l, x);
    const s = normalize96();
    if (s < 0) {
      setResult((rc === RC.Down ? 1 : 0) << 15, 0, 0);
      return;
    }
    h = T.h;
    l = T.l;
    x = T.x;
    exp -= s;
  }
  setT(h, l, x);
  roundPack(xs, exp, bits, cw, 0x7fff, 24576);
}
