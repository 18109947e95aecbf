// FDIV core: long division of the 64-bit significands, a leading quotient bit and then four
// 16-bit quotient digits (64 kept bits plus a guard bit), each digit estimated in doubles and
// corrected exactly; the remainder gives the sticky bit.

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
  // R = the dividend significand; if it is below the divisor's, the quotient would start
  // with a zero: take one exponent off instead, so the first quotient bit is a one.
  let rh = A.h, rl = A.l;
  const twice = rh < dh || (rh === dh && rl < dl);
  if (twice) exp -= 1;
  // First quotient bit: (twice ? 2R : R) - D, which lands in [0, D).
  {
    // 2R may carry into bit 64; the difference still fits in 64 bits, so the carry is implied.
    if (twice) {
      rh = ((rh << 1) | (rl >>> 31)) >>> 0;
      rl = (rl << 1) >>> 0;
    }
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
  }
  // Then 64 more quotient bits, 16 at a time: R <- R * 2^16, qhat = floor(R / D) estimated in
  // doubles (off by at most one) and corrected exactly with 16-bit partial products.
  const d0 = dl & 0xffff, d1 = dl >>> 16, d2 = dh & 0xffff, d3 = dh >>> 16;
  const dd = dh * 0x100000000 + dl;
  let q3 = 0, q2 = 0, q1 = 0, q0 = 0;
  for (let k = 0; k < 4; k++) {
    // R * 2^16 as rt:rh:rl (16 + 32 + 32 bits).
    let rt = rh >>> 16;
    rh = ((rh << 16) | (rl >>> 16)) >>> 0;
    rl = (rl << 16) >>> 0;
    let qhat = Math.floor((rt * 0x100000000 + rh) / dd * 0x100000000 + rl / dd);
    if (qhat > 0xffff) qhat = 0xffff;
    if (qhat < 0) qhat = 0;
    // P = qhat * D as pt:ph:pl.
    // Each partial product is below 2^32, so >>> and & split it exactly.
    const p0 = qhat * d0, p1 = qhat * d1, p2 = qhat * d2, p3 = qhat * d3;
    const low = p0 + (p1 & 0xffff) * 0x10000;
    const pl = low >>> 0;
    const mid = (p1 >>> 16) + p2 + (p3 & 0xffff) * 0x10000 + (low - pl) / 0x100000000;
    const ph = mid >>> 0;
    const pt = (p3 >>> 16) + (mid - ph) / 0x100000000;
    // R <- R - P, then correct qhat until 0 <= R < D.
    let nl = rl - pl;
    let nh = rh - ph;
    let nt = rt - pt;
    if (nl < 0) {
      nl += 0x100000000;
      nh -= 1;
    }
    if (nh < 0) {
      nh += 0x100000000;
      nt -= 1;
    }
    while (nt < 0) {
      qhat -= 1;
      nl += dl;
      nh += dh;
      if (nl >= 0x100000000) {
        nl -= 0x100000000;
        nh += 1;
      }
      if (nh >= 0x100000000) {
        nh -= 0x100000000;
        nt += 1;
      }
    }
    while (nt > 0 || nh > dh || (nh === dh && nl >= dl)) {
      qhat += 1;
      nl -= dl;
      nh -= dh;
      if (nl < 0) {
        nl += 0x100000000;
        nh -= 1;
      }
      if (nh < 0) {
        nh += 0x100000000;
        nt -= 1;
      }
    }
    rt = nt;
    rh = nh;
    rl = nl;
    q3 = q2;
    q2 = q1;
    q1 = q0;
    q0 = qhat;
  }
  // Quotient = 1 . q3 q2 q1 q0 (64 fraction bits): 63 go into the significand, the last is
  // the guard bit; the remainder is the sticky bit.
  const qh = (0x80000000 | (q3 << 15) | (q2 >>> 1)) >>> 0;
  const ql = (((q2 & 1) << 31) | (q1 << 15) | (q0 >>> 1)) >>> 0;
  const guard = q0 & 1;
  const sticky = (rh | rl) !== 0 ? 1 : 0;
  setT(qh, ql, (guard << 31) | sticky);
  roundPack(sign, exp, precisionBits(cw), cw, 0x7fff, 24576);
}
