/**
 * The compiling tier: a hot method's bytecode becomes one JS function (new Function) whose
 * straight-line code works on the same slot arrays as the interpreter, with every operand-stack
 * position a constant offset from bp (stack depths are static, JVMS §4.10). Blocks are entered
 * through a switch on pc, so the function can start at any block leader.
 *
 * The compiled code only does the common case. Whenever an instruction is not compiled (calls
 * to Java methods, allocation, monitors, returns, unresolved constant-pool entries) or would
 * throw (null, bounds, division by zero, failed cast), it stores pc and sp in the frame and
 * returns: the interpreter then executes that very instruction, so exceptions, class
 * initialization and stack traces stay exactly the interpreter's. No state lives outside the
 * frame, so leaving at any instruction boundary is always consistent.
 */
import { parseMethodDescriptor } from "../classfile/descriptors";
import { InitState, type JClass, type JField, type JMethod } from "../runtime/jclass";
import type { Frame, JThread } from "../threads/thread";
import { instructionLength, OPCODES } from "../interp/opcodes";
import type { InvokeSite } from "../interp/runtime-support";
import { compiledTarget, pushCompiledFrame } from "./calls";
import { MATH_INTRINSICS } from "../natives/math-intrinsics";

/** (t, f, budget, pc) -> remaining budget; on return f.pc/f.sp say where the interpreter resumes. */
export type CompiledMethod = (t: JThread, f: Frame, budget: number, pc: number) => number;


/**
 * A call to a compiled method as a nested JS call (jit/calls.ts). The arguments and the caller's
 * references are stored to the slot arrays first (the callee reads its locals there); when the
 * callee did not return (it left to the interpreter: an exception, a quantum's end, an
 * instruction it does not compile), the caller leaves too, resuming after the call with its
 * slots below the arguments written back and the callee's frame left alone.
 */
function invokeCompiled(site: InvokeSite, op: number, pc: number, len: number, base: number, sp: number, K: (v: unknown) => string, bi: number, idx: number): string {
  const md = parseMethodDescriptor(site.method.descriptor);
  const argOff = base + sp - site.argSlots;
  const callee = site.method;
  if ((op === 0xb7 || op === 0xb8) && callee.code.length === 1 && callee.code[0] === 0xb1 && !callee.isSynchronized && callee.synthetic === null) {
    // A call without dispatch to an empty method (Object.<init>, run by every constructor): its
    // one bytecode (return) is counted and nothing else happens. A null receiver, a class to
    // initialize, a full stack or an empty budget leave for the interpreter's invoke.
    const cannot = op === 0xb7 ? `s_${argOff} === null` : `${K(callee.cls)}.state !== ${InitState.Initialized}`;
    return `if (${cannot} || budget < 1 || t.frames.length >= vm.maxDepth) { ${LEAVE(pc, base + sp, `@@REM${bi}_${idx}@@`)} } budget -= 1; vm.methodsInvoked++;`;
  }
  const stores: string[] = [];
  let o = argOff;
  if (op !== 0xb8) stores.push(`s[${o++} + bp] = s_${argOff};`);
  for (const p of md.params) {
    stores.push(p === "J" || p.length > 1 ? `s[${o} + bp] = s_${o};` : `n[${o} + bp] = n_${o};`);
    o += p === "J" || p === "D" ? 2 : 1;
  }
  const recv = op === 0xb8 ? "null" : `s_${argOff}`;
  const ret = md.ret === "V" ? "" : md.ret === "J" || md.ret.length > 1 ? `s_${argOff} = s[${argOff} + bp];` : `n_${argOff} = n[${argOff} + bp];`;
  return (
    `{ const tm = ${K(compiledTarget)}(t, ${K(site)}, ${op}, ${recv}, bp + ${argOff}); if (tm === null) { ${LEAVE(pc, base + sp, `@@REM${bi}_${idx}@@`)} } ` +
    `${stores.join(" ")} @@SAVEREFS${argOff}@@ f.pc = ${pc + len}; f.cpc = ${pc}; f.sp = bp + ${argOff}; ` +
    `const nf = ${K(pushCompiledFrame)}(t, tm, bp + ${argOff}); t.jitNesting++; budget = tm.compiled(t, nf, budget, 0); t.jitNesting--; ` +
    `if (nf.pc !== -1) { xw = ${argOff}; ${LEAVE(pc + len, argOff, `@@REM${bi}_${idx + 1}@@`)} } ${ret} }`
  );
}

/** An exit: where the interpreter resumes (pc, sp - bp) and the bytecodes to refund; constants only. */
function LEAVE(pc: number, sp: number, refund: string): string {
  return `xp = ${pc}; xs = ${sp}; xr = ${refund}; break out;`;
}

