/**
 * The processor's power-on state (SDM Vol. 3 §9.1.1, Table 9-1): real mode, CS selector 0xF000
 * with base 0xFFFF0000 so that the first fetch is at linear 0xFFFFFFF0 (the top of the BIOS ROM)
 * until the first far jump reloads CS; EIP 0xFFF0; data segments base 0, limit 0xFFFF; EDX holds
 * the processor signature (CPUID.1:EAX); CR0 0x60000010 (CD, NW, ET); EFLAGS 0x2.
 */
import type { Cpu } from "../cpu/cpu";
import { CPUID_SIGNATURE } from "../cpu/cpuid";
import {
  CS,
  EDX,
  S_CR0,
  S_EFLAGS,
  S_EIP,
  S_GDTR_LIMIT,
  S_IDTR_LIMIT,
  S_LDTR_LIMIT,
  S_SEG_ATTR,
  S_SEG_BASE,
  S_SEG_LIMIT,
  S_SEL,
  S_TR_LIMIT,
} from "../cpu/state";

/** Present, read/write data, accessed: the access rights of every segment after RESET. */
const ATTR_REAL_MODE = 0x93;

export function resetPowerOn(cpu: Cpu): void {
  const s = cpu.s;
  s.fill(0);
  s[S_EFLAGS] = 0x2;
  s[S_EIP] = 0xfff0;
  s[S_CR0] = 0x60000010;
  s[EDX] = CPUID_SIGNATURE;
  for (let seg = 0; seg < 6; seg++) {
    s[S_SEL + seg] = 0;
    s[S_SEG_BASE + seg] = 0;
    s[S_SEG_LIMIT + seg] = 0xffff;
    s[S_SEG_ATTR + seg] = ATTR_REAL_MODE;
  }
  s[S_SEL + CS] = 0xf000;
  s[S_SEG_BASE + CS] = 0xffff0000 | 0;
  s[S_GDTR_LIMIT] = 0xffff;
  s[S_IDTR_LIMIT] = 0xffff;
  s[S_LDTR_LIMIT] = 0xffff;
  s[S_TR_LIMIT] = 0xffff;
  cpu.setCpl(0);
  cpu.mmu.tlb.flush();
  cpu.flushDecoded = true;
}
