/**
 * `strata-x86 -kernel FILE ...`: the PC machine (machine/pc-machine.ts) driven from the command
 * line as qemu-system-i386 is (cli/options.ts lists the options). Output devices write through
 * buffers flushed after each slice of the run; errors in files are one line naming the option
 * and the file (exit status 1), usage errors exit 2.
 */
import { closeSync, constants, openSync, readFileSync, readSync, writeSync } from "node:fs";
import { vectorName } from "../cpu/exceptions";
import type { Cpu } from "../cpu/cpu";
import { CS, S_EIP, S_SEG_BASE } from "../cpu/state";
import type { Engine } from "../engine";
import { ElfError } from "../loaders/elf32";
import { MultibootError, type MultibootModule } from "../loaders/multiboot";
import { FlatBinaryError, loadFlat, loadMultiboot } from "../machine/boot";
import { createPcMachine, type PcMachine, type PcStopReason } from "../machine/pc-machine";
import { RomError } from "../machine/rom";
import { type CharDev, parseSystemArgs, SYSTEM_HELP, UsageError } from "./options";
import { Tracer } from "./trace";

export interface SystemIo {
  /** Process stdout / stderr as byte sinks. */
  stdout(bytes: Uint8Array): void;
  stderr(s: string): void;
  readFile(path: string): Uint8Array;
  /** With -serial stdio: the next byte of standard input if one is ready, else undefined. */
  stdin?: () => number | undefined;
}

/**
 * Standard input without blocking (qemu's -serial stdio reads it as it arrives): a fresh,
 * non-blocking descriptor of /dev/stdin; EOF or an error ends the input.
 */
function nodeStdin(): () => number | undefined {
  let fd = -1;
  let done = false;
  const buf = new Uint8Array(256);
  let at = 0;
  let len = 0;
  return () => {
    if (at < len) return buf[at++];
    if (done) return undefined;
    try {
      if (fd < 0) fd = openSync("/dev/stdin", constants.O_RDONLY | constants.O_NONBLOCK);
      len = readSync(fd, buf, 0, buf.length, null);
      at = 0;
      if (len === 0) done = true;
      return len > 0 ? buf[at++] : undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") done = true;
      return undefined;
    }
  };
}

const NODE_IO: SystemIo = {
  stdout: (b) => void writeSync(1, b),
  stderr: (s) => void process.stderr.write(s),
  readFile: (p) => readFileSync(p),
  stdin: nodeStdin(),
};

/** A byte sink with a buffer, flushed by the run loop. */
class Sink {
  private buf = new Uint8Array(4096);
  private n = 0;
  constructor(private readonly flushTo: (b: Uint8Array) => void) {}
  readonly put = (byte: number): void => {
    if (this.n === this.buf.length) this.flush();
    this.buf[this.n++] = byte;
  };
  flush(): void {
    if (this.n > 0) this.flushTo(this.buf.slice(0, this.n));
    this.n = 0;
  }
}

class FileError extends Error {}

