/**
 * Far control transfers in protected mode to a code segment of the same privilege level
 * (SDM Vol. 2 "JMP", "CALL", "RET", "IRET" Operation, protected-mode paths without gates): the
 * selector and descriptor checks in the manual's order with their error codes, then CS and its
 * descriptor cache are loaded with RPL = CPL. Transfers through call/task gates, returns to an
 * outer privilege level, task returns (EFLAGS.NT) and virtual-8086 returns are the protected-mode
 * work of isa II and raise #GP(0) until then. Real mode loads CS = selector, base = selector << 4.
 */
import type { Cpu } from "../cpu/cpu";
import { raise, VEC_GP, VEC_NP } from "../cpu/exceptions";
import { materializeFlags } from "../cpu/flags";
import { desc, descriptorLimit, readDescriptor, setSegmentCache } from "../cpu/segments";
import { CR0_PE, CS, S_CPL, S_CR0, S_EFLAGS, S_EIP, S_SEG_BASE, S_SEL } from "../cpu/state";
import { AC, DF, ID, IF, IOPL, NT, OSZAPC, TF } from "../table/flags";
import type { ExecFn, Insn } from "./insn";
import { OK_IMM } from "./insn";
import { adjustSp, ea, peek, push, readMem, stackLinear, stackPointer } from "./operands";

/**
 * Checks `selector` as the target code segment of a far JMP/CALL (rplRule: RPL <= CPL for
 * non-conforming) or of a same-level RET/IRET (RPL = CPL); leaves its descriptor in `desc`.
 */
function checkCodeSegment(cpu: Cpu, selector: number, offset: number, isReturn: boolean): void {
  const cpl = cpu.s[S_CPL]!;
  const sel = selector & 0xffff;
  if ((sel & 0xfffc) === 0) raise(VEC_GP, 0);
  const err = sel & 0xfffc;
  const rpl = sel & 3;
  if (isReturn && rpl < cpl) raise(VEC_GP, err);
  if (!readDescriptor(cpu, sel)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  // Code segment (S = 1, type bit 3 = 1); a gate or TSS is not handled here.
  if ((attr & 0x18) !== 0x18) raise(VEC_GP, err);
  const dpl = (attr >> 5) & 3;
  const conforming = (attr & 4) !== 0;
  if (isReturn) {
    if (rpl > cpl) raise(VEC_GP, 0); // return to an outer level: isa II
    if (conforming ? dpl > rpl : dpl !== rpl) raise(VEC_GP, err);
  } else if (conforming ? dpl > cpl : rpl > cpl || dpl !== cpl) raise(VEC_GP, err);
  if ((attr & 0x80) === 0) raise(VEC_NP, err);
  if (offset >>> 0 > descriptorLimit(desc.lo, desc.hi) >>> 0) raise(VEC_GP, 0);
}

function loadCs(cpu: Cpu, selector: number, offset: number): void {
  const s = cpu.s;
  if ((s[S_CR0]! & CR0_PE) === 0) {
    s[S_SEL + CS] = selector & 0xffff;
    s[S_SEG_BASE + CS] = (selector & 0xffff) << 4;
  } else setSegmentCache(cpu, CS, (selector & 0xfffc) | s[S_CPL]!, desc.lo, desc.hi);
  s[S_EIP] = offset;
  // The code segment (and possibly its default size) changed: decode afresh.
  cpu.flushDecoded = true;
}

/** Target offset and selector of JMP/CALL ptr16:v (immediate) or m16:v. */
function farTarget(cpu: Cpu, i: Insn): [number, number] {
  if (i.k0 === OK_IMM) return [i.osize === 2 ? i.v0 & 0xffff : i.v0, i.imm2 & 0xffff];
  const a = ea(cpu, i);
  return [readMem(cpu, a, i.osize), readMem(cpu, (a + i.osize) | 0, 2)];
}

function protectedMode(cpu: Cpu): boolean {
  return (cpu.s[S_CR0]! & CR0_PE) !== 0;
}

export const execJmpFar: ExecFn = (cpu, i) => {
  const [offset, sel] = farTarget(cpu, i);
  if (protectedMode(cpu)) checkCodeSegment(cpu, sel, offset, false);
  loadCs(cpu, sel, offset);
};

export const execCallFar: ExecFn = (cpu, i) => {
  const [offset, sel] = farTarget(cpu, i);
  const size = i.osize;
  if (protectedMode(cpu)) checkCodeSegment(cpu, sel, offset, false);
  const sp = stackPointer(cpu);
  cpu.mmu.probeWrite(stackLinear(cpu, sp - 2 * size), 2 * size);
  const oldCs = cpu.s[S_SEL + CS]! & 0xffff;
  push(cpu, size, oldCs);
  push(cpu, size, i.next);
  loadCs(cpu, sel, offset);
};

/** RETF [imm16]: same-privilege return. */
export const execRetFar: ExecFn = (cpu, i) => {
  const size = i.osize;
  const offset = peek(cpu, size);
  const sel = peek(cpu, size, size) & 0xffff;
  if (protectedMode(cpu)) checkCodeSegment(cpu, sel, offset, true);
  adjustSp(cpu, 2 * size + (i.k0 === OK_IMM ? i.v0 & 0xffff : 0));
  loadCs(cpu, sel, offset);
};

/**
 * IRET/IRETD to the same privilege level (SDM "IRET" RETURN-TO-SAME-PRIVILEGE-LEVEL): EIP, CS,
 * EFLAGS popped; IOPL changes only at CPL 0, IF only when CPL <= IOPL; VM, VIF, VIP, RF keep their
 * values here (a return to virtual-8086 mode is not supported). EFLAGS.NT set: task return (#GP(0)
 * until task switches exist).
 */
export const execIret: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const size = i.osize;
  materializeFlags(s);
  const old = s[S_EFLAGS]!;
  if (protectedMode(cpu) && (old & NT) !== 0) raise(VEC_GP, 0);
  const offset = peek(cpu, size);
  const sel = peek(cpu, size, size) & 0xffff;
  const flags = peek(cpu, size, 2 * size);
  const cpl = s[S_CPL]!;
  if (protectedMode(cpu)) checkCodeSegment(cpu, sel, offset, true);
  adjustSp(cpu, 3 * size);
  let mask = OSZAPC | TF | DF | NT | 0x2;
  if (size === 4) mask |= AC | ID;
  if (cpl === 0 || !protectedMode(cpu)) mask |= IOPL;
  if (cpl <= ((old & IOPL) >> 12) || !protectedMode(cpu)) mask |= IF;
  if (size === 2) mask &= 0xffff;
  s[S_EFLAGS] = (old & ~mask) | (flags & mask) | 2;
  loadCs(cpu, sel, offset);
};
