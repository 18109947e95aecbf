/**
 * Comparison of runs of one workload at several levels: every counter normalized per 1,000 units
 * of guest work (instructions, or bytecodes), host time, and the ratio of each to a baseline.
 */
import type { RunReport } from "./level";

export interface CompareColumn {
  readonly level: string;
  readonly report: RunReport;
  /** Guest work units of this run (the level's work counter). */
  readonly work: number;
}

export interface CompareRow {
  /** Counter name, or `host.ms` for host time. */
  readonly name: string;
  /** Raw values per column (undefined where a level does not report the counter). */
  readonly raw: readonly (number | undefined)[];
  /** Per 1,000 units of guest work. */
  readonly per1k: readonly (number | undefined)[];
  /** raw / baseline raw. */
  readonly ratio: readonly (number | undefined)[];
}

export interface Comparison {
  readonly workload: string;
  readonly baseline: string;
  readonly columns: readonly CompareColumn[];
  readonly rows: readonly CompareRow[];
  /** True when every run printed the same output and exited the same way. */
  readonly sameOutput: boolean;
}

export function compareReports(
  reports: readonly RunReport[],
  workCounters: readonly string[],
  baseline = reports[0]?.level,
): Comparison {
  const first = reports[0];
  if (!first || baseline === undefined) throw new Error("compare needs at least one report");
  const columns = reports.map((report, i) => ({
    level: report.level,
    report,
    work: report.counters[workCounters[i] ?? ""] ?? 0,
  }));
  const base = columns.findIndex((c) => c.level === baseline);
  if (base < 0) throw new Error(`baseline level '${baseline}' is not among the compared levels`);

  const names = [...new Set(reports.flatMap((r) => Object.keys(r.counters)))].sort();
  const row = (name: string, raw: (number | undefined)[]): CompareRow => {
    const b = raw[base];
    return {
      name,
      raw,
      per1k: raw.map((v, i) => {
        const work = columns[i]?.work ?? 0;
        return v === undefined || work === 0 ? undefined : (v * 1000) / work;
      }),
      ratio: raw.map((v) => (v === undefined || b === undefined || b === 0 ? undefined : v / b)),
    };
  };
  const rows = [
    row("host.ms", reports.map((r) => r.hostMs)),
    ...names.map((n) => row(n, reports.map((r) => r.counters[n]))),
  ];
  const sameOutput = reports.every(
    (r) => r.output === first.output && JSON.stringify(r.exit) === JSON.stringify(first.exit),
  );
  return { workload: first.workload, baseline, columns, rows, sameOutput };
}
