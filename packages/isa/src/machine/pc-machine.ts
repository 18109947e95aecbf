/**
 * The PC: RAM, one processor with the interpreter, the PC devices (src/devices/pc.ts) on its ports
 * and its INTR pin, an optional BIOS ROM, and a run loop that shares time between them.
 *
 * Time is virtual and driven by retired instructions: the loop runs the engine up to the next
 * device event (a PIT or RTC interrupt), then advances the devices by the instructions that
 * retired, so a run gives the same interrupts at the same instructions however it is sliced and
 * whatever the host's speed. HLT lets the device clock jump to the next event (the processor
 * sleeps until an interrupt); when nothing can ever wake it (IF = 0, or no timer armed and no
 * request pending) the run stops with "halt". Every vector goes through the IDT (or the real-mode
 * IVT): nothing is interposed.
 *
 * `run(budget)` returns control to the caller after at most `budget` instructions, so a browser
 * can keep its page responsive by calling it in slices.
 */
import { Cpu, STOP_HOST } from "../cpu/cpu";
import { restoreCpu, snapshotCpu, type CpuSnapshot } from "../cpu/snapshot";
import { S_EFLAGS, S_HALTED } from "../cpu/state";
import { PcDevices, type PcDevicesOptions } from "../devices/pc";
import type { DeviceState } from "../devices/state";
import type { Engine, StopReason } from "../engine";
import { Interpreter } from "../exec/interpreter";
import { PhysicalMemory } from "../memory/physical";
import { IF } from "../table/flags";
import { resetPowerOn } from "./reset";
import { PcPhysicalBus } from "./physical-bus";
import { BiosRom } from "./rom";

/**
 * Device time follows the processor at least every this many retired instructions (about 12 PIT
 * ticks at the default rate): the most a port read can lag behind the instruction that does it.
 */
export const SYNC_QUANTUM = 1024;

export interface PcMachineOptions<E extends Engine = Interpreter> extends PcDevicesOptions {
  /** Guest RAM in bytes (default 32 MiB, qemu-system-i386 -m 32 as the bare-metal tests use). */
  readonly memoryBytes?: number;
  /** A BIOS image (a multiple of 64 KiB): mapped at the top of 4 GiB and below 1 MiB; the CPU starts at F000:FFF0. */
  readonly bios?: Uint8Array;
  /** The BIOS file name, for errors. */
  readonly biosName?: string;
  /** The execution engine to drive this machine's Cpu (default: the interpreter). */
  readonly createEngine?: (cpu: Cpu) => E;
  /** Instructions between device-time synchronizations (default SYNC_QUANTUM); a run is deterministic for any fixed value. */
  readonly syncQuantum?: number;
  /** debugcon: the debug console's output (port `debugConsolePort`, default 0xE9). */
  readonly debugcon?: (byte: number) => void;
}

/**
 * Why `run` returned:
 * - "budget": the instruction budget is used up;
 * - "halt": HLT with nothing that can ever wake the processor (IF = 0, or no interrupt source);
 * - "exit": the guest wrote isa-debug-exit (`exitStatus` holds qemu's (v << 1) | 1);
 * - "reset": the guest asked for a reset (port 0x92 bit 0), qemu -no-reboot ends the run;
 * - "shutdown": triple fault (`cpu.shutdownReason`); qemu -no-reboot ends the run;
 * - "exception" / "breakpoint": as the engine (an event with nowhere to go, a host breakpoint).
 */
export type PcStopReason = StopReason | "reset" | "shutdown";

export interface PcMachineSnapshot {
  readonly cpu: CpuSnapshot;
  readonly memory: Uint8Array;
  readonly devices: DeviceState;
  /** Machine counters at the snapshot (a restored run continues them). */
  readonly counters: Record<string, number>;
  readonly idleInstructions: number;
  readonly wakeups: number;
  readonly synced: number;
  readonly nextSync: number;
  readonly exitStatus: number | null;
}

export class PcMachine<E extends Engine = Interpreter> {
  readonly ram: PhysicalMemory;
  readonly cpu: Cpu;
  /** The interpreter by default; any Engine on this Cpu (the translator of @strata/dbt) via `createEngine`. */
  readonly engine: E;
  readonly devices: PcDevices;
  readonly rom: BiosRom | null;
  /** Guest RAM in bytes (what the guest is told it has; `ram` may be larger to hold the ROM). */
  readonly memoryBytes: number;
  /** qemu's exit status after an isa-debug-exit write of v: (v << 1) | 1; else null. */
  exitStatus: number | null = null;
  /** The guest-physical layer: A20 gate and ROM window. */
  readonly bus: PcPhysicalBus;
  /** A20 gate state (port 0x92 bit 1). */
  get a20(): boolean {
    return this.bus.a20;
  }

