/**
 * The monitor hook: a callout for a chosen instruction class replaces that instruction's native
 * semantics while everything else is translated unchanged. The reference is the interpreter
 * running the same code with the native semantics (the bytes OUT writes to its port device).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createMachine, type Insn, type PortIo, type TrapEvent } from "@strata/isa";
import { describe, expect, it } from "vitest";
import { createDbtEngine } from "../src/index";

function assemble(): Uint8Array {
  const out = join(mkdtempSync(join(tmpdir(), "strata-dbt-")), "io.bin");
  const r = spawnSync("nasm", ["-f", "bin", fileURLToPath(new URL("./fixtures/io.asm", import.meta.url)), "-o", out], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`nasm: ${r.stderr}`);
  return new Uint8Array(readFileSync(out));
}

const code = assemble();

function machine(): { m: ReturnType<typeof createMachine>; written: number[] } {
  const m = createMachine({ memoryBytes: 1 << 20 });
  m.ram.u8.set(code, 0x1000);
  m.cpu.resetSupervisorFlat(0x1000, 0x8000);
  const written: number[] = [];
  const ports: PortIo = { read: () => 0xff, write: (_p, _s, v) => void written.push(v & 0xff) };
  m.cpu.ports = ports;
  return { m, written };
}

describe("monitor callouts", () => {
  const ref = machine();
  const refStop = ref.m.engine.run(1_000_000);

  it("the reference run ends at HLT", () => {
    expect(refStop).toBe("halt");
    expect(String.fromCharCode(...ref.written.slice(0, 6))).toBe("strata");
  });

  it("an io callout sees every OUT in place of the port write; the rest runs translated", () => {
    const { m, written } = machine();
    const seen: number[] = [];
    const seenEip: number[] = [];
    const dbt = createDbtEngine(m, {
      hotThreshold: 2,
      callouts: {
        io: (cpu, i: Insn) => {
          seen.push(cpu.s[0]! & 0xff);
          seenEip.push(cpu.s[8]! === i.eip ? 1 : 0);
          return "next";
        },
      },
    });
    expect(dbt.run(1_000_000)).toBe(refStop);
    expect(written).toEqual([]);
    expect(String.fromCharCode(...seen)).toBe(String.fromCharCode(...ref.written));
    expect(seenEip.every((x) => x === 1)).toBe(true);
    expect(Array.from(m.cpu.s)).toEqual(Array.from(ref.m.cpu.s));
    const c = dbt.counters();
    expect(c["tc.callouts"]).toBe(ref.written.length);
    expect(c["tc.blocks_compiled"]).toBeGreaterThan(0);
    expect(c["insn.retired"]).toBe(ref.m.engine.counters()["insn.retired"]);
  });

  it("a privileged callout can stop the run: EIP is after the instruction, run returns exit", () => {
    const { m } = machine();
    let at = -1;
    const dbt = createDbtEngine(m, { callouts: { privileged: (cpu, i) => ((at = i.eip), "stop") } });
    expect(dbt.run(1_000_000)).toBe("exit");
    expect(at).toBeGreaterThan(0x1000);
    expect(m.cpu.s[8]).toBe(at + 3); // mov eax, cr0 is 0F 20 C0
  });

  it("without callouts the translator runs the native semantics (same port bytes and state)", () => {
    const { m, written } = machine();
    const dbt = createDbtEngine(m, { hotThreshold: 0 });
    expect(dbt.run(1_000_000)).toBe(refStop);
    expect(written).toEqual(ref.written);
    expect(Array.from(m.cpu.s)).toEqual(Array.from(ref.m.cpu.s));
  });

  it("interposed classes reach the host handler as on the interpreter", () => {
    const events = (useDbt: boolean): string[] => {
      const { m } = machine();
      const engine = useDbt ? createDbtEngine(m, { hotThreshold: 0 }) : m.engine;
      const log: string[] = [];
      engine.setHostHandler((ev: TrapEvent, cpu) => {
        log.push(`${ev.kind} ${ev.insnClass} ${ev.eip.toString(16)} al=${cpu.s[0]! & 0xff}`);
        cpu.s[8] = (ev.eip + 2) | 0; // skip the OUT imm8 (2 bytes)
        return log.length < 50 ? "resume" : "stop";
      });
      engine.interposeClass("io", true);
      engine.run(1_000_000);
      return log;
    };
    const viaInterp = events(false);
    expect(viaInterp.length).toBe(50);
    expect(events(true)).toEqual(viaInterp);
  });
});
