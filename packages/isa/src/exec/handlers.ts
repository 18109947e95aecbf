/**
 * The semantics map: one handler per table `sem` id. Typed `satisfies Record<SemId, ExecFn>`, so a
 * sem added to the opcode table without a handler is a compile error. x87 sems all go through the
 * FPU envelope (exec/x87.ts); MMX/SSE sems are never executed (the CPUID identity does not
 * advertise them, bind.ts routes them to #UD) and map to #UD as well.
 */
import type { SemId } from "../table/opcodes";
import type { SIMD } from "../table/simd";
import type { X87 } from "../table/x87";
import { X87 as X87_TABLE } from "../table/x87";
import { SIMD as SIMD_TABLE } from "../table/simd";
import * as alu from "./alu";
import * as bcd from "./bcd";
import * as bits from "./bits";
import * as control from "./control";
import * as cr from "./control-registers";
import * as data from "./data";
import * as eflagsInsns from "./eflags-insns";
import * as far from "./far";
import * as flagops from "./flagops";
import * as debugInsns from "./debug-insns";
import * as descriptorInsns from "./descriptor-insns";
import * as ioInsns from "./io-insns";
import * as machineStatus from "./machine-status-insns";
import * as msrInsns from "./msr-insns";
import type { ExecFn } from "./insn";
import * as interruptInsns from "./interrupt-insns";
import * as muldiv from "./muldiv";
import * as shift from "./shift";
import * as stack from "./stack";
import * as str from "./string";
import * as segmentInsns from "./segment-insns";
import * as sys from "./system";
import { execFwait, execX87 } from "./x87";

type X87Sem = (typeof X87)[number]["sem"];
type SimdSem = (typeof SIMD)[number]["sem"];

const x87Handlers = Object.fromEntries(
  X87_TABLE.map((e) => [e.sem, e.sem === "fwait" ? execFwait : execX87] as const),
) as Record<X87Sem, ExecFn>;

const simdHandlers = Object.fromEntries(SIMD_TABLE.map((e) => [e.sem, sys.execUd] as const)) as Record<SimdSem, ExecFn>;

