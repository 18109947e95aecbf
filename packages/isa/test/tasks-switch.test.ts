/**
 * Task switches (SDM Vol. 3 §7.3, Table 7-1 "Exception Conditions Checked During a Task Switch",
 * Table 7-2 "Effect of a Task Switch on Busy Flag, NT Flag, Previous Task Link Field, and TS
 * Flag"), driven through cpu/task-switch.ts with the GDT and TSSs built in guest memory. Each
 * expectation is the manual's rule, cited per test.
 */
import { describe, expect, it } from "vitest";
import { createMachine, type Machine } from "../src/machine";
import { FAULT, VEC_GP, VEC_NP, VEC_TS } from "../src/cpu/exceptions";
import { taskReturn, taskSwitch, farTaskSwitch } from "../src/cpu/task-switch";
import { readEflags } from "../src/cpu/flags";
import { writeCr0, writeCr3, writeCr4 } from "../src/cpu/control-registers";
import {
  CR0_TS,
  CS,
  DS,
  EAX,
  EBX,
  ECX,
  EDI,
  ESI,
  ESP,
  S_CPL,
  S_CR0,
  S_CR3,
  S_DR6,
  S_DR7,
  S_EIP,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_SEG_BASE,
  S_SEL,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
  SS,
} from "../src/cpu/state";
import { ACC_CODE32, ACC_DATA32, ACC_LDT, ACC_TSS16, ACC_TSS32, Gdt, mem, TSS, writeTss32 } from "./support/descriptors";
import { haveNasm, nasm } from "./support/flat-run";

const NT = 1 << 14;
const TSS_A = 0x20000;
const TSS_B = 0x20100;
const TSS_C = 0x20200;
const LDT = 0x30000;

interface World {
  m: Machine;
  gdt: Gdt;
}

/** CPL 0 flat machine, GDT with TSS A (current, loaded by LTR) and TSS B (available). */
function world(): World {
  const m = createMachine({ memoryBytes: 16 << 20 });
  m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  const gdt = new Gdt(m, 0x10000, 16);
  gdt.set(1, 0, 0xfffff, ACC_CODE32, 0xc); // 0x08
  gdt.set(2, 0, 0xfffff, ACC_DATA32, 0xc); // 0x10
  gdt.set(3, TSS_A, 0x67, ACC_TSS32, 0); // 0x18
  gdt.set(4, TSS_B, 0x67, ACC_TSS32, 0); // 0x20
  gdt.gate(5, 0x20); // 0x28: task gate -> B
  gdt.set(6, TSS_C, 0x2b, ACC_TSS16, 0); // 0x30
  gdt.set(7, LDT, 0x17, ACC_LDT, 0); // 0x38
  gdt.set(8, 0, 0xfffff, 0x12, 0xc); // 0x40: data, not present
  gdt.set(9, 0, 0xfffff, ACC_CODE32 | 0x60, 0xc); // 0x48 (RPL 3: 0x4b)
  gdt.set(10, 0, 0xfffff, ACC_DATA32 | 0x60, 0xc); // 0x50 (0x53)
  gdt.set(11, TSS_C, 0x66, ACC_TSS32, 0); // 0x58: 32-bit TSS, limit one short
  gdt.set(12, TSS_B, 0x67, ACC_TSS32 & 0x7f, 0); // 0x60: not present
  writeTss32(m, TSS_A, { eip: 0, esp: 0, cs: 0x08, ds: 0x10 });
  writeTss32(m, TSS_B, { eip: 0x3000, esp: 0x9000, cs: 0x08, ds: 0x10, regs: [0xb0, 0xb1, 0xb2, 0xb3, 0, 0xb5, 0xb6, 0xb7] });
  // LTR 0x18 (the state LTR leaves: tested as an instruction in tasks-descriptor-insns.test.ts).
  gdt.set(3, TSS_A, 0x67, ACC_TSS32 | 0x2, 0);
  const s = m.cpu.s;
  s[S_TR_SEL] = 0x18;
  s[S_TR_BASE] = TSS_A;
  s[S_TR_LIMIT] = 0x67;
  s[62] = 0x8b; // S_TR_ATTR: busy 32-bit TSS, present
  return { m, gdt };
}

/** Runs `f`, returning the fault it raised (vector, error code) or null. */
function fault(f: () => void): { vector: number; errorCode: number } | null {
  try {
    f();
    return null;
  } catch (e) {
    if (e !== FAULT) throw e;
    return { vector: FAULT.vector, errorCode: FAULT.errorCode };
  }
}

