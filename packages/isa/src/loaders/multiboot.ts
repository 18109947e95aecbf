/**
 * Multiboot v1 (Multiboot Specification 0.6.96): the header search, the image load (ELF32 PT_LOAD
 * segments, or the a.out-kludge address fields when flag 16 is set), the Multiboot information
 * structure and the machine state at the hand-off, laid out as qemu-system-i386's loader
 * (hw/i386/multiboot.c and its option ROM, pc-bios/optionrom/multiboot.S) leaves them, so a kernel
 * sees the same addresses under Strata as under `qemu-system-i386 -kernel`:
 *
 * - the kernel image [load_addr, load_end) rounded up to a page, then the module list, the command
 *   lines and the boot loader name "qemu", rounded up to a page, then each module page-aligned;
 * - the information structure itself at 0x9500 and the memory map (e820 style) at 0x9000;
 * - EAX = 0x2BADB002, EBX = 0x9500, protected mode with a flat GDT (0x08 code, 0x10 data),
 *   paging off, IF = 0, A20 on.
 *
 * Pure (no node: imports): the caller passes bytes; malformed input raises `MultibootError`, which
 * names the file, the offset and the field.
 */
import { ElfError, parseElf32, PT_LOAD } from "./elf32";

export const MULTIBOOT_HEADER_MAGIC = 0x1badb002;
export const MULTIBOOT_BOOTLOADER_MAGIC = 0x2badb002;
/** The header must lie within the first 8192 bytes, 32-bit aligned (§3.1.1). */
export const MULTIBOOT_SEARCH = 8192;

/** Header flags (§3.1.2). */
export const MB_PAGE_ALIGN = 1 << 0;
export const MB_MEMORY_INFO = 1 << 1;
export const MB_VIDEO_MODE = 1 << 2;
export const MB_AOUT_KLUDGE = 1 << 16;

/** Information-structure flags (§3.3). */
export const MBI_MEMORY = 1 << 0;
export const MBI_BOOT_DEVICE = 1 << 1;
export const MBI_CMDLINE = 1 << 2;
export const MBI_MODS = 1 << 3;
export const MBI_MMAP = 1 << 6;
export const MBI_BOOT_LOADER_NAME = 1 << 9;

/** Where qemu's option ROM leaves the e820 map and the information structure (multiboot.c). */
export const MULTIBOOT_MMAP_ADDR = 0x9000;
export const MULTIBOOT_INFO_ADDR = 0x9500;
/** The boot loader name qemu reports. */
export const MULTIBOOT_LOADER_NAME = "qemu";

export class MultibootError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly field: string,
    detail: string,
  ) {
    super(field === "header" ? `${file}: ${detail}` : `${file}: Multiboot ${field} at offset 0x${offset.toString(16)}: ${detail}`);
    this.name = "MultibootError";
  }
}

export interface MultibootHeader {
  /** File offset of the magic. */
  readonly offset: number;
  readonly flags: number;
  /** a.out-kludge address fields (valid when flags has MB_AOUT_KLUDGE). */
  readonly headerAddr: number;
  readonly loadAddr: number;
  readonly loadEndAddr: number;
  readonly bssEndAddr: number;
  readonly entryAddr: number;
}

