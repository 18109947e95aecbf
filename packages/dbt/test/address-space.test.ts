/**
 * Translations survive address-space switches (cpu.mappingChanged starts a new epoch of the
 * translation cache instead of a flush; blocks are checked against the new mapping when reached):
 *
 * - fixtures/paging.asm (one linear page, different code in two address spaces, a CR3 switch
 *   before every call, an INVLPG remap, a write through an alias), every block translated at first
 *   sight: qemu-system-i386's exit value, the interpreter's retired count, and the blocks are
 *   compiled once, not once per switch;
 * - fixtures/chain.asm (one call site calling 0x400000 in two address spaces by turns, different
 *   code there in each): qemu-system-i386's exit value, which needs the call's chain link to the
 *   first callee not to be followed in the other address space;
 * - fixtures/rights.asm (one frame at 0x400000, supervisor-only in one address space and a user
 *   page in another; called at ring 0, then at ring 3): qemu-system-i386's exit value, which
 *   needs the #PF at ring 3 although a translation of the same bytes exists;
 * - strata-kernel (processes, fork, exec, preemption: thousands of CR3 loads, INVLPGs and returns
 *   to user mode): qemu-system-i386's recorded transcript and exit code, and exactly the
 *   interpreter's instruction, class, exception and interrupt counts, with one flush where the
 *   interpreter drops its linear-keyed decoded code at every mapping change.
 */
import { createPcMachine, loadMultiboot, type Engine, type PcMachine } from "@strata/isa";
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { createDbtPcMachine } from "../src/index";
import { buildKernelFixture, qemuKernelStatus, readBytes } from "./helpers";

function buildFixture(name: string): Uint8Array {
  const elf = buildKernelFixture(name);
  qemuStatus.set(name, qemuKernelStatus(elf));
  return readBytes(elf);
}
const qemuStatus = new Map<string, number | null>();

/** A fixture kernel run to its end on the translator and on the interpreter. */
function bothEngines(name: string, hotThreshold: number): { dbt: PcMachine<Engine>; interp: PcMachine<Engine> } {
  const bytes = buildFixture(name);
  const dbt = createDbtPcMachine({}, { hotThreshold });
  const interp = createPcMachine({});
  for (const m of [dbt, interp]) {
    loadMultiboot(m, bytes);
    runToEnd(m, 1_000_000, 100);
  }
  return { dbt, interp };
}

function runToEnd(m: PcMachine<Engine>, chunk: number, maxChunks: number): string {
  let why = "budget";
  for (let n = 0; n < maxChunks && why === "budget"; n++) why = m.run(chunk);
  return why;
}

/** The counters both engines define alike for the instructions run (insn.*, exc.*, int.*). */
function executionCounters(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).filter(([k]) => k.startsWith("insn.") || k.startsWith("exc.") || k.startsWith("int.")));
}

