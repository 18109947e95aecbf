import type { JThread } from "./thread";

/**
 * An object monitor (JVMS §2.11.10, JLS §17.1): reentrant owner/count plus the wait set of
 * JLS §17.2. Contended threads do not queue here; they retry monitorenter when scheduled,
 * which with the round-robin scheduler is fair enough and deterministic.
 */
export class Monitor {
  owner: JThread | null = null;
  count = 0;
  readonly waitSet: JThread[] = [];
}
