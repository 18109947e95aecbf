/**
 * invokedynamic (JVMS §6.5, §5.4.3.6) for the bootstrap methods javac 17 emits, linked
 * natively instead of through java.lang.invoke (as TeaVM does):
 * - StringConcatFactory.makeConcat / makeConcatWithConstants (recipe \1 = argument, \2 = constant);
 * - LambdaMetafactory.metafactory / altMetafactory: a hidden proxy class per call site whose
 *   interface method(s) adapt arguments (box/unbox/widen/cast) and call the implementation;
 * - ObjectMethods.bootstrap: record toString/hashCode/equals via Java helpers.
 * Linkage failures raise BootstrapMethodError at the call site.
 */
import { ACC_FINAL, ACC_PUBLIC, ACC_SYNTHETIC } from "../classfile/access-flags";
import { CONSTANT_Class, CONSTANT_Double, CONSTANT_Float, CONSTANT_Integer, CONSTANT_Long, CONSTANT_MethodHandle, CONSTANT_MethodType, CONSTANT_String, REF_getField, REF_invokeInterface, REF_invokeSpecial, REF_invokeStatic, REF_invokeVirtual, REF_newInvokeSpecial } from "../classfile/constant-pool";
import { parseMethodDescriptor } from "../classfile/descriptors";
import { InitState, JClass, type JField, JMethod } from "../runtime/jclass";
import { getField, type JObject } from "../runtime/object";
import type { JThread } from "../threads/thread";
import { javaDoubleToString, javaFloatToString } from "../runtime/number-format";
import { invoke, npe, pushValue } from "./runtime-support";
import { box, unbox } from "./boxing";

interface ConcatSite {
  readonly kind: "concat";
  /** Literal chunks and argument markers: string = literal, number = argument index. */
  readonly parts: readonly (string | number)[];
  readonly params: readonly string[];
  readonly slots: number;
}
interface LambdaSite {
  readonly kind: "lambda";
  readonly proxy: JClass;
  readonly captures: readonly string[];
  readonly slots: number;
  singleton: JObject | null;
}
interface RecordSite {
  readonly kind: "record";
  readonly method: "toString" | "hashCode" | "equals";
  readonly recordClass: JClass;
  readonly names: string;
  readonly fields: readonly JField[];
}
type IndySite = ConcatSite | LambdaSite | RecordSite;

let lambdaCounter = 0;

