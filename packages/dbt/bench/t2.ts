import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { disassemble } from "@strata/isa";
import { linuxProcess } from "/work/main/packages/dbt/test/helpers";
const w = findWorkload("sort")!;
const mk = () => [linuxProcess(readArtifact(w), ["sort", ...(w.args ?? [])]), linuxProcess(readArtifact(w), ["sort", ...(w.args ?? [])], { hotThreshold: 0 })] as const;
let [a, b] = mk();
let done = 0;
const step = 1000;
for (;;) {
  a.proc.run(step); b.proc.run(step);
  if (!Array.from(a.proc.cpu.s).every((v, i) => v === b.proc.cpu.s[i])) break;
  done += step;
}
[a, b] = mk();
a.proc.run(done); b.proc.run(done);
// now finer: run b in growing budgets from the same start, compare with a stepping by 1
for (let n = 1; n <= step; n++) {
  const pa = a.proc.cpu.s[8]!;
  a.proc.run(1);
  const [, b2] = mk();
  b2.proc.run(done);
  b2.proc.run(n);
  if (!Array.from(a.proc.cpu.s).every((v, i) => v === b2.proc.cpu.s[i])) {
    console.log("first difference after instruction at", (pa >>> 0).toString(16), "n", n, disassemble(a.proc.cpu.mmu.readBytes(pa, 15), 0, pa).text);
    console.log("A", Array.from(a.proc.cpu.s.slice(0, 14)).map((v) => (v >>> 0).toString(16)).join(" "));
    console.log("B", Array.from(b2.proc.cpu.s.slice(0, 14)).map((v) => (v >>> 0).toString(16)).join(" "));
    break;
  }
}
