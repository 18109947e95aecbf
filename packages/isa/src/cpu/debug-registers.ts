/**
 * Debug registers and breakpoint conditions (SDM Vol. 3 §17.2-17.3). DR0-DR3 hold breakpoint
 * linear addresses; DR7 enables them (L0-3/G0-3), with R/W (00 instruction execution, 01 data
 * writes, 10 I/O when CR4.DE = 1, 11 data reads or writes) and LEN (1, 2, 8 (reserved on P6), 4
 * bytes) per breakpoint, and GD, which turns any MOV DRn into a #DB fault with DR6.BD = 1. DR6
 * reports B0-B3 (which conditions matched), BD, BS (single-step) and BT (task-switch T flag).
 * DR4/DR5 alias DR6/DR7 while CR4.DE = 0 and raise #UD when CR4.DE = 1.
 *
 * State words: S_DR0..S_DR0+3, S_DR6 and S_DR7 hold the defined bits only; fixed ones are added on
 * read. S_DEBUG_ACTIVE summarizes DR7 for the engine's hot paths: bit 0 = an instruction
 * breakpoint is enabled, bit 1 = a data breakpoint is enabled, bit 2 = an I/O breakpoint is
 * enabled (R/W = 10: I/O, which counts only while CR4.DE = 1). While it is 0 nothing here runs.
 *
 * Hooks for the engines (they test S_DEBUG_ACTIVE first):
 *  - instructionBreakpoint(cpu, linear) before an instruction executes (a fault: #DB with
 *    EIP = the instruction; EFLAGS.RF = 1 suppresses it once, and is cleared here);
 *  - dataBreakpointHit(cpu, linear, size, write) on each data access (the MMU accessors are
 *    wrapped to call it while a data breakpoint is armed); matches accumulate and the engine
 *    raises the #DB trap after the instruction (takePendingDataBreakpoint);
 *  - ioBreakpointHit(cpu, port, size) on IN/OUT/INS/OUTS, the same way.
 */
import { raise, VEC_DB, VEC_GP, VEC_UD } from "./exceptions";
import type { Cpu } from "./cpu";
import type { Mmu } from "../memory/mmu";
import { S_CPL, S_CR4, S_DEBUG_ACTIVE, S_DR0, S_DR6, S_DR7, S_EFLAGS } from "./state";
import { RF } from "../table/flags";

/** CR4.DE: debugging extensions (I/O breakpoints; DR4/DR5 reserved). */
export const CR4_DE = 1 << 3;

/** DR6 bits (SDM Vol. 3 Figure 17-1). */
export const DR6_B0 = 1 << 0;
export const DR6_BD = 1 << 13;
export const DR6_BS = 1 << 14;
export const DR6_BT = 1 << 15;
/** DR6 bits 4-11 and 16-31 read as 1; bit 12 reads as 0 (P6 family). */
export const DR6_FIXED_1 = 0xffff0ff0 | 0;
const DR6_DEFINED = 0xe00f;
/** DR7 bits (SDM Vol. 3 Figure 17-1): bit 10 reads as 1; bits 11, 12, 14, 15 as 0. */
export const DR7_GD = 1 << 13;
export const DR7_FIXED_1 = 0x400;
const DR7_DEFINED = 0xffff23ff | 0;
/** L0-L3 and LE: cleared by every task switch (§17.2.4). */
const DR7_LOCAL_ENABLES = 0x155;

export const DEBUG_ACTIVE_INSN = 1;
export const DEBUG_ACTIVE_DATA = 2;
export const DEBUG_ACTIVE_IO = 4;

function rw(dr7: number, n: number): number {
  return (dr7 >>> (16 + n * 4)) & 3;
}

/** Bytes covered by breakpoint n (LEN 00=1, 01=2, 11=4; 10 is undefined on P6, taken as 8). */
function len(dr7: number, n: number): number {
  const l = (dr7 >>> (18 + n * 4)) & 3;
  return l === 0 ? 1 : l === 1 ? 2 : l === 3 ? 4 : 8;
}

function enabled(dr7: number, n: number): boolean {
  return ((dr7 >>> (n * 2)) & 3) !== 0;
}

/** Recomputes S_DEBUG_ACTIVE after DR7 or CR4.DE changes. */
export function updateDebugActive(cpu: Cpu): void {
  const s = cpu.s;
  const dr7 = s[S_DR7]!;
  let active = 0;
  for (let n = 0; n < 4; n++) {
    if (!enabled(dr7, n)) continue;
    const kind = rw(dr7, n);
    if (kind === 0) active |= DEBUG_ACTIVE_INSN;
    else if (kind === 2) active |= DEBUG_ACTIVE_IO; // meaningful only with CR4.DE, tested at the port
    else active |= DEBUG_ACTIVE_DATA;
  }
  s[S_DEBUG_ACTIVE] = active;
  watchDataAccesses(cpu, (active & DEBUG_ACTIVE_DATA) !== 0);
}

