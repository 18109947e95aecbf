import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { compile, javaFiles, runLite, runReference, type RunSpec } from "./harness";

const here = dirname(fileURLToPath(import.meta.url));
let cp = "";

beforeAll(() => {
  cp = compile(javaFiles(join(here, "java")));
});

/** Each program runs on `java` and on jvm-lite; stdout, stderr and exit status must be identical. */
const cases: (Omit<RunSpec, "cp"> & { name: string })[] = [
  { name: "integer, long and floating-point edge semantics", main: "Arith" },
  // A new seed each run; `pnpm test:full` (JVM_LITE_FULL=1) checks 25x more values.
  { name: "Double/Float.toString digits (seeded)", main: "Doubles", args: [String(Date.now() % 100000), process.env.JVM_LITE_FULL ? "100000" : "4000"] },
  { name: "exceptions, stack traces, helpful NPE messages, uncaught exit status", main: "Exc" },
  { name: "String, StringBuilder, regex, switch on strings, concat", main: "Strs" },
  { name: "dispatch, class initialization order, records, sealed, lambdas", main: "Objs" },
  { name: "threads: monitors, wait/notify, sleep, interrupt, uncaught in thread", main: "Threads" },
  { name: "System.exit status", main: "Exit", args: ["7"] },
  { name: "OutOfMemoryError under -Xmx16m", main: "Oom", xmx: "16m" },
  { name: "missing main class", main: "NoSuchMain" },
  { name: "failed class initialization, later NoClassDefFoundError", main: "InitFail" },
  { name: "clocks across Thread.sleep and timed wait", main: "Clock" },
  { name: "hot calls between compiled methods: dispatch, exceptions, recursion, allocation", main: "Calls" },
  { name: "the same under -Xmx16m (collections while compiled code allocates)", main: "Calls", xmx: "16m" },
];

describe("jvm-lite vs java", () => {
  for (const c of cases) {
    it(c.name, () => {
      const spec = { ...c, cp };
      const want = runReference(spec);
      const got = runLite(spec);
      expect(got.stdout).toBe(want.stdout);
      expect(got.stderr).toBe(want.stderr);
      expect(got.exitCode).toBe(want.exitCode);
    });
  }
});

describe("compiling tier", () => {
  // Hot loops in these programs get compiled; the interpreter alone must give the same output
  // and execute exactly the same number of bytecodes (the tier refunds what it does not run).
  for (const main of ["Arith", "Doubles", "Calls"]) {
    it(`${main}: same output, bytecodes, calls and heap counters with and without the compiling tier`, () => {
      const jit = runLite({ cp, main, args: ["7"] });
      const interp = runLite({ cp, main, args: ["7"], jit: false });
      expect(jit.stdout).toBe(interp.stdout);
      // Calls made by compiled code and its allocations count and collect exactly as interpreted ones.
      for (const k of ["jvm.bytecodes", "jvm.methods_invoked", "gc.objects_allocated", "gc.bytes_allocated", "gc.cycles", "gc.heap_used"]) {
        expect(jit.counters[k], k).toBe(interp.counters[k]);
      }
      expect(jit.counters["jit.methods_compiled"]).toBeGreaterThan(0);
      expect(interp.counters["jit.methods_compiled"]).toBe(0);
    });
  }
});
