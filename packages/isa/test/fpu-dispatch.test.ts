// The x87 dispatcher's view of memory operands (x87MemOperand) and of undefined encodings,
// checked against objdump's disassembly of every D8-DF memory form: operand size from its
// "WORD/DWORD/QWORD/TBYTE PTR", direction from the mnemonic, "(bad)" for undefined encodings.

import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { X87Exec, X87Mode, X87State, x87Execute, x87IsNoWait, x87MemOperand } from "../src/fpu/index";

function objdump(bytes: number[]): string[] | null {
  try {
    const dir = mkdtempSync(join(tmpdir(), "strata-x87-objdump-"));
    const f = join(dir, "code.bin");
    writeFileSync(f, Uint8Array.from(bytes));
    let out: string;
    try {
      out = execFileSync("objdump", ["-D", "-b", "binary", "-m", "i386", "-M", "intel", f], { encoding: "utf8" });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return out
      .split("\n")
      .filter((l) => /^\s+[0-9a-f]+:\t/.test(l))
      .map((l) => l.split("\t")[2]!.trim());
  } catch {
    return null;
  }
}

const forms: number[][] = [];
for (let op = 0xd8; op <= 0xdf; op++) for (let reg = 0; reg < 8; reg++) forms.push([op, (reg << 3) | 3]);
const listing = objdump(forms.flat());

const SIZES: Record<string, number> = { WORD: 2, DWORD: 4, QWORD: 8, TBYTE: 10 };
const WRITES = /^(fst|fstp|fist|fistp|fisttp|fbstp|fnstenv|fnstcw|fnsave|fnstsw)\b/;
const ENV = /^(fldenv|fnstenv|frstor|fnsave)\b/;

describe.skipIf(listing === null)("x87 memory operands vs objdump", () => {
  it("agree on size, direction and undefined encodings for all 64 memory forms", () => {
    expect(listing).toHaveLength(64);
    const mismatches: string[] = [];
    forms.forEach(([op, modrm], k) => {
      const text = listing![k]!;
      const got = x87MemOperand(op!, modrm!, 0);
      let want: number;
      if (text.startsWith("(bad)")) want = 0;
      else if (ENV.test(text)) want = /^(fldenv|fnstenv)/.test(text) ? 28 : 108;
      else {
        const m = /(\w+) PTR/.exec(text);
        want = m ? SIZES[m[1]!]! : -1;
      }
      if (want !== 0 && WRITES.test(text)) want = -want;
      if (got !== want) mismatches.push(`${op!.toString(16)} /${(modrm! >> 3) & 7}: objdump "${text}" wants ${want}, got ${got}`);
      // Undefined encodings must come back as #UD from the dispatcher.
      const res = x87Execute(new X87State(), op!, modrm!, new Uint8Array(108), 0, 0);
      if ((want === 0) !== ((res & X87Exec.Undefined) !== 0)) mismatches.push(`${op!.toString(16)} /${(modrm! >> 3) & 7}: "${text}" but x87Execute returned ${res}`);
    });
    expect(mismatches).toEqual([]);
  });

  it("sizes the 16-bit environment and save images", () => {
    expect(x87MemOperand(0xd9, 0x23, X87Mode.OperandSize16)).toBe(14);
    expect(x87MemOperand(0xd9, 0x33, X87Mode.OperandSize16)).toBe(-14);
    expect(x87MemOperand(0xdd, 0x23, X87Mode.OperandSize16)).toBe(94);
    expect(x87MemOperand(0xdd, 0x33, X87Mode.OperandSize16)).toBe(-94);
  });

  it("marks exactly the FN* forms as no-wait (objdump spells them fn...)", () => {
    forms.forEach(([op, modrm], k) => {
      const text = listing![k]!;
      expect(x87IsNoWait(op!, modrm!), text).toBe(/^fn(stenv|stcw|save|stsw)/.test(text));
    });
    const regForms = objdump([0xdb, 0xe2, 0xdb, 0xe3, 0xdf, 0xe0, 0xd9, 0xe0])!;
    expect(regForms).toEqual(["fnclex", "fninit", "fnstsw ax", "fchs"]);
    expect([x87IsNoWait(0xdb, 0xe2), x87IsNoWait(0xdb, 0xe3), x87IsNoWait(0xdf, 0xe0), x87IsNoWait(0xd9, 0xe0)]).toEqual([true, true, true, false]);
  });
});
