/** The workloads catalogue in the browser: the manifest plus URLs of the committed artifacts. */
import { workloads, type Workload } from "@strata/workloads";

// Every committed artifact becomes a static asset; the manifest's relative paths index them.
const artifactUrls = import.meta.glob<string>("../../../packages/workloads/artifacts/**/*", {
  query: "?url",
  import: "default",
  eager: true,
});

function urlOf(relative: string): string {
  const url = artifactUrls[`../../../packages/workloads/${relative}`];
  if (!url) throw new Error(`artifact ${relative} is not bundled with the playground`);
  return url;
}

async function fetchBytes(relative: string): Promise<Uint8Array> {
  const res = await fetch(urlOf(relative));
  if (!res.ok) throw new Error(`could not load ${relative}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export { workloads };
export type { Workload };

export async function loadArtifacts(w: Workload): Promise<{ image: Uint8Array; modules: Uint8Array[] }> {
  const [image, ...modules] = await Promise.all([w.artifact, ...(w.modules ?? [])].map(fetchBytes));
  return { image: image!, modules };
}
