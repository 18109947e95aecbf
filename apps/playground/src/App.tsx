import { compareReports, defaultRegistry, detectKind, workloadInput, type Comparison, type RunExit, type RunReport, type WorkloadInput } from "@strata/lab";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { ComparisonChart } from "./Chart";
import { loadArtifacts, workloads } from "./catalogue";
import {
  base64ToBytes,
  bytesToBase64,
  decodeExperiment,
  encodeExperiment,
  EXPERIMENT_VERSION,
  MAX_UPLOAD_IN_URL,
  type Experiment,
} from "./experiment";
import { Debugger } from "./Debugger";
import { Lane } from "./lane";
import { Terminal, type TerminalHandle } from "./Terminal";

const registry = defaultRegistry();
const levels = registry.list();

type LaneStatus = "idle" | "running" | "done" | "failed" | "stopped";
interface LaneState {
  readonly status: LaneStatus;
  readonly executed: number;
  readonly counters: Readonly<Record<string, number>>;
  readonly report?: RunReport;
  readonly error?: string;
}
const IDLE: LaneState = { status: "idle", executed: 0, counters: {} };

function defaultExperiment(): Experiment {
  const demo = workloads.find((w) => w.tags?.includes("demo") && w.levels.length >= 2) ?? workloads[0];
  const lanes = (demo?.levels ?? []).filter((l) => levels.some((x) => x.id === l)).slice(0, 2);
  return { v: EXPERIMENT_VERSION, workload: demo?.name ?? "", lanes, baseline: lanes[0] ?? "", budget: 0 };
}

function initialState(): { experiment: Experiment; error: string | null; upload: Uint8Array | null } {
  try {
    const e = decodeExperiment(location.hash);
    if (e) {
      const data = typeof e.workload === "object" ? e.workload.upload.data : undefined;
      return { experiment: e, error: null, upload: data ? base64ToBytes(data) : null };
    }
  } catch (err) {
    return { experiment: defaultExperiment(), error: err instanceof Error ? err.message : String(err), upload: null };
  }
  return { experiment: defaultExperiment(), error: null, upload: null };
}

const fmt = (v: number | undefined, d = 2) => (v === undefined ? "–" : Number.isInteger(v) ? v.toLocaleString("en") : v.toFixed(d));

