/**
 * Initial x87 state for cases of x87 entries, as a 108-byte FNSAVE image (32-bit protected-mode
 * layout, SDM Vol. 1 §8.1.10, Figure 8-9): control word with random rounding and precision
 * control, a random TOP, a few valid registers holding edge values (zeros, infinities, NaNs,
 * denormals, unnormals, the limits) or ordinary numbers, the rest empty, and a tag word that
 * agrees with the contents (FRSTOR only honours empty/non-empty on current CPUs).
 */
import { FPU_IMAGE_SIZE } from "../layout";
import type { Prng } from "../prng";

/** An 80-bit value as sign/exponent word and the 64-bit significand halves. */
type F80 = readonly [se: number, hi: number, lo: number];

const EDGE_F80: readonly F80[] = [
  [0x0000, 0, 0], // +0
  [0x8000, 0, 0], // -0
  [0x3fff, 0x80000000, 0], // 1
  [0xbfff, 0x80000000, 0], // -1
  [0x4000, 0xc0000000, 0], // 3
  [0x3ffe, 0x80000000, 0], // 0.5
  [0x4000, 0xc90fdaa2, 0x2168c235], // pi
  [0x7ffe, 0xffffffff, 0xffffffff], // largest normal
  [0x0001, 0x80000000, 0], // smallest normal
  [0x0000, 0x00000000, 0x00000001], // smallest denormal
  [0x0000, 0x80000000, 0], // pseudo-denormal
  [0x7fff, 0x80000000, 0], // +infinity
  [0xffff, 0x80000000, 0], // -infinity
  [0x7fff, 0xc0000000, 0], // quiet NaN
  [0x7fff, 0xa0000000, 0], // signalling NaN
  [0xffff, 0xc0000000, 0], // the real indefinite
  [0x3fff, 0x40000000, 0], // unnormal (integer bit clear): invalid operand
  [0x401d, 0xffffffff, 0xfffffffe], // just below 2^31 * 2
  [0x403e, 0x80000000, 0], // 2^63
];

export function randomF80(rng: Prng): F80 {
  if (rng.chance(0.35)) return rng.pick(EDGE_F80);
  // an ordinary normal number within a few dozen binades of 1 (or anywhere, sometimes)
  const exp = rng.chance(0.8) ? 0x3fff - 40 + rng.below(80) : 1 + rng.below(0x7ffe);
  return [(rng.chance(0.5) ? 0x8000 : 0) | exp, (rng.u32() | 0x80000000) >>> 0, rng.u32()];
}

/** Tag of a value (SDM Vol. 1 §8.1.7): 0 valid, 1 zero, 2 special (NaN, infinity, denormal, unnormal). */
function tagOf([se, hi, lo]: F80): number {
  const exp = se & 0x7fff;
  if (exp === 0) return hi === 0 && lo === 0 ? 1 : 2;
  if (exp === 0x7fff) return 2;
  return hi & 0x80000000 ? 0 : 2;
}

export function randomFpuImage(rng: Prng): Uint8Array {
  const img = new Uint8Array(FPU_IMAGE_SIZE);
  const dv = new DataView(img.buffer);
  const rc = rng.below(4) << 10;
  const pc = rng.pick([0, 2, 3, 3, 3]) << 8;
  const masks = rng.chance(0.85) ? 0x3f : rng.u32() & 0x3f;
  const cw = 0x0040 | rc | pc | masks;
  const top = rng.below(8);
  const count = rng.chance(0.1) ? 8 : rng.chance(0.1) ? 0 : 1 + rng.below(5);
  let tw = 0xffff;
  const regs: F80[] = [];
  for (let i = 0; i < 8; i++) {
    const v: F80 = i < count ? randomF80(rng) : [rng.u32() & 0xffff, rng.u32(), rng.u32()];
    regs.push(v);
    if (i < count) {
      const phys = (top + i) & 7;
      tw = (tw & ~(3 << (phys * 2))) | (tagOf(v) << (phys * 2));
    }
  }
  // condition codes at random; sticky exception flags only when masked (no pending #MF)
  let sw = (top << 11) | (rng.u32() & 0x4700);
  if (rng.chance(0.2)) sw |= rng.u32() & masks & 0x3f;
  dv.setUint32(0, 0xffff0000 | cw, true);
  dv.setUint32(4, 0xffff0000 | sw, true);
  dv.setUint32(8, 0xffff0000 | tw, true);
  regs.forEach(([se, hi, lo], i) => {
    dv.setUint32(28 + i * 10, lo >>> 0, true);
    dv.setUint32(32 + i * 10, hi >>> 0, true);
    dv.setUint16(36 + i * 10, se & 0xffff, true);
  });
  return img;
}

/** Writes an x87 memory operand of `size` bytes: edge values of its formats, or leaves random bytes. */
export function writeX87Operand(rng: Prng, bytes: Uint8Array, off: number, size: number): void {
  if (off < 0 || off + size > bytes.length || rng.chance(0.3)) return;
  const dv = new DataView(bytes.buffer, bytes.byteOffset);
  const float = rng.chance(0.5);
  const FLOATS = [0, -0, 1, -1, 0.5, 3, Math.PI, 1e10, -1e-10, 1e-310, 5e-324, Infinity, -Infinity, NaN, 3.4e38, 1.7e308, 2 ** 31, -(2 ** 31), 2 ** 63];
  switch (size) {
    case 2:
      dv.setInt16(off, rng.pick([0, 1, -1, 0x7fff, -0x8000, 100, rng.u32() & 0xffff]), true);
      break;
    case 4:
      if (float) dv.setFloat32(off, rng.chance(0.7) ? rng.pick(FLOATS) : (rng.u32() / 0x10000 - 0x8000), true);
      else dv.setInt32(off, rng.pick([0, 1, -1, 0x7fffffff, -0x80000000, rng.u32() | 0]), true);
      break;
    case 8:
      if (float) dv.setFloat64(off, rng.chance(0.7) ? rng.pick(FLOATS) : (rng.u32() - 0x80000000) / 7, true);
      else {
        dv.setUint32(off, rng.u32(), true);
        dv.setUint32(off + 4, rng.pick([0, 0xffffffff, 0x7fffffff, 0x80000000, rng.u32()]), true);
      }
      break;
    case 10: {
      const [se, hi, lo] = randomF80(rng);
      dv.setUint32(off, lo >>> 0, true);
      dv.setUint32(off + 4, hi >>> 0, true);
      dv.setUint16(off + 8, se, true);
      break;
    }
    default:
      break;
  }
}

/** ST(0) of an FNSAVE image. */
export function st0Of(img: Uint8Array): [number, number, number] {
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  return [dv.getUint16(36, true), dv.getUint32(32, true), dv.getUint32(28, true)];
}
