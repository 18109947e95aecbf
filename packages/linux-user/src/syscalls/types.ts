/**
 * The shape of the syscall table (gVisor style): each entry is data — number, name, handler, how
 * complete it is and a note — so the README's compatibility table is generated from it.
 */
import type { LinuxProcess } from "../process";

/** Arguments are EBX, ECX, EDX, ESI, EDI, EBP (the i386 int 0x80 convention); result or -errno. */
export type SyscallHandler = (
  p: LinuxProcess,
  a0: number,
  a1: number,
  a2: number,
  a3: number,
  a4: number,
  a5: number,
) => number;

export type Support = "full" | "partial" | "stub";

export interface SyscallDef {
  /** Number in arch/x86/entry/syscalls/syscall_32.tbl. */
  readonly nr: number;
  readonly name: string;
  readonly handler: SyscallHandler;
  readonly support: Support;
  readonly note?: string;
}
