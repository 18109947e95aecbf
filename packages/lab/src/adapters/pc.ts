/**
 * Bare-metal i386 kernels on the @strata/isa PC machine (`PcMachine`: RAM, the interpreter, PIC,
 * PIT, 16550 UART, CMOS, debug console, isa-debug-exit), booted as `qemu-system-i386 -kernel K
 * -serial stdio -device isa-debug-exit,iobase=0xf4,iosize=4 -no-reboot` boots them: the
 * Multiboot loader hands off in flat 32-bit protected mode and the kernel owns the machine from
 * there (every vector goes through its IDT; nothing is interposed).
 *
 * The level's output is what the guest writes to COM1 and to the debug console, in the order it
 * wrote it; its exit code is the value written to isa-debug-exit (the catalogue's
 * `expected.exitCode`; qemu and `strata-x86` exit with (value << 1) | 1). Runs go in slices like
 * the user-mode runs (budgets exact, progress live, cancel between slices); device time follows
 * retired instructions, so a run gives the same output and counters however it is sliced.
 */
import {
  EFLAGS,
  loadMultiboot,
  readEflags,
  vectorName,
  CS,
  S_CPL,
  S_CR0,
  S_CR2,
  S_CR3,
  S_CR4,
  S_EIP,
  S_SEG_ATTR,
  S_SEG_BASE,
  CR0_PG,
  CR4_PSE,
  PG_P,
  PG_PS,
  ACCESS_READ,
  type MultibootModule,
  type Engine,
  type PcMachine as EnginePcMachine,
  type PcMachineOptions,
  type PcStopReason,
} from "@strata/isa";

