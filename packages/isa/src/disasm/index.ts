export { formatIntel } from "./intel";
export { disassemble, disassembleRange, type DisasmLine } from "./listing";
export { disassembleElf, type SectionListing } from "./elf";
