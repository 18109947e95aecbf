/**
 * Operand codes, in the notation of the Intel SDM Vol. 2 Appendix A.2 ("Key to Abbreviations"):
 * an addressing method letter followed by an operand-type suffix.
 *
 * Addressing methods
 *   E  ModRM r/m: general register or memory         G  ModRM reg: general register
 *   M  ModRM r/m, memory only (mod != 11 else #UD)    R  ModRM r/m, general register only
 *   S  ModRM reg: segment register                    C/D ModRM reg: control / debug register
 *   I  immediate                                      J  relative offset (target = next EIP + imm)
 *   O  moffs: absolute offset, address-size wide      A  direct far pointer (offset then selector)
 *   X  DS:[rSI] string source (segment overridable)   Y  ES:[rDI] string destination
 *   Z  register in the low 3 bits of the opcode (SDM's "+rb/+rw/+rd")
 *   P  ModRM reg: MMX register   Q  ModRM r/m: MMX register or memory   N  ModRM r/m: MMX reg only
 *   V  ModRM reg: XMM register   W  ModRM r/m: XMM register or memory   U  ModRM r/m: XMM reg only
 *   ST st(0)                     STi ModRM r/m selects st(i) (x87 register forms)
 * Sizes
 *   b byte, w word, d dword, q qword, t 80-bit (x87 extended / BCD), x 128-bit (SDM "dq"),
 *   v operand size (16/32), z 16/32-bit immediate (same as v in IA-32), p far pointer (16:v),
 *   a BOUND pair (2 × v), s 6-byte pseudo-descriptor (LGDT/SGDT), "Ibs" = imm8 sign-extended to v.
 * Fixed operands name the register itself ("AL", "eAX" = AX or EAX by operand size, "DX", "CL",
 * segment registers) or the constant "1" (shift by one).
 * Combined forms: "RdMb"/"RdMw" = 32-bit register if mod=11, else a byte/word in memory
 * (PEXTRB/PINSRB/PEXTRW m16); "Env" = x87 environment/state image (size depends on operand size).
 */
export type Operand =
  // general-purpose, ModRM based
  | "Eb" | "Ew" | "Ed" | "Ev" | "Gb" | "Gw" | "Gd" | "Gv" | "Rd"
  | "M" | "Mb" | "Mw" | "Md" | "Mq" | "Mt" | "Mx" | "Mp" | "Ma" | "Ms" | "Env" | "Mfx"
  | "Sw" | "Cd" | "Dd"
  // immediates and offsets
  | "Ib" | "Ibs" | "Iw" | "Iz" | "Iv" | "Jb" | "Jz" | "Ap" | "Ob" | "Ov"
  // string operands
  | "Xb" | "Xv" | "Yb" | "Yv" | "Xlat"
  // register in opcode
  | "Zb" | "Zv" | "Zd"
  // fixed registers and constants
  | "AL" | "CL" | "AX" | "DX" | "eAX" | "ES" | "CS" | "SS" | "DS" | "FS" | "GS" | "1"
  // x87
  | "ST" | "STi"
  // MMX / SSE
  | "Pq" | "Qq" | "Qd" | "Nq" | "Vx" | "Wx" | "Wq" | "Wd" | "Ww" | "Ux" | "RdMb" | "RdMw" | "XMM0";

/**
 * Semantics ids whose "Ew"/"Ev" r/m operand is the SDM's "r16/r32/m16": a word in memory, but a
 * register of the operand size in the register form (MOV to/from Sreg, SLDT, STR, SMSW, LAR, LSL).
 */
export const RM16_REG_OPSIZE_SEMS: ReadonlySet<string> = new Set([
  "mov_from_sreg", "mov_to_sreg", "sldt", "str", "smsw", "lar", "lsl",
]);
