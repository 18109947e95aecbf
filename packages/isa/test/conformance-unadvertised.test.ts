/**
 * The harness's treatment of entries whose CPUID feature the engine does not advertise
 * (src/testing/features.ts, src/testing/unadvertised.ts): the classification reads the engine's
 * CPUID, and the engine-alone #UD check fails an engine that does anything but #UD with every
 * field unchanged. No native runner needed: "ud" entries never reach the reference.
 */
import { describe, expect, it } from "vitest";
import { cpuid } from "../src/cpu/cpuid";
import { OPCODES } from "../src/table/index";
import {
  ADVERTISE_ALL,
  type BatchEngine,
  type CaseEngine,
  CODE_BASE,
  checkPlan,
  entryKey,
  fromAliasResult,
  runConformance,
  undefinedOpcodeResult,
  withoutRep,
} from "../src/testing/index";

const byKey = new Map(OPCODES.map((d) => [entryKey(d), d]));
const plan = (key: string): string => {
  const d = byKey.get(key);
  if (!d) throw new Error(`no entry ${key}`);
  const p = checkPlan(d);
  return p.kind === "host" ? "host" : `${p.kind} ${p.feature.name}`;
};

/** A reference that must not be asked: the host has the features the engine lacks. */
const noHost: BatchEngine = {
  name: "host (must not run)",
  runBatch: () => {
    throw new Error("a #UD-checked case reached the host reference");
  },
};

describe("classification by the engine's CPUID (leaf 1 EDX/ECX, leaf 7, 0x80000001; SDM CPUID feature flags)", () => {
  it("reads what src/cpu/cpuid.ts reports", () => {
    expect(plan("01 add Ev,Gv")).toBe("host");
    expect(plan("0F 40 cmovo Gv,Ev")).toBe("host"); // CMOV advertised
    expect(plan("0F C7/1 mem cmpxchg8b Mq")).toBe("host"); // CX8 advertised
    expect(plan("0F FC paddb Pq,Qq")).toBe("ud MMX");
    expect(plan("0F 58 addps Vx,Wx")).toBe("ud SSE");
    expect(plan("F3 0F B8 popcnt Gv,Ev")).toBe("ud POPCNT");
    expect(plan("DD/1 mem fisttp Mq")).toBe("ud SSE3");
    expect(plan("0F 35 sysexit")).toBe("ud SEP");
    expect(plan("0F 01/2.1 reg xsetbv")).toBe("ud XSAVE");
    expect(plan("F3 0F BC tzcnt Gv,Ev")).toBe("alias BMI1");
    expect(plan("F3 0F BD lzcnt Gv,Ev")).toBe("alias LZCNT");
    expect(plan("F3 0F 1E/7.3 reg endbr32")).toBe("alias CET_IBT");
    // no CPUID flag in the SDM: compared with the host
    expect(plan("F3 90 pause")).toBe("host");
    expect(plan("0F 18/1 mem prefetcht0 Mb")).toBe("host");
  });

  it("a CPUID that advertises everything sends every entry to the host", () => {
    const notHost = OPCODES.filter((d) => checkPlan(d, ADVERTISE_ALL).kind !== "host").map(entryKey);
    expect(notHost).toEqual([]);
    // and the package's own CPUID leaves the MMX/SSE entries out of the host comparison
    expect(OPCODES.filter((d) => d.ext === "mmx" && checkPlan(d, cpuid).kind === "host").map(entryKey)).toEqual([]);
  });
});

describe("engine-alone #UD check", () => {
  const run = (engine: CaseEngine) =>
    runConformance({ table: OPCODES, seed: 7, casesPerEntry: 10, filter: "^0F (FC|58) ", reference: noHost, engine });

  it("passes an engine that raises #UD with nothing changed", () => {
    const r = run({ name: "ud", run: undefinedOpcodeResult });
    expect(r.entries.length).toBe(2);
    expect(r.udChecked).toBe(20);
    expect([r.passed, r.failed]).toEqual([20, 0]);
  });

  it("fails an engine that executes the instruction, or raises #UD after changing a register or a flag", () => {
    const executes = run({ name: "executes", run: (c) => ({ ...undefinedOpcodeResult(c), vector: 3, eip: CODE_BASE + c.code.length + 1 }) });
    expect(executes.failed).toBe(20);
    const reg = run({ name: "reg", run: (c) => ({ ...undefinedOpcodeResult(c), regs: Uint32Array.from(c.regs, (v, i) => (i === 0 ? v ^ 1 : v)) }) });
    expect(reg.failed).toBe(20);
    // a flag the table leaves undefined for ADDPS/PADDB would be masked in a host comparison; not here
    const flag = run({ name: "flag", run: (c) => ({ ...undefinedOpcodeResult(c), eflags: c.eflags ^ 0x10 }) });
    expect(flag.failed).toBe(20);
  });
});

describe("alias encodings", () => {
  it("drops the REP prefix only from the prefix run", () => {
    expect([...withoutRep(Uint8Array.of(0x66, 0xf3, 0x0f, 0xbc, 0xf3))]).toEqual([0x66, 0x0f, 0xbc, 0xf3]);
  });

  it("moves a trap EIP by the removed bytes and leaves a fault EIP at the instruction", () => {
    const d = byKey.get("F3 0F BC tzcnt Gv,Ev");
    expect(d).toBeDefined();
    const c = { id: "x", entry: "F3 0F BC tzcnt Gv,Ev", code: Uint8Array.of(0xf3, 0x0f, 0xbc, 0xc1), regs: new Uint32Array(8), eflags: 0x202, regions: [], mask: { eflags: 0, notes: [] } };
    const alias = { ...c, code: withoutRep(c.code) };
    const base = undefinedOpcodeResult(c);
    expect(fromAliasResult(c, alias, { ...base, vector: 3, eip: CODE_BASE + 4 }).eip).toBe(CODE_BASE + 5);
    expect(fromAliasResult(c, alias, { ...base, vector: 14, eip: CODE_BASE }).eip).toBe(CODE_BASE);
  });
});
