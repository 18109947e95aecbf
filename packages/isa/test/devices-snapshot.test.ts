/**
 * Device snapshots: a machine's devices saved mid-run (through JSON, as a snapshot file would
 * carry them) and restored into fresh devices continue exactly as the original: the same
 * interrupts at the same ticks, the same port reads, the same serial output.
 */
import { describe, expect, it } from "vitest";
import { DeviceStateError, PcDevices, PIT_HZ, type DeviceState } from "../src/devices/index";

/** A deterministic workload on every device; returns a trace of what the "CPU" observed. */
function drive(d: PcDevices, from: number, to: number, trace: string[]): void {
  for (let step = from; step < to; step++) {
    d.advance(997);
    if (d.intr) {
      const v = d.acknowledge();
      trace.push(`${step} int ${v.toString(16)}`);
      if (v === 0x28) {
        d.io.write(0x70, 1, 0x0c);
        trace.push(`rtc C ${d.io.read(0x71, 1).toString(16)}`);
        d.io.write(0xa0, 1, 0x20);
      }
      if (v === 0x24) {
        while (d.io.read(0x3fd, 1) & 1) trace.push(`rx ${d.io.read(0x3f8, 1)}`);
      }
      d.io.write(0x20, 1, 0x20);
    }
    if (step % 50 === 0) {
      d.io.write(0x43, 1, 0x00);
      trace.push(`pit ${d.io.read(0x40, 1) | (d.io.read(0x40, 1) << 8)}`);
      d.io.write(0x3f8, 1, 0x41 + (step % 26));
    }
  }
}

function setup(serial: number[], input: number[]): PcDevices {
  const d = new PcDevices({ serialOut: (b) => serial.push(b), serialIn: () => input.shift(), rtcEpochSeconds: 1_000_000_000 });
  const init: [number, number][] = [
    [0x20, 0x11], [0x21, 0x20], [0x21, 0x04], [0x21, 0x01], [0xa0, 0x11], [0xa1, 0x28], [0xa1, 0x02], [0xa1, 0x01],
    [0x21, 0xe8], [0xa1, 0xfe], [0x43, 0x34], [0x40, 0x00], [0x40, 0x20],
    [0x3fb, 0x80], [0x3f8, 0x01], [0x3f9, 0x00], [0x3fb, 0x03], [0x3fa, 0x81], [0x3fc, 0x08], [0x3f9, 0x01],
    [0x70, 0x0a], [0x71, 0x2a], [0x70, 0x0b], [0x71, 0x42],
  ];
  for (const [p, v] of init) d.io.write(p, 1, v);
  return d;
}

describe("device snapshots", () => {
  it("restore continues bit-exact: same interrupts, reads and output", () => {
    const input = () => Array.from({ length: 64 }, (_, i) => (i * 37) & 0xff);
    const serialA: number[] = [];
    const inputA = input();
    const a = setup(serialA, inputA);
    const traceA: string[] = [];
    drive(a, 0, 3000, traceA);
    const saved = JSON.parse(JSON.stringify(a.snapshot())) as DeviceState;
    const inputLeft = [...inputA];
    drive(a, 3000, 6000, traceA);

    const serialB: number[] = [];
    const b = setup(serialB, inputLeft);
    b.restore(saved);
    const traceB: string[] = [];
    drive(b, 3000, 6000, traceB);
    const tail = traceA.slice(traceA.length - traceB.length);
    expect(traceB.length).toBeGreaterThan(50);
    expect(traceB).toEqual(tail);
    expect(b.snapshot()).toEqual(a.snapshot());
    expect(traceA.some((l) => l.includes("int 20"))).toBe(true);
    expect(traceA.some((l) => l.includes("int 28"))).toBe(true);
    expect(traceA.some((l) => l.startsWith("rx "))).toBe(true);
    expect(b.clock.ticks).toBe(Math.floor((6000 * 997 * PIT_HZ) / 100_000_000));
  });

  it("rejects a malformed snapshot with the device and field named", () => {
    const d = new PcDevices();
    const good = d.snapshot() as Record<string, DeviceState>;
    const badPit = { ...good, pit: { ...good.pit, channels: [] } };
    expect(() => d.restore(badPit)).toThrow(DeviceStateError);
    expect(() => d.restore(badPit)).toThrow("devices.pit.channels: expected 3 counter states");
    const badRtc = { ...good, rtc: { ...good.rtc, regB: "x" } } as unknown as DeviceState;
    expect(() => d.restore(badRtc)).toThrow("devices.rtc.regB: expected a number");
    const badRam = { ...good, rtc: { ...good.rtc, ram: [1, 2, 3] } };
    expect(() => d.restore(badRam)).toThrow("devices.rtc.ram: expected 64 numbers");
    expect(() => d.restore({ ...good, com1: 5 })).toThrow("devices.com1: expected a device state object");
  });
});
