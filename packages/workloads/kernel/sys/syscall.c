/* int 0x80 dispatch: EAX = number, EBX ECX EDX ESI EDI EBP = arguments, EAX = result, -errno on
 * failure (the Linux i386 convention). */
#include "syscall.h"

#define SYSCALL(nr, name, note) [nr] = sys_##name,
static const syscall_fn table[NR_SYSCALLS] = {
#include "syscall_table.h"
};
#undef SYSCALL

int syscall_dispatch(struct trapframe *tf) {
  u32 nr = tf->eax;
  if (nr >= NR_SYSCALLS || !table[nr]) return -ENOSYS;
  return table[nr](tf->ebx, tf->ecx, tf->edx, tf->esi, tf->edi, tf->ebp);
}
