/** The README's syscall table is generated from the syscall table data: keep them in sync. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { syscallTableMarkdown } from "../src/syscalls/markdown";

it("README lists exactly the syscall table (regenerate with pnpm syscall-table)", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8");
  expect(readme).toContain(syscallTableMarkdown());
});
