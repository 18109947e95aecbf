/**
 * Signal numbers (include/uapi/asm-generic/signal.h) and the mapping from processor exceptions
 * to the signal Linux sends for them (arch/x86/kernel/traps.c).
 */
export const SIGTRAP = 5;
export const SIGILL = 4;
export const SIGABRT = 6;
export const SIGBUS = 7;
export const SIGFPE = 8;
export const SIGKILL = 9;
export const SIGSEGV = 11;

export const SIGNAL_NAMES: Readonly<Record<number, string>> = {
  4: "SIGILL",
  5: "SIGTRAP",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  11: "SIGSEGV",
};

/** The signal for an exception vector: #DE/#MF -> SIGFPE, #UD -> SIGILL, #BP/#DB -> SIGTRAP, #AC -> SIGBUS, else SIGSEGV. */
export function signalForVector(vector: number): number {
  switch (vector) {
    case 0:
    case 16:
    case 19:
      return SIGFPE;
    case 6:
      return SIGILL;
    case 1:
    case 3:
      return SIGTRAP;
    case 17:
      return SIGBUS;
    default:
      return SIGSEGV;
  }
}
