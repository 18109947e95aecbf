/**
 * The PC's I/O address space: 64 Ki byte-wide ports. Devices claim port ranges; IN/OUT of 1, 2 or
 * 4 bytes go to the device owning the first port. A device that only decodes some widths gets the
 * others split into byte accesses at consecutive ports, low byte first, as the ISA bus does with
 * a 16- or 32-bit access to an 8-bit device. Unclaimed ports read as all ones (the floating bus)
 * and ignore writes; they are counted (`io.unclaimed`).
 *
 * The bus has the shape of the processor's port backend (`read(port, size)`, `write(port, size,
 * value)`), so a machine plugs it in directly.
 */
import { captureFields, restoreFields, type DeviceState } from "./state";

export type IoSize = 1 | 2 | 4;

/** A device's port decoder. Values are unsigned and fit the access size. */
export interface PortDevice {
  read(port: number, size: IoSize): number;
  write(port: number, size: IoSize, value: number): void;
}

/** Access widths a device decodes itself, as a mask of sizes (1 | 2 | 4). */
export const WIDTH_8 = 1;
export const WIDTH_16 = 2;
export const WIDTH_32 = 4;

const STATE_FIELDS = ["inCount", "outCount", "unclaimedCount"] as const;

export class IoBusError extends Error {
  override readonly name = "IoBusError";
}

interface Claim {
  readonly name: string;
  readonly first: number;
  readonly last: number;
  readonly device: PortDevice;
  readonly widths: number;
}

const ALL_ONES = [0, 0xff, 0xffff, 0, 0xffffffff] as const;

export class IoBus {
  /** Per port: index into `claims`, or -1. */
  private readonly owner = new Int16Array(0x10000).fill(-1);
  private readonly claims: Claim[] = [];
  /** IN accesses, OUT accesses, accesses to unclaimed ports. */
  inCount = 0;
  outCount = 0;
  unclaimedCount = 0;

  /** Claims ports first..first+count-1 for `device`, which decodes the access sizes in `widths`. */
  register(name: string, first: number, count: number, device: PortDevice, widths = WIDTH_8): void {
    if (!Number.isInteger(first) || !Number.isInteger(count) || count < 1 || first < 0 || first + count > 0x10000) {
      throw new IoBusError(`${name}: port range 0x${first.toString(16)}+${count} is outside 0-0xffff`);
    }
    for (let p = first; p < first + count; p++) {
      const o = this.owner[p]!;
      if (o >= 0) {
        throw new IoBusError(`${name}: port 0x${p.toString(16)} is already claimed by ${this.claims[o]!.name}`);
      }
    }
    const index = this.claims.length;
    this.claims.push({ name, first, last: first + count - 1, device, widths });
    this.owner.fill(index, first, first + count);
  }

  /** The name of the device owning `port`, if any. */
  ownerOf(port: number): string | undefined {
    const o = this.owner[port & 0xffff]!;
    return o < 0 ? undefined : this.claims[o]!.name;
  }

  read(port: number, size: number): number {
    this.inCount++;
    return this.readSized(port & 0xffff, size as IoSize);
  }

  write(port: number, size: number, value: number): void {
    this.outCount++;
    this.writeSized(port & 0xffff, size as IoSize, value);
  }

  private readSized(port: number, size: IoSize): number {
    const o = this.owner[port]!;
    if (o < 0) {
      this.unclaimedCount++;
      return ALL_ONES[size];
    }
    const c = this.claims[o]!;
    if (size === 1 || ((c.widths & size) !== 0 && port + size - 1 <= c.last)) {
      return c.device.read(port, size) & ALL_ONES[size];
    }
    let v = 0;
    for (let i = 0; i < size; i++) v |= this.readByte((port + i) & 0xffff) << (8 * i);
    return v >>> 0;
  }

  private readByte(port: number): number {
    const o = this.owner[port]!;
    if (o < 0) return 0xff;
    return this.claims[o]!.device.read(port, 1) & 0xff;
  }

  private writeSized(port: number, size: IoSize, value: number): void {
    const o = this.owner[port]!;
    if (o < 0) {
      this.unclaimedCount++;
      return;
    }
    const c = this.claims[o]!;
    if (size === 1 || ((c.widths & size) !== 0 && port + size - 1 <= c.last)) {
      c.device.write(port, size, (value & ALL_ONES[size]) >>> 0);
      return;
    }
    for (let i = 0; i < size; i++) {
      const p = (port + i) & 0xffff;
      const b = this.owner[p]!;
      if (b >= 0) this.claims[b]!.device.write(p, 1, (value >>> (8 * i)) & 0xff);
    }
  }

  /** `io.in`, `io.out`, `io.unclaimed`. */
  counters(out: Record<string, number>): void {
    out["io.in"] = this.inCount;
    out["io.out"] = this.outCount;
    out["io.unclaimed"] = this.unclaimedCount;
  }

  /** The device's state, JSON-safe (state.ts). */
  snapshot(): DeviceState {
    return captureFields(this, STATE_FIELDS);
  }

  /** Restores a state taken by `snapshot()`. */
  restore(state: DeviceState, where = "IoBus"): void {
    restoreFields(this, STATE_FIELDS, state, where);
  }
}
