/**
 * x87 FPU escapes D8–DF (SDM Vol. 2 Appendix A.5, Tables ): memory forms select by
 * ModRM.reg, register forms by ModRM.reg and, for the single-operation rows, ModRM.rm.
 * Memory operand codes give the size: Md = m32 (real or integer), Mq = m64, Mw = m16, Mt = m80.
 */
import { OSZAPC, CC_FLAGS_READ } from "./flags";

type Row = readonly [code: number, mn: string, sem: string];

/** The eight arithmetic operations of D8/DC (real) memory and register forms, by /reg. */
const FARITH = ["fadd", "fmul", "fcom", "fcomp", "fsub", "fsubr", "fdiv", "fdivr"] as const;
/** The same for DA/DE (integer) memory forms. */
const FIARITH = ["fiadd", "fimul", "ficom", "ficomp", "fisub", "fisubr", "fidiv", "fidivr"] as const;
/**
 * DC register forms st(i) op st(0): the SDM swaps SUB/SUBR and DIV/DIVR here (DC E0+i is FSUBR
 * st(i),st(0); DC E8+i is FSUB), which is what "reverse" means when the destination is st(i).
 */
const FARITH_DC = ["fadd", "fmul", "fcom", "fcomp", "fsubr", "fsub", "fdivr", "fdiv"] as const;

function mem<const S extends string>(opc: number, reg: number, mn: string, op: "Mw" | "Md" | "Mq" | "Mt" | "Env", sem: S, ext: "x87" | "sse3" = "x87") {
  return { map: "1b", opc, reg, mod: "mem", mn, ops: [op], cls: "plain", ext, sem } as const;
}

function arithMem<const S extends string>(opc: number, size: "Mw" | "Md" | "Mq", mns: readonly S[]) {
  return mns.map((mn, reg) => mem(opc, reg, mn, size, mn));
}

/** Register forms "op st(i)" / "op st,st(i)" / "op st(i),st" across rm = 0..7. */
function regForm<const S extends string>(opc: number, reg: number, mn: string, ops: readonly ("ST" | "STi")[], sem: S, extra?: { fr?: number; fw?: number; cc?: number; ext?: "p6" }) {
  return { map: "1b", opc, reg, mod: "reg", mn, ops, cls: "plain", ext: extra?.ext ?? "x87", sem, ...(extra ?? {}) } as const;
}

/** Register rows that encode one instruction each (D9 E0 FCHS ...). */
function fixed<const T extends readonly Row[]>(opc: number, rows: T) {
  return rows.map((r) => ({
    map: "1b" as const, opc, reg: (r[0] >> 3) & 7, mod: "reg" as const, rm: r[0] & 7, mn: r[1], ops: [] as const, cls: "plain" as const, ext: "x87" as const,
    // The assertion keeps the literal type (without it SemId widens to string); the rule misjudges it.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    sem: r[2] as T[number][2],
  }));
}

const FCMOV_CC = [2, 4, 6, 10] as const; // B, E, BE, U(P)

