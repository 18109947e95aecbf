import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { createDbtEngine, type DbtEngine, regionSource } from "../src/index";
const name = process.argv[2] ?? "sort";
let eng: DbtEngine | null = null;
const p = new LinuxProcess(readArtifact(findWorkload(name)!), { argv: [name, "1"], stdout: () => undefined, engine: (m) => (eng = createDbtEngine(m)) });
p.run();
for (const b of (eng as unknown as DbtEngine).cache.blocks()) {
  if (b.fn === null || b.members === null) continue;
  if (process.argv[3] && b.start.toString(16) !== process.argv[3]) continue;
  console.log(regionSource(b.members, 0));
}
