import { describe, expect, it } from "vitest";
import { compareReports, comparisonCsv, comparisonTable, type RunReport } from "../src/index";

const report = (level: string, counters: Record<string, number>, output = "hi\n", hostMs = 10): RunReport => ({
  level,
  workload: "w",
  output,
  stderr: "",
  exit: { kind: "exit", code: 0 },
  counters,
  hostMs,
});

describe("compareReports", () => {
  it("normalizes every counter per 1,000 units of each level's own work counter", () => {
    const c = compareReports(
      [report("isa", { "insn.retired": 2000, "exc.pf": 4 }), report("dbt", { "insn.retired": 2000, "tc.blocks_compiled": 10 }, "hi\n", 5)],
      ["insn.retired", "insn.retired"],
    );
    const pf = c.rows.find((r) => r.name === "exc.pf");
    expect(pf?.per1k).toEqual([2, undefined]);
    const host = c.rows.find((r) => r.name === "host.ms");
    expect(host?.ratio).toEqual([1, 0.5]);
    expect(c.sameOutput).toBe(true);
  });

  it("notices different output or exits", () => {
    const c = compareReports([report("a", {}), report("b", {}, "ho\n")], ["x", "x"]);
    expect(c.sameOutput).toBe(false);
    expect(comparisonTable(c)).toContain("DIFFERS");
  });

  it("rejects a baseline that was not run", () => {
    expect(() => compareReports([report("a", {})], ["x"], "zzz")).toThrow(/baseline level 'zzz'/);
  });

  it("quotes CSV cells that need it", () => {
    const c = compareReports([report("a", { "q,\"x": 1 })], ["q,\"x"]);
    expect(comparisonCsv(c).split("\n")).toContain('"q,""x",a,1,1000,1');
  });
});
