/**
 * Segment-register loads by instructions (SDM Vol. 2 "MOV", "POP", "LDS/LES/LFS/LGS/LSS"): the
 * checks are in cpu/segments.ts. MOV SS and POP SS open the one-instruction interrupt shadow
 * (SDM Vol. 3 §6.8.3) so that the following MOV ESP completes before any interrupt; LSS does not
 * need one (it loads both at once).
 */
import { raise, VEC_UD } from "../cpu/exceptions";
import { loadSegment } from "../cpu/segments";
import { CS, ESP, SS } from "../cpu/state";
import type { ExecFn } from "./insn";
import { ea, pop, read1, readMem, setReg } from "./operands";

export const execMovToSreg: ExecFn = (cpu, i) => {
  if (i.v0 === CS) raise(VEC_UD);
  const sel = read1(cpu, i, 2);
  loadSegment(cpu, i.v0, sel, i.v0 === SS);
};

export const execPopSreg: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const esp = s[ESP]!;
  const v = pop(cpu, i.osize) & 0xffff;
  try {
    loadSegment(cpu, i.v0, v, i.v0 === SS);
  } catch (e) {
    s[ESP] = esp;
    throw e;
  }
};

/** LDS/LES/LFS/LGS/LSS r, m16:16/32 (the segment is in imm2, set at bind). */
export const execLfp: ExecFn = (cpu, i) => {
  const a = ea(cpu, i);
  const off = readMem(cpu, a, i.osize);
  const sel = readMem(cpu, (a + i.osize) | 0, 2);
  loadSegment(cpu, i.imm2, sel);
  setReg(cpu, i.v0, i.size, off);
};
