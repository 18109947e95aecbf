/**
 * Boots strata-kernel under qemu-system-i386 and records its serial transcript, the expected
 * output of the "strata-kernel" workload. Run from the package root:
 *
 *   pnpm --filter @strata/workloads exec tsx scripts/record-kernel.ts [--no-build]
 *   pnpm --filter @strata/workloads exec tsx scripts/record-kernel.ts --bench
 *   pnpm --filter @strata/workloads exec tsx scripts/record-kernel.ts --fuzz 16
 *
 * It rebuilds the committed kernel and initrd (unless --no-build), boots them, and writes
 * src/catalog/kernel-transcript.json (imported by the catalogue) and the same text in
 * artifacts/bare-metal-i386/strata-kernel.transcript.txt (for reading and diffing). --bench
 * times the nanobenchmarks natively and in the kernel under QEMU instead (see bench()); --fuzz N
 * is the full fuzzing mode (see fuzz()).
 */
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { KERNEL_MEMORY_MIB } from "../src/catalog/kernel";
import { findWorkload } from "../src/index";
import { packageRoot } from "../src/node";
import { buildWorkloads } from "./build";
import { packNewc, unpackNewc } from "./builders/kernel";

export const TRANSCRIPT_JSON = "src/catalog/kernel-transcript.json";
export const TRANSCRIPT_TXT = "artifacts/bare-metal-i386/strata-kernel.transcript.txt";

/** The qemu command line the transcript is recorded with (the task's anchor, plus -m and -cpu). */
export function qemuArgs(kernel: string, initrd: string): string[] {
  return [
    "-kernel", kernel, "-initrd", initrd,
    "-serial", "stdio", "-display", "none", "-no-reboot", "-monitor", "none",
    "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
    "-m", String(KERNEL_MEMORY_MIB), "-cpu", "pentium3",
  ];
}

export interface QemuRun {
  /** Everything the kernel wrote to COM1. */
  readonly serial: string;
  /** QEMU's exit status: (debug-exit code << 1) | 1, or null if it was killed. */
  readonly status: number | null;
  /** The debug-exit code the kernel wrote, if QEMU exited through the device. */
  readonly code: number | null;
  readonly timedOut: boolean;
}

/** Text typed into COM1 once the serial output contains `after`. */
export interface SerialInput {
  readonly after: string;
  readonly text: string;
}

/** Boots a kernel with its initrd; kills QEMU after timeoutMs. */
export function runKernelInQemu(
  kernel: string,
  initrd: string,
  timeoutMs = 60_000,
  input?: SerialInput,
): Promise<QemuRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn("qemu-system-i386", qemuArgs(kernel, initrd), {
      stdio: [input ? "pipe" : "ignore", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let typed = false;
    const { stdout, stderr } = child;
    if (!stdout || !stderr) throw new Error("qemu-system-i386: no output pipes");
    stdout.on("data", (b: Buffer) => {
      out.push(b);
      // Typed only once the kernel waits for it: the UART's FIFO is reset when the kernel starts.
      if (input && !typed && Buffer.concat(out).toString("latin1").includes(input.after)) {
        typed = true;
        child.stdin?.write(input.text);
      }
    });
    stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, timeoutMs);
    child.on("error", (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      const serial = Buffer.concat(out).toString("latin1");
      const code = status !== null && (status & 1) === 1 ? status >> 1 : null;
      if (status === null && !timedOut) reject(new Error(`qemu died: ${Buffer.concat(err).toString()}`));
      else resolvePromise({ serial, status, code, timedOut });
    });
  });
}

/** Large counts for --bench, in the spirit of the paper's (forkwait: 40,000). */
const BENCH: readonly (readonly [string, number])[] = [
  ["syscall", 500_000],
  ["in", 200_000],
  ["callret", 20_000_000],
  ["pgfault", 20_000],
  ["divzero", 500],
  ["ptemod", 50_000],
  ["forkwait", 2_000],
];

/**
 * --bench: each nanobenchmark with a large count, natively on the host and in strata-kernel under
 * qemu-system-i386 (TCG, one boot for all), each timed by nanobench itself with CLOCK_MONOTONIC
 * (the PIT's 10 ms ticks in the kernel). Prints `RESULT kernel.<test>.<what> <value>` lines; the
 * ratio is the cost of the emulated kernel against the host's.
 */
