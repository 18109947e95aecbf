export type { OpDef, OpMap, MandatoryPrefix, Ext, OpClass, CfKind } from "./types";
export { type Operand, RM16_REG_OPSIZE_SEMS } from "./operands";
export { OPCODES, type OpcodeEntry, type SemId, type Mnemonic } from "./opcodes";
export * as EFLAGS from "./flags";
