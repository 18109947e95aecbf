/** The strata CLI end to end (built bin), its output formats and its one-line errors. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findWorkload } from "@strata/workloads";

const bin = join(import.meta.dirname, "../bin/strata.mjs");
const strata = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: "utf8" });

describe("strata CLI", () => {
  it("lists workloads and levels", () => {
    const r = strata("list");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^ {2}sieve +linux-i386/m);
    expect(r.stdout).toMatch(/^ {2}isa +linux-i386/m);
  });

  it("runs a workload and prints its output, then the counter table", () => {
    const r = strata("run", "hello", "--level", "isa");
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith(findWorkload("hello")!.expected.stdout)).toBe(true);
    expect(r.stdout).toMatch(/^insn\.retired +\d+$/m);
  });

  it("prints JSON and CSV reports", () => {
    const json = JSON.parse(strata("run", "hello", "--level", "isa", "--json").stdout) as { exit: unknown; counters: Record<string, number> };
    expect(json.exit).toEqual({ kind: "exit", code: 0 });
    const csv = strata("compare", "hello", "--levels", "isa", "--csv").stdout.trim().split("\n");
    expect(csv[0]).toBe("counter,level,value,per_1k,ratio_to_baseline");
    expect(csv).toContain(`insn.retired,isa,${json.counters["insn.retired"]},1000,1`);
  });

  it("prints an aligned comparison table", () => {
    const r = strata("compare", "hello", "--levels", "isa");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^hello: isa: exit 0; output identical across levels$/m);
    expect(r.stdout).toMatch(/^insn\.retired +\d+ +1000 +1$/m);
  });

  it("says one line and exits 2 for unknown workloads, levels, kinds and bad files", () => {
    const bad = join(mkdtempSync(join(tmpdir(), "strata-")), "junk.bin");
    writeFileSync(bad, "not a program");
    for (const [args, msg] of [
      [["run", "nosuch", "--level", "isa"], /unknown workload or unreadable file 'nosuch'/],
      [["run", "hello", "--level", "nosuch"], /unknown level 'nosuch'/],
      [["run", "HelloWorld", "--level", "isa"], /level 'isa' cannot run jvm workloads/],
      [["run", bad, "--level", "isa"], /junk.bin: not an ELF32, PE, class or JAR file/],
    ] as const) {
      const r = strata(...args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(msg);
    }
  });
});
