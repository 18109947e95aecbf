/**
 * Intel-syntax formatter that prints what GNU objdump prints with `-d -M intel` (binutils 2.40,
 * i386-dis.c): mnemonic, a single space, operands separated by ",", memory as
 * `SIZE PTR seg:[base+index*scale±disp]`, branch targets as absolute `0x` addresses.
 * Prefixes the instruction does not use are printed before the mnemonic the way objdump names them
 * (rep/repz/repnz, lock, data16, addr16, a segment name, bnd, notrack).
 */
import type { DecodedInsn } from "../decode/insn";
import { PREFIX_LOCK, SEG_DS } from "../decode/insn";
import { RM16_REG_OPSIZE_SEMS, type Operand } from "../table/operands";
import { MMX, REG16, REG32, SREG, XMM, gpr } from "./registers";

const hex = (v: number): string => "0x" + (v >>> 0).toString(16);

/** SSE compare predicates (CMPPS/CMPPD/CMPSS/CMPSD imm8 0..7) that objdump folds into the mnemonic. */
const CMP_PRED = ["eq", "lt", "le", "unord", "neq", "nlt", "nle", "ord"] as const;

/** Operands whose width follows the operand size: a 66 prefix is "used" by such an instruction. */
const OSZ_OPS: ReadonlySet<Operand> = new Set<Operand>([
  "Ev", "Gv", "Iz", "Iv", "Ibs", "Jz", "Ap", "Ov", "Xv", "Yv", "Zv", "eAX", "Mp", "Ma", "Ms", "Env",
]);
/** Memory operands objdump prints without a size keyword. */
const NO_SIZE_SEMS: ReadonlySet<string> = new Set(["lddqu"]);
/** Mnemonics whose objdump spelling takes a "w"/"d" suffix from the operand size. */
const SUFFIX_W = new Set(["pushf", "popf", "pusha", "popa", "ret", "retf", "iret", "enter", "leave"]);
/** PUSH/POP forms whose operand does not show the size, so objdump suffixes the mnemonic. */
const PUSH_SUFFIX: ReadonlySet<Operand> = new Set<Operand>(["Ibs", "Iz", "ES", "CS", "SS", "DS", "FS", "GS"]);

function memSize(code: Operand, opsize: number): string {
  switch (code) {
    case "Eb": case "Mb": case "RdMb": case "Xb": case "Yb": case "Xlat": return "BYTE PTR ";
    case "Ew": case "Mw": case "RdMw": case "Ww": return "WORD PTR ";
    case "Ed": case "Md": case "Wd": case "Qd": return "DWORD PTR ";
    case "Ev": case "Xv": case "Yv": return opsize === 16 ? "WORD PTR " : "DWORD PTR ";
    case "Mq": case "Wq": case "Qq": return "QWORD PTR ";
    case "Mt": return "TBYTE PTR ";
    case "Wx": case "Mx": return "XMMWORD PTR ";
    case "Mp": return opsize === 16 ? "DWORD PTR " : "FWORD PTR ";
    case "Ma": return opsize === 16 ? "DWORD PTR " : "QWORD PTR ";
    default: return "";
  }
}

/** `[base+index*scale±disp]` (or `ds:0x...` for a bare displacement), with segment prefix. */
function memory(insn: DecodedInsn, size: string): string {
  const seg = insn.segOverride >= 0 ? `${SREG[insn.segOverride] ?? "?"}:` : "";
  const a16 = insn.addrsize === 16;
  const sib = insn.sib;
  const hasIndexField = sib >= 0 && (((sib >> 3) & 7) !== 4 || (sib & 7) !== 4 || sib >> 6 !== 0);
  if (insn.base < 0 && insn.index < 0 && !(sib >= 0 && hasIndexField)) {
    const d = a16 ? insn.disp & 0xffff : insn.disp >>> 0;
    return `${size}${seg || "ds:"}${hex(d)}`;
  }
  let s = "";
  if (insn.base >= 0) s = a16 ? (REG16[insn.base] ?? "?") : (REG32[insn.base] ?? "?");
  if (insn.index >= 0) {
    s += (s ? "+" : "") + (a16 ? (REG16[insn.index] ?? "?") : `${REG32[insn.index] ?? "?"}*${1 << insn.scale}`);
  } else if (sib >= 0 && hasIndexField) {
    s += (s ? "+" : "") + `eiz*${1 << insn.scale}`;
  }
  if (insn.dispSize > 0) {
    const d = a16 ? (insn.disp << 16) >> 16 : insn.disp | 0;
    s += d < 0 ? `-${hex(-d)}` : `+${hex(d)}`;
  }
  return `${size}${seg}[${s}]`;
}

