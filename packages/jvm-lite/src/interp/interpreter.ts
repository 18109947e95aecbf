/* The bytecode interpreter (JVMS §6.5). One switch over the opcode; locals and operands live in
 * the thread's slot array `s` (a frame's locals at s[bp..], its operand stack above them), so a
 * call passes its arguments in place. long values are JS bigints, int/float/double are numbers
 * (float rounded with Math.fround); long/double take two slots, the second holding a filler. */
import { InitState, type JClass, type JField, type JMethod } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import { Frame, type JThread, ThreadState } from "../threads/thread";
import { type Jvm, makeStorage } from "../vm";
import { compileMethod } from "../jit/compiler";
import {
  aioobe,
  arrayStoreCheck,
  checkcastFailure,
  invoke,
  ldc,
  monitorEnter,
  monitorExit,
  multiANewArray,
  newArrayOf,
  npe,
  resolveClassAt,
  resolveFieldAt,
  resolveInvoke,
  doReturn,
  unwind,
  type InvokeSite,
  invokeDynamic,
  arithmetic,
  negativeSize,
} from "./runtime-support";

/** Back-edges plus invocations before a method is compiled to JS (the compiling tier). */
const JIT_THRESHOLD = 2000;

/** Zero-budget calls of a newly compiled method (see tryCompile). */
const WARMUP_CALLS = 12;

/**
 * Compiles `m`, whose frame `f` is about to continue at `pc` (f.pc/f.sp written). The new code is
 * called once with a zero budget where the frame stands: it leaves at once, executing nothing,
 * but its common exit path then has type feedback, so V8's first optimized version of it does
 * not deoptimize at the first quantum's end (measured: that repeated deopt+reoptimize of large
 * methods cost ~30% of a short benchmark's CPU time).
 */
function tryCompile(vm: Jvm, t: JThread, f: Frame, m: JMethod, pc: number): void {
  if (m.jitTried || !vm.jitEnabled) return;
  m.jitTried = true;
  const c = compileMethod(m);
  if (c !== null) {
    m.compiled = c;
    vm.jitCompiled++;
    // V8 allocates a function's feedback vector only after a few calls (lazy feedback
    // allocation), so the warm-up call is repeated until the exit path has recorded feedback.
    if (m.jitEntries![pc] === 1) {
      for (let i = 0; i < WARMUP_CALLS; i++) c(t, f, 0, pc);
      vm.jitEntries -= WARMUP_CALLS;
    }
  }
}

const MAX_INT = 2147483647;
const MIN_INT = -2147483648;
const LONG_MAX = 9223372036854775807n;
const LONG_MIN = -9223372036854775808n;

function d2i(v: number): number {
  return v !== v ? 0 : v >= MAX_INT ? MAX_INT : v <= MIN_INT ? MIN_INT : v | 0;
}
function d2l(v: number): bigint {
  if (v !== v) return 0n;
  if (v >= 2 ** 63) return LONG_MAX;
  if (v <= -(2 ** 63)) return LONG_MIN;
  return BigInt(Math.trunc(v));
}

/**
 * Runs thread `t` for at most `budget` bytecodes (then it yields; busy loops cannot starve
 * other threads). Returns when the budget is spent, the thread blocks, or it terminates.
 */
