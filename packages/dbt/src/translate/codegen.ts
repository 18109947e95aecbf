/**
 * Region translation: one JavaScript function (built with `new Function`) per hot block and the
 * blocks it reaches through static branches (taken Jcc, JMP rel, CALL rel, fall-through at a
 * page or length cut) that are already in the cache — a region, QEMU's TB chaining done at
 * compile time. The function is a `for (;;) switch (L)` over its member blocks: a branch to a
 * member is `L = member; continue` (a hot loop spanning several blocks runs as a JS loop inside
 * one function), checked against the budget once per transfer; any other exit returns to the
 * engine.
 *
 * Inside the function the guest's general registers, the lazy-flags record (S_CC_OP/DST/SRC/SRC2)
 * and the segment bases in use live in JS locals; they are written back to `cpu.s` at every exit,
 * before each call of an interpreter handler (and reloaded after it), and in the fault handler.
 * Flag stores are then local assignments that V8 drops when a later instruction overwrites them
 * (dead-flag elimination by the host compiler); the one flag computation that costs real work,
 * the CF that INC/DEC carry over, is skipped when a liveness scan shows nothing can observe it.
 *
 * The hot integer forms (exec/fast.ts names: MOV, LEA, ADD/SUB/CMP/AND/OR/XOR/TEST, shifts by an
 * immediate, byte loads/stores/MOVZX/MOVSX, INC/DEC, PUSH/POP/CALL/RET on a 32-bit stack, Jcc,
 * JMP rel, byte logic) are emitted inline with literal register numbers, displacements and
 * targets, and loads and stores take the TLB fast path inline (QEMU's softmmu fast path; the slow
 * path is the Mmu call). Every other instruction is a direct call of its interpreter handler: one
 * monomorphic call site per instruction.
 *
 * Precision: only a memory slow path (the Mmu call after a TLB miss) or an interpreter handler
 * can fault; before such a call the locals are written back (they hold the state before that
 * instruction: inline code and handlers change nothing before they fault) and the engine's
 * `current`/`fk` name the instruction, so isa's FAULT propagates to the engine, which catches it
 * around the call (the generated code has no try/catch). Each transfer between members retires the
 * instructions of the block left (cpu.retired, the block's exit counts), as the engine would, so
 * counters stay exact for handlers that read them mid-run (RDTSC).
 */
import {
  computeCF,
  ESP,
  type Insn,
  type Mmu,
  OPCODES,
  PAGE_SIZE,
  S_CC_DST,
  S_CC_OP,
  S_CC_SRC,
  S_CC_SRC2,
  S_EFLAGS,
  S_EIP,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_ZERO,
  SS,
  testCC,
} from "@strata/isa";
import type { BlockFn, TBlock } from "../cache/block";
import { cachedFactory } from "./factory-cache";
import { learnedFlags, type LearnedFlags } from "./learned-flags";

/** The interpreter's specialized forms that are emitted inline (by handler name). */
export const INLINE_FORMS: ReadonlySet<string> = new Set([
  "movRR32", "movRI32", "movRM32", "movMR32", "movMI32", "lea32",
  "addRR32", "addRI32", "addRM32", "subRR32", "subRI32",
  "cmpRR32", "cmpRI32", "cmpRM32", "cmpMR32", "cmpMI32",
  "andRR32", "andRI32", "orRR32", "xorRR32", "testRR32", "xorRR8",
  "shlRI32", "shrRI32", "sarRI32", "jmpRel", "incR32", "decR32",
  "movMI8", "movMR8", "movRM8", "movzxRM8", "movzxRR8", "movsxRM8", "movzxRM16", "cmpMI8",
  "pushR32", "popR32", "callRel32", "ret32", "execNop", "jmpFollowed",
]);

/** Largest region: member blocks and instructions (bounds the generated function's size). */
export const MAX_REGION_BLOCKS = 12;
export const MAX_REGION_INSNS = 160;

const OFFSET_MASK = PAGE_SIZE - 1;
const TF_BIT = 0x100;

/** What the generated code needs from its engine (engine/dbt-engine.ts implements it). */
export interface ChainHost {
  /** The block whose result the translation returns (set by the translation at each exit). */
  current: TBlock | null;
  /**
   * Index (in `current`) of the instruction that faulted: set, with the state written back, just
   * before each call that may throw isa's FAULT (a memory slow path, an interpreter handler); the
   * engine catches the fault around the translation's call.
   */
  fk: number;
}

/**
 * What the flags record holds after the last inline flag setter, as locals the code can test
 * directly (QEMU's gen_prepare_cc): the operands of a subtraction, the result of a logical
 * operation, the result and addend of an addition, or the CF of INC/DEC. Null: only the record.
 */
type FlagState =
  | { readonly kind: "sub"; readonly b: string }
  | { readonly kind: "sub8"; readonly b: string }
  | { readonly kind: "logic" }
  | { readonly kind: "add"; readonly b: string }
  | { readonly kind: "incdec" }
  | null;

