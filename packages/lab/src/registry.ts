/** The registry of levels: adding a level is one adapter file and one line here. */
import type { Level } from "./level";
import { LevelError } from "./level";
import type { WorkloadKind } from "@strata/workloads";

export class LevelRegistry {
  readonly #levels = new Map<string, Level>();

  constructor(levels: readonly Level[] = []) {
    for (const l of levels) this.register(l);
  }

  register(level: Level): void {
    if (this.#levels.has(level.id)) throw new LevelError(`level ${level.id} is registered twice`);
    this.#levels.set(level.id, level);
  }

  list(): readonly Level[] {
    return [...this.#levels.values()];
  }

  /** The level of that id; a LevelError lists the known ids otherwise. */
  get(id: string): Level {
    const level = this.#levels.get(id);
    if (!level) throw new LevelError(`unknown level '${id}' (known: ${[...this.#levels.keys()].join(", ")})`);
    return level;
  }

  /** The level of that id, checked to run workloads of that kind. */
  forKind(id: string, kind: WorkloadKind): Level {
    const level = this.get(id);
    if (!level.kinds.includes(kind)) {
      throw new LevelError(`level '${id}' cannot run ${kind} workloads (it runs: ${level.kinds.join(", ")})`);
    }
    return level;
  }
}
