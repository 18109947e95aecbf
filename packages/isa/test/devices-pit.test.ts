/**
 * The 8254 programmed through ports 0x40-0x43 and 0x61 the way Linux does it (arch/x86/kernel/
 * i8253.c and the old get_offset_pit: control word 0x34 and LATCH for HZ; tsc.c's
 * pit_calibrate_tsc: counter 2 in mode 0 gated by port 0x61, polling OUT2 at bit 5), checked
 * against the Intel 8254 datasheet (231164): "Control Word Format", "Counter Latch Command",
 * "Read-Back Command", "Status Byte", and the modes 0-5 waveforms. One instruction per tick here
 * (instructionsPerSecond = PIT_HZ), so `advance(n)` is n clock pulses.
 */
import { describe, expect, it } from "vitest";
import { PcDevices, PIT_HZ } from "../src/devices/index";

const HZ = 100;
const LATCH = Math.floor((PIT_HZ + HZ / 2) / HZ); // 11932, as Linux computes it

function pc() {
  const d = new PcDevices({ instructionsPerSecond: PIT_HZ });
  const outb = (port: number, v: number) => d.io.write(port, 1, v);
  const inb = (port: number) => d.io.read(port, 1);
  // The PIC as init_8259A leaves it, IRQ 0 unmasked.
  for (const [p, v] of [[0x20, 0x11], [0x21, 0x30], [0x21, 0x04], [0x21, 0x01], [0xa0, 0x11], [0xa1, 0x38], [0xa1, 0x02], [0xa1, 0x01], [0x21, 0xfe], [0xa1, 0xff]] as const) outb(p, v);
  return { d, outb, inb };
}

/** Runs n ticks one by one, acknowledging and EOI-ing timer interrupts like a kernel would. */
function runTicks(d: PcDevices, n: number): number {
  let irqs = 0;
  for (let i = 0; i < n; i++) {
    d.advance(1);
    if (d.intr) {
      expect(d.acknowledge()).toBe(0x30);
      d.io.write(0x20, 1, 0x20);
      irqs++;
    }
  }
  return irqs;
}