/** A condition (SDM Vol. 1 Appendix B order: O NO B AE E NE BE A S NS P NP L GE LE G) over the locals, or null. */
function fusedCondition(cc: number, f: FlagState): string | null {
  if (f === null) return null;
  switch (f.kind) {
    case "sub": {
      const a = "fa";
      const b = f.b;
      switch (cc) {
        case 2: return `(${a} >>> 0) < (${b} >>> 0)`;
        case 3: return `(${a} >>> 0) >= (${b} >>> 0)`;
        case 4: return `${a} === ${b}`;
        case 5: return `${a} !== ${b}`;
        case 6: return `(${a} >>> 0) <= (${b} >>> 0)`;
        case 7: return `(${a} >>> 0) > (${b} >>> 0)`;
        case 8: return `fr < 0`;
        case 9: return `fr >= 0`;
        case 12: return `${a} < ${b}`;
        case 13: return `${a} >= ${b}`;
        case 14: return `${a} <= ${b}`;
        case 15: return `${a} > ${b}`;
        default: return null;
      }
    }
    case "sub8": {
      // fa: the byte read (0..255), b: the immediate byte (0..255).
      switch (cc) {
        case 2: return `fa < ${f.b}`;
        case 3: return `fa >= ${f.b}`;
        case 4: return `fa === ${f.b}`;
        case 5: return `fa !== ${f.b}`;
        case 6: return `fa <= ${f.b}`;
        case 7: return `fa > ${f.b}`;
        default: return null;
      }
    }
    case "logic":
      switch (cc) {
        case 2: return "false";
        case 3: return "true";
        case 4: case 6: return "fr === 0";
        case 5: case 7: return "fr !== 0";
        case 8: case 12: return "fr < 0";
        case 9: case 13: return "fr >= 0";
        case 14: return "fr <= 0";
        case 15: return "fr > 0";
        default: return null;
      }
    case "add":
      switch (cc) {
        case 2: return `(fr >>> 0) < (${f.b} >>> 0)`;
        case 3: return `(fr >>> 0) >= (${f.b} >>> 0)`;
        case 4: return "fr === 0";
        case 5: return "fr !== 0";
        case 8: return "fr < 0";
        case 9: return "fr >= 0";
        default: return null;
      }
    case "incdec":
      switch (cc) {
        case 2: return "f2 !== 0";
        case 3: return "f2 === 0";
        case 4: return "fr === 0";
        case 5: return "fr !== 0";
        case 8: return "fr < 0";
        case 9: return "fr >= 0";
        default: return null;
      }
  }
}

/** Whether two flag states describe the flag locals alike (both paths of a join). */
function sameFlagState(x: FlagState, y: FlagState): boolean {
  if (x === null || y === null) return x === y;
  return x.kind === y.kind && ("b" in x ? x.b : "") === ("b" in y ? y.b : "");
}

/** The CF of a known flag state as an expression (0 or 1), or null. */
function carryOf(f: FlagState): string | null {
  if (f === null) return null;
  switch (f.kind) {
    case "sub": return `((fa >>> 0) < (${f.b} >>> 0) ? 1 : 0)`;
    case "sub8": return `(fa < ${f.b} ? 1 : 0)`;
    case "logic": return "0";
    case "add": return `((fr >>> 0) < (${f.b} >>> 0) ? 1 : 0)`;
    case "incdec": return "f2";
  }
}

/** Instruction kinds for the flag-liveness scan (see cfNeeded). */
const FLAG_NEUTRAL: ReadonlySet<string> = new Set(["movRR32", "movRI32", "lea32", "movzxRR8", "execNop", "jmpFollowed"]);
const FLAG_KILLERS: ReadonlySet<string> = new Set([
  "addRR32", "addRI32", "subRR32", "subRI32", "cmpRR32", "cmpRI32",
  "andRR32", "andRI32", "orRR32", "xorRR32", "testRR32", "xorRR8", "shlRI32", "shrRI32", "sarRI32",
]);

interface Member {
  readonly b: TBlock;
  /** The block calls interpreter handlers (EFLAGS.TF may change: transfers check it). */
  hasCalls: boolean;
}

function regName(n: number): string {
  return n >= 0 && n < 8 ? `e${n}` : `s[${n}]`;
}

/** The generator of one region's function body. */
class RegionWriter {
  private readonly f: LearnedFlags | null = learnedFlags();
  private readonly members: Member[] = [];
  private readonly byStart = new Map<number, number>();
  /** GPRs the inline code writes (written back at exits). */
  private readonly written = new Set<number>();
  private readonly segs = new Set<number>();
  private writesFlags = false;
  private usesStack = false;
  private readonly lines: string[] = [];
  private readonly consts = new Map<string, string>();
  /** The instruction the memory accesses being generated belong to (see fault/mayFault). */
  private fm = 0;
  private fj = 0;

  constructor(
    blocks: readonly TBlock[],
    private readonly csBase: number,
    private readonly transfers: boolean,
    private readonly innerLoops: boolean,
  ) {
    blocks.forEach((b, m) => {
      this.members.push({ b, hasCalls: false });
      this.byStart.set(b.start | 0, m);
    });
  }

  private seg(n: number): string {
    this.segs.add(n);
    return `g${n}`;
  }

  private ea(i: Insn, withSegment: boolean): string {
    const parts: string[] = [];
    if (i.base !== S_ZERO && i.base >= 0) parts.push(regName(i.base));
    if (i.index !== S_ZERO && i.index >= 0) parts.push(i.scale === 0 ? regName(i.index) : `(${regName(i.index)} << ${i.scale})`);
    if (i.disp !== 0 || parts.length === 0) parts.push(String(i.disp | 0));
    if (withSegment) parts.push(this.seg(i.seg));
    return `(${parts.join(" + ")}) | 0`;
  }

  private setReg(n: number, value: string): string {
    if (n >= 0 && n < 8) {
      this.written.add(n);
      return `e${n} = ${value};`;
    }
    return `s[${n}] = ${value};`;
  }

  /** Byte register r8[idx] (AL..BL = 0,4,8,12; AH..BH = 1,5,9,13). */
  private get8(idx: number): string {
    const r = idx >> 2;
    return (idx & 3) === 0 ? `(e${r} & 255)` : `((e${r} >> 8) & 255)`;
  }

  private set8(idx: number, v: string): string {
    const r = idx >> 2;
    this.written.add(r);
    return (idx & 3) === 0 ? `e${r} = (e${r} & -256) | (${v});` : `e${r} = (e${r} & -65281) | ((${v}) << 8);`;
  }

