/* Natives of java.io: the standard streams. */
import type { NativeFn } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import type { JThread } from "../threads/thread";

const printStream: Record<string, NativeFn> = {
  "writeString(ILjava/lang/String;)V": (t: JThread, fd: number, s: JObject) => {
    t.vm.write(fd, t.vm.str(s));
    return undefined;
  },
  "writeBytes(I[BII)V": (t: JThread, fd: number, b: JObject, off: number, len: number) => {
    const a = b.a as Int8Array;
    if (off < 0 || len < 0 || off + len > a.length) {
      t.exc = t.vm.newThrowable(t, "java/lang/IndexOutOfBoundsException", null);
      return undefined;
    }
    t.vm.writeBytes(fd, new Uint8Array(a.buffer, a.byteOffset + off, len));
    return undefined;
  },
};

export const javaIoNatives: Record<string, Record<string, NativeFn>> = {
  "java/io/PrintStream": printStream,
};
