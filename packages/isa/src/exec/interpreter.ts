/**
 * The interpreter engine: a run loop over decoded blocks (exec/block.ts, exec/icache.ts). Per
 * instruction it does one indirect call through the Insn's handler and one check of cpu.stop;
 * everything else (cache lookup, budget, retired and class counts) is per block. Faults thrown by
 * handlers are caught here, EIP is set to the faulting instruction, and the event is delivered
 * (cpu/interrupts.ts). Same inputs give the same counts: nothing depends on host time.
 */
import {
  type Cpu,
  type HostHandler,
  STOP_BRANCH,
  STOP_BREAKPOINT,
  STOP_EVENT,
  STOP_EXCEPTION,
  STOP_HALT,
  STOP_HOST,
  STOP_NONE,
  STOP_SHUTDOWN,
} from "../cpu/cpu";
import {
  DEBUG_ACTIVE_INSN,
  discardPendingDataBreakpoint,
  instructionBreakpoint,
  noteSingleStep,
  takePendingDataBreakpoint,
} from "../cpu/debug-registers";
import { FAULT, VEC_DB, VEC_PF, vectorName } from "../cpu/exceptions";
import { acceptPendingEvent, deliverException, eventPending, interposedInstruction } from "../cpu/interrupts";
import { CR0_PE, CS, S_CR0, S_CR2, S_DEBUG_ACTIVE, S_EFLAGS, S_EIP, S_HALTED, S_INHIBIT, S_SEG_ATTR, S_SEG_BASE } from "../cpu/state";
import { TF } from "../table/flags";
import { Decoder } from "../decode/decoder";
import { DecodedInsn, DecodeFault } from "../decode/insn";
import type { Engine, StopReason } from "../engine";
import { PAGE_MASK, PAGE_SHIFT } from "../memory/physical";
import { bindInsn } from "./bind";
import { Block, foldClassCounts, MAX_BLOCK_INSNS } from "./block";
import { DecodedCache } from "./icache";
import { ChainState, runInsns } from "./dispatch";
import { fusePair } from "./fuse";
import { CLASS_NAMES, type ClassName, type ExecFn, type Insn } from "./insn";

/** What pollEvents did: nothing, delivered an event, or ran the one instruction of a shadow. */
const EVENT_NONE = 0;
const EVENT_DELIVERED = 1;
const EVENT_STEP = 2;

/** The run loop resumes at EIP after a self-modifying write hit the block being executed. */
const STOP_RESYNC = 16;

/** Handler of an instruction whose class is interposed: hand it to the host, unexecuted. */
const execInterposed: ExecFn = (cpu, i) => {
  cpu.s[S_EIP] = i.eip;
  interposedInstruction(cpu, CLASS_NAMES[i.cls] ?? "plain", i.entry);
  if (cpu.stop === STOP_NONE) cpu.stop = STOP_RESYNC;
};

export class Interpreter implements Engine {
  readonly cpu: Cpu;
  readonly cache: DecodedCache;
  private readonly decoder = new Decoder();
  private readonly decoded = new DecodedInsn();
  private readonly breakpoints = new Set<number>();
  /** The block executing (and where a chained run stopped): see exec/dispatch.ts. */
  private readonly chain = new ChainState();
  /** Folded execution counts of blocks that left the cache, per class. */
  private readonly classRetired = new Float64Array(8);
  private chainedHits = 0;
  private fetchBase = 0;
  /** Why the engine stopped in the instruction run under an interrupt shadow (pollEvents). */
  private stepStop: StopReason | null = null;
  private fetchCr2 = 0;
  private fetchFaultCode = 0;

  constructor(cpu: Cpu) {
    this.cpu = cpu;
    this.cache = new DecodedCache(cpu.mmu);
    this.chain.cache = this.cache;
    this.cache.onRetire = (b) => {
      foldClassCounts(b, this.classRetired);
      b.exits.fill(0);
      if (b === this.chain.block) this.cpu.stop = this.cpu.stop === STOP_NONE ? STOP_RESYNC : this.cpu.stop;
    };
  }

  setHostHandler(handler: HostHandler | null): void {
    this.cpu.hostHandler = handler;
  }

  interposeVector(vector: number, toHost: boolean): void {
    this.cpu.interposedVectors[vector & 0xff] = toHost ? 1 : 0;
  }

  interposeClass(cls: ClassName, toHost: boolean): void {
    this.cpu.interposedClasses[CLASS_NAMES.indexOf(cls)] = toHost ? 1 : 0;
    this.invalidateCode();
  }

  addBreakpoint(linear: number): void {
    this.breakpoints.add(linear | 0);
    this.invalidateCode();
  }

  removeBreakpoint(linear: number): void {
    this.breakpoints.delete(linear | 0);
    this.invalidateCode();
  }

