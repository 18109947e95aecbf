/**
 * Lazy arithmetic flags (the technique of QEMU's cc_op and v86's last_op): flag-writing
 * instructions record the operation, its result and an operand in four state words, and the six
 * status flags (SDM Vol. 1 §3.4.3.1) are computed only when something reads them — Jcc/SETcc/
 * CMOVcc evaluate a condition straight from the record, PUSHF/LAHF/INT materialize EFLAGS.
 *
 * S_CC_OP = kind << 2 | size, size 0/1/2 for 8/16/32-bit operations; CC_EFLAGS (0) means the
 * flags are already materialized in S_EFLAGS. The record per kind:
 *   ADD, SUB, LOGIC: DST = result (masked to the size), SRC = second operand.
 *   ADC, SBB:        as ADD/SUB, SRC2 = carry in.
 *   INC, DEC:        DST = result, SRC2 = CF before the instruction (INC/DEC preserve CF).
 *   SHL:             DST = result, SRC = operand shifted by count-1 (its top bit is CF).
 *   SAR (also SHR):  DST = result, SRC = operand shifted by count-1 (its low bit is CF).
 *   MUL (and IMUL):  DST = low half of the product, SRC = non-zero iff CF=OF=1.
 */
import { AF, CF, OF, OSZAPC, PF, SF, ZF } from "../table/flags";
import { S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2, S_EFLAGS } from "./state";

export const CC_EFLAGS = 0;
export const CC_ADD = 1;
export const CC_ADC = 2;
export const CC_SUB = 3;
export const CC_SBB = 4;
export const CC_LOGIC = 5;
export const CC_INC = 6;
export const CC_DEC = 7;
export const CC_SHL = 8;
export const CC_SAR = 9;
export const CC_MUL = 10;

const SUB32 = (CC_SUB << 2) | 2;
const LOGIC32 = (CC_LOGIC << 2) | 2;

/** Per size index (0 = byte, 1 = word, 2 = dword). */
export const SIZE_MASK: readonly number[] = [0xff, 0xffff, -1];
export const SIZE_SIGN: readonly number[] = [0x80, 0x8000, -0x80000000];
export const SIZE_BITS: readonly number[] = [8, 16, 32];
/** Size index of an operand size in bytes (1, 2, 4). */
export function sizeIndex(bytes: number): number {
  return bytes === 1 ? 0 : bytes === 2 ? 1 : 2;
}

/** PF of every byte value: 1 when the number of set bits is even (SDM Vol. 1 §3.4.3.1). */
export const PARITY: Uint8Array = (() => {
  const t = new Uint8Array(256);
  for (let i = 0; i < 256; i++) {
    let b = i;
    b ^= b >> 4;
    b ^= b >> 2;
    b ^= b >> 1;
    t[i] = (b & 1) ^ 1;
  }
  return t;
})();

/** The six status flags (in their EFLAGS positions) described by the lazy record. */
export function computeOSZAPC(s: Int32Array): number {
  const op = s[S_CC_OP]!;
  if (op === CC_EFLAGS) return s[S_EFLAGS]! & OSZAPC;
  const sz = op & 3;
  const mask = SIZE_MASK[sz]!;
  const top = SIZE_BITS[sz]! - 1;
  const res = s[S_CC_DST]! & mask;
  const src = s[S_CC_SRC]! & mask;
  let cf = 0;
  let of = 0;
  let af = 0;
  switch (op >> 2) {
    case CC_ADD: {
      const a = (res - src) & mask;
      cf = res >>> 0 < a >>> 0 ? 1 : 0;
      of = (((a ^ res) & ~(a ^ src)) >>> top) & 1;
      af = (res ^ a ^ src) & AF;
      break;
    }
    case CC_ADC: {
      const cin = s[S_CC_SRC2]!;
      const a = (res - src - cin) & mask;
      cf = (cin ? res >>> 0 <= a >>> 0 : res >>> 0 < a >>> 0) ? 1 : 0;
      of = (((a ^ res) & ~(a ^ src)) >>> top) & 1;
      af = (res ^ a ^ src) & AF;
      break;
    }
    case CC_SUB: {
      const a = (res + src) & mask;
      cf = a >>> 0 < src >>> 0 ? 1 : 0;
      of = (((a ^ src) & (a ^ res)) >>> top) & 1;
      af = (res ^ a ^ src) & AF;
      break;
    }
    case CC_SBB: {
      const cin = s[S_CC_SRC2]!;
      const a = (res + src + cin) & mask;
      cf = (cin ? a >>> 0 <= src >>> 0 : a >>> 0 < src >>> 0) ? 1 : 0;
      of = (((a ^ src) & (a ^ res)) >>> top) & 1;
      af = (res ^ a ^ src) & AF;
      break;
    }
    case CC_LOGIC:
      break;
    case CC_INC:
      cf = s[S_CC_SRC2]!;
      of = res === (SIZE_SIGN[sz]! & mask) ? 1 : 0;
      af = (res & 0xf) === 0 ? AF : 0;
      break;
    case CC_DEC:
      cf = s[S_CC_SRC2]!;
      of = res === ((SIZE_SIGN[sz]! - 1) & mask) ? 1 : 0;
      af = (res & 0xf) === 0xf ? AF : 0;
      break;
    case CC_SHL:
      cf = (src >>> top) & 1;
      of = cf ^ ((res >>> top) & 1);
      break;
    case CC_SAR:
      cf = src & 1;
      of = ((src ^ res) >>> top) & 1;
      break;
    case CC_MUL:
      cf = of = src !== 0 ? 1 : 0;
      break;
  }
  return (
    cf |
    (PARITY[res & 0xff]! << 2) |
    af |
    (res === 0 ? ZF : 0) |
    (((res >>> top) & 1) << 7) |
    (of << 11)
  );
}

