/**
 * Helpers of the machine tests: build our nasm test kernels and ROMs, run them under
 * qemu-system-i386 (the reference PC) and under the PC machine, with the same options.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createPcMachine, type PcMachine } from "../../src/machine/pc-machine";
import { loadMultiboot } from "../../src/machine/boot";
import type { MultibootModule } from "../../src/loaders/multiboot";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures/machine");
/** The workloads package's bare-metal sources and artifacts (read as files; isa does not depend on it). */
export const WORKLOADS = resolve(import.meta.dirname, "../../../workloads");

export function haveQemu(): boolean {
  return spawnSync("qemu-system-i386", ["--version"]).status === 0 && spawnSync("nasm", ["-v"]).status === 0 && spawnSync("ld", ["-v"]).status === 0;
}

const dir = mkdtempSync(join(tmpdir(), "strata-machine-"));

/** Assembles `source` (a file) with nasm: ELF linked at `text` when given, else a flat binary. */
export function assemble(source: string, text?: number, flags: readonly string[] = []): string {
  const name = source.split("/").pop()!.replace(/\.asm$/, "");
  const inc = [`-I${source.slice(0, source.lastIndexOf("/") + 1)}`, ...flags];
  if (text === undefined) {
    const out = join(dir, `${name}.bin`);
    const a = spawnSync("nasm", ["-f", "bin", ...inc, "-o", out, source], { encoding: "utf8" });
    if (a.status !== 0) throw new Error(`nasm: ${a.stderr}`);
    return out;
  }
  const obj = join(dir, `${name}.o`);
  const out = join(dir, `${name}.elf`);
  const a = spawnSync("nasm", ["-f", "elf32", ...inc, "-o", obj, source], { encoding: "utf8" });
  if (a.status !== 0) throw new Error(`nasm: ${a.stderr}`);
  const l = spawnSync("ld", ["-m", "elf_i386", `-Ttext=0x${text.toString(16)}`, "-o", out, obj], { encoding: "utf8" });
  if (l.status !== 0) throw new Error(`ld: ${l.stderr}`);
  return out;
}

export function tempFile(name: string, bytes: Uint8Array | string): string {
  const p = join(dir, name);
  writeFileSync(p, bytes);
  return p;
}

export interface PcRun {
  readonly serial: string;
  /** qemu's exit status ((v << 1) | 1 after isa-debug-exit), or null. */
  readonly status: number | null;
}

export function runQemu(args: readonly string[], timeoutMs = 120_000): PcRun {
  const r = spawnSync("qemu-system-i386", [...args, "-serial", "stdio", "-display", "none", "-no-reboot", "-device", "isa-debug-exit,iobase=0xf4,iosize=4"], {
    encoding: "latin1",
    timeout: timeoutMs,
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { serial: r.stdout ?? "", status: r.status };
}

export interface StrataBoot {
  readonly kernel?: string;
  readonly bios?: string;
  readonly cmdline?: string;
  readonly initrd?: string;
  readonly memoryMiB?: number;
}

/** A PC machine set up as `qemu-system-i386` would be with the same options; output collected. */
export function bootStrata(opts: StrataBoot): { m: PcMachine; out: () => string } {
  let serial = "";
  const m = createPcMachine({
    memoryBytes: (opts.memoryMiB ?? 128) << 20,
    bios: opts.bios ? new Uint8Array(readFileSync(opts.bios)) : undefined,
    serialOut: (b) => (serial += String.fromCharCode(b)),
  });
  if (opts.kernel) {
    const modules: MultibootModule[] = (opts.initrd?.split(",") ?? []).map((spec) => ({ bytes: new Uint8Array(readFileSync(spec.split(" ")[0]!)), string: spec }));
    loadMultiboot(m, new Uint8Array(readFileSync(opts.kernel)), { file: opts.kernel, cmdline: opts.cmdline, modules });
  }
  return { m, out: () => serial };
}

/** Runs a strata machine to its end (or `budget` instructions); returns its serial output and status. */
export function runStrata(opts: StrataBoot, budget = 50_000_000): PcRun & { why: string } {
  const { m, out } = bootStrata(opts);
  const why = m.run(budget);
  return { serial: out(), status: why === "exit" ? m.exitStatus : null, why };
}
