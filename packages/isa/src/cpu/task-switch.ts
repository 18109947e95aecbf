/**
 * Hardware task switching (SDM Vol. 3 §7.3 "Task Switching", Table 7-1 "Exception Conditions
 * Checked During a Task Switch"). A switch is reached four ways: a far CALL or JMP naming a TSS
 * descriptor or a task gate (farTaskSwitch, called by exec/far.ts), an interrupt or exception
 * through an IDT task gate (taskSwitch with reason "int", called by IDT delivery), and IRET with
 * EFLAGS.NT = 1 (taskReturn).
 *
 * The steps, in the manual's order: check the new TSS descriptor (GDT only, a TSS type, the busy
 * rule of the reason, present, limit >= 0x67 for a 32-bit TSS or 0x2B for a 16-bit one); read the
 * new task's state; clear the old task's busy bit (JMP, IRET); save the dynamic state into the old
 * TSS with EIP = `nextEip` (the instruction after a CALL/JMP/INT/IRET, the faulting instruction
 * for a fault through a task gate) and EFLAGS with NT cleared for IRET; write the back link and
 * set NT (CALL, INT); set the new busy bit (CALL, JMP, INT). That is the commit point: from here
 * on the processor is in the new task (TR, CR0.TS, CR3, EFLAGS, EIP, general registers, selectors),
 * and faults raised while LDTR and the segment registers are loaded and checked are delivered in
 * the new task's context (its first instruction's EIP), as are those of the error-code push.
 * A fault before the commit point leaves the old task untouched and restartable.
 */
import { CC_EFLAGS, readEflags } from "./flags";
import type { Cpu } from "./cpu";
import { FAULT, raise, VEC_DB, VEC_GP, VEC_NP, VEC_SS, VEC_TS } from "./exceptions";
import { deliverException } from "./interrupts";
import { ATTR_ACCESSED, ATTR_P, ATTR_S, descriptorBase, descriptorLimit, desc, readDescriptor, setSegmentCache, setV86Segment } from "./segments";
import {
  CR0_PG,
  CR0_TS,
  CS,
  DS,
  EAX,
  ES,
  FS,
  GS,
  S_CC_OP,
  S_CPL,
  S_CR0,
  S_DR6,
  S_EFLAGS,
  S_EIP,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  S_TR_ATTR,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
  SS,
} from "./state";
import { NT, VM } from "../table/flags";
import { push } from "../exec/operands";
import { debugRegistersTaskSwitch, DR6_BT } from "./debug-registers";
import { writeCr3 } from "./control-registers";

/** Why a task switch happens (SDM Vol. 3 §7.3 Table 7-2 distinguishes them for busy/NT/link). */
export type TaskSwitchReason = "call" | "jmp" | "iret" | "int";

/** 32-bit TSS fields (SDM Vol. 3 Figure 7-2). */
export const TSS32_LINK = 0x00;
export const TSS32_CR3 = 0x1c;
export const TSS32_EIP = 0x20;
export const TSS32_EFLAGS = 0x24;
export const TSS32_EAX = 0x28;
export const TSS32_ES = 0x48;
export const TSS32_LDT = 0x60;
/** The debug trap flag T (bit 0 of the word at 0x64). */
export const TSS32_T = 0x64;
/** 16-bit TSS fields (SDM Vol. 3 Figure 7-11). */
export const TSS16_IP = 0x0e;
export const TSS16_FLAGS = 0x10;
export const TSS16_AX = 0x12;
export const TSS16_ES = 0x22;
export const TSS16_LDT = 0x2a;
/** Minimum limits: the TSS must hold every field the switch reads. */
export const TSS32_MIN_LIMIT = 0x67;
export const TSS16_MIN_LIMIT = 0x2b;

/** Descriptor type (with S = 0) of a TSS: available/busy, 16-/32-bit. */
const TYPE_TSS16 = 0x1;
const TYPE_BUSY = 0x2;
const TYPE_TASK_GATE = 0x5;
const TYPE_LDT = 0x2;

/** The new task's state, read before the commit point (module-level: no allocation). */
const newRegs = new Int32Array(8);
const newSegs = new Int32Array(6);

/** EFLAGS bits a task switch loads (everything the architecture defines; RF/VM included). */
const EFLAGS_LOAD_MASK = 0x3f7fd7;

/**
 * Switches to the task whose TSS descriptor `selector` names (in the GDT).
 * `nextEip` is saved as the old task's EIP; `errorCode` >= 0 is pushed on the new task's stack
 * (an exception with an error code through a task gate); `ext` is the EXT bit (1 when an
 * external event or exception caused the switch) of the error codes this raises.
 */
