/**
 * The interpreter as a conformance engine, driven only through the package's public API
 * (createUserMachine, Cpu, PageMap, setSegmentCache). It builds the machine of ../layout.ts once
 * and, per case, resets the processor, remaps the pages and runs until the first event reaches
 * the host handler. The translator (@strata/dbt) writes the same kind of adapter for itself.
 *
 * Environment policy that the user-level machine leaves to its host (here: what Linux does, since
 * the reference is a Linux process):
 * - GDT entries 4 and 5 are Linux's flat 32-bit user code and data segments (USER_CS/USER_DS);
 *   the LDT holds one data segment (LDT_SELECTOR) with base LDT_SEGMENT_BASE, as modify_ldt made
 *   it for the native runner. Both tables are mapped supervisor-only.
 * - IDT gates: only vectors 3 (#BP) and 4 (#OF) are reachable with INT n at CPL 3 (0x80 is never
 *   generated); INT n with any other vector raises #GP(n * 8 + 2) at the INT instruction, as the
 *   SDM's INT n Operation requires for a gate with DPL < CPL. ICEBP (F1) is not subject to it.
 */
import {
  ACCESS_USER,
  CR0_AM,
  CR0_MP,
  CR0_NE,
  createUserMachine,
  PTE_U,
  PTE_W,
  S_CR0,
  S_CR2,
  S_EIP,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_SEL,
  setSegmentCache,
  type TrapEvent,
  type Engine,
  type UserMachine,
  X87EnvFormat,
  type X87State,
  x87Init,
  x87SetStatusWord,
  x87StatusWord,
  x87Restore,
  x87Save,
} from "../../index";
import { type CaseEngine, type CaseResult, type ConformanceCase, VECTOR_TIMEOUT, changedBytes } from "../case";
import { CODE_BASE, FPU_IMAGE_SIZE, LDT_SEGMENT_BASE, LDT_SELECTOR, PAGE_SIZE, USER_CS, USER_DS } from "../layout";

/** Where the descriptor tables live (supervisor pages, outside every address a case uses). */
const GDT_BASE = 0xc000_0000;
const LDT_BASE = 0xc000_1000;
/** Linux x86-64's GDT has 16 entries. */
const GDT_LIMIT = 16 * 8 - 1;
/** One LDT entry, as modify_ldt leaves it. */
const LDT_LIMIT = 8 - 1;
/** Physical frames: 0 code, 1 GDT, 2 LDT, 3.. data pages. */
const FRAME_CODE = 0;
const FRAME_GDT = 1;
const FRAME_LDT = 2;
const FRAME_DATA = 3;
/** Instructions per run() call and calls before a case counts as not ending (the runner's watchdog). */
const BUDGET = 100_000;
const MAX_RUNS = 10;

/** Descriptor words (low, high) of Linux's user segments and of the runner's LDT segment. */
const DESC_USER_CS: readonly [number, number] = [0x0000ffff, 0x00cffb00];
const DESC_USER_DS: readonly [number, number] = [0x0000ffff, 0x00cff300];
/**
 * Base LDT_SEGMENT_BASE, limit 0xfffff pages, data RW accessed, DPL 3, present, D, G (LAR on the
 * host reads 0x00cff300: Linux does not set AVL for the "useable" bit of modify_ldt).
 */
const DESC_LDT_DATA: readonly [number, number] = [
  (((LDT_SEGMENT_BASE & 0xffff) << 16) | 0xffff) | 0,
  ((LDT_SEGMENT_BASE & 0xff000000) | 0x00cff300 | ((LDT_SEGMENT_BASE >>> 16) & 0xff)) | 0,
];

const LEGACY_PREFIXES = new Set([0x26, 0x2e, 0x36, 0x3e, 0x64, 0x65, 0x66, 0x67, 0xf0, 0xf2, 0xf3]);

export interface InterpreterEngineOptions {
  /** Physical memory of the machine (default 1 MiB: the cases use a handful of pages). */
  readonly memoryBytes?: number;
}

export function interpreterEngine(options: InterpreterEngineOptions = {}): CaseEngine {
  return userMachineCaseEngine("interp", (m) => m.engine, options);
}

/**
 * The conformance environment on any engine over an isa user machine (the translator in
 * @strata/dbt passes its own): the machine is laid out as the native runner's process, and each
 * case runs until the first event reaches the host handler.
 */
export function userMachineCaseEngine(
  name: string,
  createEngine: (m: UserMachine) => Engine,
  options: InterpreterEngineOptions = {},
): CaseEngine {
  const m = createUserMachine({ memoryBytes: options.memoryBytes ?? 1 << 20 });
  return new UserMachineCaseEngine(name, m, createEngine(m));
}

