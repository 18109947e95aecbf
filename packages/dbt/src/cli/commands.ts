/**
 * strata-dbt: the command line of @strata/dbt, with strata-x86's commands and arguments.
 *   strata-dbt run [--counters] [--budget N] [--memory MiB] [--threshold T] [--max-blocks B] FILE.elf
 *       a bare-metal static ELF on the translator: PT_LOAD segments at their physical addresses,
 *       flat 32-bit ring 0, paging off, ESP at the top of memory, the PC's port devices (debug
 *       console 0xE9 to stdout, isa-debug-exit 0xF4 ends the run with (v << 1) | 1)
 *   strata-dbt disasm FILE.elf
 *       objdump-style listing (isa's disassembler; translation does not change it)
 *   strata-dbt -kernel FILE [...]
 *       strata-x86's machine arguments: the PC machine on the translator (cli/system.ts)
 * Linux programs run on the translator through the library (LinuxProcess's `engine` option).
 */
import { readFileSync } from "node:fs";
import { createMachine, disassembleElf, ElfError, parseElf32, PcDevices, PT_LOAD, S_EIP, vectorName } from "@strata/isa";
import { createDbtEngine } from "../engine/create";
import { STOP_HOST } from "../engine/stop";
import { SYSTEM_USAGE, systemMain } from "./system";

const USAGE = `usage: strata-dbt <disasm|run> [options] FILE.elf\n  run [--counters] [--budget N] [--memory MiB] [--threshold T] [--max-blocks B] FILE.elf\n${SYSTEM_USAGE}`;

export interface CliIo {
  out(s: string): void;
  err(s: string): void;
}

const NODE_IO: CliIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

function readFile(cmd: string, file: string, io: CliIo): Uint8Array | null {
  try {
    return readFileSync(file);
  } catch (e) {
    io.err(`strata-dbt ${cmd}: ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return null;
  }
}

export function disasmMain(args: readonly string[], io: CliIo = NODE_IO): number {
  const file = args[0];
  if (file === undefined || args.length !== 1 || file.startsWith("-")) {
    io.err(`${USAGE}\n`);
    return file === "-h" || file === "--help" ? 0 : 2;
  }
  const bytes = readFile("disasm", file, io);
  if (bytes === null) return 1;
  try {
    const chunks: string[] = [];
    for (const sec of disassembleElf(parseElf32(bytes, file))) {
      for (const l of sec.lines) chunks.push(`${l.address.toString(16)}\t${l.text}\n`);
    }
    io.out(chunks.join(""));
    return 0;
  } catch (e) {
    if (e instanceof ElfError) {
      io.err(`strata-dbt disasm: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
}

export function runMain(args: readonly string[], io: CliIo = NODE_IO): number {
  let counters = false;
  let budget = Number.MAX_SAFE_INTEGER;
  let memoryMiB = 64;
  let threshold: number | undefined;
  let maxBlocks: number | undefined;
  let file: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === "--counters") counters = true;
    else if (a === "--budget" || a === "--memory" || a === "--threshold" || a === "--max-blocks") {
      const v = Number(args[++k]);
      const ok = Number.isInteger(v) && (a === "--threshold" ? v >= 0 : v > 0);
      if (!ok) {
        io.err(`strata-dbt run: ${a} needs a ${a === "--threshold" ? "non-negative" : "positive"} integer\n`);
        return 2;
      }
      if (a === "--budget") budget = v;
      else if (a === "--memory") memoryMiB = v;
      else if (a === "--threshold") threshold = v;
      else maxBlocks = v;
    } else if (a === "-h" || a === "--help") {
      io.out(`${USAGE}\n`);
      return 0;
    } else if (a.startsWith("-") || file !== undefined) {
      io.err(`${USAGE}\n`);
      return 2;
    } else file = a;
  }
  if (file === undefined) {
    io.err(`${USAGE}\n`);
    return 2;
  }
  const bytes = readFile("run", file, io);
  if (bytes === null) return 1;
  const m = createMachine({ memoryBytes: memoryMiB * 1024 * 1024 });
  const engine = createDbtEngine(m, {
    ...(threshold !== undefined ? { hotThreshold: threshold } : {}),
    ...(maxBlocks !== undefined ? { maxBlocks } : {}),
  });
  let exitStatus: number | null = null;
  const dev = new PcDevices({
    debugConsole: (b) => io.out(String.fromCharCode(b)),
    serialOut: (b) => io.out(String.fromCharCode(b)),
    onExit: (status) => {
      exitStatus = status;
      m.cpu.stop = STOP_HOST;
    },
  });
  m.cpu.ports = dev.io;
  try {
    const elf = parseElf32(bytes, file);
    for (const ph of elf.programHeaders) {
      if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
      const at = ph.paddr >>> 0;
      if (at + ph.memsz > m.ram.size) {
        io.err(`strata-dbt run: ${file}: segment at 0x${at.toString(16)} (${ph.memsz} bytes) is outside ${memoryMiB} MiB of memory\n`);
        return 1;
      }
      m.ram.u8.set(bytes.subarray(ph.offset, ph.offset + ph.filesz), at);
    }
    m.cpu.resetSupervisorFlat(elf.header.entry, m.ram.size);
  } catch (e) {
    if (e instanceof ElfError) {
      io.err(`strata-dbt run: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const t0 = performance.now();
  const reason = engine.run(budget);
  const ms = performance.now() - t0;
  const eip = (m.cpu.s[S_EIP]! >>> 0).toString(16);
  let status = 0;
  if (reason === "exception") {
    io.err(`strata-dbt run: exception #${vectorName(m.cpu.lastVector).toUpperCase()} (vector ${m.cpu.lastVector}, error code ${m.cpu.lastErrorCode}) at eip 0x${eip}\n`);
    status = 1;
  } else if (reason === "exit" && exitStatus !== null) status = exitStatus;
  else if (reason === "budget") io.err(`strata-dbt run: budget of ${budget} instructions used up at eip 0x${eip}\n`);
  if (counters) {
    for (const [name, v] of Object.entries({ ...engine.counters(), ...dev.counters() })) io.err(`${name} ${v}\n`);
    io.err(`host.ms ${ms.toFixed(1)}\n`);
  }
  return status;
}

export function main(argv: readonly string[], io: CliIo = NODE_IO): number {
  const [cmd, ...rest] = argv;
  // strata-x86's machine arguments (-kernel ...): the PC machine on the translator.
  if (cmd !== undefined && cmd.startsWith("-") && cmd !== "-h" && cmd !== "--help") return systemMain(argv, io);
  switch (cmd) {
    case "disasm":
      return disasmMain(rest, io);
    case "run":
      return runMain(rest, io);
    case "-h":
    case "--help":
      io.out(`${USAGE}\n`);
      return 0;
    default:
      io.err(`${USAGE}\n`);
      return 2;
  }
}
