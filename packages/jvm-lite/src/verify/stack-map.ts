/**
 * StackMapTable decoding (JVMS §4.7.4): the compressed frames become full frames
 * (locals expanded to slots, long/double followed by top) keyed by bytecode offset.
 */
import { CONSTANT_Class, type ConstantPool } from "../classfile/constant-pool";

/** A verification type: "T" top, "I", "F", "J", "D", "N" null, "U" uninitializedThis, "U@<offset>", or "L<class or array>". */
export type VType = string;
export const TOP = "T";
export const INT = "I";
export const FLOAT = "F";
export const LONG = "J";
export const DOUBLE = "D";
export const NULL = "N";
export const UNINIT_THIS = "U";

export interface VFrame {
  readonly locals: VType[];
  readonly stack: VType[];
}

class Cursor {
  pos = 0;
  constructor(readonly b: Uint8Array) {}
  u1(): number {
    if (this.pos >= this.b.length) throw new Error("StackMapTable error: truncated");
    return this.b[this.pos++]!;
  }
  u2(): number {
    return (this.u1() << 8) | this.u1();
  }
}

function readType(c: Cursor, cp: ConstantPool): VType {
  const tag = c.u1();
  switch (tag) {
    case 0:
      return TOP;
    case 1:
      return INT;
    case 2:
      return FLOAT;
    case 3:
      return DOUBLE;
    case 4:
      return LONG;
    case 5:
      return NULL;
    case 6:
      return UNINIT_THIS;
    case 7: {
      const i = c.u2();
      if (cp.tags[i] !== CONSTANT_Class) throw new Error(`StackMapTable error: bad class index ${i}`);
      return "L" + cp.className(i);
    }
    case 8:
      return "U@" + c.u2();
    default:
      throw new Error(`StackMapTable error: bad verification type tag ${tag}`);
  }
}

const wide = (t: VType): boolean => t === LONG || t === DOUBLE;

/** Slots of a list of verification-type entries (long/double take two). */
function expand(entries: VType[], maxLocals: number): VType[] {
  const out: VType[] = [];
  for (const e of entries) {
    out.push(e);
    if (wide(e)) out.push(TOP);
  }
  if (out.length > maxLocals) throw new Error("StackMapTable error: locals exceed max_locals");
  while (out.length < maxLocals) out.push(TOP);
  return out;
}

/** Entries (not slots) of the initial frame's locals, for chop/append arithmetic. */
function entriesOf(slots: VType[]): VType[] {
  const out: VType[] = [];
  for (let i = 0; i < slots.length; i++) {
    out.push(slots[i]!);
    if (wide(slots[i]!)) i++;
  }
  while (out.length > 0 && out[out.length - 1] === TOP) out.pop();
  return out;
}

export function decodeStackMapTable(raw: Uint8Array | undefined, cp: ConstantPool, initial: VFrame, maxLocals: number): Map<number, VFrame> {
  const frames = new Map<number, VFrame>();
  if (!raw) return frames;
  const c = new Cursor(raw);
  const n = c.u2();
  let locals = entriesOf(initial.locals);
  let offset = -1;
  for (let i = 0; i < n; i++) {
    const type = c.u1();
    let delta: number;
    let stack: VType[] = [];
    if (type <= 63) delta = type;
    else if (type <= 127) {
      delta = type - 64;
      stack = [readType(c, cp)];
    } else if (type < 247) throw new Error(`StackMapTable error: reserved frame type ${type}`);
    else if (type === 247) {
      delta = c.u2();
      stack = [readType(c, cp)];
    } else if (type <= 250) {
      delta = c.u2();
      const k = 251 - type;
      if (k > locals.length) throw new Error("StackMapTable error: chop frame removes too many locals");
      locals = locals.slice(0, locals.length - k);
    } else if (type === 251) delta = c.u2();
    else if (type <= 254) {
      delta = c.u2();
      locals = locals.slice();
      for (let k = 0; k < type - 251; k++) locals.push(readType(c, cp));
    } else {
      delta = c.u2();
      const nl = c.u2();
      locals = [];
      for (let k = 0; k < nl; k++) locals.push(readType(c, cp));
      const ns = c.u2();
      for (let k = 0; k < ns; k++) stack.push(readType(c, cp));
    }
    offset = offset + delta + 1;
    const st: VType[] = [];
    for (const s of stack) {
      st.push(s);
      if (wide(s)) st.push(TOP);
    }
    frames.set(offset, { locals: expand(locals, maxLocals), stack: st });
  }
  if (c.pos !== raw.length) throw new Error("StackMapTable error: extra bytes");
  return frames;
}