function stringOperand(insn: DecodedInsn, code: Operand, dest: boolean): string {
  const a16 = insn.addrsize === 16;
  const size = memSize(code, insn.opsize);
  if (dest) return `${size}es:[${a16 ? "di" : "edi"}]`;
  const seg = SREG[insn.segOverride >= 0 ? insn.segOverride : SEG_DS] ?? "ds";
  return `${size}${seg}:[${a16 ? "si" : "esi"}]`;
}

function operand(insn: DecodedInsn, code: Operand, address: number, second: boolean): string {
  const osz = insn.opsize;
  const isReg = insn.mod === 3;
  switch (code) {
    case "Eb": return isReg ? gpr(insn.rm, 8) : memory(insn, "BYTE PTR ");
    case "Ew": return isReg ? gpr(insn.rm, RM16_REG_OPSIZE_SEMS.has(insn.op.sem) ? osz : 16) : memory(insn, "WORD PTR ");
    case "Ed": return isReg ? gpr(insn.rm, 32) : memory(insn, "DWORD PTR ");
    case "Ev": return isReg ? gpr(insn.rm, osz) : memory(insn, RM16_REG_OPSIZE_SEMS.has(insn.op.sem) ? "WORD PTR " : memSize(code, osz));
    case "RdMb": case "RdMw": return isReg ? gpr(insn.rm, 32) : memory(insn, memSize(code, osz));
    case "Rd": return gpr(insn.rm, 32);
    case "Gb": return gpr(insn.reg, 8);
    case "Gw": return gpr(insn.reg, 16);
    case "Gd": return gpr(insn.reg, 32);
    case "Gv": return gpr(insn.reg, osz);
    case "Sw": return SREG[insn.reg] ?? "?";
    case "Cd": return `cr${insn.reg}`;
    case "Dd": return `dr${insn.reg}`;
    case "M": case "Mb": case "Mw": case "Md": case "Mq": case "Mt": case "Mx": case "Mp": case "Ma": case "Ms": case "Env": case "Mfx":
      return memory(insn, NO_SIZE_SEMS.has(insn.op.mn) ? "" : memSize(code, osz));
    case "Ib": return hex((second ? insn.imm2 : insn.imm) & 0xff);
    case "Ibs": case "Iz": case "Iv": return hex(osz === 16 ? insn.imm & 0xffff : insn.imm);
    case "Iw": return hex(insn.imm & 0xffff);
    // objdump masks a rel16/rel32 target to the operand size but never a rel8 one (even in
    // 16-bit code, where `74 f0` at 0 prints as 0xfffffff2).
    case "Jb": return hex(address + insn.length + insn.imm);
    case "Jz": {
      // rel16: the low 16 bits wrap; in 16-bit code the bits above come from the instruction's
      // address (i386-dis.c OP_J), in 32-bit code (66 prefix) they are dropped.
      const t = address + insn.length + insn.imm;
      return hex(osz !== 16 ? t : insn.bits === 16 ? (t & 0xffff) | (address & ~0xffff) : t & 0xffff);
    }
    case "Ap": return `${hex(insn.imm2)}:${hex(insn.imm)}`;
    case "Ob": case "Ov": return memory(insn, "");
    case "Xb": case "Xv": return stringOperand(insn, code, false);
    case "Yb": case "Yv": return stringOperand(insn, code, true);
    case "Xlat": {
      const seg = SREG[insn.segOverride >= 0 ? insn.segOverride : SEG_DS] ?? "ds";
      return `BYTE PTR ${seg}:[${insn.addrsize === 16 ? "bx" : "ebx"}]`;
    }
    case "Zb": return gpr(insn.opcode & 7, 8);
    case "Zv": return gpr(insn.opcode & 7, osz);
    // BSWAP r16 is undefined (SDM); objdump still names the 16-bit register.
    case "Zd": return gpr(insn.opcode & 7, insn.op.sem === "bswap" ? osz : 32);
    case "AL": return "al";
    case "CL": return "cl";
    case "AX": return "ax";
    case "DX": return "dx";
    case "eAX": return osz === 16 ? "ax" : "eax";
    case "ES": case "CS": case "SS": case "DS": case "FS": case "GS": return code.toLowerCase();
    case "1": return "1";
    case "ST": return "st";
    case "STi": return `st(${insn.rm})`;
    case "Pq": return MMX[insn.reg] ?? "?";
    case "Nq": return MMX[insn.rm] ?? "?";
    case "Qq": case "Qd": return isReg ? (MMX[insn.rm] ?? "?") : memory(insn, memSize(code, osz));
    case "Vx": return XMM[insn.reg] ?? "?";
    case "Ux": return XMM[insn.rm] ?? "?";
    case "Wx": case "Wq": case "Wd": case "Ww": return isReg ? (XMM[insn.rm] ?? "?") : memory(insn, memSize(code, osz));
    case "XMM0": return "xmm0";
  }
}

