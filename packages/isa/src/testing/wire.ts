/**
 * Binary records exchanged with the native runner (harness/wire.h, field for field). All fields
 * are little-endian u32. Only the native and qemu engines use this; other engines take the
 * ConformanceCase objects directly.
 */
import { type CaseResult, type ConformanceCase, VECTOR_TIMEOUT } from "./case";
import { DATA_WINDOW_HI, DATA_WINDOW_LO, FPU_IMAGE_SIZE, FXSAVE_IMAGE_SIZE, MAX_CODE, MAX_REGION_BYTES, MAX_REGIONS, PAGE_SIZE } from "./layout";

export const WIRE_CASE_MAGIC = 0x53414353; // "SCAS"
export const WIRE_RESULT_MAGIC = 0x53455253; // "SRES"
export const WIRE_FLAG_FPU = 1;
export const WIRE_FLAG_FXSAVE = 2;
export const WIRE_NO_TRAPNO = 0xffffffff;
/** u32 words of wire_case_header and of wire_result before the FPU image. */
const CASE_HEADER_WORDS = 13;
const RESULT_HEAD_WORDS = 24;
const RESULT_FIXED_BYTES = RESULT_HEAD_WORDS * 4 + FPU_IMAGE_SIZE + 8;

/** A case the wire format cannot carry: names the case and the field. */
export class CaseFormatError extends Error {
  constructor(
    readonly caseId: string,
    readonly field: string,
    message: string,
  ) {
    super(`case ${caseId}: ${field}: ${message}`);
    this.name = "CaseFormatError";
  }
}

/** Malformed output from the runner: names the byte offset. */
export class RunnerOutputError extends Error {
  constructor(
    readonly offset: number,
    message: string,
  ) {
    super(`native runner output at byte ${offset}: ${message}`);
    this.name = "RunnerOutputError";
  }
}

export function validateCase(c: ConformanceCase): void {
  if (c.code.length === 0 || c.code.length > MAX_CODE) {
    throw new CaseFormatError(c.id, "code", `length ${c.code.length} not in 1..${MAX_CODE}`);
  }
  if (c.regs.length !== 8) throw new CaseFormatError(c.id, "regs", `has ${c.regs.length} registers, expected 8`);
  if (c.regions.length > MAX_REGIONS) throw new CaseFormatError(c.id, "regions", `more than ${MAX_REGIONS}`);
  let total = 0;
  c.regions.forEach((r, i) => {
    const end = r.address + r.bytes.length;
    if (r.address % PAGE_SIZE !== 0 || r.bytes.length % PAGE_SIZE !== 0 || r.bytes.length === 0) {
      throw new CaseFormatError(c.id, `regions[${i}]`, "not a whole number of aligned pages");
    }
    if (r.address < DATA_WINDOW_LO || end > DATA_WINDOW_HI) {
      throw new CaseFormatError(c.id, `regions[${i}]`, `0x${r.address.toString(16)} outside the data window`);
    }
    total += r.bytes.length;
  });
  if (total > MAX_REGION_BYTES) throw new CaseFormatError(c.id, "regions", `${total} bytes, more than ${MAX_REGION_BYTES}`);
  if (c.fpu && c.fpu.length !== FPU_IMAGE_SIZE) {
    throw new CaseFormatError(c.id, "fpu", `image of ${c.fpu.length} bytes, expected ${FPU_IMAGE_SIZE}`);
  }
  if (c.fxsave && c.fxsave.length !== FXSAVE_IMAGE_SIZE) {
    throw new CaseFormatError(c.id, "fxsave", `image of ${c.fxsave.length} bytes, expected ${FXSAVE_IMAGE_SIZE}`);
  }
}

export function encodeCases(cases: readonly ConformanceCase[]): Uint8Array {
  let size = 0;
  for (const c of cases) {
    validateCase(c);
    size += CASE_HEADER_WORDS * 4 + ((c.code.length + 3) & ~3) + (c.fpu ? FPU_IMAGE_SIZE : 0) + (c.fxsave ? FXSAVE_IMAGE_SIZE : 0);
    for (const r of c.regions) size += 8 + r.bytes.length;
  }
  const out = new Uint8Array(size);
  const dv = new DataView(out.buffer);
  let p = 0;
  const u32 = (v: number): void => {
    dv.setUint32(p, v >>> 0, true);
    p += 4;
  };
  for (const c of cases) {
    u32(WIRE_CASE_MAGIC);
    u32(c.code.length);
    u32((c.fpu ? WIRE_FLAG_FPU : 0) | (c.fxsave ? WIRE_FLAG_FXSAVE : 0));
    u32(c.regions.length);
    for (let i = 0; i < 8; i++) u32(c.regs[i] ?? 0);
    u32(c.eflags);
    out.set(c.code, p);
    p += (c.code.length + 3) & ~3;
    if (c.fpu) {
      out.set(c.fpu, p);
      p += FPU_IMAGE_SIZE;
    }
    if (c.fxsave) {
      out.set(c.fxsave, p);
      p += FXSAVE_IMAGE_SIZE;
    }
    for (const r of c.regions) {
      u32(r.address);
      u32(r.bytes.length);
      out.set(r.bytes, p);
      p += r.bytes.length;
    }
  }
  return out;
}