/** A PC machine with any engine (the interpreter, or a translator on the same Cpu). */
type PcMachine = EnginePcMachine<Engine>;
import type { DebugSession, DebugState, DisassemblyLine } from "../debug";
import type { Level, RunExit, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { applicationRegisters, disassemblyFrom } from "./ia32-view";
import { reporter, runInSlices, TextSink } from "./slices";

/** qemu-system-i386 -m 32, the memory the test kernels' transcripts were recorded with. */
export const DEFAULT_PC_MEMORY = 32 * 1024 * 1024;

/** The guest's output bytes (COM1 and the debug console), buffered and decoded once per slice. */
class ByteSink {
  private buf = new Uint8Array(4096);
  private n = 0;
  constructor(private readonly text: TextSink) {}
  readonly put = (byte: number): void => {
    if (this.n === this.buf.length) this.flush();
    this.buf[this.n++] = byte;
  };
  flush(): void {
    if (this.n > 0) this.text.push(this.buf.slice(0, this.n));
    this.n = 0;
  }
}

interface BootedPc {
  readonly machine: PcMachine;
  readonly sink: ByteSink;
  /** Why the machine stopped for good (null while it can still run). */
  ended: PcStopReason | null;
}

/** How a level builds its PC machine: on its engine, and whether its engine can count TLB hits. */
export interface PcMachineFactory {
  /** `createPcMachine` (the interpreter) or a translator's machine. */
  readonly create: (options: Omit<PcMachineOptions<Engine>, "createEngine">) => PcMachine;
  /**
   * Count `tlb.hit` (opt-in: the MMU's accessors are wrapped). Only for engines that go through
   * those accessors; a translator that inlines the TLB fast path would report a partial count.
   */
  readonly countTlbHits: boolean;
}

/** Builds the PC, loads the kernel; a malformed kernel throws (MultibootError, ElfError, RangeError). */
function boot(levelId: string, createMachine: PcMachineFactory, w: WorkloadInput, out: TextSink, input?: () => number | undefined): BootedPc {
  if (w.kind !== "bare-metal-i386") throw new LevelError(`level ${levelId} cannot run ${w.kind} workloads on the PC machine`);
  const sink = new ByteSink(out);
  const stdin = w.stdin === undefined ? undefined : new TextEncoder().encode(w.stdin);
  let stdinPos = 0;
  const machine = createMachine.create({
    memoryBytes: w.memoryBytes ?? DEFAULT_PC_MEMORY,
    serialOut: sink.put,
    debugcon: sink.put,
    ...(stdin || input ? { serialIn: () => (stdin && stdinPos < stdin.length ? stdin[stdinPos++] : input?.()) } : {}),
  });
  if (createMachine.countTlbHits) machine.cpu.mmu.countTlbHits();
  const modules: MultibootModule[] = (w.modules ?? []).map((bytes, i) => ({ bytes, string: w.moduleNames?.[i] ?? `module${i}` }));
  loadMultiboot(machine, w.image, {
    file: w.name,
    modules,
    ...(w.args?.length ? { cmdline: w.args.join(" ") } : {}),
  });
  return { machine, sink, ended: null };
}

function where(m: PcMachine): string {
  const s = m.cpu.s;
  const eip = s[S_EIP]! >>> 0;
  return `eip 0x${eip.toString(16)} (linear 0x${((eip + s[S_SEG_BASE + CS]!) >>> 0).toString(16)})`;
}

/** How a machine that stopped for good ended, in the report's terms (strata-x86 says the same). */
function exitOf(pc: BootedPc, cancelled: boolean): RunExit {
  const m = pc.machine;
  switch (pc.ended) {
    case null:
      return cancelled ? { kind: "cancelled" } : { kind: "budget" };
    case "exit":
      return m.exitStatus !== null
        ? { kind: "exit", code: m.exitStatus >>> 1 }
        : { kind: "error", message: `the machine stopped without an isa-debug-exit write at ${where(m)}` };
    case "halt":
      return { kind: "halt", message: `the processor halted with nothing to wake it (IF=0 or no interrupt source) at ${where(m)}` };
    case "reset":
      return { kind: "halt", message: `the guest reset the machine (as with -no-reboot, the run ends) at ${where(m)}` };
    case "shutdown":
      return { kind: "fault", message: `shutdown: ${m.cpu.shutdownReason || "triple fault"} at ${where(m)}` };
    case "exception":
      return {
        kind: "fault",
        message: `exception #${vectorName(m.cpu.lastVector).toUpperCase()} (vector ${m.cpu.lastVector}, error code ${m.cpu.lastErrorCode}) could not be delivered at ${where(m)}`,
      };
    default:
      return { kind: "error", message: `the machine stopped (${pc.ended}) at ${where(m)}` };
  }
}

/** Runs up to `count` instructions; records a final stop. */
function advance(pc: BootedPc, count: number): void {
  if (pc.ended !== null || count <= 0) return;
  const why = pc.machine.run(count);
  pc.sink.flush();
  if (why !== "budget") pc.ended = why;
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export async function runBareMetal(levelId: string, createMachine: PcMachineFactory, w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
  const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
  const report = reporter(levelId, w, out);
  let pc: BootedPc;
  try {
    pc = boot(levelId, createMachine, w, out, o.input);
  } catch (e) {
    if (e instanceof LevelError) throw e;
    return report({ kind: "error", message: errorMessage(e) }, {});
  }
  const m = pc.machine;
  const stop = await runInSlices(
    {
      executed: () => m.cpu.retired,
      finished: () => pc.ended !== null,
      step: (count) => advance(pc, count),
      counters: () => m.counters(),
    },
    o,
  );
  return report(exitOf(pc, stop === "cancelled"), m.counters());
}

/**
 * Physical address of `linear` as the processor would translate it now, without touching the
 * machine: a debugger's walk (SDM Vol. 3 §4.3) that reads the paging structures but sets no
 * accessed/dirty bit, fills no TLB entry and counts nothing. -1 when not present.
 */
function peekPhysical(m: PcMachine, linear: number): number {
  const s = m.cpu.s;
  const layer = m.cpu.mmu.physicalLayer;
  const toRam = (phys: number): number => (layer !== null ? layer.map(phys >>> 0, ACCESS_READ) : phys >>> 0);
  const entry = (phys: number): number => {
    const a = toRam(phys);
    return a + 4 <= m.ram.size ? m.ram.i32[a >>> 2]! : 0;
  };
  if ((s[S_CR0]! & CR0_PG) === 0) return toRam(linear);
  const pde = entry((s[S_CR3]! & ~0xfff) | ((linear >>> 20) & 0xffc));
  if ((pde & PG_P) === 0) return -1;
  if ((pde & PG_PS) !== 0 && (s[S_CR4]! & CR4_PSE) !== 0) return toRam((pde & 0xffc00000) | (linear & 0x3fffff));
  const pte = entry((pde & ~0xfff) | ((linear >>> 10) & 0xffc));
  if ((pte & PG_P) === 0) return -1;
  return toRam((pte & ~0xfff) | (linear & 0xfff));
}

/** Up to `n` bytes of code at CS:offset, stopping at the first byte that is not mapped. */
function peekCode(m: PcMachine, offset: number, n: number): Uint8Array {
  const base = m.cpu.s[S_SEG_BASE + CS]!;
  const bytes = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const p = peekPhysical(m, (base + offset + i) >>> 0);
    if (p < 0 || p >= m.ram.size) return bytes.subarray(0, i);
    bytes[i] = m.ram.u8[p]!;
  }
  return bytes;
}

/** The code size of CS now: 16 bits in real and virtual-8086 mode and in 16-bit segments (D = 0). */
function codeBits(m: PcMachine): 16 | 32 {
  const s = m.cpu.s;
  if ((readEflags(s) & EFLAGS.VM) !== 0) return 16;
  return (s[S_SEG_ATTR + CS]! & 0x4000) !== 0 ? 32 : 16;
}

/** The system registers a bare-metal debug session adds to REGISTER_ORDER. */
export const SYSTEM_REGISTER_ORDER = ["cr0", "cr2", "cr3", "cr4", "cpl"] as const;

export function debugBareMetal(levelId: string, createMachine: PcMachineFactory, w: WorkloadInput, o: Pick<RunOptions, "onOutput"> = {}): DebugSession {
  const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
  const pc = boot(levelId, createMachine, w, out);
  const m = pc.machine;
  const s = m.cpu.s;

  const disassembly = (count: number): DisassemblyLine[] => disassemblyFrom(s[S_EIP]! >>> 0, count, (at) => peekCode(m, at, 15), codeBits(m));

  const state = (lines = 16): DebugState => {
    const regs = applicationRegisters(s);
    regs.cr0 = s[S_CR0]! >>> 0;
    regs.cr2 = s[S_CR2]! >>> 0;
    regs.cr3 = s[S_CR3]! >>> 0;
    regs.cr4 = s[S_CR4]! >>> 0;
    regs.cpl = s[S_CPL]! & 3;
    const ended = pc.ended !== null;
    return {
      retired: m.cpu.retired,
      registers: regs,
      disassembly: ended ? [] : disassembly(lines),
      ...(ended ? { exit: exitOf(pc, false) } : {}),
      counters: m.counters(),
    };
  };

  return {
    state,
    step(count) {
      advance(pc, count);
      return state();
    },
    runTo(target) {
      // A halted processor waiting for a timer lets device time pass without retiring
      // instructions, so one call may retire fewer than asked: go on until the count is reached.
      while (pc.ended === null && m.cpu.retired < target) advance(pc, target - m.cpu.retired);
      return state();
    },
  };
}

/**
 * `userMode` (linux-i386 workloads through linux-user) that also boots bare-metal-i386 kernels on
 * the PC machine `pcMachine`, as qemu-system-i386 -kernel does.
 */
export function withBareMetal(userMode: Level, pcMachine: PcMachineFactory, description: string): Level {
  return {
    ...userMode,
    description,
    kinds: ["linux-i386", "bare-metal-i386"],
    run: (w, o) => (w.kind === "bare-metal-i386" ? runBareMetal(userMode.id, pcMachine, w, o) : userMode.run(w, o)),
    debug: (w, o) => (w.kind === "bare-metal-i386" ? debugBareMetal(userMode.id, pcMachine, w, o) : userMode.debug!(w, o)),
  };
}