export function interpret(t: JThread, budget: number): void {
  const vm = t.vm;
  t.jitNesting = 0;
  let start = budget;
  let s = t.s;
  let n = t.n;
  reload: for (;;) {
    if (t.exc !== null && !unwind(t)) break;
    if (t.state !== ThreadState.Runnable && t.state !== ThreadState.Blocked) break;
    if (t.yieldNow) {
      t.yieldNow = false;
      break;
    }
    // A thread was started during a long single-thread quantum: shorten it so others get to run.
    if (vm.threads.length > 1 && budget > vm.quantum) {
      start -= budget - vm.quantum;
      budget = vm.quantum;
    }
    let f = t.frame;
    if (f === undefined) break;
    let m: JMethod = f.m;
    let code = m.code;
    let rc = m.rc;
    let bp = f.bp;
    let pc = f.pc;
    let sp = f.sp;
    s = t.s;
    n = t.n;
    for (;;) {
      jit: {
      if (--budget < 0) {
        f.pc = pc;
        f.sp = sp;
        break reload;
      }
      switch (code[pc]) {
        case 0x00: // nop
          pc++;
          break;
        case 0x01: // aconst_null
          s[sp++] = null;
          pc++;
          break;
        case 0x02:
        case 0x03:
        case 0x04:
        case 0x05:
        case 0x06:
        case 0x07:
        case 0x08: // iconst_<i>
          n[sp++] = code[pc]! - 3;
          pc++;
          break;
        case 0x09: // lconst_0
          s[sp] = 0n;
          sp += 2;
          pc++;
          break;
        case 0x0a: // lconst_1
          s[sp] = 1n;
          sp += 2;
          pc++;
          break;
        case 0x0b:
        case 0x0c:
        case 0x0d: // fconst_<f>
          n[sp++] = code[pc]! - 0x0b;
          pc++;
          break;
        case 0x0e:
        case 0x0f: // dconst_<d>
          n[sp] = code[pc]! - 0x0e;
          sp += 2;
          pc++;
          break;
        case 0x10: // bipush
          n[sp++] = (code[pc + 1]! << 24) >> 24;
          pc += 2;
          break;
        case 0x11: // sipush
          n[sp++] = (((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16;
          pc += 3;
          break;
        case 0x12: // ldc
        case 0x13: // ldc_w
        case 0x14: {
          // ldc2_w
          let v = rc[pc];
          if (v === undefined) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            const idx = code[pc] === 0x12 ? code[pc + 1]! : (code[pc + 1]! << 8) | code[pc + 2]!;
            v = ldc(t, m, idx);
            if (t.exc !== null) continue reload;
            rc[pc] = v;
          }
          if (typeof v === "number") n[sp] = v;
          else s[sp] = v;
          if (code[pc] === 0x14) {
            sp += 2;
            pc += 3;
          } else {
            sp++;
            pc += code[pc] === 0x12 ? 2 : 3;
          }
          break;
        }
        case 0x15: // iload
        case 0x17: // fload
          n[sp++] = n[bp + code[pc + 1]!]!;
          pc += 2;
          break;
        case 0x19: // aload
          s[sp++] = s[bp + code[pc + 1]!];
          pc += 2;
          break;
        case 0x16: // lload
          s[sp] = s[bp + code[pc + 1]!];
          sp += 2;
          pc += 2;
          break;
        case 0x18: // dload
          n[sp] = n[bp + code[pc + 1]!]!;
          sp += 2;
          pc += 2;
          break;
        case 0x1a:
        case 0x1b:
        case 0x1c:
        case 0x1d: // iload_<n>
          n[sp++] = n[bp + code[pc]! - 0x1a]!;
          pc++;
          break;
        case 0x1e:
        case 0x1f:
        case 0x20:
        case 0x21: // lload_<n>
          s[sp] = s[bp + code[pc]! - 0x1e];
          sp += 2;
          pc++;
          break;
        case 0x22:
        case 0x23:
        case 0x24:
        case 0x25: // fload_<n>
          n[sp++] = n[bp + code[pc]! - 0x22]!;
          pc++;
          break;
        case 0x26:
        case 0x27:
        case 0x28:
        case 0x29: // dload_<n>
          n[sp] = n[bp + code[pc]! - 0x26]!;
          sp += 2;
          pc++;
          break;
        case 0x2a:
        case 0x2b:
        case 0x2c:
        case 0x2d: // aload_<n>
          s[sp++] = s[bp + code[pc]! - 0x2a];
          pc++;
          break;
        case 0x2e: {
          // iaload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int32Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x2f: {
          // laload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as BigInt64Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          s[sp - 2] = a[idx]!;
          pc++;
          break;
        }
        case 0x30: {
          // faload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Float32Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x31: {
          // daload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Float64Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          pc++;
          break;
        }
        case 0x32: {
          // aaload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as (JObject | null)[];
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          s[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x33: {
          // baload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int8Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x34: {
          // caload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Uint16Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x35: {
          // saload
          const idx = n[sp - 1]!;
          const arr = s[sp - 2] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int16Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          n[sp - 2] = a[idx]!;
          sp--;
          pc++;
          break;
        }
        case 0x36: // istore
        case 0x38: // fstore
          n[bp + code[pc + 1]!] = n[--sp]!;
          pc += 2;
          break;
        case 0x3a: // astore
          s[bp + code[pc + 1]!] = s[--sp];
          pc += 2;
          break;
        case 0x37: // lstore
          sp -= 2;
          s[bp + code[pc + 1]!] = s[sp];
          pc += 2;
          break;
        case 0x39: // dstore
          sp -= 2;
          n[bp + code[pc + 1]!] = n[sp]!;
          pc += 2;
          break;
        case 0x3b:
        case 0x3c:
        case 0x3d:
        case 0x3e: // istore_<n>
          n[bp + code[pc]! - 0x3b] = n[--sp]!;
          pc++;
          break;
        case 0x3f:
        case 0x40:
        case 0x41:
        case 0x42: // lstore_<n>
          sp -= 2;
          s[bp + code[pc]! - 0x3f] = s[sp];
          pc++;
          break;
        case 0x43:
        case 0x44:
        case 0x45:
        case 0x46: // fstore_<n>
          n[bp + code[pc]! - 0x43] = n[--sp]!;
          pc++;
          break;
        case 0x47:
        case 0x48:
        case 0x49:
        case 0x4a: // dstore_<n>
          sp -= 2;
          n[bp + code[pc]! - 0x47] = n[sp]!;
          pc++;
          break;
        case 0x4b:
        case 0x4c:
        case 0x4d:
        case 0x4e: // astore_<n>
          s[bp + code[pc]! - 0x4b] = s[--sp];
          pc++;
          break;
        case 0x4f: {
          // iastore
          const v = n[sp - 1]!;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int32Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x50: {
          // lastore
          const v = s[sp - 2] as bigint;
          const idx = n[sp - 3]!;
          const arr = s[sp - 4] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as BigInt64Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 4;
          pc++;
          break;
        }
        case 0x51: {
          // fastore
          const v = n[sp - 1]!;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Float32Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x52: {
          // dastore
          const v = n[sp - 2]!;
          const idx = n[sp - 3]!;
          const arr = s[sp - 4] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Float64Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 4;
          pc++;
          break;
        }
        case 0x53: {
          // aastore
          const v = s[sp - 1] as JObject | null;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as (JObject | null)[];
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          if (v !== null && !arrayStoreCheck(t, arr, v)) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x54: {
          // bastore
          const v = n[sp - 1]!;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int8Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x55: {
          // castore
          const v = n[sp - 1]!;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Uint16Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x56: {
          // sastore
          const v = n[sp - 1]!;
          const idx = n[sp - 2]!;
          const arr = s[sp - 3] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          const a = arr.a as Int16Array;
          if (idx >>> 0 >= a.length) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = aioobe(t, idx, a.length);
            continue reload;
          }
          a[idx] = v;
          sp -= 3;
          pc++;
          break;
        }
        case 0x57: // pop
          sp--;
          pc++;
          break;
        case 0x58: // pop2
          sp -= 2;
          pc++;
          break;
        case 0x59: // dup
          s[sp] = s[sp - 1];
          n[sp] = n[sp - 1]!;
          sp++;
          pc++;
          break;
        case 0x5a: {
          // dup_x1
          const a1 = s[sp - 1];
          const b1 = n[sp - 1]!;
          s[sp - 1] = s[sp - 2];
          n[sp - 1] = n[sp - 2]!;
          s[sp - 2] = a1;
          n[sp - 2] = b1;
          s[sp] = a1;
          n[sp] = b1;
          sp++;
          pc++;
          break;
        }
        case 0x5b: {
          // dup_x2
          const a1 = s[sp - 1];
          const b1 = n[sp - 1]!;
          s[sp - 1] = s[sp - 2];
          n[sp - 1] = n[sp - 2]!;
          s[sp - 2] = s[sp - 3];
          n[sp - 2] = n[sp - 3]!;
          s[sp - 3] = a1;
          n[sp - 3] = b1;
          s[sp] = a1;
          n[sp] = b1;
          sp++;
          pc++;
          break;
        }
        case 0x5c: // dup2
          s[sp] = s[sp - 2];
          n[sp] = n[sp - 2]!;
          s[sp + 1] = s[sp - 1];
          n[sp + 1] = n[sp - 1]!;
          sp += 2;
          pc++;
          break;
        case 0x5d: {
          // dup2_x1: ..., v3, v2, v1 -> ..., v2, v1, v3, v2, v1
          const s1 = s[sp - 1];
          const s2 = s[sp - 2];
          const s3 = s[sp - 3];
          const n1 = n[sp - 1]!;
          const n2 = n[sp - 2]!;
          const n3 = n[sp - 3]!;
          s[sp - 3] = s2;
          n[sp - 3] = n2;
          s[sp - 2] = s1;
          n[sp - 2] = n1;
          s[sp - 1] = s3;
          n[sp - 1] = n3;
          s[sp] = s2;
          n[sp] = n2;
          s[sp + 1] = s1;
          n[sp + 1] = n1;
          sp += 2;
          pc++;
          break;
        }
        case 0x5e: {
          // dup2_x2: ..., v4, v3, v2, v1 -> ..., v2, v1, v4, v3, v2, v1
          const s1 = s[sp - 1];
          const s2 = s[sp - 2];
          const s3 = s[sp - 3];
          const s4 = s[sp - 4];
          const n1 = n[sp - 1]!;
          const n2 = n[sp - 2]!;
          const n3 = n[sp - 3]!;
          const n4 = n[sp - 4]!;
          s[sp - 4] = s2;
          n[sp - 4] = n2;
          s[sp - 3] = s1;
          n[sp - 3] = n1;
          s[sp - 2] = s4;
          n[sp - 2] = n4;
          s[sp - 1] = s3;
          n[sp - 1] = n3;
          s[sp] = s2;
          n[sp] = n2;
          s[sp + 1] = s1;
          n[sp + 1] = n1;
          sp += 2;
          pc++;
          break;
        }
        case 0x5f: {
          // swap
          const a1 = s[sp - 1];
          const b1 = n[sp - 1]!;
          s[sp - 1] = s[sp - 2];
          n[sp - 1] = n[sp - 2]!;
          s[sp - 2] = a1;
          n[sp - 2] = b1;
          pc++;
          break;
        }
        case 0x60: // iadd
          sp--;
          n[sp - 1] = (n[sp - 1]! + n[sp]!) | 0;
          pc++;
          break;
        case 0x61: // ladd
          sp -= 2;
          s[sp - 2] = BigInt.asIntN(64, (s[sp - 2] as bigint) + (s[sp] as bigint));
          pc++;
          break;
        case 0x62: // fadd
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]! + n[sp]!);
          pc++;
          break;
        case 0x63: // dadd
          sp -= 2;
          n[sp - 2] = n[sp - 2]! + n[sp]!;
          pc++;
          break;
        case 0x64: // isub
          sp--;
          n[sp - 1] = (n[sp - 1]! - n[sp]!) | 0;
          pc++;
          break;
        case 0x65: // lsub
          sp -= 2;
          s[sp - 2] = BigInt.asIntN(64, (s[sp - 2] as bigint) - (s[sp] as bigint));
          pc++;
          break;
        case 0x66: // fsub
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]! - n[sp]!);
          pc++;
          break;
        case 0x67: // dsub
          sp -= 2;
          n[sp - 2] = n[sp - 2]! - n[sp]!;
          pc++;
          break;
        case 0x68: // imul
          sp--;
          n[sp - 1] = Math.imul(n[sp - 1]!, n[sp]!);
          pc++;
          break;
        case 0x69: // lmul
          sp -= 2;
          s[sp - 2] = BigInt.asIntN(64, (s[sp - 2] as bigint) * (s[sp] as bigint));
          pc++;
          break;
        case 0x6a: // fmul
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]! * n[sp]!);
          pc++;
          break;
        case 0x6b: // dmul
          sp -= 2;
          n[sp - 2] = n[sp - 2]! * n[sp]!;
          pc++;
          break;
        case 0x6c: // idiv
        case 0x70: {
          // irem
          const b = n[sp - 1]!;
          if (b === 0) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = arithmetic(t);
            continue reload;
          }
          sp--;
          const a = n[sp - 1]!;
          n[sp - 1] = code[pc] === 0x6c ? (a / b) | 0 : a % b | 0;
          pc++;
          break;
        }
        case 0x6d: // ldiv
        case 0x71: {
          // lrem
          const b = s[sp - 2] as bigint;
          if (b === 0n) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = arithmetic(t);
            continue reload;
          }
          sp -= 2;
          const a = s[sp - 2] as bigint;
          s[sp - 2] = code[pc] === 0x6d ? BigInt.asIntN(64, a / b) : a % b;
          pc++;
          break;
        }
        case 0x6e: // fdiv
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]! / n[sp]!);
          pc++;
          break;
        case 0x6f: // ddiv
          sp -= 2;
          n[sp - 2] = n[sp - 2]! / n[sp]!;
          pc++;
          break;
        case 0x72: // frem
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]! % n[sp]!);
          pc++;
          break;
        case 0x73: // drem
          sp -= 2;
          n[sp - 2] = n[sp - 2]! % n[sp]!;
          pc++;
          break;
        case 0x74: // ineg
          n[sp - 1] = -n[sp - 1]! | 0;
          pc++;
          break;
        case 0x75: // lneg
          s[sp - 2] = BigInt.asIntN(64, -(s[sp - 2] as bigint));
          pc++;
          break;
        case 0x76: // fneg
          n[sp - 1] = -n[sp - 1]!;
          pc++;
          break;
        case 0x77: // dneg
          n[sp - 2] = -n[sp - 2]!;
          pc++;
          break;
        case 0x78: // ishl
          sp--;
          n[sp - 1] = n[sp - 1]! << n[sp]!;
          pc++;
          break;
        case 0x79: // lshl
          sp--;
          s[sp - 2] = BigInt.asIntN(64, (s[sp - 2] as bigint) << BigInt(n[sp]! & 63));
          pc++;
          break;
        case 0x7a: // ishr
          sp--;
          n[sp - 1] = n[sp - 1]! >> n[sp]!;
          pc++;
          break;
        case 0x7b: // lshr
          sp--;
          s[sp - 2] = (s[sp - 2] as bigint) >> BigInt(n[sp]! & 63);
          pc++;
          break;
        case 0x7c: // iushr
          sp--;
          n[sp - 1] = (n[sp - 1]! >>> n[sp]!) | 0;
          pc++;
          break;
        case 0x7d: // lushr
          sp--;
          s[sp - 2] = BigInt.asIntN(64, BigInt.asUintN(64, s[sp - 2] as bigint) >> BigInt(n[sp]! & 63));
          pc++;
          break;
        case 0x7e: // iand
          sp--;
          n[sp - 1] = n[sp - 1]! & n[sp]!;
          pc++;
          break;
        case 0x7f: // land
          sp -= 2;
          s[sp - 2] = (s[sp - 2] as bigint) & (s[sp] as bigint);
          pc++;
          break;
        case 0x80: // ior
          sp--;
          n[sp - 1] = n[sp - 1]! | n[sp]!;
          pc++;
          break;
        case 0x81: // lor
          sp -= 2;
          s[sp - 2] = (s[sp - 2] as bigint) | (s[sp] as bigint);
          pc++;
          break;
        case 0x82: // ixor
          sp--;
          n[sp - 1] = n[sp - 1]! ^ n[sp]!;
          pc++;
          break;
        case 0x83: // lxor
          sp -= 2;
          s[sp - 2] = (s[sp - 2] as bigint) ^ (s[sp] as bigint);
          pc++;
          break;
        case 0x84: {
          // iinc
          const i = bp + code[pc + 1]!;
          n[i] = (n[i]! + ((code[pc + 2]! << 24) >> 24)) | 0;
          pc += 3;
          break;
        }
        case 0x85: // i2l
          s[sp - 1] = BigInt(n[sp - 1]!);
          sp++;
          pc++;
          break;
        case 0x86: // i2f
          n[sp - 1] = Math.fround(n[sp - 1]!);
          pc++;
          break;
        case 0x87: // i2d
          sp++;
          pc++;
          break;
        case 0x88: // l2i
          sp--;
          n[sp - 1] = Number(BigInt.asIntN(32, s[sp - 1] as bigint));
          pc++;
          break;
        case 0x89: // l2f
          sp--;
          n[sp - 1] = Math.fround(Number(s[sp - 1]));
          pc++;
          break;
        case 0x8a: // l2d
          n[sp - 2] = Number(s[sp - 2]);
          pc++;
          break;
        case 0x8b: // f2i
          n[sp - 1] = d2i(n[sp - 1]!);
          pc++;
          break;
        case 0x8c: // f2l
          s[sp - 1] = d2l(n[sp - 1]!);
          sp++;
          pc++;
          break;
        case 0x8d: // f2d
          sp++;
          pc++;
          break;
        case 0x8e: // d2i
          sp--;
          n[sp - 1] = d2i(n[sp - 1]!);
          pc++;
          break;
        case 0x8f: // d2l
          s[sp - 2] = d2l(n[sp - 2]!);
          pc++;
          break;
        case 0x90: // d2f
          sp--;
          n[sp - 1] = Math.fround(n[sp - 1]!);
          pc++;
          break;
        case 0x91: // i2b
          n[sp - 1] = (n[sp - 1]! << 24) >> 24;
          pc++;
          break;
        case 0x92: // i2c
          n[sp - 1] = n[sp - 1]! & 0xffff;
          pc++;
          break;
        case 0x93: // i2s
          n[sp - 1] = (n[sp - 1]! << 16) >> 16;
          pc++;
          break;
        case 0x94: {
          // lcmp
          sp -= 3;
          const a = s[sp - 1] as bigint;
          const b = s[sp + 1] as bigint;
          n[sp - 1] = a < b ? -1 : a > b ? 1 : 0;
          pc++;
          break;
        }
        case 0x95: // fcmpl
        case 0x96: {
          // fcmpg
          sp--;
          const a = n[sp - 1]!;
          const b = n[sp]!;
          n[sp - 1] = a < b ? -1 : a > b ? 1 : a === b ? 0 : code[pc] === 0x95 ? -1 : 1;
          pc++;
          break;
        }
        case 0x97: // dcmpl
        case 0x98: {
          // dcmpg
          sp -= 3;
          const a = n[sp - 1]!;
          const b = n[sp + 1]!;
          n[sp - 1] = a < b ? -1 : a > b ? 1 : a === b ? 0 : code[pc] === 0x97 ? -1 : 1;
          pc++;
          break;
        }
        case 0x99: // ifeq
          if (n[--sp]! === 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9a: // ifne
          if (n[--sp]! !== 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9b: // iflt
          if (n[--sp]! < 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9c: // ifge
          if (n[--sp]! >= 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9d: // ifgt
          if (n[--sp]! > 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9e: // ifle
          if (n[--sp]! <= 0) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0x9f: // if_icmpeq
          sp -= 2;
          if (n[sp]! === n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa0: // if_icmpne
          sp -= 2;
          if (n[sp]! !== n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa1: // if_icmplt
          sp -= 2;
          if (n[sp]! < n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa2: // if_icmpge
          sp -= 2;
          if (n[sp]! >= n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa3: // if_icmpgt
          sp -= 2;
          if (n[sp]! > n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa4: // if_icmple
          sp -= 2;
          if (n[sp]! <= n[sp + 1]!) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa5: // if_acmpeq
          sp -= 2;
          if (s[sp] === s[sp + 1]) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa6: // if_acmpne
          sp -= 2;
          if (s[sp] !== s[sp + 1]) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xa7: {
          // goto
          const off = (((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16;
          pc += off;
          if (off < 0) break jit;
          break;
        }
        case 0xa8: // jsr
          n[sp++] = pc + 3;
          pc += (((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16;
          break;
        case 0xa9: // ret
          pc = n[bp + code[pc + 1]!]!;
          break;
        case 0xaa: {
          // tableswitch
          const base = pc;
          let p = (pc + 4) & ~3;
          const def = rd4(code, p);
          const lo = rd4(code, p + 4);
          const hi = rd4(code, p + 8);
          const key = n[--sp]!;
          p += 12;
          pc = key < lo || key > hi ? base + def : base + rd4(code, p + (key - lo) * 4);
          break;
        }
        case 0xab: {
          // lookupswitch
          const base = pc;
          let p = (pc + 4) & ~3;
          const def = rd4(code, p);
          const npairs = rd4(code, p + 4);
          const key = n[--sp]!;
          p += 8;
          let lo = 0;
          let hi = npairs - 1;
          pc = base + def;
          while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const k = rd4(code, p + mid * 8);
            if (k === key) {
              pc = base + rd4(code, p + mid * 8 + 4);
              break;
            }
            if (k < key) lo = mid + 1;
            else hi = mid - 1;
          }
          break;
        }
        case 0xac: // ireturn
        case 0xae: // freturn
        case 0xaf: // dreturn
        case 0xb0: // areturn
        case 0xad: // lreturn
        case 0xb1: {
          // return
          const op = code[pc]!;
          const slots = op === 0xb1 ? 0 : op === 0xad || op === 0xaf ? 2 : 1;
          const v = op === 0xb0 || op === 0xad ? s[sp - slots] : n[sp - slots];
          const frames = t.frames;
          const c = frames[frames.length - 2];
          if (c === undefined || f.lockObj !== null || f.initCls !== null || f.retAdapt !== null) {
            f.sp = sp;
            doReturn(t, v, slots);
            continue reload;
          }
          // Fast path (JVMS §2.6.4 normal completion): pop the frame, push the value on the caller's stack.
          frames.pop();
          f = c;
          m = c.m;
          code = m.code;
          rc = m.rc;
          bp = c.bp;
          pc = c.pc;
          sp = c.sp;
          if (slots !== 0) {
            if (op === 0xb0 || op === 0xad) s[sp] = v;
            else n[sp] = v as number;
            sp += slots;
          }
          if (m.compiled !== null && m.jitEntries![pc] === 1) break jit;
          break;
        }
        case 0xb2: // getstatic
        case 0xb3: {
          // putstatic
          let fl = rc[pc] as JField | undefined;
          if (fl === undefined || fl.cls.state !== InitState.Initialized) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            if (fl === undefined) {
              const r = resolveFieldAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!, true, code[pc] === 0xb3);
              if (r === null) continue reload;
              rc[pc] = fl = r;
            }
            if (!vm.initialize(t, fl.cls)) continue reload;
          }
          const st = fl.cls.statics;
          if (code[pc] === 0xb2) {
            if (fl.prim) n[sp] = st[fl.slot] as number;
            else s[sp] = st[fl.slot];
            sp += fl.wide ? 2 : 1;
          } else {
            sp -= fl.wide ? 2 : 1;
            st[fl.slot] = fl.prim ? n[sp] : s[sp];
          }
          pc += 3;
          break;
        }
        case 0xb4: {
          // getfield
          let fl = rc[pc] as JField | undefined;
          if (fl === undefined) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            const r = resolveFieldAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!, false, false);
            if (r === null) continue reload;
            rc[pc] = fl = r;
          }
          const o = s[sp - 1] as JObject | null;
          if (o === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          if (fl.prim) n[sp - 1] = o.p![fl.slot]!;
          else s[sp - 1] = o.f![fl.slot];
          if (fl.wide) sp++;
          pc += 3;
          break;
        }
        case 0xb5: {
          // putfield
          let fl = rc[pc] as JField | undefined;
          if (fl === undefined) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            const r = resolveFieldAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!, false, true);
            if (r === null) continue reload;
            rc[pc] = fl = r;
          }
          const w = fl.wide ? 2 : 1;
          const o = s[sp - w - 1] as JObject | null;
          if (o === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          if (fl.prim) o.p![fl.slot] = n[sp - w]!;
          else o.f![fl.slot] = s[sp - w];
          sp -= w + 1;
          pc += 3;
          break;
        }
        case 0xb6: // invokevirtual
        case 0xb7: // invokespecial
        case 0xb8: // invokestatic
        case 0xb9: {
          // invokeinterface
          const op = code[pc]!;
          const len = op === 0xb9 ? 5 : 3;
          f.cpc = pc;
          f.sp = sp;
          let site = rc[pc] as InvokeSite | undefined;
          if (site === undefined) {
            f.pc = pc;
            const r = resolveInvoke(t, m, op, (code[pc + 1]! << 8) | code[pc + 2]!);
            if (r === null) continue reload;
            rc[pc] = site = r;
          }
          let target = site.method;
          const argBase = sp - site.argSlots;
          if (op === 0xb8) {
            if (target.cls.state !== InitState.Initialized) {
              f.pc = pc;
              if (!vm.initialize(t, target.cls)) continue reload;
            }
          } else {
            const recv = s[argBase] as JObject | null;
            if (recv === null) {
              f.pc = pc;
              t.exc = npe(t, m, pc);
              continue reload;
            }
            if (site.virtual) {
              const rcls: JClass = recv.cls;
              if (site.lastClass === rcls) target = site.lastTarget!;
              else {
                const sel = rcls.selectVirtual(target.nameDesc);
                if (sel === null || sel.isAbstract) {
                  f.pc = pc;
                  t.exc = vm.newThrowable(t, "java/lang/AbstractMethodError", `Receiver class ${rcls.javaName} does not define or inherit an implementation of the resolved method '${site.display}'.`);
                  continue reload;
                }
                site.lastClass = rcls;
                site.lastTarget = target = sel;
              }
            } else if (op === 0xb9 && !recv.cls.isSubclassOf(target.cls) && !target.cls.isSubclassOf(recv.cls)) {
              f.pc = pc;
              t.exc = vm.newThrowable(t, "java/lang/IncompatibleClassChangeError", `Class ${recv.cls.javaName} does not implement the requested interface ${target.cls.javaName}`);
              continue reload;
            }
          }
          f.pc = pc + len;
          f.sp = argBase;
          if (target.code.length !== 0 && !target.isSynchronized && target.synthetic === null && t.frames.length < vm.maxDepth && argBase + target.maxLocals + target.maxStack + 4 < s.length) {
            // Fast path: a plain bytecode method; its arguments become its first locals in place.
            vm.methodsInvoked++;
            const depth = t.frames.length;
            let nf = t.pool[depth];
            if (nf === undefined) t.pool[depth] = nf = new Frame(target, argBase);
            else nf.reset(target, argBase);
            t.frames.push(nf);
            f = nf;
            m = target;
            code = m.code;
            rc = m.rc;
            bp = argBase;
            pc = 0;
            sp = nf.sp;
            break jit;
          }
          invoke(t, target, argBase);
          continue reload;
        }
        case 0xba: {
          // invokedynamic
          f.pc = f.cpc = pc;
          f.sp = sp;
          invokeDynamic(t, m, pc);
          continue reload;
        }
        case 0xbb: {
          // new
          let cls = rc[pc] as JClass | undefined;
          f.pc = f.cpc = pc;
          f.sp = sp;
          if (cls === undefined || cls.state !== InitState.Initialized) {
            if (cls === undefined) {
              const r = resolveClassAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!);
              if (r === null) continue reload;
              if (r.isInterface || (r.access & 0x0400) !== 0) {
                t.exc = vm.newThrowable(t, "java/lang/InstantiationError", r.javaName);
                continue reload;
              }
              rc[pc] = cls = r;
            }
            if (!vm.initialize(t, cls)) continue reload;
          }
          if (!vm.reserve(t, 16 + cls.instanceBytes)) continue reload;
          s[sp++] = vm.newObject(cls);
          pc += 3;
          break;
        }
        case 0xbc: {
          // newarray
          const len = n[sp - 1]!;
          f.pc = f.cpc = pc;
          f.sp = sp;
          if (len < 0) {
            t.exc = negativeSize(t, len);
            continue reload;
          }
          const arr = newArrayOf(t, "[" + "????ZCFDBSIJ"[code[pc + 1]!]!, len);
          if (arr === null) continue reload;
          s[sp - 1] = arr;
          pc += 2;
          break;
        }
        case 0xbd: {
          // anewarray
          const len = n[sp - 1]!;
          f.pc = f.cpc = pc;
          f.sp = sp;
          let ac = rc[pc] as JClass | undefined;
          if (ac === undefined) {
            const r = resolveClassAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!);
            if (r === null) continue reload;
            rc[pc] = ac = vm.arrayClassOf(r.isArray ? "[" + r.name : "[L" + r.name + ";");
          }
          if (len < 0) {
            t.exc = negativeSize(t, len);
            continue reload;
          }
          if (!vm.reserve(t, 16 + len * 4)) continue reload;
          const o = vm.newArray(ac, 0);
          o.a = makeStorage("L", len);
          vm.heap.used += len * 4;
          s[sp - 1] = o;
          pc += 3;
          break;
        }
        case 0xbe: {
          // arraylength
          const arr = s[sp - 1] as JObject | null;
          if (arr === null) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            t.exc = npe(t, m, pc);
            continue reload;
          }
          n[sp - 1] = arr.a!.length;
          pc++;
          break;
        }
        case 0xbf: {
          // athrow
          const ex = s[sp - 1] as JObject | null;
          f.pc = f.cpc = pc;
          f.sp = sp;
          t.exc = ex === null ? npe(t, m, pc) : ex;
          continue reload;
        }
        case 0xc0: // checkcast
        case 0xc1: {
          // instanceof
          const o = s[sp - 1] as JObject | null;
          let cls = rc[pc] as JClass | undefined;
          if (cls === undefined) {
            f.pc = f.cpc = pc;
            f.sp = sp;
            const r = resolveClassAt(t, m, (code[pc + 1]! << 8) | code[pc + 2]!);
            if (r === null) continue reload;
            rc[pc] = cls = r;
          }
          if (code[pc] === 0xc0) {
            if (o !== null && o.cls !== cls && !o.cls.isSubclassOf(cls)) {
              f.pc = f.cpc = pc;
              f.sp = sp;
              t.exc = checkcastFailure(t, o.cls, cls);
              continue reload;
            }
          } else n[sp - 1] = o !== null && (o.cls === cls || o.cls.isSubclassOf(cls)) ? 1 : 0;
          pc += 3;
          break;
        }
        case 0xc2: {
          // monitorenter
          const o = s[sp - 1] as JObject | null;
          f.pc = f.cpc = pc;
          f.sp = sp;
          if (o === null) {
            t.exc = npe(t, m, pc);
            continue reload;
          }
          if (!monitorEnter(t, o)) continue reload; // blocked: re-executed when scheduled
          sp--;
          pc++;
          break;
        }
        case 0xc3: {
          // monitorexit
          const o = s[sp - 1] as JObject | null;
          f.pc = f.cpc = pc;
          f.sp = sp;
          if (o === null) {
            t.exc = npe(t, m, pc);
            continue reload;
          }
          if (!monitorExit(t, o)) continue reload;
          sp--;
          pc++;
          break;
        }
        case 0xc4: {
          // wide
          const op = code[pc + 1]!;
          const idx = bp + ((code[pc + 2]! << 8) | code[pc + 3]!);
          switch (op) {
            case 0x15:
            case 0x17:
              n[sp++] = n[idx]!;
              break;
            case 0x19:
              s[sp++] = s[idx];
              break;
            case 0x16:
              s[sp] = s[idx];
              sp += 2;
              break;
            case 0x18:
              n[sp] = n[idx]!;
              sp += 2;
              break;
            case 0x36:
            case 0x38:
              n[idx] = n[--sp]!;
              break;
            case 0x3a:
              s[idx] = s[--sp];
              break;
            case 0x37:
              sp -= 2;
              s[idx] = s[sp];
              break;
            case 0x39:
              sp -= 2;
              n[idx] = n[sp]!;
              break;
            case 0x84:
              n[idx] = (n[idx]! + ((((code[pc + 4]! << 8) | code[pc + 5]!) << 16) >> 16)) | 0;
              pc += 2;
              break;
            case 0xa9:
              pc = n[idx]!;
              continue;
            default:
              f.pc = f.cpc = pc;
              t.exc = vm.newThrowable(t, "java/lang/VerifyError", `Bad wide instruction ${op}`);
              continue reload;
          }
          pc += 4;
          break;
        }
        case 0xc5: {
          // multianewarray
          f.pc = f.cpc = pc;
          const dims = code[pc + 3]!;
          f.sp = sp;
          const r = multiANewArray(t, m, (code[pc + 1]! << 8) | code[pc + 2]!, Array.from(n.subarray(sp - dims, sp)));
          if (r === null) continue reload;
          sp -= dims;
          s[sp++] = r;
          pc += 4;
          break;
        }
        case 0xc6: // ifnull
          if (s[--sp] === null) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xc7: // ifnonnull
          if (s[--sp] !== null) {
            const off = ((((code[pc + 1]! << 8) | code[pc + 2]!) << 16) >> 16);
            pc += off;
            if (off < 0) break jit;
          } else pc += 3;
          break;
        case 0xc8: // goto_w
          pc += rd4(code, pc + 1);
          break;
        case 0xc9: // jsr_w
          n[sp++] = pc + 5;
          pc += rd4(code, pc + 1);
          break;
        default:
          f.pc = f.cpc = pc;
          f.sp = sp;
          t.exc = vm.newThrowable(t, "java/lang/VerifyError", `Bad instruction: ${code[pc]} at ${pc} in ${m.cls.javaName}.${m.name}`);
          continue reload;
      }
      continue;
      }
      // Reached by `break jit` at a backward branch or a method entry: enter the compiling tier.
      for (;;) {
        const cm = m.compiled;
        if (cm === null) {
          if (++m.hot === JIT_THRESHOLD) {
            f.pc = pc;
            f.sp = sp;
            tryCompile(vm, t, f, m, pc);
            if (m.compiled !== null) continue;
          }
          break;
        }
        if (m.jitEntries![pc] !== 1) break;
        f.pc = pc;
        f.sp = sp;
        budget = cm(t, f, budget, pc);
        if (t.exc !== null || t.yieldNow) continue reload;
        // A callee the compiled code called is still running (it left to the interpreter): resume it.
        if (f.pc !== -1 && t.frames[t.frames.length - 1] !== f) continue reload;
        if (f.pc === -1) {
          // The compiled code returned from its method: continue in the caller (compiled too?).
          f = t.frames[t.frames.length - 1]!;
          m = f.m;
          code = m.code;
          rc = m.rc;
          bp = f.bp;
          pc = f.pc;
          sp = f.sp;
          continue;
        }
        pc = f.pc;
        sp = f.sp;
        break;
      }
    }
  }
  vm.bytecodes += start - Math.max(budget, 0);
}

function rd4(code: Uint8Array, p: number): number {
  return (code[p]! << 24) | (code[p + 1]! << 16) | (code[p + 2]! << 8) | code[p + 3]!;
}
