/**
 * The translator engine: the same Engine contract as @strata/isa's Interpreter, on the same Cpu.
 * Blocks are decoded once (isa's Decoder and bindInsn), interpreted while cold, translated to
 * JavaScript once they have run `hotThreshold` times (adaptive translation), and chained to their
 * successors. The interpreter of the machine stays beside it for what a translation never does
 * itself: delivering a fault (the faulting instruction is re-run on the interpreter from the
 * exact state the block left, so exception delivery, counters and CR2 are the interpreter's own)
 * and executing instructions of interposed classes (the host handler path).
 *
 * Budgets are exact: a block longer than the remaining budget runs its prefix interpreted, so
 * run(N) stops after exactly N retired instructions (a fault attempt counts as one), like the
 * interpreter; interrupts and host stops are honoured at block boundaries and after every
 * instruction that can raise them.
 */
import {
  CLASS_NAMES,
  type ClassName,
  CR0_PE,
  CS,
  type Cpu,
  DecodedInsn,
  DecodeFault,
  Decoder,
  FAULT,
  type Engine,
  type ExecFn,
  type HostHandler,
  type Insn,
  Interpreter,
  PAGE_SHIFT,
  PAGE_SIZE,
  S_CR0,
  S_CR2,
  S_EFLAGS,
  S_EIP,
  S_HALTED,
  S_INHIBIT,
  S_SEG_ATTR,
  S_SEG_BASE,
  type StopReason,
  bindInsn,
  eventPending,
  OPCODES,
} from "@strata/isa";
import { foldClassCounts, MAX_BLOCK_INSNS, TBlock } from "../cache/block";
import { DEFAULT_MAX_BLOCKS, TranslationCache } from "../cache/translation-cache";
import type { Callout, CalloutMap } from "../monitor/callout";
import { type ChainHost, compileRegion, MAX_REGION_BLOCKS, MAX_REGION_INSNS } from "../translate/codegen";
import { STOP_BRANCH, STOP_BREAKPOINT, STOP_EXCEPTION, STOP_HALT, STOP_HOST, STOP_NONE, STOP_RESYNC, STOP_SHUTDOWN } from "./stop";

const PAGE_MASK = PAGE_SIZE - 1;
/**
 * A JMP rel the block follows (its target's code comes next in the block): retires without
 * effect; EIP is the block's to set (the translation inlines it as nothing, see codegen).
 */
const jmpFollowed: ExecFn = function jmpFollowed() {
  return undefined;
};
/** Block dispatches per call of the run loop's slice(). */
const SLICE_BLOCKS = 4096;
/** Largest budget one slice() handles (a V8 small integer). */
const MAX_CHUNK = 0x3fffffff;
/** EFLAGS.TF (SDM Vol. 1 §3.4.3). */
const TF_BIT = 0x100;

/**
 * Executions of a block before it is translated. Measured on the workloads (bench/run.ts,
 * README): translation costs about as much as interpreting a block a few hundred times; below
 * ~8 executions many one-shot startup blocks get translated for nothing, above ~64 the share of
 * interpreted instructions of short runs grows. 16 sits in the flat part of the curve.
 */
export const DEFAULT_HOT_THRESHOLD = 16;

/** Blocks per translation by default (see DbtOptions.regionBlocks). */
export const DEFAULT_REGION_BLOCKS = 1;

export interface DbtOptions {
  /**
   * The interpreter of the same Cpu (a machine's `engine`), used for faults and interposed
   * instructions; a new one is made when absent.
   */
  readonly interpreter?: Interpreter;
  /** Executions before a block is translated (0 or 1: translate at first execution). */
  readonly hotThreshold?: number;
  /** Translation-cache bound in blocks (oldest evicted first). */
  readonly maxBlocks?: number;
  /**
   * Most blocks compiled into one translation (a region: the loops through a hot block, see
   * regionOf). 1 (the default) translates blocks alone, a block that branches to its own start
   * still looping inside its function; the benchmark measures larger regions slower under V8
   * today (README "Benchmark").
   */
  readonly regionBlocks?: number;
  /**
   * Loops whose head is inside a block (not its start) run as loops inside the translation
   * (translate/codegen.ts controlSpans). Exact and tested, but off by default: measured, V8 then
   * runs such a function's long loops through OSR entries and deoptimizations that cost more
   * than the dispatches they save on these workloads (README "Benchmark",
   * `RESULT dbt.inner_loops_ms.*`).
   */
  readonly innerLoops?: boolean;
  /** Monitor callouts per instruction class (see monitor/callout.ts). */
  readonly callouts?: CalloutMap;
}

