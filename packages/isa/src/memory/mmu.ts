/**
 * Linear-address memory access for the engines: 8/16/32/64-bit little-endian reads and writes,
 * unaligned and page-crossing, with an inline TLB fast path and a slow path that asks the
 * translator, raises #PF precisely (CR2 = the faulting linear address, SDM Vol. 3 §4.7) and
 * reports writes to watched pages. Multi-byte writes translate every page they touch before
 * storing any byte, so a fault leaves memory untouched and the instruction restartable.
 *
 * The translator is the identity while CR0.PG = 0 and the page walker of memory/paging.ts while
 * CR0.PG = 1, chosen from the state words at each TLB fill (so resets, snapshot restores and task
 * switches that write CR0/CR3/CR4 directly need no extra step, only the TLB flush), unless the
 * host installed its own (the user-level machine's page map). User or supervisor rights follow setUserMode (CPL 3 or not); the
 * processor's implicit accesses to descriptor tables and the TSS use readSupervisor* and
 * writeSupervisor*, which never leave a TLB entry a later user access could go through.
 *
 * Addresses are linear (segment base already added by the caller); values are returned as int32
 * for dwords and as unsigned for bytes and words. Physical addresses are unsigned numbers.
 */
import { raise, VEC_PF } from "../cpu/exceptions";
import { CR0_PG, S_CR0, S_CR2 } from "../cpu/state";
import { PagingTranslator } from "./paging";
import { PAGE_MASK, PAGE_SHIFT, type PhysicalMemory } from "./physical";
import type { PhysicalLayer } from "./physical-layer";
import { Tlb, TLB_INDEX_MASK, type TlbSnapshot, TLBF_NO_USER_READ, TLBF_NO_USER_WRITE } from "./tlb";
import { ACCESS_READ, ACCESS_USER, ACCESS_WRITE, IdentityTranslator, type Translator } from "./translator";

/** A TLB snapshot with the page walk's memory-reference count (`walk.mem_refs`). */
export interface MmuTlbSnapshot extends TlbSnapshot {
  readonly walkMemRefs: number;
}

export class Mmu {
  readonly ram: PhysicalMemory;
  readonly tlb: Tlb = new Tlb();
  /** A host-installed translator that replaces the processor's (null: CR0.PG decides). */
  private hostTranslator: Translator | null;
  /** The translator while CR0.PG = 0. */
  readonly identity: IdentityTranslator = new IdentityTranslator();
  /** The two-level page walk, the translator while CR0.PG = 1 (it reads CR0/CR3/CR4 from the state). */
  readonly paging: PagingTranslator;
  /** Guest-physical -> PhysicalMemory mapping beneath the translator (null: identity). */
  physicalLayer: PhysicalLayer | null = null;
  /** ACCESS_USER while CPL = 3, else 0. Change it with setUserMode. */
  userAccess = 0;
  private readonly u8: Uint8Array;
  private readonly u16: Uint16Array;
  private readonly i32: Int32Array;
  private readonly readTag: Int32Array;
  private readonly writeTag: Int32Array;
  private readonly frame: Int32Array;
  private readonly watchTag: Int32Array;
  private readonly ramSize: number;
  /** CPU state words, for CR2 on #PF. */
  private readonly state: Int32Array;

  constructor(ram: PhysicalMemory, state: Int32Array, translator?: Translator) {
    this.ram = ram;
    this.state = state;
    this.paging = new PagingTranslator(ram, state);
    this.hostTranslator = translator ?? null;
    this.u8 = ram.u8;
    this.u16 = ram.u16;
    this.i32 = ram.i32;
    this.ramSize = ram.size;
    this.readTag = this.tlb.readTag;
    this.writeTag = this.tlb.writeTag;
    this.frame = this.tlb.frame;
    this.watchTag = this.tlb.watchTag;
  }

  /**
   * Replaces the processor's linear -> physical step by the host's (a page map), or gives it back
   * (null), and flushes the TLB.
   */
  setTranslator(translator: Translator | null): void {
    this.hostTranslator = translator;
    this.tlb.flush();
  }

