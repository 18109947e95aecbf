// FDIV core: restoring division, one quotient bit per step over 65 bits (64 kept plus a guard
// bit) with the remainder as sticky. The partial remainder stays below 2^65: a 1-bit top limb
// plus two 32-bit limbs.

import { CW, F80Class, SW } from "./float80";
import { A, B, screen2, setIndefinite } from "./operand";
import { R, precisionBits, roundPack, setResult, setT } from "./round";

/** R <- IN[0..2] / IN[3..5], rounded per `cw`. */
export function f80Div(cw: number): void {
  if (screen2(cw, 1)) return;
  const ca = A.cls;
  const cb = B.cls;
  const sign = A.sign ^ B.sign;
  if (ca === F80Class.Infinity) {
    if (cb === F80Class.Infinity) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult((sign << 15) | 0x7fff, 0x80000000, 0);
    return;
  }
  if (cb === F80Class.Infinity) {
    setResult(sign << 15, 0, 0);
    return;
  }
  if (cb === F80Class.Zero) {
    if (ca === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    R.flags |= SW.ZE;
    if (!(cw & CW.ZM)) return;
    setResult((sign << 15) | 0x7fff, 0x80000000, 0);
    return;
  }
  if (ca === F80Class.Zero) {
    setResult(sign << 15, 0, 0);
    return;
  }
  let exp = A.exp - B.exp + 16383;
  const dh = B.h, dl = B.l;
  let r2 = 0, rh = A.h, rl = A.l;
  if (rh < dh || (rh === dh && rl < dl)) {
    // Make the first quotient bit a one: the quotient significand lands in [1, 2).
    r2 = rh >>> 31;
    rh = ((rh << 1) | (rl >>> 31)) >>> 0;
    rl = (rl << 1) >>> 0;
    exp -= 1;
  }
  let qh = 0, ql = 0, guard = 0;
  for (let i = 0; i < 65; i++) {
    let bit = 0;
    if (r2 !== 0 || rh > dh || (rh === dh && rl >= dl)) {
      let nl = rl - dl;
      let borrow = 0;
      if (nl < 0) {
        nl += 0x100000000;
        borrow = 1;
      }
      let nh = rh - dh - borrow;
      if (nh < 0) nh += 0x100000000;
      rh = nh;
      rl = nl;
      r2 = 0;
      bit = 1;
    }
    if (i < 64) {
      qh = ((qh << 1) | (ql >>> 31)) >>> 0;
      ql = ((ql << 1) | bit) >>> 0;
    } else {
      guard = bit;
    }
    r2 = rh >>> 31;
    rh = ((rh << 1) | (rl >>> 31)) >>> 0;
    rl = (rl << 1) >>> 0;
  }
  const sticky = (r2 | rh | rl) !== 0 ? 1 : 0;
  setT(qh, ql, (guard << 31) | sticky);
  roundPack(sign, exp, precisionBits(cw), cw, 0x7fff, 24576);
}
