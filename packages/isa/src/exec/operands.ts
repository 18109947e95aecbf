/**
 * Operand access shared by the handlers: effective addresses (SDM Vol. 1 §3.7.5), registers and
 * memory by size, and the stack (SDM Vol. 1 §6.2). Register operand values are pre-resolved by
 * exec/bind.ts for their size: a dword register is its number (index into s), a word register its
 * index into r16 (number * 2), a byte register its index into r8 (AL=0, CL=4 ... AH=1, CH=5 ...).
 */
import type { Cpu } from "../cpu/cpu";
import { ESP, S_SEG_BASE, SS } from "../cpu/state";
import { type Insn, OK_IMM, OK_MEM, OK_REG } from "./insn";

/** Linear address of the memory operand: segment base + offset (wrapped at 16 bits for 16-bit addressing). */
export function ea(cpu: Cpu, i: Insn): number {
  const s = cpu.s;
  let off = i.disp;
  if (i.base >= 0) off += s[i.base]!;
  if (i.index >= 0) off += s[i.index]! << i.scale;
  if (i.asize === 2) off &= 0xffff;
  return (off + s[S_SEG_BASE + i.seg]!) | 0;
}

/**
 * Address of a read-modify-write destination, checked for writing first: the processor reads
 * such an operand for writing, so a #PF reports W/R = 1 even though the read comes first.
 */
export function rmwAddress(cpu: Cpu, i: Insn, size: number): number {
  const a = ea(cpu, i);
  cpu.mmu.probeWrite(a, size);
  return a;
}

/** The offset part of the effective address (LEA). */
export function eaOffset(cpu: Cpu, i: Insn): number {
  const s = cpu.s;
  let off = i.disp;
  if (i.base >= 0) off += s[i.base]!;
  if (i.index >= 0) off += s[i.index]! << i.scale;
  return i.asize === 2 ? off & 0xffff : off | 0;
}

export function getReg(cpu: Cpu, r: number, size: number): number {
  return size === 4 ? cpu.s[r]! : size === 2 ? cpu.r16[r]! : cpu.r8[r]!;
}

export function setReg(cpu: Cpu, r: number, size: number, v: number): void {
  if (size === 4) cpu.s[r] = v;
  else if (size === 2) cpu.r16[r] = v;
  else cpu.r8[r] = v;
}

export function readMem(cpu: Cpu, a: number, size: number): number {
  return size === 4 ? cpu.mmu.read32(a) : size === 2 ? cpu.mmu.read16(a) : cpu.mmu.read8(a);
}

export function writeMem(cpu: Cpu, a: number, size: number, v: number): void {
  if (size === 4) cpu.mmu.write32(a, v);
  else if (size === 2) cpu.mmu.write16(a, v);
  else cpu.mmu.write8(a, v);
}

/** Operand 0 (register, memory at `a`, or immediate) of `size` bytes. */
export function read0(cpu: Cpu, i: Insn, size: number, a: number): number {
  const k = i.k0;
  if (k === OK_REG) return getReg(cpu, i.v0, size);
  if (k === OK_MEM) return readMem(cpu, a, size);
  return i.v0;
}

export function read1(cpu: Cpu, i: Insn, size: number): number {
  const k = i.k1;
  if (k === OK_REG) return getReg(cpu, i.v1, size);
  if (k === OK_IMM) return i.v1;
  return readMem(cpu, ea(cpu, i), size);
}

export function write0(cpu: Cpu, i: Insn, size: number, a: number, v: number): void {
  if (i.k0 === OK_REG) setReg(cpu, i.v0, size, v);
  else writeMem(cpu, a, size, v);
}

/** Sign-extends the low `size` bytes of v. */
export function signExtend(v: number, size: number): number {
  return size === 4 ? v | 0 : size === 2 ? (v << 16) >> 16 : (v << 24) >> 24;
}

// --- the stack (SS:ESP, or SS:SP for a 16-bit stack segment) ---

export function push(cpu: Cpu, size: number, v: number): void {
  const s = cpu.s;
  if (cpu.stack32()) {
    const sp = (s[ESP]! - size) | 0;
    writeMem(cpu, (sp + s[S_SEG_BASE + SS]!) | 0, size, v);
    s[ESP] = sp;
  } else {
    const sp = (cpu.r16[ESP << 1]! - size) & 0xffff;
    writeMem(cpu, (sp + s[S_SEG_BASE + SS]!) | 0, size, v);
    cpu.r16[ESP << 1] = sp;
  }
}

/** Reads the value on top of the stack without popping it. */
export function peek(cpu: Cpu, size: number, offset = 0): number {
  const s = cpu.s;
  const sp = cpu.stack32() ? (s[ESP]! + offset) | 0 : (cpu.r16[ESP << 1]! + offset) & 0xffff;
  return readMem(cpu, (sp + s[S_SEG_BASE + SS]!) | 0, size);
}

/** Adds `n` to the stack pointer (its width per the stack segment). */
export function adjustSp(cpu: Cpu, n: number): void {
  if (cpu.stack32()) cpu.s[ESP] = (cpu.s[ESP]! + n) | 0;
  else cpu.r16[ESP << 1] = (cpu.r16[ESP << 1]! + n) & 0xffff;
}

export function pop(cpu: Cpu, size: number): number {
  const v = peek(cpu, size);
  adjustSp(cpu, size);
  return v;
}

/** The stack pointer as an offset into SS, and the linear address of SS:offset. */
export function stackPointer(cpu: Cpu): number {
  return cpu.stack32() ? cpu.s[ESP]! : cpu.r16[ESP << 1]!;
}

export function stackLinear(cpu: Cpu, offset: number): number {
  const o = cpu.stack32() ? offset | 0 : offset & 0xffff;
  return (o + cpu.s[S_SEG_BASE + SS]!) | 0;
}
