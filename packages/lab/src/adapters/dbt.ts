/**
 * Level "dbt": the @strata/dbt translator (IA-32 blocks to JavaScript, translation cache,
 * chaining). linux-i386 workloads run in user mode through @strata/linux-user with the translator
 * as the process's engine, in slices like the isa level, so progress, budgets and Stop work; the
 * report adds the translator's tc.* counters to the interpreter's vocabulary.
 */
import { createDbtEngine } from "@strata/dbt";
import { LinuxProcess } from "@strata/linux-user";
import type { Level, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { TextSink, yieldToHost } from "./slices";

const DEFAULT_SLICE = 2_000_000;

export const dbtLevel: Level = {
  id: "dbt",
  name: "Binary translator (dbt)",
  description: "Dynamic binary translation: hot IA-32 blocks become JavaScript functions, chained in a translation cache; like qemu-i386 (TCG)",
  kinds: ["linux-i386"],
  workCounter: "insn.retired",
  async run(w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
    if (w.kind !== "linux-i386") throw new LevelError(`level dbt cannot run ${w.kind} workloads yet`);
    const started = performance.now();
    const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
    const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
    let proc: LinuxProcess;
    try {
      proc = new LinuxProcess(w.image, {
        argv: [w.name, ...(w.args ?? [])],
        stdout: out.push,
        stderr: err.push,
        file: w.name,
        engine: (m) => createDbtEngine(m),
      });
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
  return { level: "dbt", workload: w.name, output, stderr, exit, counters, hostMs: performance.now() - started };
}
