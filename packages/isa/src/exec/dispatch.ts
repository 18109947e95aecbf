/**
 * The interpreter's inner loop over one decoded block. The specialized handlers of exec/fast.ts
 * are executed inline here, in a switch on Insn.op (V8 compiles it to a jump table), instead of
 * through an indirect call: a megamorphic call costs several times a jump-table dispatch (measured:
 * ~30% of the run time on the workloads). Each case body is the body of the exec/fast.ts handler
 * at that position of FAST_ORDER, verbatim — test/interp-dispatch.test.ts checks it, and prints the
 * expected text when a handler changes. Every other instruction makes one indirect call to
 * Insn.exec.
 */
import type { Cpu } from "../cpu/cpu";
import * as cpuConsts from "../cpu/cpu";
import { FAULT } from "../cpu/exceptions";
import * as flags from "../cpu/flags";
import * as state from "../cpu/state";
import * as eflagsBits from "../table/flags";
import type { Block } from "./block";
import type { DecodedCache } from "./icache";
import { execCall, execRet } from "./control";
import { execPop, execPush } from "./stack";
import { ea32, FAST_ORDER } from "./fast";
import type { ExecFn, Insn } from "./insn";

// Module-local copies of the constants the inline cases use. V8's optimized code folds a module's
// own `const` bindings into the instructions, but loads an imported binding from its module cell at
// every use (measured under tsx, same-run A/B: +4% to +25% MIPS on the benchmark's workloads).
const { STOP_BRANCH } = cpuConsts;
const { CC_ADD, CC_DEC, CC_INC, CC_LOGIC, CC_SAR, CC_SHL, CC_SUB } = flags;
const { computeCF, testCC } = flags;
const { CS, ESP, S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2, S_EFLAGS, S_EIP, S_INHIBIT, S_SEG_ATTR, S_SEG_BASE, SS } = state;
const { IF, TF } = eflagsBits;

const ADD32 = (CC_ADD << 2) | 2;
const SUB32 = (CC_SUB << 2) | 2;
const LOGIC32 = (CC_LOGIC << 2) | 2;
const INC32 = (CC_INC << 2) | 2;
const DEC32 = (CC_DEC << 2) | 2;
const SHL32 = (CC_SHL << 2) | 2;
const SAR32 = (CC_SAR << 2) | 2;
const SUB8 = CC_SUB << 2;
const LOGIC8 = CC_LOGIC << 2;

/** Insn.op of a handler: its index in FAST_ORDER + 1, or 0 (call Insn.exec). */
export function inlineOp(exec: ExecFn): number {
  return FAST_ORDER.indexOf(exec) + 1;
}

/**
 * runInsns without the inline dispatch and without fusion: one call of Insn.exec per instruction
 * (those are the unfused handlers), so it can stop after any instruction.
 */
