/**
 * Virtual-8086 mode extensions and protected-mode virtual interrupts (SDM Vol. 3 §20.3-20.4,
 * CR4.VME and CR4.PVI): with IOPL < 3, the IF-sensitive instructions act on EFLAGS.VIF instead of
 * faulting, and with VME software interrupts in V86 mode are redirected through the 8086 vector
 * table at linear 0 when their bit in the TSS's interrupt redirection bit map is clear
 * (Table 20-2, methods 3 and 5).
 */
import type { Cpu } from "./cpu";
import { CR4_PVI, CR4_VME } from "./control-registers";
import { raise, VEC_GP } from "./exceptions";
import { materializeFlags } from "./flags";
import { CS, ESP, S_CPL, S_CR4, S_EFLAGS, S_EIP, S_SEG_BASE, S_SEL, S_TR_BASE, S_TR_LIMIT, SS } from "./state";

const TF = 1 << 8;
const IF = 1 << 9;
const IOPL = 3 << 12;
const VM = 1 << 17;
const VIF = 1 << 19;
const VIP = 1 << 20;

/**
 * True when CLI/STI (and, in V86 mode, 16-bit PUSHF/POPF/IRET) should act on VIF: V86 mode with
 * CR4.VME, or CPL 3 in protected mode with CR4.PVI, and IOPL < 3.
 */
export function virtualInterrupts(s: Int32Array): boolean {
  const f = s[S_EFLAGS]!;
  if ((f & IOPL) === IOPL) return false;
  const cr4 = s[S_CR4]!;
  return (f & VM) !== 0 ? (cr4 & CR4_VME) !== 0 : (cr4 & CR4_PVI) !== 0 && s[S_CPL] === 3;
}

/** CLI under virtual interrupts: VIF = 0. */
export function virtualCli(s: Int32Array): void {
  s[S_EFLAGS] = s[S_EFLAGS]! & ~VIF;
}

/** STI under virtual interrupts: #GP(0) while an interrupt is pending (VIP), else VIF = 1. */
export function virtualSti(s: Int32Array): void {
  const f = s[S_EFLAGS]!;
  if ((f & VIP) !== 0) raise(VEC_GP, 0);
  s[S_EFLAGS] = f | VIF;
}

/** The 16-bit FLAGS image PUSHF/an interrupt shows V86 code under VME: IF = VIF, IOPL = 3. */
export function virtualFlags(f: number): number {
  return ((f & ~IF) | ((f & VIF) !== 0 ? IF : 0) | IOPL) & 0xffff;
}

/**
 * Loads a 16-bit FLAGS image popped by POPF/IRET in V86 mode under VME: #GP(0) if it sets TF, or
 * IF while VIP is set; IF goes to VIF, IOPL and IF stay.
 */
export function loadVirtualFlags(s: Int32Array, v: number): void {
  materializeFlags(s);
  const f = s[S_EFLAGS]!;
  if ((v & TF) !== 0 || ((v & IF) !== 0 && (f & VIP) !== 0)) raise(VEC_GP, 0);
  const mask = 0xffff & ~(IF | IOPL);
  s[S_EFLAGS] = (f & ~mask & ~VIF) | (v & mask) | ((v & IF) !== 0 ? VIF : 0) | 2;
}

/**
 * INT n in V86 mode with CR4.VME: true when the TSS's redirection bit map sends `vector` to the
 * protected-mode IDT (bit set), false when it was redirected here to the 8086 handler at
 * 0:vector*4 (FLAGS with IF = VIF when IOPL < 3, CS, IP pushed; IF or VIF and TF cleared).
 */
export function redirectSoftwareInterrupt(cpu: Cpu, vector: number, next: number): boolean {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const tss = s[S_TR_BASE]!;
  const ioBase = mmu.readSupervisor16((tss + 0x66) | 0);
  const byteOff = ioBase - 32 + (vector >> 3);
  if (byteOff < 0 || byteOff > s[S_TR_LIMIT]! >>> 0) raise(VEC_GP, 0);
  if (((mmu.readSupervisor8((tss + byteOff) | 0) >> (vector & 7)) & 1) !== 0) return true;
  materializeFlags(s);
  const f = s[S_EFLAGS]!;
  const iopl3 = (f & IOPL) === IOPL;
  const image = iopl3 ? f & 0xffff : virtualFlags(f);
  const offset = mmu.read16(vector * 4);
  const selector = mmu.read16(vector * 4 + 2);
  const ssBase = s[S_SEG_BASE + SS]!;
  let sp = cpu.r16[ESP << 1]!;
  sp = (sp - 2) & 0xffff;
  mmu.write16((ssBase + sp) | 0, image);
  sp = (sp - 2) & 0xffff;
  mmu.write16((ssBase + sp) | 0, s[S_SEL + CS]!);
  sp = (sp - 2) & 0xffff;
  mmu.write16((ssBase + sp) | 0, next);
  cpu.r16[ESP << 1] = sp;
  s[S_EFLAGS] = f & ~(TF | (iopl3 ? IF : VIF));
  const oldBase = s[S_SEG_BASE + CS]!;
  s[S_SEL + CS] = selector;
  s[S_SEG_BASE + CS] = selector << 4;
  s[S_EIP] = offset;
  if (oldBase !== selector << 4) cpu.flushDecoded = true;
  return false;
}
