/**
 * `strata-x86 run [--counters] [--budget N] [--memory MiB] FILE.elf`: a bare-metal static ELF on
 * the interpreter — PT_LOAD segments copied to physical memory at their addresses, flat 32-bit
 * protected mode at CPL 0 with paging off, ESP at the top of memory, the PC's port devices
 * (debug console 0xE9 to stdout, isa-debug-exit 0xF4 ends the run with (v << 1) | 1). It stops at
 * HLT, at an exception (no IDT delivery yet: printed with its vector and EIP), at isa-debug-exit
 * or when the budget runs out. Linux programs run with @strata/linux-user's strata-i386 instead.
 */
import { readFileSync } from "node:fs";
import { STOP_HOST } from "../cpu/cpu";
import { vectorName } from "../cpu/exceptions";
import { S_EIP } from "../cpu/state";
import { PcDevices } from "../devices/pc";
import { ElfError, parseElf32, PT_LOAD } from "../loaders/elf32";
import { createMachine } from "../machine";

const USAGE = "usage: strata-x86 run [--counters] [--budget N] [--memory MiB] FILE.elf";

export interface RunIo {
  out(s: string): void;
  err(s: string): void;
}

const NODE_IO: RunIo = {
  out: (s) => void process.stdout.write(s),
  err: (s) => void process.stderr.write(s),
};

export function runMain(args: string[], io: RunIo = NODE_IO): number {
  let counters = false;
  let budget = Number.MAX_SAFE_INTEGER;
  let memoryMiB = 64;
  let file: string | undefined;
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    if (a === "--counters") counters = true;
    else if (a === "--budget" || a === "--memory") {
      const v = Number(args[++k]);
      if (!Number.isInteger(v) || v <= 0) {
        io.err(`strata-x86 run: ${a} needs a positive integer\n`);
        return 2;
      }
      if (a === "--budget") budget = v;
      else memoryMiB = v;
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
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    io.err(`strata-x86 run: ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const m = createMachine({ memoryBytes: memoryMiB * 1024 * 1024 });
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
        io.err(`strata-x86 run: ${file}: segment at 0x${at.toString(16)} (${ph.memsz} bytes) is outside ${memoryMiB} MiB of memory\n`);
        return 1;
      }
      m.ram.u8.set(bytes.subarray(ph.offset, ph.offset + ph.filesz), at);
    }
    m.cpu.resetSupervisorFlat(elf.header.entry, m.ram.size);
  } catch (e) {
    if (e instanceof ElfError) {
      io.err(`strata-x86 run: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const t0 = performance.now();
  const reason = m.engine.run(budget);
  const ms = performance.now() - t0;
  const eip = (m.cpu.s[S_EIP]! >>> 0).toString(16);
  let status = 0;
  if (reason === "exception") {
    io.err(`strata-x86 run: exception #${vectorName(m.cpu.lastVector).toUpperCase()} (vector ${m.cpu.lastVector}, error code ${m.cpu.lastErrorCode}) at eip 0x${eip}\n`);
    status = 1;
  } else if (reason === "exit" && exitStatus !== null) status = exitStatus;
  else if (reason === "budget") io.err(`strata-x86 run: budget of ${budget} instructions used up at eip 0x${eip}\n`);
  if (counters) {
    for (const [name, v] of Object.entries({ ...m.engine.counters(), ...dev.counters() })) io.err(`${name} ${v}\n`);
    io.err(`host.ms ${ms.toFixed(1)}\n`);
  }
  return status;
}
