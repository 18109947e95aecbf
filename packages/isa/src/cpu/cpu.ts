/**
 * The processor as the instruction handlers see it: architectural state (cpu/state.ts), the MMU,
 * the x87 unit, port I/O, and the event paths to the host. Both engines (this package's
 * interpreter and the translator) drive the same Cpu, so handlers, state layout and memory helpers
 * are shared. Everything the handlers touch per instruction is a typed array or a plain field.
 */
import { X87State } from "../fpu/state";
import { Mmu } from "../memory/mmu";
import type { PhysicalMemory } from "../memory/physical";
import type { InterruptController } from "../devices/irq";
import { materializeFlags, readEflags } from "./flags";
import {
  CpuState,
  CR0_ET,
  CR0_PE,
  CS,
  DS,
  ES,
  FS,
  GS,
  S_CPL,
  S_CR0,
  S_EFLAGS,
  S_NMI_PENDING,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  SS,
} from "./state";

/** What a host handler tells the engine after it saw an event. */
export type HostAction = "resume" | "stop";

/** An event delivered to the host instead of the (absent or bypassed) IDT. Reused, not allocated. */
export interface TrapEvent {
  /** "int": INT n/INT3/INTO/INT1 (EIP = next instruction); "exception": a fault or trap;
   *  "external": an interrupt from the interrupt controller or NMI (EIP = next instruction);
   *  "insn": an instruction of an interposed class, not executed (EIP = the instruction). */
  kind: "int" | "exception" | "external" | "insn";
  vector: number;
  /** Error code, or -1. */
  errorCode: number;
  /** EIP the handler returns to if it resumes without changing EIP. */
  eip: number;
  /** For "insn" events: the instruction's class and table entry index. */
  insnClass: string;
  entry: number;
}

export type HostHandler = (event: TrapEvent, cpu: Cpu) => HostAction;

/** Port I/O (IN/OUT/INS/OUTS) once the privilege checks passed. Devices plug in here later. */
export interface PortIo {
  read(port: number, size: number): number;
  write(port: number, size: number, value: number): void;
}

const NO_PORTS: PortIo = {
  read: (_port, size) => (size === 1 ? 0xff : size === 2 ? 0xffff : -1),
  write: () => undefined,
};

/** Flat 4 GiB segment attributes (type/S/DPL/P/D-B/G as in a descriptor's bits 8-23). */
export const ATTR_CODE32_DPL3 = 0xcffb;
export const ATTR_DATA32_DPL3 = 0xcff3;
export const ATTR_CODE32_DPL0 = 0xcf9b;
export const ATTR_DATA32_DPL0 = 0xcf93;

export class Cpu {
  readonly state: CpuState;
  readonly s: Int32Array;
  readonly r16: Uint16Array;
  readonly r8: Uint8Array;
  readonly mmu: Mmu;
  /** The x87 FPU state (src/fpu). */
  readonly fpu: X87State = new X87State();
  /** Port I/O backend (all ones / ignored until devices exist). */
  ports: PortIo = NO_PORTS;
  /** Per vector: deliver to the host handler instead of the IDT (the user-level machine: all). */
  readonly interposedVectors: Uint8Array = new Uint8Array(256).fill(1);
  /** Per instruction class (CLASS_NAMES order): deliver to the host instead of executing. */
  readonly interposedClasses: Uint8Array = new Uint8Array(8);
  hostHandler: HostHandler | null = null;
  readonly event: TrapEvent = { kind: "int", vector: 0, errorCode: -1, eip: 0, insnClass: "", entry: -1 };

  /** Instructions retired before the current block (the run loop keeps it exact at block starts). */
  retired = 0;
  /**
   * Steps of unfinished REP string instructions, per class (CLASS_NAMES order): they count toward
   * the budget but do not retire, and the per-class counters subtract them.
   */
  readonly unretired: Float64Array = new Float64Array(8);
  /** Non-zero when a handler asks the run loop to stop after the current instruction (STOP_*). */
  stop = 0;
  /** Exception and software-interrupt counts per vector (`exc.*`, `int.*` counters). */
  readonly excCounts: Float64Array = new Float64Array(32);
  readonly intCounts: Float64Array = new Float64Array(256);
  /** The last exception that stopped the engine (vector, error code), for run results. */
  lastVector = -1;
  lastErrorCode = -1;
  /**
   * Set when something changes how the bytes at a linear address decode, or writes code bytes
   * past the write-watch: CS base or size, the processor mode (CR0.PE, V86, task switches),
   * loaders, resets, snapshot restores, breakpoints and interposition. Decoded and translated
   * code must all go. The engine that runs next clears it.
   */
  flushDecoded = false;
  /**
   * Set when only the linear -> physical mapping of code, or the right to fetch it, may have
   * changed: a CR3 load or a CR4.PSE/PGE change with paging on, CR0.PG, INVLPG, and entering user
   * mode after supervisor-only pages were translated (Cpu.setCpl). Code decoded from physical
   * bytes that the write-watch still guards stays correct wherever those bytes are mapped now, so
   * an engine that keys its code by physical frame may keep it and re-check each block's pages
   * (the translator of `dbt` does); a cache keyed by linear address (the interpreter's) drops
   * everything, as for flushDecoded. The engine that runs next clears it (both flags when it
   * flushes).
   */
  mappingChanged = false;
  /**
   * The INTR pin and INTA cycle of the interrupt controller (the PC machine's PIC pair), polled by
   * the engine at instruction-block boundaries while EFLAGS.IF = 1; null on machines without one.
   */
  interruptController: InterruptController | null = null;
  /**
   * An NMI is latched and waits for delivery (vector 2; not blocked by IF, SDM Vol. 3 §6.7). Kept
   * in a state word (S_NMI_PENDING) so snapshots carry it.
   */
  get nmiPending(): boolean {
    return this.s[S_NMI_PENDING] !== 0;
  }
  set nmiPending(pending: boolean) {
    this.s[S_NMI_PENDING] = pending ? 1 : 0;
  }
  /** Why the processor shut down (a triple fault, SDM Vol. 3 §6.15 Interrupt 8), or "". */
  shutdownReason = "";