  private load32(a: string, target: string): string {
    return (
      `a = ${a}; p = a >>> 12; t = p & TM; ` +
      // Frames are page-aligned, so an aligned dword never crosses its page: one test for both.
      `if (RT[t] === p && (a & 3) === 0) ${target} = I32[(FR[t] | (a & ${OFFSET_MASK})) >> 2]; ` +
      `else { ${this.mayFault()} ${target} = mmu.read32(a); }`
    );
  }

  private load8(a: string, target: string): string {
    return `a = ${a}; p = a >>> 12; t = p & TM; if (RT[t] === p) ${target} = U8[FR[t] | (a & ${OFFSET_MASK})]; else { ${this.mayFault()} ${target} = mmu.read8(a); }`;
  }

  private load16(a: string, target: string): string {
    return (
      `a = ${a}; p = a >>> 12; t = p & TM; ` +
      `if (RT[t] === p && (a & ${OFFSET_MASK}) !== ${OFFSET_MASK}) { q = FR[t] | (a & ${OFFSET_MASK}); ${target} = (q & 1) === 0 ? U16[q >> 1] : U8[q] | (U8[q + 1] << 8); } ` +
      `else { ${this.mayFault()} ${target} = mmu.read16(a); }`
    );
  }

  /**
   * Before a call that may fault (isa throws FAULT; the engine catches it around the
   * translation): the exact state before the instruction written back, and which instruction it
   * is. Only slow paths and handler calls pay for it: the TLB fast path cannot fault, and the
   * translation needs no try/catch (whose exception edges from every call made V8's graphs of
   * these functions larger and their compiles slower).
   */
  private mayFault(): string {
    return `@WB@ H.current = B${this.fm}; H.fk = ${this.fj};`;
  }

  /**
   * A store with its fast path; `after` runs once the store is done (on both paths, before the
   * stop check of the slow path, which may have reached a write-watched page).
   */
  private store(width: 8 | 32, a: string, value: string, after: string, m: number, j: number): string {
    const fast =
      width === 32
        ? `if (WT[t] === p && (a & 3) === 0) { I32[(FR[t] | (a & ${OFFSET_MASK})) >> 2] = ${value}; ${after} }`
        : `if (WT[t] === p) { U8[FR[t] | (a & ${OFFSET_MASK})] = ${value}; ${after} }`;
    const i = this.members[m]!.b.insns[j]!;
    return (
      `a = ${a}; p = a >>> 12; t = p & TM; ${fast} ` +
      `else { ${this.mayFault()} mmu.write${width}(a, ${value}); ${after} if (cpu.stop !== 0 || cpu.flushDecoded) { ${this.exitMid(m, j, i.next)} } }`
    );
  }

  private flagsWb(): string {
    return `s[${S_CC_OP}] = fo; s[${S_CC_DST}] = fd; s[${S_CC_SRC}] = fs; s[${S_CC_SRC2}] = f2;`;
  }

  /** Leaves after instruction j of member m with EIP = `eip` (a literal or local). */
  private exitMid(m: number, j: number, eip: string | number): string {
    return this.leave(m, j + 1, eip);
  }

  /** Back to the engine after k instructions of member m, EIP = `eip` (through the common exit). */
  private leave(m: number, k: number, eip: string | number): string {
    return `xe = ${eip}; xk = ${k}; xm = ${m}; break out;`;
  }

  /**
   * Control goes to `target` (an EIP) after `k` instructions of member m: inside the region when
   * the target is a member and its whole block fits the budget, else back to the engine.
   */
  private transfer(m: number, k: number, target: number): string {
    const t = this.transfers ? this.byStart.get((target + this.csBase) | 0) : undefined;
    const leave = this.leave(m, k, target | 0);
    if (t === undefined) return leave;
    const n = this.members[t]!.b.insns.length;
    const tf = this.members[m]!.hasCalls ? ` && (s[${S_EFLAGS}] & ${TF_BIT}) === 0` : "";
    // The member's own loop (labelled: the branch may sit inside a loop of the block).
    const self = this.members.length === 1 ? "out" : `mb${m}`;
    if (t === m) return `if (left - ${k} >= ${n}${tf}) { left -= ${k}; rt += ${k}; E${m}[${k}]++; continue ${self}; } ${leave}`;
    // To another member: constants only here, the checks in the one shared transfer after the
    // switch (a path first taken after V8 optimized the function then needs no new feedback).
    return `xe = ${target | 0}; xk = ${k}; xm = ${m}; xt = ${t}; break sw;`;
  }

  /** Whether the CF that INC/DEC at j carries over can be observed (else it is not computed). */
  private cfNeeded(insns: readonly Insn[], j: number): boolean {
    for (let x = j + 1; x < insns.length; x++) {
      // Where another member starts, the block continues through a transfer that may return to
      // the engine (budget): the record is observable there.
      if (this.transfers && this.byStart.has((insns[x]!.eip + this.csBase) | 0)) return true;
      const name = insns[x]!.exec.name;
      if (FLAG_NEUTRAL.has(name)) continue;
      return !FLAG_KILLERS.has(name);
    }
    return true;
  }

  /** A call of the interpreter's handler for instruction j of member m. */
  private call(m: number, j: number): string {
    const mem = this.members[m]!;
    mem.hasCalls = true;
    const b = mem.b;
    const i = b.insns[j]!;
    const last = j === b.insns.length - 1;
    const id = `${m}_${j}`;
    this.consts.set(id, `x${id} = B${m}.insns[${j}], h${id} = x${id}.exec`);
    // A handler that ends the block may have branched (EIP is its own); otherwise EIP is the
    // next instruction's when the engine resumes.
    const early = last && i.endsBlock ? `H.current = B${m}; return ${j + 1};` : `if (cpu.stop === 0) s[${S_EIP}] = ${i.next}; H.current = B${m}; return ${j + 1};`;
    return (
      `@WB@ s[${S_EIP}] = ${b.end}; H.current = B${m}; H.fk = ${j}; h${id}(cpu, x${id}); @RL@ ` +
      `if (cpu.stop !== 0 || cpu.flushDecoded) { ${early} }`
    );
  }