export class DbtEngine implements Engine, ChainHost {
  readonly cpu: Cpu;
  readonly interpreter: Interpreter;
  readonly cache: TranslationCache;
  readonly hotThreshold: number;
  readonly regionBlocks: number;
  readonly innerLoops: boolean;
  private readonly decoder = new Decoder();
  private readonly decoded = new DecodedInsn();
  private readonly breakpoints = new Set<number>();
  private callouts: CalloutMap;
  current: TBlock | null = null;
  fk = 0;
  /** Run-loop state across slices (see slice()). */
  private prev: TBlock | null = null;
  private first = true;
  private result: StopReason | null = null;
  /** Member blocks of the translation running now (a write to one of them stops it). */
  private runningMembers: TBlock[] | null = null;
  private fetchBase = 0;
  /** The interpreter's decoded-cache misses at its last flush (see the flush handling in slice()). */
  private icacheMissesAtFlush = -1;
  private fetchFailed = false;
  // --- tc.* counters ---
  private blocksCompiled = 0;
  private blockExecs = 0;
  private insnFromCache = 0;
  private insnInterpreted = 0;
  private insnDelegated = 0;
  private chainHits = 0;
  private calloutCount = 0;
  private sourceBytesTotal = 0;
  private regionMembers = 0;
  private codeReused = 0;

  constructor(cpu: Cpu, options: DbtOptions = {}) {
    this.cpu = cpu;
    if (options.interpreter !== undefined && options.interpreter.cpu !== cpu) {
      throw new Error("DbtEngine: the interpreter given in options drives a different Cpu");
    }
    this.interpreter = options.interpreter ?? new Interpreter(cpu);
    const hot = options.hotThreshold ?? DEFAULT_HOT_THRESHOLD;
    if (!Number.isInteger(hot) || hot < 0) throw new RangeError(`hotThreshold must be a non-negative integer, got ${hot}`);
    this.hotThreshold = hot;
    const rb = options.regionBlocks ?? DEFAULT_REGION_BLOCKS;
    if (!Number.isInteger(rb) || rb < 1 || rb > MAX_REGION_BLOCKS) {
      throw new RangeError(`regionBlocks must be an integer from 1 to ${MAX_REGION_BLOCKS}, got ${rb}`);
    }
    this.regionBlocks = rb;
    this.innerLoops = options.innerLoops ?? false;
    this.cache = new TranslationCache(cpu.mmu, options.maxBlocks ?? DEFAULT_MAX_BLOCKS, cpu.s);
    this.cache.onInvalidate = (b) => {
      if (this.cpu.stop !== STOP_NONE) return;
      const running = this.runningMembers;
      if (b === this.current || (running !== null && running.includes(b))) this.cpu.stop = STOP_RESYNC;
    };
    this.callouts = { ...(options.callouts ?? {}) };
  }

  setHostHandler(handler: HostHandler | null): void {
    this.cpu.hostHandler = handler;
  }

  interposeVector(vector: number, toHost: boolean): void {
    this.cpu.interposedVectors[vector & 0xff] = toHost ? 1 : 0;
  }

  interposeClass(cls: ClassName, toHost: boolean): void {
    this.interpreter.interposeClass(cls, toHost);
    this.invalidateCode();
  }

