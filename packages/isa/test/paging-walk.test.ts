/**
 * 32-bit paging against the rules of the Intel SDM Vol. 3 Ch. 4, each test naming the rule it
 * checks: page tables are built in guest memory, accesses go through the MMU as the handlers'
 * do, and the expected translations, A/D bits, #PF error codes and CR2 follow from the quoted
 * rule, not from this implementation. End to end, the bare-metal kernels `paging` and `adbits`
 * of @strata/workloads (recorded under qemu-system-i386) check the same on the PC machine.
 */
import { describe, expect, it } from "vitest";
import { Cpu } from "../src/cpu/cpu";
import { writeCr0, writeCr3, writeCr4 } from "../src/cpu/control-registers";
import { CpuFault, VEC_PF } from "../src/cpu/exceptions";
import { CR0_PE, CR0_PG, CR0_WP, S_CR0, S_CR2, S_CR3, S_CR4 } from "../src/cpu/state";
import { restoreCpu, snapshotCpu } from "../src/cpu/snapshot";
import { PhysicalMemory } from "../src/memory/physical";
import { PhysicalWindow } from "../src/memory/physical-layer";

// SDM Table 4-5 / 4-6 bit positions.
const P = 1;
const RW = 2;
const US = 4;
const A = 0x20;
const D = 0x40;
const PS = 0x80;
const G = 0x100;
const CR4_PSE = 0x10;
const CR4_PGE = 0x80;

const PD = 0x10000;
const PT = 0x11000;

function machine(): { cpu: Cpu; ram: PhysicalMemory; pde: (la: number) => number; pte: (la: number) => number; setPde: (la: number, v: number) => void; setPte: (la: number, v: number) => void } {
  const ram = new PhysicalMemory(32 << 20);
  const cpu = new Cpu(ram);
  cpu.resetSupervisorFlat(0, 0);
  const dv = new DataView(ram.buffer);
  const pdeAddr = (la: number): number => PD + (la >>> 22) * 4;
  const pteAddr = (la: number): number => (dv.getUint32(pdeAddr(la), true) & ~0xfff) + ((la >>> 12) & 0x3ff) * 4;
  return {
    cpu,
    ram,
    pde: (la) => dv.getUint32(pdeAddr(la), true),
    pte: (la) => dv.getUint32(pteAddr(la), true),
    setPde: (la, v) => dv.setUint32(pdeAddr(la), v >>> 0, true),
    setPte: (la, v) => dv.setUint32(pteAddr(la), v >>> 0, true),
  };
}

/** Paging on with PD at 0x10000 and one page table at 0x11000 for linear 0-4 MiB (none mapped). */
function pagedMachine(cr4 = 0): ReturnType<typeof machine> {
  const m = machine();
  m.setPde(0, PT | P | RW | US);
  writeCr3(m.cpu, PD);
  writeCr4(m.cpu, cr4);
  writeCr0(m.cpu, CR0_PE | CR0_PG);
  return m;
}

/** Runs `f`, expecting #PF; returns [error code, CR2]. */
function pageFault(cpu: Cpu, f: () => void): [number, number] {
  try {
    f();
  } catch (e) {
    if (!(e instanceof CpuFault)) throw e;
    expect(e.vector).toBe(VEC_PF);
    return [e.errorCode, cpu.s[S_CR2]! >>> 0];
  }
  throw new Error("expected #PF");
}

