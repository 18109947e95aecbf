/**
 * strata-i386 [--counters] prog.elf [args...] — qemu-i386's idiom: run a static i386 Linux
 * program on the Strata interpreter; its stdout/stderr are ours, its exit status is ours
 * (128 + signal when a signal killed it). --counters prints the counters to stderr at exit.
 */
import { ElfError } from "@strata/isa";
import { ElfFormatError } from "./elf";
import { processForFile } from "./node";

function main(argv: string[]): number {
  let counters = false;
  let k = 0;
  for (; k < argv.length; k++) {
    const a = argv[k]!;
    if (a === "--counters") counters = true;
    else if (a === "--help" || a === "-h") {
      process.stdout.write("usage: strata-i386 [--counters] prog.elf [args...]\n");
      return 0;
    } else if (a.startsWith("-")) {
      process.stderr.write(`strata-i386: unknown option ${a}\n`);
      return 2;
    } else break;
  }
  const file = argv[k];
  if (file === undefined) {
    process.stderr.write("usage: strata-i386 [--counters] prog.elf [args...]\n");
    return 2;
  }
  let proc;
  try {
    proc = processForFile(file, { args: argv.slice(k + 1), envp: [] });
  } catch (e) {
    if (e instanceof ElfFormatError || e instanceof ElfError || (e instanceof Error && "code" in e)) {
      process.stderr.write(`strata-i386: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const t0 = performance.now();
  proc.run();
  const ms = performance.now() - t0;
  const st = proc.status();
  if (st.signal !== null) process.stderr.write(`strata-i386: ${proc.fault}\n`);
  if (counters) {
    const c = proc.counters();
    for (const [name, v] of Object.entries(c)) process.stderr.write(`${name} ${v}\n`);
    process.stderr.write(`host.ms ${ms.toFixed(1)}\n`);
  }
  return st.status;
}

process.exitCode = main(process.argv.slice(2));
