/**
 * ModRM/SIB memory forms (SDM Vol. 2 §2.1.5, Tables 2-1 to 2-3) chosen at random and solved for
 * register values, so that the effective address lands on a linear target the generator picked
 * (in the data page, or deliberately in an unmapped page).
 */
import type { Prng } from "../prng";

export interface MemoryForm {
  /** ModRM mod (0..2) and rm. */
  readonly mod: number;
  readonly rm: number;
  /** SIB byte, when rm = 4 in 32-bit addressing. */
  readonly sib?: number;
  /** Displacement bytes (little-endian). */
  readonly disp: number[];
  /** Register values the form needs (register number -> full 32-bit value). */
  readonly regs: Map<number, number>;
  /** The segment register the form uses by default (2 = SS for EBP/ESP/BP bases, else 3 = DS). */
  readonly defaultSeg: number;
  /** Effective address actually produced (may differ from the wish by one, see solveSame). */
  readonly ea: number;
}

const SEG_SS = 2;
const SEG_DS = 3;

function le(value: number, bytes: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes; i++) out.push((value >>> (8 * i)) & 0xff);
  return out;
}

/** Modular inverse of an odd number mod 2^32 (Newton iteration). */
function inverseOdd(a: number): number {
  let x = a;
  for (let i = 0; i < 5; i++) x = Math.imul(x, 2 - Math.imul(a, x));
  return x >>> 0;
}

/**
 * A 32-bit addressing form producing `ea`, using only registers outside `pinned` (registers whose
 * value the instruction's semantics need, e.g. ESP for PUSH). `randomValue` supplies free values.
 */
export function solve32(rng: Prng, ea: number, pinned: ReadonlySet<number>, randomValue: () => number): MemoryForm {
  const free = [0, 1, 2, 3, 4, 5, 6, 7].filter((r) => !pinned.has(r));
  const regs = new Map<number, number>();
  const shape = rng.below(10);
  // disp32 only: mod 00, rm 101
  if (shape === 0 || free.length === 0) {
    return { mod: 0, rm: 5, disp: le(ea, 4), regs, defaultSeg: SEG_DS, ea };
  }
  const mod = rng.below(3);
  const useSib = shape >= 6;
  if (!useSib) {
    const candidates = free.filter((r) => r !== 4 && !(mod === 0 && r === 5));
    if (candidates.length === 0) return { mod: 0, rm: 5, disp: le(ea, 4), regs, defaultSeg: SEG_DS, ea };
    const base = rng.pick(candidates);
    const d = mod === 1 ? ((rng.u32() & 0xff) << 24) >> 24 : mod === 2 ? rng.u32() | 0 : 0;
    regs.set(base, (ea - d) >>> 0);
    const disp = mod === 1 ? le(d, 1) : mod === 2 ? le(d, 4) : [];
    return { mod, rm: base, disp, regs, defaultSeg: base === 5 ? SEG_SS : SEG_DS, ea };
  }
  // SIB: base (5 with mod 00 = no base, disp32), index (4 = none), scale
  const scale = rng.below(4);
  const indexChoices = free.filter((r) => r !== 4);
  const index = rng.chance(0.15) || indexChoices.length === 0 ? 4 : rng.pick(indexChoices);
  const baseChoices = mod === 0 ? [...free, 5] : free;
  const base = rng.pick(baseChoices.length ? baseChoices : [5]);
  const noBase = mod === 0 && base === 5;
  if (!noBase && pinned.has(base)) {
    return { mod: 0, rm: 5, disp: le(ea, 4), regs, defaultSeg: SEG_DS, ea };
  }
  let d = mod === 1 ? ((rng.u32() & 0xff) << 24) >> 24 : mod === 2 || noBase ? rng.u32() | 0 : 0;
  let target = ea;
  if (index !== 4 && !noBase && index === base) {
    // v * (1 + 2^scale) + d = target (mod 2^32)
    const k = 1 + (1 << scale);
    if (k % 2 === 1) {
      regs.set(base, Math.imul((target - d) | 0, inverseOdd(k)) >>> 0);
    } else {
      if (((target - d) & 1) !== 0) {
        if (mod === 0) target = (target - 1) >>> 0;
        else if (mod === 1) d = d === 127 ? 126 : d + 1;
        else d = (d + 1) | 0;
      }
      regs.set(base, (((target - d) | 0) >>> 1) >>> 0);
    }
  } else {
    const iv = index === 4 ? 0 : rng.chance(0.5) ? randomValue() : rng.below(0x100) - 0x80;
    if (index !== 4) regs.set(index, iv >>> 0);
    const rest = (target - Math.imul(iv, 1 << scale)) | 0;
    if (noBase) d = rest;
    else regs.set(base, (rest - d) >>> 0);
  }
  const sib = (scale << 6) | (index << 3) | base;
  const disp = mod === 1 ? le(d, 1) : mod === 2 || noBase ? le(d, 4) : [];
  return { mod, rm: 4, sib, disp, regs, defaultSeg: !noBase && (base === 4 || base === 5) ? SEG_SS : SEG_DS, ea: target };
}

/** 16-bit forms: rm 0 BX+SI, 1 BX+DI, 2 BP+SI, 3 BP+DI, 4 SI, 5 DI, 6 BP (mod 00: disp16), 7 BX. */
const FORMS16: readonly (readonly number[])[] = [[3, 6], [3, 7], [5, 6], [5, 7], [6], [7], [5], [3]];

export function solve16(rng: Prng, ea16: number, pinned: ReadonlySet<number>): MemoryForm {
  const regs = new Map<number, number>();
  const usable = [0, 1, 2, 3, 4, 5, 6, 7].filter((rm) => (FORMS16[rm] ?? []).every((r) => !pinned.has(r)));
  if (rng.chance(0.1) || usable.length === 0) {
    return { mod: 0, rm: 6, disp: le(ea16, 2), regs, defaultSeg: SEG_DS, ea: ea16 };
  }
  const rm = rng.pick(usable);
  const mod = rm === 6 ? 1 + rng.below(2) : rng.below(3);
  const d = mod === 1 ? ((rng.u32() & 0xff) << 24) >> 24 : mod === 2 ? rng.u32() & 0xffff : 0;
  const used = FORMS16[rm] ?? [];
  const high = (): number => rng.u32() & 0xffff0000;
  if (used.length === 2) {
    const a = rng.u32() & 0xffff;
    regs.set(used[0] ?? 0, (high() | a) >>> 0);
    regs.set(used[1] ?? 0, (high() | ((ea16 - a - d) & 0xffff)) >>> 0);
  } else {
    regs.set(used[0] ?? 0, (high() | ((ea16 - d) & 0xffff)) >>> 0);
  }
  const disp = mod === 1 ? le(d, 1) : mod === 2 ? le(d, 2) : [];
  return { mod, rm, disp, regs, defaultSeg: used.includes(5) ? SEG_SS : SEG_DS, ea: ea16 };
}
