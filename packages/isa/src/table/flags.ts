/**
 * EFLAGS bit masks in their architectural bit positions (Intel SDM Vol. 1 §3.4.3, Figure 3-8).
 * Table entries describe the flags an instruction reads, writes and leaves undefined with these
 * masks, so a handler can test `entry.flags.w & CF` directly against the EFLAGS image.
 */
export const CF = 1 << 0;
export const PF = 1 << 2;
export const AF = 1 << 4;
export const ZF = 1 << 6;
export const SF = 1 << 7;
export const TF = 1 << 8;
export const IF = 1 << 9;
export const DF = 1 << 10;
export const OF = 1 << 11;
/** I/O privilege level, two bits (12-13). */
export const IOPL = 3 << 12;
export const NT = 1 << 14;
export const RF = 1 << 16;
export const VM = 1 << 17;
export const AC = 1 << 18;
export const VIF = 1 << 19;
export const VIP = 1 << 20;
export const ID = 1 << 21;

/** The six arithmetic status flags. */
export const OSZAPC = OF | SF | ZF | AF | PF | CF;
/** Status flags without CF (INC/DEC preserve CF). */
export const OSZAP = OF | SF | ZF | AF | PF;
/** Flags whose value any Jcc/SETcc/CMOVcc may read. */
export const STATUS_CC = OF | SF | ZF | PF | CF;
/** Every flag POPF/IRET can write in protected mode (subject to CPL/IOPL rules). */
export const POPF_MASK = OSZAPC | TF | IF | DF | IOPL | NT | RF | AC | ID | VIF | VIP | VM;

/**
 * Flags read by each condition code cc (the low nibble of Jcc/SETcc/CMOVcc opcodes, SDM Vol. 1
 * Appendix B): O, NO, B, AE, E, NE, BE, A, S, NS, P, NP, L, GE, LE, G.
 */
export const CC_FLAGS_READ: readonly number[] = [
  OF, OF, CF, CF, ZF, ZF, CF | ZF, CF | ZF, SF, SF, PF, PF, SF | OF, SF | OF, ZF | SF | OF, ZF | SF | OF,
];