  /** Names instruction j of member m as the one whose slow paths may fault next (see mayFault). */
  private fault(m: number, j: number): string {
    this.fm = m;
    this.fj = j;
    return "";
  }


  private flags(op: number, dst: string, src: string | null): string {
    this.writesFlags = true;
    return `fo = ${op}; fd = ${dst};` + (src === null ? "" : ` fs = ${src};`);
  }

  /** The condition under which Jcc `i` is taken, over the flag locals (`fl`) or the record. */
  private jccTaken(i: Insn, fl: FlagState): string {
    const cond = fusedCondition(i.cc, fl);
    if (cond !== null) return cond;
    this.writesFlags = true;
    return `(s[${S_CC_OP}] = fo, s[${S_CC_DST}] = fd, s[${S_CC_SRC}] = fs, s[${S_CC_SRC2}] = f2, testCC(s, ${i.cc}))`;
  }

  /**
   * Branches inside a block, as structured control flow. Blocks extend past not-taken Jcc and
   * follow direct jumps, so the target of a Jcc is often another instruction of the same block:
   * - forward (an `if`/`else` of the guest's code): Jcc j jumps to instruction t > j + 1 (or to
   *   the fall-through after the last one) and becomes `if (taken) { skip } else { j+1 .. t-1 }`,
   *   the code going on at t;
   * - backward (a loop whose head is not the block's start; only with `innerLoops`): Jcc j jumps
   *   to instruction t, 0 < t <= j, and instructions t .. j become a labelled `for (;;)` that
   *   Jcc j continues (within the budget) and leaves by falling through.
   * spans[j] = t for the branches taken this way (all within `end`, the member's last emitted
   * index + 1, and properly nested: JavaScript blocks cannot overlap); other Jcc leave the
   * translation (or loop to its start) as before.
   */
  private controlSpans(b: TBlock, end: number): Int32Array {
    const insns = b.insns;
    const to = new Int32Array(insns.length);
    // A span may reach past the last instruction only into the fall-through exit after it.
    const toEnd = end === insns.length && !insns[end - 1]!.endsBlock;
    // Accepted structures as [open, close] slots: slot 2x is before instruction x, 2x + 1 after it.
    const taken: [number, number][] = [];
    const nests = (o: number, c: number): boolean =>
      taken.every(([o2, c2]) => c <= o2 || c2 <= o || (o <= o2 && c2 <= c) || (o2 <= o && c <= c2));
    for (let j = 0; j < end; j++) {
      const i = insns[j]!;
      if (i.exec.name === "callout" || OPCODES[i.entry]?.sem !== "jcc") continue;
      const target = i.v0 | 0;
      let t = -1;
      if (target === (b.end | 0) && toEnd) t = end;
      else for (let x = 1; x < end; x++) if (x !== j + 1 && (insns[x]!.eip | 0) === target) t = x;
      if (t < 0 || (t <= j && !this.innerLoops)) continue;
      const [o, c] = t > j ? [2 * j + 1, 2 * t] : [2 * t, 2 * j + 1];
      if (!nests(o, c)) continue;
      to[j] = t;
      taken.push([o, c]);
    }
    return to;
  }

  /**
   * Dword forms the interpreter runs through its generic handlers: IMUL r32, r/m32[, imm],
   * CMOVcc r32, r/m32 and the ALU forms below. The flags record is the interpreter's (learned
   * codes).
   */
  private generic32(m: number, j: number, sem: string | undefined, f: LearnedFlags, fl: FlagState): { code: string; fl: FlagState } | null {
    const i = this.members[m]!.b.insns[j]!;
    const src = (k: number, v: number, target: string): string | null => {
      if (k === f.kindReg) return `${target} = ${regName(v)};`;
      if (k === f.kindMem) return this.fault(m, j) + this.load32(this.ea(i, true), target);
      return null;
    };
    const name = i.exec.name;
    if (sem === "imul" && name === "execImul" && i.k0 === f.kindReg) {
      // The product's low half; CF = OF = it differs from the exact product (a double product
      // of two int32 values equals an int32 only when it is exact).
      const b = i.k2 === f.kindImm ? `fb = ${i.v2 | 0};` : i.k2 === 0 ? `fb = ${regName(i.v0)};` : null;
      const a = src(i.k1, i.v1, "fa");
      if (b === null || a === null) return null;
      return {
        code: `${a} ${b} fr = Math.imul(fa, fb); ${this.setReg(i.v0, "fr")} ${this.flags(f.mul32, "fr", "(fa * fb !== fr ? 1 : 0)")}`,
        fl: null,
      };
    }
    if (sem === "cmovcc" && name === "execCmovcc" && i.k0 === f.kindReg) {
      // The source is read (and may fault) whether or not the condition holds.
      const a = src(i.k1, i.v1, "b");
      if (a === null) return null;
      return { code: `${a} if (${this.jccTaken(i, fl)}) ${this.setReg(i.v0, "b")}`, fl };
    }
    // ALU forms the interpreter runs through its generic handler (its named fast forms are
    // inlined by name below): ADD/SUB/AND/OR/XOR/TEST r32, imm|m32 and m32, imm|r32 (read,
    // operate, write; the flags are set once the store has succeeded). Not a write through CS,
    // which the interpreter binds to its #GP handler, nor a #UD form.
    const alu = sem === "add" || sem === "sub" || sem === "and" || sem === "or" || sem === "xor" || sem === "test";
    if (!alu || name === "execWriteViaCs" || name === "execUd" || INLINE_FORMS.has(name)) return null;
    const op = sem === "add" ? "+" : sem === "sub" ? "-" : sem === "or" ? "|" : sem === "xor" ? "^" : "&";
    const logic = op !== "+" && op !== "-";
    const flags = logic ? this.flags(f.logic32, "fr", null) : this.flags(sem === "add" ? f.add32 : f.sub32, "fr", "fb");
    const after: FlagState = logic ? { kind: "logic" } : { kind: sem === "add" ? "add" : "sub", b: "fb" };
    const operand = i.k1 === f.kindImm ? `fb = ${i.v1 | 0};` : i.k1 === f.kindReg ? `fb = ${regName(i.v1)};` : null;
    if (i.k0 === f.kindReg) {
      const b = operand ?? src(i.k1, i.v1, "fb");
      if (b === null) return null;
      const store = sem === "test" ? "" : ` ${this.setReg(i.v0, "fr")}`;
      return { code: `${b} fa = ${regName(i.v0)}; fr = (fa ${op} fb) | 0;${store} ${flags}`, fl: after };
    }
    if (i.k0 === f.kindMem && operand !== null) {
      const load = this.fault(m, j) + this.load32(this.ea(i, true), "fa");
      const tail = sem === "test" ? flags : this.store(32, "a", "fr", flags, m, j);
      return { code: `${load} ${operand} fr = (fa ${op} fb) | 0; ${tail}`, fl: after };
    }
    return null;
  }

