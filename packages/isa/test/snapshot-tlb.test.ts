/**
 * The TLB is part of a machine snapshot. A guest that edits a PTE without INVLPG may go on using
 * the translation it had cached (SDM Vol. 3 §4.10.4.3 — qemu's softmmu TLB does the same), so a
 * snapshot taken between the edit and the next access must restore that stale entry: the restored
 * machine has to read the old frame exactly as the uninterrupted machine does, and continue with
 * the same tlb.* and walk.mem_refs counters. The guest (nasm) turns paging on, reads page A, points
 * A's PTE at another frame, then — after the snapshot point — reads A again (stale), INVLPGs A and
 * reads it a third time (the new frame). Write permission is restored too but follows the
 * restoring machine's write-watched pages: the guest writes to its own code page before the
 * snapshot (a writable TLB entry) and patches an instruction after it, which must run patched.
 */
import { describe, expect, it } from "vitest";
import { S_EIP } from "../src/cpu/state";
import { createPcMachine, type PcMachine } from "../src/machine/pc-machine";
import { haveNasm, nasm } from "./support/pmode-asm";

const PD = 0x10000;
const PT = 0x11000;
const PAGE_A = 0x300000; // linear
const OLD_FRAME = 0x200000;
const NEW_FRAME = 0x201000;
const RESULTS = 0x7000;
const SNAP_POINT = 0x1100;
const SCRATCH = 0x1f00; // in the code page

const PROGRAM = `
  ; PT: identity map of 0-4 MiB (P|RW), then A -> OLD_FRAME.
  mov edi, ${PT}
  xor eax, eax
fill:
  lea edx, [eax + 3]
  mov [edi], edx
  add edi, 4
  add eax, 0x1000
  cmp eax, 0x400000
  jne fill
  mov dword [${PT} + (${PAGE_A} >> 12) * 4], ${OLD_FRAME} | 3
  mov dword [${PD}], ${PT} | 3
  mov eax, ${PD}
  mov cr3, eax
  mov eax, cr0
  or eax, 0x80000000
  mov cr0, eax
  mov eax, [${PAGE_A}]                                          ; fills A's TLB entry
  mov [${RESULTS}], eax
  mov dword [${PT} + (${PAGE_A} >> 12) * 4], ${NEW_FRAME} | 3   ; no INVLPG
  mov [${SCRATCH}], eax                                         ; a writable entry for the code page
  jmp ${SNAP_POINT}
  times ${SNAP_POINT - 0x1000} - ($ - $$) db 0xcc
  ; the snapshot point
  mov eax, [${PAGE_A}]                                          ; through the stale entry
  mov [${RESULTS} + 4], eax
  invlpg [${PAGE_A}]
  mov eax, [${PAGE_A}]                                          ; walks again: the new frame
  mov [${RESULTS} + 8], eax
  mov byte [patched + 1], 0x42                                  ; self-modifying code, same page
  jmp patched
patched:
  mov eax, 0x11
  mov [${RESULTS} + 12], eax
  mov al, 0
  out 0xf4, al
`;

const CODE = haveNasm ? nasm(PROGRAM) : new Uint8Array();
/** The immediate of \`mov eax, 0x11\` (B8 11 00 00 00), which the guest patches. */
const PATCH = 0x1000 + CODE.findIndex((_, k) => [0xb8, 0x11, 0, 0, 0].every((b, j) => CODE[k + j] === b)) + 1;

/** A machine that counts tlb.hit too (only counted on request). */
function fresh(): PcMachine {
  const m = createPcMachine({ memoryBytes: 8 << 20 });
  m.cpu.mmu.countTlbHits();
  return m;
}

function boot(): PcMachine {
  const m = fresh();
  m.ram.u8.set(CODE, 0x1000);
  m.ram.i32[OLD_FRAME >> 2] = 0x11111111;
  m.ram.i32[NEW_FRAME >> 2] = 0x22222222;
  m.cpu.resetSupervisorFlat(0x1000, 0x9000);
  return m;
}

