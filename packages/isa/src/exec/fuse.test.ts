/**
 * CMP/TEST + Jcc fusion (exec/fuse.ts) against the unfused interpreter, whose instructions the
 * conformance and native snippet tests check against the host CPU: every fusable producer form
 * and every condition code over edge-case operands, run whole, in budget slices that end between
 * the two instructions of a pair, and with the producer's memory operand faulting.
 */
import { describe, expect, it } from "vitest";
import { createUserMachine, EAX, EBX, ECX, EDI, EDX, ESI, ESP, EBP, PTE_U, PTE_W, readEflags, S_EIP } from "../index";
import { fusion } from "./fuse";

const CODE = 0x1000;
const DATA = 0x40000;
const UNMAPPED = 0x80000;
const STACK = 0x90000;

const le32 = (v: number): number[] => [v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff];

/** Producer encodings comparing EAX (or [DATA]) with EBX (or an immediate `imm`). */
const PRODUCERS: ((imm: number, addr: number) => number[])[] = [
  () => [0x39, 0xd8], // cmp eax, ebx
  (imm) => [0x3d, ...le32(imm)], // cmp eax, imm32
  (imm) => [0x81, 0xf8, ...le32(imm)], // cmp eax, imm32 (81 /7)
  (imm) => [0x83, 0xf8, imm & 0xff], // cmp eax, imm8 (sign-extended)
  (_, addr) => [0x3b, 0x05, ...le32(addr)], // cmp eax, [addr]
  (_, addr) => [0x39, 0x1d, ...le32(addr)], // cmp [addr], ebx
  (imm, addr) => [0x81, 0x3d, ...le32(addr), ...le32(imm)], // cmp dword [addr], imm32
  (imm, addr) => [0x80, 0x3d, ...le32(addr), imm & 0xff], // cmp byte [addr], imm8
  () => [0x85, 0xd8], // test eax, ebx
];

const EDGES = [0, 1, 2, -1, -2, 0x7f, 0x80, 0xff, 0x7fffffff, 0x80000000 | 0, 0x80000001 | 0, 0x12345678, 0x9abcdef0 | 0];

/** A straight-line program of cases; returns its bytes and the offset of every producer. */
function program(seed: number, faultAt = -1): { bytes: number[]; producers: number[] } {
  let x = seed >>> 0 || 1;
  const rnd = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x;
  };
  const pick = (): number => (rnd() % 3 === 0 ? rnd() | 0 : EDGES[rnd() % EDGES.length]!);
  const out: number[] = [];
  const producers: number[] = [];
  let n = 0;
  for (const producer of PRODUCERS) {
    for (let cc = 0; cc < 16; cc++) {
      for (let rep = 0; rep < 3; rep++) {
        const a = pick();
        const b = rep === 1 ? a : pick();
        out.push(0xb8, ...le32(a)); // mov eax, a
        out.push(0xbb, ...le32(b)); // mov ebx, b
        out.push(0xc7, 0x05, ...le32(DATA), ...le32(rep === 2 ? a : b)); // mov dword [DATA], a or b
        producers.push(out.length);
        out.push(...producer(b, n === faultAt ? UNMAPPED : DATA));
        out.push(0x70 + cc, 0x01); // jcc +1
        out.push(0x46); // inc esi (not taken)
        out.push(0x9c, 0x5a, 0x31, 0xd7, 0xd1, 0xc7); // pushfd; pop edx; xor edi, edx; rol edi, 1
        n++;
      }
    }
  }
  out.push(0xcd, 0x80); // int 0x80: the end
  return { bytes: out, producers };
}

interface Outcome {
  regs: number[];
  eflags: number;
  eip: number;
  retired: number;
  counters: Record<string, number>;
  event: string;
  fusedPairs: number;
}

