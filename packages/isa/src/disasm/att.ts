/**
 * AT&T-syntax formatter that prints what GNU objdump prints by default (`objdump -d`, binutils
 * 2.40): source operands first, `%` registers, `$` immediates, memory as
 * `seg:disp(base,index,scale)`, `*` on indirect branch targets, and a b/w/l (or x87 s/l/t/ll)
 * suffix on the mnemonic when no register operand shows the operand size. Prefix words are the
 * same as in Intel syntax (shared `layout`).
 */
import type { DecodedInsn } from "../decode/insn";
import { SEG_CS, SEG_DS } from "../decode/insn";
import { RM16_REG_OPSIZE_SEMS, type Operand } from "../table/operands";
import { isImmediate, layout } from "./intel";
import { MMX, REG16, REG32, SREG, XMM, gpr } from "./registers";

const hex = (v: number): string => "0x" + (v >>> 0).toString(16);
const signedHex = (v: number): string => (v < 0 ? `-${hex(-v)}` : hex(v));

/** Mnemonics that take a size suffix from a memory operand when no register shows the size. */
const SUFFIXED = new Set([
  "add", "or", "adc", "sbb", "and", "sub", "xor", "cmp", "test", "mov", "inc", "dec", "not", "neg", "mul",
  "imul", "div", "idiv", "rol", "ror", "rcl", "rcr", "shl", "shr", "sar", "bt", "bts", "btr", "btc", "nop",
]);
/** String instructions whose only operands are memory: the suffix names the element size. */
const STRING_SUFFIXED = new Set(["movs", "cmps", "ins", "outs"]);
/** Intel → AT&T spellings (SDM names kept by Intel syntax, System V names in AT&T). */
const RENAMED: Record<string, string> = { cbw: "cbtw", cwde: "cwtl", cwd: "cwtd", cdq: "cltd" };

function suffixOf(bits: number): string {
  return bits === 8 ? "b" : bits === 16 ? "w" : "l";
}

/** Size in bits of an integer r/m or memory operand code (0 when it has none). */
function memBits(code: Operand, opsize: number): number {
  switch (code) {
    case "Eb": case "Mb": case "Xb": case "Yb": return 8;
    case "Ew": case "Mw": return 16;
    case "Ed": case "Md": return 32;
    case "Ev": case "Xv": case "Yv": return opsize;
    default: return 0;
  }
}

const X87_REAL: Record<string, string> = { Md: "s", Mq: "l", Mt: "t" };
const X87_INT: Record<string, string> = { Mw: "s", Md: "l", Mq: "ll" };

function isGprOperand(insn: DecodedInsn, o: Operand): boolean {
  switch (o) {
    case "Gb": case "Gw": case "Gd": case "Gv": case "Zb": case "Zv": case "Zd": case "AL": case "AX": case "eAX": case "Rd": case "Sw":
      return true;
    case "Eb": case "Ew": case "Ed": case "Ev": return insn.mod === 3;
    default: return false;
  }
}

function attMnemonic(insn: DecodedInsn, mn: string, ops: readonly Operand[]): string {
  const op = insn.op;
  if (RENAMED[mn] !== undefined) return RENAMED[mn];
  if (op.sem === "movzx" || op.sem === "movsx") {
    const src = ops[1] === "Eb" ? "b" : "w";
    return `mov${op.sem === "movzx" ? "z" : "s"}${src}${suffixOf(insn.opsize)}`;
  }
  // Operand-size suffix objdump's Intel spelling added ("w"/"d"), in AT&T letters ("w"/"l").
  const added = mn.startsWith(op.mn) ? mn.slice(op.mn.length).replace("d", "l") : "";
  const nonDefault = insn.opsize === insn.bits ? "" : suffixOf(insn.opsize);
  if (op.cf === "retfar") return "lret" + added;
  if (op.cf === "jmpfar" || op.cf === "callfar") return "l" + op.mn + nonDefault;
  // LOOPcc under the non-default address size: "loopw" where Intel syntax says "addr16 loop".
  if (op.sem === "loop" || op.sem === "loope" || op.sem === "loopne") return insn.addrsize === insn.bits ? mn : mn + suffixOf(insn.addrsize);
  if (ops[0] === "Ms") return mn.replace(/d$/, "l");
  // x87 memory forms: s/l/t for real operands, s/l/ll for integer ones.
  if (insn.map === 0 && insn.opcode >= 0xd8 && insn.opcode <= 0xdf && insn.hasMem) {
    const m = ops.find((o) => o.startsWith("M"));
    if (m !== undefined) {
      const table = mn.startsWith("fi") && mn !== "fincstp" ? X87_INT : X87_REAL;
      if (mn === "fbld" || mn === "fbstp" || mn === "fldcw" || mn === "fnstcw" || mn === "fnstsw") return mn;
      return mn + (table[m] ?? "");
    }
  }
  // CRC32 names the size of a memory source.
  if (op.sem === "crc32") return insn.hasMem ? mn + suffixOf(memBits(ops[1] ?? "Eb", insn.opsize)) : mn;
  // The 32-bit-operand spelling of PUSHA/POPA/IRET/RET... in 16-bit code: "d" in Intel, "l" here.
  if (added === "l") return op.mn + "l";
  // The System V assemblers' reversed FSUB/FSUBR and FDIV/FDIVR when the destination is st(i)
  // (DC and DE register forms), which objdump's AT&T syntax keeps.
  if (insn.map === 0 && (insn.opcode === 0xdc || insn.opcode === 0xde) && insn.mod === 3 && /^f(sub|div)/.test(mn)) {
    return mn.replace(/^f(sub|div)(r?)/, (_m: string, o: string, r: string) => `f${o}${r === "" ? "r" : ""}`);
  }
  if (STRING_SUFFIXED.has(mn)) {
    const m = ops.find((o) => o === "Xb" || o === "Xv" || o === "Yb" || o === "Yv");
    return m === undefined ? mn : mn + suffixOf(memBits(m, insn.opsize));
  }
  // PUSH/POP of memory: suffixed only under the non-default operand size.
  if ((mn === "push" || mn === "pop") && insn.hasMem && ops[0] === "Ev") return insn.opsize === insn.bits ? mn : mn + suffixOf(insn.opsize);
  // Indirect near JMP/CALL: the operand size shows as a suffix when it is not the default.
  if ((op.cf === "jmp" || op.cf === "call") && ops[0] === "Ev") return mn + nonDefault;
  if (SUFFIXED.has(mn) && insn.hasMem && !ops.some((o) => isGprOperand(insn, o))) {
    const m = ops.find((o) => memBits(o, insn.opsize) > 0);
    if (m !== undefined) return mn + suffixOf(memBits(m, insn.opsize));
  }
  return mn;
}