type Accessors = Pick<Mmu, "read8" | "read16" | "read32" | "write8" | "write16" | "write32">;
/** The MMU accessors replaced while data breakpoints are armed (restored when disarmed). */
const savedAccessors = new WeakMap<Mmu, Accessors>();

/**
 * While a data breakpoint is armed, the MMU's accessors of this CPU are wrapped (as
 * Mmu.countTlbHits does for counting) so each data access reports itself to dataBreakpointHit;
 * unarmed, the plain accessors are back and the fast paths pay nothing. Engines that inline the
 * TLB (the translator) and the bulk REP MOVS/STOS path do not see these breakpoints.
 */
function watchDataAccesses(cpu: Cpu, on: boolean): void {
  const mmu = cpu.mmu;
  const saved = savedAccessors.get(mmu);
  if (on === (saved !== undefined)) return;
  if (saved !== undefined) {
    Object.assign(mmu, saved);
    savedAccessors.delete(mmu);
    return;
  }
  /* eslint-disable @typescript-eslint/unbound-method -- re-bound with call() below, as Mmu.countTlbHits does */
  const orig: Accessors = { read8: mmu.read8, read16: mmu.read16, read32: mmu.read32, write8: mmu.write8, write16: mmu.write16, write32: mmu.write32 };
  /* eslint-enable @typescript-eslint/unbound-method */
  savedAccessors.set(mmu, orig);
  const reader = (f: (a: number) => number, size: number) => (a: number): number => {
    const v = f.call(mmu, a);
    dataBreakpointHit(cpu, a, size, false);
    return v;
  };
  const writer = (f: (a: number, v: number) => void, size: number) => (a: number, v: number): void => {
    f.call(mmu, a, v);
    dataBreakpointHit(cpu, a, size, true);
  };
  mmu.read8 = reader(orig.read8, 1);
  mmu.read16 = reader(orig.read16, 2);
  mmu.read32 = reader(orig.read32, 4);
  mmu.write8 = writer(orig.write8, 1);
  mmu.write16 = writer(orig.write16, 2);
  mmu.write32 = writer(orig.write32, 4);
}

/** The value MOV r32, DRn reads (n already validated: 0-3, 6, 7). */
export function readDebugRegister(cpu: Cpu, n: number): number {
  const s = cpu.s;
  if (n < 4) return s[S_DR0 + n]!;
  if (n === 6) return s[S_DR6]! | DR6_FIXED_1;
  return s[S_DR7]! | DR7_FIXED_1;
}

/** Stores `value` into DRn (0-3, 6, 7) with the reserved bits forced. */
export function writeDebugRegister(cpu: Cpu, n: number, value: number): void {
  const s = cpu.s;
  if (n < 4) s[S_DR0 + n] = value;
  else if (n === 6) s[S_DR6] = value & DR6_DEFINED;
  else {
    s[S_DR7] = value & DR7_DEFINED;
    updateDebugActive(cpu);
  }
}

/**
 * The checks of MOV to/from DRn (SDM Vol. 2 "MOV—Move to/from Debug Registers"): #GP(0) above
 * CPL 0 (and in virtual-8086 mode, where CPL is 3), #UD for DR4/DR5 with CR4.DE = 1, then a #DB
 * fault with DR6.BD when DR7.GD is set (GD is cleared so the handler can use the registers).
 * Returns the register number with DR4/DR5 resolved to DR6/DR7.
 */
export function checkDebugRegisterAccess(cpu: Cpu, n: number): number {
  const s = cpu.s;
  if (s[S_CPL] !== 0) raise(VEC_GP, 0);
  if (n === 4 || n === 5) {
    if ((s[S_CR4]! & CR4_DE) !== 0) raise(VEC_UD);
    n += 2;
  }
  if ((s[S_DR7]! & DR7_GD) !== 0) {
    s[S_DR6] = (s[S_DR6]! & ~0xf) | DR6_BD;
    s[S_DR7] = s[S_DR7]! & ~DR7_GD;
    raise(VEC_DB);
  }
  return n;
}

/**
 * Before the instruction at `linear` executes: true when an enabled execution breakpoint is at
 * that address (DR6.Bn set; the engine delivers #DB as a fault, EIP = the instruction), unless
 * EFLAGS.RF is set — RF suppresses the breakpoint for this one instruction and is cleared (SDM
 * §17.3.1.1; the processor clears RF after the instruction completes, which is equivalent here
 * since nothing reads RF in between).
 */
