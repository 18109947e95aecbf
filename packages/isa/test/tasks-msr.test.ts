/**
 * RDMSR/WRMSR/RDTSC (SDM Vol. 2; Vol. 4 "IA-32 Architectural MSRs"), nasm-assembled and run by
 * the interpreter. Expectations: the SDM's rules (#GP(0) at CPL > 0, for an unknown MSR and for
 * writes to read-only ones; RDTSC and IA32_TIME_STAMP_COUNTER are one counter, which WRMSR sets)
 * and qemu-system-i386's power-on values (IA32_APIC_BASE 0xFEE00900, IA32_MISC_ENABLE 1,
 * IA32_MTRRCAP 0 while CPUID does not advertise MTRRs, IA32_BIOS_SIGN_ID 0x1_00000000), which test/tasks-qemu.test.ts reads from
 * qemu itself when it is installed.
 */
import { describe, expect, it } from "vitest";
import { VEC_GP } from "../src/cpu/exceptions";
import { EAX, EBP, EBX, ECX, EDI, EDX, ESI, S_CPL, S_CR4 } from "../src/cpu/state";
import { haveNasm, runFlat } from "./support/flat-run";

function rdmsr(index: number): [number, number] {
  const { m, ev } = runFlat(`mov ecx, ${index}\nrdmsr\nhlt`);
  expect(ev).toBeNull();
  return [m.cpu.s[EAX]! >>> 0, m.cpu.s[EDX]! >>> 0];
}

describe.skipIf(!haveNasm)("RDMSR/WRMSR", () => {
  it("power-on values as qemu-system-i386 reports them", () => {
    expect(rdmsr(0x1b)).toEqual([0xfee00900, 0]); // IA32_APIC_BASE: BSP, enabled
    expect(rdmsr(0x1a0)).toEqual([1, 0]); // IA32_MISC_ENABLE: fast strings
    expect(rdmsr(0xfe)).toEqual([0, 0]); // IA32_MTRRCAP: no MTRRs advertised by CPUID
    expect(rdmsr(0x8b)).toEqual([0, 1]); // IA32_BIOS_SIGN_ID
    expect(rdmsr(0x174)).toEqual([0, 0]);
    expect(rdmsr(0x2ff)).toEqual([0, 0]);
  });

  it("SYSENTER_CS/ESP/EIP, MTRRs, MISC_ENABLE and APIC_BASE read back what WRMSR wrote (SYSENTER_CS keeps 16 bits)", () => {
    const writes: [number, number, number][] = [
      [0x174, 0x12340008, 0],
      [0x175, 0xdeadbeef, 0],
      [0x176, 0xc0001000, 0],
      [0x200, 0x00000006, 0],
      [0x20f, 0xfff00800, 0xf],
      [0x250, 0x06060606, 0x06060606],
      [0x26f, 0x05050505, 0x04040404],
      [0x2ff, 0xc06, 0],
      [0x1a0, 0x801, 0],
      [0x1b, 0xfee00100, 0],
    ];
    for (const [msr, lo, hi] of writes) {
      const { m, ev } = runFlat(`mov ecx, ${msr}\nmov eax, ${lo}\nmov edx, ${hi}\nwrmsr\nxor eax, eax\nxor edx, edx\nrdmsr\nhlt`);
      expect(ev, msr.toString(16)).toBeNull();
      expect([m.cpu.s[EAX]! >>> 0, m.cpu.s[EDX]! >>> 0], msr.toString(16)).toEqual([msr === 0x174 ? lo & 0xffff : lo, hi]);
    }
  });

  it("an MSR this processor lacks is #GP(0) on read and write; so is writing IA32_MTRRCAP; PAT is absent (not advertised)", () => {
    for (const [insn, msr] of [["rdmsr", 0x277], ["wrmsr", 0x277], ["rdmsr", 0xc0000080], ["rdmsr", 0x12345], ["wrmsr", 0xfe], ["wrmsr", 0x17]] as const) {
      const { ev } = runFlat(`mov ecx, ${msr}\n${insn}\nhlt`);
      expect(ev, `${insn} ${msr.toString(16)}`).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
    }
  });

  it("RDMSR and WRMSR are #GP(0) at CPL 3", () => {
    for (const insn of ["rdmsr", "wrmsr"]) {
      const { ev } = runFlat(`mov ecx, 0x10\n${insn}\nhlt`, (m) => {
        m.cpu.s[S_CPL] = 3;
      });
      expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
    }
  });
});

describe.skipIf(!haveNasm)("the time-stamp counter", () => {
  it("RDTSC and RDMSR 0x10 read one counter that advances one per retired instruction", () => {
    const { m } = runFlat("rdtsc\nmov ebx, eax\nmov ecx, 0x10\nrdmsr\nmov esi, eax\nrdtsc\nhlt");
    const s = m.cpu.s;
    // rdtsc at #0, rdmsr at #3, the last rdtsc at #5
    expect([s[EBX], s[ESI], s[EAX]]).toEqual([0, 3, 5]);
  });

  it("WRMSR 0x10 sets it (64-bit, with carries), and it keeps counting from there", () => {
    const { m } = runFlat(
      ["mov ecx, 0x10", "mov eax, 0xfffffffe", "mov edx, 0x41", "wrmsr", "rdtsc", "mov esi, eax", "mov edi, edx", "rdtsc", "mov ebp, edx", "hlt"].join("\n"),
    );
    const s = m.cpu.s;
    // WRMSR is instruction #3 (value at #3 = 0x41_fffffffe); RDTSC #4 reads +1, RDTSC #7 reads +4.
    expect([s[ESI]! >>> 0, s[EDI]]).toEqual([0xffffffff, 0x41]);
    expect([s[EAX], s[EBP]]).toEqual([2, 0x42]);
    expect(s[EBX]).toBe(0);
    expect(s[ECX]).toBe(0x10);
  });

  it("CR4.TSD makes RDTSC #GP(0) at CPL 3", () => {
    const { ev } = runFlat("rdtsc\nhlt", (m) => {
      m.cpu.s[S_CR4] = 4;
      m.cpu.s[S_CPL] = 3;
    });
    expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
  });
});
