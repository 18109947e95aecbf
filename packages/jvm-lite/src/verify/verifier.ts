/**
 * The type-checking verifier (JVMS §4.10.1) for application classes: every method's code is
 * checked instruction by instruction against the frames of its StackMapTable (version >= 50
 * classes; javac 17 emits them). Returns a VerifyError message, or null when the class verifies.
 * Classes from the boot class path are not verified, like HotSpot's BytecodeVerificationLocal=false.
 */
import { ACC_STATIC } from "../classfile/access-flags";
import { CONSTANT_Class, CONSTANT_Double, CONSTANT_Float, CONSTANT_Integer, CONSTANT_Long, CONSTANT_MethodHandle, CONSTANT_MethodType, CONSTANT_String, type ConstantPool } from "../classfile/constant-pool";
import type { MemberInfo } from "../classfile/class-file";
import { parseMethodDescriptor } from "../classfile/descriptors";
import { instructionLength } from "../interp/opcodes";
import type { JClass } from "../runtime/jclass";
import type { Jvm } from "../vm";
import { decodeStackMapTable, type VFrame, type VType, TOP, INT, FLOAT, LONG, DOUBLE, NULL, UNINIT_THIS } from "./stack-map";

class Fail extends Error {}

export function verifyClass(vm: Jvm, cls: JClass): string | null {
  const cf = cls.cf;
  if (!cf || cf.major < 50) return null;
  for (const m of cf.methods) {
    if (!m.code) continue;
    try {
      new MethodVerifier(vm, cls, m).run();
    } catch (e) {
      if (e instanceof Fail) return `${e.message} (class: ${cls.name}, method: ${m.name} signature: ${m.descriptor})`;
      throw e;
    }
  }
  return null;
}

/** Verification type of a field descriptor (JVMS §4.10.1.2). */
function fromDescriptor(d: string): VType {
  switch (d[0]) {
    case "B":
    case "C":
    case "S":
    case "Z":
    case "I":
      return INT;
    case "F":
      return FLOAT;
    case "J":
      return LONG;
    case "D":
      return DOUBLE;
    case "L":
      return "L" + d.slice(1, -1);
    default:
      return "L" + d;
  }
}
const isRef = (t: VType): boolean => t === NULL || t === UNINIT_THIS || t.startsWith("L") || t.startsWith("U@");
const size = (t: VType): number => (t === LONG || t === DOUBLE ? 2 : 1);

class MethodVerifier {
  private readonly code: Uint8Array;
  private readonly cp: ConstantPool;
  private readonly frames: Map<number, VFrame>;
  private locals: VType[] = [];
  private stack: VType[] = [];
  private readonly maxStack: number;
  private readonly maxLocals: number;
  private readonly isInit: boolean;
  private readonly ret: string;

  constructor(
    private readonly vm: Jvm,
    private readonly cls: JClass,
    private readonly m: MemberInfo,
  ) {
    const c = m.code!;
    this.code = c.code;
    this.cp = cls.cf!.cp;
    this.maxStack = c.maxStack;
    this.maxLocals = c.maxLocals;
    this.isInit = m.name === "<init>";
    this.ret = parseMethodDescriptor(m.descriptor).ret;
    const init = this.initialFrame();
    try {
      this.frames = decodeStackMapTable(c.stackMapTable, this.cp, init, this.maxLocals);
    } catch (e) {
      throw new Fail((e as Error).message);
    }
  }

  private fail(msg: string, pc: number): never {
    throw new Fail(`${msg} at offset ${pc}`);
  }

  private initialFrame(): VFrame {
    const locals: VType[] = [];
    if ((this.m.access & ACC_STATIC) === 0) locals.push(this.isInit && this.cls.name !== "java/lang/Object" ? UNINIT_THIS : "L" + this.cls.name);
    for (const p of parseMethodDescriptor(this.m.descriptor).params) {
      const t = fromDescriptor(p);
      locals.push(t);
      if (size(t) === 2) locals.push(TOP);
    }
    if (locals.length > this.maxLocals) throw new Fail("Arguments can't fit into locals");
    while (locals.length < this.maxLocals) locals.push(TOP);
    return { locals, stack: [] };
  }

