/**
 * Bare-metal kernels on the isa level (the PC machine), against qemu-system-i386's transcripts
 * that the catalogue recorded (from the marker line on) and its isa-debug-exit codes; the debug
 * session against objdump; the CLI from source. A quick subset: the full set of 12 kernels runs
 * in @strata/workloads (under strata-x86) and here with STRATA_FULL=1.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findWorkload, workloadsOfKind, type Workload } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { compare, detectKind, workloadInput, type RunReport } from "../src/index";
import { nodeRegistry } from "../src/node";
import { objdump } from "./support/objdump";

const registry = nodeRegistry();
const MARKER = "== strata bare-metal test: ";
const QUICK = ["ring3", "errcode", "devices"];
const kernels = workloadsOfKind("bare-metal-i386").filter((w) => w.expected.stdout.startsWith(MARKER));
const chosen = process.env.STRATA_FULL ? kernels : kernels.filter((w) => QUICK.includes(w.name));

const kernel = (name: string): Workload => {
  const w = findWorkload(name);
  if (!w) throw new Error(`${name} is not in the catalogue`);
  return w;
};
const run = (name: string, options = {}, level = "isa"): Promise<RunReport> => {
  const w = kernel(name);
  return registry.get(level).run(workloadInput(w, readArtifact(w)), options);
};
/** The transcript from the marker line on, as the catalogue keeps qemu's. */
const fromMarker = (s: string): string => s.slice(Math.max(0, s.indexOf(MARKER)));

