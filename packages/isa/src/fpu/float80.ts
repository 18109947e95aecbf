// The 80-bit double extended-precision format (Intel SDM Vol. 1, 4.2.2 and 8.2): a sign bit, a
// 15-bit biased exponent (bias 16383) and a 64-bit significand whose bit 63 is the explicit
// integer bit J. A value is carried as three numbers: `se` (sign << 15 | exponent), and the
// significand as two unsigned 32-bit halves `hi` (bits 63..32) and `lo` (bits 31..0). No object
// is allocated per operation; results travel through the scratch record in round.ts.

export const F80_BIAS = 16383;
export const F80_EXP_MAX = 0x7fff;

/** Operand classes, as the x87 sees them since the 80387 (SDM Vol. 1, 8.2.2, Table 8-3). */
export const F80Class = {
  Zero: 0,
  Normal: 1,
  /** Exponent 0 and a non-zero significand: a denormal, or a pseudo-denormal when J = 1. */
  Denormal: 2,
  Infinity: 3,
  QNaN: 4,
  SNaN: 5,
  /** Unnormals, pseudo-NaNs and pseudo-infinities: J = 0 with a non-zero exponent. Invalid operands. */
  Unsupported: 6,
} as const;
export type F80Class = (typeof F80Class)[keyof typeof F80Class];

export function classifyF80(se: number, hi: number, lo: number): F80Class {
  const exp = se & 0x7fff;
  const j = hi >>> 31;
  if (exp === 0) return hi === 0 && lo === 0 ? F80Class.Zero : F80Class.Denormal;
  if (j === 0) return F80Class.Unsupported;
  if (exp === F80_EXP_MAX) {
    if ((hi & 0x7fffffff) === 0 && lo === 0) return F80Class.Infinity;
    return hi & 0x40000000 ? F80Class.QNaN : F80Class.SNaN;
  }
  return F80Class.Normal;
}

export function isNaNClass(c: F80Class): boolean {
  return c === F80Class.QNaN || c === F80Class.SNaN;
}

/** The real indefinite: the QNaN every masked invalid operation delivers (SDM Vol. 1, 4.8.3.7). */
export const INDEFINITE_SE = 0xffff;
export const INDEFINITE_HI = 0xc0000000;
export const INDEFINITE_LO = 0;

/** Tag values (SDM Vol. 1, 8.1.7). */
export const Tag = { Valid: 0, Zero: 1, Special: 2, Empty: 3 } as const;

/** The tag FSTENV/FSAVE report for a non-empty register, computed from its contents. */
export function tagOf(se: number, hi: number, lo: number): number {
  const exp = se & 0x7fff;
  if (exp === 0) return hi === 0 && lo === 0 ? Tag.Zero : Tag.Special;
  if (exp === F80_EXP_MAX || hi >>> 31 === 0) return Tag.Special;
  return Tag.Valid;
}

/** Status word bits (SDM Vol. 1, 8.1.3). */
export const SW = {
  IE: 0x0001,
  DE: 0x0002,
  ZE: 0x0004,
  OE: 0x0008,
  UE: 0x0010,
  PE: 0x0020,
  SF: 0x0040,
  ES: 0x0080,
  C0: 0x0100,
  C1: 0x0200,
  C2: 0x0400,
  TOP: 0x3800,
  C3: 0x4000,
  B: 0x8000,
} as const;

/** Control word fields (SDM Vol. 1, 8.1.5). */
export const CW = {
  IM: 0x0001,
  DM: 0x0002,
  ZM: 0x0004,
  OM: 0x0008,
  UM: 0x0010,
  PM: 0x0020,
  PC_SHIFT: 8,
  RC_SHIFT: 10,
} as const;

/** Rounding control (CW bits 11..10). */
export const RC = { Nearest: 0, Down: 1, Up: 2, Zero: 3 } as const;
/** Precision control (CW bits 9..8); 1 is reserved. */
export const PC = { Single: 0, Reserved: 1, Double: 2, Extended: 3 } as const;

/** Exceptions the x87 checks before computing: when unmasked they leave the destination unchanged. */
export const PRE_EXCEPTIONS = SW.IE | SW.DE | SW.ZE;
