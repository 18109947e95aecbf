/**
 * Initial MMX/SSE state for cases of MMX and SSE entries, as a 512-byte FXSAVE image (SDM Vol. 1
 * §10.5.1, Table 10-2): x87 control/status in their FNINIT values, the MMX registers (the x87
 * significands) and XMM0-7 holding integer and floating-point edge values, MXCSR with random
 * rounding, FZ/DAZ and, sometimes, unmasked exceptions.
 */
import { FXSAVE_IMAGE_SIZE } from "../layout";
import type { Prng } from "../prng";
import { edgeValue } from "./values";

const F32 = [0, -0, 1, -1, 0.5, 1.5, -2.75, 3.4028234663852886e38, 1.1754943508222875e-38, 1e-45, Infinity, -Infinity, NaN, 2 ** 31, -(2 ** 31), 1e10];
const F64 = [0, -0, 1, -1, 0.1, 1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, Infinity, -Infinity, NaN, 2 ** 31, -(2 ** 63), 1e300, 12345.678];

/** Fills 16 bytes (or `size`) at `off` with a lane pattern: int8/16/32/64 edges or f32/f64 edges. */
export function fillVector(rng: Prng, bytes: Uint8Array, off: number, size: number): void {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = rng.below(6);
  for (let i = 0; i < size; ) {
    if (kind === 0 && i + 4 <= size) {
      dv.setFloat32(off + i, rng.chance(0.6) ? rng.pick(F32) : (rng.u32() / 0x10000) * (rng.chance(0.5) ? 1 : -1), true);
      if (rng.chance(0.1)) dv.setUint32(off + i, 0x7fa00000 | (rng.u32() & 0xfffff), true); // signalling NaN
      i += 4;
    } else if (kind === 1 && i + 8 <= size) {
      dv.setFloat64(off + i, rng.chance(0.6) ? rng.pick(F64) : (rng.u32() - 0x80000000) / 3, true);
      i += 8;
    } else if (kind === 2 && i + 2 <= size) {
      dv.setUint16(off + i, edgeValue(rng, 16), true);
      i += 2;
    } else if (kind === 3) {
      bytes[off + i] = edgeValue(rng, 8);
      i += 1;
    } else if (i + 4 <= size) {
      dv.setUint32(off + i, edgeValue(rng, 32), true);
      i += 4;
    } else {
      bytes[off + i] = rng.u32() & 0xff;
      i += 1;
    }
  }
}

export function randomFxsaveImage(rng: Prng): Uint8Array {
  const img = new Uint8Array(FXSAVE_IMAGE_SIZE);
  const dv = new DataView(img.buffer);
  dv.setUint16(0, 0x037f, true); // FCW
  dv.setUint16(2, 0, true); // FSW: TOP = 0
  img[4] = rng.chance(0.7) ? 0xff : rng.u32() & 0xff; // abridged FTW: 1 = valid (MMX code leaves all valid)
  for (let i = 0; i < 8; i++) {
    fillVector(rng, img, 32 + i * 16, 8); // MMi = significand of ST(i)
    dv.setUint16(32 + i * 16 + 8, rng.chance(0.8) ? 0xffff : rng.u32() & 0xffff, true);
  }
  let mxcsr = 0x1f80 | (rng.below(4) << 13);
  if (rng.chance(0.15)) mxcsr |= 0x8000; // FZ
  if (rng.chance(0.15)) mxcsr |= 0x0040; // DAZ
  if (rng.chance(0.1)) mxcsr &= ~(rng.u32() & 0x1f80); // unmask some exceptions
  if (rng.chance(0.2)) mxcsr |= rng.u32() & 0x3f; // sticky flags
  dv.setUint32(24, mxcsr, true);
  dv.setUint32(28, 0x0000ffff, true); // MXCSR_MASK as FXSAVE reports it (ignored by FXRSTOR)
  for (let i = 0; i < 8; i++) fillVector(rng, img, 160 + i * 16, 16);
  return img;
}