  /** The translator in effect: the host's, else the page walk while CR0.PG = 1, else the identity. */
  get translator(): Translator {
    return this.hostTranslator ?? ((this.state[S_CR0]! & CR0_PG) !== 0 ? this.paging : this.identity);
  }

  /**
   * Installs a guest-physical layer (ROM windows, EPT) under every translator, the page walk's
   * entry accesses included, and flushes the TLB.
   */
  setPhysicalLayer(layer: PhysicalLayer | null): void {
    this.physicalLayer = layer;
    this.paging.physicalLayer = layer;
    this.tlb.flush();
  }

  /** True while the translator is the processor's own (identity or page walk), not a host's. */
  hardwareTranslation(): boolean {
    return this.hostTranslator === null;
  }

  /**
   * User (CPL 3) or supervisor rights for the accesses that follow (SDM Vol. 3 §4.6). Entering user
   * mode removes what supervisor fills granted beyond user rights from the TLB; returns true when
   * a page a user could not read was translated with supervisor rights since the last entry to
   * user mode, so the caller sets cpu.mappingChanged: blocks decoded with supervisor rights from
   * such a page must not run at CPL 3 (Cpu.setCpl does this).
   */
  setUserMode(user: boolean): boolean {
    const ua = user ? ACCESS_USER : 0;
    if (ua === this.userAccess) return false;
    this.userAccess = ua;
    return user && this.tlb.dropUserInvisible();
  }

  /**
   * Counts TLB hits (the `tlb.hit` counter) from now on: the accessors of this instance are
   * replaced by counting wrappers (an access is a hit when it needed no refill), so an MMU that
   * never counts keeps its fast paths untouched. Engines that inline the fast path themselves
   * (the translator in `dbt`) must call the accessors instead while counting.
   */
  countTlbHits(): void {
    if (this.tlb.hits >= 0) return;
    const tlb = this.tlb;
    tlb.hits = 0;
    const proto = Mmu.prototype;
    const reader = (f: (a: number) => number) => (a: number): number => {
      const m = tlb.misses;
      const v = f.call(this, a);
      if (tlb.misses === m) tlb.hits++;
      return v;
    };
    const writer = (f: (a: number, v: number) => void) => (a: number, v: number): void => {
      const m = tlb.misses;
      f.call(this, a, v);
      if (tlb.misses === m) tlb.hits++;
    };
    /* eslint-disable @typescript-eslint/unbound-method -- re-bound with call() above */
    this.read8 = reader(proto.read8);
    this.read16 = reader(proto.read16);
    this.read32 = reader(proto.read32);
    this.write8 = writer(proto.write8);
    this.write16 = writer(proto.write16);
    this.write32 = writer(proto.write32);
    /* eslint-enable @typescript-eslint/unbound-method */
  }

  /** Paging-structure entries read by page walks (the `walk.mem_refs` counter). */
  walkMemRefs(): number {
    return this.paging.memRefs;
  }

