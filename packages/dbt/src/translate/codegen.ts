/**
 * Block translation: one JavaScript function per block, built with `new Function`. The hot
 * integer forms that @strata/isa's interpreter runs through its specialized handlers
 * (exec/fast.ts: MOV, LEA, ADD/SUB/CMP/AND/OR/XOR/TEST on 32-bit registers, loads and stores
 * through base+index+disp, shifts by an immediate, Jcc, JMP rel; byte AND/OR/XOR/TEST) are emitted inline with register
 * numbers, displacements and targets as literals, lazy flags (the same S_CC_* record the
 * interpreter writes) and an inline TLB fast path for 32-bit loads and stores (QEMU's softmmu
 * fast path; the slow path is the Mmu call). Every other instruction is a direct call of its
 * interpreter handler: one monomorphic call site per instruction, which V8 can inline, instead of
 * the interpreter's megamorphic indirect call.
 *
 * Precision: a local `k` holds the index of the instruction that may fault next, so a fault
 * returns -(k + 1) with state exactly as the interpreter leaves it at that instruction (handlers
 * and the Mmu never change state before they fault). After an instruction that may set cpu.stop
 * (any handler call, a store that reached a write-watched page) the block returns the count so
 * far, as the interpreter's loop does.
 */
import { FAULT, type Insn, OPCODES, S_EIP, S_CC_DST, S_CC_OP, S_CC_SRC, S_CC_SRC2, S_SEG_BASE, S_ZERO, testCC, type Mmu, PAGE_SIZE } from "@strata/isa";
import type { BlockFn, TBlock } from "../cache/block";
import { learnedFlags, type LearnedFlags } from "./learned-flags";

/** The interpreter's specialized forms that are emitted inline (by handler name). */
export const INLINE_FORMS: ReadonlySet<string> = new Set([
  "movRR32", "movRI32", "movRM32", "movMR32", "movMI32", "lea32",
  "addRR32", "addRI32", "addRM32", "subRR32", "subRI32",
  "cmpRR32", "cmpRI32", "cmpRM32", "cmpMR32", "cmpMI32",
  "andRR32", "andRI32", "orRR32", "xorRR32", "testRR32",
  "shlRI32", "shrRI32", "sarRI32", "jmpRel",
  "movMI8", "movMR8", "movRM8", "movzxRM8", "movzxRR8", "movsxRM8", "movzxRM16", "cmpMI8",
]);

/**
 * Specialized handlers that neither fault nor stop (they need the lazy CF, which isa computes
 * privately): called directly, without the fault index or the stop check.
 */
const PURE_CALLS: ReadonlySet<string> = new Set(["incR32", "decR32"]);

const OFFSET_MASK = PAGE_SIZE - 1;
const LAST_ALIGNED_DWORD = PAGE_SIZE - 4;

function ea(i: Insn, withSegment: boolean): string {
  const parts: string[] = [];
  if (i.base !== S_ZERO && i.base >= 0) parts.push(`s[${i.base}]`);
  if (i.index !== S_ZERO && i.index >= 0) parts.push(i.scale === 0 ? `s[${i.index}]` : `(s[${i.index}] << ${i.scale})`);
  if (i.disp !== 0 || parts.length === 0) parts.push(String(i.disp | 0));
  if (withSegment) parts.push(`s[${S_SEG_BASE + i.seg}]`);
  return `(${parts.join(" + ")}) | 0`;
}

/** `v = [ea]` as a dword, TLB fast path inline. */
function load32(i: Insn, target: string): string {
  return (
    `a = ${ea(i, true)}; p = a >>> 12; t = p & TM; ` +
    `if (RT[t] === p && (a & ${OFFSET_MASK}) <= ${LAST_ALIGNED_DWORD} && ((q = FR[t] | (a & ${OFFSET_MASK})) & 3) === 0) ${target} = I32[q >> 2]; ` +
    `else ${target} = mmu.read32(a);`
  );
}

