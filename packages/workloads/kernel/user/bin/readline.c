/* readline: reads one line from standard input (the COM1 console on strata-kernel) and echoes it
 * with its length. Not in /etc/rc (the recorded run has no input); test/kernel.test.ts boots an
 * initrd whose rc runs it and types a line into the serial port. */
#include "../lib/sys.h"

int main(void) {
  char line[128];
  u32 n = 0;
  while (n < sizeof line - 1) {
    int r = read(0, line + n, 1);
    if (r <= 0 || line[n] == '\n') break;
    n++;
  }
  line[n] = 0;
  printf("readline: %u bytes: %s\n", n, line);
  return 0;
}
