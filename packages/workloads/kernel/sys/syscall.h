/* Declarations of the system-call handlers, generated from syscall_table.h. */
#ifndef STRATA_SYSCALL_H
#define STRATA_SYSCALL_H
#include "../arch/pv_ops.h"

#define NR_SYSCALLS 404
typedef int (*syscall_fn)(u32, u32, u32, u32, u32, u32);
#define SYSCALL_DEFINE(name) int sys_##name(u32 a1, u32 a2, u32 a3, u32 a4, u32 a5, u32 a6)

#define SYSCALL(nr, name, note) SYSCALL_DEFINE(name);
#include "syscall_table.h"
#undef SYSCALL

struct file *fd_file(int fd);
#endif
