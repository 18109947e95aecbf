import { ACC_ABSTRACT, ACC_FINAL, ACC_PUBLIC } from "./classfile/access-flags";
import { type ClassFile, parseClassFile } from "./classfile/class-file";
import { ClassFileError } from "./classfile/errors";
import type { ClassPathEntry } from "./classfile/jar";
import { monotonicMs } from "./runtime/clock";
import { Heap } from "./runtime/heap";
import { InitState, JClass, JMethod } from "./runtime/jclass";
import { type ArrayStorage, JObject, setField } from "./runtime/object";
import { JThread, ThreadState } from "./threads/thread";
import { interpret } from "./interp/interpreter";
import { lookupNative } from "./natives/registry";
import { verifyClass } from "./verify/verifier";

export interface JvmOptions {
  /** The class library (classlib.jar) and then the user class path, searched in order. */
  readonly classPath: readonly ClassPathEntry[];
  /** Number of leading entries that are the boot class path (not verified, like HotSpot's defaults). */
  readonly bootEntries?: number;
  /** -Xmx in bytes (default 256 MiB). */
  readonly maxHeap?: number;
  /** Maximum frames per thread before StackOverflowError (the -Xss analogue; default 9000). */
  readonly maxDepth?: number;
  readonly verboseGc?: boolean;
  readonly stdout: (bytes: Uint8Array) => void;
  readonly stderr: (bytes: Uint8Array) => void;
  /** Returns all of standard input on first read (or null at EOF). */
  readonly stdin?: () => Uint8Array | null;
  /** System properties visible through System.getProperty. */
  readonly properties?: Readonly<Record<string, string>>;
  /** Bytecodes per scheduling quantum (default 20000). */
  readonly quantum?: number;
  /** Runtime.availableProcessors() (default 1). */
  readonly availableProcessors?: number;
  /** Seed of Math.random (default fixed, so runs are reproducible). */
  readonly randomSeed?: number;
  /** Stop (exit status 134, message on stderr) after this many bytecodes: a guard for test harnesses. */
  readonly maxBytecodes?: number;
  /** The compiling tier (hot methods to JS); on by default, `false` = interpreter only (-Xint). */
  readonly jit?: boolean;
}

/** Thrown (as a JS exception) only to stop the VM: System.exit / Runtime.halt. */
export class VmExit extends Error {
  constructor(readonly status: number) {
    super(`System.exit(${status})`);
    this.name = "VmExit";
  }
}

/** A host-side linkage failure that becomes the named Java exception at the use site. */
export class LinkageFailure extends Error {
  constructor(
    readonly javaClass: string,
    readonly detail: string | null,
  ) {
    super(`${javaClass}: ${detail ?? ""}`);
    this.name = "LinkageFailure";
  }
}

const PRIMITIVES: Record<string, string> = { Z: "boolean", B: "byte", C: "char", S: "short", I: "int", J: "long", F: "float", D: "double", V: "void" };

/** The Java virtual machine: class loading, heap, threads, scheduling, counters. */
export class Jvm {
  readonly classes = new Map<string, JClass>();
  readonly heap: Heap;
  readonly maxDepth: number;
  readonly quantum: number;
  readonly threads: JThread[] = [];
  readonly interned = new Map<string, JObject>();
  readonly primitiveClasses = new Map<string, JClass>();
  /** Virtual time in ms used for sleep/timed waits (deterministic scheduling). */
  virtualTimeMs = 0;
  /**
   * Added to the host clock for System.currentTimeMillis/nanoTime: sleeps end in virtual time,
   * which can be earlier than real time, so on each wake-up the Java clock is moved forward to
   * at least the requested end (a program timing its own Thread.sleep sees >= the duration).
   */
  clockOffsetMs = 0;
  /**
   * Wall-clock time at monotonicMs() == 0. Both Java clocks derive from the one monotonic
   * source, so currentTimeMillis and nanoTime cannot drift apart (Date.now() and
   * monotonicMs() do drift on a VM whose wall clock is being slewed).
   */
  private readonly epochMs = Date.now() - monotonicMs();