function memory(insn: DecodedInsn, noSeg: boolean): string {
  const seg = insn.segOverride >= 0 && !noSeg ? `%${SREG[insn.segOverride] ?? "?"}:` : "";
  const a16 = insn.addrsize === 16;
  const sib = insn.sib;
  const eiz = sib >= 0 && insn.index < 0 && (((sib >> 3) & 7) !== 4 || (sib & 7) !== 4 || sib >> 6 !== 0);
  // A bare ModRM disp16 prints signed (objdump: "bound %esi,-0x6eeb"); disp32 and moffs unsigned.
  if (insn.base < 0 && insn.index < 0 && !eiz) {
    return `${seg}${a16 && insn.modrm >= 0 ? signedHex((insn.disp << 16) >> 16) : hex(a16 ? insn.disp & 0xffff : insn.disp)}`;
  }
  const disp = insn.dispSize > 0 ? signedHex(a16 ? (insn.disp << 16) >> 16 : insn.disp | 0) : "";
  const base = insn.base >= 0 ? `%${a16 ? REG16[insn.base] : REG32[insn.base]}` : "";
  let index = "";
  if (insn.index >= 0) index = a16 ? `,%${REG16[insn.index] ?? "?"}` : `,%${REG32[insn.index] ?? "?"},${1 << insn.scale}`;
  else if (eiz) index = `,%eiz,${1 << insn.scale}`;
  return `${seg}${disp}(${base}${index})`;
}

function operand(insn: DecodedInsn, code: Operand, address: number, second: boolean, noSeg: boolean): string {
  const osz = insn.opsize;
  const isReg = insn.mod === 3;
  const r = (name: string | undefined): string => `%${name ?? "?"}`;
  switch (code) {
    case "Eb": return isReg ? r(gpr(insn.rm, 8)) : memory(insn, noSeg);
    case "Ew": return isReg ? r(gpr(insn.rm, RM16_REG_OPSIZE_SEMS.has(insn.op.sem) ? osz : 16)) : memory(insn, noSeg);
    case "Ed": case "RdMb": case "RdMw": return isReg ? r(gpr(insn.rm, 32)) : memory(insn, noSeg);
    case "Ev": return isReg ? r(gpr(insn.rm, osz)) : memory(insn, noSeg);
    case "Rd": return r(gpr(insn.rm, 32));
    case "Gb": return r(gpr(insn.reg, 8));
    case "Gw": return r(gpr(insn.reg, 16));
    case "Gd": return r(gpr(insn.reg, 32));
    case "Gv": return r(gpr(insn.reg, osz));
    case "Sw": return r(SREG[insn.reg]);
    case "Cd": return `%cr${insn.reg}`;
    case "Dd": return `%db${insn.reg}`;
    case "M": case "Mb": case "Mw": case "Md": case "Mq": case "Mt": case "Mx": case "Mp": case "Ma": case "Ms": case "Env": case "Mfx":
      return memory(insn, noSeg);
    case "Ib": return `$${hex((second ? insn.imm2 : insn.imm) & 0xff)}`;
    case "Ibs": case "Iz": case "Iv": return `$${hex(osz === 16 ? insn.imm & 0xffff : insn.imm)}`;
    case "Iw": return `$${hex(insn.imm & 0xffff)}`;
    case "Jb": return hex(address + insn.length + insn.imm);
    case "Jz": {
      const t = address + insn.length + insn.imm;
      return hex(osz !== 16 ? t : insn.bits === 16 ? (t & 0xffff) | (address & ~0xffff) : t & 0xffff);
    }
    case "Ap": return `$${hex(insn.imm2)},$${hex(insn.imm)}`;
    case "Ob": case "Ov": return memory(insn, noSeg);
    case "Xb": case "Xv": case "Xlat": {
      const seg = SREG[insn.segOverride >= 0 ? insn.segOverride : SEG_DS] ?? "ds";
      const reg = code === "Xlat" ? (insn.addrsize === 16 ? "bx" : "ebx") : insn.addrsize === 16 ? "si" : "esi";
      return `%${seg}:(%${reg})`;
    }
    case "Yb": case "Yv": return `%es:(%${insn.addrsize === 16 ? "di" : "edi"})`;
    case "Zb": return r(gpr(insn.opcode & 7, 8));
    case "Zv": return r(gpr(insn.opcode & 7, osz));
    case "Zd": return r(gpr(insn.opcode & 7, insn.op.sem === "bswap" ? osz : 32));
    case "AL": return "%al";
    case "CL": return "%cl";
    case "AX": return "%ax";
    case "DX": return "(%dx)";
    case "eAX": return osz === 16 ? "%ax" : "%eax";
    case "ES": case "CS": case "SS": case "DS": case "FS": case "GS": return `%${code.toLowerCase()}`;
    case "1": return "1";
    case "ST": return "%st";
    case "STi": return `%st(${insn.rm})`;
    case "Pq": return r(MMX[insn.reg]);
    case "Nq": return r(MMX[insn.rm]);
    case "Qq": case "Qd": return isReg ? r(MMX[insn.rm]) : memory(insn, noSeg);
    case "Vx": return r(XMM[insn.reg]);
    case "Ux": return r(XMM[insn.rm]);
    case "Wx": case "Wq": case "Wd": case "Ww": return isReg ? r(XMM[insn.rm]) : memory(insn, noSeg);
    case "XMM0": return "%xmm0";
  }
}

