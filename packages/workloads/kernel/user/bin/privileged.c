/* privileged <hlt|cli|in|out>: one privileged instruction at CPL 3 without I/O permission. The CPU
 * raises #GP(0) (SDM Vol. 2: HLT, CLI with IOPL < CPL, IN/OUT denied by the I/O bitmap), which the
 * kernel turns into SIGSEGV, as Linux does. */
#include "../lib/sys.h"

int main(int argc, char **argv) {
  const char *what = argc > 1 ? argv[1] : "hlt";
  printf("privileged: %s at CPL 3\n", what);
  if (!strcmp(what, "hlt")) __asm__ volatile("hlt");
  else if (!strcmp(what, "cli")) __asm__ volatile("cli");
  else if (!strcmp(what, "in")) {
    u8 v;
    __asm__ volatile("inb $0x60, %0" : "=a"(v)); /* the keyboard controller: never granted */
  } else if (!strcmp(what, "out")) __asm__ volatile("outb %0, $0x80" : : "a"((u8)0));
  else return 2;
  printf("privileged: %s did not fault\n", what);
  return 1;
}
