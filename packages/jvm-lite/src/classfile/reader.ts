import { formatError } from "./errors";

/** Big-endian cursor over class-file bytes; every read is bounds-checked (truncation -> ClassFormatError). */
export class ByteReader {
  pos = 0;
  constructor(
    readonly bytes: Uint8Array,
    readonly what: string,
  ) {}

  private need(n: number): void {
    if (this.pos + n > this.bytes.length) {
      throw formatError(`Truncated class file ${this.what}: needs ${n} byte(s) at offset ${this.pos}, size ${this.bytes.length}`, this.pos);
    }
  }
  u1(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }
  u2(): number {
    this.need(2);
    const b = this.bytes;
    const v = (b[this.pos]! << 8) | b[this.pos + 1]!;
    this.pos += 2;
    return v;
  }
  u4(): number {
    this.need(4);
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  }
  s4(): number {
    return this.u4() | 0;
  }
  slice(n: number): Uint8Array {
    this.need(n);
    const v = this.bytes.subarray(this.pos, this.pos + n);
    this.pos += n;
    return v;
  }
}

/** Decodes the "modified UTF-8" of JVMS §4.4.7 into a JS string (UTF-16, like Java's String). */
export function decodeModifiedUtf8(b: Uint8Array, at: number): string {
  let out = "";
  let ascii = true;
  for (let i = 0; i < b.length; i++) {
    if (b[i]! >= 0x80 || b[i] === 0) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // Measured: a per-character loop is ~3x faster than spreading the bytes into fromCharCode
    // for constant-pool strings (short; this decoding was 15% of a Hello World's run).
    for (let i = 0; i < b.length; i++) out += String.fromCharCode(b[i]!);
    return out;
  }
  const codes: number[] = [];
  for (let i = 0; i < b.length; ) {
    const x = b[i]!;
    if (x === 0 || x >= 0xf0) throw formatError(`Illegal UTF8 string in constant pool at offset ${at + i}`, at + i);
    if (x < 0x80) {
      codes.push(x);
      i++;
    } else if ((x & 0xe0) === 0xc0) {
      const y = b[i + 1];
      if (y === undefined || (y & 0xc0) !== 0x80) throw formatError(`Illegal UTF8 string in constant pool at offset ${at + i}`, at + i);
      codes.push(((x & 0x1f) << 6) | (y & 0x3f));
      i += 2;
    } else {
      const y = b[i + 1];
      const z = b[i + 2];
      if (y === undefined || z === undefined || (y & 0xc0) !== 0x80 || (z & 0xc0) !== 0x80) {
        throw formatError(`Illegal UTF8 string in constant pool at offset ${at + i}`, at + i);
      }
      codes.push(((x & 0x0f) << 12) | ((y & 0x3f) << 6) | (z & 0x3f));
      i += 3;
    }
  }
  for (let i = 0; i < codes.length; i += 4096) out += String.fromCharCode(...codes.slice(i, i + 4096));
  return out;
}