  /** Instruction j of member m: inline code (and the flag state after it), or null for a handler call. */
  private inline(m: number, j: number, fl: FlagState): { code: string; fl: FlagState; ends?: boolean } | null {
    const b = this.members[m]!.b;
    const i = b.insns[j]!;
    const name = i.exec.name;
    const f = this.f;
    // Jcc is recognised by the table's semantics (the interpreter binds a handler per condition);
    // a monitor callout in its place (named "callout", engine/dbt-engine.ts) is never inlined.
    const sem = name !== "callout" ? OPCODES[i.entry]?.sem : undefined;
    if (sem === "jcc") return { code: `if (${this.jccTaken(i, fl)}) { ${this.transfer(m, j + 1, i.v0 | 0)} }`, fl };
    if (f !== null && i.size === 1 && i.lock === 0 && i.asize === 4 && name !== "xorRR8" && (sem === "and" || sem === "or" || sem === "xor" || sem === "test")) {
      if (i.k0 === f.kindReg && (i.k1 === f.kindReg || i.k1 === f.kindImm)) {
        const op = sem === "or" ? "|" : sem === "xor" ? "^" : "&";
        const src = i.k1 === f.kindReg ? this.get8(i.v1) : String(i.v1 & 0xff);
        const store = sem === "test" ? "" : ` ${this.set8(i.v0, "fr")}`;
        return { code: `fr = (${this.get8(i.v0)} ${op} ${src}) & 255;${store} ${this.flags(f.logic8, "fr", null)}`, fl: { kind: "logic" } };
      }
    }
    if (f !== null && i.lock === 0 && i.size === 4 && i.asize === 4 && name !== "callout") {
      const g = this.generic32(m, j, sem, f, fl);
      if (g !== null) return g;
    }
    if (!INLINE_FORMS.has(name)) return null;
    const d = i.v0;
    const rd = regName(d);
    const rs = regName(i.v1);
    const imm = String(i.v1 | 0);
    switch (name) {
      case "execNop":
      case "jmpFollowed": // the block goes on at the jump's target (engine/dbt-engine.ts build)
        return { code: "", fl };
      case "movRR32":
        return { code: this.setReg(d, rs), fl };
      case "movRI32":
        return { code: this.setReg(d, imm), fl };
      case "lea32":
        return { code: this.setReg(d, this.ea(i, false)), fl };
      case "movzxRR8":
        return { code: this.setReg(d, this.get8(i.v1)), fl };
      case "movRM32":
        return { code: this.fault(m, j) + this.load32(this.ea(i, true), "b") + " " + this.setReg(d, "b"), fl };
      case "movMR32":
        return { code: this.fault(m, j) + this.store(32, this.ea(i, true), rs, "", m, j), fl };
      case "movMI32":
        return { code: this.fault(m, j) + this.store(32, this.ea(i, true), imm, "", m, j), fl };
      case "movMI8":
        return { code: this.fault(m, j) + this.store(8, this.ea(i, true), String(i.v1 & 0xff), "", m, j), fl };
      case "movMR8":
        return { code: this.fault(m, j) + this.store(8, this.ea(i, true), this.get8(i.v1), "", m, j), fl };
      case "movRM8":
        return { code: this.fault(m, j) + this.load8(this.ea(i, true), "b") + " " + this.set8(d, "b"), fl };
      case "movzxRM8":
        return { code: this.fault(m, j) + this.load8(this.ea(i, true), "b") + " " + this.setReg(d, "b"), fl };
      case "movsxRM8":
        return { code: this.fault(m, j) + this.load8(this.ea(i, true), "b") + " " + this.setReg(d, "(b << 24) >> 24"), fl };
      case "movzxRM16":
        return { code: this.fault(m, j) + this.load16(this.ea(i, true), "b") + " " + this.setReg(d, "b"), fl };
      case "jmpRel":
        return { code: this.transfer(m, j + 1, i.v0 | 0), fl, ends: true };
      case "pushR32":
      case "callRel32": {
        // 32-bit stack (SS.B): the fast form; a 16-bit stack goes to the handler.
        this.usesStack = true;
        const v = name === "pushR32" ? regName(i.v0) : String(i.next | 0);
        this.written.add(ESP);
        const push = `sp = (e${ESP} - 4) | 0; ` + this.store(32, `(sp + ${this.seg(SS)}) | 0`, v, `e${ESP} = sp;`, m, j);
        const tail = name === "callRel32" ? ` ${this.transfer(m, j + 1, i.v0 | 0)}` : "";
        return { code: `${this.fault(m, j)}if (ss32) { ${push}${tail} } else { ${this.call(m, j)}${name === "callRel32" ? ` @WB@ H.current = B${m}; return ${j + 1};` : ""} }`, fl, ends: name === "callRel32" };
      }
      case "popR32":
      case "ret32": {
        this.usesStack = true;
        this.written.add(ESP);
        const load = `sp = e${ESP}; ` + this.load32(`(sp + ${this.seg(SS)}) | 0`, "b") + ` e${ESP} = (sp + 4) | 0; `;
        const fast = name === "popR32" ? load + this.setReg(i.v0, "b") : `${load}${this.leave(m, j + 1, "b")}`;
        return { code: `${this.fault(m, j)}if (ss32) { ${fast} } else { ${this.call(m, j)}${name === "ret32" ? ` H.current = B${m}; return ${j + 1};` : ""} }`, fl, ends: name === "ret32" };
      }
      default:
        break;
    }
    if (f === null) return null;
    const sub: FlagState = { kind: "sub", b: "fb" };
    const subImm: FlagState = { kind: "sub", b: imm };
    switch (name) {
      case "addRR32":
        return { code: `fb = ${rs}; fr = (${rd} + fb) | 0; ${this.setReg(d, "fr")} ${this.flags(f.add32, "fr", "fb")}`, fl: { kind: "add", b: "fb" } };
      case "addRI32":
        return { code: `fr = (${rd} + ${imm}) | 0; ${this.setReg(d, "fr")} ${this.flags(f.add32, "fr", imm)}`, fl: { kind: "add", b: imm } };
      case "addRM32":
        return { code: `${this.fault(m, j)}${this.load32(this.ea(i, true), "fb")} fr = (${rd} + fb) | 0; ${this.setReg(d, "fr")} ${this.flags(f.add32, "fr", "fb")}`, fl: { kind: "add", b: "fb" } };
      case "subRR32":
        return { code: `fb = ${rs}; fa = ${rd}; fr = (fa - fb) | 0; ${this.setReg(d, "fr")} ${this.flags(f.sub32, "fr", "fb")}`, fl: sub };
      case "subRI32":
        return { code: `fa = ${rd}; fr = (fa - ${imm}) | 0; ${this.setReg(d, "fr")} ${this.flags(f.sub32, "fr", imm)}`, fl: subImm };
      case "cmpRR32":
        return { code: `fb = ${rs}; fa = ${rd}; fr = (fa - fb) | 0; ${this.flags(f.sub32, "fr", "fb")}`, fl: sub };
      case "cmpRI32":
        return { code: `fa = ${rd}; fr = (fa - ${imm}) | 0; ${this.flags(f.sub32, "fr", imm)}`, fl: subImm };
      case "cmpRM32":
        return { code: `${this.fault(m, j)}${this.load32(this.ea(i, true), "fb")} fa = ${rd}; fr = (fa - fb) | 0; ${this.flags(f.sub32, "fr", "fb")}`, fl: sub };
      case "cmpMR32":
        return { code: `${this.fault(m, j)}${this.load32(this.ea(i, true), "fa")} fb = ${rs}; fr = (fa - fb) | 0; ${this.flags(f.sub32, "fr", "fb")}`, fl: sub };
      case "cmpMI32":
        return { code: `${this.fault(m, j)}${this.load32(this.ea(i, true), "fa")} fr = (fa - ${imm}) | 0; ${this.flags(f.sub32, "fr", imm)}`, fl: subImm };
      case "cmpMI8":
        return { code: `${this.fault(m, j)}${this.load8(this.ea(i, true), "fa")} fr = (fa - ${i.v1 & 0xff}) & 255; ${this.flags(f.sub8, "fr", imm)}`, fl: { kind: "sub8", b: String(i.v1 & 0xff) } };
      case "andRR32":
        return { code: `fr = ${rd} & ${rs}; ${this.setReg(d, "fr")} ${this.flags(f.logic32, "fr", null)}`, fl: { kind: "logic" } };
      case "andRI32":
        return { code: `fr = ${rd} & ${imm}; ${this.setReg(d, "fr")} ${this.flags(f.logic32, "fr", null)}`, fl: { kind: "logic" } };
      case "orRR32":
        return { code: `fr = ${rd} | ${rs}; ${this.setReg(d, "fr")} ${this.flags(f.logic32, "fr", null)}`, fl: { kind: "logic" } };
      case "xorRR32":
        return { code: `fr = ${rd} ^ ${rs}; ${this.setReg(d, "fr")} ${this.flags(f.logic32, "fr", null)}`, fl: { kind: "logic" } };
      case "testRR32":
        return { code: `fr = ${rd} & ${rs}; ${this.flags(f.logic32, "fr", null)}`, fl: { kind: "logic" } };
      case "xorRR8":
        return { code: `fr = ${this.get8(i.v0)} ^ ${this.get8(i.v1)}; ${this.set8(i.v0, "fr")} ${this.flags(f.logic8, "fr", null)}`, fl: { kind: "logic" } };
      case "shlRI32":
        return { code: `fb = ${rd}; fr = fb << ${i.v1}; ${this.setReg(d, "fr")} ${this.flags(f.shl32, "fr", `fb << ${i.v1 - 1}`)}`, fl: null };
      case "shrRI32":
        return { code: `fb = ${rd}; fr = (fb >>> ${i.v1}) | 0; ${this.setReg(d, "fr")} ${this.flags(f.shr32, "fr", `fb >>> ${i.v1 - 1}`)}`, fl: null };
      case "sarRI32":
        return { code: `fb = ${rd}; fr = fb >> ${i.v1}; ${this.setReg(d, "fr")} ${this.flags(f.sar32, "fr", `fb >> ${i.v1 - 1}`)}`, fl: null };
      case "incR32":
      case "decR32": {
        const inc = name === "incR32";
        // INC/DEC keep CF: the record carries the previous CF in CC_SRC2 (computed only when a
        // later instruction, a fault or an exit can observe it).
        let cf = "";
        if (this.cfNeeded(b.insns, j)) {
          const known = carryOf(fl);
          cf = known !== null ? `f2 = ${known}; ` : `${this.flagsWb()} f2 = computeCF(s); `;
        }
        this.writesFlags = true;
        return { code: `${cf}fr = (${rd} ${inc ? "+" : "-"} 1) | 0; ${this.setReg(d, "fr")} fd = fr; fo = ${inc ? f.inc32 : f.dec32};`, fl: cf === "" ? null : { kind: "incdec" } };
      }
      default:
        return null;
    }
  }

