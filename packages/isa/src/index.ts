export {};
export * from "./table/index";
export * from "./decode/index";
export * from "./fpu/index";
