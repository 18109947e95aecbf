/**
 * The translation lookaside buffer: direct-mapped, TLB_SIZE entries indexed by the low bits of the
 * linear page number (QEMU softmmu style). An entry is valid for reads when readTag[i] equals the
 * page number and for writes when writeTag[i] does; frame[i] is the physical page address. A
 * write tag is only installed after a successful write translation of an unwatched page, so hits
 * need no further checks: the fast paths in mmu.ts are one compare and one typed-array access.
 */
export const TLB_BITS = 10;
export const TLB_SIZE = 1 << TLB_BITS;
export const TLB_INDEX_MASK = TLB_SIZE - 1;

export class Tlb {
  readonly readTag: Int32Array = new Int32Array(TLB_SIZE).fill(-1);
  readonly writeTag: Int32Array = new Int32Array(TLB_SIZE).fill(-1);
  readonly frame: Int32Array = new Int32Array(TLB_SIZE);
  /**
   * Writable but write-watched pages: a write misses the fast path, then finds the translation
   * here (no page walk) and notifies the watchers. Code pages that share a page with hot data
   * (tiny static programs put .bss right after .text) stay cheap this way.
   */
  readonly watchTag: Int32Array = new Int32Array(TLB_SIZE).fill(-1);
  /** Number of refills (the `tlb.miss` counter). */
  misses = 0;
  flushes = 0;

  /** Drops every entry (MOV CR3, CR0/CR4 paging changes, a new page map). */
  flush(): void {
    this.readTag.fill(-1);
    this.writeTag.fill(-1);
    this.watchTag.fill(-1);
    this.flushes++;
  }

  /** Drops the entry of one linear page (INVLPG, munmap/mprotect of one page). */
  flushPage(page: number): void {
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page) {
      this.readTag[i] = -1;
      this.writeTag[i] = -1;
      this.watchTag[i] = -1;
    }
  }

  /** Moves write permission of entries mapping `frameAddr` to the watched path (it became watched). */
  revokeWrites(frameAddr: number): void {
    for (let i = 0; i < TLB_SIZE; i++) {
      if (this.frame[i] === frameAddr && this.writeTag[i] !== -1) {
        this.watchTag[i] = this.writeTag[i]!;
        this.writeTag[i] = -1;
      }
    }
  }
}
