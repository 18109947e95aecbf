/**
 * RESULT playground.worker_vs_node: a level's speed inside a lane's Web Worker in headless
 * Chromium, relative to the same level on the same workload in Node, measured in one run
 * (guest instructions per host millisecond, each side's own report). Goal >= 0.8.
 */
import { workloadInput } from "@strata/lab";
import { nodeRegistry } from "@strata/lab/node";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { encodeExperiment } from "../src/experiment";
import { launchBrowser, startServer } from "../test/browser";

const WORKLOADS = ["sort", "sieve", "crc32"];
const registry = nodeRegistry();
const { server, url } = await startServer();
const browser = await launchBrowser();
let worst = Infinity;
try {
  for (const level of registry.list().filter((l) => l.kinds.includes("linux-i386"))) {
    for (const name of WORKLOADS) {
      const w = findWorkload(name)!;
      // Node: best of 3 (the first run warms the JIT, as the browser's first run does not).
      let nodeRate = 0;
      for (let i = 0; i < 3; i++) {
        const r = await level.run(workloadInput(w, readArtifact(w)));
        nodeRate = Math.max(nodeRate, (r.counters["insn.retired"] ?? 0) / r.hostMs);
      }
      let browserRate = 0;
      const page = await browser.newPage();
      await page.goto(`${url}#${encodeExperiment({ v: 1, workload: name, lanes: [level.id], baseline: level.id, budget: 0 })}`);
      for (let i = 0; i < 3; i++) {
        await page.click("[data-testid=run]");
        await page.waitForSelector(`[data-testid=lane-${level.id}][data-status=done]`, { timeout: 300_000 });
        const ms = Number(await page.getAttribute(`[data-testid=exit-${level.id}]`, "data-host-ms"));
        const insns = Number(
          (await page.textContent(`[data-testid=lane-${level.id}] tr[data-counter="insn.retired"] td:last-child`))?.replace(/,/g, ""),
        );
        browserRate = Math.max(browserRate, insns / ms);
      }
      await page.close();
      const ratio = browserRate / nodeRate;
      worst = Math.min(worst, ratio);
      console.log(`RESULT playground.worker_vs_node.${level.id}.${name} ${ratio.toFixed(3)}`);
      console.log(`  node ${(nodeRate / 1000).toFixed(1)} MIPS, chromium worker ${(browserRate / 1000).toFixed(1)} MIPS`);
    }
  }
  console.log(`RESULT playground.worker_vs_node ${worst.toFixed(3)}`);
} finally {
  await browser.close();
  await server.close();
}
