/**
 * Event delivery. An exception or software interrupt whose vector is interposed (every vector, on
 * the user-level machine, which has no IDT yet) is handed to the host handler with EIP set as the
 * architecture defines: the faulting instruction for faults, the next instruction for traps and
 * INT n. The host may change any state (a syscall's result in EAX, a fixed-up page) and resume, or
 * stop the engine. Delivery through the IDT (gates, privilege changes) is the seam for isa II.
 */
import { type Cpu, type HostAction, STOP_EXCEPTION, STOP_HOST } from "./cpu";
import { materializeFlags } from "./flags";
import type { Insn } from "../exec/insn";
import { S_EIP } from "./state";

function callHost(cpu: Cpu, kind: "int" | "exception" | "insn", vector: number, errorCode: number): HostAction {
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

/** INT n / INT3 / INTO / INT1 from instruction `i` (EIP is already the next instruction). */
export function softwareInterrupt(cpu: Cpu, vector: number, i: Insn): void {
  cpu.intCounts[vector] = cpu.intCounts[vector]! + 1;
  cpu.s[S_EIP] = i.next;
  if (cpu.interposedVectors[vector] !== 0) {
    callHost(cpu, "int", vector, -1);
    return;
  }
  // No IDT delivery yet: report the event to the host as an exception stop.
  cpu.lastVector = vector;
  cpu.lastErrorCode = -1;
  cpu.stop = STOP_EXCEPTION;
}

/** A fault or trap caught by the run loop; EIP already set by the caller. */
export function deliverException(cpu: Cpu, vector: number, errorCode: number): void {
  if (vector < 32) cpu.excCounts[vector] = cpu.excCounts[vector]! + 1;
  if (cpu.interposedVectors[vector] !== 0) {
    callHost(cpu, "exception", vector, errorCode);
    return;
  }
  cpu.lastVector = vector;
  cpu.lastErrorCode = errorCode;
  cpu.stop = STOP_EXCEPTION;
}

/** An instruction of an interposed class, not executed; EIP is the instruction. */
export function interposedInstruction(cpu: Cpu, className: string, entry: number): HostAction {
  cpu.event.insnClass = className;
  cpu.event.entry = entry;
  return callHost(cpu, "insn", -1, -1);
}