  /** Registers (or, with null, removes) the monitor callout of an instruction class. */
  setCallout(cls: ClassName, callout: Callout | null): void {
    if (callout === null) delete this.callouts[cls];
    else this.callouts[cls] = callout;
    this.invalidateCode();
  }

  addBreakpoint(linear: number): void {
    this.breakpoints.add(linear | 0);
    this.interpreter.addBreakpoint(linear);
    this.invalidateCode();
  }

  removeBreakpoint(linear: number): void {
    this.breakpoints.delete(linear | 0);
    this.interpreter.removeBreakpoint(linear);
    this.invalidateCode();
  }

  invalidateCode(): void {
    this.cpu.flushDecoded = true;
  }

  run(budget: number): StopReason {
    const cpu = this.cpu;
    const s = cpu.s;
    let remaining = Math.max(0, Math.floor(budget));
    if (!Number.isFinite(remaining)) remaining = Number.MAX_SAFE_INTEGER;
    cpu.stop = STOP_NONE;
    // HLT: stay halted until an event is deliverable (the interpreter's rule; the caller
    // advances device time between runs).
    if (s[S_HALTED] !== 0 && (cpu.interruptController !== null || cpu.nmiPending) && !eventPending(cpu)) return "halt";
    this.prev = null;
    this.first = true;
    while (remaining > 0) {
      // Budgets beyond a small integer run in chunks: the loop's arithmetic and the budget passed
      // to translations stay in V8's small-integer range (no boxed doubles per block).
      const chunk = remaining > MAX_CHUNK ? MAX_CHUNK : remaining;
      remaining -= chunk - this.slice(chunk);
      const r = this.result;
      if (r !== null) {
        this.result = null;
        return r;
      }
    }
    return "budget";
  }

  /** Ends a slice with a StopReason for run() to return. */
  private stopWith(r: StopReason, remaining: number): number {
    this.result = r;
    return remaining;
  }

