/**
 * x87 instructions (escape opcodes D8-DF and WAIT) on the FPU core of src/fpu: the interpreter's
 * part is the architectural envelope — #NM for CR0.EM/TS, #MF for a pending unmasked exception
 * before every waiting instruction, fetching and storing the memory operand (the store is
 * checked before the FPU state changes, so a #PF is precise), merging FCOMI's flags into EFLAGS,
 * FNSTSW AX, and the last-instruction pointers (SDM Vol. 1 §8.1.8-9).
 */
import { raise, VEC_GP, VEC_MF, VEC_NM, VEC_UD } from "../cpu/exceptions";
import { writeStatusFlags } from "../cpu/flags";
import { CR0_EM, CR0_MP, CR0_PE, CR0_TS, CS, S_CR0, S_EFLAGS, S_SEL } from "../cpu/state";
import { x87Execute, x87IsNoWait, x87MemOperand, X87Exec, X87Mode } from "../fpu/dispatch";
import { x87PendingException, x87SetLastInstruction } from "../fpu/state";
import { CF, OSZAPC, PF, ZF } from "../table/flags";
import type { ExecFn } from "./insn";
import { ea, eaOffset } from "./operands";

const MEM = new Uint8Array(128);

/** Control instructions do not update FCS:FIP/FOP/FDS:FDP (SDM Vol. 1 §8.1.8). */
function isControl(opcode: number, modrm: number): boolean {
  const reg = (modrm >>> 3) & 7;
  const mem = modrm < 0xc0;
  switch (opcode) {
    case 0xd9:
      return mem && reg >= 4; // FLDENV, FLDCW, FNSTENV, FNSTCW
    case 0xdb:
      return !mem && (modrm === 0xe2 || modrm === 0xe3); // FNCLEX, FNINIT
    case 0xdd:
      return mem && (reg === 4 || reg === 6 || reg === 7); // FRSTOR, FNSAVE, FNSTSW m16
    case 0xdf:
      return modrm === 0xe0; // FNSTSW AX
    default:
      return false;
  }
}

export const execX87: ExecFn = (cpu, i) => {
  const s = cpu.s;
  const cr0 = s[S_CR0]!;
  if ((cr0 & (CR0_EM | CR0_TS)) !== 0) raise(VEC_NM);
  const fpu = cpu.fpu;
  const opcode = i.opcode;
  const modrm = i.modrm;
  if (!x87IsNoWait(opcode, modrm) && x87PendingException(fpu)) raise(VEC_MF);
  const mode = (i.osize === 2 ? X87Mode.OperandSize16 : 0) | ((cr0 & CR0_PE) === 0 ? X87Mode.Real : 0);
  let a = 0;
  let size = 0;
  if (modrm < 0xc0) {
    size = x87MemOperand(opcode, modrm, mode);
    if (size === 0) raise(VEC_UD);
    a = ea(cpu, i);
    // Stores through a CS override fault: code segments are not writable (protected mode).
    if (size < 0 && i.seg === CS && (cr0 & CR0_PE) !== 0) raise(VEC_GP, 0);
    if (size > 0) for (let k = 0; k < size; k++) MEM[k] = cpu.mmu.read8((a + k) | 0);
    else cpu.mmu.probeWrite(a, -size);
  }
  const r = x87Execute(fpu, opcode, modrm, MEM, s[S_EFLAGS]!, mode);
  if ((r & X87Exec.Undefined) !== 0) raise(VEC_UD);
  if ((r & X87Exec.MemWritten) !== 0) {
    const n = size < 0 ? -size : size;
    for (let k = 0; k < n; k++) cpu.mmu.write8((a + k) | 0, MEM[k]!);
  }
  if ((r & X87Exec.Eflags) !== 0) writeStatusFlags(s, fpu.eflags & (ZF | PF | CF), OSZAPC);
  if ((r & X87Exec.Ax) !== 0) cpu.r16[0] = fpu.ax;
  if (!isControl(opcode, modrm)) {
    const memOp = modrm < 0xc0;
    x87SetLastInstruction(
      fpu,
      s[S_SEL + CS]!,
      i.eip,
      ((opcode & 7) << 8) | modrm,
      memOp ? s[S_SEL + i.seg]! : 0,
      memOp ? eaOffset(cpu, i) : 0,
    );
  }
};

/** WAIT/FWAIT: #NM when CR0.MP and CR0.TS, #MF when an unmasked exception is pending. */
export const execFwait: ExecFn = (cpu) => {
  const cr0 = cpu.s[S_CR0]!;
  if ((cr0 & (CR0_MP | CR0_TS)) === (CR0_MP | CR0_TS)) raise(VEC_NM);
  if (x87PendingException(cpu.fpu)) raise(VEC_MF);
};
