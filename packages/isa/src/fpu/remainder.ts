// FPREM and FPREM1: exact partial remainders by shift-and-subtract (SDM Vol. 2, FPREM/FPREM1).
// When the exponents differ by 64 or more only a partial reduction is done and C2 says so; the
// reduction step is N = 32 + (difference mod 32) bits, the choice AMD documents and Intel
// processors follow, which keeps the quotient bits of the final step correct.

import { F80Class, SW } from "./float80";
import { A, B, IN, screen2, setIndefinite } from "./operand";
import { R, normalize96, roundPack, setResult, setT } from "./round";

/** Quotient bits for the condition codes: C0 = q2, C3 = q1, C1 = q0, and C2 when incomplete. */
export const Q = { cc: 0, special: false };

function ccFromQuotient(q: number): number {
  return (q & 4 ? SW.C0 : 0) | (q & 2 ? SW.C3 : 0) | (q & 1 ? SW.C1 : 0);
}

/** R <- partial remainder of a / b; `ieee` selects FPREM1 (quotient rounded to nearest). */
/** R <- partial remainder of IN[0..2] / IN[3..5]; `ieee` selects FPREM1. */
export function f80Rem(ieee: boolean, cw: number): void {
  Q.cc = 0;
  // NaN and invalid results clear C1 and C2 but leave C0 and C3 alone (as the host does).
  Q.special = true;
  if (screen2(cw, 2)) return;
  const ca = A.cls;
  const cb = B.cls;
  if (ca === F80Class.Infinity || cb === F80Class.Zero) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  Q.special = false;
  if (ca === F80Class.Zero) {
    R.se = IN[0]!;
    R.hi = IN[1]!;
    R.lo = IN[2]!;
    return;
  }
  if (cb === F80Class.Infinity) {
    // The dividend comes back unchanged in value (a pseudo-denormal is normalized).
    setT(A.h, A.l, 0);
    roundPack(A.sign, A.exp, 64, cw, 0x7fff, 24576);
    return;
  }
  let sign = A.sign;
  const d = A.exp - B.exp;
  const sh = B.h, sl = B.l;
  if (d < 0) {
    if (ieee && d === -1 && (A.h > sh || (A.h === sh && A.l > sl))) {
      // |a| > |b|/2: the nearest quotient is 1; the remainder is b - a at a's scale.
      let l = sl * 2 - A.l;
      let h = sh * 2 + Math.floor(l / 0x100000000) - A.h;
      l = ((l % 0x100000000) + 0x100000000) % 0x100000000;
      h = h >>> 0;
      Q.cc = ccFromQuotient(1);
      setT(h, l, 0);
      const s = normalize96();
      roundPack(sign ^ 1, A.exp - s, 64, cw, 0x7fff, 24576);
      return;
    }
    setT(A.h, A.l, 0);
    roundPack(A.sign, A.exp, 64, cw, 0x7fff, 24576);
    return;
  }
  let steps = d;
  let partial = false;
  if (d >= 64) {
    steps = 32 + (d % 32);
    partial = true;
  }
  // Long division over steps+1 quotient bits; r stays below 2 * b (65 bits: r2:rh:rl).
  let r2 = 0, rh = A.h, rl = A.l;
  let q = 0;
  for (let i = 0; i <= steps; i++) {
    q = (q << 1) & 7;
    if (r2 !== 0 || rh > sh || (rh === sh && rl >= sl)) {
      let nl = rl - sl;
      let b = 0;
      if (nl < 0) {
        nl += 0x100000000;
        b = 1;
      }
      let nh = rh - sh - b;
      if (nh < 0) nh += 0x100000000;
      rh = nh;
      rl = nl;
      r2 = 0;
      q |= 1;
    }
    if (i < steps) {
      r2 = rh >>> 31;
      rh = ((rh << 1) | (rl >>> 31)) >>> 0;
      rl = (rl << 1) >>> 0;
    }
  }
  // The remainder's scale: b's exponent, raised by the part of the difference left undone.
  const exp = B.exp + (d - steps);
  if (partial) {
    Q.cc = SW.C2;
  } else {
    if (ieee) {
      // Round the quotient to nearest even: compare 2r with b.
      const tr2 = rh >>> 31;
      const trh = ((rh << 1) | (rl >>> 31)) >>> 0;
      const trl = (rl << 1) >>> 0;
      const cmp = tr2 !== 0 || trh > sh || (trh === sh && trl > sl) ? 1 : trh === sh && trl === sl ? 0 : -1;
      if (cmp > 0 || (cmp === 0 && (q & 1) !== 0)) {
        let nl = sl - rl;
        let b = 0;
        if (nl < 0) {
          nl += 0x100000000;
          b = 1;
        }
        rl = nl;
        rh = (sh - rh - b) >>> 0;
        q = (q + 1) & 7;
        sign ^= 1;
      }
    }
    Q.cc = ccFromQuotient(q);
  }
  setT(rh, rl, 0);
  const s = normalize96();
  if (s < 0) {
    setResult(A.sign << 15, 0, 0);
    return;
  }
  roundPack(sign, exp - s, 64, cw, 0x7fff, 24576);
}
