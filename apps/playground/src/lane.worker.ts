/// <reference lib="webworker" />
/**
 * One lane: runs one level over one workload inside its own Web Worker, in budgeted slices
 * (the level yields between slices), so the page stays responsive and Stop always works —
 * cooperatively through the AbortSignal, and by terminate() if a slice never returns.
 */
import { defaultRegistry } from "@strata/lab";
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

addEventListener("message", (ev: MessageEvent<ToLane>) => {
  const msg = ev.data;
  if (msg.type === "stop") {
    controller?.abort();
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
      onOutput: (text, stream) => post({ type: "output", text, stream }),
      onProgress: (p) => post({ type: "progress", executed: p.executed, ...(p.counters ? { counters: p.counters } : {}) }),
    })
    .then(
      (report) => post({ type: "done", report }),
      (e: unknown) => post({ type: "failed", message: e instanceof Error ? e.message : String(e) }),
    );
});
