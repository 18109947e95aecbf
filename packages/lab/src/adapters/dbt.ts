/**
 * Level "dbt": the @strata/dbt translator (IA-32 blocks to JavaScript, translation cache,
 * chaining) as the engine of the linux-user process, and of the PC machine for bare-metal
 * kernels (createDbtPcMachine: the same devices, run loop and Multiboot boot as the isa level);
 * the report adds the translator's tc.* counters to the interpreter's vocabulary.
 */
import { createDbtEngine, createDbtPcMachine } from "@strata/dbt";
import type { Level } from "../level";
import { linuxUserLevel } from "./linux-user";
import { withBareMetal } from "./pc";

const userMode = linuxUserLevel({
  id: "dbt",
  name: "Binary translator (dbt)",
  description: "Dynamic binary translation: hot IA-32 blocks become JavaScript functions, chained in a translation cache; like qemu-i386 (TCG)",
  engine: (m) => createDbtEngine(m),
});

// No tlb.hit: the translator inlines the TLB fast path, so counting the MMU's accessors would miss
// most hits. tlb.miss and tlb.flush are the translator's own fills and flushes: equal to the
// interpreter's on the test kernels, a few write fills more on strata-kernel (pages that stop being
// write-watched); walk.mem_refs can differ after a #PF (packages/dbt README).
const pcMachine = { create: (options: Parameters<typeof createDbtPcMachine>[0]) => createDbtPcMachine(options), countTlbHits: false };

export const dbtLevel: Level = withBareMetal(
  userMode,
  pcMachine,
  "Dynamic binary translation: hot IA-32 blocks become JavaScript functions, chained in a translation cache; user mode like qemu-i386 (TCG), bare-metal kernels like qemu-system-i386",
);
