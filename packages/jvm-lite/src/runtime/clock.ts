/**
 * The VM's monotonic clock in milliseconds (nanoTime, currentTimeMillis, GC pauses). In Node it
 * reads process.hrtime: the `performance` global is a lazy getter there that loads perf_hooks,
 * measured at ~15 ms of a Hello World's ~100 ms of startup CPU. Elsewhere performance.now().
 * Both are the system's monotonic clock.
 */
const hrtime = (globalThis as { process?: { hrtime?: { bigint?: () => bigint } } }).process?.hrtime?.bigint;
const origin = hrtime?.() ?? 0n;

export const monotonicMs: () => number = hrtime ? () => Number(hrtime() - origin) / 1e6 : () => performance.now();
