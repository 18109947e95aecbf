/**
 * The bare-metal i386 test kernels without their expected output: what the builder and
 * scripts/record-baremetal.ts need. baremetal.ts joins them with the recorded transcripts.
 */
export interface BaremetalKernel {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
}

/** The shared runtime every kernel links (baremetal/rt). */
export const baremetalRuntime = [
  "baremetal/rt/boot.asm",
  "baremetal/rt/rt.c",
  "baremetal/rt/paging.c",
  "baremetal/rt/rt.h",
  "baremetal/rt/paging.h",
  "baremetal/rt/link.ld",
] as const;

/** The first line every kernel prints; qemu's firmware may print before it, so transcripts start here. */
export const BAREMETAL_MARKER = "== strata bare-metal test: ";

const isaTest = ["isa-test"] as const;

export const baremetalKernels: readonly BaremetalKernel[] = [
  { name: "ring3", description: "Ring 3 calls the kernel through interrupt and trap gates; a DPL 0 gate is #GP.", tags: isaTest },
  { name: "sensitive", description: "Sensitive unprivileged instructions at CPL 3: POPF keeps IF, SGDT, SIDT, STR, PUSH CS, LAR.", tags: isaTest },
  { name: "errcode", description: "Exception vectors, error codes and saved EIPs: #DE #BP #OF #BR #UD #NM #NP #GP #TS #DF.", tags: isaTest },
  { name: "paging", description: "Paging with a #PF handler doing demand paging; protection error codes, CR0.WP, INVLPG.", tags: isaTest },
  { name: "adbits", description: "Accessed and dirty bits in PTEs and PDEs, 4 KiB and 4 MiB pages, instruction fetch.", tags: isaTest },
];

export function baremetalSources(name: string): readonly string[] {
  return [...baremetalRuntime, `baremetal/tests/${name}.c`];
}

export function baremetalArtifact(name: string): string {
  return `artifacts/bare-metal-i386/${name}.elf`;
}