  invalidateCode(): void {
    this.cpu.flushDecoded = true;
  }

  run(budget: number): StopReason {
    const cpu = this.cpu;
    const s = cpu.s;
    const cache = this.cache;
    const bps = this.breakpoints;
    let checkBps = bps.size !== 0;
    let chained = 0;
    let remaining = Math.max(0, Math.floor(budget));
    let prev: Block | null = null;
    let first = true;
    const chain = this.chain;
    cpu.stop = STOP_NONE;
    if (s[S_HALTED] !== 0 && this.canWake()) {
      // HLT: stay halted until an event is deliverable; the caller advances device time.
      if (!this.eventPending()) return "halt";
    }
    while (remaining > 0) {
      if (cpu.flushDecoded || cpu.mappingChanged) {
        // Blocks are keyed by linear address: a new mapping of code drops them as well.
        cpu.flushDecoded = false;
        cpu.mappingChanged = false;
        cache.flush();
        prev = null;
        checkBps = bps.size !== 0;
      }
      // Events between instructions (SDM Vol. 3 §6.9): the interrupt shadow, NMI, INTR.
      if (s[S_INHIBIT] !== 0 || cpu.interruptController !== null || cpu.nmiPending) {
        const e = this.pollEvents();
        if (e !== EVENT_NONE) {
          prev = null;
          if (e === EVENT_STEP) {
            remaining--;
            const r = this.stepStop;
            this.stepStop = null;
            if (r !== null && !(r === "halt" && this.eventPending())) {
              this.chainedHits += chained;
              return r;
            }
          }
          if (cpu.stop !== STOP_NONE) {
            const r = this.stopReason();
            if (r !== null) {
              this.chainedHits += chained;
              return r;
            }
          }
          continue;
        }
      }
      const csBase = s[S_SEG_BASE + CS]!;
      const lin = (s[S_EIP]! + csBase) | 0;
      if (checkBps && !first && bps.has(lin)) {
        this.chainedHits += chained;
        return "breakpoint";
      }
      first = false;
      let b: Block | null = null;
      if (prev !== null) {
        const c0: Block | null = prev.succ0;
        if (c0 !== null && c0.start === lin && c0.valid) b = c0;
        else {
          const c1: Block | null = prev.succ1;
          if (c1 !== null && c1.start === lin && c1.valid) b = c1;
        }
        if (b !== null) chained++;
      }
      if (b === null) {
        b = cache.lookup(lin);
        if (b === null) {
          b = this.build(lin, csBase);
          if (b === null) {
            // The first instruction could not be fetched: #PF delivered (or engine stopped).
            remaining--;
            if (cpu.stop !== STOP_NONE) {
              const r = this.stopReason();
              if (r !== null) {
                this.chainedHits += chained;
                return r;
              }
            }
            continue;
          }
        }
        if (prev !== null) {
          if (prev.succ0 === null || !prev.succ0.valid) prev.succ0 = b;
          else prev.succ1 = b;
        }
      }
      const insns = b.insns;
      const len = insns.length;
      if ((s[S_EFLAGS]! & TF) !== 0 || s[S_DEBUG_ACTIVE] !== 0) {
        // Single-step (EFLAGS.TF at the start of an instruction): run one instruction, then a
        // #DB trap with EIP after it (SDM Vol. 3 §17.3.1.4). Armed debug-register breakpoints
        // (S_DEBUG_ACTIVE, cpu/debug-registers.ts) also go one instruction at a time.
        const r = this.singleStep(b);
        remaining--;
        prev = null;
        if (r !== null) {
          this.chainedHits += chained;
          return r;
        }
        continue;
      }
      let n = len;
      if (n > remaining) {
        n = remaining;
        s[S_EIP] = insns[n]!.eip;
      } else s[S_EIP] = b.end;
      // Whole blocks chained inside runInsns (exec/dispatch.ts) are already in cpu.retired and
      // their exit counts; `b` becomes the block that returned.
      let k = runInsns(cpu, b, n, checkBps ? 0 : remaining, chain);
      if (chain.retired !== 0) {
        remaining -= chain.retired;
        chained += chain.linked;
        n = chain.block!.insns.length;
      }
      b = chain.block!;
      chain.block = null;
      if (k < 0) {
        k = -k - 1;
        b.exits[k]!++;
        if (!b.valid) this.foldDropped(b);
        cpu.retired += k;
        remaining -= k + 1;
        s[S_EIP] = b.insns[k]!.eip;
        cpu.stop = STOP_NONE;
        deliverException(cpu, FAULT.vector, FAULT.errorCode);
        prev = null;
        if (cpu.stop !== STOP_NONE) {
          const r = this.stopReason();
          if (r !== null) {
            this.chainedHits += chained;
            return r;
          }
        }
        continue;
      }
      b.exits[k]!++;
      if (!b.valid) this.foldDropped(b);
      cpu.retired += k;
      remaining -= k;
      prev = b;
      if (cpu.stop !== STOP_NONE) {
        if (cpu.stop === STOP_BRANCH) {
          // A taken conditional branch left the block early; EIP is its target.
          cpu.stop = STOP_NONE;
          continue;
        }
        if (k < b.insns.length && k < n) s[S_EIP] = b.insns[k]!.eip;
        prev = null;
        if (cpu.stop === STOP_HALT && this.canWake() && this.eventPending()) {
          // HLT with an interrupt already deliverable: the loop delivers it and goes on.
          cpu.stop = STOP_NONE;
          continue;
        }
        const r = this.stopReason();
        if (r !== null) {
          this.chainedHits += chained;
          return r;
        }
      }
    }
    this.chainedHits += chained;
    return "budget";
  }

