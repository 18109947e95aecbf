/* Natives of java.lang (one registry per Java package; keys are name + JVM descriptor). */
import { ACC_INTERFACE } from "../classfile/access-flags";
import type { JClass, NativeFn } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import { javaDoubleToString, javaFloatToString, parseJavaDouble } from "../runtime/number-format";
import { type JThread, ThreadState } from "../threads/thread";
import { VmExit } from "../vm";
import { classMirror, mirrorClass } from "./mirrors";
import { intrinsicFunction, MATH_INTRINSICS } from "./math-intrinsics";
import { javaRegex, javaReplacement, javaSplit } from "./regex";
import { threadNatives } from "./java_lang_thread";

type Natives = Record<string, NativeFn>;

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
const f32 = new Float32Array(1);
const i32 = new Int32Array(f32.buffer);

function newStringArray(t: JThread, items: string[]): JObject {
  const vm = t.vm;
  const arr = vm.newArray(vm.arrayClassOf("[Ljava/lang/String;"), items.length);
  const a = arr.a as (JObject | null)[];
  for (let i = 0; i < items.length; i++) a[i] = vm.newString(items[i]!);
  return arr;
}

function throwNew(t: JThread, cls: string, msg: string | null): undefined {
  t.exc = t.vm.newThrowable(t, cls, msg);
  return undefined;
}


const object: Natives = {
  "getClass()Ljava/lang/Class;": (t: JThread, self: JObject) => classMirror(t.vm, self.cls),
  "hashCode()I": (t: JThread, self: JObject) => t.vm.identityHash(self),
  "clone()Ljava/lang/Object;": (t: JThread, self: JObject) => {
    const vm = t.vm;
    if (self.a !== null) {
      const o = vm.newArray(self.cls, 0);
      o.a = self.a.slice();
      vm.heap.used += self.a.length * self.cls.elementSize;
      return o;
    }
    if (!self.cls.isSubclassOf(vm.loadClass("java/lang/Cloneable"))) return throwNew(t, "java/lang/CloneNotSupportedException", self.cls.javaName);
    const o = vm.newObject(self.cls);
    o.f = self.f!.slice();
    if (self.p !== null) o.p = self.p.slice();
    return o;
  },
  "notify()V": (t: JThread, self: JObject) => notify(t, self, false),
  "notifyAll()V": (t: JThread, self: JObject) => notify(t, self, true),
  "wait(J)V": (t: JThread, self: JObject, ms: bigint) => {
    const mon = self.monitor;
    if (mon === null || mon.owner !== t) return throwNew(t, "java/lang/IllegalMonitorStateException", "current thread is not owner");
    if (ms < 0n) return throwNew(t, "java/lang/IllegalArgumentException", "timeout value is negative");
    if (t.interrupted) {
      t.interrupted = false;
      return throwNew(t, "java/lang/InterruptedException", null);
    }
    t.savedCount = mon.count;
    mon.owner = null;
    mon.count = 0;
    mon.waitSet.push(t);
    t.waitingOn = mon;
    t.state = ThreadState.Waiting;
    t.wakeAt = ms === 0n ? Infinity : t.vm.virtualTimeMs + Number(ms);
    t.wakeClockMs = ms === 0n ? 0 : t.vm.javaNowMs() + Number(ms);
    t.yieldNow = true;
    return undefined;
  },
};

function notify(t: JThread, self: JObject, all: boolean): undefined {
  const mon = self.monitor;
  if (mon === null || mon.owner !== t) return throwNew(t, "java/lang/IllegalMonitorStateException", "current thread is not owner");
  const woken = all ? mon.waitSet.splice(0) : mon.waitSet.splice(0, 1);
  for (const w of woken) {
    w.state = ThreadState.Reacquire;
    w.wakeAt = Infinity;
  }
  return undefined;
}

