/**
 * Descriptor and machine-status instructions (SDM Vol. 2 "LAR", "LSL", "VERR/VERW", "ARPL",
 * "LTR", "LLDT", "STR", "SLDT", "SGDT", "SIDT", "LGDT/LIDT", "SMSW", "LMSW", "CLTS"), assembled by
 * nasm and run by the interpreter over a GDT built in guest memory. Expectations are the manual's
 * Operation sections and its table of descriptor types valid for LAR and LSL. (User-level LAR/LSL/
 * VERR/VERW/ARPL results are also compared with the host CPU by the conformance suite.)
 */
import { describe, expect, it } from "vitest";
import type { Machine } from "../src/machine";
import { VEC_GP, VEC_NP, VEC_UD } from "../src/cpu/exceptions";
import { readEflags } from "../src/cpu/flags";
import {
  CR0_PE,
  CR0_TS,
  EAX,
  EBX,
  ECX,
  EDX,
  S_CR0,
  S_GDTR_BASE,
  S_GDTR_LIMIT,
  S_IDTR_BASE,
  S_IDTR_LIMIT,
  S_LDTR_BASE,
  S_LDTR_LIMIT,
  S_LDTR_SEL,
  S_TR_ATTR,
  S_TR_BASE,
  S_TR_LIMIT,
  S_TR_SEL,
} from "../src/cpu/state";
import { ACC_CODE32, ACC_DATA32, ACC_LDT, ACC_TSS32, Gdt, mem } from "./support/descriptors";
import { type CodeRun, haveNasm, runFlat } from "./support/flat-run";

const ZF = 1 << 6;

/** A CPL-0 flat machine with a 32-entry GDT at 0x10000 (0x08 code, 0x10 data); `setup` adds entries. */
function run(source: string, setup?: (gdt: Gdt, m: Machine) => void): CodeRun & { m: Machine; gdt: Gdt } {
  let gdt: Gdt | undefined;
  const r = runFlat(
    source,
    (m) => {
      gdt = new Gdt(m, 0x10000, 32);
      gdt.set(1, 0, 0xfffff, ACC_CODE32, 0xc);
      gdt.set(2, 0, 0xfffff, ACC_DATA32, 0xc);
      setup?.(gdt, m);
    },
    { memoryBytes: 16 << 20 },
  );
  return { ...r, gdt: gdt! };
}

describe.skipIf(!haveNasm)("LAR and LSL: the descriptor types each accepts", () => {
  // SDM "LAR": valid system types 1, 2, 3, 4, 5, 9, B, C (TSSs, LDT, call gates, task gate);
  // "LSL": 1, 2, 3, 9, B (no gates: they have no limit). Other types (0, 6, 7, 8, A, D, E, F) fail.
  const LAR_OK = new Set([1, 2, 3, 4, 5, 9, 0xb, 0xc]);
  const LSL_OK = new Set([1, 2, 3, 9, 0xb]);
  for (let type = 0; type < 16; type++) {
    it(`system type ${type.toString(16)}: LAR ${LAR_OK.has(type) ? "valid" : "invalid"}, LSL ${LSL_OK.has(type) ? "valid" : "invalid"}`, () => {
      const r = run("mov ebx, -1\nmov edx, -1\nmov eax, 0x18\nlar ebx, eax\npushfd\npop esi\nlsl edx, eax\npushfd\npop edi\nhlt", (gdt) => {
        gdt.set(3, 0x123456, 0x4321, 0x80 | type, 0);
      });
      const s = r.m.cpu.s;
      expect((s[6]! & ZF) !== 0, "LAR ZF").toBe(LAR_OK.has(type));
      expect((s[7]! & ZF) !== 0, "LSL ZF").toBe(LSL_OK.has(type));
      expect(s[EBX]).toBe(LAR_OK.has(type) ? (0x80 | type) << 8 : -1);
      expect(s[EDX]).toBe(LSL_OK.has(type) ? 0x4321 : -1);
    });
  }

  it("privilege: DPL < CPL or DPL < RPL fails, except for conforming code; LSL scales a page-granular limit", () => {
    const r = run(
      [
        "mov eax, 0x1b", "lar ebx, eax", "pushfd", "pop esi", // data DPL 0 with RPL 3: fails
        "mov eax, 0x23", "lar ecx, eax", "pushfd", "pop edi", // conforming code DPL 0, RPL 3: ok
        "mov eax, 0x28", "lsl edx, eax", // G = 1, limit 0x12 pages
        "hlt",
      ].join("\n"),
      (gdt) => {
        gdt.set(3, 0, 0xfffff, ACC_DATA32, 0xc);
        gdt.set(4, 0, 0xfffff, 0x9e, 0xc); // conforming readable code
        gdt.set(5, 0, 0x12, ACC_DATA32, 0x8);
      },
    );
    const s = r.m.cpu.s;
    expect(s[6]! & ZF).toBe(0);
    expect(s[7]! & ZF).toBe(ZF);
    expect(s[ECX]).toBe(0x00cf9e00);
    expect(s[EDX]).toBe(0x12fff);
  });

  it("a null selector or one beyond the GDT limit clears ZF and leaves the destination", () => {
    const r = run("mov ebx, 7\nxor eax, eax\nlar ebx, eax\nmov eax, 0x1f8\nlsl ebx, eax\npushfd\npop esi\nhlt");
    expect(r.m.cpu.s[EBX]).toBe(7);
    expect(r.m.cpu.s[6]! & ZF).toBe(0);
  });
});