function runInsnsSingly(cpu: Cpu, insns: readonly Insn[], n: number): number {
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

/**
 * Where a chained run stopped (see runInsns): `block` is the block whose result runInsns returned,
 * `retired` the instructions of the blocks completed before it in the same call (already added to
 * cpu.retired and to their exit counts). While runInsns runs, `block` is the block executing: the
 * interpreter uses it to notice a self-modifying write to the running block. One record per
 * interpreter, so that a host handler may run another engine.
 */
export class ChainState {
  block: Block | null = null;
  retired = 0;
  /** Blocks entered through a successor link in the last call (decoded-cache hits: icache.hit). */
  linked = 0;
  /** Where a block whose successor links miss looks its successor up (and links it). */
  cache: DecodedCache | null = null;
}

/**
 * Executes the first `n` instructions of block `b` (the caller has set EIP to where such a run
 * ends: the block end, or insns[n].eip) until one sets cpu.stop; returns how many completed, or
 * -(k + 1) when instruction k faulted (the CpuFault of cpu/exceptions.ts; anything else
 * propagates).
 *
 * Block chaining: when the whole block ran and ended on a taken branch (STOP_BRANCH) or at its
 * end, and a successor link of the block (succ0/succ1, set by the run loop) starts at the new
 * linear EIP and is valid, the successor runs at once in this same call — no return to the run
 * loop, no cache lookup — while the instructions retired in this call plus the successor's length
 * stay within `budget` (0: no chaining). A loop block is its own successor. Each completed block
 * counts its exit and adds its instructions to cpu.retired as it goes (counters stay exact for
 * handlers that read them mid-run: RDTSC, port I/O devices); `chain` tells the caller which block
 * returned and what was retired before it. Chaining stops at any other stop (the run loop's
 * events: host exits, halts, self-modifying code, interrupt windows), a flush request, and
 * EFLAGS.TF (single-step belongs to the run loop).
 */
export function runInsns(cpu: Cpu, b: Block, n: number, budget = 0, chain: ChainState | null = null): number {
  let insns = b.insns;
  if (chain !== null) {
    chain.block = b;
    chain.retired = 0;
    chain.linked = 0;
  }
  // A run cut short (budget, single-step) may end inside a fused pair (exec/fuse.ts): run it
  // one instruction at a time through the original handlers.
  if (n < insns.length) return runInsnsSingly(cpu, insns, n);
  const s = cpu.s;
  const mmu = cpu.mmu;
  const r8 = cpu.r8;
  let retired = 0;
  let linked = 0;
  let k = 0;
  try {
    for (;;) {
      while (k < n) {
        const i = insns[k]!;
        switch (i.op) {
        case 0:
          i.exec(cpu, i);
          break;
        case 1: {
          s[i.v0] = s[i.v1]!;
          break;
        }
        case 2: {
          s[i.v0] = i.v1;
          break;
        }
        case 3: {
          s[i.v0] = mmu.read32(ea32(s, i));
          break;
        }
        case 4: {
          mmu.write32(ea32(s, i), s[i.v1]!);
          break;
        }
        case 5: {
          mmu.write32(ea32(s, i), i.v1);
          break;
        }
        case 6: {
          mmu.write8(ea32(s, i), i.v1);
          break;
        }
        case 7: {
          mmu.write8(ea32(s, i), r8[i.v1]!);
          break;
        }
        case 8: {
          r8[i.v0] = mmu.read8(ea32(s, i));
          break;
        }
        case 9: {
          s[i.v0] = mmu.read8(ea32(s, i));
          break;
        }
        case 10: {
          s[i.v0] = r8[i.v1]!;
          break;
        }
        case 11: {
          s[i.v0] = (mmu.read8(ea32(s, i)) << 24) >> 24;
          break;
        }
        case 12: {
          s[i.v0] = mmu.read16(ea32(s, i));
          break;
        }
        case 13: {
          s[i.v0] = (s[i.base]! + (s[i.index]! << i.scale) + i.disp) | 0;
          break;
        }
        case 14: {
          const b = s[i.v1]!;
          const r = (s[i.v0]! + b) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = ADD32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = b;
          break;
        }
        case 15: {
          const b = i.v1;
          const r = (s[i.v0]! + b) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = ADD32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = b;
          break;
        }
        case 16: {
          const b = mmu.read32(ea32(s, i));
          const r = (s[i.v0]! + b) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = ADD32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = b;
          break;
        }
        case 17: {
          const b = s[i.v1]!;
          const r = (s[i.v0]! - b) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = b;
          break;
        }
        case 18: {
          const b = i.v1;
          const r = (s[i.v0]! - b) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = b;
          break;
        }
        case 19: {
          const b = s[i.v1]!;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = (s[i.v0]! - b) | 0;
          s[S_CC_SRC] = b;
          break;
        }
        case 20: {
          const b = i.v1;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = (s[i.v0]! - b) | 0;
          s[S_CC_SRC] = b;
          break;
        }
        case 21: {
          const b = mmu.read32(ea32(s, i));
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = (s[i.v0]! - b) | 0;
          s[S_CC_SRC] = b;
          break;
        }
        case 22: {
          const a = mmu.read32(ea32(s, i));
          const b = s[i.v1]!;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = (a - b) | 0;
          s[S_CC_SRC] = b;
          break;
        }
        case 23: {
          const a = mmu.read32(ea32(s, i));
          const b = i.v1;
          s[S_CC_OP] = SUB32;
          s[S_CC_DST] = (a - b) | 0;
          s[S_CC_SRC] = b;
          break;
        }
        case 24: {
          const a = mmu.read8(ea32(s, i));
          const b = i.v1;
          s[S_CC_OP] = SUB8;
          s[S_CC_DST] = (a - b) & 0xff;
          s[S_CC_SRC] = b;
          break;
        }
        case 25: {
          const r = s[i.v0]! & s[i.v1]!;
          s[i.v0] = r;
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = r;
          break;
        }
        case 26: {
          const r = s[i.v0]! & i.v1;
          s[i.v0] = r;
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = r;
          break;
        }
        case 27: {
          const r = s[i.v0]! | s[i.v1]!;
          s[i.v0] = r;
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = r;
          break;
        }
        case 28: {
          const r = s[i.v0]! ^ s[i.v1]!;
          s[i.v0] = r;
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = r;
          break;
        }
        case 29: {
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = s[i.v0]! & s[i.v1]!;
          break;
        }
        case 30: {
          const cf = computeCF(s);
          const r = (s[i.v0]! + 1) | 0;
          s[i.v0] = r;
          s[S_CC_SRC2] = cf;
          s[S_CC_DST] = r;
          s[S_CC_OP] = INC32;
          break;
        }
        case 31: {
          const cf = computeCF(s);
          const r = (s[i.v0]! - 1) | 0;
          s[i.v0] = r;
          s[S_CC_SRC2] = cf;
          s[S_CC_DST] = r;
          s[S_CC_OP] = DEC32;
          break;
        }
        case 32: {
          const v = s[i.v0]!;
          const r = v << i.v1;
          s[i.v0] = r;
          s[S_CC_OP] = SHL32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = v << (i.v1 - 1);
          break;
        }
        case 33: {
          const v = s[i.v0]!;
          const r = (v >>> i.v1) | 0;
          s[i.v0] = r;
          s[S_CC_OP] = SAR32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = v >>> (i.v1 - 1);
          break;
        }
        case 34: {
          const v = s[i.v0]!;
          const r = v >> i.v1;
          s[i.v0] = r;
          s[S_CC_OP] = SAR32;
          s[S_CC_DST] = r;
          s[S_CC_SRC] = v >> (i.v1 - 1);
          break;
        }
        case 35: {
          if (testCC(cpu.s, i.cc)) {
            s[S_EIP] = i.v0;
            cpu.stop = STOP_BRANCH;
          }
          break;
        }
        case 36: {
          s[S_EIP] = i.v0;
          break;
        }
        case 37: {
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
          break;
        }
        case 38: {
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
          break;
        }
        case 39: {
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
          break;
        }
        case 40: {
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
          break;
        }
        case 41: {
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
          break;
        }
        case 42: {
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
          break;
        }
        case 43: {
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
          break;
        }
        case 44: {
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
          break;
        }
        case 45: {
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
          break;
        }
        case 46: {
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
          break;
        }
        case 47: {
          if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execPush(cpu, i);
          else {
            const sp = (s[ESP]! - 4) | 0;
            mmu.write32((sp + s[S_SEG_BASE + SS]!) | 0, s[i.v0]!);
            s[ESP] = sp;
          }
          break;
        }
        case 48: {
          if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execPop(cpu, i);
          else {
            const sp = s[ESP]!;
            const v = mmu.read32((sp + s[S_SEG_BASE + SS]!) | 0);
            s[ESP] = (sp + 4) | 0;
            s[i.v0] = v;
          }
          break;
        }
        case 49: {
          if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execCall(cpu, i);
          else {
            const sp = (s[ESP]! - 4) | 0;
            mmu.write32((sp + s[S_SEG_BASE + SS]!) | 0, i.next);
            s[ESP] = sp;
            s[S_EIP] = i.v0;
          }
          break;
        }
        case 50: {
          if ((s[S_SEG_ATTR + SS]! & 0x4000) === 0) execRet(cpu, i);
          else {
            const sp = s[ESP]!;
            const t = mmu.read32((sp + s[S_SEG_BASE + SS]!) | 0);
            s[ESP] = (sp + 4) | 0;
            s[S_EIP] = t;
          }
          break;
        }
        case 51: {
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
          break;
        }
        case 52: {
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
          break;
        }
        case 53: {
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
          break;
        }
        case 54: {
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
          break;
        }
        case 55: {
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
          break;
        }
        case 56: {
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
          break;
        }
        case 57: {
          const r = s[i.v0]! & s[i.v1]!;
          s[S_CC_OP] = LOGIC32;
          s[S_CC_DST] = r;
          const x = r ^ i.fuseBias;
          const y = i.fuseBias;
          if (((i.fuseMask >> ((x < y ? 1 : 0) | (x === y ? 2 : 0))) & 1) !== 0) {
            s[S_EIP] = i.fuseTarget;
            cpu.stop = STOP_BRANCH;
          }
          break;
        }
        case 58: {
          const r = r8[i.v0]! ^ r8[i.v1]!;
          r8[i.v0] = r;
          s[S_CC_OP] = LOGIC8;
          s[S_CC_DST] = r;
          break;
        }
        }
        k += i.width;
        if (cpu.stop !== 0) break;
      }
      // The block ran to its end or to a taken branch: chain to its successor when no event is
      // due at this boundary (the run loop delivers those: an interrupt shadow to end, an NMI, an
      // INTR with IF = 1, single-step).
      if (chain === null || (cpu.stop !== 0 && cpu.stop !== STOP_BRANCH) || cpu.flushDecoded || cpu.mappingChanged) break;
      const eflags = s[S_EFLAGS]!;
      if ((eflags & TF) !== 0 || s[S_INHIBIT] !== 0 || cpu.nmiPending) break;
      const ic = cpu.interruptController;
      if (ic !== null && (eflags & IF) !== 0 && ic.intr) break;
      const lin = (s[S_EIP]! + s[S_SEG_BASE + CS]!) | 0;
      let next = b.succ0;
      let fromCache = false;
      if (next === null || next.start !== lin || !next.valid) {
        next = b.succ1;
        if (next === null || next.start !== lin || !next.valid) {
          // Neither link: the decoded cache, as the run loop would look it up (a miss returns
          // there to decode), and the block is linked as the run loop would link it.
          if (chain.cache === null) break;
          next = chain.cache.peek(lin);
          if (next === null) break;
          fromCache = true;
        }
      }
      const len = next.insns.length;
      if (retired + k + len > budget) break;
      if (fromCache) {
        chain.cache!.hits++;
        if (b.succ0 === null || !b.succ0.valid) b.succ0 = next;
        else b.succ1 = next;
      } else linked++;
      b.exits[k]!++;
      retired += k;
      cpu.retired += k;
      cpu.stop = 0;
      b = next;
      chain.block = next;
      insns = next.insns;
      n = len;
      k = 0;
      s[S_EIP] = next.end;
    }
  } catch (e) {
    if (e !== FAULT) throw e;
    if (chain !== null) {
      chain.retired = retired;
      chain.linked = linked;
    }
    return -(k + 1);
  }
  if (chain !== null) {
    chain.retired = retired;
    chain.linked = linked;
  }
  return k;
}
