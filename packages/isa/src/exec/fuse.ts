/**
 * Macro-op fusion in the interpreter's decoded blocks: a flag producer (CMP, TEST) directly
 * followed by a Jcc whose condition is a comparison (B/AE/E/NE/BE/A/L/GE/LE/G) runs as one step of
 * the inline dispatch (the *Jcc handlers of exec/fast.ts): one dispatch instead of two, and the
 * branch decided from the operands instead of re-read from the lazy flags. The producer still
 * writes its flags, and both instructions are counted (Insn.width = 2). The pair is only ever run
 * fused when the whole block runs: a run cut short by the budget or single-step goes instruction by
 * instruction through the unfused handlers (exec/dispatch.ts), so it can stop between the two; a
 * fault can only come from the producer's memory read, before the Jcc.
 */
import { S_ZERO } from "../cpu/state";
import * as fast from "./fast";
import { inlineOp } from "./dispatch";
import type { ExecFn, Insn } from "./insn";

/** Fused handler per producer handler. */
const FUSED = new Map<ExecFn, ExecFn>([
  [fast.cmpRR32, fast.cmpRR32Jcc],
  [fast.cmpRI32, fast.cmpRI32Jcc],
  [fast.cmpRM32, fast.cmpRM32Jcc],
  [fast.cmpMR32, fast.cmpMR32Jcc],
  [fast.cmpMI32, fast.cmpMI32Jcc],
  [fast.cmpMI8, fast.cmpMI8Jcc],
  [fast.testRR32, fast.testRR32Jcc],
]);

/** Outcome bits of fuseMask: taken when x > y (1), x < y (2), x == y (4). */
const GT = 1;
const LT = 2;
const EQ = 4;
const UNSIGNED = 0x80000000 | 0;

/** fuseMask and fuseBias per condition code (SDM Vol. 1 Table B-1); mask 0 = not fusable. */
const MASK_BY_CC = [0, 0, LT, GT | EQ, EQ, GT | LT, LT | EQ, GT, 0, 0, 0, 0, LT, GT | EQ, LT | EQ, GT];
const BIAS_BY_CC = [0, 0, UNSIGNED, UNSIGNED, 0, 0, UNSIGNED, UNSIGNED, 0, 0, 0, 0, 0, 0, 0, 0];

/** Fusion on/off for blocks decoded from now on (the benchmark measures both in one run). */
export const fusion = { enabled: true };

/**
 * Register-only instructions that overwrite every arithmetic flag from their own operands (the
 * whole lazy-flags record) and cannot fault: CMP/TEST/ADD/SUB/AND/OR/XOR on registers and
 * immediates, shifts by an immediate (bind.ts only picks those for counts 1..31).
 */
const FLAGS_KILLED_BY = new Set<ExecFn>([
  fast.addRR32, fast.addRI32, fast.subRR32, fast.subRI32, fast.cmpRR32, fast.cmpRI32, fast.andRR32, fast.andRI32,
  fast.orRR32, fast.xorRR32, fast.xorRR8, fast.testRR32, fast.shlRI32, fast.shrRI32, fast.sarRI32,
]);

/**
 * Fuses `producer` with `jcc` (the next instruction of the same block) when both allow it.
 *
 * Also drops dead flags: INC/DEC r32 must keep CF, which costs a lazy-flags evaluation
 * (computeCF) each time, and ADD writes the lazy-flags record; when the next instruction
 * overwrites every flag and can neither fault nor read them (`inc ecx; cmp ecx, n`,
 * `add eax, edx; cmp eax, ebx`), nobody can observe the producer's flags, and the inline step runs
 * it as LEA r32, [r32 +- 1], [r32 + r32] or [r32 + imm32]. The Insn's own handler is unchanged, so
 * a run cut between the two (budget, single-step) still writes the flags.
 */
export function fusePair(producer: Insn, jcc: Insn): void {
  if (!fusion.enabled || producer.op === 0 || jcc.op === 0 || producer.width !== 1) return;
  const e = producer.exec;
  if ((e === fast.incR32 || e === fast.decR32 || e === fast.addRR32 || e === fast.addRI32) && FLAGS_KILLED_BY.has(jcc.exec)) {
    producer.base = producer.v0;
    producer.index = e === fast.addRR32 ? producer.v1 : S_ZERO;
    producer.scale = 0;
    producer.disp = e === fast.incR32 ? 1 : e === fast.decR32 ? -1 : e === fast.addRI32 ? producer.v1 : 0;
    producer.op = inlineOp(fast.lea32);
    return;
  }
  const fused = FUSED.get(producer.exec);
  if (fused === undefined || fast.JCC_BY_CC[jcc.cc] !== jcc.exec) return;
  const mask = MASK_BY_CC[jcc.cc] ?? 0;
  if (mask === 0) return;
  producer.fuseMask = mask;
  producer.fuseBias = BIAS_BY_CC[jcc.cc] ?? 0;
  producer.fuseTarget = jcc.v0;
  producer.width = 2;
  producer.op = inlineOp(fused);
}
