import { baremetalWorkloads } from "./catalog/baremetal";
import { javaWorkloads } from "./catalog/java";
import { kernelWorkloads } from "./catalog/kernel";
import { linuxWorkloads } from "./catalog/linux";
import { win32Workloads } from "./catalog/win32";
import type { Workload, WorkloadKind } from "./manifest";

export type { ExpectedResult, LevelId, Workload, WorkloadKind } from "./manifest";

/** Every workload of the catalogue, in a stable order. */
export const workloads: readonly Workload[] = [
  ...linuxWorkloads,
  ...baremetalWorkloads,
  ...kernelWorkloads,
  ...javaWorkloads,
  ...win32Workloads,
];

/** The workload of that name, or undefined. */
export function findWorkload(name: string): Workload | undefined {
  return workloads.find((w) => w.name === name);
}

/** The workloads of one kind. */
export function workloadsOfKind(kind: WorkloadKind): readonly Workload[] {
  return workloads.filter((w) => w.kind === kind);
}