function run(bytes: number[], fused: boolean, slice: number): Outcome {
  fusion.enabled = fused;
  try {
    const m = createUserMachine({ memoryBytes: 1 << 20 });
    for (let p = 0; p < 0x100; p++) if (p << 12 < UNMAPPED || p << 12 >= UNMAPPED + 0x1000) m.pageMap.map(p, p + 1, 1, PTE_U | PTE_W);
    for (let off = 0; off < bytes.length; off++) {
      const va = CODE + off;
      m.ram.u8[m.pageMap.frameOf(va >>> 12) + (va & 0xfff)] = bytes[off]!;
    }
    m.cpu.resetUserFlat(CODE, STACK);
    let event = "";
    m.engine.setHostHandler((ev) => {
      event = `${ev.kind} ${ev.vector} eip=${(ev.eip >>> 0).toString(16)}`;
      return "stop";
    });
    let guard = 0;
    while (event === "" && guard++ < 1_000_000) m.engine.run(slice);
    const s = m.cpu.s;
    const engine = m.engine;
    let fusedPairs = 0;
    for (const b of engine.cache.slots) if (b !== null) for (const i of b.insns) if (i.width === 2) fusedPairs++;
    return {
      regs: [EAX, EBX, ECX, EDX, ESI, EDI, ESP, EBP].map((r) => s[r]!),
      eflags: readEflags(s),
      eip: s[S_EIP]! >>> 0,
      retired: m.cpu.retired,
      counters: m.engine.counters(),
      event,
      fusedPairs,
    };
  } finally {
    fusion.enabled = true;
  }
}

const strip = (o: Outcome): Omit<Outcome, "fusedPairs" | "counters"> & { classes: Record<string, number> } => {
  const { fusedPairs: _f, counters, ...rest } = o;
  void _f;
  return { ...rest, classes: Object.fromEntries(Object.entries(counters).filter(([k]) => k.startsWith("insn."))) };
};

describe("CMP/TEST + Jcc fusion", () => {
  it("every producer form and condition code gives the unfused result (registers, EFLAGS, counters)", () => {
    for (const seed of [1, 2, 3]) {
      const { bytes } = program(seed);
      const ref = run(bytes, false, Number.MAX_SAFE_INTEGER);
      const got = run(bytes, true, Number.MAX_SAFE_INTEGER);
      expect(ref.fusedPairs).toBe(0);
      // 10 of the 16 conditions are comparisons; every producer form fuses with them.
      expect(got.fusedPairs).toBeGreaterThan(0);
      expect(ref.event).toMatch(/^int 128/);
      expect(strip(got)).toEqual(strip(ref));
    }
  });

  it("budget slices that end between the two instructions of a pair stop there", () => {
    const { bytes } = program(7);
    const ref = run(bytes, false, Number.MAX_SAFE_INTEGER);
    for (const slice of [1, 2, 3, 5, 7]) expect(strip(run(bytes, true, slice))).toEqual(strip(ref));
  });

  it("run(n) stops after the producer of a cached fused pair, with EIP at the Jcc", () => {
    // mov eax, 1; mov ebx, 2; cmp eax, ebx; jb +1; inc esi; int 0x80
    const bytes = [0xb8, ...le32(1), 0xbb, ...le32(2), 0x39, 0xd8, 0x72, 0x01, 0x46, 0xcd, 0x80];
    const jb = CODE + 12;
    const m = createUserMachine({ memoryBytes: 1 << 20 });
    for (let p = 0; p < 0x100; p++) m.pageMap.map(p, p + 1, 1, PTE_U | PTE_W);
    for (let off = 0; off < bytes.length; off++) m.ram.u8[m.pageMap.frameOf((CODE + off) >>> 12) + ((CODE + off) & 0xfff)] = bytes[off]!;
    m.cpu.resetUserFlat(CODE, STACK);
    m.engine.setHostHandler(() => "stop");
    expect(m.engine.run(100)).toBe("exit");
    expect(m.cpu.retired).toBe(5);
    const engine = m.engine;
    const cached = engine.cache.slots.flatMap((b) => (b === null ? [] : b.insns)).filter((i) => i.width === 2);
    expect(cached.map((i) => i.eip >>> 0)).toEqual([CODE + 10]);
    // Again from the start, through the cached block: a budget of 3 ends between CMP and JB.
    m.cpu.resetUserFlat(CODE, STACK);
    expect(m.engine.run(3)).toBe("budget");
    expect(m.cpu.retired).toBe(8);
    expect(m.cpu.s[S_EIP]! >>> 0).toBe(jb);
    expect(m.engine.run(1)).toBe("budget");
    expect(m.cpu.retired).toBe(9);
    expect(m.cpu.s[S_EIP]! >>> 0).toBe(jb + 3); // taken: 1 < 2 unsigned, over the INC
    expect(m.cpu.s[ESI]).toBe(0);
  });

  it("a fault in the producer's memory operand is precise: EIP at the producer, the Jcc not retired", () => {
    for (const at of [4 * 48 + 1, 5 * 48 + 7, 6 * 48 + 12, 7 * 48 + 30]) {
      const { bytes, producers } = program(11, at);
      const ref = run(bytes, false, Number.MAX_SAFE_INTEGER);
      const got = run(bytes, true, Number.MAX_SAFE_INTEGER);
      expect(got.event).toBe(`exception 14 eip=${(CODE + producers[at]!).toString(16)}`);
      expect(strip(got)).toEqual(strip(ref));
    }
  });
});

