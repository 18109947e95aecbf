/**
 * Dispatch structures built once, at module load, from `OPCODES`: the decoder never looks at the
 * table's selector fields at run time. Each (map, opcode) slot holds either an entry index (>= 0),
 * UD (-1), or a split node (<= -2, node id = -2 - slot) that selects by ModRM.reg, ModRM.mod,
 * ModRM.rm, mandatory prefix, operand size or address size, in that order (QEMU decode-new's
 * group functions and decode_by_prefix, expressed as data). The prefix split comes after the
 * ModRM splits so that one group member can require "no prefix" (0F 01 C8 MONITOR) while its
 * siblings keep 66 as an operand-size prefix (66 0F 01 /2 LGDT).
 */
import { OPCODES } from "../table/opcodes";
import type { OpDef, OpMap } from "../table/types";
import type { Operand } from "../table/operands";

export const SPLIT_REG = 0;
export const SPLIT_MOD = 1;
export const SPLIT_RM = 2;
export const SPLIT_PFX = 3;
export const SPLIT_OSZ = 4;
export const SPLIT_ASZ = 5;
const SPLIT_FIRST = SPLIT_REG;
const SPLIT_WIDTH = [8, 2, 8, 4, 2, 2] as const;

export const UD = -1;

export interface SplitNode {
  readonly kind: number;
  readonly slots: Int32Array;
  /**
   * Prefix splits only. Strict (SSE-style) nodes make a missing 66/F2/F3 form #UD. A lenient node
   * (its prefix-less form is a legacy instruction, e.g. 90 NOP beside F3 90 PAUSE) falls back to
   * the prefix-less form, the prefix keeping its legacy meaning (operand size, REP).
   */
  lenient: boolean;
}

export const MAP_INDEX: Record<OpMap, number> = { "1b": 0, "0f": 1, "0f38": 2, "0f3a": 3 };

/** Immediate kinds, in the order they follow the ModRM/SIB/displacement bytes. */
export const IMM_NONE = 0;
export const IMM_B = 1;
export const IMM_BS = 2;
export const IMM_W = 3;
export const IMM_Z = 4;
export const IMM_JB = 5;
export const IMM_JZ = 6;
export const IMM_AP = 7;
export const IMM_MOFFS = 8;

/** Per-entry attributes derived from its operand codes. */
export const ATTR_MODRM = 1;
/** r/m is a register whatever mod says (MOV CRn/DRn). */
export const ATTR_FORCE_REG = 2;
/** Memory-only operand (M*): mod=11 is #UD. */
export const ATTR_MEM_ONLY = 4;
/** Register-only r/m operand (R, N, U): mod != 11 is #UD. */
export const ATTR_REG_ONLY = 8;
export const ATTR_LOCK = 0x10;
/** Control-register operand: only CR0, CR2, CR3, CR4 exist (others #UD, SDM "MOV—Move to/from Control Registers"). */
export const ATTR_CR = 0x20;

const MODRM_OPS: ReadonlySet<Operand> = new Set<Operand>([
  "Eb", "Ew", "Ed", "Ev", "Gb", "Gw", "Gd", "Gv", "Rd", "M", "Mb", "Mw", "Md", "Mq", "Mt", "Mx", "Mp", "Ma",
  "Ms", "Env", "Mfx", "Sw", "Cd", "Dd", "STi", "Pq", "Qq", "Qd", "Nq", "Vx", "Wx", "Wq", "Wd", "Ww", "Ux",
  "RdMb", "RdMw",
]);
const MEM_ONLY_OPS: ReadonlySet<Operand> = new Set<Operand>([
  "M", "Mb", "Mw", "Md", "Mq", "Mt", "Mx", "Mp", "Ma", "Ms", "Env", "Mfx",
]);
const REG_ONLY_OPS: ReadonlySet<Operand> = new Set<Operand>(["Nq", "Ux"]);

function immKind(o: Operand): number {
  switch (o) {
    case "Ib": return IMM_B;
    case "Ibs": return IMM_BS;
    case "Iw": return IMM_W;
    case "Iz": case "Iv": return IMM_Z;
    case "Jb": return IMM_JB;
    case "Jz": return IMM_JZ;
    case "Ap": return IMM_AP;
    case "Ob": case "Ov": return IMM_MOFFS;
    default: return IMM_NONE;
  }
}

