/** Recognizes an uploaded or command-line image by its magic bytes. */
import type { WorkloadKind } from "@strata/workloads";

export class WorkloadFormatError extends Error {
  override readonly name = "WorkloadFormatError";
}

const MULTIBOOT_MAGIC = 0x1badb002;

/** Multiboot v1: the header's magic must sit 4-byte aligned within the first 8 KiB. */
function hasMultibootHeader(b: Uint8Array): boolean {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const end = Math.min(b.length, 8192) - 12;
  for (let off = 0; off <= end; off += 4) {
    if (view.getUint32(off, true) !== MULTIBOOT_MAGIC) continue;
    const flags = view.getUint32(off + 4, true);
    const checksum = view.getUint32(off + 8, true);
    if (((MULTIBOOT_MAGIC + flags + checksum) >>> 0) === 0) return true;
  }
  return false;
}

/** The workload kind of an image, or a WorkloadFormatError naming what was found. */
export function detectKind(name: string, b: Uint8Array): WorkloadKind {
  if (b.length >= 4 && b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) {
    if (b[4] !== 1) throw new WorkloadFormatError(`${name}: ELF class ${b[4]} is not ELF32 (i386)`);
    if (b.length < 20 || (b[18] ?? 0) + ((b[19] ?? 0) << 8) !== 3) {
      throw new WorkloadFormatError(`${name}: ELF machine is not EM_386`);
    }
    return hasMultibootHeader(b) ? "bare-metal-i386" : "linux-i386";
  }
  if (b.length >= 2 && b[0] === 0x4d && b[1] === 0x5a) return "win32-pe";
  if (b.length >= 4 && b[0] === 0xca && b[1] === 0xfe && b[2] === 0xba && b[3] === 0xbe) return "jvm";
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return "jvm";
  throw new WorkloadFormatError(`${name}: not an ELF32, PE, class or JAR file`);
}
