/** Prints the README's syscall compatibility table (pnpm --filter @strata/linux-user syscall-table). */
import { syscallTableMarkdown } from "../src/syscalls/markdown";

process.stdout.write(`${syscallTableMarkdown()}\n`);
