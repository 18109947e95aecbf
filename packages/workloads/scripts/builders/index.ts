/**
 * One builder per workload kind. Two kinds share bare-metal-i386 (our test kernels and
 * strata-kernel), so the bare-metal builder dispatches on the source folder.
 */
import type { WorkloadKind } from "../../src/manifest";
import type { Builder } from "../build";
import { buildBaremetal } from "./baremetal";
import { buildJava } from "./java";
import { buildKernel } from "./kernel";
import { buildLinux } from "./linux";
import { buildWin32 } from "./win32";

const buildBareMetal: Builder = async (items, ctx) => {
  const kernel = items.filter((w) => w.sources.some((s) => s.startsWith("kernel/")));
  const tests = items.filter((w) => !kernel.includes(w));
  if (tests.length) await buildBaremetal(tests, ctx);
  if (kernel.length) await buildKernel(kernel, ctx);
};

export const builders: Partial<Record<WorkloadKind, Builder>> = {
  "linux-i386": buildLinux,
  "bare-metal-i386": buildBareMetal,
  jvm: buildJava,
  "win32-pe": buildWin32,
};
