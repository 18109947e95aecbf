#!/usr/bin/env node
// The main job: a quick demonstration in the terminal (a linux-i386 program on the IA-32
// interpreter and a Java program on jvm-lite, through the `strata` CLI; the bare-metal demo kernel
// booted on the PC machine by `strata-x86 -kernel`, as qemu-system-i386 would), then the playground,
// served until Ctrl-C. Under CI=true (or with --once) it checks the playground is served and exits.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const strata = join(root, "packages/lab/bin/strata.mjs");
const strataX86 = join(root, "packages/isa/bin/strata-x86.mjs");
const once = process.env.CI === "true" || process.argv.includes("--once");

function run(title, args) {
  console.log(`\n=== ${title}\n$ strata ${args.join(" ")}`);
  const r = spawnSync(process.execPath, [strata, ...args], { stdio: "inherit" });
  if (r.status !== 0) {
    console.error(`start: strata ${args.join(" ")} exited with ${r.status ?? r.signal}`);
    process.exit(1);
  }
}

run("sieve (linux-i386) on the IA-32 interpreter", ["run", "sieve", "--level", "isa", "--no-progress"]);
run("Records (Java) on jvm-lite", ["run", "Records", "--level", "jvm-lite", "--no-progress"]);

// The demo kernel ends by writing 0 to qemu's isa-debug-exit, so its exit status is (0 << 1) | 1.
const demo = join(root, "packages/workloads/artifacts/bare-metal-i386/demo.elf");
const x86Args = ["-kernel", demo, "-serial", "stdio", "-m", "32", "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "--counters"];
console.log(`\n=== the demo kernel (Multiboot, bare metal) on the PC machine\n$ strata-x86 ${x86Args.join(" ").replace(root + "/", "")}`);
const x86 = spawnSync(process.execPath, [strataX86, ...x86Args], { stdio: "inherit" });
if (x86.status !== 1) {
  console.error(`start: strata-x86 -kernel demo.elf exited with ${x86.status ?? x86.signal}, expected 1 (isa-debug-exit 0)`);
  process.exit(1);
}

console.log("\n=== the playground");
const serve = spawn("pnpm", ["--filter", "@strata/playground", "--silent", "serve", ...(once ? ["--once"] : [])], {
  cwd: root,
  stdio: "inherit",
});
serve.on("exit", (code) => process.exit(code ?? 1));
process.on("SIGINT", () => serve.kill("SIGINT"));