  /**
   * Up to SLICE_BLOCKS block dispatches of the run loop; returns the remaining budget (run() then
   * returns `result` if one was set). The loop lives in a method that returns often so that V8
   * optimizes it again after a deoptimization (a run loop entered once and deoptimized by a path
   * first taken late stays in the bytecode interpreter otherwise: measured 2x slower dispatch).
   */
  private slice(remainingIn: number): number {
    const cpu = this.cpu;
    const s = cpu.s;
    const cache = this.cache;
    const bps = this.breakpoints;
    const threshold = this.hotThreshold;
    let remaining = remainingIn;
    let prev = this.prev;
    let first = this.first;
    let epoch = cache.epoch;
    for (let iter = 0; iter < SLICE_BLOCKS && remaining > 0; iter++) {
      if (cpu.flushDecoded || cpu.mappingChanged) {
        // The interpreter's decoded code (keyed by linear address) goes on either flag; it is
        // flushed here because this loop consumes them.
        const icache = this.interpreter.cache;
        if (cpu.flushDecoded) {
          // How code decodes changed, or its bytes changed past the write-watch: drop everything.
          cpu.flushDecoded = false;
          cpu.mappingChanged = false;
          cache.flush();
          prev = null;
          icache.flush();
          this.icacheMissesAtFlush = icache.misses;
        } else {
          // Only where code is mapped (or the right to fetch it) changed: blocks stay and are
          // checked against the new mapping when next reached (TranslationCache.lookup). A
          // translation never runs past an instruction that raises the flag: those (MOV CRn,
          // INVLPG, far transfers, IRET) end their block and have no static successor.
          cpu.mappingChanged = false;
          epoch = cache.newEpoch();
          // The interpreter decodes only what this engine hands it (faults, events, interposed
          // instructions); each decoded block follows a miss, so with no miss since the last
          // flush its cache is empty (a flush costs a scan of its 16 K slots).
          if (icache.misses !== this.icacheMissesAtFlush) {
            icache.flush();
            this.icacheMissesAtFlush = icache.misses;
          }
        }
      }
      // Events between instructions (SDM Vol. 3 §6.9): the interrupt shadow, NMI, INTR. The
      // interpreter delivers them (and runs the one shadowed instruction), as its run loop would.
      if (s[S_INHIBIT] !== 0 || cpu.interruptController !== null || cpu.nmiPending) {
        if (s[S_INHIBIT] !== 0 && !eventPending(cpu)) s[S_INHIBIT] = 0;
        else if (s[S_INHIBIT] !== 0 || eventPending(cpu)) {
          const r = this.delegateOne();
          remaining--;
          prev = null;
          if (r !== null) return this.stopWith(r, remaining);
          continue;
        }
      }
      const csBase = s[S_SEG_BASE + CS]!;
      const lin = (s[S_EIP]! + csBase) | 0;
      const mode = (s[S_CR0]! & CR0_PE) !== 0 && (s[S_SEG_ATTR + CS]! & 0x4000) !== 0 ? 32 : 16;
      if (bps.size !== 0 && !first && bps.has(lin)) return this.stopWith("breakpoint", remaining);
      first = false;
      let b: TBlock | null = null;
      if (prev !== null) {
        const c0: TBlock | null = prev.succ0;
        if (c0 !== null && c0.start === lin && c0.mode === mode && c0.valid && c0.epoch === epoch) b = c0;
        else {
          const c1: TBlock | null = prev.succ1;
          if (c1 !== null && c1.start === lin && c1.mode === mode && c1.valid && c1.epoch === epoch) b = c1;
        }
        if (b !== null) this.chainHits++;
      }
      if (b === null) {
        b = cache.lookup(lin, mode);
        if (b === null) b = this.build(lin, csBase, mode);
        if (prev !== null && b !== null) {
          if (prev.succ0 === null || !prev.succ0.valid) prev.succ0 = b;
          else prev.succ1 = b;
        }
      }
      if (b === null || b.delegate) {
        // The first byte cannot be fetched (#PF), or the instruction goes to the host handler:
        // one instruction on the interpreter, which owns exception and event delivery.
        const r = this.delegateOne();
        remaining--;
        prev = null;
        if (r !== null) return this.stopWith(r, remaining);
        continue;
      }
      if ((s[S_EFLAGS]! & TF_BIT) !== 0) {
        // Single-step (EFLAGS.TF): one instruction and its #DB trap, on the interpreter.
        const r = this.delegateOne();
        remaining--;
        prev = null;
        if (r !== null) return this.stopWith(r, remaining);
        continue;
      }
      let insns = b.insns;
      let len = insns.length;
      let k: number;
      let n = len;
      if (len > remaining) {
        // Budget exactness: only the prefix that fits runs, interpreted.
        n = remaining;
        s[S_EIP] = insns[n]!.eip;
        this.current = b;
        k = this.interpret(insns, n);
        this.insnInterpreted += k < 0 ? -k - 1 : k;
      } else {
        s[S_EIP] = b.end;
        this.current = b;
        let fn = b.fn;
        if (fn === null && ++b.heat >= threshold) fn = this.translate(b, csBase);
        if (fn !== null) {
          const before = cpu.retired;
          this.runningMembers = b.members;
          try {
            k = fn(cpu, remaining);
          } catch (e) {
            // A slow path or handler faulted: the translation wrote the state before the
            // instruction back and named it (current, fk; translate/codegen.ts mayFault).
            if (e !== FAULT) throw e;
            k = -(this.fk + 1);
          }
          this.runningMembers = null;
          const looped = cpu.retired - before;
          remaining -= looped;
          this.blockExecs++;
          this.insnFromCache += looped + (k < 0 ? -k - 1 : k);
          // Other members of the region ran after b: the result is the last one's.
          const last: TBlock | null = this.current;
          if (last !== null && last !== b) {
            b = last;
            insns = b.insns;
            len = insns.length;
            n = len;
          }
        } else {
          k = this.interpret(insns, n);
          this.insnInterpreted += k < 0 ? -k - 1 : k;
        }
      }
      this.current = null;
      if (k < 0) {
        k = -k - 1;
        b.exits[k]!++;
        cpu.retired += k;
        remaining -= k + 1;
        s[S_EIP] = insns[k]!.eip;
        cpu.stop = STOP_NONE;
        prev = null;
        const r = this.delegateOne();
        if (r !== null) return this.stopWith(r, remaining);
        continue;
      }
      b.exits[k]!++;
      cpu.retired += k;
      remaining -= k;
      prev = b;
      if (cpu.stop !== STOP_NONE) {
        if (cpu.stop === STOP_BRANCH) {
          cpu.stop = STOP_NONE;
          continue;
        }
        if (k < len && k < n) s[S_EIP] = insns[k]!.eip;
        prev = null;
        const r = this.stopReason();
        if (r !== null) return this.stopWith(r, remaining);
      }
    }
    this.prev = prev;
    this.first = first;
    return remaining;
  }

