/** Node-only helpers: locate and read the committed artifacts of the catalogue. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Workload } from "./manifest";

/** Absolute path of the @strata/workloads package root (works from src/ and dist/). */
export const packageRoot: string = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Absolute path of a path relative to the package root (an artifact, a source, a module). */
export function resolveWorkloadPath(relative: string): string {
  return join(packageRoot, relative);
}

/** The bytes of a workload's committed artifact. */
export function readArtifact(workload: Workload): Uint8Array {
  return new Uint8Array(readFileSync(resolveWorkloadPath(workload.artifact)));
}
