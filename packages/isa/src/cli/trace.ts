/**
 * `-d in_asm,int,cpu` for strata-x86, in qemu's log formats: the machine runs one instruction at a
 * time (the run loop is slice-exact, so the guest behaves as in a normal run, only slower) and the
 * tracer notes where a basic block starts — after an instruction that ends one (the table's `cf`),
 * or when EIP did not fall through (an interrupt or exception was delivered).
 * - in_asm: each block the first time it starts at a linear address ("IN:" and its instructions
 *   up to the block end, AT&T syntax, qemu's columns);
 * - cpu: the registers before each block (qemu's x86_cpu_dump_state layout);
 * - int: each event delivered through the IDT/IVT (qemu's "Servicing hardware INT=0x.." for
 *   external interrupts, "check_exception old: 0xffffffff new 0x.." and the numbered "v=" line).
 */
import type { Cpu } from "../cpu/cpu";
import { readEflags } from "../cpu/flags";
import {
  CR0_PE,
  CS,
  EAX,
  EBP,
  EBX,
  ECX,
  EDI,
  EDX,
  ESI,
  ESP,
  S_CPL,
  S_CR0,
  S_CR2,
  S_CR3,
  S_CR4,
  S_EIP,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_HALTED,
  S_IDTR_BASE,
  S_IDTR_LIMIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
  SS,
} from "../cpu/state";
import { Decoder } from "../decode/decoder";
import { DecodedInsn, DecodeFault } from "../decode/insn";
import { disassemble } from "../disasm/listing";
import { FAULT } from "../cpu/exceptions";
import { deliverInterrupt } from "../cpu/interrupts";
import { OPCODES } from "../table/index";
import type { OpDef } from "../table/types";
import type { PcMachine, PcStopReason } from "../machine/pc-machine";
import type { Engine } from "../engine";

const hex8 = (v: number): string => (v >>> 0).toString(16).padStart(8, "0");
const hex4 = (v: number): string => (v & 0xffff).toString(16).padStart(4, "0");

export class Tracer {
  private readonly decoder = new Decoder();
  private readonly insn = new DecodedInsn();
  private readonly seen = new Set<number>();
  private blockStart = true;
  private nextEip = -1;
  private events = 0;

  /** EIP of the instruction being stepped (the INT n a fault during its delivery reports). */
  private stepEip = 0;
  /** The exception whose delivery is under way (qemu's "old" in check_exception), or -1. */
  private outer = -1;

  constructor(
    private readonly m: PcMachine<Engine>,
    private readonly items: ReadonlySet<string>,
    private readonly log: (s: string) => void,
  ) {
    if (items.has("int")) {
      // Every vector reaches the host first: log it, then deliver it through the IDT/IVT as the
      // machine would have (deliverInterrupt with the vector no longer interposed).
      const cpu = m.cpu;
      cpu.interposedVectors.fill(1);
      m.engine.setHostHandler((ev) => {
        if (ev.kind === "insn") return "stop";
        const kind = ev.kind;
        const v = ev.vector;
        this.event(kind, v, ev.errorCode);
        // deliverInterrupt counts exceptions as they are raised; this one was counted already.
        if (kind === "exception" && v < 32) cpu.excCounts[v] = cpu.excCounts[v]! - 1;
        cpu.interposedVectors[v] = 0;
        const outer = this.outer;
        this.outer = kind === "exception" ? v : -1;
        deliverInterrupt(cpu, v, kind, ev.errorCode, kind === "int" ? this.stepEip : cpu.s[S_EIP]!);
        this.outer = outer;
        cpu.interposedVectors[v] = 1;
        return "resume";
      });
    }
  }

