/** One builder per workload kind; a kind with no builder yet is absent. */
import type { WorkloadKind } from "../../src/manifest";
import type { Builder } from "../build";
import { buildLinux } from "./linux";

export const builders: Partial<Record<WorkloadKind, Builder>> = {
  "linux-i386": buildLinux,
};
