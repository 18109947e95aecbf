/**
 * The translation cache: blocks by linear address and code mode, with a size bound (oldest blocks
 * are evicted first, as a circular code buffer would), a direct-mapped jump cache in front of the
 * map for indirect branches and returns (QEMU's tb_jmp_cache), and invalidation through the
 * physical write-watch of @strata/isa: a guest write that overlaps the bytes of a block drops
 * exactly that block (self-modifying code; data next to code on the same page only costs a
 * check), and a page with no code left stops being watched.
 */
import { type Mmu, PAGE_SHIFT } from "@strata/isa";
import { foldClassCounts, type TBlock } from "./block";

const JUMP_CACHE_BITS = 12;
const JUMP_CACHE_MASK = (1 << JUMP_CACHE_BITS) - 1;
export const DEFAULT_MAX_BLOCKS = 1 << 14;

/** Why blocks left the cache (`tc.invalidations.<cause>`). */
export type InvalidationCause = "smc" | "flush" | "evict";

export class TranslationCache {
  private readonly map = new Map<number, TBlock>();
  private readonly jump: (TBlock | null)[] = new Array<TBlock | null>(1 << JUMP_CACHE_BITS).fill(null);
  /** Insertion order, for eviction (entries may be stale: checked on pop). */
  private readonly order: TBlock[] = [];
  private orderHead = 0;
  private readonly byFrame = new Map<number, TBlock[]>();
  private readonly watchId: number;
  /**
   * Which 64-byte chunks of each physical page hold translated code (two words per page), so a
   * write to data that shares a page with code (small static programs put .bss right after
   * .text) returns after one test instead of scanning the page's blocks. Bits are cleared only
   * when a page loses its last block (a stale bit only costs a scan).
   */
  private readonly codeChunks: Uint32Array;
  live = 0;
  /** Sum of generated source lengths of live blocks. */
  liveSourceBytes = 0;
  readonly invalidations: Record<InvalidationCause, number> = { smc: 0, flush: 0, evict: 0 };
  flushes = 0;
  /** Per-class retired counts of blocks that left the cache. */
  readonly classRetired = new Float64Array(8);
  /** Called when a write invalidates a block (the engine stops if it is the running one). */
  onInvalidate: (b: TBlock) => void = () => undefined;

  constructor(
    private readonly mmu: Mmu,
    readonly maxBlocks: number = DEFAULT_MAX_BLOCKS,
  ) {
    if (!Number.isInteger(maxBlocks) || maxBlocks < 1) throw new RangeError(`maxBlocks must be a positive integer, got ${maxBlocks}`);
    this.watchId = mmu.ram.addWatcher((phys, length) => this.onWrite(phys, length));
    this.codeChunks = new Uint32Array(Math.ceil(mmu.ram.size / 4096) * 2);
  }

  private markChunks(start: number, length: number): void {
    const pfn = start >>> PAGE_SHIFT;
    const first = (start & 0xfff) >>> 6;
    const last = ((start & 0xfff) + length - 1) >>> 6;
    for (let c = first; c <= last && c < 64; c++) this.codeChunks[pfn * 2 + (c >>> 5)]! |= 1 << (c & 31);
  }

  /** True when [phys, phys + length) (within one page) may overlap translated code. */
  private touchesCode(phys: number, length: number): boolean {
    const pfn = phys >>> PAGE_SHIFT;
    const first = (phys & 0xfff) >>> 6;
    const last = Math.min(63, ((phys & 0xfff) + length - 1) >>> 6);
    for (let c = first; c <= last; c++) if ((this.codeChunks[pfn * 2 + (c >>> 5)]! & (1 << (c & 31))) !== 0) return true;
    return false;
  }

  static key(linear: number, mode: number): number {
    // Linear addresses are 32-bit; the mode (16/32) goes above them in a safe integer.
    return (linear >>> 0) + (mode === 16 ? 0x1_0000_0000 : 0);
  }

  lookup(linear: number, mode: number): TBlock | null {
    const j = (linear ^ (linear >>> JUMP_CACHE_BITS)) & JUMP_CACHE_MASK;
    const b = this.jump[j]!;
    if (b !== null && b.start === linear && b.mode === mode && b.valid) return b;
    const m = this.map.get(TranslationCache.key(linear, mode));
    if (m === undefined) return null;
    this.jump[j] = m;
    return m;
  }

  insert(b: TBlock): void {
    while (this.live >= this.maxBlocks) this.evictOldest();
    const key = TranslationCache.key(b.start, b.mode);
    const old = this.map.get(key);
    if (old !== undefined) this.drop(old);
    this.map.set(key, b);
    this.order.push(b);
    this.live++;
    for (let k = 0; k < b.physStart.length; k++) {
      const pfn = b.physStart[k]! >>> PAGE_SHIFT;
      this.markChunks(b.physStart[k]!, b.physLen[k]!);
      let list = this.byFrame.get(pfn);
      if (list === undefined) {
        list = [];
        this.byFrame.set(pfn, list);
        this.mmu.watchPage(pfn << PAGE_SHIFT, this.watchId);
      }
      list.push(b);
    }
  }

  /** Accounts a block's translation size (called when it is compiled). */
  addSource(bytes: number): void {
    this.liveSourceBytes += bytes;
  }

  private evictOldest(): void {
    while (this.orderHead < this.order.length) {
      const b = this.order[this.orderHead++]!;
      if (b.valid) {
        this.drop(b);
        this.invalidations.evict++;
        break;
      }
    }
    if (this.orderHead > 4096 && this.orderHead * 2 > this.order.length) {
      this.order.splice(0, this.orderHead);
      this.orderHead = 0;
    }
  }

  private drop(b: TBlock): void {
    if (!b.valid) return;
    b.valid = false;
    this.live--;
    this.liveSourceBytes -= b.sourceBytes;
    const key = TranslationCache.key(b.start, b.mode);
    if (this.map.get(key) === b) this.map.delete(key);
    foldClassCounts(b, this.classRetired);
    b.exits.fill(0);
    b.skips.fill(0);
    b.succ0 = null;
    b.succ1 = null;
    // Translations compiled over this block as a region member lose their code with it.
    for (const h of b.usedBy) if (h.members !== null && h.members.includes(b)) this.dropTranslation(h);
    b.usedBy.length = 0;
  }

  /** Forgets a block's translation (it is interpreted, and translated again once hot). */
  dropTranslation(h: TBlock): void {
    if (h.fn === null) return;
    h.fn = null;
    h.members = null;
    h.heat = 0;
    if (h.valid) this.liveSourceBytes -= h.sourceBytes;
    h.sourceBytes = 0;
  }

  /** Drops every block (CR3 change, breakpoints, interposition or callouts changed). */
  flush(): void {
    for (const b of this.map.values()) {
      this.drop(b);
      this.invalidations.flush++;
    }
    for (const pfn of this.byFrame.keys()) {
      this.mmu.unwatchPage(pfn << PAGE_SHIFT, this.watchId);
      this.codeChunks[pfn * 2] = 0;
      this.codeChunks[pfn * 2 + 1] = 0;
    }
    this.byFrame.clear();
    this.map.clear();
    this.jump.fill(null);
    this.order.length = 0;
    this.orderHead = 0;
    this.live = 0;
    this.liveSourceBytes = 0;
    this.flushes++;
  }

  /** Live blocks (for counters). */
  blocks(): IterableIterator<TBlock> {
    return this.map.values();
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
        this.invalidations.smc++;
        this.onInvalidate(b);
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
