/**
 * Level "dbt": the @strata/dbt translator (IA-32 blocks to JavaScript, translation cache,
 * chaining) as the engine of the linux-user process; the report adds the translator's tc.*
 * counters to the interpreter's vocabulary.
 *
 * Bare-metal kernels stay on the isa level: the PC machine (PcMachine in @strata/isa) builds and
 * drives its own Interpreter, with no engine option, so a translator cannot run under it yet.
 */
import { createDbtEngine } from "@strata/dbt";
import { LevelError, type Level } from "../level";
import { linuxUserLevel } from "./linux-user";

const BARE_METAL_NOT_YET =
  "the PC machine (@strata/isa PcMachine) runs its own interpreter and takes no engine yet, so the translator cannot drive it; use --level isa";

const userMode = linuxUserLevel({
  id: "dbt",
  name: "Binary translator (dbt)",
  description: "Dynamic binary translation: hot IA-32 blocks become JavaScript functions, chained in a translation cache; like qemu-i386 (TCG)",
  engine: (m) => createDbtEngine(m),
});

export const dbtLevel: Level = {
  ...userMode,
  notYet: { "bare-metal-i386": BARE_METAL_NOT_YET },
  run: (w, o) => {
    if (w.kind === "bare-metal-i386") return Promise.reject(new LevelError(`level dbt cannot run bare-metal-i386 workloads: ${BARE_METAL_NOT_YET}`));
    return userMode.run(w, o);
  },
  debug: (w, o) => {
    if (w.kind === "bare-metal-i386") throw new LevelError(`level dbt cannot run bare-metal-i386 workloads: ${BARE_METAL_NOT_YET}`);
    return userMode.debug!(w, o);
  },
};