  /** The function body. */
  /**
   * The code of member m: its lines, or the index of a loop head whose assumed flag state (the
   * one on entry) the back edge does not bring; the caller then runs it again with that head's
   * state unknown (`assumeNull`). Generation has no other effect that a second pass would repeat
   * wrongly (handler constants are keyed, skipTo and the register sets are idempotent).
   */
  private member(m: number, assumeNull: ReadonlySet<number>): string[] | number {
    const headFl = new Map<number, FlagState>();
    const b = this.members[m]!.b;
    // Each member is its own loop: a branch to its own start (`continue`) stays a tight loop
    // that never goes back through the switch (V8 keeps its locals in registers).
    const single = this.members.length === 1;
    const out: string[] = [single ? "out: for (;;) {" : `case ${m}: mb${m}: for (;;) {`];
    let fl: FlagState = null;
    let ended = false;
    // Where the member's own code ends: the rest of the block is another member's code
    // (blocks extend past not-taken Jcc, so they overlap) and continues there instead of being
    // emitted twice.
    let cut = b.insns.length;
    if (this.transfers) {
      for (let j = 1; j < cut; j++) {
        const other = this.byStart.get((b.insns[j]!.eip + this.csBase) | 0);
        if (other !== undefined && other !== m) cut = j;
      }
    }
    const spans = this.controlSpans(b, cut);
    // Loops opening before each instruction (outermost first).
    const loopsAt: number[][] = b.insns.map(() => []);
    spans.forEach((t, j) => {
      if (t !== 0 && t <= j) loopsAt[t]!.push(j);
    });
    for (const l of loopsAt) l.sort((x, y) => y - x);
    // Open forward spans: where each ends and the flag state its taken path brings there.
    const closing: { t: number; fl: FlagState }[] = [];
    const closeAt = (j: number): void => {
      while (closing.length > 0 && closing[closing.length - 1]!.t === j) {
        const taken = closing.pop()!.fl;
        out.push("}");
        // Two paths join: the flag locals stay meaningful only if both left them alike.
        if (!sameFlagState(fl, taken)) fl = null;
      }
    };
    for (let j = 0; j < b.insns.length; j++) {
      closeAt(j);
      if (j === cut) {
        out.push(this.transfer(m, j, b.insns[j]!.eip));
        ended = true;
        break;
      }
      if (loopsAt[j]!.length > 0) {
        for (const e of loopsAt[j]!) out.push(`lp${m}_${j}_${e}: for (;;) {`);
        // The head is reached from above and from the back edge: the flag state on entry,
        // assumed to be the back edge's too until a pass shows otherwise (see source()).
        if (assumeNull.has(j)) fl = null;
        headFl.set(j, fl);
      }
      const t = spans[j]!;
      const i = b.insns[j]!;
      if (t > j) {
        // The skipped instructions do not retire: rt and the budget give them back, and
        // skips[j] lets the class counters subtract them (cache/block.ts).
        const d = t - j - 1;
        b.skipTo[j] = t;
        out.push(`if (${this.jccTaken(i, fl)}) { rt -= ${d}; left += ${d}; S${m}[${j}]++; } else {`);
        closing.push({ t, fl });
        continue;
      }
      if (t !== 0) {
        // (An unknown head state holds for any back edge.)
        const head = headFl.get(t) ?? null;
        if (head !== null && !sameFlagState(fl, head)) return t;
        // A loop's back edge: the pass so far (t .. j) retires, and another pass from t runs
        // while a whole block still fits the budget (skips[j] adds t .. j to the class counts).
        const d = j + 1 - t;
        const n = b.insns.length;
        const tf = this.members[m]!.hasCalls ? ` && (s[${S_EFLAGS}] & ${TF_BIT}) === 0` : "";
        b.skipTo[j] = t;
        out.push(
          `if (${this.jccTaken(i, fl)}) { if (left - ${d} >= ${n}${tf}) { left -= ${d}; rt += ${d}; S${m}[${j}]++; continue lp${m}_${t}_${j}; } ${this.leave(m, j + 1, i.v0 | 0)} }`,
          "break;",
          "}",
        );
        continue;
      }
      const e = this.inline(m, j, fl);
      if (e === null) {
        out.push(this.call(m, j));
        fl = null;
        if (j === b.insns.length - 1 && b.insns[j]!.endsBlock) {
          out.push(`H.current = B${m}; return ${j + 1};`);
          ended = true;
        }
      } else {
        out.push(e.code);
        fl = e.fl;
        if (e.ends === true) ended = true;
      }
    }
    closeAt(b.insns.length);
    if (!ended) out.push(this.transfer(m, b.insns.length, b.end));
    out.push("}");
    return out;
  }