  /** True when this machine has an event source that can end a HLT. */
  private canWake(): boolean {
    return this.cpu.interruptController !== null || this.cpu.nmiPending;
  }

  private eventPending(): boolean {
    return eventPending(this.cpu);
  }

  /**
   * Takes a pending event at an instruction boundary: NMI first, then a maskable interrupt
   * (SDM Vol. 3 §6.9 priorities), whose vector comes from the controller's INTA cycle. Inside
   * an interrupt shadow with an event waiting, runs the one shadowed instruction first.
   */
  private pollEvents(): number {
    const cpu = this.cpu;
    const s = cpu.s;
    if (s[S_INHIBIT] !== 0) {
      if (!this.eventPending()) {
        s[S_INHIBIT] = 0;
        return EVENT_NONE;
      }
      const b = this.blockAt((s[S_EIP]! + s[S_SEG_BASE + CS]!) | 0);
      s[S_INHIBIT] = 0;
      if (b === null) return EVENT_STEP;
      this.stepStop = this.singleStep(b, false);
      return EVENT_STEP;
    }
    return acceptPendingEvent(cpu) ? EVENT_DELIVERED : EVENT_NONE;
  }

  /** The decoded block at `lin` (built if needed), or null when its first byte faulted. */
  private blockAt(lin: number): Block | null {
    if (this.cpu.flushDecoded || this.cpu.mappingChanged) {
      this.cpu.flushDecoded = false;
      this.cpu.mappingChanged = false;
      this.cache.flush();
    }
    return this.cache.lookup(lin) ?? this.build(lin, this.cpu.s[S_SEG_BASE + CS]!);
  }

  /**
   * One instruction of `b`, then (under EFLAGS.TF, `trap`) the #DB trap; a StopReason if the
   * engine stops.
   */
  private singleStep(b: Block, trap = true): StopReason | null {
    const cpu = this.cpu;
    const s = cpu.s;
    const insns = b.insns;
    // TF as the instruction starts decides the trap (POPF clearing TF still traps once).
    const tf = trap && (s[S_EFLAGS]! & TF) !== 0;
    if ((s[S_DEBUG_ACTIVE]! & DEBUG_ACTIVE_INSN) !== 0 && instructionBreakpoint(cpu, (insns[0]!.eip + s[S_SEG_BASE + CS]!) | 0)) {
      // An execution breakpoint is a fault: #DB with EIP = the instruction, which has not run.
      s[S_EIP] = insns[0]!.eip;
      deliverException(cpu, VEC_DB, -1);
      return cpu.stop !== STOP_NONE ? this.stopReason() : null;
    }
    s[S_EIP] = insns.length > 1 ? insns[1]!.eip : b.end;
    // Accesses before this instruction (decoding fetches) are not its data accesses.
    discardPendingDataBreakpoint();
    this.chain.block = b;
    let k = runInsns(cpu, b, 1);
    this.chain.block = null;
    if (k < 0) {
      k = -k - 1;
      b.exits[k]!++;
      if (!b.valid) this.foldDropped(b);
      s[S_EIP] = insns[0]!.eip;
      cpu.stop = STOP_NONE;
      discardPendingDataBreakpoint();
      deliverException(cpu, FAULT.vector, FAULT.errorCode);
      return cpu.stop !== STOP_NONE ? this.stopReason() : null;
    }
    b.exits[k]!++;
    if (!b.valid) this.foldDropped(b);
    cpu.retired += k;
    const stop = cpu.stop;
    cpu.stop = STOP_NONE;
    if (stop !== STOP_NONE && stop !== STOP_BRANCH && stop !== STOP_RESYNC && stop !== STOP_EVENT) {
      cpu.stop = stop;
      return this.stopReason();
    }
    // Data and I/O breakpoints matched during the instruction and single-step are traps: one #DB
    // after it, DR6 reporting every condition (B0-B3, BS).
    const dataHit = takePendingDataBreakpoint(cpu);
    // MOV SS/POP SS (and STI, as in qemu) hold the single-step trap off with interrupts until the
    // next instruction has run (SDM Vol. 3 §6.8.3); that instruction's #DB covers both.
    const step = tf && s[S_INHIBIT] === 0;
    if (!step && !dataHit) return null;
    if (step) noteSingleStep(cpu);
    deliverException(cpu, VEC_DB, -1);
    return cpu.stop !== STOP_NONE ? this.stopReason() : null;
  }