/** Operand-stack depth before each reachable instruction (-1 = unreachable / unknown). */
function depths(m: JMethod): Int32Array | null {
  const code = m.code;
  const cp = m.cls.cf!.cp;
  const d = new Int32Array(code.length).fill(-1);
  const work: number[] = [0];
  d[0] = 0;
  for (const h of m.handlers) {
    d[h.handlerPc] = 1;
    work.push(h.handlerPc);
  }
  while (work.length > 0) {
    const pc = work.pop()!;
    let depth = d[pc]!;
    const op = code[pc]!;
    const len = instructionLength(code, pc);
    if (len <= 0) return null;
    const info = OPCODES[op]!;
    let pop = info.pop ?? 0;
    let push = info.push ?? 0;
    switch (op) {
      case 0x59: push = 1; break;
      case 0x5a: push = 1; break;
      case 0x5b: push = 1; break;
      case 0x5c: push = 2; break;
      case 0x5d: push = 2; break;
      case 0x5e: push = 2; break;
      case 0x5f: break;
      case 0xb2: case 0xb3: case 0xb4: case 0xb5: {
        const ref = cp.memberRef((code[pc + 1]! << 8) | code[pc + 2]!);
        const w = ref.descriptor === "J" || ref.descriptor === "D" ? 2 : 1;
        pop = op === 0xb2 ? 0 : op === 0xb3 ? w : op === 0xb4 ? 1 : w + 1;
        push = op === 0xb2 || op === 0xb4 ? w : 0;
        break;
      }
      case 0xb6: case 0xb7: case 0xb8: case 0xb9: case 0xba: {
        const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
        const desc = op === 0xba ? cp.dynamic(idx).descriptor : cp.memberRef(idx).descriptor;
        const md = parseMethodDescriptor(desc);
        pop = md.slots + (op === 0xb8 || op === 0xba ? 0 : 1);
        push = md.ret === "V" ? 0 : md.ret === "J" || md.ret === "D" ? 2 : 1;
        break;
      }
      case 0xc5: pop = code[pc + 3]!; break;
      case 0xc4: {
        const si = OPCODES[code[pc + 1]!]!;
        pop = si.pop ?? 0;
        push = si.push ?? 0;
        break;
      }
      default: break;
    }
    depth = depth - pop + push;
    if (depth < 0) return null;
    const next: number[] = [];
    const rel16 = pc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
    if ((op >= 0x99 && op <= 0xa6) || op === 0xc6 || op === 0xc7) next.push(rel16, pc + len);
    else if (op === 0xa7) next.push(rel16);
    else if (op === 0xc8) next.push(pc + ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!));
    else if (op === 0xaa || op === 0xab) {
      const p = (pc + 4) & ~3;
      const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
      next.push(pc + rd(p));
      if (op === 0xaa) for (let k = 0; k <= rd(p + 8) - rd(p + 4); k++) next.push(pc + rd(p + 12 + k * 4));
      else for (let k = 0; k < rd(p + 4); k++) next.push(pc + rd(p + 8 + k * 8 + 4));
    } else if ((op >= 0xac && op <= 0xb1) || op === 0xbf || op === 0xa8 || op === 0xa9 || op === 0xc9) {
      // no successor inside this method (jsr/ret are never compiled)
    } else next.push(pc + len);
    for (const x of next) {
      if (x < 0 || x >= code.length) return null;
      if (d[x] === -1) {
        d[x] = depth;
        work.push(x);
      } else if (d[x] !== depth) return null;
    }
  }
  return d;
}

