/**
 * PUSH, POP, PUSHA, POPA, ENTER, LEAVE (SDM Vol. 2; PUSHF/POPF are in exec/eflags-insns.ts). Stores are checked before the
 * stack pointer moves, so a #PF on the stack leaves ESP as it was.
 */
import { EBP, ESP } from "../cpu/state";
import { type ExecFn, OK_MEM, OK_REG } from "./insn";
import {
  adjustSp,
  ea,
  getReg,
  peek,
  pop,
  push,
  readMem,
  setReg,
  stackLinear,
  stackPointer,
  writeMem,
} from "./operands";

export const execPush: ExecFn = (cpu, i) => {
  const size = i.osize;
  let v: number;
  if (i.k0 === OK_REG) v = getReg(cpu, i.v0, size);
  else if (i.k0 === OK_MEM) v = readMem(cpu, ea(cpu, i), size);
  else v = i.v0;
  push(cpu, size, v);
};

/**
 * POP r/m. SDM "POP": with ESP as the base of a memory destination, the address is computed after
 * ESP is incremented; POP ESP loads ESP with the popped value.
 */
export const execPop: ExecFn = (cpu, i) => {
  const size = i.osize;
  const v = peek(cpu, size);
  if (i.k0 === OK_REG) {
    adjustSp(cpu, size);
    setReg(cpu, i.v0, size, v);
    return;
  }
  const s = cpu.s;
  const old = s[ESP]!;
  adjustSp(cpu, size);
  const a = ea(cpu, i);
  s[ESP] = old;
  writeMem(cpu, a, size, v);
  adjustSp(cpu, size);
};

/** PUSHA/PUSHAD: EAX, ECX, EDX, EBX, original ESP, EBP, ESI, EDI. */
export const execPusha: ExecFn = (cpu, i) => {
  const size = i.osize;
  const sp = stackPointer(cpu);
  cpu.mmu.probeWrite(stackLinear(cpu, sp - 8 * size), 8 * size);
  const regs: number[] = SCRATCH;
  for (let r = 0; r < 8; r++) regs[r] = size === 4 ? cpu.s[r]! : cpu.r16[r << 1]!;
  for (let r = 0; r < 8; r++) push(cpu, size, regs[r]!);
};
const SCRATCH: number[] = [0, 0, 0, 0, 0, 0, 0, 0];

/** POPA/POPAD: the saved ESP is skipped. */
export const execPopa: ExecFn = (cpu, i) => {
  const size = i.osize;
  const sp = stackPointer(cpu);
  cpu.mmu.probeRead(stackLinear(cpu, sp));
  cpu.mmu.probeRead(stackLinear(cpu, sp + 8 * size - 1));
  for (let r = 7; r >= 0; r--) {
    const v = pop(cpu, size);
    if (r !== ESP) setReg(cpu, size === 4 ? r : r << 1, size, v);
  }
};

/**
 * ENTER imm16, imm8 (SDM "ENTER" Operation): push (E)BP, copy (level - 1) frame pointers from the
 * enclosing frame ((E)BP stepping by the operand size, the register width by the stack size), push
 * the frame pointer, then (E)BP = FrameTemp and imm16 bytes are allocated below. The stores are
 * checked first; a fault while copying restores EBP and ESP. The final stack pointer is probed
 * after the stores, as the host does (measured on the AMD EPYC reference: when that probe takes
 * #PF, the pushed (E)BP and frame pointers are already in memory, the registers unchanged).
 */
export const execEnter: ExecFn = (cpu, i) => {
  const size = i.osize;
  const alloc = i.v0 & 0xffff;
  const level = i.imm2 & 31;
  const s = cpu.s;
  const stack32 = cpu.stack32();
  const sp0 = stackPointer(cpu);
  const pushes = level === 0 ? 1 : level + 1;
  cpu.mmu.probeWrite(stackLinear(cpu, sp0 - pushes * size), pushes * size);
  const ebp0 = s[EBP]!;
  const esp0 = s[ESP]!;
  try {
    push(cpu, size, size === 4 ? s[EBP]! : cpu.r16[EBP << 1]!);
    const frameTemp = stackPointer(cpu);
    if (level > 0) {
      for (let k = 1; k < level; k++) {
        let bp: number;
        if (stack32) bp = s[EBP] = (s[EBP]! - size) | 0;
        else bp = cpu.r16[EBP << 1] = (cpu.r16[EBP << 1]! - size) & 0xffff;
        push(cpu, size, readMem(cpu, stackLinear(cpu, bp), size));
      }
      push(cpu, size, frameTemp);
    }
    if (alloc !== 0) cpu.mmu.probeWrite(stackLinear(cpu, sp0 - pushes * size - alloc), 1);
    // (E)BP by the operand size (measured: a 16-bit ENTER on a 32-bit stack keeps EBP's high half).
    if (size === 4) s[EBP] = frameTemp;
    else cpu.r16[EBP << 1] = frameTemp;
    // The allocation is below the copied frame pointers (measured on the host: the SDM's
    // "ESP := EBP - Size" shorthand does not hold for nesting levels above 0).
    adjustSp(cpu, -alloc);
  } catch (e) {
    s[EBP] = ebp0;
    s[ESP] = esp0;
    throw e;
  }
};

/** LEAVE: (E)SP = (E)BP; (E)BP = pop. */
export const execLeave: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const size = i.osize;
  const oldSp = s[ESP]!;
  if (cpu.stack32()) s[ESP] = s[EBP]!;
  else cpu.r16[ESP << 1] = cpu.r16[EBP << 1]!;
  let v: number;
  try {
    v = pop(cpu, size);
  } catch (e) {
    s[ESP] = oldSp;
    throw e;
  }
  if (size === 4) s[EBP] = v;
  else cpu.r16[EBP << 1] = v;
};
