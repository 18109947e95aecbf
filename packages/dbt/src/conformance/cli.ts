/**
 * `pnpm --filter @strata/dbt conformance -- [--threshold T] [isa's conformance options]`: isa's
 * differential run against the host CPU (@strata/isa/testing) with the translator as the engine
 * under test (`--engine interp` runs the interpreter for comparison). Ends with exactly
 * `N passed, M failed`, like isa's own conformance command.
 */
import { conformanceMain as isaConformanceMain, ISA_ENGINES } from "@strata/isa/testing";
import { dbtCaseEngine } from "./case-engine";

/** Runs the command; returns the exit status (0 all passed, 1 failures, 2 usage error). */
export function conformanceMain(argv: readonly string[], out: (line: string) => void = (l) => console.log(l)): number {
  // --threshold T: executions before translation (default 0: every case runs translated code).
  const rest = [...argv];
  let hotThreshold = 0;
  const at = rest.indexOf("--threshold");
  if (at >= 0) {
    const v = rest[at + 1];
    if (v === undefined || !/^\d+$/.test(v)) {
      out(`--threshold needs a non-negative integer, got ${v ?? "nothing"}`);
      return 2;
    }
    hotThreshold = Number(v);
    rest.splice(at, 2);
  }
  return isaConformanceMain(rest, out, {
    dbt: { description: "the dbt translator (--threshold T: executions before translation, default 0)", create: () => dbtCaseEngine({ hotThreshold }) },
    interp: ISA_ENGINES.interp!,
  });
}
