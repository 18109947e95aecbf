// FSTENV/FLDENV and FSAVE/FRSTOR memory images (SDM Vol. 1, 8.1.10, Figures 8-9 to 8-12): the
// 28-byte 32-bit and 14-byte 16-bit environments, in protected-mode and real-mode layouts,
// followed for FSAVE/FRSTOR by ST(0)..ST(7) as 80-bit values (108 and 94 bytes in all).

import { tagOf } from "./float80";
import { type X87State, isEmpty, x87Init, x87SetStatusWord, x87StatusWord } from "./state";
import { x87UpdateES } from "./ops";

/** Environment layouts: operand size (32/16) and mode (protected/real or virtual-8086). */
export const X87EnvFormat = { Protected32: 0, Protected16: 1, Real32: 2, Real16: 3 } as const;
export type X87EnvFormat = (typeof X87EnvFormat)[keyof typeof X87EnvFormat];

export function x87EnvSize(format: X87EnvFormat): number {
  return format === X87EnvFormat.Protected32 || format === X87EnvFormat.Real32 ? 28 : 14;
}

/** The full tag word as FSTENV reports it: 11 for empty, else valid/zero/special from contents. */
export function x87TagWord(fpu: X87State): number {
  let tw = 0;
  for (let p = 0; p < 8; p++) {
    const t = isEmpty(fpu, p) ? 3 : tagOf(fpu.se[p]!, fpu.hi[p]!, fpu.lo[p]!);
    tw |= t << (p * 2);
  }
  return tw;
}

function w16(m: Uint8Array, o: number, v: number): void {
  m[o] = v & 0xff;
  m[o + 1] = (v >>> 8) & 0xff;
}

function w32(m: Uint8Array, o: number, v: number): void {
  w16(m, o, v);
  w16(m, o + 2, v >>> 16);
}

function r16(m: Uint8Array, o: number): number {
  return m[o]! | (m[o + 1]! << 8);
}

function r32(m: Uint8Array, o: number): number {
  return (r16(m, o) | (r16(m, o + 2) << 16)) >>> 0;
}

/** Bounds check: a short buffer is the caller's bug, reported with the offending field. */
function need(m: Uint8Array, off: number, size: number, what: string): void {
  if (off < 0 || off + size > m.length) {
    throw new RangeError(`x87 ${what}: ${size}-byte image at offset ${off} overruns a ${m.length}-byte buffer`);
  }
}

/** FNSTENV: write the environment; all exceptions are then masked (SDM Vol. 2, FSTENV). */
export function x87StoreEnv(fpu: X87State, m: Uint8Array, off: number, format: X87EnvFormat): void {
  storeEnvImage(fpu, m, off, format);
  fpu.cw |= 0x3f;
}

function storeEnvImage(fpu: X87State, m: Uint8Array, off: number, format: X87EnvFormat): void {
  need(m, off, x87EnvSize(format), "FSTENV");
  const sw = x87StatusWord(fpu);
  const tw = x87TagWord(fpu);
  switch (format) {
    case X87EnvFormat.Protected32:
      w32(m, off, 0xffff0000 | fpu.cw);
      w32(m, off + 4, 0xffff0000 | sw);
      w32(m, off + 8, 0xffff0000 | tw);
      w32(m, off + 12, fpu.fip);
      w32(m, off + 16, (fpu.fcs & 0xffff) | ((fpu.fop & 0x7ff) << 16));
      w32(m, off + 20, fpu.fdp);
      w32(m, off + 24, 0xffff0000 | fpu.fds);
      break;
    case X87EnvFormat.Protected16:
      w16(m, off, fpu.cw);
      w16(m, off + 2, sw);
      w16(m, off + 4, tw);
      w16(m, off + 6, fpu.fip);
      w16(m, off + 8, fpu.fcs);
      w16(m, off + 10, fpu.fdp);
      w16(m, off + 12, fpu.fds);
      break;
    case X87EnvFormat.Real32: {
      // Real mode stores linear addresses: selector * 16 + offset.
      const ip = (fpu.fcs * 16 + fpu.fip) >>> 0;
      const dp = (fpu.fds * 16 + fpu.fdp) >>> 0;
      w32(m, off, 0xffff0000 | fpu.cw);
      w32(m, off + 4, 0xffff0000 | sw);
      w32(m, off + 8, 0xffff0000 | tw);
      w32(m, off + 12, 0xffff0000 | (ip & 0xffff));
      w32(m, off + 16, ((ip >>> 16) << 12) | (fpu.fop & 0x7ff));
      w32(m, off + 20, 0xffff0000 | (dp & 0xffff));
      w32(m, off + 24, (dp >>> 16) << 12);
      break;
    }
    default: {
      const ip = (fpu.fcs * 16 + fpu.fip) >>> 0;
      const dp = (fpu.fds * 16 + fpu.fdp) >>> 0;
      w16(m, off, fpu.cw);
      w16(m, off + 2, sw);
      w16(m, off + 4, tw);
      w16(m, off + 6, ip);
      w16(m, off + 8, (((ip >>> 16) & 0xf) << 12) | (fpu.fop & 0x7ff));
      w16(m, off + 10, dp);
      w16(m, off + 12, ((dp >>> 16) & 0xf) << 12);
    }
  }
}

