/**
 * The 0xE9 debug console (Bochs' port_e9_hack, qemu's -debugcon): bytes written reach the host
 * in order; a read returns 0xE9 so guests can detect it (qemu hw/char/debugcon.c readback).
 * Checked against qemu: a Multiboot kernel prints through 0xE9 under `-debugcon stdio`.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PcDevices } from "../src/devices/index";

const haveQemu = spawnSync("qemu-system-i386", ["--version"]).status === 0 && spawnSync("nasm", ["-v"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "strata-debugcon-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("debug console", () => {
  it("passes bytes to the host and reads back 0xE9", () => {
    const out: number[] = [];
    const d = new PcDevices({ debugConsole: (b) => out.push(b) });
    for (const c of "ok\n") d.io.write(0xe9, 1, c.charCodeAt(0));
    expect(String.fromCharCode(...out)).toBe("ok\n");
    expect(d.io.read(0xe9, 1)).toBe(0xe9);
    expect(d.counters()["debugcon.bytes"]).toBe(3);
  });

  it.skipIf(!haveQemu)("reads back what qemu's debugcon reads back, and prints the same bytes", () => {
    // The kernel reads port 0xe9, prints that byte as two hex digits, then "!\n", then exits.
    const src = `
bits 32
org 0x100000
hdr: dd 0x1BADB002, 0x00010000, -(0x1BADB002 + 0x00010000)
     dd hdr, hdr, end, end, start
start: in al, 0xe9
     mov bl, al
     shr al, 4
     call hex
     mov al, bl
     and al, 15
     call hex
     mov al, '!'
     out 0xe9, al
     mov al, 10
     out 0xe9, al
     mov dx, 0xf4
     xor eax, eax
     out dx, eax
hex: add al, '0'
     cmp al, '9'
     jbe .o
     add al, 7
.o:  out 0xe9, al
     ret
end:
`;
    writeFileSync(join(dir, "k.asm"), src);
    execFileSync("nasm", ["-f", "bin", "-o", join(dir, "k.bin"), join(dir, "k.asm")]);
    const r = spawnSync(
      "qemu-system-i386",
      ["-kernel", join(dir, "k.bin"), "-debugcon", "stdio", "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-display", "none", "-no-reboot", "-m", "32"],
      { timeout: 60_000, encoding: "latin1" },
    );
    const out: number[] = [];
    const d = new PcDevices({ debugConsole: (b) => out.push(b) });
    const v = d.io.read(0xe9, 1);
    for (const c of `${v.toString(16).toUpperCase().padStart(2, "0")}!\n`) d.io.write(0xe9, 1, c.charCodeAt(0));
    expect(r.stdout.endsWith(String.fromCharCode(...out))).toBe(true);
  });
});
