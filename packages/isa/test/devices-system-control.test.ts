/**
 * Port 0x92 (PS/2 system control port A: fast A20 in bit 1, reset pulse in bit 0), programmed as
 * Linux's boot code enables A20 (arch/x86/boot/a20.c enable_a20_fast: read, set bit 1, clear bit
 * 0, write) and as a reboot through port 0x92 does it (set bit 0).
 */
import { describe, expect, it } from "vitest";
import { PcDevices } from "../src/devices/index";

describe("system control port A (0x92)", () => {
  it("enables A20 the way enable_a20_fast does, without resetting", () => {
    const a20: boolean[] = [];
    let resets = 0;
    const d = new PcDevices({ onA20: (on) => a20.push(on), onReset: () => resets++ });
    d.io.write(0x92, 1, 0x00);
    expect(a20).toEqual([false]);
    let port_a = d.io.read(0x92, 1);
    port_a |= 0x02;
    port_a &= ~0x01;
    d.io.write(0x92, 1, port_a);
    expect(a20).toEqual([false, true]);
    expect(d.io.read(0x92, 1) & 0x02).toBe(0x02);
    expect(resets).toBe(0);
  });

  it("asks the machine for a reset when bit 0 is written as 1; bit 0 reads back 0", () => {
    let resets = 0;
    const d = new PcDevices({ onReset: () => resets++ });
    d.io.write(0x92, 1, d.io.read(0x92, 1) | 0x01);
    expect(resets).toBe(1);
    expect(d.io.read(0x92, 1) & 0x01).toBe(0);
  });
});
