/**
 * The PC machine of @strata/isa (createPcMachine: devices, BIOS ROM, Multiboot loading, the run
 * loop that advances device time and wakes HLT) with the translator as its engine, through
 * PcMachine's `createEngine` factory. The translator keeps an interpreter of the same Cpu for
 * faults, events and single-steps (DbtEngine creates it).
 */
import { createPcMachine, type PcMachine, type PcMachineOptions } from "@strata/isa";
import { DbtEngine, type DbtOptions } from "../engine/dbt-engine";

export interface DbtPcMachine extends PcMachine<DbtEngine> {
  /** The translator running the machine (the same object as `engine`). */
  readonly dbt: DbtEngine;
}

/** A PC machine whose run loop drives a DbtEngine. */
export function createDbtPcMachine(options: Omit<PcMachineOptions<DbtEngine>, "createEngine"> = {}, dbt: Omit<DbtOptions, "interpreter"> = {}): DbtPcMachine {
  const m = createPcMachine<DbtEngine>({ ...options, createEngine: (cpu) => new DbtEngine(cpu, dbt) });
  Object.defineProperty(m, "dbt", { value: m.engine, writable: false, enumerable: true });
  return m as DbtPcMachine;
}