  // ---- type lattice (JVMS §4.10.1.2) ----

  private loadOrNull(name: string): JClass | null {
    if (name === this.cls.name) return this.cls;
    try {
      return this.vm.loadClass(name);
    } catch {
      return null; // resolution errors surface when the code runs (like lazy resolution)
    }
  }

  private refAssignable(from: string, to: string): boolean {
    if (from === to || to === "java/lang/Object") return true;
    if (to.startsWith("[")) {
      if (!from.startsWith("[")) return false;
      const fc = from.slice(1);
      const tc = to.slice(1);
      if (fc.length === 1 || tc.length === 1) return fc === tc;
      const strip = (s: string): string => (s.startsWith("L") ? s.slice(1, -1) : s);
      return this.refAssignable(strip(fc), strip(tc));
    }
    if (from.startsWith("[")) return to === "java/lang/Cloneable" || to === "java/io/Serializable";
    const t = this.loadOrNull(to);
    if (t === null || t.isInterface) return true;
    const f = this.loadOrNull(from);
    if (f === null) return true;
    return f === t || f.isSubclassOf(t);
  }

  private assignable(a: VType, b: VType): boolean {
    if (a === b || b === TOP) return true;
    if (b.startsWith("L")) {
      if (a === NULL) return true;
      if (a.startsWith("L")) return this.refAssignable(a.slice(1), b.slice(1));
    }
    return false;
  }

  private frameAssignable(target: VFrame, pc: number): void {
    const tl = target.locals;
    for (let i = 0; i < tl.length; i++) {
      if (!this.assignable(this.locals[i] ?? TOP, tl[i]!)) this.fail(`Type ${this.locals[i] ?? TOP} (current frame, locals[${i}]) is not assignable to ${tl[i]} (stack map)`, pc);
    }
    if (this.stack.length !== target.stack.length) this.fail("Inconsistent stack height with stack map frame", pc);
    for (let i = 0; i < this.stack.length; i++) {
      if (!this.assignable(this.stack[i]!, target.stack[i]!)) this.fail(`Type ${this.stack[i]} (current frame, stack[${i}]) is not assignable to ${target.stack[i]} (stack map)`, pc);
    }
  }

  private branch(target: number, pc: number): void {
    const f = this.frames.get(target);
    if (!f) this.fail(`Expecting a stackmap frame at branch target ${target}`, pc);
    this.frameAssignable(f, pc);
  }

  // ---- operand stack ----

  private push(t: VType, pc: number): void {
    this.stack.push(t);
    if (size(t) === 2) this.stack.push(TOP);
    if (this.stack.length > this.maxStack) this.fail("Exceeded max stack size", pc);
  }

  private pop(want: VType, pc: number): VType {
    if (size(want) === 2) {
      const hi = this.stack.pop();
      const lo = this.stack.pop();
      if (hi !== TOP || lo !== want) this.fail(`Bad type on operand stack: expected ${want}, found ${lo ?? "nothing"}`, pc);
      return want;
    }
    const t = this.stack.pop();
    if (t === undefined) this.fail("Operand stack underflow", pc);
    if (want === "ref") {
      if (!isRef(t)) this.fail(`Bad type on operand stack: expected a reference, found ${t}`, pc);
      return t;
    }
    if (!this.assignable(t, want)) this.fail(`Bad type on operand stack: expected ${want}, found ${t}`, pc);
    return t;
  }

  private popCat1(pc: number): VType {
    const t = this.stack.pop();
    if (t === undefined || t === TOP) this.fail("Bad type on operand stack: expected a category 1 value", pc);
    return t;
  }