  constructor(ram: PhysicalMemory) {
    this.state = new CpuState();
    this.s = this.state.s;
    this.r16 = this.state.r16;
    this.r8 = this.state.r8;
    this.mmu = new Mmu(ram, this.s);
  }

  /**
   * Puts the processor in the state a user-level (ring 3) flat 32-bit program starts in: protected
   * mode, CPL 3, CS/SS/DS/ES with base 0 and 4 GiB limits, IF set. Selectors mimic Linux's
   * __USER_CS/__USER_DS (0x73/0x7b); FS/GS are null until the program loads them.
   */
  resetUserFlat(entry: number, stack: number): void {
    const s = this.s;
    s.fill(0);
    s[S_CR0] = CR0_PE | CR0_ET;
    s[S_CPL] = 3;
    this.mmu.setUserMode(true);
    s[S_EFLAGS] = 0x202;
    for (const seg of [ES, CS, SS, DS, FS, GS]) {
      const code = seg === CS;
      const nul = seg === FS || seg === GS;
      s[S_SEL + seg] = nul ? 0 : code ? 0x73 : 0x7b;
      s[S_SEG_BASE + seg] = 0;
      s[S_SEG_LIMIT + seg] = nul ? 0 : -1;
      s[S_SEG_ATTR + seg] = nul ? 0 : code ? ATTR_CODE32_DPL3 : ATTR_DATA32_DPL3;
    }
    s[8] = entry;
    s[4] = stack;
    this.mmu.tlb.flush();
    this.flushDecoded = true;
  }

  /**
   * Flat 32-bit protected mode at CPL 0 (a bare-metal program without its own GDT): CS/SS/DS/ES
   * base 0, 4 GiB limits, selectors 0x08/0x10, paging off, interrupts disabled.
   */
  resetSupervisorFlat(entry: number, stack: number): void {
    const s = this.s;
    s.fill(0);
    s[S_CR0] = CR0_PE | CR0_ET;
    s[S_CPL] = 0;
    this.mmu.setUserMode(false);
    s[S_EFLAGS] = 0x2;
    for (const seg of [ES, CS, SS, DS, FS, GS]) {
      const code = seg === CS;
      s[S_SEL + seg] = code ? 0x08 : 0x10;
      s[S_SEG_BASE + seg] = 0;
      s[S_SEG_LIMIT + seg] = -1;
      s[S_SEG_ATTR + seg] = code ? ATTR_CODE32_DPL0 : ATTR_DATA32_DPL0;
    }
    s[8] = entry;
    s[4] = stack;
    this.mmu.tlb.flush();
    this.flushDecoded = true;
  }

  eflags(): number {
    return readEflags(this.s);
  }

  /** Writes EFLAGS as a whole (host side: no privilege rules; bit 1 forced). */
  setEflags(value: number): void {
    materializeFlags(this.s);
    this.s[S_EFLAGS] = (value & 0x3f7fd7) | 2;
  }

  cpl(): number {
    return this.s[S_CPL]!;
  }

  /**
   * Sets the current privilege level (CS.RPL in protected mode; 3 in virtual-8086 mode; 0 in real
   * mode) and the MMU's user/supervisor mode for the page-level checks that follow (CPL 3 = user,
   * SDM Vol. 3 §4.6).
   */
  setCpl(cpl: number): void {
    this.s[S_CPL] = cpl;
    // Entering user mode drops TLB entries a user access may not use; decoded blocks that came
    // through them must be fetched again (and fault if the code is supervisor-only): the right to
    // fetch changed, as with a mapping change.
    if (this.mmu.setUserMode(cpl === 3)) this.mappingChanged = true;
  }

  /**
   * OUT/OUTS to a port once the I/O permission checks passed. A write may raise the interrupt
   * controller's INTR (unmasking, EOI with another request waiting): the instruction then ends
   * its block so the run loop takes the interrupt right after it.
   */
  portWrite(port: number, size: number, value: number): void {
    this.ports.write(port, size, value);
    const ic = this.interruptController;
    if (ic !== null && ic.intr) this.stop = STOP_EVENT;
  }

  /** True when the stack segment is 32-bit (SS descriptor B bit). */
  stack32(): boolean {
    return (this.s[S_SEG_ATTR + SS]! & 0x4000) !== 0;
  }
}

/** Reasons a handler stops the run loop (engine.ts maps them to StopReason). */
export const STOP_NONE = 0;
export const STOP_HALT = 1;
export const STOP_HOST = 2;
export const STOP_EXCEPTION = 3;
export const STOP_BREAKPOINT = 4;
/**
 * A conditional branch inside a decoded block was taken: EIP holds its target and the run loop
 * continues there (blocks extend past not-taken Jcc, so this is a side exit, not a stop).
 */
export const STOP_BRANCH = 5;
/**
 * The instruction may have made an interrupt deliverable (STI, POPF, IRET, an OUT to the
 * interrupt controller): the run loop ends the block after it and looks for pending events.
 */
export const STOP_EVENT = 6;
/** Triple fault (or a fault the processor cannot deliver at all): the processor shuts down. */
export const STOP_SHUTDOWN = 7;
