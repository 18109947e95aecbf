/** Level "isa": the @strata/isa interpreter; linux-i386 workloads run in user mode through linux-user. */
import { linuxUserLevel } from "./linux-user";

export const isaLevel = linuxUserLevel({
  id: "isa",
  name: "Interpreter (isa)",
  description: "IA-32 interpreter: decode, execute, lazy flags; like Bochs or qemu-i386 without TCG",
});