  private getLocal(i: number, want: VType, pc: number): VType {
    if (i + size(want) > this.maxLocals) this.fail(`Illegal local variable number ${i}`, pc);
    const t = this.locals[i]!;
    if (want === "ref") {
      if (!isRef(t)) this.fail(`Bad local variable type: expected a reference in local ${i}, found ${t}`, pc);
      return t;
    }
    if (t !== want || (size(want) === 2 && this.locals[i + 1] !== TOP)) this.fail(`Bad local variable type: expected ${want} in local ${i}, found ${t}`, pc);
    return t;
  }

  private setLocal(i: number, t: VType, pc: number): void {
    if (i + size(t) > this.maxLocals) this.fail(`Illegal local variable number ${i}`, pc);
    // Overwriting half of a long/double invalidates the other half.
    if (i > 0 && size(this.locals[i - 1]!) === 2) this.locals[i - 1] = TOP;
    this.locals[i] = t;
    if (size(t) === 2) {
      if (i + 2 < this.locals.length && this.locals[i + 2] === TOP && size(this.locals[i + 1]!) === 2) this.locals[i + 2] = TOP;
      this.locals[i + 1] = TOP;
    }
  }

  // ---- the pass ----

  run(): void {
    const code = this.code;
    const init = this.initialFrame();
    this.locals = init.locals.slice();
    this.stack = [];
    let reachable = true;
    for (let pc = 0; pc < code.length; ) {
      const len = instructionLength(code, pc);
      if (len <= 0 || pc + len > code.length) this.fail(`Bad instruction or truncated code`, pc);
      const mapped = this.frames.get(pc);
      if (mapped) {
        if (reachable) this.frameAssignable(mapped, pc);
        this.locals = mapped.locals.slice();
        this.stack = mapped.stack.slice();
        reachable = true;
      } else if (!reachable) this.fail("Expecting a stack map frame", pc);
      const before = this.locals.slice();
      reachable = this.execute(pc, len);
      this.checkHandlers(pc, before);
      this.checkHandlers(pc, this.locals);
      pc += len;
    }
    if (reachable) this.fail("Falling off the end of the code", code.length);
    for (const off of this.frames.keys()) {
      let ok = false;
      for (let pc = 0; pc < code.length; pc += instructionLength(code, pc)) if (pc === off) ok = true;
      if (!ok) this.fail("StackMapTable error: bad offset", off);
    }
  }

  private checkHandlers(pc: number, locals: VType[]): void {
    for (const h of this.m.code!.handlers) {
      if (pc < h.startPc || pc >= h.endPc) continue;
      const f = this.frames.get(h.handlerPc);
      if (!f) this.fail(`Expecting a stackmap frame at exception handler ${h.handlerPc}`, pc);
      const exc = "L" + (h.catchType === 0 ? "java/lang/Throwable" : this.cp.className(h.catchType));
      if (f.stack.length !== 1 || !this.assignable(exc, f.stack[0]!)) this.fail("Bad exception handler frame", pc);
      if (!this.refAssignable(exc.slice(1), "java/lang/Throwable")) this.fail("Catch type is not a subclass of Throwable", pc);
      for (let i = 0; i < f.locals.length; i++) {
        // In <init>, a handler may see `this` still uninitialized; the map says top or uninitializedThis.
        if (!this.assignable(locals[i] ?? TOP, f.locals[i]!)) this.fail(`Bad local variable type at exception handler ${h.handlerPc}: locals[${i}] ${locals[i]} vs ${f.locals[i]}`, pc);
      }
    }
  }

