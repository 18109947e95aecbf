/**
 * Level "jvm-lite": the JVM of @strata/jvm-lite over a JAR or a class file. The class library
 * (classlib.jar) comes from a provider: a file read in Node, a fetch in the browser.
 */
import { JarFile, MapClassPath, parseClassFile, runJava, type ClassPathEntry } from "@strata/jvm-lite";
import type { Level, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";

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
    async run(w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
      if (w.kind !== "jvm") throw new LevelError(`level jvm-lite cannot run ${w.kind} workloads`);
      const started = performance.now();
      const decode = (b: Uint8Array) => new TextDecoder().decode(b);
      let result;
      try {
        const { entry, main } = classPathOf(w);
        result = runJava({
          classlib: await classlib(),
          classPath: [entry],
          mainClass: main,
          args: w.args ?? [],
          ...(w.stdin ? { stdin: new TextEncoder().encode(w.stdin) } : {}),
          ...(o.budget !== undefined ? { maxBytecodes: o.budget } : {}),
        });
      } catch (e) {
        if (e instanceof LevelError) throw e;
        const message = e instanceof Error ? e.message : String(e);
        return { level: "jvm-lite", workload: w.name, output: "", stderr: "", exit: { kind: "error", message }, counters: {}, hostMs: performance.now() - started };
      }
      const output = decode(result.stdout);
      const stderr = decode(result.stderr);
      if (output) o.onOutput?.(output, "stdout");
      if (stderr) o.onOutput?.(stderr, "stderr");
      o.onProgress?.({ executed: result.counters["jvm.bytecodes"] ?? 0 });
      return {
        level: "jvm-lite",
        workload: w.name,
        output,
        stderr,
        exit: { kind: "exit", code: result.exitCode },
        counters: result.counters,
        hostMs: performance.now() - started,
      };
    },
  };
}
