/**
 * Runs every `jvm` workload of @strata/workloads on jvm-lite and compares stdout, stderr and
 * the exit status with the output recorded from `java`. Prints one line per program and a
 * summary `RESULT jvm.corpus.pass <n>/<total>`.
 *   tsx scripts/corpus.ts [name-filter] [-v]
 */
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { JarFile, runJava } from "../src/index";
import { classlibBytes } from "../src/node";

const filter = process.argv.slice(2).find((a) => !a.startsWith("-"));
const verbose = process.argv.includes("-v");
const classlib = classlibBytes();
const dec = new TextDecoder();
let pass = 0;
let total = 0;
for (const w of workloadsOfKind("jvm")) {
  if (w.tags?.includes("bench")) continue;
  if (filter && !w.name.includes(filter)) continue;
  total++;
  const t0 = performance.now();
  let out = "";
  let err = "";
  let code = -1;
  try {
    const r = runJava({ classlib, classPath: [new JarFile(w.artifact, readArtifact(w))], mainClass: w.mainClass!, args: w.args, maxBytecodes: 2e9 });
    out = dec.decode(r.stdout);
    err = dec.decode(r.stderr);
    code = r.exitCode;
  } catch (e) {
    err = `host exception: ${(e as Error).stack ?? String(e)}`;
  }
  const ms = Math.round(performance.now() - t0);
  const ok = out === w.expected.stdout && err === (w.expected.stderr ?? "") && code === w.expected.exitCode;
  if (ok) pass++;
  const why = ok ? "" : out !== w.expected.stdout ? "stdout" : err !== (w.expected.stderr ?? "") ? "stderr" : `exit ${code} != ${w.expected.exitCode}`;
  console.log(`${ok ? "PASS" : "FAIL"} ${w.name} ${ms}ms ${why}`);
  if (!ok && verbose) {
    const el = w.expected.stdout.split("\n");
    const gl = out.split("\n");
    for (let i = 0; i < Math.max(el.length, gl.length); i++) {
      if (el[i] !== gl[i]) {
        console.log(`  line ${i + 1}:\n    java:     ${JSON.stringify(el[i])}\n    jvm-lite: ${JSON.stringify(gl[i])}`);
        break;
      }
    }
    if (err !== (w.expected.stderr ?? "")) console.log(`  stderr java: ${JSON.stringify((w.expected.stderr ?? "").slice(0, 300))}\n  stderr ours: ${JSON.stringify(err.slice(0, 600))}`);
  }
}
console.log(`RESULT jvm.corpus.pass ${pass}/${total}`);
