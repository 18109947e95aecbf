/** The README's compatibility table, generated from the syscall table (gVisor style). */
import { SYSCALLS } from "./table";

export function syscallTableMarkdown(): string {
  const rows = SYSCALLS.map((s) => `| ${s.nr} | \`${s.name}\` | ${s.support} | ${s.note ?? ""} |`);
  return ["| nr | name | support | note |", "|---|---|---|---|", ...rows].join("\n");
}