describe.skipIf(!haveNasm)("VERR and VERW", () => {
  function verify(access: number, sel: number): [boolean, boolean] {
    const r = run(`mov eax, ${sel}\nverr ax\npushfd\npop esi\nverw ax\npushfd\npop edi\nhlt`, (gdt) => {
      gdt.set(3, 0, 0xfffff, access, 0xc);
    });
    return [(r.m.cpu.s[6]! & ZF) !== 0, (r.m.cpu.s[7]! & ZF) !== 0];
  }
  it("writable data: readable and writable; read-only data: readable only", () => {
    expect(verify(0x92, 0x18)).toEqual([true, true]);
    expect(verify(0x90, 0x18)).toEqual([true, false]);
  });
  it("code: readable only if the R bit is set, never writable", () => {
    expect(verify(0x9a, 0x18)).toEqual([true, false]);
    expect(verify(0x98, 0x18)).toEqual([false, false]);
  });
  it("DPL below RPL fails both, except VERR of conforming readable code", () => {
    expect(verify(0x92, 0x1b)).toEqual([false, false]);
    expect(verify(0x9e, 0x1b)).toEqual([true, false]);
  });
  it("system descriptors never verify", () => {
    expect(verify(0x89, 0x18)).toEqual([false, false]);
  });
});

describe.skipIf(!haveNasm)("ARPL", () => {
  it("raises the destination RPL to the source's (ZF = 1), else ZF = 0 and no change", () => {
    const r = run("mov ax, 0x10\nmov bx, 0x13\narpl ax, bx\npushfd\npop esi\narpl bx, ax\npushfd\npop edi\nhlt");
    const s = r.m.cpu.s;
    expect(s[EAX]! & 0xffff).toBe(0x13);
    expect(s[6]! & ZF).toBe(ZF);
    expect(s[7]! & ZF).toBe(0);
  });

  it("is #UD in real-address mode", () => {
    const r = run("arpl ax, bx\nhlt", (_gdt, m) => {
      m.cpu.s[S_CR0] = m.cpu.s[S_CR0]! & ~CR0_PE;
    });
    expect(r.ev).toEqual({ vector: VEC_UD, errorCode: -1, eip: 0x1000 });
  });
});

