// Transcendental instructions: FSIN, FCOS, FSINCOS, FPTAN, FPATAN, F2XM1, FYL2X, FYL2XP1
// (SDM Vol. 2, their pages; special cases per their tables). They are rare and slow on real
// hardware too, so this file works off the hot path with BigInt "big floats" (mant * 2^exp)
// carrying about 256 bits, then rounds once into the 80-bit format under CW.RC. Results are
// correctly rounded from that approximation, so they may differ from the host in the last
// place (the host's own approximation is not correctly rounded); the differential test allows
// one unit in the last place of the 64-bit significand. Special cases and flags are exact.

import { CW, F80Class, SW, classifyF80 } from "./float80";
import { A, B, screen1, screen2, setIn, setIndefinite } from "./operand";
import { R, roundPack, setResult, setT } from "./round";
import type { X87State } from "./state";

export const X87Transcendental = { F2XM1: 0, FYL2X: 1, FPTAN: 2, FPATAN: 3, FYL2XP1: 4, FSINCOS: 5, FSIN: 6, FCOS: 7 } as const;
export type X87Transcendental = (typeof X87Transcendental)[keyof typeof X87Transcendental];

const N = 256n; // fraction bits of fixed-point values
const ONE = 1n << N;

/** A big float: value = (neg ? -1 : 1) * m * 2^e, m >= 0. */
interface BF {
  neg: boolean;
  m: bigint;
  e: number;
}

function bf(neg: boolean, m: bigint, e: number): BF {
  return { neg, m, e };
}

function bitLength(m: bigint): number {
  return m === 0n ? 0 : m.toString(2).length;
}

/** Keep about 320 significant bits (truncating with a sticky bit). */
function trim(x: BF): BF {
  const L = bitLength(x.m);
  if (L <= 320) return x;
  const s = L - 320;
  const lost = x.m & ((1n << BigInt(s)) - 1n);
  return bf(x.neg, (x.m >> BigInt(s)) | (lost !== 0n ? 1n : 0n), x.e + s);
}

function mulBF(a: BF, b: BF): BF {
  return trim(bf(a.neg !== b.neg, a.m * b.m, a.e + b.e));
}

function divBF(a: BF, b: BF): BF {
  const sh = 320 + bitLength(b.m) - bitLength(a.m);
  const m = sh >= 0 ? (a.m << BigInt(sh)) / b.m : a.m / (b.m << BigInt(-sh));
  return trim(bf(a.neg !== b.neg, m, a.e - b.e - sh));
}

/** A fixed-point value (scale 2^N) as a big float. */
function fromFixed(v: bigint): BF {
  return v < 0n ? bf(true, -v, -256) : bf(false, v, -256);
}

/** A big float as fixed point (scale 2^N), truncated toward zero. */
function toFixed(x: BF): bigint {
  const sh = x.e + 256;
  const v = sh >= 0 ? x.m << BigInt(sh) : x.m >> BigInt(-sh);
  return x.neg ? -v : v;
}

function addBF(a: BF, b: BF): BF {
  const e = Math.min(a.e, b.e);
  const am = (a.neg ? -a.m : a.m) << BigInt(a.e - e);
  const bm = (b.neg ? -b.m : b.m) << BigInt(b.e - e);
  const s = am + bm;
  return trim(bf(s < 0n, s < 0n ? -s : s, e));
}

function f80ToBF(se: number, hi: number, lo: number): BF {
  const exp = se & 0x7fff;
  const m = (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
  return bf((se & 0x8000) !== 0, m, (exp === 0 ? 1 : exp) - 16383 - 63);
}

/**
 * Round an irrational value into R: the approximation is jammed with a sticky bit so the
 * rounding is always inexact, as it is for the true value.
 */
function roundBF(x: BF, cw: number, exact = false): void {
  if (x.m === 0n) {
    setResult(x.neg ? 0x8000 : 0, 0, 0);
    return;
  }
  const L = bitLength(x.m);
  // `exact`: x is the exact value (no jam; the sticky bit only for bits actually dropped).
  const jam = (lost: boolean): bigint => (!exact || lost ? 1n : 0n);
  let top: bigint;
  if (L >= 96) {
    const s = BigInt(L - 96);
    top = (x.m >> s) | jam((x.m & ((1n << s) - 1n)) !== 0n);
  } else {
    top = (x.m << BigInt(96 - L)) | jam(false);
  }
  const h = Number((top >> 64n) & 0xffffffffn);
  const l = Number((top >> 32n) & 0xffffffffn);
  const xx = Number(top & 0xffffffffn);
  setT(h, l, xx);
  roundPack(x.neg ? 1 : 0, L - 1 + x.e + 16383, 64, cw, 0x7fff, 24576);
}

// Series in fixed point (scale 2^N). z = t^2 for the odd series.

/** sin(r)/r = sum (-z)^k / (2k+1)!, z = r^2 (fixed). */
function sinFactor(z: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = -(term * z >> N) / ((2n * k) * (2n * k + 1n));
    sum += term;
  }
  return sum;
}

