/**
 * One counter of the Intel 8254 programmable interval timer (datasheet 231164, "Modes of
 * Operation", "Read Operations"). Counting is computed from device time rather than ticked: the
 * counting element (CE) and OUT at tick t follow from the mode, the initial count and the ticks
 * counted since the count was loaded, excluding ticks with GATE low where the mode pauses.
 *
 * Simplifications, each documented by the datasheet as a one-clock effect: a count is loaded into
 * CE at the tick it is written (not one CLK later); a new count written in modes 2 and 3 takes
 * effect at once instead of at the end of the current period.
 */
import type { DeviceClock } from "./clock";
import { captureFields, restoreFields, type DeviceState } from "./state";

/** Access modes of the control word's RW1-RW0 field. */
export const RW_LSB = 1;
export const RW_MSB = 2;
export const RW_LSB_MSB = 3;

function fromBcd(v: number): number {
  return ((v >> 12) & 0xf) * 1000 + ((v >> 8) & 0xf) * 100 + ((v >> 4) & 0xf) * 10 + (v & 0xf);
}

function toBcd(v: number): number {
  return ((Math.floor(v / 1000) % 10) << 12) | ((Math.floor(v / 100) % 10) << 8) | ((Math.floor(v / 10) % 10) << 4) | v % 10;
}

const STATE_FIELDS = ["mode", "programmedMode", "rw", "bcd", "initial", "counting", "armed", "loadTick", "pausedTicks", "pausedSince", "gate", "writeMsbNext", "pendingLsb", "readMsbNext", "latchBytes", "latchValue", "latchMsbNext", "statusLatched", "statusValue", "frozenCount", "outIdle", "writeTick"] as const;

export class I8254Counter {
  /** The mode that counts (modes 6 and 7 are modes 2 and 3), and the M2-M0 bits as written. */
  mode = 0;
  private programmedMode = 0;
  rw = RW_LSB_MSB;
  bcd = false;
  /** Initial count in clock ticks (1..0x10000, or 1..10000 in BCD). */
  initial = 0x10000;
  /** A count has been loaded since the last control word (modes 1 and 5: and a trigger came). */
  counting = false;
  /** Mode 1/5: a count waits for a GATE rising edge. */
  private armed = false;
  private loadTick = 0;
  private pausedTicks = 0;
  /** Tick GATE went low in a pausing mode, or -1. */
  private pausedSince = -1;
  gate: boolean;
  /** Count register write state: the LSB has been written and the MSB is expected. */
  private writeMsbNext = false;
  private pendingLsb = 0;
  /** Read state when nothing is latched: the MSB comes next (RW=3). */
  private readMsbNext = false;
  /** Output latch (counter latch / read-back): bytes left to read, and the value. */
  private latchBytes = 0;
  private latchValue = 0;
  private latchMsbNext = false;
  private statusLatched = false;
  private statusValue = 0;
  /** CE in binary while not counting (after a control word the datasheet leaves it undefined). */
  private frozenCount = 0;
  /** OUT right after a control word: low in mode 0, high in the others. */
  private outIdle = true;
  /** Tick of the last count write, for Null Count. */
  private writeTick = -1;

  constructor(
    private readonly clock: DeviceClock,
    gate: boolean,
  ) {
    this.gate = gate;
  }

  /** Ticks counted since the count was loaded (or triggered). */
  elapsed(): number {
    const now = this.pausedSince >= 0 ? this.pausedSince : this.clock.ticks;
    return now - this.loadTick - this.pausedTicks;
  }

  /** The control word for this counter (RW != 0): "all Control Logic is immediately reset". */
  control(rw: number, mode: number, bcd: boolean): void {
    this.frozenCount = this.countBinary();
    this.rw = rw;
    this.programmedMode = mode;
    this.mode = mode > 5 ? mode - 4 : mode; // modes 6 and 7 are modes 2 and 3
    this.bcd = bcd;
    this.counting = false;
    this.armed = false;
    this.writeMsbNext = false;
    this.readMsbNext = false;
    this.latchBytes = 0;
    this.statusLatched = false;
    this.outIdle = this.mode !== 0;
    this.writeTick = -1;
  }

  /** A write to the counter's port: one byte of the count per the access mode. */
  writeCount(byte: number): void {
    let value: number;
    if (this.rw === RW_LSB) value = byte;
    else if (this.rw === RW_MSB) value = byte << 8;
    else if (!this.writeMsbNext) {
      this.pendingLsb = byte;
      this.writeMsbNext = true;
      // Mode 0: "writing the first byte disables counting", OUT goes low.
      if (this.mode === 0 && this.counting) {
        this.frozenCount = this.countBinary();
        this.counting = false;
        this.outIdle = false;
      }
      return;
    } else {
      value = this.pendingLsb | (byte << 8);
      this.writeMsbNext = false;
    }
    this.load(value);
  }

  private load(value: number): void {
    const n = this.bcd ? fromBcd(value) : value;
    this.initial = n === 0 ? (this.bcd ? 10000 : 0x10000) : n;
    this.writeTick = this.clock.ticks;
    if (this.mode === 1 || this.mode === 5) {
      // Hardware triggered: the count is loaded by the next GATE rising edge.
      this.armed = true;
      return;
    }
    this.start();
  }