async function bench(kernelPath: string, initrdPath: string): Promise<void> {
  const entries = unpackNewc(new Uint8Array(readFileSync(initrdPath)));
  const dir = mkdtempSync(join(tmpdir(), "strata-kernel-bench-"));
  const times = (text: string): Map<string, number> =>
    new Map([...text.matchAll(/^time (\w+) (\d+) ms$/gm)].map((m) => [m[1] ?? "", Number(m[2])]));
  try {
    const rc = BENCH.map(([test, n]) => `nanobench ${test} ${n} time`).join("\n");
    const initrd = initrdWithRc(initrdPath, rc, join(dir, "bench.initrd"));
    const r = await runKernelInQemu(kernelPath, initrd, 600_000);
    if (r.code !== 0) throw new Error(`the kernel ended with ${r.status}:\n${r.serial}`);
    const inKernel = times(r.serial);
    const nanobench = entries.find((e) => e.path === "bin/nanobench")?.data;
    if (!nanobench) throw new Error("the initrd has no bin/nanobench");
    const native = join(dir, "nanobench");
    writeFileSync(native, nanobench);
    chmodSync(native, 0o755);
    for (const [test, n] of BENCH) {
      const q = inKernel.get(test);
      console.log(`RESULT kernel.${test}.iterations ${n}`);
      if (q !== undefined) console.log(`RESULT kernel.${test}.qemu_ms ${q}`);
      const host = spawnSync(native, [test, String(n), "time"], { encoding: "utf8" });
      const h = times(host.stdout).get(test);
      if (host.status !== 0 || h === undefined) continue; // `in` needs ioperm, which the host refuses
      console.log(`RESULT kernel.${test}.native_ms ${h}`);
      if (q !== undefined) console.log(`RESULT kernel.${test}.qemu_over_native ${(q / Math.max(h, 1)).toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The committed initrd with another /etc/rc. */
function initrdWithRc(initrdPath: string, rc: string, out: string): string {
  const entries = unpackNewc(new Uint8Array(readFileSync(initrdPath)));
  const data = new TextEncoder().encode(`${rc}\n`);
  writeFileSync(out, packNewc(entries.map((e) => (e.path === "etc/rc" ? { path: e.path, data } : e))));
  return out;
}

/**
 * --fuzz N: the full fuzzing mode. Seeds 1..N, 3000 random system calls each, in one boot; the
 * kernel must not panic, the fuzzer must leave nothing behind, and init's last line must report
 * no frame leaked.
 */
async function fuzz(kernelPath: string, initrdPath: string, seeds: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "strata-kernel-fuzz-"));
  try {
    const rc = Array.from({ length: seeds }, (_, i) => `fuzz ${i + 1} 3000`).join("\n");
    const r = await runKernelInQemu(kernelPath, initrdWithRc(initrdPath, rc, join(dir, "fuzz.initrd")), 3_600_000);
    const survived = (r.serial.match(/^fuzz: 3000 calls/gm) ?? []).length;
    console.log(`RESULT kernel.fuzz.seeds ${seeds}`);
    console.log(`RESULT kernel.fuzz.survived ${survived}`);
    const leaked = Number(/; (-?\d+) frames leaked; powering off/.exec(r.serial)?.[1]);
    console.log(`RESULT kernel.fuzz.leaked_frames ${leaked}`);
    if (r.code !== 0 || survived !== seeds || leaked !== 0 || /left behind|panic/.test(r.serial))
      throw new Error(`the fuzz run failed (status ${r.status}):\n${r.serial}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { "no-build": { type: "boolean" }, bench: { type: "boolean" }, fuzz: { type: "string" } },
  });
  const w = findWorkload("strata-kernel");
  const initrd = w?.modules?.[0];
  if (!w || !initrd) throw new Error("the catalogue has no strata-kernel workload");
  if (values.bench) {
    await bench(join(packageRoot, w.artifact), join(packageRoot, initrd));
    return;
  }
  if (values.fuzz !== undefined) {
    await fuzz(join(packageRoot, w.artifact), join(packageRoot, initrd), Number(values.fuzz) || 16);
    return;
  }
  if (!values["no-build"]) await buildWorkloads([w], packageRoot);
  const r = await runKernelInQemu(join(packageRoot, w.artifact), join(packageRoot, initrd));
  if (r.timedOut || r.code === null) throw new Error(`the kernel did not power off (status ${r.status}):\n${r.serial}`);
  writeFileSync(
    join(packageRoot, TRANSCRIPT_JSON),
    `${JSON.stringify({ exitCode: r.code, stdout: r.serial }, null, 2)}\n`,
  );
  writeFileSync(join(packageRoot, TRANSCRIPT_TXT), r.serial);
  console.log(`recorded ${r.serial.length} bytes, debug-exit code ${r.code}`);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  main().catch((e: unknown) => {
    console.error(`record-kernel: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
