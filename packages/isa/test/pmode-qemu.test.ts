/**
 * A protected-mode probe kernel (test/fixtures/pmode/probe.asm: ring 3 through IRET, a call gate
 * with parameters and RETF imm16, a conforming segment, #GP from ring 3 through a trap gate, INT n
 * through a DPL 3 gate) prints the frames and selectors it sees; strata's PC machine must print
 * exactly what qemu-system-i386 prints.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { assemble, FIXTURES, haveQemu, runQemu, runStrata } from "./support/machine-kernels";

const PROBE = resolve(import.meta.dirname, "fixtures/pmode/probe.asm");

describe.skipIf(!haveQemu())("pmode probe kernel vs qemu-system-i386", () => {
  it("prints the same frames, selectors and error codes, and exits the same", () => {
    const elf = assemble(PROBE, 0x100000, [`-I${FIXTURES}/`]);
    const q = runQemu(["-kernel", elf]);
    const s = runStrata({ kernel: elf });
    expect(q.serial).toMatch(/gate_p0=00000333\n/);
    expect(s.serial).toBe(q.serial);
    expect(s.status).toBe(q.status);
  });
});
