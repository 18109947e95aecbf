/**
 * Guest physical memory: one ArrayBuffer with byte, word and dword views (little-endian, like the
 * guest). Pages can be write-watched: the decoded-instruction cache watches the pages it decoded
 * from (self-modifying code), the translator will do the same, and shadow paging will watch guest
 * page tables. A watched page never gets a write TLB entry, so every guest write to it reaches
 * notifyWrite() through the MMU's slow path.
 */

export const PAGE_SHIFT = 12;
export const PAGE_SIZE = 1 << PAGE_SHIFT;
export const PAGE_MASK = PAGE_SIZE - 1;

/** Called after a guest write of `length` bytes at physical address `phys` on a watched page. */
export type WriteWatcher = (phys: number, length: number) => void;

export class PhysicalMemory {
  readonly size: number;
  readonly buffer: ArrayBuffer;
  readonly u8: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** Per page: a bit per watcher id (0 = not watched). */
  readonly watched: Uint8Array;
  private readonly watchers: (WriteWatcher | undefined)[] = [];

  /** `size` in bytes, rounded up to whole pages; at most 2 GiB (physical addresses stay int32). */
  constructor(size: number) {
    const rounded = Math.ceil(size / PAGE_SIZE) * PAGE_SIZE;
    if (!(rounded > 0 && rounded <= 0x80000000)) {
      throw new RangeError(`physical memory size ${size} out of range (1 byte .. 2 GiB)`);
    }
    this.size = rounded;
    this.buffer = new ArrayBuffer(rounded);
    this.u8 = new Uint8Array(this.buffer);
    this.u16 = new Uint16Array(this.buffer);
    this.i32 = new Int32Array(this.buffer);
    this.watched = new Uint8Array(rounded >>> PAGE_SHIFT);
  }

  /** Registers a write watcher and returns its id (a bit of `watched`, at most 8 watchers). */
  addWatcher(watcher: WriteWatcher): number {
    const id = this.watchers.length;
    if (id >= 8) throw new RangeError("at most 8 write watchers per physical memory");
    this.watchers.push(watcher);
    return id;
  }

  /** Dispatches a guest write on a watched page to the watchers of that page. */
  notifyWrite(phys: number, length: number): void {
    const bits = this.watched[phys >>> PAGE_SHIFT]!;
    for (let id = 0; bits >> id; id++) {
      if ((bits >> id) & 1) this.watchers[id]!(phys, length);
    }
  }

  /** Copies bytes in (loaders, the host); bypasses write watches on purpose — callers flush. */
  writeBytes(phys: number, bytes: Uint8Array): void {
    this.u8.set(bytes, phys);
  }

  readBytes(phys: number, length: number): Uint8Array {
    return this.u8.slice(phys, phys + length);
  }
}
