/**
 * win32-pe workloads: PE32 i386 console programs built with mingw-w64 without a C runtime
 * (-nostdlib), importing only what they call from kernel32.dll, so a Win32 personality can run
 * them with a handful of exports. --no-insert-timestamp keeps the build reproducible.
 */
import { join } from "node:path";
import type { Builder } from "../build";
import { run } from "./exec";

export const MINGW_FLAGS = [
  "-O2", "-nostdlib", "-ffreestanding", "-fno-asynchronous-unwind-tables", "-fno-stack-protector",
  "-Wall", "-Wextra", "-e", "_mainCRTStartup@0", "-Wl,--subsystem,console", "-Wl,--no-insert-timestamp",
];

export const buildWin32: Builder = (items, ctx) => {
  for (const w of items) {
    const sources = w.sources.filter((s) => s.endsWith(".c")).map((s) => join(ctx.srcRoot, s));
    run("i686-w64-mingw32-gcc", [...MINGW_FLAGS, "-o", join(ctx.outRoot, w.artifact), ...sources, "-lkernel32"]);
  }
};
