/**
 * The translator's observable behaviour against independent references: the host CPU (native
 * runs of the same ELF) for self-modifying code and eviction, and the interpreter for budget
 * exactness and engine switching (same state, same counters after the same number of
 * instructions).
 */
import { findWorkload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { clearFactoryCache } from "../src/index";
import { archState, buildAsm, isaCounters, linuxProcess, readBytes, runLinux, runNative } from "./helpers";

function workload(name: string): { bytes: Uint8Array; argv: string[]; path: string } {
  const w = findWorkload(name);
  if (w === undefined) throw new Error(`workload ${name} missing`);
  const path = resolveWorkloadPath(w.artifact);
  return { bytes: readArtifact(w), argv: [path, ...(w.args ?? [])], path };
}

describe("self-modifying code", () => {
  const exe = buildAsm("smc.asm");
  const native = runNative(exe);

  it.each([0, 1, 16])("matches the host CPU with hot threshold %i", (hotThreshold) => {
    const r = runLinux(readBytes(exe), [exe], { hotThreshold });
    expect(r.stdout).toBe(native.stdout);
    expect(r.status).toBe(native.status);
    expect(r.counters["tc.invalidations.smc"]).toBeGreaterThan(0);
  });

  it("matches the host CPU with regions compiled after one execution", () => {
    const r = runLinux(readBytes(exe), [exe], { hotThreshold: 1, regionBlocks: 8 });
    expect(r.stdout).toBe(native.stdout);
    expect(r.status).toBe(native.status);
    expect(r.counters["tc.invalidations.smc"]).toBeGreaterThan(0);
  });

  it("invalidates only the blocks whose bytes were written (data on the code page does not)", () => {
    const r = runLinux(readBytes(exe), [exe], { hotThreshold: 0 });
    // 5000 passes rewrite the loop's own block; the other writes hit one block each. Stores to
    // `result` (same page, not code) invalidate nothing.
    expect(r.counters["tc.invalidations.smc"]).toBeLessThan(5000 + 10);
    expect(r.counters["tc.invalidations.smc"]).toBeGreaterThanOrEqual(5000 - 5000 / 8);
  });
});

describe("compiled translations shared across engines", () => {
  it("a second process of the same program reuses the compiled code and runs identically", () => {
    clearFactoryCache();
    const { bytes, argv } = workload("sort");
    const first = linuxProcess(bytes, argv, { hotThreshold: 2 });
    first.proc.run();
    const second = linuxProcess(bytes, argv, { hotThreshold: 2 });
    second.proc.run();
    const c1 = first.dbt()!.counters();
    const c2 = second.dbt()!.counters();
    expect(c1["tc.code_reused"]).toBe(0);
    expect(c2["tc.blocks_compiled"]).toBe(c1["tc.blocks_compiled"]);
    expect(c2["tc.code_reused"]).toBe(c2["tc.blocks_compiled"]);
    expect(second.out()).toBe(first.out());
    expect(isaCounters(second.proc.counters())).toEqual(isaCounters(first.proc.counters()));
    // The reference: the interpreter's output and counters.
    const reference = runLinux(bytes, argv);
    expect(second.out()).toBe(reference.stdout);
    expect(isaCounters(second.proc.counters())).toEqual(isaCounters(reference.counters));
  });
});

describe("budget exactness", () => {
  it("run(N) in odd slices leaves the interpreter's exact state after every slice", () => {
    const { bytes, argv } = workload("sort");
    const a = linuxProcess(bytes, argv);
    const b = linuxProcess(bytes, argv, { hotThreshold: 2 });
    const slice = 9973;
    for (let n = 0; n < 300 && !a.proc.exited; n++) {
      a.proc.run(slice);
      b.proc.run(slice);
      expect(b.proc.cpu.retired).toBe(a.proc.cpu.retired);
      expect(archState(b.proc.cpu)).toEqual(archState(a.proc.cpu));
    }
    expect(b.dbt()!.counters()["tc.insn_from_cache"]).toBeGreaterThan(0);
  });

  it.each([false, true])("branches inside blocks (if/else, followed jumps; inner loops: %s): exact state after every slice of all of sort", (innerLoops) => {
    // Larger slices reach quicksort's partition loops (loops whose head is mid-block) and the
    // checksum loop; every slice boundary falls at a different point of their passes.
    const { bytes, argv } = workload("sort");
    const a = linuxProcess(bytes, argv);
    const b = linuxProcess(bytes, argv, { hotThreshold: 2, innerLoops });
    const slice = 99991;
    while (!a.proc.exited) {
      a.proc.run(slice);
      b.proc.run(slice);
      expect(b.proc.cpu.retired).toBe(a.proc.cpu.retired);
      expect(archState(b.proc.cpu)).toEqual(archState(a.proc.cpu));
    }
    expect(b.proc.exited).toBe(true);
    expect(isaCounters(b.proc.counters())).toEqual(isaCounters(a.proc.counters()));
    // The structures were really used: forward spans always, loops only when asked for.
    const spans = [...b.dbt()!.cache.blocks()].flatMap((x) => [...x.skipTo].map((t, j) => (t === 0 ? 0 : t > j ? 1 : -1)));
    expect(spans.filter((k) => k === 1).length).toBeGreaterThan(0);
    expect(spans.some((k) => k === -1)).toBe(innerLoops);
  });

  it("multi-block regions: same state as the interpreter after every slice", () => {
    const { bytes, argv } = workload("crc32");
    const a = linuxProcess(bytes, argv);
    const b = linuxProcess(bytes, argv, { hotThreshold: 2, regionBlocks: 8 });
    const slice = 7919;
    for (let n = 0; n < 300 && !a.proc.exited; n++) {
      a.proc.run(slice);
      b.proc.run(slice);
      expect(b.proc.cpu.retired).toBe(a.proc.cpu.retired);
      expect(archState(b.proc.cpu)).toEqual(archState(a.proc.cpu));
    }
    const c = b.dbt()!.counters();
    expect(c["tc.region_members"]).toBeGreaterThan(c["tc.blocks_compiled"]!);
  });

  it("run(1) steps exactly one instruction on a fully translated process", () => {
    const { bytes, argv } = workload("sieve");
    const a = linuxProcess(bytes, argv);
    const b = linuxProcess(bytes, argv, { hotThreshold: 0 });
    a.proc.run(200_000);
    b.proc.run(200_000);
    for (let n = 0; n < 2000; n++) {
      a.proc.run(1);
      b.proc.run(1);
      expect(b.proc.cpu.retired).toBe(a.proc.cpu.retired);
      expect(b.proc.cpu.s[8]).toBe(a.proc.cpu.s[8]);
    }
    expect(archState(b.proc.cpu)).toEqual(archState(a.proc.cpu));
  });
});

describe("engine switching", () => {
  it("interpreter for N instructions, then the translator on the same Cpu: same output and counters", () => {
    const { bytes, argv } = workload("crc32");
    const reference = runLinux(bytes, argv);
    const p = linuxProcess(bytes, argv, {});
    p.proc.machine.engine.run(1_234_567);
    p.proc.run();
    expect(p.out()).toBe(reference.stdout);
    expect(p.proc.status().status).toBe(reference.status);
    expect(isaCounters(p.proc.counters())).toEqual(isaCounters(reference.counters));
  });

  it("translator for N instructions, then the interpreter: same output and retired count", () => {
    const { bytes, argv } = workload("sieve");
    const reference = runLinux(bytes, argv);
    const p = linuxProcess(bytes, argv, { hotThreshold: 0 });
    p.proc.run(777_777);
    const interp = p.proc.machine.engine;
    while (!p.proc.exited && interp.run(1 << 20) === "budget");
    expect(p.out()).toBe(reference.stdout);
    expect(p.proc.status().status).toBe(reference.status);
    expect(p.proc.cpu.retired).toBe(reference.counters["insn.retired"]);
  });
});

describe("translation cache bound", () => {
  it("evicts the oldest blocks at the bound and still runs correctly", () => {
    const { bytes, argv, path } = workload("sort");
    const native = runNative(path, argv.slice(1));
    const r = runLinux(bytes, argv, { hotThreshold: 4, maxBlocks: 16 });
    expect(r.stdout).toBe(native.stdout);
    expect(r.counters["tc.invalidations.evict"]).toBeGreaterThan(0);
    expect(r.counters["tc.blocks_live"]).toBeLessThanOrEqual(16);
  });

  it("rejects a bound that is not a positive integer", () => {
    const { bytes, argv } = workload("hello");
    expect(() => linuxProcess(bytes, argv, { maxBlocks: 0 })).toThrow(/maxBlocks/);
  });

  it("rejects thresholds and region sizes out of range", () => {
    const { bytes, argv } = workload("hello");
    expect(() => linuxProcess(bytes, argv, { hotThreshold: Number.NaN })).toThrow(/hotThreshold must be a non-negative integer, got NaN/);
    expect(() => linuxProcess(bytes, argv, { regionBlocks: 0 })).toThrow(/regionBlocks must be an integer from 1 to 12, got 0/);
    expect(() => linuxProcess(bytes, argv, { regionBlocks: 1.5 })).toThrow(/regionBlocks/);
  });
});

describe("flag-setting instruction fused with the next Jcc", () => {
  const exe = buildAsm("jcc.asm");
  const native = runNative(exe);

  it.each([0, 16])("every condition after CMP/SUB/TEST/AND/OR/XOR (and INC/DEC after them) matches the host CPU (threshold %i)", (hotThreshold) => {
    expect(native.stdout.length).toBe(48);
    const r = runLinux(readBytes(exe), [exe], { hotThreshold });
    expect(Buffer.from(r.stdout, "latin1").toString("hex")).toBe(Buffer.from(native.stdout, "latin1").toString("hex"));
    expect(r.counters["tc.insn_from_cache"]).toBeGreaterThan(r.counters["insn.retired"]! / 2);
  });
});

describe("breakpoints", () => {
  it("stop at the same instruction and retired count as the interpreter, also inside hot loops", () => {
    const { bytes, argv } = workload("sieve");
    const a = linuxProcess(bytes, argv);
    const b = linuxProcess(bytes, argv, { hotThreshold: 0 });
    a.proc.run(300_000);
    b.proc.run(300_000);
    // The hot inner loop of sieve is at the current EIP's block by now; break at its start.
    const at = a.proc.cpu.s[8]!;
    a.proc.machine.engine.addBreakpoint(at);
    b.proc.engine.addBreakpoint(at);
    for (let hit = 0; hit < 5; hit++) {
      expect(b.proc.engine.run(1_000_000)).toBe(a.proc.machine.engine.run(1_000_000));
      expect(b.proc.cpu.retired).toBe(a.proc.cpu.retired);
      expect(archState(b.proc.cpu)).toEqual(archState(a.proc.cpu));
    }
    expect(b.proc.cpu.s[8]).toBe(at);
  });
});

describe("counters read mid-run", () => {
  const exe = buildAsm("rdtsc.asm");

  it.each([
    [0, 1],
    [2, 8],
    [16, 1],
  ])("RDTSC in hot loops reads the interpreter's values (threshold %i, regions of %i)", (hotThreshold, regionBlocks) => {
    const interp = runLinux(readBytes(exe), [exe]);
    expect(interp.stdout.length).toBe(8);
    const r = runLinux(readBytes(exe), [exe], { hotThreshold, regionBlocks });
    expect(Buffer.from(r.stdout, "latin1").toString("hex")).toBe(Buffer.from(interp.stdout, "latin1").toString("hex"));
    expect(r.counters["insn.retired"]).toBe(interp.counters["insn.retired"]);
    expect(r.counters["tc.insn_from_cache"]).toBeGreaterThan(r.counters["insn.retired"]! / 2);
  });
});

