/**
 * The contract every level implements (shared/DESIGN.md): a level takes a workload and run
 * options, honours an instruction budget, reports progress, can be cancelled, and returns one
 * report shape. Levels never import lab; lab adapts each level in one file under adapters/.
 */
import type { LevelId, WorkloadKind } from "@strata/workloads";
import type { DebugSession } from "./debug";

/** A workload as a level receives it: bytes, so the same call works in Node, a browser and a worker. */
export interface WorkloadInput {
  /** Catalogue name, or the file name of an uploaded image. */
  readonly name: string;
  readonly kind: WorkloadKind;
  /** The image: ELF, PE, JAR or class file. */
  readonly image: Uint8Array;
  /** Multiboot modules (an initrd) for kernels. */
  readonly modules?: readonly Uint8Array[];
  /** Each module's Multiboot string (qemu: the -initrd file name); `module<i>` when absent. */
  readonly moduleNames?: readonly string[];
  /** Guest RAM for bare-metal kernels (qemu's -m), in bytes; 32 MiB when absent. */
  readonly memoryBytes?: number;
  /** The class whose main runs, for jvm workloads (a JAR's manifest may say instead). */
  readonly mainClass?: string;
  readonly args?: readonly string[];
  readonly stdin?: string;
}

export interface RunProgress {
  /** Guest instructions (or bytecodes) executed so far. */
  readonly executed: number;
  /** The budget, when one was given. */
  readonly budget?: number;
  /** Counters so far, when the level can give them cheaply. */
  readonly counters?: Readonly<Record<string, number>>;
}

export interface RunOptions {
  /** Stop after this many guest instructions (bytecodes for jvm-lite). */
  readonly budget?: number;
  /** Cancels the run at the next slice boundary; the report then says `cancelled`. */
  readonly signal?: AbortSignal;
  /** Called between slices, at most every `progressEvery` instructions. */
  readonly onProgress?: (p: RunProgress) => void;
  /** Called with guest output as it is produced (stdout, serial). */
  readonly onOutput?: (text: string, stream: "stdout" | "stderr") => void;
  readonly progressEvery?: number;
  /**
   * Live guest input, polled by the level (bare-metal kernels: COM1's receive line, one byte per
   * character time, after WorkloadInput.stdin is used up); undefined when nothing is waiting.
   */
  readonly input?: () => number | undefined;
}

/** Why a run ended. */
export type RunExit =
  | { readonly kind: "exit"; readonly code: number }
  | { readonly kind: "budget" }
  | { readonly kind: "cancelled" }
  | { readonly kind: "fault"; readonly message: string }
  /** A bare-metal machine stopped by itself without an exit code (HLT with nothing to wake it, a reset request). */
  | { readonly kind: "halt"; readonly message: string }
  | { readonly kind: "error"; readonly message: string };

/** The one report format of shared/DESIGN.md. */
export interface RunReport {
  readonly level: string;
  readonly workload: string;
  readonly output: string;
  readonly stderr: string;
  readonly exit: RunExit;
  readonly counters: Readonly<Record<string, number>>;
  /** Host wall-clock time of the run: informative only, never part of a comparison's exactness. */
  readonly hostMs: number;
}

export interface Level {
  readonly id: LevelId;
  readonly name: string;
  /** One line: the technique and the real system it mirrors. */
  readonly description: string;
  readonly kinds: readonly WorkloadKind[];
  /** The counter that counts guest work, used to normalize comparisons (`insn.retired`, `jvm.bytecodes`). */
  readonly workCounter: string;
  run(workload: WorkloadInput, options?: RunOptions): Promise<RunReport>;
  /** A stepping session over the workload, for levels that can be debugged (x86 levels). */
  debug?(workload: WorkloadInput, options?: Pick<RunOptions, "onOutput">): DebugSession;
}

/** Thrown for requests a level cannot serve (a kind it does not run); never for guest behaviour. */
export class LevelError extends Error {
  override readonly name = "LevelError";
}
