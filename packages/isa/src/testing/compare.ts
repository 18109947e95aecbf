/**
 * Compares an engine's result with the reference's, under the case's mask and the harness-wide
 * rules of ./mask.ts. Returns the differences, empty when the results match.
 */
import { type CaseResult, type ConformanceCase, GPR_NAMES, SREG_NAMES, VECTOR_CRASH, VECTOR_TIMEOUT } from "./case";
import { EFLAGS_COMPARED, PF_ERROR_COMPARED } from "./mask";

export interface Difference {
  readonly field: string;
  readonly expected: string;
  readonly actual: string;
}

const hex = (v: number, digits = 8): string => "0x" + (v >>> 0).toString(16).padStart(digits, "0");

export function vectorLabel(v: number): string {
  if (v === VECTOR_TIMEOUT) return "timeout";
  if (v === VECTOR_CRASH) return "engine crashed";
  const names: Record<number, string> = {
    0: "#DE", 1: "#DB", 3: "#BP", 4: "#OF", 5: "#BR", 6: "#UD", 7: "#NM", 8: "#DF", 10: "#TS", 11: "#NP",
    12: "#SS", 13: "#GP", 14: "#PF", 16: "#MF", 17: "#AC", 18: "#MC", 19: "#XM",
  };
  return names[v] ?? `vector ${v}`;
}

export function compareResults(c: ConformanceCase, expected: CaseResult, actual: CaseResult): Difference[] {
  const d: Difference[] = [];
  // Both looped until stopped (the host by its 200 ms watchdog, the engine by its budget): the
  // state at that moment depends on timing, not on the architecture.
  if (expected.vector === VECTOR_TIMEOUT && actual.vector === VECTOR_TIMEOUT) return d;
  if (expected.vector !== actual.vector) {
    d.push({ field: "exception", expected: vectorLabel(expected.vector), actual: vectorLabel(actual.vector) });
  } else if (expected.errorCode >= 0 || actual.errorCode >= 0) {
    const m = expected.vector === 14 ? PF_ERROR_COMPARED : 0xffffffff;
    if (((expected.errorCode & m) >>> 0) !== ((actual.errorCode & m) >>> 0)) {
      d.push({ field: "error code", expected: hex(expected.errorCode, 4), actual: hex(actual.errorCode, 4) });
    }
  }
  const cr2Mask = c.mask.cr2Page ? 0xfffff000 : 0xffffffff;
  if (expected.vector === 14 && actual.vector === 14 && ((expected.cr2 ^ actual.cr2) & cr2Mask) !== 0) {
    d.push({ field: "cr2", expected: hex(expected.cr2), actual: hex(actual.cr2) });
  }
  if (expected.eip >>> 0 !== actual.eip >>> 0) d.push({ field: "eip", expected: hex(expected.eip), actual: hex(actual.eip) });
  for (let i = 0; i < 8; i++) {
    const m = ~(c.mask.regs?.[i] ?? 0);
    const e = ((expected.regs[i] ?? 0) & m) >>> 0;
    const a = ((actual.regs[i] ?? 0) & m) >>> 0;
    if (e !== a) d.push({ field: GPR_NAMES[i] ?? `r${i}`, expected: hex(expected.regs[i] ?? 0), actual: hex(actual.regs[i] ?? 0) });
  }
  const fm = EFLAGS_COMPARED & ~c.mask.eflags;
  if (((expected.eflags ^ actual.eflags) & fm) !== 0) {
    d.push({
      field: "eflags",
      expected: `${hex(expected.eflags)} ${flagString(expected.eflags)}`,
      actual: `${hex(actual.eflags)} ${flagString(actual.eflags)} (differ: ${flagString((expected.eflags ^ actual.eflags) & fm)})`,
    });
  }
  for (let i = 0; i < 6; i++) {
    if ((expected.sregs[i] ?? 0) !== (actual.sregs[i] ?? 0)) {
      d.push({ field: SREG_NAMES[i] ?? `sreg${i}`, expected: hex(expected.sregs[i] ?? 0, 4), actual: hex(actual.sregs[i] ?? 0, 4) });
    }
  }
  d.push(...compareMemory(c, expected, actual));
  if (c.fpu && expected.fpu && actual.fpu) d.push(...compareFpu(c, expected.fpu, actual.fpu));
  if (c.fxsave) {
    if (expected.fxsave && actual.fxsave) d.push(...compareFxsave(c, expected.fxsave, actual.fxsave));
    else if (expected.fxsave) d.push({ field: "fxsave", expected: "an FXSAVE image", actual: "none reported" });
  }
  return d;
}

