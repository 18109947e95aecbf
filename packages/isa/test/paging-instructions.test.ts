/**
 * MOV to/from CRn, INVLPG, WBINVD and INVD as instructions (SDM Vol. 2 "MOV—Move to/from Control
 * Registers", "INVLPG", "WBINVD", "INVD"; Vol. 3 §2.5, §4.10.4), assembled by nasm (the encoding
 * reference) and run by the interpreter with every exception delivered to the host. Expected
 * results follow the manual's Operation and Protected Mode Exceptions sections, quoted per test.
 */
import { describe, expect, it } from "vitest";
import { EAX, EBP, EDI, ESI, S_CPL, S_CR2, S_EIP, VEC_GP, VEC_PF, VEC_UD } from "../src/index";
import { haveNasm, runFlat } from "./support/flat-run";

/** Runs `source` at 0x1000 in flat 32-bit protected mode at CPL 0 (or 3) until HLT or an exception. */
function run(source: string, cpl: 0 | 3 = 0, setup?: (ram: Uint8Array) => void): ReturnType<typeof runFlat> {
  return runFlat(source, setup && ((m) => setup(m.ram.u8)), { memoryBytes: 16 << 20, cpl, budget: 100000 });
}

describe.skipIf(!haveNasm)("MOV to/from CRn", () => {
  it("CR0: 'setting the PG flag when the PE flag is clear' is #GP(0)", () => {
    const { ev } = run("mov eax, 0x80000000\nmov cr0, eax\nhlt");
    expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
  });

  it("CR0: 'setting the NW flag when the CD flag is clear' is #GP(0)", () => {
    const { ev } = run("mov eax, 0x20000001\nmov cr0, eax\nhlt");
    expect(ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
  });

  it("CR0: CD and NW together are valid; ET is hard-wired to 1 on the P6 family (§2.5)", () => {
    const { stop, m } = run("mov eax, 0x60000001\nmov cr0, eax\nmov ebx, cr0\nmov eax, 1\nmov cr0, eax\nmov eax, cr0\nhlt");
    expect(stop).toBe("halt");
    expect([m.cpu.s[3]! >>> 0, m.cpu.s[EAX]]).toEqual([0x60000011, 0x11]);
  });

  it("CR4: the P6 bits (VME PVI TSD DE PSE PGE PCE) load; PAE and other bits this CPU lacks are #GP(0)", () => {
    const ok = run("mov eax, 0x19f\nmov cr4, eax\nmov ebx, cr4\nhlt");
    expect(ok.stop).toBe("halt");
    expect(ok.m.cpu.s[3]).toBe(0x19f);
    for (const bit of [5, 6, 9, 10, 11, 13]) {
      const { ev } = run(`mov eax, ${1 << bit}\nmov cr4, eax\nhlt`);
      expect(ev, `CR4 bit ${bit}`).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
    }
  });

  it("CR2 and CR3 read back what was written", () => {
    const { m } = run("mov eax, 0x12345678\nmov cr2, eax\nmov eax, 0x00abc018\nmov cr3, eax\nmov esi, cr2\nmov edi, cr3\nhlt");
    expect([m.cpu.s[ESI], m.cpu.s[EDI]]).toEqual([0x12345678, 0x00abc018]);
  });

  it("CR1, CR5-CR7, and CR8 (LOCK MOV CR0 on AMD parts only) are #UD", () => {
    for (const bytes of ["0x0f, 0x22, 0xc8", "0x0f, 0x20, 0xe8", "0x0f, 0x22, 0xf8", "0xf0, 0x0f, 0x22, 0xc0"]) {
      const { ev } = run(`db ${bytes}\nhlt`);
      expect(ev?.vector, bytes).toBe(VEC_UD);
    }
  });

  it("at CPL 3, MOV to and from CRn, INVLPG, WBINVD and INVD are #GP(0)", () => {
    for (const insn of ["mov cr0, eax", "mov eax, cr0", "mov cr3, eax", "mov eax, cr2", "mov cr4, eax", "invlpg [0x2000]", "wbinvd", "invd"]) {
      const { ev } = run(`${insn}\nhlt`, 3);
      expect(ev, insn).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
    }
  });

  it("WBINVD and INVD at CPL 0 complete (caches are not modelled: memory is coherent)", () => {
    expect(run("wbinvd\ninvd\nhlt").stop).toBe("halt");
  });
});

// Page directory at 0x20000, identity page table for 0-4 MiB at 0x21000, a page table for
// 4-8 MiB at 0x22000 whose entry 0 maps linear 0x400000 to frame A (0x30000) or B (0x31000).
const PAGING = `
  mov dword [0x20000], 0x21000 | 7
  mov dword [0x20004], 0x22000 | 7
  mov ecx, 0
.id:
  mov eax, ecx
  shl eax, 12
  or eax, 3
  mov [0x21000 + ecx*4], eax
  inc ecx
  cmp ecx, 1024
  jne .id
  mov dword [0x22000], 0x30000 | 3
  mov eax, 0x20000
  mov cr3, eax
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  jmp .paged
.paged:
`;

function codeFrames(ram: Uint8Array): void {
  ram.set([0xb8, 1, 0, 0, 0, 0xc3], 0x30000); // mov eax, 1; ret
  ram.set([0xb8, 2, 0, 0, 0, 0xc3], 0x31000); // mov eax, 2; ret
}

describe.skipIf(!haveNasm)("paging through the instructions", () => {
  it("code runs from the new frame after a remap and MOV to CR3, and after INVLPG (§4.10.4.1)", () => {
    const { stop, m } = run(
      `${PAGING}
  call 0x400000
  mov esi, eax
  mov dword [0x22000], 0x31000 | 3
  mov eax, cr3
  mov cr3, eax
  call 0x400000
  mov edi, eax
  mov dword [0x22000], 0x30000 | 3
  invlpg [0x400000]
  call 0x400000
  mov ebp, eax
  hlt`,
      0,
      codeFrames,
    );
    expect(stop).toBe("halt");
    expect([m.cpu.s[ESI], m.cpu.s[EDI], m.cpu.s[EBP]]).toEqual([1, 2, 1]);
    const c = m.engine.counters();
    expect(c["walk.mem_refs"]).toBeGreaterThan(0);
    // Two MOV to CR3 (the PG=0 one included) and the CR0.PG change flush; INVLPG does not count.
    expect(c["tlb.flush"]).toBeGreaterThanOrEqual(3);
    expect(c["tlb.hit"]).toBeUndefined(); // not counted unless asked for
    m.cpu.mmu.countTlbHits();
    m.cpu.mmu.read32(0x1000);
    m.cpu.mmu.read32(0x1004);
    expect(m.engine.counters()["tlb.hit"]).toBe(2);
  });

  it("an instruction fetch from a not-present page is #PF with error code 0, CR2 = EIP = the address (§4.7)", () => {
    const { ev, m } = run(`${PAGING}\n  call 0x401000\n  hlt`, 0, codeFrames);
    expect(ev).toEqual({ vector: VEC_PF, errorCode: 0, eip: 0x401000 });
    expect(m.cpu.s[S_CR2]).toBe(0x401000);
  });

  it("an instruction fetch sets A in the PTE of the code page, not D (§4.8)", () => {
    const { m } = run(`${PAGING}\n  call 0x400000\n  hlt`, 0, codeFrames);
    expect(m.ram.i32[0x22000 >> 2]! & 0x60).toBe(0x20);
  });

  it("code decoded at CPL 0 from a supervisor page does not run at CPL 3, even after its TLB entry was evicted (§4.6)", () => {
    // call 0x400000 decodes and runs "mov eax, 1; ret" with supervisor rights; the read of linear 0
    // takes the same direct-mapped TLB slot. At CPL 3 the fetch must fault: #PF, P = 1, U/S = 1.
    const { m, stop } = run(`${PAGING}\n  call 0x400000\n  mov eax, [0]\n  hlt`, 0, codeFrames);
    expect(stop).toBe("halt");
    const cpu = m.cpu;
    cpu.s[S_CPL] = 3;
    if (cpu.mmu.setUserMode(true)) cpu.flushDecoded = true;
    cpu.s[S_EIP] = 0x400000;
    let ev: { vector: number; errorCode: number } | null = null;
    m.engine.setHostHandler((e) => {
      ev = { vector: e.vector, errorCode: e.errorCode };
      return "stop";
    });
    m.engine.run(10);
    expect(ev).toEqual({ vector: VEC_PF, errorCode: 5 });
    expect(cpu.s[S_CR2]).toBe(0x400000);
  });
});
