/**
 * The interpreter against the host CPU (this host runs i386 code natively): every snippet below
 * runs with 16 seeded random inputs (200 with STRATA_FULL=1) (registers, status flags, a memory window) in one program,
 * natively and on the interpreter; registers, the SDM-defined flags and memory must match.
 * The opcode-table-wide random conformance suite lives in src/testing (scripts/conformance.ts).
 */
import { describe, expect, it } from "vitest";
import { runElf } from "../bench/linux-shim";
import {
  AF,
  buildElf,
  CF,
  haveTools,
  makeInputs,
  OF,
  OSZAPC,
  PF,
  programSource,
  readElf,
  RECORD_WORDS,
  REG_NAMES,
  Rng,
  runNative,
  SF,
  type Snippet,
  ZF,
  DF,
} from "./support/native-cases";

const ALL = OSZAPC;
const NO_AF = OSZAPC & ~AF;
const SZP = SF | ZF | PF;
const CC = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"];

function aluSnippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const op of ["add", "adc", "sub", "sbb", "cmp", "and", "or", "xor", "test"]) {
    const f = ["and", "or", "xor", "test"].includes(op) ? NO_AF : ALL;
    const forms = [
      `${op} eax, ebx`,
      `${op} cx, dx`,
      `${op} al, bh`,
      `${op} ah, cl`,
      `${op} esi, 0x7f`,
      `${op} edi, 0x12345678`,
      `${op} dl, 0x80`,
      `${op} bx, 0x8001`,
      `${op} [mem], edx`,
      `${op} byte [mem+1], 0x55`,
      `${op} word [mem+2], cx`,
      `${op} dword [mem+4], -3`,
    ];
    if (op !== "test") forms.push(`${op} ebx, [mem+4]`, `${op} cl, [mem+5]`, `${op} eax, 0x11`);
    for (const code of forms) out.push({ code, flags: f });
  }
  for (const op of ["inc", "dec"]) for (const r of ["eax", "cx", "dl", "bh", "dword [mem]", "byte [mem+3]"]) out.push({ code: `${op} ${r}`, flags: ALL });
  for (const op of ["neg", "not"]) for (const r of ["ebx", "si", "cl", "ah", "dword [mem+8]", "word [mem+2]"]) out.push({ code: `${op} ${r}`, flags: ALL });
  return out;
}

function shiftSnippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const op of ["shl", "shr", "sar"]) {
    for (const r of ["eax", "dx", "bl", "dword [mem]"]) {
      out.push({ code: `${op} ${r}, 1`, flags: NO_AF });
      out.push({ code: `${op} ${r}, 5`, flags: NO_AF & ~OF });
    }
    out.push({ code: `${op} esi, cl`, flags: CF | SZP });
  }
  for (const op of ["rol", "ror", "rcl", "rcr"]) {
    for (const r of ["eax", "dx", "bl", "word [mem+6]"]) {
      out.push({ code: `${op} ${r}, 1`, flags: CF | OF });
      out.push({ code: `${op} ${r}, 3`, flags: CF });
    }
    out.push({ code: `${op} edi, cl`, flags: CF });
    out.push({ code: `${op} bh, 9`, flags: CF });
  }
  for (const op of ["shld", "shrd"]) {
    out.push({ code: `${op} eax, ebx, 1`, flags: NO_AF });
    out.push({ code: `${op} eax, ebx, 7`, flags: NO_AF & ~OF });
    out.push({ code: `${op} [mem], edx, 12`, flags: NO_AF & ~OF });
    out.push({ code: `${op} esi, edi, cl`, flags: CF | SZP });
    out.push({ code: `${op} si, di, 4`, flags: NO_AF & ~OF });
  }
  return out;
}

