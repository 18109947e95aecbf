import type { Workload } from "../manifest";

/** Java workloads (filled in by their builder's owner). */
export const javaWorkloads: readonly Workload[] = [];
