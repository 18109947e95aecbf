// Quick A/B helper while tuning: CPU ms of the interpreter and dbt on the bench workloads (best of
// `reps`). tsx --conditions=@strata/source bench/quick.ts [interp|dbt|both] [regionBlocks] [reps] [workload]
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { createDbtEngine } from "../src/index";

const plan: [string, number][] = [["sieve", 20], ["crc32", 40], ["sort", 8]];
const which = process.argv[2] ?? "both";
const regionBlocks = Number(process.argv[3] ?? "1");
const reps = Number(process.argv[4] ?? "3");
const only = process.argv[5];
const engines = which === "both" ? [false, true] : [which === "dbt"];
const tot = [0, 0];
for (const [name, rounds] of plan) {
  if (only !== undefined && only !== name) continue;
  const w = findWorkload(name)!;
  const line: string[] = [name];
  for (const dbt of engines) {
    let best = Infinity;
    let insns = 0;
    for (let rep = 0; rep < reps; rep++) {
      const p = new LinuxProcess(readArtifact(w), { argv: [name, String(rounds)], stdout: () => undefined, ...(dbt ? { engine: (m) => createDbtEngine(m, { regionBlocks }) } : {}) });
      const c0 = process.cpuUsage();
      p.run();
      const c = process.cpuUsage(c0);
      best = Math.min(best, (c.user + c.system) / 1000);
      insns = p.cpu.retired;
    }
    tot[dbt ? 1 : 0]! += best;
    line.push(`${dbt ? "dbt" : "interp"} ${best.toFixed(0)} ms (${(insns / best / 1000).toFixed(0)} MIPS)`);
  }
  console.log(line.join("  "));
}
console.log(`total interp ${tot[0]!.toFixed(0)} dbt ${tot[1]!.toFixed(0)} speedup ${(tot[0]! / tot[1]!).toFixed(2)}`);
