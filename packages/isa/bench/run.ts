/**
 * The interpreter benchmark: sieve, crc32 and sort from @strata/workloads with larger round
 * counts, run natively (the reference, in the same run) and on the interpreter. Prints
 *   RESULT isa.interp.mips.<workload> / RESULT isa.interp.native_ratio.<workload>
 *   RESULT isa.interp.mips / RESULT isa.interp.native_ratio (all three together)
 *   RESULT isa.interp.mips_unfused[.<workload>] / RESULT isa.interp.fusion_speedup (A/B of exec/fuse.ts)
 *   RESULT isa.interp.host_bytes_per_guest_mb
 * Usage: tsx bench/run.ts [scale]  (scale multiplies the round counts; default 1).
 */
import { spawnSync } from "node:child_process";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { fusion } from "../src/exec/fuse";
import { runElf } from "./linux-shim";

const scale = Number(process.argv[2] ?? "1") || 1;
const plan: [string, number][] = [
  ["sieve", 20],
  ["crc32", 40],
  ["sort", 8],
];

/**
 * Native CPU time per run: user + system time of `reps` back-to-back runs (rusage of the children,
 * through /usr/bin/time), divided by `reps`. CPU time, unlike wall time, is not inflated by the
 * other processes of a shared machine.
 */
function native(path: string, args: string[]): { ms: number; stdout: string } {
  const once = spawnSync(path, args, { encoding: "latin1" });
  if (once.status !== 0) throw new Error(`${path} exited with ${once.status}`);
  const reps = 100;
  const loop = `i=0; while [ $i -lt ${reps} ]; do "$0" "$@" >/dev/null; i=$((i+1)); done`;
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "sh", "-c", loop, path, ...args], { encoding: "utf8" });
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`timing ${path} failed: ${r.stderr}`);
  return { ms: ((Number(m[1]) + Number(m[2])) * 1000) / reps, stdout: once.stdout };
}

function result(name: string, v: number): void {
  console.log(`RESULT ${name} ${Number.isInteger(v) ? v : v.toFixed(3)}`);
}

// Host memory per guest MiB in use, for one machine running sieve: the guest pages it touched
// (resident) plus everything the machine allocates on the JS heap and in typed arrays apart from
// guest RAM (page map, TLB, state, decoded blocks), measured after a forced GC when available.
{
  // A forced GC around the measurement (exposed at run time: the bench script is plain tsx).
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as (() => void) | undefined;
  gc?.();
  const before = process.memoryUsage();
  const w = findWorkload("sieve")!;
  const r = runElf(readArtifact(w), ["sieve", "1"], 16 << 20);
  gc?.();
  const after = process.memoryUsage();
  const ramBytes = r.machine.ram.size;
  const overhead = after.heapUsed - before.heapUsed + (after.arrayBuffers - before.arrayBuffers) - ramBytes;
  const guestBytes = r.guestPages * 4096;
  console.log(`# host bytes: ${overhead} of machine structures + ${guestBytes} of touched guest RAM for ${r.guestPages} guest pages${gc ? "" : " (no --expose-gc: heap figure is approximate)"}`);
  result("isa.interp.host_bytes_per_guest_mb", Math.round(((overhead + guestBytes) * 1024 * 1024) / guestBytes));
}
let totalInsns = 0;
let totalInterpMs = 0;
let totalUnfusedMs = 0;
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
  // Best of two interpreter runs (the first also pays for V8's compilation of the handlers).
  let run = runElf(readArtifact(w), [path, ...args]);
  let cpuMs = Infinity;
  let unfusedMs = Infinity;
  // Fused and unfused runs alternate, so load on the shared machine hits both alike.
  for (let rep = 0; rep < 3; rep++) {
    fusion.enabled = false;
    const u = runElf(readArtifact(w), [path, ...args]);
    fusion.enabled = true;
    if (u.retired !== run.retired || u.stdout !== run.stdout) throw new Error(`${name}: unfused run differs`);
    unfusedMs = Math.min(unfusedMs, u.cpuMs);
    const r = runElf(readArtifact(w), [path, ...args]);
    if (r.cpuMs < cpuMs) {
      cpuMs = r.cpuMs;
      run = r;
    }
  }
  if (run.stdout !== nat.stdout || run.exitCode !== 0) {
    throw new Error(`${name}: interpreter output ${JSON.stringify(run.stdout)} differs from native ${JSON.stringify(nat.stdout)}`);
  }
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
  const mips = run.retired / cpuMs / 1000;
  console.log(`# ${name} ${args[0]} rounds: ${run.retired} instructions; CPU time: interpreter ${cpuMs.toFixed(0)} ms, native ${nat.ms.toFixed(2)} ms (wall: interpreter ${run.ms.toFixed(0)} ms)`);
  result(`isa.interp.mips.${name}`, mips);
  result(`isa.interp.native_ratio.${name}`, cpuMs / nat.ms);
  result(`isa.interp.mips_unfused.${name}`, run.retired / unfusedMs / 1000);
  totalInsns += run.retired;
  totalInterpMs += cpuMs;
  totalUnfusedMs += unfusedMs;
  totalNativeMs += nat.ms;
  totalPages += run.guestPages;
}
result("isa.interp.mips", totalInsns / totalInterpMs / 1000);
result("isa.interp.native_ratio", totalInterpMs / totalNativeMs);
result("isa.interp.mips_unfused", totalInsns / totalUnfusedMs / 1000);
result("isa.interp.fusion_speedup", totalUnfusedMs / totalInterpMs);
void totalPages;
void rssBefore;
void rssPeak;
