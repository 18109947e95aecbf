/**
 * Thread-local storage descriptors (arch/x86/kernel/tls.c, fill_ldt in asm/desc.h): the process
 * gets a GDT in a supervisor-only page (the guest cannot read it, the CPU's implicit descriptor
 * fetches can), with Linux's flat user code/data at entries 14/15 (selectors 0x73/0x7b) and three
 * TLS slots at entries 6-8 that set_thread_area fills from a struct user_desc.
 */
import { GS, FS, loadSegment, PTE_W, S_GDTR_BASE, S_GDTR_LIMIT, S_SEL } from "@strata/isa";
import { EFAULT, EINVAL } from "./abi/errno";
import type { AddressSpace } from "./address-space";
import type { LinuxProcess } from "./process";

export const GDT_ENTRY_TLS_MIN = 6;
export const GDT_ENTRY_TLS_ENTRIES = 3;
export const GDT_ENTRIES = 32;
/** Linear address of the GDT page (above TASK_SIZE, supervisor-only). */
export const GDT_LINEAR = 0xffffe000;

export class ThreadAreas {
  private readonly frame: number;

  constructor(
    private readonly space: AddressSpace,
  ) {
    this.frame = space.allocFrame();
    space.pageMap.map(GDT_LINEAR >>> 12, this.frame, 1, PTE_W); // no PTE_U: supervisor only
    const s = space.cpu.s;
    s[S_GDTR_BASE] = GDT_LINEAR | 0;
    s[S_GDTR_LIMIT] = GDT_ENTRIES * 8 - 1;
    // __USER_CS (entry 14): base 0, limit 4 GiB, code, DPL 3; __USER_DS (entry 15): data.
    this.write(14, 0x0000ffff, 0x00cffa00);
    this.write(15, 0x0000ffff, 0x00cff200);
  }

  private write(entry: number, lo: number, hi: number): void {
    const dv = new DataView(this.space.ram.buffer, this.frame * 4096 + entry * 8, 8);
    dv.setUint32(0, lo >>> 0, true);
    dv.setUint32(4, hi >>> 0, true);
  }

  private read(entry: number): [number, number] {
    const dv = new DataView(this.space.ram.buffer, this.frame * 4096 + entry * 8, 8);
    return [dv.getUint32(0, true), dv.getUint32(4, true)];
  }

  setThreadArea(p: LinuxProcess, uinfo: number): number {
    const raw = p.copyIn(uinfo, 16);
    if (raw === null) return -EFAULT;
    const dv = new DataView(raw.buffer);
    let entry = dv.getInt32(0, true);
    const base = dv.getUint32(4, true);
    const limit = dv.getUint32(8, true);
    const flags = dv.getUint32(12, true);
    if (entry === -1) {
      entry = -1;
      for (let k = GDT_ENTRY_TLS_MIN; k < GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES; k++) {
        const [lo, hi] = this.read(k);
        if (lo === 0 && hi === 0) {
          entry = k;
          break;
        }
      }
      if (entry < 0) return -3; // ESRCH: no free slot
      const out = new Uint8Array(4);
      new DataView(out.buffer).setInt32(0, entry, true);
      if (!p.copyOut(uinfo, out)) return -EFAULT;
    }
    if (entry < GDT_ENTRY_TLS_MIN || entry >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES) return -EINVAL;
    const seg32 = flags & 1;
    const contents = (flags >> 1) & 3;
    const readExecOnly = (flags >> 3) & 1;
    const limitInPages = (flags >> 4) & 1;
    const notPresent = (flags >> 5) & 1;
    const useable = (flags >> 6) & 1;
    // LDT_empty: a zeroed request clears the slot.
    if (base === 0 && limit === 0 && contents === 0 && readExecOnly === 1 && seg32 === 0 && limitInPages === 0 && notPresent === 1 && useable === 0) {
      this.write(entry, 0, 0);
    } else {
      const lo = ((base & 0xffff) << 16) | (limit & 0xffff);
      const hi =
        (base & 0xff000000) |
        ((base >>> 16) & 0xff) |
        (limit & 0xf0000) |
        ((readExecOnly ^ 1) << 9) |
        (contents << 10) |
        ((notPresent ^ 1) << 15) |
        (seg32 << 22) |
        (limitInPages << 23) |
        (useable << 20) |
        0x7000; // S = 1, DPL = 3
      this.write(entry, lo, hi);
    }
    // Like load_TLS on return to user mode: a segment register holding this selector reloads.
    const cpu = this.space.cpu;
    for (const seg of [FS, GS]) {
      if ((cpu.s[S_SEL + seg]! >> 3) === entry) loadSegment(cpu, seg, cpu.s[S_SEL + seg]!);
    }
    return 0;
  }

  getThreadArea(p: LinuxProcess, uinfo: number): number {
    const raw = p.copyIn(uinfo, 16);
    if (raw === null) return -EFAULT;
    const entry = new DataView(raw.buffer).getInt32(0, true);
    if (entry < GDT_ENTRY_TLS_MIN || entry >= GDT_ENTRY_TLS_MIN + GDT_ENTRY_TLS_ENTRIES) return -EINVAL;
    const [lo, hi] = this.read(entry);
    const out = new Uint8Array(16);
    const dv = new DataView(out.buffer);
    dv.setInt32(0, entry, true);
    dv.setUint32(4, ((lo >>> 16) | ((hi & 0xff) << 16) | (hi & 0xff000000)) >>> 0, true);
    dv.setUint32(8, (lo & 0xffff) | (hi & 0xf0000), true);
    const flags =
      ((hi >>> 22) & 1) |
      (((hi >>> 10) & 3) << 1) |
      ((((hi >>> 9) & 1) ^ 1) << 3) |
      (((hi >>> 23) & 1) << 4) |
      ((((hi >>> 15) & 1) ^ 1) << 5) |
      (((hi >>> 20) & 1) << 6);
    dv.setUint32(12, flags, true);
    return p.copyOut(uinfo, out) ? 0 : -EFAULT;
  }
}
