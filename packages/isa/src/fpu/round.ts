// Rounding and packing (SDM Vol. 1, 4.8.4 and 8.1.5.2), modelled on Berkeley SoftFloat's
// roundPackToExtF80 with x87 specifics: tininess is detected after rounding, C1 records a
// round-up, and unmasked overflow/underflow deliver the result with its exponent biased by
// -/+24576 (SDM Vol. 1, 4.9.1.4 and 4.9.1.5). An unrounded significand is 96 bits in three
// 32-bit limbs h:l:x, normalized so that bit 31 of h is set; x holds guard bits and sticky.

import { CW, RC, SW } from "./float80";

/**
 * The scratch result of the last core operation. Reused; never allocated per operation. The
 * 32-bit fields live in a typed array: storing values of 2^30 and above into ordinary object
 * properties would box them as heap numbers on every operation.
 */
class F80Scratch {
  private readonly w = new Uint32Array(4);
  /** Sign and exponent (or, for memory formats, whatever the conversion documents). */
  get se(): number {
    return this.w[0]!;
  }
  set se(v: number) {
    this.w[0] = v;
  }
  /** Significand bits 63..32 (or the high dword of a memory result). */
  get hi(): number {
    return this.w[1]!;
  }
  set hi(v: number) {
    this.w[1] = v;
  }
  /** Significand bits 31..0 (or the low dword of a memory result). */
  get lo(): number {
    return this.w[2]!;
  }
  set lo(v: number) {
    this.w[2] = v;
  }
  /** Status word bits raised by the operation: IE..PE, plus C1 when the result was rounded up. */
  get flags(): number {
    return this.w[3]!;
  }
  set flags(v: number) {
    this.w[3] = v;
  }
}

export const R = new F80Scratch();

/** Scratch for the multi-limb helpers: h:l:x plus the rounding outcome. */
class LimbScratch {
  private readonly w = new Uint32Array(3);
  up = false;
  carry = false;
  inexact = false;
  get h(): number {
    return this.w[0]!;
  }
  set h(v: number) {
    this.w[0] = v;
  }
  get l(): number {
    return this.w[1]!;
  }
  set l(v: number) {
    this.w[1] = v;
  }
  get x(): number {
    return this.w[2]!;
  }
  set x(v: number) {
    this.w[2] = v;
  }
}

export const T = new LimbScratch();

export function setResult(se: number, hi: number, lo: number): void {
  R.se = se;
  R.hi = hi >>> 0;
  R.lo = lo >>> 0;
}

// Calling conventions: on the hot path 32-bit limbs never travel as call arguments or return
// values (V8 boxes numbers of 2^30 and above when they cross a call that is not inlined). The
// unrounded significand is passed in T (typed storage), operands in IN (operand.ts), results
// in R. Only small integers (signs, exponents, shift counts, modes) are passed as arguments.

/** Shift T.h:T.l:T.x right by n, ORing every bit shifted out into bit 0 of T.x. */
export function shiftRightJam96(n: number): void {
  if (n <= 0) return;
  let h = T.h, l = T.l, x = T.x;
  if (n >= 96) {
    T.x = h | l | x ? 1 : 0;
    T.h = 0;
    T.l = 0;
    return;
  }
  let sticky = 0;
  if (n >= 64) {
    sticky = l | x;
    x = h;
    l = 0;
    h = 0;
    n -= 64;
  } else if (n >= 32) {
    sticky = x;
    x = l;
    l = h;
    h = 0;
    n -= 32;
  }
  if (n > 0) {
    sticky |= x << (32 - n);
    x = (x >>> n) | (l << (32 - n));
    l = (l >>> n) | (h << (32 - n));
    h = h >>> n;
  }
  T.h = h;
  T.l = l;
  T.x = x | (sticky !== 0 ? 1 : 0);
}

/**
 * Round T.h:T.l:T.x to `bits` significant bits (24, 53 or 64, counted from bit 31 of T.h) in the
 * direction `rc`. Leaves T.h, T.l (discarded bits cleared), T.inexact, T.up (magnitude
 * increased) and T.carry (the increment overflowed out of bit 63: the significand is then
 * 1000...0 and the caller must add one to the exponent). T.x is left as it was.
 */
export function roundSignificand(sign: number, bits: number, rc: number): void {
  let h = T.h, l = T.l;
  const x = T.x;
  let rb: number;
  let odd: number;
  if (bits === 64) {
    rb = x;
    odd = l & 1;
  } else if (bits === 53) {
    rb = (((l & 0x7ff) << 21) | (x !== 0 ? 1 : 0)) >>> 0;
    l = (l & ~0x7ff) >>> 0;
    odd = l & 0x800;
  } else {
    rb = (((h & 0xff) << 24) | ((l | x) !== 0 ? 1 : 0)) >>> 0;
    h = (h & ~0xff) >>> 0;
    l = 0;
    odd = h & 0x100;
  }
  const inexact = rb !== 0;
  let up: boolean;
  switch (rc) {
    case RC.Nearest:
      up = rb > 0x80000000 || (rb === 0x80000000 && odd !== 0);
      break;
    case RC.Down:
      up = inexact && sign !== 0;
      break;
    case RC.Up:
      up = inexact && sign === 0;
      break;
    default:
      up = false;
  }
  let carry = false;
  if (up) {
    if (bits === 24) {
      h += 0x100;
    } else {
      l += bits === 64 ? 1 : 0x800;
      if (l > 0xffffffff) {
        l -= 0x100000000;
        h += 1;
      }
    }
    if (h > 0xffffffff) {
      h = 0x80000000;
      l = 0;
      carry = true;
    }
  }
  T.h = h;
  T.l = l;
  T.inexact = inexact;
  T.up = up;
  T.carry = carry;
}

