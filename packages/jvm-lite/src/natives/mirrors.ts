import type { JClass } from "../runtime/jclass";
import type { JObject } from "../runtime/object";
import type { Jvm } from "../vm";

/** The java.lang.Class object of a class (created on first use; `nat` points back at the JClass). */
export function classMirror(vm: Jvm, c: JClass): JObject {
  if (c.mirror === null) {
    const cc = vm.loadClass("java/lang/Class");
    const o = vm.newObject(cc);
    o.nat = c;
    c.mirror = o;
  }
  return c.mirror;
}

/** The JClass behind a java.lang.Class object. */
export function mirrorClass(o: JObject): JClass {
  return o.nat as JClass;
}
