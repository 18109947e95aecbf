/**
 * Segment-register loads in protected mode (SDM Vol. 3 §3.4 and Vol. 2 "MOV" / "POP" Operation
 * for segment registers): descriptor fetch from the GDT or LDT, the privilege and type checks in
 * the manual's order with their #GP/#SS/#NP error codes, the accessed bit, and the hidden
 * descriptor cache (base, limit scaled by G, attributes). Real mode loads base = selector << 4.
 * Descriptor tables are read with supervisor rights, as the processor's implicit accesses are.
 */
import { raise, VEC_GP, VEC_NP, VEC_SS } from "./exceptions";
import type { Cpu } from "./cpu";
import {
  CR0_PE,
  S_CPL,
  S_CR0,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  SS,
} from "./state";

/** Descriptor words fetched by readDescriptor (low, high). Module-level to avoid allocation. */
export const desc = { lo: 0, hi: 0, addr: 0 };

/** Attribute bits (descriptor high dword >> 8). */
export const ATTR_ACCESSED = 0x1;
export const ATTR_S = 0x10;
export const ATTR_P = 0x80;
export const ATTR_DB = 0x4000;
export const ATTR_G = 0x8000;

/**
 * Fetches the descriptor of `selector` into `desc`; returns false when the index is beyond the
 * table limit (callers raise their own fault).
 */
export function readDescriptor(cpu: Cpu, selector: number): boolean {
  const s = cpu.s;
  const ti = (selector & 4) !== 0;
  const base = ti ? s[S_LDTR_BASE]! : s[S_GDTR_BASE]!;
  const limit = ti ? s[S_LDTR_LIMIT]! : s[S_GDTR_LIMIT]!;
  const index = selector & 0xfff8;
  if (index + 7 > (limit >>> 0)) return false;
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    desc.addr = (base + index) | 0;
    desc.lo = mmu.read32(desc.addr);
    desc.hi = mmu.read32((desc.addr + 4) | 0);
  } finally {
    mmu.userAccess = user;
  }
  return true;
}

export function descriptorBase(lo: number, hi: number): number {
  return ((lo >>> 16) | ((hi & 0xff) << 16) | (hi & 0xff000000)) | 0;
}

export function descriptorLimit(lo: number, hi: number): number {
  const raw = (lo & 0xffff) | (hi & 0xf0000);
  return (hi & 0x800000) !== 0 ? ((raw << 12) | 0xfff) | 0 : raw;
}

/** Loads the hidden cache of `seg` from raw descriptor words. */
export function setSegmentCache(cpu: Cpu, seg: number, selector: number, lo: number, hi: number): void {
  const s = cpu.s;
  s[S_SEL + seg] = selector & 0xffff;
  s[S_SEG_BASE + seg] = descriptorBase(lo, hi);
  s[S_SEG_LIMIT + seg] = descriptorLimit(lo, hi);
  s[S_SEG_ATTR + seg] = (hi >>> 8) & 0xffff;
}

/** MOV Sreg / POP Sreg / LxS for a data or stack segment register (not CS). */
export function loadSegment(cpu: Cpu, seg: number, selector: number): void {
  const s = cpu.s;
  selector &= 0xffff;
  if ((s[S_CR0]! & CR0_PE) === 0) {
    s[S_SEL + seg] = selector;
    s[S_SEG_BASE + seg] = selector << 4;
    return;
  }
  const cpl = s[S_CPL]!;
  const rpl = selector & 3;
  if ((selector & 0xfffc) === 0) {
    if (seg === SS) raise(VEC_GP, 0);
    // A null selector makes the register unusable: later accesses through it #GP(0).
    s[S_SEL + seg] = selector;
    s[S_SEG_BASE + seg] = 0;
    s[S_SEG_LIMIT + seg] = 0;
    s[S_SEG_ATTR + seg] = 0;
    return;
  }
  const err = selector & 0xfffc;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  const dpl = (attr >> 5) & 3;
  const type = attr & 0xf;
  const code = (type & 8) !== 0;
  if ((attr & ATTR_S) === 0) raise(VEC_GP, err);
  if (seg === SS) {
    // Writable data segment with RPL = DPL = CPL.
    if (code || (type & 2) === 0 || rpl !== cpl || dpl !== cpl) raise(VEC_GP, err);
    if ((attr & ATTR_P) === 0) raise(VEC_SS, err);
  } else {
    // Data or readable code; for data and non-conforming code, RPL <= DPL and CPL <= DPL.
    if (code && (type & 2) === 0) raise(VEC_GP, err);
    const conforming = code && (type & 4) !== 0;
    if (!conforming && (rpl > dpl || cpl > dpl)) raise(VEC_GP, err);
    if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  }
  if ((attr & ATTR_ACCESSED) === 0) {
    desc.hi |= 0x100;
    const mmu = cpu.mmu;
    const user = mmu.userAccess;
    mmu.userAccess = 0;
    try {
      mmu.write32((desc.addr + 4) | 0, desc.hi);
    } finally {
      mmu.userAccess = user;
    }
  }
  setSegmentCache(cpu, seg, selector, desc.lo, desc.hi);
}