/**
 * x87 state from two FNSAVE images: control, status and tag words, and the registers that are not
 * empty. The instruction and operand pointers (FIP, FCS, FOP, FDP, FDS) are not compared: AMD
 * processors save them only while an exception is pending.
 */
function compareFpu(c: ConformanceCase, e: Uint8Array, a: Uint8Array): Difference[] {
  const out: Difference[] = [];
  const ed = new DataView(e.buffer, e.byteOffset, e.byteLength);
  const ad = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const word = (dv: DataView, off: number): number => dv.getUint16(off, true);
  if (word(ed, 0) !== word(ad, 0)) out.push({ field: "fpu cw", expected: hex(word(ed, 0), 4), actual: hex(word(ad, 0), 4) });
  const swMask = ~(c.mask.fpuStatus ?? 0) & 0xffff;
  if (((word(ed, 4) ^ word(ad, 4)) & swMask) !== 0) {
    out.push({ field: "fpu sw", expected: hex(word(ed, 4), 4), actual: hex(word(ad, 4), 4) });
  }
  const tw = word(ed, 8);
  const top = (word(ed, 4) >>> 11) & 7;
  // the tags of registers whose value is undefined are not compared either
  let twMask = 0xffff;
  for (let i = 0; i < 8; i++) if (((c.mask.fpuRegs ?? 0) >>> i) & 1) twMask &= ~(3 << (((top + i) & 7) * 2));
  if (((tw ^ word(ad, 8)) & twMask) !== 0) out.push({ field: "fpu tw", expected: hex(tw, 4), actual: hex(word(ad, 8), 4) });
  for (let i = 0; i < 8; i++) {
    if (((tw >>> (((top + i) & 7) * 2)) & 3) === 3) continue; // empty in the reference
    if (((c.mask.fpuRegs ?? 0) >>> i) & 1) continue;
    const off = 28 + i * 10;
    const ev = f80Bits(ed, off);
    const av = f80Bits(ad, off);
    const ulps = c.mask.fpuUlps ?? 0;
    const diff = ev > av ? ev - av : av - ev;
    if (diff > BigInt(ulps)) out.push({ field: `st(${i})`, expected: f80Text(ed, off), actual: f80Text(ad, off) });
  }
  return out;
}

/**
 * MMX/SSE state from two FXSAVE images: FCW, FSW, the abridged tag byte, the MMX/x87 registers
 * whose tag is valid, MXCSR and XMM0-7. FOP/FIP/FDP are not compared (see compareFpu).
 */
function compareFxsave(c: ConformanceCase, e: Uint8Array, a: Uint8Array): Difference[] {
  const out: Difference[] = [];
  const ed = new DataView(e.buffer, e.byteOffset, e.byteLength);
  const ad = new DataView(a.buffer, a.byteOffset, a.byteLength);
  const w16 = (dv: DataView, o: number): number => dv.getUint16(o, true);
  if (w16(ed, 0) !== w16(ad, 0)) out.push({ field: "fpu cw", expected: hex(w16(ed, 0), 4), actual: hex(w16(ad, 0), 4) });
  if (w16(ed, 2) !== w16(ad, 2)) out.push({ field: "fpu sw", expected: hex(w16(ed, 2), 4), actual: hex(w16(ad, 2), 4) });
  const ftw = e[4] ?? 0;
  if (ftw !== a[4]) out.push({ field: "fpu ftw (abridged)", expected: hex(ftw, 2), actual: hex(a[4] ?? 0, 2) });
  const top = (w16(ed, 2) >>> 11) & 7;
  for (let i = 0; i < 8; i++) {
    if (((ftw >>> ((top + i) & 7)) & 1) === 0) continue; // empty in the reference
    const o = 32 + i * 16;
    if (ed.getBigUint64(o, true) !== ad.getBigUint64(o, true) || w16(ed, o + 8) !== w16(ad, o + 8)) {
      out.push({ field: `st(${i})/mm`, expected: f80Text(ed, o), actual: f80Text(ad, o) });
    }
  }
  if (ed.getUint32(24, true) !== ad.getUint32(24, true)) {
    out.push({ field: "mxcsr", expected: hex(ed.getUint32(24, true)), actual: hex(ad.getUint32(24, true)) });
  }
  for (let i = 0; i < 8; i++) {
    if (((c.mask.xmmRegs ?? 0) >>> i) & 1) continue;
    const o = 160 + i * 16;
    const x = (dv: DataView): string =>
      `${hex(dv.getUint32(o + 12, true))}_${hex(dv.getUint32(o + 8, true)).slice(2)}_${hex(dv.getUint32(o + 4, true)).slice(2)}_${hex(dv.getUint32(o, true)).slice(2)}`;
    if (ed.getBigUint64(o, true) !== ad.getBigUint64(o, true) || ed.getBigUint64(o + 8, true) !== ad.getBigUint64(o + 8, true)) {
      out.push({ field: `xmm${i}`, expected: x(ed), actual: x(ad) });
    }
  }
  return out;
}

