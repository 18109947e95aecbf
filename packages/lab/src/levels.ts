/** The levels Strata has today: one adapter file each, one line each here. */
import { dbtLevel } from "./adapters/dbt";
import { isaLevel } from "./adapters/isa";
import { jvmLiteLevel, type ClasslibProvider } from "./adapters/jvm-lite";
import { LevelError } from "./level";
import { LevelRegistry } from "./registry";

export interface RegistryOptions {
  /** Where jvm-lite gets classlib.jar: `@strata/lab/node` reads the file; a browser fetches it. */
  readonly classlib?: ClasslibProvider;
}

export function defaultRegistry(options: RegistryOptions = {}): LevelRegistry {
  const noClasslib: ClasslibProvider = () => {
    throw new LevelError("jvm-lite needs its class library: pass a classlib provider to defaultRegistry()");
  };
  return new LevelRegistry([isaLevel, dbtLevel, jvmLiteLevel(options.classlib ?? noClasslib)]);
}

export type { ClasslibProvider };
