/**
 * Port 0x92, the PS/2 system control port A ("fast A20 and reset"): bit 1 enables address line
 * 20, a 0-to-1 write of bit 0 resets the processor. The machine owns both effects, so they are
 * callbacks; reads return the written A20 bit with bit 0 clear (the reset pulse is not held).
 */
import type { IoSize, PortDevice } from "./io-bus";
import { captureFields, restoreFields, type DeviceState } from "./state";

export interface SystemControlAHooks {
  /** A20 masking changed: `enabled` means addresses keep bit 20. */
  onA20?: (enabled: boolean) => void;
  /** The guest asked for a processor reset. */
  onReset?: () => void;
}

const STATE_FIELDS = ["a20", "resets"] as const;

export class SystemControlA implements PortDevice {
  a20: boolean;
  resets = 0;

  constructor(
    private readonly hooks: SystemControlAHooks = {},
    a20 = true,
  ) {
    this.a20 = a20;
  }

  read(_port: number, _size: IoSize): number {
    return this.a20 ? 0x02 : 0x00;
  }

  write(_port: number, _size: IoSize, value: number): void {
    const a20 = (value & 0x02) !== 0;
    if (a20 !== this.a20) {
      this.a20 = a20;
      this.hooks.onA20?.(a20);
    }
    if (value & 0x01) {
      this.resets++;
      this.hooks.onReset?.();
    }
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "SystemControlA"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
