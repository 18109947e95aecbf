/**
 * JDK 17's binary-to-decimal conversion (jdk.internal.math.FloatingDecimal.BinaryToASCIIBuffer
 * .dtoa), reimplemented step by step so Double.toString/Float.toString print exactly the digits
 * java 17 prints — which are not always the shortest (JDK-4511638, fixed only in JDK 19):
 * Float.toString(2.14748365E9f) keeps 9 digits where 8 would round-trip.
 * The int and long fast paths wrap like Java's int/long arithmetic, including the overflow hack.
 */

const N_5_BITS = [0, 3, 5, 7, 10, 12, 14, 17, 19, 21, 24, 26, 28, 31, 33, 35, 38, 40, 42, 45, 47, 49, 52, 54, 56, 59, 61];
const INSIGNIFICANT = [0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 8, 8, 8, 9, 9, 9, 9, 10, 10, 10, 11, 11, 11, 12, 12, 12, 12, 13, 13, 13, 14, 14, 14, 15, 15, 15, 15, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19];
const EXP_SHIFT = 52;

const pow5 = (n: number): bigint => 5n ** BigInt(n);
const w32 = (v: bigint): bigint => BigInt.asIntN(32, v);
const w64 = (v: bigint): bigint => BigInt.asIntN(64, v);

/** Decimal digits and exponent: value = 0.DIGITS × 10^decExponent. */
export interface DecimalDigits {
  digits: number[];
  decExponent: number;
}

function ctz(v: bigint): number {
  let n = 0;
  while ((v & 1n) === 0n && n < 64) {
    v >>= 1n;
    n++;
  }
  return n;
}

function estimateDecExp(fractBits: bigint, binExp: number): number {
  const f = new Float64Array(1);
  const b = new BigInt64Array(f.buffer);
  b[0] = BigInt.asIntN(64, 0x3ff0000000000000n | (fractBits & 0xfffffffffffffn));
  const d2 = f[0]!;
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  return Math.floor(d);
}

function developLongDigits(decExponent: number, lvalue: bigint, insignificant: number): DecimalDigits {
  if (insignificant !== 0) {
    const pow10 = pow5(insignificant) << BigInt(insignificant);
    const residue = lvalue % pow10;
    lvalue /= pow10;
    decExponent += insignificant;
    if (residue >= pow10 >> 1n) lvalue++;
  }
  const s = lvalue.toString();
  const stripped = s.replace(/0+$/, "");
  const digits = [...stripped].map((c) => c.charCodeAt(0) - 48);
  return { digits, decExponent: decExponent + s.length };
}

function roundup(r: DecimalDigits): void {
  const d = r.digits;
  let i = d.length - 1;
  let q = d[i]!;
  if (q === 9) {
    while (q === 9 && i > 0) {
      d[i] = 0;
      q = d[--i]!;
    }
    if (q === 9) {
      r.decExponent += 1;
      d[0] = 1;
      return;
    }
  }
  d[i] = q + 1;
}

