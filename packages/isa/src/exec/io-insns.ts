/**
 * IN and OUT (SDM Vol. 2 "IN", "OUT"; Vol. 1 §19.8): the I/O-permission check of
 * cpu/io-permission.ts (IOPL, then the TSS bit map at CPL > IOPL and in virtual-8086 mode) for
 * every port the access touches, then the port bus. The string forms INS/OUTS live with the other
 * string instructions (exec/string.ts) and make the same check. With CR4.DE, an enabled I/O
 * breakpoint on the port is recorded for the #DB trap after the instruction.
 */
import { checkIoPermission } from "../cpu/io-permission";
import { ioBreakpointHit } from "../cpu/debug-registers";
import { EDX, S_DEBUG_ACTIVE } from "../cpu/state";
import { type ExecFn, OK_IMM } from "./insn";
import { getReg, setReg } from "./operands";

/** IN AL/eAX, imm8/DX. */
export const execIn: ExecFn = (cpu, i) => {
  const port = i.k1 === OK_IMM ? i.v1 & 0xff : cpu.r16[EDX << 1]!;
  checkIoPermission(cpu, port, i.size);
  setReg(cpu, i.v0, i.size, cpu.ports.read(port, i.size));
  if (cpu.s[S_DEBUG_ACTIVE] !== 0) ioBreakpointHit(cpu, port, i.size);
};

/** OUT imm8/DX, AL/eAX. */
export const execOut: ExecFn = (cpu, i) => {
  const port = i.k0 === OK_IMM ? i.v0 & 0xff : cpu.r16[EDX << 1]!;
  checkIoPermission(cpu, port, i.size);
  cpu.portWrite(port, i.size, getReg(cpu, i.v1, i.size));
  if (cpu.s[S_DEBUG_ACTIVE] !== 0) ioBreakpointHit(cpu, port, i.size);
};
