/* Slow paths of the interpreter: resolution (JVMS §5.4.3), invocation and return, exception
 * unwinding (JVMS §2.10), monitors, and the VM-created exceptions with HotSpot's messages. */
import { CONSTANT_Class, CONSTANT_Double, CONSTANT_Float, CONSTANT_Integer, CONSTANT_Long, CONSTANT_String } from "../classfile/constant-pool";
import type { ExceptionHandler } from "../classfile/class-file";
import { descriptorToJavaName, parseMethodDescriptor } from "../classfile/descriptors";
import { InitState, type JClass, type JField, type JMethod } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import { Monitor } from "../threads/monitor";
import { type JThread, ThreadState } from "../threads/thread";
import { classMirror } from "../natives/mirrors";
import { LinkageFailure } from "../vm";
import { helpfulNpeMessage } from "./helpful-npe";
export { invokeDynamic } from "./indy";

/** Returned by a native that pushed a frame whose return value becomes the native's result. */
export const TAILCALL = Symbol("tailcall");

export interface InvokeSite {
  readonly method: JMethod;
  readonly argSlots: number;
  /** Needs selection on the receiver's class (JVMS §5.4.6). */
  readonly virtual: boolean;
  lastClass: JClass | null;
  lastTarget: JMethod | null;
  readonly display: string;
}

/** 'int Foo.bar(java.lang.String)' as HotSpot prints methods in NoSuchMethodError and friends. */
export function methodDisplay(cls: string, name: string, desc: string): string {
  const d = parseMethodDescriptor(desc);
  return `${descriptorToJavaName(d.ret)} ${cls.replace(/\//g, ".")}.${name}(${d.params.map(descriptorToJavaName).join(", ")})`;
}

export function resolveClassAt(t: JThread, m: JMethod, idx: number): JClass | null {
  const name = m.cls.cf!.cp.className(idx);
  return t.vm.resolveClass(t, name);
}

export function resolveFieldAt(t: JThread, m: JMethod, idx: number, isStatic: boolean, _isPut: boolean): JField | null {
  const ref = m.cls.cf!.cp.memberRef(idx);
  const cls = t.vm.resolveClass(t, ref.className);
  if (cls === null) return null;
  const f = cls.findField(ref.name);
  if (f === null || f.descriptor !== ref.descriptor) {
    t.exc = t.vm.newThrowable(t, "java/lang/NoSuchFieldError", ref.name);
    return null;
  }
  if (f.isStatic !== isStatic) {
    t.exc = t.vm.newThrowable(t, "java/lang/IncompatibleClassChangeError", `Expected ${isStatic ? "static" : "non-static"} field ${f.cls.javaName}.${f.name}`);
    return null;
  }
  return f;
}

export function resolveInvoke(t: JThread, m: JMethod, op: number, idx: number): InvokeSite | null {
  const vm = t.vm;
  const ref = m.cls.cf!.cp.memberRef(idx);
  const cls = vm.resolveClass(t, ref.className);
  if (cls === null) return null;
  const nd = ref.name + ref.descriptor;
  const display = methodDisplay(ref.className, ref.name, ref.descriptor);
  if (op === 0xb9 && !cls.isInterface) {
    t.exc = vm.newThrowable(t, "java/lang/IncompatibleClassChangeError", `Found class ${cls.javaName}, but interface was expected`);
    return null;
  }
  const method = cls.isInterface ? cls.findInterfaceMethod(nd) : cls.resolveMethod(nd);
  if (method === null) {
    t.exc = vm.newThrowable(t, "java/lang/NoSuchMethodError", `'${display}'`);
    return null;
  }
  if ((op === 0xb8) !== method.isStatic) {
    t.exc = vm.newThrowable(t, "java/lang/IncompatibleClassChangeError", `Expected ${op === 0xb8 ? "static" : "non-static"} method '${methodDisplay(method.cls.name, method.name, method.descriptor)}'`);
    return null;
  }
  let target = method;
  let virtual = false;
  if (op === 0xb6 || op === 0xb9) {
    virtual = !method.isPrivate && !((method.access & 0x0010) !== 0 && !method.cls.isInterface);
  } else if (op === 0xb7 && method.name !== "<init>" && !method.isPrivate && !cls.isInterface) {
    // invokespecial super call (ACC_SUPER semantics, JVMS §6.5 invokespecial): select from the
    // current class's direct superclass when the resolved class is a superclass.
    const cur = m.cls;
    if (cur.superClass && cur !== cls && cur.isSubclassOf(cls)) {
      const sel = cur.superClass.selectVirtual(nd);
      if (sel) target = sel;
    }
  }
  return { method: target, argSlots: target.argSlots, virtual, lastClass: null, lastTarget: null, display };
}