function innerInfo(c: JClass): { outer: string | null; simple: string | null } | null {
  const e = c.cf?.innerClasses.find((x) => x.inner === c.name);
  return e ? { outer: e.outer, simple: e.simpleName } : null;
}

const klass: Natives = {
  "getName()Ljava/lang/String;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    return t.vm.intern(c.isArray ? c.name.replace(/\//g, ".") : c.javaName);
  },
  "isInstance(Ljava/lang/Object;)Z": (_t: JThread, self: JObject, o: JObject | null) => (o !== null && o.cls.isSubclassOf(mirrorClass(self)) ? 1 : 0),
  "isAssignableFrom(Ljava/lang/Class;)Z": (t: JThread, self: JObject, other: JObject | null) => {
    if (other === null) return throwNew(t, "java/lang/NullPointerException", null);
    const a = mirrorClass(self);
    const b = mirrorClass(other);
    if (a.isPrimitive || b.isPrimitive) return a === b ? 1 : 0;
    return b.isSubclassOf(a) ? 1 : 0;
  },
  "isInterface()Z": (_t: JThread, self: JObject) => ((mirrorClass(self).access & ACC_INTERFACE) !== 0 && !mirrorClass(self).isArray ? 1 : 0),
  "isArray()Z": (_t: JThread, self: JObject) => (mirrorClass(self).isArray ? 1 : 0),
  "isPrimitive()Z": (_t: JThread, self: JObject) => (mirrorClass(self).isPrimitive ? 1 : 0),
  "isHidden()Z": (_t: JThread, self: JObject) => (mirrorClass(self).synthetic !== null ? 1 : 0),
  "isRecord()Z": (_t: JThread, self: JObject) => (mirrorClass(self).cf?.record !== undefined && mirrorClass(self).superClass?.name === "java/lang/Record" ? 1 : 0),
  "getSuperclass()Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    if (c.isInterface || c.isPrimitive || c.superClass === null) return null;
    return classMirror(t.vm, c.superClass);
  },
  "getComponentType()Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self).componentType;
    return c === null ? null : classMirror(t.vm, c);
  },
  "getModifiers()I": (_t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    const inner = c.cf?.innerClasses.find((x) => x.inner === c.name);
    return (inner ? inner.access : c.access) & ~0x0020;
  },
  "getInterfaces()[Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const vm = t.vm;
    const c = mirrorClass(self);
    const arr = vm.newArray(vm.arrayClassOf("[Ljava/lang/Class;"), c.interfaces.length);
    c.interfaces.forEach((i, k) => ((arr.a as JObject[])[k] = classMirror(vm, i)));
    return arr;
  },
  "enumConstants()[Ljava/lang/Object;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    if (c.superClass?.name !== "java/lang/Enum" && c.superClass?.superClass?.name !== "java/lang/Enum") return null;
    const enumCls = c.superClass.name === "java/lang/Enum" ? c : c.superClass;
    const f = enumCls.fields.get("$VALUES");
    if (!f) return null;
    return enumCls.statics[f.slot] ?? null;
  },
  "simpleBinaryName()Ljava/lang/String;": (t: JThread, self: JObject) => {
    const info = innerInfo(mirrorClass(self));
    if (!info) return null;
    return t.vm.intern(info.simple ?? "");
  },
  "getDeclaringClass()Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const info = innerInfo(mirrorClass(self));
    if (!info || info.outer === null) return null;
    const c = t.vm.resolveClass(t, info.outer);
    return c === null ? null : classMirror(t.vm, c);
  },
  "getEnclosingClass()Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    const info = innerInfo(c);
    const outer = info?.outer ?? c.cf?.enclosingMethod?.className ?? null;
    if (outer === null) return null;
    const oc = t.vm.resolveClass(t, outer);
    return oc === null ? null : classMirror(t.vm, oc);
  },
  "getNestHost()Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    const host = c.cf?.nestHost;
    if (!host) return self;
    const h = t.vm.resolveClass(t, host);
    return h === null ? null : classMirror(t.vm, h);
  },
  "getPrimitiveClass(Ljava/lang/String;)Ljava/lang/Class;": (t: JThread, name: JObject) => {
    const n = t.vm.str(name);
    const d = ({ boolean: "Z", byte: "B", char: "C", short: "S", int: "I", long: "J", float: "F", double: "D", void: "V" } as Record<string, string>)[n]!;
    return classMirror(t.vm, t.vm.primitiveClass(d));
  },
  "forName0(Ljava/lang/String;Z)Ljava/lang/Class;": (t: JThread, name: JObject | null, _init: number) => {
    if (name === null) return throwNew(t, "java/lang/NullPointerException", null);
    const n = t.vm.str(name);
    try {
      const c = t.vm.loadClass(n.replace(/\./g, "/"));
      return classMirror(t.vm, c);
    } catch {
      return throwNew(t, "java/lang/ClassNotFoundException", n);
    }
  },
  "desiredAssertionStatus()Z": () => 0,
  "permittedSubclasses0()[Ljava/lang/Class;": (t: JThread, self: JObject) => {
    const c = mirrorClass(self);
    const p = c.cf?.permittedSubclasses;
    if (p === undefined) return null;
    const arr = t.vm.newArray(t.vm.arrayClassOf("[Ljava/lang/Class;"), p.length);
    for (let i = 0; i < p.length; i++) {
      const pc = t.vm.resolveClass(t, p[i]!);
      if (pc === null) return undefined;
      (arr.a as JObject[])[i] = classMirror(t.vm, pc);
    }
    return arr;
  },
};

