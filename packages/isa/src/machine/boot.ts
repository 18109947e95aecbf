/**
 * Booting a PC machine without firmware, as `qemu-system-i386 -kernel` does: a Multiboot v1 kernel
 * (loaders/multiboot.ts lays it out; here the machine state of the hand-off is set), or a flat
 * binary loaded at an address and entered in 32-bit protected mode.
 */
import { ATTR_CODE32_DPL0, ATTR_DATA32_DPL0 } from "../cpu/cpu";
import { CS, EAX, EBX, ESP, S_IDTR_LIMIT, S_CR0, S_EFLAGS, S_EIP, S_GDTR_BASE, S_GDTR_LIMIT, S_SEG_ATTR, S_SEG_BASE, S_SEG_LIMIT, S_SEL } from "../cpu/state";
import { layoutMultiboot, MultibootError, type MultibootLayout, type MultibootModule, parseMultiboot } from "../loaders/multiboot";
import type { Engine } from "../engine";
import type { PcMachine } from "./pc-machine";
import { resetPowerOn } from "./reset";

/**
 * The GDT qemu's Multiboot option ROM loads (pc-bios/optionrom/multiboot.S): null, a flat 32-bit
 * ring 0 code segment at 0x08 and a flat data segment at 0x10. Ours lives at 0x9400, between the
 * memory map (0x9000) and the information structure (0x9500), which the loader leaves unused.
 */
export const MULTIBOOT_GDT_ADDR = 0x9400;
const GDT = [0, 0, 0x0000ffff, 0x00cf9b00, 0x0000ffff, 0x00cf9300];

export interface MultibootBootRequest {
  /** The kernel's file name (in errors and, as qemu does, at the start of the command line). */
  readonly file?: string;
  /** -append. */
  readonly cmdline?: string;
  /** -initrd: each module with its string. */
  readonly modules?: readonly MultibootModule[];
}

/** Loads a Multiboot kernel into `m` and sets the hand-off state; throws MultibootError / ElfError. */
export function loadMultiboot(m: PcMachine<Engine>, bytes: Uint8Array, req: MultibootBootRequest = {}): MultibootLayout {
  const file = req.file ?? "<kernel>";
  const image = parseMultiboot(bytes, file);
  const layout = layoutMultiboot(image, { kernelName: file, cmdline: req.cmdline, modules: req.modules, memoryBytes: m.memoryBytes }, file);
  for (const [addr, data] of layout.writes) {
    if (addr + data.length > m.memoryBytes) throw new MultibootError(file, 0, "image", `0x${addr.toString(16)}+${data.length} is outside ${m.memoryBytes >>> 20} MiB of memory`);
    m.ram.u8.set(data, addr);
  }
  for (let k = 0; k < GDT.length; k++) m.ram.i32[(MULTIBOOT_GDT_ADDR >> 2) + k] = GDT[k]!;
  enterFlat32(m, layout.entry);
  const s = m.cpu.s;
  s[S_GDTR_BASE] = MULTIBOOT_GDT_ADDR;
  s[S_GDTR_LIMIT] = GDT.length * 4 - 1;
  s[EAX] = layout.eax;
  s[EBX] = layout.ebx;
  return layout;
}

export class FlatBinaryError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "FlatBinaryError";
  }
}

/** Loads raw bytes at physical `addr` and starts there in flat 32-bit protected mode, ring 0. */
export function loadFlat(m: PcMachine<Engine>, bytes: Uint8Array, addr: number, file = "<flat>"): void {
  if (!Number.isInteger(addr) || addr < 0 || addr + bytes.length > m.memoryBytes) {
    throw new FlatBinaryError(file, `${bytes.length} bytes at 0x${addr.toString(16)} do not fit in ${m.memoryBytes >>> 20} MiB of memory`);
  }
  m.ram.u8.set(bytes, addr);
  for (let k = 0; k < GDT.length; k++) m.ram.i32[(MULTIBOOT_GDT_ADDR >> 2) + k] = GDT[k]!;
  enterFlat32(m, addr);
  m.cpu.s[S_GDTR_BASE] = MULTIBOOT_GDT_ADDR;
  m.cpu.s[S_GDTR_LIMIT] = GDT.length * 4 - 1;
}

/** CS = 0x08, data segments = 0x10, flat; CR0.PE; paging off; IF = 0 (Multiboot §3.2). */
function enterFlat32(m: PcMachine<Engine>, entry: number): void {
  const cpu = m.cpu;
  resetPowerOn(cpu);
  const s = cpu.s;
  s[S_CR0] = 0x11;
  s[S_EFLAGS] = 0x2;
  for (let seg = 0; seg < 6; seg++) {
    s[S_SEL + seg] = seg === CS ? 0x08 : 0x10;
    s[S_SEG_BASE + seg] = 0;
    s[S_SEG_LIMIT + seg] = -1;
    s[S_SEG_ATTR + seg] = seg === CS ? ATTR_CODE32_DPL0 : ATTR_DATA32_DPL0;
  }
  s[S_EIP] = entry;
  // Multiboot leaves ESP undefined (§3.2); qemu's option ROM leaves it at 0x6F08 in conventional
  // memory, a usable stack that a kernel may push onto before it sets its own. Likewise the IDTR
  // the firmware loaded: the real-mode IVT (base 0, limit 0x3FF).
  s[ESP] = 0x6f08;
  s[S_IDTR_LIMIT] = 0x3ff;
  cpu.setCpl(0);
  cpu.mmu.tlb.flush();
  cpu.flushDecoded = true;
  m.engine.invalidateCode();
}
