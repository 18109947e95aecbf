/** brk, mmap2/mmap (anonymous, private), munmap, mprotect, madvise (mm/mmap.c, mm/mprotect.c). */
import { EBADF, EINVAL, ENOMEM } from "../abi/errno";
import { PAGE, PROT_EXEC, PROT_READ, PROT_WRITE, TASK_SIZE } from "../address-space";
import type { LinuxProcess } from "../process";
import type { SyscallDef } from "./types";

const MAP_SHARED = 0x01;
const MAP_PRIVATE = 0x02;
const MAP_FIXED = 0x10;
const MAP_ANONYMOUS = 0x20;
const PAGE_MASK = PAGE - 1;

function brk(p: LinuxProcess, addr: number): number {
  const space = p.space;
  const want = addr >>> 0;
  if (want === 0 || want < space.brkStart) return space.brk;
  const oldEnd = (space.brk + PAGE_MASK) & ~PAGE_MASK;
  const newEnd = (want + PAGE_MASK) & ~PAGE_MASK;
  if (newEnd > oldEnd) {
    if (space.vmas.some((v) => v.start < newEnd && v.end > oldEnd) || newEnd > TASK_SIZE) return space.brk;
    space.addVma(oldEnd, newEnd, PROT_READ | PROT_WRITE, "heap");
  } else if (newEnd < oldEnd) {
    space.unmap(newEnd, oldEnd);
  }
  space.brk = want;
  return want;
}

/** mmap2: offset in pages. Only anonymous private (or shared: same thing with one process) maps. */
function mmap2(p: LinuxProcess, addr: number, length: number, prot: number, flags: number, fd: number): number {
  const space = p.space;
  const len = ((length >>> 0) + PAGE_MASK) & ~PAGE_MASK;
  if (len === 0 || len >= TASK_SIZE) return -EINVAL;
  if ((flags & (MAP_SHARED | MAP_PRIVATE)) === 0) return -EINVAL;
  if ((flags & MAP_ANONYMOUS) === 0) return fd < 0 ? -EBADF : -EBADF; // no files to map
  let start: number;
  if ((flags & MAP_FIXED) !== 0) {
    start = addr >>> 0;
    if ((start & PAGE_MASK) !== 0 || start + len > TASK_SIZE) return -EINVAL;
    space.unmap(start, start + len);
  } else {
    const hint = addr >>> 0;
    if (hint !== 0 && (hint & PAGE_MASK) === 0 && hint + len <= TASK_SIZE && !space.vmas.some((v) => v.start < hint + len && v.end > hint)) start = hint;
    else start = space.findFree(len);
    if (start < 0) return -ENOMEM;
  }
  space.addVma(start, start + len, prot & (PROT_READ | PROT_WRITE | PROT_EXEC), "anon");
  return start | 0;
}

function munmap(p: LinuxProcess, addr: number, length: number): number {
  const start = addr >>> 0;
  if ((start & PAGE_MASK) !== 0 || length === 0) return -EINVAL;
  const end = start + (((length >>> 0) + PAGE_MASK) & ~PAGE_MASK);
  if (end > TASK_SIZE) return -EINVAL;
  p.space.unmap(start, end);
  return 0;
}

function mprotect(p: LinuxProcess, addr: number, length: number, prot: number): number {
  const start = addr >>> 0;
  if ((start & PAGE_MASK) !== 0) return -EINVAL;
  const end = start + (((length >>> 0) + PAGE_MASK) & ~PAGE_MASK);
  return p.space.protect(start, end, prot & (PROT_READ | PROT_WRITE | PROT_EXEC)) ? 0 : -ENOMEM;
}

export const memorySyscalls: readonly SyscallDef[] = [
  { nr: 45, name: "brk", support: "full", handler: brk },
  { nr: 192, name: "mmap2", support: "partial", note: "anonymous mappings only (no files)", handler: mmap2 },
  {
    nr: 90,
    name: "mmap",
    support: "partial",
    note: "old_mmap: arguments in a struct; anonymous only",
    handler: (p, argp) => {
      const a = p.copyIn(argp, 24);
      if (a === null) return -14;
      const dv = new DataView(a.buffer);
      const off = dv.getUint32(20, true);
      if ((off & PAGE_MASK) !== 0) return -EINVAL;
      return mmap2(p, dv.getUint32(0, true), dv.getUint32(4, true), dv.getUint32(8, true), dv.getUint32(12, true), dv.getInt32(16, true));
    },
  },
  { nr: 91, name: "munmap", support: "full", handler: munmap },
  { nr: 125, name: "mprotect", support: "full", handler: mprotect },
  { nr: 219, name: "madvise", support: "stub", note: "advice ignored", handler: () => 0 },
  { nr: 163, name: "mremap", support: "stub", note: "ENOMEM: callers fall back to mmap+copy", handler: () => -ENOMEM },
];
