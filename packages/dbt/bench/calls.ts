// Which instructions translated code still runs through interpreter handlers, weighted by how
// often they ran: tsx --conditions=@strata/source bench/calls.ts <workload> [rounds]
import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { disassemble, OPCODES } from "@strata/isa";
import { createDbtEngine, type DbtEngine, INLINE_FORMS } from "../src/index";

const name = process.argv[2] ?? "sort";
let eng: DbtEngine | null = null;
const p = new LinuxProcess(readArtifact(findWorkload(name)!), { argv: [name, process.argv[3] ?? "2"], stdout: () => undefined, engine: (m) => (eng = createDbtEngine(m)) });
p.run();
const weight = new Map<string, number>();
let total = 0;
for (const b of (eng as unknown as DbtEngine).cache.blocks()) {
  b.insns.forEach((i, j) => {
    let w = 0;
    for (let k = j + 1; k < b.exits.length; k++) w += b.exits[k]!;
    total += w;
    if (INLINE_FORMS.has(i.exec.name) || OPCODES[i.entry]?.sem === "jcc") return;
    const text = `${i.exec.name}: ${disassemble(p.cpu.mmu.readBytes(i.eip, i.len), 0, i.eip).text}`;
    weight.set(text, (weight.get(text) ?? 0) + w);
  });
}
const rows = [...weight.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
for (const [t, w] of rows) console.log(((100 * w) / total).toFixed(2).padStart(6) + "%", t);
