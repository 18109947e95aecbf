/**
 * The workloads build: compiles our own sources (nasm, gcc -m32, mingw, javac) into the artifacts
 * the catalogue names. Run from the package root:
 *
 *   pnpm --filter @strata/workloads build:workloads [--kind linux-i386] [--only name,name] [--out DIR]
 *
 * Without --out it rewrites the committed artifacts in place; tests build into a temporary DIR
 * (same relative paths) and compare. Each kind has one builder in scripts/builders/.
 */
import { mkdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { workloads, type Workload, type WorkloadKind } from "../src/index";
import { packageRoot } from "../src/node";
import { builders } from "./builders/index";

export interface BuildContext {
  /** Absolute root the artifact paths are relative to. */
  readonly outRoot: string;
  /** Absolute package root, where the sources are. */
  readonly srcRoot: string;
  /** Absolute scratch folder for intermediate objects. */
  readonly tmp: string;
}

export type Builder = (items: readonly Workload[], ctx: BuildContext) => Promise<void> | void;

export async function buildWorkloads(
  selection: readonly Workload[],
  outRoot: string,
): Promise<void> {
  const tmp = join(outRoot, ".build-tmp");
  mkdirSync(tmp, { recursive: true });
  const ctx: BuildContext = { outRoot, srcRoot: packageRoot, tmp };
  const kinds = [...new Set(selection.map((w) => w.kind))];
  for (const kind of kinds) {
    const builder = builders[kind];
    if (!builder) throw new Error(`no builder for workload kind ${kind}`);
    const items = selection.filter((w) => w.kind === kind);
    for (const w of items) mkdirSync(dirname(join(outRoot, w.artifact)), { recursive: true });
    await builder(items, ctx);
  }
}

async function main(): Promise<void> {
  // `pnpm build:workloads -- --kind k` passes the "--" through.
  const args = process.argv.slice(2).filter((a, i) => !(i === 0 && a === "--"));
  const { values } = parseArgs({
    args,
    options: {
      kind: { type: "string" },
      only: { type: "string" },
      out: { type: "string" },
    },
  });
  const only = values.only?.split(",");
  const selection = workloads.filter(
    (w) => (!values.kind || w.kind === (values.kind as WorkloadKind)) && (!only || only.includes(w.name)),
  );
  const outRoot = values.out ? resolve(values.out) : packageRoot;
  await buildWorkloads(selection, outRoot);
  console.log(`built ${selection.length} workload(s) into ${outRoot}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`build: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