function mulDivSnippets(): Snippet[] {
  return [
    { code: "mul ebx", flags: CF | OF },
    { code: "mul bx", flags: CF | OF },
    { code: "mul bl", flags: CF | OF },
    { code: "mul dword [mem]", flags: CF | OF },
    { code: "imul ebx", flags: CF | OF },
    { code: "imul cx", flags: CF | OF },
    { code: "imul dh", flags: CF | OF },
    { code: "imul eax, ebx", flags: CF | OF },
    { code: "imul esi, edi, 12345", flags: CF | OF },
    { code: "imul cx, dx, -7", flags: CF | OF },
    { code: "imul ebx, [mem+4], 3", flags: CF | OF },
    { code: "xor edx, edx\nor ebx, 1\ndiv ebx", flags: 0 },
    { code: "and edx, 0xff\nor ebx, 0x100\ndiv ebx", flags: 0 },
    { code: "and dx, 0x7fff\nor bx, 0x8000\ndiv bx", flags: 0 },
    { code: "and ah, 0x7f\nor bl, 0x80\ndiv bl", flags: 0 },
    { code: "cdq\nand ebx, 0x7fffffff\nor ebx, 1\nidiv ebx", flags: 0 },
    { code: "cdq\nand ebx, 0x7fffffff\nor ebx, 2\nneg ebx\nidiv ebx", flags: 0 },
    { code: "cwd\nand bx, 0x7fff\nor bx, 1\nidiv bx", flags: 0 },
    { code: "cbw\nor bl, 0x40\nand bl, 0x7f\nidiv bl", flags: 0 },
    { code: "mov edx, ecx\nand edx, 0x3fff\nor ebx, 0x4000\ndiv ebx", flags: 0 },
  ];
}

function bitSnippets(): Snippet[] {
  const out: Snippet[] = [];
  for (const op of ["bt", "bts", "btr", "btc"]) {
    out.push({ code: `${op} eax, ebx`, flags: CF });
    out.push({ code: `${op} cx, dx`, flags: CF });
    out.push({ code: `${op} esi, 37`, flags: CF });
    out.push({ code: `${op} dword [mem], 5`, flags: CF });
    out.push({ code: `and ecx, 63\nsub ecx, 16\n${op} [mem+8], ecx`, flags: CF });
    out.push({ code: `and ecx, 31\nsub ecx, 8\n${op} [mem+8], cx`, flags: CF });
  }
  for (const op of ["bsf", "bsr"]) {
    out.push({ code: `${op} eax, ebx`, flags: ZF });
    out.push({ code: `and ecx, 0x00f000f0\n${op} edx, ecx`, flags: ZF });
    out.push({ code: `${op} si, di`, flags: ZF });
    out.push({ code: `${op} edi, [mem]`, flags: ZF });
  }
  return out;
}

