/** Shared helpers of the dbt tests: run an i386 ELF natively and on linux-user with either engine. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { LinuxProcess } from "@strata/linux-user";
import { type Cpu, readEflags, S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2, S_EFLAGS } from "@strata/isa";
import type { DbtEngine, DbtOptions } from "../src/index";
import { createDbtEngine } from "../src/index";

export interface Outcome {
  stdout: string;
  status: number;
  counters: Record<string, number>;
}

export function runNative(path: string, args: readonly string[] = []): { stdout: string; status: number } {
  const r = spawnSync(path, args, { encoding: "latin1" });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status ?? 128 };
}

/** A process on linux-user; `dbt` gives the translator's options (undefined: the interpreter). */
export function linuxProcess(bytes: Uint8Array, argv: readonly string[], dbt?: Omit<DbtOptions, "interpreter">): { proc: LinuxProcess; out: () => string; dbt: () => DbtEngine | null } {
  const chunks: Uint8Array[] = [];
  let engine: DbtEngine | null = null;
  const proc = new LinuxProcess(bytes, {
    argv,
    stdout: (b) => chunks.push(b.slice()),
    stderr: () => undefined,
    ...(dbt !== undefined ? { engine: (m) => (engine = createDbtEngine(m, dbt)) } : {}),
  });
  return { proc, out: () => Buffer.concat(chunks).toString("latin1"), dbt: () => engine };
}

export function runLinux(bytes: Uint8Array, argv: readonly string[], dbt?: Omit<DbtOptions, "interpreter">): Outcome {
  const p = linuxProcess(bytes, argv, dbt);
  p.proc.run();
  return { stdout: p.out(), status: p.proc.status().status, counters: p.proc.counters() };
}

/**
 * The architectural state of a processor: every state word, with the lazy-flags record
 * (S_EFLAGS, S_CC_*) replaced by the EFLAGS image it stands for. The record's operand words are
 * a representation: the translator leaves out a computation nothing can observe (the CF that an
 * INC overwritten by the next CMP would carry over), so only what they encode is compared.
 */
export function archState(cpu: Cpu): number[] {
  const out = Array.from(cpu.s);
  out[S_EFLAGS] = readEflags(cpu.s);
  for (const w of [S_CC_OP, S_CC_DST, S_CC_SRC, S_CC_SRC2]) out[w] = 0;
  return out;
}

/** The counters both engines must agree on. */
export function isaCounters(c: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(c).filter(([k]) => /^(insn|exc|int|syscall)\./.test(k)));
}

/** Assembles `asm` (a fixture) with nasm and links it with ld -N (one RWX segment). */
export function buildAsm(fixture: string): string {
  const dir = mkdtempSync(join(tmpdir(), "strata-dbt-"));
  const src = fileURLToPath(new URL(`./fixtures/${fixture}`, import.meta.url));
  const obj = join(dir, "a.o");
  const exe = join(dir, fixture.replace(/\.asm$/, ""));
  const a = spawnSync("nasm", ["-f", "elf32", src, "-o", obj], { encoding: "utf8" });
  if (a.status !== 0) throw new Error(`nasm ${fixture}: ${a.stderr}`);
  const l = spawnSync("ld", ["-m", "elf_i386", "-N", "-o", exe, obj], { encoding: "utf8" });
  if (l.status !== 0) throw new Error(`ld ${fixture}: ${l.stderr}`);
  return exe;
}

/**
 * Assembles and links a Multiboot fixture kernel (fixtures/<name>.asm, which may include
 * fixtures/kernel.inc, linked with fixtures/paging.ld); returns the ELF's path.
 */
export function buildKernelFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `strata-dbt-${name}-`));
  const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
  const obj = join(dir, `${name}.o`);
  const elf = join(dir, `${name}.elf`);
  const a = spawnSync("nasm", ["-f", "elf32", "-i", fixtures, join(fixtures, `${name}.asm`), "-o", obj], { encoding: "utf8" });
  if (a.status !== 0) throw new Error(`nasm ${name}.asm: ${a.stderr}`);
  const l = spawnSync("ld", ["-m", "elf_i386", "--no-warn-rwx-segments", "-T", join(fixtures, "paging.ld"), "-o", elf, obj], { encoding: "utf8" });
  if (l.status !== 0) throw new Error(`ld ${name}: ${l.stderr}`);
  return elf;
}

/** qemu-system-i386's exit status for a Multiboot kernel that exits through isa-debug-exit at 0xf4. */
export function qemuKernelStatus(elf: string): number | null {
  const args = ["-kernel", elf, "-device", "isa-debug-exit,iobase=0xf4,iosize=0x04", "-display", "none", "-serial", "none", "-no-reboot"];
  return spawnSync("qemu-system-i386", args, { timeout: 60_000 }).status;
}

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}
