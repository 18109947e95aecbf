/** Node-only helpers: run an ELF file with the host's stdin/stdout/stderr. */
import { readFileSync, readSync, writeSync } from "node:fs";
import { LinuxProcess, type ProcessOptions } from "./process";

export interface RunFileOptions extends Partial<ProcessOptions> {
  /** Guest arguments after argv[0] (argv[0] is the file path). */
  readonly args?: readonly string[];
}

/** Creates the process for `path` wired to the host's standard streams. */
export function processForFile(path: string, opts: RunFileOptions = {}): LinuxProcess {
  const bytes = new Uint8Array(readFileSync(path));
  return new LinuxProcess(bytes, {
    file: path,
    argv: [path, ...(opts.args ?? [])],
    envp: opts.envp ?? [],
    stdout: opts.stdout ?? ((b) => writeAll(1, b)),
    stderr: opts.stderr ?? ((b) => writeAll(2, b)),
    stdin:
      opts.stdin ??
      ((buf) => {
        try {
          return readSync(0, buf, 0, buf.length, null);
        } catch {
          return 0;
        }
      }),
    ...(opts.memoryBytes !== undefined ? { memoryBytes: opts.memoryBytes } : {}),
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
  });
}

function writeAll(fd: number, b: Uint8Array): void {
  let off = 0;
  while (off < b.length) off += writeSync(fd, b, off, b.length - off);
}