  /** The interpreted form of a block: the interpreter's inner loop over the same Insns. */
  private interpret(insns: readonly Insn[], n: number): number {
    const cpu = this.cpu;
    let k = 0;
    try {
      while (k < n) {
        const i = insns[k]!;
        i.exec(cpu, i);
        k++;
        if (cpu.stop !== STOP_NONE) break;
      }
    } catch (e) {
      if (e !== FAULT) throw e;
      return -(k + 1);
    }
    return k;
  }

  /**
   * Runs the instruction at EIP on the interpreter (budget 1): re-executes a faulting instruction
   * from the state it faulted in, so the interpreter delivers the fault; or hands an interposed
   * instruction to the host. Returns the StopReason to return, or null to keep running.
   */
  private delegateOne(): StopReason | null {
    this.insnDelegated++;
    const r = this.interpreter.run(1);
    this.cpu.stop = STOP_NONE;
    return r === "budget" ? null : r;
  }

  /**
   * The region of a hot block: the block and the cached blocks on the loops through it — blocks
   * reached from it along branch edges that were taken while it was cold (static targets of Jcc,
   * JMP rel, CALL rel and fall-throughs, with a non-zero exit count) and from which it is reached
   * again (breadth first, bounded by MAX_REGION_BLOCKS/INSNS). Code off the loops stays in its own
   * translations: measured, every extra member costs V8 compile time and deoptimizations on paths
   * that were never run, and pays back only for code that runs again in the same call. With
   * breakpoints set the region is the block alone (the engine checks breakpoints per block).
   */
  private regionOf(b: TBlock, csBase: number): TBlock[] {
    if (this.breakpoints.size !== 0) return [b];
    const cand = [b];
    const succ: number[][] = [];
    let insns = b.insns.length;
    const maxBlocks = this.regionBlocks;
    const maxInsns = MAX_REGION_INSNS;
    for (let x = 0; x < cand.length; x++) {
      const m = cand[x]!;
      const n = m.insns.length;
      const targets: number[] = [];
      m.insns.forEach((i, j) => {
        const name = i.exec.name;
        if (name === "callout" || m.exits[j + 1] === 0) return;
        if (name === "jmpRel" || name === "callRel32" || OPCODES[i.entry]?.sem === "jcc") targets.push(i.v0 | 0);
      });
      if (n > 0 && !m.insns[n - 1]!.endsBlock && m.exits[n] !== 0) targets.push(m.end);
      const edges: number[] = [];
      for (const t of targets) {
        const c = this.cache.peek((t + csBase) | 0, b.mode);
        if (c === null || c.delegate || !c.valid) continue;
        let idx = cand.indexOf(c);
        if (idx < 0) {
          if (cand.length >= maxBlocks || insns + c.insns.length > maxInsns) continue;
          idx = cand.length;
          cand.push(c);
          insns += c.insns.length;
        }
        edges.push(idx);
      }
      succ.push(edges);
    }
    // Keep the candidates from which the head is reached again (the loops through it).
    const back = new Array<boolean>(cand.length).fill(false);
    back[0] = true;
    for (let changed = true; changed; ) {
      changed = false;
      for (let x = 1; x < cand.length; x++) {
        if (!back[x] && succ[x]!.some((y) => back[y])) {
          back[x] = true;
          changed = true;
        }
      }
    }
    return cand.filter((_, x) => back[x]);
  }