/** FLDENV: load the environment; tags other than 11 mean "in use". */
export function x87LoadEnv(fpu: X87State, m: Uint8Array, off: number, format: X87EnvFormat): void {
  need(m, off, x87EnvSize(format), "FLDENV");
  const wide = format === X87EnvFormat.Protected32 || format === X87EnvFormat.Real32;
  const s = wide ? 4 : 2;
  const cw = r16(m, off);
  const sw = r16(m, off + s);
  const tw = r16(m, off + 2 * s);
  fpu.cw = (cw & 0x1f3f) | 0x40;
  x87SetStatusWord(fpu, sw);
  let t = 0;
  for (let p = 0; p < 8; p++) if (((tw >>> (p * 2)) & 3) === 3) t |= 3 << (p * 2);
  fpu.tw = t;
  switch (format) {
    case X87EnvFormat.Protected32:
      fpu.fip = r32(m, off + 12);
      fpu.fcs = r16(m, off + 16);
      fpu.fop = r16(m, off + 18) & 0x7ff;
      fpu.fdp = r32(m, off + 20);
      fpu.fds = r16(m, off + 24);
      break;
    case X87EnvFormat.Protected16:
      fpu.fip = r16(m, off + 6);
      fpu.fcs = r16(m, off + 8);
      fpu.fdp = r16(m, off + 10);
      fpu.fds = r16(m, off + 12);
      break;
    case X87EnvFormat.Real32:
      fpu.fcs = 0;
      fpu.fip = (r16(m, off + 12) | ((r32(m, off + 16) >>> 12) << 16)) >>> 0;
      fpu.fop = r16(m, off + 16) & 0x7ff;
      fpu.fds = 0;
      fpu.fdp = (r16(m, off + 20) | ((r32(m, off + 24) >>> 12) << 16)) >>> 0;
      break;
    default:
      fpu.fcs = 0;
      fpu.fip = r16(m, off + 6) | ((r16(m, off + 8) >>> 12) << 16);
      fpu.fop = r16(m, off + 8) & 0x7ff;
      fpu.fds = 0;
      fpu.fdp = r16(m, off + 10) | ((r16(m, off + 12) >>> 12) << 16);
  }
  x87UpdateES(fpu);
}

export function x87SaveSize(format: X87EnvFormat): number {
  return x87EnvSize(format) + 80;
}

/** FNSAVE: environment plus ST(0)..ST(7), then FNINIT. */
export function x87Save(fpu: X87State, m: Uint8Array, off: number, format: X87EnvFormat): void {
  need(m, off, x87SaveSize(format), "FSAVE");
  storeEnvImage(fpu, m, off, format);
  let o = off + x87EnvSize(format);
  for (let i = 0; i < 8; i++) {
    const p = (fpu.top + i) & 7;
    w32(m, o, fpu.lo[p]!);
    w32(m, o + 4, fpu.hi[p]!);
    w16(m, o + 8, fpu.se[p]!);
    o += 10;
  }
  x87Init(fpu);
}

/** FRSTOR: environment plus ST(0)..ST(7). */
export function x87Restore(fpu: X87State, m: Uint8Array, off: number, format: X87EnvFormat): void {
  need(m, off, x87SaveSize(format), "FRSTOR");
  x87LoadEnv(fpu, m, off, format);
  let o = off + x87EnvSize(format);
  for (let i = 0; i < 8; i++) {
    const p = (fpu.top + i) & 7;
    fpu.lo[p] = r32(m, o);
    fpu.hi[p] = r32(m, o + 4);
    fpu.se[p] = r16(m, o + 8);
    o += 10;
  }
}
