/**
 * strata-dbt: strata-x86's command line on the translator (commands in src/cli/commands.ts).
 *   strata-dbt disasm FILE.elf     objdump-style disassembly
 *   strata-dbt run [...] FILE.elf  a bare-metal ELF on the translator
 */
import { main } from "./cli/commands";

process.exitCode = main(process.argv.slice(2));
