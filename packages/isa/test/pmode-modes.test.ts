/**
 * Real mode, virtual-8086 mode and external interrupts, as guest code assembled by nasm:
 * the real-mode IVT (SDM Vol. 3 §20.1.4), unreal mode (a 4 GiB limit kept after CR0.PE is
 * cleared, as qemu keeps it), IRET to V86 and an interrupt from V86 to ring 0 (§20.2.1,
 * §20.3.1.1, Figure 20-5), IOPL-sensitive instructions in V86 (§20.2.7), and the INTR line with
 * the STI interrupt shadow and HLT (§6.8.3, Vol. 2 "STI", "HLT").
 */
import { describe, expect, it } from "vitest";
import { CS, DS, ES, FS, GS, S_CPL, S_HALTED, S_SEL } from "../src/cpu/state";
import type { InterruptController } from "../src/devices/irq";
import { haveNasm, RESULTS, runWorld } from "./support/pmode-asm";

describe.skipIf(!haveNasm)("real mode", () => {
  it("leaves protected mode through a 16-bit segment, INT n through the IVT, unreal GS, and back", () => {
    const w = runWorld(`
main:
  mov dword [0x100000], 0x1BADB002
  jmp 0x48:pm16
bits 16
pm16:
  mov ax, 0x38
  mov ds, ax
  mov es, ax
  mov ss, ax
  mov ax, 0x10
  mov gs, ax
  mov eax, cr0
  and eax, 0xFFFFFFFE
  mov cr0, eax
  jmp 0:real
real:
  xor ax, ax
  mov ds, ax
  mov ss, ax
  mov sp, 0x7000
  lidt [real_idtr]
  mov [${RESULTS}], cs
  mov word [0x55 * 4], int55
  mov word [0x55 * 4 + 2], 0
  mov ax, 0x0011
  sti
  int 0x55
  mov [${RESULTS} + 2], ax
  pushf
  pop word [${RESULTS} + 4]
  mov eax, [gs:dword 0x00100000]
  mov [${RESULTS} + 8], eax
  mov ax, 0x1234
  mov es, ax
  mov word [es:0x0010], 0xBEEF
  mov ax, 0x1235
  mov es, ax
  mov ax, [es:0]
  mov [${RESULTS} + 12], ax
  hlt
int55:
  pushf
  pop word [${RESULTS} + 6]
  add ax, ax
  add ax, 0x20
  iret
real_idtr: dw 0x3ff
  dd 0
bits 32
`);
    expect(w.stop).toBe("halt");
    const r16 = (o: number) => w.r32(RESULTS + o) & 0xffff;
    expect(r16(0)).toBe(0);
    expect(r16(2)).toBe(0x42);
    expect(r16(6) & 0x200).toBe(0); // IF cleared by the real-mode interrupt
    expect(r16(4) & 0x200).toBe(0x200); // and restored by IRET
    expect(w.r32(RESULTS + 8)).toBe(0x1badb002);
    expect(r16(12)).toBe(0xbeef);
  });
});

