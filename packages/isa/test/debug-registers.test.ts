/**
 * Debug registers (SDM Vol. 3 §17.2 "Debug Registers", §17.3 "Debug Exceptions"; Vol. 2 "MOV—Move
 * to/from Debug Registers"). MOV DRn runs as nasm-assembled instructions in the interpreter; the
 * breakpoint-condition hooks the engines call are exercised directly. Expectations are the
 * manual's: DR4/DR5 alias DR6/DR7 unless CR4.DE (then #UD); #GP(0) at CPL > 0; DR7.GD makes MOV
 * DRn a #DB fault with DR6.BD = 1 and GD cleared; DR6 reserved bits read 1 (bits 4-11, 16-31),
 * DR7 bit 10 reads 1; R/W 00 execution, 01 writes, 11 reads and writes, 10 I/O with CR4.DE; LEN
 * 00/01/11 = 1/2/4 bytes over a naturally aligned range; EFLAGS.RF suppresses one instruction
 * breakpoint; L0-L3 are cleared on task switches (tested in tasks-switch.test.ts).
 */
import { describe, expect, it } from "vitest";
import { createMachine, type Machine } from "../src/machine";
import { Mmu } from "../src/memory/mmu";
import { FAULT, VEC_DB, VEC_GP, VEC_UD } from "../src/cpu/exceptions";
import {
  checkInstructionBreakpoint,
  dataBreakpointHit,
  ioBreakpointHit,
  noteSingleStep,
  takePendingDataBreakpoint,
  writeDebugRegister,
} from "../src/cpu/debug-registers";
import { EAX, EBX, ECX, EDX, ESI, S_CR4, S_DEBUG_ACTIVE, S_DR0, S_DR6, S_DR7, S_EFLAGS } from "../src/cpu/state";
import { haveNasm, nasm, runFlat } from "./support/flat-run";

const RF = 1 << 16;

describe.skipIf(!haveNasm)("MOV to/from DRn", () => {
  it("DR0-DR3 hold linear addresses; DR6 reads its reserved bits as 1, DR7 bit 10 as 1", () => {
    const { m } = runFlat(
      ["mov eax, 0x12345678", "mov dr0, eax", "mov dr3, eax", "xor eax, eax", "mov dr6, eax", "mov dr7, eax",
        "mov ebx, dr0", "mov ecx, dr6", "mov edx, dr7", "mov esi, dr3", "hlt"].join("\n"),
    );
    const s = m.cpu.s;
    expect([s[EBX], s[ESI]]).toEqual([0x12345678, 0x12345678]);
    expect(s[ECX]! >>> 0).toBe(0xffff0ff0);
    expect(s[EDX]).toBe(0x400);
  });

  it("DR4/DR5 alias DR6/DR7 while CR4.DE = 0", () => {
    const { m } = runFlat("mov eax, 0x1\nmov dr7, eax\nmov ebx, dr5\nmov eax, 0x4000\nmov dr4, eax\nmov ecx, dr6\nhlt");
    expect(m.cpu.s[EBX]).toBe(0x401);
    expect(m.cpu.s[ECX]! >>> 0).toBe(0xffff4ff0);
  });

  it("DR4/DR5 are #UD with CR4.DE = 1", () => {
    const { ev } = runFlat("mov eax, dr4\nhlt", (m) => {
      m.cpu.s[S_CR4] = 8;
    });
    expect(ev).toEqual({ vector: VEC_UD, errorCode: -1, eip: 0x1000 });
  });

  it("#GP(0) at CPL 3", () => {
    const { ev } = runFlat("mov dr0, eax\nhlt", (m) => {
      m.cpu.s[42] = 3;
    });
    expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
  });

  it("DR7.GD: the next MOV DRn is a #DB fault with DR6.BD set and GD cleared", () => {
    const { m, ev } = runFlat("mov eax, 0x2000\nmov dr7, eax\nmov ebx, dr0\nhlt");
    expect(ev).toEqual({ vector: VEC_DB, errorCode: -1, eip: 0x1008 });
    expect(m.cpu.s[S_DR6]! & 0x2000).toBe(0x2000);
    expect(m.cpu.s[S_DR7]! & 0x2000).toBe(0);
  });

  it("enabling a breakpoint in DR7 raises the engine's summary word; disabling clears it", () => {
    const { m } = runFlat("mov eax, 0x00010001\nmov dr7, eax\nhlt");
    expect(m.cpu.s[S_DEBUG_ACTIVE]).toBe(2); // R/W 01 (data write)
    const off = runFlat("mov eax, 0x00010001\nmov dr7, eax\nxor eax, eax\nmov dr7, eax\nhlt");
    expect(off.m.cpu.s[S_DEBUG_ACTIVE]).toBe(0);
  });
});

function machine(): Machine {
  const m = createMachine({ memoryBytes: 1 << 20 });
  m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  return m;
}

function faults(f: () => void): number {
  try {
    f();
    return -1;
  } catch (e) {
    if (e !== FAULT) throw e;
    return FAULT.vector;
  }
}