/** JDK 17 System.arraycopy checks and messages (hotspot/share/oops/*ArrayKlass.cpp). */
function arraycopy(t: JThread, src: JObject | null, sp: number, dst: JObject | null, dp: number, len: number): undefined {
  if (src === null || dst === null) return throwNew(t, "java/lang/NullPointerException", null);
  if (src.a === null) return throwNew(t, "java/lang/ArrayStoreException", `arraycopy: source type ${src.cls.javaName} is not an array`);
  if (dst.a === null) return throwNew(t, "java/lang/ArrayStoreException", `arraycopy: destination type ${dst.cls.javaName} is not an array`);
  const sc = src.cls.componentType!;
  const dc = dst.cls.componentType!;
  if ((sc.isPrimitive || dc.isPrimitive) && sc !== dc) {
    const nm = (c: JClass): string => (c.isPrimitive ? c.name : "object array");
    return throwNew(t, "java/lang/ArrayStoreException", `arraycopy: type mismatch: can not copy ${nm(sc)}[] into ${nm(dc)}[]`);
  }
  const sl = src.a.length;
  const dl = dst.a.length;
  if (sp < 0) return throwNew(t, "java/lang/ArrayIndexOutOfBoundsException", `arraycopy: source index ${sp} out of bounds for ${bounds(src)}`);
  if (dp < 0) return throwNew(t, "java/lang/ArrayIndexOutOfBoundsException", `arraycopy: destination index ${dp} out of bounds for ${bounds(dst)}`);
  if (len < 0) return throwNew(t, "java/lang/ArrayIndexOutOfBoundsException", `arraycopy: length ${len} is negative`);
  if (sp + len > sl) return throwNew(t, "java/lang/ArrayIndexOutOfBoundsException", `arraycopy: last source index ${sp + len} out of bounds for ${bounds(src)}`);
  if (dp + len > dl) return throwNew(t, "java/lang/ArrayIndexOutOfBoundsException", `arraycopy: last destination index ${dp + len} out of bounds for ${bounds(dst)}`);
  if (len === 0) return undefined;
  if (src === dst) {
    (src.a as Int32Array).copyWithin(dp, sp, sp + len);
    return undefined;
  }
  if (!sc.isPrimitive && !sc.isSubclassOf(dc)) {
    const s = src.a as (JObject | null)[];
    const d = dst.a as (JObject | null)[];
    for (let i = 0; i < len; i++) {
      const v = s[sp + i]!;
      if (v !== null && !v.cls.isSubclassOf(dc)) {
        return throwNew(t, "java/lang/ArrayStoreException", `arraycopy: element type mismatch: can not cast one of the elements of ${src.cls.componentType!.javaName}[] to the type of the destination array, ${dc.javaName}`);
      }
      d[dp + i] = v;
    }
    return undefined;
  }
  if (Array.isArray(src.a)) {
    const s = src.a;
    const d = dst.a as (JObject | null)[];
    for (let i = 0; i < len; i++) d[dp + i] = s[sp + i]!;
  } else (dst.a as Int32Array).set((src.a as Int32Array).subarray(sp, sp + len), dp);
  return undefined;
}
function bounds(o: JObject): string {
  const c = o.cls.componentType!;
  return c.isPrimitive ? `${c.name}[${o.a!.length}]` : `object array[${o.a!.length}]`;
}

