/**
 * Device snapshots: every device's state is plain numbers, booleans and arrays, captured by field
 * name into JSON-safe objects and restored bit-exact (the machine's snapshot mechanism, DESIGN.md
 * "State"). A malformed snapshot is a typed error naming the device and field.
 */

export type DeviceStateValue = number | boolean | readonly number[] | DeviceState | readonly DeviceState[];
export interface DeviceState {
  readonly [field: string]: DeviceStateValue;
}

export class DeviceStateError extends Error {
  override readonly name = "DeviceStateError";
}

type Fields = Record<string, unknown>;

/** Copies the named fields of `device` (numbers, booleans, arrays, typed arrays). */
export function captureFields(device: object, fields: readonly string[]): DeviceState {
  const src = device as Fields;
  const out: Record<string, DeviceStateValue> = {};
  for (const f of fields) {
    const v = src[f];
    if (typeof v === "number" || typeof v === "boolean") out[f] = v;
    else if (Array.isArray(v) || ArrayBuffer.isView(v)) out[f] = Array.from(v as ArrayLike<number>);
    else throw new DeviceStateError(`cannot capture field ${f}: ${typeof v}`);
  }
  return out;
}

/** Writes the named fields back into `device`, checking each against its current type. */
export function restoreFields(device: object, fields: readonly string[], state: DeviceState, where: string): void {
  const dst = device as Fields;
  for (const f of fields) {
    const v: unknown = state[f];
    const cur = dst[f];
    if (typeof cur === "number") {
      if (typeof v !== "number" || Number.isNaN(v)) throw new DeviceStateError(`${where}.${f}: expected a number`);
      dst[f] = v;
    } else if (typeof cur === "boolean") {
      if (typeof v !== "boolean") throw new DeviceStateError(`${where}.${f}: expected a boolean`);
      dst[f] = v;
    } else if (ArrayBuffer.isView(cur)) {
      const arr = cur as unknown as { length: number; set(a: ArrayLike<number>): void };
      if (!Array.isArray(v) || v.length !== arr.length || !v.every((x) => typeof x === "number")) {
        throw new DeviceStateError(`${where}.${f}: expected ${arr.length} numbers`);
      }
      arr.set(v);
    } else if (Array.isArray(cur)) {
      if (!Array.isArray(v) || !v.every((x) => typeof x === "number")) {
        throw new DeviceStateError(`${where}.${f}: expected an array of numbers`);
      }
      cur.length = 0;
      for (const x of v) cur.push(x);
    } else {
      throw new DeviceStateError(`${where}.${f}: not a restorable field`);
    }
  }
}

/** A nested device state, or a typed error naming where it was expected. */
export function child(state: DeviceState, field: string, where: string): DeviceState {
  const v = state[field];
  if (typeof v !== "object" || v === null || Array.isArray(v)) {
    throw new DeviceStateError(`${where}.${field}: expected a device state object`);
  }
  return v as DeviceState;
}
