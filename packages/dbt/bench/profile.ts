// Profiling helper: node --cpu-prof --conditions=@strata/source --import tsx bench/profile.ts <workload> [rounds]
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { createDbtEngine } from "../src/index";

const name = process.argv[2] ?? "crc32";
const w = findWorkload(name);
if (w === undefined) throw new Error(`workload ${name} missing`);
for (let rep = 0; rep < 2; rep++) {
  const t0 = performance.now();
  const p = new LinuxProcess(readArtifact(w), { argv: [name, process.argv[3] ?? "40"], stdout: () => undefined, engine: (m) => createDbtEngine(m) });
  p.run();
  console.log(`${name}: ${p.cpu.retired} instructions in ${(performance.now() - t0).toFixed(0)} ms`);
}
