/**
 * The objdump test: our disassembler against GNU objdump (`-d -M intel`), instruction by
 * instruction (same address, same length, same normalised text; see ./objdump.ts for the
 * normalisation rule). Inputs: encodings generated from every table entry (32- and 16-bit code),
 * our nasm coverage files, and gcc -m32 -static C programs linked with glibc (whose string
 * functions use SSE2/SSSE3/SSE4.2). `STRATA_DISASM_FULL=1` adds more compiler variants.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { disassembleElf, disassembleRange } from "../src/disasm/index";
import { parseElf32 } from "../src/loaders/elf32";
import { disasmMain } from "../src/cli/disasm";
import { buildC, buildNasm } from "./fixtures/build";
import { compareWithObjdump, haveTool, objdump, normalize } from "./objdump";
import { buildSweep, objdumpCannotJudge } from "./sweep";

const FULL = process.env.STRATA_DISASM_FULL === "1";
const TOOLS = haveTool("objdump") && haveTool("nasm") && haveTool("gcc");

function agree(label: string, ref: ReturnType<typeof objdump>, ours: Parameters<typeof compareWithObjdump>[1]): void {
  const r = compareWithObjdump(ref, ours, label);
  console.log(`objdump agreement ${label}: ${r.compared - r.mismatches.length}/${r.compared} instructions`);
  expect(r.compared).toBeGreaterThan(0);
  expect(r.mismatches.slice(0, 20)).toEqual([]);
}

describe.skipIf(!TOOLS)("disassembler vs objdump -d -M intel", () => {
  for (const bits of [32, 16] as const) {
    it(`every table entry, synthesised encodings, ${bits}-bit code`, () => {
      const bytes = buildSweep(bits, objdumpCannotJudge);
      const file = join(mkdtempSync(join(tmpdir(), "strata-sweep-")), `sweep${bits}.bin`);
      writeFileSync(file, bytes);
      const ref = objdump(["-D", "-b", "binary", "-m", bits === 16 ? "i8086" : "i386", "-M", "intel", file]);
      agree(`table sweep ${bits}-bit`, ref, disassembleRange(bytes, 0, bytes.length, 0, bits));
    });
  }

  it("nasm coverage files (all groups, x87, system, SIMD, 16-bit addressing)", () => {
    for (const b of buildNasm()) {
      if (b.kind === "elf") {
        const ref = objdump(["-d", "-M", "intel", b.path]);
        agree(b.name, ref, disassembleElf(parseElf32(readFileSync(b.path), b.path)).flatMap((s) => s.lines));
      } else {
        const bytes = readFileSync(b.path);
        const ref = objdump(["-D", "-b", "binary", "-m", "i8086", "-M", "intel", b.path]);
        agree(b.name, ref, disassembleRange(bytes, 0, bytes.length, 0, 16));
      }
    }
  });

  it("gcc -m32 -static programs with glibc: every executable section, through `strata-x86 disasm`", () => {
    for (const b of buildC(FULL)) {
      const ref = objdump(["-d", "-M", "intel", b.path]);
      let listing = "";
      expect(disasmMain([b.path], { out: (s) => (listing += s), err: (s) => (listing += s) })).toBe(0);
      const ours = listing
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => {
          const [addr, text] = l.split("\t");
          return { address: parseInt(addr ?? "", 16), length: 0, text: text ?? "" };
        });
      // The CLI prints no lengths: take them from the library listing it was made from.
      const lib = disassembleElf(parseElf32(readFileSync(b.path), b.path)).flatMap((s) => s.lines);
      expect(ours.map((l) => `${l.address.toString(16)}\t${normalize(l.text)}`)).toEqual(
        lib.map((l) => `${l.address.toString(16)}\t${normalize(l.text)}`),
      );
      agree(b.name, ref, lib);
      // Same instruction boundaries as objdump: our listing has no instruction objdump lacks.
      expect(lib.length).toBe(ref.length);
    }
  });
});

/** Full mode also covers the repo's prebuilt workload images (linux-i386 and bare-metal kernels). */
const WORKLOADS = join(import.meta.dirname, "../../workloads/artifacts");
const workloadElfs = (): string[] =>
  ["linux-i386", "bare-metal-i386"].flatMap((d) => {
    const dir = join(WORKLOADS, d);
    return existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".elf")).map((f) => join(dir, f)) : [];
  });

describe.skipIf(!TOOLS || !FULL)("disassembler vs objdump on the workload images (full mode)", () => {
  it("every .elf under packages/workloads/artifacts", () => {
    const files = workloadElfs();
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      agree(f.slice(WORKLOADS.length + 1), objdump(["-d", "-M", "intel", f]), disassembleElf(parseElf32(readFileSync(f), f)).flatMap((s) => s.lines));
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
    expect(err).toContain(file);
    expect(err).toMatch(/e_ident/);
  });
});
