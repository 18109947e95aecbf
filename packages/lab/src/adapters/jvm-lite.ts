/**
 * Level "jvm-lite": the JVM of @strata/jvm-lite over a JAR or a class file. The class library
 * (classlib.jar) comes from a provider: a file read in Node, a fetch in the browser. Runs are
 * resumable slices of the VM, like the x86 levels' budgeted runs.
 */
import { JarFile, launchJava, MapClassPath, parseClassFile, type ClassPathEntry, type Jvm } from "@strata/jvm-lite";
import type { Level, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { reporter, runInSlices, TextSink } from "./slices";

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
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const report = reporter("jvm-lite", w, out, err);
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
      let stop: Awaited<ReturnType<typeof runInSlices>>;
      try {
        stop = await runInSlices(
          {
            executed: () => vm.bytecodes,
            finished: () => vm.exitCode !== null,
            step: (count) => {
              vm.run(count);
            },
            counters: () => vm.counters(),
          },
          o,
        );
      } catch (e) {
        // A host-side failure inside the VM (a jvm-lite bug): reported, with what was measured.
        vm.flush();
        return report({ kind: "error", message: e instanceof Error ? e.message : String(e) }, vm.counters());
      }
      return report(stop === "finished" ? { kind: "exit", code: vm.exitCode! } : { kind: stop }, vm.counters());
    },
  };
}