/** `[ea] = value` as a dword; only the slow path can reach a watched page, so only it checks stop. */
function store32(i: Insn, value: string, j: number): string {
  return (
    `a = ${ea(i, true)}; p = a >>> 12; t = p & TM; ` +
    `if (WT[t] === p && (a & ${OFFSET_MASK}) <= ${LAST_ALIGNED_DWORD} && ((q = FR[t] | (a & ${OFFSET_MASK})) & 3) === 0) I32[q >> 2] = ${value}; ` +
    `else { mmu.write32(a, ${value}); if (cpu.stop !== 0) return ${j + 1}; }`
  );
}

/** `v = [ea]` as a byte. */
function load8(i: Insn, target: string): string {
  return (
    `a = ${ea(i, true)}; p = a >>> 12; t = p & TM; ` +
    `if (RT[t] === p) ${target} = U8[FR[t] | (a & ${OFFSET_MASK})]; else ${target} = mmu.read8(a);`
  );
}

/** `v = [ea]` as a word. */
function load16(i: Insn, target: string): string {
  return (
    `a = ${ea(i, true)}; p = a >>> 12; t = p & TM; ` +
    `if (RT[t] === p && (a & ${OFFSET_MASK}) !== ${OFFSET_MASK}) { q = FR[t] | (a & ${OFFSET_MASK}); ${target} = (q & 1) === 0 ? U16[q >> 1] : U8[q] | (U8[q + 1] << 8); } ` +
    `else ${target} = mmu.read16(a);`
  );
}

function store8(i: Insn, value: string, j: number): string {
  return (
    `a = ${ea(i, true)}; p = a >>> 12; t = p & TM; ` +
    `if (WT[t] === p) U8[FR[t] | (a & ${OFFSET_MASK})] = ${value}; ` +
    `else { mmu.write8(a, ${value}); if (cpu.stop !== 0) return ${j + 1}; }`
  );
}

function setFlags(op: number, dst: string, src: string | null): string {
  return `s[${S_CC_OP}] = ${op}; s[${S_CC_DST}] = ${dst};` + (src === null ? "" : ` s[${S_CC_SRC}] = ${src};`);
}

/**
 * What a flag-setting instruction leaves in locals for a Jcc right after it: the operands of a
 * subtraction (CMP/SUB) or the result of a logical operation (TEST/AND/OR/XOR). The Jcc then
 * compares them directly instead of decoding the lazy-flags record (which is still written: the
 * flags stay live after the block).
 */
type FlagSource = { readonly kind: "sub"; readonly a: string; readonly b: string } | { readonly kind: "logic"; readonly r: string };

interface Emitted {
  readonly code: string;
  /** May raise a fault (needs k = j before it). */
  readonly faults: boolean;
  readonly flags?: FlagSource;
  /**
   * After a flag-setting instruction: its CF as an expression over the locals it just wrote
   * ("0" for logical operations); absent when the instruction writes flags some other way.
   * Undefined `cf` together with `writesFlags` means CF is unknown afterwards.
   */
  readonly cf?: string;
  readonly writesFlags?: boolean;
}

/**
 * The condition `cc` (SDM Vol. 2 Appendix B.1 order: O NO B AE E NE BE A S NS P NP L GE LE G) as
 * a JavaScript expression over the operands of the preceding flag-setting instruction, or null
 * where that needs the flags themselves (OF, PF).
 */
function fusedCondition(cc: number, f: FlagSource): string | null {
  if (f.kind === "sub") {
    const { a, b } = f;
    switch (cc) {
      case 2: return `(${a} >>> 0) < (${b} >>> 0)`;
      case 3: return `(${a} >>> 0) >= (${b} >>> 0)`;
      case 4: return `${a} === ${b}`;
      case 5: return `${a} !== ${b}`;
      case 6: return `(${a} >>> 0) <= (${b} >>> 0)`;
      case 7: return `(${a} >>> 0) > (${b} >>> 0)`;
      case 8: return `((${a} - ${b}) | 0) < 0`;
      case 9: return `((${a} - ${b}) | 0) >= 0`;
      case 12: return `${a} < ${b}`;
      case 13: return `${a} >= ${b}`;
      case 14: return `${a} <= ${b}`;
      case 15: return `${a} > ${b}`;
      default: return null;
    }
  }
  const r = f.r;
  switch (cc) {
    case 2: return "false";
    case 3: return "true";
    case 4: case 6: return `${r} === 0`;
    case 5: case 7: return `${r} !== 0`;
    case 8: case 12: return `${r} < 0`;
    case 9: case 13: return `${r} >= 0`;
    case 14: return `${r} <= 0`;
    case 15: return `${r} > 0`;
    default: return null;
  }
}

