/**
 * How a bare-metal run ends, for kernels assembled here by nasm, against qemu-system-i386 with the
 * catalogue's command line (-no-reboot, isa-debug-exit at 0xf4): a debug-exit write is the exit
 * code, a triple fault ends qemu's run (a `fault`), and HLT with interrupts off never ends it (a
 * `halt` here, since nothing can wake the processor).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { detectKind } from "../src/index";
import { nodeRegistry } from "../src/node";

const registry = nodeRegistry();
const dir = mkdtempSync(join(tmpdir(), "strata-lab-bm-"));

/** A Multiboot kernel from a body of 32-bit code (entered in flat protected mode, IF = 0). */
function kernel(name: string, body: string[]): string {
  const asm = join(dir, `${name}.asm`);
  writeFileSync(asm, ["bits 32", "section .text", "align 4", "  dd 0x1badb002, 0, -0x1badb002", "global _start", "_start:", ...body, ""].join("\n"));
  for (const [tool, args] of [
    ["nasm", ["-f", "elf32", asm, "-o", join(dir, `${name}.o`)]],
    ["ld", ["-m", "elf_i386", "-N", "-Ttext=0x100000", "-e", "_start", join(dir, `${name}.o`), "-o", join(dir, `${name}.elf`)]],
  ] as const) {
    const r = spawnSync(tool, args, { encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${tool}: ${r.stderr}`);
  }
  return join(dir, `${name}.elf`);
}

function qemu(path: string, timeoutMs: number) {
  const r = spawnSync(
    "qemu-system-i386",
    ["-kernel", path, "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-serial", "stdio", "-display", "none", "-no-reboot", "-m", "32"],
    { encoding: "latin1", timeout: timeoutMs, stdio: ["ignore", "pipe", "pipe"] },
  );
  // qemu catches SIGTERM and exits normally, so a timeout shows as spawnSync's ETIMEDOUT.
  const err: NodeJS.ErrnoException | undefined = r.error;
  const timedOut = err?.code === "ETIMEDOUT";
  return { stdout: r.stdout ?? "", status: timedOut ? null : r.status, timedOut };
}

const run = (path: string) => {
  const image = new Uint8Array(readFileSync(path));
  return registry.get("isa").run({ name: "k.elf", kind: detectKind("k.elf", image), image });
};

/** COM1 output of the characters of `s` (the UART transmits without initialization). */
const print = (s: string) => ["mov dx, 0x3f8", ...[...s].flatMap((c) => [`mov al, ${c.charCodeAt(0)}`, "out dx, al"])];

describe("bare-metal exits vs qemu-system-i386", () => {
  it("an isa-debug-exit write of v is exit code v (qemu exits with (v << 1) | 1)", async () => {
    const k = kernel("exit5", [...print("bye\n"), "mov dx, 0xf4", "mov eax, 5", "out dx, eax", "jmp $"]);
    const q = qemu(k, 20_000);
    expect(q.timedOut).toBe(false);
    expect(q.status).toBe((5 << 1) | 1);
    const r = await run(k);
    expect(r.exit).toEqual({ kind: "exit", code: 5 });
    expect(r.output).toBe(q.stdout.slice(q.stdout.indexOf("bye")));
  });

  it("a triple fault ends the run as a fault (qemu -no-reboot stops too)", async () => {
    // An empty IDT: INT3 cannot be delivered (#GP), nor can #GP (#DF), nor #DF: shutdown.
    const k = kernel("triple", [...print("x\n"), "lidt [idtr]", "int3", "idtr: dw 0", "  dd 0"]);
    const q = qemu(k, 20_000);
    expect(q.timedOut).toBe(false);
    const r = await run(k);
    expect(r.exit.kind).toBe("fault");
    expect(r.exit.kind === "fault" && r.exit.message).toMatch(/^shutdown: .* at eip 0x/);
    expect(r.output).toBe("x\n");
  });

  it("HLT with interrupts off ends the run as halt (qemu waits forever)", async () => {
    const k = kernel("hlt", [...print("zz\n"), "cli", "hlt", "jmp $"]);
    const q = qemu(k, 2_000);
    expect(q.timedOut).toBe(true);
    const r = await run(k);
    expect(r.exit.kind).toBe("halt");
    expect(r.exit.kind === "halt" && r.exit.message).toMatch(/halted with nothing to wake it .* at eip 0x/);
    // mov dx; three mov al/out pairs; cli; hlt (HLT retires, as in the SDM: EIP is after it).
    expect(r.counters["insn.retired"]).toBe(1 + 3 * 2 + 2);
  });

  it("serial input: stdin reaches COM1's receive line as qemu's -serial stdio delivers it", async () => {
    // Echoes what it reads (polling LSR.DR) until CR, then exits through isa-debug-exit.
    const k = kernel("echo", [
      ...print("> "),
      "poll: mov dx, 0x3fd",
      "  in al, dx",
      "  test al, 1",
      "  jz poll",
      "  mov dx, 0x3f8",
      "  in al, dx",
      "  cmp al, 13",
      "  je done",
      "  out dx, al",
      "  jmp poll",
      "done: mov al, 10",
      "  out dx, al",
      "  mov dx, 0xf4",
      "  mov eax, 0",
      "  out dx, eax",
    ]);
    const q = spawnSync(
      "qemu-system-i386",
      ["-kernel", k, "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-serial", "stdio", "-display", "none", "-no-reboot", "-m", "32"],
      { encoding: "latin1", timeout: 20_000, input: "hi there\r" },
    );
    expect(q.status).toBe(1);
    const image = new Uint8Array(readFileSync(k));
    // Half up front (WorkloadInput.stdin), half typed live (RunOptions.input), as a console would.
    const live = [..."there\r"].map((c) => c.charCodeAt(0));
    const r = await registry.get("isa").run({ name: "echo.elf", kind: "bare-metal-i386", image, stdin: "hi " }, { input: () => live.shift() });
    expect(r.exit).toEqual({ kind: "exit", code: 0 });
    expect(r.output).toBe(q.stdout.slice(q.stdout.indexOf("> ")));
    expect(r.output).toBe("> hi there\n");
  });

  it("the debug console and COM1 interleave in the order the kernel wrote them", async () => {
    const k = kernel("debugcon", [...print("A"), "mov dx, 0xe9", "mov al, 66", "out dx, al", ...print("C\n"), "mov dx, 0xf4", "xor eax, eax", "out dx, eax"]);
    const r = await run(k);
    expect(r.output).toBe("ABC\n");
    expect(r.counters["debugcon.bytes"]).toBe(1);
    expect(r.exit).toEqual({ kind: "exit", code: 0 });
  });
});
