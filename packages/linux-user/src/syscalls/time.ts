/**
 * Time, deterministic: the guest's clocks advance with retired instructions (1 ns each, from a
 * fixed epoch), so a program prints the same thing on every run and on every engine.
 */
import { EFAULT, EINVAL } from "../abi/errno";
import type { LinuxProcess } from "../process";
import type { SyscallDef } from "./types";

const CLOCK_MAX = 11;

function clockGettime(p: LinuxProcess, clock: number, tp: number, wide: boolean): number {
  if (clock < 0 || clock > CLOCK_MAX) return -EINVAL;
  const ns = p.nowNs();
  const sec = Math.floor(ns / 1e9);
  const nsec = ns - sec * 1e9;
  const b = new Uint8Array(wide ? 16 : 8);
  const dv = new DataView(b.buffer);
  if (wide) {
    dv.setUint32(0, sec >>> 0, true);
    dv.setUint32(4, Math.floor(sec / 4294967296), true);
    dv.setUint32(8, nsec, true);
  } else {
    dv.setUint32(0, sec >>> 0, true);
    dv.setUint32(4, nsec, true);
  }
  return p.copyOut(tp, b) ? 0 : -EFAULT;
}

export const timeSyscalls: readonly SyscallDef[] = [
  { nr: 265, name: "clock_gettime", support: "partial", note: "deterministic: 1 ns per retired instruction", handler: (p, c, tp) => clockGettime(p, c, tp, false) },
  { nr: 403, name: "clock_gettime64", support: "partial", note: "deterministic", handler: (p, c, tp) => clockGettime(p, c, tp, true) },
  {
    nr: 266,
    name: "clock_getres",
    support: "full",
    handler: (p, c, tp) => {
      if (c < 0 || c > CLOCK_MAX) return -EINVAL;
      if (tp === 0) return 0;
      const b = new Uint8Array(8);
      new DataView(b.buffer).setUint32(4, 1, true);
      return p.copyOut(tp, b) ? 0 : -EFAULT;
    },
  },
  {
    nr: 78,
    name: "gettimeofday",
    support: "partial",
    note: "deterministic",
    handler: (p, tv) => {
      if (tv === 0) return 0;
      const ns = p.nowNs();
      const b = new Uint8Array(8);
      const dv = new DataView(b.buffer);
      dv.setUint32(0, Math.floor(ns / 1e9) >>> 0, true);
      dv.setUint32(4, Math.floor((ns % 1e9) / 1000), true);
      return p.copyOut(tv, b) ? 0 : -EFAULT;
    },
  },
  {
    nr: 13,
    name: "time",
    support: "partial",
    note: "deterministic",
    handler: (p, tloc) => {
      const t = Math.floor(p.nowNs() / 1e9);
      if (tloc !== 0) {
        const b = new Uint8Array(4);
        new DataView(b.buffer).setUint32(0, t >>> 0, true);
        if (!p.copyOut(tloc, b)) return -EFAULT;
      }
      return t | 0;
    },
  },
  { nr: 162, name: "nanosleep", support: "partial", note: "returns at once (time is instruction-driven)", handler: () => 0 },
];
