/**
 * The qemu-system-i386 command-line idiom of `strata-x86`: single-dash options with one
 * argument each, parsed into a typed record. Usage errors name the option (exit status 2).
 */

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type CharDev = { kind: "stdio" } | { kind: "null" } | { kind: "file"; path: string };

export interface SystemOptions {
  kernel?: string;
  append?: string;
  initrd?: string;
  bios?: string;
  /** Guest RAM in MiB (qemu's default is 128; the bare-metal tests pass -m 32). */
  memoryMiB: number;
  serial: CharDev;
  debugcon: CharDev | null;
  debugconPort: number;
  debugExitPort: number;
  debugExitSize: number;
  /** -d items: in_asm, int, cpu. */
  log: Set<string>;
  logFile?: string;
  icountLimit: number;
  counters: boolean;
  /** --flat ADDR: load -kernel's bytes raw at ADDR and start there (32-bit protected mode). */
  flat?: number;
  help: boolean;
}

export const LOG_ITEMS = ["in_asm", "int", "cpu"] as const;

export const SYSTEM_HELP = `usage: strata-x86 [options]                 a PC (qemu-system-i386's idiom)
       strata-x86 run [--counters] [--budget N] FILE.elf
       strata-x86 disasm [-M intel|att] FILE.elf

Machine:
  -kernel FILE          boot a Multiboot v1 kernel (ELF32, or a.out kludge), as qemu -kernel
  -append CMDLINE       the kernel's command line (Multiboot cmdline: "FILE CMDLINE")
  -initrd FILE[,FILE]   Multiboot modules ("FILE ARGS" gives a module its string)
  --flat ADDR           load -kernel raw at physical ADDR, start there in flat 32-bit ring 0
  -bios FILE            BIOS image (multiple of 64 KiB) at the top of 4 GiB and below 1 MiB;
                        without -kernel the CPU starts in real mode at F000:FFF0
  -m MB                 guest RAM in MiB (suffixes M and G accepted; default 128)
  -device isa-debug-exit,iobase=0xf4,iosize=4
                        where isa-debug-exit sits (it is always present; default 0xf4, 4 ports)
Character devices:
  -serial stdio|null|file:PATH   COM1 (default stdio)
  -debugcon stdio|null|file:PATH the debug console (default: none)
  -debugcon-port N               its I/O port (default 0xe9)
Running and logging:
  -icount-limit N       stop after N instructions
  -d ITEM[,ITEM]        log to stderr (or -D): in_asm (each new block, disassembled),
                        int (each interrupt and exception), cpu (registers at each block)
  -D FILE               write the -d log to FILE
  --counters            print the counters (engine, devices, machine) to stderr at the end
Accepted and ignored (qemu compatibility): -display none, -nographic, -no-reboot,
  -monitor none, -cpu MODEL, -no-shutdown.
Exit status: qemu's isa-debug-exit status (v << 1) | 1 when the guest wrote v to it, 0 when the
run ended otherwise (HLT with nothing to wake it, reset, triple fault, -icount-limit),
1 on an error in a file, 2 on a usage error.
`;

function parseNumber(opt: string, v: string): number {
  const n = /^0x[0-9a-f]+$/i.test(v) ? Number.parseInt(v.slice(2), 16) : /^\d+$/.test(v) ? Number(v) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw new UsageError(`${opt}: '${v}' is not a number`);
  return n;
}

function parseMemory(v: string): number {
  const m = /^(\d+)([MG]?)B?$/i.exec(v);
  if (!m) throw new UsageError(`-m: '${v}' is not a memory size (MB, or with an M/G suffix)`);
  const n = Number(m[1]) * (m[2]?.toUpperCase() === "G" ? 1024 : 1);
  if (n < 2 || n > 2032) throw new UsageError(`-m: ${n} MiB is out of range (2 .. 2032)`);
  return n;
}

function parseCharDev(opt: string, v: string): CharDev {
  if (v === "stdio") return { kind: "stdio" };
  if (v === "null" || v === "none") return { kind: "null" };
  if (v.startsWith("file:") && v.length > 5) return { kind: "file", path: v.slice(5) };
  throw new UsageError(`${opt}: '${v}' is not supported (stdio, null or file:PATH)`);
}

