/**
 * A Linux i386 process on an @strata/isa user-level machine: the address space, the loaded
 * program, and the host handler that owns `int 0x80` (Linux i386 syscall ABI: number in EAX,
 * arguments in EBX, ECX, EDX, ESI, EDI, EBP, result or -errno in EAX) and turns processor
 * exceptions into demand paging or a fatal signal, as the kernel's trap handlers do.
 */
import { createUserMachine, type Cpu, type Engine, type StopReason, type TrapEvent, type UserMachine, EAX, S_CR2, VEC_PF } from "@strata/isa";
import { EBADF, EFAULT, ENOSYS } from "./abi/errno";
import { signalForVector, SIGNAL_NAMES } from "./abi/signals";
import { AddressSpace, PAGE, STACK_SIZE } from "./address-space";
import { parseElf } from "./elf";
import { loadElf } from "./loader";
import { SYSCALL_BY_NR } from "./syscalls/table";
import { SYSCALL_NAMES } from "./abi/syscall-names";
import { ThreadAreas } from "./tls";

export interface ProcessOptions {
  /** argv[0] first. */
  readonly argv: readonly string[];
  readonly envp?: readonly string[];
  /** Guest physical memory (default 256 MiB; pages are only committed when touched). */
  readonly memoryBytes?: number;
  /** Guest stdout/stderr bytes. */
  readonly stdout?: (bytes: Uint8Array) => void;
  readonly stderr?: (bytes: Uint8Array) => void;
  /** Guest stdin: fill `buf` and return the count (0 = end of file). */
  readonly stdin?: (buf: Uint8Array) => number;
  /** Seed of getrandom/AT_RANDOM (deterministic by default). */
  readonly seed?: number;
  /** Epoch of the guest clocks in ns (default 2026-01-01T00:00:00Z). */
  readonly epochNs?: number;
  /** File name for error messages. */
  readonly file?: string;
  /** The engine to run on (default: the machine's interpreter), e.g. @strata/dbt's translator. */
  readonly engine?: (machine: UserMachine) => Engine;
}

/** How the process ended. */
export interface ExitStatus {
  /** exit()/exit_group() status, or null when a signal killed it. */
  readonly code: number | null;
  /** Terminating signal number, or null. */
  readonly signal: number | null;
  /** Shell-style status: code, or 128 + signal. */
  readonly status: number;
}

const DEFAULT_EPOCH_NS = 1767225600e9;

export class LinuxProcess {
  readonly machine: UserMachine;
  readonly engine: Engine;
  readonly cpu: Cpu;
  readonly space: AddressSpace;
  readonly tls: ThreadAreas;
  readonly syscallCounts = new Map<string, number>();
  clearChildTid = 0;
  exitCode: number | null = null;
  exitSignal: number | null = null;
  /** Description of the event that killed the process (for the CLI's one-line message). */
  fault = "";
  private readonly opts: ProcessOptions;
  private rng: number;
  private readonly openFds = new Set<number>([0, 1, 2]);

  constructor(elfBytes: Uint8Array, opts: ProcessOptions) {
    this.opts = opts;
    this.rng = (opts.seed ?? 0x5eed1234) | 0 || 1;
    this.machine = createUserMachine({ memoryBytes: opts.memoryBytes ?? 256 * 1024 * 1024 });
    this.cpu = this.machine.cpu;
    this.engine = opts.engine?.(this.machine) ?? this.machine.engine;
    this.space = new AddressSpace(this.machine.ram, this.machine.pageMap, this.cpu);
    this.tls = new ThreadAreas(this.space);
    const elf = parseElf(elfBytes, opts.file);
    const loaded = loadElf(this.space, elf, {
      argv: opts.argv,
      envp: opts.envp ?? [],
      random: this.randomBytes(16),
    });
    const s = this.cpu.s;
    const gdtr = [s[43]!, s[44]!];
    this.cpu.resetUserFlat(loaded.entry, loaded.stackPointer);
    s[43] = gdtr[0]!;
    s[44] = gdtr[1]!;
    this.engine.setHostHandler((ev, cpu) => this.onEvent(ev, cpu));
  }

  get exited(): boolean {
    return this.exitCode !== null || this.exitSignal !== null;
  }

  /** Runs until the process exits or `budget` instructions retire; returns the engine's reason. */
  run(budget = Number.MAX_SAFE_INTEGER): StopReason {
    let left = budget;
    while (!this.exited && left > 0) {
      const chunk = Math.min(left, 1 << 30);
      const before = this.cpu.retired;
      const r = this.engine.run(chunk);
      left -= Math.max(1, this.cpu.retired - before);
      if (r === "budget") continue;
      if (this.exited) return r;
      // halt / breakpoint / an event with nowhere to go: a fatal signal for the process.
      this.kill(signalForVector(this.cpu.lastVector), `${r} (vector ${this.cpu.lastVector})`);
      return r;
    }
    return "budget";
  }

  status(): ExitStatus {
    if (this.exitSignal !== null) return { code: null, signal: this.exitSignal, status: 128 + this.exitSignal };
    return { code: this.exitCode, signal: null, status: this.exitCode ?? 0 };
  }

  counters(): Record<string, number> {
    const out = this.engine.counters();
    for (const [name, n] of [...this.syscallCounts].sort()) out[`syscall.${name}`] = n;
    return out;
  }

