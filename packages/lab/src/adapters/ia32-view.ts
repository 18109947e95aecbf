/** What the x86 adapters' debug sessions show of an IA-32 processor: its registers and a disassembly listing. */
import { disassemble, readEflags, CS, DS, ES, FS, GS, S_EIP, S_SEL, SS } from "@strata/isa";
import { REGISTER_ORDER, type DisassemblyLine } from "../debug";

/** The application registers of REGISTER_ORDER (GPRs, EIP, EFLAGS, segment selectors) from the state words `s`. */
export function applicationRegisters(s: Int32Array): Record<string, number> {
  const regs: Record<string, number> = {};
  REGISTER_ORDER.slice(0, 8).forEach((name, i) => (regs[name] = s[i]! >>> 0));
  regs.eip = s[S_EIP]! >>> 0;
  regs.eflags = readEflags(s) >>> 0;
  const sel = { cs: CS, ds: DS, es: ES, fs: FS, gs: GS, ss: SS };
  for (const [name, seg] of Object.entries(sel)) regs[name] = s[S_SEL + seg]! & 0xffff;
  return regs;
}

/**
 * Up to `count` instructions from `at` (wrapping at 64 KiB in 16-bit code); `read(at)` gives
 * the bytes there (empty, null or undefined where nothing is readable, which ends the listing).
 */
export function disassemblyFrom(at: number, count: number, read: (at: number) => Uint8Array | null | undefined, bits: 16 | 32 = 32): DisassemblyLine[] {
  const lines: DisassemblyLine[] = [];
  const mask = bits === 16 ? 0xffff : 0xffffffff;
  for (let i = 0; i < count; i++) {
    const bytes = read(at);
    if (!bytes || bytes.length === 0) {
      lines.push({ address: at, bytes: "", text: "(unreadable)" });
      break;
    }
    const d = disassemble(bytes, 0, at, bits);
    const hex = Array.from(bytes.subarray(0, d.length), (b) => b.toString(16).padStart(2, "0")).join(" ");
    lines.push({ address: at, bytes: hex, text: d.text });
    at = ((at + d.length) & mask) >>> 0;
  }
  return lines;
}
