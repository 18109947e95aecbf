/**
 * Far control transfers (SDM Vol. 2 "JMP", "CALL", "RET" Operation; Vol. 3 §5.8): in real and
 * virtual-8086 mode CS = selector with base = selector << 4; in protected mode the selector and
 * descriptor checks in the manual's order with their error codes, for code segments (conforming
 * or not), call gates (16/32-bit; CALL to a more privileged non-conforming segment switches to the
 * TSS stack of the target DPL and copies the gate's parameter count of words or dwords), task
 * gates and TSS descriptors (cpu/task-switch.ts), and far RET to the same or an outer privilege
 * level (SS:ESP popped, data segments the outer level may not use nulled). IRET is in
 * exec/interrupt-insns.ts.
 */
import type { Cpu } from "../cpu/cpu";
import { raise, VEC_GP, VEC_NP } from "../cpu/exceptions";
import { checkInnerStack, pushSystem, tssStack, tssStackResult } from "../cpu/interrupts";
import {
  ATTR_P,
  checkStackSegment,
  desc,
  descriptorLimit,
  descriptorMode,
  invalidateOuterSegments,
  loadCodeSegment,
  readDescriptor,
  setSegmentCache,
} from "../cpu/segments";
import { farTaskSwitch } from "../cpu/task-switch";
import { CS, ESP, S_CPL, S_EFLAGS, S_EIP, S_SEG_ATTR, S_SEG_BASE, S_SEL, SS } from "../cpu/state";
import type { ExecFn, Insn } from "./insn";
import { OK_IMM } from "./insn";
import { adjustSp, ea, peek, push, readMem, stackLinear, stackPointer } from "./operands";

/** CS:EIP in real or virtual-8086 mode (only selector and base change, as in qemu). */
export function loadCsReal(cpu: Cpu, selector: number, offset: number): void {
  const s = cpu.s;
  const base = s[S_SEG_BASE + CS]!;
  s[S_SEL + CS] = selector & 0xffff;
  s[S_SEG_BASE + CS] = (selector & 0xffff) << 4;
  s[S_EIP] = offset;
  if (s[S_SEG_BASE + CS] !== base) cpu.flushDecoded = true;
}

/** Target offset and selector of JMP/CALL ptr16:v (immediate) or m16:v. */
const target = { offset: 0, selector: 0 };
function farTarget(cpu: Cpu, i: Insn): void {
  if (i.k0 === OK_IMM) {
    target.offset = i.osize === 2 ? i.v0 & 0xffff : i.v0;
    target.selector = i.imm2 & 0xffff;
    return;
  }
  const a = ea(cpu, i);
  target.offset = readMem(cpu, a, i.osize);
  target.selector = readMem(cpu, (a + i.osize) | 0, 2);
}

/** Checks a code-segment descriptor in `desc` as the direct target of a far JMP/CALL. */
function checkDirectCode(cpu: Cpu, selector: number, attr: number, offset: number): void {
  const cpl = cpu.s[S_CPL]!;
  const err = selector & 0xfffc;
  const dpl = (attr >> 5) & 3;
  if ((attr & 4) !== 0 ? dpl > cpl : (selector & 3) > cpl || dpl !== cpl) raise(VEC_GP, err);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  if (offset >>> 0 > descriptorLimit(desc.lo, desc.hi) >>> 0) raise(VEC_GP, 0);
}

/**
 * Protected-mode far JMP/CALL to `selector:offset` (`next` = the return EIP of a CALL). Returns
 * after CS:EIP (and for CALL the stack) are loaded, or after a task switch.
 */
