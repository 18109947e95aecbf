/**
 * Calls from compiled code to compiled code (JVMS §6.5 invokevirtual/invokespecial/invokestatic/
 * invokeinterface), without a trip through the interpreter: the callee gets a real Frame (stack
 * traces, GC roots and exception unwinding see exactly the interpreter's frames) and runs as a
 * nested JS call. Only the common case is taken here; anything else (a null receiver, a class
 * to initialize, an abstract or native or synchronized target, a method not compiled yet, a deep
 * stack) answers null and the compiled caller leaves so that the interpreter performs the call.
 */
import { InitState, type JMethod } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import type { InvokeSite } from "../interp/runtime-support";
import { Frame, type JThread } from "../threads/thread";

/**
 * Compiled calls nested on the JS stack at most; deeper calls go through the interpreter, whose
 * frames live on the heap, so deep Java recursion cannot overflow the JS stack.
 */
export const MAX_COMPILED_NESTING = 64;

/** The compiled method a call resolves to (selection as the interpreter's invoke does), or null. */
export function compiledTarget(t: JThread, site: InvokeSite, op: number, recv: JObject | null, argBase: number): JMethod | null {
  let target = site.method;
  if (op === 0xb8) {
    if (target.cls.state !== InitState.Initialized) return null;
  } else {
    if (recv === null) return null;
    if (site.virtual) {
      const rcls = recv.cls;
      if (site.lastClass === rcls) target = site.lastTarget!;
      else {
        const sel = rcls.selectVirtual(target.nameDesc);
        if (sel === null || sel.isAbstract) return null;
        site.lastClass = rcls;
        site.lastTarget = target = sel;
      }
    } else if (op === 0xb9 && !recv.cls.isSubclassOf(target.cls) && !target.cls.isSubclassOf(recv.cls)) return null;
  }
  if (target.compiled === null || target.isSynchronized || target.synthetic !== null || target.code.length === 0) return null;
  if (t.jitNesting >= MAX_COMPILED_NESTING || t.frames.length >= t.vm.maxDepth) return null;
  if (argBase + target.maxLocals + target.maxStack + 4 >= t.s.length) return null;
  return target;
}

/** Pushes the callee's frame over its arguments (as the interpreter's fast invoke path does). */
export function pushCompiledFrame(t: JThread, m: JMethod, bp: number): Frame {
  t.vm.methodsInvoked++;
  const depth = t.frames.length;
  let nf = t.pool[depth];
  if (nf === undefined) t.pool[depth] = nf = new Frame(m, bp);
  else nf.reset(m, bp);
  t.frames.push(nf);
  return nf;
}
