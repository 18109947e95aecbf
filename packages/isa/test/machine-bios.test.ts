/**
 * The BIOS ROM (-bios): our own 64 KiB ROM (packages/workloads/baremetal/bios/hello.asm) starts at
 * F000:FFF0 in real mode, prints on COM1, stores into itself (ROM ignores writes), reads its reset
 * vector through the alias below 1 MiB, enters protected mode with a GDT in ROM and exits through
 * isa-debug-exit. qemu-system-i386 -bios is the reference.
 */
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createPcMachine } from "../src/machine/pc-machine";
import { RomError } from "../src/machine/rom";
import { writeCr0, writeCr3 } from "../src/cpu/control-registers";
import { assemble, haveQemu, runQemu, runStrata, WORKLOADS } from "./support/machine-kernels";

const ROM_SOURCE = `${WORKLOADS}/baremetal/bios/hello.asm`;

describe.skipIf(!haveQemu() || !existsSync(ROM_SOURCE))("-bios: a ROM of our own, compared with qemu-system-i386 -bios", () => {
  it("prints the same lines and exits with the same status", () => {
    const rom = assemble(ROM_SOURCE);
    const q = runQemu(["-bios", rom]);
    const s = runStrata({ bios: rom });
    expect(q.serial).toContain("strata bios: ROM ignores writes\n");
    expect(q.serial).toContain("CR0.PE=1\n");
    expect(s.serial).toBe(q.serial);
    expect(s.status).toBe(q.status);
  });
});

describe("BIOS image checks", () => {
  it("refuses images that are not a whole number of 64 KiB blocks, as qemu does", () => {
    expect(() => createPcMachine({ bios: new Uint8Array(1000), biosName: "x.rom" })).toThrow(RomError);
    expect(() => createPcMachine({ bios: new Uint8Array(1000), biosName: "x.rom" })).toThrow(/^x\.rom: BIOS image of 1000 bytes: must be a non-zero multiple of 64 KiB$/);
  });

  it("maps a 256 KiB image at the top of 4 GiB and its last 128 KiB at 0xE0000", () => {
    const image = new Uint8Array(256 * 1024).map((_, k) => (k * 7) >>> 8);
    const m = createPcMachine({ bios: image, memoryBytes: 8 << 20 });
    const mmu = m.cpu.mmu;
    // Paging is off after reset: linear = physical.
    expect(mmu.read8(0xfffc0000 | 0)).toBe(image[0]);
    expect(mmu.read32(0xfffffff0 | 0) >>> 0).toBe(new DataView(image.buffer).getUint32(image.length - 16, true));
    expect(mmu.read8(0xe0000)).toBe(image[128 * 1024]);
    expect(mmu.read8(0xfffff)).toBe(image[image.length - 1]);
    mmu.write8(0xf1234, image[0xf1234 - 0xe0000 + 128 * 1024]! ^ 0xff);
    expect(mmu.read8(0xf1234)).toBe(image[0xf1234 - 0xe0000 + 128 * 1024]);
    mmu.write32(0xfffffff0 | 0, 0);
    expect(mmu.read8(0xfffffff0 | 0)).toBe(image[image.length - 16]);
    // The copy that backs the window is not guest RAM: past the end of RAM reads all ones.
    expect(mmu.read8(8 << 20)).toBe(0xff);
    expect(m.memoryBytes).toBe(8 << 20);
  });

  it("the top-of-4-GiB window stays ROM with paging on (the MMU's guest-physical layer)", () => {
    const image = new Uint8Array(64 * 1024).map((_, k) => (k * 13) >>> 3);
    const m = createPcMachine({ bios: image, memoryBytes: 8 << 20 });
    const ram = m.ram.i32;
    ram[(0x1000 + 1023 * 4) >> 2] = 0x2000 | 3; // PDE 1023 -> page table at 0x2000
    ram[(0x2000 + 1023 * 4) >> 2] = (0xfffff000 | 3) | 0; // PTE 1023 -> 0xFFFFF000 (the ROM's last page)
    ram[(0x1000 + 0) >> 2] = 0x3000 | 3; // PDE 0 -> page table at 0x3000
    ram[(0x3000 + 0xf0 * 4) >> 2] = 0xf0000 | 3; // 0xF0000 -> 0xF0000 (the alias below 1 MiB)
    writeCr3(m.cpu, 0x1000);
    writeCr0(m.cpu, 0x80000011);
    expect(m.cpu.mmu.read32(0xfffffff0 | 0) >>> 0).toBe(new DataView(image.buffer).getUint32(image.length - 16, true));
    expect(m.cpu.mmu.read8(0xf0123)).toBe(image[0x123]);
  });
});
