/**
 * The Engine interface every level drives (shared/DESIGN.md "Mechanisms"): run up to a budget of
 * instructions and say why it stopped; deliver chosen exception/interrupt vectors and instruction
 * classes to a host handler instead of the IDT; report counters in the shared vocabulary. The
 * interpreter (exec/interpreter.ts) is one engine; the translator of @strata/dbt is another with
 * the same observable behaviour on the same Cpu.
 */
import type { Cpu, HostHandler } from "./cpu/cpu";
import type { ClassName } from "./exec/insn";

/**
 * Why run() returned:
 * - "budget": the instruction budget is used up;
 * - "halt": HLT executed (EIP is after it);
 * - "exit": a host handler returned "stop" (e.g. the guest called exit());
 * - "breakpoint": EIP reached a breakpoint (not yet executed);
 * - "exception": an exception or interrupt had nowhere to go (no host handler, vector not
 *   interposed and no IDT delivery yet); `cpu.lastVector`/`lastErrorCode` say which, EIP is the
 *   faulting instruction (faults) or the next one (traps, INT n);
 * - "shutdown": the processor shut down (a triple fault; `cpu.shutdownReason` says why). qemu
 *   resets the machine here; the machine's owner decides.
 */
export type StopReason = "budget" | "halt" | "exit" | "breakpoint" | "exception" | "shutdown";

export interface Engine {
  readonly cpu: Cpu;
  /** Executes up to `budget` instructions (a fault attempt counts as one). */
  run(budget: number): StopReason;
  /** Host handler for interposed events. */
  setHostHandler(handler: HostHandler | null): void;
  /** Routes `vector` (0-255) to the host handler (true) or to the IDT (false). */
  interposeVector(vector: number, toHost: boolean): void;
  /** Delivers instructions of `cls` to the host handler instead of executing them. */
  interposeClass(cls: ClassName, toHost: boolean): void;
  addBreakpoint(linear: number): void;
  removeBreakpoint(linear: number): void;
  /** Drops decoded/translated code (after the host changed linear->physical mappings). */
  invalidateCode(): void;
  /** Counters in the shared vocabulary (`insn.retired`, `insn.class.*`, `exc.*`, `icache.*`, `tlb.*`). */
  counters(): Record<string, number>;
}
