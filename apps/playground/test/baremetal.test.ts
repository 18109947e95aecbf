/**
 * Bare-metal lanes in Debian's Chromium: a catalogue kernel boots on the isa level's PC machine in
 * a worker and its serial console shows qemu-system-i386's recorded transcript; an uploaded
 * Multiboot kernel (assembled by nasm now) runs on isa and dbt lanes with live counters until
 * Stop; the debugger steps
 * a kernel as a Node debug session does.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { workloadInput } from "@strata/lab";
import { nodeRegistry } from "@strata/lab/node";
import { findWorkload } from "@strata/workloads";
import { readArtifact } from "@strata/workloads/node";
import { usePlayground } from "./browser";

const playground = usePlayground();
const { open } = playground;

/** The console's whole transcript (xterm renders only the rows on screen). */
const transcript = (page: Page, scope: string) =>
  page.$eval(`${scope} [data-testid=terminal]`, (el) => (el as HTMLElement & { strataTranscript?: string }).strataTranscript ?? "");

const counter = (page: Page, lane: string, name: string) =>
  page.$eval(`[data-testid=lane-${lane}] tr[data-counter="${name}"] td:last-child`, (el) => Number(el.textContent?.replace(/,/g, "")));

/** A Multiboot kernel from 32-bit code starting at `_start`, assembled by nasm and linked by ld now. */
function assemble(name: string, body: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "strata-pg-"));
  const header = ["bits 32", "section .text", "align 4", "  dd 0x1badb002, 0, -0x1badb002 ; Multiboot v1 header: magic, flags, checksum", "global _start"];
  writeFileSync(join(dir, `${name}.asm`), [...header, ...body, ""].join("\n"));
  for (const [tool, args] of [
    ["nasm", ["-f", "elf32", join(dir, `${name}.asm`), "-o", join(dir, `${name}.o`)]],
    ["ld", ["-m", "elf_i386", "-N", "-Ttext=0x100000", "-e", "_start", join(dir, `${name}.o`), "-o", join(dir, `${name}.elf`)]],
  ] as const) {
    const r = spawnSync(tool, args, { encoding: "utf8" });
    expect(r.status, `${tool}: ${r.stderr}`).toBe(0);
  }
  return join(dir, `${name}.elf`);
}

