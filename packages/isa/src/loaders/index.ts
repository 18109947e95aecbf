export * from "./elf32";
