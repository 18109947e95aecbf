/**
 * The translation lookaside buffer (SDM Vol. 3 §4.10.2): direct-mapped, TLB_SIZE entries indexed
 * by the low bits of the linear page number (QEMU softmmu style). An entry is valid for reads when
 * readTag[i] equals the page number and for writes when writeTag[i] does; frame[i] is the physical
 * page address. A write tag is only installed after a successful write translation of an unwatched
 * page (which set the Dirty bit, §4.8), so hits need no further checks: the fast paths in mmu.ts
 * (and the translator's generated code in `dbt`) are one compare and one typed-array access.
 *
 * What the tags cannot say lives in `flags[i]`, read only on fills and flushes:
 * - TLBF_GLOBAL: the page is global (CR4.PGE and G in the entry that maps it): it survives a CR3
 *   load (§4.10.4.1) but not INVLPG or a change of CR4.PGE / CR0.PG.
 * - TLBF_LARGE: the entry caches part of a 4 MiB page; INVLPG of any address in that page drops
 *   every such entry (§4.10.4.1: "invalidates ... for the page containing the address").
 * - TLBF_NO_USER_READ / TLBF_NO_USER_WRITE: the fill was done with supervisor rights and a CPL 3
 *   access could not read / write through it. Entries are not tagged by privilege (that would cost
 *   the fast path a compare); instead dropUserInvisible() removes these permissions when the
 *   processor enters user mode. A fill done in user mode is good for supervisor accesses as well
 *   (no SMAP on a P6: the supervisor may read and write every user page it may write).
 */
import { PAGE_SHIFT } from "./physical";

export const TLB_BITS = 10;
export const TLB_SIZE = 1 << TLB_BITS;
export const TLB_INDEX_MASK = TLB_SIZE - 1;

export const TLBF_GLOBAL = 1;
export const TLBF_LARGE = 2;
export const TLBF_NO_USER_READ = 4;
export const TLBF_NO_USER_WRITE = 8;

/**
 * The TLB's contents and counters as plain data (part of a processor snapshot): the TLB is
 * architecturally visible — a guest that changes a PTE without INVLPG may keep using the old
 * translation (§4.10.4.3) — so a restored run must start from the same entries to behave, and
 * count tlb.* / walk.*, like the uninterrupted one.
 */
