/**
 * Table sanity: every entry decodes to itself, carries a semantics id, and its flag masks agree
 * with iced-x86's instruction info (rflags read / modified / undefined); classes follow the SDM
 * privilege rules and the Robin–Irvine sensitive-unprivileged list; LOCK only on memory-destination
 * forms.
 */
import { describe, expect, it } from "vitest";
import { RflagsBits } from "iced-x86";
import { OPCODES, type SemId } from "../src/table/opcodes";
import type { Ext, OpDef } from "../src/table/types";
import { AF, CF, DF, IF, OF, PF, SF, ZF } from "../src/table/flags";
import { decode } from "../src/decode/decoder";
import { subTable, type SubTable } from "../src/decode/dispatch";
import { encodingsOf } from "./sweep";
import { icedDecode, inStrataIsa } from "./iced-oracle";

// @ts-expect-error -- SemId is a union of the table's literal ids, not `string`.
const notASem: SemId = "no_such_semantics";
void notASem;

/** iced's RflagsBits → EFLAGS bit positions. */
const ICED_TO_EFLAGS: [number, number][] = [
  [RflagsBits.OF, OF], [RflagsBits.SF, SF], [RflagsBits.ZF, ZF], [RflagsBits.AF, AF],
  [RflagsBits.CF, CF], [RflagsBits.PF, PF], [RflagsBits.DF, DF], [RflagsBits.IF, IF],
];
const COMPARED = OF | SF | ZF | AF | CF | PF | DF | IF;
const eflags = (iced: number): number => ICED_TO_EFLAGS.reduce((m, [i, e]) => ((iced & i) !== 0 ? m | e : m), 0);
const hexb = (b: number[]): string => b.map((x) => x.toString(16).padStart(2, "0")).join(" ");