/**
 * The exit of instruction j to the static target `target` (a taken Jcc, JMP rel): with chaining
 * on, call the target's translation directly (QEMU's goto_tb) when it exists, is translated, fits
 * the budget, nothing asked to stop and no code was invalidated, retiring this block's part first
 * exactly as the engine would; chains are at most MAX_CHAIN deep, then the engine's loop resumes.
 * The slot C<j> remembers the target block (checked for validity on each use).
 */
function exitTo(j: number, target: number, chain: boolean): string {
  if (!chain) return `s[${S_EIP}] = ${target}; return ${j + 1};`;
  return (
    `s[${S_EIP}] = ${target}; ` +
    `if (D < ${MAX_CHAIN} && cpu.flushDecoded === false) { ` +
    `nb = C${j}; if (nb === null || !nb.valid) nb = C${j} = H.chainTarget((${target} + s[${S_SEG_BASE + 1}]) | 0, B.mode); ` +
    `if (nb !== null && nb.fn !== null && left - ${j + 1} >= nb.insns.length) { ` +
    `cpu.retired += ${j + 1}; E[${j + 1}]++; H.directChains++; s[${S_EIP}] = nb.end; return nb.fn(cpu, left - ${j + 1}, D + 1); } } ` +
    `return ${j + 1};`
  );
}

/** Deepest direct chain before control returns to the engine's loop (bounds the JS stack). */
const MAX_CHAIN = 32;

/** Jcc: fused with the preceding flag setter when possible; a branch to the block start loops. */
function inlineJcc(i: Insn, j: number, loopTo: number, prev: FlagSource | undefined, chain: boolean): Emitted {
  const cond = (prev !== undefined ? fusedCondition(i.cc, prev) : null) ?? `testCC(s, ${i.cc})`;
  if ((i.v0 | 0) === loopTo) {
    // A branch back to the block's own start: loop inside the function while a whole pass
    // still fits the budget (the engine's rule for entering a block), nothing asked to stop
    // and no code was invalidated; each pass is retired as the engine would retire it. EIP
    // keeps the block's end (set by the engine) for a pass that runs to the end.
    return {
      code:
        `if (${cond}) { ` +
        `if (left - ${j + 1} >= N && cpu.stop === 0 && cpu.flushDecoded === false && B.valid) { left -= ${j + 1}; cpu.retired += ${j + 1}; E[${j + 1}]++; k = 0; continue; } ` +
        `${exitTo(j, i.v0 | 0, chain)} }`,
      faults: false,
    };
  }
  return { code: `if (${cond}) { ${exitTo(j, i.v0 | 0, chain)} }`, faults: false };
}

/** AND/OR/XOR/TEST of byte registers, or of a byte register and an immediate (generic handler forms). */
function inlineLogic8(i: Insn, sem: string, f: LearnedFlags): Emitted | null {
  if (i.k0 !== f.kindReg || (i.k1 !== f.kindReg && i.k1 !== f.kindImm)) return null;
  const op = sem === "or" ? "|" : sem === "xor" ? "^" : "&";
  const src = i.k1 === f.kindReg ? `r8[${i.v1}]` : String(i.v1 & 0xff);
  const store = sem === "test" ? "" : ` r8[${i.v0}] = r;`;
  return { code: `r = (r8[${i.v0}] ${op} ${src}) & 0xff;${store} ${setFlags(f.logic8, "r", null)}`, faults: false, cf: "0" };
}

const SUB_CA_B: FlagSource = { kind: "sub", a: "ca", b: "b" };
const SUB_CF = "(ca >>> 0) < (b >>> 0) ? 1 : 0";
const ADD_CF = "(r >>> 0) < (b >>> 0) ? 1 : 0";
const LOGIC_R: FlagSource = { kind: "logic", r: "r" };

