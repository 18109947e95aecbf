/**
 * `strata-x86 disasm FILE.elf`: one line per instruction of every executable section,
 * `<hex address>\t<instruction text>`, the text in objdump's Intel syntax (see disasm/intel.ts).
 */
import { readFileSync } from "node:fs";
import { ElfError, parseElf32 } from "../loaders/elf32";
import { disassembleElf } from "../disasm/elf";

const USAGE = "usage: strata-x86 disasm FILE.elf";

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
  const file = args[0];
  if (file === undefined || args.length !== 1 || file === "-h" || file === "--help") {
    io.err(`${USAGE}\n`);
    return file === "-h" || file === "--help" ? 0 : 2;
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
    for (const sec of disassembleElf(elf)) {
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