describe("task switch: CALL (nesting)", () => {
  it("saves the old state at EIP = the next instruction, links, sets NT and both busy bits, loads the new task (Table 7-2)", () => {
    const { m, gdt } = world();
    const s = m.cpu.s;
    s[EAX] = 0x12345678;
    s[EBX] = 0x0badf00d;
    s[ESP] = 0x7ff0;
    m.cpu.setEflags(0x2 | 0x1 /* CF */ | 0x800 /* OF */);
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    const g = mem(m);
    // Old TSS: the dynamic fields (§7.3 step 7).
    expect(g.read32(TSS_A + TSS.eip)).toBe(0x1007);
    expect(g.read32(TSS_A + TSS.eax)).toBe(0x12345678);
    expect(g.read32(TSS_A + TSS.ebx)).toBe(0x0badf00d);
    expect(g.read32(TSS_A + TSS.esp)).toBe(0x7ff0);
    expect(g.read32(TSS_A + TSS.eflags)).toBe(0x803);
    expect(g.read16(TSS_A + TSS.cs)).toBe(0x08);
    // CALL: back link = old TR, NT set in the new task, old stays busy, new becomes busy.
    expect(g.read16(TSS_B + TSS.link)).toBe(0x18);
    expect(readEflags(s) & NT).toBe(NT);
    expect(gdt.access(3)).toBe(0x8b);
    expect(gdt.access(4)).toBe(0x8b);
    // New task loaded: TR, EIP, registers, segments, CR0.TS (§2.5: set on every task switch).
    expect([s[S_TR_SEL], s[S_TR_BASE], s[S_TR_LIMIT]]).toEqual([0x20, TSS_B, 0x67]);
    expect(s[S_EIP]).toBe(0x3000);
    expect([s[EAX], s[ECX], s[ESP]]).toEqual([0xb0, 0xb1, 0x9000]);
    expect([s[S_SEL + CS], s[S_SEL + SS], s[S_SEL + DS]]).toEqual([0x08, 0x10, 0x10]);
    expect(s[S_CR0]! & CR0_TS).toBe(CR0_TS);
    expect(s[S_CPL]).toBe(0);
  });

  it("IRET with NT returns through the back link: the nested task becomes available, NT is clear in its saved EFLAGS", () => {
    const { m, gdt } = world();
    m.cpu.s[EAX] = 0x12345678;
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    m.cpu.s[EAX] = 0xb0b0;
    taskReturn(m.cpu, 0x3005);
    const s = m.cpu.s;
    const g = mem(m);
    expect(s[S_TR_SEL]).toBe(0x18);
    expect(s[S_EIP]).toBe(0x1007);
    expect(gdt.access(4)).toBe(0x89); // B available again
    expect(gdt.access(3)).toBe(0x8b); // A still busy
    expect(g.read32(TSS_B + TSS.eip)).toBe(0x3005);
    expect(g.read32(TSS_B + TSS.eax)).toBe(0xb0b0);
    // §7.3 step 6: IRET clears NT in the saved EFLAGS image of the task it leaves.
    expect(g.read32(TSS_B + TSS.eflags) & NT).toBe(0);
    expect(readEflags(s) & NT).toBe(0); // A's own EFLAGS had NT = 0
    expect(s[EAX]).toBe(0x12345678); // A's registers come back from its TSS
  });

  it("a task gate in the GDT reaches its TSS; the gate's DPL is checked against CPL and RPL (#GP(gate))", () => {
    const { m, gdt } = world();
    farTaskSwitch(m.cpu, 0x28, "call", 0x1007);
    expect(m.cpu.s[S_TR_SEL]).toBe(0x20);
    const w = world();
    w.gdt.gate(5, 0x20, 0);
    expect(fault(() => farTaskSwitch(w.m.cpu, 0x2b, "call", 0x1007))).toEqual({ vector: VEC_GP, errorCode: 0x28 });
    expect(gdt.access(4)).toBe(0x8b);
  });
});

describe("task switch: JMP", () => {
  it("clears the old busy bit, does not link or set NT (Table 7-2)", () => {
    const { m, gdt } = world();
    mem(m).write16(TSS_B + TSS.link, 0x5555);
    farTaskSwitch(m.cpu, 0x20, "jmp", 0x1007);
    expect(gdt.access(3)).toBe(0x89);
    expect(gdt.access(4)).toBe(0x8b);
    expect(mem(m).read16(TSS_B + TSS.link)).toBe(0x5555);
    expect(readEflags(m.cpu.s) & NT).toBe(0);
  });
});

