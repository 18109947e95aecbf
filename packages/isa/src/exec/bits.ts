/**
 * Bit instructions BT, BTS, BTR, BTC, BSF, BSR (SDM Vol. 2). With a register bit offset and a
 * memory operand the offset is a signed bit index relative to the operand address (the "bit
 * string" addressing of SDM Vol. 1 §3.4.1); with an immediate it is taken modulo the size.
 * BT* set CF and leave OF/SF/AF/PF undefined (unchanged here) and ZF unchanged.
 * BSF/BSR set ZF; CF/OF/SF/AF/PF are undefined (unchanged here); a zero source leaves the
 * destination unchanged, as every IA-32 processor does.
 */
import { writeStatusFlags } from "../cpu/flags";
import { CF, ZF } from "../table/flags";
import { type ExecFn, OK_IMM, OK_REG } from "./insn";
import { ea, eaOffset, getReg, read1, readMem, setReg, writeMem } from "./operands";
import { S_SEG_BASE } from "../cpu/state";

const BT = 0;
const BTS = 1;
const BTR = 2;
const BTC = 3;

function bitOp(op: number): ExecFn {
  return (cpu, i) => {
    const size = i.size;
    const bits = size * 8;
    let off = i.k1 === OK_IMM ? i.v1 : getReg(cpu, i.v1, size);
    let v: number;
    let a = 0;
    if (i.k0 === OK_REG) {
      off &= bits - 1;
      v = getReg(cpu, i.v0, size);
    } else {
      if (i.k1 === OK_IMM) {
        off &= bits - 1;
        a = ea(cpu, i);
      } else {
        // Bit-string addressing: the operand offset moves by (offset >> 3) rounded down to the
        // operand size, within the address size (16-bit addressing wraps at 64 KiB).
        const signed = size === 2 ? (off << 16) >> 16 : off | 0;
        let o = eaOffset(cpu, i) + (signed >> (size === 2 ? 4 : 5)) * size;
        o = i.asize === 2 ? o & 0xffff : o | 0;
        a = (o + cpu.s[S_SEG_BASE + i.seg]!) | 0;
        off = signed & (bits - 1);
      }
      if (op !== BT) cpu.mmu.probeWrite(a, size);
      v = readMem(cpu, a, size);
    }
    const cf = (v >>> off) & 1;
    if (op !== BT) {
      const m = 1 << off;
      const r = op === BTS ? v | m : op === BTR ? v & ~m : v ^ m;
      if (i.k0 === OK_REG) setReg(cpu, i.v0, size, size === 2 ? r & 0xffff : r);
      else writeMem(cpu, a, size, r);
    }
    writeStatusFlags(cpu.s, cf, CF);
  };
}

export const execBt = bitOp(BT);
export const execBts = bitOp(BTS);
export const execBtr = bitOp(BTR);
export const execBtc = bitOp(BTC);

export const execBsf: ExecFn = (cpu, i) => {
  const v = read1(cpu, i, i.size);
  if (v === 0) {
    writeStatusFlags(cpu.s, ZF, ZF);
    return;
  }
  setReg(cpu, i.v0, i.size, 31 - Math.clz32(v & -v));
  writeStatusFlags(cpu.s, 0, ZF);
};

export const execBsr: ExecFn = (cpu, i) => {
  const v = read1(cpu, i, i.size);
  if (v === 0) {
    writeStatusFlags(cpu.s, ZF, ZF);
    return;
  }
  setReg(cpu, i.v0, i.size, 31 - Math.clz32(v));
  writeStatusFlags(cpu.s, 0, ZF);
};
