/**
 * Level "jvm-lite": the JVM of @strata/jvm-lite over a JAR or a class file. The class library
 * (classlib.jar) comes from a provider: a file read in Node, a fetch in the browser. Runs are
 * resumable slices of the VM, like the x86 levels' budgeted runs.
 */
import { JarFile, launchJava, MapClassPath, parseClassFile, type ClassPathEntry, type Jvm } from "@strata/jvm-lite";
import type { Level, RunExit, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { TextSink, yieldToHost } from "./slices";

export type ClasslibProvider = () => Promise<Uint8Array> | Uint8Array;

function classPathOf(w: WorkloadInput): { entry: ClassPathEntry; main: string } {
  const isJar = w.image[0] === 0x50 && w.image[1] === 0x4b;
  if (isJar) {
    const jar = new JarFile(w.name, w.image);
    const main = w.mainClass ?? jar.mainClass();
    if (!main) throw new LevelError(`${w.name}: no Main-Class in the JAR's manifest and no main class given`);
    return { entry: jar, main };
  }
  const cf = parseClassFile(w.image);
  const name = cf.thisClass;
  return { entry: new MapClassPath(w.name, new Map([[`${name}.class`, w.image]])), main: w.mainClass ?? name.replace(/\//g, ".") };
}

/** Bytecodes per slice when the caller gives no progressEvery (~0.1 s of interpretation). */
const DEFAULT_SLICE = 2_000_000;

export function jvmLiteLevel(classlib: ClasslibProvider): Level {
  return {
    id: "jvm-lite",
    name: "JVM (jvm-lite)",
    description: "Java bytecode interpreter with verifier, GC and green threads; like java -Xint",
    kinds: ["jvm"],
    workCounter: "jvm.bytecodes",
    /**
     * Runs in slices of `progressEvery` bytecodes (vm.run(budget)), yielding to the host between
     * them: output streams as it is flushed, progress carries the counters, the AbortSignal
     * stops the run at the next slice boundary and the budget ends it as `budget`.
     */
    async run(w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
      if (w.kind !== "jvm") throw new LevelError(`level jvm-lite cannot run ${w.kind} workloads`);
      const started = performance.now();
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const report = (exit: RunExit, counters: Record<string, number>): RunReport => ({
        level: "jvm-lite",
        workload: w.name,
        output: out.end(),
        stderr: err.end(),
        exit,
        counters,
        hostMs: performance.now() - started,
      });
      let vm: Jvm;
      try {
        const { entry, main } = classPathOf(w);
        vm = launchJava({
          classlib: await classlib(),
          classPath: [entry],
          mainClass: main,
          args: w.args ?? [],
          ...(w.stdin ? { stdin: new TextEncoder().encode(w.stdin) } : {}),
          stdout: out.push,
          stderr: err.push,
        });
      } catch (e) {
        if (e instanceof LevelError) throw e;
        return report({ kind: "error", message: e instanceof Error ? e.message : String(e) }, {});
      }
      const slice = o.progressEvery ?? DEFAULT_SLICE;
      let stopped: RunExit | null = null;
      try {
        while (vm.exitCode === null) {
          if (o.budget !== undefined && vm.bytecodes >= o.budget) {
            stopped = { kind: "budget" };
            break;
          }
          if (o.signal?.aborted) {
            stopped = { kind: "cancelled" };
            break;
          }
          vm.run(o.budget === undefined ? slice : Math.min(slice, o.budget - vm.bytecodes));
          o.onProgress?.({
            executed: vm.bytecodes,
            counters: vm.counters(),
            ...(o.budget !== undefined ? { budget: o.budget } : {}),
          });
          if (vm.exitCode === null) await yieldToHost();
        }
      } catch (e) {
        // A host-side failure inside the VM (a jvm-lite bug): reported, with what was measured.
        vm.flush();
        return report({ kind: "error", message: e instanceof Error ? e.message : String(e) }, vm.counters());
      }
      return report(stopped ?? { kind: "exit", code: vm.exitCode! }, vm.counters());
    },
  };
}
