/**
 * What a CPU without an instruction's CPUID feature does with its encoding, and how the harness
 * checks it. The host CPU has the feature, so its result is not the reference for such an entry.
 * Two behaviours, each from the SDM:
 * - "ud": the encoding is undefined without the feature (each instruction's #UD condition
 *   "If CPUID.xx:yy.FEATURE[bit n] = 0"): the case must end with #UD at the instruction, every
 *   register, flag, selector, memory byte and x87/SSE state unchanged. Checked on the engine alone,
 *   against the case's own initial state.
 * - "alias": the encoding is defined as an older instruction on such a CPU. The reference is then
 *   the host running that older encoding, with the same operands (the case's bytes rewritten):
 *   still the host CPU, still independent of the engine.
 */
import { type CaseResult, type ConformanceCase } from "./case";
import { type CpuidFeature, type CpuidFunction, missingFeature } from "./features";
import { CODE_BASE, LDT_SELECTOR, USER_CS, USER_DS } from "./layout";
import type { OpDef } from "../table/types";
import { cpuid } from "../cpu/cpuid";

const UD = 6;

export interface AliasRule {
  /** What the encoding executes as, and the SDM's word for it. */
  readonly rule: string;
  /** The reference encoding: same operands, the older instruction. */
  readonly rewrite: (code: Uint8Array) => Uint8Array;
}

export type CheckPlan =
  | { readonly kind: "host" }
  | { readonly kind: "ud"; readonly feature: CpuidFeature }
  | ({ readonly kind: "alias"; readonly feature: CpuidFeature } & AliasRule);

const LEGACY_PREFIXES = new Set([0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3]);

/** The bytes with every F3 of the legacy-prefix run removed (a REP on a non-string instruction). */
export function withoutRep(code: Uint8Array): Uint8Array {
  let end = 0;
  while (end < code.length && LEGACY_PREFIXES.has(code[end]!)) end++;
  const out: number[] = [];
  code.forEach((b, i) => {
    if (i >= end || b !== 0xf3) out.push(b);
  });
  return Uint8Array.from(out);
}

/**
 * Encodings that a CPU without the feature defines as something else. Every other encoding of a
 * missing feature is #UD.
 */
function aliasRule(e: OpDef): AliasRule | undefined {
  switch (e.mn) {
    case "tzcnt":
      return { rule: "without BMI1, F3 0F BC is BSF with the F3 ignored (SDM TZCNT)", rewrite: withoutRep };
    case "lzcnt":
      return { rule: "without LZCNT, F3 0F BD is BSR with the F3 ignored (SDM LZCNT)", rewrite: withoutRep };
    case "endbr32":
    case "endbr64":
    case "rdsspd":
      return { rule: "without CET, F3 0F 1E /r is the reserved NOP 0F 1E /r with the F3 ignored (SDM ENDBR32, RDSSP)", rewrite: withoutRep };
    default:
      break;
  }
  return undefined;
}

/** How the harness checks an entry against an engine whose CPUID is `fn`. */
export function checkPlan(e: OpDef, fn: CpuidFunction = cpuid): CheckPlan {
  const feature = missingFeature(e, fn);
  if (!feature) return { kind: "host" };
  const alias = aliasRule(e);
  return alias ? { kind: "alias", feature, ...alias } : { kind: "ud", feature };
}

/** Selectors of every case at its start (./layout.ts: Linux's user segments and the LDT segment). */
const INITIAL_SREGS = [USER_DS, USER_CS, USER_DS, USER_DS, LDT_SELECTOR, LDT_SELECTOR];

/** The result a CPU without the feature produces: #UD at the instruction, nothing else changed. */
export function undefinedOpcodeResult(c: ConformanceCase): CaseResult {
  return {
    regs: Uint32Array.from(c.regs),
    eflags: c.eflags,
    eip: CODE_BASE,
    vector: UD,
    errorCode: -1,
    cr2: 0,
    sregs: Uint16Array.from(INITIAL_SREGS),
    memory: [],
    ...(c.fpu ? { fpu: Uint8Array.from(c.fpu) } : {}),
    ...(c.fxsave ? { fxsave: Uint8Array.from(c.fxsave) } : {}),
  };
}

/** The case with its code rewritten to the alias encoding (the reference runs this one). */
export function aliasCase(c: ConformanceCase, rule: AliasRule): ConformanceCase {
  return { ...c, code: rule.rewrite(c.code) };
}

/**
 * The alias reference's result seen from the original encoding: an EIP past the instruction (the
 * trap after it, or a branch) moves by the bytes the rewrite removed; one at it (a fault) stays.
 */
export function fromAliasResult(c: ConformanceCase, alias: ConformanceCase, r: CaseResult): CaseResult {
  const delta = c.code.length - alias.code.length;
  if (delta === 0 || r.eip >>> 0 === CODE_BASE) return r;
  return { ...r, eip: (r.eip + delta) >>> 0 };
}