/** Compiles `m` if possible; null means "interpret it". */
export function compileMethod(m: JMethod): CompiledMethod | null {
  const code = m.code;
  if (code.length === 0 || code.length > 4000 || m.cls.cf === null) return null;
  const d = depths(m);
  if (d === null) return null;
  const rc = m.rc;
  // Block leaders: entry, branch targets, handlers, and every instruction after an exit point.
  const leaders = new Set<number>([0]);
  for (const h of m.handlers) leaders.add(h.handlerPc);
  const consts: unknown[] = [];
  const K = (v: unknown): string => {
    let i = consts.indexOf(v);
    if (i < 0) {
      i = consts.length;
      consts.push(v);
    }
    return `K[${i}]`;
  };
  let pc = 0;
  // First pass: basic-block leaders (JVMS control flow): entry, branch targets, handlers, and
  // every instruction that follows a branch, switch, return or athrow.
  while (pc < code.length) {
    const len = instructionLength(code, pc);
    const op = code[pc]!;
    const isBranch = (op >= 0x99 && op <= 0xa7) || op === 0xc6 || op === 0xc7;
    if (isBranch) leaders.add(pc + ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16));
    if (op === 0xc8) leaders.add(pc + ((code[pc + 1]! << 24) | (code[pc + 2]! << 16) | (code[pc + 3]! << 8) | code[pc + 4]!));
    if (op === 0xaa || op === 0xab) {
      const p = (pc + 4) & ~3;
      const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
      leaders.add(pc + rd(p));
      if (op === 0xaa) for (let k = 0; k <= rd(p + 8) - rd(p + 4); k++) leaders.add(pc + rd(p + 12 + k * 4));
      else for (let k = 0; k < rd(p + 4); k++) leaders.add(pc + rd(p + 8 + k * 8 + 4));
    }
    if (isBranch || op === 0xc8 || op === 0xaa || op === 0xab || (op >= 0xac && op <= 0xb1) || op === 0xbf) leaders.add(pc + len);
    // After a call: an entry point, so a callee returning through the interpreter resumes its
    // compiled caller in compiled code.
    if (op >= 0xb6 && op <= 0xba) leaders.add(pc + len);
    pc += len;
  }
  const S = (k: number): string => `(bp + ${k})`;
  const base = m.maxLocals;
  pc = 0;
  let open = false;
  let idx = 0;
  const blocks: { start: number; lines: string[]; count: number }[] = [];
  let cur: string[] = [];
  let block: { start: number; lines: string[]; count: number } | null = null;
  const entries: number[] = [];
  while (pc < code.length) {
    const len = instructionLength(code, pc);
    const op = code[pc]!;
    const depth = d[pc]!;
    if (depth < 0) {
      if (block) block.count = idx;
      open = false;
      block = null;
      pc += len;
      continue;
    }
    if (leaders.has(pc) || !open) {
      if (open) cur.push(`pc = ${pc};`); // falls through into the next block
      if (block) block.count = idx;
      cur = [];
      block = { start: pc, lines: cur, count: 0 };
      blocks.push(block);
      entries.push(pc);
      open = true;
      idx = 0;
    }
    const bi = blocks.length - 1;
    // Exits only assign constants to locals (see LEAVE): a cold path with no type feedback
    // must not deoptimize the whole method when a quantum or a null check first ends there.
    const exit = `{ ${LEAVE(pc, base + depth, `@@REM${bi}_${idx}@@`)} }`;

    const sp = depth; // operand stack depth; slots start at bp + maxLocals
    const st = (i: number): string => S(base + sp - i); // st(1) = top
    const u1 = code[pc + 1]!;
    const u2 = (code[pc + 1]! << 8) | code[pc + 2]!;
    const s16 = (u2 << 16) >> 16;
    const L = (i: number): string => S(i);
    const push = (arr: "n" | "s", expr: string, slots = 1): void => {
      cur.push(`${arr}[${S(base + sp)}] = ${expr};`);
      void slots;
    };
    let handled = true;
    switch (op) {
      case 0x00: break;
      case 0x01: push("s", "null"); break;
      case 0x02: case 0x03: case 0x04: case 0x05: case 0x06: case 0x07: case 0x08: push("n", String(op - 3)); break;
      case 0x09: case 0x0a: push("s", `${op - 9}n`); break;
      case 0x0b: case 0x0c: case 0x0d: push("n", String(op - 0x0b)); break;
      case 0x0e: case 0x0f: push("n", String(op - 0x0e)); break;
      case 0x10: push("n", String((u1 << 24) >> 24)); break;
      case 0x11: push("n", String(s16)); break;
      case 0x12: case 0x13: case 0x14: {
        const v = rc[pc];
        if (v === undefined) handled = false;
        else if (typeof v === "number") push("n", Number.isFinite(v) ? (Object.is(v, -0) ? "-0" : String(v)) : K(v));
        else push("s", K(v));
        break;
      }
      case 0x15: case 0x17: push("n", `n[${L(u1)}]`); break;
      case 0x16: push("s", `s[${L(u1)}]`); break;
      case 0x18: push("n", `n[${L(u1)}]`); break;
      case 0x19: push("s", `s[${L(u1)}]`); break;
      case 0x1a: case 0x1b: case 0x1c: case 0x1d: push("n", `n[${L(op - 0x1a)}]`); break;
      case 0x1e: case 0x1f: case 0x20: case 0x21: push("s", `s[${L(op - 0x1e)}]`); break;
      case 0x22: case 0x23: case 0x24: case 0x25: push("n", `n[${L(op - 0x22)}]`); break;
      case 0x26: case 0x27: case 0x28: case 0x29: push("n", `n[${L(op - 0x26)}]`); break;
      case 0x2a: case 0x2b: case 0x2c: case 0x2d: push("s", `s[${L(op - 0x2a)}]`); break;
      case 0x2e: case 0x2f: case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: {
        const wide = op === 0x2f || op === 0x31;
        const dst = op === 0x2f || op === 0x32 ? "s" : "n";
        cur.push(`{ const o = s[${st(2)}]; const i = n[${st(1)}]; if (o === null) ${exit} const a = o.a; if (i >>> 0 >= a.length) ${exit} ${dst}[${st(2)}] = a[i]; }`);
        void wide;
        break;
      }
      case 0x36: case 0x38: cur.push(`n[${L(u1)}] = n[${st(1)}];`); break;
      case 0x37: cur.push(`s[${L(u1)}] = s[${st(2)}];`); break;
      case 0x39: cur.push(`n[${L(u1)}] = n[${st(2)}];`); break;
      case 0x3a: cur.push(`s[${L(u1)}] = s[${st(1)}];`); break;
      case 0x3b: case 0x3c: case 0x3d: case 0x3e: cur.push(`n[${L(op - 0x3b)}] = n[${st(1)}];`); break;
      case 0x3f: case 0x40: case 0x41: case 0x42: cur.push(`s[${L(op - 0x3f)}] = s[${st(2)}];`); break;
      case 0x43: case 0x44: case 0x45: case 0x46: cur.push(`n[${L(op - 0x43)}] = n[${st(1)}];`); break;
      case 0x47: case 0x48: case 0x49: case 0x4a: cur.push(`n[${L(op - 0x47)}] = n[${st(2)}];`); break;
      case 0x4b: case 0x4c: case 0x4d: case 0x4e: cur.push(`s[${L(op - 0x4b)}] = s[${st(1)}];`); break;
      case 0x4f: case 0x50: case 0x51: case 0x52: case 0x54: case 0x55: case 0x56: {
        const w = op === 0x50 || op === 0x52 ? 2 : 1;
        const src = op === 0x50 ? "s" : "n";
        cur.push(`{ const o = s[${st(w + 2)}]; const i = n[${st(w + 1)}]; if (o === null) ${exit} const a = o.a; if (i >>> 0 >= a.length) ${exit} a[i] = ${src}[${st(w)}]; }`);
        break;
      }
      case 0x53: // aastore: the store check may throw -> interpreter unless null/exact type
        cur.push(`{ const o = s[${st(3)}]; const i = n[${st(2)}]; const v = s[${st(1)}]; if (o === null) ${exit} const a = o.a; if (i >>> 0 >= a.length) ${exit} if (v !== null && v.cls !== o.cls.componentType && !v.cls.isSubclassOf(o.cls.componentType)) ${exit} a[i] = v; }`);
        break;
      case 0x57: case 0x58: break;
      case 0x59: cur.push(`s[${st(0)}] = s[${st(1)}]; n[${st(0)}] = n[${st(1)}];`); break;
      case 0x5a: cur.push(`{ const a = s[${st(1)}], b = n[${st(1)}]; s[${st(1)}] = s[${st(2)}]; n[${st(1)}] = n[${st(2)}]; s[${st(2)}] = a; n[${st(2)}] = b; s[${st(0)}] = a; n[${st(0)}] = b; }`); break;
      case 0x5c: cur.push(`s[${st(0)}] = s[${st(2)}]; n[${st(0)}] = n[${st(2)}]; s[${st(-1)}] = s[${st(1)}]; n[${st(-1)}] = n[${st(1)}];`); break;
      case 0x5b: cur.push(`{ const a = s[${st(1)}], b = n[${st(1)}]; s[${st(1)}] = s[${st(2)}]; n[${st(1)}] = n[${st(2)}]; s[${st(2)}] = s[${st(3)}]; n[${st(2)}] = n[${st(3)}]; s[${st(3)}] = a; n[${st(3)}] = b; s[${st(0)}] = a; n[${st(0)}] = b; }`); break;
      case 0x5d: cur.push(`{ const s1 = s[${st(1)}], s2 = s[${st(2)}], s3 = s[${st(3)}], n1 = n[${st(1)}], n2 = n[${st(2)}], n3 = n[${st(3)}]; s[${st(3)}] = s2; n[${st(3)}] = n2; s[${st(2)}] = s1; n[${st(2)}] = n1; s[${st(1)}] = s3; n[${st(1)}] = n3; s[${st(0)}] = s2; n[${st(0)}] = n2; s[${st(-1)}] = s1; n[${st(-1)}] = n1; }`); break;
      case 0x5e: cur.push(`{ const s1 = s[${st(1)}], s2 = s[${st(2)}], s3 = s[${st(3)}], s4 = s[${st(4)}], n1 = n[${st(1)}], n2 = n[${st(2)}], n3 = n[${st(3)}], n4 = n[${st(4)}]; s[${st(4)}] = s2; n[${st(4)}] = n2; s[${st(3)}] = s1; n[${st(3)}] = n1; s[${st(2)}] = s4; n[${st(2)}] = n4; s[${st(1)}] = s3; n[${st(1)}] = n3; s[${st(0)}] = s2; n[${st(0)}] = n2; s[${st(-1)}] = s1; n[${st(-1)}] = n1; }`); break;
      case 0x79: cur.push(`s[${st(3)}] = BigInt.asIntN(64, s[${st(3)}] << BigInt(n[${st(1)}] & 63));`); break;
      case 0x7b: cur.push(`s[${st(3)}] = s[${st(3)}] >> BigInt(n[${st(1)}] & 63);`); break;
      case 0x7d: cur.push(`s[${st(3)}] = BigInt.asIntN(64, BigInt.asUintN(64, s[${st(3)}]) >> BigInt(n[${st(1)}] & 63));`); break;
      case 0x75: cur.push(`s[${st(2)}] = BigInt.asIntN(64, -s[${st(2)}]);`); break;
      case 0x6d: cur.push(`{ const b = s[${st(2)}]; if (b === 0n) ${exit} s[${st(4)}] = BigInt.asIntN(64, s[${st(4)}] / b); }`); break;
      case 0x71: cur.push(`{ const b = s[${st(2)}]; if (b === 0n) ${exit} s[${st(4)}] = s[${st(4)}] % b; }`); break;
      case 0x89: cur.push(`n[${st(2)}] = Math.fround(Number(s[${st(2)}]));`); break;
      case 0x8c: cur.push(`{ const v = n[${st(1)}]; s[${st(1)}] = v !== v ? 0n : v >= 2 ** 63 ? 9223372036854775807n : v <= -(2 ** 63) ? -9223372036854775808n : BigInt(Math.trunc(v)); }`); break;
      case 0x8f: cur.push(`{ const v = n[${st(2)}]; s[${st(2)}] = v !== v ? 0n : v >= 2 ** 63 ? 9223372036854775807n : v <= -(2 ** 63) ? -9223372036854775808n : BigInt(Math.trunc(v)); }`); break;
      case 0xaa: case 0xab: {
        const p = (pc + 4) & ~3;
        const rd = (i: number): number => (code[i]! << 24) | (code[i + 1]! << 16) | (code[i + 2]! << 8) | code[i + 3]!;
        const cases: string[] = [];
        if (op === 0xaa) {
          const lo = rd(p + 4);
          const hi = rd(p + 8);
          for (let k = 0; k <= hi - lo; k++) cases.push(`case ${lo + k}: pc = ${pc + rd(p + 12 + k * 4)}; break;`);
        } else {
          for (let k = 0; k < rd(p + 4); k++) cases.push(`case ${rd(p + 8 + k * 8)}: pc = ${pc + rd(p + 8 + k * 8 + 4)}; break;`);
        }
        cur.push(`switch (n[${st(1)}]) { ${cases.join(" ")} default: pc = ${pc + rd(p)}; } continue;`);
        open = false;
        break;
      }
      case 0x5f: cur.push(`{ const a = s[${st(1)}], b = n[${st(1)}]; s[${st(1)}] = s[${st(2)}]; n[${st(1)}] = n[${st(2)}]; s[${st(2)}] = a; n[${st(2)}] = b; }`); break;
      case 0x60: cur.push(`n[${st(2)}] = (n[${st(2)}] + n[${st(1)}]) | 0;`); break;
      case 0x64: cur.push(`n[${st(2)}] = (n[${st(2)}] - n[${st(1)}]) | 0;`); break;
      case 0x68: cur.push(`n[${st(2)}] = Math.imul(n[${st(2)}], n[${st(1)}]);`); break;
      case 0x6c: cur.push(`{ const b = n[${st(1)}]; if (b === 0) ${exit} n[${st(2)}] = (n[${st(2)}] / b) | 0; }`); break;
      case 0x70: cur.push(`{ const b = n[${st(1)}]; if (b === 0) ${exit} n[${st(2)}] = n[${st(2)}] % b | 0; }`); break;
      case 0x7e: cur.push(`n[${st(2)}] = n[${st(2)}] & n[${st(1)}];`); break;
      case 0x80: cur.push(`n[${st(2)}] = n[${st(2)}] | n[${st(1)}];`); break;
      case 0x82: cur.push(`n[${st(2)}] = n[${st(2)}] ^ n[${st(1)}];`); break;
      case 0x78: cur.push(`n[${st(2)}] = n[${st(2)}] << n[${st(1)}];`); break;
      case 0x7a: cur.push(`n[${st(2)}] = n[${st(2)}] >> n[${st(1)}];`); break;
      case 0x7c: cur.push(`n[${st(2)}] = (n[${st(2)}] >>> n[${st(1)}]) | 0;`); break;
      case 0x62: cur.push(`n[${st(2)}] = Math.fround(n[${st(2)}] + n[${st(1)}]);`); break;
      case 0x66: cur.push(`n[${st(2)}] = Math.fround(n[${st(2)}] - n[${st(1)}]);`); break;
      case 0x6a: cur.push(`n[${st(2)}] = Math.fround(n[${st(2)}] * n[${st(1)}]);`); break;
      case 0x6e: cur.push(`n[${st(2)}] = Math.fround(n[${st(2)}] / n[${st(1)}]);`); break;
      case 0x63: cur.push(`n[${st(4)}] = n[${st(4)}] + n[${st(2)}];`); break;
      case 0x67: cur.push(`n[${st(4)}] = n[${st(4)}] - n[${st(2)}];`); break;
      case 0x6b: cur.push(`n[${st(4)}] = n[${st(4)}] * n[${st(2)}];`); break;
      case 0x6f: cur.push(`n[${st(4)}] = n[${st(4)}] / n[${st(2)}];`); break;
      case 0x73: cur.push(`n[${st(4)}] = n[${st(4)}] % n[${st(2)}];`); break;
      case 0x61: cur.push(`s[${st(4)}] = BigInt.asIntN(64, s[${st(4)}] + s[${st(2)}]);`); break;
      case 0x65: cur.push(`s[${st(4)}] = BigInt.asIntN(64, s[${st(4)}] - s[${st(2)}]);`); break;
      case 0x69: cur.push(`s[${st(4)}] = BigInt.asIntN(64, s[${st(4)}] * s[${st(2)}]);`); break;
      case 0x7f: cur.push(`s[${st(4)}] = s[${st(4)}] & s[${st(2)}];`); break;
      case 0x81: cur.push(`s[${st(4)}] = s[${st(4)}] | s[${st(2)}];`); break;
      case 0x83: cur.push(`s[${st(4)}] = s[${st(4)}] ^ s[${st(2)}];`); break;
      case 0x74: cur.push(`n[${st(1)}] = -n[${st(1)}] | 0;`); break;
      case 0x76: cur.push(`n[${st(1)}] = -n[${st(1)}];`); break;
      case 0x77: cur.push(`n[${st(2)}] = -n[${st(2)}];`); break;
      case 0x84: cur.push(`n[${L(u1)}] = (n[${L(u1)}] + ${(code[pc + 2]! << 24) >> 24}) | 0;`); break;
      case 0x85: cur.push(`s[${st(1)}] = BigInt(n[${st(1)}]);`); break;
      case 0x86: cur.push(`n[${st(1)}] = Math.fround(n[${st(1)}]);`); break;
      case 0x87: case 0x8d: break;
      case 0x88: cur.push(`n[${st(2)}] = Number(BigInt.asIntN(32, s[${st(2)}]));`); break;
      case 0x8a: cur.push(`n[${st(2)}] = Number(s[${st(2)}]);`); break;
      case 0x8b: cur.push(`{ const v = n[${st(1)}]; n[${st(1)}] = v !== v ? 0 : v >= 2147483647 ? 2147483647 : v <= -2147483648 ? -2147483648 : v | 0; }`); break;
      case 0x8e: cur.push(`{ const v = n[${st(2)}]; n[${st(2)}] = v !== v ? 0 : v >= 2147483647 ? 2147483647 : v <= -2147483648 ? -2147483648 : v | 0; }`); break;
      case 0x90: cur.push(`n[${st(2)}] = Math.fround(n[${st(2)}]);`); break;
      case 0x91: cur.push(`n[${st(1)}] = (n[${st(1)}] << 24) >> 24;`); break;
      case 0x92: cur.push(`n[${st(1)}] = n[${st(1)}] & 0xffff;`); break;
      case 0x93: cur.push(`n[${st(1)}] = (n[${st(1)}] << 16) >> 16;`); break;
      case 0x94: cur.push(`{ const a = s[${st(4)}], b = s[${st(2)}]; n[${st(4)}] = a < b ? -1 : a > b ? 1 : 0; }`); break;
      case 0x95: case 0x96: cur.push(`{ const a = n[${st(2)}], b = n[${st(1)}]; n[${st(2)}] = a < b ? -1 : a > b ? 1 : a === b ? 0 : ${op === 0x95 ? -1 : 1}; }`); break;
      case 0x97: case 0x98: cur.push(`{ const a = n[${st(4)}], b = n[${st(2)}]; n[${st(4)}] = a < b ? -1 : a > b ? 1 : a === b ? 0 : ${op === 0x97 ? -1 : 1}; }`); break;
      case 0x99: case 0x9a: case 0x9b: case 0x9c: case 0x9d: case 0x9e: {
        const c = ["===", "!==", "<", ">=", ">", "<="][op - 0x99]!;
        cur.push(`if (n[${st(1)}] ${c} 0) { pc = ${pc + s16}; continue; }`);
        break;
      }
      case 0x9f: case 0xa0: case 0xa1: case 0xa2: case 0xa3: case 0xa4: {
        const c = ["===", "!==", "<", ">=", ">", "<="][op - 0x9f]!;
        cur.push(`if (n[${st(2)}] ${c} n[${st(1)}]) { pc = ${pc + s16}; continue; }`);
        break;
      }
      case 0xa5: case 0xa6: cur.push(`if (s[${st(2)}] ${op === 0xa5 ? "===" : "!=="} s[${st(1)}]) { pc = ${pc + s16}; continue; }`); break;
      case 0xc6: case 0xc7: cur.push(`if (s[${st(1)}] ${op === 0xc6 ? "===" : "!=="} null) { pc = ${pc + s16}; continue; }`); break;
      case 0xa7: cur.push(`pc = ${pc + s16}; continue;`); break;
      case 0xb2: case 0xb3: {
        const fl = rc[pc] as JField | undefined;
        if (fl === undefined || fl.cls.state !== InitState.Initialized) handled = false;
        else {
          const w = fl.wide ? 2 : 1;
          const arr = fl.prim ? "n" : "s";
          const stat = K(fl.cls.statics);
          if (op === 0xb2) cur.push(`${arr}[${S(base + sp)}] = ${stat}[${fl.slot}];`);
          else cur.push(`${stat}[${fl.slot}] = ${arr}[${st(w)}];`);
        }
        break;
      }
      case 0xb4: {
        const fl = rc[pc] as JField | undefined;
        if (fl === undefined) handled = false;
        else cur.push(`{ const o = s[${st(1)}]; if (o === null) ${exit} ${fl.prim ? `n[${st(1)}] = o.p[${fl.slot}]` : `s[${st(1)}] = o.f[${fl.slot}]`}; }`);
        break;
      }
      case 0xb5: {
        const fl = rc[pc] as JField | undefined;
        if (fl === undefined) handled = false;
        else {
          const w = fl.wide ? 2 : 1;
          cur.push(`{ const o = s[${st(w + 1)}]; if (o === null) ${exit} ${fl.prim ? `o.p[${fl.slot}] = n[${st(w)}]` : `o.f[${fl.slot}] = s[${st(w)}]`}; }`);
        }
        break;
      }
      case 0xb6: case 0xb7: case 0xb9: {
        const site = rc[pc] as InvokeSite | undefined;
        if (site === undefined) handled = false;
        else cur.push(invokeCompiled(site, op, pc, instructionLength(code, pc), base, sp, K, bi, idx));
        break;
      }
      case 0xb8: {
        // invokestatic of a native with no class initialization pending: call it in place.
        const site = rc[pc] as InvokeSite | undefined;
        const tm = site?.method;
        if (site !== undefined && tm !== undefined && !tm.isNative) {
          cur.push(invokeCompiled(site, op, pc, 3, base, sp, K, bi, idx));
          break;
        }
        if (!tm || !tm.isNative || tm.native === null || tm.isSynchronized || tm.cls.state !== InitState.Initialized) {
          handled = false;
          break;
        }
        const md = parseMethodDescriptor(tm.descriptor);
        const intrinsic = tm.cls.name === "java/lang/Math" ? MATH_INTRINSICS[tm.nameDesc] : undefined;
        if (intrinsic !== undefined) {
          // Pure double arithmetic that cannot throw: inline, counted as the call it is.
          const a0 = sp - md.slots;
          const xs = md.params.map((_p, i) => `n[${S(base + a0 + 2 * i)}]`);
          cur.push(`vm.methodsInvoked++; n[${S(base + a0)}] = ${intrinsic}(${xs.join(", ")});`);
          break;
        }
        const args: string[] = [];
        let o = sp - md.slots;
        for (const p of md.params) {
          args.push(p.length === 1 && p !== "J" ? `n[${S(base + o)}]` : `s[${S(base + o)}]`);
          o += p === "J" || p === "D" ? 2 : 1;
        }
        const ret = md.ret;
        const at = S(base + sp - md.slots);
        cur.push(`{ f.pc = ${pc}; f.cpc = ${pc}; f.sp = ${at}; t.vm.methodsInvoked++; const r = ${K(tm.native)}(t, ${args.join(", ")}); if (t.exc !== null || t.yieldNow) { ${ret === "V" ? "" : `if (t.exc === null) { ${ret.length === 1 && ret !== "J" ? "n" : "s"}[${at}] = r; xs = ${base + sp - md.slots + (ret === "J" || ret === "D" ? 2 : 1)}; } else `}xs = ${base + sp - md.slots}; xp = ${pc + 3}; xr = @@REM${bi}_${idx + 1}@@; break out; } ${ret === "V" ? "" : `${ret.length === 1 && ret !== "J" ? "n" : "s"}[${at}] = r;`} }`);
        break;
      }
      case 0xac: case 0xad: case 0xae: case 0xaf: case 0xb0: case 0xb1: {
        // Return (JVMS §6.5 ireturn...): in the common case pop the frame here and hand the value
        // to the caller; f.pc = -1 tells the interpreter. The popped frame's slots are dead, so
        // none is written back (xw = 0).
        const slots = op === 0xb1 ? 0 : op === 0xad || op === 0xaf ? 2 : 1;
        const kind = op === 0xb0 || op === 0xad ? "s" : "n";
        cur.push(`if (f.lockObj !== null || f.initCls !== null || f.retAdapt !== null || t.frames.length < 2) ${exit}`);
        cur.push(`${slots ? `rv${kind} = ${kind}[${st(slots)}]; ` : ""}rk = ${slots ? (kind === "n" ? 1 : 2) : 0}; rs = ${slots}; t.frames.pop(); xw = 0; ${LEAVE(-1, 0, `@@REM${bi}_${idx + 1}@@`)}`);
        open = false;
        break;
      }
      case 0xbb: {
        // new: the common case allocates here; a class to initialize or a collection to run
        // (the heap over its threshold) is left to the interpreter.
        const c = rc[pc] as JClass | undefined;
        if (c === undefined || c.state !== InitState.Initialized) handled = false;
        else cur.push(`{ const h = vm.heap; if (h.used + ${16 + c.instanceBytes} > h.threshold || vm.requestGc) ${exit} s[${S(base + sp)}] = vm.newObject(${K(c)}); }`);
        break;
      }
      case 0xbc: {
        // newarray: as the interpreter's (same heap accounting); a negative length or a
        // collection to run leaves for the interpreter.
        const desc = "[" + "????ZCFDBSIJ"[code[pc + 1]!]!;
        cur.push(`{ const len = n[${st(1)}]; if (len < 0) ${exit} const c = vm.arrayClassOf("${desc}"); const h = vm.heap; if (h.used + 16 + len * c.elementSize > h.threshold || vm.requestGc) ${exit} s[${st(1)}] = vm.newArray(c, len); }`);
        break;
      }
      case 0xbd: {
        // anewarray of a resolved class (the interpreter's accounting: header counted at
        // allocation, elements added to the heap's use).
        const ac = rc[pc] as JClass | undefined;
        if (ac === undefined) handled = false;
        else cur.push(`{ const len = n[${st(1)}]; if (len < 0) ${exit} const h = vm.heap; if (h.used + 16 + len * 4 > h.threshold || vm.requestGc) ${exit} const o = vm.newArray(${K(ac)}, 0); o.a = new Array(len).fill(null); h.used += len * 4; s[${st(1)}] = o; }`);
        break;
      }
      case 0xbe: cur.push(`{ const o = s[${st(1)}]; if (o === null) ${exit} n[${st(1)}] = o.a.length; }`); break;
      case 0xc0: case 0xc1: {
        const c = rc[pc] as JClass | undefined;
        if (c === undefined) handled = false;
        else if (op === 0xc0) cur.push(`{ const o = s[${st(1)}]; if (o !== null && o.cls !== ${K(c)} && !o.cls.isSubclassOf(${K(c)})) ${exit} }`);
        else cur.push(`{ const o = s[${st(1)}]; n[${st(1)}] = o !== null && (o.cls === ${K(c)} || o.cls.isSubclassOf(${K(c)})) ? 1 : 0; }`);
        break;
      }
      default:
        handled = false;
    }
    if (!handled) {
      // Leave for the interpreter at this instruction (it executes it, not us).
      cur.push(LEAVE(pc, base + depth, `@@REM${bi}_${idx}@@`));
      open = false;
    } else {
      idx++;
      if (op === 0xa7 || op === 0xaa || op === 0xab) open = false;
    }
    pc += len;
  }
  if (block) block.count = idx;
  if (open) cur.push(LEAVE(code.length, 0, "0"));
  // Emit: each block charges its instruction count on entry; an early exit refunds the rest,
  // so jvm.bytecodes stays exact.
  const out: string[] = [];
  // Blocks are numbered densely, so V8 dispatches `switch (bx)` through a jump table (switching
  // on sparse pcs compiled to a search); the entry pc is mapped to its block once.
  const blockOf = new Int32Array(code.length).fill(-1);
  blocks.forEach((b, i) => (blockOf[b.start] = i));
  out.push(`let bx = ${K(blockOf)}[pc];`);
  out.push("for (;;) {");
  out.push("switch (bx) {");
  for (const [i, b] of blocks.entries()) {
    const c = b.count;
    out.push(`case ${i}: budget -= ${c}; if (budget < 0) { ${LEAVE(b.start, base + d[b.start]!, String(c))} }`);
    out.push(...b.lines);
  }
  out.push(`default: xp = pc; xs = ${base} + ${K(d)}[pc]; xr = 0; break out;`);
  out.push("}");
  out.push("}");
  // Slots live in JS variables (registers for V8) inside the compiled code: loaded on entry,
  // written back to the frame on every exit, so the interpreter sees exactly its own layout.
  const prologue: string[] = ["const s = t.s, n = t.n, bp = f.bp, vm = t.vm;", "vm.jitEntries++;", "let rvn = 0, rvs = null, rk = 0, rs = 0, xp = 0, xs = 0, xr = 0, xw = 1073741824;"];
  const epilogue: string[] = [];
  const coreRaw = out
    .join("\n")
    .replace(/(?<![.\w])pc = (\d+);/g, (_x, target: string) => `bx = ${blockOf[Number(target)]};`)
    .replace(/@@REM(\d+)_(\d+)@@/g, (_x, b: string, i: string) => String(blocks[Number(b)]!.count - Number(i)))
    .replace(/\(bp \+ (-?\d+)\)/g, (_x, k: string) => `bp + ${Number(k)}`)
    .replace(/([ns])\[bp \+ (\d+)\]/g, (_x, a: string, k: string) => `${a}_${k}`);
  // Only the slots the code touches become variables; the others stay in the arrays untouched.
  const used = new Set<string>(coreRaw.match(/\b[ns]_\d+\b/g) ?? []);
  // In a method without float/double values every numeric slot holds an int: loading them with
  // `| 0` lets V8 keep all of them in int32 registers instead of float64.
  const ints = intOnly(m);
  for (const v of [...used].sort()) {
    const [arr, k] = v.split("_") as [string, string];
    prologue.push(`let ${v} = ${arr}[bp + ${k}]${ints && arr === "n" ? " | 0" : ""};`);
    // xw: a callee still running in the interpreter owns the slots from its arguments up.
    epilogue.push(`if (xw > ${k}) ${arr}[bp + ${k}] = ${v};`);
  }
  // Before a compiled call: the caller's references below the arguments go back to the slot
  // array (they are GC roots while the callee runs).
  const refsBelow = (limit: number): string =>
    [...used]
      .filter((v) => v.startsWith("s_") && Number(v.slice(2)) < limit)
      .map((v) => `s[${v.slice(2)} + bp] = ${v};`)
      .join(" ");
  const core = coreRaw.replace(/@@SAVEREFS(\d+)@@/g, (_x, k: string) => refsBelow(Number(k)));
  // Numbers and references return in separate variables, so a double result stays unboxed.
  const handback = "if (rk !== 0) { const c = t.frames[t.frames.length - 1]; if (rk === 1) n[c.sp] = rvn; else s[c.sp] = rvs; c.sp += rs; }";
  // The one way out: every exit above set xp (pc to resume at, -1 = returned), xs (sp - bp) and
  // xr (bytecodes of the block charged but not executed, refunded to the budget).
  const leave = "f.pc = xp; f.sp = bp + xs;";
  const src = [...prologue, "out: {", core, "}", ...epilogue, leave, handback, "return budget + xr;"].join("\n");
  m.jitEntries = new Uint8Array(code.length);
  for (const e of entries) m.jitEntries[e] = 1;
  try {
    // The compiling tier generates JS source by design (like Doppio's JIT); this is its one eval.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function("K", `return function ${safeName(m)}(t, f, budget, pc) {\n${src}\n};`) as (k: unknown[]) => CompiledMethod;
    return factory(consts);
  } catch {
    return null;
  }
}