describe("breakpoint conditions", () => {
  it("an enabled execution breakpoint is a #DB fault with its B bit; RF suppresses it once", () => {
    const m = machine();
    writeDebugRegister(m.cpu, 2, 0x1234);
    writeDebugRegister(m.cpu, 7, 0x10); // L2, R/W2 = 00, LEN2 = 00
    expect(faults(() => checkInstructionBreakpoint(m.cpu, 0x1235))).toBe(-1);
    expect(faults(() => checkInstructionBreakpoint(m.cpu, 0x1234))).toBe(VEC_DB);
    expect(m.cpu.s[S_DR6]! & 0xf).toBe(4);
    m.cpu.s[S_EFLAGS] = m.cpu.s[S_EFLAGS]! | RF;
    expect(faults(() => checkInstructionBreakpoint(m.cpu, 0x1234))).toBe(-1);
    expect(m.cpu.s[S_EFLAGS] & RF).toBe(0);
    expect(faults(() => checkInstructionBreakpoint(m.cpu, 0x1234))).toBe(VEC_DB);
  });

  it("a disabled breakpoint never matches", () => {
    const m = machine();
    writeDebugRegister(m.cpu, 0, 0x1234);
    writeDebugRegister(m.cpu, 7, 0);
    expect(faults(() => checkInstructionBreakpoint(m.cpu, 0x1234))).toBe(-1);
  });

  it("data breakpoints: LEN covers an aligned range; R/W 01 matches writes only, 11 reads and writes", () => {
    const m = machine();
    writeDebugRegister(m.cpu, 0, 0x2002); // LEN 4 aligns it down to 0x2000-0x2003
    writeDebugRegister(m.cpu, 1, 0x3000);
    // DR0: G0, R/W0 = 01, LEN0 = 11; DR1: L1, R/W1 = 11, LEN1 = 01 (0x3000-0x3001).
    writeDebugRegister(m.cpu, 7, 0x2 | 0x4 | (0x1 << 16) | (0x3 << 18) | (0x3 << 20) | (0x1 << 22));
    expect(dataBreakpointHit(m.cpu, 0x2000, 1, false)).toBe(false);
    expect(dataBreakpointHit(m.cpu, 0x1ffe, 4, true)).toBe(true); // 0x1ffe-0x2001 overlaps
    expect(dataBreakpointHit(m.cpu, 0x2004, 4, true)).toBe(false);
    expect(takePendingDataBreakpoint(m.cpu)).toBe(true);
    expect(m.cpu.s[S_DR6]! & 0xf).toBe(1);
    expect(takePendingDataBreakpoint(m.cpu)).toBe(false);
    expect(dataBreakpointHit(m.cpu, 0x3001, 1, false)).toBe(true);
    expect(dataBreakpointHit(m.cpu, 0x3002, 2, false)).toBe(false);
    expect(takePendingDataBreakpoint(m.cpu)).toBe(true);
    expect(m.cpu.s[S_DR6]! & 0xf).toBe(2);
  });

  it("I/O breakpoints (R/W 10) count only with CR4.DE", () => {
    const m = machine();
    writeDebugRegister(m.cpu, 3, 0x3f8);
    writeDebugRegister(m.cpu, 7, 0x40 | (0x2 << 28)); // L3, R/W3 = 10, LEN3 = 00
    expect(ioBreakpointHit(m.cpu, 0x3f8, 1)).toBe(false);
    m.cpu.s[S_CR4] = 8;
    expect(ioBreakpointHit(m.cpu, 0x3f8, 1)).toBe(true);
    expect(ioBreakpointHit(m.cpu, 0x3f9, 1)).toBe(false);
    expect(takePendingDataBreakpoint(m.cpu)).toBe(true);
    expect(m.cpu.s[S_DR6]! & 0xf).toBe(8);
  });

  it("single-step sets DR6.BS", () => {
    const m = machine();
    noteSingleStep(m.cpu);
    expect(m.cpu.s[S_DR6]! & 0x4000).toBe(0x4000);
    expect(m.cpu.s[S_DR0]).toBe(0);
    expect([m.cpu.s[EAX], m.cpu.s[ECX], m.cpu.s[EDX]]).toEqual([0, 0, 0]);
  });
});

