/**
 * The objdump test: our disassembler against GNU objdump, in Intel syntax (`-d -M intel`) and in
 * AT&T syntax (`-d`, objdump's default), instruction by
 * instruction (same address, same length, same normalised text; see ./objdump.ts for the
 * normalisation rule). Inputs: encodings generated from every table entry (32- and 16-bit code),
 * our nasm coverage files, and gcc -m32 -static C programs linked with glibc (whose string
 * functions use SSE2/SSSE3/SSE4.2). `STRATA_DISASM_FULL=1` adds more compiler variants.
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disassembleElf, disassembleRange } from "../src/disasm/index";
import { parseElf32 } from "../src/loaders/elf32";
import { disasmMain } from "../src/cli/disasm";
import { buildC, buildNasm, cleanBuilds } from "./fixtures/build";
import { compareWithObjdump, haveTool, objdump } from "./objdump";
import { buildSweep, objdumpCannotJudge } from "./sweep";


afterAll(cleanBuilds);
const FULL = process.env.STRATA_DISASM_FULL === "1";
const TOOLS = haveTool("objdump") && haveTool("nasm") && haveTool("gcc");

function agree(label: string, ref: ReturnType<typeof objdump>, ours: Parameters<typeof compareWithObjdump>[1]): void {
  const r = compareWithObjdump(ref, ours, label);
  console.log(`objdump agreement ${label}: ${r.compared - r.mismatches.length}/${r.compared} instructions`);
  expect(r.compared).toBeGreaterThan(0);
  expect(r.mismatches.slice(0, 20)).toEqual([]);
}

const SYNTAXES = [
  { syntax: "intel", flags: ["-M", "intel"] },
  { syntax: "att", flags: [] },
] as const;

for (const { syntax, flags } of SYNTAXES) {
  describe.skipIf(!TOOLS)(`disassembler vs objdump -d ${flags.join(" ")} (${syntax})`, () => {
    for (const bits of [32, 16] as const) {
      it(`every table entry, synthesised encodings, ${bits}-bit code`, () => {
        const bytes = buildSweep(bits, objdumpCannotJudge);
        const tmp = mkdtempSync(join(tmpdir(), "strata-sweep-"));
        const file = join(tmp, `sweep${bits}.bin`);
        writeFileSync(file, bytes);
        const ref = objdump(["-D", "-b", "binary", "-m", bits === 16 ? "i8086" : "i386", ...flags, file]);
        rmSync(tmp, { recursive: true, force: true });
        agree(`${syntax} table sweep ${bits}-bit`, ref, disassembleRange(bytes, 0, bytes.length, 0, bits, bytes.length, syntax));
      });
    }

    it("nasm coverage files (all groups, x87, system, SIMD, 16-bit addressing)", () => {
      for (const b of buildNasm()) {
        if (b.kind === "elf") {
          const ref = objdump(["-d", ...flags, b.path]);
          agree(`${syntax} ${b.name}`, ref, disassembleElf(parseElf32(readFileSync(b.path), b.path), syntax).flatMap((s) => s.lines));
        } else {
          const bytes = readFileSync(b.path);
          const ref = objdump(["-D", "-b", "binary", "-m", "i8086", ...flags, b.path]);
          agree(`${syntax} ${b.name}`, ref, disassembleRange(bytes, 0, bytes.length, 0, 16, bytes.length, syntax));
        }
      }
    });

    it("gcc -m32 -static programs with glibc: every executable section, through `strata-x86 disasm`", () => {
      for (const b of buildC(FULL)) {
        const ref = objdump(["-d", ...flags, b.path]);
        let listing = "";
        expect(disasmMain(["-M", syntax, b.path], { out: (s) => (listing += s), err: (s) => (listing += s) })).toBe(0);
        const lib = disassembleElf(parseElf32(readFileSync(b.path), b.path), syntax).flatMap((s) => s.lines);
        // The CLI prints the library's listing (which carries the lengths compared below).
        expect(listing.split("\n").filter((l) => l !== "")).toEqual(lib.map((l) => `${l.address.toString(16)}\t${l.text}`));
        agree(`${syntax} ${b.name}`, ref, lib);
        // Same instruction boundaries as objdump: our listing has no instruction objdump lacks.
        expect(lib.length).toBe(ref.length);
      }
    });
  });
}

/** Full mode also covers the repo's prebuilt workload images (linux-i386 and bare-metal kernels). */
const WORKLOADS = join(import.meta.dirname, "../../workloads/artifacts");
const workloadElfs = (): string[] =>
  ["linux-i386", "bare-metal-i386"].flatMap((d) => {
    const dir = join(WORKLOADS, d);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".elf")).map((f) => join(dir, f)) : [];
  });

describe.skipIf(!TOOLS || !FULL)("disassembler vs objdump on the workload images (full mode)", () => {
  it("every .elf under packages/workloads/artifacts, both syntaxes", () => {
    const files = workloadElfs();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      for (const { syntax, flags } of SYNTAXES) {
        const lines = disassembleElf(parseElf32(readFileSync(f), f), syntax).flatMap((s) => s.lines);
        agree(`${syntax} ${f.slice(WORKLOADS.length + 1)}`, objdump(["-d", ...flags, f]), lines);
      }
    }
  });
});

describe("strata-x86 disasm errors", () => {
  it("names the file and the field of a malformed ELF, exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "strata-bad-"));
    const file = join(dir, "bad.elf");
    writeFileSync(file, Uint8Array.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]));
    let err = "";
    expect(disasmMain([file], { out: () => undefined, err: (s) => (err += s) })).toBe(1);
    rmSync(dir, { recursive: true, force: true });
    expect(err).toContain(file);
    expect(err).toMatch(/e_ident/);
  });

  it("rejects an unknown syntax with the usage line, exit 2", () => {
    let err = "";
    expect(disasmMain(["-M", "nasm", "x.elf"], { out: () => undefined, err: (s) => (err += s) })).toBe(2);
    expect(err).toContain("usage: strata-x86 disasm");
  });
});