/** BinaryToASCIIBuffer.dtoa for a positive finite value given as binExp / fractBits (hidden bit set, at bit 52). */
export function dtoa(binExp: number, fractBits: bigint, nSignificantBits: number, isCompatibleFormat: boolean): DecimalDigits {
  const tailZeros = ctz(fractBits);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= 62 && binExp >= -21) {
    if (nTinyBits < 27 && nFractBits + N_5_BITS[nTinyBits]! < 64) {
      if (nTinyBits === 0) {
        const insignificant = binExp > nSignificantBits ? insignificantDigitsForPow2(binExp - nSignificantBits - 1) : 0;
        const fb = binExp >= EXP_SHIFT ? fractBits << BigInt(binExp - EXP_SHIFT) : fractBits >> BigInt(EXP_SHIFT - binExp);
        return developLongDigits(0, fb, insignificant);
      }
    }
  }
  let decExp = estimateDecExp(fractBits, binExp);
  const B5 = Math.max(0, -decExp);
  let B2 = B5 + nTinyBits + binExp;
  const S5 = Math.max(0, decExp);
  let S2 = S5 + nTinyBits;
  const M5 = B5;
  let M2 = B2 - nSignificantBits;
  fractBits >>= BigInt(tailZeros);
  B2 -= nFractBits - 1;
  const common2 = Math.min(B2, S2);
  B2 -= common2;
  S2 -= common2;
  M2 -= common2;
  if (nFractBits === 1) M2 -= 1;
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const digits: number[] = [];
  let low: boolean;
  let high: boolean;
  let lowDigitDifference: bigint;
  const Bbits = nFractBits + B2 + (B5 < N_5_BITS.length ? N_5_BITS[B5]! : B5 * 3);
  const tenSbits = S2 + 1 + (S5 + 1 < N_5_BITS.length ? N_5_BITS[S5 + 1]! : (S5 + 1) * 3);
  if (Bbits < 64 && tenSbits < 64) {
    const W = Bbits < 32 && tenSbits < 32 ? w32 : w64;
    let b = W(W(fractBits * pow5(B5)) << BigInt(B2));
    const s = W(pow5(S5) << BigInt(S2));
    let m = W(pow5(M5) << BigInt(M2));
    const tens = W(s * 10n);
    let q = Number(b / s);
    b = W(10n * (b % s));
    m = W(m * 10n);
    low = b < m;
    high = W(b + m) > tens;
    if (q === 0 && !high) decExp--;
    else digits.push(q);
    if (!isCompatibleFormat || decExp < -3 || decExp >= 8) high = low = false;
    while (!low && !high) {
      q = Number(b / s);
      b = W(10n * (b % s));
      m = W(m * 10n);
      if (m > 0n) {
        low = b < m;
        high = W(b + m) > tens;
      } else {
        low = true;
        high = true;
      }
      digits.push(q);
    }
    lowDigitDifference = W(W(b << 1n) - tens);
  } else {
    let Bval = fractBits * pow5(B5) * 2n ** BigInt(B2);
    const Sval = pow5(S5) * 2n ** BigInt(S2);
    let Mval = pow5(M5 + 1) * 2n ** BigInt(M2 + 1);
    const tenSval = pow5(S5 + 1) * 2n ** BigInt(S2 + 1);
    let q = Number(Bval / Sval);
    Bval = (Bval % Sval) * 10n;
    low = Bval < Mval;
    high = Bval + Mval >= tenSval;
    if (q === 0 && !high) decExp--;
    else digits.push(q);
    if (!isCompatibleFormat || decExp < -3 || decExp >= 8) high = low = false;
    while (!low && !high) {
      q = Number(Bval / Sval);
      Bval = (Bval % Sval) * 10n;
      Mval = Mval * 10n;
      low = Bval < Mval;
      high = Bval + Mval >= tenSval;
      digits.push(q);
    }
    if (high && low) {
      Bval <<= 1n;
      lowDigitDifference = Bval < tenSval ? -1n : Bval > tenSval ? 1n : 0n;
    } else lowDigitDifference = 0n;
  }
  const r: DecimalDigits = { digits, decExponent: decExp + 1 };
  if (high) {
    if (low) {
      if (lowDigitDifference === 0n) {
        if ((digits[digits.length - 1]! & 1) !== 0) roundup(r);
      } else if (lowDigitDifference > 0n) roundup(r);
    } else roundup(r);
  }
  return r;
}

function insignificantDigitsForPow2(p2: number): number {
  return p2 > 1 && p2 < INSIGNIFICANT.length ? INSIGNIFICANT[p2]! : 0;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

/** Digits of |d| (finite, non-zero) as FloatingDecimal.getBinaryToASCIIConverter(double, compat). */
export function doubleDigits(d: number, compat: boolean): DecimalDigits {
  f64[0] = d;
  const bits = i64[0]!;
  let fractBits = bits & 0xfffffffffffffn;
  let binExp = Number((bits >> 52n) & 0x7ffn);
  let nSignificantBits: number;
  if (binExp === 0) {
    const leadingZeros = 64 - fractBits.toString(2).length;
    const shift = leadingZeros - (63 - EXP_SHIFT);
    fractBits <<= BigInt(shift);
    binExp = 1 - shift;
    nSignificantBits = 64 - leadingZeros;
  } else {
    fractBits |= 1n << 52n;
    nSignificantBits = EXP_SHIFT + 1;
  }
  binExp -= 1023;
  return dtoa(binExp, fractBits, nSignificantBits, compat);
}

/** Digits of |f| (finite, non-zero float) as FloatingDecimal.getBinaryToASCIIConverter(float). */
export function floatDigits(v: number): DecimalDigits {
  f32[0] = v;
  const bits = i32[0]!;
  let fractBits = bits & 0x7fffff;
  let binExp = (bits >>> 23) & 0xff;
  let nSignificantBits: number;
  if (binExp === 0) {
    const leadingZeros = Math.clz32(fractBits);
    const shift = leadingZeros - (31 - 23);
    fractBits <<= shift;
    binExp = 1 - shift;
    nSignificantBits = 32 - leadingZeros;
  } else {
    fractBits |= 1 << 23;
    nSignificantBits = 24;
  }
  binExp -= 127;
  return dtoa(binExp, BigInt(fractBits) << BigInt(EXP_SHIFT - 23), nSignificantBits, true);
}

/** BinaryToASCIIBuffer.toJavaFormatString. */
export function javaFormat(r: DecimalDigits): string {
  const d = r.digits.join("");
  const n = d.length;
  const e = r.decExponent;
  if (e > 0 && e < 8) {
    const len = Math.min(n, e);
    let s = d.slice(0, len);
    if (len < e) s += "0".repeat(e - len) + ".0";
    else s += "." + (len < n ? d.slice(len) : "0");
    return s;
  }
  if (e <= 0 && e > -3) return "0." + "0".repeat(-e) + d;
  return d[0] + "." + (n > 1 ? d.slice(1) : "0") + "E" + (e <= 0 ? "-" + String(-e + 1) : String(e - 1));
}
