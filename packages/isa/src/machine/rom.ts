/**
 * The BIOS ROM of a PC: the image at the top of the 4 GiB physical space, and its last 128 KiB
 * (the whole image when smaller) aliased below 1 MiB, ending at 0xFFFFF (qemu's "isa-bios"
 * region, pc_system_firmware_init / x86_bios_rom_init). Both are read-only: guest writes are
 * dropped.
 *
 * Mechanism (the MMU has no physical-bus hook yet, see README "Machine"):
 * - the low alias lives in RAM at 0x100000 - size and its pages are write-watched: the watcher
 *   puts the image's bytes back after any guest store, so a write is never observable;
 * - the high copy lives in extra physical memory above the guest's RAM (the machine allocates
 *   it; the guest's RAM size, as reported to it, does not include it), write-watched the same way,
 *   and a Translator wrapper maps linear [4 GiB - size, 4 GiB) onto it while paging is off.
 */
import type { Mmu } from "../memory/mmu";
import { PAGE_SHIFT, PAGE_SIZE, type PhysicalMemory } from "../memory/physical";
import type { Translator } from "../memory/translator";

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

export class BiosRom {
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

  /** Copies the image in, write-watches both copies, and wraps the MMU's translator. */
  install(ram: PhysicalMemory, mmu: Mmu): void {
    const low = this.image.subarray(this.image.length - this.lowSize);
    ram.u8.set(low, this.lowBase);
    ram.u8.set(this.image, this.storeBase);
    const id = ram.addWatcher((phys, length) => this.undoWrite(ram, phys, length));
    for (let a = this.lowBase; a < this.lowBase + this.lowSize; a += PAGE_SIZE) mmu.watchPage(a, id);
    for (let a = this.storeBase; a < this.storeBase + this.image.length; a += PAGE_SIZE) mmu.watchPage(a, id);
    mmu.setTranslator(new RomAliasTranslator(mmu.translator, this));
  }

  /** The guest stored into ROM: restore the image's bytes (ROM ignores writes). */
  private undoWrite(ram: PhysicalMemory, phys: number, length: number): void {
    for (let k = 0; k < length; k++) {
      const p = phys + k;
      if (p >= this.lowBase && p < 0x100000) ram.u8[p] = this.image[this.image.length - 0x100000 + p]!;
      else if (p >= this.storeBase && p < this.storeBase + this.image.length) ram.u8[p] = this.image[p - this.storeBase]!;
    }
  }

  /** The ROM's contents as pages, for checks: physical page numbers of the low alias. */
  lowPages(): number[] {
    const out: number[] = [];
    for (let a = this.lowBase; a < 0x100000; a += PAGE_SIZE) out.push(a >>> PAGE_SHIFT);
    return out;
  }
}

/**
 * Paging off: linear = physical, except the top-of-4-GiB ROM window, which lands on the ROM's copy
 * above RAM. Everything else goes to the translator it wraps.
 */
export class RomAliasTranslator implements Translator {
  /** The last translation hit the ROM window (its TLB fill carries no paging restrictions). */
  private romHit = false;

  constructor(
    readonly inner: Translator,
    private readonly rom: BiosRom,
  ) {}

  get faultCode(): number {
    return this.inner.faultCode;
  }

  get fill(): number {
    return this.romHit ? 0 : this.inner.fill;
  }

  translate(linear: number, access: number): number {
    const u = linear >>> 0;
    if (u >= this.rom.highBase) {
      this.romHit = true;
      return this.rom.storeBase + (u - this.rom.highBase);
    }
    this.romHit = false;
    return this.inner.translate(linear, access);
  }
}
