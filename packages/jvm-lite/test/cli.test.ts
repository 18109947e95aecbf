/**
 * The jvm-lite CLI (JARs inflated by Node's zlib) against `java`: a program's output, and the
 * launcher's messages for a missing and a corrupt JAR file.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findWorkload } from "@strata/workloads";
import { resolveWorkloadPath } from "@strata/workloads/node";
import { tempDir } from "./harness";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsx = join(root, "node_modules", ".bin", "tsx");

function both(args: string[]): { lite: ReturnType<typeof spawnSync>; java: ReturnType<typeof spawnSync> } {
  return {
    lite: spawnSync(tsx, [join(root, "src", "cli.ts"), ...args], { encoding: "utf8", timeout: 60_000 }),
    java: spawnSync("java", args, { encoding: "utf8", timeout: 60_000 }),
  };
}

describe("jvm-lite CLI vs java", () => {
  it("-jar runs the manifest's main class", () => {
    const w = findWorkload("HelloWorld")!;
    const { lite, java } = both(["-jar", resolveWorkloadPath(w.artifact)]);
    expect({ out: lite.stdout, err: lite.stderr, status: lite.status }).toEqual({ out: java.stdout, err: java.stderr, status: java.status });
  });

  it("a missing JAR and a corrupt JAR get java's messages", () => {
    const dir = tempDir();
    const bad = join(dir, "bad.jar");
    writeFileSync(bad, "this is not a zip archive");
    for (const jar of [join(dir, "missing.jar"), bad]) {
      const { lite, java } = both(["-jar", jar]);
      expect({ err: lite.stderr, status: lite.status }).toEqual({ err: java.stderr, status: java.status });
    }
  });
});
