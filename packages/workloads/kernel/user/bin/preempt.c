/* preempt: two CPU-bound children that never block. A spinner loops forever; a worker computes
 * Collatz chain lengths. The worker only finishes if the timer takes the CPU from the spinner:
 * the parent waits for the worker, then kills the spinner with SIGTERM. The output is the same
 * whatever the interleaving. */
#include "../lib/sys.h"

static u32 collatz_total(u32 limit) {
  u32 total = 0;
  for (u32 n = 1; n <= limit; n++) {
    u32 x = n;
    while (x != 1) {
      x = (x & 1) ? 3 * x + 1 : x / 2;
      total++;
    }
  }
  return total;
}

int main(void) {
  int spinner = fork();
  if (spinner == 0) {
    volatile u32 x = 0;
    for (;;) x++;
  }
  int worker = fork();
  if (worker == 0) {
    printf("preempt: worker: collatz steps below 30000: %u\n", collatz_total(30000));
    sys_exit(0);
  }
  int status;
  if (waitpid(worker, &status, 0) != worker) return 1;
  printf("preempt: worker exited with status %d while the spinner ran\n", WEXITSTATUS(status));
  kill(spinner, SIGTERM);
  if (waitpid(spinner, &status, 0) != spinner) return 1;
  printf("preempt: spinner killed by signal %d\n", WTERMSIG(status));
  return 0;
}
