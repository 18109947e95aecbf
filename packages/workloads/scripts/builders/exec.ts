/** Runs a build tool, failing with its stderr and the command line. */
import { execFileSync } from "node:child_process";

export function run(cmd: string, args: readonly string[], cwd?: string): void {
  try {
    execFileSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const err = e as { stderr?: Buffer; message: string };
    throw new Error(`${cmd} ${args.join(" ")}\n${err.stderr?.toString() ?? err.message}`);
  }
}
