/**
 * Instructions that read or write EFLAGS bits directly: CLC, STC, CMC, CLD, STD, LAHF, SAHF
 * (SDM Vol. 2). The IOPL-sensitive CLI/STI are in exec/eflags-insns.ts.
 */
import { computeCF, materializeFlags, readEflags, writeStatusFlags } from "../cpu/flags";
import { S_EFLAGS } from "../cpu/state";
import { AF, CF, DF, PF, SF, ZF } from "../table/flags";
import type { ExecFn } from "./insn";

export const execClc: ExecFn = (cpu) => writeStatusFlags(cpu.s, 0, CF);
export const execStc: ExecFn = (cpu) => writeStatusFlags(cpu.s, CF, CF);
export const execCmc: ExecFn = (cpu) => writeStatusFlags(cpu.s, computeCF(cpu.s) ^ 1, CF);

export const execCld: ExecFn = (cpu) => {
  cpu.s[S_EFLAGS] = cpu.s[S_EFLAGS]! & ~DF;
};
export const execStd: ExecFn = (cpu) => {
  cpu.s[S_EFLAGS] = cpu.s[S_EFLAGS]! | DF;
};

/** LAHF: AH = SF:ZF:0:AF:0:PF:1:CF. */
export const execLahf: ExecFn = (cpu) => {
  cpu.r8[1] = (readEflags(cpu.s) & (SF | ZF | AF | PF | CF)) | 2;
};

/** SAHF: SF, ZF, AF, PF, CF = bits 7, 6, 4, 2, 0 of AH. */
export const execSahf: ExecFn = (cpu) => {
  materializeFlags(cpu.s);
  writeStatusFlags(cpu.s, cpu.r8[1]!, SF | ZF | AF | PF | CF);
};

/** SALC (D6, undocumented in the SDM opcode map but present on every IA-32 part): AL = CF ? FF : 00. */
export const execSalc: ExecFn = (cpu) => {
  cpu.r8[0] = computeCF(cpu.s) !== 0 ? 0xff : 0;
};
