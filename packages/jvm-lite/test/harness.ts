/**
 * Differential harness: compiles Java sources with the real javac at test time, runs them on
 * the real `java` and on jvm-lite, and returns both results for comparison (stdout, stderr,
 * exit status). Nothing expected is written by hand.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runJava, type RunResult } from "../src/index";
import { classlibBytes, DirectoryClassPath } from "../src/node";

export interface Outcome {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

const dec = new TextDecoder();
let classlib: Uint8Array | null = null;

/** A fresh temporary directory. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "jvm-lite-test-"));
}

/** javac the given files into a fresh directory; returns it. */
export function compile(files: readonly string[], extraArgs: readonly string[] = []): string {
  const out = mkdtempSync(join(tmpdir(), "jvm-lite-test-"));
  const r = spawnSync("javac", ["-encoding", "UTF-8", ...extraArgs, "-d", out, ...files], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`javac failed: ${r.stderr}`);
  return out;
}

export function javaFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".java"))
    .map((f) => join(dir, f));
}

export interface RunSpec {
  readonly cp: string;
  readonly main: string;
  readonly args?: readonly string[];
  readonly xmx?: string;
  readonly stdin?: string;
  /** jvm-lite only: the compiling tier (default on). */
  readonly jit?: boolean;
}

/** The reference: the real `java` (JDK 17) on this machine. */
export function runReference(spec: RunSpec): Outcome {
  const jvmArgs = spec.xmx ? [`-Xmx${spec.xmx}`] : [];
  const r = spawnSync("java", [...jvmArgs, "-cp", spec.cp, spec.main, ...(spec.args ?? [])], { encoding: "utf8", input: spec.stdin ?? "", timeout: 120_000 });
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.status ?? -1 };
}

function sizeOf(x: string): number {
  const m = /^(\d+)([kmg]?)$/i.exec(x)!;
  return Number(m[1]) * ({ "": 1, k: 1024, m: 1 << 20, g: 1 << 30 } as Record<string, number>)[m[2]!.toLowerCase()]!;
}

export function runLite(spec: RunSpec): Outcome & { readonly counters: RunResult["counters"] } {
  classlib ??= classlibBytes();
  const r = runJava({
    classlib,
    classPath: [new DirectoryClassPath(spec.cp)],
    mainClass: spec.main,
    args: spec.args,
    stdin: new TextEncoder().encode(spec.stdin ?? ""),
    maxHeap: spec.xmx ? sizeOf(spec.xmx) : undefined,
    maxBytecodes: 5e9,
    jit: spec.jit,
  });
  return { stdout: dec.decode(r.stdout), stderr: dec.decode(r.stderr), exitCode: r.exitCode, counters: r.counters };
}
