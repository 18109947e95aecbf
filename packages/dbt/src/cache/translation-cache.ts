/**
 * The translation cache: blocks by linear address and code mode, with a size bound (oldest blocks
 * are evicted first, as a circular code buffer would), a direct-mapped jump cache in front of the
 * map for indirect branches and returns (QEMU's tb_jmp_cache), and invalidation through the
 * physical write-watch of @strata/isa: a guest write that overlaps the bytes of a block drops
 * exactly that block (self-modifying code; data next to code on the same page only costs a
 * check), and a page with no code left stops being watched.
 *
 * Blocks survive address-space switches (QEMU's physically keyed TBs, checked lazily): a block
 * is code for the physical bytes it was decoded from, which the write-watch guards wherever they
 * are mapped. Each cpu.mappingChanged (CR3 loads, INVLPG, CR0.PG, CR4.PSE/PGE, entering user mode
 * after supervisor-only fills) starts a new `epoch`; a block records the epoch in which its
 * linear pages were last found mapped to its bytes. Reached in a later epoch, it is checked
 * again: each of its linear pages (its first, and the next one if an instruction crosses into
 * it) is translated through the MMU for a read with the current privilege, as the decoder's
 * fetch would (same TLB fill, same #PF conditions, no fault delivered), and must give the frame
 * the block was decoded from. Several address spaces may map different code at one linear
 * address: every such block stays under the key, the one that passes the check is used (and
 * moved to the front). A block that does not pass stays for the address space it belongs to
 * (counted in `invalidations.mapping`; evicted in its turn if never used again).
 */
import { FAULT, type Mmu, PAGE_SHIFT, S_CR2, TLB_SIZE } from "@strata/isa";
import { foldClassCounts, type TBlock } from "./block";

const JUMP_CACHE_BITS = 12;
const JUMP_CACHE_MASK = (1 << JUMP_CACHE_BITS) - 1;
export const DEFAULT_MAX_BLOCKS = 1 << 14;

/**
 * Why blocks left the cache or were passed over (`tc.invalidations.<cause>`): "mapping" counts
 * blocks found not mapped as before after a mapping change (once per block and epoch; they stay
 * cached for their own address space) and blocks superseded by a new decoding of the same bytes.
 */
export type InvalidationCause = "smc" | "flush" | "evict" | "mapping";

/** Epochs stay V8 small integers: past this the blocks' stamps are cleared and counting restarts. */
const MAX_EPOCH = 0x3fffffff;
const PAGE_SIZE = 1 << PAGE_SHIFT;
const PAGE_MASK = PAGE_SIZE - 1;

export class TranslationCache {
  /** Blocks by key (linear address and mode), the one used last first (one per address space). */
  private readonly map = new Map<number, TBlock[]>();
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
  readonly invalidations: Record<InvalidationCause, number> = { smc: 0, flush: 0, evict: 0, mapping: 0 };
  flushes = 0;
  /** The address-space epoch: a new one starts at each mapping change (newEpoch). */
  epoch = 1;
  /** Checks in a later epoch that found a block still mapped to its bytes (`tc.revalidations`). */
  revalidations = 0;
  /** Per-class retired counts of blocks that left the cache. */
  readonly classRetired = new Float64Array(8);
  /** Called when a write invalidates a block (the engine stops if it is the running one). */
  onInvalidate: (b: TBlock) => void = () => undefined;

