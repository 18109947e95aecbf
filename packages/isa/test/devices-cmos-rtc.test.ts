/**
 * The CMOS RTC at ports 0x70/0x71 read the way Linux's mc146818_get_time does (wait for UIP to
 * clear in register A, read 0x00-0x09, convert from BCD unless register B DM says binary, the
 * century from 0x32), checked against the MC146818A datasheet ("Address Map", "Register A-D",
 * "Update Cycle", "Periodic Interrupt Selection", Table 3 rates) and, for the calendar, against
 * the host's own UTC calendar (Date).
 */
import { describe, expect, it } from "vitest";
import { PcDevices, PIT_HZ } from "../src/devices/index";

const EPOCH = 1_700_000_000; // 2023-11-14 22:13:20 UTC, a Tuesday

function setup(epoch = EPOCH) {
  const d = new PcDevices({ instructionsPerSecond: PIT_HZ, rtcEpochSeconds: epoch });
  const outb = (port: number, v: number) => d.io.write(port, 1, v);
  const inb = (port: number) => d.io.read(port, 1);
  const cmos = (reg: number) => (outb(0x70, reg), inb(0x71));
  const setCmos = (reg: number, v: number) => (outb(0x70, reg), outb(0x71, v));
  for (const [p, v] of [[0x20, 0x11], [0x21, 0x30], [0x21, 0x04], [0x21, 0x01], [0xa0, 0x11], [0xa1, 0x38], [0xa1, 0x02], [0xa1, 0x01], [0x21, 0xfb], [0xa1, 0xfe]] as const) outb(p, v);
  return { d, outb, inb, cmos, setCmos };
}

const bcd2bin = (v: number) => (v >> 4) * 10 + (v & 15);

/** mc146818_get_time, as Linux reads the clock. */
function linuxGetTime(cmos: (r: number) => number) {
  let guard = 0;
  while (cmos(0x0a) & 0x80) if (++guard > 10) throw new Error("UIP stuck");
  const raw = [0, 2, 4, 7, 8, 9].map(cmos);
  const ctrl = cmos(0x0b);
  const century = cmos(0x32);
  const v = ctrl & 0x04 ? raw : raw.map(bcd2bin);
  const [sec, min, hour, day, mon, year] = v as [number, number, number, number, number, number];
  return { sec, min, hour, day, mon, year: bcd2bin(century) * 100 + year };
}

function hostTime(t: number) {
  const date = new Date(t * 1000);
  return {
    sec: date.getUTCSeconds(),
    min: date.getUTCMinutes(),
    hour: date.getUTCHours(),
    day: date.getUTCDate(),
    mon: date.getUTCMonth() + 1,
    year: date.getUTCFullYear(),
  };
}