  private onEvent(ev: TrapEvent, cpu: Cpu): "resume" | "stop" {
    if (ev.kind === "int" && ev.vector === 0x80) return this.syscall(cpu);
    if (ev.kind === "exception" && ev.vector === VEC_PF) {
      const addr = cpu.s[S_CR2]!;
      if (this.space.handleFault(addr, (ev.errorCode & 2) !== 0)) return "resume";
      this.kill(11, `page fault at 0x${(addr >>> 0).toString(16)} (error code ${ev.errorCode}), eip 0x${(ev.eip >>> 0).toString(16)}`);
      return "stop";
    }
    const sig = signalForVector(ev.vector);
    this.kill(sig, `${ev.kind === "int" ? "int" : "exception"} vector ${ev.vector} at eip 0x${(ev.eip >>> 0).toString(16)}`);
    return "stop";
  }

  private syscall(cpu: Cpu): "resume" | "stop" {
    const s = cpu.s;
    const nr = s[EAX]!;
    const def = nr >= 0 ? SYSCALL_BY_NR[nr] : undefined;
    const name = def?.name ?? (nr >= 0 ? SYSCALL_NAMES[nr] : undefined) ?? `nr_${nr >>> 0}`;
    this.syscallCounts.set(name, (this.syscallCounts.get(name) ?? 0) + 1);
    const r = def === undefined ? -ENOSYS : def.handler(this, s[3]!, s[1]!, s[2]!, s[6]!, s[7]!, s[5]!);
    if (this.exited) return "stop";
    s[EAX] = r;
    return "resume";
  }

  exit(code: number): number {
    this.exitCode = code;
    return 0;
  }

  kill(signal: number, why: string): number {
    this.exitSignal = signal;
    this.fault = `${SIGNAL_NAMES[signal] ?? `signal ${signal}`}: ${why}`;
    return 0;
  }

  killSelf(signal: number): number {
    if (signal === 0) return 0;
    return this.kill(signal, "raised by the program");
  }

  isOpen(fd: number): boolean {
    return this.openFds.has(fd);
  }

  close(fd: number): number {
    return this.openFds.delete(fd) ? 0 : -EBADF;
  }

  /**
   * Guest memory -> host, through the VMAs (untouched pages read as zero; no page fault is taken
   * by the guest). null when any byte is outside a readable mapping (the caller returns EFAULT).
   */
  copyIn(addr: number, length: number): Uint8Array | null {
    const out = new Uint8Array(length);
    const sp = this.space;
    for (let k = 0; k < length; ) {
      const a = (addr + k) >>> 0;
      const v = sp.find(a);
      if (v === undefined || v.prot === 0) return null;
      const f = sp.populate(a >>> 12, v.prot);
      const off = a & (PAGE - 1);
      const n = Math.min(PAGE - off, length - k);
      out.set(sp.ram.u8.subarray(f + off, f + off + n), k);
      k += n;
    }
    return out;
  }

  /** Host -> guest memory through the MMU (so writes over decoded code invalidate it). */
  copyOut(addr: number, bytes: Uint8Array): boolean {
    const sp = this.space;
    for (let a = addr >>> 0; a < (addr >>> 0) + bytes.length; a = ((a >>> 12) + 1) * PAGE) {
      const v = sp.find(a);
      if (v === undefined || (v.prot & 2) === 0) return false;
      sp.populate(a >>> 12, v.prot);
    }
    this.cpu.mmu.writeBytes(addr, bytes);
    return true;
  }

  write(fd: number, buf: number, count: number): number {
    if (!this.openFds.has(fd) || fd === 0) return -EBADF;
    if (count === 0) return 0;
    const data = this.copyIn(buf, Math.min(count >>> 0, 1 << 24));
    if (data === null) return -EFAULT;
    (fd === 1 ? this.opts.stdout : this.opts.stderr)?.(data);
    return data.length;
  }

  read(fd: number, buf: number, count: number): number {
    if (fd !== 0 || !this.openFds.has(0)) return -EBADF;
    const n = Math.min(count >>> 0, 1 << 20);
    if (n === 0) return 0;
    const tmp = new Uint8Array(n);
    const got = this.opts.stdin?.(tmp) ?? 0;
    if (got <= 0) return 0;
    return this.copyOut(buf, tmp.subarray(0, got)) ? got : -EFAULT;
  }

  getrlimit(resource: number, rlim: number): number {
    const b = new Uint8Array(8);
    const dv = new DataView(b.buffer);
    const [cur, max] = resource === 3 ? [STACK_SIZE, -1] : [-1, -1];
    dv.setInt32(0, cur, true);
    dv.setInt32(4, max, true);
    return this.copyOut(rlim, b) ? 0 : -EFAULT;
  }

  getrlimit64(resource: number, rlim: number): number {
    const b = new Uint8Array(16).fill(0xff);
    const dv = new DataView(b.buffer);
    if (resource === 3) {
      dv.setUint32(0, STACK_SIZE, true);
      dv.setUint32(4, 0, true);
    }
    return this.copyOut(rlim, b) ? 0 : -EFAULT;
  }

  /** Guest time: the epoch plus 1 ns per retired instruction (deterministic). */
  nowNs(): number {
    return (this.opts.epochNs ?? DEFAULT_EPOCH_NS) + this.cpu.retired;
  }

  /** xorshift32 bytes from the seed (getrandom, AT_RANDOM): reproducible runs. */
  randomBytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    let x = this.rng;
    for (let k = 0; k < n; k++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      out[k] = x & 0xff;
    }
    this.rng = x;
    return out;
  }
}
