/**
 * The interpreter's inner loop over one decoded block: one indirect call per instruction through
 * Insn.exec and one check of cpu.stop. (A switch over the hot forms calling exec/fast.ts directly
 * was measured slower: V8's cumulative inlining budget runs out and the loop function grows.)
 */
import type { Cpu } from "../cpu/cpu";
import { FAULT } from "../cpu/exceptions";
import type { Insn } from "./insn";

/**
 * Executes insns[0..n) until one sets cpu.stop; returns how many completed, or -(k + 1) when
 * instruction k faulted (the CpuFault of cpu/exceptions.ts; anything else propagates).
 */
export function runInsns(cpu: Cpu, insns: readonly Insn[], n: number): number {
  let k = 0;
  try {
  while (k < n) {
    const i = insns[k]!;
    i.exec(cpu, i);
    k++;
    if (cpu.stop !== 0) break;
  }
  } catch (e) {
    if (e !== FAULT) throw e;
    return -(k + 1);
  }
  return k;
}

