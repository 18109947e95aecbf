/**
 * The Engine contract of the interpreter, checked against independent references: instruction
 * addresses from objdump, label addresses from nm, signals from native runs. Budget exactness,
 * precise fault EIPs, breakpoints, class interposition, self-modifying code, determinism.
 */
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { runElf } from "../bench/linux-shim";
import { buildElf, haveTools, readElf, runNative } from "./support/native-cases";
import { createUserMachine, EAX, PTE_U, PTE_W, S_EIP } from "../src/index";

/** Instruction addresses of the .text section, per objdump -d. */
function objdumpAddresses(elf: string): number[] {
  const r = spawnSync("objdump", ["-d", "-M", "intel", elf], { encoding: "utf8" });
  return r.stdout
    .split("\n")
    .map((l) => /^\s+([0-9a-f]+):\t/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => parseInt(m[1]!, 16));
}

function symbol(elf: string, name: string): number {
  const r = spawnSync("nm", [elf], { encoding: "utf8" });
  const line = r.stdout.split("\n").find((l) => l.endsWith(` ${name}`));
  if (line === undefined) throw new Error(`no symbol ${name}`);
  return parseInt(line.split(" ")[0]!, 16);
}

const STRAIGHT = `bits 32
global _start
section .text
_start:
  mov eax, 7
  add eax, 0x11223344
  lea ebx, [eax*2+3]
  jmp short .n
.n:
  xor ecx, ecx
  inc ecx
  shl ebx, cl
  cmp ebx, eax
  ja .skip
  nop
.skip:
  push ebx
  pop edx
  mov eax, 1
  xor ebx, ebx
  int 0x80
`;

