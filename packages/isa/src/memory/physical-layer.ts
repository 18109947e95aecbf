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
