/**
 * A minimal reader of static i386 ELF executables (System V gABI, "ELF header" and "Program
 * header"): what a process loader needs — entry point, program headers, PT_LOAD segments. It is
 * local until @strata/isa's loaders land; every malformed field is reported by name and offset.
 */

export const PT_LOAD = 1;
export const PT_INTERP = 3;
export const PT_PHDR = 6;
export const PT_TLS = 7;
export const PF_X = 1;
export const PF_W = 2;
export const PF_R = 4;

export class ElfFormatError extends Error {
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly field: string,
    message: string,
  ) {
    super(`${file}: ELF ${field} at offset 0x${offset.toString(16)}: ${message}`);
    this.name = "ElfFormatError";
  }
}

export interface ProgramHeader {
  readonly type: number;
  readonly offset: number;
  readonly vaddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly flags: number;
  readonly align: number;
}

export interface ElfImage {
  readonly entry: number;
  readonly phoff: number;
  readonly phentsize: number;
  readonly phnum: number;
  readonly segments: readonly ProgramHeader[];
  readonly bytes: Uint8Array;
}

export function parseElf(bytes: Uint8Array, file = "<elf>"): ElfImage {
  const fail = (offset: number, field: string, msg: string): never => {
    throw new ElfFormatError(file, offset, field, msg);
  };
  if (bytes.length < 52) fail(0, "e_ident", `file is ${bytes.length} bytes, shorter than an ELF header`);
  if (bytes[0] !== 0x7f || bytes[1] !== 0x45 || bytes[2] !== 0x4c || bytes[3] !== 0x46) fail(0, "e_ident", "no ELF magic");
  if (bytes[4] !== 1) fail(4, "EI_CLASS", `class ${bytes[4]} is not ELFCLASS32`);
  if (bytes[5] !== 1) fail(5, "EI_DATA", `data encoding ${bytes[5]} is not little-endian`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const type = dv.getUint16(16, true);
  if (type !== 2) fail(16, "e_type", type === 3 ? "ET_DYN (PIE or shared object): only static ET_EXEC programs are supported" : `type ${type} is not ET_EXEC`);
  const machine = dv.getUint16(18, true);
  if (machine !== 3) fail(18, "e_machine", `machine ${machine} is not EM_386`);
  const entry = dv.getUint32(24, true);
  const phoff = dv.getUint32(28, true);
  const phentsize = dv.getUint16(42, true);
  const phnum = dv.getUint16(44, true);
  if (phentsize !== 32) fail(42, "e_phentsize", `${phentsize}, expected 32`);
  if (phoff + phnum * 32 > bytes.length) fail(28, "e_phoff", `program headers end beyond the file (${bytes.length} bytes)`);
  const segments: ProgramHeader[] = [];
  for (let k = 0; k < phnum; k++) {
    const o = phoff + k * 32;
    const ph: ProgramHeader = {
      type: dv.getUint32(o, true),
      offset: dv.getUint32(o + 4, true),
      vaddr: dv.getUint32(o + 8, true),
      filesz: dv.getUint32(o + 16, true),
      memsz: dv.getUint32(o + 20, true),
      flags: dv.getUint32(o + 24, true),
      align: dv.getUint32(o + 28, true),
    };
    if (ph.type === PT_INTERP) fail(o, "p_type", "PT_INTERP: dynamically linked programs are not supported (link with -static)");
    if (ph.type === PT_LOAD) {
      if (ph.offset + ph.filesz > bytes.length) fail(o + 4, "p_offset", `segment ${k} file bytes end beyond the file`);
      if (ph.filesz > ph.memsz) fail(o + 16, "p_filesz", `segment ${k} filesz > memsz`);
      if (ph.vaddr + ph.memsz > 0xc0000000) fail(o + 8, "p_vaddr", `segment ${k} reaches into kernel space`);
    }
    segments.push(ph);
  }
  if (!segments.some((s) => s.type === PT_LOAD)) fail(phoff, "p_type", "no PT_LOAD segment");
  return { entry, phoff, phentsize, phnum, segments, bytes };
}
