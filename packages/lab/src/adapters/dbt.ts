/**
 * Level "dbt": the @strata/dbt translator (IA-32 blocks to JavaScript, translation cache,
 * chaining) as the engine of the linux-user process; the report adds the translator's tc.*
 * counters to the interpreter's vocabulary.
 */
import { createDbtEngine } from "@strata/dbt";
import { linuxUserLevel } from "./linux-user";

export const dbtLevel = linuxUserLevel({
  id: "dbt",
  name: "Binary translator (dbt)",
  description: "Dynamic binary translation: hot IA-32 blocks become JavaScript functions, chained in a translation cache; like qemu-i386 (TCG)",
  engine: (m) => createDbtEngine(m),
});