  /** Runs up to `budget` instructions one at a time, logging as it goes. */
  run(budget: number): PcStopReason {
    const m = this.m;
    const s = m.cpu.s;
    for (let k = 0; k < budget; k++) {
      const eip = s[S_EIP]! >>> 0;
      this.stepEip = s[S_EIP]!;
      if (this.nextEip !== -1 && eip !== this.nextEip) this.blockStart = true;
      const lin = (eip + s[S_SEG_BASE + CS]!) | 0;
      const ends = this.decodeAt(lin);
      if (this.blockStart) {
        if (this.items.has("in_asm") && !this.seen.has(lin)) {
          this.seen.add(lin);
          this.logBlock(lin);
        }
        if (this.items.has("cpu")) this.log(`${dumpCpu(m.cpu, m.a20)}----------------\n`);
        this.blockStart = false;
      }
      const len = this.insn.fault === DecodeFault.None ? this.insn.length : 0;
      const why = m.run(1);
      this.nextEip = (eip + len) >>> 0;
      if (ends || len === 0) this.blockStart = true;
      if (why !== "budget") return why;
    }
    return "budget";
  }

  /** Notes an event delivered through the IDT/IVT (called by the machine's event hook). */
  event(kind: string, vector: number, errorCode: number): void {
    if (!this.items.has("int")) return;
    const cpu = this.m.cpu;
    const s = cpu.s;
    if (kind === "external") this.log(`Servicing hardware INT=0x${vector.toString(16).padStart(2, "0")}\n`);
    else if (kind === "exception") {
      // A fault while delivering an exception: qemu names both, the new one as raised (before the
      // #DF it may turn into, which deliverInterrupt has already decided; FAULT still holds it).
      const old = this.outer;
      const raised = old >= 0 ? FAULT.vector : vector;
      this.log(`check_exception old: 0x${(old >>> 0).toString(16)} new 0x${raised.toString(16)}\n`);
    }
    // qemu's numbered line and register dump are for protected mode only (do_interrupt_all).
    if ((s[S_CR0]! & CR0_PE) !== 0) {
      // qemu logs INT n at the instruction (its EIP is updated after delivery), others at the return EIP.
      const ip = kind === "int" ? this.stepEip : s[S_EIP]!;
      const pc = (ip + s[S_SEG_BASE + CS]!) >>> 0;
      this.log(
        `${String(this.events++).padStart(6)}: v=${vector.toString(16).padStart(2, "0")} e=${hex4(errorCode < 0 ? 0 : errorCode)} i=${kind === "int" ? 1 : 0} cpl=${s[S_CPL]} IP=${hex4(s[S_SEL + CS]!)}:${hex8(ip)} pc=${hex8(pc)} SP=${hex4(s[S_SEL + SS]!)}:${hex8(s[ESP]!)} ${kind === "exception" && vector === 14 ? `CR2=${hex8(s[S_CR2]!)}` : `env->regs[R_EAX]=${hex8(s[EAX]!)}`}\n`,
      );
      this.log(dumpCpu(cpu, this.m.a20));
    }
    this.blockStart = true;
  }

  private bits(): 16 | 32 {
    const s = this.m.cpu.s;
    return (s[S_CR0]! & CR0_PE) !== 0 && (s[S_SEG_ATTR + CS]! & 0x4000) !== 0 ? 32 : 16;
  }

  private readonly fetchAt = (base: number) => (i: number): number => {
    try {
      return this.m.cpu.mmu.read8((base + i) | 0);
    } catch (e) {
      if (e !== FAULT) throw e;
      return -1;
    }
  };

  /** Decodes the instruction at `lin` into this.insn; true when it ends a block. */
  private decodeAt(lin: number): boolean {
    const cr2 = this.m.cpu.s[S_CR2]!;
    this.decoder.decodeFetch(this.insn, this.fetchAt(lin), this.bits());
    this.m.cpu.s[S_CR2] = cr2;
    if (this.insn.fault !== DecodeFault.None) return true;
    return (OPCODES[this.insn.entry] as OpDef | undefined)?.cf !== undefined;
  }

  private logBlock(lin: number): void {
    const bits = this.bits();
    const s = this.m.cpu.s;
    const csBase = s[S_SEG_BASE + CS]!;
    let out = "----------------\nIN: \n";
    let a = lin;
    for (let n = 0; n < 512; n++) {
      const bytes = new Uint8Array(15);
      const fetch = this.fetchAt(a);
      let got = 0;
      for (; got < 15; got++) {
        const b = fetch(got);
        if (b < 0) break;
        bytes[got] = b;
      }
      if (got === 0) break;
      const line = disassemble(bytes.subarray(0, got), 0, (a - csBase) >>> 0, bits, "att");
      const hex = Array.from(bytes.subarray(0, line.length), (b) => b.toString(16).padStart(2, "0")).join(" ");
      out += `0x${hex8(a)}:  ${hex.padEnd(24)} ${line.text}\n`;
      this.decoder.decodeFetch(this.insn, fetch, bits);
      if (this.insn.fault !== DecodeFault.None || (OPCODES[this.insn.entry] as OpDef | undefined)?.cf !== undefined) break;
      a = (a + line.length) | 0;
    }
    this.log(`${out}\n`);
  }
}