describe("CMOS RTC", () => {
  it("reads the start time in BCD, as the host's calendar has it", () => {
    const { d, cmos } = setup();
    d.advance(PIT_HZ / 2); // away from the update cycle
    expect(linuxGetTime(cmos)).toEqual(hostTime(EPOCH));
    expect(cmos(0x06)).toBe(new Date(EPOCH * 1000).getUTCDay() + 1); // 1 = Sunday
    expect(cmos(0x0d)).toBe(0x80);
  });

  it("counts device time: a leap day and a year boundary come out as the calendar says", () => {
    const start = Date.UTC(2024, 1, 28, 23, 59, 58) / 1000;
    const { d, cmos } = setup(start);
    d.advance(PIT_HZ * 3 + PIT_HZ / 2);
    expect(linuxGetTime(cmos)).toEqual(hostTime(start + 3)); // 2024-02-29 00:00:01
    const nye = Date.UTC(2099, 11, 31, 23, 59, 59) / 1000;
    const r = setup(nye);
    r.d.advance(PIT_HZ + PIT_HZ / 2);
    expect(linuxGetTime(r.cmos)).toEqual(hostTime(nye + 1)); // 2100-01-01, century 0x21
  });

  it("switches to binary (DM) and to 12-hour form with the PM bit", () => {
    const { d, cmos, setCmos } = setup();
    d.advance(PIT_HZ / 2);
    setCmos(0x0b, 0x02 | 0x04);
    expect(cmos(0x04)).toBe(22);
    expect(cmos(0x09)).toBe(23);
    setCmos(0x0b, 0x00); // BCD, 12-hour
    expect(cmos(0x04)).toBe(0x80 | 0x10); // 10 PM
  });

  it("sets UIP 244 us before each update and through the 1984 us update cycle", () => {
    const { d, cmos } = setup();
    d.advance(PIT_HZ - 292);
    expect(cmos(0x0a) & 0x80).toBe(0);
    d.advance(2);
    expect(cmos(0x0a) & 0x80).toBe(0x80);
    d.advance(300 + 2000);
    expect(cmos(0x0a) & 0x80).toBe(0x80);
    d.advance(400);
    expect(cmos(0x0a) & 0x80).toBe(0);
  });

  it("freezes with SET, takes a new time, and runs from it when SET clears", () => {
    const { d, cmos, setCmos } = setup();
    d.advance(PIT_HZ / 2);
    setCmos(0x0b, 0x82);
    for (const [r, v] of [[0x00, 0x30], [0x02, 0x45], [0x04, 0x12], [0x07, 0x01], [0x08, 0x06], [0x09, 0x30]] as const) setCmos(r, v);
    d.advance(PIT_HZ * 5);
    expect(cmos(0x00)).toBe(0x30); // frozen
    setCmos(0x0b, 0x02);
    d.advance(PIT_HZ * 2 + PIT_HZ / 2);
    expect(linuxGetTime(cmos)).toEqual(hostTime(Date.UTC(2030, 5, 1, 12, 45, 32) / 1000));
  });

  it("interrupts at the periodic rate through IRQ 8 while register C is read (1024 Hz)", () => {
    const { d, cmos, setCmos, outb } = setup();
    setCmos(0x0a, 0x26); // divider on, rate 6: 976.5625 us
    setCmos(0x0b, 0x02 | 0x40); // PIE
    cmos(0x0c);
    let irqs = 0;
    for (let t = 0; t < PIT_HZ; t += 64) {
      d.advance(64);
      if (d.intr) {
        expect(d.acknowledge()).toBe(0x38);
        expect(cmos(0x0c) & 0xc0).toBe(0xc0); // IRQF and PF
        outb(0xa0, 0x20);
        outb(0x20, 0x20);
        irqs++;
      }
    }
    expect(irqs).toBe(1024);
    expect(d.counters()["irq.8"]).toBe(1024);
  });

  it("holds IRQ 8 (one interrupt) until register C is read", () => {
    const { d, cmos, setCmos, outb } = setup();
    setCmos(0x0b, 0x02 | 0x40);
    cmos(0x0c);
    d.advance(PIT_HZ / 100);
    expect(d.acknowledge()).toBe(0x38);
    outb(0xa0, 0x20);
    outb(0x20, 0x20);
    d.advance(PIT_HZ / 100);
    expect(d.intr).toBe(false);
    expect(cmos(0x0c) & 0x80).toBe(0x80);
    d.advance(PIT_HZ / 100);
    expect(d.intr).toBe(true);
  });

  it("raises update-ended and alarm interrupts once per matching second", () => {
    const { d, cmos, setCmos } = setup();
    setCmos(0x01, 0x25); // alarm at hh:mm:25, any minute and hour
    setCmos(0x03, 0xc0);
    setCmos(0x05, 0xc0);
    setCmos(0x0a, 0x20); // no periodic rate, so PF stays clear
    setCmos(0x0b, 0x02 | 0x10 | 0x20);
    cmos(0x0c);
    const flags: number[] = [];
    for (let s = 0; s < 6; s++) {
      d.advance(PIT_HZ);
      flags.push(cmos(0x0c) & 0xf0);
    }
    // Seconds 21..26: the update at :25 also matches the alarm.
    expect(flags).toEqual([0x90, 0x90, 0x90, 0x90, 0xb0, 0x90]);
  });

  it("keeps battery RAM, decodes six address bits, and latches the NMI mask bit", () => {
    const { d, outb, cmos, setCmos } = setup();
    setCmos(0x20, 0x5a);
    expect(cmos(0x60)).toBe(0x5a);
    outb(0x70, 0x80 | 0x20);
    expect(d.rtc.nmiMasked).toBe(true);
    outb(0x70, 0x20);
    expect(d.rtc.nmiMasked).toBe(false);
  });
});
