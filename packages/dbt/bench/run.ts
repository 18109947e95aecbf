/**
 * The translator benchmark: sieve, crc32 and sort from @strata/workloads with larger round
 * counts, run in one process run natively (the reference), under qemu-i386 (QEMU's TCG, the
 * anchor), on the isa interpreter and on dbt (both through @strata/linux-user). Prints
 *   RESULT dbt.mips                  guest instructions per CPU microsecond on dbt (all three)
 *   RESULT dbt.speedup_vs_interp     interpreter CPU time / dbt CPU time (best of two runs each)
 *   RESULT dbt.speedup_vs_interp.first_run   the same with dbt's first run (translations compiled
 *                                    from scratch, not taken from the process-wide factory cache)
 *   RESULT dbt.time_vs_qemu          dbt CPU time / qemu-i386 CPU time
 *   RESULT dbt.translated_share      tc.insn_from_cache / insn.retired
 *   RESULT dbt.host_bytes            generated source bytes of the live translations (sum)
 *   RESULT dbt.speedup_vs_interp.long, dbt.mips.long   the same on runs 5x as long
 *   RESULT dbt.threshold_ms.<T>      dbt CPU time of hello + the three (1/4 rounds) at hot threshold T
 *   RESULT dbt.region_blocks_ms.<R>  the same at the default threshold with regions of up to R blocks
 *   RESULT dbt.inner_loops_ms.<0|1>  the same without and with inner loops (DbtOptions.innerLoops)
 * plus the same per workload. Usage: tsx bench/run.ts [scale] (multiplies the round counts).
 * Times are CPU times (user + system): the machine is shared, wall time is not comparable. For
 * the in-process engines it is the time of LinuxProcess.run (translation included, loading not).
 */
import { spawnSync } from "node:child_process";
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { clearFactoryCache, createDbtEngine, type DbtOptions } from "../src/index";

const scale = Number(process.argv[2] ?? "1") || 1;
const plan: [string, number][] = [
  ["sieve", 20],
  ["crc32", 40],
  ["sort", 8],
];

function result(name: string, v: number): void {
  console.log(`RESULT ${name} ${Number.isInteger(v) ? v : v.toFixed(3)}`);
}

