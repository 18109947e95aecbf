/**
 * The PC machine of @strata/isa (createPcMachine: devices, BIOS ROM, Multiboot loading, the run
 * loop that advances device time and wakes HLT) with the translator as its engine. PcMachine
 * builds its own Interpreter and types `engine` as one; until it takes an engine factory (asked
 * of isa in the README), the translator is put in its place here — it drives the same Cpu and
 * keeps that interpreter for faults, events and single-steps, and it has the interpreter's whole
 * observable surface (run, counters, breakpoints, interposition) that PcMachine uses.
 */
import { createPcMachine, type PcMachine, type PcMachineOptions } from "@strata/isa";
import { DbtEngine, type DbtOptions } from "../engine/dbt-engine";

export interface DbtPcMachine extends PcMachine {
  /** The translator running the machine (also reachable as `engine`). */
  readonly dbt: DbtEngine;
}

/** A PC machine whose run loop drives a DbtEngine. */
export function createDbtPcMachine(options: PcMachineOptions = {}, dbt: Omit<DbtOptions, "interpreter"> = {}): DbtPcMachine {
  const m = createPcMachine(options);
  const engine = new DbtEngine(m.cpu, { ...dbt, interpreter: m.engine });
  Object.defineProperty(m, "engine", { value: engine, writable: false, enumerable: true, configurable: true });
  Object.defineProperty(m, "dbt", { value: engine, writable: false, enumerable: true });
  return m as DbtPcMachine;
}
