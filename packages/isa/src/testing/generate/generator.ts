/**
 * Random conformance cases for one opcode-table entry: an encoding (prefixes, ModRM/SIB forms,
 * displacements, immediates) and an initial state (registers, EFLAGS, data page) chosen so that
 * memory operands, the stack and string buffers land in the mapped data page, plus deliberate
 * faults (#PF on an unmapped page or a page-crossing access, #DE, #GP on bad selectors, #UD on a
 * bad LOCK). Deterministic from (seed, entry key, case number): independent of table order and of
 * `--filter`.
 */
import type { ConformanceCase } from "../case";
import { CODE_BASE, DATA_BASE, LDT_SEGMENT_BASE, LDT_SELECTOR, PAGE_SIZE, USER_CS, USER_DS } from "../layout";
import { caseMask, type MaskInput } from "../mask";
import { Prng } from "../prng";
import type { Operand } from "../../table/operands";
import type { OpDef } from "../../table/types";
import { type MemoryForm, solve16, solve32 } from "./address";
import { isSimd, isX87, type SelectedEntry } from "./entries";
import { fillVector, randomFxsaveImage } from "./simd";
import { edgeValue, registerValue, shiftCount } from "./values";
import { randomFpuImage, st0Of, writeX87Operand } from "./x87";

const EAX = 0, ECX = 1, EDX = 2, EBX = 3, ESP = 4, EBP = 5, ESI = 6, EDI = 7;
const SEG_ES = 0, SEG_CS = 1, SEG_SS = 2, SEG_DS = 3, SEG_FS = 4, SEG_GS = 5;
const SEG_PREFIX = [0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65];

/**
 * Selectors used wherever a case loads a segment register or far-transfers. Only these, because
 * any other GDT slot of the host is outside the documented machine (and 0x33, Linux's 64-bit code
 * segment, would switch the host out of 32-bit mode): the flat user segments, the LDT segment,
 * null, an LDT index past the LDT limit, and RPL-0 variants of the user segments.
 */
export const CASE_SELECTORS = [USER_CS, USER_DS, LDT_SELECTOR, 0x0000, 0x000f, USER_CS & ~3, USER_DS & ~3] as const;

const STACK_SEMS = new Set([
  "push", "pop", "pusha", "popa", "pushf", "popf", "enter", "leave", "call", "ret", "callfar", "retfar", "iret",
  "push_sreg", "pop_sreg",
]);
const STRING_SEMS = new Set(["movs", "cmps", "stos", "lods", "scas", "ins", "outs"]);
const SHIFT_SEMS = new Set(["rol", "ror", "rcl", "rcr", "shl", "shr", "sar", "sal", "shld", "shrd"]);
const BIT_SEMS = new Set(["bt", "bts", "btr", "btc"]);
const LOOP_SEMS = new Set(["loop", "loope", "loopne", "jcxz"]);
const SELECTOR_SOURCE_SEMS = new Set(["mov_to_sreg", "lar", "lsl", "verr", "verw", "lldt", "ltr"]);

/** Operand codes that come from ModRM r/m (register or memory), SDM Appendix A.2. */
const RM_OPERANDS: ReadonlySet<string> = new Set([
  "Eb", "Ew", "Ed", "Ev", "Rd", "M", "Mb", "Mw", "Md", "Mq", "Mt", "Mx", "Mp", "Ma", "Ms", "Env", "Mfx",
  "Qq", "Qd", "Nq", "Wx", "Wq", "Wd", "Ww", "Ux", "RdMb", "RdMw", "STi",
]);
/** Operand codes that come from ModRM reg. */
const REG_OPERANDS: ReadonlySet<string> = new Set(["Gb", "Gw", "Gd", "Gv", "Sw", "Cd", "Dd", "Pq", "Vx"]);

function isRmOperand(op: Operand): boolean {
  return RM_OPERANDS.has(op);
}