/** Executes the invokedynamic at `pc` of the top frame (its pc/sp are saved at the instruction). */
export function invokeDynamic(t: JThread, m: JMethod, pc: number): void {
  const f = t.frame!;
  let site = m.rc[pc] as IndySite | undefined;
  if (site === undefined) {
    const linked = link(t, m, (m.code[pc + 1]! << 8) | m.code[pc + 2]!);
    if (linked === null) return;
    m.rc[pc] = site = linked;
  }
  const vm = t.vm;
  const s = t.s;
  switch (site.kind) {
    case "concat": {
      const base = f.sp - site.slots;
      const vals: unknown[] = [];
      let o = base;
      for (const p of site.params) {
        vals.push(p.length === 1 && p !== "J" ? t.n[o] : s[o]);
        o += p === "J" || p === "D" ? 2 : 1;
      }
      let out = "";
      let objects: (string | JObject)[] | null = null;
      for (const part of site.parts) {
        if (typeof part === "string") {
          if (objects) objects.push(part);
          else out += part;
          continue;
        }
        const v = vals[part];
        const d = site.params[part]!;
        let str: string | null = null;
        switch (d) {
          case "I":
          case "S":
          case "B":
            str = String(v);
            break;
          case "J":
            str = (v as bigint).toString();
            break;
          case "C":
            str = String.fromCharCode(v as number);
            break;
          case "Z":
            str = v ? "true" : "false";
            break;
          case "F":
            str = javaFloatToString(v as number);
            break;
          case "D":
            str = javaDoubleToString(v as number);
            break;
          default: {
            const ob = v as JObject | null;
            if (ob === null) str = "null";
            else if (ob.cls.name === "java/lang/String") str = vm.str(ob);
            else {
              objects ??= [out];
              objects.push(ob);
            }
          }
        }
        if (str !== null) {
          if (objects) objects.push(str);
          else out += str;
        }
      }
      if (objects === null) {
        s[base] = vm.newString(out);
        f.sp = base + 1;
        f.pc = pc + 5;
        return;
      }
      // An object argument: String.valueOf(obj) must run Java code (toString), so hand the
      // pieces to jdk.internal.misc.ConcatHelper.concat(Object[]).
      const arr = vm.newArray(vm.arrayClassOf("[Ljava/lang/Object;"), objects.length);
      objects.forEach((x, i) => ((arr.a as (JObject | null)[])[i] = typeof x === "string" ? vm.newString(x) : x));
      const helper = vm.loadClass("jdk/internal/misc/ConcatHelper").methods.get("concat([Ljava/lang/Object;)Ljava/lang/String;")!;
      if (helper.cls.state !== InitState.Initialized) {
        // Initialize the helper first (frames above the indy's arguments), then retry the indy.
        f.sp = base + site.slots;
        if (!vm.initialize(t, helper.cls)) return;
      }
      s[base] = arr;
      f.sp = base;
      f.pc = pc + 5;
      invoke(t, helper, base);
      return;
    }
    case "lambda": {
      const base = f.sp - site.slots;
      let obj: JObject;
      if (site.captures.length === 0) {
        obj = site.singleton ??= vm.newObject(site.proxy);
        vm.extraRoots.add(obj);
      } else {
        obj = vm.newObject(site.proxy);
        let o = base;
        for (let i = 0; i < site.captures.length; i++) {
          const c = site.captures[i]!;
          obj.f![i] = c.length === 1 && c !== "J" ? t.n[o] : s[o];
          o += c === "J" || c === "D" ? 2 : 1;
        }
      }
      s[base] = obj;
      f.sp = base + 1;
      f.pc = pc + 5;
      return;
    }
    case "record": {
      const n = site.method === "equals" ? 2 : 1;
      const base = f.sp - n;
      const self = s[base] as JObject | null;
      if (self === null) {
        t.exc = npe(t, m, pc);
        return;
      }
      const values = (o: JObject): JObject => {
        const arr = vm.newArray(vm.arrayClassOf("[Ljava/lang/Object;"), site.fields.length);
        site.fields.forEach((fl, i) => ((arr.a as (JObject | null)[])[i] = fl.descriptor.length === 1 ? box(t, fl.descriptor, getField(o, fl)) : (getField(o, fl) as JObject | null)));
        return arr;
      };
      const helpers = vm.loadClass("java/lang/runtime/ObjectMethods");
      f.pc = pc + 5;
      f.sp = base;
      if (site.method === "equals") {
        const other = s[base + 1] as JObject | null;
        if (other === null || other.cls !== site.recordClass) {
          t.n[base] = 0;
          f.sp = base + 1;
          return;
        }
        s[base] = values(self);
        s[base + 1] = values(other);
        invoke(t, helpers.methods.get("equalsImpl([Ljava/lang/Object;[Ljava/lang/Object;)Z")!, base);
      } else if (site.method === "hashCode") {
        s[base] = values(self);
        invoke(t, helpers.methods.get("hashCodeImpl([Ljava/lang/Object;)I")!, base);
      } else {
        const simple = site.recordClass.cf?.innerClasses.find((x) => x.inner === site.recordClass.name)?.simpleName ?? site.recordClass.javaName.slice(site.recordClass.javaName.lastIndexOf(".") + 1);
        s[base] = vm.intern(simple);
        s[base + 1] = vm.intern(site.names);
        s[base + 2] = values(self);
        invoke(t, helpers.methods.get("toStringImpl(Ljava/lang/String;Ljava/lang/String;[Ljava/lang/Object;)Ljava/lang/String;")!, base);
      }
      return;
    }
  }
}

function bsmError(t: JThread, msg: string): null {
  t.exc = t.vm.newThrowable(t, "java/lang/BootstrapMethodError", msg);
  return null;
}

