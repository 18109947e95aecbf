/**
 * exec/dispatch.ts inlines the exec/fast.ts handlers in a switch; this keeps the two in step: case
 * k + 1 must be the body of FAST_ORDER[k], text for text (modulo indentation and the `s` local),
 * and every handler that bind.ts can select must have its case.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FAST_ORDER } from "../src/exec/fast";
import * as fast from "../src/exec/fast";
import { inlineOp } from "../src/exec/dispatch";

const dir = join(import.meta.dirname, "..", "src", "exec");
const norm = (body: string): string =>
  body
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && l !== "const s = cpu.s;" && l !== "const mmu = cpu.mmu;" && l !== "const r8 = cpu.r8;" && l !== "break;")
    .join("\n");

describe("inline dispatch", () => {
  it("every case body equals its exec/fast.ts handler", () => {
    const fastSrc = readFileSync(join(dir, "fast.ts"), "utf8");
    const dispatchSrc = readFileSync(join(dir, "dispatch.ts"), "utf8");
    const bodies = new Map<string, string>();
    for (const m of fastSrc.matchAll(/export const (\w+): ExecFn = \(cpu, i\) => \{\n([\s\S]*?)\n\};/g)) bodies.set(m[1]!, norm(m[2]!));
    const cases = new Map<number, string>();
    for (const m of dispatchSrc.matchAll(/^ *case (\d+): \{\n([\s\S]*?)\n *break;\n *\}/gm)) cases.set(Number(m[1]), norm(m[2]!));
    const names = Object.entries(fast).filter(([, v]) => FAST_ORDER.includes(v as never)).map(([k]) => k);
    expect(names.length).toBe(FAST_ORDER.length);
    FAST_ORDER.forEach((f, k) => {
      const name = Object.entries(fast).find(([, v]) => v === f)![0];
      expect(cases.get(k + 1), `case ${k + 1} (${name})`).toBe(bodies.get(name));
      expect(inlineOp(f)).toBe(k + 1);
    });
    expect(cases.size).toBe(FAST_ORDER.length);
  });

  it("every specialized handler exported by fast.ts is inlined", () => {
    const handlers = Object.entries(fast).filter(([k, v]) => typeof v === "function" && k !== "ea32");
    expect(handlers.filter(([, v]) => !FAST_ORDER.includes(v as never)).map(([k]) => k)).toEqual([]);
  });
});
