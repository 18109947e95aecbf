/**
 * @strata/isa/testing: the differential conformance harness. Cases generated from the opcode
 * table run on the host CPU (the reference, through a native runner built with gcc -m32) and on
 * any engine that implements `CaseEngine`; results are compared with the SDM's undefined flags
 * masked. Node-only: the reference needs a native process.
 */
export * from "./case";
export * from "./layout";
export { Prng } from "./prng";
export { entryKey, exclusionReason, isSimd, isX87, selectEntries, type SelectedEntry, type Selection } from "./generate/entries";
export { generateCase, generateCases, CASE_SELECTORS, unmappedAddress } from "./generate/generator";
export { caseMask, EFLAGS_COMPARED, PF_ERROR_COMPARED, FIXED_RULES, VALUE_RULES, flagNames, x87StatusMask, type MaskInput, type MaskRule } from "./mask";
export { compareResults, flagString, vectorLabel, type Difference } from "./compare";
export { ADVERTISE_ALL, CPUID_FLAGS, isAdvertised, missingFeature, requiredFeatures, type CpuidFeature, type CpuidFunction } from "./features";
export { aliasCase, checkPlan, fromAliasResult, undefinedOpcodeResult, withoutRep, type AliasRule, type CheckPlan } from "./unadvertised";
export { runConformance, type CaseFailure, type ConformanceReport, type EntryReport, type RunOptions } from "./run";
export { formatFailure, formatReport, type Disassembler } from "./report";
export { CaseFormatError, RunnerOutputError, encodeCases, decodeResults } from "./wire";
export { buildRunner, harnessDir, HarnessBuildError } from "./native/build";
export { nativeEngine, qemuEngine, RunnerError, type NativeEngineOptions } from "./native/engine";
export { interpreterEngine, userMachineCaseEngine, type InterpreterEngineOptions } from "./engines/interpreter";
export { main as conformanceMain, ISA_ENGINES, type EngineChoice } from "./cli";
