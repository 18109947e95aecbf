// Comparison and classification: FCOM/FUCOM/FCOMI/FUCOMI/FTST/FICOM (SDM Vol. 2, FCOM and
// FUCOM: FCOM signals IE on any NaN, FUCOM only on SNaN) and FXAM.

import { F80Class, SW, classifyF80 } from "./float80";
import { A, B, MemOperand, unpack } from "./operand";
import { R } from "./round";

/** Comparison outcomes, with the C3/C2/C0 (and ZF/PF/CF) pattern each produces. */
export const Relation = { Greater: 0, Less: 1, Equal: 2, Unordered: 3 } as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

/** Condition-code bits per relation, in status-word positions C3 (0x4000), C2 (0x400), C0 (0x100). */
export const RELATION_CC = [0x0000, 0x0100, 0x4000, 0x4500] as const;
/** EFLAGS bits per relation for FCOMI/FUCOMI: ZF (0x40), PF (0x04), CF (0x01). */
export const RELATION_EFLAGS = [0x00, 0x01, 0x40, 0x45] as const;

/**
 * Compare a = IN[0..2] with b = IN[3..5]. `quiet` selects FUCOM semantics (QNaNs compare quietly). Flags (IE, DE)
 * accumulate in R.flags. The relation is delivered even when IE or DE is unmasked (the host
 * sets the condition codes then too); only the pop is suppressed.
 */
export function f80Compare(quiet: boolean): Relation {
  unpack(A, 0);
  unpack(B, 3);
  const ca = A.cls;
  const cb = B.cls;
  if (ca === F80Class.Unsupported || cb === F80Class.Unsupported || ca === F80Class.SNaN || cb === F80Class.SNaN) {
    R.flags |= SW.IE;
    return Relation.Unordered;
  }
  if (ca === F80Class.QNaN || cb === F80Class.QNaN) {
    if (!quiet) R.flags |= SW.IE;
    return Relation.Unordered;
  }
  if (ca === F80Class.Denormal || cb === F80Class.Denormal || MemOperand.denormal) {
    // Even with DE unmasked the comparison completes: only the pop is suppressed.
    R.flags |= SW.DE;
  }
  const za = ca === F80Class.Zero;
  const zb = cb === F80Class.Zero;
  if (za && zb) return Relation.Equal;
  if (za) return B.sign ? Relation.Greater : Relation.Less;
  if (zb) return A.sign ? Relation.Less : Relation.Greater;
  if (A.sign !== B.sign) return A.sign ? Relation.Less : Relation.Greater;
  const ia = ca === F80Class.Infinity;
  const ib = cb === F80Class.Infinity;
  let mag: number;
  if (ia || ib) mag = ia && ib ? 0 : ia ? 1 : -1;
  else if (A.exp !== B.exp) mag = A.exp > B.exp ? 1 : -1;
  else if (A.h !== B.h) mag = A.h > B.h ? 1 : -1;
  else if (A.l !== B.l) mag = A.l > B.l ? 1 : -1;
  else mag = 0;
  if (mag === 0) return Relation.Equal;
  if (A.sign) mag = -mag;
  return mag > 0 ? Relation.Greater : Relation.Less;
}

/** FXAM condition codes C3, C2, C0 for a (non-empty) register; C1 is the sign, set by the caller. */
export function fxamClass(se: number, hi: number, lo: number): number {
  switch (classifyForFxam(se, hi, lo)) {
    case F80Class.Unsupported:
      return 0;
    case F80Class.QNaN:
    case F80Class.SNaN:
      return SW.C0;
    case F80Class.Normal:
      return SW.C2;
    case F80Class.Infinity:
      return SW.C2 | SW.C0;
    case F80Class.Zero:
      return SW.C3;
    default:
      return SW.C3 | SW.C2;
  }
}

/** FXAM's class for an empty register: C3 and C0. */
export const FXAM_EMPTY = SW.C3 | SW.C0;

function classifyForFxam(se: number, hi: number, lo: number): F80Class {
  return classifyF80(se, hi, lo);
}
