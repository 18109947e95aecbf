/**
 * The bare-metal i386 test kernels without their expected output: what the builder and
 * scripts/record-baremetal.ts need. baremetal.ts joins them with the recorded transcripts.
 */
export interface BaremetalKernel {
  readonly name: string;
  readonly description: string;
  readonly tags: readonly string[];
  /** The kernel has assembly of its own (baremetal/tests/<name>.asm) besides its C file. */
  readonly asm?: boolean;
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
  { name: "pmode", description: "Protected-mode entry with our GDT, then a round trip through real mode (IVT, unreal mode).", tags: isaTest, asm: true },
  { name: "ring3", description: "Ring 3 calls the kernel through interrupt and trap gates; a DPL 0 gate is #GP.", tags: isaTest },
  { name: "errcode", description: "Exception vectors, error codes and saved EIPs: #DE #BP #OF #BR #UD #NM #NP #GP #TS #DF.", tags: isaTest },
  { name: "sensitive", description: "Sensitive unprivileged instructions at CPL 3: POPF keeps IF, SGDT, SIDT, STR, PUSH CS, LAR.", tags: isaTest },
  { name: "paging", description: "Paging with a #PF handler doing demand paging; protection error codes, CR0.WP, INVLPG.", tags: isaTest },
  { name: "adbits", description: "Accessed and dirty bits in PTEs and PDEs, 4 KiB and 4 MiB pages, instruction fetch.", tags: isaTest },
  { name: "pit", description: "PIT channel 0 interrupts through the 8259A (ISR/IRR/IMR, EOI), channel 2 gate, RTC on the slave.", tags: isaTest },
  { name: "task", description: "Hardware task switches by CALL, task gate and JMP: back link, NT, busy bits, CR0.TS.", tags: isaTest },
  { name: "v86", description: "Virtual-8086 mode: segment arithmetic, INT through the IDT at IOPL 3, #GP monitor at IOPL 0.", tags: isaTest, asm: true },
  { name: "iobitmap", description: "I/O permission bitmap: ring 3 drives COM1 through granted ports, denied ones are #GP(0).", tags: isaTest },
  { name: "devices", description: "PC devices through IN/OUT: 16550A loopback and FIFO, CMOS under SET, 8259A poll, 8254 read-back, port 0x92.", tags: isaTest },
  { name: "demo", description: "Greets, prints 60 primes and an integer Mandelbrot set, counts down on PIT interrupts.", tags: ["demo"] },
];

export function baremetalSources(kernel: BaremetalKernel): readonly string[] {
  const own = [`baremetal/tests/${kernel.name}.c`];
  if (kernel.asm) own.push(`baremetal/tests/${kernel.name}.asm`);
  return [...baremetalRuntime, ...own];
}

/** Guest RAM of the reference runs (qemu-system-i386 -m) and of the catalogue entries. */
export const BAREMETAL_MEMORY_MIB = 32;

export function baremetalArtifact(name: string): string {
  return `artifacts/bare-metal-i386/${name}.elf`;
}
