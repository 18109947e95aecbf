import { unzipSync } from "fflate";
import { ClassFileError } from "./errors";

/** Where the bootstrap class loader looks for `<binary name>.class` files. */
export interface ClassPathEntry {
  readonly label: string;
  /** Bytes of `path` (e.g. "java/lang/Object.class"), or undefined. */
  read(path: string): Uint8Array | undefined;
}

/** An in-memory class path: path -> bytes. */
export class MapClassPath implements ClassPathEntry {
  constructor(
    readonly label: string,
    readonly files: ReadonlyMap<string, Uint8Array>,
  ) {}
  read(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }
}

/** A JAR (ZIP) archive, inflated with fflate. */
export class JarFile implements ClassPathEntry {
  readonly files: Map<string, Uint8Array>;
  constructor(
    readonly label: string,
    bytes: Uint8Array,
  ) {
    try {
      this.files = new Map(Object.entries(unzipSync(bytes)));
    } catch (e) {
      throw new ClassFileError("java/util/zip/ZipException", `Invalid or corrupt jarfile ${label}: ${(e as Error).message}`);
    }
  }
  read(path: string): Uint8Array | undefined {
    return this.files.get(path);
  }
  /** Main attributes of META-INF/MANIFEST.MF (JAR File Specification; continuation lines joined). */
  manifest(): Map<string, string> {
    const out = new Map<string, string>();
    const mf = this.files.get("META-INF/MANIFEST.MF");
    if (!mf) return out;
    const text = new TextDecoder().decode(mf).replace(/\r\n?/g, "\n").replace(/\n /g, "");
    for (const line of text.split("\n")) {
      if (line === "") break;
      const c = line.indexOf(":");
      if (c > 0) out.set(line.slice(0, c).trim(), line.slice(c + 1).trim());
    }
    return out;
  }
  mainClass(): string | undefined {
    return this.manifest().get("Main-Class");
  }
}