  private translate(b: TBlock, csBase: number): TBlock["fn"] {
    const members = this.regionOf(b, csBase);
    const { fn, bytes, reused } = compileRegion(members, csBase, this.cpu.mmu, this, this.breakpoints.size === 0, this.innerLoops);
    b.fn = fn;
    b.members = members;
    this.regionMembers += members.length;
    for (const m of members) if (m !== b && !m.usedBy.includes(b)) m.usedBy.push(b);
    b.sourceBytes = bytes;
    this.cache.addSource(bytes);
    this.sourceBytesTotal += bytes;
    this.blocksCompiled++;
    if (reused) this.codeReused++;
    return fn;
  }

  /** Maps cpu.stop to a StopReason (null: keep running) and clears it. */
  private stopReason(): StopReason | null {
    const stop = this.cpu.stop;
    this.cpu.stop = STOP_NONE;
    switch (stop) {
      case STOP_HALT:
        return "halt";
      case STOP_HOST:
        return "exit";
      case STOP_EXCEPTION:
        return "exception";
      case STOP_SHUTDOWN:
        return "shutdown";
      case STOP_BREAKPOINT:
        return "breakpoint";
      default:
        return null;
    }
  }

  private readonly fetch = (offset: number): number => {
    if (this.fetchFailed) return -1;
    const a = (this.fetchBase + offset) | 0;
    const mmu = this.cpu.mmu;
    const s = this.cpu.s;
    const cr2 = s[S_CR2]!; // a failed fetch while decoding ahead must not leave CR2 changed
    try {
      return mmu.fetch8(a);
    } catch (e) {
      if (e !== FAULT) throw e;
      s[S_CR2] = cr2;
      this.fetchFailed = true;
      return -1;
    }
  };

  /**
   * Block discovery: decodes from `lin` until an instruction that ends a block (the interpreter's
   * rule: control transfer, INT, HLT, state the decoder depends on), an instruction of an
   * interposed or called-out class, a page boundary, a breakpoint or MAX_BLOCK_INSNS. Returns
   * null when the first byte cannot be fetched (the interpreter then raises the #PF).
   */
  private build(lin: number, csBase: number, mode: number): TBlock | null {
    const cpu = this.cpu;
    const mmu = cpu.mmu;
    const b = new TBlock(lin, mode);
    let a = lin;
    let eip = (lin - csBase) | 0;
    const d = this.decoded;
    for (let k = 0; k < MAX_BLOCK_INSNS; k++) {
      if (k > 0 && this.breakpoints.has(a)) break;
      // A block never starts a new page after its first instruction (QEMU's rule): one page's
      // translations stay independent of the next page's mapping.
      if (k > 0 && (a & PAGE_MASK) === 0) break;
      this.fetchBase = a;
      this.fetchFailed = false;
      this.decoder.decodeFetch(d, this.fetch, mode as 16 | 32);
      if (d.fault === DecodeFault.Fetch) {
        if (k > 0) break;
        return null;
      }
      const i: Insn = bindInsn(d, eip);
      if (cpu.interposedClasses[i.cls] !== 0) {
        // Interposed: the host handler sees it through the interpreter, alone in its block.
        if (k > 0) break;
        b.delegate = true;
      } else {
        const callout = this.callouts[CLASS_NAMES[i.cls] ?? "plain"];
        if (callout !== undefined) {
          if (k > 0) break;
          i.exec = this.calloutExec(callout);
          i.endsBlock = true;
        }
      }
      i.blockIndex = k;
      this.addRange(b, mmu.physicalForRead(a), Math.min(i.len, PAGE_SIZE - (a & PAGE_MASK)));
      const tail = (a & PAGE_MASK) + i.len - PAGE_SIZE;
      if (tail > 0) this.addRange(b, mmu.physicalForRead((a + i.len - tail) | 0), tail);
      b.insns.push(i);
      a = (a + i.len) | 0;
      eip = (eip + i.len) | 0;
      if (i.exec.name === "jmpRel" && k + 1 < MAX_BLOCK_INSNS) {
        // An unconditional direct jump within the first page to code not yet in the block: the
        // block goes on at its target (a superblock; the jump retires as a no-op that leaves EIP
        // to the instructions after it), saving a dispatch per pass.
        const target = i.v0 | 0;
        const ta = (target + csBase) | 0;
        if (ta >>> PAGE_SHIFT === lin >>> PAGE_SHIFT && !b.insns.some((x) => (x.eip | 0) === target)) {
          i.exec = jmpFollowed;
          i.endsBlock = false;
          a = ta;
          eip = target;
          continue;
        }
      }
      if (i.endsBlock || b.delegate) break;
    }
    b.end = eip;
    b.exits = new Int32Array(b.insns.length + 1);
    b.skips = new Int32Array(b.insns.length);
    b.skipTo = new Int32Array(b.insns.length);
    this.cache.insert(b);
    return b;
  }

