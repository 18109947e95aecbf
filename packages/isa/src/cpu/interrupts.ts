/**
 * Event delivery (SDM Vol. 3 Ch. 6 and §20.1.4): exceptions, software interrupts (INT n, INT3,
 * INTO, INT1) and external interrupts (the INTR pin, NMI).
 *
 * A vector marked in cpu.interposedVectors goes to the host handler instead (the user-level
 * machine interposes all of them): EIP is set as the architecture defines it (the faulting
 * instruction for faults, the next instruction for traps and INT n) and the host may change any
 * state and resume, or stop the engine.
 *
 * Otherwise the event goes through the interrupt vector table in real mode, and through the IDT in
 * protected mode (§6.12): interrupt and trap gates (16 and 32-bit) with a stack switch to the
 * TSS's SSn:ESPn when the handler is more privileged, from virtual-8086 mode as well (§20.3.1.1),
 * and task gates (a task switch, cpu/task-switch.ts). A fault while delivering an event is
 * delivered in its place, or becomes a double fault (#DF) per Table 6-5; a fault while delivering
 * #DF shuts the processor down (a triple fault: the engine stops with "shutdown").
 *
 * Every state change is computed first and committed at the end, so a fault during delivery
 * leaves the interrupted state as it was.
 */
import { type Cpu, type HostAction, STOP_EXCEPTION, STOP_HOST, STOP_SHUTDOWN } from "./cpu";
import { FAULT, hasErrorCode, raise, VEC_DF, VEC_GP, VEC_NMI, VEC_NP, VEC_PF, VEC_SS, VEC_TS } from "./exceptions";
import { materializeFlags } from "./flags";
import type { Insn } from "../exec/insn";
import {
  ATTR_P,
  desc,
  descriptorLimit,
  loadCodeSegment,
  readDescriptor,
  setNullSegment,
  setSegmentCache,
} from "./segments";
import { taskSwitch } from "./task-switch";
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
  S_EFLAGS,
  S_EIP,
  S_GDTR_BASE,
  S_HALTED,
  S_IDTR_BASE,
  S_IDTR_LIMIT,
  S_INHIBIT,
  S_NMI_BLOCKED,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEL,
  S_TR_ATTR,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
  SS,
} from "./state";

const TF = 1 << 8;
const IF = 1 << 9;
const NT = 1 << 14;
const RF = 1 << 16;
const VM = 1 << 17;
const AC = 1 << 18;

/** How an event arose: it decides the gate-DPL check, the EXT bit and the #DF rules. */
export type EventKind = "exception" | "int" | "external";

function callHost(cpu: Cpu, kind: "int" | "exception" | "external" | "insn", vector: number, errorCode: number): HostAction {
  const h = cpu.hostHandler;
  cpu.lastVector = vector;
  cpu.lastErrorCode = errorCode;
  if (h === null) {
    cpu.stop = STOP_EXCEPTION;
    return "stop";
  }
  const ev = cpu.event;
  ev.kind = kind;
  ev.vector = vector;
  ev.errorCode = errorCode;
  ev.eip = cpu.s[S_EIP]!;
  // Hosts read EFLAGS as a whole; give them a materialized image.
  materializeFlags(cpu.s);
  const action = h(ev, cpu);
  if (action === "stop") cpu.stop = STOP_HOST;
  return action;
}

/** Exception classes of SDM Vol. 3 Table 6-4 (for Table 6-5). */
function contributory(vector: number): boolean {
  return vector === 0 || (vector >= VEC_TS && vector <= VEC_GP);
}

/**
 * Delivers event `vector` (EIP already the return address: the faulting instruction for a fault,
 * the next one for a trap, INT n or an external interrupt). `errorCode` is pushed for exceptions
 * that have one (pass -1 otherwise). Faults during delivery are handled here (nested delivery,
 * #DF, shutdown); the caller only looks at cpu.stop afterwards. `faultEip` is the EIP a fault
 * during delivery reports: the INT instruction itself for INT n, else the return address.
 */