describe("two-level walk (SDM §4.3)", () => {
  it("translates through PDE and PTE: frame from PTE bits 31:12, offset from linear bits 11:0", () => {
    const { cpu, ram, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    ram.i32[(0x123000 + 0x678) >> 2] = 0x1badb002;
    expect(cpu.mmu.read32(0x5678)).toBe(0x1badb002);
    cpu.mmu.write16(0x567c, 0xbeef);
    expect(ram.u16[(0x12367c) >> 1]).toBe(0xbeef);
  });

  it("counts one paging-structure read per level: 2 per 4 KiB walk, 1 per 4 MiB walk (walk.mem_refs)", () => {
    const { cpu, setPte, setPde } = pagedMachine(CR4_PSE);
    setPte(0x5000, 0x123000 | P | RW);
    setPde(0x400000, 0x800000 | PS | P | RW);
    const before = cpu.mmu.walkMemRefs();
    cpu.mmu.read8(0x5000);
    expect(cpu.mmu.walkMemRefs() - before).toBe(2);
    cpu.mmu.read8(0x5001); // TLB hit: no walk
    expect(cpu.mmu.walkMemRefs() - before).toBe(2);
    cpu.mmu.read8(0x400000);
    expect(cpu.mmu.walkMemRefs() - before).toBe(3);
  });

  it("a page crossing access translates both pages; a fault on the second leaves the first's bytes unwritten", () => {
    const { cpu, ram, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    ram.i32[(0x123ffc) >> 2] = 0x11223344;
    const [err, cr2] = pageFault(cpu, () => cpu.mmu.write32(0x5ffe, 0));
    // §4.7: CR2 holds the linear address that caused the fault: the first byte of page 0x6000.
    expect([err, cr2]).toEqual([RW, 0x6000]);
    expect(ram.i32[(0x123ffc) >> 2]).toBe(0x11223344);
  });
});

describe("4 MiB pages (SDM §4.3, Table 4-4)", () => {
  it("PDE.PS with CR4.PSE = 1 maps 4 MiB: frame from PDE bits 31:22, offset from linear bits 21:0", () => {
    const { cpu, ram, setPde } = pagedMachine(CR4_PSE);
    setPde(0x1000000, 0x400000 | PS | P | RW);
    ram.i32[(0x400000 + 0x12344) >> 2] = 77;
    expect(cpu.mmu.read32(0x1012344)).toBe(77);
  });

  it("with CR4.PSE = 0 the PS bit is ignored and the PDE references a page table", () => {
    const { cpu, ram, setPde } = pagedMachine(0);
    // PDE "frame" 0x400000 is read as a page table; its entry 0x12 maps the page.
    setPde(0x1000000, 0x400000 | PS | P | RW);
    ram.i32[(0x400000 + 0x12 * 4) >> 2] = 0x300000 | P | RW;
    ram.i32[(0x300000 + 0x344) >> 2] = 99;
    expect(cpu.mmu.read32(0x1012344)).toBe(99);
  });

  it("bits 21:13 of a 4 MiB PDE are reserved without PSE-36: #PF with P = 1 and RSVD = 1 (§4.7)", () => {
    const { cpu, setPde } = pagedMachine(CR4_PSE);
    setPde(0x1000000, 0x400000 | 0x2000 | PS | P | RW);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x1000010))).toEqual([P | 8, 0x1000010]);
  });
});

describe("access rights (SDM §4.6)", () => {
  it("user accesses need U/S = 1 in both PDE and PTE; a user write needs R/W = 1 in both", () => {
    const { cpu, setPte, setPde } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW | US);
    setPte(0x6000, 0x124000 | P | US);
    setPte(0x7000, 0x125000 | P | RW);
    cpu.mmu.setUserMode(true);
    cpu.mmu.write8(0x5000, 1);
    expect(cpu.mmu.read8(0x6000)).toBe(0);
    // Error codes, §4.7: P (bit 0) = 1 for a protection violation, W/R (bit 1), U/S (bit 2) = 1.
    expect(pageFault(cpu, () => cpu.mmu.write8(0x6004, 1))).toEqual([P | RW | US, 0x6004]);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x7008))).toEqual([P | US, 0x7008]);
    // A supervisor-only PDE makes every page under it supervisor-only.
    cpu.mmu.setUserMode(false);
    setPde(0, PT | P | RW);
    cpu.mmu.tlb.flush();
    cpu.mmu.setUserMode(true);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x5000))).toEqual([P | US, 0x5000]);
  });

  it("not-present entries fault with P = 0, W/R and U/S from the access", () => {
    const { cpu } = pagedMachine();
    expect(pageFault(cpu, () => cpu.mmu.read8(0x9000))).toEqual([0, 0x9000]);
    expect(pageFault(cpu, () => cpu.mmu.write8(0x9001, 0))).toEqual([RW, 0x9001]);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x800000))).toEqual([0, 0x800000]); // PDE not present
    cpu.mmu.setUserMode(true);
    expect(pageFault(cpu, () => cpu.mmu.write32(0x9ffc, 0))).toEqual([RW | US, 0x9ffc]);
  });

  it("supervisor writes ignore R/W while CR0.WP = 0 and honour it while CR0.WP = 1", () => {
    const { cpu, setPte } = pagedMachine();
    setPte(0x6000, 0x124000 | P | US);
    cpu.mmu.write8(0x6000, 5);
    expect(cpu.mmu.read8(0x6000)).toBe(5);
    writeCr0(cpu, CR0_PE | CR0_PG | CR0_WP);
    expect(pageFault(cpu, () => cpu.mmu.write8(0x6000, 6))).toEqual([P | RW, 0x6000]);
    expect(cpu.mmu.read8(0x6000)).toBe(5);
  });
});

