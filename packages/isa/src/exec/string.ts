/**
 * String instructions MOVS, CMPS, STOS, LODS, SCAS, INS, OUTS with REP/REPE/REPNE (SDM Vol. 2
 * "REP/REPE/REPZ/REPNE/REPNZ"). The counter, source and destination are (E)CX, (E)SI, (E)DI by
 * address size; the destination is always ES, the source DS unless overridden. Registers are
 * updated after every iteration, so a fault mid-string leaves a restartable state, as on hardware.
 * A repeated instruction runs at most REP_CHUNK iterations per step; if more remain, EIP stays on
 * it (it does not retire yet) and the next step resumes, which bounds the time of one step.
 */
import type { Cpu } from "../cpu/cpu";
import { testCC, sizeIndex } from "../cpu/flags";
import { ioBreakpointHit } from "../cpu/debug-registers";
import { checkIoPermission } from "../cpu/io-permission";
import { ECX, EDI, EDX, ES, ESI, S_DEBUG_ACTIVE, S_EFLAGS, S_EIP, S_SEG_BASE } from "../cpu/state";
import { DF } from "../table/flags";
import { ACCESS_READ, ACCESS_WRITE } from "../memory/translator";
import { ALU_SUB, aluOp } from "./alu";
import { type ExecFn, type Insn, REP_E, REP_NE, REP_NONE } from "./insn";
import { getReg, readMem, setReg, writeMem } from "./operands";

export const REP_CHUNK = 1 << 16;

const MOVS = 0;
const CMPS = 1;
const STOS = 2;
const LODS = 3;
const SCAS = 4;
const INS = 5;
const OUTS = 6;

function stringOp(op: number): ExecFn {
  const compares = op === CMPS || op === SCAS;
  return (cpu: Cpu, i: Insn): void => {
    const s = cpu.s;
    const size = i.size;
    const a32 = i.asize === 4;
    const step = (s[S_EFLAGS]! & DF) !== 0 ? -size : size;
    const srcBase = s[S_SEG_BASE + i.seg]!;
    const dstBase = s[S_SEG_BASE + ES]!;
    const sz = sizeIndex(size);
    const acc = 0; // AL/AX/EAX: register index 0 in every size encoding
    // IOPL, then the TSS I/O bit map (cpu/io-permission.ts): checked before the first element.
    if (op === INS || op === OUTS) checkIoPermission(cpu, cpu.r16[EDX << 1]!, size);
    let n = i.rep === REP_NONE ? 1 : a32 ? s[ECX]! >>> 0 : cpu.r16[ECX << 1]!;
    if (n === 0) return;
    // An armed I/O breakpoint (CR4.DE) on the port: the #DB trap follows the instruction.
    if ((op === INS || op === OUTS) && s[S_DEBUG_ACTIVE] !== 0) ioBreakpointHit(cpu, cpu.r16[EDX << 1]!, size);
    let budget = REP_CHUNK;
    if (i.rep !== REP_NONE && a32 && step > 0 && (op === MOVS || op === STOS)) {
      const done = bulkForward(cpu, op === MOVS, size, srcBase, dstBase, Math.min(n, budget));
      n -= done;
      budget -= done;
      s[ECX] = n;
    }
    while (n !== 0 && budget !== 0) {
      const si = a32 ? s[ESI]! : cpu.r16[ESI << 1]!;
      const di = a32 ? s[EDI]! : cpu.r16[EDI << 1]!;
      switch (op) {
        case MOVS:
          writeMem(cpu, (dstBase + di) | 0, size, readMem(cpu, (srcBase + si) | 0, size));
          break;
        case CMPS:
          aluOp(s, ALU_SUB, readMem(cpu, (srcBase + si) | 0, size), readMem(cpu, (dstBase + di) | 0, size), sz);
          break;
        case STOS:
          writeMem(cpu, (dstBase + di) | 0, size, getReg(cpu, acc, size));
          break;
        case LODS:
          setReg(cpu, acc, size, readMem(cpu, (srcBase + si) | 0, size));
          break;
        case SCAS:
          aluOp(s, ALU_SUB, getReg(cpu, acc, size), readMem(cpu, (dstBase + di) | 0, size), sz);
          break;
        case INS:
          writeMem(cpu, (dstBase + di) | 0, size, cpu.ports.read(cpu.r16[EDX << 1]!, size));
          break;
        default:
          cpu.ports.write(cpu.r16[EDX << 1]!, size, readMem(cpu, (srcBase + si) | 0, size));
      }
      const movesSi = op === MOVS || op === CMPS || op === LODS || op === OUTS;
      const movesDi = op !== LODS && op !== OUTS;
      if (a32) {
        if (movesSi) s[ESI] = (si + step) | 0;
        if (movesDi) s[EDI] = (di + step) | 0;
      } else {
        if (movesSi) cpu.r16[ESI << 1] = si + step;
        if (movesDi) cpu.r16[EDI << 1] = di + step;
      }
      if (i.rep === REP_NONE) return;
      n = (n - 1) >>> 0;
      if (a32) s[ECX] = n;
      else cpu.r16[ECX << 1] = n;
      budget--;
      if (compares) {
        // REPE stops when ZF = 0 (cc 5 = NE), REPNE when ZF = 1 (cc 4 = E).
        if (i.rep === REP_E ? testCC(s, 5) : i.rep === REP_NE && testCC(s, 4)) return;
      }
    }
    if (n !== 0) {
      s[S_EIP] = i.eip;
      cpu.retired--;
      cpu.unretired[i.cls]!++;
    }
  };
}