function u32(b: Uint8Array, o: number): number {
  return (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;
}

/** The Multiboot header of `bytes`, or null when the first 8 KiB hold none (magic + checksum). */
export function findMultibootHeader(bytes: Uint8Array, file = "<kernel>"): MultibootHeader | null {
  const end = Math.min(bytes.length, MULTIBOOT_SEARCH) - 12;
  for (let o = 0; o <= end; o += 4) {
    if (u32(bytes, o) !== MULTIBOOT_HEADER_MAGIC) continue;
    const flags = u32(bytes, o + 4);
    if (((MULTIBOOT_HEADER_MAGIC + flags + u32(bytes, o + 8)) >>> 0) !== 0) continue;
    const kludge = (flags & MB_AOUT_KLUDGE) !== 0;
    if (kludge && o + 32 > bytes.length) throw new MultibootError(file, o + 12, "header_addr", "a.out kludge fields cut off by the end of the file");
    return {
      offset: o,
      flags,
      headerAddr: kludge ? u32(bytes, o + 12) : 0,
      loadAddr: kludge ? u32(bytes, o + 16) : 0,
      loadEndAddr: kludge ? u32(bytes, o + 20) : 0,
      bssEndAddr: kludge ? u32(bytes, o + 24) : 0,
      entryAddr: kludge ? u32(bytes, o + 28) : 0,
    };
  }
  return null;
}

/** A piece of the image to place in physical memory. */
export interface LoadSegment {
  readonly addr: number;
  readonly bytes: Uint8Array;
  /** Bytes to zero after `bytes` (bss). */
  readonly zero: number;
}

export interface MultibootImage {
  readonly header: MultibootHeader;
  readonly entry: number;
  /** Lowest and highest (exclusive) physical address of the image, bss included. */
  readonly low: number;
  readonly high: number;
  readonly segments: readonly LoadSegment[];
  /** Header flags asked for and not provided (video mode, bit 2, and undefined bits 3-15). */
  readonly ignoredFlags: number;
}

/** Parses the header and the loadable image (ELF32 or the a.out kludge), qemu's rules. */
export function parseMultiboot(bytes: Uint8Array, file = "<kernel>"): MultibootImage {
  const header = findMultibootHeader(bytes, file);
  if (header === null) throw new MultibootError(file, 0, "header", "not a Multiboot kernel: no header (magic 0x1BADB002 with its checksum) in the first 8192 bytes (a raw binary loads with --flat ADDR)");
  // §3.1.2 says a loader should refuse required flags (bits 0-15) it does not understand; qemu
  // boots such kernels anyway ("multiboot knows VBE. we don't."), and so do we: the information
  // structure's flags tell the kernel what it did not get. `ignoredFlags` lets a front end warn.
  if ((header.flags & MB_AOUT_KLUDGE) !== 0) return parseKludge(bytes, file, header);
  let elf;
  try {
    elf = parseElf32(bytes, file);
  } catch (e) {
    if (e instanceof ElfError) throw new MultibootError(file, e.offset, e.field, `not an ELF32 image and no a.out kludge (flag 16): ${e.message}`);
    throw e;
  }
  const segments: LoadSegment[] = [];
  let low = Infinity;
  let high = 0;
  for (const ph of elf.programHeaders) {
    if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
    const addr = ph.paddr >>> 0;
    if (ph.filesz > ph.memsz) throw new MultibootError(file, ph.offset, "p_filesz", `${ph.filesz} exceeds p_memsz ${ph.memsz}`);
    segments.push({ addr, bytes: bytes.subarray(ph.offset, ph.offset + ph.filesz), zero: ph.memsz - ph.filesz });
    low = Math.min(low, addr);
    high = Math.max(high, addr + ph.memsz);
  }
  if (segments.length === 0) throw new MultibootError(file, 0, "e_phnum", "no PT_LOAD segment to load");
  return { header, entry: elf.header.entry >>> 0, low, high, segments, ignoredFlags: header.flags & 0xfffc };
}

function parseKludge(bytes: Uint8Array, file: string, h: MultibootHeader): MultibootImage {
  // §3.1.3: header_addr is where the header's magic lands, so the file offset of load_addr is
  // header offset - (header_addr - load_addr). load_end_addr 0: the rest of the file;
  // bss_end_addr 0: no bss.
  const o = h.offset;
  if (h.loadAddr > h.headerAddr) throw new MultibootError(file, o + 16, "load_addr", `0x${h.loadAddr.toString(16)} is above header_addr 0x${h.headerAddr.toString(16)}`);
  const start = o - (h.headerAddr - h.loadAddr);
  if (start < 0) throw new MultibootError(file, o + 12, "header_addr", "places the image before the start of the file");
  const size = h.loadEndAddr === 0 ? bytes.length - start : h.loadEndAddr - h.loadAddr;
  if (h.loadEndAddr !== 0 && h.loadEndAddr < h.loadAddr) throw new MultibootError(file, o + 20, "load_end_addr", "below load_addr");
  if (start + size > bytes.length) throw new MultibootError(file, o + 20, "load_end_addr", `needs ${size} bytes from offset 0x${start.toString(16)}, file has ${bytes.length}`);
  const loadEnd = h.loadAddr + size;
  const bssEnd = h.bssEndAddr === 0 ? loadEnd : h.bssEndAddr;
  if (bssEnd < loadEnd) throw new MultibootError(file, o + 24, "bss_end_addr", "below load_end_addr");
  return {
    header: h,
    ignoredFlags: h.flags & 0xfffc,
    entry: h.entryAddr,
    low: h.loadAddr,
    high: bssEnd,
    segments: [{ addr: h.loadAddr, bytes: bytes.subarray(start, start + size), zero: bssEnd - loadEnd }],
  };
}

export interface MultibootModule {
  readonly bytes: Uint8Array;
  /** The module's string (qemu: the -initrd file name with its arguments). */
  readonly string: string;
}

export interface MultibootBootOptions {
  /** The kernel's file name (qemu puts "<file> <append>" in the command line). */
  readonly kernelName?: string;
  /** -append. */
  readonly cmdline?: string;
  readonly modules?: readonly MultibootModule[];
  /** Guest RAM in bytes, for mem_lower/mem_upper and the memory map. */
  readonly memoryBytes: number;
}

/** What the loader wrote: the physical writes and the hand-off registers. */
export interface MultibootLayout {
  readonly entry: number;
  readonly eax: number;
  readonly ebx: number;
  /** Physical writes in order: [address, bytes]; zero runs are explicit. */
  readonly writes: readonly (readonly [number, Uint8Array])[];
  /** Module ranges [start, end) as written into the module list. */
  readonly modules: readonly (readonly [number, number])[];
  /** Header flags the kernel asked for that this loader does not provide (see MultibootImage). */
  readonly ignoredFlags: number;
  /** End (exclusive) of everything loaded above 1 MiB. */
  readonly end: number;
}

const PAGE = 4096;
const pageAlign = (n: number): number => Math.ceil(n / PAGE) * PAGE;
const ascii = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0) & 0xff).concat(0));

