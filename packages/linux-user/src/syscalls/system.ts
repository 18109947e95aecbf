/** uname, getrandom, thread-local storage (set_thread_area: arch/x86/kernel/tls.c), rseq, futex. */
import { EFAULT, EINVAL, ENOSYS, ESRCH } from "../abi/errno";
import type { LinuxProcess } from "../process";
import type { SyscallDef } from "./types";

/** struct new_utsname: six 65-byte fields. */
export const UTSNAME = {
  sysname: "Linux",
  nodename: "strata",
  release: "6.1.0-strata",
  version: "#1 SMP PREEMPT_DYNAMIC",
  machine: "i686",
  domainname: "(none)",
};

function uname(p: LinuxProcess, buf: number): number {
  const b = new Uint8Array(65 * 6);
  const enc = new TextEncoder();
  [UTSNAME.sysname, UTSNAME.nodename, UTSNAME.release, UTSNAME.version, UTSNAME.machine, UTSNAME.domainname].forEach(
    (s, k) => b.set(enc.encode(s).subarray(0, 64), k * 65),
  );
  return p.copyOut(buf, b) ? 0 : -EFAULT;
}

function getrandom(p: LinuxProcess, buf: number, count: number): number {
  const n = Math.min(count >>> 0, 1 << 20);
  return p.copyOut(buf, p.randomBytes(n)) ? n : -EFAULT;
}

export const systemSyscalls: readonly SyscallDef[] = [
  { nr: 122, name: "uname", support: "full", note: "Linux 6.1.0-strata i686", handler: uname },
  { nr: 355, name: "getrandom", support: "full", note: "deterministic, seeded", handler: getrandom },
  {
    nr: 243,
    name: "set_thread_area",
    support: "full",
    note: "GDT TLS entries 6-8, as on an i386 kernel",
    handler: (p, uinfo) => p.tls.setThreadArea(p, uinfo),
  },
  { nr: 244, name: "get_thread_area", support: "full", handler: (p, uinfo) => p.tls.getThreadArea(p, uinfo) },
  { nr: 386, name: "rseq", support: "stub", note: "ENOSYS: libc continues without restartable sequences", handler: () => -ENOSYS },
  { nr: 240, name: "futex", support: "stub", note: "ENOSYS (single-threaded)", handler: () => -ENOSYS },
  { nr: 384, name: "arch_prctl", support: "stub", note: "EINVAL (64-bit only codes)", handler: () => -EINVAL },
  { nr: 183, name: "getcwd", support: "partial", note: "always /", handler: (p, buf, size) => {
    if (size < 2) return -34;
    return p.copyOut(buf, new Uint8Array([0x2f, 0])) ? 2 : -EFAULT;
  } },
  { nr: 57, name: "setpgid", support: "stub", note: "ESRCH", handler: () => -ESRCH },
];
