/**
 * Builds classlib/classlib.jar from classlib/src (see classlib/README.md):
 *   tsx scripts/build-classlib.ts          compile and write the jar
 *   tsx scripts/build-classlib.ts --check  fail if the jar does not match the sources
 * Files in classlib/fallback/ are used only where classlib/src lacks the same path.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { unzipSync, zipSync } from "fflate";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "classlib");
const jarPath = join(root, "classlib.jar");
const HASH_ENTRY = "META-INF/jvm-lite-classlib.sha256";

function walk(dir: string, out: string[] = []): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return out;
  }
  for (const n of names.sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (n.endsWith(".java")) out.push(p);
  }
  return out;
}

/** Relative path -> absolute file, src first, fallback where src has no such file. */
function sources(): Map<string, string> {
  const m = new Map<string, string>();
  for (const f of walk(join(root, "src"))) m.set(relative(join(root, "src"), f), f);
  const fallbacks: string[] = [];
  for (const f of walk(join(root, "fallback"))) {
    const rel = relative(join(root, "fallback"), f);
    if (!m.has(rel)) {
      m.set(rel, f);
      fallbacks.push(rel);
    }
  }
  if (fallbacks.length > 0) console.warn(`classlib: using fallback sources for ${fallbacks.join(", ")}`);
  return new Map([...m.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
}

function sourceHash(src: Map<string, string>): string {
  const h = createHash("sha256");
  for (const [rel, abs] of src) {
    h.update(rel + "\0");
    h.update(readFileSync(abs));
    h.update("\0");
  }
  return h.digest("hex");
}

function check(): void {
  const want = sourceHash(sources());
  let have = "";
  try {
    const files = unzipSync(new Uint8Array(readFileSync(jarPath)));
    have = new TextDecoder().decode(files[HASH_ENTRY] ?? new Uint8Array());
  } catch {
    have = "(missing)";
  }
  if (have !== want) {
    console.error(`classlib.jar is stale (sources ${want.slice(0, 12)}, jar ${have.slice(0, 12)}): run pnpm --filter @strata/jvm-lite build:classlib`);
    process.exit(1);
  }
  console.log("classlib.jar is up to date");
}

function build(): void {
  const src = sources();
  const tmp = mkdtempSync(join(tmpdir(), "classlib-"));
  try {
    const pkgs = new Set<string>();
    for (const rel of src.keys()) pkgs.add(dirname(rel).replace(/\//g, "."));
    const moduleInfo = join(tmp, "module-info.java");
    writeFileSync(moduleInfo, `module java.base {\n${[...pkgs].sort().map((p) => `    exports ${p};`).join("\n")}\n}\n`);
    const argfile = join(tmp, "sources.txt");
    writeFileSync(argfile, [moduleInfo, ...src.values()].map((p) => `"${p}"`).join("\n"));
    const out = join(tmp, "out");
    execFileSync("javac", ["--system", "none", "-XDstringConcat=inline", "-g", "-nowarn", "-encoding", "UTF-8", "-Xlint:none", "-d", out, `@${argfile}`], { stdio: "inherit" });
    const files: Record<string, [Uint8Array, { mtime: Date }]> = {};
    const mtime = new Date("1980-01-01T00:00:00Z");
    const classes = walk2(out).filter((f) => f.endsWith(".class") && !f.endsWith("module-info.class"));
    for (const f of classes.sort()) files[relative(out, f)] = [new Uint8Array(readFileSync(f)), { mtime }];
    files[HASH_ENTRY] = [new TextEncoder().encode(sourceHash(src)), { mtime }];
    writeFileSync(jarPath, zipSync(files, { level: 9 }));
    console.log(`classlib.jar: ${classes.length} classes from ${src.size} sources`);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function walk2(dir: string, out: string[] = []): string[] {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk2(p, out);
    else out.push(p);
  }
  return out;
}

if (process.argv.includes("--check")) check();
else build();
