/**
 * qemu's isa-debug-exit device (hw/misc/debugexit.c): a write of value v to its port range
 * (iobase 0xf4, iosize 4 in kvm-unit-tests and our bare-metal kernels) asks the machine to exit
 * with status (v << 1) | 1, so a guest can never produce status 0. Reads return 0.
 */
import type { IoSize, PortDevice } from "./io-bus";
import { captureFields, restoreFields, type DeviceState } from "./state";

export const DEBUG_EXIT_PORT = 0xf4;
export const DEBUG_EXIT_SIZE = 4;

const STATE_FIELDS = ["status"] as const;

export class DebugExit implements PortDevice {
  /** The status of the last exit request, or -1. */
  status = -1;

  constructor(private readonly onExit: (status: number) => void) {}

  read(_port: number, _size: IoSize): number {
    return 0;
  }

  write(_port: number, _size: IoSize, value: number): void {
    // qemu computes (val << 1) | 1 in a C int and exit() keeps the low 8 bits; the machine gets
    // the full value and decides how to report it.
    this.status = ((value << 1) | 1) >>> 0;
    this.onExit(this.status);
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "DebugExit"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
