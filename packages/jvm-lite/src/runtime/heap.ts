import { monotonicMs } from "./clock";
import { type JObject, objectSize } from "./object";

/**
 * The Java heap's accounting and collector. Objects are JS objects; the heap counts the bytes of
 * every allocation (HotSpot-like sizes) so that -Xmx is honoured: when the count crosses the
 * threshold, a mark phase traces from the roots the VM supplies and sums the sizes of the
 * reachable objects; everything unmarked is garbage, its bytes are credited back and its storage
 * is left to the JS collector. (No object table: keeping every object in one would defeat the
 * JS generational GC, which is where the time went.)
 */
export class Heap {
  used = 0;
  private epoch = 1;
  /** Next collection happens when `used` exceeds this. */
  threshold: number;
  cycles = 0;
  bytesFreed = 0;
  bytesAllocated = 0;
  objectsAllocated = 0;
  pauseMs = 0;

  constructor(
    readonly maxBytes: number,
    readonly log: ((line: string) => void) | null,
    private readonly startMs: number,
  ) {
    this.threshold = Math.min(maxBytes, Math.max(8 << 20, maxBytes >>> 3));
  }

  /** Records an allocation. Returns false when the heap is over the collection threshold. */
  account(o: JObject): void {
    const n = objectSize(o);
    this.used += n;
    this.bytesAllocated += n;
    this.objectsAllocated++;
  }

  needsCollection(extra: number): boolean {
    return this.used + extra > this.threshold;
  }

  wouldExceed(extra: number): boolean {
    return this.used + extra > this.maxBytes;
  }

  /** Mark-sweep. `roots` pushes every root reference through `mark`. */
  collect(roots: (mark: (o: unknown) => void) => void, cause: string): void {
    const t0 = monotonicMs();
    const before = this.used;
    const epoch = ++this.epoch;
    const stack: JObject[] = [];
    let liveBytes = 0;
    let liveCount = 0;
    const mark = (v: unknown): void => {
      if (v !== null && typeof v === "object" && (v as JObject).mark !== undefined) {
        const o = v as JObject;
        if (o.mark !== epoch) {
          o.mark = epoch;
          liveBytes += objectSize(o);
          liveCount++;
          stack.push(o);
        }
      }
    };
    roots(mark);
    while (stack.length > 0) {
      const o = stack.pop()!;
      const f = o.f;
      if (f !== null) {
        for (let i = 0; i < f.length; i++) {
          const v = f[i];
          if (v !== null && typeof v === "object") mark(v);
        }
      } else if (o.a !== null && Array.isArray(o.a)) {
        const a = o.a;
        for (let i = 0; i < a.length; i++) {
          const v = a[i];
          if (v !== null) mark(v);
        }
      }
      const nat = o.nat;
      if (nat !== undefined && nat !== null && typeof nat === "object" && Array.isArray(nat)) {
        for (const v of nat as unknown[]) mark(v);
      }
    }
    const freed = Math.max(0, before - liveBytes);
    this.used = liveBytes;
    this.liveObjects = liveCount;
    this.bytesFreed += freed;
    // Grow the threshold with the live set (like a heap that resizes), bounded by -Xmx.
    this.threshold = Math.min(this.maxBytes, Math.max(8 << 20, this.used * 2));
    const ms = monotonicMs() - t0;
    this.pauseMs += ms;
    if (this.log) {
      const t = ((monotonicMs() - this.startMs) / 1000).toFixed(3);
      const mb = (n: number): string => `${Math.round(n / (1 << 20))}M`;
      this.log(`[${t}s][info][gc] GC(${this.cycles}) Pause Full (${cause}) ${mb(before)}->${mb(this.used)}(${mb(this.maxBytes)}) ${ms.toFixed(3)}ms`);
    }
    this.cycles++;
  }

  /** Objects found reachable by the last collection. */
  liveObjects = 0;
}
