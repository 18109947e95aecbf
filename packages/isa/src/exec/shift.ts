/**
 * Group 2 shifts and rotates, SHLD and SHRD (SDM Vol. 2 "SAL/SAR/SHL/SHR", "RCL/RCR/ROL/ROR",
 * "SHLD", "SHRD"). The count is masked to 5 bits; a masked count of 0 changes neither the operand
 * nor the flags. SHL/SHR/SAR record their flags lazily; rotates write CF and OF eagerly since they
 * keep the other flags. Where the SDM leaves results undefined (SHLD/SHRD of 16-bit operands with
 * count > 16) we follow the P6 family, as Bochs does.
 */
import type { Cpu } from "../cpu/cpu";
import { CC_SAR, CC_SHL, computeCF, PARITY, SIZE_BITS, SIZE_MASK, sizeIndex, writeStatusFlags } from "../cpu/flags";
import { S_CC_DST, S_CC_OP, S_CC_SRC } from "../cpu/state";
import { CF, OF, OSZAPC, ZF } from "../table/flags";
import { type ExecFn, type Insn, OK_MEM, OK_REG } from "./insn";
import { getReg, read0, rmwAddress, setReg, writeMem } from "./operands";

function count(cpu: Cpu, i: Insn): number {
  return (i.k1 === OK_REG ? cpu.r8[i.v1]! : i.v1) & 0x1f;
}

function store(cpu: Cpu, i: Insn, size: number, a: number, v: number): void {
  if (i.k0 === OK_REG) setReg(cpu, i.v0, size, v);
  else writeMem(cpu, a, size, v);
}

function shiftOp(kind: "shl" | "shr" | "sar"): ExecFn {
  return (cpu, i) => {
    const c = count(cpu, i);
    const size = i.size;
    const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
    const v = read0(cpu, i, size, a);
    if (c === 0) return;
    const sz = sizeIndex(size);
    const mask = SIZE_MASK[sz]!;
    let r: number;
    let last: number;
    if (kind === "shl") {
      r = c >= 32 ? 0 : (v << c) & mask;
      last = (v << (c - 1)) & mask;
    } else if (kind === "shr") {
      const u = v & mask;
      r = (u >>> c) & mask;
      last = u >>> (c - 1);
    } else {
      const sv = size === 4 ? v | 0 : size === 2 ? (v << 16) >> 16 : (v << 24) >> 24;
      r = (sv >> c) & mask;
      last = (sv >> (c - 1)) & mask;
    }
    store(cpu, i, size, a, r);
    const s = cpu.s;
    s[S_CC_OP] = ((kind === "shl" ? CC_SHL : CC_SAR) << 2) | sz;
    s[S_CC_DST] = r;
    s[S_CC_SRC] = last;
  };
}

export const execShl = shiftOp("shl");
export const execShr = shiftOp("shr");
export const execSar = shiftOp("sar");

