import type { JClass, JField } from "./jclass";
import type { Monitor } from "../threads/monitor";

/** Storage of a Java array's elements: one typed array per primitive element type, a JS array for references. */
export type ArrayStorage = Int32Array | Int8Array | Uint16Array | Int16Array | Float32Array | Float64Array | BigInt64Array | (JObject | null)[];

/**
 * Every Java object and array. One hidden class for all of them keeps field and element
 * accesses in the interpreter monomorphic:
 * - instances use `f` (instance fields, in the layout computed by JClass.linkFields);
 * - arrays use `a` (elements; the length is `a.length`).
 * `nat` carries VM-private state: the JClass of a java.lang.Class mirror, the backtrace of a
 * Throwable, the JThread of a java.lang.Thread.
 */
export class JObject {
  /** Monitor, created on first contended use or wait/notify. */
  monitor: Monitor | null = null;
  /** Identity hash (0 = not assigned yet). */
  hash = 0;
  /** GC mark epoch. */
  mark = 0;
  nat: unknown = undefined;
  /** Primitive instance fields (int-like, float, double), unboxed (a PACKED_DOUBLE array). */
  p: number[] | null = null;
  constructor(
    public cls: JClass,
    public f: unknown[] | null,
    public a: ArrayStorage | null,
  ) {}
}

/** Reads an instance field (primitive fields live in `p`, references and longs in `f`). */
export function getField(o: JObject, fl: JField): unknown {
  return fl.prim ? o.p![fl.slot] : o.f![fl.slot];
}

export function setField(o: JObject, fl: JField, v: unknown): void {
  if (fl.prim) o.p![fl.slot] = v as number;
  else o.f![fl.slot] = v;
}

/** Shallow size in bytes, as HotSpot's 64-bit layout with compressed oops would account it. */
export function objectSize(o: JObject): number {
  if (o.a !== null) {
    const el = o.cls.elementSize;
    return (16 + o.a.length * el + 7) & ~7;
  }
  return (12 + o.cls.instanceBytes + 7) & ~7;
}
