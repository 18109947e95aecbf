/**
 * `pnpm --filter @strata/dbt conformance -- [--seed S] [--cases N] [--filter F] [--keep K] [--verbose]`:
 * isa's differential run against the host CPU (@strata/isa/testing) with the translator as the
 * engine under test. Ends with exactly `N passed, M failed`, like isa's own conformance command.
 */
import { disassemble, OPCODES } from "@strata/isa";
import { formatFailure, nativeEngine, runConformance, type Disassembler } from "@strata/isa/testing";
import { dbtCaseEngine } from "./case-engine";

export const USAGE = `usage: conformance [--seed S] [--cases N] [--filter <mnemonic|regex>] [--keep K] [--threshold T] [--verbose]
  --seed S       PRNG seed (default 1)
  --cases N      cases per opcode-table entry (default 100)
  --filter F     a mnemonic ("add") or a regular expression over entry keys ("^0F B[AB]")
  --keep K       failing cases shown per entry (default 3)
  --threshold T  executions before translation (default 0: every case runs translated code)
  --verbose      also list passing and excluded entries`;

interface Options {
  seed: number;
  cases: number;
  filter?: string;
  keep: number;
  threshold: number;
  verbose: boolean;
}

class UsageError extends Error {}

function parse(argv: readonly string[]): Options {
  const o: Options = { seed: 1, cases: 100, keep: 3, threshold: 0, verbose: false };
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
      case "--threshold":
        o.threshold = int(a, argv[++i]);
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
      case "--verbose":
        o.verbose = true;
        break;
      default:
        throw new UsageError(`unknown option ${a ?? ""}\n${USAGE}`);
    }
  }
  return o;
}

const disassembler: Disassembler = (code, address) => {
  try {
    return disassemble(code, 0, address).text;
  } catch {
    return "(disassembler failed)";
  }
};

/** Runs the command; returns the exit status (0 all passed, 1 failures, 2 usage error). */
export function conformanceMain(argv: readonly string[], out: (line: string) => void = (l) => console.log(l)): number {
  let o: Options;
  try {
    o = parse(argv);
  } catch (e) {
    out(e instanceof Error ? e.message : String(e));
    return 2;
  }
  const t0 = performance.now();
  const report = runConformance({
    table: OPCODES,
    seed: o.seed,
    casesPerEntry: o.cases,
    ...(o.filter !== undefined ? { filter: o.filter } : {}),
    reference: nativeEngine(),
    engine: dbtCaseEngine({ hotThreshold: o.threshold }),
    keepFailures: o.keep,
    onEntry: (e) => {
      if (e.failed === 0) {
        if (o.verbose) out(`ok   ${e.key} (${e.cases})`);
        return;
      }
      out(`FAIL ${e.key}: ${e.failed}/${e.cases} cases`);
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
  out(`${report.passed} passed, ${report.failed} failed`);
  return report.failed === 0 ? 0 : 1;
}
