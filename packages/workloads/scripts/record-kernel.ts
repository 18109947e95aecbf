/**
 * Boots strata-kernel under qemu-system-i386 and records its serial transcript, the expected
 * output of the "strata-kernel" workload. Run from the package root:
 *
 *   pnpm --filter @strata/workloads exec tsx scripts/record-kernel.ts [--no-build]
 *
 * It rebuilds the committed kernel and initrd (unless --no-build), boots them, and writes
 * src/catalog/kernel-transcript.json (imported by the catalogue) and the same text in
 * artifacts/bare-metal-i386/strata-kernel.transcript.txt (for reading and diffing).
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { findWorkload } from "../src/index";
import { packageRoot } from "../src/node";
import { buildWorkloads } from "./build";

export const TRANSCRIPT_JSON = "src/catalog/kernel-transcript.json";
export const TRANSCRIPT_TXT = "artifacts/bare-metal-i386/strata-kernel.transcript.txt";

/** The qemu command line the transcript is recorded with (the task's anchor, plus -m and -cpu). */
export function qemuArgs(kernel: string, initrd: string): string[] {
  return [
    "-kernel", kernel, "-initrd", initrd,
    "-serial", "stdio", "-display", "none", "-no-reboot", "-monitor", "none",
    "-device", "isa-debug-exit,iobase=0xf4,iosize=4",
    "-m", "64", "-cpu", "pentium3",
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

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { "no-build": { type: "boolean" } } });
  const w = findWorkload("strata-kernel");
  const initrd = w?.modules?.[0];
  if (!w || !initrd) throw new Error("the catalogue has no strata-kernel workload");
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
