/**
 * Disassembly of byte ranges, one instruction at a time, the way `objdump -d` walks a section.
 */
import { Decoder } from "../decode/decoder";
import { DecodedInsn } from "../decode/insn";
import { formatIntel } from "./intel";

export interface DisasmLine {
  readonly address: number;
  /** Instruction length in bytes (1 for an undecodable byte). */
  readonly length: number;
  readonly text: string;
}

const decoder = new Decoder();
const scratch = new DecodedInsn();

/** Disassembles the single instruction at `bytes[offset]`, located at `address`. */
export function disassemble(bytes: Uint8Array, offset: number, address: number, bits: 16 | 32 = 32): DisasmLine {
  // WAIT (9B) directly before an x87 instruction: objdump prints the pair as one instruction,
  // with the waiting spelling of the no-wait mnemonics (9B DF E0 = "fstsw ax").
  if (bytes[offset] === 0x9b && offset + 1 < bytes.length) {
    const next = bytes[offset + 1] ?? 0;
    if (next >= 0xd8 && next <= 0xdf && decoder.decodeBytes(scratch, bytes, offset + 1, bits)) {
      const text = formatIntel(scratch, address + 1, bytes, offset + 1);
      return { address, length: scratch.length + 1, text: text.startsWith("fn") ? "f" + text.slice(2) : text };
    }
  }
  const ok = decoder.decodeBytes(scratch, bytes, offset, bits);
  // An undecodable byte is shown as "(bad)" and skipped, as objdump does for an unknown opcode.
  if (!ok) return { address, length: 1, text: "(bad)" };
  return { address, length: scratch.length, text: formatIntel(scratch, address, bytes, offset) };
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
  /** Instructions may read up to here (objdump decodes past a symbol boundary, not a section end). */
  limit = end,
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
    const line = disassemble(view, p, address + (p - start), bits);
    out.push(line);
    p += line.length;
  }
  return out;
}
