/** Shared by the adapters: streaming text decoding, runs in slices with a yield between them, reports. */
import type { RunExit, RunOptions, RunReport, WorkloadInput } from "../level";

/** Lets the event loop run (abort messages, progress rendering) between slices. */
export function yieldToHost(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Collects a guest stream's bytes as text (UTF-8, split sequences kept across chunks). */
export class TextSink {
  readonly #decoder = new TextDecoder();
  text = "";
  constructor(private readonly forward?: (text: string) => void) {}
  push = (bytes: Uint8Array): void => {
    const t = this.#decoder.decode(bytes, { stream: true });
    this.text += t;
    if (t) this.forward?.(t);
  };
  end(): string {
    const t = this.#decoder.decode();
    this.text += t;
    if (t) this.forward?.(t);
    return this.text;
  }
}

/** Work units per slice when the caller gives no progressEvery (~0.1 s of guest time). */
export const DEFAULT_SLICE = 2_000_000;

/** A guest that runs in resumable slices: a linux-user process, a PC machine, a JVM. */
export interface SlicedGuest {
  /** Work done so far, in the level's work counter (retired instructions, bytecodes). */
  executed(): number;
  /** True once the guest has stopped for good (exit, fault, halt, shutdown). */
  finished(): boolean;
  /** Runs at most `count` more work units. */
  step(count: number): void;
  counters(): Record<string, number>;
}

/**
 * Runs `g` in slices of `o.progressEvery` with a yield to the host between them, so the budget is
 * exact, progress is live and `o.signal` stops the run; says why it stopped.
 */
export async function runInSlices(g: SlicedGuest, o: RunOptions): Promise<"finished" | "budget" | "cancelled"> {
  const slice = o.progressEvery ?? DEFAULT_SLICE;
  while (!g.finished()) {
    const done = g.executed();
    if (o.budget !== undefined && done >= o.budget) return "budget";
    if (o.signal?.aborted) return "cancelled";
    g.step(o.budget === undefined ? slice : Math.min(slice, o.budget - done));
    o.onProgress?.({
      executed: g.executed(),
      counters: g.counters(),
      ...(o.budget !== undefined ? { budget: o.budget } : {}),
    });
    if (!g.finished()) await yieldToHost();
  }
  return "finished";
}

/**
 * The report of a run of `w` on `level`: the sinks' text, the exit, the counters and the host time
 * since this call.
 */
export function reporter(level: string, w: WorkloadInput, out: TextSink, err?: TextSink): (exit: RunExit, counters: Record<string, number>) => RunReport {
  const started = performance.now();
  return (exit, counters) => ({
    level,
    workload: w.name,
    output: out.end(),
    stderr: err ? err.end() : "",
    exit,
    counters,
    hostMs: performance.now() - started,
  });
}
