import { formatError } from "./errors";

/** A parsed method descriptor (JVMS §4.3.3). */
export interface MethodDescriptor {
  /** Field descriptors of the parameters, e.g. ["I", "Ljava/lang/String;", "[J"]. */
  readonly params: readonly string[];
  /** Return descriptor, "V" for void. */
  readonly ret: string;
  /** Number of local-variable slots the parameters take (long/double count 2), without `this`. */
  readonly slots: number;
}

const cache = new Map<string, MethodDescriptor>();

export function parseMethodDescriptor(desc: string): MethodDescriptor {
  const hit = cache.get(desc);
  if (hit) return hit;
  if (desc[0] !== "(") throw formatError(`Method descriptor ${desc} does not start with '('`);
  const params: string[] = [];
  let i = 1;
  let slots = 0;
  while (desc[i] !== ")") {
    if (i >= desc.length) throw formatError(`Malformed method descriptor ${desc}`);
    const end = fieldDescriptorEnd(desc, i);
    const p = desc.slice(i, end);
    params.push(p);
    slots += p === "J" || p === "D" ? 2 : 1;
    i = end;
  }
  const ret = desc.slice(i + 1);
  if (ret !== "V" && fieldDescriptorEnd(ret, 0) !== ret.length) throw formatError(`Malformed method descriptor ${desc}`);
  const d = { params, ret, slots };
  cache.set(desc, d);
  return d;
}

/** Index just past the field descriptor starting at `i` (JVMS §4.3.2). */
export function fieldDescriptorEnd(s: string, i: number): number {
  while (s[i] === "[") i++;
  const c = s[i];
  if (c === "L") {
    const semi = s.indexOf(";", i);
    if (semi < 0) throw formatError(`Malformed descriptor ${s}`);
    return semi + 1;
  }
  if (c !== undefined && "BCDFIJSZ".includes(c)) return i + 1;
  throw formatError(`Malformed descriptor ${s}`);
}

/** True for category-2 types (long, double), which take two slots (JVMS §2.11.1). */
export function isWide(desc: string): boolean {
  return desc === "J" || desc === "D";
}

/** Java source name of a field descriptor: "I" -> "int", "[Ljava/lang/String;" -> "java.lang.String[]". */
export function descriptorToJavaName(d: string): string {
  let dims = 0;
  while (d[dims] === "[") dims++;
  const base = d.slice(dims);
  const prim: Record<string, string> = { B: "byte", C: "char", D: "double", F: "float", I: "int", J: "long", S: "short", Z: "boolean", V: "void" };
  const name = base.startsWith("L") ? base.slice(1, -1).replace(/\//g, ".") : (prim[base] ?? base);
  return name + "[]".repeat(dims);
}
