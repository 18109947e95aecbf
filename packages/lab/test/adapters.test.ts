/**
 * The adapters against the references the catalogue recorded: linux-i386 programs' native
 * output (on the isa interpreter through linux-user) and `java`'s output (on jvm-lite).
 */
import { describe, expect, it } from "vitest";
import { findWorkload, workloadsOfKind } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { compare, workloadInput } from "../src/index";
import { nodeRegistry } from "../src/node";

const registry = nodeRegistry();

for (const id of ["isa", "dbt"]) describe(`${id} level (linux-user)`, () => {
  for (const w of workloadsOfKind("linux-i386")) {
    it(`${w.name}: prints what the native run printed`, async () => {
      const r = await registry.get(id).run(workloadInput(w, readArtifact(w)));
      expect({ output: r.output, exit: r.exit }).toEqual({ output: w.expected.stdout, exit: { kind: "exit", code: w.expected.exitCode } });
      expect(r.counters["insn.retired"]).toBeGreaterThan(0);
    });
  }

  it("stops at the budget, reports it, and the count is exact", async () => {
    const w = findWorkload("sieve")!;
    const r = await registry.get(id).run(workloadInput(w, readArtifact(w)), { budget: 100_000 });
    expect(r.exit).toEqual({ kind: "budget" });
    expect(r.counters["insn.retired"]).toBe(100_000);
  });

  it("is cancelled by its AbortSignal between slices", async () => {
    const w = findWorkload("sieve")!;
    const ac = new AbortController();
    const r = await registry.get(id).run(workloadInput(w, readArtifact(w)), {
      signal: ac.signal,
      progressEvery: 50_000,
      onProgress: () => ac.abort(),
    });
    expect(r.exit).toEqual({ kind: "cancelled" });
    expect(r.counters["insn.retired"]).toBe(50_000);
  });

  it("is deterministic: two runs give the same counters", async () => {
    const w = findWorkload("crc32")!;
    const a = await registry.get(id).run(workloadInput(w, readArtifact(w)));
    const b = await registry.get(id).run(workloadInput(w, readArtifact(w)));
    expect(a.counters).toEqual(b.counters);
  });
});

describe("isa and dbt", () => {
  it("print the same and retire the same instructions, by class", async () => {
    const w = findWorkload("sort")!;
    const c = await compare(registry, workloadInput(w, readArtifact(w)), ["isa", "dbt"]);
    expect(c.sameOutput).toBe(true);
    const [isa, dbt] = c.columns.map((col) => col.report.counters);
    for (const k of Object.keys(isa!).filter((k) => k.startsWith("insn."))) expect(dbt![k], k).toBe(isa![k]);
  });
});

describe("jvm-lite level", () => {
  for (const name of ["HelloWorld", "Records", "UncaughtException", "SystemExit"]) {
    it(`${name}: prints what java printed`, async () => {
      const w = findWorkload(name);
      expect(w, `${name} is in the catalogue`).toBeDefined();
      const r = await registry.get("jvm-lite").run(workloadInput(w!, readArtifact(w!)));
      expect({ output: r.output, stderr: r.stderr, exit: r.exit }).toEqual({
        output: w!.expected.stdout,
        stderr: w!.expected.stderr ?? "",
        exit: { kind: "exit", code: w!.expected.exitCode },
      });
    });
  }

  it("runs in slices: a budget ends the run as budget, with the bytecodes counted", async () => {
    const w = findWorkload("NBody")!;
    const progress: number[] = [];
    const r = await registry.get("jvm-lite").run(workloadInput(w, readArtifact(w)), {
      budget: 300_000,
      progressEvery: 100_000,
      onProgress: (p) => progress.push(p.executed),
    });
    expect(r.exit).toEqual({ kind: "budget" });
    const n = r.counters["jvm.bytecodes"]!;
    // A slice may end a compiled block past its budget, never a whole slice past it.
    expect(n).toBeGreaterThanOrEqual(300_000);
    expect(n).toBeLessThan(300_000 + 100_000);
    expect(progress.length).toBeGreaterThanOrEqual(3);
    expect(progress.at(-1)).toBe(n);
  });

  it("is cancelled by its AbortSignal mid-run and returns what was measured, output so far included", async () => {
    const w = findWorkload("NBody")!;
    const ac = new AbortController();
    const seen: { executed: number; counters?: Readonly<Record<string, number>> }[] = [];
    const r = await registry.get("jvm-lite").run(workloadInput(w, readArtifact(w)), {
      signal: ac.signal,
      progressEvery: 200_000,
      onProgress: (p) => {
        seen.push(p);
        if (seen.length === 3) ac.abort();
      },
    });
    expect(r.exit).toEqual({ kind: "cancelled" });
    const n = r.counters["jvm.bytecodes"]!;
    expect(n).toBe(seen[2]!.executed);
    expect(seen[2]!.counters?.["jvm.bytecodes"]).toBe(n);
    expect(n).toBeGreaterThanOrEqual(600_000);
    // NBody prints its initial energy first, then simulates: the first line is java's first line.
    expect(r.output).toBe(w.expected.stdout.split("\n")[0] + "\n");
  });

  it("a run in slices prints what one long slice prints, with the same bytecode count", async () => {
    const w = findWorkload("Records")!;
    const small = await registry.get("jvm-lite").run(workloadInput(w, readArtifact(w)), { progressEvery: 1_000 });
    const big = await registry.get("jvm-lite").run(workloadInput(w, readArtifact(w)));
    expect(small.output).toBe(w.expected.stdout);
    expect(small.counters["jvm.bytecodes"]).toBe(big.counters["jvm.bytecodes"]);
  });
});

describe("compare", () => {
  it("refuses a level that cannot run the workload's kind, naming both", async () => {
    const w = findWorkload("hello")!;
    await expect(compare(registry, workloadInput(w, readArtifact(w)), ["isa", "jvm-lite"])).rejects.toThrow(
      /level 'jvm-lite' cannot run linux-i386 workloads/,
    );
  });
});