function farTransfer(cpu: Cpu, selector: number, offset: number, call: boolean, i: Insn): void {
  const s = cpu.s;
  const cpl = s[S_CPL]!;
  selector &= 0xffff;
  if ((selector & 0xfffc) === 0) raise(VEC_GP, 0);
  const err = selector & 0xfffc;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  if ((attr & 0x10) !== 0) {
    if ((attr & 8) === 0) raise(VEC_GP, err); // data segment
    checkDirectCode(cpu, selector, attr, offset);
    if (call) {
      const size = i.osize;
      const lo = desc.lo;
      const hi = desc.hi;
      cpu.mmu.probeWrite(stackLinear(cpu, stackPointer(cpu) - 2 * size), 2 * size);
      push(cpu, size, s[S_SEL + CS]! & 0xffff);
      push(cpu, size, i.next);
      desc.lo = lo;
      desc.hi = hi;
    }
    loadCodeSegment(cpu, selector, cpl);
    s[S_EIP] = offset;
    return;
  }
  const type = attr & 0xf;
  if (type === 1 || type === 3 || type === 9 || type === 11 || type === 5) {
    farTaskSwitch(cpu, selector, call ? "call" : "jmp", i.next);
    cpu.flushDecoded = true;
    return;
  }
  if (type !== 4 && type !== 12) raise(VEC_GP, err);
  // Call gate (SDM Vol. 3 §5.8.4).
  const gdpl = (attr >> 5) & 3;
  if (gdpl < cpl || gdpl < (selector & 3)) raise(VEC_GP, err);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  const gate32 = type === 12;
  const gateOffset = gate32 ? (desc.lo & 0xffff) | (desc.hi & 0xffff0000) : desc.lo & 0xffff;
  const params = desc.hi & 0x1f;
  const tsel = desc.lo >>> 16;
  if ((tsel & 0xfffc) === 0) raise(VEC_GP, 0);
  const terr = tsel & 0xfffc;
  if (!readDescriptor(cpu, tsel)) raise(VEC_GP, terr);
  const tattr = (desc.hi >>> 8) & 0xffff;
  const tdpl = (tattr >> 5) & 3;
  const conforming = (tattr & 4) !== 0;
  if ((tattr & 0x18) !== 0x18 || tdpl > cpl) raise(VEC_GP, terr);
  if (!call && !conforming && tdpl !== cpl) raise(VEC_GP, terr);
  if ((tattr & ATTR_P) === 0) raise(VEC_NP, terr);
  const codeLo = desc.lo;
  const codeHi = desc.hi;
  const size = gate32 ? 4 : 2;
  if (call && !conforming && tdpl < cpl) {
    // More privileged: new stack from the TSS, then old SS:ESP, the parameters, CS:EIP.
    tssStack(cpu, tdpl, 0);
    const newSs = tssStackResult.ss;
    checkInnerStack(cpu, newSs, tdpl, 0);
    const ssLo = desc.lo;
    const ssHi = desc.hi;
    if (gateOffset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, 0);
    const ssBase = (ssLo >>> 16) | ((ssHi & 0xff) << 16) | (ssHi & 0xff000000);
    const mask = (ssHi & 0x400000) !== 0 ? -1 : 0xffff;
    let sp = tssStackResult.esp & mask;
    const oldMask = cpu.stack32() ? -1 : 0xffff;
    const oldSp = s[ESP]!;
    const oldBase = s[S_SEG_BASE + SS]!;
    sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + SS]!);
    sp = pushSystem(cpu, ssBase, sp, mask, size, oldSp);
    for (let k = params - 1; k >= 0; k--) {
      const a = (oldBase + ((oldSp + k * size) & oldMask)) | 0;
      sp = pushSystem(cpu, ssBase, sp, mask, size, size === 4 ? cpu.mmu.read32(a) : cpu.mmu.read16(a));
    }
    sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + CS]!);
    sp = pushSystem(cpu, ssBase, sp, mask, size, i.next);
    setSegmentCache(cpu, SS, newSs, ssLo, ssHi);
    if (mask === -1) s[ESP] = sp;
    else cpu.r16[ESP << 1] = sp;
    desc.lo = codeLo;
    desc.hi = codeHi;
    loadCodeSegment(cpu, tsel, tdpl);
    s[S_EIP] = gateOffset;
    return;
  }
  if (gateOffset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, 0);
  if (call) {
    cpu.mmu.probeWrite(stackLinear(cpu, stackPointer(cpu) - 2 * size), 2 * size);
    push(cpu, size, s[S_SEL + CS]! & 0xffff);
    push(cpu, size, i.next);
  }
  desc.lo = codeLo;
  desc.hi = codeHi;
  loadCodeSegment(cpu, tsel, cpl);
  s[S_EIP] = gateOffset;
}

export const execJmpFar: ExecFn = (cpu, i) => {
  farTarget(cpu, i);
  if (descriptorMode(cpu)) farTransfer(cpu, target.selector, target.offset, false, i);
  else loadCsReal(cpu, target.selector, target.offset);
};

