/**
 * The type-checking verifier against hand-made bad bytecode: javac output whose code bytes are
 * patched (wrong load type, wrong return, stack underflow, a branch to an offset without a stack
 * map frame). The real `java` must reject each patched class with VerifyError too, and accept
 * the unpatched one; jvm-lite must print the same.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parseClassFile } from "../src/index";
import { compile, runLite, runReference, tempDir } from "./harness";

let dir = "";
let original: Uint8Array;

beforeAll(() => {
  const src = tempDir();
  writeFileSync(
    join(src, "Victim.java"),
    `public class Victim {
       public static int inc(int a) { return a + 1; }
       public static int loop(int n) { int s = 0; for (int i = 0; i < n; i++) s += i; return s; }
     }`,
  );
  writeFileSync(
    join(src, "User.java"),
    `public class User { public static void main(String[] a) {
       try { System.out.println(Victim.inc(41) + " " + Victim.loop(5)); }
       catch (LinkageError e) { System.out.println(e.getClass().getName()); } } }`,
  );
  dir = compile([join(src, "Victim.java"), join(src, "User.java")]);
  original = new Uint8Array(readFileSync(join(dir, "Victim.class")));
});

/** File offset of a method's code bytes inside the class file. */
function codeOffset(name: string): { off: number; code: Uint8Array } {
  const cf = parseClassFile(original, "Victim");
  const code = cf.methods.find((m) => m.name === name)!.code!.code;
  return { off: code.byteOffset - original.byteOffset, code };
}

function runPatched(patch: (b: Uint8Array) => void): { lite: string; java: string } {
  const b = original.slice();
  patch(b);
  writeFileSync(join(dir, "Victim.class"), b);
  const java = runReference({ cp: dir, main: "User" }).stdout;
  const lite = runLite({ cp: dir, main: "User" }).stdout;
  writeFileSync(join(dir, "Victim.class"), original);
  return { lite, java };
}

describe("verifier", () => {
  it("accepts javac output", () => {
    const r = runPatched(() => {});
    expect(r.java).toBe("42 10\n");
    expect(r.lite).toBe(r.java);
  });

  const cases: [string, (b: Uint8Array) => void][] = [
    ["iload_0 patched to aload_0 (int local used as a reference)", (b) => {
      const { off, code } = codeOffset("inc");
      expect(code[0]).toBe(0x1a);
      b[off] = 0x2a;
    }],
    ["ireturn patched to areturn", (b) => {
      const { off, code } = codeOffset("inc");
      expect(code[3]).toBe(0xac);
      b[off + 3] = 0xb0;
    }],
    ["iconst_1 patched to nop (operand stack underflow)", (b) => {
      const { off, code } = codeOffset("inc");
      expect(code[1]).toBe(0x04);
      b[off + 1] = 0x00;
    }],
    ["goto retargeted to an offset without a stack map frame", (b) => {
      const { off, code } = codeOffset("loop");
      const g = code.indexOf(0xa7);
      expect(g).toBeGreaterThan(0);
      // jump back one instruction byte short of the original target
      const target = ((code[g + 1]! << 8) | code[g + 2]!) << 16 >> 16;
      const t2 = target + 1;
      b[off + g + 1] = (t2 >> 8) & 0xff;
      b[off + g + 2] = t2 & 0xff;
    }],
  ];
  for (const [name, patch] of cases) {
    it(`rejects ${name} with VerifyError, as java does`, () => {
      const r = runPatched(patch);
      expect(r.java).toBe("java.lang.VerifyError\n");
      expect(r.lite).toBe(r.java);
    });
  }
});
