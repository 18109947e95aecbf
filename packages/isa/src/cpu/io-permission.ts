/**
 * I/O-port protection (SDM Vol. 1 §19.5 "I/O permission bit map", §19.8 "Protected-mode I/O"): in
 * protected mode at CPL <= IOPL every port is open; at CPL > IOPL, and always in virtual-8086
 * mode, the I/O permission bit map of the current 32-bit TSS decides. Every bit of the ports the
 * access touches (1, 2 or 4 consecutive ports) must be 0; the processor reads two bytes of the map
 * starting at the port's byte, and bits beyond the TSS limit (TR's cached limit) count as set.
 * Denial is #GP(0). Real mode has no protection. The bit-map base is the word at TSS offset 0x66.
 */
import { raise, VEC_GP } from "./exceptions";
import type { Cpu } from "./cpu";
import { VM } from "../table/flags";
import { CR0_PE, S_CPL, S_CR0, S_EFLAGS, S_TR_ATTR, S_TR_BASE, S_TR_LIMIT } from "./state";

/** Offset of the I/O map base field in a 32-bit TSS (SDM Vol. 3 Figure 7-2). */
export const TSS_IOMAP_BASE = 0x66;
/** Smallest limit of a 32-bit TSS: the I/O map base field must be inside it. */
const TSS32_MIN_LIMIT = 0x67;

/** True when IN/OUT/INS/OUTS may access ports without consulting the TSS (the fast, usual case). */
export function ioPrivileged(cpu: Cpu): boolean {
  const s = cpu.s;
  if ((s[S_CR0]! & CR0_PE) === 0) return true;
  const eflags = s[S_EFLAGS]!;
  return (eflags & VM) === 0 && s[S_CPL]! <= ((eflags >> 12) & 3);
}

/**
 * The access of `size` bytes (1, 2, 4) to `port` is allowed by the TSS bit map; assumes the
 * caller already found CPL > IOPL or V86 mode. Reads the map with supervisor rights (a #PF there
 * is delivered like any implicit access's).
 */
export function ioBitmapAllows(cpu: Cpu, port: number, size: number): boolean {
  const s = cpu.s;
  const attr = s[S_TR_ATTR]!;
  // Only a present 32-bit TSS (type 9, or 11 when busy) has a bit map.
  const type = attr & 0x1f;
  if ((attr & 0x80) === 0 || (type !== 0x09 && type !== 0x0b)) return false;
  const limit = s[S_TR_LIMIT]! >>> 0;
  if (limit < TSS32_MIN_LIMIT) return false;
  const base = s[S_TR_BASE]!;
  const offset = cpu.mmu.readSupervisor16((base + TSS_IOMAP_BASE) | 0) + ((port & 0xffff) >>> 3);
  if (offset + 1 > limit) return false;
  const bits = cpu.mmu.readSupervisor16((base + offset) | 0) >>> (port & 7);
  return (bits & ((1 << size) - 1)) === 0;
}

/** IN/OUT/INS/OUTS permission check: raises #GP(0) when the access to `port` is not allowed. */
export function checkIoPermission(cpu: Cpu, port: number, size: number): void {
  if (ioPrivileged(cpu)) return;
  if (!ioBitmapAllows(cpu, port, size)) raise(VEC_GP, 0);
}