function buildAttrs(e: OpDef): { attr: number; imm1: number; imm2: number } {
  let attr = 0;
  if (e.reg !== undefined || e.mod !== undefined || e.rm !== undefined || e.map === "0f38" || e.map === "0f3a") attr |= ATTR_MODRM;
  if (e.map === "1b" && e.opc >= 0xd8 && e.opc <= 0xdf) attr |= ATTR_MODRM;
  let imm1 = IMM_NONE;
  let imm2 = IMM_NONE;
  for (const o of e.ops) {
    if (MODRM_OPS.has(o)) attr |= ATTR_MODRM;
    if (MEM_ONLY_OPS.has(o)) attr |= ATTR_MEM_ONLY;
    if (REG_ONLY_OPS.has(o)) attr |= ATTR_REG_ONLY;
    if (o === "Rd" || o === "Cd" || o === "Dd") attr |= ATTR_FORCE_REG;
    if (o === "Cd") attr |= ATTR_CR;
    const k = immKind(o);
    if (k !== IMM_NONE) {
      if (imm1 === IMM_NONE) imm1 = k;
      else imm2 = k;
    }
  }
  if (e.lock === true) attr |= ATTR_LOCK;
  return { attr, imm1, imm2 };
}

/** `ENTRY_ATTR[i]`: ATTR_* bits of `OPCODES[i]`. */
export const ENTRY_ATTR = new Uint8Array(OPCODES.length);
/** `ENTRY_IMM1[i]`, `ENTRY_IMM2[i]`: IMM_* kinds of `OPCODES[i]`'s immediates. */
export const ENTRY_IMM1 = new Uint8Array(OPCODES.length);
export const ENTRY_IMM2 = new Uint8Array(OPCODES.length);
/** Root slots: `ROOT[map * 256 + opcode]`. */
export const ROOT = new Int32Array(4 * 256).fill(UD);
export const NODES: SplitNode[] = [];

function newNode(kind: number, fill: number): number {
  const width = SPLIT_WIDTH[kind] ?? 0;
  const slots = new Int32Array(width).fill(UD);
  // What was there before a prefix split is the prefix-less form only; the other prefix slots
  // fall back to it at decode time when the node is lenient.
  if (kind === SPLIT_PFX) slots[0] = cloneSlot(fill);
  else for (let i = 0; i < width; i++) slots[i] = cloneSlot(fill);
  NODES.push({ kind, slots, lenient: false });
  return -2 - (NODES.length - 1);
}

function cloneSlot(slot: number): number {
  if (slot > -2) return slot;
  const n = NODES[-2 - slot];
  if (n === undefined) throw new Error("dispatch: bad node");
  const id = newNode(n.kind, UD);
  const copy = NODES[-2 - id];
  if (copy === undefined) throw new Error("dispatch: bad node");
  for (let i = 0; i < n.slots.length; i++) copy.slots[i] = cloneSlot(n.slots[i] ?? UD);
  return id;
}

/** The selector values of entry `e` for split kind `k`, or undefined if `e` does not select on it. */
function selectors(e: OpDef, k: number): readonly number[] | undefined {
  switch (k) {
    case SPLIT_PFX: return e.pfx === undefined ? undefined : [{ none: 0, "66": 1, f3: 2, f2: 3 }[e.pfx]];
    case SPLIT_REG: return e.reg === undefined ? undefined : [e.reg];
    case SPLIT_MOD: return e.mod === undefined ? (e.rm !== undefined ? [1] : undefined) : [e.mod === "mem" ? 0 : 1];
    case SPLIT_RM: return e.rm === undefined ? undefined : [e.rm];
    case SPLIT_OSZ: return e.osz === undefined ? undefined : [e.osz === 16 ? 0 : 1];
    case SPLIT_ASZ: return e.asz === undefined ? undefined : [e.asz === 16 ? 0 : 1];
    default: return undefined;
  }
}

/** Inserts an entry that does not select on `node`'s kind under all its slots (prefix: slot "none" only). */
function spread(node: SplitNode, idx: number, e: OpDef): void {
  const n = node.kind === SPLIT_PFX ? 1 : node.slots.length;
  for (let i = 0; i < n; i++) node.slots[i] = insert(node.slots[i] ?? UD, idx, e, node.kind + 1);
}