export const EXEC = {
  ...simdHandlers,
  ...x87Handlers,
  // ALU
  add: alu.execAdd,
  or: alu.execOr,
  adc: alu.execAdc,
  sbb: alu.execSbb,
  and: alu.execAnd,
  sub: alu.execSub,
  xor: alu.execXor,
  cmp: alu.execCmp,
  test: alu.execTest,
  inc: alu.execInc,
  dec: alu.execDec,
  neg: alu.execNeg,
  not: alu.execNot,
  // shifts and rotates
  rol: shift.execRol,
  ror: shift.execRor,
  rcl: shift.execRcl,
  rcr: shift.execRcr,
  shl: shift.execShl,
  shr: shift.execShr,
  sar: shift.execSar,
  shld: shift.execShld,
  shrd: shift.execShrd,
  // multiply and divide
  mul: muldiv.execMul,
  imul1: muldiv.execImul1,
  imul: muldiv.execImul,
  div: muldiv.execDiv,
  idiv: muldiv.execIdiv,
  // BCD
  daa: bcd.execDaa,
  das: bcd.execDas,
  aaa: bcd.execAaa,
  aas: bcd.execAas,
  aam: bcd.execAam,
  aad: bcd.execAad,
  // bits
  bt: bits.execBt,
  bts: bits.execBts,
  btr: bits.execBtr,
  btc: bits.execBtc,
  bsf: bits.execBsf,
  bsr: bits.execBsr,
  popcnt: sys.execUd, // SSE4.2-era (CPUID.1:ECX.POPCNT), not advertised
  // data movement
  mov: data.execMov,
  movzx: data.execMovzx,
  movsx: data.execMovsx,
  lea: data.execLea,
  xchg: data.execXchg,
  xadd: data.execXadd,
  cmpxchg: data.execCmpxchg,
  cmpxchg8b: data.execCmpxchg8b,
  bswap: data.execBswap,
  cbw: data.execCbw,
  cwd: data.execCwd,
  cmovcc: data.execCmovcc,
  setcc: data.execSetcc,
  xlat: data.execXlat,
  // stack
  push: stack.execPush,
  pop: stack.execPop,
  pusha: stack.execPusha,
  popa: stack.execPopa,
  pushf: eflagsInsns.execPushf,
  popf: eflagsInsns.execPopf,
  enter: stack.execEnter,
  leave: stack.execLeave,
  // control transfer
  jmp: control.execJmp,
  jcc: control.execJcc,
  call: control.execCall,
  ret: control.execRet,
  loop: control.execLoop,
  loope: control.execLoope,
  loopne: control.execLoopne,
  jcxz: control.execJcxz,
  jmpfar: far.execJmpFar,
  callfar: far.execCallFar,
  retfar: far.execRetFar,
  iret: interruptInsns.execIret,
  // flags
  clc: flagops.execClc,
  stc: flagops.execStc,
  cmc: flagops.execCmc,
  cld: flagops.execCld,
  std: flagops.execStd,
  cli: eflagsInsns.execCli,
  sti: eflagsInsns.execSti,
  lahf: flagops.execLahf,
  sahf: flagops.execSahf,
  salc: flagops.execSalc,
  // strings
  movs: str.execMovs,
  cmps: str.execCmps,
  stos: str.execStos,
  lods: str.execLods,
  scas: str.execScas,
  ins: str.execIns,
  outs: str.execOuts,
  // interrupts, identification, I/O
  int: interruptInsns.execInt,
  int3: interruptInsns.execInt3,
  int1: interruptInsns.execInt1,
  into: interruptInsns.execInto,
  bound: sys.execBound,
  cpuid: sys.execCpuid,
  rdtsc: msrInsns.execRdtsc,
  nop: sys.execNop,
  pause: sys.execNop,
  ud: sys.execUd,
  hlt: interruptInsns.execHlt,
  in: ioInsns.execIn,
  out: ioInsns.execOut,
  // segments and descriptor tables
  mov_to_sreg: segmentInsns.execMovToSreg,
  mov_from_sreg: sys.execMovFromSreg,
  push_sreg: sys.execPushSreg,
  pop_sreg: segmentInsns.execPopSreg,
  lfp: segmentInsns.execLfp,
  arpl: descriptorInsns.execArpl,
  lar: descriptorInsns.execLar,
  lsl: descriptorInsns.execLsl,
  verr: descriptorInsns.execVerr,
  verw: descriptorInsns.execVerw,
  sgdt: descriptorInsns.execSgdt,
  sidt: descriptorInsns.execSidt,
  sldt: descriptorInsns.execSldt,
  str: descriptorInsns.execStr,
  smsw: machineStatus.execSmsw,
  lgdt: descriptorInsns.execLgdt,
  lidt: descriptorInsns.execLidt,
  lldt: descriptorInsns.execLldt,
  ltr: descriptorInsns.execLtr,
  clts: machineStatus.execClts,
  lmsw: machineStatus.execLmsw,
  mov_to_cr: cr.execMovToCr,
  mov_from_cr: cr.execMovFromCr,
  mov_to_dr: debugInsns.execMovToDr,
  mov_from_dr: debugInsns.execMovFromDr,
  invlpg: cr.execInvlpg,
  invd: cr.execCacheFlush,
  wbinvd: cr.execCacheFlush,
  rdmsr: msrInsns.execRdmsr,
  wrmsr: msrInsns.execWrmsr,
  rdpmc: sys.execRdpmc,
  sysenter: sys.execUd,
  sysexit: sys.execUd,
  rsm: sys.execUd,
  monitor: sys.execUd,
  mwait: sys.execUd,
} satisfies Record<SemId, ExecFn>;
