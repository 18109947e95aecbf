/** Running catalogue workloads on levels and comparing them: the API behind `strata run/compare`. */
import type { Workload } from "@strata/workloads";
import { compareReports, type Comparison } from "./compare";
import type { RunOptions, RunReport, WorkloadInput } from "./level";
import type { LevelRegistry } from "./registry";

/** The RAM a catalogue kernel's transcript was recorded with (the manifest's memoryMiB, qemu's -m). */
export function recordedMemoryBytes(w: Workload): number | undefined {
  return w.memoryMiB === undefined ? undefined : w.memoryMiB * 1024 * 1024;
}

/** Turns a catalogue entry plus its bytes into what a level receives. */
export function workloadInput(
  w: Workload,
  image: Uint8Array,
  modules: readonly Uint8Array[] = [],
): WorkloadInput {
  const memoryBytes = recordedMemoryBytes(w);
  return {
    name: w.name,
    kind: w.kind,
    image,
    ...(modules.length ? { modules, moduleNames: (w.modules ?? []).map((p) => p.slice(p.lastIndexOf("/") + 1)) } : {}),
    ...(memoryBytes !== undefined ? { memoryBytes } : {}),
    ...(w.mainClass ? { mainClass: w.mainClass } : {}),
    ...(w.args ? { args: w.args } : {}),
  };
}

export async function runOn(
  registry: LevelRegistry,
  levelId: string,
  input: WorkloadInput,
  options?: RunOptions,
): Promise<RunReport> {
  return registry.forKind(levelId, input.kind).run(input, options);
}

/**
 * Runs one workload on each level in turn (sequentially, so host times do not disturb each
 * other) and compares them. Stops early, with the reports so far, if the signal aborts.
 */
export async function compare(
  registry: LevelRegistry,
  input: WorkloadInput,
  levelIds: readonly string[],
  options: RunOptions & { baseline?: string; onReport?: (r: RunReport) => void } = {},
): Promise<Comparison> {
  const levels = levelIds.map((id) => registry.forKind(id, input.kind));
  const reports: RunReport[] = [];
  for (const level of levels) {
    if (options.signal?.aborted) break;
    const report = await level.run(input, options);
    reports.push(report);
    options.onReport?.(report);
  }
  const used = levels.slice(0, reports.length);
  return compareReports(
    reports,
    used.map((l) => l.workCounter),
    options.baseline ?? used[0]?.id,
  );
}
