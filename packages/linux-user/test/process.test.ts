/**
 * Process-level behaviour against native runs: fatal signals from processor exceptions, argv and
 * environment on the initial stack, stdin, and typed errors for inputs that are not programs.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ElfError, ElfFormatError, LinuxProcess, SYSCALLS } from "../src/index";
import { SYSCALL_NAMES } from "../src/abi/syscall-names";

const dir = mkdtempSync(join(tmpdir(), "strata-lu-"));
function gcc(name: string, source: string): string | null {
  const c = join(dir, `${name}.c`);
  const out = join(dir, name);
  writeFileSync(c, source);
  return spawnSync("gcc", ["-m32", "-static", "-O1", "-o", out, c]).status === 0 ? out : null;
}

function strata(path: string, argv: string[], opts: { envp?: string[]; stdin?: string } = {}) {
  const chunks: Uint8Array[] = [];
  const input = Buffer.from(opts.stdin ?? "");
  let pos = 0;
  const proc = new LinuxProcess(new Uint8Array(readFileSync(path)), {
    argv,
    envp: opts.envp ?? [],
    stdout: (b) => chunks.push(b.slice()),
    stdin: (buf) => {
      const n = Math.min(buf.length, input.length - pos);
      buf.set(input.subarray(pos, pos + n));
      pos += n;
      return n;
    },
  });
  proc.run();
  return { stdout: Buffer.concat(chunks).toString("latin1"), status: proc.status(), proc };
}

const segv = gcc("segv", `#include <stdio.h>\nint main(void) { puts("before"); fflush(stdout); *(volatile int *)16 = 1; return 0; }\n`);
const echo = gcc(
  "echo",
  `#include <stdio.h>\n#include <stdlib.h>\nint main(int argc, char **argv) {\n  for (int i = 0; i < argc; i++) printf("[%s]", argv[i]);\n  printf(" HOME=%s\\n", getenv("HOME") ? getenv("HOME") : "(unset)");\n  char line[64];\n  while (fgets(line, sizeof line, stdin)) printf("got %s", line);\n  return 0;\n}\n`,
);

describe("linux-user processes vs native", () => {
  it.skipIf(segv === null)("a null-page store is SIGSEGV, as natively (status 128 + 11)", () => {
    const native = spawnSync(segv!, [], { encoding: "latin1" });
    expect(native.signal).toBe("SIGSEGV");
    const r = strata(segv!, [segv!]);
    expect(r.stdout).toBe(native.stdout);
    expect(r.status).toEqual({ code: null, signal: 11, status: 139 });
    expect(r.proc.fault).toMatch(/^SIGSEGV: page fault at 0x10 /);
    expect(r.proc.counters()["exc.pf"]).toBeGreaterThan(0);
  });

  it.skipIf(echo === null)("argv, envp and stdin reach the program as natively", () => {
    const args = ["one", "two words", ""];
    const env = ["HOME=/home/strata", "X=1"];
    const native = spawnSync(echo!, args, { encoding: "latin1", env: { HOME: "/home/strata", X: "1" }, input: "line 1\nline 2\n" });
    const r = strata(echo!, [echo!, ...args], { envp: env, stdin: "line 1\nline 2\n" });
    expect(r.stdout).toBe(native.stdout);
    expect(r.status.status).toBe(native.status);
  });

  it("rejects what is not a static i386 executable with a typed error naming the field", () => {
    expect(() => new LinuxProcess(new Uint8Array([1, 2, 3]), { argv: ["x"] })).toThrow(ElfError);
    const ls = new Uint8Array(readFileSync("/bin/sh"));
    expect(() => new LinuxProcess(ls, { argv: ["sh"], file: "/bin/sh" })).toThrow(/EI_CLASS|e_type|PT_INTERP/);
    const c = join(dir, "dyn.c");
    const d = join(dir, "dyn32");
    writeFileSync(c, "int main(void) { return 0; }\n");
    if (spawnSync("gcc", ["-m32", "-no-pie", "-o", d, c]).status === 0) {
      // Dynamically linked: PT_INTERP is named in the error.
      expect(() => new LinuxProcess(new Uint8Array(readFileSync(d)), { argv: ["d"], file: d })).toThrow(ElfFormatError);
      expect(() => new LinuxProcess(new Uint8Array(readFileSync(d)), { argv: ["d"], file: d })).toThrow(/PT_INTERP/);
    }
  });

  it("the syscall table is data: every number and name agrees with the kernel's unistd_32.h", () => {
    const header = ["/usr/include/x86_64-linux-gnu/asm/unistd_32.h", "/usr/include/asm/unistd_32.h"].find((p) => {
      try {
        readFileSync(p);
        return true;
      } catch {
        return false;
      }
    });
    const nrs = SYSCALLS.map((s) => s.nr);
    expect(new Set(nrs).size).toBe(nrs.length);
    if (header === undefined) return;
    const defs = new Map<string, number>();
    for (const m of readFileSync(header, "utf8").matchAll(/^#define __NR_(\w+) (\d+)$/gm)) defs.set(m[1]!, Number(m[2]));
    const wrong = SYSCALLS.filter((s) => defs.get(s.name) !== s.nr).map((s) => `${s.name}=${s.nr} (header: ${defs.get(s.name)})`);
    expect(wrong).toEqual([]);
    // The names used for counting unimplemented calls are the header's.
    const named = new Map<number, string>();
    SYSCALL_NAMES.forEach((n, nr) => {
      if (n !== undefined) named.set(nr, n);
    });
    expect(named).toEqual(new Map([...defs].map(([n, nr]) => [nr, n])));
  });
});
