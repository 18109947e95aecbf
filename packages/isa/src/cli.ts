/**
 * strata-x86: the command line of @strata/isa.
 *   strata-x86 -kernel FILE [...]   a PC in qemu-system-i386's idiom (src/cli/system.ts)
 *   strata-x86 disasm FILE.elf      objdump-style disassembly (src/cli/disasm.ts)
 *   strata-x86 run [...] FILE.elf   a bare-metal ELF in flat ring 0 (src/cli/run.ts)
 */
import { disasmMain } from "./cli/disasm";
import { runMain } from "./cli/run";
import { SYSTEM_HELP } from "./cli/options";
import { systemMain } from "./cli/system";

function main(argv: string[]): number {
  const [cmd, ...rest] = argv;
  switch (cmd) {
    case "disasm":
      return disasmMain(rest);
    case "run":
      return runMain(rest);
    case undefined:
      process.stderr.write(SYSTEM_HELP);
      return 2;
    case "-h":
    case "--help":
    case "-help":
      process.stdout.write(SYSTEM_HELP);
      return 0;
    default:
      return systemMain(argv);
  }
}

process.exitCode = main(process.argv.slice(2));
