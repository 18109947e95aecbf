/**
 * Guest misbehaviour is an architectural event, never a host exception: random byte strings
 * executed as code (seeded) must only ever end in a stop reason the Engine defines, with EIP
 * and the counters consistent. The host handler resumes after faults by mapping nothing, so
 * every event path (faults, INT n, HLT at CPL 3, bad segment loads...) is exercised.
 */
import { describe, expect, it } from "vitest";
import { createUserMachine, PTE_U, PTE_W } from "../src/index";

function xorshift(seed: number): () => number {
  let x = seed | 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return x >>> 0;
  };
}

describe("random code never crashes the host", () => {
  it("2000 seeded random 64-byte programs at CPL 3", () => {
    const rnd = xorshift(0x5eed);
    const m = createUserMachine({ memoryBytes: 1 << 20 });
    m.pageMap.map(0x10, 1, 1, PTE_U | PTE_W); // code, writable (self-modifying stores allowed)
    m.pageMap.map(0x20, 2, 4, PTE_U | PTE_W); // data and stack
    const reasons = new Map<string, number>();
    let events = 0;
    m.engine.setHostHandler(() => {
      events++;
      return events % 3 === 0 ? "stop" : "resume";
    });
    for (let p = 0; p < 2000; p++) {
      for (let k = 0; k < 64; k++) m.ram.u8[0x1000 + k] = rnd() & 0xff;
      m.ram.u8[0x1000 + 64] = 0xf4; // HLT (a #GP at CPL 3) after the random bytes
      m.cpu.resetUserFlat(0x10000, 0x24000);
      for (let r = 0; r < 8; r++) m.cpu.s[r === 4 ? 0 : r] = 0x20000 + ((rnd() & 0x3ff) << 2);
      m.cpu.s[4] = 0x24000;
      const reason = m.engine.run(500);
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
      expect(["budget", "exit", "halt", "exception", "breakpoint"]).toContain(reason);
    }
    const c = m.engine.counters();
    const byClass = Object.entries(c).filter(([k]) => k.startsWith("insn.class.")).reduce((a, [, v]) => a + v, 0);
    expect(byClass).toBe(c["insn.retired"]);
    expect(events).toBeGreaterThan(1000);
  });
});