/**
 * An 80-bit value as an integer ordered like the reals, one step per unit in the last place: the
 * explicit integer bit is folded into the exponent (exponent * 2^63 + fraction), so 0.999...9
 * and 1.0 are one apart; the sign turns sign-magnitude into a signed integer.
 */
function f80Bits(dv: DataView, off: number): bigint {
  const se = dv.getUint16(off + 8, true);
  const sig = (BigInt(dv.getUint32(off + 4, true)) << 32n) | BigInt(dv.getUint32(off, true));
  const exp = BigInt(se & 0x7fff);
  const mag = exp === 0n ? sig : (exp << 63n) + (sig & 0x7fffffffffffffffn);
  return se & 0x8000 ? -mag : mag;
}

function f80Text(dv: DataView, off: number): string {
  return `${hex(dv.getUint16(off + 8, true), 4)}:${hex(dv.getUint32(off + 4, true))}${hex(dv.getUint32(off, true)).slice(2)}`;
}

function compareMemory(c: ConformanceCase, expected: CaseResult, actual: CaseResult): Difference[] {
  const masked = (addr: number): boolean =>
    (c.mask.memory ?? []).some((m) => addr >= m.address && addr < m.address + m.length);
  const e = new Map(expected.memory.map(([a, v]) => [a >>> 0, v]));
  const a = new Map(actual.memory.map(([ad, v]) => [ad >>> 0, v]));
  const initial = (addr: number): number => {
    for (const r of c.regions) if (addr >= r.address && addr < r.address + r.bytes.length) return r.bytes[addr - r.address] ?? 0;
    return -1;
  };
  const out: Difference[] = [];
  const addrs = [...new Set([...e.keys(), ...a.keys()])].sort((x, y) => x - y);
  for (const addr of addrs) {
    if (masked(addr)) continue;
    const ev = e.get(addr) ?? initial(addr);
    const av = a.get(addr) ?? initial(addr);
    if (ev !== av) {
      out.push({ field: `mem[${hex(addr)}]`, expected: hex(ev, 2), actual: hex(av, 2) });
      if (out.length >= 16) {
        out.push({ field: "mem", expected: "...", actual: "(more differing bytes not shown)" });
        break;
      }
    }
  }
  return out;
}

const FLAG_BITS: readonly [number, string][] = [
  [0x800, "OF"], [0x400, "DF"], [0x200, "IF"], [0x100, "TF"], [0x80, "SF"], [0x40, "ZF"], [0x10, "AF"], [0x4, "PF"],
  [0x1, "CF"], [0x4000, "NT"], [0x40000, "AC"], [0x200000, "ID"], [0x10000, "RF"],
];

export function flagString(f: number): string {
  const s = FLAG_BITS.filter(([b]) => f & b).map(([, n]) => n);
  const iopl = (f >>> 12) & 3;
  if (iopl) s.push(`IOPL=${iopl}`);
  return s.length ? s.join(" ") : "-";
}
