export * from "./elf32";
export * from "./multiboot";
