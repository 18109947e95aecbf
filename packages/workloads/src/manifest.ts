/**
 * The typed manifest of a workload: what it is, where its sources and prebuilt artifact live
 * (paths relative to the package root), what it must print, and which levels can run it.
 */
export type WorkloadKind = "bare-metal-i386" | "linux-i386" | "win32-pe" | "jvm";

/** Level ids as registered in @strata/lab (the packages' short names). */
export type LevelId = "isa" | "dbt" | "vmx" | "paravirt" | "oscontainers" | "libvirt-compat" | "jvm-lite";

export interface ExpectedResult {
  /** Exact bytes the workload writes to stdout (linux, win32, jvm) or the serial port (bare metal). */
  readonly stdout: string;
  /** Exact bytes written to stderr, where it matters (jvm uncaught exceptions). */
  readonly stderr?: string;
  /** Process exit status, or the isa-debug-exit code for bare-metal kernels. */
  readonly exitCode: number;
}

export interface Workload {
  /** Unique name, used on command lines: `strata run sieve`. */
  readonly name: string;
  readonly kind: WorkloadKind;
  /** One line for lists and tooltips. */
  readonly description: string;
  /** Source files, relative to the package root. */
  readonly sources: readonly string[];
  /** The committed prebuilt image, relative to the package root (ELF, PE, JAR). */
  readonly artifact: string;
  /** Extra images: a Multiboot module (`initrd`) for kernels. */
  readonly modules?: readonly string[];
  /** For `jvm` workloads: the class whose `main` runs. */
  readonly mainClass?: string;
  /** Command-line arguments the expected output assumes. */
  readonly args?: readonly string[];
  /** The output every level must reproduce exactly (recorded from the native reference). */
  readonly expected: ExpectedResult;
  /** Levels that can run this workload today. */
  readonly levels: readonly LevelId[];
  /** Free-form tags: "bench", "demo", "nanobench", "corpus", "error"... */
  readonly tags?: readonly string[];
  /** Guest RAM in MiB of the machine the expected output was recorded on (qemu's -m), for kernels. */
  readonly memoryMiB?: number;
}
