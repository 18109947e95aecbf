/**
 * A decoded basic block: the instructions from one entry EIP up to and including the first that
 * ends a block (control transfer, interrupt, REP string, a state change the decoder depends on),
 * at most MAX_BLOCK_INSNS long. Blocks remember the physical bytes they came from for
 * self-modifying-code invalidation, and two successor links so the run loop can skip the cache
 * lookup for the common fall-through / taken pair (halfix and Bochs use the same kind of trace).
 */
import type { Insn } from "./insn";

export const MAX_BLOCK_INSNS = 32;

export class Block {
  /** Linear address of the first instruction, and of the instruction after the last one. */
  readonly start: number;
  end = 0;
  readonly insns: Insn[] = [];
  /** Physical ranges the instruction bytes occupy: [frameStart, length] per page (1 or 2 pages). */
  readonly physStart: number[] = [];
  readonly physLen: number[] = [];
  valid = true;
  /** Times the block ran to its end (counters are derived from it: no per-instruction work). */
  execCount = 0;
  /** Instructions per class (CLASS_NAMES order). */
  readonly classCounts: Int32Array = new Int32Array(8);
  /** Up to two cached successors (checked by start address and validity before use). */
  succ0: Block | null = null;
  succ1: Block | null = null;

  constructor(start: number) {
    this.start = start;
  }
}
