/**
 * Segment-register loads (SDM Vol. 3 §3.4-3.5 and Vol. 2 "MOV" / "POP" / "LDS/LES/LFS/LGS/LSS"
 * Operation for segment registers): descriptor fetch from the GDT or LDT, the privilege and type
 * checks in the manual's order with their #GP/#SS/#NP error codes, the accessed bit, and the hidden
 * descriptor cache (base, limit scaled by G, attributes).
 *
 * Real mode and virtual-8086 mode load only the selector and base = selector << 4 and keep the
 * cached limit and attributes, as qemu-system-i386 does: that is what lets "unreal mode" work (a
 * segment loaded in protected mode with a 4 GiB limit keeps it after CR0.PE is cleared). Entering
 * V86 mode (IRET with VM = 1, task switch) loads full V86 caches (setV86Segment).
 *
 * Segment-limit and read/write-type checks on ordinary data accesses are not performed, like
 * qemu's TCG (the reference the bare-metal kernels are checked against); the checks on loads,
 * far transfers, gates and stacks of privilege changes are.
 *
 * Descriptor tables are read and written with supervisor rights, as the processor's implicit
 * accesses are (SDM Vol. 3 §4.6.1), whatever the CPL.
 */
import { raise, VEC_GP, VEC_NP, VEC_SS } from "./exceptions";
import type { Cpu } from "./cpu";
import {
  CR0_PE,
  CS,
  S_CPL,
  S_CR0,
  S_EFLAGS,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_INHIBIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  SS,
} from "./state";

/** Descriptor words fetched by readDescriptor (low, high) and its linear address. Module-level to avoid allocation. */
export const desc = { lo: 0, hi: 0, addr: 0 };

/** Attribute bits (descriptor high dword >> 8). */
export const ATTR_ACCESSED = 0x1;
export const ATTR_S = 0x10;
export const ATTR_P = 0x80;
export const ATTR_DB = 0x4000;
export const ATTR_G = 0x8000;
/** Attributes of a segment in virtual-8086 mode: present, DPL 3, writable data, accessed (qemu's load_seg_vm). */
export const ATTR_V86 = 0xf3;

const EFLAGS_VM = 1 << 17;

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
  if (index + 7 > limit >>> 0) return false;
  desc.addr = (base + index) | 0;
  desc.lo = cpu.mmu.readSupervisor32(desc.addr);
  desc.hi = cpu.mmu.readSupervisor32((desc.addr + 4) | 0);
  return true;
}

/** Sets the accessed bit of the descriptor last read by readDescriptor (SDM Vol. 3 §3.4.5.1). */
export function markAccessed(cpu: Cpu): void {
  if ((desc.hi & 0x100) !== 0) return;
  desc.hi |= 0x100;
  cpu.mmu.writeSupervisor32((desc.addr + 4) | 0, desc.hi);
}

export function descriptorBase(lo: number, hi: number): number {
  return (lo >>> 16) | ((hi & 0xff) << 16) | (hi & 0xff000000) | 0;
}

export function descriptorLimit(lo: number, hi: number): number {
  const raw = (lo & 0xffff) | (hi & 0xf0000);
  return (hi & 0x800000) !== 0 ? (raw << 12) | 0xfff | 0 : raw;
}

/** Loads the hidden cache of `seg` from raw descriptor words. */
export function setSegmentCache(cpu: Cpu, seg: number, selector: number, lo: number, hi: number): void {
  const s = cpu.s;
  s[S_SEL + seg] = selector & 0xffff;
  s[S_SEG_BASE + seg] = descriptorBase(lo, hi);
  s[S_SEG_LIMIT + seg] = descriptorLimit(lo, hi);
  s[S_SEG_ATTR + seg] = (hi >>> 8) & 0xffff;
}

/** A null selector in a data segment register: loads succeed, the cache is unusable (SDM §3.4.2). */
export function setNullSegment(cpu: Cpu, seg: number, selector: number): void {
  const s = cpu.s;
  s[S_SEL + seg] = selector & 0xffff;
  s[S_SEG_BASE + seg] = 0;
  s[S_SEG_LIMIT + seg] = 0;
  s[S_SEG_ATTR + seg] = 0;
}

/** A segment register as virtual-8086 mode defines it: base = selector * 16, limit 64 KiB, DPL 3. */
export function setV86Segment(cpu: Cpu, seg: number, selector: number): void {
  const s = cpu.s;
  s[S_SEL + seg] = selector & 0xffff;
  s[S_SEG_BASE + seg] = (selector & 0xffff) << 4;
  s[S_SEG_LIMIT + seg] = 0xffff;
  s[S_SEG_ATTR + seg] = ATTR_V86;
}

/** True in protected mode outside virtual-8086 mode: selectors name descriptors. */
export function descriptorMode(cpu: Cpu): boolean {
  const s = cpu.s;
  return (s[S_CR0]! & CR0_PE) !== 0 && (s[S_EFLAGS]! & EFLAGS_VM) === 0;
}

