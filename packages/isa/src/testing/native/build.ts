/**
 * Builds the native runner (harness/runner.c) with gcc -m32 -static into a cache directory keyed
 * by the hash of its sources, so a changed harness is rebuilt and binaries are never committed.
 * Node-only.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const HARNESS_SOURCES = ["runner.c", "wire.h"] as const;

/** The toolchain or the harness sources are missing or broken. */
export class HarnessBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "HarnessBuildError";
  }
}

/** packages/isa/harness, found from this module whether it runs from src/ or from dist/. */
export function harnessDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, "harness");
    if (existsSync(join(candidate, "runner.c"))) return candidate;
    dir = dirname(dir);
  }
  throw new HarnessBuildError("cannot find harness/runner.c above " + fileURLToPath(import.meta.url));
}

/** Path of the built runner, compiling it first if needed. */
export function buildRunner(options: { cacheDir?: string } = {}): string {
  const src = harnessDir();
  const hash = createHash("sha256");
  for (const f of HARNESS_SOURCES) hash.update(f).update(readFileSync(join(src, f)));
  const key = hash.digest("hex").slice(0, 16);
  const dir = join(options.cacheDir ?? join(tmpdir(), "strata-isa-harness"), key);
  const exe = join(dir, "runner");
  if (existsSync(exe)) return exe;
  mkdirSync(dir, { recursive: true });
  const tmp = `${exe}.${process.pid}.tmp`;
  try {
    execFileSync(
      "gcc",
      [
        "-m32", "-static", "-O2", "-fno-pie", "-no-pie", "-fno-stack-protector", "-U_FORTIFY_SOURCE",
        "-Wall", "-Wextra", "-Werror",
        "-o", tmp, join(src, "runner.c"),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new HarnessBuildError(
      `gcc -m32 failed to build harness/runner.c (install gcc-multilib: scripts/toolchain.sh): ${err.stderr?.toString() ?? err.message}`,
    );
  }
  renameSync(tmp, exe); // atomic: concurrent test workers never run a half-written binary
  return exe;
}
