/** objdump, the disassembly reference of the debug-session tests. */
import { execFileSync } from "node:child_process";

/** objdump's Intel listing of a file: address -> text with single spaces. */
export function objdump(path: string): Map<number, string> {
  const out = execFileSync("objdump", ["-d", "-M", "intel", "--no-show-raw-insn", path], { encoding: "utf8" });
  const map = new Map<number, string>();
  for (const line of out.split("\n")) {
    const m = /^\s*([0-9a-f]+):\s+(.*)$/.exec(line);
    if (m?.[1] && m[2]) map.set(parseInt(m[1], 16), m[2].replace(/\s+/g, " ").replace(/ <[^>]*>$/, "").trim());
  }
  return map;
}
