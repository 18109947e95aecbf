/**
 * The x86 levels that run linux-i386 workloads in user mode: @strata/linux-user (the qemu-i386 of
 * Strata, int 0x80 served in TS) over an isa user machine, on a chosen engine. Runs go in slices of
 * `progressEvery` instructions with a yield to the host between them, so budgets are exact,
 * progress is live and an AbortSignal stops the run; a debug session steps the same process.
 */
import { disassemble, readEflags, CS, DS, ES, FS, GS, S_EIP, S_SEL, SS } from "@strata/isa";
import { LinuxProcess, type ProcessOptions } from "@strata/linux-user";
import type { LevelId } from "@strata/workloads";
import { REGISTER_ORDER, type DebugSession, type DebugState, type DisassemblyLine } from "../debug";
import type { Level, RunExit, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { TextSink, yieldToHost } from "./slices";

const DEFAULT_SLICE = 2_000_000;

export interface LinuxUserLevelSpec {
  readonly id: LevelId;
  readonly name: string;
  readonly description: string;
  /** The engine the process runs on; the machine's interpreter when absent. */
  readonly engine?: ProcessOptions["engine"];
}

function exitOf(proc: LinuxProcess, cancelled: boolean): RunExit {
  if (proc.exited) {
    const st = proc.status();
    return st.signal !== null ? { kind: "fault", message: proc.fault } : { kind: "exit", code: st.status };
  }
  return cancelled ? { kind: "cancelled" } : { kind: "budget" };
}

function spawn(spec: LinuxUserLevelSpec, w: WorkloadInput, out: TextSink, err: TextSink): LinuxProcess {
  if (w.kind !== "linux-i386") throw new LevelError(`level ${spec.id} cannot run ${w.kind} workloads yet`);
  const stdin = w.stdin === undefined ? undefined : new TextEncoder().encode(w.stdin);
  let stdinPos = 0;
  return new LinuxProcess(w.image, {
    argv: [w.name, ...(w.args ?? [])],
    stdout: out.push,
    stderr: err.push,
    file: w.name,
    ...(stdin
      ? {
          stdin: (buf: Uint8Array) => {
            const n = Math.min(buf.length, stdin.length - stdinPos);
            buf.set(stdin.subarray(stdinPos, stdinPos + n));
            stdinPos += n;
            return n;
          },
        }
      : {}),
    ...(spec.engine ? { engine: spec.engine } : {}),
  });
}

export function linuxUserLevel(spec: LinuxUserLevelSpec): Level {
  return {
    id: spec.id,
    name: spec.name,
    description: spec.description,
    kinds: ["linux-i386"],
    workCounter: "insn.retired",

    async run(w: WorkloadInput, o: RunOptions = {}): Promise<RunReport> {
      const started = performance.now();
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const report = (exit: RunExit, counters: Record<string, number>): RunReport => ({
        level: spec.id,
        workload: w.name,
        output: out.end(),
        stderr: err.end(),
        exit,
        counters,
        hostMs: performance.now() - started,
      });
      let proc: LinuxProcess;
      try {
        proc = spawn(spec, w, out, err);
      } catch (e) {
        if (e instanceof LevelError) throw e;
        return report({ kind: "error", message: e instanceof Error ? e.message : String(e) }, {});
      }
      const slice = o.progressEvery ?? DEFAULT_SLICE;
      let cancelled = false;
      while (!proc.exited) {
        const done = proc.cpu.retired;
        if (o.budget !== undefined && done >= o.budget) break;
        if (o.signal?.aborted) {
          cancelled = true;
          break;
        }
        proc.run(o.budget === undefined ? slice : Math.min(slice, o.budget - done));
        o.onProgress?.({
          executed: proc.cpu.retired,
          counters: proc.counters(),
          ...(o.budget !== undefined ? { budget: o.budget } : {}),
        });
        if (!proc.exited) await yieldToHost();
      }
      return report(exitOf(proc, cancelled), proc.counters());
    },

    debug(w: WorkloadInput, o = {}): DebugSession {
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const proc = spawn(spec, w, out, err);
      const s = proc.cpu.s;

      const disassembly = (count: number): DisassemblyLine[] => {
        const lines: DisassemblyLine[] = [];
        let at = s[S_EIP]! >>> 0;
        for (let i = 0; i < count; i++) {
          const bytes = proc.copyIn(at, 15) ?? proc.copyIn(at, 1);
          if (!bytes) {
            lines.push({ address: at, bytes: "", text: "(unreadable)" });
            break;
          }
          const d = disassemble(bytes, 0, at);
          const hex = Array.from(bytes.subarray(0, d.length), (b) => b.toString(16).padStart(2, "0")).join(" ");
          lines.push({ address: at, bytes: hex, text: d.text });
          at = (at + d.length) >>> 0;
        }
        return lines;
      };

      const state = (lines = 16): DebugState => {
        const regs: Record<string, number> = {};
        REGISTER_ORDER.slice(0, 8).forEach((name, i) => (regs[name] = s[i]! >>> 0));
        regs.eip = s[S_EIP]! >>> 0;
        regs.eflags = readEflags(s) >>> 0;
        const sel = { cs: CS, ds: DS, es: ES, fs: FS, gs: GS, ss: SS };
        for (const [name, seg] of Object.entries(sel)) regs[name] = s[S_SEL + seg]! & 0xffff;
        return {
          retired: proc.cpu.retired,
          registers: regs,
          disassembly: proc.exited ? [] : disassembly(lines),
          ...(proc.exited ? { exit: exitOf(proc, false) } : {}),
          counters: proc.counters(),
        };
      };

      return {
        state,
        step(count) {
          if (!proc.exited && count > 0) proc.run(count);
          return state();
        },
        runTo(target) {
          const left = target - proc.cpu.retired;
          if (!proc.exited && left > 0) proc.run(left);
          return state();
        },
      };
    },
  };
}