  /**
   * Physical address of `linear` for a read, through the TLB: a hit neither refills nor walks
   * (decoders recording the physical bytes of code they just fetched through read8), so the
   * tlb.miss and walk.mem_refs counters count the guest's translations, not the decoder's lookups.
   */
  physicalForRead(linear: number): number {
    const page = linear >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page) return this.frame[i]! | (linear & PAGE_MASK);
    return this.translate(linear, ACCESS_READ);
  }

  /** The TLB's entries and counters, with the page walk's `walk.mem_refs`, for a processor snapshot. */
  snapshotTlb(): MmuTlbSnapshot {
    return { ...this.tlb.snapshot(this.ram.watched), walkMemRefs: this.paging.memRefs };
  }

  /**
   * Loads the TLB of a snapshot taken on a machine with the same memory layout: entries hold
   * physical frames, so they stay valid; write permission follows this machine's watched pages.
   */
  restoreTlb(snap: MmuTlbSnapshot): void {
    this.tlb.restore(snap, this.ram.watched);
    this.paging.memRefs = snap.walkMemRefs;
  }

  /**
   * Physical address of `linear` for `access` (ACCESS_* bits, the user bit is added here); fills
   * the TLB; raises #PF when the translator refuses. Addresses outside RAM return as they are and
   * are never cached (reads give all-ones, writes are dropped, as on an open bus).
   */
  translate(linear: number, access: number): number {
    const translator = this.translator;
    let phys = translator.translate(linear, access | this.userAccess);
    if (phys < 0) {
      this.state[S_CR2] = linear;
      raise(VEC_PF, translator.faultCode);
    }
    if (this.physicalLayer !== null) phys = this.physicalLayer.map(phys, access);
    if (phys < this.ramSize) {
      const page = linear >>> PAGE_SHIFT;
      const i = page & TLB_INDEX_MASK;
      const frameAddr = phys & ~PAGE_MASK;
      this.tlb.misses++;
      if (this.readTag[i] !== page) {
        this.writeTag[i] = -1;
        this.watchTag[i] = -1;
      }
      this.readTag[i] = page;
      this.frame[i] = frameAddr;
      // A fill in user mode passed the user checks: nothing to take back when CPL 3 continues.
      const f = translator.fill;
      this.tlb.noteFill(i, this.userAccess === 0 ? f : f & ~(TLBF_NO_USER_READ | TLBF_NO_USER_WRITE));
      if ((access & ACCESS_WRITE) !== 0) {
        if (this.ram.watched[frameAddr >>> PAGE_SHIFT] === 0) this.writeTag[i] = page;
        else this.watchTag[i] = page;
      }
    }
    return phys;
  }

  read8(a: number): number {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page) return this.u8[this.frame[i]! | (a & PAGE_MASK)]!;
    return this.readSlow(a, 1);
  }

  /**
   * A code byte for a decoder: read8's path, but never the wrapped accessors (tlb.hit counting,
   * data breakpoints). An instruction fetch is not a data access (DR7 R/W = 11 breaks on "data
   * reads or writes but not instruction fetches", SDM Vol. 3 §17.2.4), and decoders fetch only
   * when their decoded-code cache misses, so counting fetches would make tlb.hit depend on that
   * host-side cache (and differ after a snapshot restore).
   */
  fetch8(a: number): number {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page) return this.u8[this.frame[i]! | (a & PAGE_MASK)]!;
    return this.readSlow(a, 1);
  }

  read16(a: number): number {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page && (a & PAGE_MASK) !== PAGE_MASK) {
      const p = this.frame[i]! | (a & PAGE_MASK);
      return (p & 1) === 0 ? this.u16[p >> 1]! : this.u8[p]! | (this.u8[p + 1]! << 8);
    }
    return this.readSlow(a, 2);
  }

  read32(a: number): number {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.readTag[i] === page && (a & PAGE_MASK) <= PAGE_SIZE_MINUS_4) {
      const p = this.frame[i]! | (a & PAGE_MASK);
      if ((p & 3) === 0) return this.i32[p >> 2]!;
      const u8 = this.u8;
      return u8[p]! | (u8[p + 1]! << 8) | (u8[p + 2]! << 16) | (u8[p + 3]! << 24);
    }
    return this.readSlow(a, 4);
  }

  write8(a: number, v: number): void {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.writeTag[i] === page) {
      this.u8[this.frame[i]! | (a & PAGE_MASK)] = v;
      return;
    }
    this.writeSlow(a, v, 1);
  }

  write16(a: number, v: number): void {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.writeTag[i] === page && (a & PAGE_MASK) !== PAGE_MASK) {
      const p = this.frame[i]! | (a & PAGE_MASK);
      if ((p & 1) === 0) this.u16[p >> 1] = v;
      else {
        this.u8[p] = v;
        this.u8[p + 1] = v >> 8;
      }
      return;
    }
    this.writeSlow(a, v, 2);
  }

  write32(a: number, v: number): void {
    const page = a >>> PAGE_SHIFT;
    const i = page & TLB_INDEX_MASK;
    if (this.writeTag[i] === page && (a & PAGE_MASK) <= PAGE_SIZE_MINUS_4) {
      const p = this.frame[i]! | (a & PAGE_MASK);
      if ((p & 3) === 0) this.i32[p >> 2] = v;
      else {
        const u8 = this.u8;
        u8[p] = v;
        u8[p + 1] = v >> 8;
        u8[p + 2] = v >> 16;
        u8[p + 3] = v >> 24;
      }
      return;
    }
    this.writeSlow(a, v, 4);
  }

  /** Writes a qword (CMPXCHG8B, x87 stores) with both halves checked before either is stored. */
  write64(a: number, lo: number, hi: number): void {
    this.probeWrite(a, 8);
    this.write32(a, lo);
    this.write32(a + 4, hi);
  }

  /**
   * Checks that a write to the byte at `a` would not fault (for instructions that store several
   * values, like ENTER, PUSHA or far CALL, and must not store any of them if one faults).
   */
  probeWrite(a: number, size = 1): void {
    const page = a >>> PAGE_SHIFT;
    if (this.writeTag[page & TLB_INDEX_MASK] !== page) this.translate(a, ACCESS_WRITE);
    // A second page is checked at its first byte: that is where the access faults (CR2).
    if ((a & PAGE_MASK) > PAGE_SIZE_ - size) this.translate(((a & ~PAGE_MASK) + PAGE_SIZE_) | 0, ACCESS_WRITE);
  }

  /** Checks that a read of the byte at `a` would not fault. */
  probeRead(a: number): void {
    const page = a >>> PAGE_SHIFT;
    if (this.readTag[page & TLB_INDEX_MASK] !== page) this.translate(a, ACCESS_READ);
  }

  // --- implicit supervisor accesses (SDM Vol. 3 §4.6: descriptor tables, TSS, IDT) ---

  readSupervisor8(a: number): number {
    return this.userAccess === 0 ? this.read8(a) : this.readSupervisor(a, 1);
  }

  readSupervisor16(a: number): number {
    return this.userAccess === 0 ? this.read16(a) : this.readSupervisor(a, 2);
  }

  readSupervisor32(a: number): number {
    return this.userAccess === 0 ? this.read32(a) : this.readSupervisor(a, 4);
  }

  writeSupervisor8(a: number, v: number): void {
    if (this.userAccess === 0) this.write8(a, v);
    else this.writeSupervisor(a, v, 1);
  }

  writeSupervisor16(a: number, v: number): void {
    if (this.userAccess === 0) this.write16(a, v);
    else this.writeSupervisor(a, v, 2);
  }

  writeSupervisor32(a: number, v: number): void {
    if (this.userAccess === 0) this.write32(a, v);
    else this.writeSupervisor(a, v, 4);
  }

  /** Checks that a supervisor write of `size` bytes at `a` would not fault (nothing is stored). */
  probeSupervisorWrite(a: number, size: number): void {
    if (this.userAccess === 0) {
      this.probeWrite(a, size);
      return;
    }
    this.translateSupervisor(a, ACCESS_WRITE);
    if ((a & PAGE_MASK) > PAGE_SIZE_ - size) this.translateSupervisor(((a & ~PAGE_MASK) + PAGE_SIZE_) | 0, ACCESS_WRITE);
  }

  /**
   * A supervisor translation while in user mode: walks (setting A/D) and faults like any access,
   * with U/S = 0 in the error code, but fills no TLB entry, since the TLB is not tagged by privilege.
   */
  private translateSupervisor(linear: number, access: number): number {
    const translator = this.translator;
    const phys = translator.translate(linear, access);
    if (phys < 0) {
      this.state[S_CR2] = linear;
      raise(VEC_PF, translator.faultCode);
    }
    return this.physicalLayer !== null ? this.physicalLayer.map(phys, access) : phys;
  }

  private readSupervisor(a: number, n: number): number {
    let p = this.translateSupervisor(a, ACCESS_READ);
    let v = 0;
    for (let k = 0; k < n; k++) {
      const la = (a + k) | 0;
      if (k > 0) p = (la & PAGE_MASK) === 0 ? this.translateSupervisor(la, ACCESS_READ) : p + 1;
      v |= (p < this.ramSize ? this.u8[p]! : 0xff) << (k << 3);
    }
    return n === 4 ? v : v >>> 0;
  }

  private writeSupervisor(a: number, v: number, n: number): void {
    const p0 = this.translateSupervisor(a, ACCESS_WRITE);
    const firstLen = Math.min(n, PAGE_SIZE_ - (a & PAGE_MASK));
    const p1 = firstLen < n ? this.translateSupervisor((a + firstLen) | 0, ACCESS_WRITE) : 0;
    this.storePhysical(v, n, p0, p1, firstLen);
  }

  private readSlow(a: number, n: number): number {
    let v = 0;
    for (let k = 0; k < n; k++) {
      const la = (a + k) | 0;
      const page = la >>> PAGE_SHIFT;
      const i = page & TLB_INDEX_MASK;
      let b: number;
      if (this.readTag[i] === page) b = this.u8[this.frame[i]! | (la & PAGE_MASK)]!;
      else {
        const p = this.translate(la, ACCESS_READ);
        b = p < this.ramSize ? this.u8[p]! : 0xff;
      }
      v |= b << (k << 3);
    }
    return n === 4 ? v : v >>> 0;
  }

  private writeSlow(a: number, v: number, n: number): void {
    const page = a >>> PAGE_SHIFT;
    const ti = page & TLB_INDEX_MASK;
    if (this.watchTag[ti] === page && (a & PAGE_MASK) <= PAGE_SIZE_ - n) {
      // Writable, watched page: store, then tell the watchers (SMC check).
      const p = this.frame[ti]! | (a & PAGE_MASK);
      for (let k = 0; k < n; k++) this.u8[p + k] = v >> (k << 3);
      if (this.ram.watched[p >>> PAGE_SHIFT] !== 0) this.ram.notifyWrite(p, n);
      else this.watchTag[ti] = -1;
      return;
    }
    const p0 = this.translate(a, ACCESS_WRITE);
    const firstLen = Math.min(n, PAGE_SIZE_ - (a & PAGE_MASK));
    const p1 = firstLen < n ? this.translate((a + firstLen) | 0, ACCESS_WRITE) : 0;
    this.storePhysical(v, n, p0, p1, firstLen);
  }

  /** Stores `n` bytes of `v` at the translated pages p0 (first `firstLen` bytes) and p1, then tells watchers. */
  private storePhysical(v: number, n: number, p0: number, p1: number, firstLen: number): void {
    for (let k = 0; k < n; k++) {
      const p = k < firstLen ? p0 + k : p1 + (k - firstLen);
      if (p < this.ramSize) this.u8[p] = v >> (k << 3);
    }
    const ram = this.ram;
    if (p0 < this.ramSize && ram.watched[p0 >>> PAGE_SHIFT] !== 0) ram.notifyWrite(p0, firstLen);
    if (firstLen < n && p1 < this.ramSize && ram.watched[p1 >>> PAGE_SHIFT] !== 0) ram.notifyWrite(p1, n - firstLen);
  }

  /** Watches a physical page for writes by watcher `id`, revoking any cached write permission. */
  watchPage(frameAddr: number, id: number): void {
    const pfn = frameAddr >>> PAGE_SHIFT;
    const before = this.ram.watched[pfn]!;
    this.ram.watched[pfn] = before | (1 << id);
    if (before === 0) this.tlb.revokeWrites(frameAddr);
  }

  unwatchPage(frameAddr: number, id: number): void {
    const pfn = frameAddr >>> PAGE_SHIFT;
    this.ram.watched[pfn] = this.ram.watched[pfn]! & ~(1 << id);
    // Entries on the watched path fall back to the slow path once, which reinstalls a fast one.
  }

  /** Host-side copy of guest linear memory (loaders, syscalls); faults raise #PF like the guest. */
  readBytes(a: number, length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let k = 0; k < length; k++) out[k] = this.read8((a + k) | 0);
    return out;
  }

  writeBytes(a: number, bytes: Uint8Array): void {
    for (let k = 0; k < bytes.length; k++) this.write8((a + k) | 0, bytes[k]!);
  }
}

const PAGE_SIZE_ = PAGE_MASK + 1;
const PAGE_SIZE_MINUS_4 = PAGE_SIZE_ - 4;