describe("accessed and dirty flags (SDM §4.8)", () => {
  it("a read sets A in the PDE and the PTE, not D; the first write sets D in the PTE, never in a PDE that references a table", () => {
    const { cpu, pde, pte, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    cpu.mmu.read8(0x5000);
    expect([pde(0x5000) & (A | D), pte(0x5000) & (A | D)]).toEqual([A, A]);
    // The read filled the TLB for reads only: the write must walk again and set D.
    cpu.mmu.write8(0x5001, 1);
    expect([pde(0x5000) & (A | D), pte(0x5000) & (A | D)]).toEqual([A, A | D]);
  });

  it("A and D are set only when clear: software that clears them and flushes (INVLPG) sees them set again", () => {
    const { cpu, pte, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    cpu.mmu.write8(0x5000, 1);
    setPte(0x5000, 0x123000 | P | RW);
    // Without a flush the TLB still holds the translation: nothing is written to the PTE.
    cpu.mmu.write8(0x5000, 2);
    expect(pte(0x5000) & (A | D)).toBe(0);
    cpu.mmu.tlb.flushPage(0x5);
    cpu.mmu.read8(0x5000);
    expect(pte(0x5000) & (A | D)).toBe(A);
  });

  it("a supervisor write to a read-only page (CR0.WP = 0) sets D", () => {
    const { cpu, pte, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P);
    cpu.mmu.write32(0x5000, 2);
    expect(pte(0x5000) & (A | D)).toBe(A | D);
  });

  it("a 4 MiB page keeps A and D in its PDE", () => {
    const { cpu, pde, setPde } = pagedMachine(CR4_PSE);
    setPde(0x1000000, 0x400000 | PS | P | RW);
    cpu.mmu.read8(0x1001234);
    expect(pde(0x1000000) & (A | D)).toBe(A);
    cpu.mmu.write8(0x1003000, 3);
    expect(pde(0x1000000) & (A | D)).toBe(A | D);
  });

  it("a faulting access leaves the entry that failed untouched; the PDE the walk went through has A", () => {
    const { cpu, pde, pte, setPte } = pagedMachine();
    setPte(0x6000, 0x124000 | P | US);
    cpu.mmu.setUserMode(true);
    pageFault(cpu, () => cpu.mmu.write8(0x6000, 1));
    expect(pte(0x6000) & (A | D)).toBe(0);
    expect(pde(0x6000) & A).toBe(A);
  });

  it("A/D updates of a write-watched page table reach the watchers (shadow page tables)", () => {
    const { cpu, ram, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    const seen: number[] = [];
    const id = ram.addWatcher((phys) => seen.push(phys));
    cpu.mmu.watchPage(PT, id);
    cpu.mmu.read8(0x5000);
    expect(seen).toEqual([PT + 5 * 4]);
  });
});

describe("TLB (SDM §4.10)", () => {
  it("a translation filled with supervisor rights does not serve a later user access to a supervisor page", () => {
    const { cpu, setPte } = pagedMachine();
    setPte(0x7000, 0x125000 | P | RW);
    cpu.mmu.write8(0x7000, 1);
    cpu.mmu.setUserMode(true);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x7000))).toEqual([P | US, 0x7000]);
  });

  it("a supervisor write fill of a user read-only page (WP = 0) does not let a user write through", () => {
    const { cpu, pte, setPte } = pagedMachine();
    setPte(0x6000, 0x124000 | P | US);
    cpu.mmu.write8(0x6000, 1);
    expect(pte(0x6000) & D).toBe(D);
    cpu.mmu.setUserMode(true);
    expect(cpu.mmu.read8(0x6000)).toBe(1);
    expect(pageFault(cpu, () => cpu.mmu.write8(0x6000, 2))).toEqual([P | RW | US, 0x6000]);
  });

  it("a user fill serves supervisor accesses afterwards without a refill", () => {
    const { cpu, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW | US);
    cpu.mmu.setUserMode(true);
    cpu.mmu.write8(0x5000, 1);
    const misses = cpu.mmu.tlb.misses;
    cpu.mmu.setUserMode(false);
    cpu.mmu.write8(0x5000, 2);
    expect(cpu.mmu.tlb.misses).toBe(misses);
  });

  it("readSupervisor*/writeSupervisor* at CPL 3 use supervisor rights, with U/S = 0 in a fault, and leave nothing for user accesses", () => {
    const { cpu, ram, pte, setPte } = pagedMachine();
    setPte(0x7000, 0x125000 | P | RW);
    setPte(0x8000, 0x126000 | P | RW);
    cpu.mmu.setUserMode(true);
    cpu.mmu.writeSupervisor32(0x7ffe, 0x12345678);
    expect([ram.u16[0x125ffe >> 1], ram.u16[0x126000 >> 1]]).toEqual([0x5678, 0x1234]);
    expect(cpu.mmu.readSupervisor32(0x7ffe)).toBe(0x12345678);
    expect(cpu.mmu.readSupervisor16(0x7000)).toBe(0);
    expect(pte(0x8000) & (A | D)).toBe(A | D);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x7000))).toEqual([P | US, 0x7000]);
    expect(pageFault(cpu, () => cpu.mmu.read8(0x8000))).toEqual([P | US, 0x8000]);
    expect(pageFault(cpu, () => cpu.mmu.writeSupervisor8(0x9000, 1))).toEqual([RW, 0x9000]);
    expect(pageFault(cpu, () => cpu.mmu.probeSupervisorWrite(0x8ffe, 4))).toEqual([RW, 0x9000]);
  });

  it("a CR3 load drops non-global translations; global ones (CR4.PGE and G) survive it (§4.10.4.1)", () => {
    const { cpu, ram, setPte } = pagedMachine(CR4_PGE);
    ram.i32[0x123000 >> 2] = 1;
    ram.i32[0x124000 >> 2] = 2;
    setPte(0x5000, 0x123000 | P | RW | G);
    setPte(0x6000, 0x123000 | P | RW);
    expect([cpu.mmu.read32(0x5000), cpu.mmu.read32(0x6000)]).toEqual([1, 1]);
    setPte(0x5000, 0x124000 | P | RW | G);
    setPte(0x6000, 0x124000 | P | RW);
    writeCr3(cpu, PD);
    expect([cpu.mmu.read32(0x5000), cpu.mmu.read32(0x6000)]).toEqual([1, 2]);
    // INVLPG drops a global translation too.
    cpu.mmu.tlb.flushPage(0x5);
    expect(cpu.mmu.read32(0x5000)).toBe(2);
  });

  it("G is ignored while CR4.PGE = 0; toggling CR4.PGE drops global translations", () => {
    const { cpu, ram, setPte } = pagedMachine(0);
    ram.i32[0x123000 >> 2] = 1;
    ram.i32[0x124000 >> 2] = 2;
    setPte(0x5000, 0x123000 | P | RW | G);
    expect(cpu.mmu.read32(0x5000)).toBe(1);
    setPte(0x5000, 0x124000 | P | RW | G);
    writeCr3(cpu, PD);
    expect(cpu.mmu.read32(0x5000)).toBe(2);
    writeCr4(cpu, CR4_PGE);
    expect(cpu.mmu.read32(0x5000)).toBe(2); // refilled, global this time
    setPte(0x5000, 0x123000 | P | RW | G);
    writeCr3(cpu, PD);
    expect(cpu.mmu.read32(0x5000)).toBe(2); // global now, survives the CR3 load
    writeCr4(cpu, 0);
    expect(cpu.mmu.read32(0x5000)).toBe(1);
  });

  it("INVLPG of any address in a 4 MiB page drops every translation of that page", () => {
    const { cpu, ram, setPde } = pagedMachine(CR4_PSE);
    ram.i32[0x400000 >> 2] = 1;
    ram.i32[0x401000 >> 2] = 2;
    ram.i32[0x800000 >> 2] = 3;
    ram.i32[0x801000 >> 2] = 4;
    setPde(0x1000000, 0x400000 | PS | P | RW);
    expect([cpu.mmu.read32(0x1000000), cpu.mmu.read32(0x1001000)]).toEqual([1, 2]);
    setPde(0x1000000, 0x800000 | PS | P | RW);
    cpu.mmu.tlb.flushPage(0x1001);
    expect([cpu.mmu.read32(0x1000000), cpu.mmu.read32(0x1001000)]).toEqual([3, 4]);
  });

  it("changing CR0.WP drops every translation (a supervisor write fill must not outlive WP = 1)", () => {
    const { cpu, setPte } = pagedMachine();
    setPte(0x6000, 0x124000 | P);
    cpu.mmu.write8(0x6000, 1);
    writeCr0(cpu, CR0_PE | CR0_PG | CR0_WP);
    expect(pageFault(cpu, () => cpu.mmu.write8(0x6000, 2))).toEqual([P | RW, 0x6000]);
  });

  it("counts hits on request: accesses served without a refill (tlb.hit), refills (tlb.miss)", () => {
    const { cpu, setPte } = pagedMachine();
    setPte(0x5000, 0x123000 | P | RW);
    cpu.mmu.countTlbHits();
    const m0 = cpu.mmu.tlb.misses;
    cpu.mmu.read32(0x5000); // miss (read fill)
    cpu.mmu.read32(0x5004); // hit
    cpu.mmu.write32(0x5008, 1); // miss (write needs its own fill)
    cpu.mmu.write8(0x5000, 1); // hit
    cpu.mmu.read16(0x5010); // hit
    expect([cpu.mmu.tlb.hits, cpu.mmu.tlb.misses - m0]).toEqual([3, 2]);
  });
});

