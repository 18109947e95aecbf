/** The levels Strata has today: one adapter file each, one line each here. */
import { LevelRegistry } from "./registry";

export function defaultRegistry(): LevelRegistry {
  return new LevelRegistry([]);
}
