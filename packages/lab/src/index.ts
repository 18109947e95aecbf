export type { Level, RunExit, RunOptions, RunProgress, RunReport, WorkloadInput } from "./level";
export { LevelError } from "./level";
export { LevelRegistry } from "./registry";
export { compareReports, type Comparison, type CompareColumn, type CompareRow } from "./compare";
export { compare, recordedMemoryBytes, runOn, workloadInput } from "./run";
export {
  alignTable,
  comparisonCsv,
  comparisonJson,
  comparisonTable,
  exitText,
  reportCsv,
  reportTable,
} from "./format";
export { detectKind, WorkloadFormatError } from "./detect";
export { defaultRegistry, type ClasslibProvider, type RegistryOptions } from "./levels";
export { REGISTER_ORDER, type DebugSession, type DebugState, type DisassemblyLine } from "./debug";
