/**
 * `strata-dbt -kernel FILE ...`: strata-x86's machine arguments (qemu-system-i386's idiom) on the
 * translator — the PC machine of @strata/isa (createDbtPcMachine) with a Multiboot kernel.
 *   -kernel FILE          Multiboot v1 ELF kernel
 *   -append STR           kernel command line
 *   -m MiB                guest RAM (default 32)
 *   -serial stdio|null    COM1 (default stdio)
 *   -debugcon stdio|null  the debug console, port 0xE9 (default off)
 *   -icount-limit N       stop after N instructions
 *   --counters            print the counters on stderr
 *   --threshold T, --region-blocks R   the translator's hotThreshold and regionBlocks
 *   -no-reboot, -display none          accepted (the machine always stops on reset; no display)
 * Exit status and messages follow strata-x86: the guest's isa-debug-exit status, else 0, 1 for
 * an exception that could not be delivered, 2 for bad arguments.
 */
import { readFileSync } from "node:fs";
import { CS, ElfError, loadMultiboot, MultibootError, type PcMachine, type PcStopReason, S_EIP, S_SEG_BASE, vectorName } from "@strata/isa";
import { createDbtPcMachine } from "../machine/pc";
import type { CliIo } from "./commands";

export const SYSTEM_USAGE =
  "usage: strata-dbt -kernel FILE [-append STR] [-m MiB] [-serial stdio|null] [-debugcon stdio|null] [-icount-limit N] [--counters] [--threshold T] [--region-blocks R]";

interface SystemOptions {
  kernel?: string;
  append?: string;
  memoryMiB: number;
  serial: boolean;
  debugcon: boolean;
  icountLimit: number;
  counters: boolean;
  threshold?: number;
  regionBlocks?: number;
}

/** Parses the arguments; a string is the one-line error. */
function parse(args: readonly string[]): SystemOptions | string {
  const o: SystemOptions = { memoryMiB: 32, serial: true, debugcon: false, icountLimit: Number.MAX_SAFE_INTEGER, counters: false };
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    const value = (): string | undefined => args[++k];
    const int = (min: number): number | string => {
      const v = value();
      const n = Number(v);
      return v !== undefined && Number.isInteger(n) && n >= min ? n : `${a} needs an integer >= ${min}, got ${v ?? "nothing"}`;
    };
    const chardev = (): boolean | string => {
      const v = value();
      return v === "stdio" ? true : v === "null" ? false : `${a} ${v ?? ""}: only stdio and null are supported`;
    };
    let r: number | boolean | string | undefined;
    switch (a) {
      case "-kernel":
        o.kernel = value();
        if (o.kernel === undefined) return "-kernel needs a file";
        break;
      case "-append":
        o.append = value();
        if (o.append === undefined) return "-append needs a string";
        break;
      case "-m":
        if (typeof (r = int(2)) === "string") return r;
        o.memoryMiB = r;
        break;
      case "-icount-limit":
        if (typeof (r = int(1)) === "string") return r;
        o.icountLimit = r;
        break;
      case "--threshold":
        if (typeof (r = int(0)) === "string") return r;
        o.threshold = r;
        break;
      case "--region-blocks":
        if (typeof (r = int(1)) === "string") return r;
        o.regionBlocks = r;
        break;
      case "-serial":
        if (typeof (r = chardev()) === "string") return r;
        o.serial = r;
        break;
      case "-debugcon":
        if (typeof (r = chardev()) === "string") return r;
        o.debugcon = r;
        break;
      case "--counters":
        o.counters = true;
        break;
      case "-no-reboot":
        break;
      case "-display":
        if (value() !== "none") return "-display: only none is supported";
        break;
      default:
        return `unknown option ${a}`;
    }
  }
  return o.kernel === undefined ? "-kernel FILE is required" : o;
}

function where(m: PcMachine): string {
  const s = m.cpu.s;
  return `eip 0x${(s[S_EIP]! >>> 0).toString(16)} (linear 0x${((s[S_EIP]! + s[S_SEG_BASE + CS]!) >>> 0).toString(16)})`;
}

export function systemMain(args: readonly string[], io: CliIo): number {
  const o = parse(args);
  if (typeof o === "string") {
    io.err(`strata-dbt: ${o}\n${SYSTEM_USAGE}\n`);
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(o.kernel!);
  } catch (e) {
    io.err(`strata-dbt: -kernel ${o.kernel}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const put = (b: number): void => io.out(String.fromCharCode(b));
  const m = createDbtPcMachine(
    { memoryBytes: o.memoryMiB * 1024 * 1024, ...(o.serial ? { serialOut: put } : {}), ...(o.debugcon ? { debugcon: put } : {}) },
    { ...(o.threshold !== undefined ? { hotThreshold: o.threshold } : {}), ...(o.regionBlocks !== undefined ? { regionBlocks: o.regionBlocks } : {}) },
  );
  try {
    loadMultiboot(m, bytes, { file: o.kernel, ...(o.append !== undefined ? { cmdline: o.append } : {}) });
  } catch (e) {
    if (e instanceof MultibootError || e instanceof ElfError) {
      io.err(`strata-dbt: -kernel ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const t0 = performance.now();
  let left = o.icountLimit;
  let why: PcStopReason = "budget";
  while (left > 0) {
    const before = m.cpu.retired;
    const chunk = Math.min(left, 4_000_000);
    why = m.run(chunk);
    left -= why === "budget" ? chunk : Math.max(1, m.cpu.retired - before);
    if (why !== "budget") break;
  }
  const ms = performance.now() - t0;
  let status = 0;
  switch (why) {
    case "exit":
      status = m.exitStatus ?? 0;
      break;
    case "halt":
      io.err(`strata-dbt: the processor halted with nothing to wake it (IF=0 or no interrupt source) at ${where(m)}\n`);
      break;
    case "reset":
      io.err(`strata-dbt: the guest reset the machine (-no-reboot) at ${where(m)}\n`);
      break;
    case "shutdown":
      io.err(`strata-dbt: shutdown: ${m.cpu.shutdownReason || "triple fault"} at ${where(m)}\n`);
      break;
    case "budget":
      io.err(`strata-dbt: -icount-limit ${o.icountLimit} reached at ${where(m)}\n`);
      break;
    case "exception":
      io.err(`strata-dbt: exception #${vectorName(m.cpu.lastVector).toUpperCase()} (vector ${m.cpu.lastVector}, error code ${m.cpu.lastErrorCode}) could not be delivered at ${where(m)}\n`);
      status = 1;
      break;
    default:
      io.err(`strata-dbt: stopped (${why}) at ${where(m)}\n`);
  }
  if (o.counters) {
    const c = m.counters();
    c["host.ms"] = Math.round(ms * 10) / 10;
    for (const [name, v] of Object.entries(c)) io.err(`${name} ${v}\n`);
  }
  return status;
}
