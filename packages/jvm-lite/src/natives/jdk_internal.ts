/* Natives of jdk.internal.*: System.in and the Formatter's floating-point digits. */
import type { NativeFn } from "../runtime/jclass";
import { javaToFixed, javaToGeneral, javaToScientific } from "../runtime/number-format";
import type { JThread } from "../threads/thread";

export const jdkInternalNatives: Record<string, Record<string, NativeFn>> = {
  "jdk/internal/misc/StdinStream": {
    "read()I": (t: JThread) => t.vm.readStdin(),
    "available()I": (t: JThread) => t.vm.stdinAvailable(),
  },
  "jdk/internal/math/FloatingFormat": {
    "toFixed(DI)Ljava/lang/String;": (t: JThread, v: number, p: number) => t.vm.newString(javaToFixed(v, p)),
    "toScientific(DI)Ljava/lang/String;": (t: JThread, v: number, p: number) => t.vm.newString(javaToScientific(v, p)),
    "toGeneral(DI)Ljava/lang/String;": (t: JThread, v: number, p: number) => t.vm.newString(javaToGeneral(v, p)),
  },
};
