import { LinuxProcess } from "@strata/linux-user";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { createDbtEngine } from "../src/index";
for (const name of ["sieve", "crc32", "sort"]) {
  const w = findWorkload(name)!;
  const path = resolveWorkloadPath(w.artifact);
  const args = [process.argv[2] ?? "10"];
  for (const dbt of [false, true, true]) {
    const outs: string[] = [];
    const t0 = performance.now();
    const p = new LinuxProcess(readArtifact(w), { argv: [path, ...args], stdout: (b) => outs.push(Buffer.from(b).toString("latin1")), ...(dbt ? { engine: (m) => createDbtEngine(m) } : {}) });
    p.run();
    const ms = performance.now() - t0;
    const c = p.counters();
    console.log(JSON.stringify(outs.join("").slice(0, 80)), p.status().status, p.fault);
    console.log(name, dbt ? "dbt" : "interp", ms.toFixed(0), "ms", (c["insn.retired"]! / ms / 1000).toFixed(1), "MIPS", dbt ? `share ${(c["tc.insn_from_cache"]! / c["insn.retired"]!).toFixed(3)} blocks ${c["tc.blocks_compiled"]} ipe ${c["tc.insn_per_entry"]!.toFixed(1)} chain ${c["tc.chain_hits"]}` : "");
  }
}
