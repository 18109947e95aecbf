import { describe, expect, it } from "vitest";
import { workloadsOfKind } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { detectKind, WorkloadFormatError } from "../src/detect";

describe("detectKind", () => {
  it("recognizes the catalogue's linux-i386 ELF files", () => {
    for (const w of workloadsOfKind("linux-i386")) expect(detectKind(w.name, readArtifact(w))).toBe("linux-i386");
  });
  it("names the file and the problem for garbage", () => {
    expect(() => detectKind("junk.bin", new Uint8Array([1, 2, 3, 4, 5]))).toThrow(WorkloadFormatError);
    expect(() => detectKind("junk.bin", new Uint8Array([1, 2, 3]))).toThrow(/junk.bin: not an ELF32/);
  });
  it("rejects a 64-bit ELF", () => {
    const elf = readArtifact(workloadsOfKind("linux-i386")[0]!).slice();
    elf[4] = 2;
    expect(() => detectKind("x.elf", elf)).toThrow(/ELF class 2/);
  });
});