export const execCallFar: ExecFn = (cpu, i) => {
  farTarget(cpu, i);
  if (descriptorMode(cpu)) {
    farTransfer(cpu, target.selector, target.offset, true, i);
    return;
  }
  const size = i.osize;
  cpu.mmu.probeWrite(stackLinear(cpu, stackPointer(cpu) - 2 * size), 2 * size);
  push(cpu, size, cpu.s[S_SEL + CS]! & 0xffff);
  push(cpu, size, i.next);
  loadCsReal(cpu, target.selector, target.offset);
};

/**
 * Checks `selector` as the code segment of a far RET or IRET at CPL `cpl` (SDM Vol. 2 "RET"
 * protected-mode checks): leaves its descriptor in `desc`; returns its RPL (the new CPL).
 */
export function checkReturnCode(cpu: Cpu, selector: number, cpl: number): number {
  if ((selector & 0xfffc) === 0) raise(VEC_GP, 0);
  const err = selector & 0xfffc;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  if ((attr & 0x18) !== 0x18) raise(VEC_GP, err);
  const rpl = selector & 3;
  if (rpl < cpl) raise(VEC_GP, err);
  const dpl = (attr >> 5) & 3;
  if ((attr & 4) !== 0 ? dpl > rpl : dpl !== rpl) raise(VEC_GP, err);
  if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  return rpl;
}

/**
 * The common tail of RETF and IRET to an outer privilege level (SDM Vol. 2 RET/IRET,
 * RETURN-TO-OUTER-PRIVILEGE-LEVEL): checks the new SS and the offset against the code descriptor
 * that `desc` holds on entry, loads SS:ESP, EFLAGS (IRET's merged image; RETF passes the current
 * one), CS:EIP at `rpl`, and nulls the data segments the outer level may not use.
 */
export function returnToOuterLevel(cpu: Cpu, sel: number, rpl: number, offset: number, newSs: number, newEsp: number, eflags: number): void {
  const s = cpu.s;
  const codeLo = desc.lo;
  const codeHi = desc.hi;
  checkStackSegment(cpu, newSs, rpl);
  if (offset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, 0);
  setSegmentCache(cpu, SS, newSs, desc.lo, desc.hi);
  if ((s[S_SEG_ATTR + SS]! & 0x4000) !== 0) s[ESP] = newEsp;
  else cpu.r16[ESP << 1] = newEsp & 0xffff;
  s[S_EFLAGS] = eflags;
  desc.lo = codeLo;
  desc.hi = codeHi;
  loadCodeSegment(cpu, sel, rpl);
  s[S_EIP] = offset;
  invalidateOuterSegments(cpu, rpl);
}

/** RETF [imm16] (SDM Vol. 2 "RET" Operation, far returns). */
export const execRetFar: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const size = i.osize;
  const imm = i.k0 === OK_IMM ? i.v0 & 0xffff : 0;
  const offset = peek(cpu, size);
  const sel = peek(cpu, size, size) & 0xffff;
  if (!descriptorMode(cpu)) {
    adjustSp(cpu, 2 * size + imm);
    loadCsReal(cpu, sel, offset);
    return;
  }
  const cpl = s[S_CPL]!;
  // A selector whose RPL differs from CPL takes the inter-privilege path, which reads the outer
  // SS:ESP (beyond the imm16 bytes) before it checks the selector: measured on the host, a null
  // CS with a large imm16 whose SS:ESP slot is unmapped is #PF, not #GP(0).
  let newEsp = 0;
  let newSs = 0;
  if ((sel & 3) !== cpl) {
    // SS first (the host's CR2 names the SS slot when both are unmapped).
    newSs = peek(cpu, size, 3 * size + imm) & 0xffff;
    newEsp = peek(cpu, size, 2 * size + imm);
  }
  const rpl = checkReturnCode(cpu, sel, cpl);
  const codeLo = desc.lo;
  const codeHi = desc.hi;
  if (rpl > cpl) {
    // Return to an outer level: SS:ESP follow the parameters the imm16 releases.
    returnToOuterLevel(cpu, sel, rpl, offset, newSs, (newEsp + imm) | 0, s[S_EFLAGS]!);
    return;
  }
  if (offset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, 0);
  adjustSp(cpu, 2 * size + imm);
  loadCodeSegment(cpu, sel, cpl);
  s[S_EIP] = offset;
};