export function ldc(t: JThread, m: JMethod, idx: number): unknown {
  const cp = m.cls.cf!.cp;
  switch (cp.tags[idx]) {
    case CONSTANT_Integer:
    case CONSTANT_Float:
    case CONSTANT_Long:
    case CONSTANT_Double:
      return cp.raw[idx];
    case CONSTANT_String:
      return t.vm.intern(cp.string(idx));
    case CONSTANT_Class: {
      const c = t.vm.resolveClass(t, cp.className(idx));
      return c === null ? null : classMirror(t.vm, c);
    }
    default:
      t.exc = t.vm.newThrowable(t, "java/lang/InternalError", `ldc of constant pool tag ${cp.tags[idx]} is not supported by jvm-lite`);
      return null;
  }
}

/** Invokes `m` whose arguments start at s[argBase]; the caller frame's pc/sp are already saved. */
export function invoke(t: JThread, m: JMethod, argBase: number): void {
  const vm = t.vm;
  vm.methodsInvoked++;
  if (m.synthetic !== null) {
    (m.synthetic as (t: JThread, m: JMethod, argBase: number) => void)(t, m, argBase);
    return;
  }
  if (m.isAbstract) {
    t.exc = vm.newThrowable(t, "java/lang/AbstractMethodError", `'${methodDisplay(m.cls.name, m.name, m.descriptor)}'`);
    return;
  }
  let lock: JObject | null = null;
  if (m.isSynchronized) {
    lock = m.isStatic ? classMirror(vm, m.cls) : (t.s[argBase] as JObject);
    if (!monitorEnter(t, lock)) {
      const caller = t.frame!;
      caller.pc = caller.cpc; // re-execute the invoke when the monitor is free
      caller.sp = argBase + m.argSlots;
      return;
    }
  }
  if (m.isNative) {
    callNative(t, m, argBase);
    if (lock !== null) monitorExit(t, lock);
    return;
  }
  if (t.frames.length >= vm.maxDepth) {
    if (lock !== null) monitorExit(t, lock);
    t.exc = vm.newThrowable(t, "java/lang/StackOverflowError", null);
    return;
  }
  const f = t.pushFrame(m, argBase);
  f.lockObj = lock;
}

function callNative(t: JThread, m: JMethod, argBase: number): void {
  const fn = m.native;
  if (fn === null) {
    t.exc = t.vm.newThrowable(t, "java/lang/UnsatisfiedLinkError", `'${methodDisplay(m.cls.name, m.name, m.descriptor)}'`);
    return;
  }
  let offs = m.argOffsets;
  let prim = m.argPrim!;
  if (offs === null) {
    offs = [];
    prim = [];
    let o = 0;
    if (!m.isStatic) {
      offs.push(o++);
      prim.push(false);
    }
    for (const p of parseMethodDescriptor(m.descriptor).params) {
      offs.push(o);
      prim.push(p.length === 1 && p !== "J");
      o += p === "J" || p === "D" ? 2 : 1;
    }
    m.argOffsets = offs;
    m.argPrim = prim;
  }
  const s = t.s;
  const n = t.n;
  const arg = (i: number): unknown => (prim[i] ? n[argBase + offs[i]!] : s[argBase + offs[i]!]);
  let r: unknown;
  switch (offs.length) {
    case 0:
      r = fn(t);
      break;
    case 1:
      r = fn(t, arg(0));
      break;
    case 2:
      r = fn(t, arg(0), arg(1));
      break;
    case 3:
      r = fn(t, arg(0), arg(1), arg(2));
      break;
    default:
      r = fn(t, ...offs.map((_o, i) => arg(i)));
  }
  if (t.exc !== null || r === TAILCALL) return;
  if (m.retSlots !== 0) {
    const caller = t.frame!;
    if (caller.sp + 2 > t.s.length) t.grow(caller.sp + 2);
    pushValue(t, caller.sp, r);
    caller.sp += m.retSlots;
  }
}