describe("isa level: bare-metal kernels on the PC machine", () => {
  it("the quick subset is in the catalogue", () => {
    expect(chosen.map((w) => w.name).sort()).toEqual(process.env.STRATA_FULL ? kernels.map((w) => w.name).sort() : [...QUICK].sort());
  });

  for (const w of chosen) for (const level of ["isa", "dbt"]) {
    it(`${w.name} on ${level}: prints qemu's serial transcript and exits with its isa-debug-exit code`, async () => {
      const r = await run(w.name, {}, level);
      expect(fromMarker(r.output).split("\n")).toEqual(w.expected.stdout.split("\n"));
      expect(r.exit).toEqual({ kind: "exit", code: w.expected.exitCode });
      expect(r.counters["insn.retired"]).toBeGreaterThan(0);
      // Every COM1 byte is the transcript's (the PC has no firmware printing before the kernel).
      expect(r.counters["serial.tx_bytes"]).toBe(new TextEncoder().encode(r.output).length);
    });
  }

  // strata-kernel boots with its initrd in 64 MiB and runs ~830 million instructions: full mode only.
  it.skipIf(!process.env.STRATA_FULL)("strata-kernel: boots with its initrd and prints qemu's transcript on isa and dbt", { timeout: 600_000 }, async () => {
    const w = kernel("strata-kernel");
    const modules = (w.modules ?? []).map((m) => new Uint8Array(readFileSync(resolveWorkloadPath(m))));
    for (const level of ["isa", "dbt"]) {
      const r = await registry.get(level).run(workloadInput(w, readArtifact(w), modules));
      expect(r.output.split("\n"), level).toEqual(w.expected.stdout.split("\n"));
      expect(r.exit, level).toEqual({ kind: "exit", code: w.expected.exitCode });
    }
  });

  it("errcode: the exception counters hold every vector the kernel reports catching", async () => {
    const r = await run("errcode");
    const names: Record<number, string> = { 0: "de", 5: "br", 6: "ud", 7: "nm", 8: "df", 10: "ts", 11: "np", 13: "gp" };
    const vectors = new Set([...kernel("errcode").expected.stdout.matchAll(/-> vector (\d+)/g)].map((m) => Number(m[1])));
    for (const v of vectors) {
      const name = names[v];
      if (name) expect(r.counters[`exc.${name}`], `exc.${name}`).toBeGreaterThanOrEqual(1);
      else expect(r.counters[`int.0x${v.toString(16)}`], `int.0x${v.toString(16)}`).toBeGreaterThanOrEqual(1);
    }
  });

  it("demo: PIT interrupts and HLT wake-ups are counted; the report has the TLB counters", async () => {
    const r = await run("demo");
    expect(r.output).toBe(kernel("demo").expected.stdout);
    // demo counts down on timer interrupts, sleeping in HLT between them.
    expect(r.counters["irq.0"]).toBeGreaterThan(0);
    expect(r.counters["hlt.wakeups"]).toBeGreaterThan(0);
    for (const k of ["tlb.hit", "tlb.miss", "tlb.flush", "walk.mem_refs"]) expect(r.counters[k], k).toBeTypeOf("number");
  });

  it("stops at the budget with the count exact, and the output is a prefix of the full transcript", async () => {
    const r = await run("demo", { budget: 150_000, progressEvery: 40_000 });
    expect(r.exit).toEqual({ kind: "budget" });
    expect(r.counters["insn.retired"]).toBe(150_000);
    expect(kernel("demo").expected.stdout.startsWith(r.output)).toBe(true);
  });

  it("is cancelled between slices and reports what was measured", async () => {
    const ac = new AbortController();
    const seen: number[] = [];
    const r = await run("demo", {
      signal: ac.signal,
      progressEvery: 30_000,
      onProgress: (p: { executed: number }) => {
        seen.push(p.executed);
        if (seen.length === 2) ac.abort();
      },
    });
    expect(r.exit).toEqual({ kind: "cancelled" });
    expect(r.counters["insn.retired"]).toBe(seen[1]);
    expect(seen[0]).toBe(30_000);
  });

  it("streams the serial output as it is produced, in the report's order", async () => {
    const chunks: string[] = [];
    const r = await run("ring3", { progressEvery: 2_000, onOutput: (t: string) => chunks.push(t) });
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe(r.output);
  });

  it("is deterministic, and slicing changes neither output nor retired instructions", async () => {
    const a = await run("pit");
    const b = await run("pit");
    const c = await run("pit", { progressEvery: 7_919 });
    expect(b.counters).toEqual(a.counters);
    expect(c.output).toBe(a.output);
    expect(c.counters["insn.retired"]).toBe(a.counters["insn.retired"]);
    expect(c.counters["irq.0"]).toBe(a.counters["irq.0"]);
  });

  it("runs an uploaded Multiboot kernel (recognized by its header) with the default machine", async () => {
    const w = kernel("task");
    const image = new Uint8Array(readArtifact(w));
    expect(detectKind("task.elf", image)).toBe("bare-metal-i386");
    const r = await registry.get("isa").run({ name: "task.elf", kind: "bare-metal-i386", image });
    expect(r.output).toBe(w.expected.stdout);
    expect(r.exit).toEqual({ kind: "exit", code: 0 });
  });

  it("a malformed kernel is an error report naming the file, not a host crash", async () => {
    const image = readArtifact(kernel("task")).slice(0, 300);
    const r = await registry.get("isa").run({ name: "cut.elf", kind: "bare-metal-i386", image });
    expect(r.exit.kind).toBe("error");
    expect(r.exit.kind === "error" && r.exit.message).toMatch(/^cut\.elf: /);
  });

  it("isa and dbt print the same and count the same instructions, events and device work", async () => {
    const w = kernel("pit");
    const c = await compare(registry, workloadInput(w, readArtifact(w)), ["isa", "dbt"]);
    expect(c.sameOutput).toBe(true);
    const [isa, dbt] = c.columns.map((col) => col.report.counters);
    const same = Object.keys(isa!).filter((k) => /^(insn|exc|int|irq|io|pit|serial|hlt)\./.test(k));
    expect(same).toContain("irq.0");
    for (const k of same) expect(dbt![k], k).toBe(isa![k]);
    // The translator inlines the TLB fast path, so only the interpreter's run counts hits.
    expect(isa!["tlb.hit"]).toBeGreaterThan(0);
    expect(dbt!["tlb.hit"]).toBeUndefined();
  });

  it("dbt steps a kernel in a debug session like isa", () => {
    const w = kernel("ring3");
    const a = registry.get("isa").debug!(workloadInput(w, readArtifact(w)));
    const b = registry.get("dbt").debug!(workloadInput(w, readArtifact(w)));
    for (const n of [1, 7, 500, 4_000]) {
      const sa = a.step(n);
      const sb = b.step(n);
      expect(sb.registers).toEqual(sa.registers);
      expect(sb.disassembly).toEqual(sa.disassembly);
    }
    expect(b.runTo(Number.MAX_SAFE_INTEGER).exit).toEqual({ kind: "exit", code: 0 });
  });
});