function readFor(io: SystemIo, opt: string, path: string): Uint8Array {
  try {
    return io.readFile(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "No such file or directory" : err.code === "EISDIR" ? "Is a directory" : err.code === "EACCES" ? "Permission denied" : (err.message ?? String(e));
    throw new FileError(`${opt} ${path}: ${why}`);
  }
}

/** One buffer for stdout, so -serial stdio and -debugcon stdio interleave as the guest wrote. */
let stdioSink: Sink | null = null;

function sinkFor(io: SystemIo, dev: CharDev, opt: string, files: number[]): Sink | null {
  if (dev.kind === "null") return null;
  if (dev.kind === "stdio") return (stdioSink ??= new Sink((b) => io.stdout(b)));
  let fd: number;
  try {
    fd = openSync(dev.path, "w");
  } catch (e) {
    throw new FileError(`${opt} file:${dev.path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  files.push(fd);
  return new Sink((b) => void writeSync(fd, b));
}

/** What a front end on another engine changes (strata-dbt: the translator). */
export interface SystemFrontEnd {
  /** The program named in messages (default strata-x86). */
  readonly program?: string;
  /** The engine driving the machine (default: the interpreter). */
  readonly createEngine?: (cpu: Cpu) => Engine;
}

/** Runs the machine; returns the process exit status. */
export function systemMain(args: readonly string[], io: SystemIo = NODE_IO, front: SystemFrontEnd = {}): number {
  const program = front.program ?? "strata-x86";
  let o;
  try {
    o = parseSystemArgs(args, program);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${program}: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  if (o.help) {
    io.stderr(SYSTEM_HELP.replaceAll("strata-x86", program));
    return 0;
  }
  const files: number[] = [];
  stdioSink = null;
  try {
    return boot(o, io, files, program, front.createEngine);
  } catch (e) {
    if (e instanceof FileError) {
      io.stderr(`${program}: ${e.message}\n`);
      return 1;
    }
    if (e instanceof MultibootError || e instanceof ElfError || e instanceof FlatBinaryError || e instanceof RomError) {
      io.stderr(`${program}: ${e instanceof RomError ? "-bios" : "-kernel"} ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    for (const fd of files) closeSync(fd);
  }
}

function boot(o: ReturnType<typeof parseSystemArgs>, io: SystemIo, files: number[], program: string, createEngine?: (cpu: Cpu) => Engine): number {
  const serial = sinkFor(io, o.serial, "-serial", files);
  const debugcon = o.debugcon ? sinkFor(io, o.debugcon, "-debugcon", files) : null;
  const kernel = o.kernel !== undefined ? readFor(io, "-kernel", o.kernel) : undefined;
  const bios = o.bios !== undefined ? readFor(io, "-bios", o.bios) : undefined;
  const modules: MultibootModule[] = [];
  if (o.initrd !== undefined) {
    for (const spec of o.initrd.split(",")) {
      const path = spec.split(" ")[0]!;
      modules.push({ bytes: readFor(io, "-initrd", path), string: spec });
    }
  }
  let logFd = -1;
  if (o.logFile !== undefined) {
    try {
      logFd = openSync(o.logFile, "w");
    } catch (e) {
      throw new FileError(`-D ${o.logFile}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
    }
    files.push(logFd);
  }
  const log = logFd >= 0 ? (s: string) => void writeSync(logFd, s) : (s: string) => io.stderr(s);

  const m = createPcMachine<Engine>({
    createEngine,
    memoryBytes: o.memoryMiB * 1024 * 1024,
    bios,
    biosName: o.bios,
    serialOut: serial?.put,
    serialIn: o.serial.kind === "stdio" ? io.stdin : undefined,
    debugcon: debugcon?.put,
    debugConsolePort: o.debugconPort,
    debugExitPort: o.debugExitPort,
    debugExitSize: o.debugExitSize,
  });
  if (kernel !== undefined && o.kernel !== undefined) {
    if (o.flat !== undefined) loadFlat(m, kernel, o.flat, o.kernel);
    else {
      const layout = loadMultiboot(m, kernel, { file: o.kernel, cmdline: o.append, modules });
      if (layout.ignoredFlags !== 0) io.stderr(`${program}: -kernel ${o.kernel}: Multiboot header flags 0x${layout.ignoredFlags.toString(16)} (video mode or undefined) are not provided; booting anyway, as qemu does\n`);
    }
  }
  const tracer = o.log.size > 0 ? new Tracer(m, o.log, log) : null;
  const flush = (): void => {
    serial?.flush();
    debugcon?.flush();
  };
  const t0 = performance.now();
  let left = o.icountLimit;
  let why: PcStopReason = "budget";
  const SLICE = 4_000_000;
  while (left > 0) {
    const before = m.cpu.retired;
    const chunk = Math.min(left, SLICE);
    why = tracer ? tracer.run(chunk) : m.run(chunk);
    left -= why === "budget" ? chunk : Math.max(1, m.cpu.retired - before);
    flush();
    if (why !== "budget") break;
  }
  const ms = performance.now() - t0;
  flush();
  const status = report(m, why, o.icountLimit, io, program);
  if (o.counters) {
    const c = m.counters();
    c["host.ms"] = Math.round(ms * 10) / 10;
    for (const [name, v] of Object.entries(c)) io.stderr(`${name} ${v}\n`);
  }
  return status;
}

function where(m: PcMachine<Engine>): string {
  const s = m.cpu.s;
  return `eip 0x${(s[S_EIP]! >>> 0).toString(16)} (linear 0x${((s[S_EIP]! + s[S_SEG_BASE + CS]!) >>> 0).toString(16)})`;
}

function report(m: PcMachine<Engine>, why: PcStopReason, limit: number, io: SystemIo, program: string): number {
  switch (why) {
    case "exit":
      return m.exitStatus ?? 0;
    case "halt":
      io.stderr(`${program}: the processor halted with nothing to wake it (IF=0 or no interrupt source) at ${where(m)}\n`);
      return 0;
    case "reset":
      io.stderr(`${program}: the guest reset the machine (-no-reboot) at ${where(m)}\n`);
      return 0;
    case "shutdown":
      io.stderr(`${program}: shutdown: ${m.cpu.shutdownReason || "triple fault"} at ${where(m)}\n`);
      return 0;
    case "budget":
      io.stderr(`${program}: -icount-limit ${limit} reached at ${where(m)}\n`);
      return 0;
    case "exception":
      io.stderr(`${program}: exception #${vectorName(m.cpu.lastVector).toUpperCase()} (vector ${m.cpu.lastVector}, error code ${m.cpu.lastErrorCode}) could not be delivered at ${where(m)}\n`);
      return 1;
    default:
      io.stderr(`${program}: stopped (${why}) at ${where(m)}\n`);
      return 0;
  }
}