/** Inserts entry `idx` below `slot`, considering split kinds >= `from`; returns the new slot. */
function insert(slot: number, idx: number, e: OpDef, from: number): number {
  let k = from;
  while (k <= SPLIT_ASZ && selectors(e, k) === undefined) k++;
  const node = slot <= -2 ? NODES[-2 - slot] : undefined;
  if (k > SPLIT_ASZ) {
    // The entry applies to every remaining selector value.
    if (slot === UD) return idx;
    if (node === undefined) throw new Error(`opcode table: ${e.mn} duplicates ${OPCODES[slot]?.mn ?? "?"} (${e.map} ${e.opc.toString(16)})`);
    spread(node, idx, e);
    return slot;
  }
  if (node !== undefined && node.kind < k) {
    spread(node, idx, e);
    return slot;
  }
  let target = slot;
  if (node === undefined || node.kind !== k) target = newNode(k, slot);
  const t = NODES[-2 - target];
  if (t === undefined) throw new Error("dispatch: bad node");
  for (const v of selectors(e, k) ?? []) t.slots[v] = insert(t.slots[v] ?? UD, idx, e, k + 1);
  return target;
}

/** Extensions of legacy (pre-SSE) instructions, whose prefix splits are lenient. */
const LEGACY_EXT: ReadonlySet<string> = new Set(["i386", "i486", "p5", "p6", "x87"]);

OPCODES.forEach((e: OpDef, idx) => {
  const a = buildAttrs(e);
  ENTRY_ATTR[idx] = a.attr;
  ENTRY_IMM1[idx] = a.imm1;
  ENTRY_IMM2[idx] = a.imm2;
  const r = MAP_INDEX[e.map] * 256 + e.opc;
  ROOT[r] = insert(ROOT[r] ?? UD, idx, e, SPLIT_FIRST);
});

/** True when every entry reachable from `slot` is a legacy (non-SIMD) instruction. */
function legacyOnly(slot: number): boolean {
  if (slot === UD) return true;
  if (slot >= 0) return LEGACY_EXT.has(OPCODES[slot]?.ext ?? "sse");
  const n = NODES[-2 - slot];
  return n !== undefined && Array.from(n.slots).every(legacyOnly);
}

for (const n of NODES) {
  if (n.kind === SPLIT_PFX) n.lenient = (n.slots[0] ?? UD) !== UD && legacyOnly(n.slots[0] ?? UD);
}

/** A readable view of one opcode's sub-tables (group by /reg, mod, rm, mandatory prefix, size). */
export type SubTable =
  | { readonly kind: "ud" }
  | { readonly kind: "entry"; readonly index: number; readonly entry: OpDef }
  | { readonly kind: "reg" | "mod" | "rm" | "prefix" | "osz" | "asz"; readonly slots: readonly SubTable[] };

const KIND_NAMES = ["reg", "mod", "rm", "prefix", "osz", "asz"] as const;

function view(slot: number): SubTable {
  if (slot === UD) return { kind: "ud" };
  if (slot >= 0) {
    const entry: OpDef | undefined = OPCODES[slot];
    return entry === undefined ? { kind: "ud" } : { kind: "entry", index: slot, entry };
  }
  const n = NODES[-2 - slot];
  if (n === undefined) return { kind: "ud" };
  return { kind: KIND_NAMES[n.kind] ?? "reg", slots: Array.from(n.slots, view) };
}

/**
 * The sub-tables under one opcode, as the decoder walks them: e.g. `subTable("1b", 0x80)` is a
 * "reg" split whose eight slots are ADD, OR, ADC, SBB, AND, SUB, XOR, CMP (SDM group 1);
 * `subTable("0f", 0x10)` a "prefix" split (none, 66, F3, F2) of MOVUPS, MOVUPD, MOVSS, MOVSD.
 * Slot order: reg/rm 0..7; mod [memory, register]; prefix [none, 66, F3, F2]; osz/asz [16, 32].
 */
export function subTable(map: OpMap, opcode: number): SubTable {
  return view(ROOT[MAP_INDEX[map] * 256 + (opcode & 0xff)] ?? UD);
}