describe("isa level: bare-metal debug session", () => {
  it("starts at the Multiboot entry point, shows objdump's disassembly and steps", () => {
    const w = kernel("ring3");
    const ref = objdump(resolveWorkloadPath(w.artifact));
    const session = registry.get("isa").debug!(workloadInput(w, readArtifact(w)));
    let st = session.state(6);
    expect(st.retired).toBe(0);
    // Multiboot §3.2: EAX holds the boot loader magic, CS a flat 32-bit code segment, paging off.
    expect(st.registers.eax).toBe(0x2badb002);
    expect(st.registers.cr0! & 0x80000001).toBe(1);
    expect(st.registers.cpl).toBe(0);
    for (const line of st.disassembly.slice(0, 4)) expect(line.text, line.address.toString(16)).toBe(ref.get(line.address));
    for (let i = 1; i <= 5; i++) {
      const line = st.disassembly[0]!;
      expect(line.address).toBe(st.registers.eip);
      expect(line.text).toBe(ref.get(line.address));
      st = session.step(1);
      expect(st.retired).toBe(i);
    }
  });

  it("runs to an instruction count under paging and ring 3 and ends like a plain run", async () => {
    const w = kernel("paging");
    const plain = await registry.get("isa").run(workloadInput(w, readArtifact(w)));
    const ref = objdump(resolveWorkloadPath(w.artifact));
    const session = registry.get("isa").debug!(workloadInput(w, readArtifact(w)));
    const mid = session.runTo(150_000);
    expect(mid.retired).toBe(150_000);
    // The kernel maps itself 1:1, so the debugger's walk of its page tables finds the code objdump lists.
    if (mid.registers.cr0! & 0x80000000) expect(mid.disassembly[0]!.text).toBe(ref.get(mid.registers.eip!));
    const end = session.runTo(Number.MAX_SAFE_INTEGER);
    expect(end.exit).toEqual(plain.exit);
    expect(end.retired).toBe(plain.counters["insn.retired"]);
    expect(end.disassembly).toEqual([]);
  });
});

describe("strata CLI (from source): bare-metal kernels", () => {
  const cli = join(import.meta.dirname, "../src/cli.ts");
  const strata = (...args: string[]) =>
    spawnSync(process.execPath, ["--conditions=@strata/source", "--import", "tsx", cli, ...args], { encoding: "utf8", cwd: join(import.meta.dirname, "..") });

  it("strata run demo --level isa prints the serial transcript, then the counters", () => {
    const r = strata("run", "demo", "--level", "isa", "--json");
    expect(r.status, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as RunReport;
    expect(report.output).toBe(kernel("demo").expected.stdout);
    expect(report.exit).toEqual({ kind: "exit", code: 0 });
  });

  it("strata compare <kernel> --levels isa,dbt: identical output, exit 0", () => {
    const r = strata("compare", "ring3", "--levels", "isa,dbt", "-m", "64");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ring3: isa: exit 0, dbt: exit 0; output identical across levels$/m);
  });

  it("strata run says one line and exits 2 for a bad --memory", () => {
    const r = strata("run", "ring3", "--level", "isa", "-m", "1");
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/--memory must be a whole number of MiB from 2 to 2032, not '1'/);
  });
});
