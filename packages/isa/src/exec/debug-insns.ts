/**
 * MOV to/from debug registers (SDM Vol. 2 "MOV—Move to/from Debug Registers"): the checks (CPL 0,
 * DR4/DR5 with CR4.DE, DR7.GD) and the register semantics are in cpu/debug-registers.ts. The
 * general-register operand is always 32 bits; the flags are undefined (left unchanged here).
 */
import { checkDebugRegisterAccess, readDebugRegister, writeDebugRegister } from "../cpu/debug-registers";
import type { ExecFn } from "./insn";

/** MOV DRn, r32. */
export const execMovToDr: ExecFn = (cpu, i) => {
  const n = checkDebugRegisterAccess(cpu, i.v0);
  writeDebugRegister(cpu, n, cpu.s[i.v1]!);
};

/** MOV r32, DRn. */
export const execMovFromDr: ExecFn = (cpu, i) => {
  const n = checkDebugRegisterAccess(cpu, i.v1);
  cpu.s[i.v0] = readDebugRegister(cpu, n);
};
