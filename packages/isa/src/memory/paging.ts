/**
 * 32-bit paging (SDM Vol. 3 §4.3): the two-level walk from CR3 through a page-directory entry
 * (PDE) and a page-table entry (PTE) to a 4 KiB page, or from a PDE with PS = 1 straight to a
 * 4 MiB page when CR4.PSE = 1. Access rights (§4.6): user accesses need U/S = 1 in both levels,
 * and R/W = 1 in both to write; supervisor accesses may read everything and write everything
 * unless CR0.WP = 1, when they need R/W = 1 in both levels like user writes.
 *
 * Accessed and dirty flags (§4.8), set with a locked read-modify-write as hardware does, and only
 * when clear (so a page table the guest keeps with A/D already set is never written): a PDE that
 * references a page table gets A as soon as the walk goes through it, before the PTE is even read
 * (a walk that then faults on the PTE leaves it set, as QEMU and the P6 do); the entry that maps
 * the page (PTE, or the 4 MiB PDE) gets A, and D on a write, only when the access is allowed. A
 * walk that faults leaves the failing entry untouched. D of a PDE that references a page table is
 * never written.
 *
 * The processor modelled is an i686 without PAE and without PSE-36: CR4.PAE cannot be set (see
 * cpu/control-registers.ts), entries are 32 bits, and bits 21:13 of a 4 MiB PDE are reserved
 * (a walk through one with any of them set faults with P = 1 and RSVD = 1, §4.7). There is no
 * execute-disable, so instruction fetches are checked as reads and the error code has no I/D bit.
 */
import { ACCESS_READ, ACCESS_USER, ACCESS_WRITE, type Translator } from "./translator";
import { CR0_WP, S_CR0, S_CR3, S_CR4 } from "../cpu/state";
import type { PhysicalMemory } from "./physical";
import type { PhysicalLayer } from "./physical-layer";
import { TLBF_GLOBAL, TLBF_LARGE, TLBF_NO_USER_READ, TLBF_NO_USER_WRITE } from "./tlb";

/** CR4.PSE and CR4.PGE (SDM Vol. 3 §2.5), as cpu/control-registers.ts names them. */
const CR4_PSE_BIT = 1 << 4;
const CR4_PGE_BIT = 1 << 7;

/** Paging-structure entry bits (SDM Vol. 3 Tables 4-4 to 4-6). */
export const PG_P = 1 << 0;
export const PG_RW = 1 << 1;
export const PG_US = 1 << 2;
export const PG_PWT = 1 << 3;
export const PG_PCD = 1 << 4;
export const PG_A = 1 << 5;
export const PG_D = 1 << 6;
/** PS in a PDE (4 MiB page when CR4.PSE = 1); PAT in a PTE. */
export const PG_PS = 1 << 7;
export const PG_G = 1 << 8;
/** Reserved bits of a 4 MiB PDE on a processor without PSE-36 (bits 21:13). */
export const PDE4M_RESERVED = 0x003fe000;

/** #PF error code bits (SDM Vol. 3 §4.7, Figure 4-12). */
export const PFEC_P = 1;
export const PFEC_WR = 2;
export const PFEC_US = 4;
export const PFEC_RSVD = 8;

export class PagingTranslator implements Translator {
  faultCode = 0;
  fill = 0;
  /** Paging-structure entries read by walks (the `walk.mem_refs` counter). */
  memRefs = 0;
  /** Where guest-physical entry addresses land in RAM (set through Mmu.setPhysicalLayer). */
  physicalLayer: PhysicalLayer | null = null;
  private readonly ram: PhysicalMemory;
  /** CPU state words: CR3 (page-directory base), CR4.PSE/PGE and CR0.WP are read at each walk. */
  private readonly state: Int32Array;
  private pge = false;
  private wp = false;

  constructor(ram: PhysicalMemory, state: Int32Array) {
    this.ram = ram;
    this.state = state;
  }

