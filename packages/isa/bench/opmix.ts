/** Profiling helper: `tsx bench/opmix.ts sieve,crc32,sort [rounds]` prints the most executed instructions that take the generic (non-inlined) path, and the share of inlined ones. */
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { runElf } from "./linux-shim";
for (const name of (process.argv[2] ?? "sort").split(",")) {
  const r = runElf(readArtifact(findWorkload(name)!), [name, process.argv[3] ?? "2"]);
  const byKey = new Map<string, number>();
  let inlined = 0;
  let total = 0;
  for (const b of r.machine.engine.cache.slots) {
    if (b === null) continue;
    const n = b.insns.length;
    for (let j = 0; j < n; j++) {
      let c = 0;
      for (let k = j + 1; k <= n; k++) c += b.exits[k]!;
      const i = b.insns[j]!;
      total += c;
      if (i.op !== 0) inlined += c;
      else {
        const key = `entry ${i.entry} opc ${i.opcode.toString(16)} /${i.regField} size ${i.size} k${i.k0}${i.k1}`;
        byKey.set(key, (byKey.get(key) ?? 0) + c);
      }
    }
  }
  console.log(`${name}: ${total} executed, ${((100 * inlined) / total).toFixed(1)}% inlined`);
  for (const [k, c] of [...byKey].sort((a, b) => b[1] - a[1]).slice(0, 8)) console.log(`  ${((100 * c) / total).toFixed(2)}%  ${k}`);
}
