/**
 * Every linux-i386 workload of @strata/workloads run natively (the reference: this host executes
 * i386 ELF binaries) and on @strata/linux-user with the translator as its engine: same stdout and
 * exit status as native; and the isa counters (insn.retired, insn.class.*, exc.*, int.*) equal
 * to the interpreter's for the same run, most instructions coming from translated code.
 */
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact, resolveWorkloadPath } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { isaCounters, runLinux, runNative } from "./helpers";

describe("linux-i386 workloads: native vs linux-user on dbt", () => {
  for (const w of workloadsOfKind("linux-i386")) {
    it(`${w.name}: same stdout and exit status as native, same isa counters as the interpreter`, () => {
      const path = resolveWorkloadPath(w.artifact);
      const args = w.args ?? [];
      const native = runNative(path, args);
      const bytes = readArtifact(w);
      const dbt = runLinux(bytes, [path, ...args], {});
      expect(dbt.stdout).toBe(native.stdout);
      expect(dbt.status).toBe(native.status);
      const interp = runLinux(bytes, [path, ...args]);
      expect(isaCounters(dbt.counters)).toEqual(isaCounters(interp.counters));
      // Short runs (hello) may stay below the hot threshold everywhere.
      if (dbt.counters["insn.retired"]! > 1_000_000) expect(dbt.counters["tc.blocks_compiled"]).toBeGreaterThan(0);
    });
  }

  it("translating every block at first execution gives the same results", () => {
    const w = workloadsOfKind("linux-i386").find((x) => x.name === "sort")!;
    const path = resolveWorkloadPath(w.artifact);
    const native = runNative(path, w.args ?? []);
    const dbt = runLinux(readArtifact(w), [path, ...(w.args ?? [])], { hotThreshold: 0 });
    expect(dbt.stdout).toBe(native.stdout);
    expect(dbt.counters["tc.insn_interpreted"]).toBeLessThan(dbt.counters["insn.retired"]! / 100);
  });

  it("multi-block regions give the same results and counters", () => {
    let members = 0;
    let compiled = 0;
    for (const name of ["sieve", "crc32"]) {
      const w = workloadsOfKind("linux-i386").find((x) => x.name === name)!;
      const path = resolveWorkloadPath(w.artifact);
      const native = runNative(path, w.args ?? []);
      const bytes = readArtifact(w);
      const dbt = runLinux(bytes, [path, ...(w.args ?? [])], { hotThreshold: 8, regionBlocks: 8 });
      expect(dbt.stdout).toBe(native.stdout);
      expect(isaCounters(dbt.counters)).toEqual(isaCounters(runLinux(bytes, [path, ...(w.args ?? [])]).counters));
      members += dbt.counters["tc.region_members"]!;
      compiled += dbt.counters["tc.blocks_compiled"]!;
    }
    expect(members).toBeGreaterThan(compiled);
  });
});