  source(name: string): string {
    const body: string[] = [];
    this.members.forEach((_, m) => {
      // Loop heads whose flag state is not the entry's (found by a pass that disagreed).
      const assumeNull = new Set<number>();
      for (;;) {
        const r = this.member(m, assumeNull);
        if (typeof r !== "number") {
          body.push(r.join("\n"));
          break;
        }
        assumeNull.add(r);
      }
    });
    // Only the registers and flag words the code mentions are loaded on entry and after handler
    // calls (a block touching three registers should not pay for eight loads per entry).
    const raw = body.join("\n");
    const used = new Set<number>(this.written);
    for (const x of raw.matchAll(/\be([0-7])\b/g)) used.add(Number(x[1]));
    const regs = [...used].sort();
    const flagsUsed = this.writesFlags || /\bf[ods2]\b/.test(raw);
    // Instructions of completed passes and transfers (`rt`) reach cpu.retired here too: before
    // every handler call (RDTSC reads it), at every exit and on a fault.
    const wb =
      [...this.written].sort().map((r) => `s[${r}] = e${r};`).join(" ") + (this.writesFlags ? ` ${this.flagsWb()}` : "") + " cpu.retired += rt; rt = 0;";
    const segs = [...this.segs].sort();
    const reload =
      regs.map((r) => `e${r} = s[${r}];`).join(" ") +
      (flagsUsed ? ` fo = s[${S_CC_OP}]; fd = s[${S_CC_DST}]; fs = s[${S_CC_SRC}]; f2 = s[${S_CC_SRC2}];` : "") +
      segs.map((g) => ` g${g} = s[${S_SEG_BASE + g}];`).join("") +
      (this.usesStack ? ` ss32 = (s[${S_SEG_ATTR + SS}] & 0x4000) !== 0;` : "");
    const text = raw.replaceAll("@WB@", wb).replaceAll("@RL@", reload);
    const decls = [
      ...regs.map((r) => `e${r} = s[${r}]`),
      ...(flagsUsed ? [`fo = s[${S_CC_OP}]`, `fd = s[${S_CC_DST}]`, `fs = s[${S_CC_SRC}]`, `f2 = s[${S_CC_SRC2}]`] : []),
      ...segs.map((g) => `g${g} = s[${S_SEG_BASE + g}]`),
      `ss32 = ${this.usesStack ? `(s[${S_SEG_ATTR + SS}] & 0x4000) !== 0` : "false"}`,
    ];
    const memberConsts = this.members.map((_, m) => `B${m} = M[${m}], E${m} = B${m}.exits, S${m} = B${m}.skips`).join(", ");
    return (
      `"use strict";\nconst ${memberConsts};\n` +
      (this.consts.size > 0 ? `const ${[...this.consts.values()].join(", ")};\n` : "") +
      `const NS = [${this.members.map((x) => x.b.insns.length).join(",")}], EM = [${this.members.map((_, m) => `E${m}`).join(",")}];\n` +
      `return function ${name}(cpu, left) {\n` +
      // The memory views and the TLB arrays as the function's own constants (not reloaded from
      // the closure's context at every access).
      `const s = cpu.s, RT = P_RT, WT = P_WT, FR = P_FR, TM = P_TM, I32 = P_I32, U16 = P_U16, U8 = P_U8, mmu = P_mmu;\n` +
      `let ${decls.join(", ")};\n` +
      `let L = 0, a = 0, p = 0, t = 0, q = 0, b = 0, sp = 0, fa = 0, fb = 0, fr = 0, xe = 0, xk = 0, xm = 0, xt = 0, rt = 0;\n` +
      // A single block is its loop alone; a region dispatches its members with a switch and
      // shares one transfer check after it.
      (this.members.length === 1
        ? `${text}\n`
        : `out: for (;;) {\nsw: switch (L) {\n${text}\ndefault: return 0;\n}\n` +
          `if (left - xk >= NS[xt] && (s[${S_EFLAGS}] & ${TF_BIT}) === 0) { left -= xk; rt += xk; EM[xm][xk]++; L = xt; continue; }\nbreak;\n}\n`) +
      `${wb} s[${S_EIP}] = xe; H.current = M[xm]; return xk;\n};`
    );
  }
}

