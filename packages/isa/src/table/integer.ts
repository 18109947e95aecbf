/**
 * General-purpose (integer) instructions of the one-byte and 0F maps: SDM Vol. 2 Appendix A,
 * Tables, with groups from Table A-6. System instructions live in ./system.ts.
 */
import { AF, CF, DF, OF, OSZAP, OSZAPC, PF, SF, ZF, CC_FLAGS_READ, POPF_MASK } from "./flags";

const CC = ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"] as const;
const ccFlags = (cc: number): number => CC_FLAGS_READ[cc] ?? 0;

/** The eight ALU operations of opcodes 00–3F and group 1 (80–83), in /reg order. */
function alu<const M extends string>(mn: M, base: number, fr: number, fu: number, lock: boolean) {
  return [
    { map: "1b", opc: base + 0, mn, ops: ["Eb", "Gb"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: base + 1, mn, ops: ["Ev", "Gv"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: base + 2, mn, ops: ["Gb", "Eb"], fr, fw: OSZAPC, fu, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: base + 3, mn, ops: ["Gv", "Ev"], fr, fw: OSZAPC, fu, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: base + 4, mn, ops: ["AL", "Ib"], fr, fw: OSZAPC, fu, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: base + 5, mn, ops: ["eAX", "Iz"], fr, fw: OSZAPC, fu, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0x80, reg: base >> 3, mn, ops: ["Eb", "Ib"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0x81, reg: base >> 3, mn, ops: ["Ev", "Iz"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
    // 82 is an alias of 80 in IA-32 (invalid only in 64-bit mode).
    { map: "1b", opc: 0x82, reg: base >> 3, mn, ops: ["Eb", "Ib"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0x83, reg: base >> 3, mn, ops: ["Ev", "Ibs"], fr, fw: OSZAPC, fu, lock, cls: "plain", ext: "i386", sem: mn },
  ] as const;
}

/** Group 2 shifts and rotates (C0, C1, D0–D3) for one /reg. */
function shift<const M extends string>(mn: M, reg: number, fr: number, fw: number, fuCount: number, fuOne: number) {
  return [
    { map: "1b", opc: 0xc0, reg, mn, ops: ["Eb", "Ib"], fr, fw, fu: fuCount, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0xc1, reg, mn, ops: ["Ev", "Ib"], fr, fw, fu: fuCount, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0xd0, reg, mn, ops: ["Eb", "1"], fr, fw, fu: fuOne, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0xd1, reg, mn, ops: ["Ev", "1"], fr, fw, fu: fuOne, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0xd2, reg, mn, ops: ["Eb", "CL"], fr, fw, fu: fuCount, cls: "plain", ext: "i386", sem: mn },
    { map: "1b", opc: 0xd3, reg, mn, ops: ["Ev", "CL"], fr, fw, fu: fuCount, cls: "plain", ext: "i386", sem: mn },
  ] as const;
}

/** One entry per "+r" register encoding (opc..opc+7). */
function plusR<const E extends object>(opc: number, e: E) {
  return [0, 1, 2, 3, 4, 5, 6, 7].map((r) => ({ ...e, opc: opc + r })) as readonly (E & { readonly opc: number })[];
}

/** One entry per condition code (opc..opc+15). */
function perCC<const S extends string, const E extends object>(opc: number, prefix: string, sem: S, e: E) {
  return CC.map((cc, i) => ({ ...e, opc: opc + i, mn: prefix + cc, cc: i, fr: ccFlags(i), sem })) as readonly (E & {
    readonly opc: number;
    readonly mn: string;
    readonly cc: number;
    readonly fr: number;
    readonly sem: S;
  })[];
}

const BT_FW = CF | OF | SF | AF | PF;
const BT_FU = OF | SF | AF | PF;

export const INTEGER = [
  // --- ALU (SDM "ADD", "OR", "ADC", "SBB", "AND", "SUB", "XOR", "CMP") ---
  ...alu("add", 0x00, 0, 0, true),
  ...alu("or", 0x08, 0, AF, true),
  ...alu("adc", 0x10, CF, 0, true),
  ...alu("sbb", 0x18, CF, 0, true),
  ...alu("and", 0x20, 0, AF, true),
  ...alu("sub", 0x28, 0, 0, true),
  ...alu("xor", 0x30, 0, AF, true),
  ...alu("cmp", 0x38, 0, 0, false),
  { map: "1b", opc: 0x84, mn: "test", ops: ["Eb", "Gb"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0x85, mn: "test", ops: ["Ev", "Gv"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xa8, mn: "test", ops: ["AL", "Ib"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xa9, mn: "test", ops: ["eAX", "Iz"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },

  // --- BCD (SDM "DAA", "DAS", "AAA", "AAS", "AAM", "AAD") ---
  { map: "1b", opc: 0x27, mn: "daa", ops: [], fr: AF | CF, fw: OSZAPC, fu: OF, cls: "plain", ext: "i386", sem: "daa" },
  { map: "1b", opc: 0x2f, mn: "das", ops: [], fr: AF | CF, fw: OSZAPC, fu: OF, cls: "plain", ext: "i386", sem: "das" },
  { map: "1b", opc: 0x37, mn: "aaa", ops: [], fr: AF, fw: OSZAPC, fu: OF | SF | ZF | PF, cls: "plain", ext: "i386", sem: "aaa" },
  { map: "1b", opc: 0x3f, mn: "aas", ops: [], fr: AF, fw: OSZAPC, fu: OF | SF | ZF | PF, cls: "plain", ext: "i386", sem: "aas" },
  { map: "1b", opc: 0xd4, mn: "aam", ops: ["Ib"], fw: OSZAPC, fu: OF | AF | CF, cls: "plain", ext: "i386", sem: "aam" },
  { map: "1b", opc: 0xd5, mn: "aad", ops: ["Ib"], fw: OSZAPC, fu: OF | AF | CF, cls: "plain", ext: "i386", sem: "aad" },

  // --- INC/DEC, PUSH/POP of general registers ---
  ...plusR(0x40, { map: "1b", mn: "inc", ops: ["Zv"], fw: OSZAP, cls: "plain", ext: "i386", sem: "inc" } as const),
  ...plusR(0x48, { map: "1b", mn: "dec", ops: ["Zv"], fw: OSZAP, cls: "plain", ext: "i386", sem: "dec" } as const),
  { map: "1b", opc: 0xfe, reg: 0, mn: "inc", ops: ["Eb"], fw: OSZAP, lock: true, cls: "plain", ext: "i386", sem: "inc" },
  { map: "1b", opc: 0xfe, reg: 1, mn: "dec", ops: ["Eb"], fw: OSZAP, lock: true, cls: "plain", ext: "i386", sem: "dec" },
  { map: "1b", opc: 0xff, reg: 0, mn: "inc", ops: ["Ev"], fw: OSZAP, lock: true, cls: "plain", ext: "i386", sem: "inc" },
  { map: "1b", opc: 0xff, reg: 1, mn: "dec", ops: ["Ev"], fw: OSZAP, lock: true, cls: "plain", ext: "i386", sem: "dec" },
  ...plusR(0x50, { map: "1b", mn: "push", ops: ["Zv"], cls: "plain", ext: "i386", sem: "push" } as const),
  ...plusR(0x58, { map: "1b", mn: "pop", ops: ["Zv"], cls: "plain", ext: "i386", sem: "pop" } as const),
  { map: "1b", opc: 0xff, reg: 6, mn: "push", ops: ["Ev"], cls: "plain", ext: "i386", sem: "push" },
  { map: "1b", opc: 0x8f, reg: 0, mn: "pop", ops: ["Ev"], cls: "plain", ext: "i386", sem: "pop" },
  { map: "1b", opc: 0x68, mn: "push", ops: ["Iz"], cls: "plain", ext: "i386", sem: "push" },
  { map: "1b", opc: 0x6a, mn: "push", ops: ["Ibs"], cls: "plain", ext: "i386", sem: "push" },
  { map: "1b", opc: 0x60, osz: 16, mn: "pusha", ops: [], cls: "plain", ext: "i386", sem: "pusha" },
  { map: "1b", opc: 0x60, osz: 32, mn: "pusha", ops: [], cls: "plain", ext: "i386", sem: "pusha" },
  { map: "1b", opc: 0x61, osz: 16, mn: "popa", ops: [], cls: "plain", ext: "i386", sem: "popa" },
  { map: "1b", opc: 0x61, osz: 32, mn: "popa", ops: [], cls: "plain", ext: "i386", sem: "popa" },
  { map: "1b", opc: 0x9c, mn: "pushf", ops: [], fr: POPF_MASK, cls: "sensitive", ext: "i386", sem: "pushf" },
  { map: "1b", opc: 0x9d, mn: "popf", ops: [], fw: POPF_MASK, cls: "sensitive", ext: "i386", sem: "popf" },
  { map: "1b", opc: 0xc8, mn: "enter", ops: ["Iw", "Ib"], cls: "plain", ext: "i386", sem: "enter" },
  { map: "1b", opc: 0xc9, mn: "leave", ops: [], cls: "plain", ext: "i386", sem: "leave" },

  // --- data movement ---
  { map: "1b", opc: 0x88, mn: "mov", ops: ["Eb", "Gb"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0x89, mn: "mov", ops: ["Ev", "Gv"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0x8a, mn: "mov", ops: ["Gb", "Eb"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0x8b, mn: "mov", ops: ["Gv", "Ev"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0xa0, mn: "mov", ops: ["AL", "Ob"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0xa1, mn: "mov", ops: ["eAX", "Ov"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0xa2, mn: "mov", ops: ["Ob", "AL"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0xa3, mn: "mov", ops: ["Ov", "eAX"], cls: "plain", ext: "i386", sem: "mov" },
  ...plusR(0xb0, { map: "1b", mn: "mov", ops: ["Zb", "Ib"], cls: "plain", ext: "i386", sem: "mov" } as const),
  ...plusR(0xb8, { map: "1b", mn: "mov", ops: ["Zv", "Iv"], cls: "plain", ext: "i386", sem: "mov" } as const),
  { map: "1b", opc: 0xc6, reg: 0, mn: "mov", ops: ["Eb", "Ib"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0xc7, reg: 0, mn: "mov", ops: ["Ev", "Iz"], cls: "plain", ext: "i386", sem: "mov" },
  { map: "1b", opc: 0x8d, mod: "mem", mn: "lea", ops: ["Gv", "M"], cls: "plain", ext: "i386", sem: "lea" },
  { map: "1b", opc: 0x86, mn: "xchg", ops: ["Eb", "Gb"], lock: true, cls: "plain", ext: "i386", sem: "xchg" },
  { map: "1b", opc: 0x87, mn: "xchg", ops: ["Ev", "Gv"], lock: true, cls: "plain", ext: "i386", sem: "xchg" },
  // 90 is NOP (XCHG eAX,eAX would zero-extend nothing in IA-32); F3 90 is PAUSE.
  { map: "1b", opc: 0x90, pfx: "none", mn: "nop", ops: [], cls: "plain", ext: "i386", sem: "nop" },
  { map: "1b", opc: 0x90, pfx: "f3", mn: "pause", ops: [], cls: "plain", ext: "sse2", sem: "pause" },
  ...plusR(0x91, { map: "1b", mn: "xchg", ops: ["Zv", "eAX"], cls: "plain", ext: "i386", sem: "xchg" } as const).slice(0, 7),
  { map: "1b", opc: 0x98, osz: 16, mn: "cbw", ops: [], cls: "plain", ext: "i386", sem: "cbw" },
  { map: "1b", opc: 0x98, osz: 32, mn: "cwde", ops: [], cls: "plain", ext: "i386", sem: "cbw" },
  { map: "1b", opc: 0x99, osz: 16, mn: "cwd", ops: [], cls: "plain", ext: "i386", sem: "cwd" },
  { map: "1b", opc: 0x99, osz: 32, mn: "cdq", ops: [], cls: "plain", ext: "i386", sem: "cwd" },
  { map: "1b", opc: 0x9e, mn: "sahf", ops: [], fw: SF | ZF | AF | PF | CF, cls: "plain", ext: "i386", sem: "sahf" },
  { map: "1b", opc: 0x9f, mn: "lahf", ops: [], fr: SF | ZF | AF | PF | CF, cls: "plain", ext: "i386", sem: "lahf" },
  { map: "1b", opc: 0xd7, mn: "xlat", ops: ["Xlat"], cls: "plain", ext: "i386", sem: "xlat" },
  { map: "0f", opc: 0xb6, mn: "movzx", ops: ["Gv", "Eb"], cls: "plain", ext: "i386", sem: "movzx" },
  { map: "0f", opc: 0xb7, mn: "movzx", ops: ["Gv", "Ew"], cls: "plain", ext: "i386", sem: "movzx" },
  { map: "0f", opc: 0xbe, mn: "movsx", ops: ["Gv", "Eb"], cls: "plain", ext: "i386", sem: "movsx" },
  { map: "0f", opc: 0xbf, mn: "movsx", ops: ["Gv", "Ew"], cls: "plain", ext: "i386", sem: "movsx" },
  ...perCC(0x40, "cmov", "cmovcc", { map: "0f", ops: ["Gv", "Ev"], cls: "plain", ext: "p6" } as const),
  ...perCC(0x90, "set", "setcc", { map: "0f", ops: ["Eb"], cls: "plain", ext: "i386" } as const),
  ...plusR(0xc8, { map: "0f", mn: "bswap", ops: ["Zd"], cls: "plain", ext: "i486", sem: "bswap" } as const),
  { map: "0f", opc: 0xc0, mn: "xadd", ops: ["Eb", "Gb"], fw: OSZAPC, lock: true, cls: "plain", ext: "i486", sem: "xadd" },
  { map: "0f", opc: 0xc1, mn: "xadd", ops: ["Ev", "Gv"], fw: OSZAPC, lock: true, cls: "plain", ext: "i486", sem: "xadd" },
  { map: "0f", opc: 0xb0, mn: "cmpxchg", ops: ["Eb", "Gb"], fw: OSZAPC, lock: true, cls: "plain", ext: "i486", sem: "cmpxchg" },
  { map: "0f", opc: 0xb1, mn: "cmpxchg", ops: ["Ev", "Gv"], fw: OSZAPC, lock: true, cls: "plain", ext: "i486", sem: "cmpxchg" },
  { map: "0f", opc: 0xc7, reg: 1, mod: "mem", mn: "cmpxchg8b", ops: ["Mq"], fw: ZF, lock: true, cls: "plain", ext: "p5", sem: "cmpxchg8b" },

  // --- group 3, multiply and divide ---
  { map: "1b", opc: 0xf6, reg: 0, mn: "test", ops: ["Eb", "Ib"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xf6, reg: 1, mn: "test", ops: ["Eb", "Ib"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xf6, reg: 2, mn: "not", ops: ["Eb"], lock: true, cls: "plain", ext: "i386", sem: "not" },
  { map: "1b", opc: 0xf6, reg: 3, mn: "neg", ops: ["Eb"], fw: OSZAPC, lock: true, cls: "plain", ext: "i386", sem: "neg" },
  { map: "1b", opc: 0xf6, reg: 4, mn: "mul", ops: ["Eb"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "mul" },
  { map: "1b", opc: 0xf6, reg: 5, mn: "imul", ops: ["Eb"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "imul1" },
  { map: "1b", opc: 0xf6, reg: 6, mn: "div", ops: ["Eb"], fw: OSZAPC, fu: OSZAPC, cls: "plain", ext: "i386", sem: "div" },
  { map: "1b", opc: 0xf6, reg: 7, mn: "idiv", ops: ["Eb"], fw: OSZAPC, fu: OSZAPC, cls: "plain", ext: "i386", sem: "idiv" },
  { map: "1b", opc: 0xf7, reg: 0, mn: "test", ops: ["Ev", "Iz"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xf7, reg: 1, mn: "test", ops: ["Ev", "Iz"], fw: OSZAPC, fu: AF, cls: "plain", ext: "i386", sem: "test" },
  { map: "1b", opc: 0xf7, reg: 2, mn: "not", ops: ["Ev"], lock: true, cls: "plain", ext: "i386", sem: "not" },
  { map: "1b", opc: 0xf7, reg: 3, mn: "neg", ops: ["Ev"], fw: OSZAPC, lock: true, cls: "plain", ext: "i386", sem: "neg" },
  { map: "1b", opc: 0xf7, reg: 4, mn: "mul", ops: ["Ev"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "mul" },
  { map: "1b", opc: 0xf7, reg: 5, mn: "imul", ops: ["Ev"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "imul1" },
  { map: "1b", opc: 0xf7, reg: 6, mn: "div", ops: ["Ev"], fw: OSZAPC, fu: OSZAPC, cls: "plain", ext: "i386", sem: "div" },
  { map: "1b", opc: 0xf7, reg: 7, mn: "idiv", ops: ["Ev"], fw: OSZAPC, fu: OSZAPC, cls: "plain", ext: "i386", sem: "idiv" },
  { map: "1b", opc: 0x69, mn: "imul", ops: ["Gv", "Ev", "Iz"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "imul" },
  { map: "1b", opc: 0x6b, mn: "imul", ops: ["Gv", "Ev", "Ibs"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "imul" },
  { map: "0f", opc: 0xaf, mn: "imul", ops: ["Gv", "Ev"], fw: OSZAPC, fu: SF | ZF | AF | PF, cls: "plain", ext: "i386", sem: "imul" },

  // --- group 2 shifts and rotates; SHLD/SHRD ---
  ...shift("rol", 0, 0, OF | CF, OF, 0),
  ...shift("ror", 1, 0, OF | CF, OF, 0),
  ...shift("rcl", 2, CF, OF | CF, OF, 0),
  ...shift("rcr", 3, CF, OF | CF, OF, 0),
  ...shift("shl", 4, 0, OSZAPC, OF | AF, AF),
  ...shift("shr", 5, 0, OSZAPC, OF | AF, AF),
  // /6 is an undocumented alias of SHL (SAL); objdump names it "shl" too.
  ...shift("shl", 6, 0, OSZAPC, OF | AF, AF),
  ...shift("sar", 7, 0, OSZAPC, OF | AF, AF),
  { map: "0f", opc: 0xa4, mn: "shld", ops: ["Ev", "Gv", "Ib"], fw: OSZAPC, fu: OF | AF, cls: "plain", ext: "i386", sem: "shld" },
  { map: "0f", opc: 0xa5, mn: "shld", ops: ["Ev", "Gv", "CL"], fw: OSZAPC, fu: OF | AF, cls: "plain", ext: "i386", sem: "shld" },
  { map: "0f", opc: 0xac, mn: "shrd", ops: ["Ev", "Gv", "Ib"], fw: OSZAPC, fu: OF | AF, cls: "plain", ext: "i386", sem: "shrd" },
  { map: "0f", opc: 0xad, mn: "shrd", ops: ["Ev", "Gv", "CL"], fw: OSZAPC, fu: OF | AF, cls: "plain", ext: "i386", sem: "shrd" },

  // --- bit test and scan ---
  { map: "0f", opc: 0xa3, mn: "bt", ops: ["Ev", "Gv"], fw: BT_FW, fu: BT_FU, cls: "plain", ext: "i386", sem: "bt" },
  { map: "0f", opc: 0xab, mn: "bts", ops: ["Ev", "Gv"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "bts" },
  { map: "0f", opc: 0xb3, mn: "btr", ops: ["Ev", "Gv"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "btr" },
  { map: "0f", opc: 0xbb, mn: "btc", ops: ["Ev", "Gv"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "btc" },
  { map: "0f", opc: 0xba, reg: 4, mn: "bt", ops: ["Ev", "Ib"], fw: BT_FW, fu: BT_FU, cls: "plain", ext: "i386", sem: "bt" },
  { map: "0f", opc: 0xba, reg: 5, mn: "bts", ops: ["Ev", "Ib"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "bts" },
  { map: "0f", opc: 0xba, reg: 6, mn: "btr", ops: ["Ev", "Ib"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "btr" },
  { map: "0f", opc: 0xba, reg: 7, mn: "btc", ops: ["Ev", "Ib"], fw: BT_FW, fu: BT_FU, lock: true, cls: "plain", ext: "i386", sem: "btc" },
  { map: "0f", opc: 0xbc, mn: "bsf", ops: ["Gv", "Ev"], fw: OSZAPC, fu: OF | SF | AF | PF | CF, cls: "plain", ext: "i386", sem: "bsf" },
  { map: "0f", opc: 0xbd, mn: "bsr", ops: ["Gv", "Ev"], fw: OSZAPC, fu: OF | SF | AF | PF | CF, cls: "plain", ext: "i386", sem: "bsr" },
  { map: "0f", opc: 0xb8, pfx: "f3", mn: "popcnt", ops: ["Gv", "Ev"], fw: OSZAPC, cls: "plain", ext: "sse42", sem: "popcnt" },

  // --- flag control ---
  { map: "1b", opc: 0xf5, mn: "cmc", ops: [], fr: CF, fw: CF, cls: "plain", ext: "i386", sem: "cmc" },
  { map: "1b", opc: 0xf8, mn: "clc", ops: [], fw: CF, cls: "plain", ext: "i386", sem: "clc" },
  { map: "1b", opc: 0xf9, mn: "stc", ops: [], fw: CF, cls: "plain", ext: "i386", sem: "stc" },
  { map: "1b", opc: 0xfc, mn: "cld", ops: [], fw: DF, cls: "plain", ext: "i386", sem: "cld" },
  { map: "1b", opc: 0xfd, mn: "std", ops: [], fw: DF, cls: "plain", ext: "i386", sem: "std" },

  // --- string instructions (SDM "MOVS", "CMPS", "SCAS", "LODS", "STOS") ---
  { map: "1b", opc: 0xa4, mn: "movs", ops: ["Yb", "Xb"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "movs" },
  { map: "1b", opc: 0xa5, mn: "movs", ops: ["Yv", "Xv"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "movs" },
  { map: "1b", opc: 0xa6, mn: "cmps", ops: ["Xb", "Yb"], fr: DF, fw: OSZAPC, rep: "repe", cls: "plain", ext: "i386", sem: "cmps" },
  { map: "1b", opc: 0xa7, mn: "cmps", ops: ["Xv", "Yv"], fr: DF, fw: OSZAPC, rep: "repe", cls: "plain", ext: "i386", sem: "cmps" },
  { map: "1b", opc: 0xaa, mn: "stos", ops: ["Yb", "AL"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "stos" },
  { map: "1b", opc: 0xab, mn: "stos", ops: ["Yv", "eAX"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "stos" },
  { map: "1b", opc: 0xac, mn: "lods", ops: ["AL", "Xb"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "lods" },
  { map: "1b", opc: 0xad, mn: "lods", ops: ["eAX", "Xv"], fr: DF, rep: "rep", cls: "plain", ext: "i386", sem: "lods" },
  { map: "1b", opc: 0xae, mn: "scas", ops: ["AL", "Yb"], fr: DF, fw: OSZAPC, rep: "repe", cls: "plain", ext: "i386", sem: "scas" },
  { map: "1b", opc: 0xaf, mn: "scas", ops: ["eAX", "Yv"], fr: DF, fw: OSZAPC, rep: "repe", cls: "plain", ext: "i386", sem: "scas" },

  // --- near control transfer ---
  ...perCC(0x70, "j", "jcc", { map: "1b", ops: ["Jb"], cls: "control", cf: "jcc", ext: "i386" } as const),
  ...perCC(0x80, "j", "jcc", { map: "0f", ops: ["Jz"], cls: "control", cf: "jcc", ext: "i386" } as const),
  { map: "1b", opc: 0xe0, mn: "loopne", ops: ["Jb"], fr: ZF, cls: "control", cf: "jcc", ext: "i386", sem: "loopne" },
  { map: "1b", opc: 0xe1, mn: "loope", ops: ["Jb"], fr: ZF, cls: "control", cf: "jcc", ext: "i386", sem: "loope" },
  { map: "1b", opc: 0xe2, mn: "loop", ops: ["Jb"], cls: "control", cf: "jcc", ext: "i386", sem: "loop" },
  { map: "1b", opc: 0xe3, asz: 16, mn: "jcxz", ops: ["Jb"], cls: "control", cf: "jcc", ext: "i386", sem: "jcxz" },
  { map: "1b", opc: 0xe3, asz: 32, mn: "jecxz", ops: ["Jb"], cls: "control", cf: "jcc", ext: "i386", sem: "jcxz" },
  { map: "1b", opc: 0xe8, mn: "call", ops: ["Jz"], cls: "control", cf: "call", ext: "i386", sem: "call" },
  { map: "1b", opc: 0xe9, mn: "jmp", ops: ["Jz"], cls: "control", cf: "jmp", ext: "i386", sem: "jmp" },
  { map: "1b", opc: 0xeb, mn: "jmp", ops: ["Jb"], cls: "control", cf: "jmp", ext: "i386", sem: "jmp" },
  { map: "1b", opc: 0xff, reg: 2, mn: "call", ops: ["Ev"], cls: "control", cf: "call", ext: "i386", sem: "call" },
  { map: "1b", opc: 0xff, reg: 4, mn: "jmp", ops: ["Ev"], cls: "control", cf: "jmp", ext: "i386", sem: "jmp" },
  { map: "1b", opc: 0xc2, mn: "ret", ops: ["Iw"], cls: "control", cf: "ret", ext: "i386", sem: "ret" },
  { map: "1b", opc: 0xc3, mn: "ret", ops: [], cls: "control", cf: "ret", ext: "i386", sem: "ret" },

  // --- misc ---
  { map: "1b", opc: 0x62, mod: "mem", mn: "bound", ops: ["Gv", "Ma"], cls: "plain", ext: "i386", sem: "bound" },
  { map: "0f", opc: 0xa2, mn: "cpuid", ops: [], cls: "plain", ext: "p5", sem: "cpuid" },
  { map: "0f", opc: 0x31, mn: "rdtsc", ops: [], cls: "plain", ext: "p5", sem: "rdtsc" },
  { map: "0f", opc: 0x0b, mn: "ud2", ops: [], cls: "plain", cf: "trap", ext: "p6", sem: "ud" },
  { map: "0f", opc: 0xb9, mn: "ud1", ops: ["Gv", "Ev"], cls: "plain", cf: "trap", ext: "p6", sem: "ud" },
  { map: "0f", opc: 0xff, mn: "ud0", ops: ["Gv", "Ev"], cls: "plain", cf: "trap", ext: "p6", sem: "ud" },
  // SALC (D6): undocumented but executed by every IA-32 CPU (AL = CF ? FF : 00).
  { map: "1b", opc: 0xd6, mn: "salc", ops: [], fr: CF, cls: "plain", ext: "i386", sem: "salc" },
  // Multi-byte NOP 0F 1F /0 and the reserved-NOP space 0F 19–0F 1F (any /reg; P6 executes them
  // as NOPs, SDM Table A-3 note). 0F 18 /4–/7 and its register forms are hint NOPs as well.
  { map: "0f", opc: 0x0d, mod: "reg", mn: "nop", ops: ["Ev"], cls: "plain", ext: "p6", sem: "nop" },
  ...[0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f].map(
    (opc) => ({ map: "0f", opc, mn: "nop", ops: ["Ev"], cls: "plain", ext: "p6", sem: "nop" }) as const,
  ),
  ...[4, 5, 6, 7].map((reg) => ({ map: "0f", opc: 0x18, reg, mn: "nop", ops: ["Ev"], cls: "plain", ext: "p6", sem: "nop" }) as const),
  ...[0, 1, 2, 3].map((reg) => ({ map: "0f", opc: 0x18, reg, mod: "reg", mn: "nop", ops: ["Ev"], cls: "plain", ext: "p6", sem: "nop" }) as const),
] as const;
