/**
 * The translator as a conformance engine for @strata/isa/testing: isa's own environment (a user
 * machine laid out as the native runner's process) with the translator as the engine.
 */
import { type CaseEngine, userMachineCaseEngine } from "@strata/isa/testing";
import { DbtEngine } from "../engine/dbt-engine";

export interface DbtCaseEngineOptions {
  /** Physical memory of the machine (default 1 MiB: the cases use a handful of pages). */
  readonly memoryBytes?: number;
  /**
   * Executions before a block is translated. Default 0: every case runs translated code (a case
   * runs its code once, so any higher threshold would test the interpreted path instead).
   */
  readonly hotThreshold?: number;
}

export function dbtCaseEngine(options: DbtCaseEngineOptions = {}): CaseEngine {
  return userMachineCaseEngine(
    "dbt",
    (m) => new DbtEngine(m.cpu, { interpreter: m.engine, hotThreshold: options.hotThreshold ?? 0 }),
    options.memoryBytes === undefined ? {} : { memoryBytes: options.memoryBytes },
  );
}