/** cos(r) = sum (-z)^k / (2k)!. */
function cosSeries(z: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 1n; term !== 0n; k++) {
    term = -(term * z >> N) / ((2n * k - 1n) * (2n * k));
    sum += term;
  }
  return sum;
}

/** atanh(u)/u = sum z^k / (2k+1). */
function atanhFactor(z: bigint): bigint {
  let p = ONE;
  let sum = ONE;
  for (let k = 1n; p !== 0n; k++) {
    p = (p * z) >> N;
    sum += p / (2n * k + 1n);
  }
  return sum;
}

/** atan(t)/t = sum (-z)^k / (2k+1). */
function atanFactor(z: bigint): bigint {
  let p = ONE;
  let sum = ONE;
  for (let k = 1n; p !== 0n; k++) {
    p = -(p * z) >> N;
    sum += p / (2n * k + 1n);
  }
  return sum;
}

/** (e^t - 1)/t = sum t^k / (k+1)!. */
function expm1Factor(t: bigint): bigint {
  let term = ONE;
  let sum = ONE;
  for (let k = 2n; term !== 0n; k++) {
    term = (term * t >> N) / k;
    sum += term;
  }
  return sum;
}

function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

// Constants, computed once on first use at 512 fraction bits.
let PI512 = 0n;
let LN2_FIXED = 0n;

function atanInvInt(k: bigint, bits: bigint): bigint {
  // atan(1/k) = sum (-1)^n / ((2n+1) k^(2n+1))
  const one = 1n << bits;
  let p = one / k;
  let sum = p;
  const k2 = k * k;
  for (let n = 1n; p !== 0n; n++) {
    p = p / k2;
    sum += (n & 1n ? -p : p) / (2n * n + 1n);
  }
  return sum;
}

function pi512(): bigint {
  if (PI512 === 0n) PI512 = (16n * atanInvInt(5n, 520n) - 4n * atanInvInt(239n, 520n)) >> 8n;
  return PI512;
}

function ln2Fixed(): bigint {
  if (LN2_FIXED === 0n) {
    // ln 2 = 2 atanh(1/3)
    const u = ONE / 3n;
    LN2_FIXED = (2n * u * atanhFactor((u * u) >> N)) >> N;
  }
  return LN2_FIXED;
}

const PI_BF = (): BF => bf(false, pi512(), -512);

/** pi to 66 bits, the reduction constant of the x87: 0xC90FDAA22168C234C / 2^66. */
const PI66 = 0xc90fdaa22168c234cn;

