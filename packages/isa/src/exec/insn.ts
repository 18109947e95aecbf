/**
 * A decoded instruction in the form the interpreter executes (and the translator reads): a flat,
 * monomorphic record of numbers plus the handler, built once per cached instruction by
 * exec/bind.ts from the decoder's output. Operands are resolved from the table's SDM operand
 * codes to (kind, value) slots, so handlers never look at operand codes while executing.
 */
import type { Cpu } from "../cpu/cpu";

/** Executes one instruction; faults throw the CpuFault of cpu/exceptions.ts. */
export type ExecFn = (cpu: Cpu, i: Insn) => void;

/** Operand kinds of the (kN, vN) slots. */
export const OK_NONE = 0;
/** A general register: vN is its number in the encoding of the operand's size. */
export const OK_REG = 1;
/** The memory operand described by seg/base/index/scale/disp. */
export const OK_MEM = 2;
/** An immediate (or a constant such as the 1 of shift-by-one); vN is its value. */
export const OK_IMM = 3;
/** A segment register (vN = ES..GS). */
export const OK_SREG = 4;
/** A control register (vN = 0..4). */
export const OK_CREG = 5;
/** A debug register (vN = 0..7). */
export const OK_DREG = 6;
/** x87 stack register st(vN). */
export const OK_ST = 7;

/** Repeat prefixes (F3 = REP/REPE, F2 = REPNE). */
export const REP_NONE = 0;
export const REP_E = 1;
export const REP_NE = 2;

/** Instruction classes of the table, in counter order (`insn.class.<name>`). */
export const CLASS_NAMES = ["plain", "control", "io", "privileged", "sensitive"] as const;
export type ClassName = (typeof CLASS_NAMES)[number];

export class Insn {
  exec: ExecFn;
  /** Case of the interpreter's inline dispatch (exec/dispatch.ts) for `exec`, 0 = call `exec`. */
  op = 0;
  /** Offset (EIP) of the instruction and of the one after it. */
  eip = 0;
  next = 0;
  len = 0;
  /** Operation size in bytes (1, 2 or 4): the size of the first sized operand. */
  size = 4;
  /** Operand-size and address-size attributes in bytes (2 or 4). */
  osize = 4;
  asize = 4;
  /** Size in bytes of operand 1 where it differs (MOVZX/MOVSX sources, shift counts...). */
  size1 = 4;
  k0 = OK_NONE;
  v0 = 0;
  k1 = OK_NONE;
  v1 = 0;
  k2 = OK_NONE;
  v2 = 0;
  /** Memory operand: effective segment, base and index registers (-1 = none), scale shift, displacement. */
  seg = 3;
  base = -1;
  index = -1;
  scale = 0;
  disp = 0;
  /** Condition code (Jcc/SETcc/CMOVcc), repeat prefix, LOCK prefix present (0/1). */
  cc = 0;
  rep = REP_NONE;
  lock = 0;
  /** Index in CLASS_NAMES. */
  cls = 0;
  /** Second immediate (ENTER's nesting level, far pointer selector). */
  imm2 = 0;
  /** ModRM.reg (the /digit) and the opcode byte, for handlers shared by several encodings. */
  regField = 0;
  opcode = 0;
  /** ModRM byte (-1 when none); the x87 handlers decode it themselves. */
  modrm = -1;
  /** Table entry index (for disassembly and debugging; -1 = none). */
  entry = -1;
  /** Position in its decoded block (RDTSC adds it to the retired count of the block start). */
  blockIndex = 0;
  /** Ends a basic block (control transfer, interrupt, HLT, or a state change the decoder depends on). */
  endsBlock = false;
  /**
   * Instructions one inline-dispatch step executes: 1, or 2 when the interpreter fused this flag
   * producer (CMP/TEST) with the Jcc after it (exec/fuse.ts); then fuseMask/fuseBias/fuseTarget
   * describe that Jcc and `op` names the fused case.
   */
  width = 1;
  fuseMask = 0;
  fuseBias = 0;
  fuseTarget = 0;

  constructor(exec: ExecFn) {
    this.exec = exec;
  }
}
