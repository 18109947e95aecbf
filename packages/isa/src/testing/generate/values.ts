/**
 * Operand values biased toward the edges where ALU, flag and overflow bugs live (0, 1, -1, the
 * signed limits, single bits, nibble carries), mixed with uniform random values.
 */
import type { Prng } from "../prng";

const EDGE32 = [
  0, 1, 2, 0xffffffff, 0xfffffffe, 0x7fffffff, 0x80000000, 0x80000001, 0x7ffffffe, 0x0000ffff, 0x00008000,
  0x00007fff, 0x000000ff, 0x00000080, 0x0000007f, 0x00010000, 0x0000000f, 0x00000010, 0x99999999, 0x55555555,
  0xaaaaaaaa,
];

/** A value of `bits` bits (8, 16, 32): edge values with probability 1/2, else uniform. */
export function edgeValue(rng: Prng, bits: number): number {
  const mask = bits >= 32 ? 0xffffffff : (1 << bits) - 1;
  const r = rng.below(8);
  if (r < 4) {
    const top = (1 << (bits - 1)) >>> 0;
    const picks = [0, 1, 2, mask, mask - 1, top, top - 1, top + 1, rng.u32() & 0xf, 1 << rng.below(bits)];
    return (rng.pick(rng.chance(0.7) ? picks : EDGE32) & mask) >>> 0;
  }
  if (r === 4) return (rng.u32() & 0xff & mask) >>> 0; // small values: BCD digits, bit offsets
  return (rng.u32() & mask) >>> 0;
}

/** A 32-bit register value whose low 8, 16 or 32 bits are an edge value (high bits random). */
export function registerValue(rng: Prng): number {
  const view = rng.below(4);
  if (view < 2) return edgeValue(rng, 32);
  if (view === 2) return ((rng.u32() & 0xffff0000) | edgeValue(rng, 16)) >>> 0;
  // a byte view: the low byte (AL..BL) or the second byte (AH..BH)
  return rng.chance(0.5)
    ? ((rng.u32() & 0xffffff00) | edgeValue(rng, 8)) >>> 0
    : ((rng.u32() & 0xffff00ff) | (edgeValue(rng, 8) << 8)) >>> 0;
}

/** Shift and rotate counts: 0, 1, around the operand sizes, at and past the 5-bit mask. */
export function shiftCount(rng: Prng): number {
  if (rng.chance(0.25)) return rng.u32() & 0xff;
  return rng.pick([0, 1, 1, 2, 3, 4, 7, 8, 9, 15, 16, 17, 24, 31, 32, 33, 63, 64, 0x21, 0xff]);
}