/** sin, cos or tan of x (|x| < 2^63) as a big float. */
function trig(x: BF, which: "sin" | "cos" | "tan"): BF {
  // Reduce by pi/2: q = round(x / (pi/2)), r = x - q pi/2, computed exactly with the 66-bit pi
  // the x87 uses for argument reduction (SDM Vol. 1, 8.3.10): like the hardware, results for
  // large arguments follow that approximation, not the true pi.
  const halfPi = PI66 << 445n; // scale 2^512
  const xs = x.e + 512 >= 0 ? x.m << BigInt(x.e + 512) : x.m >> BigInt(-(x.e + 512));
  let r: BF;
  let q = 0n;
  if (xs < halfPi >> 1n) {
    r = bf(false, x.m, x.e);
  } else {
    q = (xs + (halfPi >> 1n)) / halfPi;
    const rs = xs - q * halfPi;
    r = rs < 0n ? bf(true, -rs, -512) : bf(false, rs, -512);
  }
  if (x.neg) r.neg = !r.neg;
  const z = toFixed(mulBF(bf(false, r.m, r.e), bf(false, r.m, r.e)));
  const quad = Number(q & 3n);
  // For negative x the quadrant runs the other way: x = -(q pi/2 + |r|).
  const qs = x.neg ? (4 - quad) & 3 : quad;
  const neg = (v: BF): BF => bf(!v.neg, v.m, v.e);
  if (z === 0n && r.m !== 0n) {
    // |r| < 2^-128: r^2 vanishes at this precision, and the series would give sin r = r, cos r = 1,
    // tan r = r, cot r = 1/r exactly, which the jammed rounding then treats as lying above. The
    // true values lie strictly on one side: |sin r| < |r|, cos r < 1, |tan r| > |r|,
    // |cot r| < 1/|r|. Directed rounding sees the difference (measured on the host: FSIN of
    // 2^-16382 under RC = chop is the largest denormal, with UE), so step just inside.
    const inside = (v: BF, up: boolean): BF => bf(v.neg, (v.m << 128n) + (up ? 1n : -1n), v.e - 128);
    const sinT = inside(r, false);
    const cosT = fromFixed(ONE - 1n);
    if (which === "tan") return qs & 1 ? neg(inside(divBF(bf(false, 1n, 0), r), false)) : inside(r, true);
    if (which === "sin") return [sinT, cosT, neg(sinT), neg(cosT)][qs]!;
    return [cosT, neg(sinT), neg(cosT), sinT][qs]!;
  }
  const sinR = mulBF(r, fromFixed(sinFactor(z)));
  const cosR = fromFixed(cosSeries(z));
  if (which === "tan") return qs & 1 ? neg(divBF(cosR, sinR)) : divBF(sinR, cosR);
  if (which === "sin") return [sinR, cosR, neg(sinR), neg(cosR)][qs]!;
  return [cosR, neg(sinR), neg(cosR), sinR][qs]!;
}

/** log2(x) for x > 0 finite, in fixed point. */
function log2Fixed(x: BF): bigint {
  // x = m * 2^k with m in [sqrt(1/2), sqrt(2)).
  const L = bitLength(x.m);
  let k = L - 1 + x.e;
  let m = (x.m << BigInt(320 - L + 1)) >> 64n; // m in [1, 2) at scale 2^N
  if (m * m > 2n * ONE * ONE) {
    m >>= 1n;
    k += 1;
  }
  const u = ((m - ONE) << N) / (m + ONE);
  const lnm = (2n * u * atanhFactor((u * u) >> N)) >> N;
  return BigInt(k) * ONE + (lnm << N) / ln2Fixed();
}

/** atan(t) for t >= 0 as a big float, keeping relative precision for tiny t. */
function atanBF(t: BF): BF {
  const tf = toFixed(t);
  if (tf <= ONE >> 8n) {
    const z = toFixed(mulBF(t, t));
    // t < 2^-128: t^2 vanishes here and the series gives t exactly; atan t lies strictly below
    // (t - t^3/3), which directed rounding sees (measured: FPATAN(2^-16382, 2^63) under RC =
    // chop is +0 with UE on the host). Step just inside, as trig() does.
    if (z === 0n && t.m !== 0n) return bf(t.neg, (t.m << 128n) - 1n, t.e - 128);
    return mulBF(t, fromFixed(atanFactor(z)));
  }
  // Halve the angle until small: atan(t) = 2 atan(t / (1 + sqrt(1 + t^2))).
  let v = tf;
  let doublings = 0n;
  while (v > ONE >> 8n) {
    const s = isqrt((ONE * ONE) + v * v); // sqrt(1 + t^2) at scale 2^N
    v = (v << N) / (ONE + s);
    doublings++;
  }
  const a = (v * atanFactor((v * v) >> N)) >> N;
  return fromFixed(a << doublings);
}

function stackOk(fpu: X87State, i: number): boolean {
  return ((fpu.tw >>> (((fpu.top + i) & 7) * 2)) & 3) !== 3;
}


const INF_SE = 0x7fff;

/** Core results: up to two values (R, and for FSINCOS/FPTAN a second value in R2). */
export const R2 = { se: 0, hi: 0, lo: 0 };

