// The x87 FPU state (SDM Vol. 1, 8.1): eight 80-bit physical registers R0..R7 addressed through
// TOP as a stack, the control, status and tag words, and the last instruction and operand
// pointers. Registers live in typed arrays; nothing is allocated per instruction.

import { SW } from "./float80";

export class X87State {
  /** Sign and exponent of R0..R7 (physical order). */
  readonly se = new Uint16Array(8);
  /** Significand bits 63..32 of R0..R7. */
  readonly hi = new Uint32Array(8);
  /** Significand bits 31..0 of R0..R7. */
  readonly lo = new Uint32Array(8);
  /** Control word. */
  cw = 0x037f;
  /** Status word without the TOP field (bits 13..11 are kept in `top`). */
  sw = 0;
  /** Stack top: ST(i) is physical register (top + i) & 7. */
  top = 0;
  /**
   * Tag word, two bits per physical register. Between saves only "empty" (3) versus "not empty"
   * matters: like the hardware, FSTENV/FSAVE recompute valid/zero/special from the contents.
   */
  tw = 0xffff;
  /** Last non-control instruction: CS selector, EIP offset and 11-bit opcode (SDM Vol. 1, 8.1.8-9). */
  fcs = 0;
  fip = 0;
  fop = 0;
  /** Last memory operand: DS selector and offset. */
  fds = 0;
  fdp = 0;
  /** FNSTSW AX result. */
  ax = 0;
  /** FCOMI/FUCOMI result: ZF, PF and CF in their EFLAGS positions. */
  eflags = 0;
}

/** FNINIT/FINIT (SDM Vol. 2, FINIT): default control word, empty stack, cleared pointers. */
export function x87Init(fpu: X87State): void {
  fpu.cw = 0x037f;
  fpu.sw = 0;
  fpu.top = 0;
  fpu.tw = 0xffff;
  fpu.fcs = 0;
  fpu.fip = 0;
  fpu.fop = 0;
  fpu.fds = 0;
  fpu.fdp = 0;
}

/** The architectural status word, TOP included. */
export function x87StatusWord(fpu: X87State): number {
  return (fpu.sw & ~SW.TOP) | (fpu.top << 11);
}

/** Load a status word image (FLDENV/FRSTOR): TOP goes to `top`. */
export function x87SetStatusWord(fpu: X87State, sw: number): void {
  fpu.top = (sw >>> 11) & 7;
  fpu.sw = sw & ~SW.TOP & 0xffff;
}

/**
 * True when an unmasked exception is pending (ES set): the interpreter must then raise #MF
 * (vector 16, CR0.NE = 1) instead of executing the next waiting x87 instruction or WAIT/FWAIT.
 */
export function x87PendingException(fpu: X87State): boolean {
  return (fpu.sw & SW.ES) !== 0;
}

/** The physical register number of ST(i). */
export function stPhys(fpu: X87State, i: number): number {
  return (fpu.top + i) & 7;
}

export function isEmpty(fpu: X87State, phys: number): boolean {
  return ((fpu.tw >>> (phys * 2)) & 3) === 3;
}

export function setTagEmpty(fpu: X87State, phys: number): void {
  fpu.tw |= 3 << (phys * 2);
}

/** Write a physical register and mark it in use. */
export function writeReg(fpu: X87State, phys: number, se: number, hi: number, lo: number): void {
  fpu.se[phys] = se;
  fpu.hi[phys] = hi;
  fpu.lo[phys] = lo;
  fpu.tw &= ~(3 << (phys * 2));
}

/** Copy physical register `src` to `dst` and mark `dst` in use (typed to typed: nothing boxed). */
export function copyReg(fpu: X87State, dst: number, src: number): void {
  fpu.se[dst] = fpu.se[src]!;
  fpu.hi[dst] = fpu.hi[src]!;
  fpu.lo[dst] = fpu.lo[src]!;
  fpu.tw &= ~(3 << (dst * 2));
}

/** Record the last non-control x87 instruction (the interpreter calls this; SDM Vol. 1, 8.1.8). */
export function x87SetLastInstruction(fpu: X87State, cs: number, eip: number, opcode11: number, ds: number, operandOffset: number): void {
  fpu.fcs = cs & 0xffff;
  fpu.fip = eip >>> 0;
  fpu.fop = opcode11 & 0x7ff;
  fpu.fds = ds & 0xffff;
  fpu.fdp = operandOffset >>> 0;
}
