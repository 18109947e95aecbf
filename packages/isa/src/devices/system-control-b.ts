/**
 * Port 0x61, the PC/AT's system control port B (IBM PC/AT Technical Reference, "Port 61"): bit 0
 * drives GATE of timer counter 2, bit 1 enables the speaker data; reads add bit 4, the refresh
 * request that toggles every 15.085 us (18 ticks of the device clock), and bit 5, counter 2's OUT.
 * Bits 6-7 (parity and channel check) read 0: there are no such errors here.
 */
import type { DeviceClock } from "./clock";
import type { I8254 } from "./i8254";
import type { IoSize, PortDevice } from "./io-bus";
import { captureFields, restoreFields, type DeviceState } from "./state";

/** Device-clock ticks per refresh-request half period (15.085 us * 1.193182 MHz). */
const REFRESH_TICKS = 18;

const STATE_FIELDS = ["value"] as const;

export class SystemControlB implements PortDevice {
  /** The written bits 0-3. */
  value = 0;

  constructor(
    private readonly clock: DeviceClock,
    private readonly pit: I8254,
  ) {}

  read(_port: number, _size: IoSize): number {
    const refresh = Math.floor(this.clock.ticks / REFRESH_TICKS) & 1;
    return (this.value & 0x0f) | (refresh << 4) | (this.pit.out2() ? 0x20 : 0);
  }

  write(_port: number, _size: IoSize, value: number): void {
    this.value = value & 0x0f;
    this.pit.setGate2((value & 1) !== 0);
  }

  /** The speaker sounds when its data is enabled and counter 2 is gated. */
  get speakerOn(): boolean {
    return (this.value & 3) === 3;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "SystemControlB"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
