/**
 * linux-i386 workloads: freestanding static ELF32 executables. No libc: our rt/start.asm calls
 * main and exits, and rt/rt.h makes raw int 0x80 calls, so one binary runs natively, under
 * qemu-i386 and on Strata. Only integer instructions (no SSE/MMX) so every level can run them.
 */
import { basename, join } from "node:path";
import type { Builder } from "../build";
import { run } from "./exec";

export const CFLAGS = [
  "-m32", "-march=i686", "-O2", "-ffreestanding", "-fno-pic", "-fno-pie", "-fno-stack-protector",
  "-fno-asynchronous-unwind-tables", "-fno-builtin", "-mno-sse", "-mno-mmx", "-mno-80387",
  "-fcf-protection=none", "-Wall", "-Wextra",
];
export const LDFLAGS = ["-m", "elf_i386", "-static", "--build-id=none", "-z", "noexecstack", "-N"];

export const buildLinux: Builder = (items, ctx) => {
  const rt = join(ctx.srcRoot, "linux/rt");
  const startObj = join(ctx.tmp, "linux-start.o");
  const memObj = join(ctx.tmp, "linux-mem.o");
  run("nasm", ["-f", "elf32", "-o", startObj, join(rt, "start.asm")]);
  run("gcc", [...CFLAGS, "-c", "-o", memObj, join(rt, "mem.c")]);
  for (const w of items) {
    const out = join(ctx.outRoot, w.artifact);
    const objs: string[] = [];
    let hasC = false;
    for (const src of w.sources) {
      const obj = join(ctx.tmp, `linux-${w.name}-${basename(src)}.o`);
      if (src.endsWith(".asm")) run("nasm", ["-f", "elf32", "-o", obj, join(ctx.srcRoot, src)]);
      else if (src.endsWith(".c")) {
        hasC = true;
        run("gcc", [...CFLAGS, "-I", rt, "-c", "-o", obj, join(ctx.srcRoot, src)]);
      } else continue;
      objs.push(obj);
    }
    // Pure-asm programs bring their own _start; C programs get ours and memset/memcpy.
    const link = hasC ? [startObj, ...objs, memObj] : objs;
    run("ld", [...LDFLAGS, "-o", out, ...link]);
  }
};
