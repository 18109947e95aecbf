// The x87 FPU: a software 80-bit extended-precision core and the per-instruction semantics.
export { F80Class, F80_BIAS, CW as X87CW, SW as X87SW, RC as X87RC, PC as X87PC, Tag as X87Tag, classifyF80, tagOf } from "./float80";
export { R as F80Result } from "./round";
/** The core functions' operand registers: [0..2] = se, hi, lo of the first operand, [3..5] of the second. */
export { IN as F80Operands } from "./operand";
export { f80Add } from "./add";
export { f80Mul } from "./mul";
export { f80Div } from "./div";
export { f80Sqrt } from "./sqrt";
export { f80Rem } from "./remainder";
export { f80Scale, f80Extract } from "./scale";
export { Relation as X87Relation, f80Compare } from "./compare";
export { f80FromF32, f80FromF64, f80FromInt32, f80FromInt64, f80ToF32, f80ToF64, f80ToInt, f80RoundToInt } from "./convert";
export { f80FromBcd, f80ToBcd } from "./bcd";
export {
  X87State,
  x87Init,
  x87StatusWord,
  x87SetStatusWord,
  x87PendingException,
  x87SetLastInstruction,
  stPhys,
} from "./state";
export * from "./ops";
export { X87EnvFormat, x87EnvSize, x87SaveSize, x87TagWord, x87StoreEnv, x87LoadEnv, x87Save, x87Restore } from "./env";
export { X87Exec, X87Mode, x87Execute, x87MemOperand, x87IsNoWait } from "./dispatch";
export { X87Transcendental, x87Transcendental } from "./transcendental";
