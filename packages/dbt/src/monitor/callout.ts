/**
 * The monitor policy hook (VMware-style binary translation, Adams & Agesen 2006): for chosen
 * instruction classes of the opcode table (privileged, sensitive, io...) a monitor registers a
 * host function that runs in place of the instruction's native semantics; every other
 * instruction is translated unchanged ("IDENT"). A callout instruction ends its block, so the
 * monitor sees exact architectural state: EIP is the instruction, everything before it retired.
 */
import type { ClassName, Cpu, Insn } from "@strata/isa";

/**
 * What the engine does after a callout:
 * - "next": continue at the next instruction (the callout emulated it);
 * - "jump": continue at the EIP the callout wrote (it emulated a control transfer);
 * - "stop": EIP = the next instruction, and run() returns "exit".
 */
export type CalloutAction = "next" | "jump" | "stop";

/** A host function standing in for one instruction; `insn` is its decoded form (read-only). */
export type Callout = (cpu: Cpu, insn: Insn) => CalloutAction;

export type CalloutMap = Partial<Record<ClassName, Callout>>;
