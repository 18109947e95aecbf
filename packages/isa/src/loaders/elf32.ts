/**
 * ELF32 little-endian i386 parser (System V gABI, "ELF Object File Format", and the i386 psABI):
 * file header, program headers, section headers with names, and the symbol tables. Pure: works
 * on a Uint8Array, so it runs in the browser too. Malformed input raises `ElfError`, which names
 * the file, the byte offset and the field.
 */

export const ET_REL = 1;
export const ET_EXEC = 2;
export const ET_DYN = 3;
export const EM_386 = 3;

export const PT_NULL = 0;
export const PT_LOAD = 1;
export const PT_DYNAMIC = 2;
export const PT_INTERP = 3;
export const PT_NOTE = 4;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PT_GNU_STACK = 0x6474e551;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export const SHT_NULL = 0;
export const SHT_PROGBITS = 1;
export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;
export const SHF_WRITE = 1;
export const SHF_ALLOC = 2;
export const SHF_EXECINSTR = 4;

export const STT_NOTYPE = 0;
export const STT_OBJECT = 1;
export const STT_FUNC = 2;
export const STT_SECTION = 3;
export const STT_FILE = 4;
export const STT_TLS = 6;
export const SHN_UNDEF = 0;
export const SHN_ABS = 0xfff1;