export function instructionBreakpoint(cpu: Cpu, linear: number): boolean {
  const s = cpu.s;
  if ((s[S_DEBUG_ACTIVE]! & DEBUG_ACTIVE_INSN) === 0) return false;
  const dr7 = s[S_DR7]!;
  let hits = 0;
  for (let n = 0; n < 4; n++) {
    if (enabled(dr7, n) && rw(dr7, n) === 0 && s[S_DR0 + n] === linear) hits |= 1 << n;
  }
  if (hits === 0) return false;
  if ((s[S_EFLAGS]! & RF) !== 0) {
    s[S_EFLAGS] = s[S_EFLAGS]! & ~RF;
    return false;
  }
  s[S_DR6] = (s[S_DR6]! & ~0xf) | hits;
  return true;
}

/** instructionBreakpoint, raising the #DB fault itself (for callers inside an instruction's try). */
export function checkInstructionBreakpoint(cpu: Cpu, linear: number): void {
  if (instructionBreakpoint(cpu, linear)) raise(VEC_DB);
}

/** Data breakpoint matches since the last takePendingDataBreakpoint (B0-B3 bits). */
let pendingHits = 0;

/**
 * A data access of `size` bytes at `linear`: records which enabled data breakpoints it touches
 * (R/W 01 for writes only, 11 for reads and writes; the access overlaps the breakpoint's
 * naturally aligned range of LEN bytes). Returns true when one matched.
 */
export function dataBreakpointHit(cpu: Cpu, linear: number, size: number, write: boolean): boolean {
  const s = cpu.s;
  if ((s[S_DEBUG_ACTIVE]! & DEBUG_ACTIVE_DATA) === 0) return false;
  const dr7 = s[S_DR7]!;
  let hits = 0;
  for (let n = 0; n < 4; n++) {
    if (!enabled(dr7, n)) continue;
    const kind = rw(dr7, n);
    if (kind === 0 || kind === 2 || (kind === 1 && !write)) continue;
    const l = len(dr7, n);
    const start = s[S_DR0 + n]! & ~(l - 1);
    if (overlaps(linear, size, start, l)) hits |= 1 << n;
  }
  pendingHits |= hits;
  return hits !== 0;
}

/** An I/O access to `port` (CR4.DE = 1 and R/W = 10): the same as a data breakpoint. */
export function ioBreakpointHit(cpu: Cpu, port: number, size: number): boolean {
  const s = cpu.s;
  if ((s[S_DEBUG_ACTIVE]! & DEBUG_ACTIVE_IO) === 0 || (s[S_CR4]! & CR4_DE) === 0) return false;
  const dr7 = s[S_DR7]!;
  let hits = 0;
  for (let n = 0; n < 4; n++) {
    if (!enabled(dr7, n) || rw(dr7, n) !== 2) continue;
    const l = len(dr7, n);
    const start = s[S_DR0 + n]! & 0xffff & ~(l - 1);
    if (overlaps(port, size, start, l)) hits |= 1 << n;
  }
  pendingHits |= hits;
  return hits !== 0;
}

function overlaps(a: number, size: number, b: number, l: number): boolean {
  const d = (a - b) | 0;
  // [a, a+size) and [b, b+l) intersect, with 32-bit wrap-around.
  return (d >= 0 && d < l) || (d < 0 && -d < size);
}

/**
 * After an instruction completes: if data or I/O breakpoints matched during it, sets their B
 * bits in DR6 and returns true; the engine then delivers #DB as a trap (EIP = next instruction).
 */
export function takePendingDataBreakpoint(cpu: Cpu): boolean {
  if (pendingHits === 0) return false;
  const s = cpu.s;
  s[S_DR6] = (s[S_DR6]! & ~0xf) | pendingHits;
  pendingHits = 0;
  return true;
}

/** Forgets matches of an instruction that faulted (it will be restarted). */
export function discardPendingDataBreakpoint(): void {
  pendingHits = 0;
}

/** Single-step trap (EFLAGS.TF): DR6.BS is set before #DB is delivered (§17.3.1.4). */
export function noteSingleStep(cpu: Cpu): void {
  cpu.s[S_DR6] = cpu.s[S_DR6]! | DR6_BS;
}

/** A task switch clears the local breakpoint enables (§17.2.4). */
export function debugRegistersTaskSwitch(cpu: Cpu): void {
  const s = cpu.s;
  if ((s[S_DR7]! & DR7_LOCAL_ENABLES) === 0) return;
  s[S_DR7] = s[S_DR7]! & ~DR7_LOCAL_ENABLES;
  updateDebugActive(cpu);
}
