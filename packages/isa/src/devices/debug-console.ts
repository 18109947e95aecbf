/**
 * The Bochs/qemu debug console: every byte written to the port (0xE9 by default) goes to the host
 * sink; a read returns the port's own number, 0xE9, which is how guests detect the device
 * (qemu hw/char/debugcon.c, "readback" property).
 */
import type { IoSize, PortDevice } from "./io-bus";
import { captureFields, restoreFields, type DeviceState } from "./state";

export const DEBUG_CONSOLE_PORT = 0xe9;

const STATE_FIELDS = ["bytes"] as const;

export class DebugConsole implements PortDevice {
  bytes = 0;

  constructor(
    private readonly sink: (byte: number) => void,
    private readonly readback = DEBUG_CONSOLE_PORT,
  ) {}

  read(_port: number, _size: IoSize): number {
    return this.readback;
  }

  write(_port: number, _size: IoSize, value: number): void {
    this.bytes++;
    this.sink(value & 0xff);
  }

  /** `debugcon.bytes`. */
  counters(out: Record<string, number>): void {
    out["debugcon.bytes"] = this.bytes;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "DebugConsole"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
