/** Process identity and lifetime: exit, exit_group, getpid, gettid, uid/gid, set_tid_address... */
import { EINVAL, ESRCH } from "../abi/errno";
import type { SyscallDef } from "./types";

export const PID = 1000;
export const UID = 1000;

export const processSyscalls: readonly SyscallDef[] = [
  { nr: 1, name: "exit", support: "full", handler: (p, status) => p.exit(status & 0xff) },
  { nr: 252, name: "exit_group", support: "full", handler: (p, status) => p.exit(status & 0xff) },
  { nr: 20, name: "getpid", support: "full", note: "always 1000", handler: () => PID },
  { nr: 224, name: "gettid", support: "full", note: "single-threaded: the pid", handler: () => PID },
  { nr: 64, name: "getppid", support: "full", note: "always 1", handler: () => 1 },
  { nr: 24, name: "getuid", support: "full", handler: () => UID },
  { nr: 47, name: "getgid", support: "full", handler: () => UID },
  { nr: 49, name: "geteuid", support: "full", handler: () => UID },
  { nr: 50, name: "getegid", support: "full", handler: () => UID },
  { nr: 199, name: "getuid32", support: "full", handler: () => UID },
  { nr: 200, name: "getgid32", support: "full", handler: () => UID },
  { nr: 201, name: "geteuid32", support: "full", handler: () => UID },
  { nr: 202, name: "getegid32", support: "full", handler: () => UID },
  {
    nr: 258,
    name: "set_tid_address",
    support: "partial",
    note: "the address is remembered, never written (no threads)",
    handler: (p, addr) => {
      p.clearChildTid = addr;
      return PID;
    },
  },
  { nr: 311, name: "set_robust_list", support: "stub", note: "accepted, unused", handler: () => 0 },
  {
    nr: 37,
    name: "kill",
    support: "partial",
    note: "only to itself: terminates with the signal",
    handler: (p, pid, sig) => (pid === PID || pid === 0 ? p.killSelf(sig) : -ESRCH),
  },
  {
    nr: 238,
    name: "tkill",
    support: "partial",
    note: "only to itself",
    handler: (p, tid, sig) => (tid === PID ? p.killSelf(sig) : -ESRCH),
  },
  {
    nr: 270,
    name: "tgkill",
    support: "partial",
    note: "only to itself",
    handler: (p, tgid, tid, sig) => (tgid === PID && tid === PID ? p.killSelf(sig) : -ESRCH),
  },
  { nr: 174, name: "rt_sigaction", support: "stub", note: "accepted; signals are never delivered to handlers", handler: () => 0 },
  { nr: 175, name: "rt_sigprocmask", support: "stub", note: "accepted", handler: () => 0 },
  {
    nr: 191,
    name: "ugetrlimit",
    support: "partial",
    note: "RLIMIT_STACK = 8 MiB, others unlimited",
    handler: (p, resource, rlim) => p.getrlimit(resource, rlim),
  },
  {
    nr: 340,
    name: "prlimit64",
    support: "partial",
    note: "reads only, own process",
    handler: (p, pid, resource, newLimit, oldLimit) => {
      if (pid !== 0 && pid !== PID) return -ESRCH;
      if (newLimit !== 0) return -EINVAL;
      return oldLimit === 0 ? 0 : p.getrlimit64(resource, oldLimit);
    },
  },
];
