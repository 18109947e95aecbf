export * from "./insn";
export { Decoder, decode, SEG_NAMES, type FetchByte } from "./decoder";
export { ENTRY_ATTR, ATTR_MODRM, ATTR_LOCK, ATTR_MEM_ONLY, ATTR_REG_ONLY, ATTR_FORCE_REG, subTable, type SubTable } from "./dispatch";
