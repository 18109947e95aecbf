/**
 * @strata/jvm-lite: a JVM in TypeScript that runs javac 17 class files with its own small
 * class library. Core API (browser and Node): build a Jvm from class-path entries (the
 * classlib JAR first) and run a main class.
 */
export { Jvm, VmExit, LinkageFailure, type JvmOptions } from "./vm";
export { JarFile, MapClassPath, type ClassPathEntry } from "./classfile/jar";
export { parseClassFile, type ClassFile, MAX_MAJOR_VERSION } from "./classfile/class-file";
export { ClassFileError } from "./classfile/errors";
export { listNatives } from "./natives/registry";
export { javaDoubleToString, javaFloatToString } from "./runtime/number-format";

import { JarFile, type ClassPathEntry } from "./classfile/jar";
import { Jvm } from "./vm";

export interface RunResult {
  readonly stdout: Uint8Array;
  readonly stderr: Uint8Array;
  readonly exitCode: number;
  readonly counters: Record<string, number>;
}

export interface RunOptions {
  /** Bytes of classlib.jar (from @strata/jvm-lite/node's classlibBytes(), or fetched in a browser). */
  readonly classlib: Uint8Array;
  /** The user class path: JARs and in-memory maps of `.class` files. */
  readonly classPath: readonly ClassPathEntry[];
  readonly mainClass: string;
  readonly args?: readonly string[];
  readonly stdin?: Uint8Array;
  readonly maxHeap?: number;
  readonly maxDepth?: number;
  readonly verboseGc?: boolean;
  readonly maxBytecodes?: number;
  /** The compiling tier (default on); false = interpreter only. */
  readonly jit?: boolean;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

/** Output sinks for launchJava: each receives the bytes as the program flushes them. */
export interface LaunchOptions extends RunOptions {
  readonly stdout: (bytes: Uint8Array) => void;
  readonly stderr: (bytes: Uint8Array) => void;
}

/**
 * Builds a VM over classlib + class path and launches the main class without running a
 * bytecode (the level's resumable API): drive it with `vm.run(budget)` until it returns "exit",
 * then read `vm.exitCode`; `vm.counters()` is valid between slices. A launcher error (no such
 * class, no main) is printed on stderr and the VM is already at "exit" with status 1.
 */
export function launchJava(o: LaunchOptions): Jvm {
  const vm = new Jvm({
    classPath: [new JarFile("classlib.jar", o.classlib), ...o.classPath],
    bootEntries: 1,
    maxHeap: o.maxHeap,
    maxDepth: o.maxDepth,
    verboseGc: o.verboseGc,
    maxBytecodes: o.maxBytecodes,
    jit: o.jit,
    stdout: o.stdout,
    stderr: o.stderr,
    stdin: () => o.stdin ?? null,
  });
  vm.start(o.mainClass, o.args ?? []);
  return vm;
}

/** Runs a Java program to completion and captures its output (the level's one-shot API). */
export function runJava(o: RunOptions): RunResult {
  const out: Uint8Array[] = [];
  const err: Uint8Array[] = [];
  const vm = launchJava({ ...o, stdout: (b) => out.push(b), stderr: (b) => err.push(b) });
  while (vm.run() !== "exit");
  return { stdout: concat(out), stderr: concat(err), exitCode: vm.exitCode!, counters: vm.counters() };
}