/**
 * Checks `selector` as a new stack segment for privilege level `dpl` (MOV SS, POP SS, LSS at
 * CPL = dpl; also the SS of an outward RET/IRET): writable data, RPL = DPL = dpl, present. Faults
 * #GP(selector) (null: #GP(0)), not present #SS(selector); leaves the descriptor in `desc`.
 */
export function checkStackSegment(cpu: Cpu, selector: number, dpl: number): void {
  if ((selector & 0xfffc) === 0) raise(VEC_GP, 0);
  const err = selector & 0xfffc;
  if ((selector & 3) !== dpl || !readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  // Writable data: S = 1, type 0x2 set, code bit clear.
  if ((attr & 0x1a) !== 0x12 || ((attr >> 5) & 3) !== dpl) raise(VEC_GP, err);
  if ((attr & ATTR_P) === 0) raise(VEC_SS, err);
}

/**
 * MOV Sreg / POP Sreg / LxS for a data or stack segment register (not CS). `shadow` asks for the
 * interrupt shadow a MOV SS or POP SS sets (not LSS; SDM Vol. 2 "MOV" and Vol. 3 §6.8.3).
 */
export function loadSegment(cpu: Cpu, seg: number, selector: number, shadow = false): void {
  const s = cpu.s;
  selector &= 0xffff;
  if (!descriptorMode(cpu)) {
    // Real and V86 mode: the cached limit and attributes stay (unreal mode), as in qemu.
    s[S_SEL + seg] = selector;
    s[S_SEG_BASE + seg] = selector << 4;
    if (shadow && seg === SS) s[S_INHIBIT] = 1;
    return;
  }
  const cpl = s[S_CPL]!;
  if (seg === SS) {
    checkStackSegment(cpu, selector, cpl);
    markAccessed(cpu);
    setSegmentCache(cpu, SS, selector, desc.lo, desc.hi);
    if (shadow) s[S_INHIBIT] = 1;
    return;
  }
  if ((selector & 0xfffc) === 0) {
    setNullSegment(cpu, seg, selector);
    return;
  }
  const err = selector & 0xfffc;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  const dpl = (attr >> 5) & 3;
  const code = (attr & 8) !== 0;
  if ((attr & ATTR_S) === 0) raise(VEC_GP, err);
  // Data or readable code; for data and non-conforming code, RPL <= DPL and CPL <= DPL.
  if (code && (attr & 2) === 0) raise(VEC_GP, err);
  const conforming = code && (attr & 4) !== 0;
  if (!conforming && ((selector & 3) > dpl || cpl > dpl)) raise(VEC_GP, err);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  markAccessed(cpu);
  setSegmentCache(cpu, seg, selector, desc.lo, desc.hi);
}

/**
 * Loads CS from the descriptor in `desc` with RPL = `cpl` and makes `cpl` the CPL (far transfers,
 * gates, returns). qemu's TCG does not set the accessed bit of code descriptors on these loads,
 * and neither do we (the bare-metal kernels' reference).
 */
export function loadCodeSegment(cpu: Cpu, selector: number, cpl: number): void {
  const s = cpu.s;
  const base = s[S_SEG_BASE + CS]!;
  const attr = s[S_SEG_ATTR + CS]!;
  setSegmentCache(cpu, CS, (selector & 0xfffc) | cpl, desc.lo, desc.hi);
  if (s[S_CPL] !== cpl) cpu.setCpl(cpl);
  codeSegmentChanged(cpu, base, attr);
}

/**
 * Decoded blocks are keyed by linear address and hold offsets (EIP) and the operand size of the
 * code segment they were decoded under: drop them when a new CS has another base or D bit (a
 * flat kernel's interrupts and returns between flat segments keep them).
 */
export function codeSegmentChanged(cpu: Cpu, oldBase: number, oldAttr: number): void {
  const s = cpu.s;
  if (s[S_SEG_BASE + CS] !== oldBase || ((s[S_SEG_ATTR + CS]! ^ oldAttr) & ATTR_DB) !== 0) cpu.flushDecoded = true;
}

/**
 * After a return to an outer privilege level (RET, IRET): a data segment register whose segment
 * the new CPL may not use (data or non-conforming code with DPL < CPL) becomes null (SDM Vol. 2
 * "RET" and "IRET"; qemu's validate_seg keeps the base and clears P, and leaves null FS/GS alone).
 */
export function invalidateOuterSegments(cpu: Cpu, cpl: number): void {
  const s = cpu.s;
  for (const seg of INVALIDATED) {
    if ((seg === 4 || seg === 5) && (s[S_SEL + seg]! & 0xfffc) === 0) continue;
    const attr = s[S_SEG_ATTR + seg]!;
    const conformingCode = (attr & 0x0c) === 0x0c;
    if (!conformingCode && ((attr >> 5) & 3) < cpl) {
      s[S_SEL + seg] = 0;
      s[S_SEG_ATTR + seg] = attr & ~ATTR_P;
    }
  }
}
/** ES, FS, GS, DS in the order the SDM lists them. */
const INVALIDATED = [0, 4, 5, 3] as const;
