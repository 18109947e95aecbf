/**
 * Encodings synthesised from the opcode table itself: for every entry, a memory form (SIB with
 * disp8, and a bare disp32) and a register form, with its mandatory prefix, escape bytes, ModRM
 * selectors and immediates. Disassembled by objdump, this checks every entry's decoding and
 * printing against an independent reference.
 */
import { OPCODES } from "../src/table/opcodes";
import type { OpDef } from "../src/table/types";
import {
  ATTR_FORCE_REG, ATTR_MEM_ONLY, ATTR_MODRM, ATTR_REG_ONLY, ENTRY_ATTR, ENTRY_IMM1, ENTRY_IMM2, IMM_AP, IMM_B, IMM_BS,
  IMM_JB, IMM_JZ, IMM_MOFFS, IMM_NONE, IMM_W, IMM_Z,
} from "../src/decode/dispatch";

function imm(kind: number, opsize: number, addrsize: number, ib: number): number[] {
  switch (kind) {
    case IMM_B: return [ib];
    case IMM_BS: return [0xf0];
    case IMM_W: return [0x34, 0x12];
    case IMM_Z: return opsize === 16 ? [0x78, 0x56] : [0x78, 0x56, 0x34, 0x12];
    case IMM_JB: return [0x10];
    case IMM_JZ: return opsize === 16 ? [0x00, 0x01] : [0x00, 0x01, 0x00, 0x00];
    case IMM_AP: return opsize === 16 ? [0x34, 0x12, 0x08, 0x00] : [0x78, 0x56, 0x34, 0x12, 0x08, 0x00];
    case IMM_MOFFS: return addrsize === 16 ? [0x00, 0x10] : [0x00, 0x10, 0x00, 0x00];
    default: return [];
  }
}

/** Every synthesised encoding of entry `i` for `bits`-bit code. */
export function encodingsOf(i: number, bits: 16 | 32, ib = 0x12): number[][] {
  const e: OpDef | undefined = OPCODES[i];
  if (e === undefined) return [];
  const attr = ENTRY_ATTR[i] ?? 0;
  const pfx: number[] = [];
  if (e.pfx === "66") pfx.push(0x66);
  else if (e.pfx === "f3") pfx.push(0xf3);
  else if (e.pfx === "f2") pfx.push(0xf2);
  if (e.osz !== undefined && e.osz !== bits && e.pfx !== "66") pfx.unshift(0x66);
  if (e.asz !== undefined && e.asz !== bits) pfx.unshift(0x67);
  const opsize = e.osz ?? (pfx.includes(0x66) && e.pfx !== "66" ? (bits === 32 ? 16 : 32) : bits);
  const addrsize = e.asz ?? bits;
  const head = [...pfx, ...(e.map === "0f" ? [0x0f] : e.map === "0f38" ? [0x0f, 0x38] : e.map === "0f3a" ? [0x0f, 0x3a] : []), e.opc];
  const tail = [...imm(ENTRY_IMM1[i] ?? IMM_NONE, opsize, addrsize, ib), ...imm(ENTRY_IMM2[i] ?? IMM_NONE, opsize, addrsize, ib)];
  if ((attr & ATTR_MODRM) === 0) return [[...head, ...tail]];
  const reg = e.reg ?? (e.ops.includes("Sw") ? 3 : 2);
  const out: number[][] = [];
  const memOk = e.mod !== "reg" && e.rm === undefined && (attr & (ATTR_REG_ONLY | ATTR_FORCE_REG)) === 0;
  const regOk = e.mod !== "mem" && (attr & ATTR_MEM_ONLY) === 0;
  if (memOk) {
    if (addrsize === 32) {
      out.push([...head, 0x44 | (reg << 3), 0x8b, 0x7c, ...tail]); // [ebx+ecx*4+0x7c]
      out.push([...head, 0x05 | (reg << 3), 0x00, 0x20, 0x00, 0x00, ...tail]); // ds:0x2000
      out.push([...head, 0x85 | (reg << 3), 0xf0, 0xff, 0xff, 0xff, ...tail]); // [ebp-0x10]
    } else {
      out.push([...head, 0x40 | (reg << 3), 0x7c, ...tail]); // [bx+si+0x7c]
      out.push([...head, 0x06 | (reg << 3), 0x00, 0x20, ...tail]); // ds:0x2000
      out.push([...head, 0x86 | (reg << 3), 0xf0, 0xff, ...tail]); // [bp-0x10]
    }
  }
  // objdump accepts LFENCE/MFENCE/SFENCE only with r/m = 0 (the CPU ignores r/m).
  if (regOk) out.push([...head, 0xc0 | (reg << 3) | (e.rm ?? (e.sem === "fence" ? 0 : 1)), ...tail]);
  return out;
}

/** All encodings of all entries, concatenated. */
export function buildSweep(bits: 16 | 32, skip: (e: OpDef) => boolean = () => false): Uint8Array {
  const all: number[] = [];
  for (let i = 0; i < OPCODES.length; i++) {
    const e = OPCODES[i];
    if (e === undefined || skip(e)) continue;
    for (const enc of encodingsOf(i, bits)) all.push(...enc);
  }
  return Uint8Array.from(all);
}

/**
 * Entries objdump cannot be the reference for, because it decodes those bytes as something
 * newer than P6 or not at all (each checked by hand against the SDM / iced-x86):
 * SALC (D6, objdump "(bad)"); FNENI/FNDISI/FNSETPM (objdump "fneni(8087 only)"); the undocumented x87 register aliases (objdump "(bad)"); 0F 0D
 * register forms (objdump: AMD PREFETCH/"prefetchwt1"); 0F 1A/0F 1B memory forms (objdump: MPX
 * BNDLDX/BNDSTX; on P6 they are reserved NOPs).
 */
export function objdumpCannotJudge(e: OpDef): boolean {
  if (e.sem === "salc") return true;
  if (e.mn === "fneni" || e.mn === "fndisi" || e.mn === "fnsetpm") return true;
  if (e.map === "0f" && (e.opc === 0x0d || e.opc === 0x1a || e.opc === 0x1b)) return true;
  if (e.map === "1b" && e.mod === "reg") {
    const alias =
      (e.opc === 0xdc && (e.reg === 2 || e.reg === 3)) ||
      (e.opc === 0xde && e.reg === 2) ||
      (e.opc === 0xdd && e.reg === 1) ||
      (e.opc === 0xdf && (e.reg === 0 || e.reg === 1 || e.reg === 2 || e.reg === 3)) ||
      (e.opc === 0xd9 && e.reg === 3);
    if (alias) return true;
  }
  return false;
}
