/**
 * MOV to/from CR0, CR2, CR3, CR4, INVLPG, WBINVD and INVD (SDM Vol. 2; Vol. 3 §2.5, §4.10.4).
 * All are privileged: #GP(0) at CPL > 0 (in virtual-8086 mode too, where CPL is 3). The side
 * effects of control-register writes live in cpu/control-registers.ts, shared with LMSW, CLTS and
 * task switches. CR1, CR5-CR7 (and CR8, which needs long mode) are #UD: the decoder refuses them;
 * the handler refuses them again in case a table entry lets one through.
 */
import type { Cpu } from "../cpu/cpu";
import { writeCr0, writeCr3, writeCr4 } from "../cpu/control-registers";
import { raise, VEC_GP, VEC_UD } from "../cpu/exceptions";
import { S_CPL, S_CR0, S_CR2, S_CR3, S_CR4 } from "../cpu/state";
import { PAGE_SHIFT } from "../memory/physical";
import type { ExecFn } from "./insn";
import { ea } from "./operands";

function requireCpl0(cpu: Cpu): void {
  if (cpu.s[S_CPL] !== 0) raise(VEC_GP, 0);
}

/** MOV CRn, r32 (the operand is always a 32-bit register, whatever the operand size). */
export const execMovToCr: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  const v = cpu.s[i.v1]!;
  switch (i.v0) {
    case 0:
      writeCr0(cpu, v);
      break;
    case 2:
      cpu.s[S_CR2] = v;
      break;
    case 3:
      writeCr3(cpu, v);
      break;
    case 4:
      writeCr4(cpu, v);
      break;
    default:
      raise(VEC_UD);
  }
};

/** MOV r32, CRn. */
export const execMovFromCr: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  const cr = i.v1;
  const s = cpu.s;
  s[i.v0] = cr === 0 ? s[S_CR0]! : cr === 2 ? s[S_CR2]! : cr === 3 ? s[S_CR3]! : cr === 4 ? s[S_CR4]! : raise(VEC_UD);
};

/**
 * INVLPG m: drops the TLB entry of the page holding the operand's linear address, global or not
 * (all of a 4 MiB page); no fault for an unmapped address. The page's code may map elsewhere
 * now: cpu.mappingChanged (the interpreter's decoded code, keyed by linear address, goes too).
 */
export const execInvlpg: ExecFn = (cpu, i) => {
  requireCpl0(cpu);
  cpu.mmu.tlb.flushPage(ea(cpu, i) >>> PAGE_SHIFT);
  cpu.mappingChanged = true;
};

/** WBINVD / INVD: caches are not modelled (memory is always coherent), so only the privilege check. */
export const execCacheFlush: ExecFn = (cpu) => requireCpl0(cpu);