/**
 * Lays the image, the module list, the command lines, the modules, the information structure and
 * the memory map out in physical memory as qemu does. Throws MultibootError when something does
 * not fit in `memoryBytes`.
 */
export function layoutMultiboot(image: MultibootImage, opts: MultibootBootOptions, file = "<kernel>"): MultibootLayout {
  const mods = opts.modules ?? [];
  const writes: [number, Uint8Array][] = [];
  for (const seg of image.segments) {
    writes.push([seg.addr, seg.bytes]);
    if (seg.zero > 0) writes.push([seg.addr + seg.bytes.length, new Uint8Array(seg.zero)]);
  }
  const base = image.low;
  const kernelCmdline = `${opts.kernelName ?? file} ${opts.cmdline ?? ""}`;
  // The buffer after the kernel: module list, command lines (modules' then the kernel's), loader name.
  const offMbinfo = pageAlign(image.high - base);
  const cmdlinesLen = mods.reduce((n, m) => n + m.string.length + 1, 0) + kernelCmdline.length + 1;
  let bufSize = offMbinfo + cmdlinesLen + 16 * mods.length + MULTIBOOT_LOADER_NAME.length + 1;
  bufSize = pageAlign(bufSize);
  const info = new Uint8Array(bufSize - offMbinfo);
  const dv = new DataView(info.buffer);
  let cmdAt = 16 * mods.length;
  const addString = (s: string): number => {
    const b = ascii(s);
    info.set(b, cmdAt);
    const phys = base + offMbinfo + cmdAt;
    cmdAt += b.length;
    return phys;
  };
  const modRanges: [number, number][] = [];
  mods.forEach((m, k) => {
    const at = base + bufSize;
    writes.push([at, m.bytes]);
    bufSize = pageAlign(bufSize + m.bytes.length);
    modRanges.push([at, at + m.bytes.length]);
    dv.setUint32(16 * k, at, true);
    dv.setUint32(16 * k + 4, at + m.bytes.length, true);
    dv.setUint32(16 * k + 8, addString(m.string), true);
  });
  const cmdlineAddr = addString(kernelCmdline);
  const loaderAddr = addString(MULTIBOOT_LOADER_NAME);
  writes.push([base + offMbinfo, info]);
  const end = base + bufSize;
  if (end > opts.memoryBytes) throw new MultibootError(file, 0, "image", `needs memory up to 0x${end.toString(16)}, the machine has ${opts.memoryBytes >>> 20} MiB`);

  // The e820 map qemu's firmware reports for a PC with this much RAM (below 4 GiB): conventional
  // memory, the EBDA/ROM hole, extended memory up to the top of RAM less the ACPI tables... qemu's
  // exact map depends on its firmware; we give the three entries every PC has.
  const mmap = new Uint8Array(3 * 24);
  const mv = new DataView(mmap.buffer);
  const entry = (k: number, addr: number, len: number, type: number): void => {
    mv.setUint32(k * 24, 20, true);
    mv.setUint32(k * 24 + 4, addr, true);
    mv.setUint32(k * 24 + 12, len, true);
    mv.setUint32(k * 24 + 20, type, true);
  };
  entry(0, 0, 0x9fc00, 1);
  entry(1, 0xf0000, 0x10000, 2);
  entry(2, 0x100000, opts.memoryBytes - 0x100000, 1);
  writes.push([MULTIBOOT_MMAP_ADDR, mmap]);

  const mbi = new Uint8Array(88);
  const iv = new DataView(mbi.buffer);
  iv.setUint32(0, MBI_MEMORY | MBI_BOOT_DEVICE | MBI_CMDLINE | MBI_MODS | MBI_MMAP | MBI_BOOT_LOADER_NAME, true);
  iv.setUint32(4, 639, true);
  // qemu reports what its firmware leaves: 639 KiB below the EBDA, and extended memory less
  // the 128 KiB SeaBIOS reserves at the top of RAM (measured with -m 5, 32, 64, 128).
  iv.setUint32(8, (opts.memoryBytes >>> 10) - 1024 - 128, true);
  iv.setUint32(12, 0x8000ffff, true);
  iv.setUint32(16, cmdlineAddr, true);
  iv.setUint32(20, mods.length, true);
  iv.setUint32(24, base + offMbinfo, true);
  iv.setUint32(44, mmap.length, true);
  iv.setUint32(48, MULTIBOOT_MMAP_ADDR, true);
  iv.setUint32(64, loaderAddr, true);
  writes.push([MULTIBOOT_INFO_ADDR, mbi]);
  return { entry: image.entry, eax: MULTIBOOT_BOOTLOADER_MAGIC, ebx: MULTIBOOT_INFO_ADDR, writes, modules: modRanges, ignoredFlags: image.ignoredFlags, end };
}
