/**
 * jvm-lite benchmark: the workloads catalogue's "bench" Java programs under jvm-lite,
 * `java -Xint` and `java` (C2), in one run on this machine. Prints
 *   RESULT jvm.<name>.vs_xint      wall time of jvm-lite / java -Xint
 *   RESULT jvm.<name>.vs_java      wall time of jvm-lite / java
 *   RESULT jvm.<name>.rss_vs_java  peak RSS of the jvm-lite process / java's
 * Each program's output is checked against the recorded one first. Peak RSS and time come
 * from /usr/bin/time -f "%e %M". Usage: tsx bench/run.ts [name-filter] [--reps N]
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { workloadsOfKind } from "@strata/workloads";
import { resolveWorkloadPath } from "@strata/workloads/node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const cli = join(root, "dist", "cli.js");
if (!existsSync(cli)) spawnSync("npx", ["tsup"], { cwd: root, stdio: "inherit" });

const argv = process.argv.slice(2);
const filter = argv.find((a) => !a.startsWith("--") && !/^\d+$/.test(a));
const repsIdx = argv.indexOf("--reps");
const reps = repsIdx >= 0 ? Number(argv[repsIdx + 1]) : 1;

interface Sample {
  readonly seconds: number;
  readonly rssKb: number;
  readonly stdout: string;
}

function timed(cmd: string, args: string[]): Sample {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const lines = r.stderr.trim().split("\n");
  const [sec, rss] = lines[lines.length - 1]!.split(" ").map(Number) as [number, number];
  return { seconds: sec, rssKb: rss, stdout: r.stdout };
}

function best(cmd: string, args: string[]): Sample {
  let b: Sample | null = null;
  for (let i = 0; i < reps; i++) {
    const s = timed(cmd, args);
    if (!b || s.seconds < b.seconds) b = s;
  }
  return b!;
}

const kebab = (s: string): string => s.replace(/([a-z])([A-Z])/g, "$1-$2").toLowerCase();

for (const w of workloadsOfKind("jvm")) {
  if (!w.tags?.includes("bench")) continue;
  if (filter && !w.name.toLowerCase().includes(filter.toLowerCase())) continue;
  const jar = resolveWorkloadPath(w.artifact);
  const args = [...(w.args ?? [])];
  const lite = best("node", [cli, "-jar", jar, ...args]);
  const xint = best("java", ["-Xint", "-jar", jar, ...args]);
  const c2 = best("java", ["-jar", jar, ...args]);
  const name = kebab(w.name);
  if (lite.stdout !== w.expected.stdout) {
    console.log(`# ${name}: jvm-lite output differs from the recorded java output`);
    console.log(`RESULT jvm.${name}.output_ok 0`);
    continue;
  }
  console.log(`# ${name}: jvm-lite ${lite.seconds}s ${lite.rssKb}KB, java -Xint ${xint.seconds}s ${xint.rssKb}KB, java ${c2.seconds}s ${c2.rssKb}KB`);
  console.log(`RESULT jvm.${name}.vs_xint ${(lite.seconds / xint.seconds).toFixed(2)}`);
  console.log(`RESULT jvm.${name}.vs_java ${(lite.seconds / c2.seconds).toFixed(2)}`);
  console.log(`RESULT jvm.${name}.rss_vs_java ${(lite.rssKb / c2.rssKb).toFixed(2)}`);
}
