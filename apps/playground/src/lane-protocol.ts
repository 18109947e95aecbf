/** Messages between the page and a lane's Web Worker. */
import type { DebugState, RunReport, WorkloadInput } from "@strata/lab";

export type ToLane =
  | { readonly type: "run"; readonly level: string; readonly input: WorkloadInput; readonly budget: number }
  | { readonly type: "stop" }
  /** Keys typed into the lane's console: the guest's live input (a bare-metal kernel's COM1). */
  | { readonly type: "input"; readonly text: string }
  | { readonly type: "debug-open"; readonly level: string; readonly input: WorkloadInput }
  | { readonly type: "debug-step"; readonly count: number }
  | { readonly type: "debug-run-to"; readonly target: number };

export type FromLane =
  | { readonly type: "output"; readonly text: string; readonly stream: "stdout" | "stderr" }
  | { readonly type: "progress"; readonly executed: number; readonly counters?: Readonly<Record<string, number>> }
  | { readonly type: "done"; readonly report: RunReport }
  | { readonly type: "failed"; readonly message: string }
  | { readonly type: "debug-state"; readonly state: DebugState };