export const X87 = [
  // D8: real m32 / st(0) op st(i)
  ...arithMem(0xd8, "Md", FARITH),
  ...FARITH.map((mn, reg) => regForm(0xd8, reg, mn, reg === 2 || reg === 3 ? ["STi"] : ["ST", "STi"], mn)),
  // D9
  mem(0xd9, 0, "fld", "Md", "fld"),
  mem(0xd9, 2, "fst", "Md", "fst"),
  mem(0xd9, 3, "fstp", "Md", "fstp"),
  mem(0xd9, 4, "fldenv", "Env", "fldenv"),
  mem(0xd9, 5, "fldcw", "Mw", "fldcw"),
  mem(0xd9, 6, "fnstenv", "Env", "fnstenv"),
  mem(0xd9, 7, "fnstcw", "Mw", "fnstcw"),
  regForm(0xd9, 0, "fld", ["STi"], "fld"),
  regForm(0xd9, 1, "fxch", ["STi"], "fxch"),
  ...fixed(0xd9, [
    [0x10, "fnop", "fnop"], [0x20, "fchs", "fchs"], [0x21, "fabs", "fabs"], [0x24, "ftst", "ftst"], [0x25, "fxam", "fxam"],
    [0x28, "fld1", "fldconst"], [0x29, "fldl2t", "fldconst"], [0x2a, "fldl2e", "fldconst"], [0x2b, "fldpi", "fldconst"],
    [0x2c, "fldlg2", "fldconst"], [0x2d, "fldln2", "fldconst"], [0x2e, "fldz", "fldconst"],
    [0x30, "f2xm1", "f2xm1"], [0x31, "fyl2x", "fyl2x"], [0x32, "fptan", "fptan"], [0x33, "fpatan", "fpatan"],
    [0x34, "fxtract", "fxtract"], [0x35, "fprem1", "fprem1"], [0x36, "fdecstp", "fdecstp"], [0x37, "fincstp", "fincstp"],
    [0x38, "fprem", "fprem"], [0x39, "fyl2xp1", "fyl2xp1"], [0x3a, "fsqrt", "fsqrt"], [0x3b, "fsincos", "fsincos"],
    [0x3c, "frndint", "frndint"], [0x3d, "fscale", "fscale"], [0x3e, "fsin", "fsin"], [0x3f, "fcos", "fcos"],
  ]),
  // DA: integer m32; FCMOVcc; FUCOMPP
  ...arithMem(0xda, "Md", FIARITH),
  ...FCMOV_CC.map((cc, reg) => regForm(0xda, reg, "fcmov" + ["b", "e", "be", "u"][reg], ["ST", "STi"], "fcmovcc", { fr: CC_FLAGS_READ[cc] ?? 0, cc, ext: "p6" })),
  ...fixed(0xda, [[0x29, "fucompp", "fucompp"]]),
  // DB
  mem(0xdb, 0, "fild", "Md", "fild"),
  mem(0xdb, 1, "fisttp", "Md", "fisttp", "sse3"),
  mem(0xdb, 2, "fist", "Md", "fist"),
  mem(0xdb, 3, "fistp", "Md", "fistp"),
  mem(0xdb, 5, "fld", "Mt", "fld"),
  mem(0xdb, 7, "fstp", "Mt", "fstp"),
  ...FCMOV_CC.map((cc, reg) => regForm(0xdb, reg, "fcmovn" + ["b", "e", "be", "u"][reg], ["ST", "STi"], "fcmovcc", { fr: CC_FLAGS_READ[cc ^ 1] ?? 0, cc: cc ^ 1, ext: "p6" })),
  ...fixed(0xdb, [[0x22, "fnclex", "fnclex"], [0x23, "fninit", "fninit"]]),
  // 8087/287 control instructions that the 387 and later execute as FNOP (SDM Vol. 1 §8.3.13 note,
  // "FNENI/FNDISI/FNSETPM ... treated as FNOP").
  ...fixed(0xdb, [[0x20, "fneni", "fnop"], [0x21, "fndisi", "fnop"], [0x24, "fnsetpm", "fnop"]]),
  regForm(0xdb, 5, "fucomi", ["ST", "STi"], "fcomi", { fw: OSZAPC, ext: "p6" }),
  regForm(0xdb, 6, "fcomi", ["ST", "STi"], "fcomi", { fw: OSZAPC, ext: "p6" }),
  // DC: real m64 / st(i) op st(0)
  ...arithMem(0xdc, "Mq", FARITH),
  ...FARITH_DC.map((mn, reg) => regForm(0xdc, reg, mn, reg === 2 || reg === 3 ? ["STi"] : ["STi", "ST"], mn)),
  // DD
  mem(0xdd, 0, "fld", "Mq", "fld"),
  mem(0xdd, 1, "fisttp", "Mq", "fisttp", "sse3"),
  mem(0xdd, 2, "fst", "Mq", "fst"),
  mem(0xdd, 3, "fstp", "Mq", "fstp"),
  mem(0xdd, 4, "frstor", "Env", "frstor"),
  mem(0xdd, 6, "fnsave", "Env", "fnsave"),
  mem(0xdd, 7, "fnstsw", "Mw", "fnstsw"),
  regForm(0xdd, 0, "ffree", ["STi"], "ffree"),
  regForm(0xdd, 2, "fst", ["STi"], "fst"),
  regForm(0xdd, 3, "fstp", ["STi"], "fstp"),
  regForm(0xdd, 4, "fucom", ["STi"], "fcom"),
  regForm(0xdd, 5, "fucomp", ["STi"], "fcomp"),
  // DE: integer m16 / pop forms
  ...arithMem(0xde, "Mw", FIARITH),
  regForm(0xde, 0, "faddp", ["STi", "ST"], "faddp"),
  regForm(0xde, 1, "fmulp", ["STi", "ST"], "fmulp"),
  ...fixed(0xde, [[0x19, "fcompp", "fcompp"]]),
  regForm(0xde, 4, "fsubrp", ["STi", "ST"], "fsubrp"),
  regForm(0xde, 5, "fsubp", ["STi", "ST"], "fsubp"),
  regForm(0xde, 6, "fdivrp", ["STi", "ST"], "fdivrp"),
  regForm(0xde, 7, "fdivp", ["STi", "ST"], "fdivp"),
  // DF
  mem(0xdf, 0, "fild", "Mw", "fild"),
  mem(0xdf, 1, "fisttp", "Mw", "fisttp", "sse3"),
  mem(0xdf, 2, "fist", "Mw", "fist"),
  mem(0xdf, 3, "fistp", "Mw", "fistp"),
  mem(0xdf, 4, "fbld", "Mt", "fbld"),
  mem(0xdf, 5, "fild", "Mq", "fild"),
  mem(0xdf, 6, "fbstp", "Mt", "fbstp"),
  mem(0xdf, 7, "fistp", "Mq", "fistp"),
  { map: "1b", opc: 0xdf, reg: 4, mod: "reg", rm: 0, mn: "fnstsw", ops: ["AX"], cls: "plain", ext: "x87", sem: "fnstsw" },
  regForm(0xdf, 5, "fucomip", ["ST", "STi"], "fcomip", { fw: OSZAPC, ext: "p6" }),
  regForm(0xdf, 6, "fcomip", ["ST", "STi"], "fcomip", { fw: OSZAPC, ext: "p6" }),
  // Undocumented register-form aliases that P6 executes (and iced decodes): FCOMP (DE D0+i),
  // FXCH (DD C8+i, DF C8+i), FSTP (D9 D8+i, DF D0+i, DF D8+i), FFREEP (DF C0+i).
  regForm(0xde, 2, "fcomp", ["STi"], "fcomp"),
  regForm(0xdd, 1, "fxch", ["STi"], "fxch"),
  regForm(0xdf, 1, "fxch", ["STi"], "fxch"),
  regForm(0xd9, 3, "fstp", ["STi"], "fstp"),
  regForm(0xdf, 2, "fstp", ["STi"], "fstp"),
  regForm(0xdf, 3, "fstp", ["STi"], "fstp"),
  regForm(0xdf, 0, "ffreep", ["STi"], "ffreep"),
  // 9B: WAIT/FWAIT (checks pending unmasked x87 exceptions)
  { map: "1b", opc: 0x9b, mn: "fwait", ops: [], cls: "plain", ext: "x87", sem: "fwait" },
] as const;

