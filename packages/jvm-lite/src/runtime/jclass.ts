import { ACC_ABSTRACT, ACC_FINAL, ACC_INTERFACE, ACC_NATIVE, ACC_PRIVATE, ACC_PUBLIC, ACC_STATIC, ACC_SYNCHRONIZED } from "../classfile/access-flags";
import type { ClassFile, CodeAttribute, ExceptionHandler, MemberInfo } from "../classfile/class-file";
import { parseMethodDescriptor } from "../classfile/descriptors";
import type { JObject } from "./object";

/** A native method implementation: receives the thread and the arguments (long as bigint). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type NativeFn = (t: any, ...args: any[]) => unknown;

/** Class initialization states, JVMS §5.5. */
export const enum InitState {
  Linked = 0,
  BeingInitialized = 1,
  Initialized = 2,
  Erroneous = 3,
}

export class JField {
  /** Slot in JObject.f (instance) or JClass.statics (static). */
  slot = -1;
  /** long/double: takes two operand-stack slots. */
  readonly wide: boolean;
  /** int-like, float or double: lives in the thread's numeric slots (JThread.n), not in `s`. */
  readonly prim: boolean;
  constructor(
    readonly cls: JClass,
    readonly name: string,
    readonly descriptor: string,
    readonly access: number,
    readonly info: MemberInfo | null,
  ) {
    this.wide = descriptor === "J" || descriptor === "D";
    this.prim = descriptor.length === 1 && descriptor !== "J";
  }
  get isStatic(): boolean {
    return (this.access & ACC_STATIC) !== 0;
  }
}

export class JMethod {
  readonly nameDesc: string;
  readonly isStatic: boolean;
  readonly isNative: boolean;
  readonly isAbstract: boolean;
  readonly isPrivate: boolean;
  readonly isSynchronized: boolean;
  /** Slots the arguments take on the operand stack, including `this`. */
  readonly argSlots: number;
  /** Return value slots: 0 (void), 1, or 2 (long/double). */
  readonly retSlots: number;
  readonly code: Uint8Array;
  readonly maxLocals: number;
  readonly maxStack: number;
  readonly handlers: readonly ExceptionHandler[];
  readonly lineNumbers: readonly number[];
  /** Per-pc cache of resolved constant-pool operands (quickening without rewriting the code). */
  readonly rc: unknown[];
  native: NativeFn | null = null;
  /** Slot offsets (from the first argument) of each argument, computed on first native call. */
  argOffsets: number[] | null = null;
  /** Per argument: true when it is passed in the numeric slots (JThread.n). */
  argPrim: boolean[] | null = null;
  /** For synthetic methods (lambda proxies): the prepared call. */
  synthetic: unknown = null;
  /** Compiling tier state: back-edge/invocation counter, compiled code and its entry points. */
  hot = 0;
  compiled: ((t: any, f: any, budget: number, pc: number) => number) | null = null; // eslint-disable-line @typescript-eslint/no-explicit-any
  jitEntries: Uint8Array | null = null;
  jitTried = false;
  constructor(
    readonly cls: JClass,
    readonly name: string,
    readonly descriptor: string,
    readonly access: number,
    readonly codeAttr: CodeAttribute | null,
  ) {
    this.nameDesc = name + descriptor;
    this.isStatic = (access & ACC_STATIC) !== 0;
    this.isNative = (access & ACC_NATIVE) !== 0;
    this.isAbstract = (access & ACC_ABSTRACT) !== 0;
    this.isPrivate = (access & ACC_PRIVATE) !== 0;
    this.isSynchronized = (access & ACC_SYNCHRONIZED) !== 0;
    const d = parseMethodDescriptor(descriptor);
    this.argSlots = d.slots + (this.isStatic ? 0 : 1);
    this.retSlots = d.ret === "V" ? 0 : d.ret === "J" || d.ret === "D" ? 2 : 1;
    this.code = codeAttr?.code ?? new Uint8Array(0);
    this.maxLocals = codeAttr?.maxLocals ?? this.argSlots;
    this.maxStack = codeAttr?.maxStack ?? 0;
    this.handlers = codeAttr?.handlers ?? [];
    this.lineNumbers = codeAttr?.lineNumbers ?? [];
    this.rc = codeAttr ? new Array<unknown>(this.code.length).fill(undefined) : [];
  }

