/**
 * Level "isa": the @strata/isa interpreter. linux-i386 workloads run in user mode through
 * linux-user (adapters/linux-user.ts); bare-metal-i386 kernels boot on the PC machine
 * (adapters/pc.ts), as under qemu-system-i386 -kernel.
 */
import { createPcMachine } from "@strata/isa";
import type { Level } from "../level";
import { linuxUserLevel } from "./linux-user";
import { debugBareMetal, runBareMetal } from "./pc";

const pcMachine = { create: createPcMachine, countTlbHits: true };

const userMode = linuxUserLevel({
  id: "isa",
  name: "Interpreter (isa)",
  description: "IA-32 interpreter: decode, execute, lazy flags; like Bochs or qemu-i386 without TCG",
});

export const isaLevel: Level = {
  ...userMode,
  description:
    "IA-32 interpreter: decode, execute, lazy flags; user mode like qemu-i386 without TCG, bare-metal kernels on a PC like qemu-system-i386 -kernel",
  kinds: ["linux-i386", "bare-metal-i386"],
  run: (w, o) => (w.kind === "bare-metal-i386" ? runBareMetal("isa", pcMachine, w, o) : userMode.run(w, o)),
  debug: (w, o) => (w.kind === "bare-metal-i386" ? debugBareMetal("isa", pcMachine, w, o) : userMode.debug!(w, o)),
};
