/**
 * The quick seeded conformance subset in `pnpm test`: every opcode-table entry the harness runs,
 * 20 cases each at seed 1, on the interpreter against the host CPU. The full run is
 * `pnpm --filter @strata/isa conformance -- --seed S --cases N`.
 *
 * Known gaps of the interpreter are listed below, WINE-style: each is a narrow predicate over a
 * failing case, printed with its count. A failure that no gap explains fails the test. When a gap
 * is fixed its count drops to 0 and the test says so; delete the entry then.
 */
import { describe, expect, it } from "vitest";
import { OPCODES } from "../src/table/index";
import { type CaseFailure, formatFailure, nativeEngine, runConformance } from "../src/testing/index";
import { interpreterEngine } from "../src/testing/engines/interpreter";
import { disassembler } from "../src/testing/cli";

const SEED = 1;
const CASES = 20;

function prefixes(code: Uint8Array): number[] {
  const p: number[] = [];
  for (const b of code) {
    if (![0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3].includes(b)) break;
    p.push(b);
  }
  return p;
}


interface Gap {
  readonly gap: string;
  readonly match: (f: CaseFailure) => boolean;
}

const entry = (re: RegExp) => (f: CaseFailure): boolean => re.test(f.case.entry);

/** Observed at seed 1 on 2026-11-22 (interpreter a9b1980) against an AMD EPYC host (Linux, under a hypervisor). */
const KNOWN_GAPS: readonly Gap[] = [

  {
    gap: "a write through a CS override does not raise #GP(0) (code segments are not writable)",
    match: (f) => prefixes(f.case.code).includes(0x2e) && f.expected.vector === 13 && f.expected.errorCode === 0 && f.actual?.vector !== 13,
  },


  {
    gap: "ENTER: no #PF probe of the final stack pointer (SDM ENTER, Protected Mode Exceptions), 16-bit ENTER frames",
    match: entry(/^C8 enter/),
  },

  { gap: "POPCNT raises #UD (the host has POPCNT)", match: entry(/^F3 0F B8 popcnt/) },
  { gap: "TZCNT/LZCNT execute as BSF/BSR (the host has BMI1/LZCNT)", match: entry(/^F3 0F B[CD] /) },
  { gap: "SYSEXIT at CPL 3 raises #UD; the host raises #GP(0)", match: entry(/^0F 35 sysexit/) },
  { gap: "XSETBV at CPL 3 raises #UD; the host (XSAVE enabled) raises #GP(0)", match: entry(/xsetbv/) },


  { gap: "FISTTP (SSE3) raises #UD (not in the interpreter's CPUID; the host has SSE3)", match: (f) => /fisttp/.test(f.case.entry) && f.actual?.vector === 6 },
  {
    gap: "MMX/SSE instructions raise #UD (the interpreter's CPUID has neither; the host has both)",
    match: (f) => f.case.fxsave !== undefined && f.actual?.vector === 6 && f.expected.vector !== 6,
  },
];

describe(`conformance quick set: interpreter vs host CPU (seed ${SEED}, ${CASES} cases per entry)`, () => {
  it("every failure is a listed known gap", () => {
    const report = runConformance({
      table: OPCODES,
      seed: SEED,
      casesPerEntry: CASES,
      reference: nativeEngine(),
      engine: interpreterEngine(),
      keepFailures: CASES,
    });
    const counts = new Map<string, number>(KNOWN_GAPS.map((g) => [g.gap, 0]));
    const unexplained: string[] = [];
    const failingEntries = new Map<string, number>();
    for (const e of report.entries) {
      if (e.failed) failingEntries.set(e.key, e.failed);
      for (const f of e.failures) {
        const g = KNOWN_GAPS.find((x) => x.match(f));
        if (g) counts.set(g.gap, (counts.get(g.gap) ?? 0) + 1);
        else unexplained.push(formatFailure(f, disassembler));
      }
    }
    const lines = [
      `${report.entries.length} entries run, ${report.excluded.length} excluded; ${report.passed} passed, ${report.failed} failed`,
      "known gaps:",
      ...[...counts].map(([g, n]) => `  ${String(n).padStart(5)}  ${g}${n === 0 ? "   <- no longer seen: remove it" : ""}`),
      `entries with failures (${failingEntries.size}): ${[...failingEntries].map(([k, n]) => `${k} (${n})`).join("; ")}`,
    ];
    console.log(lines.join("\n"));
    expect(report.entries.length).toBeGreaterThan(300);
    expect(unexplained.slice(0, 40)).toEqual([]);
  });
});
