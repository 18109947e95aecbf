/**
 * Device time: instructions retired become 1.193182 MHz ticks at a fixed virtual rate with no
 * drift however the run is sliced, so a run's timer interrupts depend only on what executed; the
 * machine can size a run to end exactly at the next timer event.
 */
import { describe, expect, it } from "vitest";
import { DeviceClock, PcDevices, PIT_HZ } from "../src/devices/index";

describe("device clock", () => {
  it("turns 100 million instructions into one second of PIT ticks, in any slicing", () => {
    const whole = new DeviceClock();
    whole.advance(100_000_000);
    expect(whole.ticks).toBe(PIT_HZ);
    const single = new DeviceClock();
    for (let i = 0; i < 1_000_000; i++) single.advance(1);
    expect(single.ticks).toBe(Math.floor((1_000_000 * PIT_HZ) / 100_000_000));
    const odd = new DeviceClock();
    let left = 100_000_000;
    for (let n = 1; left > 0; n = (n * 31 + 7) % 9973) {
      const step = Math.min(left, n + 1);
      odd.advance(step);
      left -= step;
    }
    expect(odd.ticks).toBe(PIT_HZ);
  });

  it("says how many instructions reach a number of ticks", () => {
    const c = new DeviceClock({ instructionsPerSecond: 50_000_000 });
    c.advance(12345);
    const before = c.ticks;
    c.advance(c.instructionsFor(100));
    expect(c.ticks - before).toBe(100);
  });

  it("follows a host time source in host mode", () => {
    let now = 1000;
    const c = new DeviceClock({ hostNow: () => now });
    expect(c.mode).toBe("host");
    now += 250;
    c.advance(1);
    expect(c.ticks).toBe(Math.floor(PIT_HZ / 4));
  });

  it("rejects a non-integer rate", () => {
    expect(() => new DeviceClock({ instructionsPerSecond: 1.5 })).toThrow(/instructionsPerSecond/);
  });

  it("lets the machine run exactly to the next PIT interrupt", () => {
    const d = new PcDevices();
    for (const [p, v] of [[0x20, 0x11], [0x21, 0x20], [0x21, 0x04], [0x21, 0x01], [0x21, 0xfe], [0x43, 0x34], [0x40, 0x9c], [0x40, 0x2e]] as const) d.io.write(p, 1, v);
    let irqs = 0;
    for (let i = 0; i < 10; i++) {
      const n = d.instructionsToNextEvent();
      d.advance(n - 1);
      expect(d.intr).toBe(false);
      d.advance(1);
      expect(d.intr).toBe(true);
      d.acknowledge();
      d.io.write(0x20, 1, 0x20);
      irqs++;
    }
    expect(irqs).toBe(10);
    expect(d.counters()["pit.irq0_edges"]).toBe(10);
  });
});
