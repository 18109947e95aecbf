/**
 * Disassembly of byte ranges, one instruction at a time, the way `objdump -d` walks a section.
 */
import { Decoder } from "../decode/decoder";
import { DecodeFault, DecodedInsn, MAP_0F, MAP_1B } from "../decode/insn";
import { badWithPrefixes, formatIntel } from "./intel";
import { formatAtt } from "./att";

/** Output syntax: objdump's `-M intel`, or its default AT&T. */
export type Syntax = "intel" | "att";

const FORMAT = { intel: formatIntel, att: formatAtt } as const;

export interface DisasmLine {
  readonly address: number;
  /** Instruction length in bytes (1 for an undecodable byte). */
  readonly length: number;
  readonly text: string;
}

const decoder = new Decoder(true);

/** objdump's names for prefix bytes printed on their own. */
const PREFIX_NAMES: Record<number, string> = {
  0xf0: "lock", 0xf2: "repnz", 0xf3: "repz", 0x26: "es", 0x2e: "cs", 0x36: "ss", 0x3e: "ds", 0x64: "fs", 0x65: "gs",
};
/** objdump gives up on a prefix run at this many bytes (i386-dis.c: MAX_CODE_LENGTH - 1). */
const MAX_PREFIX_RUN = 14;
const scratch = new DecodedInsn();

/** Disassembles the single instruction at `bytes[offset]`, located at `address`. */
export function disassemble(bytes: Uint8Array, offset: number, address: number, bits: 16 | 32 = 32, syntax: Syntax = "intel"): DisasmLine {
  const format = FORMAT[syntax];
  // WAIT (9B) directly before an x87 instruction: objdump prints the pair as one instruction,
  // with the waiting spelling of the no-wait mnemonics (9B DF E0 = "fstsw ax").
  if (bytes[offset] === 0x9b && offset + 1 < bytes.length) {
    const next = bytes[offset + 1] ?? 0;
    if (next >= 0xd8 && next <= 0xdf && decoder.decodeBytes(scratch, bytes, offset + 1, bits)) {
      const text = format(scratch, address + 1, bytes, offset + 1);
      return { address, length: scratch.length + 1, text: text.startsWith("fn") ? "f" + text.slice(2) : text };
    }
  }
  // A run of 14 prefixes: objdump prints them as one line and resumes after them.
  let run = 0;
  while (run < MAX_PREFIX_RUN && offset + run < bytes.length && isPrefix(bytes[offset + run] ?? 0)) run++;
  if (run === MAX_PREFIX_RUN) {
    const names = Array.from(bytes.subarray(offset, offset + run), (b) =>
      b === 0x66 ? (bits === 16 ? "data32" : "data16") : b === 0x67 ? (bits === 16 ? "addr32" : "addr16") : (PREFIX_NAMES[b] ?? "?"),
    );
    return { address, length: run, text: names.join(" ") };
  }
  const ok = decoder.decodeBytes(scratch, bytes, offset, bits);
  // An instruction cut off by the end of the range (objdump stops at the next symbol) is shown
  // as its first byte, ".byte 0xea"; an undecodable byte as "(bad)". Both advance one byte.
  if (!ok && scratch.fault === DecodeFault.Truncated) return { address, length: 1, text: `.byte 0x${(bytes[offset] ?? 0).toString(16)}` };
  // Like objdump, an undecodable instruction spans its prefixes and opcode bytes (and, for the
  // x87 escapes, the ModRM byte that extends the opcode), and shows its prefixes.
  if (!ok && scratch.fault === DecodeFault.UD) {
    const x87 = scratch.map === MAP_1B && scratch.opcode >= 0xd8 && scratch.opcode <= 0xdf;
    const modrm = bytes[offset + scratch.prefixCount + 1] ?? 0;
    if (x87 && modrm < 0xc0) return badX87Memory(bytes, offset, address, bits, syntax);
    const length = scratch.prefixCount + (scratch.map === MAP_1B ? 1 : scratch.map === MAP_0F ? 2 : 3) + (x87 ? 1 : 0);
    return { address, length, text: badWithPrefixes(bytes, offset, scratch.prefixCount, bits === 16) };
  }
  if (!ok) return { address, length: 1, text: "(bad)" };
  return { address, length: scratch.length, text: format(scratch, address, bytes, offset) };
}

/**
 * Disassembles `bytes[start..end)` located at `address` (of `bytes[start]`). Following objdump,
 * a run of at least 8 zero bytes is skipped (shown by objdump as "..."), in multiples of 4 unless
 * it reaches the end, and fewer than 3 zero bytes at the very end are skipped too.
 */
export function disassembleRange(
  bytes: Uint8Array,
  start: number,
  end: number,
  address: number,
  bits: 16 | 32 = 32,
  /** Instructions may read up to here (default: the end of the range). */
  limit = end,
  syntax: Syntax = "intel",
): DisasmLine[] {
  const out: DisasmLine[] = [];
  let p = start;
  while (p < end) {
    let z = p;
    while (z < end && bytes[z] === 0) z++;
    if (z - p >= 8 || (z === end && z - p < 3 && z > p)) {
      p = z === end ? z : p + ((z - p) & ~3);
      continue;
    }
    const view = bytes.subarray(0, limit);
    const line = disassemble(view, p, address + (p - start), bits, syntax);
    out.push(line);
    p += line.length;
  }
  return out;
}

function isPrefix(b: number): boolean {
  return b === 0x66 || b === 0x67 || PREFIX_NAMES[b] !== undefined;
}

/**
 * An undefined x87 memory form (e.g. DD /5 with mod != 11): objdump prints "(bad)" with the
 * memory operand and consumes the whole instruction. The operand is decoded through the same
 * bytes with the escape's defined /0 form (FLD m32fp, D9 /0) substituted, which has the identical
 * ModRM/SIB/displacement layout.
 */
function badX87Memory(bytes: Uint8Array, offset: number, address: number, bits: 16 | 32, syntax: Syntax): DisasmLine {
  const n = scratch.prefixCount;
  const copy = bytes.slice(offset, Math.min(bytes.length, offset + 16));
  copy[n] = 0xd9;
  copy[n + 1] = (copy[n + 1] ?? 0) & 0xc7;
  if (!decoder.decodeBytes(scratch, copy, 0, bits)) return { address, length: 1, text: "(bad)" };
  const text = FORMAT[syntax](scratch, address, copy, 0).replace(/^(.*?)(fld DWORD PTR |flds )/, "$1(bad) ");
  return { address, length: scratch.length, text };
}