export function App() {
  const init = useMemo(initialState, []);
  const [experiment, setExperiment] = useState<Experiment>(init.experiment);
  const [upload, setUpload] = useState<Uint8Array | null>(init.upload);
  const [error, setError] = useState<string | null>(init.error);
  const [lanes, setLanes] = useState<Record<string, LaneState>>({});
  const terminals = useRef(new Map<string, TerminalHandle>());
  const running = useRef(new Map<string, Lane>());

  // The URL always holds the experiment, so copying it shares exactly what is on screen.
  useEffect(() => {
    history.replaceState(null, "", `#${encodeExperiment(experiment)}`);
  }, [experiment]);

  const uploadName = typeof experiment.workload === "object" ? experiment.workload.upload.name : null;
  const catalogueEntry = typeof experiment.workload === "string" ? workloads.find((w) => w.name === experiment.workload) : undefined;
  const kind = catalogueEntry?.kind ?? (upload && uploadName ? safeKind(uploadName, upload) : undefined);

  const patchLane = useCallback((id: string, patch: Partial<LaneState>) => {
    setLanes((all) => ({ ...all, [id]: { ...(all[id] ?? IDLE), ...patch } }));
  }, []);

  /** The experiment's workload as a level receives it; throws a message for the page. */
  async function loadInput(): Promise<WorkloadInput> {
    if (catalogueEntry) {
      const { image, modules } = await loadArtifacts(catalogueEntry);
      // As `strata run` builds it: modules with their names, a kernel's recorded machine size.
      return workloadInput(catalogueEntry, image, modules);
    }
    if (upload && uploadName) return { name: uploadName, kind: detectKind(uploadName, upload), image: upload };
    throw new Error(uploadName ? `${uploadName} is too large to travel in a link: upload it again` : "pick a workload first");
  }

  async function run() {
    setError(null);
    let input: WorkloadInput;
    try {
      input = await loadInput();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    for (const id of experiment.lanes) {
      terminals.current.get(id)?.clear();
      try {
        registry.forKind(id, input.kind);
      } catch (e) {
        patchLane(id, { ...IDLE, status: "failed", error: e instanceof Error ? e.message : String(e) });
        continue;
      }
      patchLane(id, { ...IDLE, status: "running" });
      const lane = new Lane(id, {
        onOutput: (text, stream) => terminals.current.get(id)?.write(text, stream),
        onProgress: (executed, counters) => patchLane(id, { executed, ...(counters ? { counters } : {}) }),
        onDone: (report) => {
          running.current.delete(id);
          patchLane(id, {
            status: report.exit.kind === "cancelled" ? "stopped" : "done",
            report,
            counters: report.counters,
          });
        },
        onFailed: (message) => {
          running.current.delete(id);
          patchLane(id, { status: "failed", error: message });
        },
      });
      running.current.set(id, lane);
      lane.start(input, experiment.budget);
    }
  }

  function stop() {
    for (const lane of running.current.values()) lane.stop();
  }

  async function onUpload(file: File) {
    const bytes = new Uint8Array(await file.arrayBuffer());
    try {
      detectKind(file.name, bytes);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return;
    }
    setError(null);
    setUpload(bytes);
    const data = bytes.length <= MAX_UPLOAD_IN_URL ? bytesToBase64(bytes) : undefined;
    setExperiment((e) => ({ ...e, workload: { upload: { name: file.name, ...(data ? { data } : {}) } } }));
  }

  function toggleLevel(id: string, on: boolean) {
    setExperiment((e) => {
      const lanes = on ? [...e.lanes.filter((l) => l !== id), id] : e.lanes.filter((l) => l !== id);
      return { ...e, lanes, baseline: lanes.includes(e.baseline) ? e.baseline : (lanes[0] ?? "") };
    });
  }

  const reports = experiment.lanes.map((id) => lanes[id]?.report).filter((r): r is RunReport => !!r);
  const comparison: Comparison | null = useMemo(() => {
    if (reports.length < 2 || reports.length !== experiment.lanes.length) return null;
    const work = experiment.lanes.map((id) => levels.find((l) => l.id === id)?.workCounter ?? "insn.retired");
    const baseline = experiment.lanes.includes(experiment.baseline) ? experiment.baseline : experiment.lanes[0];
    return compareReports(reports, work, baseline);
  }, [reports, experiment.lanes, experiment.baseline]);

  // The debugger follows the first lane whose level can be debugged on this workload's kind.
  const debugLevel = experiment.lanes.find((id) => {
    const l = levels.find((x) => x.id === id);
    return l?.debug !== undefined && kind !== undefined && l.kinds.includes(kind);
  });
  const anyRunning = Object.values(lanes).some((l) => l.status === "running");
  const chartSeries = useMemo(
    () =>
      comparison
        ? comparison.rows
            .filter((r) => r.name !== "host.ms" && r.per1k.some((v) => v !== undefined && v > 0))
            .slice(0, 12)
            .map((r) => ({ counter: r.name, values: r.per1k.map((v) => v ?? null) }))
        : [],
    [comparison],
  );

  return (
    <div className="app">
      <header>
        <h1>Strata playground</h1>
        <p className="tagline">One workload, several levels of virtualization, exact counters side by side.</p>
      </header>
      <section className="controls" aria-label="experiment">
        <label>
          Workload{" "}
          <select
            data-testid="workload"
            value={typeof experiment.workload === "string" ? experiment.workload : "__upload"}
            onChange={(e) => e.target.value !== "__upload" && setExperiment((x) => ({ ...x, workload: e.target.value }))}
          >
            {KINDS.map(([k, label]) => (
              <optgroup key={k} label={label}>
                {workloads
                  .filter((w) => w.kind === k)
                  .map((w) => (
                    <option key={w.name} value={w.name} title={w.description}>
                      {w.name} ({w.kind})
                    </option>
                  ))}
              </optgroup>
            ))}
            {uploadName && <option value="__upload">{uploadName} (uploaded)</option>}
          </select>
        </label>
        <label className="upload">
          or upload a kernel, ELF, .class or .jar{" "}
          <input data-testid="upload" type="file" onChange={(e) => e.target.files?.[0] && void onUpload(e.target.files[0])} />
        </label>
        <fieldset>
          <legend>Lanes</legend>
          {levels.map((l) => (
            <label key={l.id} title={l.description} className={kind && !l.kinds.includes(kind) ? "unfit" : ""}>
              <input
                type="checkbox"
                data-testid={`level-${l.id}`}
                checked={experiment.lanes.includes(l.id)}
                onChange={(e) => toggleLevel(l.id, e.target.checked)}
              />
              {l.name}
            </label>
          ))}
        </fieldset>
        <label>
          Baseline{" "}
          <select value={experiment.baseline} onChange={(e) => setExperiment((x) => ({ ...x, baseline: e.target.value }))}>
            {experiment.lanes.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
        <label>
          Budget{" "}
          <input
            type="number"
            min={0}
            step={1000000}
            value={experiment.budget}
            onChange={(e) => setExperiment((x) => ({ ...x, budget: Math.max(0, Math.floor(Number(e.target.value) || 0)) }))}
          />
        </label>
        <button data-testid="run" onClick={() => void run()} disabled={anyRunning || experiment.lanes.length === 0}>
          Run
        </button>
        <button data-testid="stop" onClick={stop} disabled={!anyRunning}>
          Stop
        </button>
        <button onClick={() => void navigator.clipboard?.writeText(location.href)}>Copy link</button>
      </section>
      {error && (
        <p className="error" role="alert" data-testid="error">
          {error}
        </p>
      )}
      <section className="lanes">
        {experiment.lanes.map((id) => {
          const s = lanes[id] ?? IDLE;
          const level = levels.find((l) => l.id === id);
          return (
            <article className="lane" key={id} data-testid={`lane-${id}`} data-status={s.status}>
              <h2>
                {level?.name ?? id} <span className={`status ${s.status}`}>{s.status}</span>
              </h2>
              {s.error && <p className="error">{s.error}</p>}
              <Terminal
                ref={(h) => {
                  if (h) terminals.current.set(id, h);
                  else terminals.current.delete(id);
                }}
                onInput={(text) => running.current.get(id)?.input(text)}
              />
              <table className="counters">
                <tbody>
                  {Object.entries(s.counters)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([k, v]) => (
                      <tr key={k} data-counter={k}>
                        <td>{k}</td>
                        <td>{fmt(v)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
              {s.report && (
                <p className="exit" data-testid={`exit-${id}`} data-host-ms={s.report.hostMs} title={exitDetail(s.report.exit)}>
                  {s.report.exit.kind === "exit" ? `exit ${s.report.exit.code}` : s.report.exit.kind} · {s.report.hostMs.toFixed(0)} ms host
                </p>
              )}
              {s.report && exitDetail(s.report.exit) && (
                <p className="exit-detail" data-testid={`exit-detail-${id}`}>
                  {exitDetail(s.report.exit)}
                </p>
              )}
            </article>
          );
        })}
      </section>
      {debugLevel && <Debugger key={`${debugLevel}:${JSON.stringify(experiment.workload)}`} level={debugLevel} load={loadInput} />}
      {comparison && (
        <section className="comparison" data-testid="comparison">
          <h2>
            Comparison{" "}
            <span className={comparison.sameOutput ? "same" : "differs"}>
              {comparison.sameOutput ? "identical output" : "output differs"}
            </span>
          </h2>
          <ComparisonChart lanes={experiment.lanes} series={chartSeries} />
          <table className="compare-table">
            <thead>
              <tr>
                <th>counter</th>
                {comparison.columns.map((c) => (
                  <th key={c.level} colSpan={2}>
                    {c.level}
                  </th>
                ))}
                <th>× {comparison.baseline}</th>
              </tr>
            </thead>
            <tbody>
              {comparison.rows.map((r) => (
                <tr key={r.name} data-counter={r.name}>
                  <td>{r.name}</td>
                  {r.raw.map((v, i) => [
                    <td key={`v${i}`}>{fmt(v)}</td>,
                    <td key={`p${i}`} className="per1k">
                      {fmt(r.per1k[i])}
                    </td>,
                  ])}
                  <td>{r.ratio.map((x) => fmt(x, 3)).join(" · ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}

/** The picker's groups, in the order of the levels of the survey (machine first). */
const KINDS = [
  ["bare-metal-i386", "Bare-metal i386 kernels (PC machine)"],
  ["linux-i386", "Linux i386 programs"],
  ["win32-pe", "Win32 programs"],
  ["jvm", "Java programs"],
] as const;

/** What a lane's end says besides its kind: the fault, the halt, the error. */
function exitDetail(e: RunExit): string | undefined {
  return "message" in e ? e.message : undefined;
}

function safeKind(name: string, b: Uint8Array) {
  try {
    return detectKind(name, b);
  } catch {
    return undefined;
  }
}