  private calloutExec(callout: Callout): ExecFn {
    // Named "callout": the translator never inlines an instruction bound to it.
    const exec: ExecFn = function callout(cpu, i) {
      const s = cpu.s;
      s[S_EIP] = i.eip;
      calloutCount();
      const action = host(cpu, i);
      if (action !== "jump") s[S_EIP] = i.next;
      // The block ends here: EIP is final, so resume through the cache (STOP_BRANCH).
      cpu.stop = action === "stop" ? STOP_HOST : STOP_BRANCH;
    };
    const host = callout;
    const calloutCount = (): void => {
      this.calloutCount++;
    };
    return exec;
  }

  private addRange(b: TBlock, phys: number, length: number): void {
    const n = b.physStart.length;
    if (n > 0) {
      const last = n - 1;
      const end = b.physStart[last]! + b.physLen[last]!;
      if (end === phys && phys >>> PAGE_SHIFT === b.physStart[last]! >>> PAGE_SHIFT) {
        b.physLen[last] = b.physLen[last]! + length;
        return;
      }
    }
    b.physStart.push(phys);
    b.physLen.push(length);
  }

  /**
   * The interpreter's counters (insn.retired, insn.class.*, exc.*, int.*, tlb.*: identical to an
   * interpreter-only run) with the class counts of translated and cold blocks added, plus tc.*.
   */
  counters(): Record<string, number> {
    const out = this.interpreter.counters();
    const perClass = Float64Array.from(this.cache.classRetired);
    for (const b of this.cache.blocks()) if (b.valid) foldClassCounts(b, perClass);
    CLASS_NAMES.forEach((name, c) => {
      out[`insn.class.${name}`] = (out[`insn.class.${name}`] ?? 0) + perClass[c]!;
    });
    out["tc.blocks_compiled"] = this.blocksCompiled;
    out["tc.block_execs"] = this.blockExecs;
    out["tc.insn_from_cache"] = this.insnFromCache;
    out["tc.insn_interpreted"] = this.insnInterpreted + this.insnDelegated;
    out["tc.insn_per_entry"] = this.blockExecs === 0 ? 0 : this.insnFromCache / this.blockExecs;
    out["tc.chain_hits"] = this.chainHits;
    out["tc.region_members"] = this.regionMembers;
    out["tc.code_reused"] = this.codeReused;
    out["tc.callouts"] = this.calloutCount;
    out["tc.blocks_live"] = this.cache.live;
    out["tc.host_bytes"] = this.cache.liveSourceBytes;
    out["tc.host_bytes_total"] = this.sourceBytesTotal;
    out["tc.flushes"] = this.cache.flushes;
    out["tc.revalidations"] = this.cache.revalidations;
    for (const [cause, n] of Object.entries(this.cache.invalidations)) out[`tc.invalidations.${cause}`] = n;
    return out;
  }
}
