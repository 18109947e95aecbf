import type { Workload } from "../manifest";

/** Baremetal workloads (filled in by their builder's owner). */
export const baremetalWorkloads: readonly Workload[] = [];