  /** Physical address (unsigned) of `linear`, or -1 with `faultCode` set. */
  translate(linear: number, access: number): number {
    const user = (access & ACCESS_USER) !== 0;
    const write = (access & ACCESS_WRITE) !== 0;
    const s = this.state;
    const cr4 = s[S_CR4]!;
    this.pge = (cr4 & CR4_PGE_BIT) !== 0;
    this.wp = (s[S_CR0]! & CR0_WP) !== 0;
    const pdeAddr = (s[S_CR3]! & ~0xfff) | ((linear >>> 20) & 0xffc);
    let pde = this.readEntry(pdeAddr);
    if ((pde & PG_P) === 0) return this.fault(access & (PFEC_WR | PFEC_US));
    if ((pde & PG_PS) !== 0 && (cr4 & CR4_PSE_BIT) !== 0) {
      if ((pde & PDE4M_RESERVED) !== 0) return this.fault(PFEC_P | PFEC_RSVD | (access & (PFEC_WR | PFEC_US)));
      if (!this.allowed(pde, user, write)) return this.fault(PFEC_P | (access & (PFEC_WR | PFEC_US)));
      const set = write ? PG_A | PG_D : PG_A;
      if ((pde & set) !== set) this.writeEntry(pdeAddr, (pde |= set));
      this.fill = TLBF_LARGE | this.rights(pde, pde);
      return ((pde & 0xffc00000) | (linear & 0x3fffff)) >>> 0;
    }
    if ((pde & PG_A) === 0) this.writeEntry(pdeAddr, (pde |= PG_A));
    const pteAddr = (pde & ~0xfff) | ((linear >>> 10) & 0xffc);
    let pte = this.readEntry(pteAddr);
    if ((pte & PG_P) === 0) return this.fault(access & (PFEC_WR | PFEC_US));
    const both = pde & pte;
    if (!this.allowed(both, user, write)) return this.fault(PFEC_P | (access & (PFEC_WR | PFEC_US)));
    const set = write ? PG_A | PG_D : PG_A;
    if ((pte & set) !== set) this.writeEntry(pteAddr, (pte |= set));
    this.fill = this.rights(both, pte);
    return ((pte & ~0xfff) | (linear & 0xfff)) >>> 0;
  }

  /** §4.6: may an access of this kind go through entries whose combined rights are `rw`? */
  private allowed(rw: number, user: boolean, write: boolean): boolean {
    if (user) return (rw & PG_US) !== 0 && (!write || (rw & PG_RW) !== 0);
    return !write || !this.wp || (rw & PG_RW) !== 0;
  }

  /** TLB flags for a translation with combined rights `rw` whose mapping entry is `leaf`. */
  private rights(rw: number, leaf: number): number {
    const g = this.pge && (leaf & PG_G) !== 0 ? TLBF_GLOBAL : 0;
    if ((rw & PG_US) === 0) return g | TLBF_NO_USER_READ | TLBF_NO_USER_WRITE;
    return (rw & PG_RW) === 0 ? g | TLBF_NO_USER_WRITE : g;
  }

  private fault(code: number): number {
    this.faultCode = code;
    return -1;
  }

  /** A paging-structure entry: physical, dword-aligned; outside RAM reads as 0 (not present). */
  private readEntry(addr: number): number {
    this.memRefs++;
    const a = this.physicalLayer !== null ? this.physicalLayer.map(addr >>> 0, ACCESS_READ) : addr >>> 0;
    return a < this.ram.size ? this.ram.i32[a >>> 2]! : 0;
  }

  /** Stores an entry with A/D set, telling write watchers (shadow page tables, decoded code). */
  private writeEntry(addr: number, value: number): void {
    const ram = this.ram;
    const a = this.physicalLayer !== null ? this.physicalLayer.map(addr >>> 0, ACCESS_WRITE) : addr >>> 0;
    if (a >= ram.size) return;
    ram.i32[a >>> 2] = value;
    if (ram.watched[a >>> 12] !== 0) ram.notifyWrite(a, 4);
  }
}
