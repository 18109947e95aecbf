/**
 * GNU objdump as the reference disassembler: run `objdump -d -M intel`, parse its listing, and
 * normalise its text the same way as ours.
 *
 * Normalisation (applied to both sides): whitespace runs become one space; objdump's symbol
 * annotations ` <sym+off>` are dropped and the bare branch-target address before them gets a
 * `0x` prefix (our disassembler prints every branch target as `0x...`, which is what objdump
 * prints when it has no symbol); `# comments` are dropped.
 */
import { execFileSync } from "node:child_process";
import type { DisasmLine } from "../src/disasm/listing";

export interface ObjdumpLine {
  readonly address: number;
  readonly length: number;
  readonly text: string;
}

export function haveTool(name: string): boolean {
  try {
    execFileSync("sh", ["-c", `command -v ${name}`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export function normalize(text: string): string {
  let t = text.replace(/\s+#.*$/, "");
  t = t.replace(/\b([0-9a-f]+) <[^>]*>/g, "0x$1");
  return t.replace(/\s+/g, " ").trim();
}

/** Runs objdump with `args` and parses instruction lines (`--insn-width=16` keeps bytes on one line). */
export function objdump(args: readonly string[]): ObjdumpLine[] {
  const out = execFileSync("objdump", ["--insn-width=16", ...args], { encoding: "utf8", maxBuffer: 1 << 30 });
  const lines: ObjdumpLine[] = [];
  for (const line of out.split("\n")) {
    const m = /^\s*([0-9a-f]+):\t([0-9a-f ]+?)\s*\t(.*)$/.exec(line);
    if (m === null) continue;
    const bytes = (m[2] ?? "").trim().split(/\s+/).filter((x) => x !== "");
    lines.push({ address: parseInt(m[1] ?? "0", 16), length: bytes.length, text: normalize(m[3] ?? "") });
  }
  return lines;
}

export interface Agreement {
  readonly compared: number;
  readonly mismatches: string[];
}

/** Instruction-by-instruction comparison at objdump's addresses: same length, same text. */
export function compareWithObjdump(ref: readonly ObjdumpLine[], ours: readonly DisasmLine[], label: string): Agreement {
  const byAddr = new Map<number, DisasmLine>();
  for (const l of ours) byAddr.set(l.address, l);
  const mismatches: string[] = [];
  let compared = 0;
  for (const r of ref) {
    compared++;
    const o = byAddr.get(r.address);
    const text = o === undefined ? "<no instruction here>" : normalize(o.text);
    if (o === undefined || o.length !== r.length || text !== r.text) {
      mismatches.push(`${label} ${r.address.toString(16)}: objdump "${r.text}" (${r.length} bytes), ours "${text}" (${o?.length ?? 0} bytes)`);
    }
  }
  return { compared, mismatches };
}