  javaNowMs(): number {
    return this.epochMs + monotonicMs() + this.clockOffsetMs;
  }
  javaNanos(): number {
    return Math.floor((monotonicMs() + this.clockOffsetMs) * 1e6);
  }
  bytecodes = 0;
  methodsInvoked = 0;
  /** Entries into compiled code and methods compiled (the compiling tier's counters). */
  jitEntries = 0;
  jitCompiled = 0;
  /** Scheduling quanta run (times the scheduler resumed a thread). */
  quanta = 0;
  readonly jitEnabled: boolean;
  exitStatus: number | null = null;
  private nextThreadId = 1;
  private nextClassId = 1;
  private stdinBuf: Uint8Array | null = null;
  private stdinPos = 0;
  readonly startMs = monotonicMs();
  private loading = new Set<string>();
  current: JThread | null = null;
  /** Counter of identity hashes (deterministic, like a xorshift seeded per VM). */
  private hashState = 0x2545f491;

  constructor(readonly opts: JvmOptions) {
    this.heap = new Heap(opts.maxHeap ?? 256 << 20, opts.verboseGc ? (l) => this.writeErrOrOut(l) : null, this.startMs);
    this.maxDepth = opts.maxDepth ?? 10000;
    this.quantum = opts.quantum ?? 20000;
    this.jitEnabled = opts.jit ?? true;
  }

  private writeErrOrOut(line: string): void {
    this.write(1, line + "\n");
  }

  // ---- class loading (JVMS §5.3) -------------------------------------------------------------

