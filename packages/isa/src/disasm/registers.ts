/** Register names as objdump prints them in Intel syntax, indexed by SDM register number. */
export const REG8 = ["al", "cl", "dl", "bl", "ah", "ch", "dh", "bh"] as const;
export const REG16 = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"] as const;
export const REG32 = ["eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi"] as const;
export const SREG = ["es", "cs", "ss", "ds", "fs", "gs", "?", "?"] as const;
export const MMX = ["mm0", "mm1", "mm2", "mm3", "mm4", "mm5", "mm6", "mm7"] as const;
export const XMM = ["xmm0", "xmm1", "xmm2", "xmm3", "xmm4", "xmm5", "xmm6", "xmm7"] as const;

export function gpr(n: number, bits: number): string {
  const t = bits === 8 ? REG8 : bits === 16 ? REG16 : REG32;
  return t[n & 7] ?? "?";
}
