import type { NativeFn } from "../runtime/jclass";
import { javaLangNatives } from "./java_lang";
import { javaIoNatives } from "./java_io";
import { jdkInternalNatives } from "./jdk_internal";

/**
 * Native methods, one registry per Java package (Doppio style): class name -> method
 * name + descriptor -> implementation. A declared native absent here raises
 * UnsatisfiedLinkError when called.
 */
export type NativeRegistry = Record<string, Record<string, NativeFn>>;

const registries: NativeRegistry[] = [javaLangNatives, javaIoNatives, jdkInternalNatives];

export function lookupNative(className: string, nameDesc: string): NativeFn | null {
  for (const r of registries) {
    const fn = r[className]?.[nameDesc];
    if (fn) return fn;
  }
  return null;
}

/** Every registered native, for the README and tests. */
export function listNatives(): string[] {
  const out: string[] = [];
  for (const r of registries) for (const [c, ms] of Object.entries(r)) for (const m of Object.keys(ms)) out.push(`${c}.${m}`);
  return out.sort();
}