  /** Applies the instruction at pc; returns whether the next instruction is reachable by fall-through. */
  private execute(pc: number, len: number): boolean {
    const code = this.code;
    const op = code[pc]!;
    const u1 = code[pc + 1]!;
    const u2 = (code[pc + 1]! << 8) | code[pc + 2]!;
    const s16 = (u2 << 16) >> 16;
    switch (op) {
      case 0x00:
        return true;
      case 0x01:
        this.push(NULL, pc);
        return true;
      case 0x02: case 0x03: case 0x04: case 0x05: case 0x06: case 0x07: case 0x08: case 0x10: case 0x11:
        this.push(INT, pc);
        return true;
      case 0x09: case 0x0a:
        this.push(LONG, pc);
        return true;
      case 0x0b: case 0x0c: case 0x0d:
        this.push(FLOAT, pc);
        return true;
      case 0x0e: case 0x0f:
        this.push(DOUBLE, pc);
        return true;
      case 0x12: case 0x13: case 0x14: {
        const idx = op === 0x12 ? u1 : u2;
        const tag = this.cp.tags[idx];
        let t: VType;
        if (op === 0x14) {
          if (tag === CONSTANT_Long) t = LONG;
          else if (tag === CONSTANT_Double) t = DOUBLE;
          else this.fail("Illegal type in constant pool for ldc2_w", pc);
        } else if (tag === CONSTANT_Integer) t = INT;
        else if (tag === CONSTANT_Float) t = FLOAT;
        else if (tag === CONSTANT_String) t = "Ljava/lang/String";
        else if (tag === CONSTANT_Class) t = "Ljava/lang/Class";
        else if (tag === CONSTANT_MethodType) t = "Ljava/lang/invoke/MethodType";
        else if (tag === CONSTANT_MethodHandle) t = "Ljava/lang/invoke/MethodHandle";
        else this.fail("Illegal type in constant pool for ldc", pc);
        this.push(t, pc);
        return true;
      }
      case 0x15: this.push(this.getLocal(u1, INT, pc), pc); return true;
      case 0x16: this.push(this.getLocal(u1, LONG, pc), pc); return true;
      case 0x17: this.push(this.getLocal(u1, FLOAT, pc), pc); return true;
      case 0x18: this.push(this.getLocal(u1, DOUBLE, pc), pc); return true;
      case 0x19: this.push(this.getLocal(u1, "ref", pc), pc); return true;
      case 0x1a: case 0x1b: case 0x1c: case 0x1d: this.push(this.getLocal(op - 0x1a, INT, pc), pc); return true;
      case 0x1e: case 0x1f: case 0x20: case 0x21: this.push(this.getLocal(op - 0x1e, LONG, pc), pc); return true;
      case 0x22: case 0x23: case 0x24: case 0x25: this.push(this.getLocal(op - 0x22, FLOAT, pc), pc); return true;
      case 0x26: case 0x27: case 0x28: case 0x29: this.push(this.getLocal(op - 0x26, DOUBLE, pc), pc); return true;
      case 0x2a: case 0x2b: case 0x2c: case 0x2d: this.push(this.getLocal(op - 0x2a, "ref", pc), pc); return true;
      case 0x2e: case 0x2f: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: {
        this.pop(INT, pc);
        const arr = this.pop("ref", pc);
        const comp = arr === NULL ? null : arr.startsWith("L[") ? arr.slice(2) : this.fail(`Bad type on operand stack in ${op === 0x32 ? "aaload" : "array load"}: ${arr} is not an array`, pc);
        const want = ["I", "J", "F", "D", "L", "B", "C", "S"][op - 0x2e]!;
        if (comp !== null && !(want === "L" ? comp.startsWith("L") || comp.startsWith("[") : want === "B" ? comp === "B" || comp === "Z" : comp === want)) this.fail(`Bad type on operand stack: array of ${comp} for ${want} load`, pc);
        this.push(op === 0x32 ? (comp === null ? NULL : fromDescriptor(comp)) : fromDescriptor(want), pc);
        return true;
      }
      case 0x36: this.setLocal(u1, this.pop(INT, pc), pc); return true;
      case 0x37: this.setLocal(u1, this.pop(LONG, pc), pc); return true;
      case 0x38: this.setLocal(u1, this.pop(FLOAT, pc), pc); return true;
      case 0x39: this.setLocal(u1, this.pop(DOUBLE, pc), pc); return true;
      case 0x3a: this.setLocal(u1, this.pop("ref", pc), pc); return true;
      case 0x3b: case 0x3c: case 0x3d: case 0x3e: this.setLocal(op - 0x3b, this.pop(INT, pc), pc); return true;
      case 0x3f: case 0x40: case 0x41: case 0x42: this.setLocal(op - 0x3f, this.pop(LONG, pc), pc); return true;
      case 0x43: case 0x44: case 0x45: case 0x46: this.setLocal(op - 0x43, this.pop(FLOAT, pc), pc); return true;
      case 0x47: case 0x48: case 0x49: case 0x4a: this.setLocal(op - 0x47, this.pop(DOUBLE, pc), pc); return true;
      case 0x4b: case 0x4c: case 0x4d: case 0x4e: this.setLocal(op - 0x4b, this.pop("ref", pc), pc); return true;
      case 0x4f: case 0x50: case 0x51: case 0x52: case 0x53: case 0x54: case 0x55: case 0x56: {
        const want = ["I", "J", "F", "D", "L", "B", "C", "S"][op - 0x4f]!;
        this.pop(want === "L" ? "ref" : fromDescriptor(want), pc);
        this.pop(INT, pc);
        const arr = this.pop("ref", pc);
        if (arr !== NULL) {
          if (!arr.startsWith("L[")) this.fail(`Bad type on operand stack: ${arr} is not an array`, pc);
          const comp = arr.slice(2);
          if (!(want === "L" ? comp.startsWith("L") || comp.startsWith("[") : want === "B" ? comp === "B" || comp === "Z" : comp === want)) this.fail(`Bad type on operand stack: array of ${comp} for ${want} store`, pc);
        }
        return true;
      }
      case 0x57: this.popCat1(pc); return true;
      case 0x58: this.stack.pop(); if (this.stack.pop() === undefined) this.fail("Operand stack underflow", pc); return true;
      case 0x59: { const v = this.popCat1(pc); this.stack.push(v, v); break; }
      case 0x5a: { const v1 = this.popCat1(pc); const v2 = this.popCat1(pc); this.stack.push(v1, v2, v1); break; }
      case 0x5b: { const v1 = this.popCat1(pc); const v2 = this.stack.pop(); const v3 = this.stack.pop(); if (v3 === undefined) this.fail("Operand stack underflow", pc); this.stack.push(v1, v3, v2!, v1); break; }
      case 0x5c: { const v1 = this.stack.pop(); const v2 = this.stack.pop(); if (v2 === undefined) this.fail("Operand stack underflow", pc); this.stack.push(v2, v1!, v2, v1!); break; }
      case 0x5d: { const v1 = this.stack.pop(); const v2 = this.stack.pop(); const v3 = this.popCat1(pc); if (v2 === undefined) this.fail("Operand stack underflow", pc); this.stack.push(v2, v1!, v3, v2, v1!); break; }
      case 0x5e: { const v1 = this.stack.pop(); const v2 = this.stack.pop(); const v3 = this.stack.pop(); const v4 = this.stack.pop(); if (v4 === undefined) this.fail("Operand stack underflow", pc); this.stack.push(v2!, v1!, v4, v3!, v2!, v1!); break; }
      case 0x5f: { const v1 = this.popCat1(pc); const v2 = this.popCat1(pc); this.stack.push(v1, v2); break; }
      case 0x60: case 0x64: case 0x68: case 0x6c: case 0x70: case 0x7e: case 0x80: case 0x82: case 0x78: case 0x7a: case 0x7c:
        this.pop(INT, pc); this.pop(INT, pc); this.push(INT, pc); return true;
      case 0x61: case 0x65: case 0x69: case 0x6d: case 0x71: case 0x7f: case 0x81: case 0x83:
        this.pop(LONG, pc); this.pop(LONG, pc); this.push(LONG, pc); return true;
      case 0x79: case 0x7b: case 0x7d:
        this.pop(INT, pc); this.pop(LONG, pc); this.push(LONG, pc); return true;
      case 0x62: case 0x66: case 0x6a: case 0x6e: case 0x72:
        this.pop(FLOAT, pc); this.pop(FLOAT, pc); this.push(FLOAT, pc); return true;
      case 0x63: case 0x67: case 0x6b: case 0x6f: case 0x73:
        this.pop(DOUBLE, pc); this.pop(DOUBLE, pc); this.push(DOUBLE, pc); return true;
      case 0x74: this.pop(INT, pc); this.push(INT, pc); return true;
      case 0x75: this.pop(LONG, pc); this.push(LONG, pc); return true;
      case 0x76: this.pop(FLOAT, pc); this.push(FLOAT, pc); return true;
      case 0x77: this.pop(DOUBLE, pc); this.push(DOUBLE, pc); return true;
      case 0x84: this.getLocal(u1, INT, pc); return true;
      case 0x85: case 0x86: case 0x87: case 0x88: case 0x89: case 0x8a: case 0x8b: case 0x8c: case 0x8d: case 0x8e: case 0x8f: case 0x90: {
        const from = [INT, INT, INT, LONG, LONG, LONG, FLOAT, FLOAT, FLOAT, DOUBLE, DOUBLE, DOUBLE][op - 0x85]!;
        const to = [LONG, FLOAT, DOUBLE, INT, FLOAT, DOUBLE, INT, LONG, DOUBLE, INT, LONG, FLOAT][op - 0x85]!;
        this.pop(from, pc);
        this.push(to, pc);
        return true;
      }
      case 0x91: case 0x92: case 0x93: this.pop(INT, pc); this.push(INT, pc); return true;
      case 0x94: this.pop(LONG, pc); this.pop(LONG, pc); this.push(INT, pc); return true;
      case 0x95: case 0x96: this.pop(FLOAT, pc); this.pop(FLOAT, pc); this.push(INT, pc); return true;
      case 0x97: case 0x98: this.pop(DOUBLE, pc); this.pop(DOUBLE, pc); this.push(INT, pc); return true;
      case 0x99: case 0x9a: case 0x9b: case 0x9c: case 0x9d: case 0x9e:
        this.pop(INT, pc); this.branch(pc + s16, pc); return true;
      case 0x9f: case 0xa0: case 0xa1: case 0xa2: case 0xa3: case 0xa4:
        this.pop(INT, pc); this.pop(INT, pc); this.branch(pc + s16, pc); return true;
      case 0xa5: case 0xa6:
        this.pop("ref", pc); this.pop("ref", pc); this.branch(pc + s16, pc); return true;
      case 0xc6: case 0xc7:
        this.pop("ref", pc); this.branch(pc + s16, pc); return true;
      case 0xa7: this.branch(pc + s16, pc); return false;
      case 0xc8: this.branch(pc + ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!), pc); return false;
      case 0xa8: case 0xa9: case 0xc9:
        this.fail("jsr/ret are not allowed in class files of version 51 or later", pc);
      // eslint-disable-next-line no-fallthrough -- fail() never returns
      case 0xaa: case 0xab: {
        this.pop(INT, pc);
        const p = (pc + 4) & ~3;
        const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
        this.branch(pc + rd(p), pc);
        if (op === 0xaa) {
          const lo = rd(p + 4);
          const hi = rd(p + 8);
          for (let k = 0; k <= hi - lo; k++) this.branch(pc + rd(p + 12 + k * 4), pc);
        } else {
          const n = rd(p + 4);
          let prev = -Infinity;
          for (let k = 0; k < n; k++) {
            const key = rd(p + 8 + k * 8);
            if (key <= prev) this.fail("Bad lookupswitch instruction: keys not sorted", pc);
            prev = key;
            this.branch(pc + rd(p + 8 + k * 8 + 4), pc);
          }
        }
        return false;
      }
      case 0xac: case 0xad: case 0xae: case 0xaf: case 0xb0: case 0xb1: {
        const want = op === 0xb1 ? "V" : op === 0xb0 ? "ref" : [INT, LONG, FLOAT, DOUBLE][op - 0xac]!;
        if (op === 0xb1) {
          if (this.ret !== "V") this.fail("Method expects a return value", pc);
          if (this.isInit && this.locals.includes(UNINIT_THIS)) this.fail("Constructor must call super() or this() before return", pc);
        } else {
          if (this.ret === "V") this.fail("Method does not expect a return value", pc);
          const r = fromDescriptor(this.ret);
          if (want === "ref") {
            const v = this.pop("ref", pc);
            if (!this.assignable(v, r)) this.fail(`Bad type on operand stack: ${v} is not assignable to the return type ${r}`, pc);
          } else {
            if (r !== want) this.fail("Wrong return type in function", pc);
            this.pop(want, pc);
          }
        }
        return false;
      }
      case 0xb2: case 0xb3: case 0xb4: case 0xb5: {
        const ref = this.cp.memberRef(u2);
        const ft = fromDescriptor(ref.descriptor);
        if (op === 0xb2) this.push(ft, pc);
        else if (op === 0xb3) this.pop(ft === INT || ft === FLOAT || ft === LONG || ft === DOUBLE ? ft : "ref", pc);
        else if (op === 0xb4) {
          const o = this.pop("ref", pc);
          if (o !== NULL && !this.assignable(o, "L" + ref.className)) this.fail(`Bad type on operand stack in getfield: ${o}`, pc);
          this.push(ft, pc);
        } else {
          this.pop(ft === INT || ft === FLOAT || ft === LONG || ft === DOUBLE ? ft : "ref", pc);
          const o = this.pop("ref", pc);
          const ok = o === NULL || this.assignable(o, "L" + ref.className) || (o === UNINIT_THIS && ref.className === this.cls.name);
          if (!ok) this.fail(`Bad type on operand stack in putfield: ${o}`, pc);
        }
        return true;
      }
      case 0xb6: case 0xb7: case 0xb8: case 0xb9: case 0xba: {
        const isIndy = op === 0xba;
        const ref = isIndy ? null : this.cp.memberRef(u2);
        const desc = isIndy ? this.cp.dynamic(u2).descriptor : ref!.descriptor;
        const d = parseMethodDescriptor(desc);
        for (let i = d.params.length - 1; i >= 0; i--) {
          const p = fromDescriptor(d.params[i]!);
          const v = this.pop(p === INT || p === FLOAT || p === LONG || p === DOUBLE ? p : "ref", pc);
          if (isRef(v) && !this.assignable(v, p) && !(ref && this.loadOrNull(p.slice(1))?.isInterface)) this.fail(`Bad type on operand stack: argument ${i} ${v} is not assignable to ${p}`, pc);
        }
        if (op !== 0xb8 && !isIndy) {
          const recv = this.pop("ref", pc);
          if (ref!.name === "<init>") {
            if (op !== 0xb7) this.fail("Illegal call to <init>", pc);
            if (recv !== UNINIT_THIS && !recv.startsWith("U@")) this.fail("Bad type on operand stack: <init> on an initialized object", pc);
            const initialized: VType = recv === UNINIT_THIS ? "L" + this.cls.name : "L" + this.newClassAt(Number(recv.slice(2)), pc);
            this.locals = this.locals.map((x) => (x === recv ? initialized : x));
            this.stack = this.stack.map((x) => (x === recv ? initialized : x));
          } else if (recv !== NULL && recv.startsWith("U")) this.fail("Bad type on operand stack: uninitialized receiver", pc);
          else if (recv !== NULL && op !== 0xb9 && !this.assignable(recv, "L" + ref!.className) && !ref!.className.startsWith("[")) {
            this.fail(`Bad type on operand stack: receiver ${recv} is not assignable to ${ref!.className}`, pc);
          }
        }
        if (d.ret !== "V") this.push(fromDescriptor(d.ret), pc);
        return true;
      }
      case 0xbb: {
        const name = this.cp.className(u2);
        if (name.startsWith("[")) this.fail("Illegal use of new on an array class", pc);
        this.push("U@" + pc, pc);
        return true;
      }
      case 0xbc: {
        this.pop(INT, pc);
        const t = "????ZCFDBSIJ"[u1];
        if (t === undefined || t === "?") this.fail(`Bad newarray type ${u1}`, pc);
        this.push("L[" + t, pc);
        return true;
      }
      case 0xbd: {
        this.pop(INT, pc);
        const c = this.cp.className(u2);
        this.push("L[" + (c.startsWith("[") ? c : "L" + c + ";"), pc);
        return true;
      }
      case 0xbe: {
        const a = this.pop("ref", pc);
        if (a !== NULL && !a.startsWith("L[")) this.fail(`Bad type on operand stack in arraylength: ${a}`, pc);
        this.push(INT, pc);
        return true;
      }
      case 0xbf: {
        const e = this.pop("ref", pc);
        if (e !== NULL && !this.assignable(e, "Ljava/lang/Throwable")) this.fail(`Bad type on operand stack in athrow: ${e}`, pc);
        return false;
      }
      case 0xc0: {
        this.pop("ref", pc);
        const c = this.cp.className(u2);
        this.push("L" + c, pc);
        return true;
      }
      case 0xc1: this.pop("ref", pc); this.cp.className(u2); this.push(INT, pc); return true;
      case 0xc2: case 0xc3: this.pop("ref", pc); return true;
      case 0xc4: {
        const sub = code[pc + 1]!;
        const idx = (code[pc + 2]! << 8) | code[pc + 3]!;
        switch (sub) {
          case 0x15: this.push(this.getLocal(idx, INT, pc), pc); break;
          case 0x16: this.push(this.getLocal(idx, LONG, pc), pc); break;
          case 0x17: this.push(this.getLocal(idx, FLOAT, pc), pc); break;
          case 0x18: this.push(this.getLocal(idx, DOUBLE, pc), pc); break;
          case 0x19: this.push(this.getLocal(idx, "ref", pc), pc); break;
          case 0x36: this.setLocal(idx, this.pop(INT, pc), pc); break;
          case 0x37: this.setLocal(idx, this.pop(LONG, pc), pc); break;
          case 0x38: this.setLocal(idx, this.pop(FLOAT, pc), pc); break;
          case 0x39: this.setLocal(idx, this.pop(DOUBLE, pc), pc); break;
          case 0x3a: this.setLocal(idx, this.pop("ref", pc), pc); break;
          case 0x84: this.getLocal(idx, INT, pc); break;
          default: this.fail(`Bad wide instruction ${sub}`, pc);
        }
        return true;
      }
      case 0xc5: {
        const c = this.cp.className(u2);
        const dims = code[pc + 3]!;
        if (dims < 1 || !c.startsWith("[".repeat(dims))) this.fail("Bad multianewarray dimensions", pc);
        for (let i = 0; i < dims; i++) this.pop(INT, pc);
        this.push("L" + c, pc);
        return true;
      }
      default:
        this.fail(`Bad instruction ${op}`, pc);
    }
    if (this.stack.length > this.maxStack) this.fail("Exceeded max stack size", pc);
    void len;
    return true;
  }

  private newClassAt(off: number, pc: number): string {
    if (this.code[off] !== 0xbb) this.fail("Uninitialized type does not refer to a new instruction", pc);
    return this.cp.className((this.code[off + 1]! << 8) | this.code[off + 2]!);
  }
}
