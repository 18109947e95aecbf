/**
 * strata-kernel: a Multiboot i386 kernel (kernel/, C and nasm) and its initial ramdisk, a "newc"
 * cpio archive (cpio(5)) holding /sbin/init, the user programs of kernel/user/bin, three
 * linux-i386 workloads (the same binaries that run natively) and /etc/rc.
 *
 * Which file goes where is decided by its path in the workload's `sources`:
 *   kernel/user/lib/*      the user runtime, linked into every kernel/user/bin program
 *   kernel/user/bin/X.c    /bin/X (init.c becomes /sbin/init)
 *   kernel/user/etc/X      /etc/X
 *   linux/X.{c,asm}        /bin/X, built as the linux-i386 workloads are
 *   other kernel/ .c .asm  the kernel itself, linked with kernel/kernel.ld
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Workload } from "../../src/manifest";
import type { Builder } from "../build";
import { run } from "./exec";
import { CFLAGS, LDFLAGS, buildLinux } from "./linux";

/** The kernel adds to the workloads' flags only what handler tables need. */
export const KERNEL_CFLAGS = [...CFLAGS, "-nostdlib", "-Wno-unused-parameter"];

/** One entry of a newc archive: a directory, or a regular file with its bytes. */
export interface InitrdEntry {
  readonly path: string;
  readonly data?: Uint8Array;
}

const hex8 = (v: number): string => v.toString(16).padStart(8, "0");

/**
 * A "newc" cpio archive (magic 070701): per entry a 110-byte header of 13 eight-digit hex fields
 * (ino, mode, uid, gid, nlink, mtime, filesize, devmajor, devminor, rdevmajor, rdevminor,
 * namesize, check), the NUL-terminated name and the data, each padded to 4 bytes; then the
 * TRAILER!!! entry. Times and owners are zero so the archive is reproducible.
 */
export function packNewc(entries: readonly InitrdEntry[]): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  const push = (b: Uint8Array): void => {
    parts.push(b);
    size += b.length;
  };
  const pad = (): void => {
    if (size % 4) push(new Uint8Array(4 - (size % 4)));
  };
  const all = [...entries, { path: "TRAILER!!!", data: new Uint8Array(0) }];
  all.forEach((e, i) => {
    const isDir = e.data === undefined;
    const name = new TextEncoder().encode(`${e.path}\0`);
    const data = e.data ?? new Uint8Array(0);
    const trailer = e.path === "TRAILER!!!";
    const mode = trailer ? 0 : isDir ? 0o40755 : 0o100755;
    const fields = [trailer ? 0 : i + 1, mode, 0, 0, isDir ? 2 : 1, 0, data.length, 0, 0, 0, 0, name.length, 0];
    push(new TextEncoder().encode(`070701${fields.map(hex8).join("")}`));
    push(name);
    pad();
    push(data);
    pad();
  });
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The regular files and directories of a newc archive, in archive order (the inverse of packNewc). */
export function unpackNewc(archive: Uint8Array): InitrdEntry[] {
  const entries: InitrdEntry[] = [];
  const text = new TextDecoder("latin1");
  let off = 0;
  for (;;) {
    if (text.decode(archive.subarray(off, off + 6)) !== "070701") throw new Error(`initrd: bad magic at offset ${off}`);
    const field = (i: number): number => parseInt(text.decode(archive.subarray(off + 6 + i * 8, off + 14 + i * 8)), 16);
    const mode = field(1);
    const size = field(6);
    const namesize = field(11);
    const path = text.decode(archive.subarray(off + 110, off + 110 + namesize - 1));
    const data = (off + 110 + namesize + 3) & ~3;
    if (path === "TRAILER!!!") return entries;
    if ((mode & 0o170000) === 0o040000) entries.push({ path });
    else entries.push({ path, data: archive.slice(data, data + size) });
    off = (data + size + 3) & ~3;
  }
}

function buildOne(w: Workload, ctx: Parameters<Builder>[1]): Promise<void> | void {
  const tmp = join(ctx.tmp, `kernel-${w.name}`);
  mkdirSync(tmp, { recursive: true });
  const src = (s: string): string => join(ctx.srcRoot, s);
  const obj = (s: string): string => join(tmp, `${s.replace(/[/.]/g, "_")}.o`);
  const compile = (s: string, flags: readonly string[]): string => {
    const o = obj(s);
    if (s.endsWith(".asm")) run("nasm", ["-f", "elf32", "-o", o, src(s)]);
    else run("gcc", [...flags, "-c", "-o", o, src(s)]);
    return o;
  };
  const isUser = (s: string): boolean => s.startsWith("kernel/user/");
  const kernelObjs = w.sources
    .filter((s) => s.startsWith("kernel/") && !isUser(s) && /\.(c|asm)$/.test(s))
    .map((s) => compile(s, KERNEL_CFLAGS));
  run("ld", ["-m", "elf_i386", "-T", src("kernel/kernel.ld"), "--build-id=none", "-z", "noexecstack",
    "--no-warn-rwx-segments", "-o", join(ctx.outRoot, w.artifact), ...kernelObjs]);

  const userFlags = [...CFLAGS, "-I", src("kernel/user/lib")];
  const runtime = w.sources
    .filter((s) => s.startsWith("kernel/user/lib/") && /\.(c|asm)$/.test(s))
    .map((s) => compile(s, userFlags));
  const entries: InitrdEntry[] = [{ path: "bin" }, { path: "etc" }, { path: "sbin" }, { path: "tmp" }];
  for (const s of w.sources.filter((s) => s.startsWith("kernel/user/bin/") && s.endsWith(".c"))) {
    const name = basename(s, ".c");
    const elf = join(tmp, `${name}.elf`);
    // start.o first so that _start leads the text.
    const start = runtime.filter((o) => o.endsWith("_asm.o"));
    const rest = runtime.filter((o) => !o.endsWith("_asm.o"));
    run("ld", [...LDFLAGS, "-o", elf, ...start, compile(s, userFlags), ...rest]);
    entries.push({ path: name === "init" ? "sbin/init" : `bin/${name}`, data: readFileSync(elf) });
  }
  for (const s of w.sources.filter((s) => s.startsWith("kernel/user/etc/")))
    entries.push({ path: `etc/${basename(s)}`, data: readFileSync(src(s)) });

  // The linux-i386 workloads named in the sources, built exactly as their own builder does.
  const linuxSources = w.sources.filter((s) => s.startsWith("linux/"));
  const linuxOut = join(tmp, "linux");
  const linuxItems: Workload[] = linuxSources.map((s) => ({
    name: basename(s).replace(/\.(c|asm)$/, ""),
    kind: "linux-i386",
    description: "",
    sources: [s],
    artifact: `${basename(s).replace(/\.(c|asm)$/, "")}.elf`,
    expected: { stdout: "", exitCode: 0 },
    levels: [],
  }));
  mkdirSync(linuxOut, { recursive: true });
  const after = (): void => {
    for (const l of linuxItems) entries.push({ path: `bin/${l.name}`, data: readFileSync(join(linuxOut, l.artifact)) });
    const initrd = w.modules?.[0];
    if (!initrd) throw new Error(`workload ${w.name}: no module path for the initrd`);
    entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    writeFileSync(join(ctx.outRoot, initrd), packNewc(entries));
  };
  const linux = buildLinux(linuxItems, { ...ctx, outRoot: linuxOut });
  return linux instanceof Promise ? linux.then(after) : after();
}

export const buildKernel: Builder = async (items, ctx) => {
  for (const w of items) await buildOne(w, ctx);
};
