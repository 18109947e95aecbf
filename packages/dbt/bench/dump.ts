import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { disassemble } from "@strata/isa";
import { createDbtEngine, DbtEngine, blockSource } from "/work/main/packages/dbt/src/index";
const name = process.argv[2] ?? "sieve";
const w = findWorkload(name)!;
let eng: DbtEngine | null = null;
const p = new LinuxProcess(readArtifact(w), { argv: [name, "2"], stdout: () => undefined, engine: (m) => (eng = createDbtEngine(m)) });
p.run();
const blocks = [...eng!.cache.blocks()].filter((b) => b.fn !== null);
blocks.sort((a, b) => b.exits.reduce((x, y) => x + y, 0) - a.exits.reduce((x, y) => x + y, 0));
for (const b of blocks.slice(0, 4)) {
  console.log("=== block", b.start.toString(16), "execs", b.exits.reduce((x, y) => x + y, 0), "exits", Array.from(b.exits).join(","));
  for (const i of b.insns) console.log("  ", i.eip.toString(16), i.exec.name, disassemble(p.cpu.mmu.readBytes(i.eip, i.len), 0, i.eip).text);
  if (process.argv[3]) console.log(blockSource(b));
}