  /**
   * `state` is the Cpu's state words (CR2 is kept when a check finds a page not present); without
   * it a check that faults leaves CR2 as the MMU set it.
   */
  constructor(
    private readonly mmu: Mmu,
    readonly maxBlocks: number = DEFAULT_MAX_BLOCKS,
    private readonly state: Int32Array | null = null,
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

  /**
   * The block at `linear` in `mode` that is code for what `linear` maps to now: one checked in the
   * current epoch, else the first one under the key that passes the check (see the file comment).
   * Null when none does (the engine decodes anew).
   */
  lookup(linear: number, mode: number): TBlock | null {
    const j = (linear ^ (linear >>> JUMP_CACHE_BITS)) & JUMP_CACHE_MASK;
    const epoch = this.epoch;
    const b = this.jump[j]!;
    if (b !== null && b.start === linear && b.mode === mode && b.valid && b.epoch === epoch) return b;
    const list = this.map.get(TranslationCache.key(linear, mode));
    if (list === undefined) return null;
    for (let x = 0; x < list.length; x++) {
      const c = list[x]!;
      if (c.epoch !== epoch && (c.epoch === -epoch || !this.revalidate(c))) continue;
      if (x !== 0) {
        list.copyWithin(1, 0, x);
        list[0] = c;
      }
      this.jump[j] = c;
      return c;
    }
    return null;
  }

  /**
   * The block at `linear` in `mode` already checked in the current epoch, or null; never
   * translates a page (region discovery must not touch the TLB the guest's counters see).
   */
  peek(linear: number, mode: number): TBlock | null {
    const list = this.map.get(TranslationCache.key(linear, mode));
    if (list === undefined) return null;
    for (const c of list) if (c.epoch === this.epoch) return c;
    return null;
  }

  /** A mapping change: every block is checked again before its next use. Returns the new epoch. */
  newEpoch(): number {
    if (++this.epoch === MAX_EPOCH) {
      for (const b of this.blocks()) b.epoch = 0;
      this.epoch = 1;
    }
    return this.epoch;
  }

  /**
   * Checks a block of an older epoch against the current mapping and stamps it: true when each of
   * its linear pages maps to the physical bytes it was decoded from, with the right to fetch
   * them at the current privilege. A translation that spans other blocks (a region) keeps its
   * code only if their pages are among those just checked; otherwise it is dropped (the block is
   * interpreted and translated again once hot).
   */
  private revalidate(b: TBlock): boolean {
    const epoch = this.epoch;
    if (!this.mappedAsBefore(b)) {
      b.epoch = -epoch;
      this.invalidations.mapping++;
      return false;
    }
    b.epoch = epoch;
    this.revalidations++;
    const members = b.members;
    if (members !== null && members.length > 1) {
      for (const m of members) {
        if (m === b || m.epoch === epoch) continue;
        if (!TranslationCache.coveredBy(m, b)) {
          this.dropTranslation(b);
          break;
        }
        m.epoch = epoch;
      }
    }
    return true;
  }

  private mappedAsBefore(b: TBlock): boolean {
    const first = b.start & ~PAGE_MASK;
    if (this.frameOf(b.start) !== b.physStart[0]!) return false;
    return b.nextFrame === -1 || this.frameOf((first + PAGE_SIZE) | 0) === b.nextFrame;
  }

  /**
   * Physical address of `linear` through the decoder's own path to code bytes (a TLB hit, or a
   * read fill at the current privilege), or -1 where a fetch would fault (CR2 kept).
   */
  private frameOf(linear: number): number {
    const state = this.state;
    const cr2 = state === null ? 0 : state[S_CR2]!;
    try {
      return this.mmu.physicalForRead(linear);
    } catch (e) {
      if (e !== FAULT) throw e;
      if (state !== null) state[S_CR2] = cr2;
      return -1;
    }
  }

  /** True when the pages of `m` are pages of `h` and map to the same frames. */
  private static coveredBy(m: TBlock, h: TBlock): boolean {
    const hFirst = h.start & ~PAGE_MASK;
    const hFrame = h.physStart[0]! & ~PAGE_MASK;
    const mFirst = m.start & ~PAGE_MASK;
    const mFrame = m.physStart[0]! & ~PAGE_MASK;
    const frameAt = (page: number): number => (page === hFirst ? hFrame : page === ((hFirst + PAGE_SIZE) | 0) ? h.nextFrame : -1);
    if (frameAt(mFirst) !== mFrame) return false;
    return m.nextFrame === -1 || frameAt((mFirst + PAGE_SIZE) | 0) === m.nextFrame;
  }

  /**
   * The frame of the page after the block's first, if any instruction reaches it, else -1. Read
   * from the TLB entry the decoder just filled (no walk: the guest's counters see no access).
   */
  private nextFrameOf(b: TBlock): number {
    const insns = b.insns;
    if (insns.length === 0) return -1;
    const csBase = (b.start - insns[0]!.eip) | 0;
    let crosses = false;
    for (const i of insns) {
      const la = (i.eip + csBase) | 0;
      if ((((la + i.len - 1) ^ b.start) & ~PAGE_MASK) !== 0 || ((la ^ b.start) & ~PAGE_MASK) !== 0) {
        crosses = true;
        break;
      }
    }
    if (!crosses) return -1;
    const next = ((b.start & ~PAGE_MASK) + PAGE_SIZE) | 0;
    const page = next >>> PAGE_SHIFT;
    const tlb = this.mmu.tlb;
    const i = page & (TLB_SIZE - 1);
    if (tlb.readTag[i] === page) return tlb.frame[i]!;
    // Not expected (the decoder just fetched from it): -2 never matches, so the block is used in
    // this epoch only.
    return -2;
  }

  insert(b: TBlock): void {
    while (this.live >= this.maxBlocks) this.evictOldest();
    b.epoch = this.epoch;
    b.nextFrame = this.nextFrameOf(b);
    const key = TranslationCache.key(b.start, b.mode);
    let list = this.map.get(key);
    if (list === undefined) {
      list = [];
      this.map.set(key, list);
    } else {
      // A block of the same bytes that failed its check in this epoch (a page made present without
      // an INVLPG, a second page no longer mapped) is superseded by the new decoding.
      for (let x = list.length - 1; x >= 0; x--) {
        const o = list[x]!;
        if (o.physStart[0] === b.physStart[0]) {
          this.drop(o);
          this.invalidations.mapping++;
        }
      }
      if (list.length === 0) this.map.set(key, list);
    }
    list.unshift(b);
    this.order.push(b);
    this.live++;
    for (let k = 0; k < b.physStart.length; k++) {
      const pfn = b.physStart[k]! >>> PAGE_SHIFT;
      this.markChunks(b.physStart[k]!, b.physLen[k]!);
      let frameList = this.byFrame.get(pfn);
      if (frameList === undefined) {
        frameList = [];
        this.byFrame.set(pfn, frameList);
        this.mmu.watchPage(pfn << PAGE_SHIFT, this.watchId);
      }
      frameList.push(b);
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
    const list = this.map.get(key);
    if (list !== undefined) {
      const x = list.indexOf(b);
      if (x >= 0) list.splice(x, 1);
      if (list.length === 0) this.map.delete(key);
    }
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

  /** Drops every block (cpu.flushDecoded: mode changes, loaders, breakpoints, interposition, callouts). */
  flush(): void {
    for (const b of [...this.blocks()]) {
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

  /** Live blocks (for counters), of every address space. */
  *blocks(): IterableIterator<TBlock> {
    for (const list of this.map.values()) yield* list;
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