describe.skipIf(!haveNasm)("virtual-8086 mode", () => {
  const enterV86 = (ip: string, eflags: number) => `
  push 0
  push 0x1235
  push 0x0000
  push 0x1234
  push 0x0800
  push 0x1000
  push ${eflags}
  push 0
  push ${ip}
  iretd`;

  it("IRET with VM=1 enters V86 (segment*16 addressing); INT n at IOPL 3 leaves it for ring 0 with GS FS DS ES SS ESP EFLAGS CS EIP", () => {
    const w = runWorld(`
main:
  GATE 0x30, report, 0xEE
  ${enterV86("v86code", 0x23202)}
bits 16
v86code:
  mov word [es:0x0010], 0xBEEF
  mov bx, [fs:0]
  pushf
  pop cx
  mov dx, ss
  int 0x30
v86_after:
bits 32
report:
  mov [${RESULTS}], esp
  mov ax, ds
  mov [${RESULTS} + 4], ax
  mov ax, fs
  mov [${RESULTS} + 6], ax
  hlt
`);
    expect(w.stop).toBe("halt");
    const esp = w.r32(RESULTS);
    const frame = Array.from({ length: 9 }, (_, k) => w.r32(esp + 4 * k));
    // EIP, CS, EFLAGS, ESP, SS, ES, DS, FS, GS (Figure 20-5)
    expect(frame[1]).toBe(0);
    expect(frame[2]! & 0x20000).toBe(0x20000);
    expect(frame.slice(3)).toEqual([0x1000, 0x0800, 0x1234, 0, 0x1235, 0]);
    expect(w.r32(RESULTS + 4) & 0xffff).toBe(0); // DS null in the handler
    expect(w.r32(RESULTS + 4) >>> 16).toBe(0);
    const s = w.m.cpu.s;
    expect(s[3]! & 0xffff).toBe(0xbeef); // BX read 1235:0000 = 1234:0010
    expect(s[1]! & 0xffff).toBe(0x3202); // PUSHF in V86: IOPL 3, IF, no VM in the image
    expect(s[2]! & 0xffff).toBe(0x0800);
    expect(s[S_CPL]).toBe(0);
  });

  it("at IOPL 0, CLI in V86 is #GP(0) to ring 0 with the V86 frame", () => {
    const w = runWorld(`
main:
  GATE 13, gp, 0x8E
  ${enterV86("v86code", 0x20202)}
bits 16
v86code:
  nop
cli_at:
  cli
bits 32
gp:
  mov eax, [esp]
  mov ebx, [esp + 4]
  mov ecx, [esp + 8]
  mov edx, cli_at
  hlt
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    expect(s[0]).toBe(0); // error code
    expect(s[3]).toBe(s[2]); // saved EIP: the CLI (CS = 0)
    expect(s[1]).toBe(0); // saved CS
    for (const seg of [DS, ES, FS, GS]) expect(s[S_SEL + seg]).toBe(0);
    expect(s[S_SEL + CS]).toBe(0x08);
  });
});

describe.skipIf(!haveNasm)("virtual-8086 mode extensions (CR4.VME)", () => {
  it("IOPL 0: CLI/STI/PUSHF act on VIF, INT n with a clear redirection bit goes to the 8086 handler (method 6), a set bit is #GP(0) (method 3)", () => {
    const w = runWorld(`
main:
  GATE 13, gp, 0x8E
  mov eax, cr4
  or eax, 1
  mov cr4, eax
  mov word [${0x20000 + 0x66}], 0x88
  mov byte [${0x20000 + 0x68} + 0x31 / 8], 1 << (0x31 % 8)
  mov word [0x40 * 4], handler8086
  mov word [0x40 * 4 + 2], 0
  push 0
  push 0
  push 0
  push 0
  push 0x0800
  push 0x1000
  push 0x20202
  push 0
  push v86code
  iretd
bits 16
v86code:
  cli
  pushf
  pop dx
  sti
  pushf
  pop ax
  int 0x40
  pushf
  pop cx
int31_at:
  int 0x31
handler8086:
  pushf
  pop bx
  iret
bits 32
gp:
  mov [ss:${RESULTS}], ax
  mov [ss:${RESULTS} + 2], bx
  mov [ss:${RESULTS} + 4], cx
  mov [ss:${RESULTS} + 6], dx
  pop edi
  mov esi, [esp]
  mov ebp, [esp + 8]
  mov eax, [esp + 4]
  mov edx, int31_at
  hlt
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    const r16 = (o: number) => w.r32(RESULTS + o) & 0xffff;
    // PUSHF images show IF = VIF and IOPL = 3 (§20.4.3).
    expect(r16(6) & 0x3200).toBe(0x3000); // after CLI: VIF = 0
    expect(r16(0) & 0x3200).toBe(0x3200); // after STI: VIF = 1
    expect(r16(2) & 0x3200).toBe(0x3000); // in the 8086 handler: the redirection cleared VIF
    expect(r16(4) & 0x3200).toBe(0x3200); // its IRET loaded VIF from the pushed IF
    expect(s[7]).toBe(0); // #GP(0)
    expect(s[6]).toBe(s[2]); // at INT 0x31: its redirection bit is set and IOPL < 3
    expect(s[0]).toBe(0); // saved CS
    const saved = s[5]! >>> 0;
    expect(saved & 0x20000).toBe(0x20000); // VM
    expect(saved & 0x80000).toBe(0x80000); // VIF
    expect(saved & 0x200).toBe(0x200); // the real IF never changed
    expect(saved & 0x3000).toBe(0); // IOPL 0
  });
});

describe.skipIf(!haveNasm)("interrupt shadow and single-step", () => {
  it("MOV SS holds the single-step #DB off until the next instruction has run", () => {
    const w = runWorld(`
main:
  GATE 1, db, 0x8E
  mov ax, 0x10
  pushfd
  or dword [esp], 0x100
  popfd
  mov ss, ax
  nop
after_nop:
  nop
db:
  mov ebx, [esp]
  mov ecx, after_nop
  hlt
`);
    expect(w.stop).toBe("halt");
    const s = w.m.cpu.s;
    // POPF sets TF: the first trap is after MOV SS's successor, not after MOV SS.
    expect(s[3]).toBe(s[1]);
  });
});

/** A test interrupt controller: INTR is `pending`; INTA returns `vector` and drops the request. */
class Line implements InterruptController {
  pending = false;
  acks = 0;
  constructor(readonly vector: number) {}
  get intr(): boolean {
    return this.pending;
  }
  acknowledge(): number {
    this.pending = false;
    this.acks++;
    return this.vector;
  }
}

describe.skipIf(!haveNasm)("external interrupts", () => {
  it("STI: a pending interrupt is taken after the instruction that follows STI, not before", () => {
    const line = new Line(0x20);
    const w = runWorld(
      `
main:
  GATE 0x20, irq, 0x8E
  xor eax, eax
  xor ebx, ebx
  sti
  mov eax, 1
  mov ebx, 2
  hlt
irq:
  mov [${RESULTS}], eax
  mov [${RESULTS} + 4], ebx
  hlt
`,
      100000,
      (m) => {
        m.cpu.interruptController = line;
        line.pending = true;
      },
    );
    expect(w.stop).toBe("halt");
    expect([w.r32(RESULTS), w.r32(RESULTS + 4)]).toEqual([1, 0]);
    expect(line.acks).toBe(1);
  });

  it("HLT with IF=1 stays halted until INTR rises; the interrupt returns after HLT", () => {
    const line = new Line(0x21);
    const w = runWorld(
      `
main:
  GATE 0x21, irq, 0x8E
  sti
  hlt
  mov ecx, 5
  cli
  hlt
irq:
  inc dword [${RESULTS}]
  iretd
`,
      100000,
      (m) => {
        m.cpu.interruptController = line;
      },
    );
    const m = w.m;
    expect(w.stop).toBe("halt");
    expect(m.cpu.s[S_HALTED]).toBe(1);
    // Still halted: nothing pending.
    expect(m.engine.run(1000)).toBe("halt");
    expect(w.r32(RESULTS)).toBe(0);
    line.pending = true;
    // Woken: the handler runs, IRET returns after HLT, then CLI; HLT halts for good.
    expect(m.engine.run(1000)).toBe("halt");
    expect(w.r32(RESULTS)).toBe(1);
    expect(m.cpu.s[1]).toBe(5);
  });

  it("an OUT that raises INTR is followed at once by the interrupt (the block ends after the OUT)", () => {
    const line = new Line(0x23);
    const w = runWorld(
      `
main:
  GATE 0x23, irq, 0x8E
  xor eax, eax
  sti
  nop
  out 0x80, al
  mov eax, 1
  mov ebx, 2
  hlt
irq:
  mov [${RESULTS}], eax
  hlt
`,
      100000,
      (m) => {
        m.cpu.interruptController = line;
        m.cpu.ports = { read: () => 0xff, write: () => void (line.pending = true) };
      },
    );
    expect(w.stop).toBe("halt");
    expect(w.r32(RESULTS)).toBe(0);
    expect(line.acks).toBe(1);
  });

  it("an external interrupt at CPL 3 ignores the gate's DPL (only INT n checks it) and switches to ring 0", () => {
    const line = new Line(0x24);
    const w = runWorld(
      `
main:
  GATE 0x24, irq, 0x8E
  TO_RING3 user, 0x7000
user:
  mov ecx, 1000
spin:
  dec ecx
  jnz spin
  jmp $
irq:
  mov ax, cs
  mov bx, [esp + 4]
  mov edx, esp
  hlt
`,
      100000,
      (m) => {
        m.cpu.interruptController = line;
      },
    );
    expect(w.stop).toBe("budget");
    line.pending = true;
    expect(w.m.engine.run(1000)).toBe("halt");
    const s = w.m.cpu.s;
    expect([s[0]! & 0xffff, s[3]! & 0xffff, s[2]]).toEqual([0x08, 0x1b, 0x9000 - 20]);
  });

  it("NMI is taken with IF=0 and blocks further NMIs until the next IRET", () => {
    const w = runWorld(
      `
main:
  GATE 2, nmi, 0x8E
  mov ecx, 50
spin:
  dec ecx
  jnz spin
  hlt
nmi:
  inc dword [${RESULTS}]
  mov [${RESULTS} + 4], ecx
  mov ebx, 20
busy:
  dec ebx
  jnz busy
  iretd
`,
      20,
    );
    const m = w.m;
    expect(w.stop).toBe("budget");
    m.cpu.nmiPending = true;
    expect(m.engine.run(10)).toBe("budget");
    expect(w.r32(RESULTS)).toBe(1);
    m.cpu.nmiPending = true; // a second NMI while the handler runs stays latched until its IRET
    expect(m.engine.run(10)).toBe("budget");
    expect(w.r32(RESULTS)).toBe(1);
    expect(m.engine.run(100000)).toBe("halt");
    expect(w.r32(RESULTS)).toBe(2);
    expect(m.cpu.nmiPending).toBe(false);
  });

  it("INTR is ignored while IF=0", () => {
    const line = new Line(0x22);
    const w = runWorld(
      `
main:
  mov ecx, 100
spin:
  dec ecx
  jnz spin
  hlt
`,
      100000,
      (m) => {
        m.cpu.interruptController = line;
        line.pending = true;
      },
    );
    expect(w.stop).toBe("halt");
    expect(line.acks).toBe(0);
  });
});
