/**
 * Specialized handlers for the forms that dominate compiled integer code (measured on the
 * workloads: Jcc, CMP/MOV/ADD/... on 32-bit registers, loads and stores through base+disp, LEA).
 * Each is its own function, so V8 keeps it monomorphic and small; they implement exactly the
 * semantics of the generic handlers (alu.ts, data.ts...), which remain the reference for every
 * other form. Only 32-bit address size reaches these (bind.ts checks), so an effective address
 * is base + (index << scale) + disp + segment base with no branches: a missing base or index
 * names S_ZERO, a state word that is always 0.
 */
import * as flags from "../cpu/flags";
import * as state from "../cpu/state";
import { execCall, execRet } from "./control";
import { execPop, execPush } from "./stack";
import * as cpuConsts from "../cpu/cpu";
import type { ExecFn, Insn } from "./insn";

// Module-local copies of imported constants: V8 folds a module's own `const` bindings in optimized
// code but reloads imported bindings from their module cells (see exec/dispatch.ts).
const { CC_ADD, CC_DEC, CC_INC, CC_LOGIC, CC_SAR, CC_SHL, CC_SUB, computeCF, testCC } = flags;
const { ESP, S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2, S_EIP, S_SEG_ATTR, S_SEG_BASE, SS } = state;
const { STOP_BRANCH } = cpuConsts;

const ADD32 = (CC_ADD << 2) | 2;
const SUB32 = (CC_SUB << 2) | 2;
const LOGIC32 = (CC_LOGIC << 2) | 2;
const INC32 = (CC_INC << 2) | 2;
const DEC32 = (CC_DEC << 2) | 2;
const SHL32 = (CC_SHL << 2) | 2;
const SAR32 = (CC_SAR << 2) | 2;
const SUB8 = CC_SUB << 2;
const LOGIC8 = CC_LOGIC << 2;

/** Linear address of a 32-bit-addressing memory operand. */
export function ea32(s: Int32Array, i: Insn): number {
  return (s[i.base]! + (s[i.index]! << i.scale) + i.disp + s[S_SEG_BASE + i.seg]!) | 0;
}

// --- MOV ---
export const movRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  s[i.v0] = s[i.v1]!;
};
export const movRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  s[i.v0] = i.v1;
};
export const movRM32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  s[i.v0] = mmu.read32(ea32(s, i));
};
export const movMR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  mmu.write32(ea32(s, i), s[i.v1]!);
};
export const movMI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  mmu.write32(ea32(s, i), i.v1);
};
export const movMI8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  mmu.write8(ea32(s, i), i.v1);
};
export const movMR8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const r8 = cpu.r8;
  mmu.write8(ea32(s, i), r8[i.v1]!);
};
export const movRM8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const r8 = cpu.r8;
  r8[i.v0] = mmu.read8(ea32(s, i));
};
export const movzxRM8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  s[i.v0] = mmu.read8(ea32(s, i));
};
export const movzxRR8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r8 = cpu.r8;
  s[i.v0] = r8[i.v1]!;
};
export const movsxRM8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  s[i.v0] = (mmu.read8(ea32(s, i)) << 24) >> 24;
};
export const movzxRM16: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  s[i.v0] = mmu.read16(ea32(s, i));
};

// --- LEA ---
export const lea32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  s[i.v0] = (s[i.base]! + (s[i.index]! << i.scale) + i.disp) | 0;
};

