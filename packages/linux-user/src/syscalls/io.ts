/**
 * File descriptors 0, 1, 2 (the host's stdin, stdout, stderr) and the calls that touch them.
 * There is no file system yet (that is oscontainers' work): opening a path fails with ENOENT.
 */
import { EBADF, EFAULT, EINVAL, ENOENT, ENOSYS, ENOTTY, ESPIPE } from "../abi/errno";
import type { LinuxProcess } from "../process";
import type { SyscallDef } from "./types";

/** struct stat64 for a character device (i386 layout, 96 bytes). */
function fstat64(p: LinuxProcess, fd: number, buf: number): number {
  if (fd < 0 || fd > 2) return -EBADF;
  const st = new Uint8Array(96);
  const dv = new DataView(st.buffer);
  dv.setUint32(16, 0o20620, true); // st_mode: S_IFCHR | 0620 (a terminal-less char device)
  dv.setUint32(20, 1, true); // st_nlink
  dv.setUint32(24, 1000, true); // st_uid
  dv.setUint32(28, 5, true); // st_gid (tty)
  dv.setUint32(56, 1024, true); // st_blksize
  dv.setUint32(88, fd + 3, true); // st_ino (low)
  return p.copyOut(buf, st) ? 0 : -EFAULT;
}

function writev(p: LinuxProcess, fd: number, iov: number, count: number): number {
  if (count < 0 || count > 1024) return -EINVAL;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const v = p.copyIn(iov + k * 8, 8);
    if (v === null) return -EFAULT;
    const dv = new DataView(v.buffer);
    const r = p.write(fd, dv.getUint32(0, true), dv.getUint32(4, true));
    if (r < 0) return total > 0 ? total : r;
    total += r;
  }
  return total;
}

function readv(p: LinuxProcess, fd: number, iov: number, count: number): number {
  if (count < 0 || count > 1024) return -EINVAL;
  let total = 0;
  for (let k = 0; k < count; k++) {
    const v = p.copyIn(iov + k * 8, 8);
    if (v === null) return -EFAULT;
    const dv = new DataView(v.buffer);
    const len = dv.getUint32(4, true);
    const r = p.read(fd, dv.getUint32(0, true), len);
    if (r < 0) return total > 0 ? total : r;
    total += r;
    if (r < len) break;
  }
  return total;
}

export const ioSyscalls: readonly SyscallDef[] = [
  { nr: 3, name: "read", support: "partial", note: "fd 0 only (host stdin)", handler: (p, fd, buf, n) => p.read(fd, buf, n) },
  { nr: 4, name: "write", support: "partial", note: "fds 1 and 2 (host stdout/stderr)", handler: (p, fd, buf, n) => p.write(fd, buf, n) },
  { nr: 145, name: "readv", support: "partial", note: "fd 0 only", handler: readv },
  { nr: 146, name: "writev", support: "partial", note: "fds 1 and 2", handler: writev },
  { nr: 6, name: "close", support: "partial", note: "fds 0-2 close (no other fds exist)", handler: (p, fd) => p.close(fd) },
  {
    nr: 54,
    name: "ioctl",
    support: "partial",
    note: "TCGETS and every other request on fds 0-2: ENOTTY (not a terminal)",
    handler: (p, fd) => (p.isOpen(fd) ? -ENOTTY : -EBADF),
  },
  { nr: 197, name: "fstat64", support: "partial", note: "fds 0-2: a character device", handler: fstat64 },
  { nr: 195, name: "stat64", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  { nr: 196, name: "lstat64", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  {
    nr: 300,
    name: "fstatat64",
    support: "partial",
    note: "AT_EMPTY_PATH on fds 0-2; paths: ENOENT",
    handler: (p, fd, path, buf, flags) => {
      const first = p.copyIn(path, 1);
      if (first === null) return -EFAULT;
      return (flags & 0x1000) !== 0 && first[0] === 0 ? fstat64(p, fd, buf) : -ENOENT;
    },
  },
  { nr: 383, name: "statx", support: "stub", note: "ENOSYS, so libc falls back to fstat64", handler: () => -ENOSYS },
  { nr: 5, name: "open", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  { nr: 295, name: "openat", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  { nr: 33, name: "access", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  { nr: 85, name: "readlink", support: "stub", note: "no file system: ENOENT", handler: () => -ENOENT },
  { nr: 19, name: "lseek", support: "partial", note: "fds 0-2 are not seekable", handler: (p, fd) => (p.isOpen(fd) ? -ESPIPE : -EBADF) },
  { nr: 140, name: "_llseek", support: "partial", note: "fds 0-2 are not seekable", handler: (p, fd) => (p.isOpen(fd) ? -ESPIPE : -EBADF) },
];
