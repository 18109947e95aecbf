// FSQRT core: the 65-bit integer square root (64 kept bits plus a guard bit) of the scaled
// significand, in two halves each estimated in doubles and corrected exactly, with the exact
// remainder as the sticky bit. Precision control applies (SDM Vol. 1, 8.1.5.2).

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
  // M = m * 2^k = M' * 2^64 with M' = m << (k - 64), 65 or 66 bits. The root R = floor(sqrt(M))
  // has 65 bits and splits as R = a * 2^32 + b with a = floor(sqrt(M')) (33 bits) and b < 2^32.
  const j = k - 64;
  const mh = A.h, ml = A.l;
  const Mt = mh >>> (32 - j);
  const Mm = ((mh << j) | (ml >>> (32 - j))) >>> 0;
  const Ml = (ml << j) >>> 0;
  // a from a double estimate, corrected exactly against M' (a^2 needs three 32-bit limbs).
  let a = Math.floor(Math.sqrt(Mt * 0x10000000000000000 + Mm * 0x100000000 + Ml));
  let rem1 = 0;
  for (;;) {
    const aH = Math.floor(a / 0x10000), aL = a % 0x10000;
    // a^2 = aH^2 * 2^32 + 2 aH aL * 2^16 + aL^2, as s2:s1:s0.
    let lo = aL * aL + ((2 * aH * aL) % 0x10000) * 0x10000;
    const s0 = lo % 0x100000000;
    lo = (lo - s0) / 0x100000000;
    let mid = aH * aH + Math.floor((2 * aH * aL) / 0x10000) + lo;
    const s1 = mid % 0x100000000;
    mid = (mid - s1) / 0x100000000;
    const s2 = mid;
    // M' - a^2 is small when a is right: exact in a double.
    const d = (Mt - s2) * 0x10000000000000000 + (Mm - s1) * 0x100000000 + (Ml - s0);
    if (d < 0) a -= 1;
    else if (d > 2 * a) a += 1;
    else {
      rem1 = d;
      break;
    }
  }
  // b: the largest value with b (2a 2^32 + b) <= rem1 2^64, estimated in doubles and then
  // corrected with the exact remainder D = rem1 2^64 - 2ab 2^32 - b^2 (0 <= D <= 2R).
  let b = Math.floor((rem1 * 0x100000000) / (2 * a));
  if (b > 0xffffffff) b = 0xffffffff;
  const a2 = 2 * a;
  let dHi = 0, dLo = 0;
  for (;;) {
    const bH = Math.floor(b / 0x10000), bL = b % 0x10000;
    // P = 2a * b = upper * 2^32 + p0.
    const x = a2 * bL;
    const p0a = x % 0x100000000;
    const cx = (x - p0a) / 0x100000000;
    const q = a2 * bH;
    const qLow = q % 0x10000;
    const qHigh = (q - qLow) / 0x10000;
    const t = p0a + qLow * 0x10000;
    const p0 = t % 0x100000000;
    const upper = qHigh + cx + (t - p0) / 0x100000000;
    // b^2 = sHi * 2^32 + sLo.
    const y = 2 * bH * bL;
    let l2 = bL * bL + (y % 0x10000) * 0x10000;
    const sLo = l2 % 0x100000000;
    l2 = (l2 - sLo) / 0x100000000;
    const sHi = bH * bH + Math.floor(y / 0x10000) + l2;
    // D = (rem1 - upper) 2^64 - (p0 + sHi) 2^32 - sLo = dHi 2^32 + dLo, 0 <= dLo < 2^32.
    const hiPart = rem1 - upper;
    let e2 = hiPart * 0x100000000 - (p0 + sHi);
    if (hiPart > 0x100000 || hiPart < -0x100000) e2 = hiPart; // only the sign matters then
    dLo = sLo === 0 ? 0 : 0x100000000 - sLo;
    dHi = sLo === 0 ? e2 : e2 - 1;
    if (dHi < 0) {
      b -= 1;
      continue;
    }
    // D >= 2R + 1 = 2a 2^32 + 2b + 1 means b is one too small.
    const r1 = 2 * b + 1;
    const rLo = r1 % 0x100000000;
    const rHi = a2 + (r1 - rLo) / 0x100000000;
    if (dHi > rHi || (dHi === rHi && dLo >= rLo)) {
      b += 1;
      continue;
    }
    break;
  }
  // R = a 2^32 + b: the 64 kept bits are R >> 1, the guard bit is R & 1.
  const h = Math.floor(a / 2) >>> 0;
  const l = (((a & 1) << 31) | (b >>> 1)) >>> 0;
  const guard = b & 1;
  const sticky = dHi !== 0 || dLo !== 0 ? 1 : 0;
  const exp = 64 + (e - 63 - k) / 2 + 16383;
  setT(h, l, (guard << 31) | sticky);
  roundPack(0, exp, precisionBits(cw), cw, 0x7fff, 24576);
}
