/**
 * The I/O bus: port ranges claimed by devices, 8/16/32-bit accesses, byte splitting for devices
 * that decode only bytes (as the ISA bus splits a wide access to an 8-bit device into byte
 * cycles at consecutive ports, low byte first), and the floating bus (all ones) on unclaimed
 * ports, whose accesses are counted.
 */
import { describe, expect, it } from "vitest";
import { IoBus, IoBusError, WIDTH_8, WIDTH_16, WIDTH_32, type IoSize, type PortDevice } from "../src/devices/index";

/** A device with 8 byte registers that records every access it decodes. */
class Regs implements PortDevice {
  readonly bytes = new Uint8Array(8);
  readonly log: string[] = [];
  constructor(private readonly base: number) {}
  read(port: number, size: IoSize): number {
    this.log.push(`in${size * 8} ${port.toString(16)}`);
    let v = 0;
    for (let i = 0; i < size; i++) v |= this.bytes[port - this.base + i]! << (8 * i);
    return v >>> 0;
  }
  write(port: number, size: IoSize, value: number): void {
    this.log.push(`out${size * 8} ${port.toString(16)}=${value.toString(16)}`);
    for (let i = 0; i < size; i++) this.bytes[port - this.base + i] = (value >>> (8 * i)) & 0xff;
  }
}

describe("IoBus", () => {
  it("reads all ones from unclaimed ports, ignores writes there, and counts them", () => {
    const io = new IoBus();
    expect(io.read(0x1234, 1)).toBe(0xff);
    expect(io.read(0x1234, 2)).toBe(0xffff);
    expect(io.read(0x1234, 4)).toBe(0xffffffff);
    io.write(0x80, 1, 0x55);
    const c: Record<string, number> = {};
    io.counters(c);
    expect(c).toEqual({ "io.in": 3, "io.out": 1, "io.unclaimed": 4 });
  });

  it("delivers widths a device decodes and splits the others into byte accesses", () => {
    const io = new IoBus();
    const wide = new Regs(0x100);
    const narrow = new Regs(0x200);
    io.register("wide", 0x100, 8, wide, WIDTH_8 | WIDTH_16 | WIDTH_32);
    io.register("narrow", 0x200, 8, narrow, WIDTH_8);
    io.write(0x100, 4, 0x11223344);
    expect(wide.log).toEqual(["out32 100=11223344"]);
    expect(io.read(0x102, 2)).toBe(0x1122);
    io.write(0x200, 2, 0xbeef);
    expect(narrow.log).toEqual(["out8 200=ef", "out8 201=be"]);
    expect(io.read(0x200, 4)).toBe(0x0000beef);
    expect(narrow.log.slice(2)).toEqual(["in8 200", "in8 201", "in8 202", "in8 203"]);
  });

  it("splits an access that runs past a device's range, with floating bytes beyond it", () => {
    const io = new IoBus();
    const d = new Regs(0x3f8);
    io.register("com", 0x3f8, 8, d, WIDTH_8 | WIDTH_16);
    d.bytes[7] = 0x42;
    expect(io.read(0x3ff, 2)).toBe(0xff42);
    expect(io.read(0xffff, 2)).toBe(0xffff); // wraps to port 0, unclaimed
  });

  it("refuses overlapping claims and ranges outside 0-0xffff, naming the devices", () => {
    const io = new IoBus();
    io.register("pic", 0x20, 2, new Regs(0x20));
    expect(() => io.register("other", 0x21, 1, new Regs(0x21))).toThrow(IoBusError);
    expect(() => io.register("other", 0x21, 1, new Regs(0x21))).toThrow(/0x21 is already claimed by pic/);
    expect(() => io.register("big", 0xfffe, 4, new Regs(0xfffe))).toThrow(/outside/);
    expect(io.ownerOf(0x21)).toBe("pic");
    expect(io.ownerOf(0x22)).toBeUndefined();
  });
});
