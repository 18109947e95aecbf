/**
 * Debugging an x86 level: a session over one workload that steps by instruction counts and shows
 * the machine (registers, disassembly at EIP). Levels that can be debugged implement
 * `Level.debug`; the playground's debugger pane and tests drive it.
 */
import type { RunExit } from "./level";

export interface DisassemblyLine {
  readonly address: number;
  /** The instruction's bytes, hex, space separated. */
  readonly bytes: string;
  /** objdump-style Intel syntax, or "(unreadable)" where the memory is not mapped. */
  readonly text: string;
}

export interface DebugState {
  /** Instructions retired so far. */
  readonly retired: number;
  /** eax..edi, eip, eflags, and the segment selectors. */
  readonly registers: Readonly<Record<string, number>>;
  /** From the current EIP on. */
  readonly disassembly: readonly DisassemblyLine[];
  /** Set once the workload has ended (exit, fault). */
  readonly exit?: RunExit;
  readonly counters: Readonly<Record<string, number>>;
}

export interface DebugSession {
  state(lines?: number): DebugState;
  /** Executes up to `count` instructions (stops early when the workload ends). */
  step(count: number): DebugState;
  /** Runs until `retired` reaches `target` (or the workload ends). */
  runTo(target: number): DebugState;
}

export const REGISTER_ORDER = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "eip", "eflags", "cs", "ds", "es", "fs", "gs", "ss"] as const;
