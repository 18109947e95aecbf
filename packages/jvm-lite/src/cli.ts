/**
 * jvm-lite: a `java` work-alike.
 *   jvm-lite [options] <mainclass> [args...]
 *   jvm-lite [options] -jar <jarfile> [args...]
 * Options: -cp/-classpath/--class-path <path>, -Xmx<size>, -Xss<size>, -verbose:gc, -D<k>=<v>,
 * -version, -ea/-da/-Xint/-Xshare:* (accepted, ignored).
 */
import { availableParallelism } from "node:os";
import { readFileSync, writeSync } from "node:fs";
import type { JarFile } from "./classfile/jar";
import { Jvm } from "./vm";
import { classlibBytes, nodeJar, parseClassPath } from "./node";
import type { ClassPathEntry } from "./classfile/jar";

function size(s: string, flag: string): number {
  const m = /^(\d+)([kKmMgG]?)$/.exec(s);
  if (!m) {
    process.stderr.write(`Invalid ${flag} size: ${s}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n`);
    process.exit(1);
  }
  const mul = { "": 1, k: 1024, m: 1 << 20, g: 1 << 30 }[m[2]!.toLowerCase()]!;
  return Number(m[1]) * mul;
}

function writeAll(fd: number, b: Uint8Array): void {
  let o = 0;
  while (o < b.length) {
    try {
      o += writeSync(fd, b, o, b.length - o);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EAGAIN") throw e;
    }
  }
}

function main(argv: string[]): number {
  let cp = process.env.CLASSPATH ?? ".";
  let jar: string | null = null;
  let maxHeap: number | undefined;
  let maxDepth: number | undefined;
  let verboseGc = false;
  let jit = true;
  const props: Record<string, string> = {};
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (!a.startsWith("-")) break;
    if (a === "-cp" || a === "-classpath" || a === "--class-path") cp = argv[++i] ?? "";
    else if (a === "-jar") {
      jar = argv[++i] ?? "";
      i++;
      break;
    } else if (a.startsWith("-Xmx")) maxHeap = size(a.slice(4), "maximum heap");
    else if (a.startsWith("-Xss")) maxDepth = Math.max(64, Math.floor(size(a.slice(4), "thread stack") / 96));
    else if (a === "-verbose:gc" || a === "-Xlog:gc") verboseGc = true;
    else if (a.startsWith("-D")) {
      const eq = a.indexOf("=");
      if (eq > 0) props[a.slice(2, eq)] = a.slice(eq + 1);
      else props[a.slice(2)] = "";
    } else if (a === "-version" || a === "--version") {
      process.stderr.write('jvm-lite version "17" (Strata)\njvm-lite runtime: javac 17 class files (major 61), own class library\njvm-lite interpreter (green threads, mark-sweep heap)\n');
      return 0;
    } else if (a === "-Xint") jit = false;
    else if (a === "-ea" || a === "-da" || a.startsWith("-Xshare") || a.startsWith("-XX:") || a === "-esa") {
      // accepted for compatibility
    } else {
      process.stderr.write(`Unrecognized option: ${a}\nError: Could not create the Java Virtual Machine.\nError: A fatal exception has occurred. Program will exit.\n`);
      return 1;
    }
  }
  let classPath: ClassPathEntry[];
  let mainClass: string | undefined;
  if (jar !== null) {
    let bytes: Uint8Array;
    let jf: JarFile;
    try {
      bytes = new Uint8Array(readFileSync(jar));
    } catch {
      process.stderr.write(`Error: Unable to access jarfile ${jar}\n`);
      return 1;
    }
    try {
      jf = nodeJar(jar, bytes);
    } catch {
      // As java says for a file that is not a ZIP archive.
      process.stderr.write(`Error: Invalid or corrupt jarfile ${jar}\n`);
      return 1;
    }
    mainClass = jf.mainClass();
    if (!mainClass) {
      process.stderr.write(`no main manifest attribute, in ${jar}\n`);
      return 1;
    }
    classPath = [jf];
    props["java.class.path"] = jar;
  } else {
    mainClass = argv[i++];
    if (!mainClass) {
      process.stderr.write("Usage: jvm-lite [options] <mainclass> [args...]\n           (to execute a class)\n   or  jvm-lite [options] -jar <jarfile> [args...]\n           (to execute a jar file)\n");
      return 1;
    }
    classPath = parseClassPath(cp);
    props["java.class.path"] = cp;
  }
  props["user.dir"] ??= process.cwd();
  const vm = new Jvm({
    classPath: [nodeJar("classlib.jar", classlibBytes()), ...classPath],
    bootEntries: 1,
    maxHeap,
    maxDepth,
    verboseGc,
    jit,
    properties: props,
    availableProcessors: availableParallelism(),
    stdout: (b) => writeAll(1, b),
    stderr: (b) => writeAll(2, b),
    stdin: () => {
      try {
        return new Uint8Array(readFileSync(0));
      } catch {
        return null;
      }
    },
  });
  const status = vm.runMain(mainClass, argv.slice(i));
  if (process.env.JVM_LITE_COUNTERS) process.stderr.write(JSON.stringify(vm.counters()) + "\n");
  return status;
}

process.exitCode = main(process.argv.slice(2));