function parseDevice(o: SystemOptions, v: string): void {
  const [name, ...props] = v.split(",");
  if (name !== "isa-debug-exit") throw new UsageError(`-device: '${name}' is not a device of this machine (isa-debug-exit)`);
  for (const p of props) {
    const [k, val] = p.split("=");
    if (val === undefined) throw new UsageError(`-device isa-debug-exit: '${p}' is not PROPERTY=VALUE`);
    if (k === "iobase") o.debugExitPort = parseNumber("-device isa-debug-exit,iobase", val);
    else if (k === "iosize") o.debugExitSize = parseNumber("-device isa-debug-exit,iosize", val);
    else throw new UsageError(`-device isa-debug-exit: unknown property '${k}' (iobase, iosize)`);
  }
  if (o.debugExitPort + o.debugExitSize > 0x10000 || o.debugExitSize < 1) throw new UsageError("-device isa-debug-exit: port range outside 0-0xffff");
}

const IGNORED_WITH_ARG = new Set(["-display", "-monitor", "-cpu", "-machine", "-M", "-smp"]);
const IGNORED_FLAGS = new Set(["-nographic", "-no-reboot", "-no-shutdown", "-enable-kvm"]);

export function parseSystemArgs(args: readonly string[], program = "strata-x86"): SystemOptions {
  const o: SystemOptions = {
    memoryMiB: 128,
    serial: { kind: "stdio" },
    debugcon: null,
    debugconPort: 0xe9,
    debugExitPort: 0xf4,
    debugExitSize: 4,
    log: new Set(),
    icountLimit: Number.MAX_SAFE_INTEGER,
    counters: false,
    help: false,
  };
  for (let k = 0; k < args.length; k++) {
    const a = args[k]!;
    const opt = a.startsWith("--") && a !== "--counters" && a !== "--flat" && a !== "--help" ? a.slice(1) : a;
    if (opt === "-h" || opt === "--help" || opt === "-help") {
      o.help = true;
      continue;
    }
    if (opt === "--counters") {
      o.counters = true;
      continue;
    }
    if (IGNORED_FLAGS.has(opt)) continue;
    if (!opt.startsWith("-")) throw new UsageError(`'${a}': expected an option (${program} --help)`);
    const v = args[k + 1];
    const takes = IGNORED_WITH_ARG.has(opt) || KNOWN.has(opt);
    if (!takes) throw new UsageError(`${a}: unknown option (${program} --help)`);
    if (v === undefined) throw new UsageError(`${a}: needs an argument`);
    k++;
    switch (opt) {
      case "-kernel":
        o.kernel = v;
        break;
      case "-append":
        o.append = v;
        break;
      case "-initrd":
        o.initrd = v;
        break;
      case "-bios":
        o.bios = v;
        break;
      case "-m":
        o.memoryMiB = parseMemory(v);
        break;
      case "-serial":
        o.serial = parseCharDev(opt, v);
        break;
      case "-debugcon":
        o.debugcon = parseCharDev(opt, v);
        break;
      case "-debugcon-port":
        o.debugconPort = parseNumber(opt, v);
        if (o.debugconPort > 0xffff) throw new UsageError(`${opt}: ${v} is not an I/O port`);
        break;
      case "-device":
        parseDevice(o, v);
        break;
      case "-d":
        for (const item of v.split(",")) {
          if (!(LOG_ITEMS as readonly string[]).includes(item)) throw new UsageError(`-d: unknown item '${item}' (${LOG_ITEMS.join(", ")})`);
          o.log.add(item);
        }
        break;
      case "-D":
        o.logFile = v;
        break;
      case "-icount-limit":
        o.icountLimit = parseNumber(opt, v);
        if (o.icountLimit < 1) throw new UsageError(`${opt}: must be at least 1`);
        break;
      case "--flat":
        o.flat = parseNumber(opt, v);
        break;
      default:
        break; // accepted for compatibility, no effect
    }
  }
  if (!o.help && o.kernel === undefined && o.bios === undefined) throw new UsageError(`nothing to run: give -kernel FILE or -bios FILE (${program} --help)`);
  if (o.flat !== undefined && o.kernel === undefined) throw new UsageError("--flat: needs -kernel FILE");
  if ((o.append !== undefined || o.initrd !== undefined) && o.kernel === undefined) throw new UsageError("-append and -initrd need -kernel FILE");
  if (o.flat !== undefined && o.initrd !== undefined) throw new UsageError("--flat: a flat binary takes no -initrd");
  return o;
}

const KNOWN = new Set([
  "-kernel",
  "-append",
  "-initrd",
  "-bios",
  "-m",
  "-serial",
  "-debugcon",
  "-debugcon-port",
  "-device",
  "-d",
  "-D",
  "-icount-limit",
  "--flat",
]);
