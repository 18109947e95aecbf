/**
 * Multiboot v1 loading against qemu-system-i386 -kernel: our probe kernels print the hand-off
 * registers and every Multiboot information field a kernel reads (flags, memory sizes, boot
 * device, command line, modules with their strings and bytes, boot loader name); the a.out-kludge
 * kernel checks its load, bss and entry addresses. Both machines must print the same lines.
 * Plus the loader's own errors on malformed headers.
 */
import { describe, expect, it } from "vitest";
import { findMultibootHeader, MultibootError, parseMultiboot } from "../src/loaders/multiboot";
import { assemble, FIXTURES, haveQemu, runQemu, runStrata, tempFile } from "./support/machine-kernels";

describe.skipIf(!haveQemu())("Multiboot v1 boot, compared with qemu-system-i386 -kernel", () => {
  it("hand-off state and information structure: command line, two modules, memory sizes", () => {
    const kernel = assemble(`${FIXTURES}/mbinfo.asm`, 0x100000);
    const m1 = tempFile("mod-one", "module one payload\n");
    const m2 = tempFile("mod-two", "ABCDsecond");
    for (const mem of [32, 64]) {
      const initrd = `${m1} arg1 arg2,${m2}`;
      const q = runQemu(["-kernel", kernel, "-append", "console=ttyS0 x=1", "-initrd", initrd, "-m", String(mem)]);
      const s = runStrata({ kernel, cmdline: "console=ttyS0 x=1", initrd, memoryMiB: mem });
      expect(q.serial).toMatch(/^eax=2badb002$/m);
      expect(q.serial).toMatch(/^mods_count=00000002$/m);
      expect(s.serial.split("\n")).toEqual(q.serial.split("\n"));
      expect(s.status).toBe(q.status);
    }
  });

  it("no -append, no -initrd", () => {
    const kernel = assemble(`${FIXTURES}/mbinfo.asm`, 0x100000);
    const q = runQemu(["-kernel", kernel, "-m", "16"]);
    const s = runStrata({ kernel, memoryMiB: 16 });
    expect(s.serial.split("\n")).toEqual(q.serial.split("\n"));
    expect(s.status).toBe(q.status);
  });

  it("a.out kludge (flag 16): load, bss and entry addresses from the header", () => {
    const kernel = assemble(`${FIXTURES}/kludge.asm`);
    const q = runQemu(["-kernel", kernel, "-m", "32"]);
    const s = runStrata({ kernel, memoryMiB: 32 });
    expect(q.serial).toMatch(/^00200020$/m);
    expect(s.serial.split("\n")).toEqual(q.serial.split("\n"));
    expect(s.status).toBe(q.status);
  });
});

describe("Multiboot header errors", () => {
  const header = (flags: number, extra: number[] = []): Uint8Array => {
    const words = [0x1badb002, flags, (-(0x1badb002 + flags)) >>> 0, ...extra];
    const b = new Uint8Array(64 + words.length * 4);
    new DataView(b.buffer).setUint32(0, 0, true);
    words.forEach((w, k) => new DataView(b.buffer).setUint32(16 + k * 4, w >>> 0, true));
    return b;
  };

  it("flags it does not provide are reported, not refused (qemu boots such kernels)", () => {
    const k = header(0x10000 | 4 | 1, [0x100010, 0x100000, 0, 0, 0x100020]);
    expect(parseMultiboot(k, "k.bin").ignoredFlags).toBe(4);
  });

  it("finds the header at a 4-byte boundary and checks the checksum", () => {
    expect(findMultibootHeader(header(3))?.offset).toBe(16);
    const bad = header(3);
    bad[24] = bad[24]! ^ 1;
    expect(findMultibootHeader(bad)).toBeNull();
  });

  it("names the field: no header, unsupported required flag, kludge fields, not ELF", () => {
    expect(() => parseMultiboot(new Uint8Array(100), "k.bin")).toThrow(/^k\.bin: not a Multiboot kernel: no header \(magic 0x1BADB002 with its checksum\) in the first 8192 bytes/);
    expect(() => parseMultiboot(header(3), "k.bin")).toThrow(MultibootError);
    expect(() => parseMultiboot(header(0x10000, [0x1000, 0x2000, 0, 0, 0x1000]), "k.bin")).toThrow(/load_addr at offset 0x20: 0x2000 is above header_addr 0x1000/);
    expect(() => parseMultiboot(header(0x10000, [0x100000, 0x100000, 0x200000, 0, 0x100000]), "k.bin")).toThrow(/load_end_addr at offset 0x24: needs 1048576 bytes/);
  });
});
