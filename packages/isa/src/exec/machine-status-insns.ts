/**
 * The machine status word instructions (SDM Vol. 2 "CLTS", "LMSW", "SMSW"): the low bits of CR0
 * from the 80286's view. CLTS and LMSW are privileged (#GP(0) at CPL > 0, virtual-8086 mode
 * included) and go through writeCr0 so every CR0 side effect applies. LMSW loads PE, MP, EM and TS
 * and can set PE but not clear it. SMSW is not privileged; its register form with a 32-bit operand
 * size stores all of CR0 (P6 and later), a memory operand gets the low 16 bits.
 */
import type { Cpu } from "../cpu/cpu";
import { writeCr0 } from "../cpu/control-registers";
import { raise, VEC_GP } from "../cpu/exceptions";
import { CR0_PE, CR0_TS, S_CPL, S_CR0 } from "../cpu/state";
import { type ExecFn, OK_MEM, OK_REG } from "./insn";
import { setRm16Register } from "./descriptor-insns";
import { ea, read0, writeMem } from "./operands";

function requireCpl0(cpu: Cpu): void {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
}

export const execClts: ExecFn = (cpu) => {
  requireCpl0(cpu);
  writeCr0(cpu, cpu.s[S_CR0]! & ~CR0_TS);
};

export const execLmsw: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  const v = read0(cpu, i, 2, i.k0 === OK_MEM ? ea(cpu, i) : 0);
  const cr0 = cpu.s[S_CR0]!;
  writeCr0(cpu, (cr0 & ~0xe) | (v & 0xf) | (cr0 & CR0_PE));
};

export const execSmsw: ExecFn = (cpu, i) => {
  const cr0 = cpu.s[S_CR0]!;
  if (i.k0 === OK_REG) setRm16Register(cpu, i, i.osize === 4 ? cr0 : cr0 & 0xffff);
  else writeMem(cpu, ea(cpu, i), 2, cr0 & 0xffff);
};
