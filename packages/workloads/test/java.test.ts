/**
 * The Java workloads rebuild from source with javac into a temporary folder, the rebuilt JARs are
 * byte-identical to the committed ones, and the reference `java` still prints exactly the recorded
 * stdout, stderr and exit status. A JVM start costs ~0.5 s on this machine, so `pnpm test` runs a
 * seeded subset of the corpus (STRATA_SEED picks another one); STRATA_FULL=1 runs every program,
 * benchmarks included.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workloadsOfKind } from "../src/index";
import { javaPrograms } from "../src/catalog/java";
import { packageRoot, resolveWorkloadPath } from "../src/node";
import { buildWorkloads } from "../scripts/build";
import { runJava } from "../scripts/record-java";

const QUICK_COUNT = 8;
const full = process.env.STRATA_FULL === "1";
const seed = Number(process.env.STRATA_SEED ?? "17");

const java = workloadsOfKind("jvm");

/** A deterministic pick of `n` corpus programs for seed `s` (xorshift32 over a Fisher-Yates). */
function pick<T>(items: readonly T[], n: number, s: number): T[] {
  const a = [...items];
  let x = s >>> 0 || 1;
  for (let i = a.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    [a[i], a[j]] = [a[j] as T, a[i] as T];
  }
  return a.slice(0, n);
}

const selection = full
  ? java
  : pick(
      java.filter((w) => w.tags?.includes("corpus")),
      QUICK_COUNT,
      seed,
    );

describe("java catalogue", () => {
  it("every program under java/ is in the catalogue and recorded from java", () => {
    const onDisk = ["corpus", "bench"].flatMap((g) =>
      readdirSync(join(packageRoot, "java", g))
        .filter((f) => f.endsWith(".java"))
        .map((f) => `${g}/${f.slice(0, -5)}`),
    );
    expect(javaPrograms.map((p) => `${p.group}/${p.main}`).sort()).toEqual(onDisk.sort());
    expect(java.map((w) => w.name)).toEqual(javaPrograms.map((p) => p.main));
  });

  it("has at least 60 corpus programs and the 5 benchmarks", () => {
    expect(java.filter((w) => w.tags?.includes("corpus")).length).toBeGreaterThanOrEqual(60);
    expect(java.filter((w) => w.tags?.includes("bench")).map((w) => w.name).sort()).toEqual([
      "BinaryTrees",
      "FannkuchRedux",
      "Mandelbrot",
      "NBody",
      "SpectralNorm",
    ]);
  });
});

describe(`java workloads (${full ? "full" : `seeded subset, seed ${seed}`})`, () => {
  let out = "";
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "strata-java-"));
    await buildWorkloads(selection, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const w of selection) {
    it(`${w.name}: the rebuilt JAR equals the committed one`, () => {
      const rebuilt = readFileSync(join(out, w.artifact));
      expect(rebuilt.equals(readFileSync(resolveWorkloadPath(w.artifact)))).toBe(true);
    });
    it(`${w.name}: java prints the recorded output`, async () => {
      const r = await runJava(join(out, w.artifact), w);
      expect(r).toEqual({
        stdout: w.expected.stdout,
        stderr: w.expected.stderr ?? "",
        exitCode: w.expected.exitCode,
      });
    });
  }
});
