import { inflateSync } from "fflate";
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

/** Inflates a raw DEFLATE stream (RFC 1951) of known output size. */
export type InflateRaw = (data: Uint8Array, size: number) => Uint8Array;

const fflateInflate: InflateRaw = (data, size) => inflateSync(data, { out: new Uint8Array(size) });

/**
 * A JAR (ZIP) archive. The central directory is read up front (PKWARE APPNOTE §4.3.12/16) and
 * each entry is inflated with fflate only when the class loader asks for it: a program touches a
 * small part of the class library, so startup does not pay for inflating all of it.
 */
export class JarFile implements ClassPathEntry {
  private readonly entries = new Map<string, { offset: number; method: number; csize: number; size: number }>();
  private readonly cache = new Map<string, Uint8Array>();
  constructor(
    readonly label: string,
    private readonly bytes: Uint8Array,
    /** fflate by default (browsers); Node's zlib where available (`@strata/jvm-lite/node`). */
    private readonly inflateRaw: InflateRaw = fflateInflate,
  ) {
    try {
      this.readDirectory();
    } catch (e) {
      throw new ClassFileError("java/util/zip/ZipException", `Invalid or corrupt jarfile ${label}: ${(e as Error).message}`);
    }
  }

  private readDirectory(): void {
    const b = this.bytes;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    let eocd = -1;
    for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 65535); i--) {
      if (dv.getUint32(i, true) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw new Error("end of central directory not found");
    const count = dv.getUint16(eocd + 10, true);
    let p = dv.getUint32(eocd + 16, true);
    const dec = new TextDecoder();
    for (let i = 0; i < count; i++) {
      if (dv.getUint32(p, true) !== 0x02014b50) throw new Error(`bad central directory entry at ${p}`);
      const method = dv.getUint16(p + 10, true);
      const csize = dv.getUint32(p + 20, true);
      const size = dv.getUint32(p + 24, true);
      const nameLen = dv.getUint16(p + 28, true);
      const extraLen = dv.getUint16(p + 30, true);
      const commentLen = dv.getUint16(p + 32, true);
      const local = dv.getUint32(p + 42, true);
      const name = dec.decode(b.subarray(p + 46, p + 46 + nameLen));
      if (dv.getUint32(local, true) !== 0x04034b50) throw new Error(`bad local header for ${name}`);
      const dataOff = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
      if (dataOff + csize > b.length) throw new Error(`entry ${name} extends past the end`);
      this.entries.set(name, { offset: dataOff, method, csize, size });
      p += 46 + nameLen + extraLen + commentLen;
    }
  }

  /** Names of all entries. */
  get files(): ReadonlyMap<string, unknown> {
    return this.entries;
  }

  read(path: string): Uint8Array | undefined {
    const hit = this.cache.get(path);
    if (hit) return hit;
    const e = this.entries.get(path);
    if (!e) return undefined;
    const raw = this.bytes.subarray(e.offset, e.offset + e.csize);
    let out: Uint8Array;
    try {
      out = e.method === 0 ? raw.slice() : this.inflateRaw(raw, e.size);
    } catch (err) {
      throw new ClassFileError("java/util/zip/ZipException", `invalid entry ${path} in ${this.label}: ${(err as Error).message}`);
    }
    this.cache.set(path, out);
    return out;
  }

  /** Main attributes of META-INF/MANIFEST.MF (JAR File Specification; continuation lines joined). */
  manifest(): Map<string, string> {
    const out = new Map<string, string>();
    const mf = this.read("META-INF/MANIFEST.MF");
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
