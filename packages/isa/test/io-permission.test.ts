/**
 * I/O permission (SDM Vol. 1 §19.5 "I/O Permission Bit Map", §19.8 "Protected-Mode I/O"; Vol. 2
 * "IN", "OUT", "INS", "OUTS" Protected Mode Exceptions): IN/OUT/INS/OUTS assembled by nasm and run
 * by the interpreter at CPL 3 against a TSS I/O bit map built in guest memory. The rules checked:
 * CPL <= IOPL opens every port; otherwise every bit of the accessed ports must be 0; bits beyond
 * the TSS limit count as set; a 16-bit TSS has no map; denial is #GP(0) at the instruction with no
 * port access; virtual-8086 mode always consults the map; real mode has no protection.
 */
import { describe, expect, it } from "vitest";
import { createMachine, type Machine } from "../src/machine";
import { checkIoPermission, ioBitmapAllows } from "../src/cpu/io-permission";
import { FAULT, VEC_GP } from "../src/cpu/exceptions";
import { CR0_PE, S_CR0, S_EFLAGS, S_TR_ATTR, S_TR_BASE, S_TR_LIMIT } from "../src/cpu/state";
import { mem } from "./support/descriptors";
import { type CodeRun, haveNasm, runCode } from "./support/flat-run";

const TSS = 0x20000;
/** The map starts right after the 0x68-byte TSS and covers ports 0-0x3ff, plus the all-ones byte. */
const IOMAP = 0x68;
const LIMIT_WITH_MAP = IOMAP + 0x80; // 0x80 bytes of map + the terminating byte at offset 0x80

interface Access {
  dir: "in" | "out";
  port: number;
  size: number;
}

/** A machine at CPL 3 with TR on a 32-bit TSS whose map denies every port but `allowed`. */
function machine(allowed: readonly number[], limit = LIMIT_WITH_MAP, trAttr = 0x8b): { m: Machine; log: Access[] } {
  const m = createMachine({ memoryBytes: 16 << 20 });
  const g = mem(m);
  g.write16(TSS + 0x66, IOMAP);
  for (let k = 0; k <= 0x80; k++) m.ram.u8[TSS + IOMAP + k] = 0xff;
  for (const p of allowed) m.ram.u8[TSS + IOMAP + (p >> 3)]! &= ~(1 << (p & 7));
  const log: Access[] = [];
  m.cpu.ports = {
    read: (port, size) => {
      log.push({ dir: "in", port, size });
      return 0x5a;
    },
    write: (port, size) => {
      log.push({ dir: "out", port, size });
    },
  };
  m.cpu.resetUserFlat(0x1000, 0x8000);
  const s = m.cpu.s;
  s[S_TR_BASE] = TSS;
  s[S_TR_LIMIT] = limit;
  s[S_TR_ATTR] = trAttr;
  return { m, log };
}

function run(m: Machine, source: string, eflags = 0x202): CodeRun {
  m.cpu.setEflags(eflags);
  // INT3 at the end: a clean stop at CPL 3 (HLT would be #GP).
  return runCode(m, source);
}

