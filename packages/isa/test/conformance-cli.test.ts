/**
 * The conformance CLI (src/testing/cli.ts, run by scripts/conformance.ts): option errors are one
 * line naming the flag, and a run ends with exactly `N passed, M failed`, where the counts are
 * cases compared with the host CPU.
 */
import { describe, expect, it } from "vitest";
import { main, parseArgs, UsageError } from "../src/testing/cli";

function run(args: string[]): { status: number; lines: string[] } {
  const lines: string[] = [];
  const status = main(args, (l) => lines.push(...l.split("\n")));
  return { status, lines };
}

describe("conformance CLI", () => {
  it("parses the documented options", () => {
    expect(parseArgs(["--", "--seed", "7", "--cases", "3", "--filter", "^F8", "--engine", "qemu", "--verbose"])).toMatchObject({
      seed: 7, cases: 3, filter: "^F8", engine: "qemu", verbose: true,
    });
  });

  it("rejects bad options with a typed error naming the flag", () => {
    expect(() => parseArgs(["--cases", "x"])).toThrow(UsageError);
    expect(() => parseArgs(["--cases", "x"])).toThrow(/--cases/);
    expect(() => parseArgs(["--engine", "bochs"])).toThrow(/--engine/);
    expect(() => parseArgs(["--filter", "("])).toThrow(/--filter/);
    expect(() => parseArgs(["--frobnicate"])).toThrow(/unknown option --frobnicate/);
    expect(run(["--cases"]).status).toBe(2);
  });

  it("ends a run with exactly `N passed, M failed`, counting cases", () => {
    const { status, lines } = run(["--seed", "3", "--cases", "7", "--filter", "^(F8 clc|F9 stc|F5 cmc)$"]);
    const last = lines[lines.length - 1] ?? "";
    expect(last).toMatch(/^\d+ passed, \d+ failed$/);
    const [, passed, failed] = /^(\d+) passed, (\d+) failed$/.exec(last) ?? [];
    expect(Number(passed) + Number(failed)).toBe(21);
    expect(status).toBe(Number(failed) === 0 ? 0 : 1);
  });

  it("lists the selected entries with --list", () => {
    const { status, lines } = run(["--list", "--filter", "cpuid|^F8 clc$"]);
    expect(status).toBe(0);
    expect(lines).toContain("F8 clc");
    expect(lines.some((l) => l.startsWith("0F A2 cpuid  (excluded:"))).toBe(true);
  });
});
