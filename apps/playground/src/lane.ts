/** The page's handle on one lane worker. */
import type { RunReport, WorkloadInput } from "@strata/lab";
import type { FromLane, ToLane } from "./lane-protocol";

export interface LaneEvents {
  onOutput(text: string, stream: "stdout" | "stderr"): void;
  onProgress(executed: number, counters?: Readonly<Record<string, number>>): void;
  onDone(report: RunReport): void;
  onFailed(message: string): void;
}

export class Lane {
  #worker: Worker | null = null;

  constructor(
    readonly level: string,
    private readonly events: LaneEvents,
  ) {}

  start(input: WorkloadInput, budget: number): void {
    this.terminate();
    const worker = new Worker(new URL("./lane.worker.ts", import.meta.url), { type: "module", name: `lane ${this.level}` });
    worker.addEventListener("message", (ev: MessageEvent<FromLane>) => {
      const m = ev.data;
      if (m.type === "output") this.events.onOutput(m.text, m.stream);
      else if (m.type === "progress") this.events.onProgress(m.executed, m.counters);
      else if (m.type === "done") {
        this.events.onDone(m.report);
        this.terminate();
      } else if (m.type === "failed") {
        this.events.onFailed(m.message);
        this.terminate();
      }
    });
    worker.addEventListener("error", (ev) => {
      this.events.onFailed(ev.message || "the lane's worker failed to start");
      this.terminate();
    });
    this.#worker = worker;
    const msg: ToLane = { type: "run", level: this.level, input, budget };
    worker.postMessage(msg);
  }

  /** Asks the level to stop at its next slice boundary; terminates the worker if it does not within 500 ms. */
  stop(): void {
    const w = this.#worker;
    if (!w) return;
    const msg: ToLane = { type: "stop" };
    w.postMessage(msg);
    setTimeout(() => {
      if (this.#worker === w) {
        this.events.onFailed("stopped (the worker did not answer and was terminated)");
        this.terminate();
      }
    }, 500);
  }

  /** Sends keys typed into the lane's console to the guest. */
  input(text: string): void {
    const msg: ToLane = { type: "input", text };
    this.#worker?.postMessage(msg);
  }

  terminate(): void {
    this.#worker?.terminate();
    this.#worker = null;
  }

  get running(): boolean {
    return this.#worker !== null;
  }
}