describe("opcode table", () => {
  it("every entry has a semantics id and decodes back to itself (32- and 16-bit code)", () => {
    const bad: string[] = [];
    OPCODES.forEach((e: OpDef, i) => {
      if (typeof e.sem !== "string" || e.sem === "") bad.push(`${e.mn}: no sem`);
      for (const bits of [32, 16] as const) {
        for (const enc of encodingsOf(i, bits)) {
          const d = decode(Uint8Array.from([...enc, 0, 0, 0, 0]), 0, bits);
          if (d.entry !== i || d.length !== enc.length) bad.push(`${e.mn} ${hexb(enc)} (${bits}-bit) decodes as ${d.op.mn}/${d.length}`);
        }
      }
    });
    expect(bad).toEqual([]);
  });

  it("flags read / modified / undefined agree with iced-x86 for every entry iced knows", () => {
    const bad: string[] = [];
    let compared = 0;
    OPCODES.forEach((e: OpDef, i) => {
      // Count 3 for shifts: iced reports flags per instance, and RCL r/m8 by 0x12 (= 18 mod 9 = 0)
      // would change none.
      const enc = encodingsOf(i, 32, 3).at(-1);
      // INT n/INT3/INTO/INT1: the IF/TF changes belong to interrupt delivery, which iced omits.
      if (enc === undefined || e.cf === "int") return;
      const ic = icedDecode(Uint8Array.from([...enc, 0, 0, 0, 0]), 32);
      try {
        if (ic.isInvalid || !inStrataIsa(ic)) return;
        compared++;
        const ours = [(e.fr ?? 0) & COMPARED, (e.fw ?? 0) & COMPARED, (e.fu ?? 0) & COMPARED];
        const theirs = [eflags(ic.rflagsRead), eflags(ic.rflagsModified), eflags(ic.rflagsUndefined)];
        if (ours.join() !== theirs.join()) bad.push(`${e.mn} ${hexb(enc)}: ours r/w/u=${ours.map((x) => x.toString(16)).join("/")} iced=${theirs.map((x) => x.toString(16)).join("/")}`);
      } finally {
        ic.free();
      }
    });
    console.log(`flags compared with iced-x86 for ${compared} entries`);
    expect(compared).toBeGreaterThan(800);
    expect(bad).toEqual([]);
  });

  it("classes: Robin–Irvine sensitive-unprivileged, privileged and I/O instructions", () => {
    const cls = (mn: string): Set<string> => new Set(OPCODES.filter((e: OpDef) => e.mn === mn).map((e) => e.cls));
    for (const mn of ["sgdt", "sidt", "sldt", "smsw", "str", "pushf", "popf", "lar", "lsl", "verr", "verw", "int", "iret", "retf", "les", "lds", "lss", "lfs", "lgs"]) {
      expect([...cls(mn)], mn).toEqual(["sensitive"]);
    }
    const sreg = OPCODES.filter((e: OpDef) => e.ops.some((o) => ["ES", "CS", "SS", "DS", "FS", "GS", "Sw"].includes(o)));
    expect(sreg.length).toBeGreaterThan(10);
    for (const e of sreg) expect(e.cls, `${e.mn} ${e.ops.join(",")}`).toBe("sensitive");
    const far = OPCODES.filter((e: OpDef) => e.cf === "jmpfar" || e.cf === "callfar" || e.cf === "retfar");
    for (const e of far) expect(e.cls).toBe("sensitive");
    for (const mn of ["lgdt", "lidt", "lldt", "ltr", "lmsw", "clts", "invd", "wbinvd", "invlpg", "rdmsr", "wrmsr", "hlt"]) {
      expect([...cls(mn)], mn).toEqual(["privileged"]);
    }
    expect(OPCODES.filter((e: OpDef) => e.sem === "mov_to_cr" || e.sem === "mov_from_dr").every((e) => e.cls === "privileged")).toBe(true);
    for (const mn of ["in", "out", "ins", "outs", "cli", "sti"]) expect([...cls(mn)], mn).toEqual(["io"]);
  });

  it("LOCK is allowed only on read-modify-write forms whose destination can be memory", () => {
    for (const e of OPCODES as readonly OpDef[]) {
      if (e.lock !== true) continue;
      expect(["Eb", "Ew", "Ed", "Ev", "Mq"], `${e.mn} ${e.ops.join(",")}`).toContain(e.ops[0]);
      expect(e.mod, e.mn).not.toBe("reg");
    }
    const lockable = new Set(OPCODES.filter((e: OpDef) => e.lock === true).map((e) => e.mn));
    // SDM Vol. 2 "LOCK": the complete list of lockable instructions.
    expect([...lockable].sort()).toEqual(
      ["adc", "add", "and", "btc", "btr", "bts", "cmpxchg", "cmpxchg8b", "dec", "inc", "neg", "not", "or", "sbb", "sub", "xadd", "xchg", "xor"].sort(),
    );
  });

  it("groups and mandatory-prefix splits form the SDM's sub-tables", () => {
    const names = (t: SubTable): string[] => (t.kind === "entry" ? [t.entry.mn] : t.kind === "ud" ? ["#UD"] : t.slots.flatMap(names));
    const slots = (t: SubTable): SubTable[] => ("slots" in t ? [...t.slots] : []);
    // SDM Vol. 2 Table A-6, groups 1, 2, 3, 5 (memory forms), 6, 7 (memory forms).
    expect(subTable("1b", 0x80).kind).toBe("reg");
    expect(slots(subTable("1b", 0x80)).map((s) => names(s).join())).toEqual(["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"]);
    expect(slots(subTable("1b", 0xd3)).map((s) => names(s).join())).toEqual(["rol", "ror", "rcl", "rcr", "shl", "shr", "shl", "sar"]);
    expect(slots(subTable("1b", 0xf7)).map((s) => names(s).join())).toEqual(["test", "test", "not", "neg", "mul", "imul", "div", "idiv"]);
    expect(slots(subTable("1b", 0xff)).map((s) => names(s)[0])).toEqual(["inc", "dec", "call", "call", "jmp", "jmp", "push", "#UD"]);
    expect(slots(subTable("0f", 0x00)).map((s) => names(s)[0])).toEqual(["sldt", "str", "lldt", "ltr", "verr", "verw", "#UD", "#UD"]);
    expect(slots(subTable("0f", 0x01)).map((s) => names(s)[0])).toEqual(["sgdt", "sidt", "lgdt", "lidt", "smsw", "#UD", "lmsw", "invlpg"]);
    // Mandatory prefixes: none, 66, F3, F2.
    expect(subTable("0f", 0x10).kind).toBe("prefix");
    expect(names(subTable("0f", 0x10))).toEqual(["movups", "movupd", "movss", "movsd"]);
    expect(names(subTable("0f", 0x6f))).toEqual(["movq", "movdqa", "movdqu", "#UD"]);
    expect(names(subTable("0f", 0x70))).toEqual(["pshufw", "pshufd", "pshufhw", "pshuflw"]);
  });

  it("coverage by extension", () => {
    const counts = new Map<Ext, number>();
    for (const e of OPCODES as readonly OpDef[]) counts.set(e.ext, (counts.get(e.ext) ?? 0) + 1);
    console.log(`table entries: ${OPCODES.length}; by extension: ${[...counts].map(([k, v]) => `${k} ${v}`).join(", ")}`);
    for (const ext of ["i386", "i486", "p5", "p6", "x87", "mmx", "sse", "sse2", "sse3", "ssse3", "sse41", "sse42"] as const) {
      expect(counts.get(ext) ?? 0, ext).toBeGreaterThan(0);
    }
  });
});
