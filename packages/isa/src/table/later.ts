/**
 * Encodings from extensions after the modelled CPU that real i386 binaries contain (glibc selects
 * them at run time through CPUID, e.g. TZCNT in its string functions, RTM lock elision, CET).
 * They are listed so that decoding and disassembly name them as objdump does; `sem` is what a
 * CPU without the extension does, which is what Strata executes:
 * - CET's ENDBR32/ENDBR64 and RDSSPD sit in the reserved-NOP space (0F 1E): NOP.
 * - TZCNT/LZCNT are F3-prefixed BSF/BSR: without BMI1/LZCNT the F3 is ignored (SDM "TZCNT").
 * - RTM (XBEGIN, XABORT, XEND, XTEST), XGETBV/XSETBV and INCSSPD raise #UD.
 */
import { OSZAPC, OF, SF, AF, PF, CF } from "./flags";

const BSF_FU = OF | SF | AF | PF | CF;

export const LATER = [
  { map: "0f", opc: 0x1e, pfx: "f3", reg: 7, mod: "reg", rm: 3, mn: "endbr32", ops: [], cls: "plain", ext: "cet", sem: "nop" },
  { map: "0f", opc: 0x1e, pfx: "f3", reg: 7, mod: "reg", rm: 2, mn: "endbr64", ops: [], cls: "plain", ext: "cet", sem: "nop" },
  { map: "0f", opc: 0x1e, pfx: "f3", reg: 1, mod: "reg", mn: "rdsspd", ops: ["Ed"], cls: "plain", ext: "cet", sem: "nop" },
  { map: "0f", opc: 0xae, pfx: "f3", reg: 5, mod: "reg", mn: "incsspd", ops: ["Ed"], cls: "plain", cf: "trap", ext: "cet", sem: "ud" },
  { map: "0f", opc: 0xbc, pfx: "f3", mn: "tzcnt", ops: ["Gv", "Ev"], fw: OSZAPC, fu: BSF_FU, cls: "plain", ext: "bmi1", sem: "bsf" },
  { map: "0f", opc: 0xbd, pfx: "f3", mn: "lzcnt", ops: ["Gv", "Ev"], fw: OSZAPC, fu: BSF_FU, cls: "plain", ext: "lzcnt", sem: "bsr" },
  { map: "1b", opc: 0xc7, reg: 7, mod: "reg", rm: 0, mn: "xbegin", ops: ["Jz"], cls: "plain", cf: "trap", ext: "rtm", sem: "ud" },
  { map: "1b", opc: 0xc6, reg: 7, mod: "reg", rm: 0, mn: "xabort", ops: ["Ib"], cls: "plain", cf: "trap", ext: "rtm", sem: "ud" },
  { map: "0f", opc: 0x01, reg: 2, mod: "reg", rm: 5, pfx: "none", mn: "xend", ops: [], cls: "plain", cf: "trap", ext: "rtm", sem: "ud" },
  { map: "0f", opc: 0x01, reg: 2, mod: "reg", rm: 6, pfx: "none", mn: "xtest", ops: [], cls: "plain", cf: "trap", ext: "rtm", sem: "ud" },
  { map: "0f", opc: 0x01, reg: 2, mod: "reg", rm: 0, pfx: "none", mn: "xgetbv", ops: [], cls: "plain", cf: "trap", ext: "xsave", sem: "ud" },
  { map: "0f", opc: 0x01, reg: 2, mod: "reg", rm: 1, pfx: "none", mn: "xsetbv", ops: [], cls: "privileged", cf: "trap", ext: "xsave", sem: "ud" },
] as const;