/**
 * Mnemonic with objdump's operand-size spellings (pushw, iretw, lgdtd, retw ...). Returns the
 * mnemonic and whether the instruction "uses" a 66 prefix (else objdump prints data16).
 */
function mnemonic(insn: DecodedInsn): { mn: string; usesOsz: boolean } {
  const op = insn.op;
  let mn = op.mn;
  let usesOsz = op.osz !== undefined || op.ops.some((o) => OSZ_OPS.has(o));
  // r16/r32/m16 operands use the operand size only in their register form (or through Gv).
  if (RM16_REG_OPSIZE_SEMS.has(op.sem)) usesOsz = insn.mod === 3 || op.ops.includes("Gv");
  const o16 = insn.opsize === 16;
  // objdump marks a non-default operand size in the mnemonic: "w" in 32-bit code, "d" in 16-bit.
  const sfx = insn.opsize === (isDefault16(insn) ? 16 : 32) ? "" : o16 ? "w" : "d";
  if (SUFFIX_W.has(mn) || ((mn === "jmp" || mn === "call") && op.ops[0] === "Jz")) {
    usesOsz = true;
    mn += sfx;
  }
  const first = op.ops[0];
  if (first === "Ms") mn += o16 ? "w" : "d";
  if ((mn === "push" || mn === "pop") && first !== undefined && PUSH_SUFFIX.has(first)) {
    usesOsz = true;
    mn += sfx;
  }
  if ((op.sem === "cmpps" || op.sem === "cmppd" || op.sem === "cmpss" || op.sem === "cmpsd") && (insn.imm & 0xff) < 8) {
    mn = `cmp${CMP_PRED[insn.imm & 7] ?? ""}${mn.slice(3)}`;
  }
  return { mn, usesOsz };
}

/** True when the instruction was decoded as 16-bit code. */
function isDefault16(insn: DecodedInsn): boolean {
  return insn.bits === 16;
}

/** objdump's names for prefixes in front of an undecodable opcode ("addr16 (bad)"). */
export function badWithPrefixes(bytes: Uint8Array, offset: number, count: number, default16: boolean): string {
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const b = bytes[offset + i] ?? 0;
    const seg = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65].indexOf(b);
    if (b === 0x66) names.push(default16 ? "data32" : "data16");
    else if (b === 0x67) names.push(default16 ? "addr32" : "addr16");
    else if (b === 0xf0) names.push("lock");
    else if (b === 0xf2) names.push("repnz");
    else if (b === 0xf3) names.push("repz");
    else if (seg >= 0) names.push(SREG[seg] ?? "?");
  }
  names.push("(bad)");
  return names.join(" ");
}

/**
 * What objdump prints around the operands, shared by both syntaxes: the prefix words (in byte
 * order), the mnemonic (Intel spelling), the operand codes to print, and two quirks that change
 * how operands print (NOTRACK hides the DS override; 66 90 prints as XCHG).
 */
export interface Layout {
  readonly prefixes: string[];
  readonly mn: string;
  readonly ops: readonly Operand[];
  readonly notrack: boolean;
  readonly xchg90: boolean;
}

