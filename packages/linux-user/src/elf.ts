/**
 * What execve needs of a static i386 ELF executable (System V gABI "ELF header", "Program
 * header"): entry point, program headers, PT_LOAD segments. Parsing is @strata/isa's ELF32 reader
 * (its ElfError names the field and offset); this file adds the policy checks of the loader.
 */
import { EM_386, ET_EXEC, parseElf32 } from "@strata/isa";

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
  // Structure (and its errors, naming field and offset) from @strata/isa's ELF32 reader; the
  // policy of an execve of a static i386 program is checked here.
  const elf = parseElf32(bytes, file);
  const h = elf.header;
  if (h.type !== ET_EXEC) fail(16, "e_type", h.type === 3 ? "ET_DYN (PIE or shared object): only static ET_EXEC programs are supported" : `type ${h.type} is not ET_EXEC`);
  if (h.machine !== EM_386) fail(18, "e_machine", `machine ${h.machine} is not EM_386`);
  const segments: ProgramHeader[] = [];
  elf.programHeaders.forEach((ph, k) => {
    const o = h.phoff + k * h.phentsize;
    if (ph.type === PT_INTERP) fail(o, "p_type", "PT_INTERP: dynamically linked programs are not supported (link with -static)");
    if (ph.type === PT_LOAD) {
      if (ph.offset + ph.filesz > bytes.length) fail(o + 4, "p_offset", `segment ${k} file bytes end beyond the file`);
      if (ph.filesz > ph.memsz) fail(o + 16, "p_filesz", `segment ${k} filesz > memsz`);
      if (ph.vaddr + ph.memsz > 0xc0000000) fail(o + 8, "p_vaddr", `segment ${k} reaches into kernel space`);
    }
    segments.push(ph);
  });
  if (!segments.some((s) => s.type === PT_LOAD)) fail(h.phoff, "p_type", "no PT_LOAD segment");
  return { entry: h.entry, phoff: h.phoff, phentsize: h.phentsize, phnum: h.phnum, segments, bytes };
}
