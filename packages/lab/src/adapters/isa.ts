/**
 * Level "isa": the @strata/isa interpreter. linux-i386 workloads run in user mode through
 * @strata/linux-user (the qemu-i386 of Strata), in slices so progress, budgets and Stop work.
 */
import { LinuxProcess } from "@strata/linux-user";
import type { Level, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { TextSink, yieldToHost } from "./slices";

const DEFAULT_SLICE = 2_000_000;

export const isaLevel: Level = {
  id: "isa",
  name: "Interpreter (isa)",
  description: "IA-32 interpreter: decode, execute, lazy flags; like Bochs or qemu-i386 without TCG",
  kinds: ["linux-i386"],
  workCounter: "insn.retired",
  async run(w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
    if (w.kind !== "linux-i386") throw new LevelError(`level isa cannot run ${w.kind} workloads yet`);
    const started = performance.now();
    const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
    const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
    let proc: LinuxProcess;
    try {
      proc = new LinuxProcess(w.image, { argv: [w.name, ...(w.args ?? [])], stdout: out.push, stderr: err.push, file: w.name });
    } catch (e) {
      return report(w, out.end(), err.end(), { kind: "error", message: e instanceof Error ? e.message : String(e) }, {}, started);
    }
    const slice = o.progressEvery ?? DEFAULT_SLICE;
    let cancelled = false;
    while (!proc.exited) {
      const done = proc.cpu.retired;
      if (o.budget !== undefined && done >= o.budget) break;
      if (o.signal?.aborted) {
        cancelled = true;
        break;
      }
      proc.run(o.budget === undefined ? slice : Math.min(slice, o.budget - done));
      o.onProgress?.({ executed: proc.cpu.retired, ...(o.budget !== undefined ? { budget: o.budget } : {}) });
      if (!proc.exited) await yieldToHost();
    }
    const st = proc.status();
    const exit = proc.exited
      ? st.signal !== null
        ? ({ kind: "fault", message: proc.fault } as const)
        : ({ kind: "exit", code: st.status } as const)
      : cancelled
        ? ({ kind: "cancelled" } as const)
        : ({ kind: "budget" } as const);
    return report(w, out.end(), err.end(), exit, proc.counters(), started);
  },
};

function report(
  w: WorkloadInput,
  output: string,
  stderr: string,
  exit: RunReport["exit"],
  counters: Record<string, number>,
  started: number,
): RunReport {
  return { level: "isa", workload: w.name, output, stderr, exit, counters, hostMs: performance.now() - started };
}
