/**
 * The conformance case and its result: what every engine (the native CPU, the interpreter, the
 * translator, qemu-i386) receives and returns. A case is self-contained data; the machine it runs
 * in is fixed (./layout.ts).
 */

/** General registers in SDM encoding order: EAX ECX EDX EBX ESP EBP ESI EDI. */
export const GPR_NAMES = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"] as const;
/** Segment registers as the result reports them, in SDM Sreg order: ES CS SS DS FS GS. */
export const SREG_NAMES = ["es", "cs", "ss", "ds", "fs", "gs"] as const;

export interface MemoryRegion {
  /** Page-aligned linear address. */
  readonly address: number;
  /** Initial contents, a whole number of pages. */
  readonly bytes: Uint8Array;
}

/** What the comparison ignores in one case (see ./mask.ts for the rules that fill it). */
export interface CaseMask {
  /** EFLAGS bits not compared. */
  readonly eflags: number;
  /** Per-GPR bits not compared (a destination the SDM leaves undefined), or absent. */
  readonly regs?: readonly number[];
  /** Memory whose final bytes are not compared (an undefined memory destination). */
  readonly memory?: readonly { readonly address: number; readonly length: number }[];
  /** x87 status-word bits not compared (condition codes the SDM leaves undefined). */
  readonly fpuStatus?: number;
  /** ST(i) registers (bit i) whose value is not compared (an undefined x87 result). */
  readonly fpuRegs?: number;
  /** XMM registers (bit i) whose value is not compared (approximations such as RCPPS). */
  readonly xmmRegs?: number;
  /** Compare only the page of CR2 (accesses of a multi-part operand come in no architectural order). */
  readonly cr2Page?: boolean;
  /** Tolerance, in units of the last place, for x87 register values (transcendentals). */
  readonly fpuUlps?: number;
  /** Human-readable reasons, shown in failure reports. */
  readonly notes: readonly string[];
}

export interface ConformanceCase {
  /** `<entry key>#<n>`: unique within a run, stable for a seed. */
  readonly id: string;
  /** Key of the opcode-table entry the case exercises (see generate/entries.ts). */
  readonly entry: string;
  /** Instruction bytes, placed at CODE_BASE; the rest of the code page is INT3. */
  readonly code: Uint8Array;
  /** Initial EAX..EDI. */
  readonly regs: Uint32Array;
  /** Initial EFLAGS (bit 1 and IF set; TF, AC, NT, IOPL clear). */
  readonly eflags: number;
  readonly regions: readonly MemoryRegion[];
  /** Initial x87 state as an FNSAVE image, or absent for FNINIT state. */
  readonly fpu?: Uint8Array;
  /** Initial x87/MMX/SSE state as an FXSAVE image (MMX and SSE entries); replaces `fpu`. */
  readonly fxsave?: Uint8Array;
  readonly mask: CaseMask;
}

/** Vector value of a case that did not end within the watchdog (an endless loop). */
export const VECTOR_TIMEOUT = -1;
/** Vector value of a case that made the engine's process die (an emulator crash, isolated). */
export const VECTOR_CRASH = -2;

export interface CaseResult {
  /** Final EAX..EDI. */
  readonly regs: Uint32Array;
  readonly eflags: number;
  /** EIP as the exception reports it: after the instruction for traps (#BP, #OF), at it for faults. */
  readonly eip: number;
  /** Vector of the exception that ended the case (3 = the INT3 after the instruction). */
  readonly vector: number;
  /** Error code of that exception, or -1 when the vector has none. */
  readonly errorCode: number;
  /** Faulting linear address for #PF, else 0. */
  readonly cr2: number;
  /** Final selectors ES CS SS DS FS GS. */
  readonly sregs: Uint16Array;
  /** Bytes of the case's regions that differ from their initial value, ascending by address. */
  readonly memory: readonly (readonly [address: number, value: number])[];
  /** Final x87 state (FNSAVE image), when the engine reports it. */
  readonly fpu?: Uint8Array;
  /** Final FXSAVE image, for cases that carry one. */
  readonly fxsave?: Uint8Array;
}

/**
 * An engine under test. `run` executes one case from its initial state until the first
 * exception and reports the state at delivery. It must not throw for anything the guest does;
 * a throw is reported as an engine error for that case.
 */
export interface CaseEngine {
  readonly name: string;
  run(c: ConformanceCase): CaseResult;
}

/** An engine that runs many cases at once (the native runner, qemu): one process per batch. */
export interface BatchEngine {
  readonly name: string;
  runBatch(cases: readonly ConformanceCase[]): CaseResult[];
}

/** Changed bytes of `regions` after a run, from a reader of the final linear memory. */
export function changedBytes(
  regions: readonly MemoryRegion[],
  readByte: (address: number) => number,
): [number, number][] {
  const out: [number, number][] = [];
  for (const r of regions) {
    for (let i = 0; i < r.bytes.length; i++) {
      const now = readByte(r.address + i) & 0xff;
      if (now !== r.bytes[i]) out.push([r.address + i, now]);
    }
  }
  return out.sort((a, b) => a[0] - b[0]);
}