describe("task switch: checks before the commit point (Table 7-1) leave the old task untouched", () => {
  it("a busy TSS is #GP(selector) for CALL and JMP", () => {
    const { m } = world();
    expect(fault(() => farTaskSwitch(m.cpu, 0x18, "call", 0x1007))).toEqual({ vector: VEC_GP, errorCode: 0x18 });
    expect(m.cpu.s[S_TR_SEL]).toBe(0x18);
    expect(mem(m).read32(TSS_A + TSS.eip)).toBe(0);
  });

  it("a not-present TSS is #NP(selector); a limit below 0x67 is #TS(selector)", () => {
    const { m } = world();
    expect(fault(() => farTaskSwitch(m.cpu, 0x60, "jmp", 0))).toEqual({ vector: VEC_NP, errorCode: 0x60 });
    expect(fault(() => farTaskSwitch(m.cpu, 0x58, "jmp", 0))).toEqual({ vector: VEC_TS, errorCode: 0x58 });
    expect(m.cpu.s[S_TR_SEL]).toBe(0x18);
  });

  it("a selector that is not a TSS, or one in the LDT, is #GP(selector); the EXT bit joins error codes of external events", () => {
    const { m } = world();
    expect(fault(() => taskSwitch(m.cpu, 0x10, "call", -1, 0))).toEqual({ vector: VEC_GP, errorCode: 0x10 });
    expect(fault(() => taskSwitch(m.cpu, 0x24, "call", -1, 0))).toEqual({ vector: VEC_GP, errorCode: 0x24 });
    expect(fault(() => taskSwitch(m.cpu, 0x18, "int", 5, 0, 1))).toEqual({ vector: VEC_GP, errorCode: 0x19 });
  });

  it("IRET to a back link that is not busy is #TS(back link)", () => {
    const { m } = world();
    mem(m).write16(TSS_A + TSS.link, 0x20);
    expect(fault(() => taskReturn(m.cpu, 0))).toEqual({ vector: VEC_TS, errorCode: 0x20 });
  });
});

describe("task switch: after the commit point", () => {
  it("a CS selector naming a data segment is #TS(CS) delivered in the new task (TR and EIP are the new task's)", () => {
    const { m } = world();
    mem(m).write16(TSS_B + TSS.cs, 0x10);
    const events: { vector: number; errorCode: number; eip: number; tr: number }[] = [];
    m.engine.setHostHandler((e, cpu) => {
      events.push({ vector: e.vector, errorCode: e.errorCode, eip: e.eip, tr: cpu.s[S_TR_SEL]! });
      return "stop";
    });
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    expect(events).toEqual([{ vector: VEC_TS, errorCode: 0x10, eip: 0x3000, tr: 0x20 }]);
    expect(mem(m).read32(TSS_A + TSS.eip)).toBe(0x1007);
  });

  it("a not-present data segment is #NP(selector) in the new task", () => {
    const { m } = world();
    mem(m).write16(TSS_B + TSS.ds, 0x40);
    const events: number[][] = [];
    m.engine.setHostHandler((e) => {
      events.push([e.vector, e.errorCode, e.eip]);
      return "stop";
    });
    farTaskSwitch(m.cpu, 0x20, "jmp", 0x1007);
    expect(events).toEqual([[VEC_NP, 0x40, 0x3000]]);
  });

  it("loads LDTR from the TSS; a selector that is not an LDT descriptor is #TS(LDT selector)", () => {
    const { m } = world();
    mem(m).write16(TSS_B + TSS.ldt, 0x38);
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    expect([m.cpu.s[S_LDTR_SEL], m.cpu.s[S_LDTR_BASE], m.cpu.s[S_LDTR_LIMIT]]).toEqual([0x38, LDT, 0x17]);
    const w = world();
    mem(w.m).write16(TSS_B + TSS.ldt, 0x10);
    const events: number[][] = [];
    w.m.engine.setHostHandler((e) => {
      events.push([e.vector, e.errorCode]);
      return "stop";
    });
    farTaskSwitch(w.m.cpu, 0x20, "call", 0x1007);
    expect(events).toEqual([[VEC_TS, 0x10]]);
  });

  it("CPL comes from the new CS; a ring-3 task gets SS checked against it", () => {
    const { m } = world();
    const g = mem(m);
    g.write16(TSS_B + TSS.cs, 0x4b);
    for (const f of [TSS.ss, TSS.ds, TSS.es, TSS.fs, TSS.gs]) g.write16(TSS_B + f, 0x53);
    farTaskSwitch(m.cpu, 0x20, "jmp", 0x1007);
    expect(m.cpu.s[S_CPL]).toBe(3);
    expect(m.cpu.s[S_SEL + SS]).toBe(0x53);
  });

  it("an error code is pushed on the new task's stack (exception through a task gate, §6.11.2)", () => {
    const { m } = world();
    taskSwitch(m.cpu, 0x20, "int", 0x40, 0x1003, 1);
    const s = m.cpu.s;
    expect(s[ESP]).toBe(0x9000 - 4);
    expect(mem(m).read32(0x9000 - 4 + s[S_SEG_BASE + SS]!)).toBe(0x40);
    expect(mem(m).read32(TSS_A + TSS.eip)).toBe(0x1003);
    expect(mem(m).read16(TSS_B + TSS.link)).toBe(0x18);
  });

  it("clears the local breakpoint enables L0-L3 of DR7 (§17.2.4)", () => {
    const { m } = world();
    m.cpu.s[S_DR7] = 0xff;
    farTaskSwitch(m.cpu, 0x20, "jmp", 0);
    expect(m.cpu.s[S_DR7]).toBe(0xaa);
  });
});

