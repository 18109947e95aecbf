/**
 * Data movement: MOV, MOVZX, MOVSX, LEA, XCHG, XADD, CMPXCHG, CMPXCHG8B, BSWAP, CBW/CWDE, CWD/CDQ,
 * CMOVcc, SETcc, XLAT (SDM Vol. 2). Read-modify-write forms check the write before changing any
 * register, so a fault leaves the instruction restartable.
 */
import { aluOp, ALU_ADD, ALU_SUB } from "./alu";
import { materializeFlags, sizeIndex, testCC } from "../cpu/flags";
import { EAX, EBX, ECX, EDX, S_EFLAGS, S_SEG_BASE } from "../cpu/state";
import { ZF } from "../table/flags";
import { type ExecFn, OK_MEM, OK_REG } from "./insn";
import { ea, eaOffset, getReg, read0, read1, readMem, rmwAddress, setReg, signExtend, write0, writeMem } from "./operands";

export const execMov: ExecFn = (cpu, i) => {
  const size = i.size;
  if (i.k0 === OK_REG) setReg(cpu, i.v0, size, read1(cpu, i, size));
  else {
    const v = i.k1 === OK_REG ? getReg(cpu, i.v1, size) : i.v1;
    writeMem(cpu, ea(cpu, i), size, v);
  }
};

export const execMovzx: ExecFn = (cpu, i) => {
  setReg(cpu, i.v0, i.size, read1(cpu, i, i.size1));
};

export const execMovsx: ExecFn = (cpu, i) => {
  const v = signExtend(read1(cpu, i, i.size1), i.size1);
  setReg(cpu, i.v0, i.size, i.size === 2 ? v & 0xffff : v);
};

export const execLea: ExecFn = (cpu, i) => {
  const off = eaOffset(cpu, i);
  setReg(cpu, i.v0, i.size, i.size === 2 ? off & 0xffff : off);
};

/** XCHG: with a memory operand the exchange is locked whatever the prefix (SDM "XCHG"). */
export const execXchg: ExecFn = (cpu, i) => {
  const size = i.size;
  const b = getReg(cpu, i.v1, size);
  if (i.k0 === OK_MEM) {
    const a = rmwAddress(cpu, i, size);
    const old = readMem(cpu, a, size);
    writeMem(cpu, a, size, b);
    setReg(cpu, i.v1, size, old);
  } else {
    const old = getReg(cpu, i.v0, size);
    setReg(cpu, i.v0, size, b);
    setReg(cpu, i.v1, size, old);
  }
};

/** XADD: TEMP = SRC + DEST; SRC = DEST; DEST = TEMP. */
export const execXadd: ExecFn = (cpu, i) => {
  const size = i.size;
  const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
  const d = read0(cpu, i, size, a);
  const src = getReg(cpu, i.v1, size);
  const sum = aluOp(cpu.s, ALU_ADD, d, src, sizeIndex(size));
  setReg(cpu, i.v1, size, d);
  write0(cpu, i, size, a, sum);
};

/**
 * CMPXCHG: compare the accumulator with DEST; equal: DEST = SRC, else the accumulator = DEST.
 * A memory destination is written either way (SDM: "the destination operand is written back if
 * the comparison fails").
 */
export const execCmpxchg: ExecFn = (cpu, i) => {
  const size = i.size;
  const a = i.k0 === OK_MEM ? rmwAddress(cpu, i, size) : 0;
  const d = read0(cpu, i, size, a);
  const acc = getReg(cpu, size === 1 ? 0 : EAX, size);
  aluOp(cpu.s, ALU_SUB, acc, d, sizeIndex(size));
  if (acc === d) write0(cpu, i, size, a, getReg(cpu, i.v1, size));
  else {
    if (i.k0 === OK_MEM) writeMem(cpu, a, size, d);
    setReg(cpu, size === 1 ? 0 : EAX, size, d);
  }
};

export const execCmpxchg8b: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const a = rmwAddress(cpu, i, 8);
  const lo = cpu.mmu.read32(a);
  const hi = cpu.mmu.read32((a + 4) | 0);
  materializeFlags(s);
  if (lo === s[EAX] && hi === s[EDX]) {
    cpu.mmu.write64(a, s[EBX]!, s[ECX]!);
    s[S_EFLAGS] = s[S_EFLAGS]! | ZF;
  } else {
    cpu.mmu.write64(a, lo, hi);
    s[EAX] = lo;
    s[EDX] = hi;
    s[S_EFLAGS] = s[S_EFLAGS]! & ~ZF;
  }
};

/** BSWAP r32 (a 16-bit operand gives an undefined result; we clear it, as P6 and later do). */
export const execBswap: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if (i.size === 2) {
    cpu.r16[i.v0] = 0;
    return;
  }
  const v = s[i.v0]!;
  s[i.v0] = ((v & 0xff) << 24) | ((v & 0xff00) << 8) | ((v >>> 8) & 0xff00) | (v >>> 24);
};

/** CBW / CWDE. */
export const execCbw: ExecFn = (cpu, i) => {
  if (i.osize === 2) cpu.r16[0] = (cpu.r8[0]! << 24) >> 24;
  else cpu.s[EAX] = (cpu.r16[0]! << 16) >> 16;
};

/** CWD / CDQ. */
export const execCwd: ExecFn = (cpu, i) => {
  if (i.osize === 2) cpu.r16[EDX << 1] = (cpu.r16[0]! & 0x8000) !== 0 ? 0xffff : 0;
  else cpu.s[EDX] = cpu.s[EAX]! >> 31;
};

/** CMOVcc: the source is read (and may fault) whether or not the condition holds. */
export const execCmovcc: ExecFn = (cpu, i) => {
  const v = read1(cpu, i, i.size);
  if (testCC(cpu.s, i.cc)) setReg(cpu, i.v0, i.size, v);
};

export const execSetcc: ExecFn = (cpu, i) => {
  const v = testCC(cpu.s, i.cc) ? 1 : 0;
  if (i.k0 === OK_REG) cpu.r8[i.v0] = v;
  else cpu.mmu.write8(ea(cpu, i), v);
};

/** XLAT: AL = [seg:(E)BX + zero-extended AL]. */
export const execXlat: ExecFn = (cpu, i) => {
  const s = cpu.s;
  let off = s[EBX]! + cpu.r8[0]!;
  if (i.asize === 2) off &= 0xffff;
  cpu.r8[0] = cpu.mmu.read8((off + s[S_SEG_BASE + i.seg]!) | 0);
};