export function deliverInterrupt(cpu: Cpu, vector: number, kind: EventKind, errorCode: number, faultEip = cpu.s[S_EIP]!): void {
  let vec = vector & 0xff;
  let k = kind;
  let err = errorCode;
  // EXT (SDM Vol. 3 §6.13): set in the error codes of faults raised while delivering an event
  // external to the program — an interrupt or an exception — and clear for INT n/INT3/INTO.
  // qemu leaves it clear for exceptions; the bare-metal kernels do not depend on it.
  let ext = kind === "int" ? 0 : 1;
  for (let nest = 0; ; nest++) {
    if (k === "exception" && vec < 32) cpu.excCounts[vec] = cpu.excCounts[vec]! + 1;
    if (cpu.interposedVectors[vec] !== 0) {
      callHost(cpu, k, vec, k === "exception" && hasErrorCode(vec) ? err : -1);
      return;
    }
    try {
      if ((cpu.s[S_CR0]! & CR0_PE) === 0) deliverReal(cpu, vec);
      else deliverProtected(cpu, vec, k, k === "exception" && hasErrorCode(vec) ? err : -1, ext);
      cpu.s[S_HALTED] = 0;
      cpu.s[S_INHIBIT] = 0;
      if (k === "external" && vec === VEC_NMI) cpu.s[S_NMI_BLOCKED] = 1;
      return;
    } catch (e) {
      if (e !== FAULT) throw e;
      // A fault while delivering INT n reports the INT instruction (it is restartable).
      cpu.s[S_EIP] = faultEip;
      const nv = FAULT.vector;
      const first = k === "exception" ? vec : -1;
      if (first === VEC_DF || nest > 3) {
        shutdown(cpu, `triple fault (#${nv} while delivering #DF)`);
        return;
      }
      if ((contributory(first) && contributory(nv)) || (first === VEC_PF && (contributory(nv) || nv === VEC_PF))) {
        vec = VEC_DF;
        err = 0;
      } else {
        vec = nv;
        err = FAULT.errorCode;
      }
      k = "exception";
      // A fault during the delivery of an exception or external event is itself external (EXT).
      ext = 1;
    }
  }
}

/** The processor shuts down (SDM Vol. 3 §6.15 Interrupt 8): the engine stops; the machine decides. */
function shutdown(cpu: Cpu, reason: string): void {
  cpu.shutdownReason = reason;
  cpu.lastVector = VEC_DF;
  cpu.lastErrorCode = 0;
  cpu.stop = STOP_SHUTDOWN;
}

/**
 * True when an NMI (not blocked) or a maskable interrupt with EFLAGS.IF = 1 waits; the caller
 * handles the interrupt shadow (S_INHIBIT).
 */
export function eventPending(cpu: Cpu): boolean {
  if (cpu.nmiPending && cpu.s[S_NMI_BLOCKED] === 0) return true;
  const ic = cpu.interruptController;
  return ic !== null && (cpu.s[S_EFLAGS]! & IF) !== 0 && ic.intr;
}

/**
 * Takes a waiting event at an instruction boundary outside an interrupt shadow: NMI first, then
 * INTR, whose vector comes from the controller's INTA cycle (SDM Vol. 3 §6.9). Returns true when
 * one was delivered (then look at cpu.stop). Every engine calls this between instructions.
 */
export function acceptPendingEvent(cpu: Cpu): boolean {
  const s = cpu.s;
  if (cpu.nmiPending && s[S_NMI_BLOCKED] === 0) {
    cpu.nmiPending = false;
    deliverInterrupt(cpu, VEC_NMI, "external", -1);
    return true;
  }
  const ic = cpu.interruptController;
  if (ic !== null && (s[S_EFLAGS]! & IF) !== 0 && ic.intr) {
    deliverInterrupt(cpu, ic.acknowledge() & 0xff, "external", -1);
    return true;
  }
  return false;
}

/** INT n / INT3 / INTO from instruction `i` (SDM Vol. 2 "INT n/INTO/INT3/INT1"). */
export function softwareInterrupt(cpu: Cpu, vector: number, i: Insn): void {
  cpu.intCounts[vector] = cpu.intCounts[vector]! + 1;
  cpu.s[S_EIP] = i.next;
  deliverInterrupt(cpu, vector, "int", -1, i.eip);
}

/** A fault or trap caught by the run loop; EIP already set by the caller. */
export function deliverException(cpu: Cpu, vector: number, errorCode: number): void {
  deliverInterrupt(cpu, vector, "exception", errorCode);
}

/** An instruction of an interposed class, not executed; EIP is the instruction. */
export function interposedInstruction(cpu: Cpu, className: string, entry: number): HostAction {
  cpu.event.insnClass = className;
  cpu.event.entry = entry;
  return callHost(cpu, "insn", -1, -1);
}

// --- real mode (SDM Vol. 3 §20.1.4) ---

