/**
 * From the decoder's DecodedInsn to the interpreter's Insn: operand codes (SDM Appendix A.2) are
 * resolved once into (kind, value) slots pre-scaled for their register file view, relative jump
 * targets are computed, the handler is picked from the semantics map, and encodings the CPUID
 * identity does not advertise (MMX, SSE*) are bound to #UD.
 */
import { CR0_PE, CS, reg8Offset, DS, S_CR0, S_ZERO } from "../cpu/state";
import { OPCODES } from "../table/opcodes";
import * as fast from "./fast";
import { type DecodedInsn, DecodeFault, PREFIX_LOCK, PREFIX_REP, PREFIX_REPNE } from "../decode/insn";
import type { Operand } from "../table/operands";
import type { OpDef } from "../table/types";
import { EXEC } from "./handlers";
import { inlineOp } from "./dispatch";

import {
  CLASS_NAMES,
  type ExecFn,
  Insn,
  OK_CREG,
  OK_DREG,
  OK_IMM,
  OK_MEM,
  OK_NONE,
  OK_REG,
  OK_SREG,
  OK_ST,
  REP_E,
  REP_NE,
  REP_NONE,
} from "./insn";
import { execUd } from "./system";
import { raise, VEC_GP } from "../cpu/exceptions";

const execGp0: ExecFn = () => raise(VEC_GP, 0);

/** Sems that store to operand 0 when it is memory. */
const WRITES_OPERAND_0: ReadonlySet<string> = new Set([
  "mov", "add", "or", "adc", "sbb", "and", "sub", "xor", "inc", "dec", "neg", "not",
  "rol", "ror", "rcl", "rcr", "shl", "shr", "sar", "shld", "shrd", "xchg", "xadd", "cmpxchg",
  "cmpxchg8b", "bts", "btr", "btc", "setcc", "pop", "mov_from_sreg", "sgdt", "sidt", "sldt",
  "str", "smsw",
]);

/**
 * A write through a CS override: code segments are never writable in protected mode (SDM Vol. 3
 * §5.4.1, #GP(0)); in real mode the write is an ordinary one.
 */
const execWriteViaCs: ExecFn = (cpu, i) => {
  if ((cpu.s[S_CR0]! & CR0_PE) !== 0) raise(VEC_GP, 0);
  EXEC[i.entry >= 0 ? (OPCODES[i.entry]!.sem) : "ud"](cpu, i);
};

/**
 * Extensions whose instructions the CPUID identity does not advertise (they raise #UD). Two hints
 * the table files under SSE/SSE2 are exempt, as the SDM gives them no CPUID flag: PAUSE (REP NOP)
 * and PREFETCHh (0F 18 /0-3 with a memory operand; on a P6 the 0F 18-1F space is hint NOPs, and a
 * prefetch never faults, even on an unmapped line): both execute as NOP.
 */
const UNADVERTISED: ReadonlySet<string> = new Set(["mmx", "sse", "sse2", "sse3", "ssse3", "sse41", "sse42"]);

/** Segment registers named by LDS/LES/LSS/LFS/LGS opcodes. */
function farPointerSegment(map: number, opcode: number): number {
  if (map === 0) return opcode === 0xc4 ? 0 : 3; // LES, LDS
  return opcode === 0xb2 ? 2 : opcode === 0xb4 ? 4 : 5; // LSS, LFS, LGS
}

/** Size in bytes of a register/memory operand code (0 for immediates, segment registers...). */
function operandSize(o: Operand, os: number): number {
  switch (o) {
    case "Eb":
    case "Gb":
    case "Zb":
    case "AL":
    case "CL":
    case "Xb":
    case "Yb":
    case "Ob":
    case "Mb":
      return 1;
    case "Ew":
    case "Gw":
    case "AX":
    case "DX":
    case "Mw":
      return 2;
    case "Ed":
    case "Gd":
    case "Rd":
    case "Zd":
    case "Md":
    case "Cd":
    case "Dd":
      return 4;
    case "Ev":
    case "Gv":
    case "Zv":
    case "eAX":
    case "Xv":
    case "Yv":
    case "Ov":
      return os;
    case "Mq":
      return 8;
    default:
      return 0;
  }
}

function regValue(reg: number, size: number): number {
  return size === 1 ? reg8Offset(reg) : size === 2 ? reg << 1 : reg;
}

