/**
 * Control registers CR0, CR3 and CR4 (SDM Vol. 3 §2.5) and everything a write to them implies:
 * the checks of MOV to CRn (Vol. 2 "MOV—Move to/from Control Registers": #GP(0) for invalid
 * combinations and reserved CR4 bits), the TLB flushes of §4.10.4.1 (a CR3 load drops non-global
 * translations; changing CR0.PG, CR0.WP, CR4.PSE or CR4.PGE drops all, global ones included) and
 * what decoded code must learn: a change of how code decodes (CR0.PE) raises cpu.flushDecoded, a
 * change of only the linear -> physical mapping of code (CR0.PG, a CR3 load or CR4.PSE/PGE with
 * paging on) raises cpu.mappingChanged (caches keyed by linear address drop everything on either;
 * the translator keeps blocks whose physical bytes are still mapped). The MMU itself picks the
 * identity or the page walk from CR0.PG, and the walk reads CR3, CR4 and CR0.WP, at each TLB
 * fill. Used by MOV CRn, LMSW, CLTS and task switches (which load CR3); the callers check CPL.
 *
 * The processor is an i686 without PAE: CR4 has VME, PVI, TSD, DE, PSE, PGE and PCE (CPUID
 * advertises PSE and PGE for them); setting any other CR4 bit, PAE included, is #GP(0).
 */
import type { Cpu } from "./cpu";
import { raise, VEC_GP } from "./exceptions";
import { CR0_ET, CR0_PE, CR0_PG, CR0_WP, S_CR0, S_CR3, S_CR4 } from "./state";

export const CR0_NW = 1 << 29;
export const CR0_CD = 1 << 30;
/** CR0 bits a P6 implements: PE MP EM TS ET NE WP AM NW CD PG; writes to the others are ignored. */
export const CR0_DEFINED = 0x3f | CR0_WP | (1 << 18) | CR0_NW | CR0_CD | CR0_PG;

export const CR4_VME = 1 << 0;
export const CR4_PVI = 1 << 1;
export const CR4_TSD = 1 << 2;
export const CR4_DE = 1 << 3;
export const CR4_PSE = 1 << 4;
export const CR4_PAE = 1 << 5;
export const CR4_PGE = 1 << 7;
export const CR4_PCE = 1 << 8;
/** The CR4 bits of this processor; any other set bit is reserved here (#GP(0) on MOV to CR4). */
export const CR4_SUPPORTED = CR4_VME | CR4_PVI | CR4_TSD | CR4_DE | CR4_PSE | CR4_PGE | CR4_PCE;

/**
 * MOV to CR0 (and LMSW/CLTS, which pass the full new value). #GP(0) for PG without PE and for NW
 * without CD; ET is hard-wired to 1 on the P6 family.
 */
export function writeCr0(cpu: Cpu, value: number): void {
  const v = (value & CR0_DEFINED) | CR0_ET;
  if ((v & CR0_PG) !== 0 && (v & CR0_PE) === 0) raise(VEC_GP, 0);
  if ((v & CR0_NW) !== 0 && (v & CR0_CD) === 0) raise(VEC_GP, 0);
  const s = cpu.s;
  const changed = s[S_CR0]! ^ v;
  s[S_CR0] = v;
  // The MMU picks the translator from CR0.PG at each fill; what it cached must go.
  if ((changed & (CR0_PG | CR0_WP)) !== 0) cpu.mmu.tlb.flush();
  // PE selects how code decodes; PG, how linear addresses of code map.
  if ((changed & CR0_PE) !== 0) cpu.flushDecoded = true;
  if ((changed & CR0_PG) !== 0) cpu.mappingChanged = true;
}

/**
 * MOV to CR3 (and a task switch): the new page-directory base; drops every non-global TLB entry
 * and, with paging on, raises cpu.mappingChanged. Bits other than PWT, PCD and the base are ignored by
 * 32-bit paging and kept as written.
 */
export function writeCr3(cpu: Cpu, value: number): void {
  const s = cpu.s;
  s[S_CR3] = value;
  cpu.mmu.tlb.flushNonGlobal();
  if ((s[S_CR0]! & CR0_PG) !== 0) cpu.mappingChanged = true;
}

/** MOV to CR4: #GP(0) for bits this processor lacks (PAE among them). */
export function writeCr4(cpu: Cpu, value: number): void {
  if ((value & ~CR4_SUPPORTED) !== 0) raise(VEC_GP, 0);
  const s = cpu.s;
  const changed = s[S_CR4]! ^ value;
  s[S_CR4] = value;
  if ((changed & (CR4_PSE | CR4_PGE)) !== 0) {
    cpu.mmu.tlb.flush();
    if ((s[S_CR0]! & CR0_PG) !== 0) cpu.mappingChanged = true;
  }
}