  /** A block dropped while it ran (self-modifying code) has left the cache: fold its last exit now. */
  private foldDropped(b: Block): void {
    foldClassCounts(b, this.classRetired);
    b.exits.fill(0);
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
    const a = (this.fetchBase + offset) | 0;
    const s = this.cpu.s;
    const cr2 = s[S_CR2]!;
    try {
      return this.cpu.mmu.fetch8(a);
    } catch (e) {
      if (e !== FAULT) throw e;
      this.fetchCr2 = s[S_CR2]!;
      this.fetchFaultCode = FAULT.errorCode;
      s[S_CR2] = cr2;
      return -1;
    }
  };

  /** Decodes a block at linear address `lin`; null when its first byte cannot be fetched. */
  private build(lin: number, csBase: number): Block | null {
    const cpu = this.cpu;
    const s = cpu.s;
    const mmu = cpu.mmu;
    const bits: 16 | 32 = (s[S_CR0]! & CR0_PE) !== 0 && (s[S_SEG_ATTR + CS]! & 0x4000) !== 0 ? 32 : 16;
    const b = new Block(lin);
    let a = lin;
    let eip = (lin - csBase) | 0;
    const d = this.decoded;
    for (let k = 0; k < MAX_BLOCK_INSNS; k++) {
      if (k > 0 && this.breakpoints.has(a)) break;
      this.fetchBase = a;
      this.decoder.decodeFetch(d, this.fetch, bits);
      if (d.fault === DecodeFault.Fetch) {
        if (k > 0) break;
        s[S_EIP] = eip;
        s[S_CR2] = this.fetchCr2;
        deliverException(cpu, VEC_PF, this.fetchFaultCode);
        return null;
      }
      const i: Insn = bindInsn(d, eip);
      if (cpu.interposedClasses[i.cls] !== 0) {
        i.exec = execInterposed;
        i.op = 0;
        i.endsBlock = true;
      }
      i.blockIndex = k;
      // Record the physical bytes of the instruction (both pages if it straddles a boundary).
      this.addRange(b, mmu.physicalForRead(a), Math.min(i.len, PAGE_MASK + 1 - (a & PAGE_MASK)));
      const tail = (a & PAGE_MASK) + i.len - (PAGE_MASK + 1);
      if (tail > 0) this.addRange(b, mmu.physicalForRead((a + i.len - tail) | 0), tail);
      if (k > 0) fusePair(b.insns[k - 1]!, i);
      b.insns.push(i);
      a = (a + i.len) | 0;
      eip = (eip + i.len) | 0;
      if (i.endsBlock) break;
    }
    b.end = eip;
    b.exits = new Int32Array(b.insns.length + 1);
    this.cache.insert(b);
    return b;
  }

  private addRange(b: Block, phys: number, length: number): void {
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

  counters(): Record<string, number> {
    const cpu = this.cpu;
    const out: Record<string, number> = { "insn.retired": cpu.retired };
    const perClass = Float64Array.from(this.classRetired);
    for (const b of this.cache.slots) if (b !== null && b.valid) foldClassCounts(b, perClass);
    CLASS_NAMES.forEach((name, c) => {
      out[`insn.class.${name}`] = perClass[c]! - cpu.unretired[c]!;
    });
    for (let v = 0; v < 32; v++) if (cpu.excCounts[v]! > 0) out[`exc.${vectorName(v)}`] = cpu.excCounts[v]!;
    for (let v = 0; v < 256; v++) if (cpu.intCounts[v]! > 0) out[`int.0x${v.toString(16)}`] = cpu.intCounts[v]!;
    out["icache.hit"] = this.cache.hits + this.chainedHits;
    out["icache.miss"] = this.cache.misses;
    out["icache.invalidations"] = this.cache.invalidations;
    out["icache.flushes"] = this.cache.flushes;
    out["tlb.miss"] = cpu.mmu.tlb.misses;
    out["tlb.flush"] = cpu.mmu.tlb.flushes;
    if (cpu.mmu.tlb.hits >= 0) out["tlb.hit"] = cpu.mmu.tlb.hits;
    out["walk.mem_refs"] = cpu.mmu.walkMemRefs();
    return out;
  }
}