/** A malformed ELF file: `field` is the gABI field name, `offset` the byte offset in the file. */
export class ElfError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}: ELF ${field} at offset 0x${offset.toString(16)}: ${detail}`);
    this.name = "ElfError";
  }
}

export interface Elf32Header {
  readonly type: number;
  readonly machine: number;
  readonly version: number;
  readonly entry: number;
  readonly phoff: number;
  readonly shoff: number;
  readonly flags: number;
  readonly ehsize: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly shentsize: number;
  readonly shnum: number;
  readonly shstrndx: number;
}

export interface Elf32ProgramHeader {
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: number;
  readonly align: number;
}

export interface Elf32Section {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
}

export interface Elf32Symbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  /** STB_* binding (info >> 4). */
  readonly bind: number;
  /** STT_* type (info & 15). */
  readonly type: number;
  readonly other: number;
  /** Section index (SHN_UNDEF, SHN_ABS, ...). */
  readonly shndx: number;
}

export interface Elf32File {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly header: Elf32Header;
  readonly programHeaders: readonly Elf32ProgramHeader[];
  readonly sections: readonly Elf32Section[];
  /** Symbols of .symtab (static) followed by .dynsym, without the null symbol. */
  readonly symbols: readonly Elf32Symbol[];
}

const EHDR_SIZE = 52;
const PHDR_SIZE = 32;
const SHDR_SIZE = 40;
const SYM_SIZE = 16;

/** Parses an ELF32 i386 file. `file` names it in errors. */
export function parseElf32(bytes: Uint8Array, file = "<elf>"): Elf32File {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const need = (off: number, len: number, field: string): void => {
    if (off < 0 || off + len > bytes.length) {
      throw new ElfError(file, off, field, `needs ${len} bytes, file has ${bytes.length}`);
    }
  };
  need(0, EHDR_SIZE, "e_ident");
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) {
    throw new ElfError(file, 0, "e_ident[EI_MAG]", "not an ELF file (bad magic)");
  }
  if (bytes[4] !== 1) throw new ElfError(file, 4, "e_ident[EI_CLASS]", `class ${bytes[4]} is not ELFCLASS32`);
  if (bytes[5] !== 1) throw new ElfError(file, 5, "e_ident[EI_DATA]", `encoding ${bytes[5]} is not ELFDATA2LSB`);
  if (bytes[6] !== 1) throw new ElfError(file, 6, "e_ident[EI_VERSION]", `version ${bytes[6]} is not EV_CURRENT`);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const header: Elf32Header = {
    type: u16(16), machine: u16(18), version: u32(20), entry: u32(24), phoff: u32(28), shoff: u32(32), flags: u32(36),
    ehsize: u16(40), phentsize: u16(42), phnum: u16(44), shentsize: u16(46), shnum: u16(48), shstrndx: u16(50),
  };
  if (header.machine !== EM_386) throw new ElfError(file, 18, "e_machine", `machine ${header.machine} is not EM_386 (3)`);

  const programHeaders: Elf32ProgramHeader[] = [];
  if (header.phnum > 0) {
    if (header.phentsize !== PHDR_SIZE) throw new ElfError(file, 42, "e_phentsize", `${header.phentsize}, expected ${PHDR_SIZE}`);
    need(header.phoff, header.phnum * PHDR_SIZE, "e_phoff");
    for (let i = 0; i < header.phnum; i++) {
      const o = header.phoff + i * PHDR_SIZE;
      const ph: Elf32ProgramHeader = {
        type: u32(o), offset: u32(o + 4), vaddr: u32(o + 8), paddr: u32(o + 12), filesz: u32(o + 16), memsz: u32(o + 20),
        flags: u32(o + 24), align: u32(o + 28),
      };
      if (ph.type === PT_LOAD) {
        need(ph.offset, ph.filesz, `p_offset (program header ${i})`);
        if (ph.filesz > ph.memsz) throw new ElfError(file, o + 16, `p_filesz (program header ${i})`, `filesz ${ph.filesz} > memsz ${ph.memsz}`);
      }
      programHeaders.push(ph);
    }
  }

  const raw: Omit<Elf32Section, "name">[] = [];
  const nameOffsets: number[] = [];
  if (header.shnum > 0) {
    if (header.shentsize !== SHDR_SIZE) throw new ElfError(file, 46, "e_shentsize", `${header.shentsize}, expected ${SHDR_SIZE}`);
    need(header.shoff, header.shnum * SHDR_SIZE, "e_shoff");
    for (let i = 0; i < header.shnum; i++) {
      const o = header.shoff + i * SHDR_SIZE;
      nameOffsets.push(u32(o));
      const s = {
        index: i, type: u32(o + 4), flags: u32(o + 8), addr: u32(o + 12), offset: u32(o + 16), size: u32(o + 20),
        link: u32(o + 24), info: u32(o + 28), addralign: u32(o + 32), entsize: u32(o + 36),
      };
      if (s.type !== SHT_NOBITS && s.type !== SHT_NULL) need(s.offset, s.size, `sh_offset (section ${i})`);
      raw.push(s);
    }
    if (header.shstrndx >= header.shnum) throw new ElfError(file, 50, "e_shstrndx", `${header.shstrndx} >= e_shnum ${header.shnum}`);
  }
  const strtab = (sec: Omit<Elf32Section, "name"> | undefined, off: number, field: string, at: number): string => {
    if (sec === undefined) return "";
    if (off >= sec.size) throw new ElfError(file, at, field, `string offset ${off} beyond string table size ${sec.size}`);
    let end = sec.offset + off;
    const limit = sec.offset + sec.size;
    while (end < limit && bytes[end] !== 0) end++;
    return new TextDecoder().decode(bytes.subarray(sec.offset + off, end));
  };
  const shstr = raw[header.shstrndx];
  const sections: Elf32Section[] = raw.map((s, i) => ({
    ...s,
    name: strtab(shstr, nameOffsets[i] ?? 0, `sh_name (section ${i})`, header.shoff + i * SHDR_SIZE),
  }));

  const symbols: Elf32Symbol[] = [];
  for (const kind of [SHT_SYMTAB, SHT_DYNSYM]) {
    for (const sec of sections) {
      if (sec.type !== kind) continue;
      if (sec.entsize !== SYM_SIZE) throw new ElfError(file, header.shoff + sec.index * SHDR_SIZE + 36, `sh_entsize (${sec.name})`, `${sec.entsize}, expected ${SYM_SIZE}`);
      const names = sections[sec.link];
      if (names === undefined || names.type !== SHT_STRTAB) {
        throw new ElfError(file, header.shoff + sec.index * SHDR_SIZE + 24, `sh_link (${sec.name})`, `section ${sec.link} is not a string table`);
      }
      for (let i = 1; i < Math.floor(sec.size / SYM_SIZE); i++) {
        const o = sec.offset + i * SYM_SIZE;
        const info = bytes[o + 12] ?? 0;
        symbols.push({
          name: strtab(names, u32(o), `st_name (${sec.name}[${i}])`, o),
          value: u32(o + 4), size: u32(o + 8), bind: info >> 4, type: info & 15, other: bytes[o + 13] ?? 0, shndx: u16(o + 14),
        });
      }
    }
  }
  return { file, bytes, header, programHeaders, sections, symbols };
}

/** The bytes of a section (empty for SHT_NOBITS). */
export function sectionBytes(elf: Elf32File, section: Elf32Section): Uint8Array {
  if (section.type === SHT_NOBITS) return new Uint8Array(0);
  return elf.bytes.subarray(section.offset, section.offset + section.size);
}
