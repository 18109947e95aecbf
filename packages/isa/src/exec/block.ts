/**
 * A decoded basic block: the instructions from one entry EIP up to and including the first that
 * ends a block (control transfer, interrupt, REP string, a state change the decoder depends on),
 * at most MAX_BLOCK_INSNS long. Blocks remember the physical bytes they came from for
 * self-modifying-code invalidation, and two successor links so the run loop can skip the cache
 * lookup for the common fall-through / taken pair (halfix and Bochs use the same kind of trace).
 */
import type { Insn } from "./insn";

export const MAX_BLOCK_INSNS = 32;

/**
 * Adds to `perClass` the instructions a block retired, by class: for every exit count, the
 * classes of the instructions before that exit.
 */
export function foldClassCounts(b: Block, perClass: Float64Array): void {
  const n = b.insns.length;
  for (let k = 1; k <= n; k++) {
    const c = b.exits[k]!;
    if (c === 0) continue;
    for (let j = 0; j < k; j++) perClass[b.insns[j]!.cls]! += c;
  }
}

export class Block {
  /** Linear address of the first instruction, and of the instruction after the last one. */
  readonly start: number;
  end = 0;
  readonly insns: Insn[] = [];
  /** Physical ranges the instruction bytes occupy: [frameStart, length] per page (1 or 2 pages). */
  readonly physStart: number[] = [];
  readonly physLen: number[] = [];
  valid = true;
  /**
   * exits[k]: times execution left the block after k retired instructions (k = length: ran to
   * its end; fewer: a taken conditional branch, a fault, a stop). Retired and per-class counts
   * are derived from it when counters are read: one increment per block execution.
   */
  exits: Int32Array = new Int32Array(0);
  /** Up to two cached successors (checked by start address and validity before use). */
  succ0: Block | null = null;
  succ1: Block | null = null;

  constructor(start: number) {
    this.start = start;
  }
}
