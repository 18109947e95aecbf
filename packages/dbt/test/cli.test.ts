/**
 * strata-dbt takes strata-x86's arguments: the same bare-metal ELF gives the same console output,
 * exit status and retired-instruction count as strata-x86 (the interpreter's CLI, run as a
 * separate process), and bad input gets one line and a non-zero status.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findWorkload } from "@strata/workloads";
import { resolveWorkloadPath } from "@strata/workloads/node";
import { main } from "../src/cli/commands";

const ELF = fileURLToPath(new URL("../../workloads/artifacts/bare-metal-i386/demo.elf", import.meta.url));
const X86 = fileURLToPath(new URL("../../isa/src/cli.ts", import.meta.url));

function capture(argv: string[]): { status: number; out: string; err: string } {
  let out = "";
  let err = "";
  const status = main(argv, { out: (s) => void (out += s), err: (s) => void (err += s) });
  return { status, out, err };
}

describe("strata-dbt", () => {
  it("run: same output, status and insn.retired as strata-x86 run", () => {
    const x86 = spawnSync(process.execPath, ["--conditions=@strata/source", "--import", "tsx", X86, "run", "--counters", ELF], { encoding: "latin1" });
    const dbt = capture(["run", "--counters", ELF]);
    expect(dbt.out).toBe(x86.stdout);
    expect(dbt.status).toBe(x86.status);
    const retired = (s: string): string | undefined => /^insn\.retired (\d+)$/m.exec(s)?.[1];
    expect(retired(x86.stderr)).toBeDefined();
    expect(retired(dbt.err)).toBe(retired(x86.stderr));
  });

  it("disasm: the same listing as strata-x86 disasm", () => {
    const x86 = spawnSync(process.execPath, ["--conditions=@strata/source", "--import", "tsx", X86, "disasm", ELF], { encoding: "latin1" });
    const dbt = capture(["disasm", ELF]);
    expect(dbt.status).toBe(0);
    expect(dbt.out).toBe(x86.stdout);
  });

  it("bad input: one line, non-zero status", () => {
    const missing = capture(["run", "/nonexistent.elf"]);
    expect(missing.status).toBe(1);
    expect(missing.err).toBe("strata-dbt run: /nonexistent.elf: ENOENT\n");
    const notElf = capture(["run", fileURLToPath(import.meta.url)]);
    expect(notElf.status).toBe(1);
    expect(notElf.err.split("\n").filter(Boolean)).toHaveLength(1);
    expect(capture(["run", "--budget", "x", ELF]).status).toBe(2);
    expect(capture(["frobnicate"]).status).toBe(2);
  });

  it("-kernel: a bare-metal test kernel prints qemu-system-i386's transcript and exits with its status", () => {
    const w = findWorkload("pit")!;
    const r = capture(["-kernel", resolveWorkloadPath(w.artifact), "-serial", "stdio", "-no-reboot", "--threshold", "2", "--counters"]);
    expect(r.out.slice(r.out.indexOf(w.expected.stdout.slice(0, 20)))).toBe(w.expected.stdout);
    expect(r.status).toBe((w.expected.exitCode << 1) | 1);
    expect(Number(/^tc\.blocks_compiled (\d+)$/m.exec(r.err)?.[1])).toBeGreaterThan(0);
  });

  it("-kernel: bad machine arguments get one line and status 2", () => {
    const r = capture(["-kernel", "x.elf", "-m", "lots"]);
    expect(r.status).toBe(2);
    expect(r.err.split("\n")[0]).toBe("strata-dbt: -m: 'lots' is not a memory size (MB, or with an M/G suffix)");
  });
});