describe.skipIf(!haveTools())("Engine contract", () => {
  it("run(1) steps exactly one instruction: EIP follows objdump's instruction addresses", () => {
    const elf = buildElf(STRAIGHT, "straight");
    const addrs = objdumpAddresses(elf);
    const m = runElf(readElf(elf), ["x"], 64 << 20, 0).machine;
    const seen: number[] = [m.cpu.s[S_EIP]! >>> 0];
    for (let k = 0; k < 13; k++) {
      expect(m.engine.run(1)).toBe("budget");
      expect(m.cpu.retired).toBe(k + 1);
      seen.push(m.cpu.s[S_EIP]! >>> 0);
    }
    expect(m.engine.run(1)).toBe("exit"); // the 14th instruction is int 0x80 (exit)
    expect(m.cpu.retired).toBe(14);
    // The branch is taken (ebx = 2 * (2 * eax + 3) > eax), so the NOP before .skip never runs.
    const skip = symbol(elf, "_start.skip");
    const nop = addrs[addrs.indexOf(skip) - 1];
    expect(seen).toEqual(addrs.filter((a) => a !== nop).slice(0, 14));
  });

  it("same program, same counts: run to exit twice and compare counters", () => {
    const elf = buildElf(STRAIGHT, "straight2");
    const a = runElf(readElf(elf), ["x"]).machine.engine.counters();
    const b = runElf(readElf(elf), ["x"]).machine.engine.counters();
    expect(b).toEqual(a);
    expect(a["insn.retired"]).toBe(14);
    expect(a["int.0x80"]).toBe(1);
  });

  it("#DE is a fault at the DIV (nm address), #UD at UD2; natively the same programs die with SIGFPE / SIGILL", () => {
    for (const [insn, vector, sig] of [["div ecx", 0, "SIGFPE"], ["ud2", 6, "SIGILL"]] as const) {
      const elf = buildElf(`bits 32\nglobal _start\nglobal fault\nsection .text\n_start:\n  xor ecx, ecx\n  mov eax, 5\nfault:\n  ${insn}\n  mov eax, 1\n  int 0x80\n`, "fault");
      expect(runNative(elf).signal).toBe(sig);
      const r = runElf(readElf(elf), ["x"]);
      expect(r.lastEvent).toBe(`exception ${vector} eip=0x${symbol(elf, "fault").toString(16)}`);
      expect(r.machine.cpu.s[EAX]).toBe(5);
      expect(r.machine.engine.counters()[vector === 0 ? "exc.de" : "exc.ud"]).toBe(1);
    }
  });

  it("SSE is not advertised: MOVAPS raises #UD (the host executes it; our CPUID identity has no SSE)", () => {
    const elf = buildElf(`bits 32\nglobal _start\nglobal fault\nsection .text\n_start:\nfault:\n  movaps xmm0, xmm1\n  mov eax, 1\n  int 0x80\n`, "sse");
    expect(runNative(elf).status).toBe(0);
    expect(runElf(readElf(elf), ["x"]).lastEvent).toBe(`exception 6 eip=0x${symbol(elf, "fault").toString(16)}`);
  });

  it("self-modifying code: a store over the next instruction takes effect (matches the native run)", () => {
    const src = `bits 32
global _start
section .text
_start:
  mov ecx, 5
  xor ebx, ebx
again:
  mov [patch+1], cl
patch:
  mov al, 0
  movzx eax, al
  add ebx, eax
  add [out], al
  loop again
  mov eax, 4
  mov ebx, 1
  mov ecx, out
  mov edx, 1
  int 0x80
  mov eax, 1
  xor ebx, ebx
  int 0x80
section .data
out: db 0x30
`;
    const elf = buildElf(src, "smc", ["-N"]);
    const native = runNative(elf);
    expect(native.status).toBe(0);
    const r = runElf(readElf(elf), ["x"]);
    expect(Buffer.from(r.stdoutBytes).toString("latin1")).toBe(Buffer.from(native.stdout).toString("latin1"));
    expect(r.machine.engine.counters()["icache.invalidations"]).toBeGreaterThan(0);
  });

  it("breakpoints stop before the instruction; class interposition hands JMP to the host", () => {
    const elf = buildElf(STRAIGHT, "bp");
    const m = runElf(readElf(elf), ["x"], 64 << 20, 0).machine;
    const skip = symbol(elf, "_start.skip");
    m.engine.addBreakpoint(skip);
    expect(m.engine.run(1000)).toBe("breakpoint");
    expect(m.cpu.s[S_EIP]! >>> 0).toBe(skip);
    const before = m.cpu.retired;
    m.engine.removeBreakpoint(skip);
    m.engine.interposeClass("control", true);
    const seen: number[] = [];
    m.engine.setHostHandler((ev, cpu) => {
      if (ev.kind === "insn") {
        seen.push(ev.eip);
        return "stop";
      }
      return cpu.s[EAX] === 1 ? "stop" : "resume";
    });
    expect(m.engine.run(1000)).toBe("exit");
    expect(m.cpu.retired).toBeGreaterThan(before);
    expect(seen).toEqual([]); // no control transfer after .skip: only int 0x80 (class "sensitive")
  });

  it("a page fault leaves memory and EIP precise, and the host can map the page and resume", () => {
    const m = createUserMachine({ memoryBytes: 1 << 20 });
    // mov [0x5000], eax ; mov eax, 1 ; int 0x80 — code at 0x1000, 0x5000 unmapped at first.
    const code = [0xa3, 0x00, 0x50, 0x00, 0x00, 0xb8, 0x01, 0x00, 0x00, 0x00, 0xcd, 0x80];
    m.pageMap.map(1, 1, 1, PTE_U);
    m.ram.u8.set(code, 0x1000);
    m.cpu.resetUserFlat(0x1000, 0);
    m.cpu.s[EAX] = 0x12345678;
    const events: string[] = [];
    m.engine.setHostHandler((ev, cpu) => {
      events.push(`${ev.kind}:${ev.vector}:${ev.errorCode}:${ev.eip.toString(16)}:${(cpu.s[39]! >>> 0).toString(16)}`);
      if (ev.kind === "exception") {
        m.pageMap.map(5, 2, 1, PTE_U | PTE_W);
        return "resume";
      }
      return "stop";
    });
    expect(m.engine.run(100)).toBe("exit");
    // #PF: write (2) | user (4), not present; CR2 = 0x5000; EIP = the MOV at 0x1000.
    expect(events).toEqual(["exception:14:6:1000:5000", "int:128:-1:100c:5000"]);
    expect(new DataView(m.ram.buffer).getUint32(0x2000, true)).toBe(0x12345678);
  });
});

describe("snapshots", () => {
  it("restore is bit-exact: the continuation after a restore equals the original continuation", async () => {
    const { findWorkload } = await import("@strata/workloads");
    const { readArtifact } = await import("@strata/workloads/node");
    const { snapshotCpu, restoreCpu, snapshotMemory, restoreMemory } = await import("../src/index");
    const w = findWorkload("crc32")!;
    const m = runElf(readArtifact(w), ["crc32", "1"], 64 << 20, 0).machine;
    m.engine.run(200_000);
    const cpuSnap = snapshotCpu(m.cpu);
    const memSnap = snapshotMemory(m.ram);
    m.engine.run(300_000);
    const after1 = { words: m.cpu.s.slice(), mem: snapshotMemory(m.ram), retired: m.cpu.retired };
    restoreCpu(m.cpu, cpuSnap);
    restoreMemory(m.ram, memSnap);
    m.engine.run(300_000);
    expect(m.cpu.retired).toBe(after1.retired);
    expect(m.cpu.s).toEqual(after1.words);
    expect(Buffer.from(snapshotMemory(m.ram)).equals(Buffer.from(after1.mem))).toBe(true);
  });
});

