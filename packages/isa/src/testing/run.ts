/**
 * The differential run: generate cases per entry, run them on the reference (the host CPU) and on
 * the engine under test, compare. Works in chunks of entries so memory stays flat for any count.
 */
import type { BatchEngine, CaseEngine, CaseResult, ConformanceCase } from "./case";
import { compareResults, type Difference } from "./compare";
import { selectEntries } from "./generate/entries";
import { generateCases } from "./generate/generator";
import type { OpDef } from "../table/types";

export interface CaseFailure {
  readonly case: ConformanceCase;
  readonly expected: CaseResult;
  /** Absent when the engine threw. */
  readonly actual?: CaseResult;
  /** The engine's exception, when it threw (a host error, never acceptable). */
  readonly error?: string;
  readonly diffs: readonly Difference[];
}

export interface EntryReport {
  readonly key: string;
  readonly cases: number;
  readonly failed: number;
  /** The first failures (up to `keepFailures` per entry). */
  readonly failures: CaseFailure[];
}

export interface ConformanceReport {
  readonly engine: string;
  readonly reference: string;
  readonly seed: number;
  readonly casesPerEntry: number;
  readonly passed: number;
  readonly failed: number;
  readonly entries: EntryReport[];
  readonly excluded: readonly { key: string; reason: string }[];
}

export interface RunOptions {
  readonly table: readonly OpDef[];
  readonly seed: number;
  readonly casesPerEntry: number;
  /** Mnemonic, or a regular expression over entry keys. */
  readonly filter?: string;
  /** Explicit entry keys to run (after the filter), e.g. the interpreter's implemented set. */
  readonly only?: (key: string, def: OpDef) => boolean;
  readonly reference: BatchEngine;
  readonly engine: CaseEngine | BatchEngine;
  /** Failures kept per entry for the report (default 3). */
  readonly keepFailures?: number;
  /** Called after each entry. */
  readonly onEntry?: (entry: EntryReport) => void;
}

function isBatch(e: CaseEngine | BatchEngine): e is BatchEngine {
  return typeof (e as BatchEngine).runBatch === "function";
}

export function runConformance(o: RunOptions): ConformanceReport {
  const selection = selectEntries(o.table, o.filter);
  const entries = o.only ? selection.run.filter((e) => o.only?.(e.key, e.def)) : selection.run;
  const keep = o.keepFailures ?? 3;
  const reports: EntryReport[] = [];
  let passed = 0;
  let failed = 0;
  // ~4000 cases per reference process
  const perChunk = Math.max(1, Math.floor(4000 / Math.max(1, o.casesPerEntry)));
  for (let i = 0; i < entries.length; i += perChunk) {
    const chunk = entries.slice(i, i + perChunk);
    const cases = chunk.map((e) => generateCases(e, o.seed, o.casesPerEntry));
    const flat = cases.flat();
    const expected = o.reference.runBatch(flat);
    let actual: (CaseResult | Error)[];
    if (isBatch(o.engine)) {
      const engine = o.engine;
      try {
        actual = engine.runBatch(flat);
      } catch (e) {
        actual = flat.map(() => (e instanceof Error ? e : new Error(String(e))));
      }
    } else {
      const engine = o.engine;
      actual = flat.map((c) => {
        try {
          return engine.run(c);
        } catch (e) {
          return e instanceof Error ? e : new Error(String(e));
        }
      });
    }
    let k = 0;
    chunk.forEach((entry, j) => {
      const failures: CaseFailure[] = [];
      let entryFailed = 0;
      for (const c of cases[j] ?? []) {
        const exp = expected[k] as CaseResult;
        const act = actual[k] as CaseResult | Error;
        k++;
        let f: CaseFailure | undefined;
        if (act instanceof Error) {
          f = { case: c, expected: exp, error: act.stack ?? act.message, diffs: [] };
        } else {
          const diffs = compareResults(c, exp, act);
          if (diffs.length) f = { case: c, expected: exp, actual: act, diffs };
        }
        if (f) {
          entryFailed++;
          if (failures.length < keep) failures.push(f);
        }
      }
      const report: EntryReport = { key: entry.key, cases: cases[j]?.length ?? 0, failed: entryFailed, failures };
      passed += report.cases - entryFailed;
      failed += entryFailed;
      reports.push(report);
      o.onEntry?.(report);
    });
  }
  return {
    engine: o.engine.name,
    reference: o.reference.name,
    seed: o.seed,
    casesPerEntry: o.casesPerEntry,
    passed,
    failed,
    entries: reports,
    excluded: selection.excluded,
  };
}
