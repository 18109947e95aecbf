/**
 * Device time. Every PC device here counts in ticks of the 8254's input clock, 1.193182 MHz (the
 * PC's 14.31818 MHz crystal divided by 12), kept as an integer so runs are deterministic: the same
 * instructions retired give the same ticks, the same timer interrupts and the same RTC reading.
 *
 * In virtual mode (the default) the machine calls `advance(instructions)`; instructions become
 * ticks at a fixed rate of `instructionsPerSecond` (default 100 million: one PIT tick per about
 * 83.8 instructions), with the remainder carried so no time is lost between calls. In host mode
 * the clock follows a host millisecond source instead (for interactive runs), and is no longer
 * reproducible.
 */
import { captureFields, restoreFields, type DeviceState } from "./state";

/** The 8254 input clock in Hz. */
export const PIT_HZ = 1_193_182;

/** Default virtual CPU speed: instructions retired per virtual second. */
export const DEFAULT_INSTRUCTIONS_PER_SECOND = 100_000_000;

export interface ClockOptions {
  /** Virtual instructions per second (virtual mode). */
  readonly instructionsPerSecond?: number;
  /** A host time source in milliseconds (e.g. `() => performance.now()`): host mode. */
  readonly hostNow?: () => number;
}

const STATE_FIELDS = ["ticks", "carry"] as const;

export class DeviceClock {
  /** PIT input ticks since the machine started. */
  ticks = 0;
  readonly instructionsPerSecond: number;
  private readonly hostNow: (() => number) | undefined;
  private readonly hostStart: number;
  /** Instructions times PIT_HZ not yet converted into a whole tick. */
  private carry = 0;

  constructor(options: ClockOptions = {}) {
    const ips = options.instructionsPerSecond ?? DEFAULT_INSTRUCTIONS_PER_SECOND;
    if (!Number.isInteger(ips) || ips <= 0) {
      throw new RangeError(`DeviceClock: instructionsPerSecond must be a positive integer, got ${ips}`);
    }
    this.instructionsPerSecond = ips;
    this.hostNow = options.hostNow;
    this.hostStart = options.hostNow ? options.hostNow() : 0;
  }

  get mode(): "virtual" | "host" {
    return this.hostNow ? "host" : "virtual";
  }

  /** Moves time forward by `instructions` retired (virtual mode) or to the host's now (host mode). */
  advance(instructions: number): void {
    if (this.hostNow) {
      const t = Math.floor(((this.hostNow() - this.hostStart) * PIT_HZ) / 1000);
      if (t > this.ticks) this.ticks = t;
      return;
    }
    // instructions * PIT_HZ stays below 2^53 for any single call under 7.5e9 instructions.
    const scaled = instructions * PIT_HZ + this.carry;
    const whole = Math.floor(scaled / this.instructionsPerSecond);
    this.carry = scaled - whole * this.instructionsPerSecond;
    this.ticks += whole;
  }

  /** Instructions to retire (virtual mode) before `ticks` more PIT ticks have elapsed. */
  instructionsFor(ticks: number): number {
    if (ticks <= 0) return 0;
    return Math.max(1, Math.ceil((ticks * this.instructionsPerSecond - this.carry) / PIT_HZ));
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "DeviceClock"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