/** Inline code for instruction j, or null to call its handler. */
function inline(i: Insn, j: number, f: LearnedFlags | null, loopTo: number, prev: FlagSource | undefined, chain: boolean): Emitted | null {
  // Jcc is recognised by the table's semantics (the interpreter binds a handler per condition);
  // a monitor callout in its place (named "callout", engine/dbt-engine.ts) is never inlined.
  const sem = i.exec.name !== "callout" ? OPCODES[i.entry]?.sem : undefined;
  if (sem === "jcc") return inlineJcc(i, j, loopTo, prev, chain);
  if (f !== null && i.size === 1 && i.lock === 0 && (sem === "and" || sem === "or" || sem === "xor" || sem === "test")) {
    const byteLogic = inlineLogic8(i, sem, f);
    if (byteLogic !== null) return byteLogic;
  }
  const name = i.exec.name;
  if (!INLINE_FORMS.has(name)) return null;
  const d = i.v0;
  const srcReg = `s[${i.v1}]`;
  const imm = String(i.v1 | 0);
  switch (name) {
    case "movRR32":
      return { code: `s[${d}] = ${srcReg};`, faults: false };
    case "movRI32":
      return { code: `s[${d}] = ${imm};`, faults: false };
    case "movRM32":
      return { code: load32(i, `s[${d}]`), faults: true };
    case "movMR32":
      return { code: store32(i, srcReg, j), faults: true };
    case "movMI32":
      return { code: store32(i, imm, j), faults: true };
    case "lea32":
      return { code: `s[${d}] = ${ea(i, false)};`, faults: false };
    case "movMI8":
      return { code: store8(i, String(i.v1 & 0xff), j), faults: true };
    case "movMR8":
      return { code: store8(i, `r8[${i.v1}]`, j), faults: true };
    case "movRM8":
      return { code: load8(i, `r8[${d}]`), faults: true };
    case "movzxRM8":
      return { code: load8(i, `s[${d}]`), faults: true };
    case "movsxRM8":
      return { code: `${load8(i, "b")} s[${d}] = (b << 24) >> 24;`, faults: true };
    case "movzxRM16":
      return { code: load16(i, `s[${d}]`), faults: true };
    case "movzxRR8":
      return { code: `s[${d}] = r8[${i.v1}];`, faults: false };
    case "jmpRel":
      // JMP rel ends its block: its exit is the block's last.
      return { code: chain ? exitTo(j, i.v0 | 0, true) : `s[${S_EIP}] = ${i.v0 | 0};`, faults: false };
    default:
      break;
  }
  if (f === null) return null;
  switch (name) {
    case "addRR32":
      return { code: `b = ${srcReg}; r = (s[${d}] + b) | 0; s[${d}] = r; ${setFlags(f.add32, "r", "b")}`, faults: false, cf: ADD_CF };
    case "addRI32":
      return { code: `r = (s[${d}] + ${imm}) | 0; s[${d}] = r; ${setFlags(f.add32, "r", imm)}`, faults: false, cf: `(r >>> 0) < (${imm} >>> 0) ? 1 : 0` };
    case "addRM32":
      return { code: `${load32(i, "b")} r = (s[${d}] + b) | 0; s[${d}] = r; ${setFlags(f.add32, "r", "b")}`, faults: true, cf: ADD_CF };
    case "subRR32":
      return { code: `b = ${srcReg}; ca = s[${d}]; r = (ca - b) | 0; s[${d}] = r; ${setFlags(f.sub32, "r", "b")}`, faults: false, flags: SUB_CA_B, cf: SUB_CF };
    case "subRI32":
      return { code: `ca = s[${d}]; r = (ca - ${imm}) | 0; s[${d}] = r; ${setFlags(f.sub32, "r", imm)}`, faults: false, flags: { kind: "sub", a: "ca", b: imm }, cf: `(ca >>> 0) < (${imm} >>> 0) ? 1 : 0` };
    case "cmpRR32":
      return { code: `b = ${srcReg}; ca = s[${d}]; ${setFlags(f.sub32, "(ca - b) | 0", "b")}`, faults: false, flags: SUB_CA_B, cf: SUB_CF };
    case "cmpRI32":
      return { code: `ca = s[${d}]; ${setFlags(f.sub32, `(ca - ${imm}) | 0`, imm)}`, faults: false, flags: { kind: "sub", a: "ca", b: imm }, cf: `(ca >>> 0) < (${imm} >>> 0) ? 1 : 0` };
    case "cmpRM32":
      return { code: `${load32(i, "b")} ca = s[${d}]; ${setFlags(f.sub32, "(ca - b) | 0", "b")}`, faults: true, flags: SUB_CA_B, cf: SUB_CF };
    case "cmpMR32":
      return { code: `${load32(i, "ca")} b = ${srcReg}; ${setFlags(f.sub32, "(ca - b) | 0", "b")}`, faults: true, flags: SUB_CA_B, cf: SUB_CF };
    case "cmpMI32":
      return { code: `${load32(i, "ca")} ${setFlags(f.sub32, `(ca - ${imm}) | 0`, imm)}`, faults: true, flags: { kind: "sub", a: "ca", b: imm }, cf: `(ca >>> 0) < (${imm} >>> 0) ? 1 : 0` };
    case "andRR32":
      return { code: `r = s[${d}] & ${srcReg}; s[${d}] = r; ${setFlags(f.logic32, "r", null)}`, faults: false, flags: LOGIC_R, cf: "0" };
    case "andRI32":
      return { code: `r = s[${d}] & ${imm}; s[${d}] = r; ${setFlags(f.logic32, "r", null)}`, faults: false, flags: LOGIC_R, cf: "0" };
    case "orRR32":
      return { code: `r = s[${d}] | ${srcReg}; s[${d}] = r; ${setFlags(f.logic32, "r", null)}`, faults: false, flags: LOGIC_R, cf: "0" };
    case "xorRR32":
      return { code: `r = s[${d}] ^ ${srcReg}; s[${d}] = r; ${setFlags(f.logic32, "r", null)}`, faults: false, flags: LOGIC_R, cf: "0" };
    case "testRR32":
      return { code: `r = s[${d}] & ${srcReg}; ${setFlags(f.logic32, "r", null)}`, faults: false, flags: LOGIC_R, cf: "0" };
    case "shlRI32":
      return { code: `b = s[${d}]; r = b << ${i.v1}; s[${d}] = r; ${setFlags(f.shl32, "r", `b << ${i.v1 - 1}`)}`, faults: false, writesFlags: true };
    case "shrRI32":
      return { code: `b = s[${d}]; r = (b >>> ${i.v1}) | 0; s[${d}] = r; ${setFlags(f.shr32, "r", `b >>> ${i.v1 - 1}`)}`, faults: false, writesFlags: true };
    case "cmpMI8":
      return { code: `${load8(i, "r")} ${setFlags(f.sub8, `(r - ${i.v1 & 0xff}) & 0xff`, String(i.v1 | 0))}`, faults: true, writesFlags: true };
    case "sarRI32":
      return { code: `b = s[${d}]; r = b >> ${i.v1}; s[${d}] = r; ${setFlags(f.sar32, "r", `b >> ${i.v1 - 1}`)}`, faults: false, writesFlags: true };
    default:
      return null;
  }
}

