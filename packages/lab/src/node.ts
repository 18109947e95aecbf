/** Node-only: the registry with every level's resources read from the installed packages. */
import { classlibBytes } from "@strata/jvm-lite/node";
import { defaultRegistry } from "./levels";
import type { LevelRegistry } from "./registry";

export function nodeRegistry(): LevelRegistry {
  return defaultRegistry({ classlib: classlibBytes });
}
