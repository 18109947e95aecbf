/**
 * `objdump -d` over an ELF32 file: every SHF_EXECINSTR section with contents, disassembly restarting
 * at each symbol (objdump resynchronises at symbol addresses, so bytes that are data or padding
 * between functions cannot shift the next function's instructions).
 */
import { SHF_EXECINSTR, SHT_NOBITS, STT_FILE, STT_SECTION, SHN_UNDEF, type Elf32File } from "../loaders/elf32";
import { disassembleRange, type DisasmLine, type Syntax } from "./listing";

export interface SectionListing {
  readonly name: string;
  readonly lines: readonly DisasmLine[];
}

/** Disassembles every executable section of `elf` (32-bit code). */
export function disassembleElf(elf: Elf32File, syntax: Syntax = "intel"): SectionListing[] {
  const out: SectionListing[] = [];
  for (const sec of elf.sections) {
    if ((sec.flags & SHF_EXECINSTR) === 0 || sec.type === SHT_NOBITS || sec.size === 0) continue;
    // Symbol starts inside this section (objdump's remove_useless_symbols: named, not section or
    // file symbols, defined).
    const starts = new Set<number>([sec.addr]);
    for (const s of elf.symbols) {
      if (s.shndx !== sec.index || s.shndx === SHN_UNDEF || s.name === "" || s.type === STT_SECTION || s.type === STT_FILE) continue;
      if (s.value >= sec.addr && s.value < sec.addr + sec.size) starts.add(s.value);
    }
    const bounds = [...starts].sort((a, b) => a - b);
    const bytes = elf.bytes.subarray(sec.offset, sec.offset + sec.size);
    const lines: DisasmLine[] = [];
    for (let i = 0; i < bounds.length; i++) {
      const from = (bounds[i] ?? sec.addr) - sec.addr;
      const to = (bounds[i + 1] ?? sec.addr + sec.size) - sec.addr;
      // objdump (binutils >= 2.39 sets stop_vma) never decodes across the next symbol.
      lines.push(...disassembleRange(bytes, from, to, sec.addr + from, 32, to, syntax));
    }
    out.push({ name: sec.name, lines });
  }
  return out;
}
