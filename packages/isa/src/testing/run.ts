/**
 * The differential run: generate cases per entry, run them on the reference (the host CPU) and on
 * the engine under test, compare. Works in chunks of entries so memory stays flat for any count.
 * Entries whose CPUID feature the engine does not advertise are checked as a CPU without the
 * feature must behave (./unadvertised.ts): #UD on the engine alone, or the host running the
 * encoding they alias.
 */
import type { BatchEngine, CaseEngine, CaseResult, ConformanceCase } from "./case";
import { compareResults, type Difference } from "./compare";
import type { CpuidFunction } from "./features";
import { aliasCase, type CheckPlan, checkPlan, fromAliasResult, undefinedOpcodeResult } from "./unadvertised";
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
  /** What `expected` is, when not the host running the case ("no CPUID feature: #UD", an alias). */
  readonly reference?: string;
}

export interface EntryReport {
  readonly key: string;
  /**
   * How the entry was checked: "host" compared with the host CPU; "ud" the engine's CPUID lacks
   * the feature, #UD with nothing changed checked on the engine alone; "alias" the feature is
   * missing and the encoding is defined as an older one, compared with the host running that.
   */
  readonly check: CheckPlan["kind"];
  /** The missing CPUID feature ("ud" and "alias"). */
  readonly feature?: string;
  /** The alias rule ("alias"). */
  readonly rule?: string;
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
  /** Cases checked (compared or #UD-checked) that matched, and that did not. */
  readonly passed: number;
  readonly failed: number;
  /** Of all cases: #UD-checked on the engine alone, and compared with an alias encoding on the host. */
  readonly udChecked: number;
  readonly aliasChecked: number;
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
  /** The engine's CPUID (which features it advertises); default the package's processor. */
  readonly cpuid?: CpuidFunction;
  /** Called after each entry. */
  readonly onEntry?: (entry: EntryReport) => void;
}

function isBatch(e: CaseEngine | BatchEngine): e is BatchEngine {
  return typeof (e as BatchEngine).runBatch === "function";
}

export function runConformance(o: RunOptions): ConformanceReport {
  const selection = selectEntries(o.table, o.filter, o.cpuid);
  const entries = o.only ? selection.run.filter((e) => o.only?.(e.key, e.def)) : selection.run;
  const keep = o.keepFailures ?? 3;
  const reports: EntryReport[] = [];
  let passed = 0;
  let failed = 0;
  let udChecked = 0;
  let aliasChecked = 0;
  // ~4000 cases per reference process
  const perChunk = Math.max(1, Math.floor(4000 / Math.max(1, o.casesPerEntry)));
  for (let i = 0; i < entries.length; i += perChunk) {
    const chunk = entries.slice(i, i + perChunk);
    const cases = chunk.map((e) => generateCases(e, o.seed, o.casesPerEntry));
    const plans = chunk.map((e) => checkPlan(e.def, o.cpuid));
    const flat = cases.flat();
    const expected = referenceResults(o.reference, cases, plans);
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
      const plan = plans[j] ?? { kind: "host" };
      for (const generated of cases[j] ?? []) {
        // A #UD check leaves nothing undefined: every field must be as it was.
        const c = plan.kind === "ud" ? { ...generated, mask: { eflags: 0, notes: [`${plan.feature.name} not in CPUID: #UD, state unchanged`] } } : generated;
        const exp = expected[k] as CaseResult;
        const act = actual[k] as CaseResult | Error;
        k++;
        let f: CaseFailure | undefined;
        const reference = plan.kind === "ud" ? "#UD, unchanged" : plan.kind === "alias" ? "host cpu (alias)" : undefined;
        const ref = reference ? { reference } : {};
        if (act instanceof Error) {
          f = { case: c, expected: exp, error: act.stack ?? act.message, diffs: [], ...ref };
        } else {
          const diffs = compareResults(c, exp, act);
          if (diffs.length) f = { case: c, expected: exp, actual: act, diffs, ...ref };
        }
        if (f) {
          entryFailed++;
          if (failures.length < keep) failures.push(f);
        }
      }
      const report: EntryReport = {
        key: entry.key,
        check: plan.kind,
        ...(plan.kind !== "host" ? { feature: plan.feature.name } : {}),
        ...(plan.kind === "alias" ? { rule: plan.rule } : {}),
        cases: cases[j]?.length ?? 0,
        failed: entryFailed,
        failures,
      };
      if (plan.kind === "ud") udChecked += report.cases;
      if (plan.kind === "alias") aliasChecked += report.cases;
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
    udChecked,
    aliasChecked,
    entries: reports,
    excluded: selection.excluded,
  };
}

/**
 * Expected results of a chunk, in case order: the host for "host" entries, the host running the
 * rewritten encoding for "alias" entries, the case's own initial state with #UD for "ud" entries
 * (the host is not asked: it has the feature).
 */
function referenceResults(reference: BatchEngine, cases: readonly ConformanceCase[][], plans: readonly CheckPlan[]): CaseResult[] {
  const toHost: ConformanceCase[] = [];
  cases.forEach((cs, j) => {
    const plan = plans[j];
    if (plan?.kind === "host") toHost.push(...cs);
    else if (plan?.kind === "alias") toHost.push(...cs.map((c) => aliasCase(c, plan)));
  });
  const host = toHost.length ? reference.runBatch(toHost) : [];
  const out: CaseResult[] = [];
  let h = 0;
  cases.forEach((cs, j) => {
    const plan = plans[j];
    for (const c of cs) {
      if (plan?.kind === "ud") {
        out.push(undefinedOpcodeResult(c));
        continue;
      }
      const r = host[h] as CaseResult;
      const sent = toHost[h] as ConformanceCase;
      h++;
      out.push(plan?.kind === "alias" ? fromAliasResult(c, sent, r) : r);
    }
  });
  return out;
}
