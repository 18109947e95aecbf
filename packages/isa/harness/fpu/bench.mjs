// FPU bench: the software x87 against the host x87, measured in the same run.
// Run: pnpm --filter @strata/isa exec tsx harness/fpu/bench.mjs
// Prints `RESULT <name> <value>` lines: ns per instruction for the emulator (x87Execute, the
// interpreter's entry point) and for the host (x87bench.c), and their ratio.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { X87State, x87Execute } from "../../src/fpu/index.ts";

const here = import.meta.dirname;
const buildDir = mkdtempSync(join(tmpdir(), "strata-x87bench-"));
process.on("exit", () => rmSync(buildDir, { recursive: true, force: true }));
const exe = join(buildDir, "x87bench");
let native = true;
try {
  execFileSync("gcc", ["-m32", "-O2", "-fno-pie", "-no-pie", "-o", exe, join(here, "x87bench.c")], { stdio: "pipe" });
} catch {
  native = false;
  console.log("# gcc -m32 unavailable: emulator timings only");
}

// name, setup (opcode pairs run once), loop body (opcode pairs), emulator iterations
const CASES = [
  ["fadd", [[0xd9, 0xe8], [0xd9, 0xe8]], [[0xd8, 0xc1]], 2_000_000],
  ["fmul", [[0xd9, 0xe8], [0xd9, 0xe8]], [[0xd8, 0xc9]], 2_000_000],
  ["fdiv", [[0xd9, 0xe8], [0xd9, 0xe8]], [[0xd8, 0xf1]], 1_000_000],
  ["fsqrt", [[0xd9, 0xeb]], [[0xd9, 0xfa]], 1_000_000],
  ["fsin", [[0xd9, 0xe8]], [[0xd9, 0xfe]], 5_000],
  ["fldfstp", [], [[0xdd, 0x03], [0xdd, 0x1b]], 1_000_000],
];

function emulate(setup, body, n) {
  const fpu = new X87State();
  const mem = new Uint8Array(16);
  new DataView(mem.buffer).setFloat64(0, 1.5, true);
  for (const [op, modrm] of setup) x87Execute(fpu, op, modrm, mem, 0, 0);
  // Warm up, then time.
  for (let i = 0; i < Math.min(n, 10_000); i++) for (const [op, modrm] of body) x87Execute(fpu, op, modrm, mem, 0, 0);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) for (const [op, modrm] of body) x87Execute(fpu, op, modrm, mem, 0, 0);
  const t1 = performance.now();
  return ((t1 - t0) * 1e6) / (n * body.length);
}

for (const [name, setup, body, n] of CASES) {
  const emu = emulate(setup, body, n);
  console.log(`RESULT x87.${name}.emu_ns ${emu.toFixed(2)}`);
  if (native) {
    const nat = Number(execFileSync(exe, [name, String(8_000_000)], { encoding: "utf8" }).trim()) / (name === "fldfstp" ? 2 : 1);
    console.log(`RESULT x87.${name}.host_ns ${nat.toFixed(3)}`);
    console.log(`RESULT x87.${name}.slowdown ${(emu / nat).toFixed(1)}`);
  }
}