export function taskSwitch(cpu: Cpu, selector: number, reason: TaskSwitchReason, errorCode: number, nextEip: number, ext = 0): void {
  const s = cpu.s;
  selector &= 0xffff;
  const err = (selector & 0xfffc) | ext;
  // IRET reports a bad back link as #TS; CALL/JMP/INT report a bad TSS selector as #GP.
  const selectorFault = reason === "iret" ? VEC_TS : VEC_GP;
  if ((selector & 4) !== 0 || !readDescriptor(cpu, selector)) raise(selectorFault, err);
  const lo = desc.lo;
  let hi = desc.hi;
  const descAddr = desc.addr;
  const type = (hi >>> 8) & 0x1f; // with S
  const tssType = type & ~(8 | TYPE_BUSY);
  if (tssType !== TYPE_TSS16) raise(selectorFault, err);
  const busy = (type & TYPE_BUSY) !== 0;
  if (reason === "iret") {
    if (!busy) raise(VEC_TS, err);
  } else if (busy) raise(VEC_GP, err);
  if ((hi & (ATTR_P << 8)) === 0) raise(VEC_NP, err);
  const new32 = (type & 8) !== 0;
  const newBase = descriptorBase(lo, hi);
  const newLimit = descriptorLimit(lo, hi) >>> 0;
  if (newLimit < (new32 ? TSS32_MIN_LIMIT : TSS16_MIN_LIMIT)) raise(VEC_TS, err);

  // Read the new task's state (a #PF here is a fault in the old task).
  let newCr3 = 0;
  let newEip: number;
  let newEflags: number;
  let newLdt: number;
  let debugTrap = false;
  if (new32) {
    newCr3 = cpu.mmu.readSupervisor32((newBase + TSS32_CR3) | 0);
    newEip = cpu.mmu.readSupervisor32((newBase + TSS32_EIP) | 0);
    newEflags = cpu.mmu.readSupervisor32((newBase + TSS32_EFLAGS) | 0);
    for (let r = 0; r < 8; r++) newRegs[r] = cpu.mmu.readSupervisor32((newBase + TSS32_EAX + 4 * r) | 0);
    for (let g = 0; g < 6; g++) newSegs[g] = cpu.mmu.readSupervisor16((newBase + TSS32_ES + 4 * g) | 0);
    newLdt = cpu.mmu.readSupervisor16((newBase + TSS32_LDT) | 0);
    debugTrap = (cpu.mmu.readSupervisor16((newBase + TSS32_T) | 0) & 1) !== 0;
  } else {
    newEip = cpu.mmu.readSupervisor16((newBase + TSS16_IP) | 0);
    newEflags = cpu.mmu.readSupervisor16((newBase + TSS16_FLAGS) | 0);
    for (let r = 0; r < 8; r++) newRegs[r] = cpu.mmu.readSupervisor16((newBase + TSS16_AX + 2 * r) | 0);
    for (let g = 0; g < 4; g++) newSegs[g] = cpu.mmu.readSupervisor16((newBase + TSS16_ES + 2 * g) | 0);
    newSegs[4] = 0;
    newSegs[5] = 0;
    newLdt = cpu.mmu.readSupervisor16((newBase + TSS16_LDT) | 0);
  }

  // Every store before the commit point is checked first, so a #PF leaves no partial update.
  const oldSel = s[S_TR_SEL]! & 0xffff;
  const oldBase = s[S_TR_BASE]!;
  const old32 = (s[S_TR_ATTR]! & 8) !== 0;
  if (old32) cpu.mmu.probeSupervisorWrite((oldBase + TSS32_EIP) | 0, TSS32_LDT - TSS32_EIP);
  else cpu.mmu.probeSupervisorWrite((oldBase + TSS16_IP) | 0, TSS16_LDT - TSS16_IP);
  const nests = reason === "call" || reason === "int";
  if (nests) cpu.mmu.probeSupervisorWrite(newBase, 2);

  if (reason === "jmp" || reason === "iret") {
    // The old task becomes available again (its descriptor in the GDT, wherever TR points).
    if ((oldSel & 4) === 0 && readDescriptor(cpu, oldSel)) {
      cpu.mmu.writeSupervisor32((desc.addr + 4) | 0, desc.hi & ~(TYPE_BUSY << 8));
    }
  }
  let oldEflags = readEflags(s);
  if (reason === "iret") oldEflags &= ~NT;
  if (old32) {
    cpu.mmu.writeSupervisor32((oldBase + TSS32_EIP) | 0, nextEip);
    cpu.mmu.writeSupervisor32((oldBase + TSS32_EFLAGS) | 0, oldEflags);
    for (let r = 0; r < 8; r++) cpu.mmu.writeSupervisor32((oldBase + TSS32_EAX + 4 * r) | 0, s[EAX + r]!);
    for (let g = 0; g < 6; g++) cpu.mmu.writeSupervisor16((oldBase + TSS32_ES + 4 * g) | 0, s[S_SEL + g]!);
  } else {
    cpu.mmu.writeSupervisor16((oldBase + TSS16_IP) | 0, nextEip);
    cpu.mmu.writeSupervisor16((oldBase + TSS16_FLAGS) | 0, oldEflags);
    for (let r = 0; r < 8; r++) cpu.mmu.writeSupervisor16((oldBase + TSS16_AX + 2 * r) | 0, s[EAX + r]!);
    for (let g = 0; g < 4; g++) cpu.mmu.writeSupervisor16((oldBase + TSS16_ES + 2 * g) | 0, s[S_SEL + g]!);
  }
  if (nests) {
    cpu.mmu.writeSupervisor16((newBase + TSS32_LINK) | 0, oldSel);
    newEflags |= NT;
  }
  if (reason !== "iret") {
    hi |= TYPE_BUSY << 8;
    cpu.mmu.writeSupervisor32((descAddr + 4) | 0, hi);
  }

  // --- commit point: the processor is in the new task ---
  // Its code may decode differently (a 16-bit CS, V86) at the same linear addresses.
  cpu.flushDecoded = true;
  s[S_CR0] = s[S_CR0]! | CR0_TS;
  s[S_TR_SEL] = selector;
  s[S_TR_BASE] = newBase;
  s[S_TR_LIMIT] = newLimit;
  s[S_TR_ATTR] = (hi >>> 8) & 0xffff;
  // A 16-bit TSS has no CR3 field; CR3 is loaded only while paging is on (SDM §7.3 step 11).
  if (new32 && (s[S_CR0] & CR0_PG) !== 0) writeCr3(cpu, newCr3);
  s[S_EIP] = newEip;
  // Materialize the arithmetic flags: EFLAGS is replaced as a whole.
  s[S_CC_OP] = CC_EFLAGS;
  if (new32) {
    s[S_EFLAGS] = (newEflags & EFLAGS_LOAD_MASK) | 2;
    for (let r = 0; r < 8; r++) s[EAX + r] = newRegs[r]!;
  } else {
    s[S_EFLAGS] = (s[S_EFLAGS]! & ~0xffff) | (newEflags & 0x7fd7) | 2;
    for (let r = 0; r < 8; r++) cpu.r16[(EAX + r) << 1] = newRegs[r]!;
  }
  debugRegistersTaskSwitch(cpu);
  const v86 = (s[S_EFLAGS] & VM) !== 0;
  // Selectors first, with unusable caches: a fault below leaves the new selectors visible.
  for (let g = ES; g <= GS; g++) {
    s[S_SEL + g] = newSegs[g]!;
    s[S_SEG_BASE + g] = 0;
    s[S_SEG_LIMIT + g] = 0;
    s[S_SEG_ATTR + g] = 0;
  }
  s[S_LDTR_SEL] = newLdt & ~4;
  s[S_LDTR_BASE] = 0;
  s[S_LDTR_LIMIT] = 0;
  try {
    loadTaskState(cpu, v86, newLdt, ext);
    if (errorCode >= 0) push(cpu, new32 ? 4 : 2, errorCode);
    if (debugTrap) {
      // The TSS's T flag: a #DB trap before the new task's first instruction, DR6.BT set (§7.2.1,
      // §17.3.1.5). (qemu-system-i386 does not model T.)
      s[S_DR6] = s[S_DR6]! | DR6_BT;
      deliverException(cpu, VEC_DB, -1);
    }
  } catch (e) {
    if (e !== FAULT) throw e;
    // A fault after the commit point belongs to the new task: deliver it here with the new
    // task's EIP, instead of letting the run loop restart the instruction of the old task.
    s[S_EIP] = newEip;
    deliverException(cpu, FAULT.vector, FAULT.errorCode);
  }
}

