/**
 * Decimal adjust instructions DAA, DAS, AAA, AAS, AAM, AAD, written after the SDM Vol. 2
 * Operation sections. Flags are computed eagerly. Where the SDM says "undefined" (OF of DAA/DAS,
 * SF/ZF/PF of AAA/AAS, OF/AF/CF of AAM/AAD) we produce what the SF/ZF/PF-from-result rule and
 * cleared OF give, the behaviour of P6-family processors.
 */
import { computeOSZAPC, PARITY, writeStatusFlags } from "../cpu/flags";
import { raise, VEC_DE } from "../cpu/exceptions";
import { AF, CF, OSZAPC, ZF } from "../table/flags";
import type { ExecFn } from "./insn";

function szp(v: number): number {
  return (PARITY[v & 0xff]! << 2) | ((v & 0xff) === 0 ? ZF : 0) | (v & 0x80);
}

export const execDaa: ExecFn = (cpu) => {
  const f = computeOSZAPC(cpu.s);
  const oldAl = cpu.r8[0]!;
  const oldCf = f & CF;
  let al = oldAl;
  let cf = 0;
  let af = 0;
  if ((al & 0xf) > 9 || (f & AF) !== 0) {
    al = (al + 6) & 0xff;
    cf = oldCf | (oldAl + 6 > 0xff ? 1 : 0);
    af = AF;
  }
  if (oldAl > 0x99 || oldCf !== 0) {
    al = (al + 0x60) & 0xff;
    cf = 1;
  }
  cpu.r8[0] = al;
  writeStatusFlags(cpu.s, cf | af | szp(al), OSZAPC);
};

export const execDas: ExecFn = (cpu) => {
  const f = computeOSZAPC(cpu.s);
  const oldAl = cpu.r8[0]!;
  const oldCf = f & CF;
  let al = oldAl;
  let cf = 0;
  let af = 0;
  if ((al & 0xf) > 9 || (f & AF) !== 0) {
    cf = oldCf | (al < 6 ? 1 : 0);
    al = (al - 6) & 0xff;
    af = AF;
  }
  if (oldAl > 0x99 || oldCf !== 0) {
    al = (al - 0x60) & 0xff;
    cf = 1;
  }
  cpu.r8[0] = al;
  writeStatusFlags(cpu.s, cf | af | szp(al), OSZAPC);
};

export const execAaa: ExecFn = (cpu) => {
  const f = computeOSZAPC(cpu.s);
  let ax = cpu.r16[0]!;
  let af = 0;
  if ((ax & 0xf) > 9 || (f & AF) !== 0) {
    ax = (ax + 0x106) & 0xffff;
    af = AF | CF;
  }
  ax &= 0xff0f;
  cpu.r16[0] = ax;
  writeStatusFlags(cpu.s, af | szp(ax), OSZAPC);
};

export const execAas: ExecFn = (cpu) => {
  const f = computeOSZAPC(cpu.s);
  let ax = cpu.r16[0]!;
  let af = 0;
  if ((ax & 0xf) > 9 || (f & AF) !== 0) {
    ax = (ax - 6) & 0xffff;
    ax = (ax & 0x00ff) | ((((ax >> 8) - 1) & 0xff) << 8);
    af = AF | CF;
  }
  ax &= 0xff0f;
  cpu.r16[0] = ax;
  writeStatusFlags(cpu.s, af | szp(ax), OSZAPC);
};

/** AAM imm8: AH = AL / imm8, AL = AL % imm8; #DE when imm8 = 0. */
export const execAam: ExecFn = (cpu, i) => {
  const base = i.v0 & 0xff;
  if (base === 0) raise(VEC_DE);
  const al = cpu.r8[0]!;
  const q = Math.floor(al / base);
  const r = al - q * base;
  cpu.r8[1] = q;
  cpu.r8[0] = r;
  writeStatusFlags(cpu.s, szp(r), OSZAPC);
};

/** AAD imm8: AL = (AL + AH * imm8) & 0xFF, AH = 0. */
export const execAad: ExecFn = (cpu, i) => {
  const base = i.v0 & 0xff;
  const al = (cpu.r8[0]! + cpu.r8[1]! * base) & 0xff;
  cpu.r16[0] = al;
  writeStatusFlags(cpu.s, szp(al), OSZAPC);
};
