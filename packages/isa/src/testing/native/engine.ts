/**
 * The reference engine: the host CPU, through the native runner in batches of cases per process.
 * The same runner under qemu-i386 is a second, independent engine (a peer emulator) used to check
 * the harness plumbing itself. Node-only.
 */
import { spawnSync } from "node:child_process";
import { type BatchEngine, type CaseResult, type ConformanceCase, VECTOR_CRASH } from "../case";
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
  /**
   * When the process dies on a batch (qemu-user aborts on some encodings), bisect the batch and
   * report the guilty cases with vector VECTOR_CRASH instead of failing the whole run.
   */
  isolateCrashes?: boolean;
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
      const run = (chunk: readonly ConformanceCase[]): void => {
        const input = encodeCases(chunk);
        const r = spawnSync(cmd, args, { input, maxBuffer: 1 << 30 });
        // EPIPE: the process died before reading its whole input (a crash, when isolating)
        const died = r.error !== undefined && "code" in r.error && r.error.code === "EPIPE";
        if (r.error && !died) throw new RunnerError(`${argv.join(" ")}: ${r.error.message}`);
        if (died || r.status !== 0) {
          if (options.isolateCrashes) {
            if (chunk.length === 1) {
              out.push(crashed());
              return;
            }
            const half = chunk.length >> 1;
            run(chunk.slice(0, half));
            run(chunk.slice(half));
            return;
          }
          throw new RunnerError(
            `${argv.join(" ")} ${died ? "died (EPIPE)" : `exited with ${r.status ?? r.signal}`}: ${r.stderr?.toString().trim() ?? ""} (batch starting at case ${chunk[0]?.id})`,
          );
        }
        for (const w of decodeResults(r.stdout, chunk.length)) out.push(toCaseResult(w));
      };
      for (let i = 0; i < cases.length; i += batchSize) run(cases.slice(i, i + batchSize));
      return out;
    },
  };
}

/**
 * The runner under qemu-i386 (user mode): an independent peer emulator as a second oracle. Its
 * crashes are isolated per case by default.
 */
export function qemuEngine(options: Omit<NativeEngineOptions, "prefix"> = {}): BatchEngine {
  return nativeEngine({ isolateCrashes: true, ...options, prefix: ["qemu-i386"], name: options.name ?? "qemu-i386" });
}

function crashed(): CaseResult {
  return { regs: new Uint32Array(8), eflags: 0, eip: 0, vector: VECTOR_CRASH, errorCode: -1, cr2: 0, sregs: new Uint16Array(6), memory: [] };
}
