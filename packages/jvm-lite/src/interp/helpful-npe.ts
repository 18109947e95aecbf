/**
 * Helpful NullPointerException messages (JEP 358, on by default since JDK 15): what the
 * failing instruction tried to do and, when a dataflow over the method can tell, which
 * expression was null — in HotSpot's wording (bytecodeUtils.cpp).
 */
import { descriptorToJavaName, parseMethodDescriptor } from "../classfile/descriptors";
import type { JMethod } from "../runtime/jclass";
import { instructionLength, OPCODES } from "./opcodes";

const ARRAY_KIND: Record<number, string> = { 0x2e: "int", 0x2f: "long", 0x30: "float", 0x31: "double", 0x32: "object", 0x33: "byte/boolean", 0x34: "char", 0x35: "short" };

/** External class name as HotSpot prints it in these messages: only Object and String are abbreviated. */
function abbreviate(n: string): string {
  return n.replace(/^java\.lang\.(Object|String)(?=$|\[)/, "$1");
}
function shortName(internal: string): string {
  return abbreviate(internal.replace(/\//g, "."));
}
function typeName(desc: string): string {
  return abbreviate(descriptorToJavaName(desc));
}

export function helpfulNpeMessage(m: JMethod, pc: number): string | null {
  const code = m.code;
  const op = code[pc]!;
  const cp = m.cls.cf?.cp;
  let action: string;
  let depth = 0;
  if (op >= 0x2e && op <= 0x35) {
    action = `Cannot load from ${ARRAY_KIND[op]} array`;
    depth = 1;
  } else if (op >= 0x4f && op <= 0x56) {
    action = `Cannot store to ${ARRAY_KIND[op - 0x21]} array`;
    depth = op === 0x50 || op === 0x52 ? 3 : 2;
  } else if (op === 0xbe) action = "Cannot read the array length";
  else if (op === 0xbf) action = "Cannot throw exception";
  else if (op === 0xc2) action = "Cannot enter synchronized block";
  else if (op === 0xc3) action = "Cannot exit synchronized block";
  else if ((op === 0xb4 || op === 0xb5) && cp) {
    const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
    action = op === 0xb4 ? `Cannot read field "${ref.name}"` : `Cannot assign field "${ref.name}"`;
    if (op === 0xb5) depth = ref.descriptor === "J" || ref.descriptor === "D" ? 2 : 1;
  } else if (op >= 0xb6 && op <= 0xb9 && cp) {
    const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
    const d = parseMethodDescriptor(ref.descriptor);
    action = `Cannot invoke "${shortName(ref.className)}.${ref.name}(${d.params.map(typeName).join(", ")})"`;
    depth = d.slots;
  } else return null;
  const stacks = analyze(m);
  const st = stacks?.get(pc);
  if (!st) return action;
  const src = st[st.length - 1 - depth];
  if (src === undefined || src < 0) return action;
  const what = describe(m, src, stacks!, 0);
  if (what === null) return action;
  return `${action} because ${what} is null`;
}

/** Describes the value pushed by the instruction at `pc`: `"<local1>"`, `the return value of "..."`. */
function describe(m: JMethod, pc: number, stacks: Map<number, number[]>, level: number): string | null {
  const inner = expr(m, pc, stacks, level);
  if (inner === null) return null;
  return inner.startsWith("the return value") ? inner : `"${inner}"`;
}

function expr(m: JMethod, pc: number, stacks: Map<number, number[]>, level: number): string | null {
  if (level > 4) return null;
  const code = m.code;
  const op = code[pc]!;
  const cp = m.cls.cf!.cp;
  const local = (n: number): string => {
    const lv = m.codeAttr?.localVariables.find((v) => v.index === n && pc + instructionLength(code, pc) >= v.startPc && pc < v.startPc + v.length + 1);
    if (lv) return lv.name;
    if (!m.isStatic && n === 0) return "this";
    const params = parseMethodDescriptor(m.descriptor).params;
    let slot = m.isStatic ? 0 : 1;
    for (let i = 0; i < params.length; i++) {
      if (slot === n) return `<parameter${i + 1}>`;
      slot += params[i] === "J" || params[i] === "D" ? 2 : 1;
    }
    return `<local${n}>`;
  };
  if (op >= 0x2a && op <= 0x2d) return local(op - 0x2a);
  if (op === 0x19) return local(code[pc + 1]!);
  if (op >= 0x1a && op <= 0x1d) return local(op - 0x1a);
  if (op === 0x15) return local(code[pc + 1]!);
  if (op === 0xc4) return local((code[pc + 2]! << 8) | code[pc + 3]!);
  if (op === 0x01) return "null";
  if (op >= 0x02 && op <= 0x08) return String(op - 3);
  if (op === 0x10) return String((code[pc + 1]! << 24) >> 24);
  if (op === 0x11) return String((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
  if (op === 0xb2) {
    const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
    return `${shortName(ref.className)}.${ref.name}`;
  }
  if (op === 0xb4) {
    const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
    const st = stacks.get(pc);
    const src = st?.[st.length - 1];
    const obj = src !== undefined && src >= 0 ? expr(m, src, stacks, level + 1) : null;
    if (obj === null || obj.startsWith("the return value")) return ref.name;
    return `${obj}.${ref.name}`;
  }
  if (op >= 0xb6 && op <= 0xb9) {
    const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
    const d = parseMethodDescriptor(ref.descriptor);
    return `the return value of "${shortName(ref.className)}.${ref.name}(${d.params.map(typeName).join(", ")})"`;
  }
  if (op === 0x32) {
    const st = stacks.get(pc);
    if (!st) return null;
    const arr = st[st.length - 2];
    const idx = st[st.length - 1];
    const a = arr !== undefined && arr >= 0 ? expr(m, arr, stacks, level + 1) : null;
    const i = idx !== undefined && idx >= 0 ? expr(m, idx, stacks, level + 1) : null;
    if (a === null || a.startsWith("the return value")) return null;
    return `${a}[${i ?? "..."}]`;
  }
  if (op === 0xc0) {
    const st = stacks.get(pc);
    const src = st?.[st.length - 1];
    return src !== undefined && src >= 0 ? expr(m, src, stacks, level) : null;
  }
  return null;
}

const cache = new WeakMap<JMethod, Map<number, number[]> | null>();

/** For every reachable pc, the stack (in slots) before it: the pc that pushed each slot, -1 if paths disagree. */
function analyze(m: JMethod): Map<number, number[]> | null {
  if (cache.has(m)) return cache.get(m)!;
  const code = m.code;
  const cp = m.cls.cf?.cp;
  const states = new Map<number, number[]>();
  const work: number[] = [];
  const merge = (pc: number, st: number[]): void => {
    const old = states.get(pc);
    if (!old) {
      states.set(pc, st);
      work.push(pc);
      return;
    }
    if (old.length !== st.length) return;
    let changed = false;
    for (let i = 0; i < old.length; i++) {
      if (old[i] !== st[i] && old[i] !== -1) {
        old[i] = -1;
        changed = true;
      }
    }
    if (changed) work.push(pc);
  };
  merge(0, []);
  for (const h of m.handlers) merge(h.handlerPc, [-2]);
  let steps = 0;
  while (work.length > 0 && steps++ < 100000) {
    const pc = work.pop()!;
    const st = states.get(pc)!.slice();
    const op = code[pc]!;
    const len = instructionLength(code, pc);
    if (len <= 0 || !cp) {
      cache.set(m, null);
      return null;
    }
    const info = OPCODES[op]!;
    let pop = info.pop;
    let push = info.push;
    const next: number[] = [];
    const rel16 = (): number => pc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
    switch (op) {
      case 0x59:
        st.push(st[st.length - 1]!);
        pop = push = 0;
        break;
      case 0x5a: {
        const v1 = st.pop()!;
        const v2 = st.pop()!;
        st.push(v1, v2, v1);
        pop = push = 0;
        break;
      }
      case 0x5b: {
        const v1 = st.pop()!;
        const v2 = st.pop()!;
        const v3 = st.pop()!;
        st.push(v1, v3, v2, v1);
        pop = push = 0;
        break;
      }
      case 0x5c: {
        const v1 = st[st.length - 1]!;
        const v2 = st[st.length - 2]!;
        st.push(v2, v1);
        pop = push = 0;
        break;
      }
      case 0x5d: {
        const v1 = st.pop()!;
        const v2 = st.pop()!;
        const v3 = st.pop()!;
        st.push(v2, v1, v3, v2, v1);
        pop = push = 0;
        break;
      }
      case 0x5e: {
        const v1 = st.pop()!;
        const v2 = st.pop()!;
        const v3 = st.pop()!;
        const v4 = st.pop()!;
        st.push(v2, v1, v4, v3, v2, v1);
        pop = push = 0;
        break;
      }
      case 0x5f: {
        const v1 = st.pop()!;
        const v2 = st.pop()!;
        st.push(v1, v2);
        pop = push = 0;
        break;
      }
      case 0xb2:
      case 0xb3:
      case 0xb4:
      case 0xb5: {
        const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
        const w = ref.descriptor === "J" || ref.descriptor === "D" ? 2 : 1;
        pop = op === 0xb2 ? 0 : op === 0xb3 ? w : op === 0xb4 ? 1 : w + 1;
        push = op === 0xb2 || op === 0xb4 ? w : 0;
        break;
      }
      case 0xb6:
      case 0xb7:
      case 0xb8:
      case 0xb9:
      case 0xba: {
        const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
        const desc = op === 0xba ? cp.dynamic(idx).descriptor : cp.memberRef(idx).descriptor;
        const d = parseMethodDescriptor(desc);
        pop = d.slots + (op === 0xb8 || op === 0xba ? 0 : 1);
        push = d.ret === "V" ? 0 : d.ret === "J" || d.ret === "D" ? 2 : 1;
        break;
      }
      case 0xc5:
        pop = code[pc + 3]!;
        break;
      case 0xc4: {
        const sub = code[pc + 1]!;
        const si = OPCODES[sub]!;
        pop = si.pop ?? 0;
        push = si.push ?? 0;
        break;
      }
      default:
        break;
    }
    for (let i = 0; i < (pop ?? 0); i++) st.pop();
    for (let i = 0; i < (push ?? 0); i++) st.push(pc);
    // successors
    if (op >= 0x99 && op <= 0xa6) next.push(rel16(), pc + len);
    else if (op === 0xc6 || op === 0xc7) next.push(rel16(), pc + len);
    else if (op === 0xa7) next.push(rel16());
    else if (op === 0xc8) next.push(pc + ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!));
    else if (op === 0xaa || op === 0xab) {
      const p = (pc + 4) & ~3;
      const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
      next.push(pc + rd(p));
      if (op === 0xaa) {
        const lo = rd(p + 4);
        const hi = rd(p + 8);
        for (let k = 0; k <= hi - lo; k++) next.push(pc + rd(p + 12 + k * 4));
      } else {
        const n = rd(p + 4);
        for (let k = 0; k < n; k++) next.push(pc + rd(p + 8 + k * 8 + 4));
      }
    } else if ((op >= 0xac && op <= 0xb1) || op === 0xbf || op === 0xa9 || op === 0xa8 || op === 0xc9) {
      // no fall-through
    } else next.push(pc + len);
    for (const n of next) if (n >= 0 && n < code.length) merge(n, st.slice());
  }
  cache.set(m, states);
  return states;
}
