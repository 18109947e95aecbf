/**
 * The debugger pane for x86 lanes: its own worker holds a stepping session over the workload;
 * registers (changed values highlighted), disassembly from EIP, step and run to an instruction
 * count. Like v86's debug page, it shows the machine as it is between two instructions.
 */
import { REGISTER_ORDER, type DebugState, type WorkloadInput } from "@strata/lab";
import { useEffect, useRef, useState } from "react";
import type { FromLane, ToLane } from "./lane-protocol";
import { Terminal, type TerminalHandle } from "./Terminal";

const hex = (v: number) => v.toString(16).padStart(8, "0");

/** The general registers first, then what the level adds (a bare-metal machine: CR0-CR4, CPL). */
function registerNames(state: DebugState): string[] {
  const general: readonly string[] = REGISTER_ORDER;
  return [...general, ...Object.keys(state.registers).filter((r) => !general.includes(r))];
}

/** Selectors as 4 hex digits, the CPL as a ring number, everything else as 8 hex digits. */
function registerText(name: string, v: number): string {
  if (name === "cpl") return String(v);
  return name.length === 2 ? v.toString(16).padStart(4, "0") : hex(v);
}

export function Debugger({ level, load }: { level: string; load: () => Promise<WorkloadInput> }) {
  const worker = useRef<Worker | null>(null);
  const term = useRef<TerminalHandle>(null);
  const [state, setState] = useState<DebugState | null>(null);
  const [previous, setPrevious] = useState<DebugState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [target, setTarget] = useState(1000);

  useEffect(() => () => worker.current?.terminate(), []);

  function send(msg: ToLane) {
    worker.current?.postMessage(msg);
  }

  async function open() {
    worker.current?.terminate();
    setError(null);
    setState(null);
    setPrevious(null);
    term.current?.clear();
    let input: WorkloadInput;
    try {
      input = await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    const w = new Worker(new URL("./lane.worker.ts", import.meta.url), { type: "module", name: `debug ${level}` });
    w.addEventListener("message", (ev: MessageEvent<FromLane>) => {
      const m = ev.data;
      if (m.type === "debug-state") {
        setState((s) => {
          setPrevious(s);
          return m.state;
        });
      } else if (m.type === "output") term.current?.write(m.text, m.stream);
      else if (m.type === "failed") setError(m.message);
    });
    worker.current = w;
    send({ type: "debug-open", level, input });
  }

  const ended = state?.exit !== undefined;
  return (
    <section className="debugger" data-testid="debugger">
      <h2>
        Debugger · {level}{" "}
        <button data-testid="debug-open" onClick={() => void open()}>
          {state ? "Restart" : "Open"}
        </button>
      </h2>
      {error && <p className="error">{error}</p>}
      {state && (
        <div className="debug-body">
          <div className="debug-controls">
            <span data-testid="debug-retired">{state.retired.toLocaleString("en")} instructions retired</span>
            {[1, 10, 1000].map((n) => (
              <button key={n} data-testid={`debug-step-${n}`} disabled={ended} onClick={() => send({ type: "debug-step", count: n })}>
                Step {n}
              </button>
            ))}
            <label>
              run to #{" "}
              <input type="number" min={0} value={target} data-testid="debug-target" onChange={(e) => setTarget(Math.max(0, Math.floor(Number(e.target.value) || 0)))} />
            </label>
            <button data-testid="debug-run-to" disabled={ended} onClick={() => send({ type: "debug-run-to", target })}>
              Run
            </button>
            {ended && <span className="status done">ended: {state.exit?.kind === "exit" ? `exit ${state.exit.code}` : state.exit?.kind}</span>}
          </div>
          <table className="registers" data-testid="registers">
            <tbody>
              {registerNames(state).map((r) => {
                const v = state.registers[r] ?? 0;
                const changed = previous !== null && previous.registers[r] !== v;
                return (
                  <tr key={r} data-reg={r} className={changed ? "changed" : ""}>
                    <td>{r}</td>
                    <td>{registerText(r, v)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <ol className="disassembly" data-testid="disassembly">
            {state.disassembly.map((l, i) => (
              <li key={l.address} className={i === 0 ? "current" : ""}>
                <span className="addr">{hex(l.address)}</span>
                <span className="bytes">{l.bytes}</span>
                <span className="text">{l.text}</span>
              </li>
            ))}
          </ol>
          <Terminal ref={term} rows={6} />
        </div>
      )}
    </section>
  );
}
