/**
 * LOCK MOV CRn against the host, for every CR number, both directions, with and without LOCK
 * (at CPL 3, where the cases run). The reference host is an AMD EPYC: with AltMovCr8 (CPUID
 * 8000_0001h:ECX[4]) LOCK MOV CR0 names CR8, so it passes decoding and takes the privilege
 * check (#GP(0)); LOCK with CR2-CR4 and any CR1/CR5-CR7 are #UD. The generated conformance cases
 * put LOCK on these encodings only now and then; this sweep covers the whole space.
 */
import { describe, expect, it } from "vitest";
import { compareResults, type ConformanceCase, DATA_BASE, nativeEngine } from "../src/testing/index";
import { interpreterEngine } from "../src/testing/engines/interpreter";

function mk(code: number[]): ConformanceCase {
  const bytes = new Uint8Array(0x1000);
  return {
    id: `lock-mov-cr#${code.map((b) => b.toString(16)).join(" ")}`,
    entry: "hand",
    code: Uint8Array.from(code),
    regs: Uint32Array.from([0x11, 0x22, 0x33, 0x44, DATA_BASE + 0x800, 0x66, 0x77, 0x88]),
    eflags: 0x202,
    regions: [{ address: DATA_BASE, bytes }],
    mask: { eflags: 0, notes: [] },
  };
}

describe("LOCK MOV CRn (AMD's CR8 alias) vs the host", () => {
  it("every CR number, both directions, with and without LOCK, ends as on the host", () => {
    const cases: ConformanceCase[] = [];
    for (const opc of [0x20, 0x22]) for (let cr = 0; cr < 8; cr++) for (const lock of [false, true]) {
      cases.push(mk([...(lock ? [0xf0] : []), 0x0f, opc, 0xc0 | (cr << 3) | 1]));
    }
    const host = nativeEngine().runBatch(cases);
    const engine = interpreterEngine();
    const vectors = cases.map((c, k) => {
      const ours = engine.run(c);
      expect(compareResults(c, host[k]!, ours), c.id).toEqual([]);
      return host[k]!.vector;
    });
    // The host's side, so a change of reference machine shows: #GP(0) = 13 with CR0 even under LOCK.
    expect(vectors.filter((v) => v === 13).length).toBe(2 * (4 + 1));
  });
});