describe.skipIf(!haveNasm)("LTR, STR, LLDT, SLDT", () => {
  it("LTR loads TR and marks the TSS busy in the GDT; STR reads the selector, zero-extended into r32", () => {
    const r = run("mov eax, 0x18\nltr ax\nmov ebx, -1\nstr ebx\nhlt", (gdt) => {
      gdt.set(3, 0x20000, 0x67, ACC_TSS32, 0);
    });
    const s = r.m.cpu.s;
    expect(r.stop).toBe("halt");
    expect(r.gdt.access(3)).toBe(0x8b);
    expect([s[S_TR_SEL], s[S_TR_BASE], s[S_TR_LIMIT], s[S_TR_ATTR]! & 0xff]).toEqual([0x18, 0x20000, 0x67, 0x8b]);
    expect(s[EBX]).toBe(0x18);
  });

  it("LTR of a busy TSS or a non-TSS descriptor is #GP(selector); not present is #NP(selector); null is #GP(0)", () => {
    const setup = (gdt: Gdt): void => {
      gdt.set(3, 0x20000, 0x67, ACC_TSS32 | 2, 0);
      gdt.set(4, 0x20000, 0x67, ACC_TSS32 & 0x7f, 0);
    };
    expect(run("mov eax, 0x18\nltr ax\nhlt", setup).ev).toEqual({ vector: VEC_GP, errorCode: 0x18, eip: 0x1005 });
    expect(run("mov eax, 0x10\nltr ax\nhlt", setup).ev).toEqual({ vector: VEC_GP, errorCode: 0x10, eip: 0x1005 });
    expect(run("mov eax, 0x20\nltr ax\nhlt", setup).ev).toEqual({ vector: VEC_NP, errorCode: 0x20, eip: 0x1005 });
    expect(run("mov eax, 0x3\nltr ax\nhlt", setup).ev).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1005 });
  });

  it("LLDT loads LDTR from an LDT descriptor; a null selector empties it; SLDT reads it back", () => {
    const r = run("mov eax, 0x18\nlldt ax\nsldt ebx\nxor eax, eax\nlldt ax\nhlt", (gdt) => {
      gdt.set(3, 0x30000, 0x3f, ACC_LDT, 0);
    });
    const s = r.m.cpu.s;
    expect(s[EBX]).toBe(0x18);
    expect([s[S_LDTR_SEL], s[S_LDTR_LIMIT]]).toEqual([0, 0]);
    const loaded = run("mov eax, 0x18\nlldt ax\nhlt", (gdt) => gdt.set(3, 0x30000, 0x3f, ACC_LDT, 0));
    expect([loaded.m.cpu.s[S_LDTR_BASE], loaded.m.cpu.s[S_LDTR_LIMIT]]).toEqual([0x30000, 0x3f]);
    expect(run("mov eax, 0x10\nlldt ax\nhlt").ev).toEqual({ vector: VEC_GP, errorCode: 0x10, eip: 0x1005 });
  });

  it("LTR, LLDT, LGDT, LIDT, LMSW and CLTS are #GP(0) at CPL 3; STR and SLDT are #UD in real mode", () => {
    for (const insn of ["ltr ax", "lldt ax", "lgdt [0x4000]", "lidt [0x4000]", "lmsw ax", "clts"]) {
      const r = run(`${insn}\nhlt`, (_gdt, m) => {
        m.cpu.s[42] = 3; // S_CPL
      });
      expect(r.ev, insn).toEqual({ vector: VEC_GP, errorCode: 0, eip: 0x1000 });
    }
    for (const insn of ["str ax", "sldt ax", "lar eax, ebx", "verr ax"]) {
      const r = run(`${insn}\nhlt`, (_gdt, m) => {
        m.cpu.s[S_CR0] = m.cpu.s[S_CR0]! & ~CR0_PE;
      });
      expect(r.ev, insn).toEqual({ vector: VEC_UD, errorCode: -1, eip: 0x1000 });
    }
  });
});

describe.skipIf(!haveNasm)("SGDT, SIDT, LGDT, LIDT", () => {
  it("round-trip the 6-byte pseudo-descriptor; a 16-bit operand size keeps 24 bits of the base", () => {
    const r = run(
      [
        "mov dword [0x4000], 0x5678ffff", "mov word [0x4004], 0x1234", // limit 0xffff, base 0x12345678
        "lidt [0x4000]", "sidt [0x4010]",
        "o16 lgdt [0x4000]", "sgdt [0x4020]", "o16 sgdt [0x4030]",
        "hlt",
      ].join("\n"),
    );
    const s = r.m.cpu.s;
    const g = mem(r.m);
    expect([s[S_IDTR_BASE], s[S_IDTR_LIMIT]]).toEqual([0x12345678, 0xffff]);
    expect([g.read16(0x4010), g.read32(0x4012)]).toEqual([0xffff, 0x12345678]);
    expect([s[S_GDTR_BASE], s[S_GDTR_LIMIT]]).toEqual([0x345678, 0xffff]);
    expect(g.read32(0x4022)).toBe(0x345678);
    expect(g.read32(0x4032)).toBe(0x345678);
  });
});

describe.skipIf(!haveNasm)("SMSW, LMSW, CLTS", () => {
  it("SMSW r32 stores all of CR0 (P6); SMSW m16 stores its low word", () => {
    const r = run("mov eax, cr0\nor eax, 0x60000000\nmov cr0, eax\nsmsw ebx\nsmsw [0x4000]\nhlt");
    expect(r.m.cpu.s[EBX]! >>> 0).toBe(0x60000011);
    expect(mem(r.m).read16(0x4000)).toBe(0x0011);
  });

  it("LMSW loads MP, EM, TS and can set PE but not clear it; CLTS clears TS", () => {
    const r = run("mov eax, 0xe\nlmsw ax\nmov ebx, cr0\nclts\nmov ecx, cr0\nxor eax, eax\nlmsw ax\nmov edx, cr0\nhlt");
    const s = r.m.cpu.s;
    expect(s[EBX]! & 0xf).toBe(0xf);
    expect(s[ECX]! & CR0_TS).toBe(0);
    expect(s[EDX]! & 0xf).toBe(1);
    expect(readEflags(s) & 0).toBe(0);
  });
});
