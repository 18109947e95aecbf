/**
 * strata-x86: the command line of @strata/isa.
 *   strata-x86 disasm FILE.elf     objdump-style disassembly (src/cli/disasm.ts)
 *   strata-x86 run [...] FILE.elf  a bare-metal ELF on the interpreter (src/cli/run.ts)
 */
import { disasmMain } from "./cli/disasm";
import { runMain } from "./cli/run";

const USAGE = "usage: strata-x86 <disasm|run> [options] FILE.elf";

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "disasm":
      return disasmMain(rest);
    case "run":
      return runMain(rest);
    case "-h":
    case "--help":
      process.stdout.write(`${USAGE}\n`);
      return 0;
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}

process.exitCode = main(process.argv.slice(2));
