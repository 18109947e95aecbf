/** Node-only helpers: the committed classlib.jar, directory class-path entries, class-path strings. */
import { existsSync, readFileSync, statSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { JarFile, type ClassPathEntry, type InflateRaw } from "./classfile/jar";

/** Absolute path of the committed classlib/classlib.jar (works from src/ and dist/). */
export const classlibPath: string = join(dirname(fileURLToPath(import.meta.url)), "..", "classlib", "classlib.jar");

export function classlibBytes(): Uint8Array {
  return new Uint8Array(readFileSync(classlibPath));
}

/**
 * Node's zlib for JAR entries: native inflation instead of fflate's JS (a Hello World inflates
 * ~40 class-library entries before its first bytecode; fflate spent ~10% of its startup there).
 */
export const zlibInflateRaw: InflateRaw = (data, size) => {
  const out = inflateRawSync(data);
  if (out.length !== size) throw new Error(`inflated ${out.length} bytes, the directory says ${size}`);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};

/** A JAR read with Node's zlib. */
export function nodeJar(label: string, bytes: Uint8Array): JarFile {
  return new JarFile(label, bytes, zlibInflateRaw);
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
    else out.push(nodeJar(part, new Uint8Array(readFileSync(part))));
  }
  return out;
}

export { JarFile };
