/**
 * The fixed machine a conformance case runs in (mirrored by harness/wire.h). It is the user-mode
 * view that a 32-bit Linux process has of an IA-32 CPU, because the reference is the host CPU
 * running the case in such a process:
 * - protected mode, paging on, CPL 3, IOPL 0, EFLAGS.IF = 1, CR0.AM = 1 (EFLAGS.AC enables #AC);
 * - the code page at CODE_BASE (user, read/write/execute) holds the case's bytes followed by INT3
 *   (CC) up to the end of the page, so every case ends at the first exception: normally #BP from
 *   the INT3 after the instruction, else the instruction's own fault;
 * - the case's data regions (user, read/write); every other linear page is not present (#PF);
 * - flat segments with the host's selectors: CS = USER_CS, SS = DS = ES = USER_DS (base 0, limit
 *   4 GiB); FS = GS = LDT_SELECTOR, an LDT data segment with base LDT_SEGMENT_BASE (limit 4 GiB),
 *   so FS:/GS: overrides and 16-bit addressing can reach mapped memory.
 */

export const PAGE_SIZE = 0x1000;
export const CODE_BASE = 0x1000_0000;
/** Data regions must lie in [DATA_WINDOW_LO, DATA_WINDOW_HI) (the runner refuses others). */
export const DATA_WINDOW_LO = 0x2000_0000;
export const DATA_WINDOW_HI = 0x3000_0000;
/** The generator's data page: memory operands, the stack and string buffers live here. */
export const DATA_BASE = 0x2000_0000;
/** Base of the LDT data segment loaded in FS and GS. */
export const LDT_SEGMENT_BASE = 0x2000_0000;
/** LDT entry 0, TI = 1, RPL 3. */
export const LDT_SELECTOR = 0x0007;
/** Linux's flat user segments for 32-bit processes (GDT entries 4 and 5, RPL 3). */
export const USER_CS = 0x0023;
export const USER_DS = 0x002b;
/** Longest code a case may carry. */
export const MAX_CODE = 64;
export const MAX_REGIONS = 16;
export const MAX_REGION_BYTES = 64 * PAGE_SIZE;
/** Size of an FNSAVE image in 32-bit protected mode (SDM Vol. 1 §8.1.10, Figure 8-9). */
export const FPU_IMAGE_SIZE = 108;
/** Size of an FXSAVE image (SDM Vol. 1 §10.5.1, Table 10-2): x87, MMX, XMM0-7, MXCSR. */
export const FXSAVE_IMAGE_SIZE = 512;
