/**
 * strata: run one workload at several levels of virtualization and compare them.
 *
 *   strata list
 *   strata run <workload|file> --level <id> [--budget N] [-m MiB] [--json|--csv] [-- args...]
 *   strata compare <workload|file> --levels a,b[,c] [--baseline id] [--json|--csv]
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { findWorkload, workloads } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { comparisonCsv, comparisonJson, comparisonTable, reportCsv, reportTable } from "./format";
import { detectKind, WorkloadFormatError } from "./detect";
import { LevelError, type RunOptions, type RunReport, type WorkloadInput } from "./level";
import { nodeRegistry } from "./node";
import { compare, runOn, workloadInput } from "./run";

const HELP = `usage: strata <command> [options]

commands:
  list                                  the workloads of the catalogue and the levels
  run <workload|file> --level <id>      run one workload on one level; prints its output and counters
  compare <workload|file> --levels a,b  run it on each level and compare counters per 1,000
                                        guest instructions, with ratios to the baseline level

options:
  --level <id>         (run) the level
  --levels <a,b,...>   (compare) the levels; the first is the baseline unless --baseline
  --baseline <id>      (compare) the level the ratios are relative to
  --budget <n>         stop after n guest instructions (bytecodes for jvm-lite)
  -m, --memory <MiB>   RAM of the PC machine for bare-metal kernels (qemu's -m; default: the
                       catalogue kernel's recorded size, 32 for a file)
  --json, --csv        machine-readable output instead of the table
  --no-progress        no progress bar (it only shows on a terminal anyway)
  -h, --help           this help
Arguments after -- go to the workload. Ctrl-C stops the run and prints what was measured.`;

class UsageError extends Error {}

function loadInput(spec: string, extraArgs: readonly string[]): WorkloadInput {
  const w = findWorkload(spec);
  if (w) {
    const input = workloadInput(w, readArtifact(w), (w.modules ?? []).map((m) => new Uint8Array(readFileSync(resolveWorkloadPath(m)))));
    return extraArgs.length ? { ...input, args: extraArgs } : input;
  }
  let image: Uint8Array;
  try {
    image = new Uint8Array(readFileSync(spec));
  } catch {
    throw new UsageError(`unknown workload or unreadable file '${spec}' (try: strata list)`);
  }
  return { name: basename(spec), kind: detectKind(spec, image), image, args: extraArgs };
}

function progressOptions(enabled: boolean, signal: AbortSignal): RunOptions & { stop(): void } {
  if (!enabled || !process.stderr.isTTY) return { signal, stop() {} };
  const bar = new SingleBar({
    format: " [{bar}] {value} guest instructions",
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let started = false;
  return {
    signal,
    progressEvery: 5_000_000,
    onProgress(p) {
      if (!started) {
        bar.start(p.budget ?? Math.max(p.executed * 2, 1), p.executed);
        started = true;
      }
      if (!p.budget && p.executed >= bar.getTotal()) bar.setTotal(p.executed * 2);
      bar.update(p.executed);
    },
    stop() {
      if (started) bar.stop();
      started = false;
    },
  };
}

async function main(argv: readonly string[]): Promise<number> {
  const dash = argv.indexOf("--");
  const own = dash >= 0 ? argv.slice(0, dash) : argv;
  const extra = dash >= 0 ? argv.slice(dash + 1) : [];
  const { values, positionals } = parseArgs({
    args: [...own],
    allowPositionals: true,
    options: {
      level: { type: "string" },
      levels: { type: "string" },
      baseline: { type: "string" },
      budget: { type: "string" },
      memory: { type: "string", short: "m" },
      json: { type: "boolean" },
      csv: { type: "boolean" },
      "no-progress": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, target] = positionals;
  if (values.help || !command) {
    console.log(HELP);
    return command || values.help ? 0 : 2;
  }
  const registry = nodeRegistry();
  const budget = values.budget === undefined ? undefined : Number(values.budget);
  if (budget !== undefined && !(Number.isInteger(budget) && budget > 0)) {
    throw new UsageError(`--budget must be a positive whole number, not '${values.budget}'`);
  }

  if (command === "list") {
    console.log("workloads:");
    for (const w of workloads) console.log(`  ${w.name.padEnd(24)} ${w.kind.padEnd(16)} ${w.levels.join(",").padEnd(14)} ${w.description}`);
    console.log("levels:");
    for (const l of registry.list()) console.log(`  ${l.id.padEnd(10)} ${l.kinds.join(",").padEnd(30)} ${l.description}`);
    return 0;
  }

  if (command !== "run" && command !== "compare") throw new UsageError(`unknown command '${command}' (try: strata --help)`);
  if (!target) throw new UsageError(`strata ${command} needs a workload name or a file`);
  const loaded = loadInput(target, extra);
  const memoryMiB = values.memory === undefined ? undefined : Number(values.memory);
  if (memoryMiB !== undefined && !(Number.isInteger(memoryMiB) && memoryMiB >= 2 && memoryMiB <= 2032)) {
    throw new UsageError(`--memory must be a whole number of MiB from 2 to 2032, not '${values.memory}'`);
  }
  const input: WorkloadInput = memoryMiB === undefined ? loaded : { ...loaded, memoryBytes: memoryMiB * 1024 * 1024 };

  const controller = new AbortController();
  const onSigint = () => controller.abort();
  process.once("SIGINT", onSigint);
  const progress = progressOptions(!values["no-progress"] && !values.json && !values.csv, controller.signal);
  const options: RunOptions = { ...progress, ...(budget ? { budget } : {}) };
  try {
    if (command === "run") {
      if (!values.level) throw new UsageError("strata run needs --level <id> (see: strata list)");
      const report: RunReport = await runOn(registry, values.level, input, options);
      progress.stop();
      if (values.json) console.log(JSON.stringify(report, null, 2));
      else if (values.csv) console.log(reportCsv(report));
      else {
        process.stdout.write(report.output);
        process.stderr.write(report.stderr);
        console.log(reportTable(report));
      }
      return report.exit.kind === "exit" || report.exit.kind === "cancelled" || report.exit.kind === "budget" ? 0 : 1;
    }
    const ids = (values.levels ?? "").split(",").filter(Boolean);
    if (ids.length < 1) throw new UsageError("strata compare needs --levels a,b[,c] (see: strata list)");
    const c = await compare(registry, input, ids, { ...options, ...(values.baseline ? { baseline: values.baseline } : {}), onReport: () => progress.stop() });
    if (values.json) console.log(comparisonJson(c));
    else if (values.csv) console.log(comparisonCsv(c));
    else console.log(comparisonTable(c));
    return c.sameOutput ? 0 : 1;
  } finally {
    progress.stop();
    process.removeListener("SIGINT", onSigint);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof LevelError || e instanceof WorkloadFormatError;
    console.error(`strata: ${e instanceof Error ? e.message : String(e)}`);
    if (!known && e instanceof Error && e.stack) console.error(e.stack);
    process.exitCode = known ? 2 : 1;
  },
);