describe.skipIf(!haveNasm)("I/O permission bit map at CPL 3, IOPL 0", () => {
  it("a port whose bit is clear is accessible (IN and OUT, imm8 and DX forms)", () => {
    const { m, log } = machine([0x80, 0x3f8]);
    const { ev } = run(m, "in al, 0x80\nout 0x80, al\nmov dx, 0x3f8\nout dx, al\nin al, dx\nint3");
    expect(ev?.vector).toBe(3);
    expect(log).toEqual([
      { dir: "in", port: 0x80, size: 1 },
      { dir: "out", port: 0x80, size: 1 },
      { dir: "out", port: 0x3f8, size: 1 },
      { dir: "in", port: 0x3f8, size: 1 },
    ]);
  });

  it("a set bit is #GP(0) at the instruction, and the port is not accessed", () => {
    const { m, log } = machine([0x80]);
    const { ev } = run(m, "out 0x81, al\nint3");
    expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
    expect(log).toEqual([]);
  });

  it("a word or dword access needs every one of its ports' bits clear", () => {
    const a = machine([0x80]);
    expect(run(a.m, "in ax, 0x80\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
    const b = machine([0x80, 0x81]);
    expect(run(b.m, "in ax, 0x80\nint3").ev?.vector).toBe(3);
    const c = machine([0x80, 0x81, 0x82]);
    expect(run(c.m, "in eax, 0x80\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
    const d = machine([0x7e, 0x7f, 0x80, 0x81]);
    // Ports 0x7e-0x81 straddle a byte of the map (the processor reads two bytes).
    expect(run(d.m, "in eax, 0x7e\nint3").ev?.vector).toBe(3);
    expect(d.log).toEqual([{ dir: "in", port: 0x7e, size: 4 }]);
  });

  it("bits beyond the TSS limit count as set", () => {
    // Port 0x8000's bit is at map byte 0x1000, far beyond the limit.
    const { m } = machine([]);
    expect(run(m, "mov dx, 0x8000\nin al, dx\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1004 });
    // Port 0x3ff: its byte (0x7f) and the next (0x80) are inside the limit; without the last byte it is denied.
    const inside = machine([0x3ff]);
    expect(run(inside.m, "mov dx, 0x3ff\nin al, dx\nint3").ev?.vector).toBe(3);
    const short = machine([0x3ff], IOMAP + 0x7f);
    expect(run(short.m, "mov dx, 0x3ff\nin al, dx\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1004 });
  });

  it("a map base beyond the limit denies every port", () => {
    const { m } = machine([0x80]);
    mem(m).write16(TSS + 0x66, 0xffff);
    expect(run(m, "in al, 0x80\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
  });

  it("a 16-bit TSS has no I/O map: every port is denied", () => {
    const { m } = machine([0x80], LIMIT_WITH_MAP, 0x83);
    expect(run(m, "in al, 0x80\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
  });

  it("REP INSB/OUTSB are checked against the map too (no element transferred on denial)", () => {
    const { m, log } = machine([0x80]);
    expect(run(m, "mov dx, 0x81\nmov ecx, 4\nmov esi, 0x4000\nrep outsb\nint3").ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x100e });
    expect(log).toEqual([]);
    const ok = machine([0x80]);
    expect(run(ok.m, "mov dx, 0x80\nmov ecx, 3\nmov edi, 0x4000\nrep insb\nint3").ev?.vector).toBe(3);
    expect(ok.log.length).toBe(3);
    expect([...ok.m.ram.u8.subarray(0x4000, 0x4003)]).toEqual([0x5a, 0x5a, 0x5a]);
  });
});

describe.skipIf(!haveNasm)("IOPL", () => {
  it("at CPL <= IOPL the map is not consulted", () => {
    const { m, log } = machine([]);
    expect(run(m, "out 0x81, al\nint3", 0x3202).ev?.vector).toBe(3);
    expect(log).toEqual([{ dir: "out", port: 0x81, size: 1 }]);
  });
});

describe("checkIoPermission modes", () => {
  function denied(m: Machine, port: number, size: number): boolean {
    try {
      checkIoPermission(m.cpu, port, size);
      return false;
    } catch (e) {
      if (e !== FAULT) throw e;
      expect([FAULT.vector, FAULT.errorCode]).toEqual([VEC_GP, 0]);
      return true;
    }
  }

  it("virtual-8086 mode consults the map even with IOPL 3", () => {
    const { m } = machine([0x80]);
    m.cpu.s[S_EFLAGS] = 0x23202; // VM, IOPL 3
    expect(denied(m, 0x80, 1)).toBe(false);
    expect(denied(m, 0x81, 1)).toBe(true);
    expect(ioBitmapAllows(m.cpu, 0x80, 2)).toBe(false);
  });

  it("real mode has no I/O protection", () => {
    const { m } = machine([]);
    m.cpu.s[S_CR0] = m.cpu.s[S_CR0]! & ~CR0_PE;
    expect(denied(m, 0x81, 4)).toBe(false);
  });
});
