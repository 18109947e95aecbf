/**
 * The win32-pe workloads rebuild byte for byte from source with mingw-w64, and objdump (an
 * independent reader) sees PE32 i386 console images that import exactly what their sources call.
 * Running them needs a Win32 personality (libvirt-compat) or WINE, neither of which is here yet.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workloadsOfKind } from "../src/index";
import { resolveWorkloadPath } from "../src/node";
import { buildWorkloads } from "../scripts/build";

const win32 = workloadsOfKind("win32-pe");
const IMPORTS: Record<string, string[]> = { "hello-win32": ["ExitProcess", "GetStdHandle", "WriteFile"] };

describe("win32-pe workloads", () => {
  let out = "";
  beforeAll(async () => {
    out = mkdtempSync(join(tmpdir(), "strata-win32-"));
    await buildWorkloads(win32, out);
  });
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  for (const w of win32) {
    it(`${w.name}: the committed image is exactly what the sources build to`, () => {
      expect(readFileSync(join(out, w.artifact)).equals(readFileSync(resolveWorkloadPath(w.artifact)))).toBe(true);
    });

    it(`${w.name}: objdump reads a PE32 i386 console program importing only its kernel32 calls`, () => {
      const path = resolveWorkloadPath(w.artifact);
      expect(execFileSync("objdump", ["-f", path], { encoding: "utf8" })).toMatch(/file format pei-i386\n.*architecture: i386/);
      const p = execFileSync("objdump", ["-p", path], { encoding: "utf8" });
      expect(p).toMatch(/^Magic\s+010b\s+\(PE32\)$/m);
      expect(p).toMatch(/^Subsystem\s+00000003\s+\(Windows CUI\)$/m);
      const dlls = [...p.matchAll(/DLL Name: (\S+)/g)].map((m) => m[1]);
      expect(dlls).toEqual(["KERNEL32.dll"]);
      const names = [...p.matchAll(/^\s+[0-9a-f]+\s+\d+\s+(\w+)$/gm)].map((m) => m[1]).sort();
      expect(names).toEqual(IMPORTS[w.name]);
      // The text it writes is in the image, as the catalogue's expected output says.
      expect(readFileSync(path).includes(Buffer.from(w.expected.stdout))).toBe(true);
    });
  }
});
