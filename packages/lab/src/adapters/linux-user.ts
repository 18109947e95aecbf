/**
 * The x86 levels that run linux-i386 workloads in user mode: @strata/linux-user (the qemu-i386 of
 * Strata, int 0x80 served in TS) over an isa user machine, on a chosen engine. Runs go in slices of
 * `progressEvery` instructions with a yield to the host between them, so budgets are exact,
 * progress is live and an AbortSignal stops the run; a debug session steps the same process.
 */
import { S_EIP } from "@strata/isa";
import { LinuxProcess, type ProcessOptions } from "@strata/linux-user";
import type { LevelId } from "@strata/workloads";
import type { DebugSession, DebugState, DisassemblyLine } from "../debug";
import type { Level, RunExit, RunOptions, RunReport, WorkloadInput } from "../level";
import { LevelError } from "../level";
import { applicationRegisters, disassemblyFrom } from "./ia32-view";
import { reporter, runInSlices, TextSink } from "./slices";

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
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const report = reporter(spec.id, w, out, err);
      let proc: LinuxProcess;
      try {
        proc = spawn(spec, w, out, err);
      } catch (e) {
        if (e instanceof LevelError) throw e;
        return report({ kind: "error", message: e instanceof Error ? e.message : String(e) }, {});
      }
      const stop = await runInSlices(
        {
          executed: () => proc.cpu.retired,
          finished: () => proc.exited,
          step: (count) => proc.run(count),
          counters: () => proc.counters(),
        },
        o,
      );
      return report(exitOf(proc, stop === "cancelled"), proc.counters());
    },

    debug(w: WorkloadInput, o = {}): DebugSession {
      const out = new TextSink((t) => o.onOutput?.(t, "stdout"));
      const err = new TextSink((t) => o.onOutput?.(t, "stderr"));
      const proc = spawn(spec, w, out, err);
      const s = proc.cpu.s;

      const disassembly = (count: number): DisassemblyLine[] =>
        disassemblyFrom(s[S_EIP]! >>> 0, count, (at) => proc.copyIn(at, 15) ?? proc.copyIn(at, 1));

      const state = (lines = 16): DebugState => {
        return {
          retired: proc.cpu.retired,
          registers: applicationRegisters(s),
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

