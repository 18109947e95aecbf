/**
 * Differential cases against the host CPU: each snippet runs with many register/flag/memory
 * inputs inside one nasm program; after each case the program stores the seven general
 * registers (not ESP), EFLAGS and a 16-byte memory window, and at the end writes the whole
 * record array to stdout. The same ELF runs natively (the reference) and on the interpreter.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const CF = 1;
export const PF = 4;
export const AF = 0x10;
export const ZF = 0x40;
export const SF = 0x80;
export const OF = 0x800;
export const DF = 0x400;
export const OSZAPC = CF | PF | AF | ZF | SF | OF;

export interface Snippet {
  /** nasm source of the instruction(s) under test (may use [mem], the 16-byte window). */
  readonly code: string;
  /** EFLAGS bits whose result the SDM defines for this snippet (others are masked). */
  readonly flags: number;
  /** Registers to leave out of the comparison (undefined results), by name. */
  readonly ignore?: readonly string[];
}

export const REG_NAMES = ["eax", "ecx", "edx", "ebx", "ebp", "esi", "edi"] as const;
export const RECORD_WORDS = 12;

/** Deterministic PRNG (xorshift32) with a bias towards edge values. */
export class Rng {
  constructor(private x: number) {}
  next(): number {
    let x = this.x;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.x = x;
    return x >>> 0;
  }
  value(): number {
    const EDGE = [0, 1, 2, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffffe, 0x12345678, 31, 32, 33];
    const r = this.next() % 8;
    if (r === 0) return EDGE[this.next() % EDGE.length]!;
    if (r === 1) return this.next() & 0xff;
    if (r === 2) return this.next() & 0x3f;
    return this.next();
  }
}

export interface CaseInput {
  readonly regs: readonly number[];
  readonly flags: number;
  readonly mem: readonly number[];
}

export function makeInputs(rng: Rng, n: number): CaseInput[] {
  const out: CaseInput[] = [];
  for (let k = 0; k < n; k++) {
    out.push({
      regs: REG_NAMES.map(() => rng.value()),
      flags: (rng.next() & OSZAPC) | 2,
      mem: [rng.value(), rng.value(), rng.value(), rng.value()],
    });
  }
  return out;
}

const hex = (v: number): string => `0x${(v >>> 0).toString(16)}`;

/** nasm source for all snippets × inputs; returns the source and the case list. */
export function programSource(snippets: readonly Snippet[], inputs: readonly CaseInput[]): string {
  const lines: string[] = ["bits 32", "global _start", "section .text", "_start:"];
  let k = 0;
  for (const sn of snippets) {
    for (const inp of inputs) {
      const rec = `out + ${k * RECORD_WORDS * 4}`;
      lines.push(
        `  mov dword [mem], ${hex(inp.mem[0]!)}`,
        `  mov dword [mem+4], ${hex(inp.mem[1]!)}`,
        `  mov dword [mem+8], ${hex(inp.mem[2]!)}`,
        `  mov dword [mem+12], ${hex(inp.mem[3]!)}`,
        ...REG_NAMES.map((r, j) => `  mov ${r}, ${hex(inp.regs[j]!)}`),
        `  push dword ${hex(inp.flags)}`,
        "  popfd",
        ...sn.code.split("\n").map((l) => `  ${l.replaceAll("@", `_${k}`)}`),
        "  pushfd",
        ...REG_NAMES.map((r, j) => `  mov [${rec} + ${j * 4}], ${r}`),
        `  pop dword [${rec} + 28]`,
        "  cld",
        `  mov eax, [mem]`,
        `  mov [${rec} + 32], eax`,
        `  mov eax, [mem+4]`,
        `  mov [${rec} + 36], eax`,
        `  mov eax, [mem+8]`,
        `  mov [${rec} + 40], eax`,
        `  mov eax, [mem+12]`,
        `  mov [${rec} + 44], eax`,
      );
      k++;
    }
  }
  lines.push(
    "  mov eax, 4",
    "  mov ebx, 1",
    "  mov ecx, out",
    `  mov edx, ${k * RECORD_WORDS * 4}`,
    "  int 0x80",
    "  mov eax, 1",
    "  xor ebx, ebx",
    "  int 0x80",
    "section .bss",
    "alignb 16",
    "pad: resb 64",
    "mem: resb 64",
    `out: resb ${k * RECORD_WORDS * 4}`,
  );
  return lines.join("\n");
}

/** Assembles and links a nasm program into a static ELF; returns its path. */
export function buildElf(source: string, name: string, ldFlags: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "strata-isa-"));
  const asm = join(dir, `${name}.asm`);
  const obj = join(dir, `${name}.o`);
  const elf = join(dir, name);
  writeFileSync(asm, source);
  const a = spawnSync("nasm", ["-f", "elf32", "-o", obj, asm], { encoding: "utf8" });
  if (a.status !== 0) throw new Error(`nasm failed: ${a.stderr}`);
  const l = spawnSync("ld", ["-m", "elf_i386", ...ldFlags, "-o", elf, obj], { encoding: "utf8" });
  if (l.status !== 0) throw new Error(`ld failed: ${l.stderr}`);
  return elf;
}

export function runNative(elf: string): { stdout: Uint8Array; status: number | null; signal: string | null } {
  const r = spawnSync(elf, [], { maxBuffer: 64 << 20 });
  return { stdout: new Uint8Array(r.stdout), status: r.status, signal: r.signal };
}

export function readElf(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

export function haveTools(): boolean {
  return spawnSync("nasm", ["-v"]).status === 0 && spawnSync("ld", ["-v"]).status === 0;
}
