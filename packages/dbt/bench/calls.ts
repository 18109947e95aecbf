// Which instructions translated code still runs through interpreter handlers, weighted by how
// often they ran: tsx --conditions=@strata/source bench/calls.ts <workload> [rounds]
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { disassemble } from "@strata/isa";
import { createDbtEngine, type DbtEngine, regionSource, type TBlock } from "../src/index";

const name = process.argv[2] ?? "sort";
let eng: DbtEngine | null = null;
const p = new LinuxProcess(readArtifact(findWorkload(name)!), { argv: [name, process.argv[3] ?? "2"], stdout: () => undefined, engine: (m) => (eng = createDbtEngine(m)) });
p.run();
const weight = new Map<string, number>();
let total = 0;
/** Instructions of a block its translation runs through handler calls (read off the source). */
function called(b: TBlock): Set<number> {
  const out = new Set<number>();
  if (b.fn === null) return out;
  for (const x of regionSource([b], 0).matchAll(/\bx0_(\d+) = B0\.insns/g)) out.add(Number(x[1]));
  return out;
}
for (const b of (eng as unknown as DbtEngine).cache.blocks()) {
  b.insns.forEach((i, j) => {
    let w = 0;
    for (let k = j + 1; k < b.exits.length; k++) w += b.exits[k]!;
    total += w;
    if (!called(b).has(j)) return;
    const text = `${i.exec.name}: ${disassemble(p.cpu.mmu.readBytes(i.eip, i.len), 0, i.eip).text}`;
    weight.set(text, (weight.get(text) ?? 0) + w);
  });
}
const rows = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [t, w] of rows) console.log(((100 * w) / total).toFixed(2).padStart(6) + "%", t);
