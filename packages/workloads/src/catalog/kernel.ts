import type { Workload } from "../manifest";

/** Kernel workloads (filled in by their builder's owner). */
export const kernelWorkloads: readonly Workload[] = [];
