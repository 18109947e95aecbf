/**
 * `pnpm --filter @strata/isa conformance -- [options]`: the full differential run against the host
 * CPU (scripts/conformance.ts calls `main`). Prints per-entry failures with the case's
 * disassembly and a register diff, and ends with exactly `N passed, M failed`.
 */
import { disassemble, OPCODES } from "../index";
import type { BatchEngine, CaseEngine } from "./case";
import { interpreterEngine } from "./engines/interpreter";
import { selectEntries } from "./generate/entries";
import { nativeEngine, qemuEngine } from "./native/engine";
import { type Disassembler, formatFailure } from "./report";
import { runConformance } from "./run";
import { ADVERTISE_ALL, type CpuidFunction } from "./features";
import { checkPlan } from "./unadvertised";

/** An engine the CLI can put under test, and the CPUID it answers with (default: the interpreter's). */
export interface EngineChoice {
  readonly description: string;
  create(): CaseEngine | BatchEngine;
  readonly cpuid?: CpuidFunction;
}

/** isa's own engines; another package (dbt) passes its own map to `main`. */
export const ISA_ENGINES: Readonly<Record<string, EngineChoice>> = {
  interp: { description: "the isa interpreter", create: () => interpreterEngine() },
  // qemu-i386 (its "max" CPU) has the host's extensions; the interpreter has its own CPUID
  qemu: { description: "qemu-i386 running the native runner", create: () => qemuEngine(), cpuid: ADVERTISE_ALL },
};

export function usage(engines: Readonly<Record<string, EngineChoice>> = ISA_ENGINES): string {
  const names = Object.keys(engines);
  return `usage: conformance [--seed S] [--cases N] [--filter <mnemonic|regex>] [--engine ${names.join("|")}] [--keep K] [--verbose] [--list]
  --seed S      PRNG seed (default 1)
  --cases N     cases per opcode-table entry (default 100)
  --filter F    a mnemonic ("add") or a regular expression over entry keys ("^0F B[AB]")
  --engine E    engine under test (default ${names[0] ?? ""}): ${Object.entries(engines).map(([k, e]) => `${k} (${e.description})`).join(", ")}
  --keep K      failing cases shown per entry (default 3)
  --verbose     also list passing and excluded entries
  --list        list the selected entries and exit`;
}

export const USAGE = usage();

/** A bad command line: the CLI prints the message and exits with status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface CliOptions {
  seed: number;
  cases: number;
  filter?: string;
  engine: string;
  keep: number;
  verbose: boolean;
  list: boolean;
}

export function parseArgs(argv: readonly string[], engines: Readonly<Record<string, EngineChoice>> = ISA_ENGINES): CliOptions {
  const names = Object.keys(engines);
  const o: CliOptions = { seed: 1, cases: 100, engine: names[0] ?? "", keep: 3, verbose: false, list: false };
  const int = (flag: string, v: string | undefined): number => {
    if (v === undefined || !/^\d+$/.test(v)) throw new UsageError(`${flag} needs a non-negative integer, got ${v ?? "nothing"}`);
    return Number(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    switch (a) {
      case "--":
        break;
      case "--seed":
        o.seed = int(a, argv[++i]);
        break;
      case "--cases":
        o.cases = int(a, argv[++i]);
        break;
      case "--keep":
        o.keep = int(a, argv[++i]);
        break;
      case "--filter": {
        const f = argv[++i];
        if (!f) throw new UsageError("--filter needs a mnemonic or a regular expression");
        try {
          new RegExp(f);
        } catch {
          throw new UsageError(`--filter: not a regular expression: ${f}`);
        }
        o.filter = f;
        break;
      }
      case "--engine": {
        const e = argv[++i];
        if (e === undefined || !names.includes(e)) throw new UsageError(`--engine must be one of ${names.join(", ")}, got ${e ?? "nothing"}`);
        o.engine = e;
        break;
      }
      case "--verbose":
        o.verbose = true;
        break;
      case "--list":
        o.list = true;
        break;
      case "--help":
      case "-h":
        throw new UsageError(usage(engines));
      default:
        throw new UsageError(`unknown option ${a ?? ""}\n${usage(engines)}`);
    }
  }
  return o;
}

export const disassembler: Disassembler = (code, address) => {
  try {
    return disassemble(code, 0, address).text;
  } catch {
    return "(disassembler failed)";
  }
};

/** Runs the CLI; returns the exit status (0 all passed, 1 failures, 2 usage or harness error). */
export function main(
  argv: readonly string[],
  out: (line: string) => void = (l) => console.log(l),
  engines: Readonly<Record<string, EngineChoice>> = ISA_ENGINES,
): number {
  let o: CliOptions;
  try {
    o = parseArgs(argv, engines);
  } catch (e) {
    out(e instanceof Error ? e.message : String(e));
    return 2;
  }
  if (o.list) {
    const sel = selectEntries(OPCODES, o.filter);
    for (const e of sel.run) {
      const plan = checkPlan(e.def, engines[o.engine]?.cpuid);
      out(plan.kind === "host" ? e.key : plan.kind === "ud" ? `${e.key}  (#UD check: ${plan.feature.name} not in CPUID)` : `${e.key}  (alias: ${plan.rule})`);
    }
    for (const x of sel.excluded) out(`${x.key}  (excluded: ${x.reason})`);
    out(`${sel.run.length} entries, ${sel.excluded.length} excluded`);
    return 0;
  }
  const choice = engines[o.engine]!;
  const engine = choice.create();
  const t0 = performance.now();
  const report = runConformance({
    table: OPCODES,
    seed: o.seed,
    casesPerEntry: o.cases,
    filter: o.filter,
    reference: nativeEngine(),
    engine,
    ...(choice.cpuid ? { cpuid: choice.cpuid } : {}),
    keepFailures: o.keep,
    onEntry: (e) => {
      if (e.failed === 0) {
        if (o.verbose) out(`ok   ${e.key} (${e.cases})`);
        return;
      }
      const how = e.check === "ud" ? ` (${e.feature ?? ""} not in CPUID: #UD check)` : e.check === "alias" ? ` (${e.rule ?? ""})` : "";
      out(`FAIL ${e.key}: ${e.failed}/${e.cases} cases${how}`);
      for (const f of e.failures) out(formatFailure(f, disassembler));
    },
  });
  if (o.verbose) for (const x of report.excluded) out(`skip ${x.key}: ${x.reason}`);
  const failing = report.entries.filter((e) => e.failed > 0).length;
  out(
    `engine ${report.engine} vs ${report.reference}, seed ${o.seed}, ${o.cases} cases per entry: ` +
      `${report.entries.length} entries (${failing} with failures), ${report.excluded.length} excluded, ` +
      `${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  const entriesOf = (k: string): number => report.entries.filter((e) => e.check === k).length;
  out(`ud-checked: ${report.udChecked} cases of ${entriesOf("ud")} entries (CPUID feature not advertised: #UD on the engine alone)`);
  out(`alias-checked: ${report.aliasChecked} cases of ${entriesOf("alias")} entries (feature not advertised: the host runs the encoding it aliases)`);
  out(`${report.passed} passed, ${report.failed} failed`);
  return report.failed === 0 ? 0 : 1;
}