  /** Instructions' worth of device time that passed while the processor was halted. */
  private idleInstructions = 0;
  /** The retired count the devices' time corresponds to, and the next point to bring them up to date. */
  private synced = 0;
  private nextSync = 0;
  private readonly quantum: number;
  private wakeups = 0;
  private resetRequested = false;
  /** Counters carried over from a restored snapshot (the decoded-code cache starts empty after restore). */
  private counterBase: Record<string, number> = {};
  /** Counters the last restored snapshot did not name (they restart from zero). */
  private absentAtRestore = new Set<string>();

  constructor(options: PcMachineOptions<E> = {}) {
    const memoryBytes = options.memoryBytes ?? 32 * 1024 * 1024;
    if (!Number.isInteger(memoryBytes) || memoryBytes < 2 * 1024 * 1024 || memoryBytes > 0x7f000000) {
      throw new RangeError(`PC memory size ${memoryBytes} out of range (2 MiB .. 2032 MiB)`);
    }
    this.memoryBytes = memoryBytes;
    this.quantum = options.syncQuantum ?? SYNC_QUANTUM;
    if (!Number.isInteger(this.quantum) || this.quantum < 1) throw new RangeError(`syncQuantum ${this.quantum}: must be a positive integer`);
    const romStore = options.bios ? BiosRom.storeBytes(options.bios) : 0;
    this.ram = new PhysicalMemory(memoryBytes + romStore);
    this.cpu = new Cpu(this.ram);
    // Without a factory E is the default, Interpreter.
    this.engine = options.createEngine ? options.createEngine(this.cpu) : (new Interpreter(this.cpu) as unknown as E);
    this.cpu.interposedVectors.fill(0);
    this.devices = new PcDevices({
      ...options,
      debugConsole: options.debugcon ?? options.debugConsole,
      onExit: (status) => {
        this.exitStatus = status;
        this.cpu.stop = STOP_HOST;
        options.onExit?.(status);
      },
      onReset: () => {
        this.resetRequested = true;
        this.cpu.stop = STOP_HOST;
        options.onReset?.();
      },
      onA20: (enabled) => {
        if (this.bus.a20 !== enabled) {
          this.bus.a20 = enabled;
          // Translations and decoded code were made with the old mask.
          this.cpu.mmu.tlb.flush();
          this.cpu.flushDecoded = true;
        }
        options.onA20?.(enabled);
      },
    });
    this.cpu.ports = this.devices.io;
    this.cpu.interruptController = this.devices;
    resetPowerOn(this.cpu);
    this.rom = options.bios ? new BiosRom(options.bios, memoryBytes, options.biosName) : null;
    this.rom?.install(this.ram, this.cpu.mmu);
    this.bus = new PcPhysicalBus(this.rom);
    this.cpu.mmu.setPhysicalLayer(this.bus);
    this.sync();
  }

  /**
   * Runs up to `budget` instructions. Device time is brought up to the processor's at fixed points
   * of the retired-instruction count — every SYNC_QUANTUM instructions, at each device event, and
   * where the processor halts — never at the caller's budget boundaries, so the devices see the
   * same time at the same instruction however the caller slices the run (deterministic).
   */
  run(budget: number): PcStopReason {
    const cpu = this.cpu;
    const dev = this.devices;
    let remaining = Math.max(0, Math.floor(budget));
    while (remaining > 0) {
      const r0 = cpu.retired;
      const slice = Math.max(1, Math.min(remaining, this.nextSync - r0));
      const why = this.engine.run(slice);
      const retired = cpu.retired - r0;
      remaining -= why === "budget" ? slice : Math.max(1, retired);
      if (cpu.retired >= this.nextSync) this.sync();
      switch (why) {
        case "budget":
          continue;
        case "halt": {
          if (cpu.shutdownReason !== "") return "shutdown";
          this.sync();
          if ((cpu.s[S_EFLAGS]! & IF) === 0 && !cpu.nmiPending) return "halt";
          if (dev.intr || cpu.nmiPending) continue;
          const wait = dev.instructionsToNextEvent();
          if (wait === Infinity) return "halt";
          // Sleep until the next timer event: device time passes, no instruction retires.
          dev.advance(wait);
          this.idleInstructions += wait;
          this.wakeups++;
          this.sync();
          continue;
        }
        case "exit":
          if (this.resetRequested) {
            this.resetRequested = false;
            return "reset";
          }
          if (this.exitStatus !== null) return "exit";
          if (cpu.shutdownReason !== "") return "shutdown";
          return "exit";
        default:
          if (cpu.shutdownReason !== "") return "shutdown";
          return why;
      }
    }
    return "budget";
  }

