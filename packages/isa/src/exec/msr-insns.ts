/**
 * RDMSR, WRMSR and RDTSC (SDM Vol. 2). RDMSR/WRMSR are privileged: #GP(0) above CPL 0 (and in
 * virtual-8086 mode); the MSRs themselves are in cpu/msr.ts. RDTSC is privileged only with
 * CR4.TSD; it reads the same counter as IA32_TIME_STAMP_COUNTER (retired instructions plus the
 * offset WRMSR sets), exact at the instruction: the run loop keeps cpu.retired exact at block
 * starts and blockIndex is the instruction's place in its block.
 */
import { CR4_TSD } from "../cpu/control-registers";
import { raise, VEC_GP } from "../cpu/exceptions";
import { msrValue, readMsr, readTsc, writeMsr } from "../cpu/msr";
import { EAX, ECX, EDX, S_CPL, S_CR4 } from "../cpu/state";
import type { ExecFn } from "./insn";

export const execRdmsr: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if (s[S_CPL] !== 0) raise(VEC_GP, 0);
  readMsr(cpu, s[ECX]!, cpu.retired + i.blockIndex);
  s[EAX] = msrValue.lo;
  s[EDX] = msrValue.hi;
};

export const execWrmsr: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if (s[S_CPL] !== 0) raise(VEC_GP, 0);
  writeMsr(cpu, s[ECX]!, s[EAX]!, s[EDX]!, cpu.retired + i.blockIndex);
};

export const execRdtsc: ExecFn = (cpu, i) => {
  const s = cpu.s;
  if ((s[S_CR4]! & CR4_TSD) !== 0 && s[S_CPL] !== 0) raise(VEC_GP, 0);
  readTsc(cpu, cpu.retired + i.blockIndex);
  s[EAX] = msrValue.lo;
  s[EDX] = msrValue.hi;
};
