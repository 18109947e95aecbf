/** The syscall table: every implemented entry, by number (arch/x86/entry/syscalls/syscall_32.tbl). */
import { ioSyscalls } from "./io";
import { memorySyscalls } from "./memory";
import { processSyscalls } from "./process";
import { systemSyscalls } from "./system";
import { timeSyscalls } from "./time";
import type { SyscallDef } from "./types";

export const SYSCALLS: readonly SyscallDef[] = [
  ...processSyscalls,
  ...ioSyscalls,
  ...memorySyscalls,
  ...timeSyscalls,
  ...systemSyscalls,
].sort((a, b) => a.nr - b.nr);

/** SYSCALL_BY_NR[nr]: the entry, or undefined (ENOSYS). */
export const SYSCALL_BY_NR: readonly (SyscallDef | undefined)[] = (() => {
  const t: (SyscallDef | undefined)[] = new Array<SyscallDef | undefined>(512).fill(undefined);
  for (const d of SYSCALLS) {
    if (t[d.nr] !== undefined) throw new Error(`syscall table: ${d.name} duplicates number ${d.nr}`);
    t[d.nr] = d;
  }
  return t;
})();
