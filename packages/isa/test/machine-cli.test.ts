/**
 * strata-x86 run: a bare-metal ELF (flat ring 0, PC ports) prints through the debug console and
 * ends through isa-debug-exit with status (v << 1) | 1, as under qemu-system-i386; an exception
 * with no IDT is reported with its vector and EIP (nm's address of the faulting label).
 */
import { spawnSync } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { runMain } from "../src/cli/run";
import { systemMain } from "../src/cli/system";
import { assemble, FIXTURES, haveQemu, runQemu, tempFile, WORKLOADS } from "./support/machine-kernels";
import { buildElf, haveTools } from "./support/native-cases";

function capture(args: string[]): { out: string; err: string; status: number } {
  let out = "";
  let err = "";
  const status = runMain(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { out, err, status };
}

describe.skipIf(!haveTools())("strata-x86 run", () => {
  it("debug console output and isa-debug-exit status", () => {
    const elf = buildElf(
      `bits 32\nglobal _start\nsection .text\n_start:\n mov esi, msg\n.l: lodsb\n test al, al\n jz .d\n out 0xe9, al\n jmp .l\n.d: mov al, 3\n out 0xf4, al\n hlt\nsection .data\nmsg: db "hi from ring 0", 10, 0\n`,
      "bare",
      ["-Ttext=0x100000"],
    );
    const r = capture(["--counters", elf]);
    expect(r.out).toBe("hi from ring 0\n");
    expect(r.status).toBe(7);
    expect(r.err).toMatch(/^insn\.retired \d+$/m);
    expect(r.err).toMatch(/^debugcon\.bytes 15$/m);
  });

  it("an exception without an IDT stops the run with its vector and EIP", () => {
    const elf = buildElf(`bits 32\nglobal _start\nglobal bad\nsection .text\n_start:\n xor ecx, ecx\nbad:\n div ecx\n hlt\n`, "de", ["-Ttext=0x100000"]);
    const nm = spawnSync("nm", [elf], { encoding: "utf8" }).stdout;
    const bad = nm.split("\n").find((l) => l.endsWith(" bad"))!.split(" ")[0]!.replace(/^0+/, "");
    const r = capture([elf]);
    expect(r.status).toBe(1);
    expect(r.err).toBe(`strata-x86 run: exception #DE (vector 0, error code -1) at eip 0x${bad}\n`);
  });

  it("bad input: one line, non-zero status", () => {
    expect(capture(["/nonexistent.elf"])).toEqual({ out: "", err: "strata-x86 run: /nonexistent.elf: ENOENT\n", status: 1 });
    expect(capture([]).status).toBe(2);
  });
});

describe("strata-x86 in qemu-system-i386's idiom", () => {
  function system(args: string[]): { out: string; err: string; status: number } {
    let out = "";
    let err = "";
    const status = systemMain(args, {
      stdout: (b) => (out += Buffer.from(b).toString("latin1")),
      stderr: (s) => (err += s),
      readFile: (p) => readFileSync(p),
    });
    return { out, err, status };
  }

  it("--help lists the qemu options", () => {
    const r = spawnSync(process.execPath, ["--import", "tsx", "src/cli.ts", "--help"], { encoding: "utf8", cwd: resolve(import.meta.dirname, "..") });
    expect(r.status).toBe(0);
    for (const opt of ["-kernel", "-append", "-initrd", "-bios", "-m MB", "-serial", "-debugcon", "-debugcon-port", "-d ITEM", "-D FILE", "-icount-limit", "--counters", "isa-debug-exit", "--flat"]) {
      expect(r.stdout).toContain(opt);
    }
  });

  it("files that cannot be read or booted: one line naming the option and file, status 1", () => {
    expect(system(["-kernel", "/nonexistent.elf"])).toEqual({ out: "", err: "strata-x86: -kernel /nonexistent.elf: No such file or directory\n", status: 1 });
    const junk = tempFile("junk.bin", new Uint8Array(4096).fill(0x90));
    expect(system(["-kernel", junk])).toEqual({
      out: "",
      err: `strata-x86: -kernel ${junk}: not a Multiboot kernel: no header (magic 0x1BADB002 with its checksum) in the first 8192 bytes (a raw binary loads with --flat ADDR)\n`,
      status: 1,
    });
    expect(system(["-bios", junk]).err).toBe(`strata-x86: -bios ${junk}: BIOS image of 4096 bytes: must be a non-zero multiple of 64 KiB\n`);
    expect(system(["-kernel", junk, "-initrd", "/nonexistent.img"]).err).toBe("strata-x86: -initrd /nonexistent.img: No such file or directory\n");
  });

  it("usage errors: status 2 and what is wrong", () => {
    const cases: [string[], RegExp][] = [
      [[], /nothing to run/],
      [["-kernel"], /-kernel: needs an argument/],
      [["-kernel", "k", "-frobnicate", "1"], /-frobnicate: unknown option/],
      [["-kernel", "k", "-m", "lots"], /-m: 'lots' is not a memory size/],
      [["-kernel", "k", "-serial", "tcp:1234"], /-serial: 'tcp:1234' is not supported/],
      [["-kernel", "k", "-d", "exec"], /-d: unknown item 'exec'/],
      [["-kernel", "k", "-device", "e1000"], /-device: 'e1000' is not a device of this machine/],
      [["-kernel", "k", "-icount-limit", "0"], /-icount-limit: must be at least 1/],
      [["--flat", "0x1000"], /nothing to run/],
    ];
    for (const [args, msg] of cases) {
      const r = system(args);
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.err).toMatch(msg);
    }
  });

  describe.skipIf(!haveQemu())("compared with qemu-system-i386", () => {
    it("--flat ADDR runs raw bytes in flat 32-bit ring 0; qemu runs the same code through a Multiboot a.out kludge", () => {
      const flat = assemble(`${FIXTURES}/flat.asm`);
      const withHeader = tempFile("flat-mb.asm", readFileSync(`${FIXTURES}/flat.asm`, "utf8").replace("%include \"mbmacros.inc\"", "%define MULTIBOOT\n%include \"mbmacros.inc\""));
      const mb = assemble(withHeader, undefined, [`-I${FIXTURES}/`]);
      const q = runQemu(["-kernel", mb, "-debugcon", `file:${tempFile("dc-q.txt", "")}`]);
      const dcS = tempFile("dc-s.txt", "");
      const s = system(["-kernel", flat, "--flat", "0x100000", "-debugcon", `file:${dcS}`]);
      expect(q.serial).toMatch(/^here=0010000a$/m);
      expect(s.out).toBe(q.serial);
      expect(s.status).toBe(q.status);
      expect(readFileSync(dcS, "latin1")).toBe("e\n");
    });

    it("-serial stdio reads standard input into COM1 as qemu does", () => {
      const kernel = assemble(`${FIXTURES}/echo.asm`);
      // Standard input is a file here, as with `strata-x86 ... < file` (Node's own "pipe" stdio is
      // a socket, which strata-x86 does not read: see README).
      const input = tempFile("echo-input.txt", "hello, serial world\n");
      const common = ["-kernel", kernel, "-serial", "stdio", "-m", "32", "-device", "isa-debug-exit,iobase=0xf4,iosize=4"];
      const run = (cmd: string, args: string[]) => {
        const fd = openSync(input, "r");
        try {
          return spawnSync(cmd, args, { stdio: [fd, "pipe", "pipe"], encoding: "latin1", timeout: 120_000, cwd: resolve(import.meta.dirname, "..") });
        } finally {
          closeSync(fd);
        }
      };
      const q = run("qemu-system-i386", [...common, "-display", "none", "-no-reboot"]);
      const s = run(process.execPath, ["--import", "tsx", "src/cli.ts", ...common]);
      expect(q.stdout).toBe("HELLO, SERIAL WORLD\nbytes=00000014\n");
      expect(s.stdout).toBe(q.stdout);
      expect(s.status).toBe(q.status);
    });

    it("a reset through port 0x92 and a triple fault end the run with status 0, as qemu -no-reboot does", () => {
      for (const flags of [[], ["-DTRIPLE"]]) {
        const kernel = assemble(`${FIXTURES}/ends.asm`, undefined, flags);
        const q = runQemu(["-kernel", kernel]);
        const s = system(["-kernel", kernel]);
        expect(q.status).toBe(0);
        expect(q.serial).toMatch(/^ends=(reset through port 0x92|triple fault)\n$/);
        expect(s.out).toBe(q.serial);
        expect(s.status).toBe(0);
        expect(s.err).toMatch(flags.length ? /^strata-x86: shutdown: triple fault/ : /^strata-x86: the guest reset the machine/);
      }
    });

    it("-d int logs each event as qemu does: check_exception (nested faults included) and the numbered v= lines", () => {
      // errcode: every exception vector and #DF; paging: #PF with CR2; v86: INT and #GP from V86
      // mode; pmode: real-mode INT n (qemu prints no v= line outside protected mode).
      let total = 0;
      for (const name of ["errcode", "paging", "v86", "pmode"]) {
        const kernel = `${WORKLOADS}/artifacts/bare-metal-i386/${name}.elf`;
        if (!existsSync(kernel)) return;
        const qlog = tempFile(`q-${name}.log`, "");
        spawnSync("qemu-system-i386", ["-kernel", kernel, "-serial", "null", "-display", "none", "-no-reboot", "-m", "32", "-device", "isa-debug-exit,iobase=0xf4,iosize=4", "-d", "int", "-D", qlog]);
        const slog = tempFile(`s-${name}.log`, "");
        const s = system(["-kernel", kernel, "-serial", "null", "-m", "32", "-d", "int", "-D", slog]);
        expect(s.status).toBe(1);
        // The firmware's own interrupts (qemu's SeaBIOS, real mode) print only "Servicing" lines, left out here.
        const events = (log: string): string[] => log.split("\n").filter((l) => / v=[0-9a-f]{2} e=/.test(l) || l.startsWith("check_exception"));
        const q = events(readFileSync(qlog, "latin1"));
        expect(events(readFileSync(slog, "latin1")), name).toEqual(q);
        total += q.length;
      }
      expect(total).toBeGreaterThan(40);
    });

    it("-d in_asm,cpu: each new block disassembled, registers before each block", () => {
      const kernel = assemble(`${FIXTURES}/mbinfo.asm`, 0x100000);
      const log = tempFile("s-asm.log", "");
      const s = system(["-kernel", kernel, "-serial", "null", "-m", "32", "-d", "in_asm,cpu", "-D", log]);
      expect(s.status).toBe((0x21 << 1) | 1);
      const text = readFileSync(log, "latin1");
      expect(text.startsWith("----------------\nIN: \n0x0010000c:  a3 ")).toBe(true);
      expect(text).toMatch(/^EAX=2badb002 EBX=00009500 /m);
      expect(text).toMatch(/^CS =0008 00000000 ffffffff 00cf9b00 DPL=0 CS32 \[-RA\]$/m);
    });
  });
});
