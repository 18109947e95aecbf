/**
 * bare-metal-i386 test kernels: Multiboot v1 ELF images for `qemu-system-i386 -kernel` and
 * `strata-x86 -kernel`. Each workload's sources are the shared runtime (baremetal/rt: boot.asm,
 * rt.c, paging.c, link.ld) plus its own test file(s); C is freestanding gcc -m32 with no SSE, MMX
 * or x87 code generation, so every Strata level can run the result.
 */
import { basename, join } from "node:path";
import type { Workload } from "../../src/manifest";
import type { Builder } from "../build";
import { run } from "./exec";

export const BAREMETAL_CFLAGS = [
  "-m32", "-march=i686", "-O2", "-ffreestanding", "-fno-pic", "-fno-pie", "-fno-stack-protector",
  "-fno-asynchronous-unwind-tables", "-fno-builtin", "-nostdlib", "-mno-sse", "-mno-mmx",
  "-mno-80387", "-fcf-protection=none", "-fno-tree-loop-distribute-patterns", "-Wall", "-Wextra",
  "-Werror",
];
export const BAREMETAL_LDFLAGS = [
  "-m", "elf_i386", "--build-id=none", "-z", "noexecstack", "--no-warn-rwx-segments",
];

/** The object file for one source, compiled at most once per build (the runtime is shared). */
function objectFor(src: string, srcRoot: string, tmp: string, cache: Map<string, string>): string | undefined {
  const cached = cache.get(src);
  if (cached) return cached;
  const obj = join(tmp, `baremetal-${src.replace(/[/\\]/g, "_")}.o`);
  const path = join(srcRoot, src);
  if (src.endsWith(".asm")) run("nasm", ["-f", "elf32", "-o", obj, path]);
  else if (src.endsWith(".c")) {
    run("gcc", [...BAREMETAL_CFLAGS, "-I", join(srcRoot, "baremetal/rt"), "-c", "-o", obj, path]);
  } else return undefined;
  cache.set(src, obj);
  return obj;
}

function linkerScript(w: Workload): string {
  const ld = w.sources.find((s) => s.endsWith(".ld"));
  if (!ld) throw new Error(`bare-metal workload ${w.name}: no linker script (*.ld) among its sources`);
  return ld;
}

export const buildBaremetal: Builder = (items, ctx) => {
  const cache = new Map<string, string>();
  for (const w of items) {
    const objs = w.sources
      .map((s) => objectFor(s, ctx.srcRoot, ctx.tmp, cache))
      .filter((o): o is string => o !== undefined);
    const out = join(ctx.outRoot, w.artifact);
    run("ld", [...BAREMETAL_LDFLAGS, "-T", join(ctx.srcRoot, linkerScript(w)), "-o", out, ...objs]);
    if (!basename(out).endsWith(".elf")) throw new Error(`bare-metal artifact ${out} must be an .elf`);
  }
};
