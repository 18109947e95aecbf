/** The translator as the engine of an existing @strata/isa machine (it shares the machine's Cpu and interpreter). */
import type { Machine } from "@strata/isa";
import { DbtEngine, type DbtOptions } from "./dbt-engine";

export function createDbtEngine(machine: Machine, options: Omit<DbtOptions, "interpreter"> = {}): DbtEngine {
  return new DbtEngine(machine.cpu, { ...options, interpreter: machine.engine });
}
