/**
 * Records the expected output of the Java workloads from the reference JVM: rebuilds the committed
 * JARs (artifacts/jvm) from java/, runs each with `java -cp <jar> <Main> [args]` and rewrites
 * src/catalog/java-expected.json with the exact stdout, stderr and exit status. Run from the
 * package root after adding or changing a program:
 *
 *   pnpm --filter @strata/workloads exec tsx scripts/record-java.ts [--only Name,Name]
 *
 * Programs must be deterministic under `java`; the script runs each twice and refuses to record a
 * program whose two runs differ.
 */
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { javaPrograms, javaWorkload } from "../src/catalog/java";
import type { ExpectedResult, Workload } from "../src/manifest";
import { packageRoot } from "../src/node";
import { buildWorkloads } from "./build";
import { inParallel } from "./builders/java";

/** The recording file, relative to the package root. */
export const EXPECTED_FILE = "src/catalog/java-expected.json";

/** Placeholder expectation for building workloads that are not recorded yet. */
const UNRECORDED: ExpectedResult = { stdout: "", stderr: "", exitCode: 0 };

/** Every Java program as a workload, recorded or not (what the builder needs). */
export function allJavaWorkloads(): Workload[] {
  return javaPrograms.map((p) => javaWorkload(p, UNRECORDED));
}

/** What one run of a Java program printed. */
export interface JavaRun {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

/** Runs `java -cp <jar> <main> args` with an empty stdin; resolves with what it printed. */
export function runJava(jar: string, w: Workload, timeoutMs = 120_000): Promise<JavaRun> {
  return new Promise((resolveRun, reject) => {
    const p = spawn("java", ["-cp", jar, w.mainClass ?? w.name, ...(w.args ?? [])], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    p.stdout.on("data", (d: Buffer) => out.push(d));
    p.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => p.kill("SIGKILL"), timeoutMs);
    p.on("error", reject);
    p.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === null) return reject(new Error(`java ${w.name}: killed by ${signal}`));
      resolveRun({
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        exitCode: code,
      });
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { only: { type: "string" } } });
  const only = values.only?.split(",");
  const selection = allJavaWorkloads().filter((w) => !only || only.includes(w.name));
  const unknown = only?.filter((n) => !selection.some((w) => w.name === n)) ?? [];
  if (unknown.length) throw new Error(`no Java program named ${unknown.join(", ")}`);
  await buildWorkloads(selection, packageRoot);
  const file = join(packageRoot, EXPECTED_FILE);
  const previous = JSON.parse(readFileSync(file, "utf8")) as Record<string, ExpectedResult>;
  const results = new Map<string, ExpectedResult>();
  await inParallel(selection, 2, async (w) => {
    const jar = join(packageRoot, w.artifact);
    const first = await runJava(jar, w);
    const second = await runJava(jar, w);
    if (JSON.stringify(first) !== JSON.stringify(second)) {
      throw new Error(`${w.name} is not deterministic under java: two runs differ`);
    }
    results.set(w.name, first);
    console.log(`${w.name}: exit ${first.exitCode}, ${first.stdout.length} bytes out, ${first.stderr.length} err`);
  });
  // Catalogue order; programs not re-run keep their previous recording; removed programs drop out.
  const next: Record<string, ExpectedResult> = {};
  for (const p of javaPrograms) {
    const r = results.get(p.main) ?? previous[p.main];
    if (r) next[p.main] = r;
  }
  writeFileSync(file, `${JSON.stringify(next, null, 2)}\n`);
  console.log(`recorded ${results.size} program(s) into ${EXPECTED_FILE}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`record-java: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