describe("translations kept across address-space switches", () => {
  it("paging fixture: qemu's exit value; each block compiled once, not once per switch", () => {
    const bytes = buildFixture("paging");
    const dbt = createDbtPcMachine({}, { hotThreshold: 0 });
    loadMultiboot(dbt, bytes);
    runToEnd(dbt, 1_000_000, 100);
    expect(dbt.exitStatus).toBe(qemuStatus.get("paging"));
    const interp = createPcMachine({});
    loadMultiboot(interp, bytes);
    runToEnd(interp, 1_000_000, 100);
    expect(dbt.cpu.retired).toBe(interp.cpu.retired);
    const c = dbt.counters();
    // The MMU saw more than 1000 CR3 loads; the interpreter dropped its decoded code each time.
    expect(c["tlb.flush"]).toBeGreaterThan(1000);
    expect(interp.counters()["icache.flushes"]).toBeGreaterThan(1000);
    // The translator compiled the kernel's few blocks (both pages at 0x400000 among them) once.
    expect(c["tc.blocks_compiled"]).toBeLessThan(40);
    expect(c["tc.flushes"]).toBeLessThanOrEqual(1);
    expect(c["tc.invalidations.flush"]).toBe(0);
    expect(c["tc.revalidations"]).toBeGreaterThan(1000);
  });

  it.each([0, 2])("chain fixture: a block's link to its successor is not followed into another address space (threshold %i)", (hotThreshold) => {
    const { dbt, interp } = bothEngines("chain", hotThreshold);
    expect(qemuStatus.get("chain")).toBe((15 << 1) | 1);
    expect(dbt.exitStatus).toBe(qemuStatus.get("chain"));
    expect(dbt.cpu.retired).toBe(interp.cpu.retired);
  });

  it.each([0, 2])("rights fixture: a translation made at ring 0 from a supervisor-only page does not run at ring 3 (threshold %i)", (hotThreshold) => {
    const { dbt, interp } = bothEngines("rights", hotThreshold);
    expect(qemuStatus.get("rights")).toBe((29 << 1) | 1);
    expect(dbt.exitStatus).toBe(qemuStatus.get("rights"));
    expect(dbt.cpu.retired).toBe(interp.cpu.retired);
    expect(executionCounters(dbt.counters())).toEqual(executionCounters(interp.counters()));
    expect(dbt.counters()["exc.pf"]).toBe(1);
  });

  // The whole run takes about a minute for both engines on a loaded machine: `pnpm test` runs the
  // first 80 M instructions (boot, init, the first programs: over a thousand mapping changes),
  // `pnpm test:kernel` the whole run to its power-off.
  const full = process.env.STRATA_DBT_KERNEL_FULL === "1";
  it(`strata-kernel${full ? "" : " (first 80 M instructions)"}: qemu's transcript, the interpreter's counts, translations kept`, () => {
    const w = findWorkload("strata-kernel");
    const initrd = w?.modules?.[0];
    if (w === undefined || initrd === undefined) throw new Error("no strata-kernel workload with an initrd");
    const kernel = readArtifact(w);
    const modules = [{ bytes: readBytes(resolveWorkloadPath(initrd)), string: initrd }];
    const memoryBytes = (w.memoryMiB ?? 64) << 20;
    const chunks = full ? 1000 : 20;
    let out = "";
    const dbt = createDbtPcMachine({ memoryBytes, serialOut: (b) => (out += String.fromCharCode(b)) });
    loadMultiboot(dbt, kernel, { file: w.artifact, modules });
    const why = runToEnd(dbt, 4_000_000, chunks);
    if (full) {
      expect(why).toBe("exit");
      expect(out.endsWith(w.expected.stdout)).toBe(true);
      expect(dbt.exitStatus === null ? null : dbt.exitStatus >> 1).toBe(w.expected.exitCode);
    } else {
      // qemu's transcript starts after the BIOS; the kernel's part so far must be a prefix of it.
      const at = out.indexOf(w.expected.stdout.slice(0, w.expected.stdout.indexOf("\n") + 1));
      expect(at).toBeGreaterThanOrEqual(0);
      expect(w.expected.stdout.startsWith(out.slice(at))).toBe(true);
      expect(out.slice(at).split("\n").filter((l) => l.startsWith("init: $ ")).length).toBeGreaterThan(2);
    }

    const interp = createPcMachine({ memoryBytes, serialOut: () => undefined });
    loadMultiboot(interp, kernel, { file: w.artifact, modules });
    expect(runToEnd(interp, 4_000_000, chunks)).toBe(why);
    const c = dbt.counters();
    const ci = interp.counters();
    expect(executionCounters(c)).toEqual(executionCounters(ci));
    // Every CR3 load, INVLPG and return to user mode after kernel-only fills made the interpreter
    // drop its decoded code (thousands of times); the translator kept its blocks through all of
    // them (one flush: the boot loader's), so it compiled fewer blocks than there were changes.
    expect(ci["icache.flushes"]).toBeGreaterThan(full ? 5000 : 1000);
    expect(c["tc.flushes"]).toBeLessThanOrEqual(1);
    expect(c["tc.blocks_compiled"]).toBeLessThan(ci["icache.flushes"]!);
    expect(c["tc.revalidations"]).toBeGreaterThan(ci["icache.flushes"]!);
  }, 300_000);
});
