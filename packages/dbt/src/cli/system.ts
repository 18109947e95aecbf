/**
 * `strata-dbt -kernel FILE ...`: strata-x86's machine front end (@strata/isa/node systemMain:
 * qemu-system-i386's options, messages and exit statuses) with the translator as the engine,
 * plus the translator's own options:
 *   --threshold T, --region-blocks R   DbtOptions.hotThreshold and regionBlocks
 */
import { readFileSync } from "node:fs";
import { systemMain as isaSystemMain } from "@strata/isa/node";
import { DbtEngine, type DbtOptions } from "../engine/dbt-engine";
import type { CliIo } from "./commands";

export const SYSTEM_USAGE =
  "usage: strata-dbt -kernel FILE [strata-x86's machine options: strata-dbt -kernel FILE --help] [--threshold T] [--region-blocks R]";

const DBT_OPTIONS = { "--threshold": { key: "hotThreshold", min: 0 }, "--region-blocks": { key: "regionBlocks", min: 1 } } as const;

export function systemMain(args: readonly string[], io: CliIo): number {
  const machineArgs: string[] = [];
  const dbt: { -readonly [K in keyof DbtOptions]?: DbtOptions[K] } = {};
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a !== "--threshold" && a !== "--region-blocks") {
      machineArgs.push(a);
      continue;
    }
    const { key, min } = DBT_OPTIONS[a];
    const v = args[++k];
    const n = Number(v);
    if (v === undefined || !Number.isInteger(n) || n < min) {
      io.err(`strata-dbt: ${a} needs an integer >= ${min}, got ${v ?? "nothing"}\n${SYSTEM_USAGE}\n`);
      return 2;
    }
    dbt[key] = n;
  }
  // CliIo carries text: bytes travel as latin1 characters, as the rest of this CLI writes them.
  return isaSystemMain(
    machineArgs,
    {
      stdout: (bytes) => io.out(String.fromCharCode(...bytes)),
      stderr: (s) => io.err(s),
      readFile: (path) => readFileSync(path),
    },
    { program: "strata-dbt", createEngine: (cpu) => new DbtEngine(cpu, dbt) },
  );
}
