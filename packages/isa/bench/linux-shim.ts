/**
 * Just enough of Linux to run the freestanding linux-i386 workloads (raw int 0x80 write/exit,
 * argc/argv on the stack) for the benchmark. @strata/isa must not depend on @strata/linux-user
 * (that package depends on isa), so the bench carries this shim; the real runner is linux-user.
 */
import { createUserMachine, EAX, EBX, ECX, EDX, PTE_U, PTE_W, type UserMachine } from "../src/index";

export interface ShimRun {
  readonly machine: UserMachine;
  readonly stdout: string;
  readonly stdoutBytes: Uint8Array;
  readonly exitCode: number;
  readonly retired: number;
  readonly ms: number;
  /** CPU time (user + system) of the engine run alone, in ms. */
  readonly cpuMs: number;
  readonly guestPages: number;
  /** The event that stopped the program when it did not exit (kind, vector, EIP). */
  readonly lastEvent: string;
}

export function runElf(elf: Uint8Array, argv: readonly string[], memoryBytes = 64 << 20, budget = Number.MAX_SAFE_INTEGER): ShimRun {
  const m = createUserMachine({ memoryBytes });
  const dv = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const entry = dv.getUint32(24, true);
  const phoff = dv.getUint32(28, true);
  const phnum = dv.getUint16(44, true);
  let frame = 1;
  const page = (p: number): number => {
    let f = m.pageMap.frameOf(p);
    if (f < 0) {
      m.pageMap.map(p, frame++, 1, PTE_U | PTE_W);
      f = m.pageMap.frameOf(p);
    }
    return f;
  };
  for (let k = 0; k < phnum; k++) {
    const o = phoff + k * 32;
    if (dv.getUint32(o, true) !== 1) continue;
    const off = dv.getUint32(o + 4, true);
    const va = dv.getUint32(o + 8, true);
    const fsz = dv.getUint32(o + 16, true);
    const msz = dv.getUint32(o + 20, true);
    for (let p = va >>> 12; p < (va + msz + 4095) >>> 12; p++) page(p);
    for (let b = 0; b < fsz; b++) m.ram.u8[page((va + b) >>> 12) + ((va + b) & 4095)] = elf[off + b]!;
  }
  const top = 0xc0000000;
  for (let p = (top >>> 12) - 256; p < top >>> 12; p++) page(p);
  let sa = top - 4096;
  const ptrs: number[] = [];
  for (const s of argv) {
    ptrs.push(sa);
    for (const c of new TextEncoder().encode(`${s}\0`)) m.ram.u8[page(sa >>> 12) + (sa++ & 4095)] = c;
  }
  const sp = top - 8192;
  const words = [ptrs.length, ...ptrs, 0, 0, 0, 0];
  words.forEach((w, k) => {
    const a = sp + k * 4;
    new DataView(m.ram.buffer).setUint32(page(a >>> 12) + (a & 4095), w, true);
  });
  m.cpu.resetUserFlat(entry, sp);
  const chunks: Uint8Array[] = [];
  let lastEvent = "";
  let exitCode = -1;
  m.engine.setHostHandler((ev, cpu) => {
    const s = cpu.s;
    if (ev.kind === "int" && ev.vector === 0x80) {
      if (s[EAX] === 1 || s[EAX] === 252) {
        exitCode = s[EBX]!;
        return "stop";
      }
      if (s[EAX] === 4) {
        chunks.push(cpu.mmu.readBytes(s[ECX]!, s[EDX]!));
        s[EAX] = s[EDX]!;
        return "resume";
      }
      s[EAX] = -38;
      return "resume";
    }
    lastEvent = `${ev.kind} ${ev.vector} eip=0x${(ev.eip >>> 0).toString(16)}`;
    return "stop";
  });
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  m.engine.run(budget);
  const c1 = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const cpuMs = (c1.user + c1.system) / 1000;
  const stdoutBytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let off = 0;
  for (const c of chunks) {
    stdoutBytes.set(c, off);
    off += c.length;
  }
  return { machine: m, stdout: new TextDecoder().decode(stdoutBytes), stdoutBytes, exitCode, retired: m.cpu.retired, ms, cpuMs, guestPages: frame - 1, lastEvent };
}
