/**
 * Human-readable failure reports: the case (bytes, disassembly, initial state, mask) and a diff
 * of the reference and engine results.
 */
import { GPR_NAMES } from "./case";
import { flagString, vectorLabel } from "./compare";
import type { CaseFailure, ConformanceReport } from "./run";

/** Disassembles the case's code (e.g. with the package's disassembler or iced-x86). */
export type Disassembler = (code: Uint8Array, address: number) => string;

const hex = (v: number, digits = 8): string => (v >>> 0).toString(16).padStart(digits, "0");

export function formatFailure(f: CaseFailure, disasm?: Disassembler): string {
  const c = f.case;
  const lines: string[] = [];
  const bytes = [...c.code].map((b) => hex(b, 2)).join(" ");
  lines.push(`  case ${c.id}: ${bytes}${disasm ? `   ${disasm(c.code, 0x10000000)}` : ""}`);
  lines.push(
    "    initial: " +
      GPR_NAMES.map((n, i) => `${n}=${hex(c.regs[i] ?? 0)}`).join(" ") +
      ` eflags=${hex(c.eflags)} [${flagString(c.eflags)}]`,
  );
  if (c.mask.notes.length) lines.push(`    masked: ${c.mask.notes.join("; ")}`);
  if (f.error) {
    lines.push(`    engine threw: ${f.error.split("\n").slice(0, 4).join(" | ")}`);
    lines.push(`    reference: ${vectorLabel(f.expected.vector)} at eip=${hex(f.expected.eip)}`);
    return lines.join("\n");
  }
  const w = Math.max(10, ...f.diffs.map((d) => d.field.length));
  lines.push(`    ${"".padEnd(w)}  ${(f.reference ?? "host cpu").padEnd(30)} engine`);
  for (const d of f.diffs) lines.push(`    ${d.field.padEnd(w)}  ${d.expected.padEnd(30)} ${d.actual}`);
  return lines.join("\n");
}

export function formatReport(r: ConformanceReport, options: { verbose?: boolean; disasm?: Disassembler } = {}): string {
  const out: string[] = [];
  out.push(`conformance: engine ${r.engine} vs ${r.reference}, seed ${r.seed}, ${r.casesPerEntry} cases per entry, ${r.entries.length} entries`);
  for (const e of r.entries) {
    if (e.failed === 0) {
      if (options.verbose) out.push(`ok   ${e.key} (${e.cases})`);
      continue;
    }
    out.push(`FAIL ${e.key}: ${e.failed}/${e.cases} cases`);
    for (const f of e.failures) out.push(formatFailure(f, options.disasm));
  }
  if (options.verbose) for (const x of r.excluded) out.push(`skip ${x.key}: ${x.reason}`);
  out.push(`ud-checked: ${r.udChecked}`);
  out.push(`alias-checked: ${r.aliasChecked}`);
  out.push(`${r.passed} passed, ${r.failed} failed`);
  return out.join("\n");
}