export function layout(insn: DecodedInsn, bytes: Uint8Array, offset: number): Layout {
  const op = insn.op;
  const default16 = isDefault16(insn);
  // 90 under a non-default operand size: objdump shows the XCHG it encodes (66 90 = xchg ax,ax).
  const xchg90 = op.sem === "nop" && insn.map === 0 && insn.opcode === 0x90 && insn.mandatory === 0 && insn.opsize !== (default16 ? 16 : 32);
  const m = mnemonic(insn);
  const mn = m.mn;
  const usesOsz = m.usesOsz || xchg90;
  const isString = op.rep !== undefined;
  const usesSeg = insn.hasMem || op.ops.some((o) => o === "Xb" || o === "Xv" || o === "Xlat");
  const usesAsz = insn.hasMem || isString || op.ops.includes("Xlat") || op.asz !== undefined;
  const branch = op.cf === "jmp" || op.cf === "call" || op.cf === "ret" || (op.cf === "jcc" && op.sem === "jcc");
  const lock = (insn.prefixes & PREFIX_LOCK) !== 0;

  // CET's NOTRACK: objdump names a final 3E on an indirect near JMP/CALL "notrack", and then
  // does not show it as the memory operand's segment.
  const notrack = insn.segOverride === 3 && (op.cf === "jmp" || op.cf === "call") && op.ops[0] === "Ev" && lastSegByte(bytes, offset, insn.prefixCount) === 0x3e;
  // Prefix names in byte order; the last 66/67/segment occurrence is the effective one.
  const pfx: string[] = [];
  const n = insn.prefixCount;
  let last66 = -1;
  let last67 = -1;
  let lastSeg = -1;
  let lastRep = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[offset + i] ?? 0;
    if (b === 0x66) last66 = i;
    else if (b === 0x67) last67 = i;
    else if (b === 0xf2 || b === 0xf3) lastRep = i;
    else if (b === 0x26 || b === 0x2e || b === 0x36 || b === 0x3e || b === 0x64 || b === 0x65) lastSeg = i;
  }
  for (let i = 0; i < n; i++) {
    const b = bytes[offset + i] ?? 0;
    switch (b) {
      case 0xf0: pfx.push("lock"); break;
      case 0xf2: case 0xf3:
        if (i === lastRep && insn.mandatory === b) break;
        // HLE hints (objdump): XACQUIRE/XRELEASE on LOCKed instructions and on XCHG with memory
        // (implicitly locked); XRELEASE also on MOV to memory (88/89/C6/C7).
        if ((lock && op.lock === true) || (op.sem === "xchg" && insn.hasMem)) pfx.push(b === 0xf2 ? "xacquire" : "xrelease");
        else if (b === 0xf3 && op.sem === "mov" && insn.hasMem && insn.modrm >= 0 && insn.map === 0 && (insn.opcode & 0xfe) !== 0x8a) pfx.push("xrelease");
        else if (b === 0xf2 && branch) pfx.push("bnd");
        else if (isString) pfx.push(b === 0xf3 ? (op.rep === "rep" ? "rep" : "repz") : "repnz");
        else pfx.push(b === 0xf3 ? "repz" : "repnz");
        break;
      case 0x66:
        if (i === last66 && (insn.mandatory === 0x66 || usesOsz)) break;
        pfx.push(default16 ? "data32" : "data16");
        break;
      case 0x67:
        // objdump never marks 67 as used by a moffs operand (A0–A3), so it always shows addr16.
        // Nor, in 16-bit code, by a ModRM bare disp32, which it marks "addr32" to tell it from disp16.
        if (i === last67 && usesAsz && !(insn.hasMem && insn.modrm < 0) && !(default16 && insn.hasMem && insn.base < 0 && insn.sib < 0)) break;
        pfx.push(insn.addrsize === 16 ? "addr16" : "addr32");
        break;
      default:
        if (i === lastSeg && notrack) pfx.push("notrack");
        else if (i === lastSeg && usesSeg) break;
        else pfx.push(SREG[[0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65].indexOf(b)] ?? "?");
    }
  }
  let ops = op.ops;
  // CMPccPS & co. drop the predicate immediate that went into the mnemonic.
  if (mn !== op.mn && mn.startsWith("cmp") && ops.length === 3) ops = ops.slice(0, 2);
  return { prefixes: pfx, mn, ops, notrack, xchg90 };
}

/** True for the immediate operand codes (the second one in an instruction reads `imm2`). */
export function isImmediate(o: Operand): boolean {
  return o === "Ib" || o === "Iw" || o === "Ibs" || o === "Iz" || o === "Iv";
}

/**
 * Formats one decoded instruction like `objdump -d -M intel` (see the module comment).
 * `bytes`/`offset` give the raw prefix bytes (for objdump's prefix names and order); `address` is
 * the instruction's address (branch targets are absolute).
 */
export function formatIntel(insn: DecodedInsn, address: number, bytes: Uint8Array, offset: number): string {
  if (insn.fault !== 0) return "(bad)";
  const { prefixes: pfx, mn, ops, notrack, xchg90 } = layout(insn, bytes, offset);
  if (xchg90) {
    pfx.push(insn.opsize === 16 ? "xchg ax,ax" : "xchg eax,eax");
    return pfx.join(" ");
  }
  let immSeen = false;
  const seg = insn.segOverride;
  if (notrack) insn.segOverride = -1;
  const text = ops
    .map((o) => {
      const s = operand(insn, o, address, isImmediate(o) && immSeen);
      if (isImmediate(o)) immSeen = true;
      return s;
    })
    .join(",");
  insn.segOverride = seg;
  const head = pfx.length > 0 ? `${pfx.join(" ")} ${mn}` : mn;
  return text ? `${head} ${text}` : head;
}

function lastSegByte(bytes: Uint8Array, offset: number, n: number): number {
  let last = -1;
  for (let i = 0; i < n; i++) {
    const b = bytes[offset + i] ?? 0;
    if (b === 0x26 || b === 0x2e || b === 0x36 || b === 0x3e || b === 0x64 || b === 0x65) last = b;
  }
  return last;
}
