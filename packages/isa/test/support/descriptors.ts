/**
 * Descriptor tables and TSSs built in guest memory for the system-instruction tests, encoded as
 * SDM Vol. 3 Figure 3-8 (segment descriptors), Figure 7-3 (TSS descriptor), Figure 7-6 (task
 * gate) and Figure 7-2 (32-bit TSS) lay them out.
 */
import type { Machine } from "../../src/machine";
import { S_GDTR_BASE, S_GDTR_LIMIT } from "../../src/cpu/state";

/** Little-endian guest-physical memory access for building tables. */
export function mem(m: Machine): { write32(a: number, v: number): void; write16(a: number, v: number): void; read32(a: number): number; read16(a: number): number } {
  const dv = new DataView(m.ram.buffer);
  return {
    write32: (a, v) => dv.setUint32(a, v >>> 0, true),
    write16: (a, v) => dv.setUint16(a, v & 0xffff, true),
    read32: (a) => dv.getUint32(a, true),
    read16: (a) => dv.getUint16(a, true),
  };
}

/** Access byte (P, DPL, S, type) and flags nibble (G, D/B) of common descriptors. */
export const ACC_CODE32 = 0x9a;
export const ACC_DATA32 = 0x92;
export const ACC_TSS32 = 0x89;
export const ACC_TSS16 = 0x81;
export const ACC_LDT = 0x82;

/** Writes the 8-byte descriptor (base, limit, access byte, flags nibble) at `addr`. */
export function writeDescriptor(m: Machine, addr: number, base: number, limit: number, access: number, flags: number): void {
  const lo = ((base & 0xffff) << 16) | (limit & 0xffff);
  const hi = (base & 0xff000000) | ((flags & 0xf) << 20) | (limit & 0xf0000) | ((access & 0xff) << 8) | ((base >>> 16) & 0xff);
  mem(m).write32(addr, lo);
  mem(m).write32(addr + 4, hi);
}

/** A task gate (type 5) naming `tssSelector`. */
export function writeTaskGate(m: Machine, addr: number, tssSelector: number, dpl = 0, present = true): void {
  mem(m).write32(addr, (tssSelector & 0xffff) << 16);
  mem(m).write32(addr + 4, (present ? 0x8000 : 0) | (dpl << 13) | 0x500);
}

export class Gdt {
  constructor(
    readonly m: Machine,
    readonly base: number,
    readonly entries: number,
  ) {
    for (let k = 0; k < entries * 8; k += 4) mem(m).write32(base + k, 0);
    m.cpu.s[S_GDTR_BASE] = base;
    m.cpu.s[S_GDTR_LIMIT] = entries * 8 - 1;
  }

  set(index: number, base: number, limit: number, access: number, flags: number): number {
    writeDescriptor(this.m, this.base + index * 8, base, limit, access, flags);
    return index * 8;
  }

  gate(index: number, tssSelector: number, dpl = 0, present = true): number {
    writeTaskGate(this.m, this.base + index * 8, tssSelector, dpl, present);
    return index * 8;
  }

  /** The access byte (type, S, DPL, P) of entry `index`, as read back from memory. */
  access(index: number): number {
    return (mem(this.m).read32(this.base + index * 8 + 4) >>> 8) & 0xff;
  }
}

/** 32-bit TSS field offsets (SDM Vol. 3 Figure 7-2). */
export const TSS = {
  link: 0x00, esp0: 0x04, ss0: 0x08, cr3: 0x1c, eip: 0x20, eflags: 0x24,
  eax: 0x28, ecx: 0x2c, edx: 0x30, ebx: 0x34, esp: 0x38, ebp: 0x3c, esi: 0x40, edi: 0x44,
  es: 0x48, cs: 0x4c, ss: 0x50, ds: 0x54, fs: 0x58, gs: 0x5c, ldt: 0x60, iomap: 0x66,
} as const;

export interface TssInit {
  eip: number;
  esp: number;
  cs: number;
  ds: number;
  eflags?: number;
  regs?: readonly number[];
  ldt?: number;
  cr3?: number;
}

/** Fills a 32-bit TSS at `base`: registers, selectors (SS = ES = DS = FS = GS = `ds`). */
export function writeTss32(m: Machine, base: number, t: TssInit): void {
  for (let k = 0; k < 0x68; k += 4) mem(m).write32(base + k, 0);
  mem(m).write32(base + TSS.eip, t.eip);
  mem(m).write32(base + TSS.eflags, t.eflags ?? 2);
  const regs = t.regs ?? [0, 0, 0, 0, 0, 0, 0, 0];
  for (let r = 0; r < 8; r++) mem(m).write32(base + TSS.eax + 4 * r, r === 4 ? t.esp : (regs[r] ?? 0));
  mem(m).write16(base + TSS.cs, t.cs);
  for (const f of [TSS.es, TSS.ss, TSS.ds, TSS.fs, TSS.gs]) mem(m).write16(base + f, t.ds);
  mem(m).write16(base + TSS.ldt, t.ldt ?? 0);
  mem(m).write32(base + TSS.cr3, t.cr3 ?? 0);
  mem(m).write16(base + TSS.iomap, 0x68);
}