function dataSnippets(): Snippet[] {
  const out: Snippet[] = [
    { code: "cbw", flags: ALL },
    { code: "cwde", flags: ALL },
    { code: "cwd", flags: ALL },
    { code: "cdq", flags: ALL },
    { code: "bswap ecx", flags: ALL },
    { code: "xchg eax, ebx", flags: ALL },
    { code: "xchg [mem], cx", flags: ALL },
    { code: "xchg dl, dh", flags: ALL },
    { code: "xadd eax, ebx", flags: ALL },
    { code: "xadd [mem+4], cl", flags: ALL },
    { code: "cmpxchg ebx, ecx", flags: ALL },
    { code: "mov eax, [mem]\ncmpxchg [mem], edx", flags: ALL },
    { code: "cmpxchg [mem+4], si", flags: ALL },
    { code: "cmpxchg8b [mem]", flags: ALL },
    { code: "mov eax, [mem]\nmov edx, [mem+4]\ncmpxchg8b [mem]", flags: ALL },
    { code: "lahf", flags: ALL },
    { code: "sahf", flags: ALL },
    { code: "salc", flags: ALL },
    { code: "movzx eax, bl", flags: ALL },
    { code: "movzx ecx, word [mem+2]", flags: ALL },
    { code: "movsx edx, byte [mem+3]", flags: ALL },
    { code: "movsx si, bh", flags: ALL },
    { code: "movsx edi, cx", flags: ALL },
    { code: "lea eax, [ebx+ecx*4+0x123]", flags: ALL },
    { code: "lea edx, [esi*8-5]", flags: ALL },
    { code: "lea cx, [ebx+edi]", flags: ALL },
    { code: "lea ax, [bx+si+5]", flags: ALL },
    { code: "lea dx, [bp+di-1]", flags: ALL },
    { code: "mov ax, [mem+1]\nmov [mem+9], ebx", flags: ALL },
    { code: "mov bh, [mem+6]\nmov [mem+13], cl", flags: ALL },
    { code: "lea ebx, [mem]\nand eax, 15\nxlatb", flags: ALL },
    { code: "push ebx\npop ecx", flags: ALL },
    { code: "push word 0x1234\npop dx", flags: ALL },
    { code: "push dword [mem]\npop dword [mem+8]", flags: ALL },
    { code: "pushfd\npop eax", flags: ALL },
    { code: "and ebx, ~0x40100\npush ebx\npopfd", flags: ALL },
    { code: "pusha\nxor eax, eax\nxor edi, edi\npopa", flags: ALL },
    { code: "mov ebp, 7\nenter 16, 0\nmov ecx, ebp\nsub ecx, esp\nleave", flags: ALL },
    { code: "lea ebp, [mem+32]\nenter 8, 1\nmov ecx, ebp\nsub ecx, esp\nleave", flags: ALL },
    { code: "lea ebp, [mem+12]\nenter 16, 3\nmov ecx, ebp\nsub ecx, esp\nmov eax, [ebp-4]\nmov edx, [ebp-8]\nleave", flags: ALL },
    { code: "lea ebp, [mem+12]\nenter 0, 2\nmov ecx, ebp\nsub ecx, esp\nmov eax, [ebp-4]\nleave", flags: ALL },
    { code: "clc", flags: ALL },
    { code: "stc", flags: ALL },
    { code: "cmc", flags: ALL },
    { code: "std\ncld", flags: ALL },
  ];
  for (let cc = 0; cc < 16; cc++) {
    out.push({ code: `cmp eax, ebx\nset${CC[cc]} cl\nset${CC[cc]} byte [mem]`, flags: ALL });
    out.push({ code: `add cx, dx\nset${CC[cc]} bl`, flags: ALL });
    out.push({ code: `sub dl, dh\nset${CC[cc]} al`, flags: ALL });
    out.push({ code: `test esi, edi\ncmov${CC[cc]} eax, ebx`, flags: NO_AF });
    out.push({ code: `cmp ecx, edx\ncmov${CC[cc]} si, [mem+2]`, flags: ALL });
    out.push({ code: `inc esi\nset${CC[cc]} al`, flags: ALL });
    out.push({ code: `shl edi, 1\nset${CC[cc]} al`, flags: NO_AF });
    out.push({ code: `cmp eax, ebx\nj${CC[cc]} .t@\nmov ecx, 1\n.t@:`, flags: ALL });
  }
  return out;
}

function bcdStringSnippets(): Snippet[] {
  return [
    { code: "daa", flags: ALL & ~OF },
    { code: "das", flags: ALL & ~OF },
    { code: "aaa", flags: AF | CF },
    { code: "aas", flags: AF | CF },
    { code: "aam", flags: SZP },
    { code: "aam 16", flags: SZP },
    { code: "aad", flags: SZP },
    { code: "aad 7", flags: SZP },
    { code: "mov esi, mem\nlea edi, [mem+8]\nand ecx, 7\nrep movsb", flags: ALL },
    { code: "lea esi, [mem+7]\nlea edi, [mem+15]\nand ecx, 7\nstd\nrep movsb", flags: ALL | DF },
    { code: "lea edi, [mem]\nand ecx, 3\nrep stosd", flags: ALL },
    { code: "lea edi, [mem+1]\nand ecx, 7\nrep stosw", flags: ALL },
    { code: "mov esi, mem\nlea edi, [mem+8]\nand ecx, 7\nrepe cmpsb", flags: ALL },
    { code: "mov esi, mem\nlea edi, [mem+4]\nand ecx, 3\nrepne cmpsw", flags: ALL },
    { code: "lea edi, [mem]\nand ecx, 15\nrepne scasb", flags: ALL },
    { code: "lea edi, [mem]\nand ecx, 3\nrepe scasd", flags: ALL },
    { code: "mov esi, mem\nlodsw\nlodsb", flags: ALL },
    { code: "mov esi, mem\nlea edi, [mem+2]\nmovsd", flags: ALL },
    { code: "and ecx, 7\ninc ecx\nxor eax, eax\n.l@: inc eax\nloop .l@", flags: ALL },
    { code: "and ecx, 3\ninc ecx\nxor eax, eax\n.l@: inc eax\ncmp eax, edx\nloopne .l@", flags: ALL },
    { code: "and ecx, 1\nmov eax, 5\njecxz .z@\nmov eax, 6\n.z@:", flags: ALL },
    { code: "fild dword [mem]\nfild dword [mem+4]\nfaddp st1\nfistp dword [mem+8]", flags: ALL },
    { code: "fild dword [mem]\nfild dword [mem+4]\nfcomip st1\nfstp st0", flags: ZF | PF | CF | OF | SF | AF },
    { code: "fld1\nfldpi\nfmulp st1\nfstp qword [mem]", flags: ALL },
  ];
}

