import type { Workload } from "../manifest";

/**
 * PE32 i386 console programs (mingw-w64, no C runtime). This machine has no Windows or WINE to
 * record their output from, so `expected` is the program's specification (what its source
 * writes); test/win32.test.ts checks the images' structure with objdump, and libvirt-compat's
 * conformance runs will compare against WINE.
 */
export const win32Workloads: readonly Workload[] = [
  {
    name: "hello-win32",
    kind: "win32-pe",
    description: "GetStdHandle + WriteFile + ExitProcess from kernel32.dll, no C runtime: the smallest Win32 program.",
    sources: ["win32/hello.c"],
    artifact: "artifacts/win32-pe/hello.exe",
    expected: { stdout: "Hello from Strata (Win32)!\r\n", exitCode: 0 },
    levels: [],
    tags: ["demo"],
  },
];
