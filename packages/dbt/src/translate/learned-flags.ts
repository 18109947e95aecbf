/**
 * The lazy-flags operation codes that generated code stores in S_CC_OP. @strata/isa keeps them
 * private (cpu/flags.ts), so they are learned from the interpreter itself: each instruction below
 * is decoded, bound and executed once on a scratch processor, and the CC_OP word it leaves is the
 * code the translation must store for that form. The handler's name is checked too, so a
 * translation is only inlined when the interpreter runs the same specialized form (exec/fast.ts);
 * anything unexpected disables inlining of that group (the block then calls the handler).
 */
import { bindInsn, Cpu, DecodedInsn, Decoder, PhysicalMemory, S_CC_OP } from "@strata/isa";

export interface LearnedFlags {
  readonly add32: number;
  readonly sub32: number;
  readonly logic32: number;
  readonly shl32: number;
  /** SHR by an immediate records a SAR-style entry (the flags are derived the same way). */
  readonly shr32: number;
  readonly sar32: number;
  /** INC/DEC of a dword register (CF is carried over in CC_SRC2). */
  readonly inc32: number;
  readonly dec32: number;
  /** CMP of a byte (memory, immediate). */
  readonly sub8: number;
  /** AND/OR/XOR/TEST of bytes (the generic handler, alu.ts). */
  readonly logic8: number;
  /** IMUL r32, r/m32[, imm] (CF = OF = the product does not fit; SF, ZF, PF from the low half). */
  readonly mul32: number;
  /** Operand kinds (Insn.k0/k1/k2) of a register, an immediate and a memory operand. */
  readonly kindReg: number;
  readonly kindImm: number;
  readonly kindMem: number;
}

const PROBES: readonly [keyof LearnedFlags, readonly number[], string][] = [
  ["add32", [0x01, 0xc8], "addRR32"], // add eax, ecx
  ["sub32", [0x29, 0xc8], "subRR32"], // sub eax, ecx
  ["logic32", [0x21, 0xc8], "andRR32"], // and eax, ecx
  ["shl32", [0xc1, 0xe0, 0x05], "shlRI32"], // shl eax, 5
  ["shr32", [0xc1, 0xe8, 0x05], "shrRI32"], // shr eax, 5
  ["sar32", [0xc1, 0xf8, 0x05], "sarRI32"], // sar eax, 5
  ["inc32", [0x40], "incR32"], // inc eax
  ["dec32", [0x48], "decR32"], // dec eax
  ["sub8", [0x80, 0x3d, 0x00, 0x01, 0x00, 0x00, 0x05], "cmpMI8"], // cmp byte [0x100], 5
  ["mul32", [0x6b, 0xc1, 0x05], "execImul"], // imul eax, ecx, 5
];

let learned: LearnedFlags | null | undefined;

/** The learned codes, or null when the interpreter's fast forms are not the expected ones. */
export function learnedFlags(): LearnedFlags | null {
  if (learned !== undefined) return learned;
  const cpu = new Cpu(new PhysicalMemory(1 << 16));
  const decoder = new Decoder();
  const d = new DecodedInsn();
  const out: Record<string, number> = {};
  // The generic byte form: xor cl, al (30 C1); its kinds name a register; xor al, 5 an immediate.
  if (!decoder.decodeBytes(d, Uint8Array.from([0x30, 0xc1]), 0, 32)) return (learned = null);
  const x8 = bindInsn(d, 0);
  cpu.s.fill(0);
  x8.exec(cpu, x8);
  out.logic8 = cpu.s[S_CC_OP]!;
  out.kindReg = x8.k0;
  if (x8.k1 !== x8.k0 || x8.size !== 1) return (learned = null);
  if (!decoder.decodeBytes(d, Uint8Array.from([0x34, 0x05]), 0, 32)) return (learned = null);
  const xi = bindInsn(d, 0);
  out.kindImm = xi.k1;
  if (xi.k0 !== out.kindReg || xi.v1 !== 5) return (learned = null);
  for (const [key, bytes, handler] of PROBES) {
    if (!decoder.decodeBytes(d, Uint8Array.from(bytes), 0, 32)) {
      learned = null;
      return null;
    }
    const i = bindInsn(d, 0);
    if (i.exec.name !== handler) {
      learned = null;
      return null;
    }
    cpu.s.fill(0);
    cpu.s[0] = 0x1234;
    cpu.s[1] = 7;
    i.exec(cpu, i);
    out[key] = cpu.s[S_CC_OP]!;
    if (key === "sub8") out.kindMem = i.k0;
  }
  // cpu/flags.ts encodes an entry as (operation << 2) | size index (0 byte, 1 word, 2 dword):
  // the byte forms must agree with the dword forms, or nothing is inlined.
  if ((out.sub8! | 2) !== out.sub32 || (out.logic8 | 2) !== out.logic32) return (learned = null);
  if (out.kindMem === out.kindReg || out.kindMem === out.kindImm) return (learned = null);
  learned = out as unknown as LearnedFlags;
  return learned;
}
