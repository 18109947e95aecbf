import type { OpDef } from "../table/types";

/** Prefix bits of `DecodedInsn.prefixes` (SDM Vol. 2 §2.1.1). */
export const PREFIX_LOCK = 1;
/** F3 (REP/REPE) present and not consumed as a mandatory prefix. */
export const PREFIX_REP = 2;
/** F2 (REPNE) present and not consumed as a mandatory prefix. */
export const PREFIX_REPNE = 4;
/** 66 present (operand size toggled unless consumed as a mandatory prefix). */
export const PREFIX_OPSIZE = 8;
/** 67 present (address size toggled). */
export const PREFIX_ADDRSIZE = 0x10;
/** A segment override prefix is present (`DecodedInsn.segOverride`). */
export const PREFIX_SEG = 0x20;

/** Segment register numbers (the Sreg encoding of SDM Vol. 2 Table 3-6). */
export const SEG_ES = 0;
export const SEG_CS = 1;
export const SEG_SS = 2;
export const SEG_DS = 3;
export const SEG_FS = 4;
export const SEG_GS = 5;

/** General register numbers (SDM Table 2-1/2-2 order): EAX ECX EDX EBX ESP EBP ESI EDI. */
export const REG_EAX = 0;
export const REG_ECX = 1;
export const REG_EDX = 2;
export const REG_EBX = 3;
export const REG_ESP = 4;
export const REG_EBP = 5;
export const REG_ESI = 6;
export const REG_EDI = 7;

/** Opcode map numbers of `DecodedInsn.map`. */
export const MAP_1B = 0;
export const MAP_0F = 1;
export const MAP_0F38 = 2;
export const MAP_0F3A = 3;

/**
 * Why a decode failed (`DecodedInsn.fault`). The architectural ones carry the exception vector.
 */
export const DecodeFault = {
  None: 0,
  /** Undefined opcode, LOCK on a non-lockable form or a register destination, M operand with mod=11. */
  UD: 6,
  /** Instruction longer than 15 bytes (SDM Vol. 2 §2.1). */
  GP: 13,
  /** The fetch callback returned a negative value (the caller's page fault; it owns the details). */
  Fetch: 0x100,
  /** The byte array ended inside the instruction. */
  Truncated: 0x101,
} as const;
export type DecodeFault = (typeof DecodeFault)[keyof typeof DecodeFault];

/** Maximum instruction length (SDM Vol. 2 §2.1): longer is #GP(0). */
export const MAX_INSN_LENGTH = 15;

/** Sentinel entry for undecodable bytes: not part of `OPCODES`. */
export const UD_ENTRY: OpDef = {
  map: "1b",
  opc: 0,
  mn: "(bad)",
  ops: [],
  cls: "plain",
  cf: "trap",
  ext: "i386",
  sem: "ud",
};

/**
 * A decoded instruction: THE record the interpreter, translator and disassembler consume.
 *
 * It is designed to be preallocated and overwritten (`Decoder.decodeBytes(out, ...)`): all fields
 * are numbers (plus one reference to the table entry), so decoding allocates nothing.
 *
 * Effective address (when `hasMem`): `seg:[base + index*2^scale + disp]`, truncated to
 * `addrsize` bits. `base`/`index` are general register numbers (REG_*) or -1. In 16-bit
 * addressing they name BX, BP, SI, DI by the same numbers (3, 5, 6, 7) and the sum wraps at 16 bits.
 * For moffs operands (A0–A3) `base = index = -1` and `disp` is the offset.
 */
export class DecodedInsn {
  /** Bytes consumed (1..15). On a fault: the bytes examined so far. */
  length = 0;
  /** `DecodeFault.None` (0) when decoded; otherwise why not. */
  fault: DecodeFault = DecodeFault.None;
  /** Index of the entry in `OPCODES` (-1 on a fault). Stable key for dispatch arrays. */
  entry = -1;
  /** The table entry (`OPCODES[entry]`); the #UD sentinel `UD_ENTRY` on a fault. */
  op: OpDef = UD_ENTRY;
  /** PREFIX_* bits. */
  prefixes = 0;
  /** Number of prefix bytes before the opcode. */
  prefixCount = 0;
  /** Segment override (SEG_*) or -1. */
  segOverride = -1;
  /** Mandatory prefix consumed by the entry (0, 0x66, 0xF2, 0xF3). */
  mandatory = 0;
  /** The code segment's default size the instruction was decoded for (16 or 32). */
  bits = 32;
  /** Effective operand size in bits (16 or 32). */
  opsize = 32;
  /** Effective address size in bits (16 or 32). */
  addrsize = 32;
  /** Opcode map (MAP_*). */
  map = MAP_1B;
  /** Last opcode byte (within `map`). */
  opcode = 0;
  /** ModRM byte or -1 when the entry has none. */
  modrm = -1;
  /** ModRM fields (0 when there is no ModRM). */
  mod = 0;
  reg = 0;
  rm = 0;
  /** SIB byte or -1. */
  sib = -1;
  /** True when the instruction has a memory operand (ModRM with mod != 11, or moffs). */
  hasMem = false;
  /** Effective-address components (see the class comment). */
  base = -1;
  index = -1;
  /** Scale as a shift count 0..3 (×1, ×2, ×4, ×8). */
  scale = 0;
  /** Displacement, sign-extended to 32 bits (moffs: the offset, zero-extended). */
  disp = 0;
  /** Displacement width in bytes (0, 1, 2, 4) as encoded. */
  dispSize = 0;
  /** Segment of the memory operand: the override, else DS, or SS when the base is (E)BP/(E)SP. */
  seg = SEG_DS;
  /**
   * First immediate: Ib/Iw/Iz/Iv zero-extended; Ibs and Jb/Jz sign-extended to 32 bits (for J*
   * the displacement, the target is (next EIP + imm) masked to operand size); Ap: the offset.
   */
  imm = 0;
  /** Second immediate: ENTER's Ib, or Ap's selector. */
  imm2 = 0;
  /** Offset of the first immediate byte within the instruction (0 when none). */
  immOffset = 0;
}
