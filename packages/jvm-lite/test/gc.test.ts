/**
 * The heap: allocation churn under -Xmx16m must collect (gc.cycles > 0) and still print what
 * java prints; -verbose:gc lines follow the documented unified-logging-like format.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { JarFile, Jvm } from "../src/index";
import { classlibBytes, DirectoryClassPath } from "../src/node";
import { compile, runLite, runReference } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));

it("collects garbage under -Xmx16m and prints what java prints", () => {
  const cp = compile([join(here, "java", "Churn.java")]);
  const want = runReference({ cp, main: "Churn", xmx: "16m" });
  const got = runLite({ cp, main: "Churn", xmx: "16m" });
  expect(got.stdout).toBe(want.stdout);
  expect(got.exitCode).toBe(want.exitCode);
  expect(got.counters["gc.cycles"]).toBeGreaterThan(0);
  expect(got.counters["gc.bytes_freed"]).toBeGreaterThan(got.counters["gc.heap_used"]!);
  expect(got.counters["gc.heap_used"]).toBeLessThanOrEqual(16 << 20);
});

it("-verbose:gc prints one unified-logging style line per collection", () => {
  const cp = compile([join(here, "java", "Churn.java")]);
  const lines: string[] = [];
  const dec = new TextDecoder();
  const vm = new Jvm({
    classPath: [new JarFile("classlib.jar", classlibBytes()), new DirectoryClassPath(cp)],
    maxHeap: 16 << 20,
    verboseGc: true,
    stdout: (b) => lines.push(...dec.decode(b).split("\n")),
    stderr: () => {},
  });
  expect(vm.runMain("Churn", [])).toBe(0);
  const gc = lines.filter((l) => l.includes("[gc]"));
  expect(gc.length).toBe(vm.counters()["gc.cycles"]);
  for (const l of gc) expect(l).toMatch(/^\[\d+\.\d{3}s\]\[info\]\[gc\] GC\(\d+\) Pause Full \(Allocation Failure\) \d+M->\d+M\(16M\) \d+\.\d{3}ms$/);
});
