/**
 * The playground in Debian's Chromium (playwright-core): lanes run in workers and print exactly
 * what the references printed (the catalogue's recorded native / java output) with the same
 * counters as the same level run in Node; links reproduce experiments; bad uploads are refused.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import type { PreviewServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { workloadInput } from "@strata/lab";
import { nodeRegistry } from "@strata/lab/node";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { decodeExperiment, encodeExperiment, type Experiment } from "../src/experiment";
import { launchBrowser, startServer } from "./browser";

let server: PreviewServer;
let url = "";
let browser: Browser;

beforeAll(async () => {
  ({ server, url } = await startServer());
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(e?: Experiment): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on("pageerror", (err) => errors.push(err.message));
  await page.goto(e ? `${url}#${encodeExperiment(e)}` : url);
  await page.waitForSelector("[data-testid=run]");
  expect(errors).toEqual([]);
  return page;
}

async function runAndWait(page: Page, lanes: readonly string[]) {
  await page.click("[data-testid=run]");
  for (const id of lanes) {
    await page.waitForSelector(`[data-testid=lane-${id}][data-status=done]`, { timeout: 120_000 });
  }
}

const laneText = (page: Page, id: string) =>
  page.$eval(`[data-testid=lane-${id}] .xterm-rows`, (el) => (el as HTMLElement).innerText);

const counter = (page: Page, lane: string, name: string) =>
  page.$eval(`[data-testid=lane-${lane}] tr[data-counter="${name}"] td:last-child`, (el) => Number(el.textContent?.replace(/,/g, "")));

describe("playground", () => {
  it("runs a linux-i386 workload on the interpreter in a worker, exactly as in Node", async () => {
    const w = findWorkload("sieve")!;
    const page = await open({ v: 1, workload: "sieve", lanes: ["isa"], baseline: "isa", budget: 0 });
    await runAndWait(page, ["isa"]);
    expect((await laneText(page, "isa")).trim()).toBe(w.expected.stdout.trim());
    const node = await nodeRegistry().get("isa").run(workloadInput(w, readArtifact(w)));
    expect(await counter(page, "isa", "insn.retired")).toBe(node.counters["insn.retired"]);
    expect(await page.textContent("[data-testid=exit-isa]")).toMatch(/^exit 0/);
    await page.screenshot({ path: join(import.meta.dirname, "..", "test-output", "sieve-isa.png"), fullPage: true });
    await page.close();
  });

  it("runs a jvm-lite lane with java's output", async () => {
    const w = findWorkload("HelloWorld")!;
    const page = await open({ v: 1, workload: "HelloWorld", lanes: ["jvm-lite"], baseline: "jvm-lite", budget: 0 });
    await runAndWait(page, ["jvm-lite"]);
    expect((await laneText(page, "jvm-lite")).trim()).toBe(w.expected.stdout.trim());
    expect(await counter(page, "jvm-lite", "jvm.bytecodes")).toBeGreaterThan(0);
    await page.close();
  });

  it("keeps the experiment in the URL, and a reload gives the same experiment", async () => {
    const page = await open();
    await page.selectOption("[data-testid=workload]", "crc32");
    await page.fill("input[type=number]", "5000000");
    // The URL follows the experiment after React commits the change.
    await expect.poll(() => decodeExperiment(new URL(page.url()).hash)?.budget).toBe(5_000_000);
    const shared = page.url();
    const again = await browser.newPage();
    await again.goto(shared);
    await again.waitForSelector("[data-testid=run]");
    expect(await again.inputValue("[data-testid=workload]")).toBe("crc32");
    expect(await again.inputValue("input[type=number]")).toBe("5000000");
    expect(await again.isChecked("[data-testid=level-isa]")).toBe(true);
    await page.close();
    await again.close();
  });

  it("refuses a malformed upload with a clear message", async () => {
    const page = await open();
    const bad = join(mkdtempSync(join(tmpdir(), "strata-pg-")), "garbage.jar");
    writeFileSync(bad, "this is not a jar");
    await page.setInputFiles("[data-testid=upload]", bad);
    expect(await page.textContent("[data-testid=error]")).toBe("garbage.jar: not an ELF32, PE, class or JAR file");
    await page.close();
  });

  it("says so when a link's experiment is damaged", async () => {
    const page = await browser.newPage();
    await page.goto(`${url}#x=zzzz`);
    await page.waitForSelector("[data-testid=error]");
    expect(await page.textContent("[data-testid=error]")).toMatch(/damaged/);
    await page.close();
  });
});