export interface TlbSnapshot {
  readonly readTag: Int32Array;
  /**
   * Writable entries: the write tag of each. An entry on the watched path whose page was still
   * watched when the snapshot was taken is recorded here too: the watch belongs to the host side
   * (decoded code) of the snapshotted machine, and the restoring machine re-derives it from its own
   * watched pages.
   */
  readonly writeTag: Int32Array;
  /** Writable entries whose page was no longer watched: the next write drops them to the slow path. */
  readonly watchTag: Int32Array;
  readonly frame: Int32Array;
  readonly flags: Uint8Array;
  readonly misses: number;
  /** -1 when hits were not counted. */
  readonly hits: number;
  readonly flushes: number;
  readonly globalFills: number;
  readonly largeFills: number;
  readonly supervisorFills: number;
  readonly supervisorOnlySinceUser: boolean;
}

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
  /** TLBF_* bits of each entry (meaningful while readTag[i] !== -1). */
  readonly flags: Uint8Array = new Uint8Array(TLB_SIZE);
  /** Number of refills (the `tlb.miss` counter). */
  misses = 0;
  /**
   * Accesses served without a refill (the `tlb.hit` counter), or -1 while not counted: counting
   * costs the inline fast path an increment per access, so it is switched on only on request
   * (Mmu.countTlbHits) and the counter is absent otherwise.
   */
  hits = -1;
  /** Whole-TLB flushes, global-preserving ones (CR3 loads) included (the `tlb.flush` counter). */
  flushes = 0;
  /**
   * Fills since the last scan with TLBF_GLOBAL / TLBF_LARGE / TLBF_NO_USER_* set: while zero, the
   * matching scans are skipped (a CR3 load is a plain fill(-1), entering user mode costs nothing).
   */
  private globalFills = 0;
  private largeFills = 0;
  private supervisorFills = 0;
  /**
   * A fill with supervisor rights of a page a user access could not read happened since the last
   * entry to user mode. Not reset by flushes: decoded blocks keyed by linear address may have been
   * fetched through it even after its TLB entry went away.
   */
  private supervisorOnlySinceUser = false;

  /** Records the flags of the entry just filled at index `i`. */
  noteFill(i: number, f: number): void {
    this.flags[i] = f;
    if (f !== 0) {
      if ((f & TLBF_GLOBAL) !== 0) this.globalFills++;
      if ((f & TLBF_LARGE) !== 0) this.largeFills++;
      if ((f & (TLBF_NO_USER_READ | TLBF_NO_USER_WRITE)) !== 0) this.supervisorFills++;
      if ((f & TLBF_NO_USER_READ) !== 0) this.supervisorOnlySinceUser = true;
    }
  }

  /** Drops every entry, global ones included (CR0.PG/WP and CR4.PGE/PSE changes, a new page map). */
  flush(): void {
    this.readTag.fill(-1);
    this.writeTag.fill(-1);
    this.watchTag.fill(-1);
    this.globalFills = 0;
    this.largeFills = 0;
    this.supervisorFills = 0;
    this.flushes++;
  }

  /** Drops every entry that is not global (MOV to CR3, a task switch, §4.10.4.1). */
  flushNonGlobal(): void {
    if (this.globalFills === 0) {
      this.flush();
      return;
    }
    const flags = this.flags;
    const readTag = this.readTag;
    for (let i = 0; i < TLB_SIZE; i++) {
      if (readTag[i] !== -1 && (flags[i]! & TLBF_GLOBAL) === 0) this.drop(i);
    }
    this.flushes++;
  }

  /**
   * Drops the entry of one linear page, global or not (INVLPG, munmap/mprotect of one page); for a
   * page inside a cached 4 MiB page, every entry of that 4 MiB page.
   */
  flushPage(page: number): void {
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page) this.drop(i);
    if (this.largeFills !== 0) {
      const big = page >>> 10;
      const flags = this.flags;
      const readTag = this.readTag;
      for (let k = 0; k < TLB_SIZE; k++) {
        const t = readTag[k]!;
        if (t !== -1 && (flags[k]! & TLBF_LARGE) !== 0 && t >>> 10 === big) this.drop(k);
      }
    }
  }

  /**
   * Entering user mode (CPL 3): removes the permissions that supervisor fills granted beyond the
   * user's. Returns true when a page a user access could not read was filled with supervisor
   * rights since the last entry to user mode: code decoded from it (blocks are keyed by linear
   * address and do not remember the rights they were fetched with) must not run at CPL 3, so the
   * caller drops decoded code.
   */
  dropUserInvisible(): boolean {
    const code = this.supervisorOnlySinceUser;
    this.supervisorOnlySinceUser = false;
    if (this.supervisorFills === 0) return code;
    this.supervisorFills = 0;
    const flags = this.flags;
    const readTag = this.readTag;
    for (let i = 0; i < TLB_SIZE; i++) {
      const f = flags[i]!;
      if ((f & (TLBF_NO_USER_READ | TLBF_NO_USER_WRITE)) === 0 || readTag[i] === -1) continue;
      if ((f & TLBF_NO_USER_READ) !== 0) this.drop(i);
      else {
        this.writeTag[i] = -1;
        this.watchTag[i] = -1;
        flags[i] = f & ~TLBF_NO_USER_WRITE;
      }
    }
    return code;
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

  /** The entries and counters; `watched` is the physical memory's per-page watcher bits. */
  snapshot(watched: Uint8Array): TlbSnapshot {
    const writeTag = this.writeTag.slice();
    const watchTag = this.watchTag.slice();
    for (let i = 0; i < TLB_SIZE; i++) {
      const w = watchTag[i]!;
      if (w !== -1 && watched[this.frame[i]! >>> PAGE_SHIFT] !== 0) {
        writeTag[i] = w;
        watchTag[i] = -1;
      }
    }
    return {
      readTag: this.readTag.slice(),
      writeTag,
      watchTag,
      frame: this.frame.slice(),
      flags: this.flags.slice(),
      misses: this.misses,
      hits: this.hits,
      flushes: this.flushes,
      globalFills: this.globalFills,
      largeFills: this.largeFills,
      supervisorFills: this.supervisorFills,
      supervisorOnlySinceUser: this.supervisorOnlySinceUser,
    };
  }

  /**
   * Loads a snapshot (its arrays TLB_SIZE long: the caller checks). Write permission of a page
   * watched here goes to the watched path, as watchPage would have done (`watched` is this
   * machine's per-page watcher bits). Hits stay uncounted when this TLB does not count them
   * (counting is switched on by Mmu.countTlbHits, not by a snapshot).
   */
  restore(snap: TlbSnapshot, watched: Uint8Array): void {
    this.readTag.set(snap.readTag);
    this.writeTag.set(snap.writeTag);
    this.watchTag.set(snap.watchTag);
    this.frame.set(snap.frame);
    this.flags.set(snap.flags);
    this.misses = snap.misses;
    if (this.hits >= 0) this.hits = Math.max(0, snap.hits);
    this.flushes = snap.flushes;
    this.globalFills = snap.globalFills;
    this.largeFills = snap.largeFills;
    this.supervisorFills = snap.supervisorFills;
    this.supervisorOnlySinceUser = snap.supervisorOnlySinceUser;
    for (let i = 0; i < TLB_SIZE; i++) {
      const w = this.writeTag[i]!;
      if (w !== -1 && watched[this.frame[i]! >>> PAGE_SHIFT] !== 0) {
        this.watchTag[i] = w;
        this.writeTag[i] = -1;
      }
    }
  }

  private drop(i: number): void {
    this.readTag[i] = -1;
    this.writeTag[i] = -1;
    this.watchTag[i] = -1;
  }
}
