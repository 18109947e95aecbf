/* Time system calls, counted in PIT ticks (TIMER_HZ per second). */
#include "syscall.h"

#define NS_PER_TICK (1000000000u / TIMER_HZ)

static void now(u32 *sec, u32 *nsec) {
  u32 t = ticks;
  *sec = t / TIMER_HZ;
  *nsec = (t % TIMER_HZ) * NS_PER_TICK;
}

static int clock_ok(u32 clk) { return clk == 0 || clk == 1 || clk == 4 || clk == 7; }

SYSCALL_DEFINE(clock_gettime) {
  if (!clock_ok(a1)) return -EINVAL;
  u32 ts[2];
  now(&ts[0], &ts[1]);
  return copy_to_user(a2, ts, sizeof ts);
}

SYSCALL_DEFINE(clock_gettime64) {
  if (!clock_ok(a1)) return -EINVAL;
  u32 s, ns;
  now(&s, &ns);
  u32 ts[4] = {s, 0, ns, 0};
  return copy_to_user(a2, ts, sizeof ts);
}

SYSCALL_DEFINE(nanosleep) {
  i32 req[2];
  if (copy_from_user(req, a1, sizeof req) < 0) return -EFAULT;
  if (req[0] < 0 || req[1] < 0 || req[1] >= 1000000000) return -EINVAL;
  /* at least the requested time: round up, plus the partial tick we are in */
  u32 n = (u32)req[0] * TIMER_HZ + ((u32)req[1] + NS_PER_TICK - 1) / NS_PER_TICK + 1;
  u32 deadline = ticks + n;
  while ((i32)(ticks - deadline) < 0) {
    if (signal_fatal_pending()) return -EINTR;
    sleep_on((const void *)&ticks);
  }
  if (a2) {
    u32 zero[2] = {0, 0};
    if (copy_to_user(a2, zero, sizeof zero) < 0) return -EFAULT;
  }
  return 0;
}
