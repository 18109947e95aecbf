/**
 * The bare-metal test kernels rebuild from source and, run under qemu-system-i386 (the
 * reference machine), print exactly the recorded transcript from their marker line on, print no
 * FAIL line and exit through isa-debug-exit with the recorded status. The committed prebuilt
 * kernels do the same. Once `strata-x86 -kernel` exists (its --help says so), every kernel must
 * also print the identical transcript and exit status on Strata.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workloadsOfKind } from "../src/index";
import { resolveWorkloadPath } from "../src/node";
import { BAREMETAL_MARKER, baremetalKernels } from "../src/catalog/baremetal-kernels";
import { buildWorkloads } from "../scripts/build";
import { runUnderQemu, runUnderStrata, strataRunsKernels } from "../scripts/record-baremetal";

const kernels = workloadsOfKind("bare-metal-i386").filter((w) => w.sources.some((s) => s.startsWith("baremetal/")));

describe("bare-metal-i386 test kernels", () => {
  let out = "";
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "strata-baremetal-"));
    await buildWorkloads(kernels, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("every kernel has a recorded qemu transcript starting at its marker line", () => {
    expect(kernels.map((w) => w.name)).toEqual(baremetalKernels.map((k) => k.name));
    for (const w of kernels) {
      expect(w.expected.stdout.startsWith(`${BAREMETAL_MARKER}${w.name} ==\n`)).toBe(true);
      expect(w.expected.stdout).not.toMatch(/^FAIL/m);
      expect(w.expected.stdout).toMatch(/^PASS /m);
      expect(w.expected.exitCode).toBe(0);
    }
  });

  for (const w of kernels) {
    it(`${w.name}: rebuilt from source, qemu prints the recorded transcript`, () => {
      const r = runUnderQemu(join(out, w.artifact));
      expect(r.timedOut).toBe(false);
      expect(r.transcript.split("\n").filter((l) => l.startsWith("FAIL"))).toEqual([]);
      expect(r.transcript.split("\n")).toEqual(w.expected.stdout.split("\n"));
      expect(r.exitCode).toBe(w.expected.exitCode);
    });
    it(`${w.name}: the committed artifact prints the recorded transcript`, () => {
      const r = runUnderQemu(resolveWorkloadPath(w.artifact));
      expect(r.transcript).toBe(w.expected.stdout);
      expect(r.exitCode).toBe(w.expected.exitCode);
    });
  }

  describe.skipIf(!strataRunsKernels())("under strata-x86", () => {
    for (const w of kernels) {
      it(`${w.name}: strata-x86 prints qemu's transcript and exits the same`, () => {
        const r = runUnderStrata(resolveWorkloadPath(w.artifact));
        expect(r.timedOut).toBe(false);
        expect(r.transcript.split("\n")).toEqual(w.expected.stdout.split("\n"));
        expect(r.exitCode).toBe(w.expected.exitCode);
      });
    }
  });
});
