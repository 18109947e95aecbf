/**
 * jvm workloads: each program is one source file `java/<group>/<Main>.java` whose only top-level
 * class is its main class, so all programs compile in ONE javac run (a JVM start costs ~1 s here)
 * and a program's classes are exactly `<Main>.class` and `<Main>$*.class`. Each program becomes a
 * JAR with a Main-Class manifest, made by the `jar` tool with a fixed --date so that rebuilding
 * unchanged sources gives byte-identical, committable artifacts.
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import { basename, join } from "node:path";
import type { Workload } from "../../src/manifest";
import type { Builder } from "../build";
import { run } from "./exec";

/** javac flags: the Java 17 language and class files (major 61), with line and local tables. */
export const JAVAC_FLAGS = ["--release", "17", "-g", "-encoding", "UTF-8", "-Xlint:-options"];

/** Timestamp stamped on every JAR entry (jar --date) for reproducible artifacts. */
export const JAR_DATE = "2026-01-01T00:00:00Z";

/** Builds the workloads' JARs into ctx.outRoot (see the file comment). */
export const buildJava: Builder = async (items, ctx) => {
  if (!items.length) return;
  const classes = join(ctx.tmp, "jvm-classes");
  rmSync(classes, { recursive: true, force: true });
  mkdirSync(classes, { recursive: true });
  const sources = items.map((w) => {
    const main = mainClassOf(w);
    const src = w.sources[0];
    if (w.sources.length !== 1 || !src || basename(src) !== `${main}.java`) {
      throw new Error(`jvm workload ${w.name}: sources must be the single file ${main}.java`);
    }
    return join(ctx.srcRoot, src);
  });
  run("javac", [...JAVAC_FLAGS, "-d", classes, ...sources]);
  const produced = readdirSync(classes);
  await inParallel(items, 2, (w) => {
    const main = mainClassOf(w);
    const own = produced.filter((f) => f === `${main}.class` || f.startsWith(`${main}$`)).sort();
    const out = join(ctx.outRoot, w.artifact);
    rmSync(out, { force: true });
    const args = ["--create", "--file", out, "--main-class", main, "--date", JAR_DATE];
    for (const f of own) args.push("-C", classes, f);
    return spawnChecked("jar", args);
  });
};

function mainClassOf(w: Workload): string {
  if (!w.mainClass) throw new Error(`jvm workload ${w.name}: no mainClass`);
  return w.mainClass;
}

function spawnChecked(cmd: string, args: readonly string[]): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const p = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let err = "";
    p.stderr.on("data", (d: Buffer) => (err += d.toString()));
    p.on("error", reject);
    p.on("close", (code) =>
      code === 0 ? resolveRun() : reject(new Error(`${cmd} ${args.join(" ")}\n${err}`)),
    );
  });
}

/** Runs `task` over `items` with at most `limit` in flight (the machine has 2 cores). */
export async function inParallel<T>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