describe("task switch: 16-bit TSS (Figure 7-11)", () => {
  it("loads the 16-bit registers (upper halves kept), IP and FLAGS; the outgoing 32-bit task is saved in its own format", () => {
    const { m } = world();
    const g = mem(m);
    for (let k = 0; k < 0x2c; k += 2) g.write16(TSS_C + k, 0);
    g.write16(TSS_C + 0x0e, 0x2000); // IP
    g.write16(TSS_C + 0x10, 0x0002); // FLAGS
    g.write16(TSS_C + 0x12, 0xc0c0); // AX
    g.write16(TSS_C + 0x1a, 0x7000); // SP
    g.write16(TSS_C + 0x22, 0x10); // ES
    g.write16(TSS_C + 0x24, 0x08); // CS
    g.write16(TSS_C + 0x26, 0x10); // SS
    g.write16(TSS_C + 0x28, 0x10); // DS
    m.cpu.s[EAX] = 0x11112222;
    farTaskSwitch(m.cpu, 0x30, "call", 0x1007);
    const s = m.cpu.s;
    expect(s[EAX]! >>> 0).toBe(0x1111c0c0);
    expect(s[S_EIP]).toBe(0x2000);
    expect(g.read16(TSS_C)).toBe(0x18);
    expect(g.read32(TSS_A + TSS.eip)).toBe(0x1007);
    expect(g.read32(TSS_A + TSS.eax)).toBe(0x11112222);
    expect(s[S_TR_SEL]).toBe(0x30);
  });
});

describe("task switch as instructions (far CALL/JMP, INT through an IDT task gate, IRET with NT)", () => {
  it.skipIf(!haveNasm)("CALL to a TSS, IRET back; INT 0x50 through a task gate, IRET back; JMP there and back", () => {
    const { m, gdt } = world();
    // Task B counts its runs in memory (its registers restart from its TSS), then IRETs back
    // when nested or, once A asks through [0x5008], JMPs back to A.
    m.ram.writeBytes(0x3000, nasm("b: inc dword [0x5000]\nstr eax\nmov [0x5004], eax\ncmp dword [0x5008], 0\njne .j\niret\njmp b\n.j: jmp 0x18:0\njmp b", 32, 0x3000));
    m.ram.writeBytes(
      0x1000,
      nasm(
        ["mov eax, 0x12345678", "call 0x20:0", "mov esi, [0x5000]", "int 0x50", "mov edi, [0x5000]",
          "mov dword [0x5008], 1", "jmp 0x20:0", "mov ebx, [0x5000]", "hlt"].join("\n"),
        32,
        0x1000,
      ),
    );
    // IDT at 0x11000 with vector 0x50 a task gate to B; the vector goes through the IDT.
    const s = m.cpu.s;
    s[45] = 0x11000; // S_IDTR_BASE
    s[46] = 0x7ff; // S_IDTR_LIMIT
    mem(m).write32(0x11000 + 0x50 * 8, 0x20 << 16);
    mem(m).write32(0x11000 + 0x50 * 8 + 4, 0x8500);
    m.cpu.interposedVectors[0x50] = 0;
    let ev: number[] | null = null;
    m.engine.setHostHandler((e) => {
      ev = [e.vector, e.errorCode, e.eip];
      return "stop";
    });
    const stop = m.engine.run(1000);
    expect(ev).toBeNull();
    expect(stop).toBe("halt");
    expect([s[ESI], s[EDI], s[EBX]]).toEqual([1, 2, 3]);
    expect(s[S_TR_SEL]).toBe(0x18);
    expect(mem(m).read32(0x5004)).toBe(0x20);
    expect(gdt.access(3)).toBe(0x8b);
    expect(gdt.access(4)).toBe(0x89);
    expect(s[EAX]).toBe(0x12345678);
  });
});

