/* Boxing conversions done by the VM itself (lambda adaptation, record methods): the same objects
 * Integer.valueOf & co. return, including their caches, when the box class is initialized. */
import { InitState } from "../runtime/jclass";
import { getField, type JObject, setField } from "../runtime/object";
import type { JThread } from "../threads/thread";

const BOX: Record<string, string> = { Z: "java/lang/Boolean", B: "java/lang/Byte", C: "java/lang/Character", S: "java/lang/Short", I: "java/lang/Integer", J: "java/lang/Long", F: "java/lang/Float", D: "java/lang/Double" };
const UNBOX: Record<string, string> = Object.fromEntries(Object.entries(BOX).map(([k, v]) => [v, k]));

export function box(t: JThread, desc: string, v: unknown): JObject {
  const vm = t.vm;
  const cls = vm.loadClass(BOX[desc]!);
  if (desc === "Z" && cls.state === InitState.Initialized) {
    const f = cls.fields.get(v ? "TRUE" : "FALSE")!;
    return cls.statics[f.slot] as JObject;
  }
  const cacheF = cls.fields.get("cache");
  const n = typeof v === "bigint" ? Number(v) : (v as number);
  if (cacheF && cls.state === InitState.Initialized && desc !== "F" && desc !== "D" && n >= -128 && n <= 127 && (desc !== "C" || n >= 0)) {
    const arr = cls.statics[cacheF.slot] as JObject;
    const i = desc === "C" ? n : n + 128;
    const a = arr.a as (JObject | null)[];
    if (i < a.length) {
      let o = a[i];
      if (!o) {
        o = vm.newObject(cls);
        setField(o, cls.fields.get("value")!, v);
        a[i] = o;
      }
      return o;
    }
  }
  const o = vm.newObject(cls);
  setField(o, cls.fields.get("value")!, v);
  return o;
}

export function unbox(o: JObject): { value: unknown; desc: string } {
  const d = UNBOX[o.cls.name];
  if (d === undefined) return { value: o, desc: "L" + o.cls.name + ";" };
  return { value: getField(o, o.cls.fields.get("value")!), desc: d };
}
