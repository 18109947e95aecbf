/**
 * The interrupt instructions (SDM Vol. 2 "INT n/INTO/INT3/INT1", "IRET/IRETD", "HLT"): software
 * interrupts go through cpu/interrupts.ts (IVT, IDT or host); IRET returns in real mode, to the
 * same or an outer privilege level, to virtual-8086 mode, or to the previous task (EFLAGS.NT);
 * HLT stops the engine until an interrupt arrives.
 */
import { type Cpu, STOP_EVENT, STOP_HALT } from "../cpu/cpu";
import { raise, VEC_BP, VEC_DB, VEC_GP, VEC_OF } from "../cpu/exceptions";
import { computeOSZAPC, materializeFlags } from "../cpu/flags";
import { deliverInterrupt, softwareInterrupt } from "../cpu/interrupts";
import {
  desc,
  descriptorLimit,
  loadCodeSegment,
  setV86Segment,
} from "../cpu/segments";
import { taskReturn } from "../cpu/task-switch";
import { CR4_VME } from "../cpu/control-registers";
import { loadVirtualFlags, redirectSoftwareInterrupt, virtualInterrupts } from "../cpu/vme";
import {
  CR0_PE,
  CS,
  DS,
  ES,
  ESP,
  FS,
  GS,
  S_CPL,
  S_CR0,
  S_CR4,
  S_EFLAGS,
  S_EIP,
  S_HALTED,
  S_NMI_BLOCKED,
  SS,
} from "../cpu/state";
import { AC, DF, ID, IF, IOPL, NT, OF, OSZAPC, RF, TF, VIF, VIP, VM } from "../table/flags";
import { checkReturnCode, loadCsReal, returnToOuterLevel } from "./far";
import type { ExecFn } from "./insn";
import { adjustSp, peek } from "./operands";

/**
 * INT n. In virtual-8086 mode (SDM Vol. 3 §20.3.3, Table 20-2): without CR4.VME, IOPL < 3 is
 * #GP(0); with it, the TSS redirection bit map sends the vector to the 8086 handler (bit clear)
 * or to the IDT (bit set; #GP(0) when IOPL < 3).
 */
export const execInt: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const f = s[S_EFLAGS]!;
  if ((f & VM) !== 0) {
    const vector = i.v0 & 0xff;
    if ((s[S_CR4]! & CR4_VME) !== 0) {
      if (!redirectSoftwareInterrupt(cpu, vector, i.next)) {
        cpu.intCounts[vector] = cpu.intCounts[vector]! + 1;
        return;
      }
      if ((f & IOPL) !== IOPL) raise(VEC_GP, 0);
    } else if ((f & IOPL) !== IOPL) raise(VEC_GP, 0);
  }
  softwareInterrupt(cpu, i.v0 & 0xff, i);
};
export const execInt3: ExecFn = (cpu, i) => softwareInterrupt(cpu, VEC_BP, i);
export const execInto: ExecFn = (cpu, i) => {
  if ((computeOSZAPC(cpu.s) & OF) !== 0) softwareInterrupt(cpu, VEC_OF, i);
};
/**
 * INT1 (ICEBP, F1): a #DB trap delivered like the debug exception, without the gate-DPL check of
 * INT n (SDM Vol. 2 "INT n/INTO/INT3/INT1": "the processor does not check the DPL").
 */
export const execInt1: ExecFn = (cpu, i) => {
  cpu.intCounts[VEC_DB] = cpu.intCounts[VEC_DB]! + 1;
  cpu.s[S_EIP] = i.next;
  deliverInterrupt(cpu, VEC_DB, "exception", -1);
};

/** HLT: CPL 0 only; the engine returns "halt" with EIP after HLT until an interrupt wakes it. */
export const execHlt: ExecFn = (cpu) => {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
  cpu.s[S_HALTED] = 1;
  cpu.stop = STOP_HALT;
};

/**
 * The EFLAGS an IRET or POPF loads from `v` (SDM Vol. 2 "IRET" and "POPF" Operation): the status
 * flags, TF, DF, NT always; AC, ID (and RF for IRET) with a 32-bit operand; IOPL (and VIF/VIP for
 * IRET) at CPL 0; IF when CPL <= IOPL. VM never (IRET to V86 sets it separately).
 */
export function mergeEflags(old: number, v: number, cpl: number, size: number, iret: boolean): number {
  let mask = OSZAPC | TF | DF | NT;
  if (size === 4) mask |= AC | ID | (iret ? RF : 0);
  if (cpl === 0) mask |= IOPL | (iret && size === 4 ? VIF | VIP : 0);
  if (cpl <= (old & IOPL) >> 12) mask |= IF;
  if (size === 2) mask &= 0xffff;
  return (old & ~mask) | (v & mask) | 2;
}