/**
 * REP MOVS/STOS forward with 32-bit addressing, page by page with typed-array bulk operations
 * (glibc's memcpy/memset are REP MOVSL/STOSL). Stops — leaving the rest to the element loop —
 * at an element that straddles a page, a watched (code) page, memory outside RAM, or overlapping
 * source and destination (whose element-by-element result differs from a block copy). Registers
 * are updated after every page, so a #PF leaves the state of the elements done so far.
 * Returns the number of elements done.
 */
function bulkForward(cpu: Cpu, movs: boolean, size: number, srcBase: number, dstBase: number, max: number): number {
  const s = cpu.s;
  const mmu = cpu.mmu;
  const ram = mmu.ram;
  let done = 0;
  while (done < max) {
    const dlin = (dstBase + s[EDI]!) | 0;
    let cnt = Math.min(max - done, ((4096 - (dlin & 0xfff)) / size) | 0);
    let slin = 0;
    if (movs) {
      slin = (srcBase + s[ESI]!) | 0;
      cnt = Math.min(cnt, ((4096 - (slin & 0xfff)) / size) | 0);
    }
    if (cnt === 0) break;
    const bytes = cnt * size;
    const sphys = movs ? mmu.translate(slin, ACCESS_READ) : 0;
    const dphys = mmu.translate(dlin, ACCESS_WRITE);
    if (dphys + bytes > ram.size || ram.watched[dphys >>> 12] !== 0) break;
    if (movs) {
      if (sphys + bytes > ram.size || (sphys < dphys + bytes && dphys < sphys + bytes)) break;
      ram.u8.copyWithin(dphys, sphys, sphys + bytes);
      s[ESI] = (s[ESI]! + bytes) | 0;
    } else if (size === 1) ram.u8.fill(cpu.r8[0]!, dphys, dphys + bytes);
    else if (size === 4 && (dphys & 3) === 0) ram.i32.fill(s[0]!, dphys >> 2, (dphys + bytes) >> 2);
    else if (size === 2 && (dphys & 1) === 0) ram.u16.fill(cpu.r16[0]!, dphys >> 1, (dphys + bytes) >> 1);
    else break;
    s[EDI] = (s[EDI]! + bytes) | 0;
    s[ECX] = (s[ECX]! - cnt) | 0;
    done += cnt;
  }
  return done;
}

export const execMovs = stringOp(MOVS);
export const execCmps = stringOp(CMPS);
export const execStos = stringOp(STOS);
export const execLods = stringOp(LODS);
export const execScas = stringOp(SCAS);
export const execIns = stringOp(INS);
export const execOuts = stringOp(OUTS);
