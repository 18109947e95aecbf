/**
 * The cpu.stop codes of @strata/isa (cpu/cpu.ts STOP_*), which its index does not export. The
 * values are checked against the interpreter in test/monitor.test.ts (HLT -> "halt", a host
 * stop -> "exit", the same as the interpreter's).
 */
export const STOP_NONE = 0;
export const STOP_HALT = 1;
export const STOP_HOST = 2;
export const STOP_EXCEPTION = 3;
export const STOP_BREAKPOINT = 4;
/** A taken conditional branch left an interpreted block early; EIP is its target. */
export const STOP_BRANCH = 5;
/** The instruction may have made an interrupt deliverable: the run loop polls events next. */
export const STOP_EVENT = 6;
/** Triple fault: the processor shuts down (StopReason "shutdown"). */
export const STOP_SHUTDOWN = 7;
/** This engine's own: a write invalidated the running block; resume at EIP with fresh code. */
export const STOP_RESYNC = 17;
