/** Debug sessions on the x86 levels, checked against objdump and against a plain run. */
import { describe, expect, it } from "vitest";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { workloadInput } from "../src/index";
import { nodeRegistry } from "../src/node";
import { objdump } from "./support/objdump";

const registry = nodeRegistry();

for (const id of ["isa", "dbt"]) {
  describe(`${id} debug session`, () => {
    it("shows objdump's disassembly at EIP and steps one instruction at a time", () => {
      const w = findWorkload("hello")!;
      const ref = objdump(resolveWorkloadPath(w.artifact));
      const session = registry.get(id).debug!(workloadInput(w, readArtifact(w)));
      let st = session.state(4);
      expect(st.retired).toBe(0);
      for (let i = 1; i <= 4; i++) {
        const line = st.disassembly[0]!;
        expect(line.address).toBe(st.registers.eip);
        expect(line.text).toBe(ref.get(line.address));
        st = session.step(1);
        expect(st.retired).toBe(i);
      }
      // hello's first four instructions load write(1, msg, len): eax = __NR_write, ebx = fd 1.
      expect(st.registers.eax).toBe(4);
      expect(st.registers.ebx).toBe(1);
    });

    it("runs to an instruction count and ends like a plain run", async () => {
      const w = findWorkload("sieve")!;
      const plain = await registry.get(id).run(workloadInput(w, readArtifact(w)));
      const session = registry.get(id).debug!(workloadInput(w, readArtifact(w)));
      expect(session.runTo(123_457).retired).toBe(123_457);
      const end = session.runTo(Number.MAX_SAFE_INTEGER);
      expect(end.exit).toEqual(plain.exit);
      expect(end.retired).toBe(plain.counters["insn.retired"]);
    });
  });
}
