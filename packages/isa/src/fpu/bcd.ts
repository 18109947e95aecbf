// FBLD/FBSTP: 18-digit packed BCD (SDM Vol. 1, 4.7): nine bytes of two digits each, least
// significant first, then a sign byte (bit 7). BigInt is used here: BCD conversion is rare
// and off the hot path.

import { SW } from "./float80";
import { f80FromInt64, f80ToInt } from "./convert";
import { IN } from "./operand";
import { R } from "./round";

/** R <- the value of a packed BCD operand given as dwords lo, mid and the top 16 bits. */
export function f80FromBcd(lo: number, mid: number, top: number): void {
  let v = 0n;
  const bytes = [lo, lo >>> 8, lo >>> 16, lo >>> 24, mid, mid >>> 8, mid >>> 16, mid >>> 24, top];
  for (let i = 8; i >= 0; i--) {
    const b = bytes[i]! & 0xff;
    v = v * 100n + BigInt((b >>> 4) * 10 + (b & 15));
  }
  const neg = (top & 0x8000) !== 0;
  if (v === 0n) {
    R.se = neg ? 0x8000 : 0;
    R.hi = 0;
    R.lo = 0;
    return;
  }
  const n = neg ? -v : v;
  IN[0] = Number(BigInt.asUintN(32, n));
  IN[1] = Number(BigInt.asUintN(32, n >> 32n));
  f80FromInt64();
}

/**
 * FBSTP: round IN[0..2] per `rc` to an integer and pack it. R.lo, R.hi, R.se <- the 10 bytes (R.se holds
 * bytes 9..8). Out of range (|v| >= 10^18), NaN, infinity, unsupported: IE and the BCD indefinite.
 */
export function f80ToBcd(rc: number): void {
  const se = IN[0]!;
  f80ToInt(64, rc);
  let v = (BigInt(R.hi) << 32n) | BigInt(R.lo);
  v = BigInt.asIntN(64, v);
  const neg = v < 0n || (v === 0n && (se & 0x8000) !== 0);
  if (v < 0n) v = -v;
  if (R.flags & SW.IE || v >= 1000000000000000000n) {
    R.flags = (R.flags & ~(SW.PE | SW.C1)) | SW.IE;
    R.lo = 0;
    R.hi = 0xc0000000;
    R.se = 0xffff;
    return;
  }
  const b = new Uint8Array(10);
  for (let i = 0; i < 9; i++) {
    const d = Number(v % 100n);
    v /= 100n;
    b[i] = ((Math.floor(d / 10) << 4) | (d % 10)) & 0xff;
  }
  b[9] = neg ? 0x80 : 0;
  R.lo = (b[0]! | (b[1]! << 8) | (b[2]! << 16) | (b[3]! << 24)) >>> 0;
  R.hi = (b[4]! | (b[5]! << 8) | (b[6]! << 16) | (b[7]! << 24)) >>> 0;
  R.se = b[8]! | (b[9] << 8);
}
