/**
 * Snapshots of the processor: every architectural register (the state words of cpu/state.ts),
 * the x87 unit and the TLB, as plain data that restores bit-exact on either engine. The TLB is
 * architecturally visible (a guest that edits a PTE without INVLPG may go on using the old
 * translation, SDM Vol. 3 §4.10.4.3), so it is saved with its tlb.* / walk.mem_refs counters.
 * Decoded blocks are a host-side cache: restore drops them. Memory snapshots copy the physical RAM.
 */
import type { Cpu } from "./cpu";
import type { MmuTlbSnapshot } from "../memory/mmu";
import { PAGE_MASK, type PhysicalMemory } from "../memory/physical";
import { TLB_SIZE } from "../memory/tlb";
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
  /**
   * The TLB's entries and counters. Absent in snapshots made before the TLB was saved (none are
   * persisted by Strata itself): restore then starts with an empty TLB.
   */
  readonly tlb?: MmuTlbSnapshot;
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
    tlb: cpu.mmu.snapshotTlb(),
  };
}

export function restoreCpu(cpu: Cpu, snap: CpuSnapshot): void {
  if (snap.words.length !== STATE_WORDS) throw new SnapshotError("words", `${snap.words.length} words, expected ${STATE_WORDS}`);
  if (snap.fpu.se.length !== 8 || snap.fpu.hi.length !== 8 || snap.fpu.lo.length !== 8) throw new SnapshotError("fpu", "registers must be 8 entries");
  if (snap.tlb !== undefined) checkTlb(snap.tlb, cpu.mmu.ram.size);
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
  // The user/supervisor mode follows CPL, the translator follows CR0/CR3/CR4 (the MMU reads them
  // at each fill). The TLB is loaded after the mode switch, which would otherwise trim it.
  cpu.mmu.setUserMode(cpu.s[S_CPL] === 3);
  if (snap.tlb !== undefined) cpu.mmu.restoreTlb(snap.tlb);
  else cpu.mmu.tlb.flush();
  cpu.flushDecoded = true;
  // Armed data breakpoints wrap the MMU accessors: re-derive from the restored DR7.
  updateDebugActive(cpu);
}

/** Entries are used without further checks by the fast paths: a frame must lie in this machine's RAM. */
function checkTlb(t: MmuTlbSnapshot, ramSize: number): void {
  for (const [field, a] of [["readTag", t.readTag], ["writeTag", t.writeTag], ["watchTag", t.watchTag], ["frame", t.frame], ["flags", t.flags]] as const) {
    if (a.length !== TLB_SIZE) throw new SnapshotError(`tlb.${field}`, `${a.length} entries, expected ${TLB_SIZE}`);
  }
  for (const [field, v] of [["misses", t.misses], ["hits", t.hits], ["flushes", t.flushes], ["walkMemRefs", t.walkMemRefs]] as const) {
    if (!Number.isSafeInteger(v) || v < (field === "hits" ? -1 : 0)) throw new SnapshotError(`tlb.${field}`, `${v} is not a count`);
  }
  for (let i = 0; i < TLB_SIZE; i++) {
    const fr = t.frame[i]!;
    if (t.readTag[i] !== -1 && (fr < 0 || fr >= ramSize || (fr & PAGE_MASK) !== 0)) {
      throw new SnapshotError(`tlb.frame[${i}]`, `0x${(fr >>> 0).toString(16)} is not a page frame of this machine's ${ramSize} bytes of RAM`);
    }
  }
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
