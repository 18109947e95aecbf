/**
 * execve's user-space half for a static i386 ELF (fs/binfmt_elf.c load_elf_binary): PT_LOAD
 * segments become VMAs with their protections, file bytes are copied and the rest zeroed, brk
 * starts after the highest segment, and the initial stack is built exactly as the kernel lays it
 * out (create_elf_tables): argc, argv[], NULL, envp[], NULL, auxv pairs, AT_NULL, then the
 * strings and AT_RANDOM's 16 bytes near the top.
 */
import * as auxv from "./abi/auxv";
import { type AddressSpace, PAGE, PROT_EXEC, PROT_READ, PROT_WRITE, STACK_SIZE, TASK_SIZE } from "./address-space";
import { type ElfImage, PF_R, PF_W, PF_X, PT_LOAD } from "./elf";

export interface LoadedProgram {
  readonly entry: number;
  readonly stackPointer: number;
}

export interface ExecOptions {
  readonly argv: readonly string[];
  readonly envp: readonly string[];
  /** 16 bytes for AT_RANDOM (deterministic by default). */
  readonly random: Uint8Array;
}

const PAGE_MASK = PAGE - 1;

function protOf(flags: number): number {
  return ((flags & PF_R) !== 0 ? PROT_READ : 0) | ((flags & PF_W) !== 0 ? PROT_WRITE : 0) | ((flags & PF_X) !== 0 ? PROT_EXEC : 0);
}

export function loadElf(space: AddressSpace, elf: ElfImage, opts: ExecOptions): LoadedProgram {
  let highest = 0;
  let phdrAddr = 0;
  for (const ph of elf.segments) {
    if (ph.type !== PT_LOAD || ph.memsz === 0) continue;
    const start = ph.vaddr & ~PAGE_MASK;
    const end = (ph.vaddr + ph.memsz + PAGE_MASK) & ~PAGE_MASK;
    // Segments may share a page (tiny static programs do); the union of protections applies.
    const prot = protOf(ph.flags);
    const overlap = space.vmas.find((v) => v.start < end && v.end > start);
    if (overlap !== undefined) {
      overlap.prot |= prot;
      if (end > overlap.end) space.addVma(overlap.end, end, prot, "elf");
    } else space.addVma(start, end, prot, "elf");
    space.write(ph.vaddr, elf.bytes.subarray(ph.offset, ph.offset + ph.filesz));
    // Populate the bss pages too: they are zero either way, and this matches the kernel's
    // eager clearing of the partial page.
    for (let a = start; a < end; a += PAGE) space.populate(a >>> 12, space.find(a)?.prot ?? prot);
    if (ph.offset <= elf.phoff && elf.phoff + elf.phnum * 32 <= ph.offset + ph.filesz) {
      phdrAddr = ph.vaddr - ph.offset + elf.phoff;
    }
    highest = Math.max(highest, end);
  }
  // Writable bits in page-map entries follow the final VMA protections.
  for (const v of space.vmas) space.protect(v.start, v.end, v.prot);
  space.brkStart = space.brk = highest;

  space.addVma(TASK_SIZE - STACK_SIZE, TASK_SIZE, PROT_READ | PROT_WRITE, "stack");
  const enc = new TextEncoder();
  let sp = TASK_SIZE;
  const pushBytes = (b: Uint8Array): number => {
    sp -= b.length;
    space.write(sp, b);
    return sp;
  };
  const pushString = (s: string): number => pushBytes(enc.encode(`${s}\0`));
  const execfn = pushString(opts.argv[0] ?? "");
  const envAddrs = opts.envp.map(pushString);
  const argAddrs = opts.argv.map(pushString);
  const platform = pushString("i686");
  sp &= ~15;
  const random = pushBytes(opts.random.subarray(0, 16));
  const aux: [number, number][] = [
    [auxv.AT_PHDR, phdrAddr],
    [auxv.AT_PHENT, 32],
    [auxv.AT_PHNUM, elf.phnum],
    [auxv.AT_PAGESZ, PAGE],
    [auxv.AT_BASE, 0],
    [auxv.AT_FLAGS, 0],
    [auxv.AT_ENTRY, elf.entry],
    [auxv.AT_UID, 1000],
    [auxv.AT_EUID, 1000],
    [auxv.AT_GID, 1000],
    [auxv.AT_EGID, 1000],
    [auxv.AT_HWCAP, 0],
    [auxv.AT_CLKTCK, 100],
    [auxv.AT_SECURE, 0],
    [auxv.AT_RANDOM, random],
    [auxv.AT_HWCAP2, 0],
    [auxv.AT_EXECFN, execfn],
    [auxv.AT_PLATFORM, platform],
    [auxv.AT_NULL, 0],
  ];
  const words: number[] = [argAddrs.length, ...argAddrs, 0, ...envAddrs, 0];
  for (const [k, v] of aux) words.push(k, v);
  sp = (sp - words.length * 4) & ~15;
  const block = new Uint8Array(words.length * 4);
  const dv = new DataView(block.buffer);
  words.forEach((w, k) => dv.setUint32(k * 4, w >>> 0, true));
  space.write(sp, block);
  return { entry: elf.entry, stackPointer: sp };
}