  private start(): void {
    this.counting = true;
    this.armed = false;
    this.loadTick = this.clock.ticks;
    this.pausedTicks = 0;
    this.pausedSince = this.gate || !this.pausesWithGateLow() ? -1 : this.clock.ticks;
  }

  private pausesWithGateLow(): boolean {
    return this.mode === 0 || this.mode === 2 || this.mode === 3 || this.mode === 4;
  }

  /** GATE input (always high for counters 0 and 1 on the PC; port 0x61 bit 0 for counter 2). */
  setGate(level: boolean): void {
    if (level === this.gate) return;
    this.gate = level;
    const now = this.clock.ticks;
    if (!level) {
      if (this.counting && this.pausesWithGateLow()) this.pausedSince = now;
      return;
    }
    // Rising edge.
    if (this.mode === 1 || this.mode === 5 || this.mode === 2 || this.mode === 3) {
      // Modes 1/5 trigger; modes 2/3 reload the initial count ("GATE rising edge ... reload").
      if (this.armed || this.counting) this.start();
      return;
    }
    if (this.pausedSince >= 0) {
      this.pausedTicks += now - this.pausedSince;
      this.pausedSince = -1;
    }
  }

  /** The counting element now, in binary. */
  private countBinary(): number {
    if (!this.counting) return this.frozenCount;
    const d = this.elapsed();
    const n = this.initial;
    const modulus = this.bcd ? 10000 : 0x10000;
    switch (this.mode) {
      case 2:
        return n - (d % n);
      case 3:
        // Counts down by two each clock and reloads every half period.
        return n - ((2 * d) % n);
      default:
        return (((n - d) % modulus) + modulus) % modulus;
    }
  }

  /** CE as the counter presents it (BCD in BCD mode). */
  count(): number {
    const v = this.countBinary();
    return this.bcd ? toBcd(v) : v & 0xffff;
  }

  /** The OUT pin now. */
  out(): boolean {
    if (!this.counting) return this.outIdle;
    if (!this.gate && (this.mode === 2 || this.mode === 3)) return true;
    const d = this.elapsed();
    const n = this.initial;
    switch (this.mode) {
      case 0: // low until terminal count
      case 1: // (after the trigger) low until terminal count
        return d >= n;
      case 2:
        return n === 1 || d % n !== n - 1;
      case 3:
        return d % n < Math.ceil(n / 2);
      default:
        return d !== n;
    }
  }

  /** Rising edges of OUT for elapsed ticks in (d0, d1] of the current count. */
  risingEdges(d0: number, d1: number): number {
    if (!this.counting || d1 <= d0) return 0;
    const n = this.initial;
    switch (this.mode) {
      case 0:
      case 1:
        return d0 < n && d1 >= n ? 1 : 0;
      case 2:
      case 3:
        if (!this.gate) return 0;
        return Math.floor(d1 / n) - Math.floor(d0 / n);
      default:
        return d0 < n + 1 && d1 >= n + 1 ? 1 : 0;
    }
  }

  /** Ticks from now to OUT's next rising edge, or Infinity. */
  ticksToNextEdge(): number {
    if (!this.counting || (!this.gate && this.pausesWithGateLow())) return Infinity;
    const d = this.elapsed();
    const n = this.initial;
    switch (this.mode) {
      case 0:
      case 1:
        return d < n ? n - d : Infinity;
      case 2:
      case 3:
        return n - (d % n);
      default:
        return d < n + 1 ? n + 1 - d : Infinity;
    }
  }

  /** Counter latch command: CE is copied to the output latch until fully read. */
  latchCount(): void {
    if (this.latchBytes) return; // "subsequent latch commands are ignored until read"
    this.latchValue = this.count();
    this.latchBytes = this.rw === RW_LSB_MSB ? 2 : 1;
    this.latchMsbNext = this.rw === RW_MSB;
  }

  /** Read-back status: OUT (D7), Null Count (D6), then "the Counter's programmed Mode exactly as
   *  written in the last Mode Control Word" (D5-D0). */
  latchStatus(): void {
    if (this.statusLatched) return;
    const nullCount = this.armed || (!this.counting && !this.armed) || this.writeTick === this.clock.ticks;
    this.statusValue =
      (this.out() ? 0x80 : 0) | (nullCount ? 0x40 : 0) | (this.rw << 4) | (this.programmedMode << 1) | (this.bcd ? 1 : 0);
    this.statusLatched = true;
  }

  /** A read of the counter's port: a latched status first, then a latched count, else CE. */
  read(): number {
    if (this.statusLatched) {
      this.statusLatched = false;
      return this.statusValue;
    }
    if (this.latchBytes) {
      this.latchBytes--;
      const msb = this.latchMsbNext;
      this.latchMsbNext = !msb;
      return msb ? (this.latchValue >> 8) & 0xff : this.latchValue & 0xff;
    }
    const v = this.count();
    if (this.rw === RW_LSB) return v & 0xff;
    if (this.rw === RW_MSB) return (v >> 8) & 0xff;
    const msb = this.readMsbNext;
    this.readMsbNext = !msb;
    return msb ? (v >> 8) & 0xff : v & 0xff;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "I8254Counter"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