  /** Source line of a bytecode offset from the LineNumberTable (JVMS §4.7.12), or -1. */
  lineAt(pc: number): number {
    const ln = this.lineNumbers;
    let best = -1;
    let bestPc = -1;
    for (let i = 0; i < ln.length; i += 2) {
      const start = ln[i]!;
      if (start <= pc && start >= bestPc) {
        bestPc = start;
        best = ln[i + 1]!;
      }
    }
    return best;
  }
}

/** Element sizes in bytes for array accounting, by element descriptor. */
const ELEMENT_SIZE: Record<string, number> = { Z: 1, B: 1, C: 2, S: 2, I: 4, F: 4, J: 8, D: 8 };

/** A loaded (and linked) class, interface, array class or primitive type. */
export class JClass {
  superClass: JClass | null = null;
  interfaces: JClass[] = [];
  /** Every superclass and superinterface, transitively (for instanceof/checkcast). */
  readonly supers = new Set<JClass>();
  readonly fields = new Map<string, JField>();
  readonly methods = new Map<string, JMethod>();
  /** Instance field count including superclasses; templates for new instances. */
  instanceFieldCount = 0;
  instanceDefaults: unknown[] = [];
  /** Count and zero template of primitive instance fields (see JObject.p). */
  primFieldCount = 0;
  primDefaults: number[] | null = null;
  instanceBytes = 0;
  statics: unknown[] = [];
  state = InitState.Linked;
  initThread: unknown = null;
  /** Summary of the exception that made initialization fail (JVMS §5.5 step 11), for later NoClassDefFoundErrors. */
  initErrorText: string | null = null;
  mirror: JObject | null = null;
  arrayClass: JClass | null = null;
  /** For arrays: the component class. */
  componentType: JClass | null = null;
  /** For arrays: the element descriptor ("I", "Ljava/lang/String;", "[I"). */
  readonly elementDescriptor: string | null;
  readonly elementSize: number;
  private readonly virtualCache = new Map<string, JMethod | null>();
  /** Assigned at definition; used by Object.hashCode-free identity of classes. */
  id = 0;
  /** For lambda proxy classes: captured-argument count etc. */
  synthetic: unknown = null;
  /** Loaded from the boot class path (the classlib): module java.base, loader 'bootstrap'. */
  boot = false;

  constructor(
    readonly name: string,
    readonly access: number,
    readonly cf: ClassFile | null,
    readonly isPrimitive = false,
  ) {
    if (name.startsWith("[")) {
      this.elementDescriptor = name.slice(1);
      this.elementSize = ELEMENT_SIZE[this.elementDescriptor] ?? 4;
    } else {
      this.elementDescriptor = null;
      this.elementSize = 0;
    }
  }

