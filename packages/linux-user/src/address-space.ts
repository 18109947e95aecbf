/**
 * The process address space, Linux-style: virtual memory areas (VMAs) with protections, backed
 * lazily by physical frames through isa's host-managed page map. A page is given a zeroed frame
 * on its first touch (the #PF the guest takes is served here and the instruction restarts), so
 * a 8 MiB stack or a large anonymous mmap costs only the pages used — as demand paging does.
 */
import type { Cpu, PageMap, PhysicalMemory } from "@strata/isa";
import { PTE_U, PTE_W } from "@strata/isa";

export const PAGE = 4096;
export const PROT_READ = 1;
export const PROT_WRITE = 2;
export const PROT_EXEC = 4;

/** Linux i386 layout (no randomization): the stack ends at TASK_SIZE, mmap grows down below it. */
export const TASK_SIZE = 0xc0000000;
export const STACK_SIZE = 8 * 1024 * 1024;
export const MMAP_TOP = TASK_SIZE - STACK_SIZE - 16 * PAGE;

export interface Vma {
  start: number;
  end: number;
  prot: number;
  name: string;
}

export class OutOfMemoryError extends Error {
  constructor(bytes: number) {
    super(`guest physical memory exhausted (${bytes} bytes): raise memoryBytes`);
    this.name = "OutOfMemoryError";
  }
}

export class AddressSpace {
  readonly vmas: Vma[] = [];
  private nextFrame = 1;
  private readonly freeFrames: number[] = [];
  private readonly frameCount: number;
  brkStart = 0;
  brk = 0;
  private mmapTop = MMAP_TOP;
  /** Pages with a frame (for host_bytes accounting and tests). */
  mappedPages = 0;

  constructor(
    readonly ram: PhysicalMemory,
    readonly pageMap: PageMap,
    readonly cpu: Cpu,
  ) {
    this.frameCount = ram.size / PAGE;
  }

  allocFrame(): number {
    const f = this.freeFrames.pop();
    if (f !== undefined) {
      this.ram.u8.fill(0, f * PAGE, f * PAGE + PAGE);
      return f;
    }
    if (this.nextFrame >= this.frameCount) throw new OutOfMemoryError(this.ram.size);
    return this.nextFrame++;
  }

  find(addr: number): Vma | undefined {
    const a = addr >>> 0;
    return this.vmas.find((v) => a >= v.start && a < v.end);
  }

  /** Adds a VMA (callers have removed any overlap). */
  addVma(start: number, end: number, prot: number, name: string): void {
    this.vmas.push({ start, end, prot, name });
    this.vmas.sort((x, y) => x.start - y.start);
  }

  /** Gives `page` a zeroed frame with the protection of its VMA (demand paging). */
  populate(page: number, prot: number): number {
    const existing = this.pageMap.frameOf(page);
    if (existing >= 0) return existing;
    const f = this.allocFrame();
    this.pageMap.map(page, f, 1, PTE_U | ((prot & PROT_WRITE) !== 0 ? PTE_W : 0));
    this.mappedPages++;
    return f << 12;
  }

  /** Serves a #PF: true when the address lies in a VMA that allows the access (page populated). */
  handleFault(addr: number, write: boolean): boolean {
    const v = this.find(addr);
    if (v === undefined) return false;
    if (write && (v.prot & PROT_WRITE) === 0) return false;
    if ((v.prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) === 0) return false;
    if (this.pageMap.frameOf(addr >>> 12) >= 0) return false;
    this.populate(addr >>> 12, v.prot);
    return true;
  }

  /** Removes [start, end) from the VMAs and frees its frames. */
  unmap(start: number, end: number): void {
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) out.push(v);
      else {
        if (v.start < start) out.push({ ...v, end: start });
        if (v.end > end) out.push({ ...v, start: end });
      }
    }
    this.vmas.length = 0;
    this.vmas.push(...out);
    for (let p = start >>> 12; p < end >>> 12; p++) {
      const f = this.pageMap.frameOf(p);
      if (f >= 0) {
        this.freeFrames.push(f >>> 12);
        this.mappedPages--;
      }
    }
    this.pageMap.unmap(start >>> 12, (end - start) >>> 12);
    this.changed();
  }

  protect(start: number, end: number, prot: number): boolean {
    for (let a = start; a < end; a += PAGE) if (this.find(a) === undefined) return false;
    const out: Vma[] = [];
    for (const v of this.vmas) {
      if (v.end <= start || v.start >= end) out.push(v);
      else {
        if (v.start < start) out.push({ ...v, end: start });
        out.push({ ...v, start: Math.max(v.start, start), end: Math.min(v.end, end), prot });
        if (v.end > end) out.push({ ...v, start: end });
      }
    }
    this.vmas.length = 0;
    this.vmas.push(...out.sort((x, y) => x.start - y.start));
    this.pageMap.protect(start >>> 12, (end - start) >>> 12, PTE_U | ((prot & PROT_WRITE) !== 0 ? PTE_W : 0));
    // Pages without any access lose their frames' visibility entirely.
    if ((prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) === 0) {
      for (let p = start >>> 12; p < end >>> 12; p++) {
        const e = this.pageMap.entry(p);
        if (e !== 0) this.pageMap.setEntry(p, e & ~PTE_U);
      }
    }
    this.changed();
    return true;
  }

  /** Finds room for `length` bytes below the previous mappings (top-down, like Linux). */
  findFree(length: number): number {
    let top = this.mmapTop;
    for (;;) {
      const start = top - length;
      if (start < 0x1000000) return -1;
      const clash = this.vmas.find((v) => v.start < top && v.end > start);
      if (clash === undefined) {
        this.mmapTop = start;
        return start;
      }
      top = clash.start;
    }
  }

  /** Translations changed: drop cached translations and decoded code. */
  changed(): void {
    this.cpu.mmu.tlb.flush();
    this.cpu.flushDecoded = true;
  }

  /** Host copy into guest memory through the page map (populating pages, ignoring protections). */
  write(addr: number, bytes: Uint8Array): void {
    for (let k = 0; k < bytes.length; ) {
      const a = (addr + k) >>> 0;
      const v = this.find(a);
      const f = this.populate(a >>> 12, v?.prot ?? PROT_READ | PROT_WRITE);
      const off = a & (PAGE - 1);
      const n = Math.min(PAGE - off, bytes.length - k);
      this.ram.u8.set(bytes.subarray(k, k + n), f + off);
      k += n;
    }
  }
}
