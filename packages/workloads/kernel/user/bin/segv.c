/* segv: a deliberate null-pointer read. The kernel reports the page fault (vector 14, error code
 * 0x4: user-mode read of a not-present page, CR2 = 0) and kills the process with SIGSEGV. */
#include "../lib/sys.h"

int main(void) {
  printf("segv: reading address 0\n");
  volatile int *p = (volatile int *)0;
  int v = *p;
  printf("segv: survived, read %d\n", v);
  return 0;
}
