/**
 * A small protected-mode world for the pmode tests, written in nasm (the encoding reference): a
 * GDT with ring-0 and ring-3 flat segments, a 32-bit TSS, a call gate, and an IDT the program
 * fills with the GATE macro; the program runs at 0x1000 from resetSupervisorFlat with every
 * vector going to the IDT (none interposed).
 */
import { createMachine, type Machine } from "../../src/machine";
import { nasm } from "./flat-run";

export { haveNasm, nasm } from "./flat-run";

/** Addresses the prelude uses. */
export const TSS = 0x20000;
export const IDT = 0x21000;
export const RESULTS = 0x6000;
export const KSTACK = 0x9000;

/**
 * GDT: 0x08 code0, 0x10 data0, 0x18|3 code3, 0x20|3 data3, 0x28 TSS (32-bit, at TSS),
 * (limit 0x2067: room for a redirection and I/O bit map), 0x30 call gate DPL 3 -> 0x08:callgate_target with 2 dword parameters, 0x38 16-bit data0 64 KiB,
 * 0x40 data DPL 0 not present, 0x48 16-bit code0 base 0 64 KiB.
 */
export const PRELUDE = `
%define ABS(x) ((x) - $$ + 0x1000)
%macro GATE 3 ; vector, handler, type/attr byte (8E int DPL0, EE int DPL3, 8F trap, EF trap DPL3)
  mov eax, %2
  mov word [${IDT} + %1*8], ax
  mov word [${IDT} + %1*8 + 2], 0x08
  mov word [${IDT} + %1*8 + 4], (%3 << 8)
  shr eax, 16
  mov word [${IDT} + %1*8 + 6], ax
%endmacro
%macro TO_RING3 2 ; eip, esp
  push 0x23
  push %2
  push 0x202
  push 0x1b
  push %1
  iretd
%endmacro
start:
  lgdt [gdtr]
  lidt [idtr]
  mov dword [${TSS} + 4], ${KSTACK}
  mov dword [${TSS} + 8], 0x10
  mov ax, 0x28
  ltr ax
  jmp main
align 8
gdt:
  dq 0
  dq 0x00CF9A000000FFFF
  dq 0x00CF92000000FFFF
  dq 0x00CFFA000000FFFF
  dq 0x00CFF2000000FFFF
  dq 0x0000890200002067
  dw ABS(callgate_target) & 0xffff, 0x08, 0xEC02, ABS(callgate_target) >> 16
  dq 0x000092000000FFFF
  dq 0x00CF12000000FFFF
  dq 0x00009A000000FFFF
gdt_end:
gdtr: dw gdt_end - gdt - 1
  dd ABS(gdt)
idtr: dw 256*8 - 1
  dd ${IDT}
`;

export interface World {
  m: Machine;
  stop: string;
  r32(a: number): number;
}

/** Runs PRELUDE + `body` (which defines main and callgate_target) until it stops. */
export function runWorld(body: string, budget = 100000, prepare?: (m: Machine) => void): World {
  const m = createMachine({ memoryBytes: 4 << 20 });
  const gateTarget = body.includes("callgate_target:") ? "" : "\ncallgate_target:\n  hlt\n";
  m.ram.writeBytes(0x1000, nasm(PRELUDE + body + gateTarget));
  m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  m.cpu.interposedVectors.fill(0);
  prepare?.(m);
  const stop = m.engine.run(budget);
  const dv = new DataView(m.ram.buffer);
  return { m, stop, r32: (a) => dv.getUint32(a, true) };
}
