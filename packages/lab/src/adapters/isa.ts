/**
 * Level "isa": the @strata/isa interpreter. linux-i386 workloads run in user mode through
 * linux-user (adapters/linux-user.ts); bare-metal-i386 kernels boot on the PC machine
 * (adapters/pc.ts), as under qemu-system-i386 -kernel.
 */
import { createPcMachine } from "@strata/isa";
import type { Level } from "../level";
import { linuxUserLevel } from "./linux-user";
import { withBareMetal } from "./pc";

const pcMachine = { create: createPcMachine, countTlbHits: true };

const userMode = linuxUserLevel({
  id: "isa",
  name: "Interpreter (isa)",
  description: "IA-32 interpreter: decode, execute, lazy flags; like Bochs or qemu-i386 without TCG",
});

export const isaLevel: Level = withBareMetal(
  userMode,
  pcMachine,
  "IA-32 interpreter: decode, execute, lazy flags; user mode like qemu-i386 without TCG, bare-metal kernels on a PC like qemu-system-i386 -kernel",
);