  /** Advances the devices to the processor's retired count and sets the next synchronization point. */
  private sync(): void {
    const now = this.cpu.retired;
    if (now > this.synced) this.devices.advance(now - this.synced);
    this.synced = now;
    const toQuantum = this.quantum - (now % this.quantum);
    this.nextSync = now + Math.max(1, Math.min(toQuantum, this.devices.instructionsToNextEvent()));
  }

  /** True while the processor waits in HLT. */
  get halted(): boolean {
    return this.cpu.s[S_HALTED] !== 0;
  }

  /**
   * Engine counters (`insn.*`, `exc.*`, `int.*`, `icache.*`, `tlb.*`), device counters (`io.*`,
   * `irq.*`, `pit.*`, `serial.*`, ...) and the machine's own: `hlt.wakeups` (HLTs ended by a timer
   * event), `hlt.idle_instructions` (device time spent halted, in instructions).
   */
  counters(): Record<string, number> {
    const out: Record<string, number> = { ...this.engine.counters() };
    this.devices.counters(out);
    out["hlt.wakeups"] = this.wakeups;
    out["hlt.idle_instructions"] = this.idleInstructions;
    for (const [k, v] of Object.entries(this.counterBase)) out[k] = (out[k] ?? 0) + v;
    for (const k of this.absentAtRestore) if (out[k] === 0) delete out[k];
    return out;
  }

  /** The complete machine state: processor, RAM (with the ROM copies), devices, counters. */
  snapshot(): PcMachineSnapshot {
    const counters = this.counters();
    return {
      cpu: snapshotCpu(this.cpu),
      memory: this.ram.u8.slice(),
      devices: this.devices.snapshot(),
      counters,
      idleInstructions: this.idleInstructions,
      wakeups: this.wakeups,
      synced: this.synced,
      nextSync: this.nextSync,
      exitStatus: this.exitStatus,
    };
  }

  /**
   * Restores a snapshot into this machine (built with the same options): the run continues
   * bit-exact, TLB included (its entries are guest-visible: a stale translation survives the
   * restore). Decoded code is a host-side cache and starts empty, so only the `icache.*` counters
   * differ from an uninterrupted run; every other counter continues.
   */
  restore(snap: PcMachineSnapshot): void {
    if (snap.memory.length !== this.ram.size) throw new RangeError(`machine snapshot has ${snap.memory.length} bytes of memory, this machine ${this.ram.size}`);
    this.ram.u8.set(snap.memory);
    restoreCpu(this.cpu, snap.cpu);
    this.devices.restore(snap.devices);
    // The TLB (restored with the processor) was filled under this same A20 state.
    this.bus.a20 = this.devices.portA.a20;
    this.idleInstructions = snap.idleInstructions;
    this.wakeups = snap.wakeups;
    this.synced = snap.synced;
    this.nextSync = snap.nextSync;
    this.exitStatus = snap.exitStatus;
    this.counterBase = {};
    this.absentAtRestore = new Set();
    const fresh = this.counters();
    for (const [k, v] of Object.entries(snap.counters)) {
      const d = v - (fresh[k] ?? 0);
      if (d !== 0) this.counterBase[k] = d;
    }
    // A counter this machine has counted but the snapshot does not name was zero when the
    // snapshot was taken (e.g. exc.pf of an earlier run on this machine): it restarts from zero.
    // Such counters are reported only while non-zero, as the engine reports exc.*/int.*.
    this.absentAtRestore = new Set(Object.keys(fresh).filter((k) => !(k in snap.counters)));
    for (const k of this.absentAtRestore) if (fresh[k] !== 0) this.counterBase[k] = -fresh[k]!;
  }
}

export function createPcMachine<E extends Engine = Interpreter>(options: PcMachineOptions<E> = {}): PcMachine<E> {
  return new PcMachine<E>(options);
}
