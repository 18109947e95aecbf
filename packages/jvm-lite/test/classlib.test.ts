/** classlib/classlib.jar must be the compilation of classlib/src (scripts/build-classlib.ts --check). */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { listNatives } from "../src/index";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

it("classlib.jar is up to date with classlib/src", () => {
  const r = spawnSync("npx", ["tsx", "scripts/build-classlib.ts", "--check"], { cwd: root, encoding: "utf8" });
  expect(r.stderr.replace(/npm warn.*\n/g, "") + r.stdout).toContain("up to date");
  expect(r.status).toBe(0);
});

it("natives are registered by JVM descriptor", () => {
  const all = listNatives();
  expect(all).toContain("java/lang/System.arraycopy(Ljava/lang/Object;ILjava/lang/Object;II)V");
  expect(all).toContain("java/lang/Object.hashCode()I");
});
