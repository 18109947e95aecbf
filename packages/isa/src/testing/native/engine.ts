/**
 * The reference engine: the host CPU, through the native runner in batches of cases per process.
 * The same runner under qemu-i386 is a second, independent engine (a peer emulator) used to check
 * the harness plumbing itself. Node-only.
 */
import { spawnSync } from "node:child_process";
import type { BatchEngine, CaseResult, ConformanceCase } from "../case";
import { decodeResults, encodeCases, toCaseResult } from "../wire";
import { buildRunner } from "./build";

/** The runner process failed as a whole (not a guest fault: those are results). */
export class RunnerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RunnerError";
  }
}

export interface NativeEngineOptions {
  /** Cases per runner process (default 2000). */
  batchSize?: number;
  /** Command prefix, e.g. ["qemu-i386"] to run the runner under an emulator. */
  prefix?: readonly string[];
  name?: string;
  cacheDir?: string;
}

export function nativeEngine(options: NativeEngineOptions = {}): BatchEngine {
  const exe = buildRunner({ cacheDir: options.cacheDir });
  const batchSize = options.batchSize ?? 2000;
  const prefix = options.prefix ?? [];
  const argv = [...prefix, exe];
  const [cmd, ...args] = argv as [string, ...string[]];
  return {
    name: options.name ?? (prefix.length ? prefix.join(" ") : "native"),
    runBatch(cases: readonly ConformanceCase[]): CaseResult[] {
      const out: CaseResult[] = [];
      for (let i = 0; i < cases.length; i += batchSize) {
        const chunk = cases.slice(i, i + batchSize);
        const input = encodeCases(chunk);
        const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30 });
        if (r.error) throw new RunnerError(`${argv.join(" ")}: ${r.error.message}`);
        if (r.status !== 0) {
          throw new RunnerError(
            `${argv.join(" ")} exited with ${r.status ?? r.signal}: ${r.stderr.toString().trim()} (batch starting at case ${chunk[0]?.id})`,
          );
        }
        for (const w of decodeResults(r.stdout, chunk.length)) out.push(toCaseResult(w));
      }
      return out;
    },
  };
}

/** The runner under qemu-i386 (user mode): an independent peer emulator as a second oracle. */
export function qemuEngine(options: Omit<NativeEngineOptions, "prefix"> = {}): BatchEngine {
  return nativeEngine({ ...options, prefix: ["qemu-i386"], name: options.name ?? "qemu-i386" });
}
