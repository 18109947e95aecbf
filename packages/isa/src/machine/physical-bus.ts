/**
 * The PC's guest-physical layer (memory/physical-layer.ts) beneath paging: the A20 gate, then the
 * BIOS ROM window. With A20 off (port 0x92 bit 1 clear), address bit 20 reads as 0, so 1 MiB
 * aliases 0 as on an 8086 (qemu: x86_cpu_set_a20 and its a20_mask). The layer is consulted on TLB
 * fills only; the machine flushes the TLB and decoded code when the gate changes.
 */
import type { PhysicalLayer } from "../memory/physical-layer";

export class PcPhysicalBus implements PhysicalLayer {
  /** A20 enabled (power-on state, as qemu's PC). */
  a20 = true;

  constructor(private readonly rom: PhysicalLayer | null) {}

  map(phys: number, access: number): number {
    const p = this.a20 ? phys : (phys & ~0x100000) >>> 0;
    return this.rom ? this.rom.map(p, access) : p;
  }
}
