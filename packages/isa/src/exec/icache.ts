/**
 * The decoded-instruction cache: blocks keyed by the linear address of their first instruction in
 * a direct-mapped table, bounded (a full flush when MAX_BLOCKS are live, as Bochs flushes its
 * trace pool), and invalidated through the physical write-watch of memory/physical.ts: a guest
 * write that overlaps the bytes of a cached block drops that block (self-modifying code), and a
 * page with no cached code left stops being watched.
 */
import type { Mmu } from "../memory/mmu";
import { PAGE_SHIFT } from "../memory/physical";
import type { Block } from "./block";

export const CACHE_BITS = 14;
const CACHE_MASK = (1 << CACHE_BITS) - 1;
export const MAX_BLOCKS = 1 << 15;

export class DecodedCache {
  readonly slots: (Block | null)[] = new Array<Block | null>(1 << CACHE_BITS).fill(null);
  /** Blocks per physical frame number. */
  private readonly byFrame = new Map<number, Block[]>();
  private live = 0;
  private readonly mmu: Mmu;
  private readonly watchId: number;
  hits = 0;
  misses = 0;
  invalidations = 0;
  flushes = 0;
  /** Called with each block that leaves the cache, so its execution counts can be folded in. */
  onRetire: (b: Block) => void = () => undefined;

  /**
   * Which 64-byte chunks of each physical page hold cached code (two words per page): a write to
   * a watched page that touches none of them (data sharing a page with code) returns at once.
   */
  private readonly codeChunks: Uint32Array;

  constructor(mmu: Mmu) {
    this.mmu = mmu;
    this.codeChunks = new Uint32Array((mmu.ram.size >>> PAGE_SHIFT) * 2);
    this.watchId = mmu.ram.addWatcher((phys, length) => this.onWrite(phys, length));
  }

  static slot(linear: number): number {
    return (linear ^ (linear >>> CACHE_BITS)) & CACHE_MASK;
  }

  /** The valid block starting at `linear`, without counting a hit or a miss. */
  peek(linear: number): Block | null {
    const b = this.slots[DecodedCache.slot(linear)]!;
    return b !== null && b.start === linear && b.valid ? b : null;
  }

  lookup(linear: number): Block | null {
    const b = this.slots[DecodedCache.slot(linear)]!;
    if (b !== null && b.start === linear && b.valid) {
      this.hits++;
      return b;
    }
    this.misses++;
    return null;
  }

  insert(b: Block): void {
    if (this.live >= MAX_BLOCKS) this.flush();
    const idx = DecodedCache.slot(b.start);
    const old = this.slots[idx]!;
    if (old !== null) this.drop(old);
    this.slots[idx] = b;
    this.live++;
    for (let k = 0; k < b.physStart.length; k++) {
      const pfn = b.physStart[k]! >>> PAGE_SHIFT;
      let list = this.byFrame.get(pfn);
      if (list === undefined) {
        list = [];
        this.byFrame.set(pfn, list);
        this.mmu.watchPage(pfn << PAGE_SHIFT, this.watchId);
      }
      list.push(b);
      this.markChunks(b.physStart[k]!, b.physLen[k]!);
    }
  }

  private markChunks(phys: number, length: number): void {
    const base = (phys >>> PAGE_SHIFT) * 2;
    const last = ((phys & 0xfff) + length - 1) >>> 6;
    for (let c = (phys & 0xfff) >>> 6; c <= last; c++) this.codeChunks[base + (c >>> 5)]! |= 1 << (c & 31);
  }

  private touchesCode(phys: number, length: number): boolean {
    const base = (phys >>> PAGE_SHIFT) * 2;
    const last = Math.min(63, ((phys & 0xfff) + length - 1) >>> 6);
    for (let c = (phys & 0xfff) >>> 6; c <= last; c++) if ((this.codeChunks[base + (c >>> 5)]! & (1 << (c & 31))) !== 0) return true;
    return false;
  }

  /** Marks a block invalid and removes it from its slot (its frame lists are pruned lazily). */
  private drop(b: Block): void {
    if (!b.valid) return;
    b.valid = false;
    this.live--;
    const idx = DecodedCache.slot(b.start);
    if (this.slots[idx] === b) this.slots[idx] = null;
    this.onRetire(b);
  }

  /** Drops everything (cache full, a translation change, breakpoints or interposition changed). */
  flush(): void {
    for (const b of this.slots) if (b !== null) this.drop(b);
    for (const pfn of this.byFrame.keys()) this.mmu.unwatchPage(pfn << PAGE_SHIFT, this.watchId);
    this.byFrame.clear();
    this.codeChunks.fill(0);
    this.slots.fill(null);
    this.live = 0;
    this.flushes++;
  }

  private onWrite(phys: number, length: number): void {
    if (!this.touchesCode(phys, length)) return;
    const pfn = phys >>> PAGE_SHIFT;
    const list = this.byFrame.get(pfn);
    if (list === undefined) return;
    const end = phys + length;
    let kept = 0;
    for (let k = 0; k < list.length; k++) {
      const b = list[k]!;
      if (!b.valid) continue;
      let hit = false;
      for (let r = 0; r < b.physStart.length; r++) {
        const s = b.physStart[r]!;
        if (s < end && phys < s + b.physLen[r]!) hit = true;
      }
      if (hit) {
        this.drop(b);
        this.invalidations++;
      } else list[kept++] = b;
    }
    list.length = kept;
    if (kept === 0) {
      this.byFrame.delete(pfn);
      this.codeChunks[pfn * 2] = 0;
      this.codeChunks[pfn * 2 + 1] = 0;
      this.mmu.unwatchPage(pfn << PAGE_SHIFT, this.watchId);
    }
  }
}
