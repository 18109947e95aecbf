/* execve: a fresh address space with the program's segments, a demand-zero stack below USER_TOP
 * and the initial process stack of the i386 ELF ABI (argc, argv[], NULL, envp[], NULL, auxv).
 * The old address space is dropped only once the new one is complete, so a failing execve
 * returns to the caller intact. */
#include "../arch/pv_ops.h"

void proc_set_name(struct proc *p, const char *path);

#define AT_NULL 0
#define AT_PAGESZ 6

int exec(const char *path, char *const kargv[], int argc, char *const kenvp[], int envc) {
  int ino = ramfs_lookup(path);
  if (ino < 0) return ino;
  if (ramfs_inode(ino)->type != I_FILE) return -13; /* EACCES */
  u32 pgdir = vm_new_pgdir();
  if (!pgdir) return -ENOMEM;
  u32 entry, end;
  int r = elf_load(pgdir, ino, &entry, &end);
  if (r == 0) r = vm_reserve(pgdir, USER_TOP - USER_STACK_SIZE, USER_TOP, 1);
  /* The initial stack is built in one kernel page that becomes the top page of the stack. */
  u32 img = r == 0 ? frame_alloc() : 0;
  if (r == 0 && !img) r = -ENOMEM;
  if (r == 0) {
    u32 strings = 0;
    for (int i = 0; i < argc; i++) strings += strlen(kargv[i]) + 1;
    for (int i = 0; i < envc; i++) strings += strlen(kenvp[i]) + 1;
    u32 words = 1 + (u32)argc + 1 + (u32)envc + 1 + 4;
    u32 str_at = USER_TOP - strings;
    u32 sp = (str_at - words * 4) & ~15u;
    if (USER_TOP - sp > PAGE_SIZE) {
      r = -E2BIG;
    } else {
      u32 base = USER_TOP - PAGE_SIZE;
      u32 *w = (u32 *)(img + (sp - base));
      char *s = (char *)(img + (str_at - base));
      *w++ = (u32)argc;
      for (int i = 0; i < argc; i++) {
        u32 n = strlen(kargv[i]) + 1;
        memcpy(s, kargv[i], n);
        *w++ = base + (u32)(s - (char *)img);
        s += n;
      }
      *w++ = 0;
      for (int i = 0; i < envc; i++) {
        u32 n = strlen(kenvp[i]) + 1;
        memcpy(s, kenvp[i], n);
        *w++ = base + (u32)(s - (char *)img);
        s += n;
      }
      *w++ = 0;
      *w++ = AT_PAGESZ;
      *w++ = PAGE_SIZE;
      *w++ = AT_NULL;
      *w++ = 0;
      r = vm_copy_out(pgdir, base, (const void *)img, PAGE_SIZE);
      if (r == 0) {
        u32 old = cur->pgdir;
        cur->pgdir = pgdir;
        vm_activate(pgdir);
        vm_free_user(old);
        vm_free_pgdir(old);
        cur->brk_start = cur->brk = PAGE_ROUND_UP(end);
        proc_set_name(cur, path);
        struct trapframe *tf = cur->tf;
        memset(tf, 0, sizeof *tf);
        tf->cs = SEG_UCODE;
        tf->ds = tf->es = tf->fs = tf->gs = tf->ss = SEG_UDATA;
        tf->eflags = EFLAGS_IF | 0x2; /* bit 1 is reserved, always 1 */
        tf->eip = entry;
        tf->esp = sp;
      }
    }
    frame_unref(img);
  }
  if (r < 0) {
    vm_free_user(pgdir);
    vm_free_pgdir(pgdir);
  }
  return r;
}
