#!/usr/bin/env node
// The main job: a quick demonstration in the terminal (a linux-i386 program on the IA-32
// interpreter and a Java program on jvm-lite, through the `strata` CLI), then the playground,
// served until Ctrl-C. Under CI=true (or with --once) it checks the playground is served and exits.
import { spawn, spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
const strata = join(root, "packages/lab/bin/strata.mjs");
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

console.log("\n=== the playground");
const serve = spawn("pnpm", ["--filter", "@strata/playground", "--silent", "serve", ...(once ? ["--once"] : [])], {
  cwd: root,
  stdio: "inherit",
});
serve.on("exit", (code) => process.exit(code ?? 1));
process.on("SIGINT", () => serve.kill("SIGINT"));
