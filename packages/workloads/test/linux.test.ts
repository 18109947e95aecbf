/**
 * The linux-i386 workloads rebuild from source and print their expected output when run natively
 * on this x86 host (the reference), and so do the committed prebuilt artifacts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workloadsOfKind } from "../src/index";
import { resolveWorkloadPath } from "../src/node";
import { buildWorkloads } from "../scripts/build";

const linux = workloadsOfKind("linux-i386");

function runNative(path: string, args: readonly string[] = []) {
  const r = spawnSync(path, [...args], { encoding: "utf8" });
  return { stdout: r.stdout, exitCode: r.status };
}

describe("linux-i386 workloads", () => {
  let out = "";
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "strata-workloads-"));
    await buildWorkloads(linux, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const w of linux) {
    it(`${w.name}: rebuilt from source, runs natively with the expected output`, () => {
      const r = runNative(join(out, w.artifact), w.args);
      expect(r).toEqual({ stdout: w.expected.stdout, exitCode: w.expected.exitCode });
    });
    it(`${w.name}: the committed artifact runs natively with the expected output`, () => {
      const r = runNative(resolveWorkloadPath(w.artifact), w.args);
      expect(r).toEqual({ stdout: w.expected.stdout, exitCode: w.expected.exitCode });
    });
  }
});
