/**
 * The whole experiment as data, and its shareable form: a versioned JSON object compressed with
 * lz-string into the URL fragment (`#x=...`). Reloading the URL reloads the same experiment.
 */
import LZString from "lz-string";

// lz-string is CommonJS: its default import works in Vite, vitest and plain Node alike.
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

export const EXPERIMENT_VERSION = 1;

/** Small uploads travel inside the URL so a shared link reproduces them; larger ones cannot. */
export const MAX_UPLOAD_IN_URL = 32 * 1024;

export interface Upload {
  readonly name: string;
  /** Base64 of the file, when it is small enough to share. */
  readonly data?: string;
}

export interface Experiment {
  readonly v: typeof EXPERIMENT_VERSION;
  /** A catalogue workload name, or an upload. */
  readonly workload: string | { readonly upload: Upload };
  /** Level ids, one per lane, in lane order. */
  readonly lanes: readonly string[];
  /** The lane level the comparison's ratios are relative to. */
  readonly baseline: string;
  /** Guest instruction budget per lane (0: none). */
  readonly budget: number;
}

export class ExperimentUrlError extends Error {
  override readonly name = "ExperimentUrlError";
}

export function encodeExperiment(e: Experiment): string {
  return `x=${compressToEncodedURIComponent(JSON.stringify(e))}`;
}

/** Parses a URL fragment; null when it holds no experiment, an error when it holds a bad one. */
export function decodeExperiment(hash: string): Experiment | null {
  const m = /(?:^#?|&)x=([^&]*)/.exec(hash);
  if (!m?.[1]) return null;
  let json: string | null;
  try {
    json = decompressFromEncodedURIComponent(m[1]);
  } catch {
    json = null;
  }
  if (!json) throw new ExperimentUrlError("the link's experiment data is damaged (not lz-string)");
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new ExperimentUrlError("the link's experiment data is damaged (not JSON)");
  }
  const o = raw as Partial<Experiment> | null;
  if (!o || typeof o !== "object") throw new ExperimentUrlError("the link holds no experiment");
  if (o.v !== EXPERIMENT_VERSION) {
    throw new ExperimentUrlError(`the link is from experiment format v${String(o.v)}; this playground reads v${EXPERIMENT_VERSION}`);
  }
  const workloadOk =
    typeof o.workload === "string" || (typeof o.workload === "object" && typeof o.workload?.upload?.name === "string");
  if (!workloadOk || !Array.isArray(o.lanes) || !o.lanes.every((l) => typeof l === "string")) {
    throw new ExperimentUrlError("the link's experiment is missing its workload or lanes");
  }
  return {
    v: EXPERIMENT_VERSION,
    workload: o.workload,
    lanes: o.lanes,
    baseline: typeof o.baseline === "string" ? o.baseline : (o.lanes[0] ?? ""),
    budget: typeof o.budget === "number" && o.budget >= 0 ? o.budget : 0,
  };
}

export function bytesToBase64(b: Uint8Array): string {
  let s = "";
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function base64ToBytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