function link(t: JThread, m: JMethod, idx: number): IndySite | null {
  const vm = t.vm;
  const cf = m.cls.cf!;
  const dyn = cf.cp.dynamic(idx);
  const bsm = cf.bootstrapMethods[dyn.bsmIndex];
  if (!bsm) return bsmError(t, `bootstrap method ${dyn.bsmIndex} missing`);
  const handle = cf.cp.methodHandle(bsm.methodRef);
  const owner = handle.ref.className;
  const name = handle.ref.name;
  const desc = parseMethodDescriptor(dyn.descriptor);
  const slots = desc.slots;
  const arg = (i: number): unknown => {
    const a = bsm.args[i]!;
    switch (cf.cp.tags[a]) {
      case CONSTANT_String:
        return cf.cp.string(a);
      case CONSTANT_Integer:
      case CONSTANT_Float:
      case CONSTANT_Long:
      case CONSTANT_Double:
        return cf.cp.raw[a];
      case CONSTANT_Class:
        return { cls: cf.cp.className(a) };
      case CONSTANT_MethodType:
        return { type: cf.cp.methodType(a) };
      case CONSTANT_MethodHandle:
        return { handle: cf.cp.methodHandle(a) };
      default:
        return undefined;
    }
  };
  if (owner === "java/lang/invoke/StringConcatFactory") {
    let recipe: string;
    const constants: unknown[] = [];
    if (name === "makeConcat") recipe = "\u0001".repeat(desc.params.length);
    else {
      recipe = arg(0) as string;
      for (let i = 1; i < bsm.args.length; i++) constants.push(arg(i));
    }
    const parts: (string | number)[] = [];
    let lit = "";
    let argi = 0;
    let consti = 0;
    for (const ch of recipe) {
      if (ch === "\u0001") {
        if (lit) parts.push(lit);
        lit = "";
        parts.push(argi++);
      } else if (ch === "\u0002") {
        const c = constants[consti++];
        lit += typeof c === "number" ? String(c) : String(c);
      } else lit += ch;
    }
    if (lit) parts.push(lit);
    if (argi !== desc.params.length) return bsmError(t, `Mismatched number of concat arguments: recipe wants ${argi} arguments, but signature provides ${desc.params.length}`);
    return { kind: "concat", parts, params: desc.params, slots };
  }
  if (owner === "java/lang/invoke/LambdaMetafactory") {
    const samType = (arg(0) as { type: string }).type;
    const impl = (arg(1) as { handle: ReturnType<typeof cf.cp.methodHandle> }).handle;
    const instType = (arg(2) as { type: string }).type;
    const ifaceName = desc.ret.slice(1, -1);
    const markers: string[] = [];
    const bridges: string[] = [];
    if (name === "altMetafactory") {
      const flags = arg(3) as number;
      let i = 4;
      if (flags & 2) {
        const n = arg(i++) as number;
        for (let k = 0; k < n; k++) markers.push((arg(i++) as { cls: string }).cls);
      }
      if (flags & 4) {
        const n = arg(i++) as number;
        for (let k = 0; k < n; k++) bridges.push((arg(i++) as { type: string }).type);
      }
      if (flags & 1) markers.push("java/io/Serializable");
    }
    let implCls: JClass;
    try {
      implCls = vm.loadClass(impl.ref.className);
      const iface = vm.loadClass(ifaceName);
      const proxy = new JClass(`${m.cls.name}$$Lambda$${++lambdaCounter}/0x${(0x800c00000 + lambdaCounter * 0x1000).toString(16).padStart(16, "0")}`, ACC_PUBLIC | ACC_FINAL | ACC_SYNTHETIC, null);
      proxy.superClass = vm.loadClass("java/lang/Object");
      proxy.interfaces.push(iface, ...markers.map((x) => vm.loadClass(x)));
      proxy.supers.add(proxy.superClass);
      for (const i of proxy.interfaces) {
        proxy.supers.add(i);
        for (const x of i.supers) proxy.supers.add(x);
      }
      proxy.instanceFieldCount = desc.params.length;
      proxy.instanceDefaults = desc.params.map((p) => (p === "J" ? 0n : p.length === 1 ? 0 : null));
      proxy.instanceBytes = 4 * desc.params.length;
      proxy.state = InitState.Initialized;
      proxy.boot = m.cls.boot;
      proxy.synthetic = { impl };
      const implNd = impl.ref.name + impl.ref.descriptor;
      const target = implCls.isInterface ? implCls.findInterfaceMethod(implNd) ?? implCls.methods.get(implNd) ?? null : implCls.resolveMethod(implNd);
      if (target === null) return bsmError(t, `java.lang.NoSuchMethodException: no such method: ${impl.ref.className.replace(/\//g, ".")}.${implNd}`);
      for (const samDesc of [samType, ...bridges]) {
        const pm = new JMethod(proxy, dyn.name, samDesc, ACC_PUBLIC, null);
        pm.synthetic = makeLambdaInvoker(impl.kind, target, implCls, desc.params, samDesc, instType);
        proxy.methods.set(pm.nameDesc, pm);
      }
      return { kind: "lambda", proxy, captures: desc.params, slots, singleton: null };
    } catch (e) {
      vm.raiseFailure(t, e);
      return null;
    }
  }
  if (owner === "java/lang/runtime/ObjectMethods") {
    const recordName = (arg(0) as { cls: string }).cls;
    const names = arg(1) as string;
    const rc = vm.resolveClass(t, recordName);
    if (rc === null) return null;
    const fields: JField[] = [];
    for (let i = 2; i < bsm.args.length; i++) {
      const h = (arg(i) as { handle: ReturnType<typeof cf.cp.methodHandle> }).handle;
      if (h.kind !== REF_getField) return bsmError(t, "record getter is not a REF_getField handle");
      const fl = rc.findField(h.ref.name)!;
      fields.push(fl);
    }
    if (dyn.name !== "toString" && dyn.name !== "hashCode" && dyn.name !== "equals") return bsmError(t, `IllegalArgumentException: ${dyn.name}`);
    return { kind: "record", method: dyn.name, recordClass: rc, names, fields };
  }
  return bsmError(t, `jvm-lite cannot link bootstrap method ${owner.replace(/\//g, ".")}.${name}`);
}

