/**
 * `strata-x86 disasm [-M intel|att] FILE.elf`: one line per instruction of every executable
 * section, `<hex address>\t<instruction text>`, the text as objdump prints it: Intel syntax by
 * default (`objdump -d -M intel`, see disasm/intel.ts), AT&T with `-M att` (`objdump -d`).
 */
import { readFileSync } from "node:fs";
import { ElfError, parseElf32 } from "../loaders/elf32";
import { disassembleElf } from "../disasm/elf";
import type { Syntax } from "../disasm/listing";

const USAGE = "usage: strata-x86 disasm [-M intel|att] FILE.elf";

/** Where the command writes (stdout/stderr by default; tests capture). */
export interface DisasmIo {
  out(s: string): void;
  err(s: string): void;
}

const NODE_IO: DisasmIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

/** Runs the disasm command; returns the process exit code. */
export function disasmMain(args: string[], io: DisasmIo = NODE_IO): number {
  let syntax: Syntax = "intel";
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? "";
    if (a === "-h" || a === "--help") {
      io.err(`${USAGE}\n`);
      return 0;
    }
    if (a === "-M" || a.startsWith("-M")) {
      const v = a === "-M" ? args[++i] : a.slice(2);
      if (v !== "intel" && v !== "att") {
        io.err(`strata-x86 disasm: -M ${v ?? ""}: expected intel or att\n${USAGE}\n`);
        return 2;
      }
      syntax = v;
      continue;
    }
    rest.push(a);
  }
  const file = rest[0];
  if (file === undefined || rest.length !== 1) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`strata-x86 disasm: ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  try {
    const elf = parseElf32(bytes, file);
    const chunks: string[] = [];
    for (const sec of disassembleElf(elf, syntax)) {
      for (const l of sec.lines) chunks.push(`${l.address.toString(16)}\t${l.text}\n`);
    }
    io.out(chunks.join(""));
    return 0;
  } catch (e) {
    if (e instanceof ElfError) {
      io.err(`strata-x86 disasm: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}