describe("8254 PIT", () => {
  it("mode 2 at Linux's LATCH raises IRQ 0 once per period, the first after LATCH ticks", () => {
    const { d, outb } = pc();
    outb(0x43, 0x34);
    outb(0x40, LATCH & 0xff);
    outb(0x40, LATCH >> 8);
    expect(runTicks(d, LATCH - 1)).toBe(0);
    expect(runTicks(d, 1)).toBe(1);
    expect(runTicks(d, 4 * LATCH)).toBe(4);
    expect(d.counters()["irq.0"]).toBe(5);
    expect(d.pit.ticksToNextIrq0()).toBe(LATCH);
  });

  it("counter latch (RW=00) freezes the count until both bytes are read", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x34);
    outb(0x40, LATCH & 0xff);
    outb(0x40, LATCH >> 8);
    d.advance(1000);
    outb(0x43, 0x00);
    d.advance(500); // time passes, the latch holds
    const count = inb(0x40) | (inb(0x40) << 8);
    expect(count).toBe(LATCH - 1000);
    // Unlatched reads follow CE, LSB then MSB.
    const live = inb(0x40) | (inb(0x40) << 8);
    expect(live).toBe(LATCH - 1500);
    // "If a Counter is latched and then, some time later, latched again before the count is
    // read, the second Counter Latch Command is ignored."
    outb(0x43, 0x00);
    d.advance(10);
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(LATCH - 1500);
  });

  it("read-back latches status: OUT, null count, RW, mode, BCD", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x34);
    outb(0x40, 0x00);
    outb(0x40, 0x10);
    outb(0x43, 0xe2); // read-back, status only, counter 0
    expect(inb(0x40)).toBe(0xf4); // OUT high, null count (not yet loaded), RW=3, mode 2
    d.advance(1);
    outb(0x43, 0xe2);
    expect(inb(0x40)).toBe(0xb4); // loaded: null count clear
    // Status and count latched together: status first, then the count.
    outb(0x43, 0xc2);
    expect(inb(0x40)).toBe(0xb4);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(0x1000 - 1);
    // After a control word and before a count, null count is set; mode 0's OUT starts low.
    outb(0x43, 0x30);
    outb(0x43, 0xe2);
    expect(inb(0x40)).toBe(0x70);
  });

  it("mode 0 raises OUT at terminal count and stays high; OUT rises once", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x30);
    outb(0x40, 100);
    outb(0x40, 0);
    expect(runTicks(d, 99)).toBe(0);
    outb(0x43, 0xe2);
    expect(inb(0x40) & 0x80).toBe(0);
    expect(runTicks(d, 1)).toBe(1);
    expect(runTicks(d, 5000)).toBe(0);
    outb(0x43, 0xe2);
    expect(inb(0x40) & 0x80).toBe(0x80);
    // The counter keeps counting down past zero and wraps.
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe((100 - 5100 + 0x10000) & 0xffff);
  });

  it("mode 0: writing the first byte of a new count stops counting until the second arrives", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x30);
    outb(0x40, 0xe8);
    outb(0x40, 0x03); // 1000
    d.advance(100);
    outb(0x40, 0x10); // LSB of the next count: "writing the first byte disables counting"
    d.advance(500);
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(900);
    outb(0x40, 0x00); // MSB: the new count 0x0010 starts
    d.advance(6);
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(10);
  });

  it("mode 3 is a square wave: high for the first half of each period", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x36);
    outb(0x40, 10);
    outb(0x40, 0);
    const outs: number[] = [];
    for (let i = 0; i < 20; i++) {
      outb(0x43, 0xe2);
      outs.push(inb(0x40) >> 7);
      d.advance(1);
    }
    expect(outs.join("")).toBe("11111000001111100000");
  });

  it("LSB-only access, and BCD counting", () => {
    const { d, outb, inb } = pc();
    outb(0x43, 0x10); // counter 0, RW=1 (LSB only), mode 0, binary
    outb(0x40, 50);
    d.advance(20);
    expect(inb(0x40)).toBe(30);
    outb(0x43, 0x31); // RW=3, mode 0, BCD
    outb(0x40, 0x00);
    outb(0x40, 0x10); // 1000 decimal
    d.advance(1);
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(0x0999);
    d.advance(999 + 1);
    outb(0x43, 0x00);
    expect(inb(0x40) | (inb(0x40) << 8)).toBe(0x9999); // BCD wraps at 10000
  });

  it("counter 2 gated by port 0x61 bit 0, OUT2 on bit 5 (pit_calibrate_tsc)", () => {
    const { d, outb, inb } = pc();
    const latch = 1193 * 10; // 10 ms
    outb(0x61, (inb(0x61) & ~0x02) | 0x01);
    outb(0x43, 0xb0);
    outb(0x42, latch & 0xff);
    outb(0x42, latch >> 8);
    let loops = 0;
    while ((inb(0x61) & 0x20) === 0) {
      d.advance(1);
      loops++;
    }
    expect(loops).toBe(latch);
    expect(inb(0x61) & 0x03).toBe(0x01);
  });

  it("mode 0 stops counting while GATE is low and resumes when it rises", () => {
    const { d, outb, inb } = pc();
    outb(0x61, 0x01);
    outb(0x43, 0xb0);
    outb(0x42, 0x00);
    outb(0x42, 0x01); // 256
    d.advance(56);
    outb(0x61, 0x00);
    d.advance(1000);
    outb(0x43, 0x80);
    expect(inb(0x42) | (inb(0x42) << 8)).toBe(200);
    outb(0x61, 0x01);
    d.advance(200);
    expect(inb(0x61) & 0x20).toBe(0x20);
  });

  it("mode 2 holds OUT high with GATE low and reloads the count when GATE rises", () => {
    const { d, outb, inb } = pc();
    outb(0x61, 0x01);
    outb(0x43, 0xb4);
    outb(0x42, 100);
    outb(0x42, 0);
    d.advance(70);
    outb(0x61, 0x00);
    outb(0x43, 0xe8); // status of counter 2
    expect(inb(0x42) & 0x80).toBe(0x80);
    outb(0x61, 0x01);
    outb(0x43, 0x80);
    expect(inb(0x42) | (inb(0x42) << 8)).toBe(100);
  });

  it("mode 1 waits for a GATE rising edge, then OUT is low for the count", () => {
    const { d, outb, inb } = pc();
    outb(0x61, 0x00);
    outb(0x43, 0xb2);
    outb(0x42, 10);
    outb(0x42, 0);
    d.advance(50);
    expect(inb(0x61) & 0x20).toBe(0x20); // not triggered: OUT high
    outb(0x61, 0x01);
    d.advance(9);
    expect(inb(0x61) & 0x20).toBe(0x00);
    d.advance(1);
    expect(inb(0x61) & 0x20).toBe(0x20);
  });

  it("port 0x61 bit 4 toggles with the refresh clock (every 18 ticks, 15 us)", () => {
    const { d, inb } = pc();
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      seen.push(inb(0x61) & 0x10);
      d.advance(18);
    }
    expect(seen).toEqual([0, 0x10, 0, 0x10]);
  });
});
