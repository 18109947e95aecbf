/**
 * The @strata/workloads jvm corpus: every program's recorded `java` output (stdout, stderr,
 * exit status) must be reproduced by jvm-lite. Programs listed in corpus-xfail.txt are known
 * failures with a reason; they must still fail (a fixed one must leave the list).
 */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { describe, expect, it } from "vitest";
import { JarFile, runJava } from "../src/index";
import { classlibBytes } from "../src/node";

const here = dirname(fileURLToPath(import.meta.url));
const xfail = new Map(
  readFileSync(join(here, "corpus-xfail.txt"), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "" && !l.startsWith("#"))
    .map((l) => [l.split(/\s+/)[0]!, l] as const),
);
const classlib = classlibBytes();
const dec = new TextDecoder();
const corpus = workloadsOfKind("jvm").filter((w) => !w.tags?.includes("bench"));

describe("workloads jvm corpus on jvm-lite", () => {
  it("has programs", () => {
    expect(corpus.length).toBeGreaterThan(0);
  });
  for (const w of corpus) {
    it(w.name, () => {
      const r = runJava({ classlib, classPath: [new JarFile(w.artifact, readArtifact(w))], mainClass: w.mainClass!, args: w.args, maxBytecodes: 2e9 });
      const got = { stdout: dec.decode(r.stdout), stderr: dec.decode(r.stderr), exitCode: r.exitCode };
      const want = { stdout: w.expected.stdout, stderr: w.expected.stderr ?? "", exitCode: w.expected.exitCode };
      if (xfail.has(w.name)) {
        expect(got, `${w.name} passes now: remove it from corpus-xfail.txt`).not.toEqual(want);
      } else {
        expect(got).toEqual(want);
      }
    });
  }
});