describe("playground: bare-metal lanes", () => {
  it("boots the demo kernel in isa and dbt lanes: the serial consoles show qemu's transcript, exit 0, the machine's counters", async () => {
    const w = findWorkload("demo")!;
    const page = await open({ v: 1, workload: "demo", lanes: ["isa", "dbt"], baseline: "isa", budget: 0 });
    expect(await page.inputValue("[data-testid=workload]")).toBe("demo");
    await page.click("[data-testid=run]");
    for (const id of ["isa", "dbt"]) {
      await page.waitForSelector(`[data-testid=lane-${id}][data-status=done]`, { timeout: 120_000 });
      const out = await transcript(page, `[data-testid=lane-${id}]`);
      // qemu's firmware may print before the kernel; the catalogue keeps its transcript from the marker line.
      expect(out.slice(out.indexOf("== strata bare-metal test: "))).toBe(w.expected.stdout);
      expect(await page.textContent(`[data-testid=exit-${id}]`)).toMatch(/^exit 0 /);
    }
    await page.waitForSelector("[data-testid=comparison] .same");
    const node = await nodeRegistry().get("isa").run(workloadInput(w, readArtifact(w)));
    for (const k of ["insn.retired", "irq.0", "hlt.wakeups", "tlb.miss"]) expect(await counter(page, "isa", k), k).toBe(node.counters[k]);
    expect(await counter(page, "dbt", "insn.retired")).toBe(node.counters["insn.retired"]);
    await page.screenshot({ path: join(import.meta.dirname, "..", "test-output", "demo-isa.png"), fullPage: true });
    await page.close();
  });

  it("runs an uploaded Multiboot kernel with live counters until Stop", async () => {
    const spin = assemble("spin", [
      "_start: mov esi, msg",
      ".print: lodsb",
      "  test al, al",
      "  jz .spin",
      "  mov dx, 0x3f8",
      "  out dx, al",
      "  jmp .print",
      ".spin: inc eax",
      "  jmp .spin",
      'msg: db "spinning on bare metal", 10, 0',
    ]);
    const page = await open({ v: 1, workload: "sieve", lanes: ["isa", "dbt"], baseline: "isa", budget: 0 });
    await page.setInputFiles("[data-testid=upload]", spin);
    await expect.poll(() => page.inputValue("[data-testid=workload]")).toBe("__upload");
    await page.click("[data-testid=run]");
    // Both lanes boot it: the interpreter's PC machine and the translator's.
    const first: Record<string, number> = {};
    for (const id of ["isa", "dbt"]) {
      await page.waitForSelector(`[data-testid=lane-${id}] tr[data-counter='insn.retired']`);
      first[id] = await counter(page, id, "insn.retired");
    }
    for (const id of ["isa", "dbt"]) await expect.poll(() => counter(page, id, "insn.retired"), { timeout: 30_000 }).toBeGreaterThan(first[id]!);
    await page.click("[data-testid=stop]");
    for (const id of ["isa", "dbt"]) {
      await page.waitForSelector(`[data-testid=lane-${id}][data-status=stopped]`, { timeout: 10_000 });
      expect(await page.textContent(`[data-testid=exit-${id}]`)).toMatch(/^cancelled/);
      expect(await transcript(page, `[data-testid=lane-${id}]`)).toBe("spinning on bare metal\n");
      expect(await counter(page, id, "serial.tx_bytes")).toBe("spinning on bare metal\n".length);
    }
    await page.close();
  });

  it("sends keys typed into a lane's console to the kernel's COM1", async () => {
    // Echoes what it reads (polling LSR.DR) until Enter (CR), then exits through isa-debug-exit.
    const echo = assemble("echo", [
      "_start: mov dx, 0x3f8",
      "  mov al, '>'",
      "  out dx, al",
      "poll: mov dx, 0x3fd",
      "  in al, dx",
      "  test al, 1",
      "  jz poll",
      "  mov dx, 0x3f8",
      "  in al, dx",
      "  cmp al, 13",
      "  je done",
      "  out dx, al",
      "  jmp poll",
      "done: mov al, 10",
      "  out dx, al",
      "  mov dx, 0xf4",
      "  mov eax, 0",
      "  out dx, eax",
    ]);
    const page = await open({ v: 1, workload: "sieve", lanes: ["isa"], baseline: "isa", budget: 0 });
    await page.setInputFiles("[data-testid=upload]", echo);
    await expect.poll(() => page.inputValue("[data-testid=workload]")).toBe("__upload");
    await page.click("[data-testid=run]");
    await expect.poll(() => transcript(page, "[data-testid=lane-isa]")).toBe(">");
    await page.click("[data-testid=lane-isa] .xterm");
    await page.keyboard.type("hello");
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-testid=lane-isa][data-status=done]", { timeout: 30_000 });
    expect(await transcript(page, "[data-testid=lane-isa]")).toBe(">hello\n");
    expect(await page.textContent("[data-testid=exit-isa]")).toMatch(/^exit 0 /);
    expect(await counter(page, "isa", "serial.rx_bytes")).toBe("hello\r".length);
    await page.close();
  });

  it("debugs a kernel: disassembly at the Multiboot entry, control registers, steps, runs to the end", async () => {
    const w = findWorkload("ring3")!;
    const page = await open({ v: 1, workload: "ring3", lanes: ["isa"], baseline: "isa", budget: 0 });
    await page.click("[data-testid=debug-open]");
    await page.waitForSelector("[data-testid=disassembly] li.current");
    const node = nodeRegistry().get("isa").debug!(workloadInput(w, readArtifact(w)));
    const first = node.state();
    expect((await page.textContent("[data-testid=disassembly] li.current .text"))?.trim()).toBe(first.disassembly[0]?.text);
    expect(await page.textContent("[data-testid=registers] tr[data-reg=cr0] td:last-child")).toBe(first.registers.cr0!.toString(16).padStart(8, "0"));
    expect(await page.textContent("[data-testid=registers] tr[data-reg=eax] td:last-child")).toBe("2badb002");
    await page.click("[data-testid=debug-step-10]");
    await page.waitForFunction(() => document.querySelector("[data-testid=debug-retired]")?.textContent?.startsWith("10 "));
    const after = node.step(10);
    expect(Number.parseInt((await page.textContent("[data-testid=registers] tr[data-reg=eip] td:last-child")) ?? "", 16)).toBe(after.registers.eip);
    await page.fill("[data-testid=debug-target]", "1000000");
    await page.click("[data-testid=debug-run-to]");
    await page.waitForSelector("[data-testid=debugger] .status.done");
    expect(await page.textContent("[data-testid=debugger] .status.done")).toBe("ended: exit 0");
    await expect.poll(() => transcript(page, "[data-testid=debugger]")).toBe(w.expected.stdout);
    await page.close();
  });
});