const FLOATING_OPS = new Set([
  0x0b, 0x0c, 0x0d, 0x0e, 0x0f, 0x17, 0x18, 0x22, 0x23, 0x24, 0x25, 0x26, 0x27, 0x28, 0x29, 0x30, 0x31, 0x38, 0x39,
  0x43, 0x44, 0x45, 0x46, 0x47, 0x48, 0x49, 0x4a, 0x51, 0x52, 0x62, 0x63, 0x66, 0x67, 0x6a, 0x6b, 0x6e, 0x6f, 0x72, 0x73,
  0x76, 0x77, 0x86, 0x87, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x95, 0x96, 0x97, 0x98, 0xae, 0xaf,
]);

/** True when no instruction of `m` produces or consumes a float or double (so numeric slots are ints). */
function intOnly(m: JMethod): boolean {
  const code = m.code;
  const cp = m.cls.cf!.cp;
  const hasFloating = (desc: string): boolean => /^[FD]$|[(;[A-Z]?[FD]/.test(desc.replace(/L[^;]*;/g, "L;"));
  if (hasFloating(m.descriptor)) return false;
  for (let pc = 0; pc < code.length; ) {
    const op = code[pc]!;
    if (FLOATING_OPS.has(op)) return false;
    if (op === 0xc4 && [0x17, 0x18, 0x38, 0x39].includes(code[pc + 1]!)) return false;
    if (op === 0x12 || op === 0x13 || op === 0x14) {
      const idx = op === 0x12 ? code[pc + 1]! : (code[pc + 1]! << 8) | code[pc + 2]!;
      const tag = cp.tags[idx];
      if (tag === 4 || tag === 6) return false; // CONSTANT_Float, CONSTANT_Double
    }
    if (op >= 0xb2 && op <= 0xba) {
      const idx = (code[pc + 1]! << 8) | code[pc + 2]!;
      const desc = op === 0xba ? cp.dynamic(idx).descriptor : cp.memberRef(idx).descriptor;
      if (hasFloating(desc)) return false;
    }
    const len = instructionLength(code, pc);
    if (len <= 0) return false;
    pc += len;
  }
  return true;
}

function safeName(m: JMethod): string {
  return ("jit_" + m.cls.name + "_" + m.name).replace(/[^A-Za-z0-9_$]/g, "_");
}