function deliverReal(cpu: Cpu, vector: number): void {
  const s = cpu.s;
  // qemu's do_interrupt_real: a vector beyond the IDTR limit is #GP(vector * 8 + 2).
  if (vector * 4 + 3 > s[S_IDTR_LIMIT]! >>> 0) raise(VEC_GP, vector * 8 + 2);
  const entry = (s[S_IDTR_BASE]! + vector * 4) | 0;
  const offset = cpu.mmu.read16(entry);
  const selector = cpu.mmu.read16((entry + 2) | 0);
  materializeFlags(s);
  const flags = s[S_EFLAGS]!;
  const ssBase = s[S_SEG_BASE + SS]!;
  let sp = cpu.r16[ESP << 1]!;
  sp = (sp - 2) & 0xffff;
  cpu.mmu.write16((ssBase + sp) | 0, flags);
  sp = (sp - 2) & 0xffff;
  cpu.mmu.write16((ssBase + sp) | 0, s[S_SEL + CS]!);
  sp = (sp - 2) & 0xffff;
  cpu.mmu.write16((ssBase + sp) | 0, s[S_EIP]!);
  cpu.r16[ESP << 1] = sp;
  s[S_EFLAGS] = flags & ~(IF | TF | AC | RF);
  const oldBase = s[S_SEG_BASE + CS]!;
  s[S_SEL + CS] = selector;
  s[S_SEG_BASE + CS] = selector << 4;
  s[S_EIP] = offset;
  if (oldBase !== selector << 4) cpu.flushDecoded = true;
}

// --- protected mode (SDM Vol. 3 §6.12, Vol. 2 "INT n" Operation) ---

/** The new stack of a privilege change, read from the TSS by tssStack(). */
export const tssStackResult = { ss: 0, esp: 0 };

/**
 * SSn:ESPn of the current TSS for privilege level `dpl` (SDM Vol. 3 §7.2.1; 16-bit TSS §7.6).
 * A TSS too short for it is #TS(TR selector + EXT).
 */
export function tssStack(cpu: Cpu, dpl: number, ext: number): void {
  const s = cpu.s;
  const tss32 = tssIs32(cpu);
  const shift = tss32 ? 1 : 0;
  const index = (dpl * 4 + 2) << shift;
  if (index + (4 << shift) - 1 > s[S_TR_LIMIT]! >>> 0) raise(VEC_TS, (s[S_TR_SEL]! & 0xfffc) | ext);
  const base = s[S_TR_BASE]!;
  if (tss32) {
    tssStackResult.esp = cpu.mmu.readSupervisor32((base + index) | 0);
    tssStackResult.ss = cpu.mmu.readSupervisor16((base + index + 4) | 0);
  } else {
    tssStackResult.esp = cpu.mmu.readSupervisor16((base + index) | 0);
    tssStackResult.ss = cpu.mmu.readSupervisor16((base + index + 2) | 0);
  }
}

/** The type of the current TSS (types 9/11: 32-bit; 1/3: 16-bit), cached with TR. */
function tssIs32(cpu: Cpu): boolean {
  const s = cpu.s;
  const attr = s[S_TR_ATTR]!;
  if (attr !== 0) return (attr & 8) !== 0;
  // TR loaded by the host without its attributes: read the descriptor.
  const sel = s[S_TR_SEL]! & 0xfff8;
  const hi = cpu.mmu.readSupervisor32((s[S_GDTR_BASE]! + sel + 4) | 0);
  return (hi & 0x800) !== 0;
}

/**
 * Checks the SS of an inner-level stack switch (interrupt/trap gate or call gate) for code DPL
 * `dpl`: #TS for a bad selector or descriptor, #SS when not present (SDM Vol. 2 "INT n" and
 * "CALL"); leaves the descriptor in `desc`.
 */
export function checkInnerStack(cpu: Cpu, ss: number, dpl: number, ext: number): void {
  if ((ss & 0xfffc) === 0) raise(VEC_TS, ext);
  const err = (ss & 0xfffc) | ext;
  if ((ss & 3) !== dpl) raise(VEC_TS, err);
  if (!readDescriptor(cpu, ss)) raise(VEC_TS, err);
  const attr = (desc.hi >>> 8) & 0xffff;
  if (((attr >> 5) & 3) !== dpl || (attr & 0x1a) !== 0x12) raise(VEC_TS, err);
  if ((attr & ATTR_P) === 0) raise(VEC_SS, err);
}

/** Writes `value` (size 2 or 4) below sp on the stack at `base`; returns the new sp (masked by `mask`). */
export function pushSystem(cpu: Cpu, base: number, sp: number, mask: number, size: number, value: number): number {
  const nsp = (sp - size) & mask;
  if (size === 4) cpu.mmu.writeSupervisor32((base + nsp) | 0, value);
  else cpu.mmu.writeSupervisor16((base + nsp) | 0, value);
  return nsp;
}

