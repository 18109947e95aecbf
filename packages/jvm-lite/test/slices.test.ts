/**
 * The resumable run: a program driven by vm.run(budget) in small slices prints exactly what
 * `java` prints (threads, uncaught exceptions, System.exit, launcher errors), and each slice
 * stays within its budget, so a host can show progress and stop a run between slices.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { launchJava } from "../src/index";
import { classlibBytes, DirectoryClassPath } from "../src/node";
import { compile, javaFiles, runLite, runReference } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
const dec = new TextDecoder();
let cp = "";

beforeAll(() => {
  cp = compile(javaFiles(join(here, "java")));
});

function runSliced(main: string, args: readonly string[], slice: number, jit = true) {
  let stdout = "";
  let stderr = "";
  const vm = launchJava({
    classlib: classlibBytes(),
    classPath: [new DirectoryClassPath(cp)],
    mainClass: main,
    args,
    jit,
    stdout: (b) => (stdout += dec.decode(b)),
    stderr: (b) => (stderr += dec.decode(b)),
  });
  let slices = 0;
  let overshoot = 0;
  for (;;) {
    const before = vm.bytecodes;
    const why = vm.run(slice);
    overshoot = Math.max(overshoot, vm.bytecodes - before - slice);
    slices++;
    if (why === "exit") break;
    expect(vm.bytecodes - before).toBeGreaterThan(0);
  }
  return { stdout, stderr, exitCode: vm.exitCode, slices, overshoot, counters: vm.counters() };
}

describe("vm.run(budget) in slices", () => {
  for (const [main, args] of [["Threads", []], ["Exc", []], ["Exit", ["7"]], ["NoSuchMain", []]] as const) {
    it(`${main}: same stdout, stderr and status as java`, () => {
      const want = runReference({ cp, main, args });
      const got = runSliced(main, args, 997);
      expect({ stdout: got.stdout, stderr: got.stderr, exitCode: got.exitCode }).toEqual(want);
    });
  }

  it("a single-threaded program executes the same bytecodes as one call, within each slice's budget", () => {
    const whole = runLite({ cp, main: "Arith" });
    for (const jit of [true, false]) {
      const got = runSliced("Arith", [], 5000, jit);
      expect(got.stdout).toBe(runReference({ cp, main: "Arith" }).stdout);
      expect(got.counters["jvm.bytecodes"]).toBe(whole.counters["jvm.bytecodes"]);
      expect(got.slices).toBeGreaterThan(whole.counters["jvm.bytecodes"]! / 5000 - 1);
      // A quantum is cut to the budget left; only a compiled block may finish past it.
      if (!jit) expect(got.overshoot).toBeLessThanOrEqual(0);
      expect(got.overshoot).toBeLessThan(1000);
    }
  });

  it("run() after the end keeps answering exit", () => {
    const vm = launchJava({ classlib: classlibBytes(), classPath: [new DirectoryClassPath(cp)], mainClass: "Exit", args: ["3"], stdout: () => {}, stderr: () => {} });
    while (vm.run(100) !== "exit");
    expect(vm.run(100)).toBe("exit");
    expect(vm.exitCode).toBe(3);
  });
});