/** sin/cos/tan cores. Returns false when |x| >= 2^63 (C2 = 1, nothing changes). */
function trigCore(se: number, hi: number, lo: number, which: "sin" | "cos" | "tan" | "sincos", cw: number): boolean {
  const c = classifyF80(se, hi, lo);
  if (c === F80Class.Normal && (se & 0x7fff) >= 16383 + 63) return false;
  setIn(se, hi, lo, 0, 0, 0);
  if (screen1(cw)) {
    R2.se = R.se;
    R2.hi = R.hi;
    R2.lo = R.lo;
    return true;
  }
  if (A.cls === F80Class.Infinity) {
    R.flags |= SW.IE;
    setIndefinite();
    R2.se = R.se;
    R2.hi = R.hi;
    R2.lo = R.lo;
    return true;
  }
  if (A.cls === F80Class.Zero) {
    // sin(+-0) = +-0, cos(+-0) = 1, tan(+-0) = +-0 (the pushed 1.0 is the caller's).
    if (which === "cos") setResult(0x3fff, 0x80000000, 0);
    else setResult(se, 0, 0);
    R2.se = 0x3fff;
    R2.hi = 0x80000000;
    R2.lo = 0;
    return true;
  }
  const x = f80ToBF(se, hi, lo);
  if (which === "sincos") {
    roundBF(trig(x, "cos"), cw);
    R2.se = R.se;
    R2.hi = R.hi;
    R2.lo = R.lo;
    const fc = R.flags;
    roundBF(trig(x, "sin"), cw);
    // C1 reflects the rounding of the cosine, the value left in ST(0).
    R.flags = (R.flags & ~SW.C1) | fc;
    return true;
  }
  roundBF(trig(x, which), cw);
  return true;
}

/** F2XM1 core: 2^x - 1. */
function f2xm1Core(se: number, hi: number, lo: number, cw: number): void {
  setIn(se, hi, lo, 0, 0, 0);
  if (screen1(cw)) return;
  if (A.cls === F80Class.Zero) {
    setResult(se, 0, 0);
    return;
  }
  if (A.cls === F80Class.Infinity) {
    if (A.sign) setResult(0xbfff, 0x80000000, 0);
    else setResult(0x7fff, 0x80000000, 0);
    return;
  }
  const x = f80ToBF(se, hi, lo);
  // Even the exact points x = +-1 report PE on the host: everything goes through the
  // approximation, which is jammed inexact.
  if ((se & 0x7fff) < 16383 || ((se & 0x7fff) === 16383 && hi === 0x80000000 && lo === 0)) {
    const t = mulBF(x, fromFixed(ln2Fixed()));
    roundBF(mulBF(t, fromFixed(expm1Factor(toFixed(t)))), cw);
    return;
  }
  // Outside the documented domain [-1, 1] the result is undefined; the host returns the
  // operand unchanged and signals PE, and so does this implementation.
  R.flags |= SW.PE;
  setResult(se, hi, lo);
}

