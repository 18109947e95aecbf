/**
 * The architectural state of one IA-32 processor, in a single Int32Array so that it serializes to
 * a snapshot with one copy, restores bit-exact, and can be shared with the translator (`dbt`)
 * whose generated code indexes the same words. Word indices are named constants; every stored
 * value is a signed 32-bit integer, so stores never allocate.
 *
 * General registers follow the SDM register-encoding order (Vol. 2 §2.1.5, Table 2-1):
 * EAX, ECX, EDX, EBX, ESP, EBP, ESI, EDI.
 */

export const EAX = 0;
export const ECX = 1;
export const EDX = 2;
export const EBX = 3;
export const ESP = 4;
export const EBP = 5;
export const ESI = 6;
export const EDI = 7;

/** Instruction pointer (offset in CS). */
export const S_EIP = 8;
/**
 * EFLAGS image. The six arithmetic flags in it are valid only when S_CC_OP is CC_EFLAGS; the
 * other bits (DF, IF, TF, IOPL, AC, ID...) are always valid here. See cpu/flags.ts.
 */
export const S_EFLAGS = 9;
/** Lazy-flags record of the last flag-writing operation (QEMU's cc_op/cc_dst/cc_src/cc_src2). */
export const S_CC_OP = 10;
export const S_CC_DST = 11;
export const S_CC_SRC = 12;
export const S_CC_SRC2 = 13;

/** Segment registers in SDM Sreg encoding order (Vol. 2 §3.1.1.1): ES, CS, SS, DS, FS, GS. */
export const ES = 0;
export const CS = 1;
export const SS = 2;
export const DS = 3;
export const FS = 4;
export const GS = 5;

/** Visible selectors, then the hidden descriptor cache (SDM Vol. 3 §3.4.3): base, limit, attributes. */
export const S_SEL = 14;
export const S_SEG_BASE = 20;
export const S_SEG_LIMIT = 26;
/** Access-rights byte and flags of the descriptor (bits 8-23 of its high dword, as LAR reports). */
export const S_SEG_ATTR = 32;

/** Control registers (SDM Vol. 3 §2.5). CR1 is reserved and not stored. */
export const S_CR0 = 38;
export const S_CR2 = 39;
export const S_CR3 = 40;
export const S_CR4 = 41;
/** Current privilege level (the RPL of CS in protected mode). */
export const S_CPL = 42;
/** Descriptor-table registers (SDM Vol. 3 §2.4). */
export const S_GDTR_BASE = 43;
export const S_GDTR_LIMIT = 44;
export const S_IDTR_BASE = 45;
export const S_IDTR_LIMIT = 46;
export const S_LDTR_SEL = 47;
export const S_LDTR_BASE = 48;
export const S_LDTR_LIMIT = 49;
export const S_TR_SEL = 50;
export const S_TR_BASE = 51;
export const S_TR_LIMIT = 52;
/** Set by HLT, cleared by an interrupt (or by the host resuming the engine). */
export const S_HALTED = 53;
/**
 * Time-stamp counter offset low/high: the TSC reads as retired instructions plus this offset, which
 * WRMSR to IA32_TIME_STAMP_COUNTER sets (cpu/msr.ts).
 */
export const S_TSC_LO = 54;
export const S_TSC_HI = 55;
/**
 * Interrupt shadow (SDM Vol. 3 §6.8.3): 1 after an instruction that inhibits interrupts until the
 * end of the next one (STI that set IF, MOV SS, POP SS). The run loop clears it after one more
 * instruction; external interrupts, NMI and single-step traps are held off while it is set.
 */
export const S_INHIBIT = 56;
/** NMI blocking (SDM Vol. 3 §6.7.1): set while an NMI handler runs, cleared by the next IRET. */
export const S_NMI_BLOCKED = 57;
/** An NMI is latched and waits for delivery (Cpu.nmiPending reads and writes this word). */
export const S_NMI_PENDING = 58;
/**
 * TR's cached descriptor attributes (type with the busy bit, P, DPL, G), as S_SEG_ATTR: the TSS
 * format (16-/32-bit) of the current task and whether an I/O bitmap exists (SDM Vol. 3 §7.2.4).
 */
