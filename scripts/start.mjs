#!/usr/bin/env node
// The main job: runs Strata's demo workloads on every level that exists today and prints
// their output and counter reports. It exits by itself (CI runs it as is).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const pkg = (name) => join(root, "packages", name);

function section(title) {
  console.log(`\n=== ${title}`);
}

function run(cmd, args) {
  console.log(`$ ${[cmd, ...args].map((a) => a.replace(root + "/", "")).join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`start: ${cmd} exited with ${r.status ?? r.signal}`);
    process.exitCode = 1;
  }
}

const { workloads } = await import(join(pkg("workloads"), "dist/index.js"));
section(`Strata workloads (${workloads.length})`);
for (const w of workloads) console.log(`  ${w.name.padEnd(22)} ${w.kind.padEnd(16)} ${w.description}`);

const demos = workloads.filter((w) => w.tags?.includes("demo"));
const linuxUser = join(pkg("linux-user"), "bin/strata-i386.mjs");
if (existsSync(join(pkg("linux-user"), "dist/cli.js"))) {
  for (const w of demos.filter((d) => d.kind === "linux-i386")) {
    section(`${w.name} on the isa interpreter (user mode, @strata/linux-user)`);
    run(process.execPath, [linuxUser, "--counters", join(pkg("workloads"), w.artifact), ...(w.args ?? [])]);
  }
}
const jvm = join(pkg("jvm-lite"), "bin/jvm-lite.mjs");
if (existsSync(join(pkg("jvm-lite"), "dist/cli.js"))) {
  for (const w of demos.filter((d) => d.kind === "jvm")) {
    section(`${w.name} on jvm-lite`);
    run(process.execPath, [jvm, "-cp", join(pkg("workloads"), w.artifact), w.mainClass, ...(w.args ?? [])]);
  }
}