/** The generated source of a block's function body (exported for tests and the README). */
export function blockSource(b: TBlock, allowLoops = true, directChaining = false): string {
  const f = learnedFlags();
  // Loops and direct chains skip the engine's per-block checks, breakpoints among them.
  const chain = allowLoops && directChaining;
  const loopTo = allowLoops ? b.insns[0]!.eip | 0 : Number.NaN;
  const n = b.insns.length;
  // Pass 1: inline forms. Pass 2 (below) turns INC/DEC into inline code where the CF they carry
  // over is known from an earlier flag setter of the same pass (saved in the local `cf`).
  const emitted: (Emitted | null)[] = [];
  let prev: FlagSource | undefined;
  for (let j = 0; j < n; j++) {
    const e = inline(b.insns[j]!, j, f, loopTo, prev, chain);
    emitted.push(e);
    prev = e?.flags;
  }
  const saveCf = new Array<boolean>(n).fill(false);
  const incDec = new Array<boolean>(n).fill(false);
  if (f !== null) {
    let cfFrom = -1;
    for (let j = 0; j < n; j++) {
      const e = emitted[j];
      const name = b.insns[j]!.exec.name;
      if (e === null || e === undefined) {
        if ((name === "incR32" || name === "decR32") && cfFrom >= 0) {
          saveCf[cfFrom] = true;
          incDec[j] = true;
        } else cfFrom = -1; // a handler may write the flags (or CF is not in a local)
      } else if (e.cf !== undefined) cfFrom = j;
      else if (e.writesFlags === true) cfFrom = -1;
    }
  }
  const lines: string[] = [];
  let k = 0;
  for (let j = 0; j < n; j++) {
    const i = b.insns[j]!;
    const e = emitted[j] ?? null;
    if (incDec[j] && f !== null) {
      const inc = i.exec.name === "incR32";
      lines.push(`r = (s[${i.v0}] ${inc ? "+" : "-"} 1) | 0; s[${i.v0}] = r; s[${S_CC_SRC2}] = cf; s[${S_CC_DST}] = r; s[${S_CC_OP}] = ${inc ? f.inc32 : f.dec32};`);
      continue;
    }
    const pure = e === null && PURE_CALLS.has(i.exec.name);
    const faults = (e === null && !pure) || (e !== null && e.faults);
    if (faults && k !== j) {
      lines.push(`k = ${j};`);
      k = j;
    }
    if (e !== null) lines.push(saveCf[j] ? `${e.code} cf = ${e.cf!};` : e.code);
    else if (pure) lines.push(`h${j}(cpu, x${j});`);
    else lines.push(`h${j}(cpu, x${j}); if (cpu.stop !== 0) return ${j + 1};`);
  }
  const consts = b.insns.map((_, j) => `x${j} = X[${j}], h${j} = X[${j}].exec`).join(", ");
  const slots = b.insns.map((_, j) => `C${j} = null`).join(", ");
  return (
    `"use strict";\nconst ${consts};\n` +
    `const N = ${n}, E = B.exits;\nlet ${slots};\n` +
    `return function block_${(b.start >>> 0).toString(16)}(cpu, left, D) {\n` +
    `H.current = B;\n` +
    `const s = cpu.s, r8 = cpu.r8;\nlet k = 0, a = 0, p = 0, t = 0, q = 0, b = 0, r = 0, ca = 0, cf = 0, nb = null;\n` +
    `try {\nfor (;;) {\n${lines.join("\n")}\nreturn ${n};\n}\n} catch (e) { if (e !== FAULT) throw e; return -(k + 1); }\n};`
  );
}

