/**
 * The bare-metal test kernels of @strata/workloads (protected mode, rings, error codes, paging
 * with A/D bits, the PIT and interrupts, task switches, V86, the I/O bit map, devices) on the PC
 * machine with the translator as engine: each prints qemu-system-i386's recorded transcript and
 * exits with its status, and retires exactly as many instructions as on the interpreter.
 */
import { createPcMachine, loadMultiboot, type Engine, type PcMachine } from "@strata/isa";
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { createDbtPcMachine } from "../src/index";

const kernels = workloadsOfKind("bare-metal-i386").filter((w) => w.sources.some((s) => s.startsWith("baremetal/")));

function boot(make: (serialOut: (b: number) => void) => PcMachine<Engine>, bytes: Uint8Array, marker: string): { transcript: string; status: number | null; retired: number; m: PcMachine<Engine> } {
  let out = "";
  const m = make((b) => (out += String.fromCharCode(b)));
  loadMultiboot(m, bytes);
  for (let n = 0; n < 400 && m.run(1_000_000) === "budget"; n++);
  const at = out.indexOf(marker);
  return { transcript: at < 0 ? out : out.slice(at), status: m.exitStatus, retired: m.cpu.retired, m };
}

describe("bare-metal kernels on the PC machine with the translator", () => {
  for (const w of kernels) {
    it(`${w.name}: qemu's transcript and exit status, the interpreter's retired count`, () => {
      const bytes = readArtifact(w);
      // The recorded transcript starts at the kernel's marker line (its first line).
      const marker = w.expected.stdout.slice(0, w.expected.stdout.indexOf("\n") + 1);
      const dbt = boot((serialOut) => createDbtPcMachine({ serialOut }, { hotThreshold: 2 }), bytes, marker);
      expect(dbt.transcript.split("\n")).toEqual(w.expected.stdout.split("\n"));
      expect(dbt.status === null ? null : dbt.status >> 1).toBe(w.expected.exitCode);
      const interp = boot((serialOut) => createPcMachine({ serialOut }), bytes, marker);
      expect(dbt.retired).toBe(interp.retired);
      expect(dbt.m.counters()["tc.blocks_compiled"]).toBeGreaterThan(0);
    });
  }
});