function segLine(name: string, sel: number, base: number, limit: number, attr: number, pe: boolean): string {
  // qemu shows the descriptor's high-dword flags (attr << 8).
  const flags = (attr << 8) >>> 0;
  let kind = "";
  if (pe) {
    const dpl = (attr >> 5) & 3;
    const code = (attr & 0x18) === 0x18;
    if ((attr & 0x10) === 0) kind = ` DPL=${dpl} SYS`;
    else if (code) kind = ` DPL=${dpl} ${attr & 0x4000 ? "CS32" : "CS16"} [${attr & 4 ? "C" : "-"}${attr & 2 ? "R" : "-"}${attr & 1 ? "A" : "-"}]`;
    else kind = ` DPL=${dpl} ${attr & 0x4000 ? "DS  " : "DS16"} [${attr & 4 ? "E" : "-"}${attr & 2 ? "W" : "-"}${attr & 1 ? "A" : "-"}]`;
  }
  return `${name}=${hex4(sel)} ${hex8(base)} ${hex8(limit)} ${hex8(flags)}${kind}\n`;
}

/** The registers as qemu's `-d cpu` prints them (x86_cpu_dump_state, 32-bit layout). */
export function dumpCpu(cpu: Cpu, a20: boolean): string {
  const s = cpu.s;
  const fl = readEflags(s);
  const f = (bit: number, c: string): string => ((fl & bit) !== 0 ? c : "-");
  const pe = (s[S_CR0]! & CR0_PE) !== 0;
  let out = `EAX=${hex8(s[EAX]!)} EBX=${hex8(s[EBX]!)} ECX=${hex8(s[ECX]!)} EDX=${hex8(s[EDX]!)}\n`;
  out += `ESI=${hex8(s[ESI]!)} EDI=${hex8(s[EDI]!)} EBP=${hex8(s[EBP]!)} ESP=${hex8(s[ESP]!)}\n`;
  out += `EIP=${hex8(s[S_EIP]!)} EFL=${hex8(fl)} [${f(0x400, "D")}${f(0x80, "S")}${f(0x40, "Z")}${f(0x10, "A")}${f(4, "P")}${f(1, "C")}${f(0x800, "O")}] CPL=${s[S_CPL]} II=0 A20=${a20 ? 1 : 0} SMM=0 HLT=${s[S_HALTED] ? 1 : 0}\n`;
  const names = ["ES ", "CS ", "SS ", "DS ", "FS ", "GS "];
  for (let seg = 0; seg < 6; seg++) out += segLine(names[seg]!, s[S_SEL + seg]!, s[S_SEG_BASE + seg]!, s[S_SEG_LIMIT + seg]!, s[S_SEG_ATTR + seg]!, pe);
  out += `LDT=${hex4(s[S_LDTR_SEL]!)} ${hex8(s[S_LDTR_BASE]!)} ${hex8(s[S_LDTR_LIMIT]!)}\n`;
  out += `TR =${hex4(s[S_TR_SEL]!)} ${hex8(s[S_TR_BASE]!)} ${hex8(s[S_TR_LIMIT]!)}\n`;
  out += `GDT=     ${hex8(s[S_GDTR_BASE]!)} ${hex8(s[S_GDTR_LIMIT]!)}\n`;
  out += `IDT=     ${hex8(s[S_IDTR_BASE]!)} ${hex8(s[S_IDTR_LIMIT]!)}\n`;
  out += `CR0=${hex8(s[S_CR0]!)} CR2=${hex8(s[S_CR2]!)} CR3=${hex8(s[S_CR3]!)} CR4=${hex8(s[S_CR4]!)}\n`;
  return out;
}
