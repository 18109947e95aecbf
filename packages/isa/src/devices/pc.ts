/**
 * The PC devices of Strata's IA-32 machine at their standard ports, wired together: the 8259A
 * pair (0x20/0x21, 0xA0/0xA1) as the processor's interrupt controller, the 8254 (0x40-0x43) on
 * IRQ 0, port 0x61, COM1 (0x3F8, IRQ 4), the CMOS RTC (0x70/0x71, IRQ 8), the debug console
 * (0xE9), port 0x92, and isa-debug-exit (0xF4, 4 ports). The machine plugs `io` into the
 * processor's port backend, polls `intr` / calls `acknowledge()` at instruction boundaries, and
 * calls `advance(instructions)` as instructions retire.
 */
import { DeviceClock, PIT_HZ, type ClockOptions } from "./clock";
import { CmosRtc } from "./cmos-rtc";
import { DEBUG_CONSOLE_PORT, DebugConsole } from "./debug-console";
import { DEBUG_EXIT_PORT, DEBUG_EXIT_SIZE, DebugExit } from "./debug-exit";
import { I8254 } from "./i8254";
import { IoBus, WIDTH_16, WIDTH_32, WIDTH_8 } from "./io-bus";
import { irqLine, type InterruptController } from "./irq";
import { PicPair } from "./pic-pair";
import { child, type DeviceState } from "./state";
import { SystemControlA } from "./system-control-a";
import { SystemControlB } from "./system-control-b";
import { Uart16550 } from "./uart16550";

export const IRQ_TIMER = 0;
export const IRQ_COM1 = 4;
export const IRQ_RTC = 8;

export interface PcDevicesOptions extends ClockOptions {
  /** COM1 output, one byte at a time. */
  readonly serialOut?: (byte: number) => void;
  /** COM1 input: polled once per character time. */
  readonly serialIn?: () => number | undefined;
  /** Debug console output (port `debugConsolePort`). */
  readonly debugConsole?: (byte: number) => void;
  readonly debugConsolePort?: number;
  /** isa-debug-exit: the machine should stop with this status. */
  readonly onExit?: (status: number) => void;
  readonly debugExitPort?: number;
  readonly debugExitSize?: number;
  /** Port 0x92 effects. */
  readonly onReset?: () => void;
  readonly onA20?: (enabled: boolean) => void;
  /** The RTC's time at start, seconds since 1970 UTC (default 2000-01-01). */
  readonly rtcEpochSeconds?: number;
}

export class PcDevices implements InterruptController {
  readonly clock: DeviceClock;
  readonly io = new IoBus();
  readonly pic = new PicPair();
  readonly pit: I8254;
  readonly portB: SystemControlB;
  readonly portA: SystemControlA;
  readonly com1: Uart16550;
  readonly rtc: CmosRtc;
  readonly debugConsole: DebugConsole;
  readonly debugExit: DebugExit;

  constructor(options: PcDevicesOptions = {}) {
    this.clock = new DeviceClock(options);
    const clock = this.clock;
    this.pit = new I8254(clock, irqLine(this.pic, IRQ_TIMER));
    // Counter 0's OUT idles high (the level of every mode but 0 after a control word).
    this.pic.presetIrq(IRQ_TIMER, true);
    this.portB = new SystemControlB(clock, this.pit);
    this.portA = new SystemControlA({ onA20: options.onA20, onReset: options.onReset });
    this.com1 = new Uart16550(clock, options.serialOut ?? (() => undefined), irqLine(this.pic, IRQ_COM1), options.serialIn);
    this.rtc = new CmosRtc(clock, irqLine(this.pic, IRQ_RTC), options.rtcEpochSeconds);
    this.debugConsole = new DebugConsole(options.debugConsole ?? (() => undefined));
    this.debugExit = new DebugExit(options.onExit ?? (() => undefined));

    const io = this.io;
    io.register("pic-master", 0x20, 2, this.pic);
    io.register("pic-slave", 0xa0, 2, this.pic);
    io.register("pit", 0x40, 4, this.pit);
    io.register("port-61", 0x61, 1, this.portB);
    io.register("cmos-rtc", 0x70, 2, this.rtc);
    io.register("port-92", 0x92, 1, this.portA);
    io.register("com1", 0x3f8, 8, this.com1);
    io.register("debugcon", options.debugConsolePort ?? DEBUG_CONSOLE_PORT, 1, this.debugConsole);
    io.register(
      "isa-debug-exit",
      options.debugExitPort ?? DEBUG_EXIT_PORT,
      options.debugExitSize ?? DEBUG_EXIT_SIZE,
      this.debugExit,
      WIDTH_8 | WIDTH_16 | WIDTH_32,
    );
  }

  get intr(): boolean {
    return this.pic.intr;
  }

  acknowledge(): number {
    return this.pic.acknowledge();
  }

  /** Advances device time by `instructions` retired and delivers what happened meanwhile. */
  advance(instructions: number): void {
    this.clock.advance(instructions);
    this.pit.update();
    this.rtc.update();
    this.com1.update();
  }

  /** Instructions until the next timer event (PIT IRQ 0 or RTC periodic), for run budgets. */
  instructionsToNextEvent(): number {
    const ticks = Math.min(this.pit.ticksToNextIrq0(), this.rtc.ticksToNextPeriodic());
    return ticks === Infinity ? Infinity : this.clock.instructionsFor(ticks);
  }

  /** Seconds of device time since start. */
  get seconds(): number {
    return this.clock.ticks / PIT_HZ;
  }

  /** Every device counter: `io.*`, `irq.<n>`, `pic.spurious`, `pit.irq0_edges`, `serial.*`, ... */
  counters(out: Record<string, number> = {}): Record<string, number> {
    this.io.counters(out);
    this.pic.counters(out);
    this.pit.counters(out);
    this.com1.counters(out);
    this.rtc.counters(out);
    this.debugConsole.counters(out);
    return out;
  }

  /** Every device's state (JSON-safe); with the same options, `restore` continues bit-exact. */
  snapshot(): DeviceState {
    return {
      clock: this.clock.snapshot(),
      io: this.io.snapshot(),
      pic: this.pic.snapshot(),
      pit: this.pit.snapshot(),
      portB: this.portB.snapshot(),
      portA: this.portA.snapshot(),
      com1: this.com1.snapshot(),
      rtc: this.rtc.snapshot(),
      debugConsole: this.debugConsole.snapshot(),
      debugExit: this.debugExit.snapshot(),
    };
  }

  restore(state: DeviceState): void {
    const w = "devices";
    this.clock.restore(child(state, "clock", w), `${w}.clock`);
    this.io.restore(child(state, "io", w), `${w}.io`);
    this.pic.restore(child(state, "pic", w), `${w}.pic`);
    this.pit.restore(child(state, "pit", w), `${w}.pit`);
    this.portB.restore(child(state, "portB", w), `${w}.portB`);
    this.portA.restore(child(state, "portA", w), `${w}.portA`);
    this.com1.restore(child(state, "com1", w), `${w}.com1`);
    this.rtc.restore(child(state, "rtc", w), `${w}.rtc`);
    this.debugConsole.restore(child(state, "debugConsole", w), `${w}.debugConsole`);
    this.debugExit.restore(child(state, "debugExit", w), `${w}.debugExit`);
  }
}
