/**
 * The interpreter benchmark: sieve, crc32 and sort from @strata/workloads with larger round
 * counts, run natively (the reference, in the same run) and on the interpreter. Prints
 *   RESULT isa.interp.mips.<workload> / RESULT isa.interp.native_ratio.<workload>
 *   RESULT isa.interp.mips / RESULT isa.interp.native_ratio (all three together)
 *   RESULT isa.interp.host_bytes_per_guest_mb
 * Usage: tsx bench/run.ts [scale]  (scale multiplies the round counts; default 1).
 */
import { spawnSync } from "node:child_process";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { runElf } from "./linux-shim";

const scale = Number(process.argv[2] ?? "1") || 1;
const plan: [string, number][] = [
  ["sieve", 20],
  ["crc32", 40],
  ["sort", 8],
];

function native(path: string, args: string[]): { ms: number; stdout: string } {
  // Best of 3: process start-up noise is not the program's time.
  let best = Infinity;
  let stdout = "";
  for (let k = 0; k < 3; k++) {
    const t0 = performance.now();
    const r = spawnSync(path, args, { encoding: "latin1" });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${path} exited with ${r.status}`);
    stdout = r.stdout;
    best = Math.min(best, ms);
  }
  return { ms: best, stdout };
}

function result(name: string, v: number): void {
  console.log(`RESULT ${name} ${Number.isInteger(v) ? v : v.toFixed(3)}`);
}

let totalInsns = 0;
let totalInterpMs = 0;
let totalNativeMs = 0;
let totalPages = 0;
const rssBefore = process.memoryUsage().rss;
let rssPeak = rssBefore;
for (const [name, rounds] of plan) {
  const w = findWorkload(name);
  if (w === undefined) throw new Error(`workload ${name} missing`);
  const args = [String(Math.max(1, Math.round(rounds * scale)))];
  const path = resolveWorkloadPath(w.artifact);
  const nat = native(path, args);
  const run = runElf(readArtifact(w), [path, ...args]);
  if (run.stdout !== nat.stdout || run.exitCode !== 0) {
    throw new Error(`${name}: interpreter output ${JSON.stringify(run.stdout)} differs from native ${JSON.stringify(nat.stdout)}`);
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const mips = run.retired / run.ms / 1000;
  console.log(`# ${name} ${args[0]} rounds: ${run.retired} instructions, interpreter ${run.ms.toFixed(0)} ms, native ${nat.ms.toFixed(1)} ms`);
  result(`isa.interp.mips.${name}`, mips);
  result(`isa.interp.native_ratio.${name}`, run.ms / nat.ms);
  totalInsns += run.retired;
  totalInterpMs += run.ms;
  totalNativeMs += nat.ms;
  totalPages += run.guestPages;
}
result("isa.interp.mips", totalInsns / totalInterpMs / 1000);
result("isa.interp.native_ratio", totalInterpMs / totalNativeMs);
// Host memory per guest MiB actually used: resident-set growth over the guest pages touched.
const guestMb = (totalPages * 4096) / (1024 * 1024);
result("isa.interp.host_bytes_per_guest_mb", Math.round((rssPeak - rssBefore) / guestMb));
