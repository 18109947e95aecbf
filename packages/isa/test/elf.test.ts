/**
 * ELF32 parser vs GNU readelf (an independent parser) on real binaries, and typed errors on
 * malformed files (each names the file, offset and field).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { ElfError, parseElf32, sectionBytes, PT_LOAD, SHF_EXECINSTR } from "../src/loaders/elf32";
import { buildC, buildNasm, cleanBuilds } from "./fixtures/build";
import { haveTool } from "./objdump";


afterAll(cleanBuilds);
const TOOLS = haveTool("readelf") && haveTool("gcc") && haveTool("nasm");
const FLAG_LETTERS: [number, string][] = [[1, "W"], [2, "A"], [4, "X"]];

describe.skipIf(!TOOLS)("parseElf32 vs readelf", () => {
  const files = [...buildC(false), ...buildNasm().filter((b) => b.kind === "elf")];
  for (const b of files) {
    it(`${b.name}: header, program headers, sections and symbols`, () => {
      const elf = parseElf32(readFileSync(b.path), b.path);
      const h = execFileSync("readelf", ["-h", "-W", b.path], { encoding: "utf8" });
      expect(h).toContain(`Entry point address:               0x${elf.header.entry.toString(16)}`);
      expect(h).toMatch(new RegExp(`Number of section headers:\\s+${elf.header.shnum}\\b`));
      expect(h).toMatch(new RegExp(`Number of program headers:\\s+${elf.header.phnum}\\b`));

      const l = execFileSync("readelf", ["-l", "-W", b.path], { encoding: "utf8" });
      const loads = [...l.matchAll(/^\s+LOAD\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x[0-9a-f]+ 0x([0-9a-f]+) 0x([0-9a-f]+)/gm)].map((m) =>
        [m[1], m[2], m[3], m[4]].map((x) => parseInt(x ?? "", 16)),
      );
      expect(elf.programHeaders.filter((p) => p.type === PT_LOAD).map((p) => [p.offset, p.vaddr, p.filesz, p.memsz])).toEqual(loads);

      const s = execFileSync("readelf", ["-S", "-W", b.path], { encoding: "utf8" });
      const rows = [...s.matchAll(/^\s+\[\s*(\d+)\]\s+(\S*)\s+[A-Z_0-9]+\s+([0-9a-f]{8}) ([0-9a-f]{6}) ([0-9a-f]{6}) [0-9a-f]{2}\s+([A-Z]*)\s/gm)];
      expect(rows.length).toBe(elf.sections.length);
      for (const m of rows) {
        const sec = elf.sections[Number(m[1])];
        const flags = FLAG_LETTERS.filter(([bit]) => ((sec?.flags ?? 0) & bit) !== 0).map(([, c]) => c);
        expect([sec?.name, sec?.addr, sec?.offset, sec?.size], m[0]).toEqual([m[2], parseInt(m[3] ?? "", 16), parseInt(m[4] ?? "", 16), parseInt(m[5] ?? "", 16)]);
        for (const c of flags) expect(m[6] ?? "").toContain(c);
      }

      const sym = execFileSync("readelf", ["-s", "-W", b.path], { encoding: "utf8" });
      // readelf shows STT_SECTION symbols under their section's name; their st_name is empty.
      const named = [...sym.matchAll(/^\s+\d+: ([0-9a-f]{8})\s+(\d+) (\S+)\s+\S+\s+\S+\s+\S+ (\S+)$/gm)]
        .filter((m) => m[3] !== "SECTION")
        .map((m) => `${m[4]}@${m[1]}/${m[2]}`);
      const ours = elf.symbols.filter((x) => x.name !== "").map((x) => `${x.name}@${x.value.toString(16).padStart(8, "0")}/${x.size}`);
      expect(ours.sort()).toEqual(named.filter((n) => !n.startsWith("@")).sort());
      expect(elf.sections.some((x) => (x.flags & SHF_EXECINSTR) !== 0 && sectionBytes(elf, x).length === x.size)).toBe(true);
    });
  }
});

describe("parseElf32 on malformed input", () => {
  const good = (): Uint8Array => {
    const b = new Uint8Array(52);
    b.set([0x7f, 0x45, 0x4c, 0x46, 1, 1, 1]);
    b[16] = 2; // ET_EXEC
    b[18] = 3; // EM_386
    return b;
  };
  const cases: [string, (b: Uint8Array) => Uint8Array, string, number][] = [
    ["truncated header", (b) => b.subarray(0, 20), "e_ident", 0],
    ["bad magic", (b) => (b.set([0x7f, 0x45, 0x4c, 0x47]), b), "e_ident[EI_MAG]", 0],
    ["64-bit class", (b) => ((b[4] = 2), b), "e_ident[EI_CLASS]", 4],
    ["big endian", (b) => ((b[5] = 2), b), "e_ident[EI_DATA]", 5],
    ["not i386", (b) => ((b[18] = 62), b), "e_machine", 18],
    ["program headers beyond the file", (b) => (b.set([1], 44), b.set([32], 42), b.set([0x00, 0x10], 28), b), "e_phoff", 0x1000],
    ["section headers beyond the file", (b) => (b.set([1], 48), b.set([40], 46), b.set([0x00, 0x20], 32), b), "e_shoff", 0x2000],
  ];
  for (const [what, mutate, field, offset] of cases) {
    it(`${what}: ElfError naming ${field}`, () => {
      let err: unknown;
      try {
        parseElf32(mutate(good()), "t.elf");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(ElfError);
      const e = err as ElfError;
      expect([e.field, e.offset, e.file]).toEqual([field, offset, "t.elf"]);
      expect(e.message).toContain("t.elf");
    });
  }
});

describe.skipIf(!TOOLS)("parseElf32 on corrupted real files", () => {
  it("any corruption of header, program or section headers, or symbols: parsed or ElfError, never another exception", () => {
    const b = buildNasm().find((x) => x.name === "tricky32.asm");
    expect(b).toBeDefined();
    const orig = readFileSync(b?.path ?? "");
    const elf = parseElf32(orig, "t.o");
    const shEnd = elf.header.shoff + elf.header.shnum * 40;
    let s = 12345;
    const rnd = (n: number): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return (s >>> 8) % n;
    };
    const other: string[] = [];
    let errors = 0;
    for (let i = 0; i < 3000; i++) {
      const m = Uint8Array.from(orig);
      for (let k = 0; k < 1 + rnd(4); k++) {
        // Hit the structures (ELF header, section headers, symbol/string tables) more than code.
        const where = rnd(3) === 0 ? rnd(52) : rnd(2) === 0 ? elf.header.shoff + rnd(shEnd - elf.header.shoff) : rnd(m.length);
        m[where] = rnd(256);
      }
      try {
        parseElf32(m, "t.o");
      } catch (e) {
        if (e instanceof ElfError) errors++;
        else other.push(String(e));
      }
    }
    expect(other.slice(0, 5)).toEqual([]);
    expect(errors).toBeGreaterThan(100);
  });
});