/**
 * The body of a lambda proxy's interface method: replaces [proxy, samArgs...] on the stack by
 * [captures..., adapted samArgs...] and invokes the implementation (JLS §15.27.3 conversions).
 */
function makeLambdaInvoker(kind: number, target: JMethod, implCls: JClass, captures: readonly string[], samDesc: string, instType: string) {
  const sam = parseMethodDescriptor(samDesc);
  const inst = parseMethodDescriptor(instType);
  const implD = parseMethodDescriptor(target.descriptor);
  const implParams = kind === REF_invokeStatic || kind === REF_newInvokeSpecial ? implD.params : ["L" + target.cls.name + ";", ...implD.params];
  const retFrom = kind === REF_newInvokeSpecial ? "L" + implCls.name + ";" : implD.ret;
  const retTo = sam.ret;
  void inst;
  return (t: JThread, m: JMethod, argBase: number): void => {
    const vm = t.vm;
    const s = t.s;
    const proxy = s[argBase] as JObject;
    const saved = s.slice(argBase, argBase + m.argSlots);
    const savedN = t.n.slice(argBase, argBase + m.argSlots);
    const depth0 = t.frames.length;
    const vals: unknown[] = [];
    const descs: string[] = [];
    for (let i = 0; i < captures.length; i++) {
      vals.push(proxy.f![i]);
      descs.push(captures[i]!);
    }
    let o = argBase + 1;
    for (const p of sam.params) {
      vals.push(p.length === 1 && p !== "J" ? t.n[o] : s[o]);
      descs.push(p);
      o += p === "J" || p === "D" ? 2 : 1;
    }
    // Adapt each value to the implementation's parameter type.
    const caller = t.frame!;
    let w = argBase;
    let newObj: JObject | null = null;
    if (kind === REF_newInvokeSpecial) {
      if (implCls.state !== InitState.Initialized) {
        // re-run the interface call after <clinit>; the arguments stay below the new frames
        caller.sp = argBase + m.argSlots;
        if (!vm.initialize(t, implCls)) {
          caller.pc = caller.cpc;
          return;
        }
        caller.sp = argBase;
      }
      newObj = vm.newObject(implCls);
      s[w++] = newObj;
    }
    for (let i = 0; i < vals.length; i++) {
      const want = implParams[i]!;
      const v = convert(t, vals[i], descs[i]!, want);
      if (t.exc !== null) return;
      if (w + 2 >= t.s.length) t.grow(w + 8);
      pushValue(t, w, v);
      w += want === "J" || want === "D" ? 2 : 1;
    }
    let callee = target;
    if ((kind === REF_invokeVirtual || kind === REF_invokeInterface) && !target.isPrivate) {
      const recv = t.s[argBase] as JObject | null;
      if (recv === null) {
        t.exc = vm.newThrowable(t, "java/lang/NullPointerException", null);
        return;
      }
      const sel = recv.cls.selectVirtual(target.nameDesc);
      if (sel) callee = sel;
    } else if (kind === REF_invokeStatic && callee.cls.state !== InitState.Initialized) {
      // The adapted arguments are already in place: keep them below any <clinit> frames.
      caller.sp = w;
      if (!vm.initialize(t, callee.cls)) {
        // Undo: the proxy call is re-executed after initialization, with its original arguments.
        for (let i = 0; i < m.argSlots; i++) {
          t.s[argBase + i] = saved[i];
          t.n[argBase + i] = savedN[i]!;
        }
        caller.pc = caller.cpc;
        caller.sp = argBase + m.argSlots;
        t.frames.length = depth0;
        vm.initialize(t, callee.cls);
        return;
      }
    } else if (kind === REF_invokeSpecial) {
      if (t.s[argBase] === null) {
        t.exc = vm.newThrowable(t, "java/lang/NullPointerException", null);
        return;
      }
    }
    const depth = t.frames.length;
    caller.sp = argBase;
    if (newObj !== null) {
      // <init> returns void; the proxy returns the new object.
      invoke(t, callee, argBase);
      if (t.exc !== null) return;
      if (t.frames.length > depth) {
        const nf = t.frame!;
        nf.retAdapt = () => convert(t, newObj, "L" + implCls.name + ";", retTo);
        nf.adaptSlots = retTo === "V" ? 0 : retTo === "J" || retTo === "D" ? 2 : 1;
      } else if (retTo !== "V") {
        t.s[caller.sp++] = newObj;
      }
      return;
    }
    invoke(t, callee, argBase);
    if (t.exc !== null) return;
    if (retFrom === retTo) return;
    const toSlots = retTo === "V" ? 0 : retTo === "J" || retTo === "D" ? 2 : 1;
    if (t.frames.length > depth && t.frame!.m === callee) {
      const nf = t.frame!;
      nf.retAdapt = (tt, v) => convert(tt, v, retFrom, retTo);
      nf.adaptSlots = toSlots;
    } else if (t.frames.length === depth) {
      // completed synchronously (native): convert in place
      const fromSlots = retFrom === "V" ? 0 : retFrom === "J" || retFrom === "D" ? 2 : 1;
      caller.sp -= fromSlots;
      const v = retFrom.length === 1 && retFrom !== "J" ? t.n[caller.sp] : t.s[caller.sp];
      if (toSlots > 0) {
        pushValue(t, caller.sp, convert(t, v, retFrom, retTo));
        caller.sp += toSlots;
      }
    }
  };
}