const system: Natives = {
  "arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V": arraycopy,
  "currentTimeMillis()J": (t: JThread) => BigInt(Math.floor(t.vm.javaNowMs())),
  "nanoTime()J": (t: JThread) => BigInt(t.vm.javaNanos()),
  "identityHashCode(Ljava/lang/Object;)I": (t: JThread, o: JObject | null) => (o === null ? 0 : t.vm.identityHash(o)),
  "getProperty0(Ljava/lang/String;)Ljava/lang/String;": (t: JThread, key: JObject) => {
    const v = t.vm.property(t.vm.str(key));
    return v === undefined ? null : t.vm.newString(v);
  },
  "getenv(Ljava/lang/String;)Ljava/lang/String;": () => null,
  "setOut0(Ljava/io/PrintStream;)V": (t: JThread, ps: JObject) => setStatic(t, "out", ps),
  "setErr0(Ljava/io/PrintStream;)V": (t: JThread, ps: JObject) => setStatic(t, "err", ps),
  "setIn0(Ljava/io/InputStream;)V": (t: JThread, is: JObject) => setStatic(t, "in", is),
};
function setStatic(t: JThread, name: string, v: JObject): undefined {
  const c = t.vm.loadClass("java/lang/System");
  c.statics[c.fields.get(name)!.slot] = v;
  return undefined;
}

const runtime: Natives = {
  "halt(I)V": (t: JThread, _self: JObject, status: number) => {
    t.vm.exitStatus = status;
    throw new VmExit(status);
  },
  "availableProcessors()I": (t: JThread) => t.vm.availableProcessors,
  "freeMemory()J": (t: JThread) => BigInt(Math.max(0, t.vm.heap.threshold - t.vm.heap.used)),
  "totalMemory()J": (t: JThread) => BigInt(Math.max(t.vm.heap.threshold, t.vm.heap.used)),
  "maxMemory()J": (t: JThread) => BigInt(t.vm.heap.maxBytes),
  "gc()V": (t: JThread) => {
    t.vm.requestGc = true;
    return undefined;
  },
};

