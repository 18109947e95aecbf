/**
 * Records the reference behaviour of the bare-metal test kernels: builds them into the
 * committed artifacts, runs each under qemu-system-i386 and writes the serial transcript (from
 * the kernel's marker line on) and exit status to src/catalog/baremetal.expected.json, which the
 * catalogue imports. Run from the package root:
 *
 *   pnpm --filter @strata/workloads record:baremetal [--only name,name]
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Workload } from "../src/manifest";
import {
  BAREMETAL_MARKER,
  BAREMETAL_MEMORY_MIB,
  type BaremetalKernel,
  baremetalArtifact,
  baremetalKernels,
  baremetalSources,
} from "../src/catalog/baremetal-kernels";
import { packageRoot } from "../src/node";
import { buildWorkloads } from "./build";

export interface QemuRun {
  /** Serial output from the marker line on. */
  readonly transcript: string;
  /** Everything the serial port carried (firmware banner included). */
  readonly raw: string;
  /** The emulator's exit status: (v << 1) | 1 after an isa-debug-exit write of v; null on timeout. */
  readonly status: number | null;
  /** The isa-debug-exit value v (what the catalogue's expected.exitCode holds), or null. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

/** The qemu-system-i386 command line of the reference runs (isa-debug-exit as in kvm-unit-tests). */
export function qemuArgs(kernel: string): string[] {
  return [
    "-kernel", kernel,
    "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
    "-serial", "stdio",
    "-display", "none",
    "-no-reboot",
    "-m", String(BAREMETAL_MEMORY_MIB),
  ];
}

/** The value a kernel wrote to isa-debug-exit, from the emulator's exit status (v << 1) | 1. */
export function debugExitCode(status: number | null): number | null {
  return status !== null && (status & 1) === 1 ? status >> 1 : null;
}

/** Runs one kernel under qemu-system-i386 and cuts its transcript at the marker line. */
export function runUnderQemu(kernel: string, timeoutMs = 60_000): QemuRun {
  const r = spawnSync("qemu-system-i386", qemuArgs(kernel), {
    encoding: "latin1",
    timeout: timeoutMs,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
    throw new Error("qemu-system-i386 not found (scripts/toolchain.sh installs it)");
  }
  const raw = r.stdout ?? "";
  const at = raw.indexOf(BAREMETAL_MARKER);
  return {
    raw,
    transcript: at < 0 ? "" : raw.slice(at),
    status: r.status,
    exitCode: debugExitCode(r.status),
    timedOut: r.signal !== null,
  };
}

/** Strata's own `strata-x86` CLI, run from source (the @strata/isa package next to this one). */
const strataCli = resolve(packageRoot, "../isa/src/cli.ts");

function strataCommand(args: readonly string[]): string[] {
  return ["--import", "tsx", strataCli, ...args];
}

/** Whether strata-x86 can boot a Multiboot kernel yet (its help mentions -kernel). */
export function strataRunsKernels(): boolean {
  if (!existsSync(strataCli)) return false;
  const r = spawnSync(process.execPath, strataCommand(["--help"]), { encoding: "utf8", timeout: 60_000, cwd: packageRoot });
  return /(^|\s)-kernel\b/m.test(`${r.stdout ?? ""}${r.stderr ?? ""}`);
}

/** Runs `strata-x86 ARGS` from source; stdout as latin1 text and the exit status (null if killed). */
export function runStrataX86(args: readonly string[], timeoutMs = 300_000): { stdout: string; stderr: string; status: number | null; timedOut: boolean } {
  const r = spawnSync(process.execPath, strataCommand(args), {
    encoding: "latin1",
    timeout: timeoutMs,
    cwd: packageRoot,
    stdio: ["ignore", "pipe", "pipe"],
    maxBuffer: 64 << 20,
  });
  return { stdout: r.stdout ?? "", stderr: r.stderr ?? "", status: r.status, timedOut: r.signal !== null };
}

/**
 * Runs one kernel under strata-x86 with qemu's own command line (`-kernel K -serial stdio -m 32
 * -device isa-debug-exit,...`: strata-x86 speaks qemu-system-i386's idiom), cut at the marker line.
 */
export function runUnderStrata(kernel: string, timeoutMs = 300_000): QemuRun {
  const r = spawnSync(process.execPath, strataCommand(qemuArgs(kernel)), {
    encoding: "latin1",
    timeout: timeoutMs,
    cwd: packageRoot,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const raw = r.stdout ?? "";
  const at = raw.indexOf(BAREMETAL_MARKER);
  return {
    raw,
    transcript: at < 0 ? "" : raw.slice(at),
    status: r.status,
    exitCode: debugExitCode(r.status),
    timedOut: r.signal !== null,
  };
}

/** The catalogue's view of a kernel, with a placeholder expectation (recording fills it). */
function asWorkload(kernel: BaremetalKernel): Workload {
  const name = kernel.name;
  return {
    name,
    kind: "bare-metal-i386",
    description: "",
    sources: baremetalSources(kernel),
    artifact: baremetalArtifact(name),
    expected: { stdout: "", exitCode: 0 },
    levels: [],
  };
}

async function main(): Promise<void> {
  // pnpm forwards the "--" that separates script arguments; parseArgs would take it as positional.
  const args = process.argv.slice(2).filter((a) => a !== "--");
  const { values } = parseArgs({ args, options: { only: { type: "string" } } });
  const only = values.only?.split(",");
  const selected = baremetalKernels.filter((k) => !only || only.includes(k.name));
  const names = selected.map((k) => k.name);
  await buildWorkloads(selected.map(asWorkload), packageRoot);
  const file = join(packageRoot, "src/catalog/baremetal.expected.json");
  const previous = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  const out: Record<string, { stdout: string; exitCode: number }> = {};
  for (const k of baremetalKernels) {
    if (!names.includes(k.name)) {
      const kept = previous[k.name] as { stdout: string; exitCode: number } | undefined;
      if (kept) out[k.name] = kept;
      continue;
    }
    const r = runUnderQemu(resolve(packageRoot, baremetalArtifact(k.name)));
    if (r.timedOut) throw new Error(`${k.name}: qemu timed out`);
    if (r.exitCode === null) throw new Error(`${k.name}: qemu exited with ${r.status}, not through isa-debug-exit`);
    if (!r.transcript) throw new Error(`${k.name}: no marker line in the serial output`);
    const fails = r.transcript.split("\n").filter((l) => l.startsWith("FAIL"));
    if (fails.length) console.warn(`${k.name}: ${fails.length} FAIL line(s):\n${fails.join("\n")}`);
    out[k.name] = { stdout: r.transcript, exitCode: r.exitCode };
    console.log(`${k.name}: ${r.transcript.split("\n").length - 1} lines, debug-exit code ${r.exitCode}`);
  }
  writeFileSync(file, `${JSON.stringify(out, null, 2)}\n`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`record-baremetal: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