describe.skipIf(!haveNasm)("breakpoints in the interpreter", () => {
  it("an execution breakpoint is a #DB fault before the instruction; with RF set the instruction runs", () => {
    // 0x1000: mov eax, dr... set up by the host: DR0 = 0x1005 (the INC), L0, R/W0 = 00.
    const events: number[][] = [];
    const m = createMachine({ memoryBytes: 4 << 20 });
    m.cpu.resetSupervisorFlat(0x1000, 0x8000);
    m.ram.writeBytes(0x1000, nasm("mov ebx, 1\ninc ebx\ninc ebx\nhlt"));
    writeDebugRegister(m.cpu, 0, 0x1005);
    writeDebugRegister(m.cpu, 7, 0x1);
    m.engine.setHostHandler((e, cpu) => {
      events.push([e.vector, e.eip, cpu.s[EBX]!, cpu.s[S_DR6]! & 0xf]);
      // Resume with RF, as a handler's IRET with RF set in the image does.
      cpu.s[S_EFLAGS] = cpu.s[S_EFLAGS]! | RF;
      return "resume";
    });
    expect(m.engine.run(100)).toBe("halt");
    expect(events).toEqual([[VEC_DB, 0x1005, 1, 1]]);
    expect(m.cpu.s[EBX]).toBe(3);
  });

  it("single-step #DB reports DR6.BS", () => {
    const m = createMachine({ memoryBytes: 4 << 20 });
    m.cpu.resetSupervisorFlat(0x1000, 0x8000);
    m.ram.writeBytes(0x1000, nasm("nop\nnop\nhlt"));
    m.cpu.setEflags(0x102);
    const dr6: number[] = [];
    m.engine.setHostHandler((e, cpu) => {
      dr6.push(e.vector, e.eip, cpu.s[S_DR6]! & 0x4000);
      cpu.setEflags(0x2);
      return "resume";
    });
    expect(m.engine.run(100)).toBe("halt");
    expect(dr6).toEqual([VEC_DB, 0x1001, 0x4000]);
  });

  it("an I/O breakpoint (CR4.DE, R/W 10) is a #DB trap after the OUT, with its B bit", () => {
    const m = createMachine({ memoryBytes: 4 << 20 });
    m.cpu.resetSupervisorFlat(0x1000, 0x8000);
    m.ram.writeBytes(0x1000, nasm("mov dx, 0x3f8\nout dx, al\nout 0x80, al\nhlt"));
    m.cpu.s[S_CR4] = 8;
    writeDebugRegister(m.cpu, 1, 0x3f8);
    writeDebugRegister(m.cpu, 7, 0x4 | (0x2 << 20));
    const events: number[][] = [];
    m.engine.setHostHandler((e, cpu) => {
      events.push([e.vector, e.eip, cpu.s[S_DR6]! & 0xf]);
      return "resume";
    });
    expect(m.engine.run(100)).toBe("halt");
    expect(events).toEqual([[VEC_DB, 0x1005, 2]]);
  });

  it("REP OUTSB to the port traps once after the instruction; with ECX = 0 it does not", () => {
    const m = createMachine({ memoryBytes: 4 << 20 });
    m.cpu.resetSupervisorFlat(0x1000, 0x8000);
    m.ram.writeBytes(0x1000, nasm("mov dx, 0x3f8\nxor ecx, ecx\nrep outsb\nmov ecx, 3\nrep outsb\nhlt"));
    m.cpu.s[S_CR4] = 8;
    writeDebugRegister(m.cpu, 0, 0x3f8);
    writeDebugRegister(m.cpu, 7, 0x1 | (0x2 << 16));
    const events: number[][] = [];
    m.engine.setHostHandler((e, cpu) => {
      events.push([e.vector, e.eip, cpu.s[S_DR6]! & 0xf]);
      return "resume";
    });
    expect(m.engine.run(100)).toBe("halt");
    expect(events).toEqual([[VEC_DB, 0x100f, 1]]);
  });
});

describe.skipIf(!haveNasm)("data breakpoints in the interpreter", () => {
  it("a write breakpoint traps after the writing instruction (EIP = next), reads do not trigger it; R/W 11 catches reads", () => {
    const m = createMachine({ memoryBytes: 4 << 20 });
    m.cpu.resetSupervisorFlat(0x1000, 0x8000);
    m.ram.writeBytes(0x1000, nasm("mov eax, [0x4000]\nmov [0x4002], ax\nmov ecx, [0x5000]\npush eax\nhlt"));
    writeDebugRegister(m.cpu, 0, 0x4000);
    writeDebugRegister(m.cpu, 1, 0x5003);
    writeDebugRegister(m.cpu, 2, 0x7ffc);
    // DR0: L0, write, LEN 4; DR1: L1, read/write, LEN 1; DR2: L2, write, LEN 4 (the stack slot PUSH writes).
    writeDebugRegister(m.cpu, 7, 0x1 | 0x4 | 0x10 | (0x1 << 16) | (0x3 << 18) | (0x3 << 20) | (0x1 << 24) | (0x3 << 26));
    const events: number[][] = [];
    m.engine.setHostHandler((e, cpu) => {
      events.push([e.vector, e.eip, cpu.s[S_DR6]! & 0xf]);
      return "resume";
    });
    expect(m.engine.run(100)).toBe("halt");
    expect(events).toEqual([
      [VEC_DB, 0x100b, 1],
      [VEC_DB, 0x1011, 2],
      [VEC_DB, 0x1012, 4],
    ]);
    // Disarming restores the plain accessors.
    writeDebugRegister(m.cpu, 7, 0);
    /* eslint-disable @typescript-eslint/unbound-method -- identity of the accessors, not calls */
    expect(m.cpu.mmu.read32).toBe(Mmu.prototype.read32);
    expect(m.cpu.mmu.write16).toBe(Mmu.prototype.write16);
    /* eslint-enable @typescript-eslint/unbound-method */
  });
});
