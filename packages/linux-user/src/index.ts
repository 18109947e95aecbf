/**
 * @strata/linux-user: the qemu-i386 of Strata. Runs a static i386 Linux ELF on an @strata/isa
 * user-level machine and serves `int 0x80` with the Linux i386 ABI (the syscall table is data:
 * `SYSCALLS`). Browser-safe: I/O goes through callbacks; the Node CLI lives in cli.ts.
 */
export { LinuxProcess, type ExitStatus, type ProcessOptions } from "./process";
export { SYSCALLS, SYSCALL_BY_NR } from "./syscalls/table";
export type { SyscallDef, SyscallHandler, Support } from "./syscalls/types";
export { parseElf, ElfFormatError, type ElfImage, type ProgramHeader } from "./elf";
export { ElfError } from "@strata/isa";
export { AddressSpace, OutOfMemoryError, TASK_SIZE, STACK_SIZE } from "./address-space";
export { signalForVector, SIGNAL_NAMES } from "./abi/signals";
export { UTSNAME } from "./syscalls/system";
