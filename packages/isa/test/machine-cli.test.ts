/**
 * strata-x86 run: a bare-metal ELF (flat ring 0, PC ports) prints through the debug console and
 * ends through isa-debug-exit with status (v << 1) | 1, as under qemu-system-i386; an exception
 * with no IDT is reported with its vector and EIP (nm's address of the faulting label).
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runMain } from "../src/cli/run";
import { buildElf, haveTools } from "./support/native-cases";

function capture(args: string[]): { out: string; err: string; status: number } {
  let out = "";
  let err = "";
  const status = runMain(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { out, err, status };
}

describe.skipIf(!haveTools())("strata-x86 run", () => {
  it("debug console output and isa-debug-exit status", () => {
    const elf = buildElf(
      `bits 32\nglobal _start\nsection .text\n_start:\n mov esi, msg\n.l: lodsb\n test al, al\n jz .d\n out 0xe9, al\n jmp .l\n.d: mov al, 3\n out 0xf4, al\n hlt\nsection .data\nmsg: db "hi from ring 0", 10, 0\n`,
      "bare",
      ["-Ttext=0x100000"],
    );
    const r = capture(["--counters", elf]);
    expect(r.out).toBe("hi from ring 0\n");
    expect(r.status).toBe(7);
    expect(r.err).toMatch(/^insn\.retired \d+$/m);
    expect(r.err).toMatch(/^debugcon\.bytes 15$/m);
  });

  it("an exception without an IDT stops the run with its vector and EIP", () => {
    const elf = buildElf(`bits 32\nglobal _start\nglobal bad\nsection .text\n_start:\n xor ecx, ecx\nbad:\n div ecx\n hlt\n`, "de", ["-Ttext=0x100000"]);
    const nm = spawnSync("nm", [elf], { encoding: "utf8" }).stdout;
    const bad = nm.split("\n").find((l) => l.endsWith(" bad"))!.split(" ")[0]!.replace(/^0+/, "");
    const r = capture([elf]);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`strata-x86 run: exception #DE (vector 0, error code -1) at eip 0x${bad}\n`);
  });

  it("bad input: one line, non-zero status", () => {
    expect(capture(["/nonexistent.elf"])).toEqual({ out: "", err: "strata-x86 run: /nonexistent.elf: ENOENT\n", status: 1 });
    expect(capture([]).status).toBe(2);
  });
});
