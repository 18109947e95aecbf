/**
 * Privilege transitions run as guest code (assembled by nasm) through the interpreter with the
 * GDT, TSS and IDT in guest memory: IRET to ring 3, interrupt/trap gates from ring 3 with the
 * TSS stack switch (SDM Vol. 3 §6.12.1, Figure 6-4), the gate-DPL check for INT n (§6.12.1.1),
 * call gates with parameter copy and RETF imm16 back (§5.8.5, Figure 5-13), data segments
 * nulled on the return to an outer level (Vol. 2 "RET"/"IRET"), the IOPL rules of POPF/CLI
 * (Vol. 2 "POPF", "CLI"), the EXT bit (§6.13), double and triple faults (§6.15, Table 6-5).
 */
import { describe, expect, it } from "vitest";
import { CS, DS, ES, ESP, S_CPL, S_EIP, S_SEL, SS } from "../src/cpu/state";
import { haveNasm, KSTACK, RESULTS, runWorld } from "./support/pmode-asm";

describe.skipIf(!haveNasm)("ring 3 and back through gates", () => {
  it("INT n through a DPL 3 interrupt gate: stack switch to SS0:ESP0, frame SS ESP EFLAGS CS EIP, IF cleared", () => {
    const w = runWorld(`
main:
  GATE 0x40, handler, 0xEE
  TO_RING3 user, 0x7000
user:
  mov ebx, 0x1234
  int 0x40
after_int:
  jmp $
handler:
  mov [${RESULTS}], esp
  mov ax, ss
  mov [${RESULTS} + 4], ax
  mov ax, cs
  mov [${RESULTS} + 6], ax
  pushfd
  pop dword [${RESULTS} + 8]
  mov eax, [esp]
  mov [${RESULTS} + 12], eax
  mov eax, after_int
  mov [${RESULTS} + 16], eax
  hlt
`);
    expect(w.stop).toBe("halt");
    // Five dwords below ESP0 (no error code for INT n).
    expect(w.r32(RESULTS)).toBe(KSTACK - 20);
    expect(w.r32(RESULTS + 4) & 0xffff).toBe(0x10);
    expect(w.r32(RESULTS + 4) >>> 16).toBe(0x08);
    expect(w.r32(RESULTS + 8) & 0x200).toBe(0); // interrupt gate: IF = 0
    expect(w.r32(RESULTS + 12)).toBe(w.r32(RESULTS + 16)); // saved EIP = the next instruction
    expect([w.r32(KSTACK - 16), w.r32(KSTACK - 8), w.r32(KSTACK - 4)]).toEqual([0x1b, 0x7000, 0x23]);
    expect(w.r32(KSTACK - 12) & 0x200).toBe(0x200); // the saved EFLAGS keeps IF
  });

  it("a trap gate keeps IF; IRET returns to ring 3 with SS:ESP popped and DPL 0 data segments nulled", () => {
    const w = runWorld(`
main:
  GATE 0x41, trap, 0xEF
  GATE 0x42, done, 0xEE
  TO_RING3 user, 0x7000
user:
  int 0x41
  mov ax, ds
  mov bx, es
  mov cx, ss
  mov edx, esp
  int 0x42
trap:
  pushfd
  pop dword [${RESULTS}]
  iretd
done:
  hlt
`);
    expect(w.stop).toBe("halt");
    expect(w.r32(RESULTS) & 0x200).toBe(0x200);
    const s = w.m.cpu.s;
    // DS and ES held the DPL 0 selector 0x10 at the IRET to CPL 3: they became null.
    expect([s[0]! & 0xffff, s[3]! & 0xffff]).toEqual([0, 0]);
    expect(s[1]! & 0xffff).toBe(0x23);
    expect(s[2]).toBe(0x7000);
  });

  it("INT n through a DPL 0 gate from ring 3 is #GP(vector * 8 + 2), delivered on the ring 0 stack", () => {
    const w = runWorld(`
main:
  GATE 0x42, never, 0x8E
  GATE 13, gp, 0x8E
  TO_RING3 user, 0x7000
user:
  int 0x42
never:
  hlt
gp:
  pop eax
  mov ebx, [esp]
  mov ecx, user
  hlt
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    expect(s[0]).toBe(0x42 * 8 + 2);
    expect(s[3]).toBe(s[1]); // a fault: saved EIP is the INT instruction
    expect(s[S_CPL]).toBe(0);
  });

  it("a 16-bit interrupt gate pushes a 16-bit frame (FLAGS, CS, IP) and IRET with a 16-bit operand returns", () => {
    const w = runWorld(`
main:
  GATE 0x44, handler16, 0x86
  mov edi, esp
  int 0x44
back:
  mov esi, esp
  hlt
handler16:
  mov eax, esp
  movzx ebx, word [esp]
  movzx ecx, word [esp + 2]
  movzx edx, word [esp + 4]
  mov ebp, back
  o16 iret
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    expect(s[0]).toBe(s[7]! - 6);
    expect([s[3], s[1]]).toEqual([s[5], 0x08]);
    expect(s[2]! & 0x2).toBe(0x2);
    expect(s[6]).toBe(s[7]); // IRET popped the 6 bytes
  });

  it("a 16-bit TSS supplies SS0:SP0 at offsets 4 and 2 for the stack switch", () => {
    const w = runWorld(`
main:
  mov dword [ABS(gdt) + 0x40], 0x2000002B
  mov dword [ABS(gdt) + 0x44], 0x00008102
  mov word [0x22002], 0x8800
  mov word [0x22004], 0x10
  mov ax, 0x40
  ltr ax
  GATE 0x40, handler, 0xEE
  TO_RING3 user, 0x7000
user:
  int 0x40
handler:
  mov eax, esp
  mov bx, ss
  hlt
`);
    expect(w.stop).toBe("halt");
    expect(w.m.cpu.s[0]).toBe(0x8800 - 20);
    expect(w.m.cpu.s[3]! & 0xffff).toBe(0x10);
  });

  it("CALL through a call gate to ring 0 copies the parameter count of dwords; RETF imm16 returns to ring 3", () => {
    const w = runWorld(`
main:
  GATE 0x42, done, 0xEE
  TO_RING3 user, 0x7000
user:
  push 0x1111
  push 0x2222
  call 0x33:0
ret_here:
  mov esi, esp
  int 0x42
callgate_target:
  mov eax, [esp]
  mov [${RESULTS}], eax
  mov eax, [esp + 4]
  mov [${RESULTS} + 4], eax
  mov eax, [esp + 8]
  mov [${RESULTS} + 8], eax
  mov eax, [esp + 12]
  mov [${RESULTS} + 12], eax
  mov eax, [esp + 16]
  mov [${RESULTS} + 16], eax
  mov eax, [esp + 20]
  mov [${RESULTS} + 20], eax
  mov [${RESULTS} + 24], esp
  mov eax, ret_here
  mov [${RESULTS} + 28], eax
  retf 8
done:
  hlt
`);
    expect(w.stop).toBe("halt");
    const r = (k: number) => w.r32(RESULTS + 4 * k);
    // Figure 5-13: new stack = old SS, old ESP, parameters (in their order), CS, EIP.
    expect([r(0), r(1), r(2), r(3), r(4), r(5)]).toEqual([r(7), 0x1b, 0x2222, 0x1111, 0x7000 - 8, 0x23]);
    expect(r(6)).toBe(KSTACK - 24);
    // RETF 8 released the two parameters on the caller's stack too.
    expect(w.m.cpu.s[6]).toBe(0x7000);
  });

  it("POPF at CPL 3 with IOPL 0 keeps IF and IOPL silently; CLI is #GP(0)", () => {
    const w = runWorld(`
main:
  GATE 13, gp, 0x8E
  TO_RING3 user, 0x7000
user:
  push 0x3001
  popfd
  pushfd
  pop esi
cli_here:
  cli
gp:
  pop edi
  mov ebx, [esp]
  mov ecx, cli_here
  hlt
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    expect(s[6]! & 0x3201).toBe(0x201); // CF taken, IF kept at 1, IOPL stays 0
    expect(s[7]).toBe(0);
    expect(s[3]).toBe(s[1]);
  });
});

describe.skipIf(!haveNasm)("double and triple faults", () => {
  it("#NP while delivering #NP (contributory + contributory) becomes #DF(0)", () => {
    const w = runWorld(`
main:
  GATE 8, df, 0x8E
  GATE 0x41, df, 0x0E
  GATE 11, df, 0x0E
  int 0x41
df:
  pop eax
  hlt
`);
    expect(w.stop).toBe("halt");
    expect(w.m.cpu.s[0]).toBe(0);
    expect(w.m.cpu.excCounts[8]).toBe(1);
  });

  it("a fault while delivering an exception carries EXT: #UD through a not-present gate is #NP(6 * 8 + 2 + 1)", () => {
    const w = runWorld(`
main:
  GATE 11, np, 0x8E
  GATE 6, np, 0x0E
  ud2
np:
  pop eax
  hlt
`);
    expect(w.stop).toBe("halt");
    expect(w.m.cpu.s[0]).toBe(6 * 8 + 2 + 1);
  });

  it("an IDT too short for any vector ends in a triple fault: the engine stops with 'shutdown'", () => {
    const w = runWorld(`
main:
  lidt [short_idtr]
  ud2
short_idtr: dw 0
  dd 0
`);
    expect(w.stop).toBe("shutdown");
    expect(w.m.cpu.shutdownReason).toMatch(/triple fault/);
  });

  it("a DPL 3 data segment into SS at CPL 0 is #GP(selector); MOV SS null is #GP(0)", () => {
    const w = runWorld(`
main:
  GATE 13, gp, 0x8E
  mov ax, 0x23
  mov ss, ax
gp:
  pop eax
  hlt
`);
    expect(w.m.cpu.s[0]).toBe(0x20);
    expect(w.m.cpu.s[S_SEL + SS]).toBe(0x10);
  });

  it("MOV DS, not-present segment is #NP(selector); beyond the GDT limit #GP(selector)", () => {
    const np = runWorld(`
main:
  GATE 11, f, 0x8E
  mov ax, 0x40
  mov ds, ax
f:
  pop eax
  hlt
`);
    expect(np.m.cpu.s[0]).toBe(0x40);
    const lim = runWorld(`
main:
  GATE 13, f, 0x8E
  mov ax, 0x100
  mov es, ax
f:
  pop eax
  hlt
`);
    expect(lim.m.cpu.s[0]).toBe(0x100);
    expect(lim.m.cpu.s[S_SEL + ES]).toBe(0x10);
    expect(lim.m.cpu.s[S_SEL + DS]).toBe(0x10);
    expect(lim.m.cpu.s[S_SEL + CS]).toBe(0x08);
    expect(lim.m.cpu.s[S_EIP]).toBeGreaterThan(0x1000);
    expect(lim.m.cpu.s[ESP]).toBe(0x8000 - 12);
  });
});
