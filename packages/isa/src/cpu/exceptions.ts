/**
 * Exceptions as architectural events (SDM Vol. 3 §6.3, Table 6-1). A fault aborts the current
 * instruction before it commits any state, so it restarts at the faulting EIP; handlers and memory
 * helpers signal it by throwing the one preallocated CpuFault (no allocation on the guest's
 * misbehaviour either), which the run loop catches and turns into a delivery: to a host handler
 * when the vector is interposed (always, on the user-level machine), to the IDT later.
 */

export const VEC_DE = 0;
export const VEC_DB = 1;
export const VEC_NMI = 2;
export const VEC_BP = 3;
export const VEC_OF = 4;
export const VEC_BR = 5;
export const VEC_UD = 6;
export const VEC_NM = 7;
export const VEC_DF = 8;
export const VEC_TS = 10;
export const VEC_NP = 11;
export const VEC_SS = 12;
export const VEC_GP = 13;
export const VEC_PF = 14;
export const VEC_MF = 16;
export const VEC_AC = 17;
export const VEC_MC = 18;
export const VEC_XM = 19;

/** Counter suffix (`exc.<name>`) of each vector, the SDM mnemonic in lower case. */
export const VECTOR_NAMES: Readonly<Record<number, string>> = {
  0: "de",
  1: "db",
  2: "nmi",
  3: "bp",
  4: "of",
  5: "br",
  6: "ud",
  7: "nm",
  8: "df",
  10: "ts",
  11: "np",
  12: "ss",
  13: "gp",
  14: "pf",
  16: "mf",
  17: "ac",
  18: "mc",
  19: "xm",
};

export function vectorName(vector: number): string {
  return VECTOR_NAMES[vector] ?? `v${vector}`;
}

/** Vectors that push an error code (SDM Vol. 3 Table 6-1). */
export function hasErrorCode(vector: number): boolean {
  return vector === VEC_DF || (vector >= VEC_TS && vector <= VEC_PF) || vector === VEC_AC;
}

/** PF error code bits (SDM Vol. 3 §4.7). */
export const PFEC_P = 1;
export const PFEC_W = 2;
export const PFEC_U = 4;
export const PFEC_I = 16;

/** The in-flight fault. Only one exists; its fields describe the latest raise(). */
export class CpuFault extends Error {
  vector = 0;
  /** Error code pushed with the exception, or -1 for vectors without one. */
  errorCode = -1;
  constructor() {
    super("IA-32 fault (caught by the engine run loop)");
    this.name = "CpuFault";
  }
}

export const FAULT: CpuFault = new CpuFault();

/** Aborts the current instruction with a fault (EIP is left at the instruction). */
export function raise(vector: number, errorCode = -1): never {
  FAULT.vector = vector;
  FAULT.errorCode = errorCode;
  throw FAULT;
}