/** LDTR and the segment registers of the new task, with the checks of Table 7-1 (steps 5-15). */
function loadTaskState(cpu: Cpu, v86: boolean, ldt: number, ext: number): void {
  const s = cpu.s;
  if ((ldt & 4) !== 0) raise(VEC_TS, (ldt & 0xfffc) | ext);
  if ((ldt & 0xfffc) !== 0) {
    const err = (ldt & 0xfffc) | ext;
    if (!readDescriptor(cpu, ldt)) raise(VEC_TS, err);
    const attr = (desc.hi >>> 8) & 0xffff;
    if ((attr & 0x1f) !== TYPE_LDT) raise(VEC_TS, err);
    if ((attr & ATTR_P) === 0) raise(VEC_TS, err);
    s[S_LDTR_BASE] = descriptorBase(desc.lo, desc.hi);
    s[S_LDTR_LIMIT] = descriptorLimit(desc.lo, desc.hi);
  }
  if (v86) {
    // Virtual-8086 task: real-mode style segments, CPL 3 (SDM Vol. 3 §20.2.1).
    cpu.setCpl(3);
    for (let g = ES; g <= GS; g++) setV86Segment(cpu, g, newSegs[g]!);
    return;
  }
  const cpl = newSegs[CS]! & 3;
  cpu.setCpl(cpl);
  loadTaskSegment(cpu, CS, newSegs[CS]!, cpl, ext);
  loadTaskSegment(cpu, SS, newSegs[SS]!, cpl, ext);
  for (const g of DATA_SEGS) loadTaskSegment(cpu, g, newSegs[g]!, cpl, ext);
  // The new EIP must lie inside the new code segment (the fetch would #GP(0)).
  if ((s[S_EIP]! >>> 0) > (s[S_SEG_LIMIT + CS]! >>> 0)) raise(VEC_GP, 0);
}