/** CPU time per run of a host command (rusage of the children over `reps` runs, via /usr/bin/time). */
function hostCpuMs(argv: readonly string[], reps: number): { ms: number; stdout: string } {
  const [cmd, ...rest] = argv as [string, ...string[]];
  const once = spawnSync(cmd, rest, { encoding: "latin1" });
  if (once.status !== 0) throw new Error(`${argv.join(" ")} exited with ${once.status}: ${once.stderr}`);
  const loop = `i=0; while [ $i -lt ${reps} ]; do "$@" >/dev/null; i=$((i+1)); done`;
  const r = spawnSync("/usr/bin/time", ["-f", "%U %S", "sh", "-c", loop, "sh", ...argv], { encoding: "utf8" });
  const m = /([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  if (r.status !== 0 || m === null) throw new Error(`timing ${argv.join(" ")} failed: ${r.stderr}`);
  return { ms: ((Number(m[1]) + Number(m[2])) * 1000) / reps, stdout: once.stdout };
}

interface Run {
  ms: number;
  /** CPU time of the first of the runs (for dbt: translations compiled from scratch). */
  firstMs: number;
  stdout: string;
  status: number;
  counters: Record<string, number>;
}

/**
 * Best CPU time of two in-process runs (the first also pays for V8 compiling the engine; for dbt
 * it also compiles every translation, which the second takes from the process-wide factory cache,
 * translate/factory-cache.ts, as a second program run, a lab comparison or a restart would).
 */
/** dbt options the benchmark varies; null runs the interpreter. */
type DbtBenchOptions = Pick<DbtOptions, "hotThreshold" | "regionBlocks" | "innerLoops">;

function runStrata(image: Uint8Array, argv: string[], dbt: DbtBenchOptions | null): Run {
  let best: Run | null = null;
  let firstMs = 0;
  if (dbt !== null) clearFactoryCache();
  for (let rep = 0; rep < 2; rep++) {
    const chunks: Uint8Array[] = [];
    const proc = new LinuxProcess(image, {
      argv,
      stdout: (b) => chunks.push(b.slice()),
      ...(dbt !== null ? { engine: (m) => createDbtEngine(m, dbt) } : {}),
    });
    // Engine time only (loading the ELF and allocating guest memory are the same for both).
    const c0 = process.cpuUsage();
    proc.run();
    const c = process.cpuUsage(c0);
    const ms = (c.user + c.system) / 1000;
    if (rep === 0) firstMs = ms;
    if (best === null || ms < best.ms) {
      best = { ms, firstMs, stdout: Buffer.concat(chunks).toString("latin1"), status: proc.status().status, counters: proc.counters() };
    }
  }
  return { ...best!, firstMs };
}

const qemuAvailable = spawnSync("qemu-i386", ["--version"]).status === 0;
const total = { insns: 0, interp: 0, dbt: 0, dbtFirst: 0, qemu: 0, native: 0, fromCache: 0, hostBytes: 0 };
for (const [name, rounds] of plan) {
  const w = findWorkload(name);
  if (w === undefined) throw new Error(`workload ${name} missing`);
  const args = [String(Math.max(1, Math.round(rounds * scale)))];
  const path = resolveWorkloadPath(w.artifact);
  const native = hostCpuMs([path, ...args], 50);
  const qemu = qemuAvailable ? hostCpuMs(["qemu-i386", path, ...args], 5) : null;
  const image = readArtifact(w);
  const interp = runStrata(image, [path, ...args], null);
  const dbt = runStrata(image, [path, ...args], {});
  for (const [who, r] of [["interpreter", interp], ["dbt", dbt]] as const) {
    if (r.stdout !== native.stdout || r.status !== 0) {
      throw new Error(`${name}: ${who} output ${JSON.stringify(r.stdout)} differs from native ${JSON.stringify(native.stdout)}`);
    }
  }
  if (qemu !== null && qemu.stdout !== native.stdout) throw new Error(`${name}: qemu-i386 output differs from native`);
  const insns = dbt.counters["insn.retired"]!;
  const fromCache = dbt.counters["tc.insn_from_cache"]!;
  console.log(
    `# ${name} ${args[0]} rounds: ${insns} instructions; CPU ms: native ${native.ms.toFixed(2)}, qemu-i386 ${qemu?.ms.toFixed(1) ?? "n/a"}, ` +
      `interpreter ${interp.ms.toFixed(0)}, dbt ${dbt.ms.toFixed(0)} (first run ${dbt.firstMs.toFixed(0)}); ${dbt.counters["tc.blocks_compiled"]} blocks translated, ` +
      `${dbt.counters["tc.insn_per_entry"]!.toFixed(1)} instructions per entry, ${dbt.counters["tc.chain_hits"]} chain hits`,
  );
  result(`dbt.mips.${name}`, insns / dbt.ms / 1000);
  result(`dbt.speedup_vs_interp.${name}`, interp.ms / dbt.ms);
  result(`dbt.speedup_vs_interp.first_run.${name}`, interp.ms / dbt.firstMs);
  if (qemu !== null) result(`dbt.time_vs_qemu.${name}`, dbt.ms / qemu.ms);
  result(`dbt.translated_share.${name}`, fromCache / insns);
  total.insns += insns;
  total.interp += interp.ms;
  total.dbt += dbt.ms;
  total.dbtFirst += dbt.firstMs;
  total.qemu += qemu?.ms ?? 0;
  total.native += native.ms;
  total.fromCache += fromCache;
  total.hostBytes += dbt.counters["tc.host_bytes"]!;
}
result("dbt.mips", total.insns / total.dbt / 1000);
result("dbt.speedup_vs_interp", total.interp / total.dbt);
result("dbt.speedup_vs_interp.first_run", total.interp / total.dbtFirst);
if (qemuAvailable) result("dbt.time_vs_qemu", total.dbt / total.qemu);
result("dbt.translated_share", total.fromCache / total.insns);
result("dbt.native_ratio", total.dbt / total.native);
result("interp.mips", total.insns / total.interp / 1000);
if (qemuAvailable) result("qemu.native_ratio", total.qemu / total.native);
result("dbt.host_bytes", total.hostBytes);

// Long runs (LONG_SCALE × the rounds): the same comparison once translation and V8's compiles of
// the generated functions are paid off (the runs above include them; the goals speak of
// long runs for the translated share).
const LONG_SCALE = 5;
const long = { insns: 0, interp: 0, dbt: 0 };
for (const [name, rounds] of plan) {
  const w = findWorkload(name);
  if (w === undefined) throw new Error(`workload ${name} missing`);
  const argv = [resolveWorkloadPath(w.artifact), String(Math.max(1, Math.round(rounds * scale * LONG_SCALE)))];
  const interp = runStrata(readArtifact(w), argv, null);
  const dbt = runStrata(readArtifact(w), argv, {});
  if (dbt.stdout !== interp.stdout) throw new Error(`${name}: dbt output differs from the interpreter's on the long run`);
  const insns = dbt.counters["insn.retired"]!;
  console.log(`# ${name} long (${argv[1]} rounds): ${insns} instructions; CPU ms: interpreter ${interp.ms.toFixed(0)}, dbt ${dbt.ms.toFixed(0)}`);
  result(`dbt.speedup_vs_interp.long.${name}`, interp.ms / dbt.ms);
  long.insns += insns;
  long.interp += interp.ms;
  long.dbt += dbt.ms;
}
result("dbt.mips.long", long.insns / long.dbt / 1000);
result("dbt.speedup_vs_interp.long", long.interp / long.dbt);

// Sweeps: total dbt CPU time of hello (a short run dominated by one-shot start-up code) and the
// three at 1/4 rounds, first runs (every translation compiled from scratch), per option setting.
const sweep: [string, string[]][] = [["hello", []], ...plan.map(([n, r]): [string, string[]] => [n, [String(Math.max(1, Math.round((r * scale) / 4)))]])];
function sweepMs(options: DbtBenchOptions): { ms: number; interpreted: number } {
  let ms = 0;
  let interpreted = 0;
  for (const [name, args] of sweep) {
    const w = findWorkload(name);
    if (w === undefined) throw new Error(`workload ${name} missing`);
    const r = runStrata(readArtifact(w), [resolveWorkloadPath(w.artifact), ...args], options);
    ms += r.firstMs;
    interpreted += r.counters["tc.insn_interpreted"]!;
  }
  return { ms, interpreted };
}
// The adaptive-translation threshold (DEFAULT_HOT_THRESHOLD is 16).
for (const hotThreshold of [0, 4, 16, 64, 256]) {
  const { ms, interpreted } = sweepMs({ hotThreshold });
  console.log(`# threshold ${hotThreshold}: ${ms.toFixed(0)} ms CPU, ${interpreted} instructions interpreted`);
  result(`dbt.threshold_ms.${hotThreshold}`, ms);
}
// Region size: translations spanning the loops through a hot block (DEFAULT_REGION_BLOCKS is 1).
for (const regionBlocks of [1, 4, 12]) result(`dbt.region_blocks_ms.${regionBlocks}`, sweepMs({ regionBlocks }).ms);
// Loops whose head is inside a block, compiled as loops in the translation (off by default).
for (const innerLoops of [false, true]) result(`dbt.inner_loops_ms.${innerLoops ? 1 : 0}`, sweepMs({ innerLoops }).ms);