class UserMachineCaseEngine implements CaseEngine {
  private readonly mapped: number[] = [];
  private event = { seen: false, kind: "", vector: -1, errorCode: -1, eip: 0 };

  constructor(
    readonly name: string,
    private readonly m: UserMachine,
    private readonly engine: Engine,
  ) {
    const { ram, pageMap } = m;
    pageMap.map(GDT_BASE >>> 12, FRAME_GDT, 1, PTE_W);
    pageMap.map(LDT_BASE >>> 12, FRAME_LDT, 1, PTE_W);
    const gdt = new DataView(ram.u8.buffer, ram.u8.byteOffset + FRAME_GDT * PAGE_SIZE, PAGE_SIZE);
    const put = (dv: DataView, index: number, d: readonly [number, number]): void => {
      dv.setUint32(index * 8, d[0] >>> 0, true);
      dv.setUint32(index * 8 + 4, d[1] >>> 0, true);
    };
    put(gdt, USER_CS >> 3, DESC_USER_CS);
    put(gdt, USER_DS >> 3, DESC_USER_DS);
    put(new DataView(ram.u8.buffer, ram.u8.byteOffset + FRAME_LDT * PAGE_SIZE, PAGE_SIZE), 0, DESC_LDT_DATA);
    this.engine.setHostHandler((ev: TrapEvent) => {
      this.event = { seen: true, kind: ev.kind, vector: ev.vector, errorCode: ev.errorCode, eip: ev.eip };
      return "stop";
    });
  }

  run(c: ConformanceCase): CaseResult {
    const { ram, pageMap, cpu } = this.m;
    const engine = this.engine;
    const u8 = ram.u8;
    // --- memory: the code page and the case's regions ---
    for (const page of this.mapped) pageMap.unmap(page, 1);
    this.mapped.length = 0;
    const codePage = CODE_BASE >>> 12;
    pageMap.map(codePage, FRAME_CODE, 1, PTE_W | PTE_U);
    this.mapped.push(codePage);
    u8.fill(0xcc, FRAME_CODE * PAGE_SIZE, (FRAME_CODE + 1) * PAGE_SIZE);
    u8.set(c.code, FRAME_CODE * PAGE_SIZE);
    const frames = new Map<number, number>();
    let frame = FRAME_DATA;
    for (const r of c.regions) {
      for (let off = 0; off < r.bytes.length; off += PAGE_SIZE) {
        const page = (r.address + off) >>> 12;
        pageMap.map(page, frame, 1, PTE_W | PTE_U);
        this.mapped.push(page);
        frames.set(page, frame);
        u8.set(r.bytes.subarray(off, off + PAGE_SIZE), frame * PAGE_SIZE);
        frame++;
      }
    }
    // --- processor ---
    cpu.resetUserFlat(CODE_BASE, c.regs[4] ?? 0);
    const s = cpu.s;
    // Linux's CR0: AM (EFLAGS.AC enables #AC at CPL 3), MP and NE (x87 errors raise #MF).
    s[S_CR0] = s[S_CR0]! | CR0_AM | CR0_MP | CR0_NE;
    if (c.fpu) x87Restore(cpu.fpu, c.fpu, 0, X87EnvFormat.Protected32);
    else if (c.fxsave) loadFxsaveX87(cpu.fpu, c.fxsave);
    else x87Init(cpu.fpu);
    for (let i = 0; i < 8; i++) s[i] = c.regs[i] ?? 0;
    s[S_EIP] = CODE_BASE;
    cpu.setEflags(c.eflags);
    s[S_GDTR_BASE] = GDT_BASE;
    s[S_GDTR_LIMIT] = GDT_LIMIT;
    s[S_LDTR_SEL] = 0;
    s[S_LDTR_BASE] = LDT_BASE;
    s[S_LDTR_LIMIT] = LDT_LIMIT;
    const [cl, ch] = DESC_USER_CS;
    const [dl, dh] = DESC_USER_DS;
    const [ll, lh] = DESC_LDT_DATA;
    setSegmentCache(cpu, 1, USER_CS, cl, ch);
    for (const seg of [0, 2, 3]) setSegmentCache(cpu, seg, USER_DS, dl, dh);
    setSegmentCache(cpu, 4, LDT_SELECTOR, ll, lh);
    setSegmentCache(cpu, 5, LDT_SELECTOR, ll, lh);
    cpu.mmu.userAccess = ACCESS_USER;
    cpu.mmu.tlb.flush();
    engine.invalidateCode();
    // --- run to the first event ---
    this.event = { seen: false, kind: "", vector: -1, errorCode: -1, eip: 0 };
    for (let k = 0; k < MAX_RUNS && !this.event.seen; k++) {
      const why = engine.run(BUDGET);
      if (why === "budget") continue;
      if (!this.event.seen) throw new Error(`${this.name} stopped with "${why}" before any exception reached the host`);
    }
    let vector = this.event.seen ? this.event.vector : VECTOR_TIMEOUT;
    let errorCode = this.event.errorCode;
    let eip = this.event.seen ? this.event.eip : s[S_EIP];
    if (this.event.seen && this.event.kind === "int" && !userGate(vector, c.code)) {
      // IDT gate DPL 0 (see the header): #GP(vector * 8 + 2 | EXT=0), a fault at the INT.
      errorCode = vector * 8 + 2;
      vector = 13;
      eip = CODE_BASE;
    }
    const regs = new Uint32Array(8);
    for (let i = 0; i < 8; i++) regs[i] = s[i]! >>> 0;
    const sregs = new Uint16Array(6);
    for (let i = 0; i < 6; i++) sregs[i] = s[S_SEL + i]! & 0xffff;
    const readByte = (address: number): number => {
      const f = frames.get(address >>> 12);
      return f === undefined ? -1 : (u8[f * PAGE_SIZE + (address & 0xfff)] ?? 0);
    };
    let fpu: Uint8Array | undefined;
    if (c.fpu) {
      fpu = new Uint8Array(FPU_IMAGE_SIZE);
      x87Save(cpu.fpu, fpu, 0, X87EnvFormat.Protected32);
    }
    const fxsave = c.fxsave ? storeFxsaveX87(cpu.fpu, c.fxsave) : undefined;
    return {
      ...(fpu ? { fpu } : {}),
      ...(fxsave ? { fxsave } : {}),
      regs,
      eflags: cpu.eflags() >>> 0,
      eip: eip >>> 0,
      vector,
      errorCode: vector >= 0 && hasErrorCode(vector) ? errorCode : -1,
      cr2: vector === 14 ? s[S_CR2]! >>> 0 : 0,
      sregs,
      memory: changedBytes(c.regions, readByte),
    };
  }
}

