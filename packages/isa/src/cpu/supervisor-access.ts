/**
 * Implicit supervisor-mode accesses (SDM Vol. 3 §5.6.1 "Implicit and explicit supervisor
 * accesses"): the processor reads and writes the TSS, descriptor tables and I/O bit map with
 * supervisor rights whatever the CPL. Until the MMU offers CPL-independent accesses itself, these
 * clear the user bit around one access (never leaving it cleared, even when the access faults).
 */
import type { Cpu } from "./cpu";

export function readSupervisor16(cpu: Cpu, linear: number): number {
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    return mmu.read16(linear);
  } finally {
    mmu.userAccess = user;
  }
}

export function readSupervisor32(cpu: Cpu, linear: number): number {
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    return mmu.read32(linear);
  } finally {
    mmu.userAccess = user;
  }
}

export function writeSupervisor16(cpu: Cpu, linear: number, value: number): void {
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    mmu.write16(linear, value);
  } finally {
    mmu.userAccess = user;
  }
}

export function writeSupervisor32(cpu: Cpu, linear: number, value: number): void {
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    mmu.write32(linear, value);
  } finally {
    mmu.userAccess = user;
  }
}

/** Checks that `size` bytes at `linear` are writable by the supervisor (a #PF before any store). */
export function probeSupervisorWrite(cpu: Cpu, linear: number, size: number): void {
  const mmu = cpu.mmu;
  const user = mmu.userAccess;
  mmu.userAccess = 0;
  try {
    mmu.probeWrite(linear, size);
  } finally {
    mmu.userAccess = user;
  }
}
