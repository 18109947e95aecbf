/**
 * Translations are selected by code mode as well as address: the same bytes at the same linear
 * address decode differently in a 32-bit and a 16-bit code segment. The reference for the 16-bit
 * run is a fresh interpreter machine that never saw the 32-bit decode.
 */
import { createMachine, CS, EAX, S_EIP, setSegmentCache } from "@strata/isa";
import { describe, expect, it } from "vitest";
import { createDbtEngine } from "../src/index";

// 32-bit: mov eax, 0x40400001; hlt.  16-bit: mov ax, 1; inc ax; inc ax; hlt.
const CODE = [0xb8, 0x01, 0x00, 0x40, 0x40, 0xf4];
/** A 16-bit ring-0 code segment: base 0, limit 0xffff, type execute/read accessed, present. */
const CODE16: readonly [number, number] = [0x0000ffff, 0x00009b00];

function machine(): ReturnType<typeof createMachine> {
  const m = createMachine({ memoryBytes: 1 << 20 });
  m.ram.u8.set(CODE, 0x1000);
  m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  return m;
}

function to16(m: ReturnType<typeof createMachine>): void {
  setSegmentCache(m.cpu, CS, 0x08, CODE16[0], CODE16[1]);
  m.cpu.s[S_EIP] = 0x1000;
  m.cpu.s[EAX] = 0;
}

describe("code mode in the translation key", () => {
  it("the same bytes run as 32-bit, then as 16-bit code, each translated for its mode", () => {
    const m = machine();
    const dbt = createDbtEngine(m, { hotThreshold: 0 });
    expect(dbt.run(100)).toBe("halt");
    expect(m.cpu.s[EAX]! >>> 0).toBe(0x40400001);
    to16(m);
    expect(dbt.run(100)).toBe("halt");

    const ref = machine();
    to16(ref);
    expect(ref.engine.run(100)).toBe("halt");
    expect(ref.cpu.s[EAX]).toBe(3);
    expect(m.cpu.s[EAX]).toBe(ref.cpu.s[EAX]);
    expect(m.cpu.s[S_EIP]).toBe(ref.cpu.s[S_EIP]);
    expect(dbt.counters()["tc.blocks_compiled"]).toBe(2);
  });
});
