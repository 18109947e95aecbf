/**
 * The playground in Debian's Chromium (playwright-core): lanes run in workers and print exactly
 * what the references printed (the catalogue's recorded native / java output) with the same
 * counters as the same level run in Node; links reproduce experiments; bad uploads are refused.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workloadInput } from "@strata/lab";
import { nodeRegistry } from "@strata/lab/node";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { decodeExperiment } from "../src/experiment";
import { usePlayground } from "./browser";

const playground = usePlayground();
const { open } = playground;

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

  it("runs the interpreter and the translator side by side: same output, same instruction count, a chart", async () => {
    const w = findWorkload("crc32")!;
    const page = await open({ v: 1, workload: "crc32", lanes: ["isa", "dbt"], baseline: "isa", budget: 0 });
    await runAndWait(page, ["isa", "dbt"]);
    for (const id of ["isa", "dbt"]) expect((await laneText(page, id)).trim()).toBe(w.expected.stdout.trim());
    expect(await counter(page, "dbt", "insn.retired")).toBe(await counter(page, "isa", "insn.retired"));
    await page.waitForSelector("[data-testid=comparison] .same");
    await page.waitForSelector("[data-testid=comparison-chart] canvas");
    const retiredRow = await page.$$eval("[data-testid=comparison] tr[data-counter='insn.retired'] td", (tds) => tds.map((t) => t.textContent));
    expect(retiredRow.at(-1)).toBe("1 · 1");
    await page.close();
  });

  it("debugs an x86 lane: disassembly at EIP as objdump prints it, steps, runs to an instruction count", async () => {
    const w = findWorkload("hello")!;
    const page = await open({ v: 1, workload: "hello", lanes: ["isa"], baseline: "isa", budget: 0 });
    await page.click("[data-testid=debug-open]");
    await page.waitForSelector("[data-testid=disassembly] li.current");
    const node = nodeRegistry().get("isa").debug!(workloadInput(w, readArtifact(w)));
    const first = node.state();
    const entry = (await page.textContent("[data-testid=disassembly] li.current .text"))?.trim();
    expect(entry).toBe(first.disassembly[0]?.text);
    await page.click("[data-testid=debug-step-1]");
    await page.waitForFunction(() => document.querySelector("[data-testid=debug-retired]")?.textContent?.startsWith("1 "));
    const after = node.step(1);
    const eax = await page.textContent("[data-testid=registers] tr[data-reg=eax] td:last-child");
    expect(Number.parseInt(eax ?? "", 16)).toBe(after.registers.eax);
    expect(await page.getAttribute("[data-testid=registers] tr[data-reg=eip]", "class")).toBe("changed");
    await page.fill("[data-testid=debug-target]", "100");
    await page.click("[data-testid=debug-run-to]");
    await page.waitForSelector("[data-testid=debugger] .status.done");
    // xterm renders on animation frames, and only while the terminal is on screen.
    await page.locator("[data-testid=debugger] [data-testid=terminal]").scrollIntoViewIfNeeded();
    await expect.poll(async () => (await page.textContent("[data-testid=debugger] .xterm-rows"))?.trim()).toBe(w.expected.stdout.trim());
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

  it("shows a jvm-lite run's counters live and Stop ends it as cancelled, without killing the worker", async () => {
    // A program that never ends (compiled by javac now), travelling inside the link as an upload.
    const dir = mkdtempSync(join(tmpdir(), "strata-pg-"));
    writeFileSync(join(dir, "Spin.java"), 'public class Spin { public static void main(String[] a) { System.out.println("spinning"); int i = 0; for (;;) i++; } }');
    const javac = spawnSync("javac", ["-d", dir, join(dir, "Spin.java")], { encoding: "utf8" });
    expect(javac.stderr).toBe("");
    const data = readFileSync(join(dir, "Spin.class")).toString("base64");
    const page = await open({ v: 1, workload: { upload: { name: "Spin.class", data } }, lanes: ["jvm-lite"], baseline: "jvm-lite", budget: 0 });
    await page.click("[data-testid=run]");
    await page.waitForSelector("[data-testid=lane-jvm-lite] tr[data-counter='jvm.bytecodes']");
    const first = await counter(page, "jvm-lite", "jvm.bytecodes");
    await expect.poll(() => counter(page, "jvm-lite", "jvm.bytecodes"), { timeout: 30_000 }).toBeGreaterThan(first);
    await page.click("[data-testid=stop]");
    await page.waitForSelector("[data-testid=lane-jvm-lite][data-status=stopped]", { timeout: 10_000 });
    expect(await page.textContent("[data-testid=exit-jvm-lite]")).toMatch(/^cancelled/);
    expect(await counter(page, "jvm-lite", "jvm.bytecodes")).toBeGreaterThan(first);
    await page.locator("[data-testid=lane-jvm-lite] [data-testid=terminal]").scrollIntoViewIfNeeded();
    await expect.poll(async () => (await laneText(page, "jvm-lite")).trim()).toBe("spinning");
    await page.close();
  });

  it("keeps the experiment in the URL, and a reload gives the same experiment", async () => {
    const page = await open();
    await page.selectOption("[data-testid=workload]", "crc32");
    await page.fill("input[type=number]", "5000000");
    // The URL follows the experiment after React commits the change.
    await expect.poll(() => decodeExperiment(new URL(page.url()).hash)?.budget).toBe(5_000_000);
    const shared = page.url();
    const again = await playground.browser().newPage();
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
    const page = await playground.browser().newPage();
    await page.goto(`${playground.url()}#x=zzzz`);
    await page.waitForSelector("[data-testid=error]");
    expect(await page.textContent("[data-testid=error]")).toMatch(/damaged/);
    await page.close();
  });
});