// --- ALU, register destination ---
export const addRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = s[i.v1]!;
  const r = (s[i.v0]! + b) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = ADD32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = b;
};
export const addRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = i.v1;
  const r = (s[i.v0]! + b) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = ADD32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = b;
};
export const addRM32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const b = mmu.read32(ea32(s, i));
  const r = (s[i.v0]! + b) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = ADD32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = b;
};
export const subRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = s[i.v1]!;
  const r = (s[i.v0]! - b) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = b;
};
export const subRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = i.v1;
  const r = (s[i.v0]! - b) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = b;
};
export const cmpRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = s[i.v1]!;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (s[i.v0]! - b) | 0;
  s[S_CC_SRC] = b;
};
export const cmpRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const b = i.v1;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (s[i.v0]! - b) | 0;
  s[S_CC_SRC] = b;
};
export const cmpRM32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const b = mmu.read32(ea32(s, i));
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (s[i.v0]! - b) | 0;
  s[S_CC_SRC] = b;
};
export const cmpMR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read32(ea32(s, i));
  const b = s[i.v1]!;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
};
export const cmpMI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read32(ea32(s, i));
  const b = i.v1;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
};
export const cmpMI8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read8(ea32(s, i));
  const b = i.v1;
  s[S_CC_OP] = SUB8;
  s[S_CC_DST] = (a - b) & 0xff;
  s[S_CC_SRC] = b;
};
export const andRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r = s[i.v0]! & s[i.v1]!;
  s[i.v0] = r;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = r;
};
export const andRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r = s[i.v0]! & i.v1;
  s[i.v0] = r;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = r;
};
export const orRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r = s[i.v0]! | s[i.v1]!;
  s[i.v0] = r;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = r;
};
export const xorRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r = s[i.v0]! ^ s[i.v1]!;
  s[i.v0] = r;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = r;
};
export const xorRR8: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r8 = cpu.r8;
  const r = r8[i.v0]! ^ r8[i.v1]!;
  r8[i.v0] = r;
  s[S_CC_OP] = LOGIC8;
  s[S_CC_DST] = r;
};
export const testRR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = s[i.v0]! & s[i.v1]!;
};
export const incR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const cf = computeCF(s);
  const r = (s[i.v0]! + 1) | 0;
  s[i.v0] = r;
  s[S_CC_SRC2] = cf;
  s[S_CC_DST] = r;
  s[S_CC_OP] = INC32;
};
export const decR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const cf = computeCF(s);
  const r = (s[i.v0]! - 1) | 0;
  s[i.v0] = r;
  s[S_CC_SRC2] = cf;
  s[S_CC_DST] = r;
  s[S_CC_OP] = DEC32;
};

// --- shifts by an immediate (count already masked to 1..31 at bind time) ---
export const shlRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const v = s[i.v0]!;
  const r = v << i.v1;
  s[i.v0] = r;
  s[S_CC_OP] = SHL32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = v << (i.v1 - 1);
};
export const shrRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const v = s[i.v0]!;
  const r = (v >>> i.v1) | 0;
  s[i.v0] = r;
  s[S_CC_OP] = SAR32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = v >>> (i.v1 - 1);
};
export const sarRI32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const v = s[i.v0]!;
  const r = v >> i.v1;
  s[i.v0] = r;
  s[S_CC_OP] = SAR32;
  s[S_CC_DST] = r;
  s[S_CC_SRC] = v >> (i.v1 - 1);
};

// --- control ---
export const jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if (testCC(cpu.s, i.cc)) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jmpRel: ExecFn = (cpu, i) => {
  const s = cpu.s;
  s[S_EIP] = i.v0;
};


// Jcc per condition: the comparison after CMP/SUB (and TEST/AND...) inline, else testCC.
export const jb32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a >>> 0 < src >>> 0;
  } else taken = testCC(s, 2);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jae32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a >>> 0 >= src >>> 0;
  } else taken = testCC(s, 3);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const je32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    taken = res === 0;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res === 0;
  } else taken = testCC(s, 4);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jne32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    taken = res !== 0;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res !== 0;
  } else taken = testCC(s, 5);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jbe32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a >>> 0 <= src >>> 0;
  } else taken = testCC(s, 6);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const ja32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a >>> 0 > src >>> 0;
  } else taken = testCC(s, 7);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jl32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a < src;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res < 0;
  } else taken = testCC(s, 12);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jge32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a >= src;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res >= 0;
  } else taken = testCC(s, 13);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jle32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a <= src;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res <= 0;
  } else taken = testCC(s, 14);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};
export const jg32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const op = s[S_CC_OP]!;
  let taken: boolean;
  if (op === SUB32) {
    const res = s[S_CC_DST]!;
    const src = s[S_CC_SRC]!;
    const a = (res + src) | 0;
    taken = a > src;
  } else if (op === LOGIC32) {
    const res = s[S_CC_DST]!;
    taken = res > 0;
  } else taken = testCC(s, 15);
  if (taken) {
    s[S_EIP] = i.v0;
    cpu.stop = STOP_BRANCH;
  }
};

