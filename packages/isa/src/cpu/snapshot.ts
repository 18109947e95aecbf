/**
 * Snapshots of the processor: every architectural register (the state words of cpu/state.ts)
 * and the x87 unit, as plain data that restores bit-exact on either engine. Caches (TLB, decoded
 * blocks) are not state: restore flushes them. Memory snapshots copy the physical RAM.
 */
import type { Cpu } from "./cpu";
import type { PhysicalMemory } from "../memory/physical";
import { updateDebugActive } from "./debug-registers";
import { S_CPL, STATE_WORDS } from "./state";

export interface CpuSnapshot {
  /** The STATE_WORDS state words (registers, EFLAGS and lazy-flags record, segments, CRs...). */
  readonly words: Int32Array;
  readonly retired: number;
  readonly fpu: {
    readonly se: Uint16Array;
    readonly hi: Uint32Array;
    readonly lo: Uint32Array;
    readonly cw: number;
    readonly sw: number;
    readonly top: number;
    readonly tw: number;
    readonly fcs: number;
    readonly fip: number;
    readonly fop: number;
    readonly fds: number;
    readonly fdp: number;
  };
}

export class SnapshotError extends Error {
  constructor(field: string, detail: string) {
    super(`CPU snapshot ${field}: ${detail}`);
    this.name = "SnapshotError";
  }
}

export function snapshotCpu(cpu: Cpu): CpuSnapshot {
  const f = cpu.fpu;
  return {
    words: cpu.s.slice(),
    retired: cpu.retired,
    fpu: { se: f.se.slice(), hi: f.hi.slice(), lo: f.lo.slice(), cw: f.cw, sw: f.sw, top: f.top, tw: f.tw, fcs: f.fcs, fip: f.fip, fop: f.fop, fds: f.fds, fdp: f.fdp },
  };
}

export function restoreCpu(cpu: Cpu, snap: CpuSnapshot): void {
  if (snap.words.length !== STATE_WORDS) throw new SnapshotError("words", `${snap.words.length} words, expected ${STATE_WORDS}`);
  if (snap.fpu.se.length !== 8 || snap.fpu.hi.length !== 8 || snap.fpu.lo.length !== 8) throw new SnapshotError("fpu", "registers must be 8 entries");
  cpu.s.set(snap.words);
  cpu.retired = snap.retired;
  const f = cpu.fpu;
  f.se.set(snap.fpu.se);
  f.hi.set(snap.fpu.hi);
  f.lo.set(snap.fpu.lo);
  f.cw = snap.fpu.cw;
  f.sw = snap.fpu.sw;
  f.top = snap.fpu.top;
  f.tw = snap.fpu.tw;
  f.fcs = snap.fpu.fcs;
  f.fip = snap.fpu.fip;
  f.fop = snap.fpu.fop;
  f.fds = snap.fpu.fds;
  f.fdp = snap.fpu.fdp;
  // The TLB is not state: the user/supervisor mode follows CPL, the translator follows CR0/CR3/CR4
  // (the MMU reads them at each fill), and the TLB refills on demand.
  cpu.mmu.setUserMode(cpu.s[S_CPL] === 3);
  cpu.mmu.tlb.flush();
  cpu.flushDecoded = true;
  // Armed data breakpoints wrap the MMU accessors: re-derive from the restored DR7.
  updateDebugActive(cpu);
}

/** A copy of physical memory. */
export function snapshotMemory(ram: PhysicalMemory): Uint8Array {
  return ram.u8.slice();
}

/** Restores physical memory; the caller's engine must drop decoded code (restoreCpu does). */
export function restoreMemory(ram: PhysicalMemory, bytes: Uint8Array): void {
  if (bytes.length !== ram.size) throw new SnapshotError("memory", `${bytes.length} bytes, expected ${ram.size}`);
  ram.u8.set(bytes);
}
