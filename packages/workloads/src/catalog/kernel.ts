import type { Workload } from "../manifest";
import transcript from "./kernel-transcript.json";

/**
 * strata-kernel: our i386 teaching kernel (kernel/) booted with its initrd. Its expected output is
 * the serial transcript recorded from qemu-system-i386 by scripts/record-kernel.ts; its exit code
 * is the value init's exit status writes to the isa-debug-exit port (QEMU itself then exits with
 * (code << 1) | 1).
 */
/** Guest RAM of the reference run (qemu-system-i386 -m) and of the catalogue entry. */
export const KERNEL_MEMORY_MIB = 64;

export const kernelWorkloads: readonly Workload[] = [
  {
    name: "strata-kernel",
    kind: "bare-metal-i386",
    description:
      "A small Multiboot i386 kernel (paging, CoW fork, execve, pipes, RAM fs, preemptive scheduling) " +
      "running the Adams & Agesen nanobenchmarks and Linux-ABI programs from its initrd.",
    sources: [
      "kernel/boot/multiboot.asm",
      "kernel/arch/entry.asm",
      "kernel/arch/gdt.c",
      "kernel/arch/idt.c",
      "kernel/arch/native.c",
      "kernel/arch/pv_ops.h",
      "kernel/arch/trap.c",
      "kernel/arch/x86.h",
      "kernel/dev/debugexit.c",
      "kernel/dev/pic.c",
      "kernel/dev/pit.c",
      "kernel/dev/serial.c",
      "kernel/fs/file.c",
      "kernel/fs/initrd.c",
      "kernel/fs/pipe.c",
      "kernel/fs/ramfs.c",
      "kernel/kernel.h",
      "kernel/kernel.ld",
      "kernel/lib/printf.c",
      "kernel/lib/string.c",
      "kernel/main.c",
      "kernel/mm/frame.c",
      "kernel/mm/vm.c",
      "kernel/proc/elf.c",
      "kernel/proc/exec.c",
      "kernel/proc/proc.c",
      "kernel/proc/sched.c",
      "kernel/sys/sys_file.c",
      "kernel/sys/sys_mem.c",
      "kernel/sys/sys_proc.c",
      "kernel/sys/sys_time.c",
      "kernel/sys/syscall.c",
      "kernel/sys/syscall.h",
      "kernel/sys/syscall_table.h",
      "kernel/user/lib/start.asm",
      "kernel/user/lib/lib.c",
      "kernel/user/lib/sys.h",
      "kernel/user/bin/fstest.c",
      "kernel/user/bin/fuzz.c",
      "kernel/user/bin/init.c",
      "kernel/user/bin/ls.c",
      "kernel/user/bin/nanobench.c",
      "kernel/user/bin/pipeline.c",
      "kernel/user/bin/preempt.c",
      "kernel/user/bin/privileged.c",
      "kernel/user/bin/proctest.c",
      "kernel/user/bin/readline.c",
      "kernel/user/bin/segv.c",
      "kernel/user/etc/rc",
      "linux/hello.asm",
      "linux/sieve.c",
      "linux/crc32.c",
      "linux/sort.c",
    ],
    artifact: "artifacts/bare-metal-i386/strata-kernel.elf",
    modules: ["artifacts/bare-metal-i386/strata-kernel.initrd"],
    expected: { stdout: transcript.stdout, exitCode: transcript.exitCode },
    levels: [],
    memoryMiB: KERNEL_MEMORY_MIB,
    tags: ["kernel"],
  },
];
