import type { Operand } from "./operands";

/**
 * Opcode maps (SDM Vol. 2 Appendix A.3): the one-byte map, the two-byte map after 0F, and the
 * three-byte maps after 0F 38 and 0F 3A. The x87 escapes D8–DF live in the one-byte map and are
 * split by ModRM like any group.
 */
export type OpMap = "1b" | "0f" | "0f38" | "0f3a";

/** Mandatory prefix of an SSE-style encoding ("none" = explicitly no 66/F2/F3). */
export type MandatoryPrefix = "none" | "66" | "f3" | "f2";

/**
 * ISA extension that introduced the encoding (the CPUID feature a guest must see to use it).
 * i386..sse42 is the modelled CPU; "cet", "bmi1", "lzcnt", "rtm" and "xsave" mark later encodings
 * that appear in real i386 binaries (glibc's IFUNC variants) and are listed so they decode and
 * disassemble like objdump, with `sem` saying what a CPU without the extension does with them.
 */
export type Ext =
  | "i386" | "i486" | "p5" | "p6" | "x87" | "mmx" | "sse" | "sse2" | "sse3" | "ssse3" | "sse41" | "sse42"
  | "cet" | "bmi1" | "lzcnt" | "rtm" | "xsave";

/**
 * Virtualization class of an entry, what a monitor needs to know (SDM Vol. 3 §2.8, Robin & Irvine
 * 2000). Exactly one per entry, by precedence:
 * - "privileged": faults with #GP(0) at CPL > 0 (LGDT, MOV CRn, HLT, CLTS, RDMSR, INVLPG, ...).
 * - "io": I/O that is checked against IOPL / the TSS I/O bitmap (IN, OUT, INS, OUTS) plus CLI/STI,
 *   which are IOPL-sensitive.
 * - "sensitive": sensitive but unprivileged (Robin–Irvine): behaves differently, without a trap,
 *   when run deprivileged (SGDT, SIDT, SLDT, SMSW, STR, PUSHF/POPF, LAR, LSL, VERR, VERW,
 *   PUSH/POP Sreg, MOV to/from Sreg, far CALL/JMP/RET, INT n, IRET, LDS/LES/LFS/LGS/LSS).
 * - "control": ordinary control transfer (near JMP/Jcc/CALL/RET, LOOP, ...).
 * - "plain": everything else.
 * Control-flow kind is orthogonal: `cf` is set on every entry that ends a basic block, whatever
 * its class (a far JMP is "sensitive" with cf "jmpfar").
 */
export type OpClass = "plain" | "control" | "io" | "privileged" | "sensitive";

/**
 * How an entry ends a basic block (the translator's block boundary): near "jmp"/"call"/"ret",
 * conditional "jcc" (also LOOP/JCXZ), software interrupt "int" (INT n, INT3, INT1, INTO, BOUND
 * is not: it only faults), "iret", far transfers "jmpfar"/"callfar"/"retfar", "sys" (SYSENTER,
 * SYSEXIT, RSM), "halt" (HLT), "trap" (UD2/UD1/UD0: always #UD).
 */
export type CfKind =
  | "jmp" | "jcc" | "call" | "ret" | "int" | "iret" | "jmpfar" | "callfar" | "retfar" | "sys" | "halt" | "trap";

/**
 * One encoding of one instruction: the unit of the opcode table (`OPCODES`). The decoder, the
 * disassembler, the interpreter (through `sem`), the translator (`cf`) and the monitors (`cls`) all
 * read these records; nothing about an encoding is stated anywhere else.
 *
 * Selection: an entry matches bytes when `map`/`opc` match and every optional selector present
 * matches: `pfx` (mandatory prefix), `reg` (ModRM.reg, the "/digit" of a group), `mod` (memory vs
 * register form), `rm` (ModRM.rm, for register forms that encode an instruction, e.g. 0F 01 C8
 * MONITOR or D9 E8 FLD1), `osz`/`asz` (only under that operand/address size, for mnemonics that
 * change with size such as CBW/CWDE or JCXZ/JECXZ). Positions not covered by any entry are #UD.
 */
export interface OpDef {
  readonly map: OpMap;
  /** Opcode byte within the map. For "+r" encodings, one entry per opcode byte. */
  readonly opc: number;
  readonly pfx?: MandatoryPrefix;
  /** ModRM.reg selector (group member /0../7). Presence implies a ModRM byte. */
  readonly reg?: number;
  /** ModRM.mod selector: "mem" = mod 00/01/10, "reg" = mod 11. */
  readonly mod?: "mem" | "reg";
  /** ModRM.rm selector (only with mod "reg"). */
  readonly rm?: number;
  /** Only under this operand size. */
  readonly osz?: 16 | 32;
  /** Only under this address size. */
  readonly asz?: 16 | 32;
  /** Mnemonic as objdump prints it in Intel syntax (lowercase). */
  readonly mn: string;
  /** Operands in Intel order (destination first), in SDM operand codes. */
  readonly ops: readonly Operand[];
  /** EFLAGS bits read (masks from ./flags). */
  readonly fr?: number;
  /** EFLAGS bits modified, including those left undefined. */
  readonly fw?: number;
  /** Subset of `fw` whose resulting value the SDM leaves undefined. */
  readonly fu?: number;
  /** LOCK prefix allowed (only with a memory destination; otherwise LOCK is #UD). */
  readonly lock?: boolean;
  /** String instruction honouring REP ("rep") or REPE/REPNE ("repe", CMPS/SCAS). */
  readonly rep?: "rep" | "repe";
  readonly cls: OpClass;
  readonly cf?: CfKind;
  readonly ext: Ext;
  /** Condition code 0..15 (O,NO,B,AE,E,NE,BE,A,S,NS,P,NP,L,GE,LE,G) of Jcc/SETcc/CMOVcc/FCMOVcc. */
  readonly cc?: number;
  /**
   * Semantics id: the operation, independent of operand shape (QEMU's gen_ADD granularity), e.g.
   * "add" for all ADD forms. The interpreter maps each id to a handler
   * (`satisfies Record<SemId, ExecFn>`); operands come from `ops` and the decoded instruction.
   */
  readonly sem: string;
}