function deliverProtected(cpu: Cpu, vector: number, kind: EventKind, errorCode: number, ext: number): void {
  const s = cpu.s;
  const gateErr = vector * 8 + 2 + ext;
  if (vector * 8 + 7 > s[S_IDTR_LIMIT]! >>> 0) raise(VEC_GP, gateErr);
  const addr = (s[S_IDTR_BASE]! + vector * 8) | 0;
  const lo = cpu.mmu.readSupervisor32(addr);
  const hi = cpu.mmu.readSupervisor32((addr + 4) | 0);
  const type = (hi >> 8) & 0x1f;
  if (type !== 5 && type !== 6 && type !== 7 && type !== 0xe && type !== 0xf) raise(VEC_GP, gateErr);
  const cpl = s[S_CPL]!;
  const gateDpl = (hi >> 13) & 3;
  // Only software interrupts (INT n, INT3, INTO) check the gate's DPL (§6.12.1.1).
  if (kind === "int" && gateDpl < cpl) raise(VEC_GP, vector * 8 + 2);
  if ((hi & 0x8000) === 0) raise(VEC_NP, gateErr);
  const selector = lo >>> 16;
  if (type === 5) {
    taskSwitch(cpu, selector, "int", errorCode, s[S_EIP]!, ext);
    return;
  }
  const gate32 = (type & 8) !== 0;
  const offset = gate32 ? (lo & 0xffff) | (hi & 0xffff0000) : lo & 0xffff;
  if ((selector & 0xfffc) === 0) raise(VEC_GP, ext);
  const selErr = (selector & 0xfffc) | ext;
  if (!readDescriptor(cpu, selector)) raise(VEC_GP, selErr);
  const cattr = (desc.hi >>> 8) & 0xffff;
  const cdpl = (cattr >> 5) & 3;
  if ((cattr & 0x18) !== 0x18 || cdpl > cpl) raise(VEC_GP, selErr);
  if ((cattr & ATTR_P) === 0) raise(VEC_NP, selErr);
  const codeLo = desc.lo;
  const codeHi = desc.hi;
  if (offset >>> 0 > descriptorLimit(codeLo, codeHi) >>> 0) raise(VEC_GP, ext);
  materializeFlags(s);
  const eflags = s[S_EFLAGS]!;
  const v86 = (eflags & VM) !== 0;
  const conforming = (cattr & 4) !== 0;
  const size = gate32 ? 4 : 2;
  let newCpl = cpl;
  let ssBase: number;
  let sp: number;
  let mask: number;
  let newSs = -1;
  let ssLo = 0;
  let ssHi = 0;
  if (!conforming && cdpl < cpl) {
    // Inner-level handler: switch to the TSS stack of its DPL (from V86 mode only to ring 0).
    if (v86 && cdpl !== 0) raise(VEC_GP, selErr);
    tssStack(cpu, cdpl, ext);
    checkInnerStack(cpu, tssStackResult.ss, cdpl, ext);
    newSs = tssStackResult.ss;
    ssLo = desc.lo;
    ssHi = desc.hi;
    ssBase = (ssLo >>> 16) | ((ssHi & 0xff) << 16) | (ssHi & 0xff000000);
    mask = (ssHi & 0x400000) !== 0 ? -1 : 0xffff;
    sp = tssStackResult.esp & mask;
    newCpl = cdpl;
    if (v86) {
      sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + GS]!);
      sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + FS]!);
      sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + DS]!);
      sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + ES]!);
    }
    sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + SS]!);
    sp = pushSystem(cpu, ssBase, sp, mask, size, s[ESP]!);
  } else {
    if (v86) raise(VEC_GP, selErr);
    if (!conforming && cdpl !== cpl) raise(VEC_GP, selErr);
    ssBase = s[S_SEG_BASE + SS]!;
    mask = (s[S_SEG_ATTR + SS]! & 0x4000) !== 0 ? -1 : 0xffff;
    sp = s[ESP]! & mask;
  }
  sp = pushSystem(cpu, ssBase, sp, mask, size, eflags);
  sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_SEL + CS]!);
  sp = pushSystem(cpu, ssBase, sp, mask, size, s[S_EIP]!);
  if (errorCode >= 0) sp = pushSystem(cpu, ssBase, sp, mask, size, errorCode);
  // Commit.
  if (newSs >= 0) {
    if (v86) {
      setNullSegment(cpu, GS, 0);
      setNullSegment(cpu, FS, 0);
      setNullSegment(cpu, DS, 0);
      setNullSegment(cpu, ES, 0);
    }
    setSegmentCache(cpu, SS, newSs, ssLo, ssHi);
  }
  if (mask === -1) s[ESP] = sp;
  else cpu.r16[ESP << 1] = sp;
  let f = eflags & ~(TF | VM | RF | NT);
  if ((type & 1) === 0) f &= ~IF; // interrupt gate; a trap gate keeps IF
  s[S_EFLAGS] = f;
  desc.lo = codeLo;
  desc.hi = codeHi;
  loadCodeSegment(cpu, selector, newCpl);
  s[S_EIP] = offset;
}