export const S_TR_ATTR = 62;
/**
 * A word that is always 0: decoded memory operands without a base or index register name it, so
 * effective addresses are computed without branches (exec/operands.ts). Never written.
 */
export const S_ZERO = 63;
/**
 * Debug registers (SDM Vol. 3 §17.2). DR6 and DR7 hold only their defined bits; the bits that read
 * as fixed ones (DR6 0xFFFF0FF0, DR7 bit 10) are added on read (cpu/debug-registers.ts), so the
 * zero-filled state is the power-on state.
 */
export const S_DR0 = 64;
export const S_DR6 = 68;
export const S_DR7 = 69;
/**
 * Non-zero when DR7 enables an instruction (bit 0) or data/I-O (bit 1) breakpoint: the run loop
 * and memory paths test this one word and pay nothing more while no breakpoint is armed.
 */
export const S_DEBUG_ACTIVE = 70;
/** Model-specific registers (cpu/msr.ts; SDM Vol. 4 Table 2-2, P6 family). */
export const S_SYSENTER_CS = 71;
export const S_SYSENTER_ESP = 72;
export const S_SYSENTER_EIP = 73;
/** IA32_MISC_ENABLE and IA32_APIC_BASE as (low, high) pairs, XORed with their power-on values. */
export const S_MISC_ENABLE = 74;
export const S_APIC_BASE = 76;
/** IA32_MTRR_DEF_TYPE (lo, hi), the 11 fixed-range MTRRs, the 8 variable-range PHYSBASE/PHYSMASK pairs. */
export const S_MTRR_DEF_TYPE = 78;
export const S_MTRR_FIX = 80;
export const S_MTRR_PHYS = 102;
/** Number of state words. Kept a multiple of 8 for alignment of views laid over a snapshot. */
export const STATE_WORDS = 136;

/** CR0 bits used by the interpreter (SDM Vol. 3 §2.5). */
export const CR0_PE = 1 << 0;
export const CR0_MP = 1 << 1;
export const CR0_EM = 1 << 2;
export const CR0_TS = 1 << 3;
export const CR0_ET = 1 << 4;
export const CR0_NE = 1 << 5;
export const CR0_WP = 1 << 16;
export const CR0_AM = 1 << 18;
export const CR0_PG = 1 << 31;

/** EFLAGS bit 1 is reserved and always reads as 1. */
export const EFLAGS_FIXED = 1 << 1;

/**
 * The register file: views over one buffer. `r8` indexes bytes, so AL..BL are r8[0,4,8,12] and
 * AH..BH are r8[1,5,9,13] on the little-endian hosts JavaScript runs on (checked below).
 */
export class CpuState {
  readonly buffer: ArrayBuffer;
  /** All state words (registers are words 0-7). */
  readonly s: Int32Array;
  /** The 16-bit halves of the general registers: AX = r16[0], CX = r16[2] ... */
  readonly r16: Uint16Array;
  /** The bytes of the general registers. */
  readonly r8: Uint8Array;

  constructor() {
    this.buffer = new ArrayBuffer(STATE_WORDS * 4);
    this.s = new Int32Array(this.buffer);
    this.r16 = new Uint16Array(this.buffer, 0, 16);
    this.r8 = new Uint8Array(this.buffer, 0, 32);
    this.s[S_EFLAGS] = EFLAGS_FIXED;
  }

  /** Copies the complete state (a snapshot is just these words). */
  save(): Int32Array {
    return this.s.slice();
  }

  /** Restores a snapshot made by save(). */
  restore(words: Int32Array): void {
    if (words.length !== STATE_WORDS) {
      throw new RangeError(`CPU snapshot has ${words.length} words, expected ${STATE_WORDS}`);
    }
    this.s.set(words);
  }
}

if (new Uint8Array(new Uint32Array([1]).buffer)[0] !== 1) {
  throw new Error("@strata/isa needs a little-endian host (typed arrays alias guest registers and memory)");
}

/** Byte offset in r8 of 8-bit register `reg` (SDM encoding AL,CL,DL,BL,AH,CH,DH,BH). */
export function reg8Offset(reg: number): number {
  return reg < 4 ? reg << 2 : ((reg - 4) << 2) + 1;
}
