/**
 * Translation-cache correctness under paging: fixtures/paging.asm (a Multiboot kernel) runs the
 * same linear page as different code in two address spaces, remaps it with INVLPG, and rewrites
 * it through a second linear alias. qemu-system-i386 is the reference for its exit value; the
 * translator (every block translated at first sight, so a stale translation would run) must exit
 * the same and retire as many instructions, with as many TLB misses, as the interpreter.
 */
import { createPcMachine, loadMultiboot, type Engine, type PcMachine } from "@strata/isa";
import { describe, expect, it } from "vitest";
import { createDbtPcMachine } from "../src/index";
import { buildKernelFixture, qemuKernelStatus, readBytes } from "./helpers";

function run(m: PcMachine<Engine>, bytes: Uint8Array): PcMachine<Engine> {
  loadMultiboot(m, bytes);
  for (let n = 0; n < 100 && m.run(1_000_000) === "budget"; n++);
  return m;
}

describe("translations under paging", () => {
  const elf = buildKernelFixture("paging");
  const bytes = readBytes(elf);
  const reference = qemuKernelStatus(elf);

  it("qemu-system-i386 exits with (23 << 1) | 1: every call ran the page mapped at the time", () => {
    expect(reference).toBe((23 << 1) | 1);
  });

  it.each([0, 2])("address-space switches, INVLPG and writes through an alias never run a stale translation (threshold %i)", (hotThreshold) => {
    const dbt = run(createDbtPcMachine({}, { hotThreshold }), bytes);
    expect(dbt.exitStatus).toBe(reference);
    const interp = run(createPcMachine({}), bytes);
    expect(dbt.cpu.retired).toBe(interp.cpu.retired);
    const c = dbt.counters();
    expect(c["tc.blocks_compiled"]).toBeGreaterThan(0);
    // Every switch made the cache check its blocks again (1003 CR3 loads and INVLPGs), and the
    // block of the other address space at 0x400000 was passed over each time.
    expect(c["tc.revalidations"]).toBeGreaterThan(1000);
    expect(c["tc.invalidations.mapping"]).toBeGreaterThan(1000);
    expect(c["tlb.miss"]).toBe(interp.counters()["tlb.miss"]);
  });
});