export const execIret: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const size = i.osize;
  materializeFlags(s);
  const old = s[S_EFLAGS]!;
  // An IRET ends NMI blocking (SDM Vol. 3 §6.7.1) and may set IF: the run loop looks for
  // pending events after it.
  s[S_NMI_BLOCKED] = 0;
  cpu.stop = STOP_EVENT;
  if ((s[S_CR0]! & CR0_PE) === 0) {
    const offset = peek(cpu, size);
    const sel = peek(cpu, size, size) & 0xffff;
    const flags = peek(cpu, size, 2 * size);
    adjustSp(cpu, 3 * size);
    s[S_EFLAGS] = mergeEflags(old, flags, 0, size, true);
    loadCsReal(cpu, sel, offset);
    return;
  }
  if ((old & VM) !== 0) {
    // Virtual-8086 mode: IOPL 3 returns within V86 (IOPL and VM kept); below, #GP(0) unless a
    // 16-bit IRET under CR4.VME, which loads IF into VIF (§20.4).
    if ((old & IOPL) !== IOPL) {
      if (size !== 2 || !virtualInterrupts(s)) raise(VEC_GP, 0);
      const offset = peek(cpu, 2);
      const sel = peek(cpu, 2, 2);
      loadVirtualFlags(s, peek(cpu, 2, 4));
      adjustSp(cpu, 6);
      loadCsReal(cpu, sel, offset);
      return;
    }
    const offset = peek(cpu, size);
    const sel = peek(cpu, size, size) & 0xffff;
    const flags = peek(cpu, size, 2 * size);
    adjustSp(cpu, 3 * size);
    let mask = OSZAPC | TF | DF | NT | IF;
    if (size === 4) mask |= AC | ID | RF;
    else mask &= 0xffff;
    s[S_EFLAGS] = (old & ~mask) | (flags & mask) | 2;
    loadCsReal(cpu, sel, offset);
    return;
  }
  if ((old & NT) !== 0) {
    taskReturn(cpu, i.next);
    cpu.flushDecoded = true;
    return;
  }
  const cpl = s[S_CPL]!;
  const offset = peek(cpu, size);
  const sel = peek(cpu, size, size) & 0xffff;
  const flags = peek(cpu, size, 2 * size);
  if (size === 4 && (flags & VM) !== 0 && cpl === 0) {
    returnToV86(cpu, offset, sel, flags);
    return;
  }
  const rpl = checkReturnCode(cpu, sel, cpl);
  const codeLo = desc.lo;
  const codeHi = desc.hi;
  if (rpl > cpl) {
    const newEsp = peek(cpu, size, 3 * size);
    const newSs = peek(cpu, size, 4 * size) & 0xffff;
    returnToOuterLevel(cpu, sel, rpl, offset, newSs, newEsp, mergeEflags(old, flags, cpl, size, true));
    return;
  }
  if (offset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, 0);
  adjustSp(cpu, 3 * size);
  s[S_EFLAGS] = mergeEflags(old, flags, cpl, size, true);
  loadCodeSegment(cpu, sel, cpl);
  s[S_EIP] = offset;
};

/**
 * IRETD at CPL 0 with VM = 1 in the popped EFLAGS (SDM Vol. 2 "IRET" RETURN-TO-VIRTUAL-8086-MODE):
 * ESP, SS, ES, DS, FS, GS follow on the stack; all load as V86 segments and CPL becomes 3.
 */
function returnToV86(cpu: Cpu, offset: number, sel: number, flags: number): void {
  const s = cpu.s;
  const newEsp = peek(cpu, 4, 12);
  const ss = peek(cpu, 4, 16);
  const es = peek(cpu, 4, 20);
  const ds = peek(cpu, 4, 24);
  const fs = peek(cpu, 4, 28);
  const gs = peek(cpu, 4, 32);
  s[S_EFLAGS] = (flags & 0x3f7fd7) | 2;
  setV86Segment(cpu, CS, sel);
  setV86Segment(cpu, SS, ss);
  setV86Segment(cpu, ES, es);
  setV86Segment(cpu, DS, ds);
  setV86Segment(cpu, FS, fs);
  setV86Segment(cpu, GS, gs);
  s[ESP] = newEsp;
  s[S_EIP] = offset & 0xffff;
  cpu.setCpl(3);
  cpu.flushDecoded = true;
}
