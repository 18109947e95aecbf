import type { Workload } from "../manifest";
import { BAREMETAL_MEMORY_MIB, baremetalArtifact, baremetalKernels, baremetalSources } from "./baremetal-kernels";
import recorded from "./baremetal.expected.json";

/**
 * Bare-metal i386 test kernels (Multiboot v1 ELF, serial output on COM1, exit through
 * isa-debug-exit at port 0xf4). Expected serial transcripts (from the kernel's first line on)
 * and exit codes (the value written to isa-debug-exit: 0 when every check passed; the emulator
 * itself exits with (code << 1) | 1) come from qemu-system-i386, recorded by
 * scripts/record-baremetal.ts into baremetal.expected.json; never edit that file by hand.
 */
const transcripts: Readonly<Record<string, { stdout: string; exitCode: number }>> = recorded;

/** Kernels with a recorded transcript (test/baremetal.test.ts checks that none is missing). */
export const baremetalWorkloads: readonly Workload[] = baremetalKernels.flatMap((k): Workload[] => {
  const expected = transcripts[k.name];
  if (!expected) return [];
  return [
    {
      name: k.name,
      kind: "bare-metal-i386",
      description: k.description,
      sources: baremetalSources(k),
      artifact: baremetalArtifact(k.name),
      expected,
      levels: [],
      tags: k.tags,
      memoryMiB: BAREMETAL_MEMORY_MIB,
    },
  ];
});
