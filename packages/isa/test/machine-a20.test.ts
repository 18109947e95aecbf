/**
 * The A20 gate (port 0x92 bit 1): with it off, physical bit 20 reads as 0 and 1 MiB aliases 0,
 * for reads and writes; on again, the two are distinct. qemu-system-i386 runs the same kernel.
 */
import { describe, expect, it } from "vitest";
import { assemble, FIXTURES, haveQemu, runQemu, runStrata } from "./support/machine-kernels";

describe.skipIf(!haveQemu())("A20 gate through port 0x92, compared with qemu-system-i386", () => {
  it("1 MiB wraps to 0 while A20 is off", () => {
    const kernel = assemble(`${FIXTURES}/a20.asm`);
    const q = runQemu(["-kernel", kernel, "-m", "32"]);
    const s = runStrata({ kernel, memoryMiB: 32 });
    expect(q.serial).toMatch(/^a20_off_0x100000=11111111$/m);
    expect(s.serial).toBe(q.serial);
    expect(s.status).toBe(q.status);
  });
});