  get isInterface(): boolean {
    return (this.access & ACC_INTERFACE) !== 0;
  }
  get isArray(): boolean {
    return this.elementDescriptor !== null;
  }
  get isFinal(): boolean {
    return (this.access & ACC_FINAL) !== 0;
  }
  get isPublic(): boolean {
    return (this.access & ACC_PUBLIC) !== 0;
  }
  get javaName(): string {
    return this.name.replace(/\//g, ".");
  }
  get packageName(): string {
    const i = this.name.lastIndexOf("/");
    return i < 0 ? "" : this.name.slice(0, i);
  }

  /** JVMS §6.5 instanceof / checkcast assignability of `this` (an object's class) to `t`. */
  isSubclassOf(t: JClass): boolean {
    if (this === t) return true;
    if (this.supers.has(t)) return true;
    if (this.componentType !== null && t.componentType !== null) {
      const sc = this.componentType;
      const tc = t.componentType;
      if (sc.isPrimitive || tc.isPrimitive) return sc === tc;
      return sc.isSubclassOf(tc);
    }
    return false;
  }

  /** Creates fields and methods from the class file; superclass and interfaces must be set. */
  defineMembers(): void {
    const cf = this.cf;
    if (!cf) return;
    let slot = this.superClass ? this.superClass.instanceFieldCount : 0;
    let pslot = this.superClass ? this.superClass.primFieldCount : 0;
    const defaults = this.superClass ? this.superClass.instanceDefaults.slice() : [];
    let bytes = this.superClass ? this.superClass.instanceBytes : 0;
    let sslot = 0;
    for (const fi of cf.fields) {
      const f = new JField(this, fi.name, fi.descriptor, fi.access, fi);
      if (f.isStatic) {
        f.slot = sslot++;
        this.statics.push(defaultValue(fi.descriptor));
      } else {
        if (f.prim) f.slot = pslot++;
        else {
          f.slot = slot++;
          defaults.push(defaultValue(fi.descriptor));
        }
        bytes += ELEMENT_SIZE[fi.descriptor] ?? 4;
      }
      this.fields.set(fi.name, f);
    }
    this.instanceFieldCount = slot;
    this.instanceDefaults = defaults;
    this.primFieldCount = pslot;
    if (pslot > 0) {
      // Start from a double so the array's elements kind is PACKED_DOUBLE (unboxed) from the outset.
      const tmpl = [0.5];
      tmpl.length = 0;
      for (let i = 0; i < pslot; i++) tmpl.push(0);
      this.primDefaults = tmpl;
    }
    this.instanceBytes = bytes;
    for (const mi of cf.methods) {
      const m = new JMethod(this, mi.name, mi.descriptor, mi.access, mi.code ?? null);
      this.methods.set(m.nameDesc, m);
    }
    if (this.superClass) {
      this.supers.add(this.superClass);
      for (const s of this.superClass.supers) this.supers.add(s);
    }
    for (const i of this.interfaces) {
      this.supers.add(i);
      for (const s of i.supers) this.supers.add(s);
    }
  }

  /** Field resolution, JVMS §5.4.3.2: this class, then superinterfaces, then the superclass. */
  findField(name: string): JField | null {
    const own = this.fields.get(name);
    if (own) return own;
    for (const i of this.interfaces) {
      const f = i.findField(name);
      if (f) return f;
    }
    return this.superClass ? this.superClass.findField(name) : null;
  }

  /** Method resolution, JVMS §5.4.3.3 (classes) / §5.4.3.4 (interfaces). */
  resolveMethod(nameDesc: string): JMethod | null {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the superclass chain starts here
    for (let c: JClass | null = this; c; c = c.superClass) {
      const m = c.methods.get(nameDesc);
      if (m) return m;
    }
    return this.findInterfaceMethod(nameDesc);
  }

  /** Maximally-specific superinterface method (JVMS §5.4.3.3 step 3), preferring non-abstract ones. */
  findInterfaceMethod(nameDesc: string): JMethod | null {
    const candidates: JMethod[] = [];
    for (const s of this.allInterfaces()) {
      const m = s.methods.get(nameDesc);
      if (m && !m.isStatic && !m.isPrivate) candidates.push(m);
    }
    if (this.isInterface) {
      const own = this.methods.get(nameDesc);
      if (own) return own;
    }
    if (candidates.length === 0) {
      // Interfaces inherit Object's public methods (JVMS §5.4.3.4 step 3).
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the superclass chain starts here
      let root: JClass | null = this;
      while (root?.superClass) root = root.superClass;
      const om = this.isInterface && root ? root.methods.get(nameDesc) : undefined;
      return om && !om.isStatic && om.isPrivate === false ? om : null;
    }
    const specific = candidates.filter((m) => !candidates.some((o) => o !== m && o.cls.supers.has(m.cls)));
    return specific.find((m) => !m.isAbstract) ?? specific[0] ?? null;
  }

  allInterfaces(): JClass[] {
    const out: JClass[] = [];
    for (const s of this.supers) if (s.isInterface) out.push(s);
    if (this.isInterface) out.unshift(this);
    return out;
  }

  /**
   * Method selection for invokevirtual/invokeinterface, JVMS §5.4.6: the first overriding
   * method up the superclass chain, else the maximally-specific default method. Cached per class.
   */
  selectVirtual(nameDesc: string): JMethod | null {
    let m = this.virtualCache.get(nameDesc);
    if (m !== undefined) return m;
    m = null;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the walk up the superclass chain starts here
    for (let c: JClass | null = this; c; c = c.superClass) {
      const x = c.methods.get(nameDesc);
      if (x && !x.isStatic && !x.isPrivate) {
        m = x;
        break;
      }
    }
    if (!m || m.isAbstract) {
      const candidates: JMethod[] = [];
      for (const s of this.supers) {
        if (!s.isInterface) continue;
        const x = s.methods.get(nameDesc);
        if (x && !x.isStatic && !x.isPrivate && !x.isAbstract) candidates.push(x);
      }
      const specific = candidates.filter((x) => !candidates.some((o) => o !== x && o.cls.supers.has(x.cls)));
      if (specific.length >= 1) m = specific[0]!;
    }
    this.virtualCache.set(nameDesc, m);
    return m;
  }
}

export function defaultValue(desc: string): unknown {
  switch (desc.charCodeAt(0)) {
    case 74: // J
      return 0n;
    case 76: // L
    case 91: // [
      return null;
    default:
      return 0;
  }
}