function needsModrm(def: OpDef): boolean {
  return def.reg !== undefined || def.mod !== undefined || def.ops.some((o) => RM_OPERANDS.has(o) || REG_OPERANDS.has(o));
}

/** Bytes of memory the r/m operand accesses (0 = address only, as LEA). */
function memSize(op: Operand, osz: number): number {
  switch (op) {
    case "Eb": case "Mb": case "RdMb": return 1;
    case "Ew": case "Mw": case "RdMw": case "Sw": return 2;
    case "Ed": case "Md": case "Rd": return 4;
    case "Ev": return osz / 8;
    case "Mq": case "Qq": case "Wq": return 8;
    case "Mt": return 10;
    case "Mp": return osz / 8 + 2;
    case "Ma": return (2 * osz) / 8;
    case "Ms": return 6;
    case "Mx": case "Wx": return 16;
    case "Env": return osz === 16 ? 14 : 28;
    case "Mfx": return 512;
    default: return 0;
  }
}

/** The key's hash, so every entry has its own stream for a given seed. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

export function generateCases(entry: SelectedEntry, seed: number, count: number): ConformanceCase[] {
  const out: ConformanceCase[] = [];
  for (let n = 0; n < count; n++) out.push(generateCase(entry, seed, n));
  return out;
}

export function generateCase(entry: SelectedEntry, seed: number, n: number): ConformanceCase {
  const rng = new Prng((Math.imul(seed >>> 0, 0x9e3779b1) ^ hashKey(entry.key) ^ Math.imul(n + 1, 0x85ebca77)) >>> 0);
  return new CaseBuilder(rng, entry, n).build();
}

class CaseBuilder {
  private readonly def: OpDef;
  private readonly regs = new Uint32Array(8);
  private readonly page = new Uint8Array(PAGE_SIZE);
  private readonly pinned = new Set<number>();
  private readonly prefixes: number[] = [];
  private readonly body: number[] = [];
  private eflags: number;
  private osz: 16 | 32;
  private asz: 16 | 32;
  private seg: number | undefined;
  private memLinear: number | undefined;
  /** Registers the memory form computes its address from. */
  private readonly addressing = new Set<number>();
  /** An x87 entry: the case carries an FPU image and memory operands get x87 formats. */
  private readonly x87: boolean;
  /** An MMX/SSE entry: the case carries an FXSAVE image. */
  private readonly simd: boolean;
  private mask: Partial<{ count: number; source: number; destReg: number; destMem: { address: number; length: number }; xmmDest: number }> = {};

  constructor(
    private readonly rng: Prng,
    private readonly entry: SelectedEntry,
    private readonly n: number,
  ) {
    this.def = entry.def;
    for (let i = 0; i < 8; i++) this.regs[i] = registerValue(rng);
    rng.fill(this.page);
    // Status flags and DF at random; IF is always 1 at CPL 3 on Linux; TF, NT, AC, IOPL stay 0.
    this.eflags = 0x202 | (rng.u32() & 0x8d5) | (rng.chance(0.25) ? 0x400 : 0);
    this.x87 = isX87(this.def) || this.def.sem === "fwait";
    this.simd = isSimd(this.def);
    // 66 selects another instruction in the SSE maps (0F 6F MOVQ mm vs 66 0F 6F MOVDQA)
    this.osz = this.def.osz ?? (this.simd || this.def.pfx ? 32 : rng.chance(0.3) ? 16 : 32);
    this.asz = this.def.asz ?? 32;
  }

  build(): ConformanceCase {
    const { def, rng } = this;
    const ops = def.ops;
    const sem = def.sem;
    const rmOp = ops.find(isRmOperand);
    const modrm = needsModrm(def);
    const memForm = modrm && rmOp !== undefined && rmOp !== "Rd" && rmOp !== "STi" && def.mod !== "reg" &&
      (def.mod === "mem" || rmOp.startsWith("M") || rng.chance(0.55));
    const usesAddress = memForm || ops.some((o) => /^[XYO]/.test(o) || o === "Xlat") || LOOP_SEMS.has(sem);
    if (def.asz === undefined && (usesAddress ? rng.chance(0.2) : rng.chance(0.03))) this.asz = 16;

    // --- prefixes (order shuffled below; a mandatory prefix goes last) ---
    const legacy: number[] = [];
    if (this.osz === 16) legacy.push(0x66);
    if (this.asz === 16) legacy.push(0x67);
    const memAccess = memForm || ops.some((o) => /^X|^O/.test(o) || o === "Xlat");
    if (memAccess) {
      if (this.asz === 16 && (memForm || ops.includes("Xlat") || ops.some((o) => o.startsWith("O"))) && rng.chance(0.85)) {
        this.seg = rng.chance(0.7) ? SEG_FS : SEG_GS;
      } else if (rng.chance(0.3)) {
        this.seg = rng.pick([SEG_ES, SEG_CS, SEG_SS, SEG_DS, SEG_FS, SEG_FS, SEG_GS]);
      }
    } else if (rng.chance(0.04)) {
      this.seg = rng.below(6); // ignored without a memory operand
    }
    if (this.seg !== undefined) legacy.push(SEG_PREFIX[this.seg] ?? 0x3e);
    let rep = 0;
    if (def.rep) {
      if (rng.chance(0.6)) rep = def.rep === "repe" && rng.chance(0.5) ? 0xf2 : 0xf3;
    }
    // No REP/REPNE on other instructions: the SDM reserves that use ("may cause unpredictable
    // behavior", Vol. 2 §2.1.1), and hosts do differ (F2 E1 LOOPE does not branch on AMD Zen).
    if (rep) legacy.push(rep);
    const lockable = def.lock === true && memForm;
    if (lockable ? rng.chance(0.4) : rng.chance(0.03)) legacy.push(0xf0);
    const locked = legacy.includes(0xf0) || (sem === "xchg" && memForm);
    shuffle(rng, legacy);
    this.prefixes.push(...legacy);
    if (def.pfx === "66") this.prefixes.push(0x66);
    else if (def.pfx === "f3") this.prefixes.push(0xf3);
    else if (def.pfx === "f2") this.prefixes.push(0xf2);

    // --- opcode ---
    if (def.map === "0f") this.body.push(0x0f);
    else if (def.map === "0f38") this.body.push(0x0f, 0x38);
    else if (def.map === "0f3a") this.body.push(0x0f, 0x3a);
    this.body.push(def.opc);

    // --- registers the semantics need (pinned: the addressing solver leaves them alone) ---
    const stack = STACK_SEMS.has(sem);
    if (stack || sem === "enter") {
      this.regs[ESP] = (DATA_BASE + 0x600 + rng.below(0x400)) & (rng.chance(0.9) ? ~3 : ~0);
      this.pinned.add(ESP);
    }
    if (sem === "leave" || sem === "enter") {
      this.regs[EBP] = (DATA_BASE + 0x700 + rng.below(0x300)) & ~3;
      this.pinned.add(EBP);
    }
    if (LOOP_SEMS.has(sem) || (STRING_SEMS.has(sem) && rep)) {
      this.regs[ECX] = rng.chance(0.8) ? rng.below(9) : registerValue(rng);
      if (this.asz === 16 && rng.chance(0.5)) this.regs[ECX] = ((rng.u32() & 0xffff0000) | rng.below(9)) >>> 0;
      this.pinned.add(ECX);
    }
    if (ops.includes("CL")) {
      this.regs[ECX] = ((this.regs[ECX] ?? 0) & 0xffffff00) | shiftCount(rng);
      this.pinned.add(ECX);
    }
    if (sem === "div" || sem === "idiv" || sem === "cmpxchg8b" || sem === "mul" || sem === "imul1") {
      this.pinned.add(EAX);
      this.pinned.add(EDX);
    }
    if (sem === "cmpxchg") this.pinned.add(EAX);
    if (sem === "maskmovq") {
      this.regs[EDI] = DATA_BASE + 0x100 + rng.below(0xe00); // MASKMOVQ/MASKMOVDQU store to DS:EDI
      this.pinned.add(EDI);
    }

    // --- ModRM, SIB, displacement ---
    let rmReg = -1;
    let regField = def.reg ?? rng.below(8);
    if (def.reg === undefined && ops.includes("Sw")) regField = rng.chance(0.95) ? rng.below(6) : 6 + rng.below(2);
    if (def.reg === undefined && ops.includes("Cd")) regField = rng.chance(0.9) ? rng.pick([0, 2, 3, 4]) : rng.below(8);
    let rmSize = rmOp ? memSize(rmOp, this.osz) : 0;
    if (sem === "fnsave" || sem === "frstor") rmSize = this.osz === 16 ? 94 : 108;
    if (modrm) {
      if (memForm) {
        const form = this.memoryOperand(rmSize, locked);
        this.body.push((form.mod << 6) | (regField << 3) | form.rm);
        if (form.sib !== undefined) this.body.push(form.sib);
        this.body.push(...form.disp);
      } else {
        rmReg = def.rm ?? rng.below(8);
        // CALL/JMP ESP would jump into the (non-executable on the host) stack page.
        if ((sem === "call" || sem === "jmp") && rmReg === ESP) rmReg = EBX;
        this.body.push(0xc0 | (regField << 3) | rmReg);
      }
    }

    // --- operand values and immediates, in operand order ---
    const sized = ops.filter((o) => !/^[IJ]/.test(o));
    const opBits = sized.some((o) => /b$/.test(o) || o === "AL") && !sized.some((o) => o.endsWith("v")) ? 8 : this.osz;
    for (const op of ops) this.operand(op, rmSize);
    this.semantics(opBits, regField, rmReg, rmSize);

    const code = Uint8Array.from([...this.prefixes, ...this.body]);
    const fpu = this.x87 ? randomFpuImage(rng) : undefined;
    const fxsave = this.simd ? randomFxsaveImage(rng) : undefined;
    if (this.simd && (sem === "rcpps" || sem === "rcpss" || sem === "rsqrtps" || sem === "rsqrtss")) this.mask.xmmDest = regField;
    const st0 = fpu ? st0Of(fpu) : undefined;
    const maskInput: MaskInput = { def, opBits, x87: this.x87, ...(st0 ? { st0 } : {}), ...this.mask };
    return {
      id: `${this.entry.key}#${this.n}`,
      entry: this.entry.key,
      code,
      regs: this.regs,
      eflags: this.eflags >>> 0,
      regions: [{ address: DATA_BASE, bytes: this.page }],
      ...(fpu ? { fpu } : {}),
      ...(fxsave ? { fxsave } : {}),
      mask: caseMask(maskInput),
    };
  }

  /** Picks a linear target, solves a ModRM form reaching it, sets the registers. */
  private memoryOperand(size: number, locked: boolean): MemoryForm {
    const { rng } = this;
    const linear = this.pickLinear(size, locked);
    const base = this.seg === SEG_FS || this.seg === SEG_GS ? LDT_SEGMENT_BASE : 0;
    let form: MemoryForm;
    if (this.asz === 32) {
      form = solve32(rng, (linear - base) >>> 0, this.pinned, () => registerValue(rng));
      this.memLinear = (form.ea + base) >>> 0;
    } else {
      const ea16 = base === LDT_SEGMENT_BASE ? (linear - base) & 0xffff : rng.u32() & 0xffff;
      form = solve16(rng, ea16, this.pinned);
      this.memLinear = (form.ea + base) >>> 0;
    }
    for (const [r, v] of form.regs) {
      this.regs[r] = v;
      this.addressing.add(r);
    }
    return form;
  }

  /** A linear address for an access of `size` bytes: usually inside the data page. */
  private pickLinear(size: number, locked: boolean): number {
    const { rng } = this;
    const r = rng.below(100);
    if (r < 4 && size > 1) return DATA_BASE + PAGE_SIZE - 1 - rng.below(size - 1); // crosses into the unmapped page
    if (r < 7) return DATA_BASE + PAGE_SIZE + rng.below(PAGE_SIZE); // unmapped page
    let off = 0x40 + rng.below(0xf00 - Math.min(size, 0x400));
    if (locked && (off & 63) + size > 64) off &= ~63; // no split locks: the host may trap or delay them
    // aligned SSE operands most of the time (MOVAPS and friends #GP on a misaligned m128)
    if (this.simd && size >= 8 && rng.chance(0.75)) off &= ~15;
    if ((this.def.sem === "fxsave" || this.def.sem === "fxrstor") && rng.chance(0.9)) off &= ~15;
    return DATA_BASE + off;
  }

  private write(linear: number | undefined, value: number, bytes: number): void {
    if (linear === undefined) return;
    for (let i = 0; i < bytes; i++) {
      const off = linear + i - DATA_BASE;
      if (off >= 0 && off < PAGE_SIZE) this.page[off] = (i < 4 ? value >>> (8 * i) : 0) & 0xff;
    }
  }

  private read(linear: number | undefined, bytes: number): number {
    if (linear === undefined) return 0;
    let v = 0;
    for (let i = 0; i < bytes && i < 4; i++) {
      const off = linear + i - DATA_BASE;
      const b = off >= 0 && off < PAGE_SIZE ? (this.page[off] ?? 0) : 0;
      v |= b << (8 * i);
    }
    return v >>> 0;
  }

  private operand(op: Operand, rmSize: number): void {
    const { rng, def } = this;
    const sem = def.sem;
    switch (op) {
      case "Ib": {
        let v: number;
        if (SHIFT_SEMS.has(sem)) v = shiftCount(rng) & 0xff;
        else if (sem === "int") v = rng.chance(0.3) ? rng.pick([3, 4, 1, 0, 0x81]) : rng.below(256);
        else if (sem === "aam" || sem === "aad") v = rng.chance(0.6) ? 10 : rng.chance(0.2) ? 0 : rng.below(256);
        else if (sem === "enter") v = rng.chance(0.4) ? 0 : rng.chance(0.85) ? 1 + rng.below(4) : rng.below(256);
        else if (BIT_SEMS.has(sem)) v = rng.chance(0.7) ? rng.below(64) : rng.below(256);
        else v = edgeValue(rng, 8);
        if (sem === "int" && v === 0x80) v = 0x81; // INT 0x80 is a Linux system call on the host
        if (SHIFT_SEMS.has(sem)) this.mask.count = v;
        this.body.push(v & 0xff);
        break;
      }
      case "Ibs":
        this.body.push(edgeValue(rng, 8));
        break;
      case "Iw": {
        const v = (sem === "ret" || sem === "retfar" || sem === "enter") && rng.chance(0.85) ? rng.below(0x40) * 2 : edgeValue(rng, 16);
        this.body.push(v & 0xff, (v >>> 8) & 0xff);
        break;
      }
      case "Iz":
      case "Iv":
        this.pushLE(edgeValue(rng, this.osz), this.osz / 8);
        break;
      case "Jb": {
        const len = this.prefixes.length + this.body.length + 1;
        const r = rng.below(10);
        const v = r < 7 ? rng.below(0x80) : r < 9 ? -(len + 1 + rng.below(128 - len)) : edgeValue(rng, 8);
        this.body.push(v & 0xff);
        break;
      }
      case "Jz": {
        const size = this.osz / 8;
        const next = CODE_BASE + this.prefixes.length + this.body.length + size;
        const r = rng.below(10);
        const target = r < 7 ? next + rng.below(0x400) : r < 9 ? unmappedAddress(rng) : CODE_BASE - 1 - rng.below(0x1000);
        this.pushLE((target - next) >>> 0, size);
        break;
      }
      case "Ap":
        this.pushLE(codeTarget(rng), this.osz / 8);
        this.pushLE(rng.pick(CASE_SELECTORS), 2);
        break;
      case "Ob":
      case "Ov": {
        const size = op === "Ob" ? 1 : this.osz / 8;
        const linear = this.pickLinear(size, false);
        const base = this.seg === SEG_FS || this.seg === SEG_GS ? LDT_SEGMENT_BASE : 0;
        const ea = this.asz === 16 ? (base ? (linear - base) & 0xffff : rng.u32() & 0xffff) : (linear - base) >>> 0;
        this.memLinear = (ea + base) >>> 0;
        this.pushLE(ea, this.asz / 8);
        this.write(this.memLinear, edgeValue(rng, size * 8), size);
        break;
      }
      default:
        if (this.x87 && isRmOperand(op) && this.memLinear !== undefined) {
          writeX87Operand(rng, this.page, this.memLinear - DATA_BASE, rmSize);
        } else if (this.simd && isRmOperand(op) && this.memLinear !== undefined && rmSize >= 4 && rmSize <= 16) {
          const off = this.memLinear - DATA_BASE;
          if (off >= 0 && off + rmSize <= PAGE_SIZE) fillVector(rng, this.page, off, rmSize);
        } else if (isRmOperand(op) && this.memLinear !== undefined && rmSize > 0 && rmSize <= 4) {
          this.write(this.memLinear, edgeValue(rng, rmSize * 8), rmSize);
        } else if (isRmOperand(op) && this.memLinear !== undefined && rmSize === 8) {
          this.write(this.memLinear, edgeValue(rng, 32), 4);
          this.write(this.memLinear + 4, edgeValue(rng, 32), 4);
        }
        break;
    }
  }

  /** Values that give the instruction's semantics something to bite on. */
  private semantics(opBits: number, regField: number, rmReg: number, rmSize: number): void {
    const { rng, def, regs } = this;
    const sem = def.sem;
    const mem = this.memLinear;
    const wide = this.osz / 8;
    const sp = regs[ESP] ?? 0;
    const rmValue = (): number => (rmReg >= 0 ? regs[rmReg] ?? 0 : this.read(mem, Math.min(rmSize, 4)));
    switch (sem) {
      case "pop":
      case "popa":
        break; // the random page is the popped data
      case "popf": {
        let f = (rng.u32() & 0x3f7fd7) | 0x2; // random status, DF, IF, IOPL, NT, AC, ID; never TF, VM, RF
        if (rng.chance(0.5)) f &= ~0x4000; // NT
        this.write(sp, f, wide);
        break;
      }
      case "ret":
        this.write(sp, codeTarget(rng), wide);
        break;
      case "retfar":
        this.write(sp, codeTarget(rng), wide);
        this.write(sp + wide, rng.chance(0.7) ? USER_CS : rng.pick(CASE_SELECTORS), wide);
        break;
      case "iret":
        this.write(sp, codeTarget(rng), wide);
        this.write(sp + wide, rng.chance(0.8) ? USER_CS : rng.pick(CASE_SELECTORS), wide);
        this.write(sp + 2 * wide, ((rng.u32() & 0x2c0fd5) | 0x202) >>> 0, wide);
        break;
      case "pop_sreg":
        this.write(sp, (rng.u32() & 0xffff0000) | rng.pick(CASE_SELECTORS), wide);
        break;
      case "call":
      case "jmp":
        if (def.ops[0] !== "Jz" && def.ops[0] !== "Jb") {
          if (rmReg >= 0 && !this.pinned.has(rmReg)) regs[rmReg] = codeTarget(rng);
          else this.write(mem, codeTarget(rng), wide);
        }
        break;
      case "callfar":
      case "jmpfar":
        if (def.ops[0] === "Mp") {
          this.write(mem, codeTarget(rng), wide);
          this.write(mem === undefined ? undefined : mem + wide, rng.pick(CASE_SELECTORS), 2);
        }
        break;
      case "lfp":
        this.write(mem === undefined ? undefined : mem + wide, rng.pick(CASE_SELECTORS), 2);
        break;
      case "bound": {
        const lo = edgeValue(rng, this.osz);
        const hi = rng.chance(0.8) ? (lo + rng.below(0x1000)) >>> 0 : edgeValue(rng, this.osz);
        this.write(mem, lo, wide);
        this.write(mem === undefined ? undefined : mem + wide, hi, wide);
        if (!this.isAddressing(regField) && rng.chance(0.6)) regs[regField] = (lo + rng.below(0x1001)) >>> 0;
        break;
      }
      case "cmpxchg":
        if (rng.chance(0.5)) {
          const v = rmValue();
          regs[EAX] = opBits === 8 ? ((regs[EAX] ?? 0) & ~0xff) | (v & 0xff) : opBits === 16 ? ((regs[EAX] ?? 0) & ~0xffff) | (v & 0xffff) : v;
        }
        break;
      case "cmpxchg8b":
        if (rng.chance(0.5) && mem !== undefined) {
          regs[EAX] = this.read(mem, 4);
          regs[EDX] = this.read(mem + 4, 4);
        }
        break;
      case "div":
      case "idiv": {
        const divisor = rmValue();
        if (rng.chance(0.7)) {
          const bits = opBits;
          const m = bits === 32 ? 0xffffffff : (1 << bits) - 1;
          const d = divisor & m;
          let high: number;
          if (sem === "div") high = d === 0 ? 0 : rng.below(d);
          else high = (regs[EAX] ?? 0) & (1 << ((bits === 8 ? 16 : bits) - 1)) ? m : 0; // sign of the low half
          if (bits === 8) regs[EAX] = sem === "div" ? ((regs[EAX] ?? 0) & 0xffff00ff) | (high << 8) : ((regs[EAX] ?? 0) & 0xffff00ff) | (((regs[EAX] ?? 0) & 0x80 ? 0xff : 0) << 8);
          else if (bits === 16) regs[EDX] = ((regs[EDX] ?? 0) & 0xffff0000) | (high & 0xffff);
          else regs[EDX] = high >>> 0;
        }
        break;
      }
      case "scas":
        if (rng.chance(0.4)) regs[EAX] = this.read(regs[EDI], 4);
        break;
      case "xlat":
        break;
      default:
        break;
    }
    // always one of CASE_SELECTORS: any other selector reads host GDT entries (TLS, CPU number)
    // that the documented machine does not have
    if (SELECTOR_SOURCE_SEMS.has(sem)) {
      const sel = rng.pick(CASE_SELECTORS);
      if (rmReg >= 0) regs[rmReg] = (((regs[rmReg] ?? 0) & 0xffff0000) | sel) >>> 0;
      else this.write(mem, sel, 2);
    }
    if (BIT_SEMS.has(sem) && mem !== undefined && def.ops[1]?.startsWith("G") && !this.isAddressing(regField) && rng.chance(0.8)) {
      regs[regField] = (rng.below(256) - 128) >>> 0; // keep the bit string near the operand
    }
    if (STRING_SEMS.has(sem)) this.strings();
    if (sem === "xlat") {
      const base = this.seg === SEG_FS || this.seg === SEG_GS ? LDT_SEGMENT_BASE : 0;
      const al = (regs[EAX] ?? 0) & 0xff;
      const linear = this.pickLinear(1, false);
      const table = this.asz === 16 ? (base ? (linear - base - al) & 0xffff : rng.u32() & 0xffff) : (linear - base - al) >>> 0;
      regs[EBX] = this.asz === 16 ? (((regs[EBX] ?? 0) & 0xffff0000) | table) >>> 0 : table;
    }

    // inputs the mask rules need
    if (SHIFT_SEMS.has(sem) && this.mask.count === undefined) {
      this.mask.count = def.ops.includes("CL") ? (regs[ECX] ?? 0) & 0xff : 1;
    }
    if (sem === "bsf" || sem === "bsr") {
      this.mask.source = rmValue();
      this.mask.destReg = regField;
    }
    if (sem === "shld" || sem === "shrd") {
      if (rmReg >= 0) this.mask.destReg = rmReg;
      else if (mem !== undefined) this.mask.destMem = { address: mem, length: opBits / 8 };
    }
    if (sem === "bswap") this.mask.destReg = def.opc & 7;
  }

  private strings(): void {
    const { rng, regs, def } = this;
    const srcBase = this.seg === SEG_FS || this.seg === SEG_GS ? LDT_SEGMENT_BASE : 0;
    // A repeated FS:/GS: source walking down past offset 0 would wrap the 32-bit linear address
    // (base + offset >= 4 GiB): IA-32 wraps, the host in compatibility mode raises #GP instead.
    if (srcBase && this.asz === 32 && (regs[ECX] ?? 0) > 8) this.eflags &= ~0x400;
    const place = (reg: number, base: number, fixedSeg: boolean): void => {
      const linear = DATA_BASE + 0x200 + rng.below(0xc00);
      if (this.asz === 32) regs[reg] = (linear - base) >>> 0;
      else regs[reg] = (((regs[reg] ?? 0) & 0xffff0000) | ((fixedSeg || !base ? rng.u32() : linear - base) & 0xffff)) >>> 0;
    };
    if (def.ops.some((o) => o.startsWith("X"))) place(ESI, srcBase, false);
    if (def.ops.some((o) => o.startsWith("Y"))) place(EDI, 0, true);
    if ((def.sem === "cmps" || def.sem === "scas") && rng.chance(0.5)) {
      // equal runs, so REPE/REPNE stop at a chosen place
      const s = (regs[ESI] ?? 0) + srcBase - DATA_BASE;
      const d = (regs[EDI] ?? 0) - DATA_BASE;
      const len = rng.below(12);
      for (let i = 0; i < len; i++) {
        const si = s + i, di = d + i;
        if (si >= 0 && si < PAGE_SIZE && di >= 0 && di < PAGE_SIZE) this.page[di] = this.page[si] ?? 0;
      }
    }
  }

  /** The register feeds the memory address (or is pinned): its value must stay as solved. */
  private isAddressing(reg: number): boolean {
    return this.addressing.has(reg) || this.pinned.has(reg);
  }

  private pushLE(value: number, bytes: number): void {
    for (let i = 0; i < bytes; i++) this.body.push((value >>> (8 * i)) & 0xff);
  }
}

function shuffle<T>(rng: Prng, a: T[]): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    const t = a[i] as T;
    a[i] = a[j] as T;
    a[j] = t;
  }
}

/** A control-transfer target: usually the INT3 fill of the code page, sometimes unmapped. */
function codeTarget(rng: Prng): number {
  return rng.chance(0.8) ? CODE_BASE + 16 + rng.below(0x800) : unmappedAddress(rng);
}

/**
 * An address that is unmapped both in the documented machine and in the runner process (whose
 * own text, heap and stacks lie at 0x08048000.., and 0xf7000000 and above).
 */
export function unmappedAddress(rng: Prng): number {
  switch (rng.below(3)) {
    case 0:
      return 0x1000 + rng.below(0xf000);
    case 1:
      return CODE_BASE + PAGE_SIZE + rng.below(0x0fff_f000);
    default:
      return DATA_BASE + PAGE_SIZE + rng.below(0x0fff_f000);
  }
}
