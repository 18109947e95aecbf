/* java.lang.Thread natives: green threads scheduled by the VM (see Jvm.run). */
import type { NativeFn } from "../runtime/jclass";
import { getField, type JObject } from "../runtime/object";
import { type JThread, ThreadState } from "../threads/thread";

function throwNew(t: JThread, cls: string, msg: string | null): undefined {
  t.exc = t.vm.newThrowable(t, cls, msg);
  return undefined;
}

function vmThread(o: JObject): JThread | undefined {
  return o.nat as JThread | undefined;
}

export const threadNatives: Record<string, NativeFn> = {
  "currentThread()Ljava/lang/Thread;": (t: JThread) => t.jthread,
  "yield()V": (t: JThread) => {
    t.yieldNow = true;
    return undefined;
  },
  "sleep(J)V": (t: JThread, ms: bigint) => {
    if (ms < 0n) return throwNew(t, "java/lang/IllegalArgumentException", "timeout value is negative");
    if (t.interrupted) {
      t.interrupted = false;
      return throwNew(t, "java/lang/InterruptedException", "sleep interrupted");
    }
    t.state = ThreadState.Waiting;
    t.waitingOn = null;
    t.wakeAt = t.vm.virtualTimeMs + Number(ms);
    t.wakeClockMs = t.vm.javaNowMs() + Number(ms);
    t.yieldNow = true;
    return undefined;
  },
  "start0()V": (t: JThread, self: JObject) => {
    const vm = t.vm;
    const tc = vm.loadClass("java/lang/Thread");
    const name = vm.str(getField(self, tc.findField("name")!) as JObject);
    const nt = vm.newThread(self, name);
    nt.daemon = getField(self, tc.findField("daemon")!) === 1;
    self.nat = nt;
    const run = self.cls.selectVirtual("run()V")!;
    nt.s[0] = self;
    nt.pushFrame(run, 0);
    nt.state = ThreadState.Runnable;
    return undefined;
  },
  "isStarted()Z": (_t: JThread, self: JObject) => (vmThread(self) !== undefined ? 1 : 0),
  "isAlive()Z": (_t: JThread, self: JObject) => {
    const x = vmThread(self);
    return x !== undefined && x.state !== ThreadState.Terminated ? 1 : 0;
  },
  "interrupt0()V": (t: JThread, self: JObject) => {
    const x = vmThread(self);
    if (x === undefined || x.state === ThreadState.Terminated) return undefined;
    x.interrupted = true;
    if (x.state === ThreadState.Waiting) {
      if (x.waitingOn !== null) {
        const ws = x.waitingOn.waitSet;
        const i = ws.indexOf(x);
        if (i >= 0) ws.splice(i, 1);
        x.state = ThreadState.Reacquire;
        x.pendingInterruptOnWake = true;
      } else {
        x.state = ThreadState.Runnable;
        x.interrupted = false;
        x.exc = t.vm.newThrowable(x, "java/lang/InterruptedException", "sleep interrupted");
      }
      x.wakeAt = Infinity;
    }
    return undefined;
  },
  "isInterrupted()Z": (_t: JThread, self: JObject) => (vmThread(self)?.interrupted ? 1 : 0),
  "getAndClearInterrupt()Z": (_t: JThread, self: JObject) => {
    const x = vmThread(self);
    if (!x) return 0;
    const v = x.interrupted;
    x.interrupted = false;
    return v ? 1 : 0;
  },
  "state0()I": (_t: JThread, self: JObject) => {
    const x = vmThread(self);
    if (x === undefined) return 0;
    switch (x.state) {
      case ThreadState.Terminated:
        return 5;
      case ThreadState.Blocked:
      case ThreadState.Reacquire:
        return 2;
      case ThreadState.Waiting:
        return x.wakeAt === Infinity ? 3 : 4;
      default:
        return 1;
    }
  },
  "holdsLock(Ljava/lang/Object;)Z": (t: JThread, o: JObject | null) => {
    if (o === null) return throwNew(t, "java/lang/NullPointerException", null);
    return o.monitor !== null && o.monitor.owner === t ? 1 : 0;
  },
};