/**
 * The generated source of a region (exported for tests and the bench's dump): `blocks[0]` is
 * the entry; `csBase` the code-segment base the blocks were decoded under; with `transfers`
 * false (breakpoints set) every branch returns to the engine.
 */
export function regionSource(blocks: readonly TBlock[], csBase: number, transfers = true, innerLoops = false): string {
  const w = new RegionWriter(blocks, csBase, transfers, innerLoops);
  return w.source(`region_${(blocks[0]!.start >>> 0).toString(16)}`);
}

type Factory = (
  H: ChainHost,
  M: readonly TBlock[],
  RT: Int32Array,
  WT: Int32Array,
  FR: Int32Array,
  TM: number,
  I32: Int32Array,
  U16: Uint16Array,
  U8: Uint8Array,
  mmu: Mmu,
  testCCFn: typeof testCC,
  computeCFFn: typeof computeCF,
) => BlockFn;

/** Compiles a region for the processor whose Mmu is `mmu`; returns the function and its source size. */
export function compileRegion(
  blocks: readonly TBlock[],
  csBase: number,
  mmu: Mmu,
  host: ChainHost,
  transfers = true,
  innerLoops = false,
): { fn: BlockFn; bytes: number; reused: boolean } {
  const src = regionSource(blocks, csBase, transfers, innerLoops);
  const { factory, reused } = cachedFactory(
    src,
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- translation is the point of this package
    () => new Function("H", "M", "P_RT", "P_WT", "P_FR", "P_TM", "P_I32", "P_U16", "P_U8", "P_mmu", "testCC", "computeCF", src) as Factory,
  );
  const tlb = mmu.tlb;
  const fn = factory(host, blocks, tlb.readTag, tlb.writeTag, tlb.frame, tlb.readTag.length - 1, mmu.ram.i32, mmu.ram.u16, mmu.ram.u8, mmu, testCC, computeCF);
  return { fn, bytes: src.length, reused };
}
