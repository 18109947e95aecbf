/// <reference lib="webworker" />
/**
 * One lane: runs one level over one workload inside its own Web Worker, in budgeted slices
 * (the level yields between slices), so the page stays responsive and Stop always works —
 * cooperatively through the AbortSignal, and by terminate() if a slice never returns.
 */
import { defaultRegistry, type DebugSession } from "@strata/lab";
import classlibUrl from "../../../packages/jvm-lite/classlib/classlib.jar?url";
import type { FromLane, ToLane } from "./lane-protocol";

let classlib: Promise<Uint8Array> | null = null;
const registry = defaultRegistry({
  classlib: () =>
    (classlib ??= fetch(classlibUrl).then(async (r) => {
      if (!r.ok) throw new Error(`could not load jvm-lite's class library: HTTP ${r.status}`);
      return new Uint8Array(await r.arrayBuffer());
    })),
});

const post = (m: FromLane) => postMessage(m);
let controller: AbortController | null = null;
let session: DebugSession | null = null;
/** Bytes typed into the console, waiting for the guest to read them. */
const typed: number[] = [];
let typedAt = 0;
const nextTyped = (): number | undefined => (typedAt < typed.length ? typed[typedAt++] : undefined);

/** Debugger requests: a stepping session over the same level, answered with the machine state. */
function debug(msg: Extract<ToLane, { type: `debug-${string}` }>): void {
  try {
    if (msg.type === "debug-open") {
      const level = registry.forKind(msg.level, msg.input.kind);
      if (!level.debug) throw new Error(`level ${msg.level} has no debugger`);
      session = level.debug(msg.input, { onOutput: (text, stream) => post({ type: "output", text, stream }) });
      post({ type: "debug-state", state: session.state() });
      return;
    }
    if (!session) throw new Error("no debug session is open");
    const state = msg.type === "debug-step" ? session.step(msg.count) : session.runTo(msg.target);
    post({ type: "debug-state", state });
  } catch (e) {
    post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
  }
}

addEventListener("message", (ev: MessageEvent<ToLane>) => {
  const msg = ev.data;
  if (msg.type === "stop") {
    controller?.abort();
    return;
  }
  if (msg.type === "input") {
    typed.push(...new TextEncoder().encode(msg.text));
    return;
  }
  if (msg.type !== "run") {
    debug(msg);
    return;
  }
  controller = new AbortController();
  let level;
  try {
    level = registry.forKind(msg.level, msg.input.kind);
  } catch (e) {
    post({ type: "failed", message: e instanceof Error ? e.message : String(e) });
    return;
  }
  level
    .run(msg.input, {
      signal: controller.signal,
      ...(msg.budget ? { budget: msg.budget } : {}),
      progressEvery: 2_000_000,
      input: nextTyped,
      onOutput: (text, stream) => post({ type: "output", text, stream }),
      onProgress: (p) => post({ type: "progress", executed: p.executed, ...(p.counters ? { counters: p.counters } : {}) }),
    })
    .then(
      (report) => post({ type: "done", report }),
      (e: unknown) => post({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
});