/** The x87 part of an FXSAVE image into the interpreter's x87 state (FXRSTOR's view of it). */
function loadFxsaveX87(fpu: X87State, img: Uint8Array): void {
  const dv = new DataView(img.buffer, img.byteOffset, img.byteLength);
  x87Init(fpu);
  fpu.cw = dv.getUint16(0, true);
  x87SetStatusWord(fpu, dv.getUint16(2, true));
  const ftw = img[4] ?? 0;
  let tw = 0;
  for (let p = 0; p < 8; p++) tw |= ((ftw >>> p) & 1 ? 0 : 3) << (p * 2);
  fpu.tw = tw;
  for (let i = 0; i < 8; i++) {
    const p = (fpu.top + i) & 7;
    fpu.lo[p] = dv.getUint32(32 + i * 16, true);
    fpu.hi[p] = dv.getUint32(36 + i * 16, true);
    fpu.se[p] = dv.getUint16(40 + i * 16, true);
  }
}

/**
 * The final FXSAVE image: the x87/MMX part from the interpreter; MXCSR and XMM0-7 as the case
 * gave them, because the interpreter has no SSE state (its CPUID has no SSE: every SSE
 * instruction is #UD, which leaves them unchanged).
 */
function storeFxsaveX87(fpu: X87State, initial: Uint8Array): Uint8Array {
  const img = new Uint8Array(initial);
  const dv = new DataView(img.buffer);
  dv.setUint16(0, fpu.cw, true);
  dv.setUint16(2, x87StatusWord(fpu), true);
  let ftw = 0;
  for (let p = 0; p < 8; p++) if (((fpu.tw >>> (p * 2)) & 3) !== 3) ftw |= 1 << p;
  img[4] = ftw;
  for (let i = 0; i < 8; i++) {
    const p = (fpu.top + i) & 7;
    dv.setUint32(32 + i * 16, fpu.lo[p] ?? 0, true);
    dv.setUint32(36 + i * 16, fpu.hi[p] ?? 0, true);
    dv.setUint16(40 + i * 16, fpu.se[p] ?? 0, true);
  }
  return img;
}

function hasErrorCode(v: number): boolean {
  return v === 8 || (v >= 10 && v <= 14) || v === 17;
}

/** INT3 and INTO reach their DPL-3 gates; ICEBP (F1) raises #DB directly; the rest are INT n. */
function userGate(vector: number, code: Uint8Array): boolean {
  if (vector === 3 || vector === 4) return true;
  let i = 0;
  while (i < code.length && LEGACY_PREFIXES.has(code[i] ?? 0)) i++;
  return vector === 1 && code[i] === 0xf1;
}
