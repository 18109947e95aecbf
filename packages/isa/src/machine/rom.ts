/**
 * The BIOS ROM of a PC: the image at the top of the 4 GiB physical space, and its last 128 KiB
 * (the whole image when smaller) aliased below 1 MiB, ending at 0xFFFFF (qemu's "isa-bios"
 * region, pc_system_firmware_init / x86_bios_rom_init). Both are read-only: guest writes are
 * dropped.
 *
 * Mechanism:
 * - the low alias lives in RAM at 0x100000 - size and its pages are write-watched: the watcher
 *   puts the image's bytes back after any guest store, so a write is never observable;
 * - the high copy lives in extra physical memory above the guest's RAM (the machine allocates
 *   it; the guest's RAM size, as reported to it, does not include it), write-watched the same way,
 *   and the ROM is the MMU's guest-physical layer (Mmu.setPhysicalLayer), which maps
 *   [4 GiB - size, 4 GiB) onto that copy under paging as well as with paging off.
 */
import type { Mmu } from "../memory/mmu";
import { PAGE_SIZE, type PhysicalMemory } from "../memory/physical";
import type { PhysicalLayer } from "../memory/physical-layer";

/** The most of the image that appears below 1 MiB (0xE0000-0xFFFFF). */
export const ISA_BIOS_MAX = 128 * 1024;
/** qemu refuses BIOS images that are not a whole number of 64 KiB blocks. */
export const BIOS_GRANULE = 64 * 1024;

export class RomError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`${file}: ${detail}`);
    this.name = "RomError";
  }
}

/** A PhysicalMemory address no memory is that large: reads give all ones, writes are dropped. */
const UNBACKED = 0x1_0000_0000;

export class BiosRom implements PhysicalLayer {
  readonly image: Uint8Array;
  /** Physical address of the low alias (0x100000 - its size). */
  readonly lowBase: number;
  readonly lowSize: number;
  /** Where the whole image is stored in PhysicalMemory (above the guest's RAM). */
  readonly storeBase: number;
  /** Linear/physical address of the image at the top of 4 GiB (as an unsigned number). */
  readonly highBase: number;

  constructor(image: Uint8Array, storeBase: number, file = "<bios>") {
    if (image.length === 0 || image.length % BIOS_GRANULE !== 0) {
      throw new RomError(file, `BIOS image of ${image.length} bytes: must be a non-zero multiple of 64 KiB`);
    }
    if (image.length > 16 * 1024 * 1024) throw new RomError(file, `BIOS image of ${image.length} bytes: larger than 16 MiB`);
    this.image = image;
    this.lowSize = Math.min(image.length, ISA_BIOS_MAX);
    this.lowBase = 0x100000 - this.lowSize;
    this.storeBase = storeBase;
    this.highBase = 0x1_0000_0000 - image.length;
  }

  /** Extra physical memory the machine must allocate after RAM for the high copy. */
  static storeBytes(image: Uint8Array): number {
    return Math.ceil(image.length / PAGE_SIZE) * PAGE_SIZE;
  }

  /** Copies the image in and write-watches both copies (the machine installs `map` as a physical layer). */
  install(ram: PhysicalMemory, mmu: Mmu): void {
    const low = this.image.subarray(this.image.length - this.lowSize);
    ram.u8.set(low, this.lowBase);
    ram.u8.set(this.image, this.storeBase);
    const id = ram.addWatcher((phys, length) => this.undoWrite(ram, phys, length));
    for (let a = this.lowBase; a < this.lowBase + this.lowSize; a += PAGE_SIZE) mmu.watchPage(a, id);
    for (let a = this.storeBase; a < this.storeBase + this.image.length; a += PAGE_SIZE) mmu.watchPage(a, id);
  }

  /**
   * The guest-physical layer (memory/physical-layer.ts): the top-of-4-GiB window lands on the copy
   * above RAM; that copy itself is not guest-physical memory (unbacked: all ones, as qemu shows
   * addresses past the end of RAM). Paging on or off alike: the MMU applies it after translation.
   */
  map(phys: number): number {
    if (phys >= this.highBase) return this.storeBase + (phys - this.highBase);
    if (phys >= this.storeBase && phys < this.storeBase + this.image.length) return UNBACKED;
    return phys;
  }

  /** The guest stored into ROM: restore the image's bytes (ROM ignores writes). */
  private undoWrite(ram: PhysicalMemory, phys: number, length: number): void {
    for (let k = 0; k < length; k++) {
      const p = phys + k;
      if (p >= this.lowBase && p < 0x100000) ram.u8[p] = this.image[this.image.length - 0x100000 + p]!;
      else if (p >= this.storeBase && p < this.storeBase + this.image.length) ram.u8[p] = this.image[p - this.storeBase]!;
    }
  }
}
