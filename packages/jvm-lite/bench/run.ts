/**
 * jvm-lite benchmark: the workloads catalogue's "bench" Java programs under jvm-lite,
 * `java -Xint` and `java` (C2), in one run on this machine. Prints
 *   RESULT jvm.<name>.vs_xint      wall time of jvm-lite / java -Xint
 *   RESULT jvm.<name>.vs_java      wall time of jvm-lite / java
 *   RESULT jvm.<name>.rss_vs_java  peak RSS of the jvm-lite process / java's
 * Times are CPU seconds (user + system, from /usr/bin/time) because the machine is shared and
 * wall time mostly measures the other tenants; wall time is printed as a comment. Each program's
 * output is checked against the recorded one first.
 * Usage: tsx bench/run.ts [name-filter] [--reps N] [--args "10"]   (--args overrides the size)
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
const filter = argv.find((a, i) => !a.startsWith("--") && !/^[\d ]+$/.test(a) && argv[i - 1] !== "--args" && argv[i - 1] !== "--reps");
const repsIdx = argv.indexOf("--reps");
const reps = repsIdx >= 0 ? Number(argv[repsIdx + 1]) : 1;
const argsIdx = argv.indexOf("--args");
const override = argsIdx >= 0 ? argv[argsIdx + 1]!.split(" ") : null;

interface Sample {
  /** CPU seconds (user + system). */
  readonly seconds: number;
  readonly wall: number;
  readonly rssKb: number;
  readonly stdout: string;
}

function timed(cmd: string, args: string[]): Sample {
  const r = spawnSync("/usr/bin/time", ["-f", "%e %M %U %S", cmd, ...args], { encoding: "utf8", maxBuffer: 1 << 28 });
  const lines = r.stderr.trim().split("\n");
  const [wall, rss, user, sys] = lines[lines.length - 1]!.split(" ").map(Number) as [number, number, number, number];
  return { seconds: user + sys, wall, rssKb: rss, stdout: r.stdout };
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
  const args = override ?? [...(w.args ?? [])];
  const lite = best("node", [cli, "-jar", jar, ...args]);
  const xint = best("java", ["-Xint", "-jar", jar, ...args]);
  const c2 = best("java", ["-jar", jar, ...args]);
  const name = kebab(w.name);
  if (lite.stdout !== c2.stdout || (override === null && lite.stdout !== w.expected.stdout)) {
    console.log(`# ${name}: jvm-lite output differs from the recorded java output`);
    console.log(`RESULT jvm.${name}.output_ok 0`);
    continue;
  }
  const fmt = (x: Sample): string => `${x.seconds.toFixed(2)}s cpu (${x.wall}s wall) ${x.rssKb}KB`;
  console.log(`# ${name} ${args.join(" ")}: jvm-lite ${fmt(lite)}, java -Xint ${fmt(xint)}, java ${fmt(c2)}`);
  console.log(`RESULT jvm.${name}.vs_xint ${(lite.seconds / xint.seconds).toFixed(2)}`);
  console.log(`RESULT jvm.${name}.vs_java ${(lite.seconds / c2.seconds).toFixed(2)}`);
  console.log(`RESULT jvm.${name}.rss_vs_java ${(lite.rssKb / c2.rssKb).toFixed(2)}`);
}