const utf8 = new TextEncoder();
const string: Natives = {
  "decodeUtf8([BII)[C": (t: JThread, bytes: JObject, off: number, len: number) => {
    const b = new Uint8Array((bytes.a as Int8Array).buffer, (bytes.a as Int8Array).byteOffset + off, len);
    const s = new TextDecoder().decode(b);
    const arr = t.vm.newArray(t.vm.arrayClassOf("[C"), s.length);
    const a = arr.a as Uint16Array;
    for (let i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return arr;
  },
  "encodeUtf8([C)[B": (t: JThread, chars: JObject) => {
    const a = chars.a as Uint16Array;
    let s = "";
    for (let i = 0; i < a.length; i += 8192) s += String.fromCharCode(...a.subarray(i, i + 8192));
    const b = utf8.encode(s);
    const arr = t.vm.newArray(t.vm.arrayClassOf("[B"), b.length);
    (arr.a as Int8Array).set(new Int8Array(b.buffer, b.byteOffset, b.length));
    return arr;
  },
  "intern()Ljava/lang/String;": (t: JThread, self: JObject) => {
    const s = t.vm.str(self);
    const hit = t.vm.interned.get(s);
    if (hit) return hit;
    t.vm.interned.set(s, self);
    return self;
  },
  "toLowerCase()Ljava/lang/String;": (t: JThread, self: JObject) => {
    const s = t.vm.str(self);
    const r = s.toLowerCase();
    return r === s ? self : t.vm.newString(r);
  },
  "toUpperCase()Ljava/lang/String;": (t: JThread, self: JObject) => {
    const s = t.vm.str(self);
    const r = s.toUpperCase();
    return r === s ? self : t.vm.newString(r);
  },
  "matches(Ljava/lang/String;)Z": (t: JThread, self: JObject, regex: JObject) => {
    const re = javaRegex(t, t.vm.str(regex), "", true);
    if (re === null) return undefined;
    return re.test(t.vm.str(self)) ? 1 : 0;
  },
  "replaceAll(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;": (t: JThread, self: JObject, regex: JObject, repl: JObject) => {
    const re = javaRegex(t, t.vm.str(regex), "g", false);
    if (re === null) return undefined;
    const r = javaReplacement(t, t.vm.str(self), re, t.vm.str(repl));
    return r === null ? undefined : t.vm.newString(r);
  },
  "replaceFirst(Ljava/lang/String;Ljava/lang/String;)Ljava/lang/String;": (t: JThread, self: JObject, regex: JObject, repl: JObject) => {
    const re = javaRegex(t, t.vm.str(regex), "", false);
    if (re === null) return undefined;
    const r = javaReplacement(t, t.vm.str(self), re, t.vm.str(repl));
    return r === null ? undefined : t.vm.newString(r);
  },
  "split(Ljava/lang/String;I)[Ljava/lang/String;": (t: JThread, self: JObject, regex: JObject | null, limit: number) => {
    if (regex === null) return throwNew(t, "java/lang/NullPointerException", null);
    const parts = javaSplit(t, t.vm.str(self), t.vm.str(regex), limit);
    return parts === null ? undefined : newStringArray(t, parts);
  },
};

const categoryCache = new Map<number, number>();
const CATEGORIES: [RegExp, number][] = [
  [/\p{Lu}/u, 1], [/\p{Ll}/u, 2], [/\p{Lt}/u, 3], [/\p{Lm}/u, 4], [/\p{Lo}/u, 5], [/\p{Mn}/u, 6], [/\p{Me}/u, 7], [/\p{Mc}/u, 8],
  [/\p{Nd}/u, 9], [/\p{Nl}/u, 10], [/\p{No}/u, 11], [/\p{Zs}/u, 12], [/\p{Zl}/u, 13], [/\p{Zp}/u, 14], [/\p{Cc}/u, 15], [/\p{Cf}/u, 16],
  [/\p{Co}/u, 18], [/\p{Cs}/u, 19], [/\p{Pd}/u, 20], [/\p{Ps}/u, 21], [/\p{Pe}/u, 22], [/\p{Pc}/u, 23], [/\p{Po}/u, 24], [/\p{Sm}/u, 25],
  [/\p{Sc}/u, 26], [/\p{Sk}/u, 27], [/\p{So}/u, 28], [/\p{Pi}/u, 29], [/\p{Pf}/u, 30],
];
/** Character.getType via the host's Unicode tables (JDK 17 has Unicode 13; Node 20's ICU is newer). */
function charType(cp: number): number {
  let v = categoryCache.get(cp);
  if (v !== undefined) return v;
  v = 0;
  if (cp >= 0xd800 && cp <= 0xdfff) v = 19;
  else {
    const s = String.fromCodePoint(cp);
    for (const [re, c] of CATEGORIES) {
      if (re.test(s)) {
        v = c;
        break;
      }
    }
  }
  categoryCache.set(cp, v);
  return v;
}
function caseMap(cp: number, upper: boolean): number {
  if (cp < 128) {
    if (upper) return cp >= 97 && cp <= 122 ? cp - 32 : cp;
    return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  }
  if (cp >= 0xd800 && cp <= 0xdfff) return cp;
  const s = String.fromCodePoint(cp);
  const r = upper ? s.toUpperCase() : s.toLowerCase();
  // Character.toUpperCase maps one code point to one; multi-char expansions keep the original.
  return [...r].length === 1 ? r.codePointAt(0)! : cp;
}

const character: Natives = {
  "type(I)I": (_t: JThread, cp: number) => charType(cp),
  "toLower(I)I": (_t: JThread, cp: number) => caseMap(cp, false),
  "toUpper(I)I": (_t: JThread, cp: number) => caseMap(cp, true),
  "digitValue(I)I": (_t: JThread, cp: number) => {
    // Decimal digits come in contiguous runs of ten starting at a code point ending in 0 (mostly).
    for (let z = cp; z > cp - 10; z--) if (charType(z - 1) !== 9) return cp - z;
    return -1;
  },
};

function parseDouble(t: JThread, s: JObject | null, isFloat: boolean): number | undefined {
  if (s === null) return throwNew(t, "java/lang/NullPointerException", null);
  const str = t.vm.str(s);
  const v = parseJavaDouble(str);
  if (v === null) return throwNew(t, "java/lang/NumberFormatException", str.trim() === "" ? "empty String" : `For input string: "${str}"`);
  return isFloat ? Math.fround(v) : v;
}

const double: Natives = {
  "toString(D)Ljava/lang/String;": (t: JThread, d: number) => t.vm.newString(javaDoubleToString(d)),
  "toHexString(D)Ljava/lang/String;": (t: JThread, d: number) => t.vm.newString(doubleToHex(d)),
  "parseDouble(Ljava/lang/String;)D": (t: JThread, s: JObject | null) => parseDouble(t, s, false),
  "doubleToRawLongBits(D)J": (_t: JThread, d: number) => {
    f64[0] = d;
    return i64[0];
  },
  "longBitsToDouble(J)D": (_t: JThread, l: bigint) => {
    i64[0] = l;
    return f64[0];
  },
};

function doubleToHex(d: number): string {
  if (d !== d) return "NaN";
  if (!Number.isFinite(d)) return d > 0 ? "Infinity" : "-Infinity";
  f64[0] = d;
  const bits = BigInt.asUintN(64, i64[0]!);
  const neg = bits >> 63n === 1n;
  const e = Number((bits >> 52n) & 0x7ffn);
  const m = bits & 0xfffffffffffffn;
  const sign = neg ? "-" : "";
  if (e === 0 && m === 0n) return sign + "0x0.0p0";
  let frac = m.toString(16).padStart(13, "0").replace(/0+$/, "");
  if (frac === "") frac = "0";
  return e === 0 ? `${sign}0x0.${frac}p-1022` : `${sign}0x1.${frac}p${e - 1023}`;
}

const float: Natives = {
  "toString(F)Ljava/lang/String;": (t: JThread, d: number) => t.vm.newString(javaFloatToString(d)),
  "parseFloat(Ljava/lang/String;)F": (t: JThread, s: JObject | null) => parseDouble(t, s, true),
  "floatToRawIntBits(F)I": (_t: JThread, d: number) => {
    f32[0] = d;
    return i32[0];
  },
  "intBitsToFloat(I)F": (_t: JThread, i: number) => {
    i32[0] = i;
    return f32[0];
  },
};

/** Math.round: floor(x + 1/2) computed exactly (JLS / Math javadoc), saturating. */
function roundD(x: number): bigint {
  if (x !== x) return 0n;
  if (x >= 2 ** 63) return 9223372036854775807n;
  if (x <= -(2 ** 63)) return -9223372036854775808n;
  const f = Math.floor(x);
  return BigInt(x - f >= 0.5 ? f + 1 : f);
}
function roundF(x: number): number {
  if (x !== x) return 0;
  const f = Math.floor(x);
  const r = x - f >= 0.5 ? f + 1 : f;
  return r >= 2147483647 ? 2147483647 : r <= -2147483648 ? -2147483648 : r;
}
function ulp(d: number): number {
  if (d !== d) return NaN;
  if (!Number.isFinite(d)) return Infinity;
  d = Math.abs(d);
  if (d === Number.MAX_VALUE) return Math.pow(2, 971);
  f64[0] = d;
  i64[0] = i64[0]! + 1n;
  return f64[0] - d;
}

const math: Natives = {
  ...Object.fromEntries(
    Object.entries(MATH_INTRINSICS).map(([key, fn]) => {
      const f = intrinsicFunction(fn);
      return [key, (_t: JThread, ...a: number[]) => f(...a)];
    }),
  ),
  "IEEEremainder(DD)D": (_t: JThread, a: number, b: number) => a - b * roundHalfEven(a / b),
  "rint(D)D": (_t: JThread, a: number) => roundHalfEven(a),
  "pow(DD)D": (_t: JThread, a: number, b: number) => javaPow(a, b),
  "scalb(DI)D": (_t: JThread, a: number, n: number) => scalb(a, n),
  "getExponent(D)I": (_t: JThread, a: number) => {
    f64[0] = a;
    return Number((i64[0]! >> 52n) & 0x7ffn) - 1023;
  },
  "nextUp(D)D": (_t: JThread, a: number) => nextAfter(a, Infinity),
  "nextDown(D)D": (_t: JThread, a: number) => nextAfter(a, -Infinity),
  "nextAfter(DD)D": (_t: JThread, a: number, b: number) => nextAfter(a, b),
  "nextAfterF(FD)F": (_t: JThread, a: number, b: number) => {
    if (a !== a || b !== b) return NaN;
    if (a === b) return Math.fround(b);
    if (a === 0) return b > 0 ? 1.401298464324817e-45 : -1.401298464324817e-45;
    f32[0] = a;
    i32[0] = i32[0]! + ((b > a) === (a > 0) ? 1 : -1);
    return f32[0];
  },
  "round(F)I": (_t: JThread, a: number) => roundF(a),
  "round(D)J": (_t: JThread, a: number) => roundD(a),
  "random()D": (t: JThread) => t.vm.random(),
  "ulp(D)D": (_t: JThread, a: number) => ulp(a),
  "ulp(F)F": (_t: JThread, a: number) => {
    if (a !== a) return NaN;
    if (!Number.isFinite(a)) return Infinity;
    f32[0] = Math.abs(a);
    i32[0] = i32[0]! + 1;
    return Math.fround(f32[0] - Math.abs(a));
  },
  "signum(D)D": (_t: JThread, a: number) => (a > 0 ? 1 : a < 0 ? -1 : a),
  "signum(F)F": (_t: JThread, a: number) => (a > 0 ? 1 : a < 0 ? -1 : a),
  "copySign(DD)D": (_t: JThread, m: number, s: number) => (s < 0 || Object.is(s, -0) ? -Math.abs(m) : Math.abs(m)),
  "fma(DDD)D": (_t: JThread, a: number, b: number, c: number) => a * b + c,
};
function roundHalfEven(a: number): number {
  if (!Number.isFinite(a) || Math.abs(a) >= 4503599627370496) return a;
  const f = Math.floor(a);
  const d = a - f;
  const r = d < 0.5 ? f : d > 0.5 ? f + 1 : f % 2 === 0 ? f : f + 1;
  return r === 0 && (a < 0 || Object.is(a, -0)) ? -0 : r;
}
function scalb(a: number, n: number): number {
  if (n > 2098) n = 2098;
  if (n < -2099) n = -2099;
  // Multiply in steps so intermediate powers of two stay exact (Math.scalb is exact unless it over/underflows).
  while (n > 1000) {
    a *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    a *= 2 ** -1000;
    n += 1000;
  }
  return a * 2 ** n;
}
function nextAfter(a: number, dir: number): number {
  if (a !== a || dir !== dir) return NaN;
  if (a === dir) return dir;
  if (a === 0) return dir > 0 ? Number.MIN_VALUE : -Number.MIN_VALUE;
  f64[0] = a;
  i64[0] = i64[0]! + ((dir > a) === (a > 0) ? 1n : -1n);
  return f64[0];
}
/** Math.pow special cases where JS and Java differ (JS: 1 ** NaN = NaN, (±1) ** ±Infinity = NaN; Java: 1.0 and NaN). */
function javaPow(a: number, b: number): number {
  if (b !== b) return NaN;
  if (b === 0) return 1;
  if ((a === 1 || a === -1) && !Number.isFinite(b)) return NaN;
  // V8's pow is not correctly rounded for negative integer exponents (pow(10,-5) is 1 ulp low);
  // when |a|^|b| is an exact double, 1/that is the correctly rounded answer, as HotSpot returns.
  if (Number.isInteger(b) && Number.isInteger(a) && b < 0 && b >= -64 && Math.abs(a) < 2 ** 53) {
    const big = BigInt(a) ** BigInt(-b);
    const p = Number(big);
    if (BigInt(p) === big) return 1 / p;
  }
  return Math.pow(a, b);
}

const throwable: Natives = {
  "fillInStackTrace()Ljava/lang/Throwable;": (t: JThread, self: JObject) => {
    t.vm.fillInStackTrace(t, self, true);
    return self;
  },
  "buildStackTrace()[Ljava/lang/StackTraceElement;": (t: JThread, self: JObject) => t.vm.stackTraceElements(self),
};

const reflectArray: Natives = {
  "newArray(Ljava/lang/Class;I)Ljava/lang/Object;": (t: JThread, c: JObject | null, n: number) => {
    if (c === null) return throwNew(t, "java/lang/NullPointerException", null);
    const comp = mirrorClass(c);
    if (comp.name === "void") return throwNew(t, "java/lang/IllegalArgumentException", null);
    if (n < 0) return throwNew(t, "java/lang/NegativeArraySizeException", String(n));
    const desc = comp.isPrimitive ? "[" + primitiveDescriptor(comp.name) : comp.isArray ? "[" + comp.name : "[L" + comp.name + ";";
    return t.vm.newArray(t.vm.arrayClassOf(desc), n);
  },
  "getLength(Ljava/lang/Object;)I": (t: JThread, o: JObject | null) => {
    if (o === null) return throwNew(t, "java/lang/NullPointerException", null);
    if (o.a === null) return throwNew(t, "java/lang/IllegalArgumentException", "Argument is not an array");
    return o.a.length;
  },
};
function primitiveDescriptor(name: string): string {
  return ({ boolean: "Z", byte: "B", char: "C", short: "S", int: "I", long: "J", float: "F", double: "D" } as Record<string, string>)[name]!;
}

export const javaLangNatives: Record<string, Natives> = {
  "java/lang/reflect/Array": reflectArray,
  "java/lang/Object": object,
  "java/lang/Class": klass,
  "java/lang/System": system,
  "java/lang/Runtime": runtime,
  "java/lang/String": string,
  "java/lang/Character": character,
  "java/lang/Double": double,
  "java/lang/Float": float,
  "java/lang/Math": math,
  "java/lang/Throwable": throwable,
  "java/lang/Thread": threadNatives,
};