/** FYL2X core: y * log2(x). */
function fyl2xCore(xSe: number, xHi: number, xLo: number, ySe: number, yHi: number, yLo: number, cw: number): void {
  // A negative x is invalid before either operand is a denormal (IE outranks DE), once NaNs
  // and invalid encodings are handled.
  const cx0 = classifyF80(xSe, xHi, xLo);
  const cy0 = classifyF80(ySe, yHi, yLo);
  const ordinary = (c: number) => c !== F80Class.QNaN && c !== F80Class.SNaN && c !== F80Class.Unsupported;
  if (xSe & 0x8000 && cx0 !== F80Class.Zero && ordinary(cx0) && ordinary(cy0)) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  if (cx0 === F80Class.Zero && cy0 === F80Class.Denormal) {
    // log2(0) with a denormal y: the division by zero outranks the denormal operand.
    R.flags |= SW.ZE;
    if (cw & CW.ZM) setResult(((ySe & 0x8000) ^ 0x8000) | INF_SE, 0x80000000, 0);
    return;
  }
  setIn(xSe, xHi, xLo, ySe, yHi, yLo);
  if (screen2(cw, 0)) return;
  const cx = A.cls;
  const cy = B.cls;
  if (A.sign && cx !== F80Class.Zero) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  if (cx === F80Class.Zero) {
    if (cy === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    // log2(0) = -infinity: a division by zero when y is finite.
    if (cy !== F80Class.Infinity) {
      R.flags |= SW.ZE;
      if (!(cw & CW.ZM)) return;
    }
    setResult(((B.sign ^ 1) << 15) | INF_SE, 0x80000000, 0);
    return;
  }
  if (cx === F80Class.Infinity) {
    if (cy === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult((B.sign << 15) | INF_SE, 0x80000000, 0);
    return;
  }
  const x = f80ToBF(xSe, xHi, xLo);
  // Powers of two have exact logarithms, but the host still reports PE for them: the
  // product goes through the same jammed rounding as every other argument.
  if (cy === F80Class.Infinity) {
    const lg = log2Fixed(x);
    if (lg === 0n) {
      // x = 1: infinity times log2(1) = 0 is invalid (SDM FYL2X, its results table; the host agrees).
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult(((B.sign ^ (lg < 0n ? 1 : 0)) << 15) | INF_SE, 0x80000000, 0);
    return;
  }
  if (cy === F80Class.Zero) {
    const lg = log2Fixed(x);
    setResult((B.sign ^ (lg < 0n ? 1 : 0)) << 15, 0, 0);
    return;
  }
  const k = bitLength(x.m) - 1 + x.e;
  if (x.m === 1n << BigInt(bitLength(x.m) - 1) && k !== 0) {
    // x = 2^k: log2(x) = k exactly, and the host rounds the exact product y * k (measured:
    // y = the largest finite value, x = 0.5 under RC = down gives -max, not an overflow), but
    // flags it as inexact all the same: PE, and UE when the result is tiny (a denormal y).
    const y = f80ToBF(ySe, yHi, yLo);
    roundBF(bf(y.neg !== k < 0, y.m * BigInt(Math.abs(k)), y.e), cw, true);
    R.flags |= SW.PE;
    if ((R.se & 0x7fff) === 0 && (cw & CW.UM) !== 0) R.flags |= SW.UE;
    return;
  }
  roundBF(mulBF(f80ToBF(ySe, yHi, yLo), fromFixed(log2Fixed(x))), cw);
}

/** FYL2XP1 core: y * log2(x + 1). */
function fyl2xp1Core(xSe: number, xHi: number, xLo: number, ySe: number, yHi: number, yLo: number, cw: number): void {
  // x = -infinity (1 + x < 0) is invalid before a denormal y is reported (IE outranks DE, as for
  // FYL2X's negative x; measured on the host with a pseudo-denormal y).
  const cy0 = classifyF80(ySe, yHi, yLo);
  if (
    classifyF80(xSe, xHi, xLo) === F80Class.Infinity && (xSe & 0x8000) !== 0 &&
    cy0 !== F80Class.QNaN && cy0 !== F80Class.SNaN && cy0 !== F80Class.Unsupported
  ) {
    R.flags |= SW.IE;
    setIndefinite();
    return;
  }
  setIn(xSe, xHi, xLo, ySe, yHi, yLo);
  if (screen2(cw, 0)) return;
  const cx = A.cls;
  const cy = B.cls;
  if (cx === F80Class.Infinity) {
    // Outside the domain |x| < 1 - sqrt(2)/2; treat like log2 of a huge or negative value.
    if (A.sign || cy === F80Class.Zero) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    setResult((B.sign << 15) | INF_SE, 0x80000000, 0);
    return;
  }
  if (cx === F80Class.Zero || cy === F80Class.Zero || cy === F80Class.Infinity) {
    if (cx === F80Class.Zero && cy === F80Class.Infinity) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    const s = A.sign ^ B.sign;
    if (cy === F80Class.Infinity) setResult((s << 15) | INF_SE, 0x80000000, 0);
    else setResult(s << 15, 0, 0);
    return;
  }
  const x = f80ToBF(xSe, xHi, xLo);
  if ((xSe & 0x7fff) >= 16383 - 2) {
    // Outside the documented domain |x| < 1 - sqrt(2)/2: log2 of 1 + x directly (undefined
    // results on the hardware; invalid when 1 + x <= 0).
    const onePlus = addBF(bf(false, 1n, 0), x);
    if (onePlus.neg || onePlus.m === 0n) {
      R.flags |= SW.IE;
      setIndefinite();
      return;
    }
    roundBF(mulBF(f80ToBF(ySe, yHi, yLo), fromFixed(log2Fixed(onePlus))), cw);
    return;
  }
  // ln(1 + x) = 2 atanh(u), u = x / (2 + x).
  const u = divBF(x, addBF(bf(false, 2n, 0), x));
  const f = atanhFactor(toFixed(mulBF(u, u)));
  const ln1p = mulBF(u, fromFixed(2n * f));
  const lg = divBF(ln1p, fromFixed(ln2Fixed()));
  roundBF(mulBF(f80ToBF(ySe, yHi, yLo), lg), cw);
}

/** FPATAN core: atan2(y, x) with y = ST(1), x = ST(0). */
function fpatanCore(xSe: number, xHi: number, xLo: number, ySe: number, yHi: number, yLo: number, cw: number): void {
  setIn(ySe, yHi, yLo, xSe, xHi, xLo);
  if (screen2(cw, 0)) return;
  const cy = A.cls;
  const cx = B.cls;
  const sy = A.sign;
  const sx = B.sign;
  const pi = PI_BF();
  const withSign = (v: BF, neg: number): BF => bf(neg !== 0, v.m, v.e);
  if (cy === F80Class.Zero || cx === F80Class.Infinity) {
    if (cy === F80Class.Infinity) {
      // atan2(+-inf, +inf) = +-pi/4, atan2(+-inf, -inf) = +-3pi/4
      const q = sx ? mulBF(pi, bf(false, 3n, -2)) : mulBF(pi, bf(false, 1n, -2));
      roundBF(withSign(q, sy), cw);
      return;
    }
    if (!sx) setResult(sy << 15, 0, 0);
    else roundBF(withSign(pi, sy), cw);
    return;
  }
  if (cx === F80Class.Zero || cy === F80Class.Infinity) {
    roundBF(withSign(mulBF(pi, bf(false, 1n, -1)), sy), cw);
    return;
  }
  const y = f80ToBF(ySe, yHi, yLo);
  const x = f80ToBF(xSe, xHi, xLo);
  y.neg = false;
  x.neg = false;
  const swap = toFixed(divBF(y, x)) > ONE;
  let a = swap ? atanBF(divBF(x, y)) : atanBF(divBF(y, x));
  if (swap) a = addBF(mulBF(pi, bf(false, 1n, -1)), bf(true, a.m, a.e));
  if (sx) a = addBF(pi, bf(true, a.m, a.e));
  roundBF(withSign(a, sy), cw);
}

function underflowStack(fpu: X87State): boolean {
  fpu.sw &= ~SW.C1;
  fpu.sw |= SW.IE | SW.SF;
  if (!(fpu.cw & CW.IM)) {
    fpu.sw |= SW.ES | SW.B;
    return false;
  }
  return true;
}

function raiseFlags(fpu: X87State, f: number): void {
  const exc = f & 0x7f;
  fpu.sw |= exc;
  if (exc & ~fpu.cw & 0x3f) fpu.sw |= SW.ES | SW.B;
}

function write(fpu: X87State, p: number, se: number, hi: number, lo: number): void {
  fpu.se[p] = se;
  fpu.hi[p] = hi >>> 0;
  fpu.lo[p] = lo >>> 0;
  fpu.tw &= ~(3 << (p * 2));
}

/** Execute one transcendental instruction on the stack. */
export function x87Transcendental(fpu: X87State, op: X87Transcendental): void {
  const a = fpu.top;
  const b = (fpu.top + 1) & 7;
  const two = op === X87Transcendental.FYL2X || op === X87Transcendental.FYL2XP1 || op === X87Transcendental.FPATAN;
  const pushes = op === X87Transcendental.FSINCOS || op === X87Transcendental.FPTAN;
  if (!stackOk(fpu, 0) || (two && !stackOk(fpu, 1))) {
    if (!two && op !== X87Transcendental.F2XM1) fpu.sw &= ~SW.C2;
    if (underflowStack(fpu)) {
      if (two) {
        write(fpu, b, 0xffff, 0xc0000000, 0);
        fpu.tw |= 3 << (a * 2);
        fpu.top = b;
      } else {
        write(fpu, a, 0xffff, 0xc0000000, 0);
        if (pushes) {
          const p = (fpu.top - 1) & 7;
          fpu.top = p;
          write(fpu, p, 0xffff, 0xc0000000, 0);
        }
      }
    }
    return;
  }
  if (pushes && stackOk(fpu, 7)) {
    // Stack overflow: IE, SF, C1 = 1, C2 = 0; masked, both results are the indefinite.
    fpu.sw = (fpu.sw & ~SW.C2) | SW.C1 | SW.IE | SW.SF;
    if (!(fpu.cw & CW.IM)) {
      fpu.sw |= SW.ES | SW.B;
      return;
    }
    write(fpu, a, 0xffff, 0xc0000000, 0);
    fpu.top = (fpu.top - 1) & 7;
    write(fpu, fpu.top, 0xffff, 0xc0000000, 0);
    return;
  }
  const cw = fpu.cw;
  const se = fpu.se[a]!, hi = fpu.hi[a]!, lo = fpu.lo[a]!;
  // FSIN, FCOS, FSINCOS and FPTAN report a reduced operand with C2 = 0; the others leave C2.
  const c2 = op === X87Transcendental.FSIN || op === X87Transcendental.FCOS || pushes ? SW.C2 : 0;
  R.flags = 0;
  switch (op) {
    case X87Transcendental.FSIN:
    case X87Transcendental.FCOS: {
      if (!trigCore(se, hi, lo, op === X87Transcendental.FSIN ? "sin" : "cos", cw)) {
        fpu.sw = (fpu.sw & ~SW.C1) | SW.C2;
        return;
      }
      if (finishPre(fpu, c2)) return;
      write(fpu, a, R.se, R.hi, R.lo);
      break;
    }
    case X87Transcendental.FSINCOS:
    case X87Transcendental.FPTAN: {
      const isTan = op === X87Transcendental.FPTAN;
      if (!trigCore(se, hi, lo, isTan ? "tan" : "sincos", cw)) {
        fpu.sw = (fpu.sw & ~SW.C1) | SW.C2;
        return;
      }
      if (finishPre(fpu, c2)) return;
      // FPTAN: ST(0) <- tan, push 1.0. FSINCOS: ST(0) <- sin, push cos (R2).
      const nanOrInvalid = classifyF80(R.se, R.hi, R.lo) === F80Class.QNaN;
      write(fpu, a, R.se, R.hi, R.lo);
      fpu.top = (fpu.top - 1) & 7;
      if (isTan && !nanOrInvalid) write(fpu, fpu.top, 0x3fff, 0x80000000, 0);
      else write(fpu, fpu.top, R2.se, R2.hi, R2.lo);
      break;
    }
    case X87Transcendental.F2XM1:
      f2xm1Core(se, hi, lo, cw);
      if (finishPre(fpu, c2)) return;
      write(fpu, a, R.se, R.hi, R.lo);
      break;
    default: {
      const yse = fpu.se[b]!, yhi = fpu.hi[b]!, ylo = fpu.lo[b]!;
      if (op === X87Transcendental.FYL2X) fyl2xCore(se, hi, lo, yse, yhi, ylo, cw);
      else if (op === X87Transcendental.FYL2XP1) fyl2xp1Core(se, hi, lo, yse, yhi, ylo, cw);
      else fpatanCore(se, hi, lo, yse, yhi, ylo, cw);
      if (finishPre(fpu, c2)) return;
      write(fpu, b, R.se, R.hi, R.lo);
      fpu.tw |= 3 << (a * 2);
      fpu.top = b;
    }
  }
  fpu.sw = (fpu.sw & ~(SW.C1 | c2)) | (R.flags & SW.C1);
  raiseFlags(fpu, R.flags);
}

/** An unmasked IE, DE or ZE stops the instruction. Returns true when it did. */
function finishPre(fpu: X87State, c2: number): boolean {
  if (R.flags & ~fpu.cw & (SW.IE | SW.DE | SW.ZE)) {
    fpu.sw &= ~(SW.C1 | c2);
    raiseFlags(fpu, R.flags);
    return true;
  }
  return false;
}
