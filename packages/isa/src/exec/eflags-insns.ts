/**
 * The IOPL-sensitive EFLAGS instructions (SDM Vol. 2 "CLI", "STI", "PUSHF/PUSHFD", "POPF/POPFD";
 * Vol. 3 §20.2.7 for virtual-8086 mode, no VME): CLI/STI fault with #GP(0) when CPL > IOPL; POPF
 * silently keeps IF there (and IOPL unless CPL = 0) — the "sensitive but unprivileged" behaviour
 * that defeats classic trap-and-emulate. In V86 mode with IOPL < 3 all four are #GP(0), unless
 * CR4.VME (16-bit forms) or, at CPL 3, CR4.PVI (CLI/STI) makes them act on VIF (cpu/vme.ts).
 * STI opens a one-instruction interrupt shadow (SDM Vol. 3 §6.8.3); STI and POPF end the block
 * when IF goes from 0 to 1 so the run loop can take a pending interrupt.
 */
import { STOP_EVENT } from "../cpu/cpu";
import { raise, VEC_GP } from "../cpu/exceptions";
import { materializeFlags, readEflags } from "../cpu/flags";
import { CR0_PE, S_CPL, S_CR0, S_EFLAGS, S_INHIBIT } from "../cpu/state";
import { loadVirtualFlags, virtualCli, virtualFlags, virtualInterrupts, virtualSti } from "../cpu/vme";
import { AC, DF, ID, IF, IOPL, NT, OSZAPC, RF, TF, VM } from "../table/flags";
import type { ExecFn } from "./insn";
import { adjustSp, peek, pop, push } from "./operands";

/** #GP(0) unless the current mode may change IF: CPL <= IOPL, or IOPL = 3 in V86 mode. */
function ioplAllows(s: Int32Array): boolean {
  const f = s[S_EFLAGS]!;
  if ((s[S_CR0]! & CR0_PE) === 0) return true;
  const iopl = (f & IOPL) >> 12;
  return (f & VM) !== 0 ? iopl === 3 : s[S_CPL]! <= iopl;
}

/** CLI; with CR4.VME in V86 mode or CR4.PVI at CPL 3 (IOPL < 3) it clears VIF instead. */
export const execCli: ExecFn = (cpu) => {
  const s = cpu.s;
  if (!ioplAllows(s)) {
    if (!virtualInterrupts(s)) raise(VEC_GP, 0);
    virtualCli(s);
    return;
  }
  s[S_EFLAGS] = s[S_EFLAGS]! & ~IF;
};

export const execSti: ExecFn = (cpu) => {
  const s = cpu.s;
  if (!ioplAllows(s)) {
    if (!virtualInterrupts(s)) raise(VEC_GP, 0);
    virtualSti(s);
    return;
  }
  const f = s[S_EFLAGS]!;
  if ((f & IF) !== 0) return;
  s[S_EFLAGS] = f | IF;
  // Interrupts stay blocked until the instruction after STI completes.
  s[S_INHIBIT] = 1;
  cpu.stop = STOP_EVENT;
};

/** PUSHF/PUSHFD: EFLAGS with VM and RF cleared in the image. */
export const execPushf: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if ((s[S_EFLAGS]! & (VM | IOPL)) === VM) {
    // V86 with IOPL < 3: only a 16-bit PUSHF under CR4.VME, which shows VIF as IF (§20.4).
    if (i.osize !== 2 || !virtualInterrupts(s)) raise(VEC_GP, 0);
    push(cpu, 2, virtualFlags(readEflags(s)));
    return;
  }
  const f = readEflags(s) & ~(VM | RF);
  push(cpu, i.osize, i.osize === 2 ? f & 0xffff : f);
};

/** POPF/POPFD (SDM Vol. 2 "POPF" Operation). */
export const execPopf: ExecFn = (cpu, i) => {
  const s = cpu.s;
  materializeFlags(s);
  const old = s[S_EFLAGS]!;
  const v86 = (old & VM) !== 0;
  if (v86 && (old & IOPL) !== IOPL) {
    if (i.osize !== 2 || !virtualInterrupts(s)) raise(VEC_GP, 0);
    loadVirtualFlags(s, peek(cpu, 2));
    adjustSp(cpu, 2);
    return;
  }
  const v = pop(cpu, i.osize);
  const real = (s[S_CR0]! & CR0_PE) === 0;
  const cpl = real ? 0 : s[S_CPL]!;
  let mask = OSZAPC | TF | DF | NT;
  if (i.osize === 4) mask |= AC | ID;
  if (cpl === 0 && !v86) mask |= IOPL;
  if (v86 || cpl <= (old & IOPL) >> 12) mask |= IF;
  if (i.osize === 2) mask &= 0xffff;
  const f = (old & ~mask) | (v & mask) | 2;
  s[S_EFLAGS] = f;
  if ((f & ~old & IF) !== 0) cpu.stop = STOP_EVENT;
};
