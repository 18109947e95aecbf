/**
 * Block chaining inside the inline dispatch (exec/dispatch.ts): a chain of blocks run in one call
 * must keep the run loop's duties — counting every block entry once (icache.hit + icache.miss =
 * block executions, the sum of the blocks' exit counts) and taking an interrupt at the first block
 * boundary after it becomes deliverable, not when the budget runs out.
 */
import { describe, expect, it } from "vitest";
import { createUserMachine, PTE_U, PTE_W } from "../src/index";
import type { InterruptController } from "../src/devices/irq";

const CODE = 0x1000;
const STACK = 0x90000;
const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

/** Nested loops with a call and a data-dependent branch: blocks with several successors. */
const PROGRAM = [
  0xb9, ...le32(300), // mov ecx, 300
  0x31, 0xc0, // outer: xor eax, eax  (at +5)
  0xba, ...le32(7), // mov edx, 7
  0xe8, ...le32(12), // call f (+12 after the call)
  0x01, 0xc6, // add esi, eax
  0xf6, 0xc1, 0x01, // test cl, 1
  0x74, 0x01, // je +1
  0x47, // inc edi
  0x49, // dec ecx
  0x75, 0xe9, // jne outer
  0xcd, 0x80, // int 0x80
  // f: inner loop: eax += edx; edx--; jnz; ret
  0x01, 0xd0, // add eax, edx
  0x4a, // dec edx
  0x75, 0xfb, // jne f
  0xc3, // ret
];

function machine() {
  const m = createUserMachine({ memoryBytes: 1 << 20 });
  for (let p = 0; p < 0x100; p++) m.pageMap.map(p, p + 1, 1, PTE_U | PTE_W);
  for (let off = 0; off < PROGRAM.length; off++) m.ram.u8[m.pageMap.frameOf((CODE + off) >>> 12) + ((CODE + off) & 0xfff)] = PROGRAM[off]!;
  m.cpu.resetUserFlat(CODE, STACK);
  return m;
}

describe("block chaining", () => {
  it("counts every block entry once: icache.hit + icache.miss equals the blocks' exit counts", () => {
    const m = machine();
    const events: string[] = [];
    m.engine.setHostHandler((ev) => {
      events.push(`${ev.kind} ${ev.vector}`);
      return "stop";
    });
    expect(m.engine.run(1_000_000)).toBe("exit");
    expect(events).toEqual(["int 128"]);
    let entries = 0;
    for (const b of m.engine.cache.slots) if (b !== null) for (const c of b.exits) entries += c;
    const c = m.engine.counters();
    expect(c["icache.hit"]! + c["icache.miss"]!).toBe(entries);
    expect(c["icache.hit"]).toBeGreaterThan(1000);
    // The same program stepped one instruction per run (no chaining) retires the same count.
    const one = machine();
    one.engine.setHostHandler(() => "stop");
    let guard = 0;
    while (one.engine.run(1) === "budget" && guard++ < 100_000);
    expect(one.cpu.retired).toBe(m.cpu.retired);
  });

  it("an interrupt that becomes deliverable mid-run is taken at the next block boundary", () => {
    const m = machine();
    const cpu = m.cpu;
    const raiseAt = 1000;
    const ic: InterruptController = {
      get intr() {
        return cpu.retired >= raiseAt;
      },
      acknowledge: () => 0x20,
    };
    cpu.interruptController = ic;
    let at = -1;
    m.engine.setHostHandler((ev) => {
      if (ev.kind === "external") at = cpu.retired;
      return "stop";
    });
    m.engine.run(1_000_000);
    // Blocks hold at most 32 instructions: delivery within one block of the rise.
    expect(at).toBeGreaterThanOrEqual(raiseAt);
    expect(at).toBeLessThan(raiseAt + 32);
  });
});
