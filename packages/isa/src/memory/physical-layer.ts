/**
 * The guest-physical -> host-physical step beneath paging (DESIGN.md "Physical layers"): what a
 * translation (identity, page walk, page map) produces is a guest-physical address; a physical
 * layer maps it onto PhysicalMemory. None by default (guest-physical = the index into RAM). Uses:
 * ROM windows above RAM (a PC's BIOS at the top of 4 GiB, stored after the guest's RAM), and
 * nested paging (EPT) in the levels above. Consulted on TLB fills and page-walk entry accesses
 * only, never on the fast path.
 */
export interface PhysicalLayer {
  /**
   * The PhysicalMemory address of guest-physical `phys` (an unsigned number) for an access of kind
   * `access` (ACCESS_* bits); a value >= the memory's size means unbacked (reads give all ones,
   * writes are dropped, as on an open bus).
   */
  map(phys: number, access: number): number;
}

/**
 * One window of guest-physical space backed elsewhere in PhysicalMemory, everything else identity:
 * a PC's BIOS at [4 GiB - size, 4 GiB) stored after the guest's RAM (`new PhysicalWindow(highBase,
 * size, storeBase)`), under paging as well as with paging off.
 */
export class PhysicalWindow implements PhysicalLayer {
  constructor(
    /** Guest-physical start of the window (unsigned). */
    readonly base: number,
    readonly size: number,
    /** Where the window's first byte lives in PhysicalMemory. */
    readonly store: number,
  ) {}

  map(phys: number): number {
    const off = phys - this.base;
    return off >= 0 && off < this.size ? this.store + off : phys;
  }
}