/** Significand bits kept for a precision-control setting (the reserved value 1 acts as 64 here). */
export function precisionBits(cw: number): number {
  const pc = (cw >>> CW.PC_SHIFT) & 3;
  return pc === 0 ? 24 : pc === 2 ? 53 : 64;
}

/**
 * Round and pack a finite non-zero value sign * (T.h:T.l:T.x / 2^95) * 2^(exp - bias) into a
 * format with `bits` significand bits and biased exponents 1..expMax-1 (0 = denormal,
 * expMax = special). The packed result goes to R with the J bit explicit and the exponent in
 * the format's own bias; flags are ORed into R.flags. `wrap` is the exponent adjustment for
 * unmasked overflow/underflow (24576 for the 80-bit stack; 0 for memory formats, whose unmasked
 * overflow and underflow are not stored).
 */
export function roundPack(sign: number, exp: number, bits: number, cw: number, expMax: number, wrap: number): void {
  const rc = (cw >>> CW.RC_SHIFT) & 3;
  let flags = R.flags;
  if (exp >= 1) {
    roundSignificand(sign, bits, rc);
    if (T.carry) exp++;
    if (exp >= expMax) {
      if (!(cw & CW.OM) && exp - wrap >= expMax) {
        // Unmasked, but too large even for the biased result (only FSCALE gets here): the host
        // delivers infinity whatever the rounding direction.
        R.flags = flags | SW.OE | SW.PE | SW.C1;
        packOut(sign, expMax, 0x80000000, 0);
        return;
      }
      if (cw & CW.OM) {
        // Masked overflow (SDM Vol. 1, Table 4-10): infinity, or the largest finite value when
        // the rounding direction points toward zero.
        flags |= SW.OE | SW.PE;
        const toInf = rc === RC.Nearest || (rc === RC.Down && sign !== 0) || (rc === RC.Up && sign === 0);
        if (toInf) {
          flags |= SW.C1;
          packOut(sign, expMax, 0x80000000, 0);
        } else {
          packOut(sign, expMax - 1, bits === 24 ? 0xffffff00 : 0xffffffff, bits === 64 ? 0xffffffff : bits === 53 ? 0xfffff800 : 0);
        }
        R.flags = flags;
        return;
      }
      flags |= SW.OE;
      exp -= wrap;
    }
    if (T.inexact) flags |= SW.PE;
    if (T.up) flags |= SW.C1;
    R.flags = flags;
    packOut(sign, exp, T.h, T.l);
    return;
  }
  if (!(cw & CW.UM) && exp + wrap < 1) {
    // Unmasked, but too small even for the biased result (FSCALE): a signed zero.
    R.flags = flags | SW.UE | SW.PE;
    packOut(sign, 0, 0, 0);
    return;
  }
  if (!(cw & CW.UM)) {
    // Unmasked underflow: round as if the exponent range were unbounded, then bias.
    roundSignificand(sign, bits, rc);
    if (T.carry) exp++;
    if (exp < 1) {
      flags |= SW.UE;
      exp += wrap;
    }
    if (T.inexact) flags |= SW.PE;
    if (T.up) flags |= SW.C1;
    R.flags = flags;
    packOut(sign, exp, T.h, T.l);
    return;
  }
  // Masked underflow: gradual underflow to a denormal; UE only when tiny and inexact. Tininess
  // is detected after rounding (as the host does): rounding at the normal position first.
  let tiny = exp < 0;
  if (!tiny) {
    const h = T.h, l = T.l;
    roundSignificand(sign, bits, rc);
    tiny = !T.carry;
    T.h = h;
    T.l = l;
  }
  shiftRightJam96(1 - exp);
  roundSignificand(sign, bits, rc);
  if (T.inexact) {
    flags |= SW.PE;
    if (tiny) flags |= SW.UE;
  }
  if (T.up) flags |= SW.C1;
  R.flags = flags;
  // A denormal that rounds up into bit 63 becomes the smallest normal.
  packOut(sign, T.h >>> 31 ? 1 : 0, T.h, T.l);
}

function packOut(sign: number, exp: number, h: number, l: number): void {
  R.se = (sign << 15) | (exp & 0x7fff);
  R.hi = h;
  R.lo = l;
}

/** Normalize T.h:T.l:T.x left so bit 31 of T.h is set; returns the shift (or -1 for zero). */
export function normalize96(): number {
  let h = T.h, l = T.l, x = T.x;
  let s = 0;
  while (h === 0) {
    if (l === 0 && x === 0) return -1;
    h = l;
    l = x;
    x = 0;
    s += 32;
  }
  const z = Math.clz32(h);
  if (z > 0) {
    h = (h << z) | (l >>> (32 - z));
    l = (l << z) | (x >>> (32 - z));
    x = x << z;
  }
  T.h = h;
  T.l = l;
  T.x = x;
  return s + z;
}

/** Load T with a significand: h:l and guard/sticky word x. */
export function setT(h: number, l: number, x: number): void {
  T.h = h;
  T.l = l;
  T.x = x;
}