const GROUPS: [string, () => Snippet[]][] = [
  ["ALU, INC/DEC, NEG/NOT", aluSnippets],
  ["shifts, rotates, SHLD/SHRD", shiftSnippets],
  ["MUL/IMUL/DIV/IDIV", mulDivSnippets],
  ["bit instructions", bitSnippets],
  ["data movement, stack, flags, SETcc/CMOVcc/Jcc", dataSnippets],
  ["BCD, strings, LOOP, x87 envelope", bcdStringSnippets],
];

const hex = (v: number): string => `0x${(v >>> 0).toString(16).padStart(8, "0")}`;

/** Inputs per snippet: a quick seeded set in `pnpm test`, many more with STRATA_FULL=1. */
const INPUTS = process.env.STRATA_FULL === "1" ? 200 : 16;

describe.skipIf(!haveTools())("interpreter vs host CPU (nasm snippets, seeded random inputs)", () => {
  for (const [name, make] of GROUPS) {
    it(name, () => {
      const snippets = make();
      const inputs = makeInputs(new Rng(0x9e3779b9 ^ name.length), INPUTS);
      const elf = buildElf(programSource(snippets, inputs), "cases");
      const native = runNative(elf);
      expect(native.signal ?? native.status).toBe(0);
      const ours = runElf(readElf(elf), ["cases"]);
      expect(ours.exitCode).toBe(0);
      const n = new Int32Array(native.stdout.buffer, native.stdout.byteOffset, native.stdout.length >> 2);
      const o = new Int32Array(ours.stdoutBytes.buffer, ours.stdoutBytes.byteOffset, ours.stdoutBytes.length >> 2);
      expect(o.length).toBe(n.length);
      const failures: string[] = [];
      snippets.forEach((sn, si) => {
        inputs.forEach((inp, ci) => {
          const base = (si * inputs.length + ci) * RECORD_WORDS;
          const diffs: string[] = [];
          REG_NAMES.forEach((r, j) => {
            if (sn.ignore?.includes(r)) return;
            if (n[base + j] !== o[base + j]) diffs.push(`${r} native ${hex(n[base + j]!)} ours ${hex(o[base + j]!)}`);
          });
          const mask = sn.flags | DF;
          if (((n[base + 7]! ^ o[base + 7]!) & mask) !== 0) {
            diffs.push(`eflags native ${hex(n[base + 7]!)} ours ${hex(o[base + 7]!)} (compared ${hex(mask)})`);
          }
          for (let w = 0; w < 4; w++) {
            if (n[base + 8 + w] !== o[base + 8 + w]) diffs.push(`mem+${w * 4} native ${hex(n[base + 8 + w]!)} ours ${hex(o[base + 8 + w]!)}`);
          }
          if (diffs.length > 0 && failures.length < 12) {
            failures.push(`${sn.code.replaceAll("\n", "; ")} | in ${inp.regs.map(hex).join(" ")} fl ${hex(inp.flags)} mem ${inp.mem.map(hex).join(" ")}\n    ${diffs.join("\n    ")}`);
          }
        });
      });
      expect(failures, failures.join("\n")).toEqual([]);
    });
  }
});
