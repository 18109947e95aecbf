/**
 * Node-only entry of @strata/isa: the qemu-system-i386-style front end of strata-x86, so a
 * machine on another engine (strata-dbt: the translator) takes the same arguments.
 */
export { systemMain, type SystemFrontEnd, type SystemIo } from "./cli/system";
