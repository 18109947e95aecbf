/** Output formats of the CLI: an aligned text table, JSON and CSV (RFC 4180 quoting). */
import type { Comparison } from "./compare";
import type { RunReport } from "./level";

function num(v: number | undefined, digits = 2): string {
  if (v === undefined) return "-";
  if (Number.isInteger(v)) return String(v);
  return v.toFixed(digits);
}

/** Pads columns to their widest cell; the first column is left-aligned, numbers right-aligned. */
export function alignTable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length)));
  return rows
    .map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join("  ").trimEnd())
    .join("\n");
}

export function exitText(r: RunReport): string {
  const e = r.exit;
  switch (e.kind) {
    case "exit":
      return `exit ${e.code}`;
    case "fault":
    case "halt":
    case "error":
      return `${e.kind}: ${e.message}`;
    default:
      return e.kind;
  }
}

export function comparisonTable(c: Comparison): string {
  const header = ["counter", ...c.columns.flatMap((col) => [col.level, "/1k"]), `x ${c.baseline}`];
  const lines: string[][] = [header];
  for (const row of c.rows) {
    const cells = [row.name];
    row.raw.forEach((v, i) => cells.push(num(v), num(row.per1k[i])));
    cells.push(row.ratio.map((r) => num(r, 3)).join(" "));
    lines.push(cells);
  }
  const exits = c.columns.map((col) => `${col.level}: ${exitText(col.report)}`).join(", ");
  return `${c.workload}: ${exits}; output ${c.sameOutput ? "identical" : "DIFFERS"} across levels\n${alignTable(lines)}`;
}

export function comparisonJson(c: Comparison): string {
  return JSON.stringify(
    {
      workload: c.workload,
      baseline: c.baseline,
      sameOutput: c.sameOutput,
      reports: c.columns.map((col) => col.report),
      rows: c.rows,
    },
    null,
    2,
  );
}

function csvCell(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function comparisonCsv(c: Comparison): string {
  const lines = [["counter", "level", "value", "per_1k", "ratio_to_baseline"].join(",")];
  for (const row of c.rows) {
    c.columns.forEach((col, i) => {
      lines.push(
        [row.name, col.level, row.raw[i], row.per1k[i], row.ratio[i]]
          .map((v) => csvCell(v === undefined ? "" : String(v)))
          .join(","),
      );
    });
  }
  return lines.join("\n");
}

export function reportTable(r: RunReport): string {
  const rows = Object.entries(r.counters)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => [k, num(v)]);
  return `${r.workload} on ${r.level}: ${exitText(r)}, ${r.hostMs.toFixed(1)} ms host time\n${alignTable([["counter", "value"], ...rows])}`;
}

export function reportCsv(r: RunReport): string {
  return ["counter,value", ...Object.entries(r.counters).map(([k, v]) => `${csvCell(k)},${v}`)].join("\n");
}
