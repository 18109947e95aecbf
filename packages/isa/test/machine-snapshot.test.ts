/**
 * Snapshot mid-run: the demo kernel (packages/workloads: primes, a Mandelbrot set, a countdown on
 * PIT interrupts) runs part way, the complete machine (processor, RAM, devices, counters) is
 * snapshotted and restored into a fresh machine, which finishes the run. The output and every
 * counter but icache.* must equal an uninterrupted run's — the TLB is saved with the processor, so
 * tlb.* and walk.* continue too — and the output must be qemu's recorded transcript. Also: the
 * machine's runs are deterministic however they are sliced.
 */
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadMultiboot } from "../src/machine/boot";
import { createPcMachine, type PcMachine } from "../src/machine/pc-machine";
import { WORKLOADS } from "./support/machine-kernels";

const DEMO = `${WORKLOADS}/artifacts/bare-metal-i386/demo.elf`;
const EXPECTED = `${WORKLOADS}/src/catalog/baremetal.expected.json`;
const MARKER = "== strata bare-metal test: ";

function boot(): { m: PcMachine; out: () => string } {
  let serial = "";
  const m = createPcMachine({ memoryBytes: 32 << 20, serialOut: (b) => (serial += String.fromCharCode(b)) });
  // tlb.hit is only counted on request: ask, so it is compared with the other counters.
  m.cpu.mmu.countTlbHits();
  loadMultiboot(m, new Uint8Array(readFileSync(DEMO)), { file: DEMO });
  return { m, out: () => serial };
}

// The decoded-instruction cache is host-side (not in the snapshot, it starts empty after a restore,
// and how a run is sliced decides where blocks end): icache.* is the only family left out.
const architectural = (c: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith("icache.")));

describe.skipIf(!existsSync(DEMO) || !existsSync(EXPECTED))("PC machine snapshot and restore mid-run (demo kernel)", () => {
  const expected = (JSON.parse(readFileSync(EXPECTED, "utf8")) as Record<string, { stdout: string; exitCode: number }>).demo!;

  it("an uninterrupted run prints qemu's transcript and exits through isa-debug-exit", () => {
    const { m, out } = boot();
    expect(m.run(100_000_000)).toBe("exit");
    expect(out().slice(out().indexOf(MARKER))).toBe(expected.stdout);
    expect(m.exitStatus).toBe((expected.exitCode << 1) | 1);
  });

  for (const at of [40_000, 150_000, 280_000]) {
    it(`snapshot after ${at} instructions, restored into a fresh machine, finishes identically`, () => {
      const ref = boot();
      expect(ref.m.run(100_000_000)).toBe("exit");

      const a = boot();
      expect(a.m.run(at)).toBe("budget");
      const snap = a.m.snapshot();
      const before = a.out();
      const b = boot();
      b.m.restore(structuredClone(snap));
      expect(b.m.run(100_000_000)).toBe("exit");
      // The restored machine continues where the snapshot was taken: it does not print the start again.
      expect(before + b.out()).toBe(ref.out());
      expect(architectural(b.m.counters())).toEqual(architectural(ref.m.counters()));
      expect(b.m.exitStatus).toBe(ref.m.exitStatus);
    });
  }

  it("the same run sliced into many small budgets gives the same output and counters", () => {
    const ref = boot();
    ref.m.run(100_000_000);
    const s = boot();
    let why = "budget";
    while (why === "budget") why = s.m.run(997);
    expect(why).toBe("exit");
    expect(s.out()).toBe(ref.out());
    expect(architectural(s.m.counters())).toEqual(architectural(ref.m.counters()));
  });
});