/** Method-handle style conversion of one value between descriptors (box, unbox, widen, cast). */
export function convert(t: JThread, v: unknown, from: string, to: string): unknown {
  if (from === to || to === "V") return v;
  const fromPrim = from.length === 1;
  const toPrim = to.length === 1;
  if (!fromPrim && !toPrim) {
    const o = v as JObject | null;
    if (o !== null && to !== "Ljava/lang/Object;") {
      const c = t.vm.classForDescriptor(to);
      if (!o.cls.isSubclassOf(c)) {
        t.exc = t.vm.newThrowable(t, "java/lang/ClassCastException", `class ${o.cls.javaName} cannot be cast to class ${c.javaName}`);
        return null;
      }
    }
    return v;
  }
  if (fromPrim && !toPrim) return box(t, from, v);
  let pv = v;
  let pd = from;
  if (!fromPrim) {
    const o = v as JObject | null;
    if (o === null) {
      t.exc = t.vm.newThrowable(t, "java/lang/NullPointerException", null);
      return 0;
    }
    const u = unbox(o);
    pv = u.value;
    pd = u.desc;
  }
  return widen(pv, pd, to);
}

function widen(v: unknown, from: string, to: string): unknown {
  if (from === to) return v;
  if (to === "J") return typeof v === "bigint" ? v : BigInt(v as number);
  if (to === "F") return Math.fround(typeof v === "bigint" ? Number(v) : (v as number));
  if (to === "D") return typeof v === "bigint" ? Number(v) : (v);
  return v;
}

