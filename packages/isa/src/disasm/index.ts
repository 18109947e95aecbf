export { formatIntel } from "./intel";
export { formatAtt } from "./att";
export { disassemble, disassembleRange, type DisasmLine, type Syntax } from "./listing";
export { disassembleElf, type SectionListing } from "./elf";