describe("dead INC/DEC/ADD flags", () => {
  /** INC/DEC/ADD r32 followed by each flag-overwriting register form, then by flag readers. */
  function deadFlagsProgram(): number[] {
    const writers = [
      [0x01, 0xd8], // add eax, ebx
      [0x83, 0xc0, 0x7f], // add eax, 127
      [0x29, 0xd8], // sub eax, ebx
      [0x83, 0xe8, 0x01], // sub eax, 1
      [0x39, 0xd8], // cmp eax, ebx
      [0x3d, ...le32(0x80000000)], // cmp eax, imm32
      [0x21, 0xd8], // and eax, ebx
      [0x83, 0xe0, 0xf0], // and eax, -16
      [0x09, 0xd8], // or eax, ebx
      [0x31, 0xd8], // xor eax, ebx
      [0x30, 0xdc], // xor ah, bl
      [0x85, 0xd8], // test eax, ebx
      [0xc1, 0xe0, 0x03], // shl eax, 3
      [0xc1, 0xe8, 0x1f], // shr eax, 31
      [0xc1, 0xf8, 0x01], // sar eax, 1
      [0x13, 0xc3], // adc eax, ebx: reads CF, so the INC keeps its flags
    ];
    const out: number[] = [];
    for (const w of writers) {
      for (const v of EDGES) {
        // inc eax, dec eax, inc ecx, dec ecx, add eax, ecx, add ecx, eax, add eax, imm8, add ecx, imm32
        const producers = [[0x40], [0x48], [0x41], [0x49], [0x01, 0xc8], [0x01, 0xc1], [0x83, 0xc0, 0x81], [0x81, 0xc1, ...le32(0x7ffffffe)]];
        for (const op of producers) {
          // mov eax, v; mov ebx, ~v; mov ecx, v; stc or clc; producer; writer; capture flags
          out.push(0xb8, ...le32(v), 0xbb, ...le32(~v), 0xb9, ...le32(v), (v & 1) !== 0 ? 0xf9 : 0xf8);
          out.push(...op, ...w);
          out.push(0x9c, 0x5a, 0x31, 0xd7, 0xd1, 0xc7, 0x01, 0xc6, 0x01, 0xce); // pushfd; pop edx; xor edi, edx; rol edi, 1; add esi, eax; add esi, ecx
        }
      }
    }
    out.push(0xcd, 0x80);
    return out;
  }

  it("INC/DEC/ADD before a flag-overwriting instruction give the unfused result, whole and in slices", () => {
    const bytes = deadFlagsProgram();
    const ref = run(bytes, false, Number.MAX_SAFE_INTEGER);
    expect(ref.event).toMatch(/^int 128/);
    for (const slice of [Number.MAX_SAFE_INTEGER, 1, 2, 3, 7]) expect(strip(run(bytes, true, slice))).toEqual(strip(ref));
  });
});
