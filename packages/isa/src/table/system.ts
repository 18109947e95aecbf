/**
 * System, segment, I/O, interrupt and far-transfer instructions (SDM Vol. 2; privilege rules from
 * Vol. 3 §2.8 and §5.9; the sensitive-unprivileged set from Robin & Irvine, USENIX Security 2000).
 */
import { AC, DF, IF, NT, OF, OSZAPC, POPF_MASK, RF, TF, VM, ZF } from "./flags";

const INT_FW = TF | IF | NT | RF | VM | AC;

export const SYSTEM = [
  // --- segment registers: PUSH/POP Sreg, MOV Sreg, far pointer loads (sensitive: CPL/RPL visible) ---
  { map: "1b", opc: 0x06, mn: "push", ops: ["ES"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "1b", opc: 0x07, mn: "pop", ops: ["ES"], cls: "sensitive", ext: "i386", sem: "pop_sreg" },
  { map: "1b", opc: 0x0e, mn: "push", ops: ["CS"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "1b", opc: 0x16, mn: "push", ops: ["SS"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "1b", opc: 0x17, mn: "pop", ops: ["SS"], cls: "sensitive", ext: "i386", sem: "pop_sreg" },
  { map: "1b", opc: 0x1e, mn: "push", ops: ["DS"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "1b", opc: 0x1f, mn: "pop", ops: ["DS"], cls: "sensitive", ext: "i386", sem: "pop_sreg" },
  { map: "0f", opc: 0xa0, mn: "push", ops: ["FS"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "0f", opc: 0xa1, mn: "pop", ops: ["FS"], cls: "sensitive", ext: "i386", sem: "pop_sreg" },
  { map: "0f", opc: 0xa8, mn: "push", ops: ["GS"], cls: "sensitive", ext: "i386", sem: "push_sreg" },
  { map: "0f", opc: 0xa9, mn: "pop", ops: ["GS"], cls: "sensitive", ext: "i386", sem: "pop_sreg" },
  // Sreg encodings 6 and 7 do not exist, and CS cannot be loaded by MOV: those forms are #UD.
  ...[0, 1, 2, 3, 4, 5].map(
    (reg) => ({ map: "1b", opc: 0x8c, reg, mn: "mov", ops: ["Ev", "Sw"], cls: "sensitive", ext: "i386", sem: "mov_from_sreg" }) as const,
  ),
  ...[0, 2, 3, 4, 5].map(
    (reg) => ({ map: "1b", opc: 0x8e, reg, mn: "mov", ops: ["Sw", "Ew"], cls: "sensitive", ext: "i386", sem: "mov_to_sreg" }) as const,
  ),
  { map: "1b", opc: 0xc4, mod: "mem", mn: "les", ops: ["Gv", "Mp"], cls: "sensitive", ext: "i386", sem: "lfp" },
  { map: "1b", opc: 0xc5, mod: "mem", mn: "lds", ops: ["Gv", "Mp"], cls: "sensitive", ext: "i386", sem: "lfp" },
  { map: "0f", opc: 0xb2, mod: "mem", mn: "lss", ops: ["Gv", "Mp"], cls: "sensitive", ext: "i386", sem: "lfp" },
  { map: "0f", opc: 0xb4, mod: "mem", mn: "lfs", ops: ["Gv", "Mp"], cls: "sensitive", ext: "i386", sem: "lfp" },
  { map: "0f", opc: 0xb5, mod: "mem", mn: "lgs", ops: ["Gv", "Mp"], cls: "sensitive", ext: "i386", sem: "lfp" },
  { map: "1b", opc: 0x63, mn: "arpl", ops: ["Ew", "Gw"], fw: ZF, cls: "sensitive", ext: "i386", sem: "arpl" },

  // --- far transfers, interrupts ---
  { map: "1b", opc: 0x9a, mn: "call", ops: ["Ap"], cls: "sensitive", cf: "callfar", ext: "i386", sem: "callfar" },
  { map: "1b", opc: 0xea, mn: "jmp", ops: ["Ap"], cls: "sensitive", cf: "jmpfar", ext: "i386", sem: "jmpfar" },
  { map: "1b", opc: 0xff, reg: 3, mod: "mem", mn: "call", ops: ["Mp"], cls: "sensitive", cf: "callfar", ext: "i386", sem: "callfar" },
  { map: "1b", opc: 0xff, reg: 5, mod: "mem", mn: "jmp", ops: ["Mp"], cls: "sensitive", cf: "jmpfar", ext: "i386", sem: "jmpfar" },
  { map: "1b", opc: 0xca, mn: "retf", ops: ["Iw"], cls: "sensitive", cf: "retfar", ext: "i386", sem: "retfar" },
  { map: "1b", opc: 0xcb, mn: "retf", ops: [], cls: "sensitive", cf: "retfar", ext: "i386", sem: "retfar" },
  { map: "1b", opc: 0xcc, mn: "int3", ops: [], fw: INT_FW, cls: "sensitive", cf: "int", ext: "i386", sem: "int3" },
  { map: "1b", opc: 0xcd, mn: "int", ops: ["Ib"], fw: INT_FW, cls: "sensitive", cf: "int", ext: "i386", sem: "int" },
  { map: "1b", opc: 0xce, mn: "into", ops: [], fr: OF, fw: INT_FW, cls: "sensitive", cf: "int", ext: "i386", sem: "into" },
  { map: "1b", opc: 0xf1, mn: "int1", ops: [], fw: INT_FW, cls: "sensitive", cf: "int", ext: "i386", sem: "int1" },
  { map: "1b", opc: 0xcf, osz: 16, mn: "iret", ops: [], fw: POPF_MASK, cls: "sensitive", cf: "iret", ext: "i386", sem: "iret" },
  { map: "1b", opc: 0xcf, osz: 32, mn: "iret", ops: [], fw: POPF_MASK, cls: "sensitive", cf: "iret", ext: "i386", sem: "iret" },
  { map: "0f", opc: 0x34, mn: "sysenter", ops: [], fw: VM | IF | RF, cls: "plain", cf: "sys", ext: "p6", sem: "sysenter" },
  { map: "0f", opc: 0x35, mn: "sysexit", ops: [], cls: "privileged", cf: "sys", ext: "p6", sem: "sysexit" },
  { map: "0f", opc: 0xaa, mn: "rsm", ops: [], fw: POPF_MASK, cls: "privileged", cf: "sys", ext: "i386", sem: "rsm" },

  // --- I/O (IOPL / I/O-bitmap checked) and interrupt flag ---
  { map: "1b", opc: 0xe4, mn: "in", ops: ["AL", "Ib"], cls: "io", ext: "i386", sem: "in" },
  { map: "1b", opc: 0xe5, mn: "in", ops: ["eAX", "Ib"], cls: "io", ext: "i386", sem: "in" },
  { map: "1b", opc: 0xe6, mn: "out", ops: ["Ib", "AL"], cls: "io", ext: "i386", sem: "out" },
  { map: "1b", opc: 0xe7, mn: "out", ops: ["Ib", "eAX"], cls: "io", ext: "i386", sem: "out" },
  { map: "1b", opc: 0xec, mn: "in", ops: ["AL", "DX"], cls: "io", ext: "i386", sem: "in" },
  { map: "1b", opc: 0xed, mn: "in", ops: ["eAX", "DX"], cls: "io", ext: "i386", sem: "in" },
  { map: "1b", opc: 0xee, mn: "out", ops: ["DX", "AL"], cls: "io", ext: "i386", sem: "out" },
  { map: "1b", opc: 0xef, mn: "out", ops: ["DX", "eAX"], cls: "io", ext: "i386", sem: "out" },
  { map: "1b", opc: 0x6c, mn: "ins", ops: ["Yb", "DX"], fr: DF, rep: "rep", cls: "io", ext: "i386", sem: "ins" },
  { map: "1b", opc: 0x6d, mn: "ins", ops: ["Yv", "DX"], fr: DF, rep: "rep", cls: "io", ext: "i386", sem: "ins" },
  { map: "1b", opc: 0x6e, mn: "outs", ops: ["DX", "Xb"], fr: DF, rep: "rep", cls: "io", ext: "i386", sem: "outs" },
  { map: "1b", opc: 0x6f, mn: "outs", ops: ["DX", "Xv"], fr: DF, rep: "rep", cls: "io", ext: "i386", sem: "outs" },
  { map: "1b", opc: 0xfa, mn: "cli", ops: [], fw: IF, cls: "io", ext: "i386", sem: "cli" },
  { map: "1b", opc: 0xfb, mn: "sti", ops: [], fw: IF, cls: "io", ext: "i386", sem: "sti" },

  // --- privileged (#GP(0) at CPL > 0) ---
  { map: "1b", opc: 0xf4, mn: "hlt", ops: [], cls: "privileged", cf: "halt", ext: "i386", sem: "hlt" },
  { map: "0f", opc: 0x06, mn: "clts", ops: [], cls: "privileged", ext: "i386", sem: "clts" },
  { map: "0f", opc: 0x08, mn: "invd", ops: [], cls: "privileged", ext: "i486", sem: "invd" },
  { map: "0f", opc: 0x09, mn: "wbinvd", ops: [], cls: "privileged", ext: "i486", sem: "wbinvd" },
  { map: "0f", opc: 0x30, mn: "wrmsr", ops: [], cls: "privileged", ext: "p5", sem: "wrmsr" },
  { map: "0f", opc: 0x32, mn: "rdmsr", ops: [], cls: "privileged", ext: "p5", sem: "rdmsr" },
  { map: "0f", opc: 0x33, mn: "rdpmc", ops: [], cls: "privileged", ext: "p6", sem: "rdpmc" },
  // MOV to/from CRn/DRn: the mod field is ignored, the r/m operand is always a register; the
  // status flags are undefined afterwards (SDM "MOV—Move to/from Control Registers").
  { map: "0f", opc: 0x20, mn: "mov", ops: ["Rd", "Cd"], fw: OSZAPC, fu: OSZAPC, cls: "privileged", ext: "i386", sem: "mov_from_cr" },
  { map: "0f", opc: 0x21, mn: "mov", ops: ["Rd", "Dd"], fw: OSZAPC, fu: OSZAPC, cls: "privileged", ext: "i386", sem: "mov_from_dr" },
  { map: "0f", opc: 0x22, mn: "mov", ops: ["Cd", "Rd"], fw: OSZAPC, fu: OSZAPC, cls: "privileged", ext: "i386", sem: "mov_to_cr" },
  { map: "0f", opc: 0x23, mn: "mov", ops: ["Dd", "Rd"], fw: OSZAPC, fu: OSZAPC, cls: "privileged", ext: "i386", sem: "mov_to_dr" },

  // --- group 6 (0F 00) and group 7 (0F 01): descriptor tables ---
  { map: "0f", opc: 0x00, reg: 0, mn: "sldt", ops: ["Ew"], cls: "sensitive", ext: "i386", sem: "sldt" },
  { map: "0f", opc: 0x00, reg: 1, mn: "str", ops: ["Ew"], cls: "sensitive", ext: "i386", sem: "str" },
  { map: "0f", opc: 0x00, reg: 2, mn: "lldt", ops: ["Ew"], cls: "privileged", ext: "i386", sem: "lldt" },
  { map: "0f", opc: 0x00, reg: 3, mn: "ltr", ops: ["Ew"], cls: "privileged", ext: "i386", sem: "ltr" },
  { map: "0f", opc: 0x00, reg: 4, mn: "verr", ops: ["Ew"], fw: ZF, cls: "sensitive", ext: "i386", sem: "verr" },
  { map: "0f", opc: 0x00, reg: 5, mn: "verw", ops: ["Ew"], fw: ZF, cls: "sensitive", ext: "i386", sem: "verw" },
  { map: "0f", opc: 0x01, reg: 0, mod: "mem", mn: "sgdt", ops: ["Ms"], cls: "sensitive", ext: "i386", sem: "sgdt" },
  { map: "0f", opc: 0x01, reg: 1, mod: "mem", mn: "sidt", ops: ["Ms"], cls: "sensitive", ext: "i386", sem: "sidt" },
  { map: "0f", opc: 0x01, reg: 2, mod: "mem", mn: "lgdt", ops: ["Ms"], cls: "privileged", ext: "i386", sem: "lgdt" },
  { map: "0f", opc: 0x01, reg: 3, mod: "mem", mn: "lidt", ops: ["Ms"], cls: "privileged", ext: "i386", sem: "lidt" },
  { map: "0f", opc: 0x01, reg: 4, mn: "smsw", ops: ["Ew"], cls: "sensitive", ext: "i386", sem: "smsw" },
  { map: "0f", opc: 0x01, reg: 6, mn: "lmsw", ops: ["Ew"], cls: "privileged", ext: "i386", sem: "lmsw" },
  { map: "0f", opc: 0x01, reg: 7, mod: "mem", mn: "invlpg", ops: ["Mb"], cls: "privileged", ext: "i486", sem: "invlpg" },
  { map: "0f", opc: 0x01, reg: 1, mod: "reg", rm: 0, pfx: "none", mn: "monitor", ops: [], cls: "privileged", ext: "sse3", sem: "monitor" },
  { map: "0f", opc: 0x01, reg: 1, mod: "reg", rm: 1, pfx: "none", mn: "mwait", ops: [], cls: "privileged", ext: "sse3", sem: "mwait" },
  { map: "0f", opc: 0x02, mn: "lar", ops: ["Gv", "Ew"], fw: ZF, cls: "sensitive", ext: "i386", sem: "lar" },
  { map: "0f", opc: 0x03, mn: "lsl", ops: ["Gv", "Ew"], fw: ZF, cls: "sensitive", ext: "i386", sem: "lsl" },
] as const;