/** Pops the top frame and hands `v` (of `slots` slots) to the caller (JVMS §6.5 ireturn...). */
export function doReturn(t: JThread, v: unknown, slots: number): void {
  const f = t.frames.pop()!;
  if (f.lockObj !== null) monitorExit(t, f.lockObj);
  if (f.initCls !== null) {
    t.vm.finishInit(t, f.initCls, null);
    return;
  }
  if (f.retAdapt !== null) {
    v = f.retAdapt(t, v);
    slots = f.adaptSlots;
    if (t.exc !== null) return;
  }
  const c = t.frame;
  if (c === undefined) {
    threadFinished(t);
    return;
  }
  if (slots !== 0) {
    pushValue(t, c.sp, v);
    c.sp += slots;
  }
}

/** Stores a value of unknown static type in slot i: numbers in `n`, references and longs in `s`. */
export function pushValue(t: JThread, i: number, v: unknown): void {
  if (typeof v === "number") t.n[i] = v;
  else t.s[i] = v;
}

const catchClasses = new WeakMap<ExceptionHandler, JClass>();

/**
 * Throws t.exc through the frames (JVMS §2.10): the first handler whose range covers the
 * frame's current instruction and whose type matches gets control. Returns false when the
 * thread has terminated.
 */
export function unwind(t: JThread): boolean {
  const vm = t.vm;
  let exc = t.exc!;
  for (;;) {
    const f = t.frame;
    if (f === undefined) break;
    const pcx = f.cpc;
    const started = !f.launcher || f.m.cls.state === InitState.Initialized;
    for (const h of started ? f.m.handlers : []) {
      if (pcx < h.startPc || pcx >= h.endPc) continue;
      let ok = h.catchType === 0;
      if (!ok) {
        let cc = catchClasses.get(h);
        if (cc === undefined) {
          try {
            cc = vm.loadClass(f.m.cls.cf!.cp.className(h.catchType));
            catchClasses.set(h, cc);
          } catch (e) {
            if (!(e instanceof LinkageFailure)) throw e;
          }
        }
        ok = cc !== undefined && exc.cls.isSubclassOf(cc);
      }
      if (ok) {
        f.pc = h.handlerPc;
        f.sp = f.bp + f.m.maxLocals;
        t.s[f.sp++] = exc;
        t.exc = null;
        return true;
      }
    }
    t.frames.pop();
    if (f.lockObj !== null) {
      const mon = f.lockObj.monitor;
      if (mon && mon.owner === t && --mon.count === 0) mon.owner = null;
    }
    if (f.initCls !== null) exc = vm.finishInit(t, f.initCls, exc)!;
  }
  // Uncaught: like HotSpot, call Thread.dispatchUncaughtException on the thread itself.
  t.exc = null;
  if (!t.uncaughtDispatched && t.jthread !== null) {
    t.uncaughtDispatched = true;
    if (t === vm.mainThread) vm.mainDiedWithException = true;
    const tc = vm.loadClass("java/lang/Thread");
    const d = tc.resolveMethod("dispatchUncaughtException(Ljava/lang/Throwable;)V");
    if (d) {
      t.s[0] = t.jthread;
      t.s[1] = exc;
      t.pushFrame(d, 0);
      return true;
    }
  }
  threadFinished(t);
  return false;
}