describe("REP strings and counters", () => {
  it("a 200000-byte REP STOSB runs in restartable steps, retires once, and the class counters add up", () => {
    const src = `bits 32\nglobal _start\nsection .text\n_start:\n  mov edi, buf\n  mov ecx, 200000\n  mov al, 0x5a\n  rep stosb\n  movzx ebx, byte [buf+199999]\n  sub ebx, 0x5a\n  mov eax, 1\n  int 0x80\nsection .bss\nbuf: resb 200004\n`;
    const elf = buildElf(src, "repstos");
    expect(runNative(elf).status).toBe(0);
    const r = runElf(readElf(elf), ["x"], 64 << 20);
    expect(r.exitCode).toBe(0);
    const c = r.machine.engine.counters();
    // objdump: eight instructions, each executed once.
    expect(objdumpAddresses(elf)).toHaveLength(8);
    expect(c["insn.retired"]).toBe(8);
    const byClass = Object.entries(c).filter(([k]) => k.startsWith("insn.class.")).reduce((a, [, v]) => a + v, 0);
    expect(byClass).toBe(8);
  });
});

describe("bulk REP MOVS/STOS", () => {
  it("page-crossing and overlapping copies give the native result", () => {
    const src = `bits 32
global _start
section .text
_start:
  mov edi, a
  mov ecx, 12001
  xor eax, eax
.f: mov [edi], al
  add al, 7
  xor al, ah
  inc ah
  inc edi
  loop .f
  mov esi, a+3
  mov edi, b+1
  mov ecx, 2999
  rep movsd            ; unaligned, crosses pages
  mov esi, a+100
  lea edi, [esi+1]
  mov ecx, 5000
  rep movsb            ; overlapping: replicates one byte
  mov edi, b+5001
  mov ecx, 1500
  mov eax, 0x11223344
  rep stosw
  mov edi, b+9000
  mov ecx, 700
  rep stosd
  ; checksum a and b
  xor eax, eax
  mov esi, a
  mov ecx, 24008
.c: rol eax, 5
  xor al, [esi]
  inc esi
  loop .c
  mov [out], eax
  mov eax, 4
  mov ebx, 1
  mov ecx, out
  mov edx, 4
  int 0x80
  mov eax, 1
  xor ebx, ebx
  int 0x80
section .bss
alignb 4096
a: resb 12004
b: resb 12004
out: resd 1
`;
    const elf = buildElf(src, "bulk");
    const native = runNative(elf);
    expect(native.status).toBe(0);
    const r = runElf(readElf(elf), ["x"]);
    expect(Buffer.from(r.stdoutBytes).toString("hex")).toBe(Buffer.from(native.stdout).toString("hex"));
  });
});

describe("slicing", () => {
  it("running in slices of 7 instructions ends in the same state and counts as one run", async () => {
    const { findWorkload } = await import("@strata/workloads");
    const { readArtifact } = await import("@strata/workloads/node");
    const w = findWorkload("sieve")!;
    const whole = runElf(readArtifact(w), ["sieve", "1"]);
    const m = runElf(readArtifact(w), ["sieve", "1"], 64 << 20, 0).machine;
    let reason = "budget";
    let calls = 0;
    while (reason === "budget") {
      reason = m.engine.run(7);
      calls++;
      expect(m.cpu.retired).toBeLessThanOrEqual(calls * 7);
    }
    expect(reason).toBe("exit");
    expect(m.cpu.retired).toBe(whole.retired);
    expect(m.cpu.s).toEqual(whole.machine.cpu.s);
    const a = m.engine.counters();
    const b = whole.machine.engine.counters();
    for (const k of ["insn.retired", "insn.class.plain", "insn.class.control", "insn.class.sensitive", "int.0x80"]) expect(a[k]).toBe(b[k]);
  });
});

describe("single-step", () => {
  it("EFLAGS.TF set by POPF traps (#DB) after the next instruction, as the host does (SIGTRAP)", () => {
    const elf = buildElf(`bits 32\nglobal _start\nglobal after\nsection .text\n_start:\n  pushfd\n  or dword [esp], 0x100\n  popfd\n  nop\nafter:\n  mov eax, 1\n  int 0x80\n`, "tf");
    expect(runNative(elf).signal).toBe("SIGTRAP");
    const r = runElf(readElf(elf), ["x"]);
    expect(r.lastEvent).toBe(`exception 1 eip=0x${symbol(elf, "after").toString(16)}`);
    expect(r.machine.engine.counters()["exc.db"]).toBe(1);
  });
});
