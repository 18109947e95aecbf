/** Profiling helper: `node --conditions=@strata/source --import tsx [--cpu-prof] bench/profile.ts sieve,crc32,sort [rounds]` prints CPU-time MIPS of three runs each (CPU time is steadier than wall time on a shared machine). */
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { runElf } from "./linux-shim";
const names = (process.argv[2] ?? "sort").split(",");
for (const name of names) for (let rep = 0; rep < Number(process.env.REPS ?? 3); rep++) {
  const r = runElf(readArtifact(findWorkload(name)!), [name, process.argv[3] ?? "4"]);
  const cpuMs = r.cpuMs;
  console.log(name, r.stdout.trim().slice(0, 30), r.retired, "wall", r.ms.toFixed(0), "cpu", cpuMs.toFixed(0), (r.retired / cpuMs / 1000).toFixed(1), "MIPS(cpu)");
}