/** Runs one instruction at a time up to the snapshot point (paging on, A's PTE already changed). */
function runToSnapPoint(m: PcMachine): void {
  for (let n = 0; m.cpu.s[S_EIP] !== SNAP_POINT; n++) {
    expect(m.run(1)).toBe("budget");
    expect(n).toBeLessThan(20_000);
  }
}

const results = (m: PcMachine): number[] => [0, 1, 2, 3].map((k) => m.ram.i32[(RESULTS >> 2) + k]!);
// icache.* counts the host's decoded-code cache, which a snapshot does not carry.
const withoutICache = (c: Record<string, number>): Record<string, number> => Object.fromEntries(Object.entries(c).filter(([k]) => !k.startsWith("icache.")));

describe.skipIf(!haveNasm)("snapshot: the TLB is saved and restored", () => {
  it("a stale translation survives the restore: old frame until INVLPG, counters as uninterrupted", () => {
    const ref = boot();
    expect(ref.run(100_000)).toBe("exit");
    // The SDM permits the stale read; this engine (like qemu) does it: the uninterrupted reference.
    // The SMC patch takes effect (SDM Vol. 3 §11.6; qemu alike).
    expect(results(ref)).toEqual([0x11111111, 0x11111111, 0x22222222, 0x42]);

    const a = boot();
    runToSnapPoint(a);
    const snap = structuredClone(a.snapshot());
    const b = fresh();
    b.restore(snap);
    expect(b.run(100_000)).toBe("exit");
    expect(results(b)).toEqual(results(ref));
    const counters = withoutICache(b.counters());
    expect(counters["walk.mem_refs"]).toBeGreaterThan(0);
    expect(counters["tlb.hit"]).toBeGreaterThan(0);
    expect(counters).toEqual(withoutICache(ref.counters()));
  });

  it("write permission follows the restoring machine's watched pages: its watchers see the guest's writes", () => {
    expect(PATCH).toBeGreaterThan(SNAP_POINT);
    const ref = boot();
    expect(ref.run(100_000)).toBe("exit");
    const a = boot();
    runToSnapPoint(a);
    const snap = structuredClone(a.snapshot());
    const t = snap.cpu.tlb!;
    const codePage = SCRATCH >>> 12;
    expect(t.writeTag[codePage & (t.writeTag.length - 1)]).toBe(codePage); // writable when snapshotted

    // This machine watches the code page (another watcher than the decoded-code cache) before the restore.
    const b = fresh();
    const seen: number[] = [];
    b.cpu.mmu.watchPage(SCRATCH & ~0xfff, b.ram.addWatcher((phys) => seen.push(phys)));
    b.restore(snap);
    expect(b.run(100_000)).toBe("exit");
    expect(results(b)).toEqual(results(ref));
    // The patch store reached this machine's watcher (a fast-path write would have bypassed it).
    expect(seen).toContain(PATCH);
  });

  it("a snapshot without a TLB (the format before it was saved) restores with an empty TLB", () => {
    const a = boot();
    runToSnapPoint(a);
    const snap = a.snapshot();
    const { tlb, ...cpu } = snap.cpu;
    expect(tlb).toBeDefined();
    const b = fresh();
    b.restore({ ...snap, cpu });
    expect(b.run(100_000)).toBe("exit");
    // A refill walks the edited PTE: the new frame at once (what a flushed TLB gives).
    expect(results(b)).toEqual([0x11111111, 0x22222222, 0x22222222, 0x42]);
  });

  it("a TLB entry whose frame is outside this machine's RAM is refused, naming the entry", () => {
    const a = boot();
    runToSnapPoint(a);
    const snap = structuredClone(a.snapshot());
    const t = snap.cpu.tlb!;
    const i = (PAGE_A >>> 12) & (t.frame.length - 1);
    expect(t.readTag[i]).toBe(PAGE_A >>> 12);
    t.frame[i] = 64 << 20;
    const b = fresh();
    expect(() => b.restore(snap)).toThrow(`CPU snapshot tlb.frame[${i}]: 0x4000000 is not a page frame`);
  });
});