/** Formats one decoded instruction like `objdump -d` (AT&T syntax). */
export function formatAtt(insn: DecodedInsn, address: number, bytes: Uint8Array, offset: number): string {
  if (insn.fault !== 0) return "(bad)";
  const { prefixes, mn, ops, notrack, xchg90 } = layout(insn, bytes, offset);
  if (xchg90) {
    prefixes.push(insn.opsize === 16 ? "xchg %ax,%ax" : "xchg %eax,%eax");
    return prefixes.join(" ");
  }
  let immSeen = false;
  const rendered = ops.map((o) => {
    const s = operand(insn, o, address, isImmediate(o) && immSeen, notrack);
    if (isImmediate(o)) immSeen = true;
    return s;
  });
  // Indirect near/far branches mark their target with "*".
  const cf = insn.op.cf;
  if ((cf === "jmp" || cf === "call" || cf === "jmpfar" || cf === "callfar") && (ops[0] === "Ev" || ops[0] === "Mp")) {
    rendered[0] = `*${rendered[0] ?? ""}`;
  }
  // Shift/rotate by one: AT&T leaves the count implicit.
  const shown = ops.map((o, i) => ({ o, s: rendered[i] ?? "" })).filter(({ o }) => o !== "1");
  // ENTER and far pointers (Ap) keep Intel order; everything else lists sources first.
  const keep = insn.op.sem === "enter" || insn.op.sem === "bound" || ops[0] === "Ap";
  const text = (keep ? shown : shown.reverse()).map(({ s }) => s).join(",");
  let m = attMnemonic(insn, mn, ops);
  // Branch hints: a lone DS (3E) or CS (2E) prefix on a conditional branch is ",pt" / ",pn".
  const segPrefixes = prefixes.filter((w) => ["es", "cs", "ss", "ds", "fs", "gs"].includes(w)).length;
  if (insn.op.cf === "jcc" && segPrefixes === 1 && (insn.segOverride === SEG_DS || insn.segOverride === SEG_CS)) {
    const word = insn.segOverride === SEG_DS ? "ds" : "cs";
    const at = prefixes.lastIndexOf(word);
    if (at >= 0) {
      prefixes.splice(at, 1);
      m += insn.segOverride === SEG_DS ? ",pt" : ",pn";
    }
  }
  // LOOPcc carries a non-default address size in its mnemonic instead of an addr16/addr32 word.
  if (m !== mn && /^loop/.test(m)) {
    const at = prefixes.lastIndexOf(insn.addrsize === 16 ? "addr16" : "addr32");
    if (at >= 0) prefixes.splice(at, 1);
  }
  // objdump spells out MONITOR's and MWAIT's implicit operands in AT&T syntax.
  if (m === "monitor" || m === "mwait") {
    const implicit = m === "monitor" ? `%${insn.addrsize === 16 ? "ax" : "eax"},%ecx,%edx` : "%eax,%ecx";
    return `${prefixes.length > 0 ? `${prefixes.join(" ")} ` : ""}${m} ${implicit}`;
  }
  const head = prefixes.length > 0 ? `${prefixes.join(" ")} ${m}` : m;
  return text ? `${head} ${text}` : head;
}