  /** Loads, links and returns a class; throws LinkageFailure (host side) on failure. */
  loadClass(name: string): JClass {
    const hit = this.classes.get(name);
    if (hit) return hit;
    if (name.startsWith("[")) return this.arrayClassOf(name);
    if (this.loading.has(name)) throw new LinkageFailure("java/lang/ClassCircularityError", name.replace(/\//g, "."));
    const path = name + ".class";
    let bytes: Uint8Array | undefined;
    let entryIndex = 0;
    for (const e of this.opts.classPath) {
      bytes = e.read(path);
      if (bytes) break;
      entryIndex++;
    }
    if (!bytes) throw new LinkageFailure("java/lang/NoClassDefFoundError", name);
    let cf: ClassFile;
    try {
      cf = parseClassFile(bytes, name);
    } catch (e) {
      if (e instanceof ClassFileError) throw new LinkageFailure(e.javaClass, e.message);
      throw e;
    }
    if (cf.thisClass !== name) throw new LinkageFailure("java/lang/NoClassDefFoundError", `${name} (wrong name: ${cf.thisClass})`);
    this.loading.add(name);
    try {
      const cls = new JClass(name, cf.access, cf);
      cls.id = this.nextClassId++;
      if (cf.superClass) {
        const sup = this.loadClass(cf.superClass);
        if (sup.isInterface) throw new LinkageFailure("java/lang/IncompatibleClassChangeError", `class ${cls.javaName} has interface ${sup.javaName} as super class`);
        if (sup.isFinal) throw new LinkageFailure("java/lang/IncompatibleClassChangeError", `class ${cls.javaName} cannot inherit from final class ${sup.javaName}`);
        cls.superClass = sup;
      }
      for (const i of cf.interfaces) {
        const ic = this.loadClass(i);
        if (!ic.isInterface) throw new LinkageFailure("java/lang/IncompatibleClassChangeError", `class ${cls.javaName} can not implement ${ic.javaName}, because it is not an interface (${ic.javaName} is in unnamed module of loader 'app')`);
        cls.interfaces.push(ic);
      }
      cls.defineMembers();
      const boot = entryIndex < (this.opts.bootEntries ?? 1);
      cls.boot = boot;
      if (!boot) {
        const err = verifyClass(this, cls);
        if (err) throw new LinkageFailure("java/lang/VerifyError", err);
      }
      this.bindNatives(cls);
      this.classes.set(name, cls);
      return cls;
    } finally {
      this.loading.delete(name);
    }
  }

  private bindNatives(cls: JClass): void {
    for (const m of cls.methods.values()) {
      if (m.isNative) m.native = lookupNative(cls.name, m.nameDesc);
    }
  }

  primitiveClass(desc: string): JClass {
    let c = this.primitiveClasses.get(desc);
    if (!c) {
      c = new JClass(PRIMITIVES[desc] ?? desc, ACC_PUBLIC | ACC_FINAL | ACC_ABSTRACT, null, true);
      c.id = this.nextClassId++;
      c.state = InitState.Initialized;
      c.boot = true;
      this.primitiveClasses.set(desc, c);
    }
    return c;
  }

  /** The array class with this descriptor ("[I", "[[Ljava/lang/String;"), JVMS §5.3.3. */
  arrayClassOf(desc: string): JClass {
    const hit = this.classes.get(desc);
    if (hit) return hit;
    const elem = desc.slice(1);
    const comp = elem.startsWith("[") ? this.arrayClassOf(elem) : elem.startsWith("L") ? this.loadClass(elem.slice(1, -1)) : this.primitiveClass(elem);
    const cls = new JClass(desc, ACC_PUBLIC | ACC_FINAL | ACC_ABSTRACT, null);
    cls.id = this.nextClassId++;
    cls.componentType = comp;
    cls.boot = comp.isPrimitive || comp.boot;
    const obj = this.loadClass("java/lang/Object");
    cls.superClass = obj;
    cls.supers.add(obj);
    cls.supers.add(this.loadClass("java/lang/Cloneable"));
    cls.supers.add(this.loadClass("java/io/Serializable"));
    cls.state = InitState.Initialized;
    comp.arrayClass = cls;
    this.classes.set(desc, cls);
    return cls;
  }

  /** Class for a field descriptor (primitive, array or class). */
  classForDescriptor(desc: string): JClass {
    if (desc.startsWith("[")) return this.arrayClassOf(desc);
    if (desc.startsWith("L")) return this.loadClass(desc.slice(1, -1));
    return this.primitiveClass(desc);
  }

  /**
   * Resolves a class for thread `t`; on failure sets t.exc to the Java exception and returns null.
   */
  resolveClass(t: JThread, name: string): JClass | null {
    const hit = this.classes.get(name);
    if (hit) return hit;
    try {
      return this.loadClass(name);
    } catch (e) {
      this.raiseFailure(t, e);
      return null;
    }
  }

  /** Turns a host-side failure (LinkageFailure) into a pending Java exception. */
  raiseFailure(t: JThread, e: unknown): void {
    if (e instanceof LinkageFailure) {
      t.exc = this.newThrowable(t, e.javaClass, e.detail);
      return;
    }
    if (e instanceof RangeError && /call stack/.test(e.message)) {
      t.exc = this.newThrowable(t, "java/lang/StackOverflowError", null);
      return;
    }
    throw e;
  }

  // ---- objects and arrays --------------------------------------------------------------------

  newObject(cls: JClass): JObject {
    const o = new JObject(cls, cls.instanceDefaults.slice(), null);
    if (cls.primDefaults !== null) o.p = cls.primDefaults.slice();
    this.heap.account(o);
    return o;
  }

  newArray(cls: JClass, len: number): JObject {
    const o = new JObject(cls, null, makeStorage(cls.elementDescriptor!, len));
    this.heap.account(o);
    return o;
  }

  /** Allocation safepoint used by the interpreter before `new`/`newarray`: may collect; false = OOM pending. */
  reserve(t: JThread, bytes: number): boolean {
    const h = this.heap;
    if (!h.needsCollection(bytes) && !this.requestGc) return true;
    h.collect((mark) => this.markRoots(mark), this.requestGc ? "System.gc()" : "Allocation Failure");
    this.requestGc = false;
    if (h.wouldExceed(bytes)) {
      t.exc = this.newThrowable(t, "java/lang/OutOfMemoryError", "Java heap space");
      return false;
    }
    return true;
  }

  private markRoots(mark: (o: unknown) => void): void {
    for (const c of this.classes.values()) {
      for (const v of c.statics) mark(v);
      mark(c.mirror);
    }
    for (const c of this.primitiveClasses.values()) mark(c.mirror);
    for (const s of this.interned.values()) mark(s);
    for (const t of this.threads) {
      mark(t.jthread);
      mark(t.exc);
      mark(t.blockedOn);
      const top = t.frame;
      const limit = top ? Math.min(t.s.length, top.bp + top.m.maxLocals + top.m.maxStack + 4) : 0;
      for (let i = 0; i < limit; i++) {
        const v = t.s[i];
        if (v !== null && typeof v === "object") mark(v);
      }
      for (const f of t.frames) mark(f.lockObj);
    }
    for (const r of this.extraRoots) mark(r);
  }
  /** Objects held by natives across calls (e.g. System.in buffer). */
  readonly extraRoots = new Set<JObject>();

  identityHash(o: JObject): number {
    if (o.hash === 0) {
      // Marsaglia xorshift, like HotSpot's default hashCode mode 5, kept positive and non-zero.
      let x = this.hashState;
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.hashState = x | 0;
      o.hash = (x & 0x7fffffff) || 1;
    }
    return o.hash;
  }

  // ---- strings -------------------------------------------------------------------------------

  private stringValueSlot = -1;
  private stringClass: JClass | null = null;

  /** A new java.lang.String with the UTF-16 contents of `s`. */
  newString(s: string): JObject {
    const sc = (this.stringClass ??= this.loadClass("java/lang/String"));
    if (this.stringValueSlot < 0) this.stringValueSlot = sc.findField("value")!.slot;
    const chars = new Uint16Array(s.length);
    for (let i = 0; i < s.length; i++) chars[i] = s.charCodeAt(i);
    const arr = this.newArray(this.arrayClassOf("[C"), 0);
    arr.a = chars;
    const o = this.newObject(sc);
    o.f![this.stringValueSlot] = arr;
    return o;
  }

  intern(s: string): JObject {
    let o = this.interned.get(s);
    if (!o) {
      o = this.newString(s);
      this.interned.set(s, o);
    }
    return o;
  }

  /** JS string of a java.lang.String (null -> "null"). */
  str(o: JObject | null): string {
    if (o === null) return "null";
    if (this.stringValueSlot < 0) this.stringValueSlot = this.loadClass("java/lang/String").findField("value")!.slot;
    const chars = (o.f![this.stringValueSlot] as JObject).a as Uint16Array;
    let out = "";
    for (let i = 0; i < chars.length; i += 8192) out += String.fromCharCode(...chars.subarray(i, i + 8192));
    return out;
  }

  // ---- exceptions ----------------------------------------------------------------------------

  /** Creates a Throwable of class `name` with a detail message and the thread's backtrace, without running Java code. */
  newThrowable(t: JThread, name: string, msg: string | null, cause: JObject | null = null): JObject {
    const cls = this.loadClass(name);
    for (let c: JClass | null = cls; c && c.state !== InitState.Initialized; c = c.superClass) c.state = InitState.Initialized;
    const o = this.newObject(cls);
    const tc = this.loadClass("java/lang/Throwable");
    o.f![tc.findField("detailMessage")!.slot] = msg === null ? null : this.newString(msg);
    o.f![tc.findField("cause")!.slot] = cause ?? o;
    this.fillInStackTrace(t, o, false);
    return o;
  }

  /** Records the backtrace [method, pc, method, pc...] of `t` into `o.nat` (Throwable.fillInStackTrace). */
  fillInStackTrace(t: JThread, o: JObject, skipCtor: boolean): void {
    const bt: (JMethod | number)[] = [];
    let i = t.frames.length - 1;
    if (skipCtor) {
      while (i >= 0 && t.frames[i]!.m.name === "fillInStackTrace") i--;
      while (i >= 0) {
        const f = t.frames[i]!;
        if (f.m.name === "<init>" && t.s[f.bp] === o) i--;
        else break;
      }
    }
    for (; i >= 0; i--) {
      const f = t.frames[i]!;
      if (f.m.synthetic !== null && f.m.cls.synthetic !== null) continue; // lambda proxies are hidden frames
      if (f.launcher && f.m.cls.state !== InitState.Initialized) continue; // main has not started yet
      bt.push(f.m, i === t.frames.length - 1 && !skipCtor ? f.pc : f.cpc);
    }
    o.nat = bt;
  }

  // ---- class initialization (JVMS §5.5) -------------------------------------------------------

  /**
   * Ensures `cls` is initialized for thread `t`. Returns true if the caller may proceed now.
   * Otherwise frames for the <clinit> methods were pushed (superclass first to run) and the
   * caller must re-execute its instruction when they return, or an exception is pending, or
   * the thread must wait for another thread's initialization.
   */
  initialize(t: JThread, cls: JClass): boolean {
    if (cls.state === InitState.Initialized) return true;
    if (cls.state === InitState.BeingInitialized) {
      if (cls.initThread === t) return true;
      t.yieldNow = true; // another thread is initializing: retry later (step 2)
      return false;
    }
    if (cls.state === InitState.Erroneous) {
      const cause = cls.initErrorText === null ? null : this.newThrowable(t, "java/lang/ExceptionInInitializerError", cls.initErrorText);
      if (cause !== null) {
        // The summary has no stack trace of its own in JDK 17 (it was recorded at the failure).
        cause.nat = [];
      }
      t.exc = this.newThrowable(t, "java/lang/NoClassDefFoundError", `Could not initialize class ${cls.javaName}`, cause);
      return false;
    }
    const chain: JClass[] = [];
    for (let c: JClass | null = cls; c && c.state === InitState.Linked; c = c.superClass) chain.push(c);
    // Pushed bottom-up, so the topmost superclass's <clinit> is on top and runs first (step 7).
    for (const c of chain) {
      c.state = InitState.BeingInitialized;
      c.initThread = t;
      const clinit = c.methods.get("<clinit>()V") ?? this.emptyClinit(c);
      const top = t.frame;
      const bp = top ? top.sp + (top.initCls ? top.m.maxStack : 0) : 0;
      const f = t.pushFrame(clinit, bp);
      f.initCls = c;
    }
    this.applyConstantValues(chain);
    return false;
  }

  /** Static fields with a ConstantValue attribute get their value at preparation/initialization (JVMS §5.5 step 6). */
  private applyConstantValues(chain: JClass[]): void {
    for (const c of chain) {
      for (const f of c.fields.values()) {
        const cv = f.info?.constantValue;
        if (f.isStatic && cv !== undefined && c.cf) {
          const raw = c.cf.cp.raw[cv];
          if (f.slot >= 0) c.statics[f.slot] = typeof raw === "object" && raw !== null ? this.intern(c.cf.cp.string(cv)) : raw;
        }
      }
    }
  }

  private emptyClinit(c: JClass): JMethod {
    return new JMethod(c, "<clinit>", "()V", 0x0008, { maxStack: 0, maxLocals: 0, code: new Uint8Array([0xb1]), handlers: [], lineNumbers: [], localVariables: [] });
  }

  /** Called when a <clinit> frame completes normally (step 10) or abruptly (step 11). */
  finishInit(t: JThread, cls: JClass, exc: JObject | null): JObject | null {
    if (exc === null) {
      cls.state = InitState.Initialized;
      cls.initThread = null;
      return null;
    }
    cls.state = InitState.Erroneous;
    cls.initThread = null;
    // JDK 17 keeps a summary of the failure; later uses throw NoClassDefFoundError("Could not
    // initialize class X") caused by ExceptionInInitializerError("Exception <e> [in thread "T"]").
    const tc = this.loadClass("java/lang/Throwable");
    const msg = tc.findField("detailMessage")!;
    const m = exc.f![msg.slot] as JObject | null;
    cls.initErrorText = `Exception ${exc.cls.javaName}${m === null ? "" : ": " + this.str(m)} [in thread "${t.name}"]`;
    const errCls = this.loadClass("java/lang/Error");
    if (exc.cls.isSubclassOf(errCls)) return exc;
    return this.newThrowable(t, "java/lang/ExceptionInInitializerError", null, exc);
  }

  // ---- threads and scheduling ----------------------------------------------------------------

  newThread(jthread: JObject | null, name: string): JThread {
    const t = new JThread(this, this.nextThreadId++, jthread, name);
    this.threads.push(t);
    return t;
  }

  /** Round-robin position of the scheduler (kept across run() slices). */
  private schedIdx = 0;
  /** The exit status once the program has ended (null while it runs or before start()). */
  exitCode: number | null = null;

  /**
   * Runs the program for about `budget` bytecodes (all threads; quanta are cut to what is left,
   * a compiled block may finish a few bytecodes beyond) and says why it stopped: "budget" (call
   * again to continue: the VM's state lives on the heap, in frames and slot arrays, so a run can
   * be resumed at any quantum boundary) or "exit" (every non-daemon thread ended, System.exit, a
   * deadlock or the maxBytecodes guard; `exitCode` holds the status).
   */
  run(budget = Infinity): "budget" | "exit" {
    if (this.exitCode !== null) return "exit";
    if (this.mainThread === null) throw new Error("Jvm.run: start() has not launched a main class");
    try {
      const status = this.schedule(this.bytecodes + budget);
      if (status === null) {
        this.flush();
        return "budget";
      }
      this.exitCode = status;
    } catch (e) {
      if (!(e instanceof VmExit)) throw e;
      this.exitCode = e.status;
    }
    this.flush();
    return "exit";
  }

  /** The scheduler: runs quanta until bytecodes reach `until` (null) or the program ends (its status). */
  private schedule(until: number): number | null {
    while (this.bytecodes < until) {
      if (!this.threads.some((x) => x.state !== ThreadState.Terminated && !x.daemon)) return this.exitStatus ?? (this.mainDiedWithException ? 1 : 0);
      let ran = false;
      for (let n = 0; n < this.threads.length; n++) {
        const t = this.threads[(this.schedIdx + n) % this.threads.length]!;
        if (!this.canRun(t)) continue;
        this.schedIdx = (this.schedIdx + n + 1) % this.threads.length;
        this.current = t;
        // One thread alone needs no preemption: give it long quanta (cheaper scheduling).
        this.quanta++;
        const quantum = this.threads.length === 1 ? this.quantum * 50 : this.quantum;
        interpret(t, Math.max(1, Math.min(quantum, until - this.bytecodes)));
        this.virtualTimeMs += 1;
        if (this.opts.maxBytecodes !== undefined && this.bytecodes > this.opts.maxBytecodes) {
          this.flush();
          this.opts.stderr(new TextEncoder().encode(`jvm-lite: bytecode limit ${this.opts.maxBytecodes} exceeded\n`));
          return 134;
        }
        ran = true;
        break;
      }
      if (!ran) {
        // Everybody waits: advance virtual time to the earliest timed wake-up.
        let wake = Infinity;
        for (const t of this.threads) if ((t.state === ThreadState.Waiting || t.state === ThreadState.Blocked) && t.wakeAt < wake) wake = t.wakeAt;
        if (wake === Infinity) {
          // Deadlock: java would hang forever; we stop with a diagnostic.
          this.opts.stderr(new TextEncoder().encode("jvm-lite: all threads are blocked (deadlock)\n"));
          return 1;
        }
        this.virtualTimeMs = Math.max(this.virtualTimeMs, wake);
      }
      if (this.threads.some((x) => x.state === ThreadState.Terminated && x !== this.mainThread)) {
        this.threads.splice(0, this.threads.length, ...this.threads.filter((x) => x.state !== ThreadState.Terminated || x === this.mainThread));
      }
    }
    return null;
  }

  mainThread: JThread | null = null;
  mainDiedWithException = false;

  /** Whether `t` can run now; moves timed-out waiters and monitor re-acquirers forward. */
  private canRun(t: JThread): boolean {
    switch (t.state) {
      case ThreadState.Runnable:
        return true;
      case ThreadState.Blocked:
        return true; // re-executes monitorenter
      case ThreadState.Waiting:
        if (t.wakeAt <= this.virtualTimeMs) {
          t.wakeAt = Infinity;
          const now = this.javaNowMs();
          // 1 ns beyond the end, so floor()ed nanoTime differences reach the requested duration.
          if (now < t.wakeClockMs) this.clockOffsetMs += t.wakeClockMs - now + 1e-6;
          if (t.waitingOn) {
            const ws = t.waitingOn.waitSet;
            const i = ws.indexOf(t);
            if (i >= 0) ws.splice(i, 1);
            t.state = ThreadState.Reacquire;
          } else t.state = ThreadState.Runnable;
          return this.canRun(t);
        }
        return false;
      case ThreadState.Reacquire: {
        const m = t.waitingOn!;
        if (m.owner === null) {
          m.owner = t;
          m.count = t.savedCount;
          t.waitingOn = null;
          t.state = ThreadState.Runnable;
          if (t.interrupted && t.exc === null && t.pendingInterruptOnWake) {
            t.interrupted = false;
            t.pendingInterruptOnWake = false;
            t.exc = this.newThrowable(t, "java/lang/InterruptedException", null);
          }
          return true;
        }
        return false;
      }
      default:
        return false;
    }
  }

  // ---- launching ----------------------------------------------------------------------------

  /**
   * Runs `className.main(args)` like the java launcher to the end and returns the exit status.
   * Launcher errors (missing class or main method) are printed as java prints them.
   */
  runMain(className: string, args: readonly string[]): number {
    if (this.start(className, args)) while (this.run() !== "exit");
    return this.exitCode!;
  }

  /**
   * Launches `className.main(args)` without running a bytecode: returns true when main is ready
   * for run(), false after a launcher error (printed as java prints it; `exitCode` is 1).
   */
  start(className: string, args: readonly string[]): boolean {
    if (this.mainThread !== null || this.exitCode !== null) throw new Error("Jvm.start: a VM runs one main class");
    const bin = className.replace(/\./g, "/");
    let cls: JClass;
    try {
      cls = this.loadClass(bin);
    } catch (e) {
      if (!(e instanceof LinkageFailure)) throw e;
      if (e.javaClass === "java/lang/NoClassDefFoundError" && e.detail === bin) {
        this.write(2, `Error: Could not find or load main class ${className}\nCaused by: java.lang.ClassNotFoundException: ${className}\n`);
      } else {
        this.write(2, `Error: Could not find or load main class ${className}\nCaused by: ${e.javaClass.replace(/\//g, ".")}: ${e.detail ?? ""}\n`);
      }
      this.flush();
      this.exitCode = 1;
      return false;
    }
    const main = cls.methods.get("main([Ljava/lang/String;)V");
    if (!main || !main.isStatic) {
      this.write(2, `Error: Main method not found in class ${className}, please define the main method as:\n   public static void main(String[] args)\nor a JavaFX application class must extend javafx.application.Application\n`);
      this.flush();
      this.exitCode = 1;
      return false;
    }
    const t = this.newThread(null, "main");
    this.mainThread = t;
    const tc = this.loadClass("java/lang/Thread");
    const jt = this.newObject(tc);
    setField(jt, tc.findField("name")!, this.intern("main"));
    setField(jt, tc.findField("priority")!, 5);
    setField(jt, tc.findField("tid")!, 1n);
    jt.nat = t;
    t.jthread = jt;
    const argArr = this.newArray(this.arrayClassOf("[Ljava/lang/String;"), args.length);
    args.forEach((a, i) => ((argArr.a as JObject[])[i] = this.newString(a)));
    t.s[0] = argArr;
    t.pushFrame(main, 0).launcher = true;
    t.state = ThreadState.Runnable;
    // JVMS §5.2: the initial class is initialized before main runs; box classes too (the VM boxes natively).
    this.initialize(t, cls);
    for (const b of ["java/lang/Integer", "java/lang/Boolean", "java/lang/Character", "java/lang/Long", "java/lang/Short", "java/lang/Byte"]) {
      this.initialize(t, this.loadClass(b));
    }
    return true;
  }

  property(key: string): string | undefined {
    const p = this.opts.properties ?? {};
    if (key in p) return p[key];
    const defaults: Record<string, string> = {
      "java.version": "17.0.15",
      "java.specification.version": "17",
      "java.vm.name": "jvm-lite",
      "java.vendor": "Strata",
      "line.separator": "\n",
      "file.separator": "/",
      "path.separator": ":",
      "file.encoding": "UTF-8",
      "os.name": "Linux",
      "os.arch": "amd64",
      "user.dir": "/",
      "user.name": "strata",
      "java.io.tmpdir": "/tmp",
    };
    return defaults[key];
  }

  get availableProcessors(): number {
    return this.opts.availableProcessors ?? 1;
  }

  requestGc = false;
  private seed = 0;
  /** Math.random: a 48-bit LCG like java.util.Random's, seeded deterministically. */
  random(): number {
    if (this.seed === 0) this.seed = ((this.opts.randomSeed ?? 42) ^ 0x5deece66d) % 2 ** 48;
    const next = (bits: number): number => {
      this.seed = Number((BigInt(this.seed) * 0x5deece66dn + 0xbn) & 0xffffffffffffn);
      return Math.floor(this.seed / 2 ** (48 - bits));
    };
    return (next(26) * 2 ** 27 + next(27)) * 2 ** -53;
  }

  /** StackTraceElement[] for a Throwable's recorded backtrace. */
  stackTraceElements(thr: JObject): JObject {
    const bt = (thr.nat as (JMethod | number)[] | undefined) ?? [];
    const sc = this.loadClass("java/lang/StackTraceElement");
    const arr = this.newArray(this.arrayClassOf("[Ljava/lang/StackTraceElement;"), bt.length / 2);

    for (let i = 0; i < bt.length; i += 2) {
      const m = bt[i] as JMethod;
      const pc = bt[i + 1] as number;
      const e = this.newObject(sc);
      const set = (name: string, v: unknown): void => setField(e, sc.findField(name)!, v);
      set("moduleName", m.cls.boot ? this.intern("java.base") : null);
      set("declaringClass", this.intern(m.cls.javaName));
      set("methodName", this.intern(m.name));
      const file = m.cls.cf?.sourceFile;
      set("fileName", file === undefined ? null : this.intern(file));
      set("lineNumber", m.isNative ? -2 : m.lineAt(pc));
      (arr.a as JObject[])[i / 2] = e;
    }
    return arr;
  }

  // ---- standard streams ----------------------------------------------------------------------

  private outBuf: string[] = [];
  private errBuf: string[] = [];
  private outLen = 0;
  private readonly enc = new TextEncoder();

  /** Text written to fd 1 (stdout) or 2 (stderr), UTF-8 encoded on flush. */
  write(fd: number, s: string): void {
    if (fd === 2) {
      this.flushOut();
      this.errBuf.push(s);
      this.flushErr();
      return;
    }
    this.outBuf.push(s);
    this.outLen += s.length;
    if (this.outLen > 1 << 16) this.flushOut();
  }
  writeBytes(fd: number, b: Uint8Array): void {
    this.flushOut();
    if (fd === 2) this.opts.stderr(b.slice());
    else this.opts.stdout(b.slice());
  }
  private flushOut(): void {
    if (this.outBuf.length > 0) {
      this.opts.stdout(this.enc.encode(this.outBuf.join("")));
      this.outBuf = [];
      this.outLen = 0;
    }
  }
  private flushErr(): void {
    if (this.errBuf.length > 0) {
      this.opts.stderr(this.enc.encode(this.errBuf.join("")));
      this.errBuf = [];
    }
  }
  flush(): void {
    this.flushOut();
    this.flushErr();
  }

  readStdin(): number {
    if (this.stdinBuf === null) this.stdinBuf = this.opts.stdin?.() ?? new Uint8Array(0);
    if (this.stdinPos >= this.stdinBuf.length) return -1;
    return this.stdinBuf[this.stdinPos++]!;
  }
  stdinAvailable(): number {
    if (this.stdinBuf === null) this.stdinBuf = this.opts.stdin?.() ?? new Uint8Array(0);
    return this.stdinBuf.length - this.stdinPos;
  }

  counters(): Record<string, number> {
    return {
      "jvm.bytecodes": this.bytecodes,
      "jvm.methods_invoked": this.methodsInvoked,
      "jvm.classes_loaded": this.classes.size,
      "jit.methods_compiled": this.jitCompiled,
      "jit.entries": this.jitEntries,
      "jvm.threads_started": this.nextThreadId - 1,
      "sched.quanta": this.quanta,
      "gc.cycles": this.heap.cycles,
      "gc.bytes_freed": this.heap.bytesFreed,
      "gc.bytes_allocated": this.heap.bytesAllocated,
      "gc.objects_allocated": this.heap.objectsAllocated,
      "gc.heap_used": this.heap.used,
    };
  }
}

export function makeStorage(elem: string, len: number): ArrayStorage {
  switch (elem) {
    case "I":
      return new Int32Array(len);
    case "B":
    case "Z":
      return new Int8Array(len);
    case "C":
      return new Uint16Array(len);
    case "S":
      return new Int16Array(len);
    case "F":
      return new Float32Array(len);
    case "D":
      return new Float64Array(len);
    case "J":
      return new BigInt64Array(len);
    default:
      return new Array<JObject | null>(len).fill(null);
  }
}

