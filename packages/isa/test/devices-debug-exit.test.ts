/**
 * isa-debug-exit at 0xf4 (iosize 4), checked against qemu itself: a tiny Multiboot kernel writes
 * values to the port under qemu-system-i386 and qemu's exit status is compared with what the
 * device asks the machine for ((v << 1) | 1, truncated to 8 bits by the process exit).
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PcDevices } from "../src/devices/index";

const haveQemu = spawnSync("qemu-system-i386", ["--version"]).status === 0 && spawnSync("nasm", ["-v"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "strata-debug-exit-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A flat Multiboot kernel (a.out kludge) that writes `value` to port 0xf4 with `size` bytes. */
function kernel(value: number, size: 1 | 2 | 4): string {
  const op = size === 1 ? "out dx, al" : size === 2 ? "out dx, ax" : "out dx, eax";
  const src = `
bits 32
org 0x100000
hdr: dd 0x1BADB002, 0x00010000, -(0x1BADB002 + 0x00010000)
     dd hdr, hdr, end, end, start
start: mov dx, 0xf4
     mov eax, ${value}
     ${op}
     cli
     hlt
end:
`;
  const asm = join(dir, `k${value}-${size}.asm`);
  const bin = join(dir, `k${value}-${size}.bin`);
  writeFileSync(asm, src);
  execFileSync("nasm", ["-f", "bin", "-o", bin, asm]);
  return bin;
}

function qemuStatus(bin: string): number | null {
  const r = spawnSync(
    "qemu-system-i386",
    ["-kernel", bin, "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-display", "none", "-no-reboot", "-m", "32"],
    { timeout: 60_000 },
  );
  return r.status;
}

function strataStatus(value: number, size: 1 | 2 | 4): number {
  let status = -1;
  const d = new PcDevices({ onExit: (s) => (status = s) });
  d.io.write(0xf4, size, value);
  return status & 0xff; // a process exit status keeps 8 bits
}

describe.skipIf(!haveQemu)("isa-debug-exit against qemu", () => {
  for (const [value, size] of [[0, 1], [1, 4], [0x21, 2], [0x7f, 4], [0x80, 4], [0x1234, 2]] as const) {
    it(`out 0xf4 of ${value} (${size * 8}-bit) exits like qemu`, () => {
      expect(strataStatus(value, size)).toBe(qemuStatus(kernel(value, size)));
    });
  }
});

describe("isa-debug-exit", () => {
  it("claims four ports from its base, and reports the full status to the machine", () => {
    const seen: number[] = [];
    const d = new PcDevices({ onExit: (s) => seen.push(s), debugExitPort: 0x501, debugExitSize: 2 });
    d.io.write(0x502, 1, 3);
    d.io.write(0x501, 2, 0x100);
    expect(seen).toEqual([7, 0x201]);
    expect(d.io.ownerOf(0xf4)).toBeUndefined();
    expect(d.io.ownerOf(0x502)).toBe("isa-debug-exit");
  });
});