describe("task switch: CR3 (§7.3 step 11: loaded from a 32-bit TSS while CR0.PG = 1)", () => {
  function paged(pg: boolean): Machine {
    const { m } = world();
    const g = mem(m);
    // Two page directories mapping the first 4 MiB with one 4 MiB page (PSE), identity.
    g.write32(0x40000, 0x83);
    g.write32(0x41000, 0x83);
    g.write32(TSS_B + TSS.cr3, 0x41000);
    const s = m.cpu.s;
    writeCr4(m.cpu, 0x10);
    writeCr3(m.cpu, 0x40000);
    if (pg) writeCr0(m.cpu, s[S_CR0]! | 0x80000000);
    return m;
  }

  it("with paging on, the new task's CR3 is loaded; the old task's is not saved (CR3 is static state)", () => {
    const m = paged(true);
    mem(m).write32(TSS_A + TSS.cr3, 0x40000);
    const events: number[] = [];
    m.engine.setHostHandler((e) => {
      events.push(e.vector);
      return "stop";
    });
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    expect(m.cpu.s[S_CR3]).toBe(0x41000);
    m.cpu.s[S_CR3] = 0x41000 | 0x8; // changed while B runs: not written back on the return
    taskReturn(m.cpu, 0x3005);
    expect(mem(m).read32(TSS_B + TSS.cr3)).toBe(0x41000);
    expect([m.cpu.s[S_CR3], m.cpu.s[S_TR_SEL], m.cpu.s[S_EIP]]).toEqual([0x40000, 0x18, 0x1007]);
    expect(events).toEqual([]);
  });

  it("with paging off, CR3 is left alone", () => {
    const m = paged(false);
    farTaskSwitch(m.cpu, 0x20, "call", 0x1007);
    expect(m.cpu.s[S_CR3]).toBe(0x40000);
  });
});

describe("task switch: the TSS debug trap flag (§7.2.1, §17.3.1.5)", () => {
  it("T = 1 raises #DB with DR6.BT before the new task's first instruction", () => {
    const { m } = world();
    mem(m).write16(TSS_B + 0x64, 1);
    const events: number[][] = [];
    m.engine.setHostHandler((e, cpu) => {
      events.push([e.vector, e.eip, cpu.s[S_TR_SEL]!, cpu.s[S_DR6]! & 0x8000]);
      return "stop";
    });
    farTaskSwitch(m.cpu, 0x20, "jmp", 0x1007);
    expect(events).toEqual([[1, 0x3000, 0x20, 0x8000]]);
  });
});

describe("task switch into virtual-8086 mode (EFLAGS.VM in the new TSS)", () => {
  it("loads the segment registers as V86 segments (base = selector * 16, 64 KiB) at CPL 3", () => {
    const { m } = world();
    const g = mem(m);
    g.write32(TSS_B + TSS.eflags, 0x20002);
    for (const f of [TSS.es, TSS.cs, TSS.ss, TSS.ds, TSS.fs, TSS.gs]) g.write16(TSS_B + f, 0x1234);
    farTaskSwitch(m.cpu, 0x20, "jmp", 0x1007);
    const s = m.cpu.s;
    expect(s[S_CPL]).toBe(3);
    expect([s[S_SEL + CS], s[S_SEG_BASE + CS], s[S_SEG_BASE + SS], s[S_SEG_BASE + DS]]).toEqual([0x1234, 0x12340, 0x12340, 0x12340]);
    expect(readEflags(s) & 0x20000).toBe(0x20000);
  });
});
