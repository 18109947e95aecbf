/**
 * A host-managed page table: the translation of a user-level machine (qemu-user style), where the
 * level above (a Linux-ABI runner, a TS kernel) maps linear pages onto physical frames directly
 * instead of through guest page tables. Permission bits follow the PTE layout (SDM Vol. 3 §4.3):
 * P (present), R/W, U/S, so faults carry real #PF error codes.
 */
import { ACCESS_USER, ACCESS_WRITE, type Translator } from "./translator";
import { PAGE_MASK, PAGE_SHIFT } from "./physical";
import { TLBF_NO_USER_READ, TLBF_NO_USER_WRITE } from "./tlb";

export const PTE_P = 1;
export const PTE_W = 2;
export const PTE_U = 4;

export class PageMap implements Translator {
  /**
   * Two levels, like the x86 page directory: 1024 tables of 1024 entries, allocated on first use
   * (a 4 MiB flat array per machine would dwarf small guests). Entry: frame address | PTE_* bits;
   * 0 = not present.
   */
  private readonly tables: (Int32Array | undefined)[] = new Array<Int32Array | undefined>(1024).fill(undefined);
  faultCode = 0;
  fill = 0;

  /** The entry of linear page `page` (0 when not present). */
  entry(page: number): number {
    const t = this.tables[(page >>> 10) & 0x3ff];
    return t === undefined ? 0 : t[page & 0x3ff]!;
  }

  setEntry(page: number, value: number): void {
    const d = (page >>> 10) & 0x3ff;
    let t = this.tables[d];
    if (t === undefined) {
      if (value === 0) return;
      t = this.tables[d] = new Int32Array(1024);
    }
    t[page & 0x3ff] = value;
  }

  /** Maps `count` pages from linear page number `page` to frames from `frame` on. */
  map(page: number, frame: number, count: number, flags: number): void {
    for (let k = 0; k < count; k++) this.setEntry((page + k) & 0xfffff, ((frame + k) << PAGE_SHIFT) | (flags & PAGE_MASK) | PTE_P);
  }

  unmap(page: number, count: number): void {
    for (let k = 0; k < count; k++) this.setEntry((page + k) & 0xfffff, 0);
  }

  /** Changes the permission bits of mapped pages (mprotect); unmapped pages stay unmapped. */
  protect(page: number, count: number, flags: number): void {
    for (let k = 0; k < count; k++) {
      const p = (page + k) & 0xfffff;
      const e = this.entry(p);
      if (e & PTE_P) this.setEntry(p, (e & ~PAGE_MASK) | (flags & PAGE_MASK) | PTE_P);
    }
  }

  /** Frame address of a linear page, or -1. */
  frameOf(page: number): number {
    const e = this.entry(page & 0xfffff);
    return e & PTE_P ? e & ~PAGE_MASK : -1;
  }

  translate(linear: number, access: number): number {
    const t = this.tables[linear >>> 22];
    const e = t === undefined ? 0 : t[(linear >>> PAGE_SHIFT) & 0x3ff]!;
    if (
      (e & PTE_P) === 0 ||
      ((access & ACCESS_WRITE) !== 0 && (e & PTE_W) === 0) ||
      ((access & ACCESS_USER) !== 0 && (e & PTE_U) === 0)
    ) {
      this.faultCode = (e & PTE_P) | access;
      return -1;
    }
    this.fill = (e & PTE_U) === 0 ? TLBF_NO_USER_READ | TLBF_NO_USER_WRITE : (e & PTE_W) === 0 ? TLBF_NO_USER_WRITE : 0;
    return (e & ~PAGE_MASK) | (linear & PAGE_MASK);
  }
}