/** Resolves one operand into (kind, value); returns false for encodings that must #UD. */
function resolve(d: DecodedInsn, o: Operand, os: number, next: number, slot: Int32Array): boolean {
  let k = OK_NONE;
  let v = 0;
  switch (o) {
    case "Eb":
    case "Ew":
    case "Ed":
    case "Ev":
    case "Rd":
      if (d.hasMem) k = OK_MEM;
      else {
        k = OK_REG;
        v = regValue(d.rm, operandSize(o, os));
      }
      break;
    case "Gb":
    case "Gw":
    case "Gd":
    case "Gv":
      k = OK_REG;
      v = regValue(d.reg, operandSize(o, os));
      break;
    case "Zb":
    case "Zv":
    case "Zd":
      k = OK_REG;
      v = regValue(d.opcode & 7, operandSize(o, os));
      break;
    case "AL":
    case "AX":
    case "eAX":
      k = OK_REG;
      v = 0;
      break;
    case "CL":
      k = OK_REG;
      v = reg8Offset(1);
      break;
    case "DX":
      k = OK_REG;
      v = 2 << 1;
      break;
    case "Sw":
      if (d.reg > 5) return false;
      k = OK_SREG;
      v = d.reg;
      break;
    case "ES":
    case "CS":
    case "SS":
    case "DS":
    case "FS":
    case "GS":
      k = OK_SREG;
      v = ["ES", "CS", "SS", "DS", "FS", "GS"].indexOf(o);
      break;
    case "Cd":
      if (d.reg === 1 || d.reg > 4) return false;
      k = OK_CREG;
      // LOCK MOV CR0 is AMD's alias of CR8 (see the decoder's LOCK rule). CR8 (the task-priority
      // register) exists only with a local APIC, which this machine lacks: the MOV CRn handlers
      // raise #GP(0) at CPL > 0, as the host does, and #UD at CPL 0.
      v = (d.prefixes & PREFIX_LOCK) !== 0 ? 8 : d.reg;
      break;
    case "Dd":
      k = OK_DREG;
      v = d.reg;
      break;
    case "Ib":
      k = OK_IMM;
      v = d.imm & 0xff;
      break;
    case "Iw":
      k = OK_IMM;
      v = d.imm & 0xffff;
      break;
    case "Ibs":
    case "Iz":
    case "Iv":
      k = OK_IMM;
      v = os === 2 ? d.imm & 0xffff : d.imm | 0;
      break;
    case "Jb":
    case "Jz":
      k = OK_IMM;
      v = os === 2 ? (next + d.imm) & 0xffff : (next + d.imm) | 0;
      break;
    case "Ap":
      k = OK_IMM;
      v = d.imm | 0;
      break;
    case "1":
      k = OK_IMM;
      v = 1;
      break;
    case "ST":
    case "STi":
      k = OK_ST;
      v = o === "ST" ? 0 : d.rm;
      break;
    default:
      // M*, O*, X*, Y*, Xlat: the memory operand (or the implicit string operands).
      k = d.hasMem ? OK_MEM : OK_NONE;
  }
  slot[0] = k;
  slot[1] = v;
  return true;
}

const SLOT = new Int32Array(2);

/**
 * Builds the Insn for a successfully decoded instruction at offset `eip`. `cls` of the table
 * entry is recorded; the caller decides about class interposition.
 */
export function bindInsn(d: DecodedInsn, eip: number): Insn {
  const def: OpDef = d.op;
  const i = new Insn(execUd);
  i.eip = eip;
  i.len = d.length;
  i.next = (eip + d.length) | 0;
  i.entry = d.entry;
  i.opcode = d.opcode;
  i.modrm = d.modrm;
  i.regField = d.reg;
  i.endsBlock = true;
  if (d.fault !== DecodeFault.None) {
    i.exec = d.fault === DecodeFault.GP ? execGp0 : execUd;
    return i;
  }
  const os = d.opsize === 16 ? 2 : 4;
  i.osize = os;
  i.asize = d.addrsize === 16 ? 2 : 4;
  i.cls = Math.max(0, CLASS_NAMES.indexOf(def.cls));
  i.cc = def.cc ?? 0;
  i.lock = (d.prefixes & 1) !== 0 ? 1 : 0;
  i.seg = d.hasMem ? d.seg : d.segOverride >= 0 ? d.segOverride : DS;
  i.base = d.base;
  i.index = d.index;
  i.scale = d.scale;
  i.disp = d.disp | 0;
  i.imm2 = d.imm2;
  const ops = def.ops;
  let size = 0;
  for (let n = 0; n < ops.length && n < 3; n++) {
    const o = ops[n]!;
    if (!resolve(d, o, os, i.next, SLOT)) {
      i.exec = execUd;
      return i;
    }
    if (n === 0) {
      i.k0 = SLOT[0]!;
      i.v0 = SLOT[1]!;
    } else if (n === 1) {
      i.k1 = SLOT[0]!;
      i.v1 = SLOT[1]!;
      i.size1 = operandSize(o, os) || os;
    } else {
      i.k2 = SLOT[0]!;
      i.v2 = SLOT[1]!;
    }
    if (size === 0) size = operandSize(o, os);
  }
  const sem = def.sem as keyof typeof EXEC;
  // OUT/OUTS take their size from the data operand (operand 1), not the port.
  if (sem === "out" || sem === "outs") size = operandSize(ops[1]!, os);
  i.size = size === 0 || size === 8 ? os : size;
  if (sem === "lfp") i.imm2 = farPointerSegment(d.map, d.opcode);
  if (sem === "enter") i.imm2 = d.imm2 & 0xff;
  const rep = d.prefixes & (PREFIX_REP | PREFIX_REPNE);
  i.rep = def.rep === undefined || rep === 0 ? REP_NONE : (d.prefixes & PREFIX_REP) !== 0 ? REP_E : REP_NE;
  if (def.rep === "rep" && i.rep === REP_NE) i.rep = REP_E; // F2 on MOVS/STOS... repeats like F3
  if (i.asize === 4) {
    // Branch-free effective addresses (exec/fast.ts): absent registers read the zero word.
    if (i.base < 0) i.base = S_ZERO;
    if (i.index < 0) i.index = S_ZERO;
  }
  i.exec =
    sem === "prefetch" ? EXEC.nop : UNADVERTISED.has(def.ext) && sem !== "pause" ? execUd : (specialize(sem, i) ?? EXEC[sem]);
  if (i.k0 === OK_MEM && i.seg === CS && WRITES_OPERAND_0.has(sem)) i.exec = execWriteViaCs;
  // 0F 0D is PREFETCH(W) with a memory operand; the register form is undefined (#UD).
  if (d.map === 1 && d.opcode === 0x0d && !d.hasMem) i.exec = execUd;
  i.endsBlock =
    (def.cf !== undefined && sem !== "jcc") ||
    i.rep !== REP_NONE ||
    def.cls === "privileged" ||
    sem === "mov_to_sreg" ||
    sem === "pop_sreg" ||
    sem === "lfp" ||
    sem === "popf" ||
    i.exec === execUd;
  i.op = inlineOp(i.exec);
  return i;
}


