/**
 * iced-x86 as an independent oracle: which of its instructions fall inside Strata's ISA (i686 +
 * x87 + MMX + SSE..SSE4.2), so that the differential tests compare like with like.
 */
import { CpuidFeature, Decoder, DecoderOptions, type Instruction } from "iced-x86";

/** CPUID features of the P6-class CPU Strata models (plus SSE3..SSE4.2 for decoding). */
const SUPPORTED = new Set<number>([
  CpuidFeature.INTEL8086, CpuidFeature.INTEL186, CpuidFeature.INTEL286, CpuidFeature.INTEL386,
  CpuidFeature.INTEL486, CpuidFeature.CMOV, CpuidFeature.CPUID, CpuidFeature.CX8, CpuidFeature.FPU,
  CpuidFeature.FPU287, CpuidFeature.FPU387, CpuidFeature.FXSR, CpuidFeature.MMX, CpuidFeature.MONITOR,
  CpuidFeature.MSR, CpuidFeature.MULTIBYTENOP, CpuidFeature.PAUSE, CpuidFeature.POPCNT, CpuidFeature.RDPMC,
  CpuidFeature.SEP, CpuidFeature.SSE, CpuidFeature.SSE2, CpuidFeature.SSE3, CpuidFeature.SSSE3,
  CpuidFeature.SSE4_1, CpuidFeature.SSE4_2, CpuidFeature.TSC, CpuidFeature.CLFSH, CpuidFeature.SMM,
]);

export function inStrataIsa(ins: Instruction): boolean {
  for (const f of ins.cpuidFeatures()) if (!SUPPORTED.has(f)) return false;
  return true;
}

/** Decodes one instruction with iced in 16/32-bit mode. Caller must `free()` the result. */
export function icedDecode(bytes: Uint8Array, bits: 16 | 32, ip = 0): Instruction {
  const d = new Decoder(bits, bytes, DecoderOptions.None);
  d.ip = BigInt(ip);
  const ins = d.decode();
  d.free();
  return ins;
}