/** CF alone (ADC/SBB/RCL/RCR/INC read it; cheaper than materializing all flags). */
export function computeCF(s: Int32Array): number {
  const op = s[S_CC_OP]!;
  const sz = op & 3;
  const mask = SIZE_MASK[sz]!;
  switch (op >> 2) {
    case CC_EFLAGS:
      return s[S_EFLAGS]! & CF;
    case CC_ADD: {
      const res = s[S_CC_DST]! & mask;
      return res >>> 0 < ((res - s[S_CC_SRC]!) & mask) >>> 0 ? 1 : 0;
    }
    case CC_SUB: {
      const src = s[S_CC_SRC]! & mask;
      return ((s[S_CC_DST]! + src) & mask) >>> 0 < src >>> 0 ? 1 : 0;
    }
    case CC_LOGIC:
      return 0;
    case CC_INC:
    case CC_DEC:
      return s[S_CC_SRC2]!;
    default:
      return computeOSZAPC(s) & CF;
  }
}

/** The complete EFLAGS image. */
export function readEflags(s: Int32Array): number {
  if (s[S_CC_OP] === CC_EFLAGS) return s[S_EFLAGS]!;
  return (s[S_EFLAGS]! & ~OSZAPC) | computeOSZAPC(s);
}

/** Makes S_EFLAGS hold the status flags and drops the lazy record. */
export function materializeFlags(s: Int32Array): void {
  if (s[S_CC_OP] !== CC_EFLAGS) {
    s[S_EFLAGS] = (s[S_EFLAGS]! & ~OSZAPC) | computeOSZAPC(s);
    s[S_CC_OP] = CC_EFLAGS;
  }
}

/** Writes the status flags selected by `mask` (callers materialize first if they keep others). */
export function writeStatusFlags(s: Int32Array, value: number, mask: number): void {
  materializeFlags(s);
  s[S_EFLAGS] = (s[S_EFLAGS]! & ~mask) | (value & mask);
}

/**
 * Condition code cc (low nibble of Jcc/SETcc/CMOVcc, SDM Vol. 1 Appendix B) evaluated from the
 * lazy record. After CMP/SUB and logic ops (the common predecessors of a Jcc) the condition is a
 * direct comparison of the operands, as QEMU's gen_prepare_cc does.
 */
export function testCC(s: Int32Array, cc: number): boolean {
  const op = s[S_CC_OP]!;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    switch (cc) {
      case 2:
        return a >>> 0 < src >>> 0;
      case 3:
        return a >>> 0 >= src >>> 0;
      case 4:
        return res === 0;
      case 5:
        return res !== 0;
      case 6:
        return a >>> 0 <= src >>> 0;
      case 7:
        return a >>> 0 > src >>> 0;
      case 8:
        return res < 0;
      case 9:
        return res >= 0;
      case 12:
        return a < src;
      case 13:
        return a >= src;
      case 14:
        return a <= src;
      case 15:
        return a > src;
    }
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    switch (cc) {
      case 4:
      case 6:
        return res === 0;
      case 5:
      case 7:
        return res !== 0;
      case 8:
      case 12:
        return res < 0;
      case 9:
      case 13:
        return res >= 0;
      case 14:
        return res <= 0;
      case 15:
        return res > 0;
    }
  }
  const kind = op >> 2;
  let r: boolean;
  if (kind === CC_SUB) {
    const sz = op & 3;
    const mask = SIZE_MASK[sz]!;
    const shift = 32 - SIZE_BITS[sz]!;
    const res = s[S_CC_DST]! & mask;
    const src = s[S_CC_SRC]! & mask;
    const a = (res + src) & mask;
    switch (cc >> 1) {
      case 1: // B
        r = a >>> 0 < src >>> 0;
        break;
      case 2: // Z
        r = res === 0;
        break;
      case 3: // BE
        r = a >>> 0 <= src >>> 0;
        break;
      case 4: // S
        r = res << shift < 0;
        break;
      case 6: // L
        r = a << shift < src << shift;
        break;
      case 7: // LE
        r = a << shift <= src << shift;
        break;
      default:
        r = testFlags(computeOSZAPC(s), cc >> 1);
    }
  } else if (kind === CC_LOGIC) {
    const sz = op & 3;
    const res = s[S_CC_DST]! << (32 - SIZE_BITS[sz]!);
    switch (cc >> 1) {
      case 0: // O
      case 1: // B
        r = false;
        break;
      case 2: // Z
      case 3: // BE
        r = res === 0;
        break;
      case 4: // S
      case 6: // L (OF = 0)
        r = res < 0;
        break;
      case 7: // LE
        r = res <= 0;
        break;
      default:
        r = testFlags(computeOSZAPC(s), cc >> 1);
    }
  } else {
    r = testFlags(op === CC_EFLAGS ? s[S_EFLAGS]! : computeOSZAPC(s), cc >> 1);
  }
  return (cc & 1) === 0 ? r : !r;
}

/** The even condition cc2*2 on a materialized flags image. */
function testFlags(f: number, cc2: number): boolean {
  switch (cc2) {
    case 0:
      return (f & OF) !== 0;
    case 1:
      return (f & CF) !== 0;
    case 2:
      return (f & ZF) !== 0;
    case 3:
      return (f & (CF | ZF)) !== 0;
    case 4:
      return (f & SF) !== 0;
    case 5:
      return (f & PF) !== 0;
    case 6:
      return ((f >> 7) ^ (f >> 11)) & 1 ? true : false;
    default:
      return (f & ZF) !== 0 || (((f >> 7) ^ (f >> 11)) & 1) !== 0;
  }
}