const DATA_SEGS = [ES, DS, FS, GS] as const;

/** One segment register of the new task (Table 7-1 steps 6-15): faults are #TS unless "not present". */
function loadTaskSegment(cpu: Cpu, seg: number, selector: number, cpl: number, ext: number): void {
  selector &= 0xffff;
  const err = (selector & 0xfffc) | ext;
  if ((selector & 0xfffc) === 0) {
    if (seg === CS || seg === SS) raise(VEC_TS, err);
    return; // a null data selector: the register stays unusable
  }
  if (!readDescriptor(cpu, selector)) raise(VEC_TS, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  if ((attr & ATTR_S) === 0) raise(VEC_TS, err);
  const type = attr & 0xf;
  const code = (type & 8) !== 0;
  const dpl = (attr >> 5) & 3;
  const rpl = selector & 3;
  if (seg === CS) {
    if (!code) raise(VEC_TS, err);
    const conforming = (type & 4) !== 0;
    if (conforming ? dpl > rpl : dpl !== rpl) raise(VEC_TS, err);
    if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  } else if (seg === SS) {
    if (code || (type & 2) === 0) raise(VEC_TS, err);
    if (dpl !== cpl || rpl !== cpl) raise(VEC_TS, err);
    if ((attr & ATTR_P) === 0) raise(VEC_SS, err);
  } else {
    if (code && (type & 2) === 0) raise(VEC_TS, err);
    const conforming = code && (type & 4) !== 0;
    if (!conforming && (dpl < cpl || dpl < rpl)) raise(VEC_TS, err);
    if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
  }
  if ((attr & ATTR_ACCESSED) === 0) {
    desc.hi |= ATTR_ACCESSED << 8;
    cpu.mmu.writeSupervisor32((desc.addr + 4) | 0, desc.hi);
  }
  setSegmentCache(cpu, seg, selector, desc.lo, desc.hi);
}


/**
 * Far CALL or JMP whose selector names a TSS descriptor or a task gate (SDM Vol. 2 "CALL"/"JMP",
 * the task-switch branches): the DPL of the descriptor (TSS or gate) must be >= CPL and >= RPL
 * (#GP(selector)); a gate must be present (#NP(gate selector)) and names a TSS in the GDT.
 * `nextEip` is the offset of the instruction after the CALL/JMP, saved in the old TSS.
 */
export function farTaskSwitch(cpu: Cpu, selector: number, reason: "call" | "jmp", nextEip: number): void {
  selector &= 0xffff;
  const err = selector & 0xfffc;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  const dpl = (attr >> 5) & 3;
  if (dpl < cpu.s[S_CPL]! || dpl < (selector & 3)) raise(VEC_GP, err);
  const type = attr & 0x1f;
  if (type === TYPE_TASK_GATE) {
    if ((attr & ATTR_P) === 0) raise(VEC_NP, err);
    taskSwitch(cpu, desc.lo >>> 16, reason, -1, nextEip);
    return;
  }
  if ((selector & 4) !== 0) raise(VEC_GP, err);
  taskSwitch(cpu, selector, reason, -1, nextEip);
}

/**
 * Interrupt or exception through an IDT task gate (SDM Vol. 3 §6.11.2): `gateLo` is the gate's
 * low dword (the TSS selector in bits 16-31); the caller checked the gate's DPL (software
 * interrupts) and presence. `errorCode` >= 0 is pushed on the new task's stack.
 */
export function interruptTaskSwitch(cpu: Cpu, gateLo: number, errorCode: number, savedEip: number, ext: number): void {
  taskSwitch(cpu, gateLo >>> 16, "int", errorCode, savedEip, ext);
}

/** IRET with EFLAGS.NT = 1: return to the task named by the back link of the current TSS. */
export function taskReturn(cpu: Cpu, nextEip: number): void {
  const link = cpu.mmu.readSupervisor16((cpu.s[S_TR_BASE]! + TSS32_LINK) | 0);
  taskSwitch(cpu, link, "iret", -1, nextEip);
}
