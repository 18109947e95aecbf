/**
 * A translation block: the decoded instructions from one entry EIP to the first that ends a block
 * (control transfer, a privileged/sensitive/I/O instruction, a page boundary, MAX_BLOCK_INSNS),
 * the physical bytes they came from (for self-modifying-code invalidation), and, once it is hot,
 * its JavaScript translation. Cold blocks are interpreted from the same decoded instructions, so
 * a block can move from interpretation to translation without being decoded again.
 */
import type { Cpu, Insn } from "@strata/isa";

/** Longest block (instructions). QEMU's TCG caps a TB at 512 ops; 32 keeps side exits cheap. */
export const MAX_BLOCK_INSNS = 32;

/**
 * The translated form of a block and of the region around it (translate/codegen.ts): runs from
 * the block's first instruction and returns how many instructions of the block it left from
 * completed (it may leave early at a taken branch or a stop), or -(k + 1) when instruction k of
 * that block faulted; that block is the engine's `current` afterwards. Blocks completed before it
 * in the same call (branches between the region's member blocks, a loop's passes, all within
 * `left`, the remaining budget) are already in cpu.retired and their exit counts.
 */
export type BlockFn = (cpu: Cpu, left: number) => number;

export class TBlock {
  /** Linear address of the first instruction, and EIP of the instruction after the last one. */
  readonly start: number;
  /** Code-segment size the block was decoded in (16 or 32): part of the cache key. */
  readonly mode: number;
  end = 0;
  readonly insns: Insn[] = [];
  /** Physical ranges the instruction bytes occupy (1 or 2 pages). */
  readonly physStart: number[] = [];
  readonly physLen: number[] = [];
  valid = true;
  /** The first instruction goes to the host handler (interposed class): the interpreter runs it. */
  delegate = false;
  /** Executions so far while cold (the adaptive-translation counter). */
  heat = 0;
  fn: BlockFn | null = null;
  /** The blocks `fn` was compiled over (this one first), while `fn` is set. */
  members: TBlock[] | null = null;
  /** Blocks whose translation includes this one as a member (dropped with it). */
  readonly usedBy: TBlock[] = [];
  /** Length of the generated source (the host-memory estimate of `tc.host_bytes`). */
  sourceBytes = 0;
  /** exits[k]: times execution left after k retired instructions (for the per-class counters). */
  exits: Int32Array = new Int32Array(0);
  /**
   * Branches a translation runs inside the block (translate/codegen.ts controlSpans): skipTo[j] =
   * t when a taken Jcc j continues at instruction t of the block, and skips[j] counts those jumps:
   * forward (t > j), instructions j+1 .. t-1 did not retire on them (the class counters subtract);
   * backward (t <= j, a loop), instructions t .. j retired once more (the class counters add).
   */
  skips: Int32Array = new Int32Array(0);
  skipTo: Int32Array = new Int32Array(0);
  /** Up to two chained successors (checked by start address, mode, validity and epoch before use). */
  succ0: TBlock | null = null;
  succ1: TBlock | null = null;
  /**
   * The address-space epoch (TranslationCache.epoch) in which the block's linear pages were last
   * found mapped to its physical bytes, with the right to fetch them; -epoch when they were found
   * not to be in that epoch (see TranslationCache.lookup).
   */
  epoch = 0;
  /**
   * Frame address of the block's second linear page (the page after its first, which its bytes
   * reach when an instruction crosses the boundary), or -1 (-2: unknown, never matches); set by
   * TranslationCache.insert. The first page's frame is physStart[0]'s: followed jumps stay on it.
   */
  nextFrame = -1;

  constructor(start: number, mode: number) {
    this.start = start;
    this.mode = mode;
  }
}

/** Adds to `perClass` the instructions a block retired, by class (see exits). */
export function foldClassCounts(b: TBlock, perClass: Float64Array): void {
  const n = b.insns.length;
  for (let k = 1; k <= n; k++) {
    const c = b.exits[k]!;
    if (c === 0) continue;
    for (let j = 0; j < k; j++) perClass[b.insns[j]!.cls]! += c;
  }
  for (let j = 0; j < b.skips.length; j++) {
    const c = b.skips[j]!;
    if (c === 0) continue;
    const t = b.skipTo[j]!;
    if (t > j) for (let x = j + 1; x < t; x++) perClass[b.insns[x]!.cls]! -= c;
    else for (let x = t; x <= j; x++) perClass[b.insns[x]!.cls]! += c;
  }
}