/** Raw fields of one wire_result, before the vector is decided. */
export interface WireResult {
  readonly index: number;
  readonly regs: Uint32Array;
  readonly eflags: number;
  readonly eip: number;
  readonly trapno: number;
  readonly err: number;
  readonly signo: number;
  readonly siCode: number;
  readonly cr2: number;
  readonly faultAddr: number;
  /** CS SS DS ES FS GS, as the runner writes them. */
  readonly segs: Uint32Array;
  readonly fpu: Uint8Array;
  readonly memory: [number, number][];
  readonly fxsave?: Uint8Array;
}

export function decodeResults(bytes: Uint8Array, expected: number): WireResult[] {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: WireResult[] = [];
  let p = 0;
  while (p < bytes.length) {
    if (p + RESULT_FIXED_BYTES > bytes.length) throw new RunnerOutputError(p, "truncated result record");
    const w = (i: number): number => dv.getUint32(p + i * 4, true);
    if (w(0) !== WIRE_RESULT_MAGIC) throw new RunnerOutputError(p, `bad result magic 0x${w(0).toString(16)}`);
    const regs = new Uint32Array(8);
    for (let i = 0; i < 8; i++) regs[i] = w(2 + i);
    const segs = new Uint32Array(6);
    for (let i = 0; i < 6; i++) segs[i] = w(18 + i);
    const fpuAt = p + RESULT_HEAD_WORDS * 4;
    // a copy (Node's Buffer#slice would alias the whole output buffer)
    const fpu = new Uint8Array(bytes.subarray(fpuAt, fpuAt + FPU_IMAGE_SIZE));
    const fxLen = dv.getUint32(fpuAt + FPU_IMAGE_SIZE, true);
    const nChanged = dv.getUint32(fpuAt + FPU_IMAGE_SIZE + 4, true);
    if (fxLen !== 0 && fxLen !== FXSAVE_IMAGE_SIZE) throw new RunnerOutputError(fpuAt + FPU_IMAGE_SIZE, `FXSAVE length ${fxLen}`);
    const head = {
      index: w(1),
      regs,
      eflags: w(10),
      eip: w(11),
      trapno: w(12),
      err: w(13),
      signo: w(14),
      siCode: w(15) | 0,
      cr2: w(16),
      faultAddr: w(17),
      segs,
      fpu,
    };
    p += RESULT_FIXED_BYTES;
    if (p + nChanged * 8 > bytes.length) throw new RunnerOutputError(p, "truncated changed-byte list");
    const memory: [number, number][] = [];
    for (let i = 0; i < nChanged; i++) memory.push([dv.getUint32(p + i * 8, true), dv.getUint32(p + i * 8 + 4, true)]);
    p += nChanged * 8;
    if (p + fxLen > bytes.length) throw new RunnerOutputError(p, "truncated FXSAVE image");
    const fxsave = fxLen ? new Uint8Array(bytes.subarray(p, p + fxLen)) : undefined;
    p += fxLen;
    out.push({ ...head, memory, ...(fxsave ? { fxsave } : {}) });
  }
  if (out.length !== expected) throw new RunnerOutputError(p, `${out.length} results for ${expected} cases`);
  return out;
}

const SIGILL = 4;
const SIGTRAP = 5;
const SIGBUS = 7;
const SIGFPE = 8;
const SIGSEGV = 11;
const SIGALRM = 14;
const SI_KERNEL = 0x80;
const TRAP_TRACE = 2;
const FPE_INTDIV = 1;
const FPE_INTOVF = 2;
const BUS_ADRALN = 1;

/**
 * The exception vector of a result. Linux reports it in REG_TRAPNO; qemu-user does not, so there
 * it is inferred from the signal and si_code the way Linux's traps.c raises them (coarser: #OF
 * and #BR arrive as SIGSEGV/SI_KERNEL like #GP).
 */
export function vectorOf(r: WireResult): number {
  if (r.signo === SIGALRM) return VECTOR_TIMEOUT;
  if (r.trapno !== WIRE_NO_TRAPNO) return r.trapno;
  switch (r.signo) {
    case SIGTRAP:
      return r.siCode === TRAP_TRACE ? 1 : 3;
    case SIGFPE:
      return r.siCode === FPE_INTDIV || r.siCode === FPE_INTOVF ? 0 : 16;
    case SIGILL:
      return 6;
    case SIGBUS:
      return r.siCode === BUS_ADRALN ? 17 : 12;
    case SIGSEGV:
      return r.siCode === SI_KERNEL ? 13 : 14;
    default:
      return VECTOR_TIMEOUT;
  }
}

/** Vectors that push an error code (SDM Vol. 3 Table 6-1). */
export function vectorHasErrorCode(v: number): boolean {
  return v === 8 || (v >= 10 && v <= 14) || v === 17;
}

export function toCaseResult(r: WireResult): CaseResult {
  const vector = vectorOf(r);
  const s = r.segs;
  return {
    regs: r.regs,
    eflags: r.eflags,
    eip: r.eip,
    vector,
    errorCode: vectorHasErrorCode(vector) ? r.err : -1,
    // qemu-user leaves sigcontext.cr2 at 0; its si_addr is the faulting address
    cr2: vector !== 14 ? 0 : r.trapno === WIRE_NO_TRAPNO ? r.faultAddr : r.cr2,
    // wire order CS SS DS ES FS GS -> SDM Sreg order ES CS SS DS FS GS
    sregs: Uint16Array.of(s[3] ?? 0, s[0] ?? 0, s[1] ?? 0, s[2] ?? 0, s[4] ?? 0, s[5] ?? 0),
    memory: r.memory,
    fpu: r.fpu,
    ...(r.fxsave ? { fxsave: r.fxsave } : {}),
  };
}