// --- flag producer + Jcc, fused by exec/fuse.ts (Insn.width = 2) ---
// The producer's flags are written as usual (later instructions may read them), then the Jcc's
// condition is decided from the operands: a signed comparison of x and y, where fuseBias
// (0x80000000 for the unsigned conditions) turns an unsigned comparison into a signed one, and
// fuseMask has bit 0 set if the branch is taken when x > y, bit 1 when x < y, bit 2 when x == y.
export const cmpRR32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const a = s[i.v0]!;
  const b = s[i.v1]!;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
  const x = a ^ i.fuseBias;
  const y = b ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const cmpRI32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const a = s[i.v0]!;
  const b = i.v1;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
  const x = a ^ i.fuseBias;
  const y = b ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const cmpRM32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const b = mmu.read32(ea32(s, i));
  const a = s[i.v0]!;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
  const x = a ^ i.fuseBias;
  const y = b ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const cmpMR32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read32(ea32(s, i));
  const b = s[i.v1]!;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
  const x = a ^ i.fuseBias;
  const y = b ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const cmpMI32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read32(ea32(s, i));
  const b = i.v1;
  s[S_CC_OP] = SUB32;
  s[S_CC_DST] = (a - b) | 0;
  s[S_CC_SRC] = b;
  const x = a ^ i.fuseBias;
  const y = b ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const cmpMI8Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const a = mmu.read8(ea32(s, i));
  const b = i.v1;
  s[S_CC_OP] = SUB8;
  s[S_CC_DST] = (a - b) & 0xff;
  s[S_CC_SRC] = b;
  const x = (a << 24) ^ i.fuseBias;
  const y = (b << 24) ^ i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};
export const testRR32Jcc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const r = s[i.v0]! & s[i.v1]!;
  s[S_CC_OP] = LOGIC32;
  s[S_CC_DST] = r;
  const x = r ^ i.fuseBias;
  const y = i.fuseBias;
  if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
    s[S_EIP] = i.fuseTarget;
    cpu.stop = STOP_BRANCH;
  }
};

/** Specialized Jcc handlers by condition code (others use the generic `jcc`). */
export const JCC_BY_CC: readonly (ExecFn | undefined)[] = [
  undefined,
  undefined,
  jb32,
  jae32,
  je32,
  jne32,
  jbe32,
  ja32,
  undefined,
  undefined,
  undefined,
  undefined,
  jl32,
  jge32,
  jle32,
  jg32,
];

// --- stack and calls with a 32-bit stack and operand size (a 16-bit SS takes the generic path) ---
export const pushR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execPush(cpu, i);
  else {
    const sp = (s[ESP]! - 4) | 0;
    mmu.write32((sp + s[S_SEG_BASE + SS]!) | 0, s[i.v0]!);
    s[ESP] = sp;
  }
};
export const popR32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execPop(cpu, i);
  else {
    const sp = s[ESP]!;
    const v = mmu.read32((sp + s[S_SEG_BASE + SS]!) | 0);
    s[ESP] = (sp + 4) | 0;
    s[i.v0] = v;
  }
};
export const callRel32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execCall(cpu, i);
  else {
    const sp = (s[ESP]! - 4) | 0;
    mmu.write32((sp + s[S_SEG_BASE + SS]!) | 0, i.next);
    s[ESP] = sp;
    s[S_EIP] = i.v0;
  }
};
export const ret32: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const mmu = cpu.mmu;
  if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execRet(cpu, i);
  else {
    const sp = s[ESP]!;
    const t = mmu.read32((sp + s[S_SEG_BASE + SS]!) | 0);
    s[ESP] = (sp + 4) | 0;
    s[S_EIP] = t;
  }
};

/**
 * The handlers inlined by exec/dispatch.ts, in case order (Insn.op = index + 1). The case bodies
 * there are these functions' bodies (checked by test/interp-dispatch.test.ts): change both.
 */
export const FAST_ORDER: readonly ExecFn[] = [
  movRR32,
  movRI32,
  movRM32,
  movMR32,
  movMI32,
  movMI8,
  movMR8,
  movRM8,
  movzxRM8,
  movzxRR8,
  movsxRM8,
  movzxRM16,
  lea32,
  addRR32,
  addRI32,
  addRM32,
  subRR32,
  subRI32,
  cmpRR32,
  cmpRI32,
  cmpRM32,
  cmpMR32,
  cmpMI32,
  cmpMI8,
  andRR32,
  andRI32,
  orRR32,
  xorRR32,
  testRR32,
  incR32,
  decR32,
  shlRI32,
  shrRI32,
  sarRI32,
  jcc,
  jmpRel,
  jb32,
  jae32,
  je32,
  jne32,
  jbe32,
  ja32,
  jl32,
  jge32,
  jle32,
  jg32,
  pushR32,
  popR32,
  callRel32,
  ret32,
  cmpRR32Jcc,
  cmpRI32Jcc,
  cmpRM32Jcc,
  cmpMR32Jcc,
  cmpMI32Jcc,
  cmpMI8Jcc,
  testRR32Jcc,
  xorRR8,
];
