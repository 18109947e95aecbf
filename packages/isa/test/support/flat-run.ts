/**
 * The flat-machine harness of the instruction tests: nasm (the encoding reference) assembles a
 * snippet, the interpreter runs it at 0x1000 in flat 32-bit protected mode, and the first
 * exception it raises is handed to the host (every test sees the architectural event itself).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createMachine, type Machine } from "../../src/machine";
import type { StopReason } from "../../src/engine";

export const haveNasm = spawnSync("nasm", ["-v"]).status === 0;
const dir = haveNasm ? mkdtempSync(join(tmpdir(), "strata-nasm-")) : "";

/** Assembles `source` as a flat binary (`bits`, `org` prepended). */
export function nasm(source: string, bits: 16 | 32 = 32, org = 0x1000): Uint8Array {
  const src = join(dir, "t.asm");
  const out = join(dir, "t.bin");
  writeFileSync(src, `bits ${bits}\norg ${org}\n${source}\n`);
  const r = spawnSync("nasm", ["-f", "bin", "-o", out, src], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return new Uint8Array(readFileSync(out));
}

/** The exception that stopped a run, as the host handler saw it. */
export interface HostEvent {
  vector: number;
  errorCode: number;
  eip: number;
}

export interface CodeRun {
  stop: StopReason;
  ev: HostEvent | null;
}

/** Writes `source` (nasm, 32-bit, org 0x1000) at 0x1000 of `m` and runs from the current state until HLT, an exception or `budget`. */
export function runCode(m: Machine, source: string, budget = 10000): CodeRun {
  m.ram.writeBytes(0x1000, nasm(source));
  let ev: HostEvent | null = null;
  m.engine.setHostHandler((e) => {
    ev = { vector: e.vector, errorCode: e.errorCode, eip: e.eip >>> 0 };
    return "stop";
  });
  const stop = m.engine.run(budget);
  return { stop, ev };
}

export interface FlatRunOptions {
  /** Guest RAM (default 4 MiB). */
  memoryBytes?: number;
  /** CPL of the flat segments (resetSupervisorFlat or resetUserFlat; default 0). */
  cpl?: 0 | 3;
  /** Instruction budget (default 10000). */
  budget?: number;
}

/** A fresh flat machine (EIP 0x1000, ESP 0x8000), `setup` applied after the reset, then `source` run by runCode. */
export function runFlat(source: string, setup?: (m: Machine) => void, options: FlatRunOptions = {}): CodeRun & { m: Machine } {
  const m = createMachine({ memoryBytes: options.memoryBytes ?? 4 << 20 });
  if (options.cpl === 3) m.cpu.resetUserFlat(0x1000, 0x8000);
  else m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  setup?.(m);
  return { m, ...runCode(m, source, options.budget) };
}
