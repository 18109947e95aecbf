// Debugging helper: the hottest translated blocks of a workload, disassembled (and their source).
// tsx --conditions=@strata/source bench/dump.ts <workload> [show-source]
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { disassemble } from "@strata/isa";
import { createDbtEngine, type DbtEngine, regionSource } from "../src/index";

const name = process.argv[2] ?? "sieve";
const w = findWorkload(name);
if (w === undefined) throw new Error(`workload ${name} missing`);
let eng: DbtEngine | null = null;
const p = new LinuxProcess(readArtifact(w), { argv: [name, "2"], stdout: () => undefined, engine: (m) => (eng = createDbtEngine(m)) });
p.run();
const execs = (e: Int32Array): number => e.reduce((x, y) => x + y, 0);
const blocks = [...(eng as DbtEngine | null)!.cache.blocks()].filter((b) => b.fn !== null);
blocks.sort((a, b) => execs(b.exits) - execs(a.exits));
for (const b of blocks.slice(0, Number(process.env.TOP ?? "4"))) {
  console.log("=== block", b.start.toString(16), "execs", execs(b.exits), "exits", Array.from(b.exits).join(","));
  for (const i of b.insns) console.log("  ", i.eip.toString(16), i.exec.name, disassemble(p.cpu.mmu.readBytes(i.eip, i.len), 0, i.eip).text);
  if (process.argv[3]) console.log(regionSource(b.members ?? [b], 0));
}