function rotateOp(kind: "rol" | "ror" | "rcl" | "rcr"): ExecFn {
  return (cpu, i) => {
    const c5 = count(cpu, i);
    const size = i.size;
    const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
    const v = read0(cpu, i, size, a);
    if (c5 === 0) return;
    const sz = sizeIndex(size);
    const bits = SIZE_BITS[sz]!;
    const mask = SIZE_MASK[sz]!;
    const u = v & mask;
    let r: number;
    let cf: number;
    let of: number;
    if (kind === "rol" || kind === "ror") {
      const c = c5 % bits;
      if (kind === "rol") {
        r = c === 0 ? u : ((u << c) | (u >>> (bits - c))) & mask;
        cf = r & 1;
        of = cf ^ ((r >>> (bits - 1)) & 1);
      } else {
        r = c === 0 ? u : ((u >>> c) | (u << (bits - c))) & mask;
        cf = (r >>> (bits - 1)) & 1;
        of = cf ^ ((r >>> (bits - 2)) & 1);
      }
    } else {
      // RCL/RCR rotate the (bits+1)-bit quantity CF:operand (SDM "tempCOUNT ← (COUNT & 1FH) MOD (SIZE + 1)").
      const c = c5 % (bits + 1);
      cf = computeCF(cpu.s);
      r = u;
      if (kind === "rcl") {
        for (let k = 0; k < c; k++) {
          const out = (r >>> (bits - 1)) & 1;
          r = ((r << 1) | cf) & mask;
          cf = out;
        }
        of = cf ^ ((r >>> (bits - 1)) & 1);
      } else {
        of = ((u >>> (bits - 1)) & 1) ^ cf;
        for (let k = 0; k < c; k++) {
          const out = r & 1;
          r = ((r >>> 1) | (cf << (bits - 1))) & mask;
          cf = out;
        }
        if (c !== 1) of = ((r >>> (bits - 1)) ^ (r >>> (bits - 2))) & 1;
      }
      if (c === 0) {
        // Masked count is a multiple of size+1: operand unchanged, but the SDM still writes
        // CF (unchanged) and OF per the formula; keep the flags as they are.
        return;
      }
    }
    if (i.k0 === OK_MEM) cpu.mmu.probeWrite(a, size);
    store(cpu, i, size, a, r);
    writeStatusFlags(cpu.s, cf | (of << 11), CF | OF);
  };
}

export const execRol = rotateOp("rol");
export const execRor = rotateOp("ror");
export const execRcl = rotateOp("rcl");
export const execRcr = rotateOp("rcr");

/** SHLD/SHRD Ev, Gv, Ib/CL (operand 2 is the count). */
function doubleShift(left: boolean): ExecFn {
  return (cpu, i) => {
    const c = (i.k2 === OK_REG ? cpu.r8[i.v2]! : i.v2) & 0x1f;
    const size = i.size;
    const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
    const d = read0(cpu, i, size, a);
    if (c === 0) return;
    const src = getReg(cpu, i.v1, size);
    let r: number;
    let cf: number;
    let msb: number;
    if (size === 4) {
      if (left) {
        r = (d << c) | (src >>> (32 - c));
        cf = (d >>> (32 - c)) & 1;
      } else {
        r = (d >>> c) | (src << (32 - c));
        cf = (d >>> (c - 1)) & 1;
      }
      msb = r >>> 31;
      r |= 0;
    } else {
      // 16-bit: shift the 32-bit dst:src (left) or src:dst (right); counts above 16 continue into
      // the operand again (P6 behaviour).
      const d16 = d & 0xffff;
      const s16 = src & 0xffff;
      if (left) {
        const t = ((d16 << 16) | s16) >>> 0;
        let w = (t << c) >>> 0;
        if (c > 16) w = (w | (d16 << (c - 16))) >>> 0;
        r = (w >>> 16) & 0xffff;
        cf = (t >>> (32 - c)) & 1;
      } else {
        const t = ((s16 << 16) | d16) >>> 0;
        let w = t >>> c;
        if (c > 16) w = (w | (d16 << (32 - c))) >>> 0;
        r = w & 0xffff;
        cf = (t >>> (c - 1)) & 1;
      }
      msb = r >>> 15;
    }
    if (i.k0 === OK_MEM) cpu.mmu.probeWrite(a, size);
    store(cpu, i, size, a, r);
    // SF/ZF/PF follow the result, OF is the sign change (defined for count 1), AF undefined (0).
    const top = size === 4 ? 31 : 15;
    const rm = size === 4 ? r : r & 0xffff;
    const of = msb ^ ((d >>> top) & 1);
    const flags = cf | (PARITY[rm & 0xff]! << 2) | (rm === 0 ? ZF : 0) | (msb << 7) | (of << 11);
    writeStatusFlags(cpu.s, flags, OSZAPC);
  };
}

export const execShld = doubleShift(true);
export const execShrd = doubleShift(false);