/** What generated code needs from its engine (engine/dbt-engine.ts implements it). */
export interface ChainHost {
  /** The block whose translation runs now (set on entry; SMC and stop handling read it). */
  current: TBlock | null;
  /** Direct block-to-block calls made by translations (counted into tc.chain_hits). */
  directChains: number;
  /** The cached block at a linear address in a mode, or null (never builds one). */
  chainTarget(linear: number, mode: number): TBlock | null;
}

type Factory = (
  H: ChainHost,
  B: TBlock,
  X: readonly Insn[],
  RT: Int32Array,
  WT: Int32Array,
  FR: Int32Array,
  TM: number,
  I32: Int32Array,
  U16: Uint16Array,
  U8: Uint8Array,
  mmu: Mmu,
  testCCFn: typeof testCC,
  FAULT_: unknown,
) => BlockFn;

/** Compiles a block for the processor whose Mmu is `mmu`; returns the function and its source size. */
export function compileBlock(b: TBlock, mmu: Mmu, host: ChainHost, allowLoops = true, directChaining = false): { fn: BlockFn; bytes: number } {
  const src = blockSource(b, allowLoops, directChaining);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- translation is the point of this package
  const factory = new Function("H", "B", "X", "RT", "WT", "FR", "TM", "I32", "U16", "U8", "mmu", "testCC", "FAULT", src) as Factory;
  const tlb = mmu.tlb;
  const fn = factory(host, b, b.insns, tlb.readTag, tlb.writeTag, tlb.frame, tlb.readTag.length - 1, mmu.ram.i32, mmu.ram.u16, mmu.ram.u8, mmu, testCC, FAULT);
  return { fn, bytes: src.length };
}
