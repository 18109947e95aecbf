/**
 * strata-kernel (the teaching kernel of @strata/workloads: processes, CoW fork, a CR3 switch per
 * context switch) booted to its power-off on the PC machine, on the interpreter and on the
 * translator, alternating, `reps` times each (default 3); prints the best CPU time of each as
 * MIPS, the translator's speedup, and the translator's cache counters of its last run. Checks
 * each run's serial output against qemu-system-i386's recorded transcript before it counts.
 *
 *   pnpm --filter @strata/dbt exec tsx --conditions=@strata/source bench/kernel.ts [reps]
 */
import { createPcMachine, loadMultiboot, type Engine, type PcMachine } from "@strata/isa";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { readFileSync } from "node:fs";
import { createDbtPcMachine } from "../src/index";

const reps = Number(process.argv[2] ?? "3");
const w = findWorkload("strata-kernel");
const initrd = w?.modules?.[0];
if (w === undefined || initrd === undefined) throw new Error("the catalogue has no strata-kernel workload with an initrd");
const kernel = readArtifact(w);
const initrdBytes = new Uint8Array(readFileSync(resolveWorkloadPath(initrd)));
const memoryBytes = (w.memoryMiB ?? 64) << 20;

function boot(dbt: boolean): { ms: number; retired: number; counters: Record<string, number> } {
  let out = "";
  const serialOut = (b: number): void => {
    out += String.fromCharCode(b);
  };
  const m: PcMachine<Engine> = dbt ? createDbtPcMachine({ serialOut, memoryBytes }) : createPcMachine({ serialOut, memoryBytes });
  loadMultiboot(m, kernel, { file: w!.artifact, modules: [{ bytes: initrdBytes, string: initrd! }] });
  const c0 = process.cpuUsage();
  let why = "budget";
  for (let n = 0; n < 100_000 && why === "budget"; n++) why = m.run(4_000_000);
  const c = process.cpuUsage(c0);
  if (why !== "exit" || !out.endsWith(w!.expected.stdout)) throw new Error(`strata-kernel on ${dbt ? "dbt" : "the interpreter"}: stopped with ${why}, transcript differs`);
  return { ms: (c.user + c.system) / 1000, retired: m.cpu.retired, counters: m.counters() };
}

const best = { interp: Infinity, dbt: Infinity };
let retired = 0;
let last: Record<string, number> = {};
for (let r = 0; r < reps; r++) {
  for (const dbt of [false, true]) {
    const run = boot(dbt);
    const key = dbt ? "dbt" : "interp";
    best[key] = Math.min(best[key], run.ms);
    retired = run.retired;
    if (dbt) last = run.counters;
  }
}
console.log(`RESULT kernel.interp_mips ${(retired / best.interp / 1000).toFixed(1)}`);
console.log(`RESULT kernel.dbt_mips ${(retired / best.dbt / 1000).toFixed(1)}`);
console.log(`RESULT kernel.dbt_speedup_vs_interp ${(best.interp / best.dbt).toFixed(2)}`);
for (const k of ["insn.retired", "tc.blocks_compiled", "tc.flushes", "tc.invalidations.flush", "tc.invalidations.mapping", "tc.revalidations", "tc.blocks_live"]) {
  console.log(`${k} ${last[k] ?? "-"}`);
}
