import type { JMethod, JClass } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import type { Monitor } from "./monitor";
import type { Jvm } from "../vm";

/** One activation record. Locals and operands live in the thread's slot array `s` from `bp`. */
export class Frame {
  /** Where to resume (the instruction after the call, or the instruction to re-execute). */
  pc = 0;
  /** pc of the instruction in progress (the call), for stack traces and handler lookup. */
  cpc = 0;
  sp: number;
  /** Class whose initialization this <clinit> frame performs (JVMS §5.5 step 10). */
  initCls: JClass | null = null;
  /** Monitor taken on entry by a synchronized method. */
  lockObj: JObject | null = null;
  /** Adapts the return value before it reaches the caller (lambda proxies box/unbox). */
  retAdapt: ((t: JThread, v: unknown) => unknown) | null = null;
  /** Slots of the adapted return value (when retAdapt is set). */
  adaptSlots = 0;
  /**
   * The launcher's main frame, pushed before its class is initialized: until the class is, the
   * frame has not started (HotSpot initializes the main class before invoking main), so it is
   * neither in stack traces nor able to catch the initializer's exception.
   */
  launcher = false;
  constructor(
    public m: JMethod,
    public bp: number,
  ) {
    this.sp = bp + m.maxLocals;
  }

  /** Reuses this frame object for a new activation (frames are pooled per depth). */
  reset(m: JMethod, bp: number): void {
    this.m = m;
    this.bp = bp;
    this.sp = bp + m.maxLocals;
    this.pc = 0;
    this.cpc = 0;
    this.initCls = null;
    this.lockObj = null;
    this.retAdapt = null;
    this.adaptSlots = 0;
    this.launcher = false;
  }
}

export const enum ThreadState {
  New = 0,
  Runnable = 1,
  /** Waiting to enter a contended monitor (re-executes monitorenter / the invoke). */
  Blocked = 2,
  /** In Object.wait, Thread.join (via wait) or Thread.sleep. */
  Waiting = 3,
  /** Notified or timed out, must re-acquire the monitor before continuing. */
  Reacquire = 4,
  Terminated = 5,
}

/** A Java thread, scheduled as a green thread by the VM. */
export class JThread {
  /**
   * Slots for every frame's locals and operand stack (JVMS §2.5.2 frames, laid out
   * contiguously), in two parallel arrays indexed alike: `s` holds references and longs
   * (bigint), `n` holds int/float/double (and the other int-like types) unboxed.
   */
  s: unknown[];
  n: Float64Array;
  readonly frames: Frame[] = [];
  /** Frame objects by depth, reused so a call allocates nothing. */
  readonly pool: Frame[] = [];
  state = ThreadState.New;
  /** Pending Java exception being thrown (travels through the thread, not the JS stack). */
  exc: JObject | null = null;
  interrupted = false;
  /** Virtual time (ms) when a sleep or timed wait ends; Infinity when untimed. */
  wakeAt = Infinity;
  /** Java-clock time (Jvm.javaNowMs) a timed sleep/wait must not end before. */
  wakeClockMs = 0;
  waitingOn: Monitor | null = null;
  savedCount = 0;
  /** The monitor this thread is blocked on / wants to re-acquire. */
  blockedOn: JObject | null = null;
  daemon = false;
  /** Set by natives that need the interpreter to return to the scheduler. */
  yieldNow = false;
  /** An interrupt arrived during wait/sleep: throw InterruptedException once running again. */
  pendingInterruptOnWake = false;
  uncaughtDispatched = false;
  /** Compiled-to-compiled calls currently nested on the JS stack (see jit/calls.ts). */
  jitNesting = 0;

  constructor(
    readonly vm: Jvm,
    readonly id: number,
    /** The java.lang.Thread object (null only while bootstrapping the main thread). */
    public jthread: JObject | null,
    public name: string,
  ) {
    this.s = new Array<unknown>(1024).fill(null);
    this.n = new Float64Array(1024);
  }

  get frame(): Frame | undefined {
    return this.frames[this.frames.length - 1];
  }

  /** Pushes a frame for `m` whose arguments are already on the caller's operand stack. */
  pushFrame(m: JMethod, bp: number): Frame {
    const d = this.frames.length;
    let f = this.pool[d];
    if (f === undefined) this.pool[d] = f = new Frame(m, bp);
    else f.reset(m, bp);
    const need = bp + m.maxLocals + m.maxStack + 4;
    if (need > this.s.length) this.grow(need);
    this.frames.push(f);
    return f;
  }

  grow(need: number): void {
    let n = this.s.length;
    while (n < need) n *= 2;
    const ns = new Array<unknown>(n).fill(null);
    for (let i = 0; i < this.s.length; i++) ns[i] = this.s[i];
    this.s = ns;
    const nn = new Float64Array(n);
    nn.set(this.n);
    this.n = nn;
  }
}