describe("physical layer", () => {
  it("maps guest-physical addresses above RAM (a ROM window at the top of 4 GiB) under paging and with paging off", () => {
    const { cpu, ram, setPte } = pagedMachine();
    // Guest-physical 0xFFFF0000.. lands at 0x1F00000 in PhysicalMemory; everything else is identity.
    cpu.mmu.setPhysicalLayer(new PhysicalWindow(0xffff0000, 0x10000, 0x1f00000));
    ram.i32[(0x1f00000 + 0xff0) >> 2] = 0x0badc0de;
    setPte(0x5000, 0xffff0000 | P | RW);
    expect(cpu.mmu.read32(0x5ff0)).toBe(0x0badc0de);
    writeCr0(cpu, CR0_PE);
    expect(cpu.mmu.read32(0xffff0ff0 | 0)).toBe(0x0badc0de);
    ram.i32[(0x1f00000 + 0xfff0) >> 2] = 0x600dcafe; // the reset vector's dword, F000:FFF0
    expect(cpu.mmu.read32(0xfffffff0 | 0)).toBe(0x600dcafe);
    expect(cpu.mmu.read32(0x1f0fff0)).toBe(0x600dcafe); // the store itself stays reachable
  });
});

describe("snapshots", () => {
  it("a restore on a fresh processor re-derives the paging mode from CR0/CR3/CR4 (the TLB contents travel in the snapshot: snapshot-tlb.test.ts)", () => {
    const { cpu, ram, setPte } = pagedMachine(CR4_PSE | CR4_PGE);
    setPte(0x5000, 0x123000 | P | RW);
    ram.i32[0x123000 >> 2] = 42;
    const snap = snapshotCpu(cpu);
    const other = new Cpu(ram);
    restoreCpu(other, snap);
    expect([other.s[S_CR0]! >>> 0, other.s[S_CR3], other.s[S_CR4]]).toEqual([(CR0_PE | CR0_PG | 0x10) >>> 0, PD, CR4_PSE | CR4_PGE]);
    expect(other.mmu.read32(0x5000)).toBe(42);
    expect(pageFault(other, () => other.mmu.read8(0x9000))).toEqual([0, 0x9000]);
    // And back to paging off: identity again.
    const flat = new Cpu(ram);
    flat.resetSupervisorFlat(0, 0);
    restoreCpu(other, snapshotCpu(flat));
    expect(other.mmu.read32(0x123000)).toBe(42);
  });
});
