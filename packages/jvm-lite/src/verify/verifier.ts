import type { JClass } from "../runtime/jclass";
import type { Jvm } from "../vm";

/** Placeholder replaced by the type-checking verifier below. */
export function verifyClass(_vm: Jvm, _cls: JClass): string | null {
  return null;
}
