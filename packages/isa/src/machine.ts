/**
 * A machine: physical memory, one processor and an engine, wired together. The user-level flat
 * machine (ring 3, flat 32-bit segments, a host-managed page map, every exception delivered to
 * the host) is what a Linux-ABI runner such as @strata/linux-user builds on; the PC with paging,
 * an IDT and devices grows from the same parts.
 */
import { Cpu } from "./cpu/cpu";
import { Interpreter } from "./exec/interpreter";
import { PageMap } from "./memory/page-map";
import { PhysicalMemory } from "./memory/physical";

export interface Machine {
  readonly ram: PhysicalMemory;
  readonly cpu: Cpu;
  readonly engine: Interpreter;
}

export interface MachineOptions {
  /** Physical memory in bytes (default 64 MiB; at most 2 GiB). */
  readonly memoryBytes?: number;
}

export function createMachine(options: MachineOptions = {}): Machine {
  const ram = new PhysicalMemory(options.memoryBytes ?? 64 * 1024 * 1024);
  const cpu = new Cpu(ram);
  const engine = new Interpreter(cpu);
  return { ram, cpu, engine };
}

export interface UserMachine extends Machine {
  /** The linear -> physical map the host maintains (mmap, brk, stack growth). */
  readonly pageMap: PageMap;
}

/**
 * A user-level flat machine: CPL 3, CS/SS/DS/ES flat 32-bit, paging replaced by a host-managed
 * page map, every vector interposed. Call `cpu.resetUserFlat(entry, stack)` once the program is
 * loaded, and `engine.setHostHandler(...)` to serve INT n and exceptions.
 */
export function createUserMachine(options: MachineOptions = {}): UserMachine {
  const m = createMachine(options);
  const pageMap = new PageMap();
  m.cpu.mmu.setTranslator(pageMap);
  m.cpu.resetUserFlat(0, 0);
  return { ...m, pageMap };
}
