/**
 * The Intel 8254 programmable interval timer as the PC wires it (datasheet 231164; IBM PC/AT
 * Technical Reference, "System Timers"): counter 0 at port 0x40 drives IRQ 0, counter 1 (0x41,
 * once DRAM refresh) is free, counter 2 (0x42) is gated by port 0x61 bit 0 and its OUT is read
 * back at port 0x61 bit 5 (system-control-b.ts). Port 0x43 takes control words, counter latch
 * commands and read-back commands. All three count the 1.193182 MHz device clock.
 */
import type { DeviceClock } from "./clock";
import { I8254Counter } from "./i8254-counter";
import type { IoSize, PortDevice } from "./io-bus";
import { NO_IRQ, type IrqLine } from "./irq";
import { captureFields, DeviceStateError, restoreFields, type DeviceState } from "./state";

const STATE_FIELDS = ["irq0Edges", "lastElapsed", "lastLevel"] as const;

export class I8254 implements PortDevice {
  readonly channels: readonly [I8254Counter, I8254Counter, I8254Counter];
  /** Rising edges of counter 0's OUT passed to IRQ 0 (`pit.irq0_edges`). */
  irq0Edges = 0;
  /** Counter 0's elapsed ticks at the last update, and the level IRQ 0 was last given (OUT of
   *  an unprogrammed counter idles high; the machine presets the PIC's line to match). */
  private lastElapsed = 0;
  private lastLevel = true;

  constructor(
    private readonly clock: DeviceClock,
    private readonly irq0: IrqLine = NO_IRQ,
  ) {
    this.channels = [new I8254Counter(clock, true), new I8254Counter(clock, true), new I8254Counter(clock, false)];
  }

  read(port: number, _size: IoSize): number {
    const i = port & 3;
    if (i === 3) return 0xff; // the control register cannot be read
    return this.channels[i]!.read();
  }

  write(port: number, _size: IoSize, value: number): void {
    const i = port & 3;
    if (i !== 3) {
      if (i === 0) this.update();
      this.channels[i]!.writeCount(value & 0xff);
      if (i === 0) this.restartIrq0();
      return;
    }
    const sc = value >> 6;
    if (sc === 3) {
      this.readBack(value);
      return;
    }
    const counter = this.channels[sc]!;
    const rw = (value >> 4) & 3;
    if (rw === 0) {
      counter.latchCount();
      return;
    }
    if (sc === 0) this.update();
    counter.control(rw, (value >> 1) & 7, (value & 1) !== 0);
    if (sc === 0) this.restartIrq0();
  }

  /** Read-back command: D5 = 0 latches the counts, D4 = 0 the status, of counters in D3-D1. */
  private readBack(v: number): void {
    for (let i = 0; i < 3; i++) {
      if ((v & (2 << i)) === 0) continue;
      const c = this.channels[i]!;
      if ((v & 0x20) === 0) c.latchCount();
      if ((v & 0x10) === 0) c.latchStatus();
    }
  }

  /** Counter 2's GATE (port 0x61 bit 0). */
  setGate2(level: boolean): void {
    this.channels[2].setGate(level);
  }

  /** Counter 2's OUT (port 0x61 bit 5). */
  out2(): boolean {
    return this.channels[2].out();
  }

  /** A new count or mode on counter 0: IRQ 0 follows OUT from here. */
  private restartIrq0(): void {
    this.lastElapsed = this.channels[0].elapsed();
    this.setIrq0(this.channels[0].out());
  }

  private setIrq0(level: boolean): void {
    this.lastLevel = level;
    this.irq0.set(level);
  }

  /**
   * Delivers counter 0's OUT transitions since the last update to IRQ 0. The PIC latches edges,
   * so several periods elapsed in one step give one request, as they would with interrupts held
   * off on real hardware; `pit.irq0_edges` counts them all.
   */
  update(): void {
    const c = this.channels[0];
    const d = c.elapsed();
    const edges = c.risingEdges(this.lastElapsed, d);
    this.lastElapsed = d;
    if (edges > 0) {
      this.irq0Edges += edges;
      if (this.lastLevel) this.irq0.set(false);
      this.irq0.set(true);
      this.lastLevel = true;
    }
    const level = c.out();
    if (level !== this.lastLevel) this.setIrq0(level);
  }

  /** Ticks until counter 0's next interrupt edge (for the machine to size its next run). */
  ticksToNextIrq0(): number {
    return this.channels[0].ticksToNextEdge();
  }

  /** `pit.irq0_edges`. */
  counters(out: Record<string, number>): void {
    out["pit.irq0_edges"] = this.irq0Edges;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return { ...captureFields(this, STATE_FIELDS), channels: this.channels.map((c) => c.snapshot()) };
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "I8254"): void {
    restoreFields(this, STATE_FIELDS, state, where);
    const channels = state.channels;
    if (!Array.isArray(channels) || channels.length !== 3) {
      throw new DeviceStateError(`${where}.channels: expected 3 counter states`);
    }
    this.channels.forEach((c, i) => c.restore(channels[i] as DeviceState, `${where}.channels[${i}]`));
  }
}
