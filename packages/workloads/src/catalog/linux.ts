import type { Workload } from "../manifest";

const levels = ["isa", "dbt"] as const;

/** Freestanding static i386 Linux programs (raw int 0x80); expected output from native runs. */
export const linuxWorkloads: readonly Workload[] = [
  {
    name: "hello",
    kind: "linux-i386",
    description: "Prints one line with write(2) and exits: the smallest linux-i386 program (nasm).",
    sources: ["linux/hello.asm"],
    artifact: "artifacts/linux-i386/hello.elf",
    expected: { stdout: "Hello from Strata!\n", exitCode: 0 },
    levels,
    tags: ["demo"],
  },
  {
    name: "sieve",
    kind: "linux-i386",
    description: "Sieve of Eratosthenes below 2^17, 3 rounds: integer, memory and branch bound.",
    sources: ["linux/sieve.c"],
    artifact: "artifacts/linux-i386/sieve.elf",
    expected: { stdout: "sieve: 12251 primes below 131072, checksum 0xf13566da\n", exitCode: 0 },
    levels,
    tags: ["bench", "demo"],
  },
  {
    name: "crc32",
    kind: "linux-i386",
    description: "Table-driven CRC-32 of 64 KiB, 4 rounds: shifts, xors and table loads.",
    sources: ["linux/crc32.c"],
    artifact: "artifacts/linux-i386/crc32.elf",
    expected: { stdout: "crc32: 0xeaddf90d after 4 rounds\n", exitCode: 0 },
    levels,
    tags: ["bench"],
  },
  {
    name: "sort",
    kind: "linux-i386",
    description: "Heapsort and quicksort of 20000 words, 2 rounds, cross-checked.",
    sources: ["linux/sort.c"],
    artifact: "artifacts/linux-i386/sort.elf",
    expected: { stdout: "sort: ok, checksum 0x6ffe5b3b\n", exitCode: 0 },
    levels,
    tags: ["bench"],
  },
];
