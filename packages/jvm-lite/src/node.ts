/** Node-only helpers: the committed classlib.jar, directory class-path entries, class-path strings. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JarFile, type ClassPathEntry } from "./classfile/jar";

/** Absolute path of the committed classlib/classlib.jar (works from src/ and dist/). */
export const classlibPath: string = join(dirname(fileURLToPath(import.meta.url)), "..", "classlib", "classlib.jar");

export function classlibBytes(): Uint8Array {
  return new Uint8Array(readFileSync(classlibPath));
}

/** A directory of .class files laid out by package. */
export class DirectoryClassPath implements ClassPathEntry {
  constructor(readonly label: string) {}
  read(path: string): Uint8Array | undefined {
    const p = join(this.label, path);
    return existsSync(p) ? new Uint8Array(readFileSync(p)) : undefined;
  }
}

/** Parses a java-style class path ("a:b.jar"); missing entries are skipped like java does. */
export function parseClassPath(spec: string): ClassPathEntry[] {
  const out: ClassPathEntry[] = [];
  for (const part of spec.split(":")) {
    if (part === "" || !existsSync(part)) continue;
    if (statSync(part).isDirectory()) out.push(new DirectoryClassPath(part));
    else out.push(new JarFile(part, new Uint8Array(readFileSync(part))));
  }
  return out;
}

export { JarFile };