/** A specialized handler for the hot forms (exec/fast.ts), or undefined for the generic one. */
function specialize(sem: string, i: Insn): ExecFn | undefined {
  const k0 = i.k0;
  const k1 = i.k1;
  const size = i.size;
  const memOk = i.asize === 4;
  const rr = k0 === OK_REG && k1 === OK_REG;
  const ri = k0 === OK_REG && k1 === OK_IMM;
  const rm = k0 === OK_REG && k1 === OK_MEM && memOk;
  const mr = k0 === OK_MEM && k1 === OK_REG && memOk;
  const mi = k0 === OK_MEM && k1 === OK_IMM && memOk;
  switch (sem) {
    case "mov":
      if (size === 4) return rr ? fast.movRR32 : ri ? fast.movRI32 : rm ? fast.movRM32 : mr ? fast.movMR32 : mi ? fast.movMI32 : undefined;
      if (size === 1) return mi ? fast.movMI8 : mr ? fast.movMR8 : rm ? fast.movRM8 : undefined;
      return undefined;
    case "movzx":
      if (size !== 4) return undefined;
      if (i.size1 === 1) return rm ? fast.movzxRM8 : rr ? fast.movzxRR8 : undefined;
      return rm ? fast.movzxRM16 : undefined;
    case "movsx":
      return size === 4 && i.size1 === 1 && rm ? fast.movsxRM8 : undefined;
    case "lea":
      return size === 4 && memOk ? fast.lea32 : undefined;
    case "add":
      return size === 4 ? (rr ? fast.addRR32 : ri ? fast.addRI32 : rm ? fast.addRM32 : undefined) : undefined;
    case "sub":
      return size === 4 ? (rr ? fast.subRR32 : ri ? fast.subRI32 : undefined) : undefined;
    case "cmp":
      if (size === 1) return mi ? fast.cmpMI8 : undefined;
      if (size !== 4) return undefined;
      return rr ? fast.cmpRR32 : ri ? fast.cmpRI32 : rm ? fast.cmpRM32 : mr ? fast.cmpMR32 : mi ? fast.cmpMI32 : undefined;
    case "and":
      return size === 4 ? (rr ? fast.andRR32 : ri ? fast.andRI32 : undefined) : undefined;
    case "or":
      return size === 4 && rr ? fast.orRR32 : undefined;
    case "xor":
      return rr ? (size === 4 ? fast.xorRR32 : size === 1 ? fast.xorRR8 : undefined) : undefined;
    case "test":
      return size === 4 && rr ? fast.testRR32 : undefined;
    case "inc":
      return size === 4 && k0 === OK_REG ? fast.incR32 : undefined;
    case "dec":
      return size === 4 && k0 === OK_REG ? fast.decR32 : undefined;
    case "shl":
    case "shr":
    case "sar": {
      if (size !== 4 || !ri || (i.v1 & 31) === 0) return undefined;
      i.v1 &= 31;
      return sem === "shl" ? fast.shlRI32 : sem === "shr" ? fast.shrRI32 : fast.sarRI32;
    }
    case "jcc":
      return fast.JCC_BY_CC[i.cc] ?? fast.jcc;
    case "jmp":
      return k0 === OK_IMM ? fast.jmpRel : undefined;
    case "push":
      return i.osize === 4 && k0 === OK_REG ? fast.pushR32 : undefined;
    case "pop":
      return i.osize === 4 && k0 === OK_REG ? fast.popR32 : undefined;
    case "call":
      return i.osize === 4 && k0 === OK_IMM ? fast.callRel32 : undefined;
    case "ret":
      return i.osize === 4 && k0 === OK_NONE ? fast.ret32 : undefined;
    default:
      return undefined;
  }
}