export function threadFinished(t: JThread): void {
  t.state = ThreadState.Terminated;
  const jt = t.jthread;
  if (jt !== null && jt.monitor !== null) {
    for (const w of jt.monitor.waitSet.splice(0)) {
      w.state = ThreadState.Reacquire;
      w.wakeAt = Infinity;
    }
  }
}

export function monitorEnter(t: JThread, o: JObject): boolean {
  let mon = o.monitor;
  if (mon === null) mon = o.monitor = new Monitor();
  if (mon.owner === null) {
    mon.owner = t;
    mon.count = 1;
    if (t.state === ThreadState.Blocked) t.state = ThreadState.Runnable;
    t.blockedOn = null;
    return true;
  }
  if (mon.owner === t) {
    mon.count++;
    return true;
  }
  t.state = ThreadState.Blocked;
  t.blockedOn = o;
  t.yieldNow = true;
  return false;
}

export function monitorExit(t: JThread, o: JObject): boolean {
  const mon = o.monitor;
  if (mon === null || mon.owner !== t) {
    t.exc = t.vm.newThrowable(t, "java/lang/IllegalMonitorStateException", null);
    return false;
  }
  if (--mon.count === 0) mon.owner = null;
  return true;
}

export function npe(t: JThread, m: JMethod, pc: number): JObject {
  return t.vm.newThrowable(t, "java/lang/NullPointerException", helpfulNpeMessage(m, pc));
}

export function aioobe(t: JThread, idx: number, len: number): JObject {
  return t.vm.newThrowable(t, "java/lang/ArrayIndexOutOfBoundsException", `Index ${idx} out of bounds for length ${len}`);
}

export function arithmetic(t: JThread): JObject {
  return t.vm.newThrowable(t, "java/lang/ArithmeticException", "/ by zero");
}

export function negativeSize(t: JThread, n: number): JObject {
  return t.vm.newThrowable(t, "java/lang/NegativeArraySizeException", String(n));
}

export function arrayStoreCheck(t: JThread, arr: JObject, v: JObject): boolean {
  const ct = arr.cls.componentType!;
  if (v.cls === ct || v.cls.isSubclassOf(ct)) return true;
  t.exc = t.vm.newThrowable(t, "java/lang/ArrayStoreException", v.cls.javaName);
  return false;
}

/** HotSpot's module/loader description used in ClassCastException messages (JDK 11+). */
function where(c: JClass): string {
  let e = c;
  while (e.componentType !== null) e = e.componentType;
  return e.boot ? "module java.base of loader 'bootstrap'" : "unnamed module of loader 'app'";
}

export function checkcastFailure(t: JThread, from: JClass, to: JClass): JObject {
  const a = from.javaName;
  const b = to.javaName;
  const wa = where(from);
  const wb = where(to);
  const tail = wa === wb ? `${a} and ${b} are in ${wa}` : `${a} is in ${wa}; ${b} is in ${wb}`;
  return t.vm.newThrowable(t, "java/lang/ClassCastException", `class ${a} cannot be cast to class ${b} (${tail})`);
}

export function newArrayOf(t: JThread, desc: string, n: number): JObject | null {
  const vm = t.vm;
  const cls = vm.arrayClassOf(desc);
  if (!vm.reserve(t, 16 + n * cls.elementSize)) return null;
  return vm.newArray(cls, n);
}

export function multiANewArray(t: JThread, m: JMethod, idx: number, dims: number[]): JObject | null {
  const cls = resolveClassAt(t, m, idx);
  if (cls === null) return null;
  for (const d of dims) {
    if (d < 0) {
      t.exc = negativeSize(t, d);
      return null;
    }
  }
  const make = (c: JClass, level: number): JObject | null => {
    const n = dims[level]!;
    const arr = newArrayOf(t, c.name, n);
    if (arr === null) return null;
    if (level + 1 < dims.length) {
      const a = arr.a as (JObject | null)[];
      for (let i = 0; i < n; i++) {
        const sub = make(c.componentType!, level + 1);
        if (sub === null) return null;
        a[i] = sub;
      }
    }
    return arr;
  };
  return make(cls, 0);
}
