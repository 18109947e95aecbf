/**
 * Every linux-i386 workload of @strata/workloads, run natively (this host executes i386 ELF
 * binaries) and on linux-user: stdout and exit status must be identical. Plus a static glibc
 * program built here with gcc -m32 -static, whose startup exercises CPUID, TLS (set_thread_area
 * and %gs), brk, mprotect and the stdio machinery.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { LinuxProcess } from "../src/index";

interface Outcome {
  stdout: string;
  status: number;
}

function runNative(path: string, args: readonly string[]): Outcome {
  const r = spawnSync(path, args, { encoding: "latin1" });
  if (r.error) throw r.error;
  return { stdout: r.stdout, status: r.status ?? 128 + (r.signal === "SIGSEGV" ? 11 : 0) };
}

function runStrata(bytes: Uint8Array, argv: readonly string[]): Outcome & { proc: LinuxProcess } {
  const chunks: Uint8Array[] = [];
  const proc = new LinuxProcess(bytes, { argv, stdout: (b) => chunks.push(b.slice()), stderr: () => undefined });
  proc.run();
  return { stdout: Buffer.concat(chunks).toString("latin1"), status: proc.status().status, proc };
}

describe("linux-i386 workloads: native vs linux-user", () => {
  for (const w of workloadsOfKind("linux-i386")) {
    it(`${w.name}: same stdout and exit status as the native run`, () => {
      const path = resolveWorkloadPath(w.artifact);
      const args = w.args ?? [];
      const native = runNative(path, args);
      const strata = runStrata(readArtifact(w), [path, ...args]);
      expect(strata.stdout).toBe(native.stdout);
      expect(strata.status).toBe(native.status);
      const c = strata.proc.counters();
      expect(c["insn.retired"]).toBeGreaterThan(0);
      expect(c["syscall.write"]).toBeGreaterThan(0);
    });
  }

  it("is deterministic: two runs give identical counters", () => {
    const w = workloadsOfKind("linux-i386").find((x) => x.name === "crc32")!;
    const a = runStrata(readArtifact(w), ["crc32"]).proc.counters();
    const b = runStrata(readArtifact(w), ["crc32"]).proc.counters();
    expect(b).toEqual(a);
  });
});

function gcc(dir: string, name: string, source: string): string | null {
  const c = join(dir, `${name}.c`);
  const out = join(dir, name);
  writeFileSync(c, source);
  const r = spawnSync("gcc", ["-m32", "-static", "-O2", "-o", out, c], { encoding: "utf8" });
  return r.status === 0 ? out : null;
}

describe("static glibc programs (gcc -m32 -static at test time)", () => {
  const dir = mkdtempSync(join(tmpdir(), "strata-linux-user-"));
  const hello = gcc(
    dir,
    "hello",
    `#include <stdio.h>
#include <stdlib.h>
#include <string.h>
int main(int argc, char **argv) {
  char *buf = malloc(100000);
  memset(buf, 'x', 99999); buf[99999] = 0;
  printf("hello from glibc: argc=%d argv[1]=%s len=%zu\\n", argc, argc > 1 ? argv[1] : "-", strlen(buf));
  double d = 1.0; for (int i = 1; i <= 10; i++) d *= i * 0.5;
  printf("%.6f %lld\\n", d, (long long)argc * 123456789012LL / 7);
  free(buf);
  return argc + 40;
}
`,
  );
  it.skipIf(hello === null)("printf, malloc and exit status match the native run", () => {
    const native = runNative(hello!, ["arg-one"]);
    const strata = runStrata(new Uint8Array(readFileSync(hello!)), [hello!, "arg-one"]);
    expect(strata.stdout).toBe(native.stdout);
    expect(strata.status).toBe(native.status);
    const c = strata.proc.counters();
    expect(c["syscall.set_thread_area"]).toBe(1);
  });
});
